//! Dates: the same event dated differently by two sources ("signed on October 25" and
//! "signed on October 26"), and a sentence whose dates contradict themselves ("on
//! October 25, one day before the anniversary (October 24)").
//!
//! An event is known by the verb that governs "on <date>" and the noun before it ("the
//! ceremony will be held on ..."): two sources that give the same verb and noun days that
//! do not meet are reported. Relative dates ("one day before X") are checked by
//! arithmetic on the calendar, the year being unknown.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::base::lang::{Language, LANGUAGES};
use crate::base::morphology;
use crate::source::Source;

use super::{Day, Detail, Finding, Mention};

/// Days in each month of a common year: relative dates are checked without a year.
const MONTH_DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// The date pattern of `lang`: a month and a day, either way round, capitalised as
/// written.
fn date_pattern(lang: &Language) -> &'static Regex {
    static PATTERNS: LazyLock<Vec<(&str, Regex)>> = LazyLock::new(|| {
        LANGUAGES
            .iter()
            .map(|lang| {
                let month = lang.month_pattern();
                let pattern = format!(
                    r"(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:\s*[-–]\s*(?P<d1b>\d{{1,2}}))?\b|\b(?P<d2>\d{{1,2}})(?:\s*[-–]\s*(?P<d2b>\d{{1,2}}))?\s+(?P<m2>{month})"
                );
                (lang.code, Regex::new(&pattern).expect("date pattern compiles"))
            })
            .collect()
    });
    PATTERNS
        .iter()
        .find(|(code, _)| *code == lang.code)
        .map(|(_, re)| re)
        .expect("every language has a pattern")
}

/// Builds the patterns of this check now, so that a thread with nothing else to do pays
/// for them instead of the check.
pub fn warm() {
    for lang in LANGUAGES {
        date_pattern(lang);
    }
    LazyLock::force(&RELATIVE);
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>day|days|week|weeks)\s+(?P<dir>before|after|earlier than|later than)\b")
        .expect("relative pattern compiles")
});

// The words of relative dates are still English's: a second language needs them in its
// data too.

/// A date in a sentence: its month (0-11), first and last day, and byte range.
#[derive(Debug, Clone, Copy)]
struct Date {
    month: usize,
    first: u32,
    last: u32,
    start: usize,
    end: usize,
}

fn dates_in(text: &str, lang: &Language) -> Vec<Date> {
    date_pattern(lang)
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (m, d, db) = match c.name("m1") {
                Some(m) => (m, c.name("d1")?, c.name("d1b")),
                None => (c.name("m2")?, c.name("d2")?, c.name("d2b")),
            };
            let month = lang.month_index(m.as_str())?;
            let first: u32 = d.as_str().parse().ok()?;
            let last: u32 = db.map_or(Some(first), |x| x.as_str().parse().ok())?;
            let valid = (1..=31).contains(&first) && (first..=31).contains(&last);
            valid.then_some(Date {
                month,
                first,
                last,
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// Day of a common year, 0-based.
fn ordinal(month: usize, day: u32) -> i64 {
    i64::from(MONTH_DAYS[..month].iter().sum::<u32>() + day) - 1
}

/// A date given for an event: the source, the date, where it stands and its wording.
/// Held as the sources' own text until a finding quotes it: every event date of the
/// set is gathered before the sources are set against each other.
type Dated<'a> = (&'a str, Date, crate::source::Location, &'a str);

/// An event dated in a source: (verb stem, noun), the verb as written, and the date.
type EventDate<'a> = ((String, String), String, Dated<'a>);

/// Checks every source's sentences, and the sources against each other. Sources are
/// read in parallel and their findings gathered in source order.
pub fn check(sources: &[Source]) -> Vec<Finding> {
    let per_source: Vec<(Vec<Finding>, Vec<EventDate>)> = sources.par_iter().map(scan).collect();
    let mut found = Vec::new();
    // (verb stem, noun) → per source: the days given and where.
    let mut events: BTreeMap<(String, String), Vec<Dated<'_>>> = BTreeMap::new();
    let mut verbs: BTreeMap<(String, String), String> = BTreeMap::new();
    for (checks, dated) in per_source {
        found.extend(checks);
        for (key, verb, date) in dated {
            verbs.entry(key.clone()).or_insert(verb);
            events.entry(key).or_default().push(date);
        }
    }
    for (key, given) in events {
        found.extend(across(&verbs[&key], &key.1, &given));
    }
    found
}

/// One source's relative dates that are wrong, and the events it dates.
fn scan(source: &Source) -> (Vec<Finding>, Vec<EventDate<'_>>) {
    let mut found = Vec::new();
    let mut events = Vec::new();
    for paragraph in source.paragraphs.iter() {
        let text = paragraph.text();
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        for sentence in crate::sentences::of(paragraph, source.language) {
            let body = sentence.text(text);
            let dates = dates_in(body, source.language);
            if dates.is_empty() {
                continue;
            }
            let place = |d: &Date| {
                (
                    paragraph.locate(sentence.start + d.start),
                    &body[d.start..d.end],
                )
            };
            let at = |d: &Date| {
                let (location, quote) = place(d);
                Mention {
                    source: source.path.clone(),
                    location,
                    quote: quote.to_string(),
                }
            };
            found.extend(relative(body, &dates, &at, &source.path));
            for date in &dates {
                if let Some((stem, noun, verb)) = event(body, date, source.language) {
                    let (location, quote) = place(date);
                    events.push(((stem, noun), verb, (&*source.path, *date, location, quote)));
                }
            }
        }
    }
    (found, events)
}

/// "X, one day before Y": is X really one day before Y?
fn relative(
    body: &str,
    dates: &[Date],
    at: &dyn Fn(&Date) -> Mention,
    source: &str,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for rel in RELATIVE.captures_iter(body) {
        let whole = rel.get(0).expect("group 0 always matches");
        let Some(said) = dates.iter().rev().find(|d| d.end <= whole.start()) else {
            continue;
        };
        let Some(anchor) = dates.iter().find(|d| d.start >= whole.end()) else {
            continue;
        };
        let n: i64 = match rel["n"].to_lowercase().as_str() {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            digits => digits.parse().unwrap_or(0),
        };
        let days = if rel["unit"].starts_with("week") {
            n * 7
        } else {
            n
        };
        let before = matches!(
            rel["dir"].to_lowercase().as_str(),
            "before" | "earlier than"
        );
        let expected = ordinal(anchor.month, anchor.first) + if before { -days } else { days };
        let actual = ordinal(said.month, said.first);
        if actual != expected {
            out.push(Finding {
                source: source.to_string(),
                cross_source: false,
                claims: Vec::new(),
                total: None,
                mentions: vec![at(said), at(anchor)],
                detail: Detail::RelativeDate {
                    said: Day {
                        month: said.month,
                        day: said.first,
                    },
                    relation: whole.as_str().to_string(),
                    anchor: Day {
                        month: anchor.month,
                        day: anchor.first,
                    },
                    gap: actual - ordinal(anchor.month, anchor.first),
                },
            });
        }
    }
    out
}

/// The event a date is given for: the verb of "... held on <date>" (its stem and as
/// written) and the nearest noun before the verb.
fn event(body: &str, date: &Date, lang: &Language) -> Option<(String, String, String)> {
    let before = body[..date.start].trim_end();
    let before = before.strip_suffix("on")?.trim_end();
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .map(str::to_lowercase)
        .collect();
    let verb_at = words.iter().take(4).position(|w| lang.looks_verb(w))?;
    let verb = morphology::stem(&words[verb_at]);
    let noun = words[verb_at + 1..].iter().find(|w| {
        !lang.phrase_stops.contains(w.as_str())
            && !lang.auxiliaries.contains(w.as_str())
            && !lang.looks_verb(w)
    })?;
    Some((verb, morphology::singular(noun), words[verb_at].clone()))
}

/// Sources that date one event on days that do not meet.
fn across(verb: &str, noun: &str, given: &[Dated]) -> Vec<Finding> {
    let mut by_source: BTreeMap<&str, Vec<&Dated>> = BTreeMap::new();
    for g in given {
        by_source.entry(g.0).or_default().push(g);
    }
    if by_source.len() < 2 {
        return Vec::new();
    }
    let span = |d: &Date| (ordinal(d.month, d.first), ordinal(d.month, d.last));
    // Each source's days as one span; spans on a line all meet each other exactly when
    // the latest start is no later than the earliest end.
    let hulls: Vec<(i64, i64)> = by_source
        .values()
        .map(|dates| {
            dates
                .iter()
                .map(|g| span(&g.1))
                .fold((i64::MAX, i64::MIN), |(lo, hi), (a, b)| {
                    (lo.min(a), hi.max(b))
                })
        })
        .collect();
    let latest_start = hulls.iter().map(|h| h.0).max().unwrap_or(0);
    let earliest_end = hulls.iter().map(|h| h.1).min().unwrap_or(0);
    if latest_start <= earliest_end {
        return Vec::new();
    }
    let all: Vec<&Dated> = by_source.values().flatten().copied().collect();
    vec![Finding {
        source: all[0].0.to_string(),
        cross_source: true,
        claims: Vec::new(),
        total: None,
        mentions: all
            .iter()
            .map(|g| Mention {
                source: g.0.to_string(),
                location: g.2,
                quote: g.3.to_string(),
            })
            .collect(),
        detail: Detail::EventDates {
            noun: noun.to_string(),
            verb: verb.to_string(),
        },
    }]
}
