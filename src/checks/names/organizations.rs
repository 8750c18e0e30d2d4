//! Organisations: one organisation named two ways by two sources, the same words in
//! another order or form ("Transport Ministry", "Ministry of Transport") or one word
//! spelt differently. British and American spellings of one name are not reported.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::base::morphology;
use crate::rules::TitleWords;
use crate::source::Source;

use super::super::{Detail, Finding, Mention};
use super::{capitalized, only_spaces, plain, words};

/// A distinct written form of an organisation's name, with one place it stands.
type SurfaceName<'a> = (&'a String, &'a OrgName);

/// An organisation's name as written, and where.
struct OrgName {
    /// Plain words, connectors included, as written.
    surface: String,
    /// Plain singular content words, sorted: the same for "Ministry of Transport" and
    /// "Transport Ministry".
    key: Vec<String>,
    mention: Mention,
}

/// Capitalised runs that hold an organisation word, from every source in order.
fn organization_names(sources: &[Source], titles: &TitleWords) -> Vec<OrgName> {
    let per_source: Vec<Vec<OrgName>> = sources
        .par_iter()
        .map(|source| organizations_in(source, titles))
        .collect();
    per_source.into_iter().flatten().collect()
}

/// The organisation names of one source.
fn organizations_in(source: &Source, titles: &TitleWords) -> Vec<OrgName> {
    let is_org = |w: &str| {
        titles
            .organizations
            .iter()
            .any(|o| o.eq_ignore_ascii_case(w))
    };
    let connectors = &source.language.name_connectors;
    let mut out = Vec::new();
    for paragraph in &source.paragraphs {
        let text = paragraph.text.as_str();
        if !titles
            .organizations
            .iter()
            .any(|o| text.contains(o.as_str()))
        {
            continue;
        }
        let list = words(text);
        let mut i = 0;
        while i < list.len() {
            if !capitalized(list[i].1) || list[i].1 == "The" {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < list.len() && only_spaces(text, list[j - 1], list[j].0) {
                let w = list[j].1;
                let joins =
                    connectors.contains(w) && list.get(j + 1).is_some_and(|(_, n)| capitalized(n));
                if !(capitalized(w) || joins) {
                    break;
                }
                j += 1;
            }
            let run = &list[i..j];
            if run.len() >= 2 && run.iter().any(|(_, w)| is_org(w)) {
                let mut key: Vec<String> = run
                    .iter()
                    .filter(|(_, w)| !connectors.contains(w))
                    .map(|(_, w)| morphology::singular(&plain(w)))
                    .collect();
                key.sort();
                let end = run[run.len() - 1].0 + run[run.len() - 1].1.len();
                out.push(OrgName {
                    surface: run
                        .iter()
                        .map(|(_, w)| plain(w))
                        .collect::<Vec<_>>()
                        .join(" "),
                    key,
                    mention: Mention {
                        source: source.path.clone(),
                        location: paragraph.locate(run[0].0),
                        quote: text[run[0].0..end].to_string(),
                    },
                });
            }
            i = j;
        }
    }
    out
}

/// One organisation named two ways by two sources: the same words in another order or
/// form ("Transport Ministry", "Ministry of Transport"), or one word spelt differently.
/// British and American spellings of one name are not reported.
pub(super) fn organizations_differ(sources: &[Source], titles: &TitleWords) -> Vec<Finding> {
    let names = organization_names(sources, titles);
    let mut by_surface: BTreeMap<String, &OrgName> = BTreeMap::new();
    for name in &names {
        let american = name.surface.replace("isation", "ization");
        by_surface.entry(american).or_insert(name);
    }
    // Names that may be one organisation share every key word but at most one: group
    // them by their key with each word left out in turn, so no two names are compared
    // unless they are already that close.
    let mut groups: BTreeMap<(Vec<String>, usize), Vec<SurfaceName>> = BTreeMap::new();
    for (surface, name) in &by_surface {
        for left_out in 0..name.key.len() {
            let mut rest = name.key.clone();
            rest.remove(left_out);
            groups
                .entry((rest, name.key.len()))
                .or_default()
                .push((surface, name));
        }
    }
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut out = Vec::new();
    for members in groups.values() {
        for (n, (surface_a, a)) in members.iter().enumerate() {
            for (surface_b, b) in &members[n + 1..] {
                if a.mention.source == b.mention.source
                    || !seen.insert(((*surface_a).clone(), (*surface_b).clone()))
                {
                    continue;
                }
                let differing: Vec<(&String, &String)> =
                    a.key.iter().zip(&b.key).filter(|(x, y)| x != y).collect();
                let one_spelling = differing.len() == 1
                    && strsim::normalized_damerau_levenshtein(differing[0].0, differing[0].1)
                        >= 0.85;
                let reordered = differing.is_empty() && surface_a != surface_b;
                if reordered || one_spelling {
                    out.push(Finding {
                        source: a.mention.source.clone(),
                        cross_source: true,
                        claims: Vec::new(),
                        total: None,
                        mentions: vec![a.mention.clone(), b.mention.clone()],
                        detail: Detail::OrganizationName,
                    });
                }
            }
        }
    }
    out
}
