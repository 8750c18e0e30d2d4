//! Parts against their total: "72 countries ... from 19 Asia-Pacific countries, 21
//! African countries, 19 EU countries to 12 Latin American countries" adds up to 71.
//!
//! A breakdown is two or more claims of one sentence that count the same thing, each
//! qualified ("African countries", "45 of them from Europe"). Its total is the nearest
//! unqualified claim of that thing before it: in the same sentence, the same paragraph,
//! or else the same source. Hedges are honoured: the parts' sum is an interval, and only
//! a sum that cannot meet the total's interval is reported. A breakdown whose own source
//! gives no exact total is set against the other sources' totals, marked as such.

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
        .scope()
        .is_some_and(|s| s.contains("of which") || s.contains("of whom"))
}

/// The sum of intervals: `None` ends stay open.
pub fn sum(parts: &[&Claim]) -> Interval {
    let total = |end: fn(&Interval) -> Option<f64>| -> Option<f64> {
        parts
            .iter()
            .map(|c| end(&c.interval()))
            .sum::<Option<f64>>()
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
pub fn check(claims: &[Vec<ClaimInTopic>]) -> Vec<Finding> {
    let mut by_source: Vec<(&str, &[ClaimInTopic])> = claims
        .iter()
        .filter_map(|items| Some((items.first()?.0.source(), items.as_slice())))
        .collect();
    // By path as text: the other sources' totals a finding lists, and which it leaves
    // out past MAX_OTHER_TOTALS, follow this order. The analysis's order sorts paths
    // by component, which differs ("a/b.txt" before "a-b.txt").
    by_source.sort_by_key(|&(source, _)| source);
    let totals = Totals::of(&by_source);
    let mut found = Vec::new();
    for &(source, items) in &by_source {
        let candidates = Candidates::of(items);
        for (parts, first_part) in breakdowns(items) {
            let total = candidates.before(items, first_part, &parts);
            match total {
                Some(total) if total.0.interval().lower == total.0.interval().upper => {
                    if !sum(&parts).overlaps(&total.0.interval()) {
                        found.push(in_source(&parts, &total.0));
                    }
                }
                _ => {
                    if let Some(check) = against_others(source, &parts, total, &totals) {
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
fn breakdowns(items: &[ClaimInTopic]) -> Vec<(Vec<&Claim>, usize)> {
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
            if !next.shares_sentence(claim) || head(next) != Some(thing) || !qualified(next) {
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

/// A source's claims that may be a total (unqualified, not a sub-count), by counted
/// thing, as indexes in file order: the total of a breakdown is found by a binary
/// search, not by looking back through the source.
struct Candidates<'a> {
    by_thing: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> Candidates<'a> {
    fn of(items: &'a [ClaimInTopic]) -> Self {
        let mut by_thing: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
        for (i, item) in items.iter().enumerate() {
            let c: &'a Claim = &item.0;
            if let Some(thing) = head(c).filter(|_| !qualified(c) && !is_subcount(c)) {
                by_thing.entry(thing).or_default().push(i);
            }
        }
        Candidates { by_thing }
    }

    /// The nearest unqualified claim of the same thing before the breakdown. Claims are
    /// in file order, so the nearest one before is in the breakdown's paragraph when any
    /// there is, and else the nearest anywhere earlier in the source. Sub-counts ("of
    /// which 64") are not totals.
    fn before(
        &self,
        items: &'a [ClaimInTopic],
        first_part: usize,
        parts: &[&Claim],
    ) -> Option<&'a ClaimInTopic> {
        let thing = head(parts[0])?;
        let at = self.by_thing.get(thing)?;
        let n = at.partition_point(|&i| i < first_part);
        n.checked_sub(1).map(|k| &items[at[k]])
    }
}

fn in_source(parts: &[&Claim], total: &Claim) -> Finding {
    let mut mentions: Vec<_> = parts.iter().map(|c| mention_of(c)).collect();
    mentions.push(mention_of(total));
    Finding {
        source: total.source().to_string(),
        cross_source: false,
        claims: parts.iter().map(|c| (*c).clone()).collect(),
        total: Some(total.clone()),
        mentions,
        detail: Detail::SumMissesTotal { sum: sum(parts) },
    }
}

/// The totals each source states, for setting a breakdown against the other sources:
/// per topic and per counted thing, each source's first plain claim (no hedge, not a
/// sub-count), in the order of the sources' paths as text. Built once, since looking
/// through every other source's claims for every breakdown grew with the square of the
/// corpus.
struct Totals<'a> {
    by_topic: FxHashMap<&'a str, Stated<'a>>,
    /// Only unqualified claims: a total of the thing, not of a part of it.
    by_thing: FxHashMap<&'a str, Stated<'a>>,
}

/// The totals of one topic or thing: in the order of the sources' paths as text, and
/// exact ones by value, so that whether another source's total meets a sum is a binary
/// search.
#[derive(Default)]
struct Stated<'a> {
    claims: Vec<&'a Claim>,
    /// Exact totals (one value) as (value, index in `claims`), sorted by value.
    points: Vec<(f64, usize)>,
    /// Totals that span a range, looked through one by one (few, if any).
    spans: Vec<usize>,
}

impl<'a> Stated<'a> {
    fn len(&self) -> usize {
        self.claims.len()
    }

    fn iter(&self) -> impl Iterator<Item = &&'a Claim> {
        self.claims.iter()
    }

    fn index(&mut self) {
        for (i, c) in self.claims.iter().enumerate() {
            match (c.interval().lower_value(), c.interval().upper_value()) {
                (Some(lo), Some(hi)) if lo.total_cmp(&hi).is_eq() => self.points.push((lo, i)),
                _ => self.spans.push(i),
            }
        }
        self.points
            .sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    }

    /// True when a total from a source other than `source` overlaps `sum`: among the
    /// exact totals, only those between the sum's ends can.
    fn meets(&self, source: &str, sum: &Interval) -> bool {
        let lo = sum.lower_value().unwrap_or(f64::NEG_INFINITY);
        let hi = sum.upper_value().unwrap_or(f64::INFINITY);
        let start = self.points.partition_point(|p| p.0 < lo);
        let meets = |i: usize| {
            let c = self.claims[i];
            *c.source() != *source && sum.overlaps(&c.interval())
        };
        self.points[start..]
            .iter()
            .take_while(|p| p.0 <= hi)
            .any(|p| meets(p.1))
            || self.spans.iter().any(|&i| meets(i))
    }
}

impl<'a> Totals<'a> {
    fn of(by_source: &[(&'a str, &'a [ClaimInTopic])]) -> Self {
        let mut totals = Totals {
            by_topic: FxHashMap::default(),
            by_thing: FxHashMap::default(),
        };
        for &(_, items) in by_source {
            let mut topics: FxHashSet<&str> = FxHashSet::default();
            let mut things: FxHashSet<&str> = FxHashSet::default();
            for item in items {
                let c: &'a Claim = &item.0;
                if c.hedge.is_some() || is_subcount(c) {
                    continue;
                }
                if let Some(placement) = &item.1 {
                    if topics.insert(&placement.id) {
                        totals
                            .by_topic
                            .entry(&placement.id)
                            .or_default()
                            .claims
                            .push(c);
                    }
                }
                if let Some(thing) = head(c).filter(|_| !qualified(c)) {
                    if things.insert(thing) {
                        totals.by_thing.entry(thing).or_default().claims.push(c);
                    }
                }
            }
        }
        for stated in totals
            .by_topic
            .values_mut()
            .chain(totals.by_thing.values_mut())
        {
            stated.index();
        }
        totals
    }
}

/// Most other sources' totals a finding lists; it counts the rest.
pub const MAX_OTHER_TOTALS: usize = 8;

/// A breakdown whose source gives no exact total, against the exact totals other sources
/// give for the same thing. Reported when none of them equals the parts' sum. Only the
/// first [`MAX_OTHER_TOTALS`] of the others are listed: a thing that thousands of
/// sources total would otherwise make every breakdown's finding list them all.
fn against_others(
    source: &str,
    parts: &[&Claim],
    own_total: Option<&ClaimInTopic>,
    totals: &Totals,
) -> Option<Finding> {
    let thing = head(parts[0])?;
    // Other sources' totals of the same topic as this source's own (hedged) total, or
    // else of the same counted thing.
    let topic = own_total.and_then(|item| item.1.as_ref().map(|p| p.id.as_str()));
    let stated = match topic {
        Some(id) => totals.by_topic.get(id),
        None => totals.by_thing.get(thing),
    }?;
    let total = sum(parts);
    // Each source states at most one total of a topic or thing, so leaving this source
    // out leaves at most one out.
    let others = stated.len() - usize::from(stated.iter().any(|c| *c.source() == *source));
    if others == 0 || stated.meets(source, &total) {
        return None;
    }
    let listed: Vec<&Claim> = stated
        .claims
        .iter()
        .filter(|c| *c.source() != *source)
        .take(MAX_OTHER_TOTALS)
        .copied()
        .collect();
    let mut mentions: Vec<_> = parts.iter().map(|c| mention_of(c)).collect();
    mentions.extend(listed.iter().map(|c| mention_of(c)));
    Some(Finding {
        source: source.to_string(),
        cross_source: true,
        claims: parts.iter().map(|c| (*c).clone()).collect(),
        total: listed.first().map(|c| (*c).clone()),
        mentions,
        detail: Detail::SumMissesOtherTotals {
            sum: total,
            totals: listed.iter().map(|c| (*c).clone()).collect(),
            unlisted: others - listed.len(),
        },
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::checks::Detail;

    /// The sources' totals a breakdown is set against, as its finding lists them, for
    /// sources given in the order the analysis would list them.
    fn listed_totals(texts: &[(&str, &str)]) -> Vec<String> {
        let sources = crate::source::parse_all(texts);
        let claims: Vec<Vec<crate::topics::ClaimInTopic>> = sources
            .iter()
            .map(|source| {
                let found = crate::extract::claims::extract(source);
                found.into_iter().map(|c| (Arc::new(c), None)).collect()
            })
            .collect();
        let found = super::check(&claims);
        let finding = found
            .iter()
            .find(|f| matches!(f.detail, Detail::SumMissesOtherTotals { .. }))
            .unwrap_or_else(|| panic!("no finding: {found:?}"));
        let Detail::SumMissesOtherTotals { totals, .. } = &finding.detail else {
            unreachable!("matched above");
        };
        totals.iter().map(|c| c.source().to_string()).collect()
    }

    #[test]
    fn other_sources_totals_are_listed_by_path_as_text() {
        // The analysis orders sources by path component ("a/b.txt" before "a-b.txt");
        // the totals a finding lists go by the path as written, as they always have.
        let breakdown =
            "About 54 ships were held: 20 Danish ships, 18 Dutch ships and 12 Polish ships.";
        for (first, second) in [("s/a/b.txt", "s/a-b.txt"), ("s/x/y.txt", "s/x-z.txt")] {
            let sources = [
                (first, "Port\n\nIn all, 60 ships were held at anchor."),
                (second, "Port\n\nIn all, 55 ships were held at anchor."),
                ("s/c.txt", &*format!("Port\n\n{breakdown}")),
            ];
            let mut expected = vec![first.to_string(), second.to_string()];
            expected.sort();
            assert_eq!(listed_totals(&sources), expected, "{first} {second}");
        }
    }
}
