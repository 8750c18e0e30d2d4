//! Times: the calendar points a claim's sentence names.
//!
//! Two sources agree or disagree only about the same occurrence of a thing: the 2015
//! stampede's toll is not this year's, and cases "since January 2022" are not this
//! year's cases. This stage records the time anchors a sentence names (years, months,
//! days, "last year", "this summer", "previous", "since ..."); which of them make a claim
//! another occasion is decided by the event stage, against the days the whole set of
//! articles was written on.

use crate::base::calendar::{day_number, year_of, DayNumber};
use crate::base::tokens::TokenKind;
use crate::extract::figures::Figure;
use crate::extract::view::View;

/// A calendar point a sentence names, as precise as the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    /// A year alone ("in 2015", "the 2005 prison fire", "the 1990s").
    Year(i32),
    /// A month, with its year if given ("in November", "May 2024").
    Month { year: Option<i32>, month: u8 },
    /// A day ("on August 4", "July 30, 2024", "31 July").
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// A season of the year the text speaks from ("this summer"), by its middle month.
    Season(u8),
    /// "last year", "a year ago".
    LastYear,
    /// "this year", "so far this year".
    ThisYear,
    /// "previous" or "prior" before the counted thing: another occurrence ("their
    /// previous 11", "the previous record of 8.3 million").
    Previous,
}

/// A time anchor and where it stands in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub when: When,
    /// Token index of its first word.
    pub token: usize,
    /// "since January 2022", "since the last election in 2019": the start of a period
    /// that runs to the report.
    pub since: bool,
    /// The words as written, for reports ("2015", "since January 2022").
    pub text: String,
}

/// How far before a time "since" may stand and still begin its phrase.
const SINCE_REACH: usize = 6;

/// Every time anchor of a sentence, in order. Times a figure is measured against ("vs
/// 2019", "the worst defeat since 1834") and times a count was taken at ("as of July
/// 31", "by Wednesday") are left out: they say nothing of which occasion is counted.
pub fn anchors(view: &View, figures: &[Figure]) -> Vec<Anchor> {
    let is_figure = |k: usize| figures.iter().any(|f| f.number <= k && k <= f.last);
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        let found = day_or_month_at(view, i)
            .or_else(|| year_at(view, i, &is_figure))
            .or_else(|| relative_at(view, i));
        let Some((when, last)) = found else {
            i += 1;
            continue;
        };
        if !is_report_time(view, i) && !is_baseline(view, i) {
            let since_at = (1..=SINCE_REACH).find(|&k| {
                i >= k
                    && view.is("since", i - k)
                    && (i - k + 1..i).all(|j| view.word(j).is_some() && !view.is("and", j))
            });
            let start = since_at.map_or(i, |k| i - k);
            out.push(Anchor {
                when,
                token: i,
                since: since_at.is_some(),
                text: view.text[view.tokens[start].start..view.tokens[last].end].to_string(),
            });
        }
        i = last + 1;
    }
    out
}

/// When a count was taken, as its sentence says ("as of July 31", "by Wednesday"): the
/// day a figure stood at, which may be earlier than its report's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportTime {
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// A weekday, 0 for the first of the language's list (Monday in English).
    Weekday(u8),
}

impl ReportTime {
    /// The day meant, read from the day the report was written: a weekday or a date
    /// without its year is the last such day on or before it.
    pub fn resolve(self, written: Option<DayNumber>) -> Option<DayNumber> {
        match self {
            ReportTime::Day {
                year: Some(year),
                month,
                day,
            } => Some(day_number(year, month, day)),
            ReportTime::Day {
                year: None,
                month,
                day,
            } => {
                let written = written?;
                let year = year_of(written);
                let this_year = day_number(year, month, day);
                Some(if this_year > written {
                    day_number(year - 1, month, day)
                } else {
                    this_year
                })
            }
            ReportTime::Weekday(weekday) => {
                let written = written?;
                // Day 0, 1970-01-01, was a Thursday: weekday 3 counting from Monday.
                let today = (written + 3).rem_euclid(7);
                Some(written - (today - DayNumber::from(weekday)).rem_euclid(7))
            }
        }
    }
}

/// The first time of a sentence that says when its counts were taken ("as of July 31",
/// "by Wednesday"), if any.
pub fn report_time(view: &View) -> Option<ReportTime> {
    (0..view.len())
        .filter(|&i| is_report_time(view, i))
        .find_map(|i| {
            if let Some((When::Day { year, month, day }, _)) = day_or_month_at(view, i) {
                return Some(ReportTime::Day { year, month, day });
            }
            let word = view.word(i)?;
            if !view.is_capitalized(i) {
                return None;
            }
            view.lang
                .weekdays
                .words()
                .iter()
                .position(|w| w.eq_ignore_ascii_case(word))
                .and_then(|k| u8::try_from(k).ok())
                .map(ReportTime::Weekday)
        })
}

/// "as of July 31, 2025", "by Wednesday, 31 July": when a count was taken.
fn is_report_time(view: &View, i: usize) -> bool {
    i >= 2 && view.is("as", i - 2) && view.is("of", i - 1)
        || i >= 1
            && view
                .word(i - 1)
                .is_some_and(|w| matches!(w, "by" | "till" | "until"))
}

/// "compared to 2019", "vs 2019", "the worst defeat since 1834", "the lowest since
/// 2001": a time the figure is measured against.
fn is_baseline(view: &View, i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|j| view.word(j));
    let compared = (1..=4).any(|k| {
        before(k).is_some_and(|w| view.lang.baseline_words.contains(w))
            || matches!(before(k), Some("to" | "with")) && before(k + 1) == Some("compared")
    });
    let since_at = (1..=SINCE_REACH).find(|&k| before(k) == Some("since"));
    // "the lowest", "its worst": an -est word after a determiner is a superlative ("the
    // west" and "a protest" are not).
    let determined = |k: usize| {
        before(k + 1).is_some_and(|d| {
            matches!(d, "the" | "its" | "their" | "his" | "her" | "our")
                || d.ends_with("'s")
                || d.ends_with("’s")
        })
    };
    let superlative = since_at.is_some_and(|s| {
        (s + 1..s + 8).any(|k| {
            before(k).is_some_and(|w| {
                view.lang.superlative_words.contains(w)
                    || (w.len() > 4 && w.ends_with("est") && determined(k))
            })
        })
    });
    compared || superlative
}

/// The month (1 for January) a word names, capitalised as a month is.
fn month_at_word(view: &View, i: usize) -> Option<u8> {
    if !view.is_capitalized(i) {
        return None;
    }
    view.lang
        .month_index(view.word(i)?)
        .map(|m| u8::try_from(m + 1).unwrap_or(0))
}

fn small_int(view: &View, i: usize, max: u32) -> Option<u8> {
    let token = view.tokens.get(i)?;
    if token.kind != TokenKind::Number || view.raw(i).len() > 2 {
        return None;
    }
    view.raw(i)
        .parse::<u32>()
        .ok()
        .filter(|v| (1..=max).contains(v))
        .and_then(|v| u8::try_from(v).ok())
}

fn year_value(view: &View, i: usize) -> Option<i32> {
    let token = view.tokens.get(i)?;
    let text = view.raw(i);
    if token.kind != TokenKind::Number
        || text.len() != 4
        || !text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    text.parse::<i32>()
        .ok()
        .filter(|y| (1800..=2100).contains(y))
}

/// "November", "November 2024", "August 4", "July 30, 2024", "31 July", "1 November
/// 2024". A month alone is one only after a word that introduces a time ("in
/// November"): "May" and "March" are also a verb and a noun.
fn day_or_month_at(view: &View, i: usize) -> Option<(When, usize)> {
    if let (Some(day), Some(month)) = (small_int(view, i, 31), month_at_word(view, i + 1)) {
        let year = year_value(view, i + 2);
        let last = if year.is_some() { i + 2 } else { i + 1 };
        return Some((When::Day { year, month, day }, last));
    }
    let month = month_at_word(view, i)?;
    let mut next = i + 1;
    if view.is_punct(next, &['.']) {
        next += 1;
    }
    if let Some(day) = small_int(view, next, 31) {
        let after = if view.is_punct(next + 1, &[',']) {
            next + 2
        } else {
            next + 1
        };
        let year = year_value(view, after);
        let last = if year.is_some() { after } else { next };
        return Some((When::Day { year, month, day }, last));
    }
    if let Some(year) = year_value(view, next) {
        return Some((
            When::Month {
                year: Some(year),
                month,
            },
            next,
        ));
    }
    let introduced = i >= 1
        && view.word(i - 1).is_some_and(|w| {
            matches!(
                w,
                "in" | "since"
                    | "of"
                    | "during"
                    | "until"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "through"
                    | "before"
                    | "after"
                    | "from"
            )
        });
    introduced.then_some((When::Month { year: None, month }, i))
}

/// A four-digit year that is not a figure of the sentence; "1990s" too.
fn year_at(view: &View, i: usize, is_figure: &dyn Fn(usize) -> bool) -> Option<(When, usize)> {
    let year = year_value(view, i)?;
    if is_figure(i) {
        return None;
    }
    let last = if view.glued(i, i + 1) && view.is("s", i + 1) {
        i + 1
    } else {
        i
    };
    Some((When::Year(year), last))
}

/// "last year", "this year", "a year earlier", "this summer", "previous".
fn relative_at(view: &View, i: usize) -> Option<(When, usize)> {
    let word = view.word(i)?;
    let next = view.word(i + 1);
    let year_word = |w: Option<&str>| matches!(w, Some("year" | "year's" | "year’s"));
    match word {
        "last" | "past" if year_word(next) && !(i >= 1 && view.is("the", i - 1)) => {
            Some((When::LastYear, i + 1))
        }
        "this" | "so" if year_word(next) => Some((When::ThisYear, i + 1)),
        "a" | "one"
            if year_word(next)
                && matches!(view.word(i + 2), Some("earlier" | "ago" | "before")) =>
        {
            Some((When::LastYear, i + 2))
        }
        "this" => view
            .lang
            .season(next?)
            .map(|middle| (When::Season(middle), i + 1)),
        "previous" | "prior" => {
            // "their previous 11", "the previous record of 8.3 million": another
            // occurrence; "a previous report", "an earlier estimate", "on previous
            // days": an older figure of this one.
            let about_report = (i + 1..(i + 4).min(view.len())).any(|k| {
                view.word(k).is_some_and(|w| {
                    view.lang.report_nouns.contains(w) || view.lang.is_time_unit(w)
                })
            });
            (!about_report).then_some((When::Previous, i))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::ENGLISH;
    use crate::extract::figures;

    fn whens(text: &str) -> Vec<(When, bool, String)> {
        let view = View::new(ENGLISH, text, 0, text.len());
        let found = figures::find(&view);
        anchors(&view, &found)
            .into_iter()
            .map(|a| (a.when, a.since, a.text))
            .collect()
    }

    fn counted_on(text: &str, written: (i32, u8, u8)) -> Option<(i32, u8, u8)> {
        let view = View::new(ENGLISH, text, 0, text.len());
        let written = day_number(written.0, written.1, written.2);
        report_time(&view)
            .and_then(|t| t.resolve(Some(written)))
            .map(crate::base::calendar::civil)
    }

    #[test]
    fn a_report_time_is_read_and_placed_on_the_calendar() {
        // Thursday, July 4, 2024.
        let written = (2024, 7, 4);
        assert_eq!(
            counted_on("As of July 31, the toll stood at 116.", (2024, 8, 2)),
            Some((2024, 7, 31))
        );
        assert_eq!(
            counted_on("The toll stood at 116 by Wednesday.", written),
            Some((2024, 7, 3))
        );
        assert_eq!(
            counted_on("As of Thursday, 121 people had died.", written),
            Some((2024, 7, 4))
        );
        assert_eq!(
            counted_on("Until 31 July 2023, 40 cases were found.", written),
            Some((2023, 7, 31))
        );
        // A day later in the year than the report is last year's.
        assert_eq!(
            counted_on("As of December 30, 12 were missing.", written),
            Some((2023, 12, 30))
        );
        // "on Tuesday" says when a thing happened, not when it was counted.
        assert_eq!(
            counted_on("The quake killed 112 on Tuesday.", written),
            None
        );
        assert_eq!(counted_on("By then, 40 had died.", written), None);
    }

    #[test]
    fn years_months_and_days_in_several_phrasings() {
        assert_eq!(
            whens("the 2015 stampede killed up to 2,300 people"),
            [(When::Year(2015), false, "2015".to_string())]
        );
        assert_eq!(
            whens("38,465 cases since January 2022")[0],
            (
                When::Month {
                    year: Some(2022),
                    month: 1
                },
                true,
                "since January 2022".to_string()
            )
        );
        assert!(whens("a gain of 211 seats since the last general election in 2019")[0].1);
        let day = When::Day {
            year: None,
            month: 8,
            day: 4,
        };
        assert_eq!(whens("1,457 deaths on August 4")[0].0, day);
        assert_eq!(
            whens("killing 15 people in November")[0].0,
            When::Month {
                year: None,
                month: 11
            }
        );
        assert_eq!(
            whens("on 1 November 2024 it collapsed, killing 15")[0].0,
            When::Day {
                year: Some(2024),
                month: 11,
                day: 1
            }
        );
        assert!(whens("They may march on 12 boats").is_empty());
    }

    #[test]
    fn relative_times() {
        assert_eq!(whens("last year's $23 billion bid")[0].0, When::LastYear);
        assert_eq!(whens("it rose a year ago to 40 cases")[0].0, When::LastYear);
        assert_eq!(whens("524 deaths so far this year")[0].0, When::ThisYear);
        assert_eq!(whens("one this summer when 80 died")[0].0, When::Season(7));
        assert_eq!(whens("up from their previous 11")[0].0, When::Previous);
        assert!(whens("A previous report gave around twenty deaths").is_empty());
        assert!(whens("the search went on in six zones as on previous days").is_empty());
    }

    #[test]
    fn baselines_and_report_times_are_no_occasion() {
        assert!(whens("up by 18 per cent vs 2019").is_empty());
        assert!(whens("Compared to 2019, its share, at 33.9%, rose").is_empty());
        assert!(
            whens("the worst defeat since the party's inception in 1834, winning 121 seats")
                .is_empty()
        );
        assert!(whens("turnout of 60%, the lowest since 2001").is_empty());
        assert!(whens("as of July 31, 2025, there were 192.7 million").is_empty());
    }

    #[test]
    fn a_figure_is_not_a_year() {
        assert!(whens("It drew 2000 marchers").is_empty());
    }
}
