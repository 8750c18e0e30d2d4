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
use crate::base::tokens::is_word_char;
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
                    .map(|p| p.text().to_lowercase())
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
        let lang = claim.language();
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

/// Place names after a preposition, in text order: the preposition ("in", "at", "from",
/// "of", in lower case after a word's start) and the capitalised words after it, past
/// up to two words that say nothing of which place ("in neighbouring Etah district").
/// Read by hand rather than by a pattern: this runs once per paragraph of every source,
/// and a pattern of Unicode classes costs more to compile than the seeds take to read.
fn place_mentions<'t>(
    lang: &'static Language,
    text: &'t str,
) -> impl Iterator<Item = (&'t str, &'t str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let here = at;
            at += text[here..].chars().next().map_or(1, char::len_utf8);
            let Some(preposition) = preposition_at(text, here) else {
                continue;
            };
            let Some((name, end)) = name_after(lang, text, here + preposition.len()) else {
                continue;
            };
            at = end;
            return Some((preposition, name));
        }
        None
    })
}

/// The preposition that starts a word at `at`, followed by a space.
fn preposition_at(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(is_word_char) {
        return None;
    }
    let rest = &text[at..];
    ["in", "at", "from", "of"].into_iter().find(|p| {
        rest.strip_prefix(p)
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_whitespace)
    })
}

/// The capitalised words after a preposition that ends at `from`, past its spaces and
/// at most two place adjectives, and where they end (spaces after them included).
fn name_after<'t>(lang: &'static Language, text: &'t str, from: usize) -> Option<(&'t str, usize)> {
    let skip_spaces = |at: usize| {
        at + text[at..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(text.len() - at)
    };
    // Where the name may start: past no adjective, one or two.
    let mut starts = [skip_spaces(from); 3];
    let mut found = 1;
    while found < starts.len() {
        let at = starts[found - 1];
        let word_end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| at + n);
        if word_end == text.len() || !lang.place_adjectives.contains(&text[at..word_end]) {
            break;
        }
        starts[found] = skip_spaces(word_end);
        found += 1;
    }
    // As many adjectives as leave a capital after them.
    starts[..found].iter().rev().find_map(|&start| {
        let end = capitalised_run(text, start);
        (end > start).then(|| (&text[start..end], end))
    })
}

/// Where a run of words that each start with a capital ends, from `at`: each word its
/// letters, digits, apostrophes and hyphens, with the spaces after it.
fn capitalised_run(text: &str, mut at: usize) -> usize {
    while text[at..].chars().next().is_some_and(char::is_uppercase) {
        at += text[at..]
            .find(|c: char| !(is_word_char(c) || matches!(c, '\'' | '’' | '-')))
            .unwrap_or(text.len() - at);
        at += text[at..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(text.len() - at);
    }
    at
}

/// The most words a place name has.
const PLACE_WORDS: usize = 4;

/// A source's place names, each with whether it came after "of" only. A headline in
/// title case is passed over: its capitals name nothing.
fn mentions(source: &Source) -> BTreeSet<(String, bool)> {
    let lang = source.language;
    let mut found: BTreeMap<String, bool> = BTreeMap::new();
    for (i, paragraph) in source.paragraphs.iter().enumerate() {
        if i == 0 && is_title_case(paragraph.text()) {
            continue;
        }
        for (preposition, name) in place_mentions(lang, paragraph.text()) {
            let name: Vec<&str> = name.split_whitespace().take(PLACE_WORDS).collect();
            let Some(key) = key_of(lang, &name.join(" ")) else {
                continue;
            };
            let of = preposition == "of";
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
        .take_while(|w| !lang.is_day_name(w))
        .collect();
    let first = words.first()?;
    (!lang.phrase_stops.contains(first)).then(|| words.join(" "))
}

/// True when `words` stand in `haystack` as written, as whole words.
pub fn contains_words(haystack: &str, words: &str) -> bool {
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

    fn mentioned(text: &str) -> Vec<(&str, &str)> {
        place_mentions(crate::base::lang::ENGLISH, text)
            .map(|(p, name)| (p, name.trim_end()))
            .collect()
    }

    #[test]
    fn a_place_is_the_capitals_after_a_preposition_and_its_adjectives() {
        assert_eq!(
            mentioned("Bodies were taken to a morgue in Etah, one at Aligarh."),
            [("in", "Etah"), ("at", "Aligarh")]
        );
        assert_eq!(
            mentioned("Rain fell in neighbouring  Tarija Province and the remote north."),
            [("in", "Tarija Province")]
        );
        assert_eq!(
            mentioned("Crews came from the northern O'Higgins-Maule region"),
            [("from", "O'Higgins-Maule")]
        );
        assert_eq!(
            mentioned("the mayor of Greater Manchester Andy Burnham"),
            [("of", "Greater Manchester Andy Burnham")]
        );
    }

    #[test]
    fn no_place_without_a_preposition_word_and_a_capital() {
        for text in [
            "Within Paris the toll rose.",
            "In Paris the toll rose.",
            "begin Kyiv talks",
            "in the north of the country",
            "in",
            "of neighbouring",
        ] {
            assert_eq!(mentioned(text), [], "{text:?}");
        }
    }

    #[test]
    fn names_meet_when_one_runs_inside_the_other() {
        assert!(same_place("manchester", "greater manchester"));
        assert!(same_place("kivu", "lake kivu"));
        assert!(!same_place("north kivu", "south kivu"));
    }
}
