//! Dates in the reports for people: each claim's day, and a topic's figures in the order
//! they were counted, so an editor tells the latest figure from an outdated one.

use crate::base::calendar::{self, DayNumber};
use crate::compare::{Timeline, TopicReport, Trend};
use crate::extract::claims::Claim;

/// Days a topic's timeline lists before it skips to its last ones.
const SHOWN_DAYS: usize = 4;

/// A claim's day as a report shows it: its source's day ("Jul 3"), the day its sentence
/// says it was counted when that is another ("Jul 3, as of Jul 1"), and ", latest" when a
/// topic's figures come from several days and this is the last.
pub fn claim_day(claim: &Claim, topic: &TopicReport) -> Option<String> {
    let written = claim.written()?;
    let with_year = spans_years(topic);
    let mut text = calendar::short(written, with_year);
    let counted = claim.counted_on();
    if let Some(day) = counted.filter(|&d| d != written) {
        text.push_str(", as of ");
        text.push_str(&calendar::short(day, with_year));
    }
    if topic
        .timeline
        .as_ref()
        .is_some_and(|t| counted == Some(t.latest))
    {
        text.push_str(", latest");
    }
    Some(text)
}

/// A topic's figures day by day, when they were counted on several days and did not
/// stay the same: "rising: 50 (Jul 2) → 116 (Jul 3)", or "by day: ..." when they went
/// both ways. A day with several figures lists them all ("69 / 72 (Oct 25)").
pub fn timeline_line(topic: &TopicReport) -> Option<String> {
    let timeline: &Timeline = topic.timeline.as_ref()?;
    if timeline.trend == Trend::Steady {
        return None;
    }
    let with_year = spans_years(topic);
    let mut days: Vec<(DayNumber, Vec<&str>)> = Vec::new();
    for placed in &topic.claims {
        let Some(day) = placed.claim.counted_on() else {
            continue;
        };
        let figure = placed.claim.figure();
        match days.last_mut() {
            Some((last, figures)) if *last == day => {
                if !figures.contains(&figure) {
                    figures.push(figure);
                }
            }
            _ => days.push((day, vec![figure])),
        }
    }
    let step = |(day, figures): &(DayNumber, Vec<&str>)| {
        format!(
            "{} ({})",
            figures.join(" / "),
            calendar::short(*day, with_year)
        )
    };
    let mut steps: Vec<String> = Vec::new();
    if days.len() > SHOWN_DAYS {
        steps.push(step(&days[0]));
        steps.push("…".to_string());
        steps.extend(days[days.len() - (SHOWN_DAYS - 1)..].iter().map(step));
    } else {
        steps.extend(days.iter().map(step));
    }
    let lead = match timeline.trend {
        Trend::Rising => "rising",
        Trend::Falling => "falling",
        Trend::Steady | Trend::Mixed => "by day",
    };
    Some(format!("{lead}: {}", steps.join(" → ")))
}

/// True when a topic's days fall in more than one year: its dates then show the year.
fn spans_years(topic: &TopicReport) -> bool {
    let mut years = topic
        .claims
        .iter()
        .filter_map(|p| p.claim.written())
        .map(calendar::year_of);
    let first = years.next();
    years.any(|y| Some(y) != first)
}
