//! Hedges: the words around a figure that bound it ("more than", "nearly", "or so"),
//! each read as one of a few kinds, and the interval each kind makes of a figure.

use crate::base::interval::Interval;

use super::view::View;

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

    pub(super) fn apply(self, v: f64) -> Interval {
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

/// True when `word` ends a hedge written before a figure ("than", "over", "some").
pub(super) fn ends_a_hedge(word: &str) -> bool {
    HEDGES_BEFORE
        .iter()
        .any(|(words, _)| words.last() == Some(&word))
}

pub(super) fn before(view: &View, first: usize) -> Option<(Hedge, usize)> {
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

pub(super) fn after(view: &View, last: usize) -> Option<(Hedge, usize)> {
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
