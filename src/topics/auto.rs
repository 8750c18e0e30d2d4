//! Automatic grouping: a claim no rule takes is grouped by its counted noun (its
//! singular, so "organisations" meets "organization"), the verb that says what happened
//! to it (by its class or lemma, so "clinched" meets "secured" and "lost" meets
//! "losing"), and its frame, so an article set about any event is compared without
//! writing a rule. A measure is grouped by its unit and what it measures.

use crate::base::morphology;
use crate::event::Event;
use crate::extract::claims::Claim;
use crate::extract::figures::Unit;

use super::matcher::decorate;
use super::{slug, Evidence, Placement};

/// A group for a claim no rule takes: its head noun's singular, the verb that says what
/// happened to it, and its frame.
pub(super) fn group(claim: &Claim, event: &Event) -> Option<Placement> {
    let head = claim
        .counted
        .as_ref()
        .map(|c| c.head().to_string())
        .filter(|h| !h.is_empty())?;
    let lang = claim.language();
    if lang.is_measure_unit(&head) {
        return measure(claim, event, &head);
    }
    // "people", "persons" and "individuals" count one thing.
    let singular = morphology::singular(&head);
    let noun = match singular.as_str() {
        "person" | "individual" => "person",
        other => other,
    };
    let mut id = format!("auto/{}", slug(noun));
    let mut label = head.clone();
    match claim.unit {
        Unit::Percent => {
            id.push_str("/percent");
            label.push_str(" (%)");
        }
        // "one in five people" is a share of people, not a count of them.
        Unit::Ratio => {
            id.push_str("/ratio");
            label.push_str(" (share)");
        }
        Unit::Count | Unit::Money(_) => {}
    }
    if let Some(action) = claim.action() {
        let key = lang
            .verb_class(action)
            .map_or_else(|| morphology::stem(lang.lemma(action)), str::to_string);
        id.push('+');
        id.push_str(&slug(&key));
        label.push(' ');
        label.push_str(action);
    }
    decorate(claim, event, &mut id, &mut label);
    let evidence = Evidence {
        noun: Some((head.clone(), head)),
        score: 1.0,
        context: claim.action().map(|a| (a.to_string(), 0)),
    };
    Some(Placement::framed(claim, event, (id, label), None, evidence))
}

/// A group for a measure: its unit, and what the sentence says it measures. A unit
/// alone would compare a depth with a distance, so a measure is grouped only as a
/// distance from somewhere ("700 m from the port"), a temperature, or an amount over a
/// stated span of time ("572 mm of rain over 48 hours").
fn measure(claim: &Claim, event: &Event, head: &str) -> Option<Placement> {
    let after = claim.after_wording();
    let unit = claim.language().measure_unit_key(head, after)?;
    let what = if claim.frame.distance_from {
        Some("distance from".to_string())
    } else if unit.starts_with("temperature") {
        None
    } else {
        Some(format!("in {}", claim.frame.span_of_time.as_ref()?))
    };
    let mut id = format!("measure/{}", slug(unit));
    let mut label = unit.to_string();
    if let Some(what) = what {
        id.push('/');
        id.push_str(&slug(&what));
        label.push_str(", ");
        label.push_str(&what);
    }
    decorate(claim, event, &mut id, &mut label);
    let evidence = Evidence {
        noun: Some((unit.to_string(), head.to_string())),
        score: 1.0,
        context: None,
    };
    Some(Placement::framed(claim, event, (id, label), None, evidence))
}
