//! Parts: a figure that counts a part of a whole the text names or has just named.
//!
//! "320 of the dead were Egyptians", "23 of them were women", "of whom 108 were women",
//! "Among the dead were more than 660 Egyptians", "144 bodies, including 79 men": each
//! figure counts what its whole counts (the dead), restricted to a group. A part must
//! never be compared with its whole, and parts of one group from two sources must meet,
//! so a part carries the whole's noun and the group under one name ("female" for
//! "women" and "female" alike; "Egyptians" for "citizens of Egypt").

use crate::base::tokens::TokenKind;
use crate::extract::figures::{Figure, Unit};
use crate::extract::view::View;

/// What the whole of a part is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whole {
    /// Named in the sentence: its words, head last ("dead", "deceased").
    Named(Vec<String>),
    /// A pronoun or a relative ("them", "of whom", "including"): what the claim before
    /// counted.
    Antecedent,
}

/// A part of a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub whole: Whole,
    /// The group the part is, under its one name ("female", "children", "Egyptians"),
    /// or the word that tells it from the rest ("critically"), when the text says.
    pub group: Option<String>,
}

/// Words that stand for a whole already named.
fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "them" | "those" | "whom" | "which" | "these" | "it" | "this"
    )
}

fn is_copula(word: Option<&str>) -> bool {
    matches!(word, Some("were" | "are" | "was" | "is"))
}

/// The part `fig` counts, if it counts one. `head_after` is the token of the head of
/// its counted phrase after it, if any.
pub fn part(view: &View, fig: &Figure, head_after: Option<usize>) -> Option<Part> {
    partitive_after(view, fig)
        .or_else(|| relative_before(view, fig, head_after))
        .or_else(|| among_opener(view, fig, head_after))
}

/// "N of the X [were Y]", "N of them were Y", "85 of them critically".
fn partitive_after(view: &View, fig: &Figure) -> Option<Part> {
    // "61.5% of eligible voters" is a share of a whole, not a part counted in it.
    if fig.unit != Unit::Count {
        return None;
    }
    let mut k = fig.last + 1;
    if view.is("out", k) && view.is("of", k + 1) {
        k += 1;
    }
    if !view.is("of", k) {
        return None;
    }
    k += 1;
    let whole = if view.word(k).is_some_and(is_pronoun) {
        k += 1;
        Whole::Antecedent
    } else {
        // "of the dead", "of those killed"; "of the 116 victims" gives the whole its own
        // figure, which counting already handles.
        // "of the city's 12 constituencies": a possessive is a determiner too.
        while view.word(k).is_some_and(|w| {
            matches!(w, "the" | "its" | "their") || w.ends_with("'s") || w.ends_with("’s")
        }) {
            k += 1;
        }
        let start = k;
        while k < start + 4
            && view.word(k).is_some_and(|w| {
                !(view.lang.phrase_stops.contains(w) || k > start && view.lang.looks_verb(w))
            })
        {
            k += 1;
        }
        if k == start
            || view
                .tokens
                .get(start)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            return None;
        }
        Whole::Named(
            (start..k)
                .filter_map(|j| view.word(j).map(str::to_string))
                .collect(),
        )
    };
    // "131 of them women": after a pronoun, the group may follow without a verb.
    let after_pronoun = || {
        (whole == Whole::Antecedent)
            .then(|| group_name(view, k))
            .flatten()
    };
    let group = predicate_group(view, k).or_else(after_pronoun).or_else(|| {
        view.word(k)
            .filter(|w| w.ends_with("ly") && w.len() > 4)
            .map(str::to_string)
    });
    Some(Part { whole, group })
}

/// The group after a copula at `k`: "were women", "are all Egyptians", "were citizens of
/// Egypt".
fn predicate_group(view: &View, mut k: usize) -> Option<String> {
    if !is_copula(view.word(k)) {
        return None;
    }
    k += 1;
    while view
        .word(k)
        .is_some_and(|w| matches!(w, "all" | "mostly" | "mainly" | "also" | "reportedly"))
    {
        k += 1;
    }
    let word = view.word(k)?;
    if matches!(word, "citizens" | "nationals" | "residents" | "people") && view.is("of", k + 1) {
        view.word(k + 2)?;
        return view.lang.demonym_of(view.raw(k + 2)).map(str::to_string);
    }
    group_name(view, k)
}

/// The one name of the group the word at `k` names, if it names one.
fn group_name(view: &View, k: usize) -> Option<String> {
    let word = view.word(k)?;
    view.lang
        .group_class(word)
        .or_else(|| view.lang.demonym(view.raw(k)))
        .map(str::to_string)
}

/// "of whom 108 were women and 7 were children", "including 79 men and 64 women".
fn relative_before(view: &View, fig: &Figure, head_after: Option<usize>) -> Option<Part> {
    let own_group = || {
        predicate_group(view, fig.last + 1).or_else(|| head_after.and_then(|h| group_name(view, h)))
    };
    let mut k = fig.first;
    // Back through the figures coordinated before this one: "108 were women and 7 ...".
    for _ in 0..8 {
        if k == 0 {
            return None;
        }
        k -= 1;
        let Some(word) = view.word(k) else {
            if view.is_punct(k, &[',']) || view.tokens[k].kind == TokenKind::Number {
                continue;
            }
            return None;
        };
        match word {
            "whom" | "which" if k >= 1 && view.is("of", k - 1) => {
                return Some(Part {
                    whole: Whole::Antecedent,
                    group: own_group(),
                });
            }
            "including" | "includes" | "include" => {
                let group = own_group();
                return group.is_some().then_some(Part {
                    whole: Whole::Antecedent,
                    group,
                });
            }
            "and" | "were" | "was" | "are" | "is" | "at" | "least" | "more" | "than" | "about"
            | "around" | "some" | "nearly" | "almost" | "over" | "another" => {}
            _ if view.lang.group_class(word).is_some()
                || view.lang.demonym(view.raw(k)).is_some() => {}
            _ => return None,
        }
    }
    None
}

/// "Among the dead were more than 660 Egyptians", "Among the deceased, at least 323 were
/// Egyptians".
fn among_opener(view: &View, fig: &Figure, head_after: Option<usize>) -> Option<Part> {
    let start = (0..fig.first).rev().find(|&k| view.is("among", k))?;
    // The opener starts its sentence or clause.
    let opens = start == 0 || view.is_punct(start - 1, &[',', ';', ':', '"', '“']);
    if !opens || fig.first - start > 8 {
        return None;
    }
    let mut k = start + 1;
    let group = predicate_group(view, fig.last + 1)
        .or_else(|| head_after.and_then(|h| group_name(view, h)));
    // "among them 9 Spanish ports": the whole is what was just counted.
    if view.word(k).is_some_and(|w| matches!(w, "them" | "these")) {
        return Some(Part {
            whole: Whole::Antecedent,
            group,
        });
    }
    while view.word(k).is_some_and(|w| matches!(w, "the" | "those")) {
        k += 1;
    }
    let first = k;
    while view
        .word(k)
        .is_some_and(|w| !is_copula(Some(w)) && !view.lang.phrase_stops.contains(w))
    {
        k += 1;
    }
    if k == first {
        return None;
    }
    let whole = (first..k)
        .filter_map(|j| view.word(j).map(str::to_string))
        .collect();
    Some(Part {
        whole: Whole::Named(whole),
        group,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::ENGLISH;
    use crate::extract::{figures, nouns};

    fn parts(text: &str) -> Vec<Option<Part>> {
        let view = View::new(ENGLISH, text, 0, text.len());
        figures::find(&view)
            .iter()
            .map(|f| {
                let head = nouns::counted(&view, f).filter(|c| c.after).map(|c| c.last);
                part(&view, f, head)
            })
            .collect()
    }

    // Expected values, written as the `Option` each figure gets.
    #[allow(clippy::unnecessary_wraps)]
    fn named(words: &[&str], group: Option<&str>) -> Option<Part> {
        Some(Part {
            whole: Whole::Named(words.iter().map(|w| (*w).to_string()).collect()),
            group: group.map(str::to_string),
        })
    }

    #[allow(clippy::unnecessary_wraps)]
    fn antecedent(group: Option<&str>) -> Option<Part> {
        Some(Part {
            whole: Whole::Antecedent,
            group: group.map(str::to_string),
        })
    }

    #[test]
    fn partitives_name_their_whole_and_group() {
        assert_eq!(
            parts("at least 320 of the dead were citizens of Egypt"),
            [named(&["dead"], Some("Egyptians"))]
        );
        assert_eq!(
            parts("At least 323 of the dead were Egyptians."),
            [named(&["dead"], Some("Egyptians"))]
        );
        assert_eq!(
            parts("23 of them were women."),
            [antecedent(Some("female"))]
        );
        assert_eq!(
            parts("312 candidates stood, 131 of them women."),
            [None, antecedent(Some("female"))]
        );
        assert_eq!(
            parts("Police held 40 people, nine of them Germans."),
            [None, antecedent(Some("Germans"))]
        );
        assert_eq!(
            parts("they received 27 bodies, of which 25 were female and two were male"),
            [None, antecedent(Some("female")), antecedent(Some("male"))]
        );
        assert_eq!(
            parts("600 people were injured, 85 of them critically"),
            [None, antecedent(Some("critically"))]
        );
    }

    #[test]
    fn relatives_and_openers_point_at_a_whole() {
        assert_eq!(
            parts("claimed 121 lives, of whom 108 were women and 7 were children"),
            [
                None,
                antecedent(Some("female")),
                antecedent(Some("children"))
            ]
        );
        assert_eq!(
            parts("144 bodies were recovered, including 79 men and 64 women"),
            [None, antecedent(Some("male")), antecedent(Some("female"))]
        );
        assert_eq!(
            parts("Among the dead were more than 660 Egyptians."),
            [named(&["dead"], Some("Egyptians"))]
        );
        assert_eq!(
            parts("Among the deceased, at least 323 were Egyptians."),
            [named(&["deceased"], Some("Egyptians"))]
        );
    }

    #[test]
    fn wholes_with_figures_and_shares_are_not_parts_here() {
        assert_eq!(parts("6,800 of the 10,500 athletes"), [None, None]);
        assert_eq!(
            parts("won seven of the city's 12 constituencies"),
            [None, None]
        );
        assert_eq!(parts("61.5% of eligible voters cast ballots."), [None]);
        assert_eq!(parts("The quake killed 112 people."), [None]);
    }
}
