//! Names and titles: one person given different ranks by two sources, spelling variants
//! of one name, and title words that look misspelt.
//!
//! A mention is a run of capitalised words made of a title (rank and office words from
//! the rule files' `[titles]`, joined by "of", "the", "and") followed by a name of two to
//! four other capitalised words: "Permanent Deputy Minister of Foreign Affairs Nguyen
//! Minh Vu". A name without a title is never compared, and titles are compared by their
//! ranks only, so "Deputy Foreign Minister" and "Deputy Minister of Foreign Affairs" are
//! the same title in other words.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::rules::TitleWords;
use crate::source::Source;

use super::{Check, Kind, Mention};

/// Least similarity for two names, or a word and a title word, to be one spelt two ways.
const SPELLING_THRESHOLD: f64 = 0.8;

const CONNECTORS: &[&str] = &["of", "the", "and", "for"];

/// A title and name found in a sentence.
#[derive(Debug, Clone)]
struct Found {
    title: Vec<String>,
    name: Vec<String>,
    mention: Mention,
}

/// Lower case with diacritics dropped: "António" and "Antonio" compare equal.
fn plain(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The title word a word looks like a misspelling of, if any.
fn near_miss<'a>(word: &str, titles: &'a TitleWords) -> Option<&'a str> {
    if word.chars().count() < 5 || titles.is_rank(word) || titles.is_office(word) {
        return None;
    }
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let first = lower.chars().next();
    titles
        .ranks
        .iter()
        .chain(&titles.offices)
        // A misspelling keeps its first letter and about its length: cheap tests that
        // spare most edit-distance tables.
        .filter(|t| {
            let n = t.chars().count();
            n >= 5 && n.abs_diff(length) <= 2 && t.to_lowercase().chars().next() == first
        })
        .map(|t| {
            (
                t,
                strsim::normalized_damerau_levenshtein(&lower, &t.to_lowercase()),
            )
        })
        .filter(|(_, score)| *score >= SPELLING_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| t.as_str())
}

/// Words of a sentence with their byte ranges.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Checks every source for title mentions, misspelt title words and name variants.
pub fn check(sources: &[Source], titles: &TitleWords) -> Vec<Check> {
    if titles.ranks.is_empty() {
        return Vec::new();
    }
    let per_source: Vec<(Vec<Found>, Vec<Check>)> = sources
        .par_iter()
        .map(|source| titles_in(source, titles))
        .collect();
    let mut found: Vec<Found> = Vec::new();
    let mut checks = Vec::new();
    for (mentions, misspelt) in per_source {
        found.extend(mentions);
        checks.extend(misspelt);
    }
    checks.extend(titles_differ(&found, titles));
    checks.extend(names_differ(&found));
    checks.extend(organizations_differ(sources, titles));
    checks
}

/// One source's title mentions, and its misspelt title words.
fn titles_in(source: &Source, titles: &TitleWords) -> (Vec<Found>, Vec<Check>) {
    let mut found: Vec<Found> = Vec::new();
    let mut checks = Vec::new();
    for paragraph in &source.paragraphs {
        let text = paragraph.text.as_str();
        // Most paragraphs name no rank: a substring test spares their segmentation.
        if !titles.ranks.iter().any(|rank| text.contains(rank.as_str())) {
            continue;
        }
        for &sentence in paragraph.sentences() {
            let body = sentence.text(text);
            let list = words(body);
            let mut i = 0;
            while i < list.len() {
                let Some((mention, misspelt, next)) = title_at(&list, i, body, titles) else {
                    i += 1;
                    continue;
                };
                let place = |offset: usize| paragraph.locate(sentence.start + offset);
                for (offset, word, meant) in misspelt {
                    checks.push(Check {
                        kind: Kind::Spelling,
                        source: source.path.clone(),
                        cross_source: false,
                        claims: Vec::new(),
                        total: None,
                        mentions: vec![Mention {
                            source: source.path.clone(),
                            location: place(offset),
                            quote: mention.2.clone(),
                        }],
                        message: format!(
                            "\"{word}\" in \"{}\" looks like a misspelling of \"{meant}\"",
                            mention.2
                        ),
                    });
                }
                if mention.1.len() >= 2 {
                    found.push(Found {
                        title: mention.0,
                        name: mention.1,
                        mention: Mention {
                            source: source.path.clone(),
                            location: place(list[i].0),
                            quote: mention.2,
                        },
                    });
                }
                i = next;
            }
        }
    }
    (found, checks)
}

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
                    CONNECTORS.contains(&w) && list.get(j + 1).is_some_and(|(_, n)| capitalized(n));
                if !(capitalized(w) || joins) {
                    break;
                }
                j += 1;
            }
            let run = &list[i..j];
            if run.len() >= 2 && run.iter().any(|(_, w)| is_org(w)) {
                let mut key: Vec<String> = run
                    .iter()
                    .filter(|(_, w)| !CONNECTORS.contains(w))
                    .map(|(_, w)| crate::lexicon::singular(&plain(w)))
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
fn organizations_differ(sources: &[Source], titles: &TitleWords) -> Vec<Check> {
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
                    out.push(Check {
                        kind: Kind::Name,
                        source: a.mention.source.clone(),
                        cross_source: true,
                        claims: Vec::new(),
                        total: None,
                        message: format!(
                            "\"{}\" and \"{}\" look like one organisation named two ways",
                            a.mention.quote, b.mention.quote
                        ),
                        mentions: vec![a.mention.clone(), b.mention.clone()],
                    });
                }
            }
        }
    }
    out
}

type TitleMention = (Vec<String>, Vec<String>, String);

/// A misspelt title word: its offset, the word, and the word it looks meant to be.
type Misspelt = (usize, String, String);

/// A title (and the name after it) starting at word `i`: (title words, name words, the
/// wording), the misspelt title words with their offsets, and the word after the run.
fn title_at(
    list: &[(usize, &str)],
    i: usize,
    body: &str,
    titles: &TitleWords,
) -> Option<(TitleMention, Vec<Misspelt>, usize)> {
    let is_title_word =
        |w: &str| titles.is_rank(w) || titles.is_office(w) || near_miss(w, titles).is_some();
    if !capitalized(list[i].1) || !titles.is_rank(list[i].1) {
        return None;
    }
    let mut title = Vec::new();
    let mut misspelt = Vec::new();
    let mut j = i;
    while j < list.len() {
        let (offset, word) = list[j];
        let adjacent = j == i || only_spaces(body, list[j - 1], offset);
        if !adjacent {
            break;
        }
        if capitalized(word) && is_title_word(word) {
            if let Some(meant) = near_miss(word, titles) {
                misspelt.push((offset, word.to_string(), meant.to_string()));
            }
            title.push(word.to_string());
        } else if CONNECTORS.contains(&word) && list.get(j + 1).is_some_and(|(_, w)| capitalized(w))
        {
            title.push(word.to_string());
        } else {
            break;
        }
        j += 1;
    }
    while title
        .last()
        .is_some_and(|w| CONNECTORS.contains(&w.as_str()))
    {
        title.pop();
        j -= 1;
    }
    let mut name = Vec::new();
    let mut k = j;
    while k < list.len() && name.len() < 4 {
        let (offset, word) = list[k];
        if !capitalized(word) || is_title_word(word) || !only_spaces(body, list[k - 1], offset) {
            break;
        }
        name.push(word.to_string());
        k += 1;
    }
    if name.len() < 2 {
        name.clear();
        k = j;
    }
    let end = list[k - 1].0 + list[k - 1].1.len();
    let wording = body[list[i].0..end].to_string();
    Some(((title, name, wording), misspelt, k.max(i + 1)))
}

/// True when only spaces stand between a word and the next offset.
fn only_spaces(body: &str, previous: (usize, &str), next: usize) -> bool {
    body[previous.0 + previous.1.len()..next]
        .chars()
        .all(|c| c == ' ')
}

/// One person (by name) given titles that share a rank but differ in another:
/// "Permanent Deputy Minister" against "Deputy Minister". Titles with no rank in common
/// ("General" and "Minister") are two true titles of one person, not a discrepancy.
fn titles_differ(found: &[Found], titles: &TitleWords) -> Vec<Check> {
    let mut by_name: BTreeMap<String, Vec<&Found>> = BTreeMap::new();
    for f in found {
        by_name.entry(plain(&f.name.join(" "))).or_default().push(f);
    }
    let ranks = |f: &Found| -> BTreeSet<String> {
        f.title
            .iter()
            .filter(|w| titles.is_rank(w))
            .map(|w| w.to_lowercase())
            .collect()
    };
    let mut out = Vec::new();
    for group in by_name.values() {
        let sets: Vec<BTreeSet<String>> = group.iter().map(|f| ranks(f)).collect();
        let clashing = |i: usize| {
            sets.iter()
                .any(|other| other != &sets[i] && !other.is_disjoint(&sets[i]))
        };
        let involved: Vec<usize> = (0..group.len()).filter(|&i| clashing(i)).collect();
        if involved.is_empty() {
            continue;
        }
        // Each distinct title once, at its first place.
        let mut wordings: Vec<String> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for &i in &involved {
            let title = group[i].title.join(" ");
            if !seen.contains(&title) {
                let m = &group[i].mention;
                wordings.push(format!("\"{title}\" ({}:{})", m.source, m.location.line));
                seen.push(title);
            }
        }
        let sources: BTreeSet<&str> = involved
            .iter()
            .map(|&i| group[i].mention.source.as_str())
            .collect();
        out.push(Check {
            kind: Kind::Title,
            source: group[involved[0]].mention.source.clone(),
            cross_source: sources.len() > 1,
            claims: Vec::new(),
            total: None,
            mentions: involved.iter().map(|&i| group[i].mention.clone()).collect(),
            message: format!(
                "{} is titled differently: {}",
                group[involved[0]].name.join(" "),
                wordings.join("; ")
            ),
        });
    }
    out
}

/// Names that differ only by a letter or a diacritic.
fn names_differ(found: &[Found]) -> Vec<Check> {
    let mut spellings: BTreeMap<String, Vec<&Found>> = BTreeMap::new();
    for f in found {
        spellings.entry(f.name.join(" ")).or_default().push(f);
    }
    // Only names with the same first letter, word count and about the same length can
    // be one name spelt two ways: compare within those groups, in length order.
    let mut names: Vec<(&String, String)> = spellings.keys().map(|n| (n, plain(n))).collect();
    let shape = |(name, plain): &(&String, String)| {
        (
            plain.chars().next(),
            name.split(' ').count(),
            plain.chars().count(),
        )
    };
    names.sort_by(|a, b| shape(a).cmp(&shape(b)).then(a.0.cmp(b.0)));
    let mut out = Vec::new();
    for (n, left) in names.iter().enumerate() {
        let (first, words, length) = shape(left);
        for right in &names[n + 1..] {
            let (first_r, words_r, length_r) = shape(right);
            if first_r != first || words_r != words || length_r > length + 2 {
                break;
            }
            let (a, b) = (left.0, right.0);
            let (pa, pb) = (&left.1, &right.1);
            let close = pa == pb || strsim::normalized_damerau_levenshtein(pa, pb) >= 0.9;
            if !close {
                continue;
            }
            let mentions: Vec<Mention> = spellings[a]
                .iter()
                .chain(&spellings[b])
                .map(|f| f.mention.clone())
                .collect();
            out.push(Check {
                kind: Kind::Name,
                source: mentions[0].source.clone(),
                cross_source: true,
                claims: Vec::new(),
                total: None,
                message: format!("\"{a}\" and \"{b}\" look like one name spelt two ways"),
                mentions,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn messages(texts: &[(&str, &str)]) -> Vec<(Kind, String)> {
        let sources = crate::source::parse_all(texts);
        check(&sources, &RuleSet::builtin().titles)
            .into_iter()
            .map(|c| (c.kind, c.message))
            .collect()
    }

    /// The messages of one kind among those found.
    fn of_kind(found: &[(Kind, String)], kind: Kind) -> Vec<&String> {
        found
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn one_person_with_other_ranks_is_reported() {
        let found = messages(&[
            (
                "a.txt",
                "Permanent Deputy Minister of Trade Ilse Marten spoke.",
            ),
            ("b.txt", "Deputy Minister of Trade Ilse Marten said so."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::Title);
        assert!(found[0]
            .1
            .contains("\"Permanent Deputy Minister of Trade\" (a.txt:1)"));
    }

    #[test]
    fn two_true_titles_of_one_person_are_not_a_discrepancy() {
        assert!(messages(&[
            ("a.txt", "General Ilse Marten, Minister of Trade, spoke."),
            ("b.txt", "Minister of Trade Ilse Marten said so."),
        ])
        .is_empty());
    }

    #[test]
    fn the_same_rank_in_other_words_and_untitled_mentions_are_not() {
        assert!(messages(&[
            ("a.txt", "Deputy Foreign Minister Ilse Marten spoke."),
            (
                "b.txt",
                "Deputy Minister of Foreign Affairs Ilse Marten said so. Ilse Marten left."
            ),
        ])
        .is_empty());
    }

    #[test]
    fn misspelt_title_words_are_reported() {
        let found = messages(&[(
            "a.txt",
            "the Deputy Foriegn Minister affirmed. Then General Secratary Omar Ali spoke.",
        )]);
        let spelling = of_kind(&found, Kind::Spelling);
        assert_eq!(spelling.len(), 2, "{found:?}");
        assert!(spelling[0].contains("\"Foriegn\"") && spelling[0].contains("\"Foreign\""));
        assert!(spelling[1].contains("\"Secratary\""));
    }

    #[test]
    fn one_organisation_named_two_ways_is_reported() {
        let found = messages(&[
            ("a.txt", "The Ministry of Transport said 40 ships left."),
            (
                "b.txt",
                "The Transport Ministry said so. The Marovan Port Authority agreed.",
            ),
            (
                "c.txt",
                "The Marovian Port Authority agreed. The Ministry of Transport confirmed it.",
            ),
        ]);
        let orgs = of_kind(&found, Kind::Name);
        assert_eq!(orgs.len(), 2, "{found:?}");
        assert!(
            orgs.iter()
                .any(|m| m.contains("Marovan Port Authority")
                    && m.contains("Marovian Port Authority"))
        );
        assert!(orgs.iter().any(|m| m.contains("Transport Ministry")));
    }

    #[test]
    fn organisations_named_alike_or_in_both_spellings_are_not() {
        assert!(messages(&[
            ("a.txt", "The World Health Organisation said so."),
            (
                "b.txt",
                "The World Health Organization said so. The Ministry of Health agreed."
            ),
            ("c.txt", "The Ministry of Health agreed."),
        ])
        .is_empty());
    }

    #[test]
    fn name_variants_are_reported() {
        let found = messages(&[
            ("a.txt", "President José Ramos spoke."),
            ("b.txt", "President Jose Ramos spoke."),
            ("c.txt", "President Jose Ramoz spoke."),
        ]);
        let names = of_kind(&found, Kind::Name);
        assert_eq!(names.len(), 3, "{found:?}");
    }
}
