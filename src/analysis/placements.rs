//! Placements kept once: most claims of a corpus share their topic and evidence with
//! many others, and a placement each (a topic id, label, origin and evidence words)
//! was a third of the memory `hcx diff` held.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::topics::{PlaceTag, Placement};

/// The placements met so far, each once.
#[derive(Default)]
pub(super) struct Placements {
    seen: FxHashMap<Key, Arc<Placement>>,
}

/// A placement compared by value: every field, its score by bits.
struct Key(Arc<Placement>);

/// What a placement is made of, as a key.
type Parts<'a> = (
    (&'a str, &'a str, &'a str, &'a str),
    &'a Option<(String, String)>,
    &'a Option<PlaceTag>,
    &'a Option<String>,
    &'a Option<String>,
    (
        &'a Option<(String, String)>,
        u64,
        &'a Option<(String, usize)>,
    ),
);

impl Key {
    fn parts(&self) -> Parts<'_> {
        let p = &*self.0;
        (
            (&p.id, &p.label, &p.base_id, &p.base_label),
            &p.owner,
            &p.place,
            &p.period,
            &p.origin,
            (
                &p.evidence.noun,
                p.evidence.score.to_bits(),
                &p.evidence.context,
            ),
        )
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for Key {}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl Placements {
    /// The placement equal to `placement` met first.
    pub(super) fn shared(&mut self, placement: Arc<Placement>) -> Arc<Placement> {
        Arc::clone(
            self.seen
                .entry(Key(Arc::clone(&placement)))
                .or_insert(placement),
        )
    }

    /// A placement, shared with the equal ones met before.
    pub(super) fn share(&mut self, placement: Placement) -> Arc<Placement> {
        self.shared(Arc::new(placement))
    }

    /// Changes one claim's placement, which other claims may share: a copy is changed
    /// (never the one they hold), then shared with the equal ones met before, so that
    /// claims placed alike share the changed placement too. A copy kept per claim was
    /// most of the memory settling took.
    pub(super) fn change(
        &mut self,
        placement: &mut Arc<Placement>,
        change: impl FnOnce(&mut Placement),
    ) {
        change(Arc::make_mut(placement));
        *placement = self.shared(Arc::clone(placement));
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn placement(id: &str, place: Option<PlaceTag>) -> Placement {
        Placement {
            place,
            ..Placement::bare(id, id)
        }
    }

    fn tag(certain: bool, by_its_words: bool) -> PlaceTag {
        PlaceTag {
            key: "dalmor".to_string(),
            text: "Dalmor".to_string(),
            certain,
            by_its_words,
        }
    }

    #[test]
    fn equal_placements_are_one_and_any_field_keeps_them_apart() {
        let mut store = Placements::default();
        let first = store.shared(Arc::new(placement("deaths", Some(tag(false, false)))));
        let again = store.shared(Arc::new(placement("deaths", Some(tag(false, false)))));
        assert!(Arc::ptr_eq(&first, &again));
        // Settling reads these flags, which the id does not show: a placement shared
        // across them would move one claim's place with another's.
        let base = || placement("deaths", Some(tag(false, false)));
        let mut others = vec![
            placement("deaths", Some(tag(false, true))),
            placement("deaths", Some(tag(true, false))),
            placement("deaths", None),
            placement("injuries", Some(tag(false, false))),
        ];
        let changes: [fn(&mut Placement); 9] = [
            |p| p.label = "Deaths".to_string(),
            |p| p.base_id = "toll".to_string(),
            |p| p.base_label = "Toll".to_string(),
            |p| p.owner = Some(("labour".to_string(), "Labour".to_string())),
            |p| p.period = Some("since 2019".to_string()),
            |p| p.origin = Some("rules/x.toml".to_string()),
            |p| p.evidence.noun = Some(("death".to_string(), "deaths".to_string())),
            |p| p.evidence.score = 0.9,
            |p| p.evidence.context = Some(("died".to_string(), 1)),
        ];
        for change in changes {
            let mut other = base();
            change(&mut other);
            others.push(other);
        }
        for other in others {
            let other = store.shared(Arc::new(other));
            assert!(!Arc::ptr_eq(&first, &other), "{other:?}");
        }
    }
}
