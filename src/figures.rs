//! Figures: finds the numbers in a sentence that count or measure something, with the
//! hedge around them as an interval.
//!
//! Most numbers in news copy are not claims: dates, years, ordinals, durations, times,
//! identifiers ("Article 5", "COVID-19") and the digits of links and file names. This stage
//! keeps a number only when none of those readings fits, so a wrong "claim" never reaches
//! the comparison.

use std::borrow::Cow;

use crate::interval::Interval;
use crate::lexicon;
use crate::tokens::{self, Kind, Token};

/// A sentence's tokens with their lower-case text, shared by the extraction stages.
pub struct View<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Each token in lower case; most already are, and are borrowed, not copied.
    pub lower: Vec<Cow<'a, str>>,
}

impl<'a> View<'a> {
    pub fn new(text: &'a str, start: usize, end: usize) -> Self {
        let tokens = tokens::tokenize(text, start, end);
        let lower = tokens
            .iter()
            .map(|t| {
                let word = t.text(text);
                if word
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                {
                    Cow::Borrowed(word)
                } else {
                    Cow::Owned(word.to_lowercase())
                }
            })
            .collect();
        View {
            text,
            tokens,
            lower,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The lower-case word at `i`, if token `i` is a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        (token.kind == Kind::Word).then(|| &*self.lower[i])
    }

    pub fn raw(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    pub fn is(&self, text: &str, i: usize) -> bool {
        self.lower.get(i).is_some_and(|t| t == text)
    }

    pub fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == Kind::Punct
                && self
                    .raw(i)
                    .chars()
                    .next()
                    .is_some_and(|c| chars.contains(&c))
        })
    }

    /// True when tokens `a` and `b` (a < b) touch with no space between.
    pub fn glued(&self, a: usize, b: usize) -> bool {
        b < self.tokens.len() && self.tokens[a].end == self.tokens[b].start
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Word
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// How a hedge bounds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hedge {
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Nearly,
    About,
    Between,
    Vague,
}

impl Hedge {
    /// The canonical wording shown in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::MoreThan => "more than",
            Hedge::AtLeast => "at least",
            Hedge::LessThan => "less than",
            Hedge::AtMost => "at most",
            Hedge::Nearly => "nearly",
            Hedge::About => "about",
            Hedge::Between => "between",
            Hedge::Vague => "vague",
        }
    }

    fn apply(self, v: f64) -> Interval {
        match self {
            Hedge::MoreThan => Interval::above(v, false),
            Hedge::AtLeast => Interval::above(v, true),
            Hedge::LessThan => Interval::below(v, false),
            Hedge::AtMost => Interval::below(v, true),
            Hedge::Nearly => Interval::nearly(v),
            Hedge::About => Interval::about(v),
            Hedge::Between | Hedge::Vague => Interval::exact(v),
        }
    }
}

/// Hedges written before a figure, longest first within each kind's reach.
const HEDGES_BEFORE: &[(&[&str], Hedge)] = &[
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["more", "than"], Hedge::MoreThan),
    (&["greater", "than"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["upward", "of"], Hedge::MoreThan),
    (&["well", "over"], Hedge::MoreThan),
    (&["just", "over"], Hedge::MoreThan),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["exceeding"], Hedge::MoreThan),
    (&["surpassing"], Hedge::MoreThan),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["not", "fewer", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["minimum", "of"], Hedge::AtLeast),
    (&["at", "least"], Hedge::AtLeast),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["shy", "of"], Hedge::Nearly),
    (&["close", "to"], Hedge::Nearly),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["approaching"], Hedge::Nearly),
    (&["nearing"], Hedge::Nearly),
    (&["less", "than"], Hedge::LessThan),
    (&["fewer", "than"], Hedge::LessThan),
    (&["under"], Hedge::LessThan),
    (&["below"], Hedge::LessThan),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["maximum", "of"], Hedge::AtMost),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["an", "estimated"], Hedge::About),
    (&["an", "approximate"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["some"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["estimated"], Hedge::About),
];

/// Hedges written after a figure.
const HEDGES_AFTER: &[(&[&str], Hedge)] = &[
    (&["or", "more"], Hedge::AtLeast),
    (&["and", "above"], Hedge::AtLeast),
    (&["and", "over"], Hedge::AtLeast),
    (&["or", "so"], Hedge::About),
    (&["or", "fewer"], Hedge::AtMost),
    (&["or", "less"], Hedge::AtMost),
];

/// Vague amounts: words that stand for a range ("dozens of" is two dozen or more).
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["hundreds", "of", "thousands", "of"], 2e5, 1e6),
    (&["tens", "of", "thousands", "of"], 2e4, 1e5),
    (&["tens", "of", "millions", "of"], 2e7, 1e8),
    (&["hundreds", "of", "millions", "of"], 2e8, 1e9),
    (&["dozens", "of"], 24.0, 100.0),
    (&["scores", "of"], 40.0, 100.0),
    (&["hundreds", "of"], 200.0, 1000.0),
    (&["thousands", "of"], 2000.0, 10000.0),
    (&["millions", "of"], 2e6, 1e9),
];

/// What a figure counts in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Things or people, named by the counted noun.
    Count,
    Percent,
    /// An amount of money, with its currency code.
    Money(String),
}

impl Unit {
    pub fn label(&self) -> String {
        match self {
            Unit::Count => "count".to_string(),
            Unit::Percent => "percent".to_string(),
            Unit::Money(code) => format!("money:{code}"),
        }
    }
}

/// A figure found in a sentence.
#[derive(Debug, Clone)]
pub struct Figure {
    /// First token of the wording (hedge, currency sign or number).
    pub first: usize,
    /// The number's own first token.
    pub number: usize,
    /// Last token of the figure (number, scale, unit, trailing hedge).
    pub last: usize,
    pub value: f64,
    pub interval: Interval,
    pub hedge: Option<Hedge>,
    pub unit: Unit,
}

/// A number before filtering: tokens `first..=last`, its value or range.
#[derive(Debug, Clone)]
struct Raw {
    first: usize,
    last: usize,
    value: f64,
    vague: Option<(f64, f64)>,
    date: bool,
}

/// Finds the figures of one sentence.
pub fn find(view: &View) -> Vec<Figure> {
    let mut raws = raw_numbers(view);
    mark_dates(view, &mut raws);
    let kept: Vec<Raw> = raws
        .into_iter()
        .filter(|raw| !raw.date && !is_non_claim(view, raw))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        let raw = &kept[i];
        if let Some(next) = kept.get(i + 1) {
            if let Some(range_first) = range_between(view, raw, next) {
                let mut fig = finish(view, next, Some(range_first));
                fig.interval = Interval::closed(raw.value * scale_of(view, next), fig.value);
                fig.value = raw.value * scale_of(view, next);
                out.push(fig);
                i += 2;
                continue;
            }
        }
        out.push(finish(view, raw, None));
        i += 1;
    }
    out
}

/// A range "10 to 20", "10-20" or "between 10 and 20": returns its first token.
fn range_between(view: &View, a: &Raw, b: &Raw) -> Option<usize> {
    if a.vague.is_some() || b.vague.is_some() || b.first != a.last + 2 {
        return None;
    }
    let joiner = a.last + 1;
    let dash = view.is_punct(joiner, &['-', '–', '—']);
    let to = view.is("to", joiner);
    let and = view.is("and", joiner) && a.first >= 1 && view.is("between", a.first - 1);
    if !(dash || to || and) {
        return None;
    }
    if and {
        return Some(a.first - 1);
    }
    // "from 10 to 20 people" is a range; the from-word is part of the wording.
    Some(a.first)
}

/// Scale applied to a range's second number also applies to its first ("1-2 million").
fn scale_of(view: &View, raw: &Raw) -> f64 {
    let number = raw.first;
    if let Some(v) = tokens_value(view, number) {
        if v != 0.0 {
            return raw.value / v;
        }
    }
    1.0
}

fn tokens_value(view: &View, i: usize) -> Option<f64> {
    match view.tokens[i].kind {
        Kind::Number => tokens::parse_digits(view.raw(i)),
        Kind::Word => number_word(view, i).map(|(v, _)| v),
        _ => None,
    }
}

/// Numbers, number words and vague amounts, with their scale words.
fn raw_numbers(view: &View) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if let Some((lo, hi, len)) = vague_at(view, i) {
            out.push(Raw {
                first: i,
                last: i + len - 1,
                value: lo,
                vague: Some((lo, hi)),
                date: false,
            });
            i += len;
            continue;
        }
        let parsed = match view.tokens[i].kind {
            Kind::Number => tokens::parse_digits(view.raw(i)).map(|v| (v, i)),
            Kind::Word => number_word(view, i),
            _ => None,
        };
        let Some((mut value, mut last)) = parsed else {
            i += 1;
            continue;
        };
        if let Some(factor) = view.word(last + 1).and_then(lexicon::scale) {
            let glued_or_word = view.glued(last, last + 1) || view.raw(last + 1).len() > 2;
            if glued_or_word {
                value *= factor;
                last += 1;
            }
        }
        out.push(Raw {
            first: i,
            last,
            value,
            vague: None,
            date: false,
        });
        i = last + 1;
    }
    out
}

fn vague_at(view: &View, i: usize) -> Option<(f64, f64, usize)> {
    VAGUE.iter().find_map(|(words, lo, hi)| {
        let hit = words.iter().enumerate().all(|(k, w)| view.is(w, i + k));
        hit.then_some((*lo, *hi, words.len()))
    })
}

/// A number written in words, from token `i`: "six", "seventy-two", "a dozen",
/// "two hundred", "three million". Returns the value and the last token.
fn number_word(view: &View, i: usize) -> Option<(f64, usize)> {
    let word = view.word(i)?;
    let mut value = lexicon::small_number(word)?;
    let mut last = i;
    if word == "dozen" {
        // "a dozen": the article is part of the figure.
        return Some((12.0, i));
    }
    if view.is("hundred", last + 1) {
        value *= 100.0;
        last += 1;
        let and = usize::from(view.is("and", last + 1));
        if let Some(rest) = view.word(last + 1 + and).and_then(lexicon::small_number) {
            value += rest;
            last += 1 + and;
        }
    }
    if let Some(factor) = view.word(last + 1).and_then(lexicon::scale) {
        if factor >= 1e3 {
            value *= factor;
            last += 1;
        }
    }
    Some((value, last))
}

/// Dates: a number next to a month name ("October 25", "25 October", "Oct. 8"), numbers
/// glued to those by a dash ("October 25-26"), and numeric dates ("25/10/2025").
fn mark_dates(view: &View, raws: &mut [Raw]) {
    for raw in raws.iter_mut() {
        let before_month = raw.first >= 1
            && view.word(raw.first - 1).is_some_and(lexicon::is_month)
            || raw.first >= 2
                && view.is_punct(raw.first - 1, &['.'])
                && view.word(raw.first - 2).is_some_and(lexicon::is_month);
        let after_month = view.word(raw.last + 1).is_some_and(lexicon::is_month)
            || (view.is("of", raw.last + 1)
                && view.word(raw.last + 2).is_some_and(lexicon::is_month));
        let weekday_before = raw.first >= 1
            && view
                .word(raw.first - 1)
                .is_some_and(|w| lexicon::WEEKDAYS.contains(&w));
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
        && view.tokens[start - 2].kind == Kind::Number
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
            .is_some_and(|t| t.kind == Kind::Number)
    {
        count += 1;
        k += 2;
    }
    count
}

fn is_non_claim(view: &View, raw: &Raw) -> bool {
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
    let counted_after = view.word(raw.last + 1).is_some_and(lexicon::looks_plural);
    let year_word_before = raw.first >= 1
        && view.word(raw.first - 1).is_some_and(|w| {
            matches!(
                w,
                "the"
                    | "in"
                    | "since"
                    | "of"
                    | "by"
                    | "from"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "year"
                    | "during"
                    | "early"
                    | "late"
                    | "mid"
                    | "fiscal"
            )
        });
    !counted_after || year_word_before
}

/// "80th", "1st", "3pm", "10am" and digits glued to a letter run that is not a scale or
/// a unit the comparison understands.
fn is_ordinal_or_glued(view: &View, raw: &Raw) -> bool {
    if view.tokens[raw.first].kind != Kind::Number {
        return false;
    }
    let next = raw.first + 1;
    if !view.glued(raw.first, next) || view.tokens[next].kind != Kind::Word {
        return false;
    }
    let suffix = view.lower[next].split('-').next().unwrap_or("");
    matches!(
        suffix,
        "st" | "nd" | "rd" | "th" | "am" | "pm" | "h" | "hrs" | "s"
    )
}

/// Durations and ages: "10 years", "two days", "two-day", "45-year-old",
/// "3 consecutive days", "aged 45".
fn is_duration(view: &View, raw: &Raw) -> bool {
    let first_word = view.word(raw.first).unwrap_or("");
    if let Some((head, tail)) = first_word.split_once('-') {
        if lexicon::small_number(head).is_some() && lexicon::small_number(first_word).is_none() {
            let unit = tail.split('-').next().unwrap_or("");
            return lexicon::is_time_unit(unit) || lexicon::is_time_unit(&format!("{unit}s"));
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
    if lexicon::is_time_unit(unit_word) {
        return true;
    }
    let filler = matches!(
        word,
        "consecutive"
            | "straight"
            | "more"
            | "full"
            | "long"
            | "whole"
            | "additional"
            | "successive"
            | "further"
            | "previous"
            | "past"
            | "next"
            | "working"
            | "business"
    );
    if filler && view.word(next + 1).is_some_and(lexicon::is_time_unit) {
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
    let meridiem = view.word(raw.last + 1).is_some_and(|w| {
        matches!(
            w,
            "a" | "p" | "am" | "pm" | "gmt" | "utc" | "o'clock" | "hours" | "hrs"
        )
    }) && (view.is_punct(raw.last + 2, &['.']) || !view.is("a", raw.last + 1));
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
    if lexicon::IDENTIFIER_LABELS.contains(word) && !lexicon::is_month(word) {
        return true;
    }
    let inside_sentence = prev > 0;
    let is_hedge_or_function = HEDGES_BEFORE
        .iter()
        .any(|(words, _)| words.last() == Some(&word))
        || lexicon::PHRASE_STOPS.contains(word)
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
            lexicon::PHRASE_STOPS.contains(w)
                || matches!(
                    w,
                    "another" | "day" | "more" | "way" | "side" | "thing" | "point" | "time"
                )
        }
    }
}

/// Completes a kept number: unit, hedge, and the tokens its wording spans.
fn finish(view: &View, raw: &Raw, range_first: Option<usize>) -> Figure {
    let mut first = range_first.unwrap_or(raw.first);
    let mut last = raw.last;
    let mut unit = Unit::Count;

    // "%", "percent", "per cent".
    let percent_sign = view.is_punct(last + 1, &['%'])
        || view
            .word(last + 1)
            .is_some_and(|w| w == "percent" || w == "pct");
    if percent_sign {
        unit = Unit::Percent;
        last += 1;
    } else if view.is("per", last + 1) && view.is("cent", last + 2) {
        unit = Unit::Percent;
        last += 2;
    } else if let Some(code) = view.word(last + 1).and_then(lexicon::currency_word) {
        unit = Unit::Money(code.to_string());
        last += 1;
    }
    if let Some((code, len)) = currency_prefix(view, first) {
        unit = Unit::Money(code.to_string());
        first -= len;
    }

    let mut hedge = None;
    let mut interval = match raw.vague {
        Some((lo, hi)) => {
            hedge = Some(Hedge::Vague);
            Interval {
                lower: Some(crate::interval::Bound {
                    value: lo,
                    inclusive: true,
                }),
                upper: Some(crate::interval::Bound {
                    value: hi,
                    inclusive: false,
                }),
            }
        }
        None => Interval::exact(raw.value),
    };
    if range_first.is_some() {
        hedge = Some(Hedge::Between);
    } else if raw.vague.is_none() {
        if let Some((kind, len)) = hedge_before(view, first) {
            hedge = Some(kind);
            interval = kind.apply(raw.value);
            first -= len;
        } else if let Some((kind, len)) = hedge_after(view, last) {
            hedge = Some(kind);
            interval = kind.apply(raw.value);
            last += len;
        } else if view.is_punct(last + 1, &['+']) && view.glued(last, last + 1) {
            hedge = Some(Hedge::AtLeast);
            interval = Hedge::AtLeast.apply(raw.value);
            last += 1;
        }
    }
    // "a dozen" keeps its article.
    if view.is("dozen", raw.first)
        && raw.first >= 1
        && view.is("a", raw.first - 1)
        && first == raw.first
    {
        first -= 1;
    }
    Figure {
        first,
        number: raw.first,
        last,
        value: raw.value,
        interval,
        hedge,
        unit,
    }
}

/// A currency sign or code right before token `i`: returns its code and token count.
fn currency_prefix(view: &View, i: usize) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    // "US$" is a word and a sign; "$" alone is one sign.
    for (prefix, code) in lexicon::CURRENCY_PREFIXES {
        let (sign_len, word_part) =
            if let Some(word) = prefix.strip_suffix('$').filter(|w| !w.is_empty()) {
                (2, Some(word))
            } else {
                (1, None)
            };
        match word_part {
            Some(word) if i >= 2 => {
                if view.is_punct(i - 1, &['$'])
                    && view.raw(i - 2).eq_ignore_ascii_case(word)
                    && view.glued(i - 2, i - 1)
                {
                    return Some((code, sign_len));
                }
            }
            Some(_) => {}
            None => {
                if view.raw(i - 1) == *prefix {
                    return Some((code, 1));
                }
            }
        }
    }
    None
}

fn hedge_before(view: &View, first: usize) -> Option<(Hedge, usize)> {
    HEDGES_BEFORE.iter().find_map(|(words, kind)| {
        let n = words.len();
        if first < n {
            return None;
        }
        let hit = words
            .iter()
            .enumerate()
            .all(|(k, w)| view.is(w, first - n + k));
        hit.then_some((*kind, n))
    })
}

fn hedge_after(view: &View, last: usize) -> Option<(Hedge, usize)> {
    HEDGES_AFTER.iter().find_map(|(words, kind)| {
        let hit = words
            .iter()
            .enumerate()
            .all(|(k, w)| view.is(w, last + 1 + k));
        // "or more than", "or so-called": the hedge must end the phrase.
        let ends = !view
            .word(last + 1 + words.len())
            .is_some_and(|w| w == "than" || w == "of");
        (hit && ends).then_some((*kind, words.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, f64, Option<Hedge>)> {
        let view = View::new(text, 0, text.len());
        find(&view)
            .into_iter()
            .map(|f| {
                let start = view.tokens[f.first].start;
                let end = view.tokens[f.last].end;
                (text[start..end].to_string(), f.value, f.hedge)
            })
            .collect()
    }

    fn values(text: &str) -> Vec<f64> {
        figures(text).into_iter().map(|(_, v, _)| v).collect()
    }

    #[test]
    fn hedges_become_kinds_whatever_the_wording() {
        let cases = [
            ("more than 3,400 marchers", Hedge::MoreThan),
            ("over 3,400 marchers", Hedge::MoreThan),
            ("in excess of 40 boats", Hedge::MoreThan),
            ("at least 31 boats", Hedge::AtLeast),
            ("a minimum of 31 ballots", Hedge::AtLeast),
            ("no fewer than 40 votes", Hedge::AtLeast),
            ("nearly 90 towns", Hedge::Nearly),
            ("almost 90 towns", Hedge::Nearly),
            ("about 300 homes", Hedge::About),
            ("some 300 homes", Hedge::About),
            ("roughly 300 homes", Hedge::About),
            ("an estimated 300 homes", Hedge::About),
            ("as many as 57 ships", Hedge::AtMost),
            ("up to 57 ships", Hedge::AtMost),
            ("fewer than 10 boats", Hedge::LessThan),
            ("40 or more people", Hedge::AtLeast),
        ];
        for (text, want) in cases {
            let got = figures(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].2, Some(want), "{text}");
        }
    }

    #[test]
    fn the_wording_spans_the_hedge_and_the_figure() {
        assert_eq!(
            figures("It drew more than 3,400 marchers.")[0].0,
            "more than 3,400"
        );
        assert_eq!(figures("Losses hit $2.3bn last year.")[0].0, "$2.3bn");
        assert_eq!(figures("Turnout was 61.5%.")[0].0, "61.5%");
        assert_eq!(figures("a dozen boats")[0].0, "a dozen");
    }

    #[test]
    fn digits_words_and_scales_give_values() {
        assert_eq!(values("3,400 marchers"), [3400.0]);
        assert_eq!(values("1.5 million people"), [1_500_000.0]);
        assert_eq!(values("$2.3bn in aid"), [2_300_000_000.0]);
        assert_eq!(values("six lifeboats"), [6.0]);
        assert_eq!(values("seventy-four farms"), [74.0]);
        assert_eq!(values("two hundred and five houses"), [205.0]);
        assert_eq!(values("a dozen boats"), [12.0]);
        assert_eq!(values("three million voters"), [3_000_000.0]);
    }

    #[test]
    fn vague_amounts_are_ranges() {
        let text = "hundreds of people and dozens of cars and tens of thousands of homes";
        let view = View::new(text, 0, text.len());
        let found = find(&view);
        let bounds: Vec<(Option<f64>, Option<f64>)> = found
            .iter()
            .map(|f| (f.interval.lower_value(), f.interval.upper_value()))
            .collect();
        assert_eq!(
            bounds,
            [
                (Some(200.0), Some(1000.0)),
                (Some(24.0), Some(100.0)),
                (Some(20000.0), Some(100_000.0))
            ]
        );
    }

    #[test]
    fn ranges_are_one_figure() {
        let text = "between 10 and 20 people, 30-40 cars and 5 to 8 boats";
        let view = View::new(text, 0, text.len());
        let found = find(&view);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].interval, Interval::closed(10.0, 20.0));
        assert_eq!(found[1].interval, Interval::closed(30.0, 40.0));
        assert_eq!(found[2].interval, Interval::closed(5.0, 8.0));
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
