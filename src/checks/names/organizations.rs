//! Organisations: one organisation named two ways by two sources, the same words in
//! another order or form ("Transport Ministry", "Ministry of Transport") or one word
//! spelt differently. British and American spellings of one name are not reported.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::base::morphology;
use crate::rules::TitleWords;
use crate::source::Source;

use super::super::{Detail, Finding, Mention};
use super::{capitalized, only_spaces, plain, words};

/// Names' key words with one left out, and how many there were.
type GroupKey = (Vec<String>, usize);

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
    for paragraph in source.paragraphs.iter() {
        let text = paragraph.text();
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

/// A word and its spellings with one letter left out, and for a long word (where two
/// letters may differ within the similarity asked for) with two left out.
fn letters_out(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let without = |skip: &[usize]| -> String {
        chars
            .iter()
            .enumerate()
            .filter(|(i, _)| !skip.contains(i))
            .map(|(_, c)| c)
            .collect()
    };
    let mut out = vec![word.to_string()];
    for i in 0..chars.len() {
        out.push(without(&[i]));
        if chars.len() >= 14 {
            for j in i + 1..chars.len() {
                out.push(without(&[i, j]));
            }
        }
    }
    out.sort();
    out.dedup();
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
    // Within a group the names differ only in the word left out; two can be one
    // organisation only when those words are the same or spelt almost alike, so each
    // group is indexed again by the left-out word and its spellings with letters left
    // out, and only names sharing one are weighed.
    let mut groups: BTreeMap<GroupKey, Vec<(SurfaceName, String)>> = BTreeMap::new();
    for (surface, name) in &by_surface {
        for left_out in 0..name.key.len() {
            let mut rest = name.key.clone();
            let word = rest.remove(left_out);
            groups
                .entry((rest, name.key.len()))
                .or_default()
                .push(((surface, name), word));
        }
    }
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut out = Vec::new();
    for members in groups.values() {
        let mut by_spelling: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (n, (_, word)) in members.iter().enumerate() {
            for variant in letters_out(word) {
                by_spelling.entry(variant).or_default().push(n);
            }
        }
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        for close in by_spelling.values() {
            for (k, &n) in close.iter().enumerate() {
                for &m in &close[k + 1..] {
                    if n != m {
                        pairs.insert((n.min(m), n.max(m)));
                    }
                }
            }
        }
        for (n, m) in pairs {
            let ((surface_a, a), _) = &members[n];
            let ((surface_b, b), _) = &members[m];
            if a.mention.source == b.mention.source
                || !seen.insert(((*surface_a).clone(), (*surface_b).clone()))
            {
                continue;
            }
            let differing: Vec<(&String, &String)> =
                a.key.iter().zip(&b.key).filter(|(x, y)| x != y).collect();
            let one_spelling = differing.len() == 1
                && strsim::normalized_damerau_levenshtein(differing[0].0, differing[0].1) >= 0.85;
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
    out
}
