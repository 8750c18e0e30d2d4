//! Event: what a set of articles shares, inferred from all of them together: when they
//! were written, the places they are about, and the names they give the same owners.
//!
//! A claim's frame names times, places and owners as its sentence gives them ("in
//! 2015", "in Etah", "the Tories"). Whether such a time is another occasion, a place a
//! part of the whole, or two names one party depends on the event the set reports,
//! which no single sentence says. [`timing`] judges times, [`places`] places, [`names`]
//! owners.

pub mod named;
pub mod names;
pub mod places;
pub mod timing;

use crate::base::morphology;
use crate::extract::claims::Claim;
use crate::extract::frame::places::PlaceName;
use crate::source::Source;

pub use named::NamedEvents;
pub use names::Names;
pub use places::Places;
pub use timing::Timing;

/// What a set of articles shares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event {
    pub timing: Timing,
    pub places: Places,
    pub names: Names,
    /// The events the set names by name, its own among them.
    pub named: NamedEvents,
}

/// The event when nothing is known of it: no year or place makes a claim another
/// occasion or a part; only "last year" and "previous" do.
pub static UNKNOWN: Event = Event {
    timing: Timing::UNKNOWN,
    places: Places::UNKNOWN,
    names: Names::UNKNOWN,
    named: NamedEvents::UNKNOWN,
};

impl Event {
    /// Only when the sources were written: what `hcx claims` reads before it streams,
    /// and all that decides whether a claim is of another occasion.
    pub fn timing_of(sources: &[Source]) -> Event {
        Event {
            timing: Timing::of(sources),
            ..Event::default()
        }
    }

    /// All of the event but the names of owners: what the sources alone say. Claims
    /// can be placed under it as soon as each source's are extracted; only the names
    /// their owners are compared under wait for [`Event::with_names`].
    pub fn of_sources(sources: &[Source]) -> Event {
        Event {
            timing: Timing::of(sources),
            places: Places::of(sources),
            names: Names::default(),
            named: NamedEvents::of(sources),
        }
    }

    /// The event with the owners the sources and their claims name.
    #[must_use]
    pub fn with_names<'c>(
        self,
        sources: &[Source],
        claims: impl IntoIterator<Item = &'c Claim>,
    ) -> Event {
        Event {
            names: Names::of(sources, claims),
            ..self
        }
    }

    /// The other occasion a claim is about, if it is not the event's.
    pub fn occasion(&self, claim: &Claim) -> Option<String> {
        self.timing
            .occasion(claim)
            .or_else(|| self.named.occasion(claim))
    }

    /// The period a claim counts over, when it starts before the event.
    pub fn period(&self, claim: &Claim) -> Option<String> {
        self.timing.period(claim)
    }

    /// The place a claim is restricted to, and whether that is certain.
    pub fn restriction<'c>(&self, claim: &'c Claim) -> Option<(&'c PlaceName, bool)> {
        self.places.restriction(claim)
    }

    /// The name a claim's owner is compared under.
    /// Whose figure a claim is: the key it is compared under, and that name as the
    /// articles write it.
    pub fn owner(&self, claim: &Claim) -> Option<(String, String)> {
        let key = self.names.owner(claim)?;
        let text = self.names.spelled(&key).to_string();
        Some((key, text))
    }

    /// What a claim's figure is for, as a key: the stems of the words it names that are
    /// not the event's places ("Paris Olympics" and "Olympic" are both "olymp").
    pub fn purpose(&self, claim: &Claim) -> Option<String> {
        let words: Vec<String> = claim
            .frame
            .purpose
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| !self.places.event.contains(w))
            .map(|w| morphology::stem(&w))
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// True when a part's name is the people of one of the event's places ("Americans"
    /// of a US breach): they are the whole, not a part.
    pub fn is_home_people(&self, claim: &Claim, people: &str) -> bool {
        self.places.is_home_people(claim.language(), people)
    }
}
