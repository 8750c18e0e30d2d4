//! Frame: what a figure counts beyond its noun, read from its sentence, so that two
//! figures meet only when they speak of the same thing.
//!
//! - [`times`]: the times a clause names ("in 2015", "since January 2022", "last
//!   year"), from which the event stage judges whether a claim is of another occasion;
//! - [`parts`]: a part of a whole ("320 of the dead were Egyptians", "23 of them were
//!   women", "including 79 men");
//! - [`places`]: where the figure holds ("in neighbouring Etah district", "from
//!   Chooramala village alone");
//! - [`owners`]: whose figure it is ("Labour clinched 412 seats").
//!
//! Each stage reads one sentence. What the whole set of articles shares (the event's
//! days, places and names) is the event stage's, above this one.

pub mod owners;
pub mod parts;
pub mod places;
pub mod times;

/// What a figure is beside the levels of the thing it counts. Only figures of one
/// relation are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Relation {
    /// The thing's level: "412 seats", "rose to 87".
    #[default]
    Level,
    /// A change over time ("a gain of 214", "up 18 per cent"): a year or "since"
    /// beside it names the baseline, not another occasion.
    Change,
    /// The gap between two levels at one time: "290 seats ahead of the Tories".
    Margin,
}

/// A claim's frame, as its sentence states it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    /// When its sentence says its counts were taken ("as of July 31", "by Wednesday").
    pub as_of: Option<times::ReportTime>,
    /// The times its clause names (or, when it names none, those of a clause without a
    /// figure that opens the sentence or points back at it).
    pub anchors: Vec<times::Anchor>,
    /// The places its clause names (or its sentence's opening "In X,"), or, for a part,
    /// its whole's.
    pub places: Vec<places::PlaceName>,
    /// Whose figure it is, as written ("Labour", "Rishi Sunak's Conservatives" as
    /// "Conservatives"); "~alliance" for "the alliance", to be read as the source's own
    /// name for it.
    pub owner: Option<String>,
    /// What the figure is for, when its clause names it: "sold for the Paralympics"
    /// gives "Paralympics", as written.
    pub purpose: Vec<String>,
    /// Whether the figure is a level, a change or a margin.
    pub relation: Relation,
    /// For a part of a whole counted just before ("23 of them were women" after
    /// "Twenty-seven bodies"), the whole's figure: parts are compared only within one
    /// whole, so 108 women of 121 dead never meet 25 women of 27 bodies.
    pub whole: Option<f64>,
    /// The words that make the figure the level before a change ("down from" in "won 23
    /// seats, down from 29"; "compared with"): the thing as it was on another occasion.
    pub earlier: Option<String>,
    /// For a measure, the span of time its sentence says it was taken over ("48 hours"):
    /// rain in 48 hours is not rain in 24.
    pub span_of_time: Option<String>,
    /// For a measure, true when a "from" follows it: a distance from somewhere.
    pub distance_from: bool,
    /// True for a measure's conversion in brackets ("(117 degrees Fahrenheit)"): the
    /// figure before it again, never compared on its own.
    pub conversion: bool,
}

use std::sync::Arc;

use crate::base::numbers;
use crate::base::tokens::TokenKind;
use crate::extract::figures::Figure;
use crate::extract::view::View;

impl Frame {
    /// What `hcx diff` reads of a placed claim's frame: whose figure it is (the set's
    /// names are settled from every claim's owner) and when it was counted (its
    /// report's dates). The rest served placement. Every frame with neither is one
    /// shared empty frame: an archive's claims are held until the report, and their
    /// whole frames were a fifth of its memory.
    pub fn reported(frame: &Arc<Frame>) -> Arc<Frame> {
        static EMPTY: std::sync::LazyLock<Arc<Frame>> =
            std::sync::LazyLock::new(|| Arc::new(Frame::default()));
        if frame.owner.is_none() && frame.as_of.is_none() {
            return Arc::clone(&EMPTY);
        }
        Arc::new(Frame {
            owner: frame.owner.clone(),
            as_of: frame.as_of,
            ..Frame::default()
        })
    }
}

/// Whether a figure is a level, a change or a margin. `last` is the last word of the
/// figure's wording, its counted noun included.
pub fn relation(
    view: &View,
    fig: &Figure,
    (last, clause): (usize, (usize, usize)),
    counted: Option<&[String]>,
    action: Option<&str>,
) -> Relation {
    if is_margin(view, fig, last, clause) {
        Relation::Margin
    } else if is_change(view, fig, (last, clause), counted, action) {
        Relation::Change
    } else {
        Relation::Level
    }
}

/// True when a figure states a change: "up 160%", "jumped by 19%", "a gain of 214",
/// "lost 250 seats", "another 12 bodies". "rose to 87" and "dropped to 9 seats" give
/// the level after one.
fn is_change(
    view: &View,
    fig: &Figure,
    (last, clause): (usize, (usize, usize)),
    counted: Option<&[String]>,
    action: Option<&str>,
) -> bool {
    let changes = |w: &str| view.lang.change_words.contains(w);
    let before = |k: usize| fig.first.checked_sub(k).and_then(|j| view.word(j));
    let to_level = before(1) == Some("to")
        || matches!(before(1), Some("only" | "just")) && before(2) == Some("to");
    if to_level {
        return false;
    }
    // "another 12 bodies were found", "300 additional troops": an increment on a level
    // given before. Only for a sentence's first figure: after another one the same
    // words set a second group beside the first ("five died and another 12 were
    // injured", "Labour won 412 and the Tories another 121").
    let first_figure = !(0..fig.first).any(|k| {
        view.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
            || view
                .word(k)
                .is_some_and(|w| view.lang.small_number(w).is_some())
    });
    // "28 more bodies", "the toll rose to 385 after 28 more bodies were found": a word
    // of increment before the counted noun, which the wording takes in (`last` is past
    // that word), makes any figure a change.
    let more_of_noun = last > fig.last + 1
        && view
            .word(fig.last + 1)
            .is_some_and(|w| view.lang.increments_before_noun.contains(w));
    let increment = more_of_noun
        || first_figure
            && (before(1).is_some_and(|w| view.lang.increments_before.contains(w))
                || view
                    .word(fig.last + 1)
                    .is_some_and(|w| view.lang.increments_after.contains(w)));
    let by = usize::from(matches!(before(1), Some("by" | "of")));
    increment
        || before(1 + by).is_some_and(changes)
        || before(1) == Some("by")
            && (clause.0..fig.first).any(|k| view.word(k).is_some_and(changes))
        || counted.is_some_and(|words| words.iter().any(|w| changes(w)))
        || action.is_some_and(changes)
}

/// True when a figure is the margin between two levels at one time: "290 seats ahead
/// of the Tories", "three points behind", "two seats short of a majority". Not "picked 30
/// people up": a particle after the noun is no margin; nor "injuring over 200 more",
/// where with no noun between them a word after the figure says something else.
fn is_margin(view: &View, fig: &Figure, last: usize, clause: (usize, usize)) -> bool {
    last > fig.last
        && last < clause.1
        && view
            .word(last + 1)
            .is_some_and(|w| view.lang.margin_words.contains(w))
}

/// The words that make `fig` the level a change started from: "down from 29", "rose
/// from 40 to 52", "compared with 1,200". Not "from 110 countries": a "from" is a
/// starting level only after a word of change.
pub fn earlier(view: &View, fig: &Figure, clause: (usize, usize)) -> Option<String> {
    let before = |k: usize| fig.first.checked_sub(k).filter(|&j| j >= clause.0);
    let word = |k: usize| before(k).and_then(|j| view.word(j));
    let phrase = |k: usize| {
        let first = before(k)?;
        let start = view.tokens[first].start;
        let end = view.tokens[fig.first - 1].end;
        Some(view.text[start..end].to_string())
    };
    if word(1) == Some("from") {
        // "down from", "rose sharply from", "an increase from".
        let change =
            (2..=3).find(|&k| word(k).is_some_and(|w| view.lang.change_words.contains(w)))?;
        return phrase(change);
    }
    let compared = matches!(word(1), Some("with" | "to")) && word(2) == Some("compared");
    compared.then(|| phrase(2)).flatten()
}

/// "8.6 million tickets sold for the Paris Olympics", "2.5 million for the
/// Paralympics", "As for the Paralympics, 1 million tickets": the capitalised name a
/// figure is for, after it in its clause or opening its sentence.
pub fn purpose(
    view: &View,
    fig: &Figure,
    span: (usize, usize),
    clause: (usize, usize),
) -> Vec<String> {
    let name_after = |mut k: usize| -> Vec<String> {
        if view.is("the", k) {
            k += 1;
        }
        let mut words = Vec::new();
        while view.is_capitalized(k) && words.len() < 4 {
            words.push(view.raw(k).to_string());
            k += 1;
        }
        words
    };
    let own = (span.1.max(fig.last) + 1..=clause.1)
        .take(6)
        .find(|&k| view.is("for", k))
        .map(|k| name_after(k + 1))
        .filter(|w| !w.is_empty());
    own.or_else(|| {
        (view.is("as", 0) && view.is("for", 1))
            .then(|| name_after(2))
            .filter(|w| !w.is_empty())
    })
    .unwrap_or_default()
}

/// The first span of hours, days or weeks a sentence gives ("over 48 hours", "in the 48
/// hours leading up to", "within 24 hours").
pub fn span_of_time(view: &View) -> Option<String> {
    (1..view.len()).find_map(|k| {
        if view.tokens[k].kind != TokenKind::Number {
            return None;
        }
        let unit = view
            .word(k + 1)
            .filter(|w| matches!(*w, "hours" | "hour" | "days" | "day" | "weeks" | "week"))?;
        let introduced = view.word(k - 1).is_some_and(|w| {
            matches!(
                w,
                "over" | "in" | "within" | "during" | "for" | "past" | "last" | "the"
            )
        });
        introduced.then(|| {
            format!(
                "{} {}",
                view.raw(k),
                crate::base::morphology::singular(unit)
            )
        })
    })
}

/// True when "from" or "away from" follows a figure's wording, past a conversion in
/// brackets ("100 meters (328 feet) from its destination").
pub fn distance_from(view: &View, span: (usize, usize)) -> bool {
    let mut k = span.1 + 1;
    if view.is_punct(k, &['(']) {
        while k < view.len() && !view.is_punct(k, &[')']) {
            k += 1;
        }
        k += 1;
    }
    view.is("from", k) || view.is("away", k) && view.is("from", k + 1)
}

/// True for a figure in brackets right after a measure: "47 degrees Celsius (117
/// degrees Fahrenheit)". `before` says whether the claim before is a measure and where
/// its wording ends.
pub fn is_conversion(view: &View, fig: &Figure, before: Option<(bool, usize)>) -> bool {
    fig.first >= 1
        && view.is_punct(fig.first - 1, &['('])
        && before.is_some_and(|(measure, end)| measure && end + 3 >= fig.first)
}

/// Half the unit of a scaled decimal's last digit: "1.2 million" is 1.2 million to the
/// nearest 100,000. Whole figures ("$1 billion", "32 billion") and figures without a
/// scale word are taken as written.
pub fn rounding(view: &View, fig: &Figure) -> f64 {
    if view.tokens[fig.number].kind != TokenKind::Number {
        return 0.0;
    }
    let text = view.raw(fig.number);
    let Some(written) = numbers::parse_digits(text, &view.lang.number_style) else {
        return 0.0;
    };
    let scale = if written == 0.0 {
        1.0
    } else {
        fig.value / written
    };
    if scale < 1.5 {
        return 0.0;
    }
    let decimals = text
        .rsplit_once(view.lang.number_style.decimal)
        .map_or(0, |(_, d)| d.len());
    if decimals == 0 {
        return 0.0;
    }
    0.5 * scale * 10f64.powi(-i32::try_from(decimals).unwrap_or(0))
}
