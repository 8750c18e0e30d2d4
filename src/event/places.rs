//! Places: which of the places a set of articles names are the event's own, so that a
//! claim restricted to another place is a part of the whole ("27 bodies were brought to
//! a hospital in neighbouring Etah district" of a Hathras stampede).
//!
//! The event's places are the ones the headlines name, or that four sources in five
//! name. A claim's place counts as a restriction when it is not one of them, when the
//! text marks it as a share ("from Chooramala village alone", "in Hathras itself"), or,
//! for one of the event's own places, when its source gives the same thing with a
//! different figure and no place ("turnout was 61.5%" ... "turnout in Lindhaven was
//! 48%"): the analysis stage settles that last case, source by source.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::lang::Language;
use crate::extract::claims::Claim;
use crate::extract::frame::places::PlaceName;
use crate::extract::view::is_title_case;
use crate::source::Source;

/// The places a set of articles names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// The event's own places, by key.
    pub event: BTreeSet<String>,
    /// How many sources name each place after "in", "at" or "from": a name read as a
    /// place by one source only ("a ransom paid in Bitcoin") may be none.
    pub named_by: BTreeMap<String, usize>,
}

impl Places {
    pub const UNKNOWN: Places = Places {
        event: BTreeSet::new(),
        named_by: BTreeMap::new(),
    };

    /// The places of a set of sources.
    pub fn of(sources: &[Source]) -> Places {
        let mut by_sources: BTreeMap<String, usize> = BTreeMap::new();
        let mut named_by: BTreeMap<String, usize> = BTreeMap::new();
        for source in sources {
            let mentions = mentions(source);
            for (key, _) in &mentions {
                *by_sources.entry(key.clone()).or_default() += 1;
            }
            let as_place: BTreeSet<&String> = mentions
                .iter()
                .filter(|(_, of)| !of)
                .map(|(k, _)| k)
                .collect();
            for key in as_place {
                *named_by.entry(key.clone()).or_default() += 1;
            }
        }
        let headlines: Vec<String> = sources
            .iter()
            .map(|s| {
                s.paragraphs
                    .first()
                    .map(|p| p.text.to_lowercase())
                    .unwrap_or_default()
            })
            .collect();
        let n = sources.len();
        let event = by_sources
            .iter()
            .filter(|(key, count)| {
                headlines.iter().any(|h| contains_words(h, key)) || **count * 5 >= n * 4
            })
            .map(|(key, _)| key.clone())
            .collect();
        Places { event, named_by }
    }

    /// The place a claim is restricted to, and whether that is certain: a place that is
    /// not the event's own, or one the text marks as a share. One of the event's own
    /// places comes back uncertain, for its source to settle.
    pub fn restriction<'c>(&self, claim: &'c Claim) -> Option<(&'c PlaceName, bool)> {
        if self.event.is_empty() {
            return None;
        }
        let lang = claim.language;
        // "The governor of South Kivu said 78 died": a place after "of" is whose
        // office speaks, not where the count was made. A country or a continent holds
        // the event's places rather than being a part of them.
        let usable = |p: &&PlaceName| !p.after_of && !is_container(lang, &p.key);
        let certain = claim.frame.places.iter().filter(usable).find(|p| {
            let known =
                p.emphatic || p.kind_word || self.named_by.get(&p.key).is_some_and(|n| *n >= 2);
            known && (p.emphatic || !self.is_event_place(&p.key))
        });
        if let Some(place) = certain {
            return Some((place, true));
        }
        claim.frame.places.iter().find(usable).map(|p| (p, false))
    }

    fn is_event_place(&self, key: &str) -> bool {
        self.event.iter().any(|e| same_place(e, key))
    }

    /// True when a people's name ("Americans") names the people of one of the event's
    /// places: they are the whole of a count, not a part of it.
    pub fn is_home_people(&self, lang: &'static Language, people: &str) -> bool {
        self.event.iter().any(|p| {
            lang.demonym_of(p)
                .is_some_and(|d| d.eq_ignore_ascii_case(people))
        })
    }
}

fn is_container(lang: &'static Language, key: &str) -> bool {
    lang.demonym_of(key).is_some() || lang.is_continent(key)
}

/// True when one place name's words run inside the other's: "manchester" and "greater
/// manchester".
pub fn same_place(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let short: Vec<&str> = short.split(' ').collect();
    let long: Vec<&str> = long.split(' ').collect();
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// A language's pattern for a place named after a preposition, made once: the
/// preposition, then capitalised words after the words that say nothing of which place
/// ("in neighbouring Etah district"). A name is its first four words, cut in code: a
/// bounded repeat of Unicode classes would be compiled four times over.
fn mention_pattern(lang: &'static Language) -> &'static regex::Regex {
    static MADE: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, regex::Regex>> =
        std::sync::LazyLock::new(|| {
            crate::base::lang::LANGUAGES
                .iter()
                .map(|l| {
                    let adjectives = l.place_adjectives.words().join("|");
                    let pattern = format!(
                        r"\b(in|at|from|of)\s+(?:(?:{adjectives})\s+){{0,2}}((?:\p{{Lu}}[\w'’-]*\s*)+)"
                    );
                    (l.code, regex::Regex::new(&pattern).expect("place pattern compiles"))
                })
                .collect()
        });
    &MADE[lang.code]
}

/// The most words a place name has.
const PLACE_WORDS: usize = 4;

/// A source's place names, each with whether it came after "of" only. A headline in
/// title case is passed over: its capitals name nothing.
fn mentions(source: &Source) -> BTreeSet<(String, bool)> {
    let lang = source.language;
    let pattern = mention_pattern(lang);
    let mut found: BTreeMap<String, bool> = BTreeMap::new();
    for (i, paragraph) in source.paragraphs.iter().enumerate() {
        if i == 0 && is_title_case(&paragraph.text) {
            continue;
        }
        for m in pattern.captures_iter(&paragraph.text) {
            let name: Vec<&str> = m[2].split_whitespace().take(PLACE_WORDS).collect();
            let Some(key) = key_of(lang, &name.join(" ")) else {
                continue;
            };
            let of = &m[1] == "of";
            let entry = found.entry(key).or_insert(of);
            *entry = *entry && of;
        }
    }
    found.into_iter().collect()
}

/// A place mention's key, as the frame makes it: lower case, after a possessive,
/// without months and weekdays.
fn key_of(lang: &Language, text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .rsplit_once("'s ")
        .or_else(|| text.rsplit_once("’s "))
        .map_or(text, |(_, rest)| rest);
    let words: Vec<String> = text
        .split_whitespace()
        .map(str::to_lowercase)
        .take_while(|w| !lang.is_month(w) && !lang.weekdays.contains(w))
        .collect();
    let first = words.first()?;
    (!lang.phrase_stops.contains(first)).then(|| words.join(" "))
}

fn contains_words(haystack: &str, words: &str) -> bool {
    haystack.match_indices(words).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_all;

    #[test]
    fn places_of_headlines_and_of_most_sources_are_the_events() {
        let sources = parse_all(&[
            ("a.txt", "116 killed in stampede in Hathras\n\nTwenty-seven bodies were brought to a hospital in Etah."),
            ("b.txt", "hathras stampede toll rises\n\nBodies were taken to a hospital in Etah."),
            ("c.txt", "stampede at religious event\n\nSome bodies are at a morgue in Etah, one at Aligarh."),
            ("d.txt", "stampede at a satsang\n\nThe preacher left the venue."),
            ("e.txt", "toll rises to 116\n\nOfficials said the toll had risen."),
        ]);
        let places = Places::of(&sources);
        assert!(places.event.contains("hathras"), "named in a headline");
        assert!(!places.event.contains("etah"), "three sources in five");
        assert!(!places.event.contains("aligarh"));
        assert_eq!(places.named_by.get("etah"), Some(&3));
    }

    #[test]
    fn names_meet_when_one_runs_inside_the_other() {
        assert!(same_place("manchester", "greater manchester"));
        assert!(same_place("kivu", "lake kivu"));
        assert!(!same_place("north kivu", "south kivu"));
    }
}
