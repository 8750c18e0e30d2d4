//! Named events: which of the events a set of articles names by name ("Hurricane
//! Milton") is its own, so that a figure of another one ("Helene caused at least 243
//! deaths") is told apart as another occasion, as a figure of another year is.
//!
//! An event is named by a kind the language lists (`named_event_kinds`: "Hurricane",
//! "Typhoon") and a capitalised name after it. The set's own event is the one the most
//! sources name, with its kind or in their headline, if at least half of them do; the
//! others are other occasions. A kind after another capitalised word
//! names an organisation ("the National Hurricane Center"), not an event.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::tokens::{self, TokenKind};
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
        NamedEvents::of_each(sources.iter().map(Naming::of))
    }

    /// The events of a set, from what each of its sources names. An event counts for a
    /// source that names it with its kind anywhere or at all in its headline ("Milton
    /// leaves 3 million without power"); the set's own is the one most sources name,
    /// and only if at least half of them (and two) do. With no such event, nothing is
    /// set apart: a set about one storm that looks back on another at length is not
    /// read as about the other.
    pub fn of_each(each: impl IntoIterator<Item = Naming>) -> NamedEvents {
        let each: Vec<Naming> = each.into_iter().collect();
        let candidates: BTreeSet<&str> = each
            .iter()
            .flat_map(|n| n.with_kind.iter().map(String::as_str))
            .collect();
        // Each headline's words are looked up, so that an archive naming many storms
        // costs one pass over its headlines, not one per storm.
        let mut by_sources: BTreeMap<&str, usize> = BTreeMap::new();
        for naming in &each {
            let mut names: BTreeSet<&str> = naming.with_kind.iter().map(String::as_str).collect();
            names.extend(
                word_spans(&naming.headline)
                    .into_iter()
                    .filter_map(|(_, w)| candidates.get(without_possessive(w)).copied()),
            );
            for name in names {
                *by_sources.entry(name).or_default() += 1;
            }
        }
        let most = by_sources.values().copied().max().unwrap_or(0);
        if most < 2 || most * 2 < each.len() {
            return NamedEvents::default();
        }
        let (own, other): (Vec<_>, Vec<_>) = by_sources.into_iter().partition(|(_, n)| *n == most);
        NamedEvents {
            own: own.into_iter().map(|(name, _)| name.to_string()).collect(),
            other: other
                .into_iter()
                .map(|(name, _)| name.to_string())
                .collect(),
        }
    }

    /// The other event a claim is about: one its own clause names, or one its sentence
    /// opens on ("Helene, which caused fatalities in several states, resulted in at
    /// least 243 deaths"), where the set's own is not named there too. A sentence that
    /// only mentions another event ("Two weeks after Helene devastated the region, 3
    /// million customers lost power") leaves the figure the set's.
    pub fn occasion(&self, claim: &Claim) -> Option<String> {
        if self.other.is_empty() {
            return None;
        }
        let is = |name: &str, word: &str| name.to_lowercase() == word;
        let in_clause = |name: &str| {
            claim
                .context
                .iter()
                .any(|w| w.in_clause && is(name, w.word))
        };
        let in_sentence = |name: &str| claim.context.iter().any(|w| is(name, w.word));
        if self.own.iter().any(|n| in_clause(n)) {
            return None;
        }
        if let Some(other) = self.other.iter().find(|n| in_clause(n)) {
            return Some(other.clone());
        }
        // The sentence's first word, past a kind ("Hurricane Helene caused ...").
        let lang = claim.language();
        let opening = claim
            .context
            .iter()
            .map(|w| w.word)
            .find(|w| !lang.named_event_kinds.contains(w))?;
        if self.own.iter().any(|n| in_sentence(n)) {
            return None;
        }
        self.other.iter().find(|n| is(n, opening)).cloned()
    }
}

/// What one source says of named events: those it names with their kind, and its
/// headline, where a name alone names its event.
#[derive(Debug, Clone, Default)]
pub struct Naming {
    pub with_kind: BTreeSet<String>,
    pub headline: String,
}

impl Naming {
    pub fn of(source: &Source) -> Naming {
        Naming {
            with_kind: named_by(source),
            headline: source
                .paragraphs
                .first()
                .map(|p| p.text().to_string())
                .unwrap_or_default(),
        }
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
        .filter(|p| kinds.iter().any(|k| p.text().contains(k.as_str())))
        .flat_map(|p| named_in(p.text(), lang))
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
    let words = word_spans(text);
    (0..words.len().saturating_sub(1)).filter_map(move |i| {
        let (_, kind) = words[i];
        let (_, written) = words[i + 1];
        let name = without_possessive(written);
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let is_kind = capitalised(kind) && lang.named_event_kinds.contains(&kind.to_lowercase());
        // "the National Hurricane Center": a kind inside an organisation's name.
        // A kind of two words ("Tropical Storm Debby") is no organisation's name.
        let two_word_kind = i > 0
            && lang
                .named_event_kinds
                .contains(&format!("{} {kind}", words[i - 1].1).to_lowercase());
        let after_name = i > 0
            && capitalised(words[i - 1].1)
            && glued_by_space(text, words[i - 1], words[i])
            && !two_word_kind;
        let is_name = capitalised(name)
            && name.chars().skip(1).all(char::is_lowercase)
            && name.chars().count() > 2
            && !lang.named_event_kinds.contains(&name.to_lowercase());
        // "the Storm Prediction Center", "Storm Shadow missiles": a name that goes on, or
        // that a plural noun follows, names something else than an event; people it
        // touched do not ("Hurricane Helene survivors").
        let goes_on = words.get(i + 2).is_some_and(|&(at, next)| {
            let lower = next.to_lowercase();
            let people = lang
                .word_class("people")
                .is_some_and(|class| class.contains(&lower.as_str()));
            glued_by_space(text, words[i + 1], (at, next))
                && written == name
                && (capitalised(next)
                    || lang.looks_plural(&lower) && !lang.looks_verb(&lower) && !people)
        });
        (is_kind
            && is_name
            && !after_name
            && !goes_on
            && glued_by_space(text, words[i], words[i + 1]))
        .then(|| name.to_string())
    })
}

/// The words of a text with their byte offsets, as the tokenizer cuts them.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    tokens::tokenize(text, 0, text.len())
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.start, t.text(text)))
        .collect()
}

/// A word without its possessive: "Milton" for "Milton's".
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// True when one space alone stands between two words.
fn glued_by_space(text: &str, (a, wa): (usize, &str), (b, _): (usize, &str)) -> bool {
    &text[a + wa.len()..b] == " "
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
        // A name that goes on, or that a plural noun follows, names something else.
        assert!(named("as the Storm Prediction Center warned").is_empty());
        assert!(named("Kyiv asked for Storm Shadow missiles").is_empty());
        assert_eq!(named("after Hurricane Helene devastated it"), ["Helene"]);
        assert_eq!(named("for Hurricane Helene victims and others"), ["Helene"]);
        assert_eq!(named("after Tropical Storm Debby stalled"), ["Debby"]);
        // A kind is no name: "Storm Cyclone" names no storm "Cyclone".
        assert!(named("a so-called Storm Cyclone.").is_empty());
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

    fn naming(with_kind: &[&str], headline: &str) -> Naming {
        Naming {
            with_kind: with_kind.iter().map(|n| (*n).to_string()).collect(),
            headline: headline.to_string(),
        }
    }

    #[test]
    fn a_headline_names_its_event_without_the_kind() {
        // One source writes "Hurricane Milton", two only "Hurricane Helene", but every
        // headline is about Milton.
        let found = NamedEvents::of_each([
            naming(&["Milton"], "Milton makes landfall"),
            naming(&["Helene"], "Milton leaves 3 million without power"),
            naming(&["Helene"], "Florida counts Milton's dead"),
        ]);
        assert_eq!(found.own, BTreeSet::from(["Milton".to_string()]));
        assert_eq!(found.other, BTreeSet::from(["Helene".to_string()]));
    }

    #[test]
    fn without_an_event_most_sources_name_nothing_is_set_apart() {
        let found = NamedEvents::of_each([
            naming(&["Helene"], "Floods in the north"),
            naming(&[], "Rain keeps falling"),
            naming(&[], "Rivers burst their banks"),
            naming(&[], "Thousands evacuated"),
        ]);
        assert_eq!(found, NamedEvents::default());
    }
}
