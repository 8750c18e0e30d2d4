//! Automatic grouping: a claim no rule takes is grouped by its counted noun (its
//! singular, so "organisations" meets "organization"), the verb that says what happened
//! to it, and its qualifier, so an article set about any event is compared without
//! writing a rule.

use crate::base::morphology;
use crate::extract::claims::Claim;
use crate::extract::figures::Unit;

use super::matcher::decorate;
use super::{slug, Evidence, Placement};

/// A group for a claim no rule takes: its head noun's stem, the verb that says what
/// happened to it, and its qualifier.
pub(super) fn group(claim: &Claim) -> Option<Placement> {
    // Without a noun, or with only a unit of measure ("10 km"), nothing says what is
    // counted, and a group would compare a depth with a distance.
    let head = claim
        .counted
        .as_ref()
        .map(|c| c.head().to_string())
        .filter(|h| !h.is_empty() && !claim.language.is_measure_unit(h))?;
    let mut id = format!("auto/{}", slug(&morphology::singular(&head)));
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
    if let Some(action) = &claim.action {
        id.push('+');
        id.push_str(&slug(&morphology::stem(action)));
        label.push(' ');
        label.push_str(action);
    }
    decorate(claim, &mut id, &mut label);
    Some(Placement {
        id,
        label,
        origin: None,
        evidence: Evidence {
            noun: Some((head.clone(), head)),
            score: 1.0,
            context: claim.action.clone().map(|a| (a, 0)),
        },
    })
}
