//! Named events: which of the events a set of articles names by name ("Hurricane
//! Milton") is its own, so that a figure of another one ("Helene caused at least 243
//! deaths") is told apart as another occasion, as a figure of another year is.
//!
//! An event is named by a kind the language lists (`named_event_kinds`: "Hurricane",
//! "Typhoon") and a capitalised name after it. The set's own event is the one the most
//! sources name; the others are other occasions. A kind after another capitalised word
//! names an organisation ("the National Hurricane Center"), not an event.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::tokens::is_word_char;
use crate::extract::claims::Claim;
use crate::source::Source;

/// The events a set of articles names, by name as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedEvents {
    /// The set's own: named by the most sources.
    pub own: BTreeSet<String>,
    /// Every other event named.
    pub other: BTreeSet<String>,
}

impl NamedEvents {
    pub const UNKNOWN: NamedEvents = NamedEvents {
        own: BTreeSet::new(),
        other: BTreeSet::new(),
    };

    pub fn of(sources: &[Source]) -> NamedEvents {
        NamedEvents::of_each(sources.iter().map(named_by))
    }

    /// The events of a set whose sources name the events given, source by source.
    pub fn of_each(each: impl IntoIterator<Item = BTreeSet<String>>) -> NamedEvents {
        let mut by_sources: BTreeMap<String, usize> = BTreeMap::new();
        for names in each {
            for name in names {
                *by_sources.entry(name).or_default() += 1;
            }
        }
        let most = by_sources.values().copied().max().unwrap_or(0);
        let (own, other): (Vec<_>, Vec<_>) = by_sources.into_iter().partition(|(_, n)| *n == most);
        NamedEvents {
            own: own.into_iter().map(|(name, _)| name).collect(),
            other: other.into_iter().map(|(name, _)| name).collect(),
        }
    }

    /// The other event a claim is about: one its clause names without the set's own,
    /// or, when its clause names none, one its sentence names without the set's own.
    pub fn occasion(&self, claim: &Claim) -> Option<String> {
        if self.other.is_empty() {
            return None;
        }
        let sentence = &*claim.sentence;
        let other = self.other.iter().find(|n| names(sentence, n))?;
        let own_in_sentence = self.own.iter().any(|n| names(sentence, n));
        let in_clause = |name: &str| {
            let lower = name.to_lowercase();
            claim.context.iter().any(|w| w.in_clause && w.word == lower)
        };
        let own_in_clause = self.own.iter().any(|n| in_clause(n));
        let other_in_clause = self.other.iter().find(|n| in_clause(n));
        if own_in_clause {
            return None;
        }
        other_in_clause
            .or((!own_in_sentence).then_some(other))
            .cloned()
    }
}

/// The events a source names.
pub fn named_by(source: &Source) -> BTreeSet<String> {
    let lang = source.language;
    // Most articles name no event by its kind: a look for each kind, capitalised, spares
    // reading their words.
    let kinds: Vec<String> = lang
        .named_event_kinds
        .words()
        .iter()
        .map(|k| capitalise(k))
        .collect();
    source
        .paragraphs
        .iter()
        .filter(|p| kinds.iter().any(|k| p.text.contains(k.as_str())))
        .flat_map(|p| named_in(&p.text, lang))
        .collect()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The names of events `text` gives with their kind: "Milton" in "Hurricane Milton".
fn named_in<'t>(
    text: &'t str,
    lang: &'static crate::base::lang::Language,
) -> impl Iterator<Item = String> + 't {
    let words: Vec<(usize, &str)> = word_spans(text).collect();
    (0..words.len().saturating_sub(1)).filter_map(move |i| {
        let (_, kind) = words[i];
        let (_, written) = words[i + 1];
        let name = written
            .strip_suffix("'s")
            .or_else(|| written.strip_suffix("’s"))
            .unwrap_or(written);
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let is_kind = capitalised(kind) && lang.named_event_kinds.contains(&kind.to_lowercase());
        // "the National Hurricane Center": a kind inside an organisation's name.
        let after_name =
            i > 0 && capitalised(words[i - 1].1) && glued_by_space(text, words[i - 1], words[i]);
        let is_name = capitalised(name)
            && name.chars().skip(1).all(char::is_lowercase)
            && name.chars().count() > 2
            && !lang.named_event_kinds.contains(&name.to_lowercase());
        (is_kind && is_name && !after_name && glued_by_space(text, words[i], words[i + 1]))
            .then(|| name.to_string())
    })
}

/// The words of a text with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (start, is_word_char(c)) {
            (None, true) => {
                start = Some(i);
                None
            }
            (Some(s), false) => {
                start = None;
                Some((s, &text[s..i]))
            }
            _ => None,
        })
}

/// True when one space alone stands between two words.
fn glued_by_space(text: &str, (a, wa): (usize, &str), (b, _): (usize, &str)) -> bool {
    &text[a + wa.len()..b] == " "
}

/// True when `text` holds `name` as a whole word.
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::ENGLISH;

    fn named(text: &str) -> Vec<String> {
        named_in(text, ENGLISH).collect()
    }

    #[test]
    fn an_event_is_named_by_its_kind_and_a_name() {
        assert_eq!(named("Hurricane Milton made landfall."), ["Milton"]);
        assert_eq!(
            named("It came 13 days after Hurricane Helene. Typhoon Haiyan was worse."),
            ["Helene", "Haiyan"]
        );
        // An organisation, a kind in lower case, a name in capitals: no event.
        assert!(named("the National Hurricane Center said").is_empty());
        assert!(named("a hurricane warning for Tampa").is_empty());
        assert!(named("Hurricane NOW, a charity").is_empty());
        // A kind that opens a sentence after another's full stop still names one.
        assert_eq!(named("It was weak. Storm Babet hit."), ["Babet"]);
    }

    #[test]
    fn the_set_names_its_own_event_most() {
        let sources = crate::source::parse_all(&[
            (
                "a.txt",
                "Milton\n\nHurricane Milton hit Florida after Hurricane Helene.",
            ),
            ("b.txt", "Milton\n\nHurricane Milton killed 11 people."),
            (
                "c.txt",
                "Milton\n\nHurricane Milton left 3 million without power.",
            ),
        ]);
        let found = NamedEvents::of(&sources);
        assert_eq!(found.own, BTreeSet::from(["Milton".to_string()]));
        assert_eq!(found.other, BTreeSet::from(["Helene".to_string()]));
    }

    #[test]
    fn words_are_found_past_any_character() {
        assert_eq!(named("“It was,” he said. “Hurricane Milton…”"), ["Milton"]);
        assert_eq!(named("Ünal — Cyclone Freddy’s toll"), ["Freddy"]);
    }

    #[test]
    fn a_word_is_named_whole() {
        assert!(names("Helene caused 243 deaths", "Helene"));
        assert!(names("after Helene's landfall", "Helene"));
        assert!(!names("Helenes", "Helene"));
    }
}
