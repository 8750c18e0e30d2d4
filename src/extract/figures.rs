//! Figures: reads the numbers in a sentence that count or measure something (digits,
//! number words, scale words, ranges, vague amounts, currencies and percentages), with
//! the hedge around them as an interval.
//!
//! Most numbers in news copy are not claims: dates, years, ordinals, durations, times,
//! identifiers ("Article 5", "COVID-19") and the digits of links and file names. This stage
//! keeps a number only when none of those readings fits, so a wrong "claim" never reaches
//! the comparison.

use crate::base::interval::Interval;
use crate::base::numbers;
use crate::base::tokens::TokenKind;

use super::hedges;
pub use super::hedges::Hedge;
use super::non_claims;
pub use super::view::View;

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
pub(super) struct Raw {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) value: f64,
    pub(super) vague: Option<(f64, f64)>,
    pub(super) date: bool,
}

/// Finds the figures of one sentence.
pub fn find(view: &View) -> Vec<Figure> {
    let mut raws = raw_numbers(view);
    non_claims::mark_dates(view, &mut raws);
    let kept: Vec<Raw> = raws
        .into_iter()
        .filter(|raw| !raw.date && !non_claims::is_non_claim(view, raw))
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
        TokenKind::Number => numbers::parse_digits(view.raw(i), &view.lang.number_style),
        TokenKind::Word => number_word(view, i).map(|(v, _)| v),
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
            TokenKind::Number => {
                numbers::parse_digits(view.raw(i), &view.lang.number_style).map(|v| (v, i))
            }
            TokenKind::Word => number_word(view, i),
            _ => None,
        };
        let Some((mut value, mut last)) = parsed else {
            i += 1;
            continue;
        };
        if let Some(factor) = view.word(last + 1).and_then(|w| view.lang.scale(w)) {
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

/// A vague amount ("dozens of") starting at token `i`: the range it stands for and its
/// length in tokens. The language lists longer phrases first.
fn vague_at(view: &View, i: usize) -> Option<(f64, f64, usize)> {
    // Asked of every token: most are no vague amount's first word.
    if !view
        .word(i)
        .is_some_and(|w| view.lang.vague_first_words.contains(w))
    {
        return None;
    }
    view.lang.vague.iter().find_map(|vague| {
        let words = vague.words;
        let hit = words.iter().enumerate().all(|(k, w)| view.is(w, i + k));
        hit.then_some((vague.low, vague.high, words.len()))
    })
}

/// A number written in words, from token `i`: "six", "seventy-two", "a dozen",
/// "two hundred", "three million". Returns the value and the last token.
fn number_word(view: &View, i: usize) -> Option<(f64, usize)> {
    let word = view.word(i)?;
    let mut value = view.lang.small_number(word)?;
    let mut last = i;
    if word == "dozen" {
        // "a dozen": the article is part of the figure.
        return Some((12.0, i));
    }
    if view.is("hundred", last + 1) {
        value *= 100.0;
        last += 1;
        let and = usize::from(view.is("and", last + 1));
        if let Some(rest) = view
            .word(last + 1 + and)
            .and_then(|w| view.lang.small_number(w))
        {
            value += rest;
            last += 1 + and;
        }
    }
    if let Some(factor) = view.word(last + 1).and_then(|w| view.lang.scale(w)) {
        if factor >= 1e3 {
            value *= factor;
            last += 1;
        }
    }
    Some((value, last))
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
    } else if let Some(code) = view.word(last + 1).and_then(|w| view.lang.currency_word(w)) {
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
                lower: Some(crate::base::interval::Bound {
                    value: lo,
                    inclusive: true,
                }),
                upper: Some(crate::base::interval::Bound {
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
        if let Some((kind, len)) = hedges::before(view, first) {
            hedge = Some(kind);
            interval = kind.apply(raw.value);
            first -= len;
        } else if let Some((kind, len)) = hedges::after(view, last) {
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
    for (prefix, code) in view.lang.currency_prefixes {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, f64, Option<Hedge>)> {
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
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
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
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
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
        let found = find(&view);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].interval, Interval::closed(10.0, 20.0));
        assert_eq!(found[1].interval, Interval::closed(30.0, 40.0));
        assert_eq!(found[2].interval, Interval::closed(5.0, 8.0));
    }
}
