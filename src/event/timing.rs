//! Timing: the days a set of articles was written on, and which claims they put on
//! another occasion.
//!
//! A source's own day comes from its date line or URL (`Source::date`); a set with no
//! dated source takes the year most of its headlines name. Against those days, "the
//! 2015 stampede", "last year's bid", "in November 2024" (of a March 2025 protest) and
//! "this summer" (in an October report) are other occasions: their figures are context,
//! never compared with the event's. "since January 2022" is a period of its own when it
//! starts before the event. A change's years are its baseline, never an occasion.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::calendar::{day_number, year_of, DayNumber};
use crate::extract::claims::Claim;
use crate::extract::frame::times::When;
use crate::extract::frame::Relation;
use crate::source::Source;

/// When a set of articles was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timing {
    /// The years the event is reported in.
    pub years: BTreeSet<i32>,
    /// The first and last day a source was written on, when any source says.
    pub window: Option<(DayNumber, DayNumber)>,
    /// Each dated source's day, by path: "last year" counts from it.
    pub dates: BTreeMap<String, DayNumber>,
}

/// Days a report may come after the day its figure names and still count the event:
/// "1,457 deaths on August 4" in a report of August 14.
const REPORT_LAG: DayNumber = 31;

impl Timing {
    pub const UNKNOWN: Timing = Timing {
        years: BTreeSet::new(),
        window: None,
        dates: BTreeMap::new(),
    };

    /// The timing of a set of sources. Only their dates and headlines are read, so it
    /// costs little before claims are streamed.
    pub fn of(sources: &[Source]) -> Timing {
        let days: Vec<DayNumber> = sources.iter().filter_map(|s| s.date).collect();
        Timing {
            years: years(sources, &days),
            window: days
                .iter()
                .min()
                .zip(days.iter().max())
                .map(|(a, b)| (*a, *b)),
            dates: sources
                .iter()
                .filter_map(|s| s.date.map(|d| (s.path.clone(), d)))
                .collect(),
        }
    }

    /// The other occasion a claim's times put it on ("2015", "last year's"), if any.
    pub fn occasion(&self, claim: &Claim) -> Option<String> {
        if let Some(earlier) = &claim.frame.earlier {
            return Some(earlier.clone());
        }
        let anchors = &claim.frame.anchors;
        if anchors.iter().any(|a| a.when == When::ThisYear && !a.since) {
            return None;
        }
        anchors.iter().filter(|a| !a.since).find_map(|a| {
            let other = match a.when {
                When::Previous => true,
                When::LastYear => self.last_year_is_other(claim),
                _ if claim.frame.relation == Relation::Change => false,
                When::Year(y)
                | When::Month { year: Some(y), .. }
                | When::Day { year: Some(y), .. } => self.other_year(y),
                // A month alone ("in February") is as often when a count was taken as
                // when its thing happened: it decides no occasion.
                When::Month { year: None, .. } | When::ThisYear => false,
                When::Day {
                    year: None,
                    month,
                    day,
                } => self
                    .only_year()
                    .zip(self.window)
                    .is_some_and(|(y, (first, last))| {
                        let d = day_number(y, month, day);
                        d < first - REPORT_LAG || d > last + 1
                    }),
                When::Season(middle) => {
                    self.only_year()
                        .zip(self.window)
                        .is_some_and(|(y, (first, last))| {
                            let from = day_number(y, middle.saturating_sub(1).max(1), 1);
                            let to = day_number(y, (middle + 1).min(12), 28);
                            to < first - REPORT_LAG || from > last
                        })
                }
            };
            other.then(|| a.text.clone())
        })
    }

    /// The period a claim counts over when it starts before the event: "38,465 cases
    /// since January 2022" is a count of its own, not this year's.
    pub fn period(&self, claim: &Claim) -> Option<String> {
        if claim.frame.relation == Relation::Change {
            return None;
        }
        claim
            .frame
            .anchors
            .iter()
            .filter(|a| a.since)
            .find_map(|a| {
                let before = match a.when {
                    When::Year(y)
                    | When::Month { year: Some(y), .. }
                    | When::Day { year: Some(y), .. } => {
                        self.years.first().is_some_and(|first| y < *first)
                    }
                    When::LastYear => true,
                    _ => false,
                };
                before.then(|| a.text.clone())
            })
    }

    /// "last year" counts from the day its source was written, else from the latest
    /// year of the set.
    fn last_year_is_other(&self, claim: &Claim) -> bool {
        let now = self
            .dates
            .get(claim.source())
            .map(|day| year_of(*day))
            .or_else(|| self.years.last().copied());
        now.is_none_or(|year| self.other_year(year - 1))
    }

    /// A year not among the event's, when they are known.
    fn other_year(&self, year: i32) -> bool {
        !self.years.is_empty() && !self.years.contains(&year)
    }

    /// The event's year, when it has one.
    fn only_year(&self) -> Option<i32> {
        (self.years.len() == 1)
            .then(|| self.years.first().copied())
            .flatten()
    }
}

/// The years the sources were written in; when none is dated, the year most headlines
/// name.
fn years(sources: &[Source], days: &[DayNumber]) -> BTreeSet<i32> {
    let dated: BTreeSet<i32> = days.iter().map(|d| year_of(*d)).collect();
    if !dated.is_empty() {
        return dated;
    }
    let mut named: BTreeMap<i32, usize> = BTreeMap::new();
    for source in sources {
        let Some(headline) = source.paragraphs.first() else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for word in headline.text().split(|c: char| !c.is_ascii_digit()) {
            let year = word
                .parse::<i32>()
                .ok()
                .filter(|y| word.len() == 4 && (1900..=2100).contains(y));
            if let Some(year) = year.filter(|y| seen.insert(*y)) {
                *named.entry(year).or_default() += 1;
            }
        }
    }
    named
        .iter()
        .max_by_key(|(year, n)| (**n, **year))
        .map(|(year, _)| *year)
        .into_iter()
        .collect()
}
