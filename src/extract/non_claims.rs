//! Non-claims: most numbers in news copy are not claims. Dates, years, ordinals,
//! durations, times, identifiers ("Article 5", "COVID-19") and "one" as a pronoun are
//! recognised here and dropped, so a wrong "claim" never reaches the comparison.

use crate::base::tokens::TokenKind;

use super::figures::Raw;
use super::hedges;
use super::view::View;

/// Dates: a number next to a month name ("October 25", "25 October", "Oct. 8"), numbers
/// glued to those by a dash ("October 25-26"), and numeric dates ("25/10/2025").
pub(super) fn mark_dates(view: &View, raws: &mut [Raw]) {
    for raw in raws.iter_mut() {
        let before_month = raw.first >= 1
            && view
                .word(raw.first - 1)
                .is_some_and(|w| view.lang.is_month(w))
            || raw.first >= 2
                && view.is_punct(raw.first - 1, &['.'])
                && view
                    .word(raw.first - 2)
                    .is_some_and(|w| view.lang.is_month(w));
        let after_month = view
            .word(raw.last + 1)
            .is_some_and(|w| view.lang.is_month(w))
            || (view.is("of", raw.last + 1)
                && view
                    .word(raw.last + 2)
                    .is_some_and(|w| view.lang.is_month(w)));
        let weekday_before = raw.first >= 1
            && view
                .word(raw.first - 1)
                .is_some_and(|w| view.lang.weekdays.contains(w));
        let numeric_date = glued_chain(view, raw.first, &['/', '-', '.']) >= 3
            || glued_chain(view, raw.first, &['/']) >= 2;
        let small = raw.value <= 31.0 && raw.value.fract() == 0.0;
        if numeric_date || (small && (before_month || after_month || weekday_before)) {
            raw.date = true;
        }
    }
    // "October 25-26" and "25-26 October": the other end of a dated range is a date too.
    for _ in 0..2 {
        for k in 0..raws.len() {
            let Some(next) = raws.get(k + 1).cloned() else {
                continue;
            };
            let joined = next.first == raws[k].last + 2
                && (view.is_punct(raws[k].last + 1, &['-', '–', '—'])
                    || view.is("to", raws[k].last + 1));
            if joined && (raws[k].date || next.date) {
                raws[k].date = true;
                raws[k + 1].date = true;
            }
        }
    }
}

/// How many numbers stand glued together by the given separators around token `i`.
fn glued_chain(view: &View, i: usize, seps: &[char]) -> usize {
    let mut start = i;
    while start >= 2
        && view.is_punct(start - 1, seps)
        && view.glued(start - 1, start)
        && view.glued(start - 2, start - 1)
        && view.tokens[start - 2].kind == TokenKind::Number
    {
        start -= 2;
    }
    let mut count = 1;
    let mut k = start;
    while view.is_punct(k + 1, seps)
        && view.glued(k, k + 1)
        && view.glued(k + 1, k + 2)
        && view
            .tokens
            .get(k + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        count += 1;
        k += 2;
    }
    count
}

pub(super) fn is_non_claim(view: &View, raw: &Raw) -> bool {
    is_year(view, raw)
        || is_ordinal_or_glued(view, raw)
        || is_duration(view, raw)
        || is_time_of_day(view, raw)
        || is_identifier(view, raw)
        || is_pronoun_one(view, raw)
}

/// A four-digit number in the years' range, written without separators, that no counted
/// noun follows ("in 2003", "Between 1992 and 1993"), or that a determiner heads
/// ("the 2024 elections").
fn is_year(view: &View, raw: &Raw) -> bool {
    let text = view.raw(raw.first);
    let shaped = raw.first == raw.last
        && text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && (1800.0..=2100.0).contains(&raw.value);
    if !shaped {
        return false;
    }
    let counted_after = view
        .word(raw.last + 1)
        .is_some_and(|w| view.lang.looks_plural(w));
    let year_word_before = raw.first >= 1
        && view
            .word(raw.first - 1)
            .is_some_and(|w| view.lang.year_words.contains(w));
    !counted_after || year_word_before
}

/// "80th", "1st", "3pm", "10am" and digits glued to a letter run that is not a scale or
/// a unit the comparison understands.
fn is_ordinal_or_glued(view: &View, raw: &Raw) -> bool {
    if view.tokens[raw.first].kind != TokenKind::Number {
        return false;
    }
    let next = raw.first + 1;
    if !view.glued(raw.first, next) || view.tokens[next].kind != TokenKind::Word {
        return false;
    }
    let suffix = view.lower[next].split('-').next().unwrap_or("");
    view.lang.ordinal_suffixes.contains(suffix)
}

/// Durations and ages: "10 years", "two days", "two-day", "45-year-old",
/// "3 consecutive days", "aged 45".
fn is_duration(view: &View, raw: &Raw) -> bool {
    let first_word = view.word(raw.first).unwrap_or("");
    if let Some((head, tail)) = first_word.split_once('-') {
        if view.lang.small_number(head).is_some() && view.lang.small_number(first_word).is_none() {
            let unit = tail.split('-').next().unwrap_or("");
            return view.lang.is_time_unit(unit) || view.lang.is_time_unit(&format!("{unit}s"));
        }
    }
    let mut next = raw.last + 1;
    if view.is_punct(next, &['-', '‑']) {
        next += 1;
    }
    let Some(word) = view.word(next) else {
        return raw.first >= 1
            && view
                .word(raw.first - 1)
                .is_some_and(|w| w == "aged" || w == "age");
    };
    let unit_word = word.split('-').next().unwrap_or(word);
    if view.lang.is_time_unit(unit_word) {
        return true;
    }
    let filler = view.lang.duration_fillers.contains(word);
    if filler
        && view
            .word(next + 1)
            .is_some_and(|w| view.lang.is_time_unit(w))
    {
        return true;
    }
    raw.first >= 1
        && view
            .word(raw.first - 1)
            .is_some_and(|w| w == "aged" || w == "age")
}

/// "10:30", "3 p.m.", "at 9 o'clock".
fn is_time_of_day(view: &View, raw: &Raw) -> bool {
    let colon_after = view.is_punct(raw.last + 1, &[':']) && view.glued(raw.last, raw.last + 1);
    let colon_before = raw.first >= 1
        && view.is_punct(raw.first - 1, &[':'])
        && view.glued(raw.first - 1, raw.first);
    let meridiem = view
        .word(raw.last + 1)
        .is_some_and(|w| view.lang.clock_words.contains(w))
        && (view.is_punct(raw.last + 2, &['.']) || !view.is("a", raw.last + 1));
    colon_after || colon_before || meridiem
}

/// Names and labels: "Article 5", "No. 3", "#1", "Flight 17", and a number right after
/// a capitalised name inside a sentence ("Resolution 2231", "Typhoon Yagi 3").
fn is_identifier(view: &View, raw: &Raw) -> bool {
    if raw.first == 0 {
        return false;
    }
    let prev = raw.first - 1;
    if view.is_punct(prev, &['#', '№']) {
        return true;
    }
    if view.is_punct(prev, &['.']) && prev >= 1 && view.is("no", prev - 1) {
        return true;
    }
    let Some(word) = view.word(prev) else {
        return false;
    };
    if view.lang.identifier_labels.contains(word) && !view.lang.is_month(word) {
        return true;
    }
    let inside_sentence = prev > 0;
    let is_hedge_or_function = hedges::ends_a_hedge(view.lang, word)
        || view.lang.phrase_stops.contains(word)
        || matches!(word, "and" | "only" | "nearly" | "some");
    inside_sentence && view.is_capitalized(prev) && !is_hedge_or_function
}

/// "one of the largest", "one another", "no one": "one" as a pronoun.
fn is_pronoun_one(view: &View, raw: &Raw) -> bool {
    let first = view.word(raw.first);
    if first != Some("one") || raw.first != raw.last {
        return false;
    }
    // "from one stage to the next", "one to another": distributive, not a count.
    let preceded_by_from = raw.first >= 1 && view.is("from", raw.first - 1);
    if preceded_by_from {
        return true;
    }
    let next = view.word(raw.last + 1);
    match next {
        None => true,
        Some(w) => {
            view.lang.phrase_stops.contains(w) || view.lang.pronoun_one_followers.contains(w)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::figures::find;
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
        find(&view).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn dates_are_not_claims() {
        for text in [
            "held on May 14-15 in the city",
            "held on May 14–15.",
            "on Sept. 9 the council met",
            "on 14 May the council met",
            "the 14th of May",
            "on 14/05/2024 the council met",
            "on 2024-05-14 the council met",
            "on Monday 12 the council met",
            "from 12 to 14 March",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn years_ordinals_durations_and_times_are_not_claims() {
        for text in [
            "built in 1998.",
            "Between 1971 and 1974, he sailed.",
            "the 2024 elections",
            "the 60th anniversary",
            "the 1st round",
            "in the past 12 years",
            "during the three days of the fair",
            "the two-day event",
            "a 45-year-old man",
            "for 3 consecutive days",
            "aged 45",
            "at 10:30 the vote closed",
            "at 3 p.m. the vote closed",
            "Thirty years later he returned.",
            "one of the largest ceremonies",
            "one day before",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(values("2000 marchers came"), [2000.0]);
    }

    #[test]
    fn identifiers_and_names_are_not_claims() {
        for text in [
            "under Article 5 of the treaty",
            "Resolution 2231 was cited",
            "flight No. 17 landed",
            "the COVID-19 pandemic",
            "see photo x9912_4410ab.jpg",
            "at https://example.org/a-8812345.html today",
            "the G20 summit",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }
}
