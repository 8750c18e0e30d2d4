//! Parts against their total: "72 countries ... from 19 Asia-Pacific countries, 21
//! African countries, 19 EU countries to 12 Latin American countries" adds up to 71.
//!
//! A breakdown is two or more claims of one sentence that count the same thing, each
//! qualified ("African countries", "45 of them from Europe"). Its total is the nearest
//! unqualified claim of that thing before it: in the same sentence, the same paragraph,
//! or else the same source. Hedges are honoured: the parts' sum is an interval, and only
//! a sum that cannot meet the total's interval is reported. A breakdown whose own source
//! gives no exact total is set against the other sources' totals, marked as such.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::base::interval::Interval;
use crate::extract::claims::Claim;
use crate::topics::ClaimInTopic;

use super::{mention_of, Detail, Finding};

fn head(claim: &Claim) -> Option<&str> {
    claim
        .counted
        .as_ref()
        .and_then(|c| c.singulars.last())
        .map(String::as_str)
}

fn qualified(claim: &Claim) -> bool {
    claim
        .counted
        .as_ref()
        .is_some_and(|c| c.qualifier.is_some())
}

fn is_subcount(claim: &Claim) -> bool {
    claim
        .scope
        .as_deref()
        .is_some_and(|s| s.contains("of which") || s.contains("of whom"))
}

/// The sum of intervals: `None` ends stay open.
pub fn sum(parts: &[&Claim]) -> Interval {
    let total = |end: fn(&Interval) -> Option<f64>| -> Option<f64> {
        parts.iter().map(|c| end(&c.interval)).sum::<Option<f64>>()
    };
    let lower = total(Interval::lower_value);
    let upper = total(Interval::upper_value);
    match (lower, upper) {
        (Some(lo), Some(hi)) => Interval::closed(lo, hi),
        (Some(lo), None) => Interval::above(lo, true),
        (None, Some(hi)) => Interval::below(hi, true),
        (None, None) => Interval {
            lower: None,
            upper: None,
        },
    }
}

/// Finds the breakdowns of each source and checks them.
pub fn check(claims: &[ClaimInTopic]) -> Vec<Finding> {
    let mut by_source: BTreeMap<&str, Vec<&ClaimInTopic>> = BTreeMap::new();
    for item in claims {
        by_source
            .entry(item.0.source.as_str())
            .or_default()
            .push(item);
    }
    let totals = Totals::of(&by_source);
    let mut found = Vec::new();
    for (source, items) in &by_source {
        for (parts, first_part) in breakdowns(items) {
            let total = find_total(items, first_part, &parts);
            match total {
                Some(total) if total.interval.lower == total.interval.upper => {
                    if !sum(&parts).overlaps(&total.interval) {
                        found.push(in_source(&parts, total));
                    }
                }
                _ => {
                    if let Some(check) = against_others(source, &parts, total, &by_source, &totals)
                    {
                        found.push(check);
                    }
                }
            }
        }
    }
    found
}

/// Groups of qualified claims that count one thing within one sentence, with the index
/// of the first part among the source's claims.
fn breakdowns<'a>(items: &[&'a ClaimInTopic]) -> Vec<(Vec<&'a Claim>, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let claim: &Claim = &items[i].0;
        let Some(thing) = head(claim).filter(|_| qualified(claim)) else {
            i += 1;
            continue;
        };
        let mut parts = vec![claim];
        let mut j = i + 1;
        while j < items.len() {
            let next: &Claim = &items[j].0;
            let same_sentence = next.paragraph == claim.paragraph
                && std::sync::Arc::ptr_eq(&next.sentence, &claim.sentence);
            if !same_sentence || head(next) != Some(thing) || !qualified(next) {
                break;
            }
            parts.push(next);
            j += 1;
        }
        if parts.len() >= 2 {
            out.push((parts, i));
        }
        i = j.max(i + 1);
    }
    out
}

/// The nearest unqualified claim of the same thing before the breakdown: same sentence
/// or paragraph first, then anywhere earlier in the source. Sub-counts ("of which 64")
/// are not totals.
fn find_total<'a>(
    items: &[&'a ClaimInTopic],
    first_part: usize,
    parts: &[&Claim],
) -> Option<&'a Claim> {
    let thing = head(parts[0])?;
    let paragraph = parts[0].paragraph;
    let candidates = items[..first_part]
        .iter()
        .rev()
        .map(|item| &*item.0)
        .filter(|c| head(c) == Some(thing) && !qualified(c) && !is_subcount(c));
    let mut nearest_in_paragraph = None;
    let mut nearest_anywhere = None;
    for c in candidates {
        if c.paragraph == paragraph && nearest_in_paragraph.is_none() {
            nearest_in_paragraph = Some(c);
        }
        if nearest_anywhere.is_none() {
            nearest_anywhere = Some(c);
        }
    }
    nearest_in_paragraph.or(nearest_anywhere)
}

fn in_source(parts: &[&Claim], total: &Claim) -> Finding {
    let mut mentions: Vec<_> = parts.iter().map(|c| mention_of(c)).collect();
    mentions.push(mention_of(total));
    Finding {
        source: total.source.clone(),
        cross_source: false,
        claims: parts.iter().map(|c| (*c).clone()).collect(),
        total: Some(total.clone()),
        mentions,
        detail: Detail::SumMissesTotal { sum: sum(parts) },
    }
}

/// The totals each source states, for setting a breakdown against the other sources:
/// per topic and per counted thing, each source's first plain claim (no hedge, not a
/// sub-count), in source order. Built once, since looking through every other source's
/// claims for every breakdown grew with the square of the corpus.
struct Totals<'a> {
    by_topic: FxHashMap<&'a str, Vec<&'a Claim>>,
    /// Only unqualified claims: a total of the thing, not of a part of it.
    by_thing: FxHashMap<&'a str, Vec<&'a Claim>>,
}

impl<'a> Totals<'a> {
    fn of(by_source: &BTreeMap<&'a str, Vec<&'a ClaimInTopic>>) -> Self {
        let mut totals = Totals {
            by_topic: FxHashMap::default(),
            by_thing: FxHashMap::default(),
        };
        for items in by_source.values() {
            let mut topics: FxHashSet<&str> = FxHashSet::default();
            let mut things: FxHashSet<&str> = FxHashSet::default();
            for item in items {
                let c: &'a Claim = &item.0;
                if c.hedge.is_some() || is_subcount(c) {
                    continue;
                }
                if let Some(placement) = &item.1 {
                    if topics.insert(&placement.id) {
                        totals.by_topic.entry(&placement.id).or_default().push(c);
                    }
                }
                if let Some(thing) = head(c).filter(|_| !qualified(c)) {
                    if things.insert(thing) {
                        totals.by_thing.entry(thing).or_default().push(c);
                    }
                }
            }
        }
        totals
    }
}

/// A breakdown whose source gives no exact total, against the exact totals other sources
/// give for the same thing. Reported when none of them equals the parts' sum.
fn against_others(
    source: &str,
    parts: &[&Claim],
    own_total: Option<&Claim>,
    by_source: &BTreeMap<&str, Vec<&ClaimInTopic>>,
    totals: &Totals,
) -> Option<Finding> {
    let thing = head(parts[0])?;
    // Other sources' totals of the same topic as this source's own (hedged) total, or
    // else of the same counted thing.
    let topic = own_total.and_then(|t| {
        by_source[source]
            .iter()
            .find(|item| std::ptr::eq(std::sync::Arc::as_ptr(&item.0), t))
            .and_then(|item| item.1.as_ref().map(|p| p.id.clone()))
    });
    let stated = match &topic {
        Some(id) => totals.by_topic.get(id.as_str()),
        None => totals.by_thing.get(thing),
    };
    let others: Vec<&Claim> = stated
        .into_iter()
        .flatten()
        .filter(|c| c.source != source)
        .copied()
        .collect();
    let total = sum(parts);
    if others.is_empty() || others.iter().any(|c| total.overlaps(&c.interval)) {
        return None;
    }
    let mut mentions: Vec<_> = parts.iter().map(|c| mention_of(c)).collect();
    mentions.extend(others.iter().map(|c| mention_of(c)));
    Some(Finding {
        source: source.to_string(),
        cross_source: true,
        claims: parts.iter().map(|c| (*c).clone()).collect(),
        total: others.first().map(|c| (*c).clone()),
        mentions,
        detail: Detail::SumMissesOtherTotals {
            sum: total,
            totals: others.iter().map(|c| (*c).clone()).collect(),
        },
    })
}
