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

use unicode_normalization::UnicodeNormalization;

use crate::rules::TitleWords;
use crate::sentences;
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
    let mut found: Vec<Found> = Vec::new();
    let mut checks = Vec::new();
    for source in sources {
        for paragraph in &source.paragraphs {
            let text = paragraph.text.as_str();
            // Most paragraphs name no rank: a substring test spares their segmentation.
            if !titles.ranks.iter().any(|rank| text.contains(rank.as_str())) {
                continue;
            }
            for sentence in sentences::split(text) {
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
    }
    checks.extend(titles_differ(&found, titles));
    checks.extend(names_differ(&found));
    checks
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
        let sources: Vec<_> = texts
            .iter()
            .map(|(p, t)| crate::source::parse(p, t))
            .collect();
        check(&sources, &RuleSet::builtin().titles)
            .into_iter()
            .map(|c| (c.kind, c.message))
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
        let spelling: Vec<&String> = found
            .iter()
            .filter(|(k, _)| *k == Kind::Spelling)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(spelling.len(), 2, "{found:?}");
        assert!(spelling[0].contains("\"Foriegn\"") && spelling[0].contains("\"Foreign\""));
        assert!(spelling[1].contains("\"Secratary\""));
    }

    #[test]
    fn name_variants_are_reported() {
        let found = messages(&[
            ("a.txt", "President José Ramos spoke."),
            ("b.txt", "President Jose Ramos spoke."),
            ("c.txt", "President Jose Ramoz spoke."),
        ]);
        let names: Vec<&String> = found
            .iter()
            .filter(|(k, _)| *k == Kind::Name)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(names.len(), 3, "{found:?}");
    }
}
