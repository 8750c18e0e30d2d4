//! Scope: the time or place qualifier that bounds a claim.
//!
//! "69 countries signed yesterday morning" and "72 countries signed in two days" need not
//! contradict each other; the editor must see both scopes to judge. A scope is found in the
//! claim's own clause first, then as the nearest qualifier before it in the sentence.

use regex::Regex;
use std::sync::LazyLock;

use crate::base::lang::{Language, LANGUAGES};

/// The scope pattern of a language, built from its word lists.
fn build(lang: &Language) -> Regex {
    let alternatives = |words: &[&str]| words.join("|");
    let month = lang.month_pattern();
    let weekday = format!("(?:{})", alternatives(lang.weekdays.words()));
    let part_of_day = format!("(?:{})", alternatives(lang.parts_of_day.words()));
    // Each unit also with its plural: "days?".
    let units: Vec<String> = lang
        .scope_time_units
        .words()
        .iter()
        .map(|w| format!("{w}s?"))
        .collect();
    let time_unit = format!("(?:{})", units.join("|"));
    let event_part = format!("(?:{})", alternatives(lang.event_parts.words()));
    let date = format!(
        r"(?:{month}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?|\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{month}|{weekday})"
    );
    let patterns = [
        // yesterday morning, this afternoon, last week
        format!(r"\b(?:yesterday|today|tonight|last\s+night)(?:\s+{part_of_day})?\b"),
        format!(r"\b(?:this|last|next)\s+(?:{part_of_day}|week|month|year|weekend)\b"),
        // on the morning of October 25, as of October 6, by Friday, since March 3
        format!(
            r"\b(?:on|by|as\s+of|since|until|till|through|before|after)\s+(?:the\s+{part_of_day}\s+of\s+)?{date}"
        ),
        format!(r"\b(?:on|in)\s+the\s+{part_of_day}\s+of\s+{date}"),
        // a bare date in apposition or brackets: "yesterday morning, October 25"
        format!(r"\(?{date}\)?"),
        // in two days, in the past 24 hours, over the two days, during the two days of the event
        format!(
            r"\b(?:in|over|within|during|for)\s+(?:the\s+)?(?:first\s+|past\s+|last\s+|next\s+|following\s+)?(?:\w+[\s-])?{time_unit}(?:\s+of\s+the\s+\w+)?\b"
        ),
        // at the plenary session, at the opening ceremony, at the seminar
        format!(
            r"\b(?:at|during|on\s+the\s+sidelines\s+of)\s+the\s+(?:[\w-]+\s+){{0,3}}{event_part}\b"
        ),
        // of which, of whom: a sub-count of the figure before
        r"\bof\s+(?:which|whom)\b".to_string(),
    ];
    // ASCII classes and ASCII case folding (`-u`): Unicode digit classes and case
    // folding (which adds the Kelvin sign to every "k") made this pattern take 3 ms to
    // build, a quarter of a run on a few articles. The price: a date written with other
    // digits ("October ２５") is not a scope, as such digits are not figures either, and
    // "ſ" or the Kelvin sign do not stand for "s" or "k". The en dash, outside a class,
    // still matches as its UTF-8 bytes.
    let pattern = patterns
        .join("|")
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[A-Za-z0-9_]")
        .replace(r"\s", "[ \t]")
        .replace("[-–]", "(?:-|–)");
    Regex::new(&format!("(?i-u){pattern}")).expect("scope pattern compiles")
}

static PATTERNS: LazyLock<Vec<(&str, Regex)>> =
    LazyLock::new(|| LANGUAGES.iter().map(|l| (l.code, build(l))).collect());

/// The scope pattern of `lang`. The words around the lists ("yesterday", "as of") are
/// still English's: a second language needs them in its data too.
fn pattern(lang: &Language) -> &'static Regex {
    PATTERNS
        .iter()
        .find(|(code, _)| *code == lang.code)
        .map(|(_, re)| re)
        .expect("every language has a pattern")
}

/// Builds every language's pattern now, so that a thread with nothing else to do pays
/// for it instead of the first claim's.
pub fn warm() {
    LazyLock::force(&PATTERNS);
}

/// A scope phrase, as a byte range of the paragraph.
pub use crate::base::span::Span;

/// Every scope phrase in `text[start..end]`, adjacent ones ("yesterday morning,
/// October 25") joined.
pub fn find(lang: &Language, text: &str, start: usize, end: usize) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for m in pattern(lang).find_iter(&text[start..end]) {
        let span = Span {
            start: start + m.start(),
            end: start + m.end(),
        };
        if let Some(last) = spans.last_mut() {
            let gap = &text[last.end..span.start];
            // "yesterday morning, October 25" is one scope; "..., of which" starts another.
            let apposition = text[span.start..]
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(');
            if apposition && gap.chars().all(|c| c == ',' || c.is_whitespace()) {
                last.end = span.end;
                continue;
            }
        }
        spans.push(span);
    }
    spans
}

/// The scope of a claim whose clause is the byte range `clause`: the scopes inside the
/// clause, or else the nearest one before the claim in its sentence.
pub fn choose(spans: &[Span], clause: (usize, usize), claim_start: usize) -> Vec<Span> {
    let inside: Vec<Span> = spans
        .iter()
        .copied()
        .filter(|s| s.start < clause.1 && s.end > clause.0)
        .collect();
    if !inside.is_empty() {
        return inside;
    }
    // A qualifier after the claim's clause belongs to what follows it, not to the claim.
    spans
        .iter()
        .rev()
        .find(|s| s.end <= claim_start)
        .copied()
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(crate::base::lang::ENGLISH, text, 0, text.len())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn time_scopes_in_several_phrasings() {
        assert_eq!(
            found("yesterday morning, May 14, brought 41 arrests"),
            ["yesterday morning, May 14"]
        );
        assert_eq!(
            found("57 farms joined in three weeks (March 1-21)"),
            ["in three weeks (March 1-21)"]
        );
        assert_eq!(found("as of June 2, it had 90 replies"), ["as of June 2"]);
        assert_eq!(
            found("on the afternoon of 12 March the toll rose"),
            ["on the afternoon of 12 March"]
        );
        assert_eq!(found("Police said on Tuesday that 12 died"), ["on Tuesday"]);
        assert_eq!(
            found("in the past 24 hours, 30 were found"),
            ["in the past 24 hours"]
        );
        assert_eq!(
            found("during the three days of the fair, it welcomed"),
            ["during the three days of the fair"]
        );
        assert_eq!(found("Last week 40 left"), ["Last week"]);
    }

    #[test]
    fn dashes_and_capitals_in_dates_still_match() {
        // The pattern is built with ASCII case folding; an en dash is not ASCII.
        assert_eq!(
            found("It took two days (October 25–26) to sign"),
            ["(October 25–26)"]
        );
        assert_eq!(found("By 3 - 5 SEPT. the count was 40"), ["By 3 - 5 SEPT."]);
        assert_eq!(
            found("During The First Two Weeks, 40 came"),
            ["During The First Two Weeks"]
        );
    }

    #[test]
    fn place_and_subset_scopes() {
        assert_eq!(
            found("12 joined right at the closing session"),
            ["at the closing session"]
        );
        assert_eq!(
            found("at the opening ceremony, 57 joined"),
            ["at the opening ceremony"]
        );
        assert_eq!(found("of which 12 farms joined"), ["of which"]);
        assert_eq!(found("120 died, of whom 30 were children"), ["of whom"]);
    }

    #[test]
    fn the_clause_scope_wins_then_the_nearest_before_never_after() {
        let spans = [
            Span { start: 0, end: 5 },
            Span { start: 10, end: 15 },
            Span { start: 40, end: 45 },
        ];
        assert_eq!(choose(&spans, (30, 50), 32), [spans[2]]);
        assert_eq!(choose(&spans, (20, 30), 22), [spans[1]]);
        assert!(
            choose(&spans[2..], (20, 30), 22).is_empty(),
            "a later scope is not the claim's"
        );
    }
}
