//! Owners: whose figure it is, when a figure belongs to someone.
//!
//! "Labour has secured 412 seats, while the Conservatives retained 121": both figures
//! count seats won, and comparing them would compare two parties. A figure has an owner
//! when the text says so with a verb of having, winning, losing or gaining ("Labour
//! clinched 412 seats", "the Tories suffered a blow, losing 251 seats") or a possessive
//! ("Labour's vote share, at 33.9%"). A speaker owns nothing: "the WHO reported 524
//! deaths". Which names are one owner across sources ("Tories" and "Conservatives") is
//! the event stage's to say.

use crate::base::tokens::TokenKind;
use crate::extract::figures::Figure;
use crate::extract::view::View;

/// The owner of `fig`, whose verb (if any) is `action`, within `clause`, as written;
/// for "the alliance", `~alliance`.
pub fn owner(
    view: &View,
    fig: &Figure,
    action: Option<&str>,
    clause: (usize, usize),
) -> Option<String> {
    // "Labour's voteshare, at 33.9%": a clause that holds only its figure belongs to the
    // one before it.
    let bare =
        (clause.0..fig.first).all(|k| view.word(k).is_some_and(|w| matches!(w, "at" | "to")));
    let from = if bare {
        clause_start(view, clause.0.saturating_sub(1))
    } else {
        clause.0
    };
    // "won 42 of the 80 seats": the whole the part is of is nobody's.
    let mut k = fig.first;
    while k > clause.0 && view.word(k - 1).is_some_and(|w| matches!(w, "the" | "all")) {
        k -= 1;
    }
    let figure_at = |j: usize| {
        view.tokens[j].kind == TokenKind::Number
            || view
                .word(j)
                .is_some_and(|w| view.lang.number_words.contains(w))
    };
    if k >= clause.0 + 2 && view.is("of", k - 1) && figure_at(k - 2) {
        return None;
    }
    if let Some(name) = possessor(view, from, fig.first) {
        return Some(name);
    }
    let owning = |w: &str| view.lang.is_possession_verb(w) || view.lang.owning_words.contains(w);
    let possession = action.is_some_and(owning)
        || (clause.0..fig.first).any(|k| view.word(k).is_some_and(owning));
    if !possession {
        return None;
    }
    // "Xinhua reported the death toll rose to 3,050": the subject is the reported
    // clause's, never the speaker's.
    let from = crate::extract::nouns::past_reported_speech(view, from, fig.first);
    subject(view, from, fig.first)
        .or_else(|| definite_subject(view, from, fig.first))
        .or_else(|| opening_subject(view, clause))
}

/// "The Tories suffered a blow, losing 251 seats": a clause that opens on a participle
/// or a verb of winning has the subject of the nearest clause before it that names one.
/// (A clause that opens on a speaker's verb, "reported that they had received 27
/// bodies", does not: the speaker owns nothing.)
fn opening_subject(view: &View, clause: (usize, usize)) -> Option<String> {
    let opens_on_verb = view.word(clause.0).is_some_and(|w| {
        (w.ends_with("ing") && view.lang.looks_verb(w)) || view.lang.is_possession_verb(w)
    });
    if !opens_on_verb {
        return None;
    }
    let mut end = clause.0;
    while end > 0 {
        let start = clause_start(view, end - 1);
        if let Some(name) = subject(view, start, end - 1) {
            return Some(name);
        }
        end = start;
    }
    None
}

/// The first token of the clause that holds token `k`.
fn clause_start(view: &View, k: usize) -> usize {
    let mut start = k;
    while start > 0 && !view.is_punct(start - 1, &[',', ';', ':', '—', '–', '(', ')']) {
        start -= 1;
    }
    start
}

fn possessive_stem(raw: &str) -> Option<&str> {
    raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s"))
}

/// "Labour's vote share", "Alphabet's annual revenue": a capitalised possessive before
/// the figure in its clause. "It's" and "That's" are a pronoun and a verb. A possessive
/// before a verb of saying that opens a clause is the speaker's ("China's news agency
/// Xinhua reported the death toll ..."); one before a participle is not ("Italy's
/// confirmed cases").
fn possessor(view: &View, from: usize, to: usize) -> Option<String> {
    let from = crate::extract::nouns::past_reported_speech(view, from, to);
    (from..to).rev().find_map(|k| {
        let stem = possessive_stem(view.raw(k))?;
        let lower = stem.to_lowercase();
        let pronoun = view.lang.phrase_stops.contains(&lower)
            || matches!(
                lower.as_str(),
                "what" | "who" | "let" | "that" | "there" | "here"
            );
        if pronoun || !view.is_capitalized(k) || (k > 0 && is_preposition(view.word(k - 1))) {
            return None;
        }
        // "Rishi Sunak's Conservatives": a person's party, named after the possessive,
        // is the subject's to find.
        if view.is_capitalized(k + 1) && k + 1 < to {
            return None;
        }
        let mut start = k;
        while start > from && view.is_capitalized(start - 1) && !is_stop(view, start - 1) {
            start -= 1;
        }
        let mut words: Vec<&str> = (start..k).map(|j| view.raw(j)).collect();
        words.push(stem);
        Some(words.join(" "))
    })
}

fn is_preposition(word: Option<&str>) -> bool {
    matches!(
        word,
        Some(
            "in" | "of"
                | "at"
                | "from"
                | "by"
                | "to"
                | "for"
                | "with"
                | "on"
                | "into"
                | "over"
                | "across"
                | "through"
                | "throughout"
                | "under"
                | "near"
                | "around"
                | "within"
                | "than"
                | "since"
                | "behind"
                | "ahead"
                | "among"
                | "against"
        )
    )
}

fn is_stop(view: &View, k: usize) -> bool {
    view.word(k)
        .is_some_and(|w| view.lang.phrase_stops.contains(w) || view.lang.is_day_name(w))
}

/// The last capitalised name in `from..to` that is not the object of a preposition:
/// the subject of the verb before the figure. "with the Tories reduced to 131" keeps
/// its subject after "with".
fn subject(view: &View, from: usize, to: usize) -> Option<String> {
    let mut k = to;
    while k > from {
        k -= 1;
        if !view.is_capitalized(k) || is_stop(view, k) {
            continue;
        }
        let end = k;
        let mut start = k;
        while start > from && view.is_capitalized(start - 1) && !is_stop(view, start - 1) {
            start -= 1;
        }
        k = start;
        let mut before = start;
        while before > 0
            && view
                .word(before - 1)
                .is_some_and(|w| matches!(w, "the" | "a" | "an"))
        {
            before -= 1;
        }
        let absolute = before > 0
            && view.is("with", before - 1)
            && view.word(end + 1).is_some_and(|w| view.lang.looks_verb(w));
        if before > 0 && is_preposition(view.word(before - 1)) && !absolute {
            continue;
        }
        if in_relative_clause(view, start) {
            continue;
        }
        // A sentence's first word is capitalised whatever it is: "Perhaps" is no name.
        if start == 0 && start == end && !is_name_like(view, start) {
            continue;
        }
        // "Jonas Aldric's Norvale People's Alliance" is the Norvale People's Alliance:
        // what follows the first possessive of a name. A plural noun's possessive
        // ("People's", "Workers'") is part of the name it stands in.
        let from_name = (start..end)
            .find(|&j| {
                possessive_stem(view.raw(j))
                    .is_some_and(|stem| !view.lang.looks_plural(&stem.to_lowercase()))
            })
            .map_or(start, |p| p + 1);
        let mut words: Vec<&str> = (from_name..end).map(|j| view.raw(j)).collect();
        words.push(possessive_stem(view.raw(end)).unwrap_or(view.raw(end)));
        return Some(words.join(" "));
    }
    None
}

/// "The toll from an earthquake that hit southwestern China has risen": a name that a
/// relative clause's verb takes as its object (past an adjective or two) is not the
/// subject of the figure's verb.
fn in_relative_clause(view: &View, start: usize) -> bool {
    let mut k = start;
    while k > 0
        && start - k < 2
        && view
            .word(k - 1)
            .is_some_and(|w| !view.lang.phrase_stops.contains(w) && !view.lang.looks_verb(w))
    {
        k -= 1;
    }
    k >= 2
        && view.word(k - 1).is_some_and(|w| view.lang.looks_verb(w))
        && view
            .word(k - 2)
            .is_some_and(|w| view.lang.relative_pronouns.contains(w))
}

/// A word that reads as a name even at a sentence's start: not a function word, a
/// verb, an adverb or a plural common noun in lower case ("Labour" and "Google" are
/// names; "Perhaps" and "Officials" are not).
fn is_name_like(view: &View, k: usize) -> bool {
    let lower = view.raw(k).to_lowercase();
    !view.lang.phrase_stops.contains(&lower)
        && !view.lang.looks_verb(&lower)
        && !view.lang.looks_plural(&lower)
        && !lower.ends_with("ly")
}

/// "the alliance received 1.25 million votes": a definite noun right before a verb of
/// winning, marked `~` to be read as the source's own name ending in that noun.
fn definite_subject(view: &View, from: usize, to: usize) -> Option<String> {
    let verb = (from..to).find(|&k| {
        view.word(k)
            .is_some_and(|w| view.lang.is_possession_verb(w))
    })?;
    let mut k = verb;
    while k > from
        && view
            .word(k - 1)
            .is_some_and(|w| matches!(w, "has" | "have" | "had" | "also" | "only"))
    {
        k -= 1;
    }
    let noun = k.checked_sub(1)?;
    let word = view.word(noun)?;
    (noun >= 1 && view.is("the", noun - 1) && !view.lang.phrase_stops.contains(word))
        .then(|| format!("~{word}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::ENGLISH;
    use crate::extract::{figures, nouns};

    fn owners(text: &str) -> Vec<Option<String>> {
        let view = View::new(ENGLISH, text, 0, text.len());
        figures::find(&view)
            .iter()
            .map(|f| {
                let counted = nouns::counted(&view, f);
                let last = counted.as_ref().map_or(f.last, |c| c.last.max(f.last));
                let clause = nouns::clause(&view, f.first, last);
                let action = nouns::action(&view, f, counted.as_ref(), clause);
                owner(&view, f, action.as_deref(), clause)
            })
            .collect()
    }

    // An expected owner, written as the `Option` each figure gets.
    #[allow(clippy::unnecessary_wraps)]
    fn some(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    #[test]
    fn subjects_of_winning_and_losing_own_their_figures() {
        assert_eq!(owners("Labour has secured 412 seats."), [some("Labour")]);
        assert_eq!(
            owners("The Tories suffered a massive blow, losing 251 seats."),
            [some("Tories")]
        );
        assert_eq!(
            owners(
                "Rishi Sunak's Conservatives suffered their worst defeat, winning only 121 seats."
            ),
            [some("Conservatives")]
        );
        assert_eq!(
            owners("The Liberal Democrats saw a significant increase to 71 seats."),
            [some("Liberal Democrats")]
        );
        assert_eq!(
            owners("The Labour Party, headed by Sir Keir Starmer, won 412 seats."),
            [some("Labour Party")]
        );
        assert_eq!(
            owners("the alliance received 1.25 million votes"),
            [some("~alliance")]
        );
        assert_eq!(
            owners("The Norvale People's Alliance secured 42 of 80 seats."),
            [some("Norvale People's Alliance"), None]
        );
        assert_eq!(
            owners("Jonas Aldric's Norvale Alliance secured 42 seats."),
            [some("Norvale Alliance")]
        );
    }

    #[test]
    fn possessives_own_and_speakers_do_not() {
        assert_eq!(
            owners("Labour's voteshare, at 33.9%, rose."),
            [some("Labour")]
        );
        assert_eq!(owners("Officials in Goma said 78 people died."), [None]);
        assert_eq!(owners("The WHO reported 524 deaths."), [None]);
        assert_eq!(
            owners("China's state news agency Xinhua reported the toll to be around 150."),
            [None]
        );
        assert_eq!(
            owners("Labour's campaign chief said the party's vote share was 34%."),
            [None]
        );
        assert_eq!(
            owners("Officials said Microsoft's offer of $95 a share was final."),
            [some("Microsoft")]
        );
        // A speaker named without a possessive owns nothing either.
        assert_eq!(
            owners("Xinhua reported the death toll in Hubei rose to 3,050 on Monday."),
            [None]
        );
        assert_eq!(
            owners("Reuters reported that Labour won 412 seats in the election."),
            [some("Labour")]
        );
        // A participle of saying before the noun is no speaker's verb.
        assert_eq!(
            owners("Italy's confirmed cases rose to 5,000 on Monday."),
            [some("Italy")]
        );
        assert_eq!(
            owners("Kenya's reported death toll climbed to 40, officials added."),
            [some("Kenya")]
        );
        // A relative clause's object is not the subject.
        assert_eq!(
            owners("The toll from a quake that hit southwestern China has risen, with 400 dead."),
            [None]
        );
        assert_eq!(
            owners("The party that defeated Labour in 2019 lost 40 seats."),
            [None]
        );
        assert_eq!(
            owners("Labour, which ran a cautious campaign, won 412 seats."),
            [some("Labour")]
        );
        // A determiner opening a sentence is no name.
        assert_eq!(
            owners("No reason was given for the increase from a toll of 410."),
            [None]
        );
        assert_eq!(
            owners("It's estimated that over 800,000 people attended."),
            [None]
        );
        assert_eq!(
            owners("At a press conference, Estanguet broke down the numbers, stating that over 9.5 million tickets were sold for the Olympic competitions and 2.5 million for the Paralympics."),
            [None, None]
        );
        assert_eq!(
            owners("Dr. Tripathi, the Chief Medical Officer of Etah, reported that they had received 27 bodies."),
            [None]
        );
    }
}
