//! Titles: a title (rank and office words from the rule files' `[titles]`, joined by
//! connectors) followed by a name is a mention. One person given titles that share a
//! rank and differ in another is reported, and so is a title word spelt almost like a
//! known one.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::lang::Language;
use crate::rules::TitleWords;
use crate::source::Source;

use super::super::{Detail, Finding, Mention, TitleGiven};
use super::{capitalized, only_spaces, plain, words};

/// Least similarity for a word and a title word to be one spelt two ways.
const SPELLING_THRESHOLD: f64 = 0.8;

/// A title and name found in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) title: Vec<String>,
    pub(super) name: Vec<String>,
    pub(super) mention: Mention,
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

/// One source's title mentions, and its misspelt title words.
pub(super) fn titles_in(source: &Source, titles: &TitleWords) -> (Vec<Found>, Vec<Finding>) {
    let mut found: Vec<Found> = Vec::new();
    let mut checks = Vec::new();
    for paragraph in source.paragraphs.iter() {
        let text = paragraph.text();
        // Most paragraphs name no rank: a substring test spares their segmentation.
        if !titles.ranks.iter().any(|rank| text.contains(rank.as_str())) {
            continue;
        }
        for sentence in crate::sentences::of(paragraph, source.language) {
            let body = sentence.text(text);
            let list = words(body);
            let mut i = 0;
            while i < list.len() {
                let Some((mention, misspelt, next)) =
                    title_at(&list, i, body, titles, source.language)
                else {
                    i += 1;
                    continue;
                };
                let locate = |offset: usize| paragraph.locate(sentence.start + offset);
                for (offset, word, meant) in misspelt {
                    checks.push(Finding {
                        source: source.path.clone(),
                        cross_source: false,
                        claims: Vec::new(),
                        total: None,
                        mentions: vec![Mention {
                            source: source.path.clone(),
                            location: locate(offset),
                            quote: mention.2.clone(),
                        }],
                        detail: Detail::MisspeltTitle { word, meant },
                    });
                }
                if mention.1.len() >= 2 {
                    found.push(Found {
                        title: mention.0,
                        name: mention.1,
                        mention: Mention {
                            source: source.path.clone(),
                            location: locate(list[i].0),
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
    lang: &Language,
) -> Option<(TitleMention, Vec<Misspelt>, usize)> {
    let connectors = &lang.name_connectors;
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
        } else if connectors.contains(word) && list.get(j + 1).is_some_and(|(_, w)| capitalized(w))
        {
            title.push(word.to_string());
        } else {
            break;
        }
        j += 1;
    }
    while title.last().is_some_and(|w| connectors.contains(w)) {
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

/// One person (by name) given titles that share a rank but differ in another, by two
/// sources: "Permanent Deputy Minister" against "Deputy Minister". Titles with no rank in
/// common ("General" and "Minister") are two true titles of one person, not a
/// discrepancy. Within one source a title whose ranks are all in another of its titles
/// is that title shortened, as style guides have a later mention do ("Deputy
/// Minister" after "Permanent Deputy Minister of Foreign Affairs"): only each source's
/// full titles are set against the other sources'.
pub(super) fn titles_differ(found: &[Found], titles: &TitleWords) -> Vec<Finding> {
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
        let full = full_titles(group, &sets);
        // A full title clashes when a full title of another source shares a rank with
        // it and is another set of ranks. Counted over the distinct (source, ranks)
        // pairs, so a name mentioned thousands of times costs what its mentions do, not
        // their square.
        let mut holders: BTreeMap<&str, BTreeMap<&BTreeSet<String>, BTreeSet<&str>>> =
            BTreeMap::new();
        for &i in &full {
            for rank in &sets[i] {
                holders
                    .entry(rank.as_str())
                    .or_default()
                    .entry(&sets[i])
                    .or_default()
                    .insert(group[i].mention.source.as_str());
            }
        }
        let clashing = |i: usize| {
            let own = group[i].mention.source.as_str();
            sets[i].iter().any(|r| {
                holders[r.as_str()]
                    .iter()
                    .any(|(set, sources)| **set != sets[i] && sources.iter().any(|s| *s != own))
            })
        };
        let involved: Vec<usize> = full.iter().copied().filter(|&i| clashing(i)).collect();
        if involved.is_empty() {
            continue;
        }
        out.push(finding(group, &involved));
    }
    out
}

/// The mentions of a person (indexes into `group`) that give a source's full title:
/// each distinct title of a source once, at its first place, leaving out the titles
/// whose ranks are all within another title of the same source.
fn full_titles(group: &[&Found], sets: &[BTreeSet<String>]) -> Vec<usize> {
    let mut per_source: BTreeMap<&str, Vec<&BTreeSet<String>>> = BTreeMap::new();
    for (i, f) in group.iter().enumerate() {
        per_source
            .entry(f.mention.source.as_str())
            .or_default()
            .push(&sets[i]);
    }
    let mut seen: BTreeSet<(&str, String)> = BTreeSet::new();
    (0..group.len())
        .filter(|&i| {
            let source = group[i].mention.source.as_str();
            let shortened = per_source[source]
                .iter()
                .any(|other| sets[i].len() < other.len() && sets[i].is_subset(other));
            !shortened && seen.insert((source, group[i].title.join(" ")))
        })
        .collect()
}

/// The finding for the clashing full titles of one person.
fn finding(group: &[&Found], involved: &[usize]) -> Finding {
    // Each distinct title once, at its first place.
    let mut given: Vec<TitleGiven> = Vec::new();
    let mut titles_seen: BTreeSet<String> = BTreeSet::new();
    for &i in involved {
        let title = group[i].title.join(" ");
        if titles_seen.insert(title.clone()) {
            let m = &group[i].mention;
            given.push(TitleGiven {
                title,
                source: m.source.clone(),
                line: m.location.line,
            });
        }
    }
    Finding {
        source: group[involved[0]].mention.source.clone(),
        cross_source: true,
        claims: Vec::new(),
        total: None,
        mentions: involved.iter().map(|&i| group[i].mention.clone()).collect(),
        detail: Detail::Titles {
            name: group[involved[0]].name.join(" "),
            titles: given,
        },
    }
}
