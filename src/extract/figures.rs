//! Figures: reads the numbers in a sentence that count or measure something (digits,
//! number words, scale words, ranges, ratios, fractions, multipliers, vague amounts,
//! currencies and percentages), with the hedge around them as an interval.
//!
//! Most numbers in news copy are not claims: dates, years, ordinals, durations, times,
//! identifiers ("Article 5", "COVID-19") and the digits of links and file names. This stage
//! keeps a number only when none of those readings fits, so a wrong "claim" never reaches
//! the comparison.
//!
//! How wordings are read (the README's hedge table says the same):
//!
//! - a vague amount is at least two of its unit, with no upper bound: "dozens" is 24 or
//!   more, "hundreds" 200 or more, "tens of thousands" 20,000 or more, "several hundred
//!   thousand" 200,000 or more;
//! - "N to M", "N-M", "between N and M" and "N or M" are one figure from N to M when N is
//!   below M, a scale word on M carried to N ("three to four million"); "8-1" and "21-7"
//!   (a vote, a score) and "from 5% to 4.75%" after a verb (a change) are two figures;
//! - "one in five" is a share (0.2), "a third" and "half of" are shares, "double" and
//!   "nearly doubled" are multipliers: each counts in `Unit::Ratio`;
//! - one hedge before coordinated figures bounds each of them ("around 45 males and 35
//!   females").
//!
//! Number words are read here from the language's data rather than by a crate. text2num
//! (2.8), measured on the devsets' extraction gold, finds 51 of the 106 counts written in
//! words, with 163 readings that are wrong or no count; on the gold's own wording it
//! reads 46 of 106. It reads cardinals well, but not what news copy holds beyond them
//! ("hundreds" is 100 to it, not 200 or more; "dozens", "several hundred thousand",
//! "five or six", "a third", "one in five", "nearly double" are errors), and it needs
//! Rust 1.85 (edition 2024). This reader finds 100 of the 106 with no wrong reading.

use crate::base::interval::Interval;
use crate::base::numbers;
use crate::base::tokens::TokenKind;

use super::hedges;
pub use super::hedges::Hedge;
use super::non_claims;
pub use super::view::View;

/// What a figure counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Things or people, named by the counted noun.
    Count,
    Percent,
    /// An amount of money, with its currency.
    Money(Currency),
    /// A share or a multiple of something else: "one in five", "a third", "double".
    Ratio,
}

/// A currency, as its place among every language's currency codes in alphabetical
/// order: a unit takes four bytes, not the sixteen of a pointer to its code with the
/// variant's tag, and every claim of an archive is held until the report. Codes are in
/// order, so currencies compare as their codes do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(u16);

/// Every currency code of the language tables, sorted, each once.
static CODES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut codes: Vec<&'static str> = crate::base::lang::LANGUAGES
        .iter()
        .flat_map(|lang| lang.currency_words.iter().chain(lang.currency_prefixes))
        .map(|&(_, code)| code)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
});

impl Currency {
    /// The currency of a code from a language's currency tables.
    ///
    /// # Panics
    /// When no table has the code: codes come from those tables only.
    pub fn of(code: &str) -> Currency {
        CODES
            .binary_search(&code)
            .ok()
            .and_then(|at| u16::try_from(at).ok())
            .map_or_else(|| panic!("{code} is in no currency table"), Currency)
    }

    /// Its ISO code ("USD").
    pub fn code(self) -> &'static str {
        CODES[usize::from(self.0)]
    }
}

impl Unit {
    pub fn label(&self) -> String {
        match self {
            Unit::Count => "count".to_string(),
            Unit::Percent => "percent".to_string(),
            Unit::Money(currency) => format!("money:{}", currency.code()),
            Unit::Ratio => "ratio".to_string(),
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

/// A number before filtering: tokens `first..=last` and its value.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) value: f64,
    /// A vague amount: `value` is its lower bound, and it has no upper one.
    pub(super) vague: bool,
    /// The number carries its own scale word ("2 million", "three dozen").
    pub(super) scaled: bool,
    /// A unit the wording itself says ("a third", "multimillion-dollar").
    pub(super) unit: Option<Unit>,
    /// A hedge the wording itself holds ("a couple of" is about 2).
    pub(super) hedge: Option<Hedge>,
    pub(super) date: bool,
}

impl Raw {
    fn new(first: usize, last: usize, value: f64) -> Self {
        Raw {
            first,
            last,
            value,
            vague: false,
            scaled: false,
            unit: None,
            hedge: None,
            date: false,
        }
    }

    /// A plain number: no vague amount, no unit or hedge of its own.
    fn is_plain(&self) -> bool {
        !self.vague && self.unit.is_none() && self.hedge.is_none()
    }
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
        if let Some(fig) = kept.get(i + 1).and_then(|next| range(view, &kept[i], next)) {
            out.push(fig);
            i += 2;
            continue;
        }
        out.push(finish(view, &kept[i]));
        i += 1;
    }
    carry_hedges(view, &mut out);
    out
}

/// Numbers in digits or words, vague amounts, fractions, multipliers and ratios, with
/// their scale words.
fn raw_numbers(view: &View) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < view.len() {
        let found = match view.tokens[i].kind {
            TokenKind::Number => digits(view, i),
            TokenKind::Word => word_figure(view, i),
            _ => None,
        };
        let Some(raw) = found else {
            i += 1;
            continue;
        };
        i = raw.last + 1;
        // "one in five", "1 in 10", "one in every three": a share.
        if let Some(share) = out.last().and_then(|prev| ratio(view, prev, &raw)) {
            *out.last_mut().expect("a last raw") = share;
            continue;
        }
        out.push(raw);
    }
    out
}

/// A number in digits at token `i`, with its scale: "2,500", "1.5 million", "$2.3bn",
/// "$350-billion", and a slug's "4 75 percent" (4.75, its point lost with the title).
fn digits(view: &View, i: usize) -> Option<Raw> {
    let mut value = numbers::parse_digits(view.raw(i), &view.lang.number_style)?;
    let mut last = i;
    if view.is_slug() {
        if let Some((decimal, k)) = slug_decimal(view, i, value) {
            value = decimal;
            last = k;
        }
    }
    let mut raw = Raw::new(i, last, value);
    if let Some(factor) = view.word(last + 1).and_then(|w| view.lang.scale(w)) {
        // A suffix must be glued ("2.3bn"); a word may stand apart ("2 million").
        if view.glued(last, last + 1) || view.raw(last + 1).chars().count() > 2 {
            raw.value = numbers::scale(raw.value, factor);
            raw.last = last + 1;
            raw.scaled = true;
        }
    } else if view.is_punct(last + 1, &['-', '‑'])
        && view.glued(last, last + 1)
        && view.glued(last + 1, last + 2)
    {
        // "$350-billion", "a 12.5-million budget", "a 12-million-euro grant".
        let word = view.word(last + 2).unwrap_or("");
        let mut parts = word.split('-');
        if let Some(factor) = parts.next().and_then(|w| view.lang.scale_word(w)) {
            raw.value = numbers::scale(raw.value, factor);
            raw.last = last + 2;
            raw.scaled = true;
            raw.unit = parts
                .next()
                .and_then(|w| view.lang.currency_word(w))
                .map(|code| Unit::Money(Currency::of(code)));
        }
    }
    Some(raw)
}

/// A slug's decimal whose point became a space: "4 75 percent", "1 5 million", "68 7b".
/// The second number has one or two digits and a percent or scale word follows it, or
/// a scale suffix glued to it. A first number right after a word that is neither a
/// function word nor a verb is part of a name ("covid 19 1m deaths", "iphone 15 1m
/// preorders", "chapter 11 2bn debt"), not the whole of a decimal.
fn slug_decimal(view: &View, i: usize, whole: f64) -> Option<(f64, usize)> {
    let named = i
        .checked_sub(1)
        .and_then(|j| view.word(j))
        .is_some_and(|w| !view.lang.phrase_stops.contains(w) && !view.lang.looks_verb(w));
    if named {
        return None;
    }
    let k = i + 1;
    if view.tokens.get(k)?.kind != TokenKind::Number {
        return None;
    }
    let fraction = view.raw(k);
    let shaped = view.raw(i).len() <= 2
        && (1..=2).contains(&fraction.len())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    let unit_after = view.word(k + 1).is_some_and(|w| {
        w == "percent"
            || view.lang.scale_word(w).is_some()
            || (view.glued(k, k + 1) && view.lang.scale(w).is_some())
    });
    if !(shaped && unit_after) {
        return None;
    }
    let digits: f64 = fraction.parse().ok()?;
    let places = if fraction.len() == 1 { 10.0 } else { 100.0 };
    Some((whole + digits / places, k))
}

/// A figure written in words from token `i`: a vague amount, a number word, a fraction,
/// a multiplier or "a couple of".
fn word_figure(view: &View, i: usize) -> Option<Raw> {
    let word = view.word(i)?;
    // Asked of every word: one lookup or two say no for most.
    let article = matches!(word, "a" | "an")
        && view
            .word(i + 1)
            .is_some_and(|next| view.lang.vague_first_words.contains(next));
    let opens = article
        || view.lang.number_words.contains(word)
        || view.lang.vague_first_words.contains(word)
        || word.contains('-')
        || view
            .lang
            .vague_prefixes
            .words()
            .iter()
            .any(|p| word.starts_with(p));
    if !opens {
        return None;
    }
    vague_at(view, i)
        .or_else(|| fraction_at(view, i))
        .or_else(|| number_word(view, i))
        .or_else(|| multiplier_at(view, i))
        .or_else(|| approximate_at(view, i))
        .or_else(|| compound_at(view, i))
}

/// A number word joined to a noun by a hyphen: "seven-time", "two-deck", "nine-member".
/// The stages after say when it is no count ("two-day" is a duration, "three-point" a
/// measure, "two-way" a fixed expression). "one-" words are left alone: "one-off",
/// "one-sided", "one-time" are not counts.
fn compound_at(view: &View, i: usize) -> Option<Raw> {
    let (head, tail) = view.word(i)?.split_once('-')?;
    let value = view.lang.small_number(head).filter(|&v| v >= 2.0)?;
    tail.chars()
        .all(char::is_alphabetic)
        .then(|| Raw::new(i, i, value))
}

/// A vague amount at token `i`: "hundreds of", "tens of thousands", "several hundred
/// thousand", "a few dozen", "multi-thousand". Its value is its lower bound, twice its
/// unit.
fn vague_at(view: &View, i: usize) -> Option<Raw> {
    let lang = view.lang;
    let word = view.word(i)?;
    // "multi-thousand-strong", "multimillion-dollar".
    if let Some(rest) = lang
        .vague_prefixes
        .words()
        .iter()
        .find_map(|p| word.strip_prefix(p))
    {
        let mut parts = rest.trim_start_matches('-').split('-');
        let unit = lang.scale_word(parts.next()?)?;
        let mut raw = vague_raw(i, i, unit);
        raw.unit = parts
            .next()
            .and_then(|p| lang.currency_word(p))
            .map(|code| Unit::Money(Currency::of(code)));
        return Some(raw);
    }
    let mut first = i;
    let mut k = i;
    if lang.vague_quantifiers.contains(word) {
        // "a few hundred": the article is part of the wording.
        if i >= 1 && view.is("a", i - 1) {
            first = i - 1;
        }
        k = i + 1;
        let mut unit = 1.0;
        while let Some(factor) = view.word(k).and_then(|w| lang.scale_word(w)) {
            unit = numbers::scale(unit, factor);
            k += 1;
        }
        if k > i + 1 {
            let last = if view.is("of", k) { k } else { k - 1 };
            return Some(vague_raw(first, last, unit));
        }
    }
    // "hundreds", "tens of thousands of", and after a quantifier "many thousands of".
    let plural = lang.vague_unit(view.word(k)?)?;
    let mut unit = plural.unit;
    let mut last = k;
    let mut chained = false;
    while view.is("of", last + 1) {
        let Some(next) = view.word(last + 2).and_then(|w| lang.vague_unit(w)) else {
            break;
        };
        unit *= next.unit;
        last += 2;
        chained = true;
    }
    if view.is("of", last + 1) {
        last += 1;
    } else if !plural.alone && !chained {
        return None;
    }
    Some(vague_raw(first, last, unit))
}

fn vague_raw(first: usize, last: usize, unit: f64) -> Raw {
    let mut raw = Raw::new(first, last, 2.0 * unit);
    raw.vague = true;
    raw
}

/// A number written in words from token `i`: "six", "seventy-two", "two hundred and
/// five", "seven million", "three dozen", and with an article "a dozen", "a million".
fn number_word(view: &View, i: usize) -> Option<Raw> {
    let lang = view.lang;
    let word = view.word(i)?;
    let mut value = if let Some(v) = lang.small_number(word) {
        v
    } else if matches!(word, "a" | "an")
        && view.word(i + 1).and_then(|w| lang.scale_word(w)).is_some()
    {
        // "a dozen", "a hundred", "a million": the article is one.
        1.0
    } else {
        return None;
    };
    let mut last = i;
    let mut scaled = false;
    // "sixty-" at the end of a line and "six" on the next: one word broken in two.
    if lang.number_tens.contains(word) && view.is_punct(i + 1, &['-', '‑']) && view.glued(i, i + 1)
    {
        if let Some(unit) = view
            .word(i + 2)
            .and_then(|w| lang.small_number(w))
            .filter(|u| (1.0..10.0).contains(u))
        {
            value += unit;
            last = i + 2;
        }
    }
    if view.is("hundred", last + 1) {
        value *= 100.0;
        last += 1;
        scaled = true;
        let and = usize::from(view.is("and", last + 1));
        if let Some(rest) = view.word(last + 1 + and).and_then(|w| lang.small_number(w)) {
            value += rest;
            last += 1 + and;
        }
    }
    // "seven million", "three dozen", "two hundred thousand".
    while let Some(factor) = view.word(last + 1).and_then(|w| lang.scale_word(w)) {
        if scaled && view.is("hundred", last + 1) {
            break;
        }
        value = numbers::scale(value, factor);
        last += 1;
        scaled = true;
    }
    if last == i && matches!(word, "a" | "an") {
        return None;
    }
    let mut raw = Raw::new(i, last, value);
    raw.scaled = scaled && last > i;
    Some(raw)
}

/// A fraction from token `i`: "a third of", "one third", "two-thirds", "half of the",
/// "more than half the", "half a mile", "half a million".
fn fraction_at(view: &View, i: usize) -> Option<Raw> {
    let lang = view.lang;
    let word = view.word(i)?;
    // "one-third", "two-thirds".
    if let Some((count, part)) = word.split_once('-') {
        let count = lang.small_number(count).filter(|&n| n >= 1.0)?;
        let share = lang.fraction(part)?;
        return Some(share_raw(i, i, count * share));
    }
    // "a third of", "one third", "three quarters".
    let count = if matches!(word, "a" | "an") {
        Some(1.0)
    } else {
        lang.small_number(word).filter(|&n| n >= 1.0)
    };
    if let Some(count) = count {
        let share = view.word(i + 1).and_then(|w| lang.fraction(w))?;
        // "a third time", "a quarter century": an article before an ordinal or a unit of
        // time is no share; a share is "of" something.
        let of_something = view
            .word(i + 2)
            .is_some_and(|w| w == "of" || lang.determiners.contains(w));
        if matches!(word, "a" | "an") && !of_something {
            return None;
        }
        if view.word(i + 2).is_some_and(|w| lang.is_time_unit(w)) {
            return None;
        }
        return Some(share_raw(i, i + 1, count * share));
    }
    // "half of the victims", "more than half the population", "half a mile".
    if !lang.bare_fractions.contains(word) {
        return None;
    }
    let share = lang.fraction(word)?;
    let part_of_something = i >= 1
        && view
            .word(i - 1)
            .is_some_and(|w| lang.half_excluders.contains(w));
    if part_of_something {
        return None;
    }
    let next = view.word(i + 1)?;
    if matches!(next, "a" | "an") {
        // "half a million" is a number; "half a mile" half of one thing.
        let mut raw = Raw::new(i, i + 1, share);
        if let Some(factor) = view.word(i + 2).and_then(|w| lang.scale_word(w)) {
            raw.value = numbers::scale(raw.value, factor);
            raw.last = i + 2;
            raw.scaled = true;
        }
        return Some(raw);
    }
    (next == "of" || lang.determiners.contains(next) || lang.multiplier_followers.contains(next))
        .then(|| share_raw(i, i, share))
}

fn share_raw(first: usize, last: usize, value: f64) -> Raw {
    let mut raw = Raw::new(first, last, value);
    raw.unit = Some(Unit::Ratio);
    raw
}

/// A multiplier at token `i`: "a threefold rise", and when it multiplies something
/// "double the number", "twice as many", "nearly doubled."; not "a double murder" or
/// "doubled to 200" (where 200 is the figure).
fn multiplier_at(view: &View, i: usize) -> Option<Raw> {
    let lang = view.lang;
    let word = view.word(i)?;
    let factor = lang.multiplier(word)?;
    if word.ends_with("fold") {
        return Some(share_raw(i, i, factor));
    }
    let hedged = hedges::before(view, i).is_some();
    let of_something = view
        .word(i + 1)
        .is_some_and(|w| lang.multiplier_followers.contains(w));
    // "the toll doubled.": a verb that ends a clause.
    let ends_clause = word.ends_with("ed")
        && view
            .tokens
            .get(i + 1)
            .is_none_or(|t| t.kind == TokenKind::Punct);
    (hedged || of_something || ends_clause).then(|| share_raw(i, i, factor))
}

/// A number word that stands with its hedge: "a couple of points" is about 2.
fn approximate_at(view: &View, i: usize) -> Option<Raw> {
    if !view.is("a", i) || !view.is("of", i + 2) {
        return None;
    }
    let value = view
        .word(i + 1)
        .and_then(|w| view.lang.approximate_number(w))?;
    let mut raw = Raw::new(i, i + 2, value);
    raw.hedge = Some(Hedge::About);
    Some(raw)
}

/// "one in five", "1 in 10", "one in every three": a share, when the first number is
/// below the second and neither has a scale.
fn ratio(view: &View, a: &Raw, b: &Raw) -> Option<Raw> {
    if !a.is_plain() || !b.is_plain() || a.scaled || b.scaled || !view.is("in", a.last + 1) {
        return None;
    }
    let mut k = a.last + 2;
    if view.word(k).is_some_and(|w| w == "every" || w == "each") {
        k += 1;
    }
    let whole = |v: f64| v.fract() == 0.0 && v >= 1.0;
    let fits = b.first == k && whole(a.value) && whole(b.value) && a.value < b.value;
    // "3 in 2024" is a year; a share's whole is small.
    (fits && b.value <= 1000.0).then(|| share_raw(a.first, b.last, a.value / b.value))
}

/// A range: "10 to 20", "10-20", "between 10 and 20", "five or six", "$1 billion to $1.15
/// billion", "990 euros to around 3,000 euros". `None` when the two numbers are not one.
fn range(view: &View, a: &Raw, b: &Raw) -> Option<Figure> {
    // At most a unit, a joiner, a hedge and a sign stand between the two ends.
    if !a.is_plain() || !b.is_plain() || b.first > a.last + 6 {
        return None;
    }
    // The first end may repeat the unit the second carries: "10% to 20%".
    let a_unit = unit_after(view, a.last);
    let joiner = a_unit.as_ref().map_or(a.last + 1, |(_, k)| k + 1);
    // The second may repeat a currency sign or carry a rough hedge of its own.
    let mut second = b.first;
    if let Some((_, len)) = currency_prefix(view, second) {
        second -= len;
    }
    if let Some((Hedge::About, len, false)) = hedges::before(view, second) {
        second -= len;
    }
    if second != joiner + 1 {
        return None;
    }
    let dash = view.is_punct(joiner, &['-', '–', '—']);
    let to = view.is("to", joiner);
    let or = view.is("or", joiner);
    let a_start = currency_prefix(view, a.first).map_or(a.first, |(_, len)| a.first - len);
    let between = view.is("and", joiner) && a_start >= 1 && view.is("between", a_start - 1);
    if !(dash || to || or || between) {
        return None;
    }
    // A scale on the second end carries to the first: "three to four million", "1-2
    // million", but not "900 to 1.2 million" or "1 million to 2 million".
    let b_number = tokens_value(view, b.first).filter(|&v| v != 0.0);
    let low = match b_number {
        Some(plain) if b.scaled && !a.scaled && a.value < plain => {
            numbers::scale(a.value, b.value / plain)
        }
        _ => a.value,
    };
    // "8-1", "21-7", "from 200 to 150": a vote, a score, a fall; not a range.
    if low >= b.value {
        return None;
    }
    // "cut from 5% to 4.75%", "rose from 100 million to 190 million": a change.
    if to && a.first >= 2 && view.is("from", a.first - 1) {
        let verb = view.word(a.first - 2).is_some_and(|w| {
            (view.lang.looks_verb(w) || view.lang.linking_words.contains(w))
                && !view.lang.range_verbs.contains(w)
        });
        if verb {
            return None;
        }
    }
    let mut fig = finish(view, b);
    // "soared 64% to $43.2 billion": two units, two figures.
    let a_said = a_unit.map(|(unit, _)| unit).or_else(|| {
        currency_prefix(view, a.first).map(|(code, _)| Unit::Money(Currency::of(code)))
    });
    if a_said.is_some_and(|unit| unit != fig.unit) {
        return None;
    }
    let start = finish(view, a).first;
    fig.first = if between && start >= 1 && view.is("between", start - 1) {
        start - 1
    } else {
        start
    };
    fig.value = low;
    fig.interval = Interval::closed(low, b.value);
    fig.hedge = Some(Hedge::Between);
    if let Some((code, _)) = currency_prefix(view, a.first) {
        fig.unit = Unit::Money(Currency::of(code));
    }
    Some(fig)
}

/// The value of the number at token `i` without its scale.
fn tokens_value(view: &View, i: usize) -> Option<f64> {
    match view.tokens[i].kind {
        TokenKind::Number => numbers::parse_digits(view.raw(i), &view.lang.number_style),
        TokenKind::Word => view.word(i).and_then(|w| view.lang.small_number(w)),
        _ => None,
    }
}

/// A unit written right after token `last`: "%", "percent", "per cent", a currency word.
/// Returns the unit and the unit's last token.
fn unit_after(view: &View, last: usize) -> Option<(Unit, usize)> {
    let percent_sign = view.is_punct(last + 1, &['%'])
        || view
            .word(last + 1)
            .is_some_and(|w| w == "percent" || w == "pct");
    if percent_sign {
        return Some((Unit::Percent, last + 1));
    }
    if view.is("per", last + 1) && view.is("cent", last + 2) {
        return Some((Unit::Percent, last + 2));
    }
    let code = view
        .word(last + 1)
        .and_then(|w| view.lang.currency_word(w))?;
    Some((Unit::Money(Currency::of(code)), last + 1))
}

/// Completes a kept number: unit, hedge, and the tokens its wording spans.
fn finish(view: &View, raw: &Raw) -> Figure {
    let mut first = raw.first;
    let mut last = raw.last;
    let mut unit = raw.unit.unwrap_or(Unit::Count);
    if raw.unit.is_none() {
        if let Some((after, k)) = unit_after(view, last) {
            unit = after;
            last = k;
        }
    }
    if let Some((code, len)) = currency_prefix(view, first) {
        unit = Unit::Money(Currency::of(code));
        first -= len;
    }

    let mut hedge = raw.hedge;
    let mut interval = if raw.vague {
        hedge = Some(Hedge::Vague);
        Interval::above(raw.value, true)
    } else {
        hedge.map_or(Interval::exact(raw.value), |h| h.apply(raw.value))
    };
    if hedge.is_none() {
        if let Some((kind, len, verb)) = hedges::before(view, first) {
            hedge = Some(kind);
            interval = kind.apply(raw.value);
            if !verb {
                first -= len;
            }
        } else if let Some((kind, len)) = hedges::after(view, last) {
            hedge = Some(kind);
            interval = kind.apply(raw.value);
            last += len;
        } else if let Some((kind, len)) = glued_hedge(view, last) {
            hedge = Some(kind);
            interval = kind.apply(raw.value);
            last += len;
        }
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

/// A hedge glued to a figure: "1,200+" and "1,200-plus" are at least 1,200, "40-odd"
/// about 40.
fn glued_hedge(view: &View, last: usize) -> Option<(Hedge, usize)> {
    if view.is_punct(last + 1, &['+']) && view.glued(last, last + 1) {
        return Some((Hedge::AtLeast, 1));
    }
    if !(view.is_punct(last + 1, &['-', '‑'])
        && view.glued(last, last + 1)
        && view.glued(last + 1, last + 2))
    {
        return None;
    }
    match view.word(last + 2)? {
        "plus" => Some((Hedge::AtLeast, 2)),
        "odd" => Some((Hedge::About, 2)),
        _ => None,
    }
}

/// One hedge before coordinated figures bounds each: "around 45 males and 35 females",
/// "the more than 14,000 cases and 524 deaths", "up to 45,000 police and gendarmes,
/// plus 10,000 soldiers". Not across a verb: in "around 23 bodies have been recovered
/// and 40 people rescued" the 40 is exact.
fn carry_hedges(view: &View, figures: &mut [Figure]) {
    for k in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(k);
        let (prev, fig) = (&before[k - 1], &mut rest[0]);
        let Some(kind) = prev.hedge else { continue };
        if fig.hedge.is_some()
            || matches!(kind, Hedge::Between | Hedge::Vague)
            || prev.unit != fig.unit
            || !coordinated(view, prev.last + 1, fig.first)
        {
            continue;
        }
        fig.hedge = Some(kind);
        fig.interval = kind.apply(fig.value);
    }
}

/// True when tokens `from..to` join two figures as a list: nouns and commas, then "and",
/// "or" or "plus" right before the second figure.
fn coordinated(view: &View, from: usize, to: usize) -> bool {
    if to <= from + 1 || to - from > 7 {
        return false;
    }
    let joined = view
        .word(to - 1)
        .is_some_and(|w| matches!(w, "and" | "or" | "plus"));
    joined
        && (from..to - 1).all(|k| match view.word(k) {
            Some(w) => {
                w == "and"
                    || !(view.lang.phrase_stops.contains(w)
                        || view.lang.looks_verb(w)
                        || view.lang.auxiliaries.contains(w))
            }
            None => view.is_punct(k, &[',']),
        })
}

/// A currency sign or code right before token `i`: returns its code and token count.
/// "US$" is a word glued to "$"; "Rs." a word and its full stop.
pub(super) fn currency_prefix(view: &View, i: usize) -> Option<(&'static &'static str, usize)> {
    if i == 0 {
        return None;
    }
    for (prefix, code) in view.lang.currency_prefixes {
        if let Some(word) = prefix.strip_suffix('$').filter(|w| !w.is_empty()) {
            if i >= 2
                && view.is_punct(i - 1, &['$'])
                && view.raw(i - 2).eq_ignore_ascii_case(word)
                && view.glued(i - 2, i - 1)
            {
                return Some((code, 2));
            }
        } else if let Some(word) = prefix.strip_suffix('.').filter(|w| !w.is_empty()) {
            if i >= 2
                && view.is_punct(i - 1, &['.'])
                && view.raw(i - 2) == word
                && view.glued(i - 2, i - 1)
            {
                return Some((code, 2));
            }
        } else if view.raw(i - 1) == *prefix {
            return Some((code, 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> View<'_> {
        View::new(crate::base::lang::ENGLISH, text, 0, text.len())
    }

    fn figures(text: &str) -> Vec<(String, f64, Option<Hedge>)> {
        let view = view(text);
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

    fn bounds(text: &str) -> Vec<(Option<f64>, Option<f64>)> {
        let view = view(text);
        find(&view)
            .iter()
            .map(|f| (f.interval.lower_value(), f.interval.upper_value()))
            .collect()
    }

    fn units(text: &str) -> Vec<Unit> {
        find(&view(text)).into_iter().map(|f| f.unit).collect()
    }

    fn close(got: &[f64], want: &[f64]) -> bool {
        got.len() == want.len() && got.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-9)
    }

    #[test]
    fn hedges_become_kinds_whatever_the_wording() {
        let cases = [
            ("more than 3,400 marchers", Hedge::MoreThan),
            ("over 3,400 marchers", Hedge::MoreThan),
            ("in excess of 40 boats", Hedge::MoreThan),
            ("the toll passed 1,400 on Friday", Hedge::MoreThan),
            ("deaths surpassed 500 by noon", Hedge::MoreThan),
            ("the count climbed past 1,000 overnight", Hedge::MoreThan),
            ("at least 31 boats", Hedge::AtLeast),
            ("a minimum of 31 ballots", Hedge::AtLeast),
            ("no fewer than 40 votes", Hedge::AtLeast),
            ("tickets starting at 900 euros", Hedge::AtLeast),
            ("1,200-plus marchers", Hedge::AtLeast),
            ("1,200+ marchers", Hedge::AtLeast),
            ("nearly 90 towns", Hedge::Nearly),
            ("almost 90 towns", Hedge::Nearly),
            ("the toll stands near 1,400 today", Hedge::Nearly),
            ("turnout was a touch below 60%", Hedge::Nearly),
            ("turnout was just below 60%", Hedge::Nearly),
            ("about 300 homes", Hedge::About),
            ("some 300 homes", Hedge::About),
            ("roughly 300 homes", Hedge::About),
            ("an estimated 300 homes", Hedge::About),
            ("40-odd fishing boats", Hedge::About),
            ("as many as 57 ships", Hedge::AtMost),
            ("up to 57 ships", Hedge::AtMost),
            ("temperatures soared as high as 51°C", Hedge::AtMost),
            ("fewer than 10 boats", Hedge::LessThan),
            ("40 or more people", Hedge::AtLeast),
            ("more than a dozen countries", Hedge::MoreThan),
        ];
        for (text, want) in cases {
            let got = figures(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
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
        assert_eq!(figures("more than a dozen boats")[0].0, "more than a dozen");
        assert_eq!(figures("1,200-plus marchers")[0].0, "1,200-plus");
        // "near" bounds a figure after a linking word; elsewhere it is a preposition.
        assert_eq!(
            figures("The toll stood near 1,400.")[0].2,
            Some(Hedge::Nearly)
        );
        assert_eq!(figures("bodies found near 3 villages")[0].2, None);
        // A verb that bounds a figure stays out of its wording: the subject before it
        // is the figure's noun.
        assert_eq!(figures("The toll passed 1,400 on Friday.")[0].0, "1,400");
        assert_eq!(figures("The toll has topped 1,400.")[0].0, "1,400");
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
        assert_eq!(values("Seven million people voted."), [7_000_000.0]);
        assert_eq!(values("Some seven million people voted."), [7_000_000.0]);
        assert_eq!(values("three dozen boats"), [36.0]);
        assert_eq!(values("two dozen boats"), [24.0]);
        assert_eq!(values("a hundred boats"), [100.0]);
        assert_eq!(values("a million voters"), [1_000_000.0]);
        assert_eq!(values("half a million voters"), [500_000.0]);
        assert_eq!(values("half a dozen boats"), [6.0]);
        assert_eq!(values("two hundred thousand voters"), [200_000.0]);
        assert_eq!(values("won sixty-\nsix seats"), [66.0]);
        assert_eq!(values("won forty- one seats"), [41.0]);
    }

    #[test]
    fn money_is_read_in_every_spelling() {
        assert_eq!(
            values("Alphabet's $350-billion US annual revenue"),
            [3.5e11]
        );
        assert_eq!(values("a $12.5-billion US takeover"), [1.25e10]);
        assert_eq!(values("a 12-million-euro grant"), [1.2e7]);
        assert_eq!(values("a compensation of ₹2 lakh each"), [200_000.0]);
        assert_eq!(values("a compensation of Rs 2 lakh each"), [200_000.0]);
        assert_eq!(values("Rs. 50,000 each to the injured"), [50_000.0]);
        assert_eq!(values("a 3 crore package"), [3e7]);
        assert_eq!(
            units("Rs 50,000 each and ₹2 lakh each and Rs. 40 each"),
            [
                Unit::Money(Currency::of("INR")),
                Unit::Money(Currency::of("INR")),
                Unit::Money(Currency::of("INR"))
            ]
        );
        assert_eq!(
            units("a multimillion-dollar deal"),
            [Unit::Money(Currency::of("USD"))]
        );
    }

    #[test]
    fn vague_amounts_are_at_least_two_of_their_unit() {
        let cases: [(&str, f64); 16] = [
            ("hundreds of people", 200.0),
            ("Hundreds gathered outside", 200.0),
            ("dozens of cars", 24.0),
            ("dozens dead after boat capsizes", 24.0),
            ("scores of passengers", 40.0),
            ("thousands of homes", 2000.0),
            ("tens of thousands of homes", 20_000.0),
            ("tens of thousands protest", 20_000.0),
            ("hundreds of thousands marched", 200_000.0),
            ("several hundred thousand people rallied", 200_000.0),
            ("several dozen people gathered", 24.0),
            ("a few thousand fans", 2000.0),
            ("the multi-thousand-strong protest", 2000.0),
            ("the losses run in the millions", 2e6),
            ("the state invested billions in safety", 2e9),
            ("lakhs of devotees", 200_000.0),
        ];
        for (text, low) in cases {
            assert_eq!(bounds(text), [(Some(low), None)], "{text}");
            assert_eq!(figures(text)[0].2, Some(Hedge::Vague), "{text}");
        }
        // A plural that is no vague amount on its own.
        for text in ["test scores fell", "the tens digit", "in the 1990s"] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn ranges_are_one_figure() {
        let cases: [(&str, f64, f64); 10] = [
            ("between 10 and 20 people", 10.0, 20.0),
            ("30-40 cars", 30.0, 40.0),
            ("5 to 8 boats", 5.0, 8.0),
            ("five or six bodies", 5.0, 6.0),
            ("one or two boats", 1.0, 2.0),
            ("three to four million people", 3e6, 4e6),
            ("between 5 and 8 million people", 5e6, 8e6),
            ("1-2 million people", 1e6, 2e6),
            ("1 million to 2 million people", 1e6, 2e6),
            ("900 to 1.2 million people", 900.0, 1.2e6),
        ];
        for (text, low, high) in cases {
            assert_eq!(bounds(text), [(Some(low), Some(high))], "{text}");
            assert_eq!(figures(text)[0].2, Some(Hedge::Between), "{text}");
        }
    }

    #[test]
    fn a_range_may_repeat_its_unit_on_both_ends() {
        let text = "direct costs at $1 billion to $1.15 billion";
        assert_eq!(bounds(text), [(Some(1e9), Some(1.15e9))]);
        assert_eq!(figures(text)[0].0, "$1 billion to $1.15 billion");
        assert_eq!(units(text), [Unit::Money(Currency::of("USD"))]);
        let text = "prices range from 990 euros to around 3,000 euros";
        assert_eq!(bounds(text), [(Some(990.0), Some(3000.0))]);
        assert_eq!(
            bounds("between $5 and $8 a ticket"),
            [(Some(5.0), Some(8.0))]
        );
        assert_eq!(
            bounds("from 10% to 20% of voters"),
            [(Some(10.0), Some(20.0))]
        );
        // Two units are two figures.
        assert_eq!(
            values("revenue soared 64% to $43.2 billion"),
            [64.0, 4.32e10]
        );
    }

    #[test]
    fn votes_scores_and_changes_are_two_figures() {
        assert_eq!(values("the committee voted 8-1 to cut"), [8.0, 1.0]);
        assert_eq!(values("the MPC voted 8–1 in favour"), [8.0, 1.0]);
        assert_eq!(values("they won 21-7 at home"), [21.0, 7.0]);
        assert_eq!(values("a 3-1 win"), [3.0, 1.0]);
        assert_eq!(values("rates were cut from 5% to 4.75%"), [5.0, 4.75]);
        assert_eq!(
            values("the estimate rose from 100 million to 190 million people"),
            [1e8, 1.9e8]
        );
        for text in ["the committee voted 8-1 to cut", "they won 21-7 at home"] {
            assert!(
                figures(text).iter().all(|f| f.2.is_none()),
                "{text}: {:?}",
                figures(text)
            );
        }
    }

    #[test]
    fn ratios_are_shares() {
        let cases: [(&str, f64, Option<Hedge>); 4] = [
            ("Only one in 5 Brits voted for Labour", 0.2, None),
            ("support from one in five people", 0.2, None),
            (
                "it handles about one in every three records",
                1.0 / 3.0,
                Some(Hedge::About),
            ),
            ("1 in 10 voters stayed home", 0.1, None),
        ];
        for (text, value, hedge) in cases {
            let got = figures(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!((got[0].1 - value).abs() < 1e-9, "{text}: {got:?}");
            assert_eq!(got[0].2, hedge, "{text}");
            assert_eq!(units(text), [Unit::Ratio], "{text}");
        }
        // "in" before a year or a larger count is no share.
        assert_eq!(values("3 in 2024 alone"), [3.0]);
    }

    #[test]
    fn fractions_are_shares() {
        let cases: [(&str, f64, Option<Hedge>); 7] = [
            ("a third of US patients' records", 1.0 / 3.0, None),
            ("perhaps one third of all Americans", 1.0 / 3.0, None),
            (
                "about one-third of all Americans",
                1.0 / 3.0,
                Some(Hedge::About),
            ),
            ("two-thirds of the seats", 2.0 / 3.0, None),
            ("three quarters of the vote", 0.75, None),
            (
                "more than half the U.S. population",
                0.5,
                Some(Hedge::MoreThan),
            ),
            ("about half of all medical claims", 0.5, Some(Hedge::About)),
        ];
        for (text, value, hedge) in cases {
            let got = figures(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!((got[0].1 - value).abs() < 1e-9, "{text}: {got:?}");
            assert_eq!(got[0].2, hedge, "{text}");
        }
        // Half of one thing is a measure of it, with its own hedge.
        let got = figures("about 700 meters (nearly half a mile) from port");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[1].1, got[1].2), (0.5, Some(Hedge::Nearly)));
        for text in [
            "the first half of 2024",
            "for a third time",
            "the third round",
            "within half an hour",
            "the other half of the city",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn multipliers_count_what_they_multiply() {
        let cases: [(&str, f64, Option<Hedge>); 5] = [
            (
                "around 550, nearly double the number of deaths",
                2.0,
                Some(Hedge::Nearly),
            ),
            ("this figure nearly doubled.", 2.0, Some(Hedge::Nearly)),
            ("twice as many people", 2.0, None),
            ("prices tripled.", 3.0, None),
            ("a threefold rise", 3.0, None),
        ];
        for (text, value, hedge) in cases {
            let got: Vec<_> = figures(text)
                .into_iter()
                .filter(|f| (f.1 - value).abs() < 1e-9)
                .collect();
            assert_eq!(got.len(), 1, "{text}: {:?}", figures(text));
            assert_eq!(got[0].2, hedge, "{text}");
        }
        assert_eq!(units("twice as many people"), [Unit::Ratio]);
        for text in [
            "a double murder",
            "the toll doubled to 200",
            "he visited twice.",
        ] {
            assert!(!values(text).contains(&2.0), "{text}: {:?}", values(text));
        }
    }

    #[test]
    fn a_couple_of_is_about_two() {
        let got = figures("Labour's share is only up a couple of points");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (2.0, Some(Hedge::About)));
        assert!(close(&values("a couple of seats changed hands"), &[2.0]));
        assert!(values("a couple of days later").is_empty());
    }

    #[test]
    fn one_hedge_bounds_coordinated_figures() {
        let hedges =
            |text: &str| -> Vec<Option<Hedge>> { figures(text).into_iter().map(|f| f.2).collect() };
        assert_eq!(
            hedges("around 45 males and 35 females were registered"),
            [Some(Hedge::About), Some(Hedge::About)]
        );
        assert_eq!(
            hedges("the more than 14,000 cases and 524 deaths reported"),
            [Some(Hedge::MoreThan), Some(Hedge::MoreThan)]
        );
        assert_eq!(
            hedges("Up to 45,000 police and gendarmes, plus 10,000 soldiers"),
            [Some(Hedge::AtMost), Some(Hedge::AtMost)]
        );
        // Across a verb, each figure is its own.
        assert_eq!(
            hedges("Around 23 bodies have been recovered and 40 people rescued"),
            [Some(Hedge::About), None]
        );
        assert_eq!(
            hedges("more than 20 people died and 30 were hurt"),
            [Some(Hedge::MoreThan), None]
        );
    }

    #[test]
    fn a_slug_keeps_its_decimals() {
        assert!(close(
            &values("bank of england cuts key rate to 4 75 percent as inflation falls"),
            &[4.75]
        ));
        assert!(close(
            &values("wiz deal values startup at 1 5 billion"),
            &[1.5e9]
        ));
        // The suffix glued to the decimals, as "$68.7b" and "£2.5bn" lose their point.
        assert!(close(
            &values("microsoft to acquire activision in 68 7b deal"),
            &[68.7e9]
        ));
        assert!(close(&values("club sold for 2 5bn to investors"), &[2.5e9]));
        // A number after a name's word is the name's: the next figure stands alone.
        for (text, alone, joined) in [
            ("covid 19 1m deaths recorded worldwide", 1e6, 19.1e6),
            ("iphone 15 1m preorders in first day", 1e6, 15.1e6),
            ("retailer in chapter 11 2bn debt restructuring", 2e9, 11.2e9),
            ("top 10 5 million homes lose power", 5e6, 10.5e6),
        ] {
            let found = values(text);
            let has = |value: f64| found.iter().any(|v| (v - value).abs() < 1.0);
            assert!(has(alone) && !has(joined), "{text}: {found:?}");
        }
        // Written text has its point: two numbers stay two.
        assert_eq!(
            values("Of the 4 75 ballots, 3 were void."),
            [4.0, 75.0, 3.0]
        );
    }

    #[test]
    fn currencies_compare_and_read_back_as_their_codes() {
        let codes: Vec<&str> = CODES.clone();
        assert!(codes.len() > 3, "{codes:?}");
        for &a in &codes {
            assert_eq!(Currency::of(a).code(), a);
            for &b in &codes {
                assert_eq!(Currency::of(a).cmp(&Currency::of(b)), a.cmp(b), "{a} {b}");
            }
        }
        // Money sorts among units as before: after counts and percents.
        assert!(Unit::Percent < Unit::Money(Currency::of("USD")));
        assert!(Unit::Money(Currency::of("EUR")) < Unit::Money(Currency::of("USD")));
    }
}
