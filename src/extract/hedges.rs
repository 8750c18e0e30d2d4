//! Hedges: the words around a figure that bound it ("more than", "nearly", "or so"),
//! each read as one of a few kinds, and the interval each kind makes of a figure.

use crate::base::interval::Interval;
use crate::base::lang::Language;

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

    /// The hedge a data file's `kind` names: its canonical wording.
    pub fn from_name(name: &str) -> Option<Hedge> {
        [
            Hedge::MoreThan,
            Hedge::AtLeast,
            Hedge::LessThan,
            Hedge::AtMost,
            Hedge::Nearly,
            Hedge::About,
            Hedge::Between,
            Hedge::Vague,
        ]
        .into_iter()
        .find(|h| h.as_str() == name)
    }

    pub(super) fn apply(self, v: f64) -> Interval {
        match self {
            Hedge::MoreThan => Interval::above(v, false),
            // A vague amount's value is its lower bound: "hundreds" is 200 or more.
            Hedge::AtLeast | Hedge::Vague => Interval::above(v, true),
            Hedge::LessThan => Interval::below(v, false),
            Hedge::AtMost => Interval::below(v, true),
            Hedge::Nearly => Interval::nearly(v),
            Hedge::About => Interval::about(v),
            Hedge::Between => Interval::exact(v),
        }
    }
}

/// True when `word` ends a hedge written before a figure ("than", "over", "some").
pub(super) fn ends_a_hedge(lang: &Language, word: &str) -> bool {
    lang.hedge_last_words.contains(word)
}

/// The hedge that ends right before token `first`, its length in tokens, and whether it
/// is a verb ("passed"), which stays out of the figure's wording: the first of the
/// language's list that does, so longer wordings come first there.
pub(super) fn before(view: &View, first: usize) -> Option<(Hedge, usize, bool)> {
    // Asked of every figure: most have no hedge, which one lookup tells.
    let last = view.word(first.checked_sub(1)?)?;
    if !ends_a_hedge(view.lang, last) {
        return None;
    }
    view.lang.hedges_before.iter().find_map(|hedge| {
        let words = hedge.words;
        let n = words.len();
        if first < n {
            return None;
        }
        let hit = words
            .iter()
            .enumerate()
            .all(|(k, w)| view.is(w, first - n + k));
        let linked = !hedge.linked
            || first > n
                && view
                    .word(first - n - 1)
                    .is_some_and(|w| view.lang.linking_words.contains(w));
        (hit && linked)
            .then(|| Hedge::from_name(hedge.kind))
            .flatten()
            .map(|kind| (kind, n, hedge.verb))
    })
}

/// The hedge that starts right after token `last` ("or more"), and its length in tokens.
pub(super) fn after(view: &View, last: usize) -> Option<(Hedge, usize)> {
    view.lang.hedges_after.iter().find_map(|hedge| {
        let words = hedge.words;
        let hit = words
            .iter()
            .enumerate()
            .all(|(k, w)| view.is(w, last + 1 + k));
        // "or more than", "or so-called": the hedge must end the phrase.
        let ends = !view
            .word(last + 1 + words.len())
            .is_some_and(|w| w == "than" || w == "of");
        (hit && ends)
            .then(|| Hedge::from_name(hedge.kind))
            .flatten()
            .map(|kind| (kind, words.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::LANGUAGES;

    #[test]
    fn every_hedge_of_every_language_has_a_known_kind() {
        for lang in LANGUAGES {
            for hedge in lang.hedges_before.iter().chain(lang.hedges_after) {
                assert!(
                    Hedge::from_name(hedge.kind).is_some(),
                    "lang/{}: {:?} has the unknown kind {:?}",
                    lang.code,
                    hedge.words,
                    hedge.kind
                );
            }
        }
    }
}
