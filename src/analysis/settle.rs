//! Settling frames over many claims: what one claim's words leave open, the other
//! claims of its source, or of the whole set, decide. Whether a place or an owner sets
//! a figure apart depends on what else is said of the same thing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::base::interval::Interval;
use crate::base::lang::Language;
use crate::extract::claims;
use crate::topics::{ClaimInTopic, PlaceTag};

use super::placements::Placements;

/// A claim in one of the event's own places ("turnout in Lindhaven" of a Norvale
/// election) is restricted to it only when its source gives the same thing with another
/// figure and no place ("turnout was 61.5%"): the source itself sets the place against
/// the whole. Otherwise the place is where the whole event is, and says nothing.
pub(super) fn places(placed: &mut [ClaimInTopic], placements: &mut Placements) {
    // A headline is no whole to set a place against: it is often an earlier count the
    // body has since outdated ("at least 50 killed" over "a total of 116 ... in Hathras
    // district").
    // Per topic, the lowest and highest unplaced figure: another figure than a claim's
    // exists when either is more than a hair from it. Looked up, not scanned for each
    // claim, so one huge file costs its length, not its square.
    let mut unplaced: HashMap<String, (f64, f64)> = HashMap::new();
    let bodies = placed.iter().filter(|(c, _)| c.paragraph > 0);
    for (claim, p) in bodies.filter_map(|(c, p)| Some((c, p.as_ref()?))) {
        if p.place.is_none() {
            let (low, high) = unplaced
                .entry(p.base_id.clone())
                .or_insert((claim.value, claim.value));
            *low = low.min(claim.value);
            *high = high.max(claim.value);
        }
    }
    for (claim, placement) in placed.iter_mut() {
        let Some(p) = placement else { continue };
        if p.place.as_ref().is_none_or(|place| place.certain) {
            continue;
        }
        let certain = unplaced.get(&p.base_id).is_some_and(|&(low, high)| {
            claim.value - low > f64::EPSILON || high - claim.value > f64::EPSILON
        });
        // Every uncertain place is written, changed or not, and composed again.
        placements.change(p, |p| {
            if let Some(place) = p.place.as_mut() {
                place.certain = certain;
            }
            p.compose();
        });
    }
}

/// An owner sets a figure apart from the same thing's unowned figures when the set
/// names other owners of that thing ("Labour won 412 seats", "the Tories won 121"), or
/// when the unowned figures differ from it (they may be other owners' that the text
/// did not name). Otherwise, as with places, the owner is the one the whole set is
/// about: "the Convention will take effect once it secures 40 signatures" and "a
/// minimum of 40 signatures" are one count.
pub(super) fn owners(per_source: &mut [Vec<ClaimInTopic>], placements: &mut Placements) {
    let mut owners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    // Per thing, the lowest and highest unowned figure: whether they all equal a
    // claim's is read from these two, not from a list of every figure.
    let mut unowned: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    let placed = per_source.iter().flatten();
    for (claim, p) in placed.filter_map(|(c, p)| Some((c, p.as_ref()?))) {
        if let Some((key, _)) = &p.owner {
            owners
                .entry(p.base_id.as_str())
                .or_default()
                .insert(key.as_str());
        } else {
            let (low, high) = unowned
                .entry(p.base_id.as_str())
                .or_insert((claim.value, claim.value));
            *low = low.min(claim.value);
            *high = high.max(claim.value);
        }
    }
    // The unowned figures of each thing that only one owner is named for.
    let apart: BTreeMap<String, (f64, f64)> = owners
        .into_iter()
        .filter(|(_, o)| o.len() == 1)
        .filter_map(|(id, _)| Some((id.to_string(), *unowned.get(id)?)))
        .collect();
    for (claim, placement) in per_source.iter_mut().flatten() {
        let Some(p) = placement.as_mut().filter(|p| p.owner.is_some()) else {
            continue;
        };
        let Some(&(low, high)) = apart.get(&p.base_id) else {
            continue;
        };
        if (low - claim.value).abs() <= f64::EPSILON && (high - claim.value).abs() <= f64::EPSILON {
            placements.change(p, |p| {
                p.owner = None;
                p.compose();
            });
        }
    }
}

/// The same figure of the same thing in two sources is one fact: where one source
/// places it apart ("Twenty-seven bodies were brought to a hospital in neighbouring
/// Etah district") and another gives it with no place ("the CMO of Etah said they had
/// received 27 bodies"), it is that place's figure in both, not a rival of the whole.
///
/// Joined on a figure alone, two counts would meet by chance (a village's toll and
/// another outlet's whole toll, both 121), so the guards: both figures exact (not
/// "dozens", not "more than 24"); a place the first claim's own words set apart, and
/// one place only for that figure; and the second claim's own sentence naming that
/// place ("the CMO of Etah"). Another figure of its source is no proof that this one
/// is a part: it may be an estimate, a forecast or another year's. A headline's figure
/// follows its own body's.
pub(super) fn shared_places(per_source: &mut [Vec<ClaimInTopic>], placements: &mut Placements) {
    let exact = |c: &claims::Claim| c.hedge.is_none() && c.interval() == Interval::exact(c.value);
    // Per topic and figure, the places that set it apart.
    let mut apart: BTreeMap<&str, BTreeMap<u64, BTreeMap<&str, &PlaceTag>>> = BTreeMap::new();
    for (claim, p) in per_source.iter().flatten() {
        let Some(p) = p.as_ref().filter(|_| exact(claim)) else {
            continue;
        };
        if let Some(place) = p.place.as_ref().filter(|place| place.by_its_words) {
            apart
                .entry(p.base_id.as_str())
                .or_default()
                .entry(claim.value.to_bits())
                .or_default()
                .insert(place.key.as_str(), place);
        }
    }
    let mut moves: Vec<(usize, usize, PlaceTag)> = Vec::new();
    for (s, placed) in per_source.iter().enumerate() {
        let mut moved_values: Vec<(&str, u64)> = Vec::new();
        // Body claims first, so that a headline can follow its own body.
        let order = placed
            .iter()
            .enumerate()
            .filter(|(_, (c, _))| c.paragraph > 0)
            .chain(
                placed
                    .iter()
                    .enumerate()
                    .filter(|(_, (c, _))| c.paragraph == 0),
            );
        for (k, (claim, p)) in order {
            let Some(p) = p.as_ref().filter(|p| p.place.is_none() && exact(claim)) else {
                continue;
            };
            let bits = claim.value.to_bits();
            let Some(places) = apart.get(p.base_id.as_str()).and_then(|v| v.get(&bits)) else {
                continue;
            };
            let Some(place) = places.values().next().filter(|_| places.len() == 1) else {
                continue;
            };
            let supported = if claim.paragraph == 0 {
                moved_values.contains(&(p.base_id.as_str(), bits))
            } else {
                names_place(claim.language(), claim.sentence(), &place.text)
            };
            if supported {
                moved_values.push((p.base_id.as_str(), bits));
                let mut tag = (*place).clone();
                // Another source's words set it apart, not this one's.
                tag.by_its_words = false;
                moves.push((s, k, tag));
            }
        }
    }
    for (s, k, tag) in moves {
        if let Some(p) = per_source[s][k].1.as_mut() {
            placements.change(p, |p| {
                p.place = Some(tag);
                p.compose();
            });
        }
    }
}

/// True when `sentence` names `place` by its name as written, capitals and all, less
/// the kind of place ("Etah" for "Etah district"): "a new toll" does not name "New
/// Dalmor district".
fn names_place(lang: &Language, sentence: &str, place: &str) -> bool {
    let name: Vec<&str> = place
        .split_whitespace()
        .filter(|w| !lang.place_parts.contains(&w.to_lowercase()))
        .collect();
    !name.is_empty() && crate::event::places::contains_words(sentence, &name.join(" "))
}
