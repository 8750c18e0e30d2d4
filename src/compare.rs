//! Comparison: within each topic, across sources, decides whether the figures agree.
//!
//! Verdicts, most severe first: `conflict` (two sources' intervals cannot both be true),
//! `differs` (the figures or hedges differ but could both be true, or their stated
//! scopes differ), `agree`, and `single` (one source only). A figure one source repeats
//! is one claim: repetition is not corroboration.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::base::interval::Interval;
use crate::extract::claims::Claim;
use std::sync::Arc;

use crate::topics::{ClaimInTopic, Placement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Conflict,
    Differs,
    Agree,
    Single,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Differs => "differs",
            Verdict::Agree => "agree",
            Verdict::Single => "single",
        }
    }

    /// True for the verdicts an editor must look at.
    pub fn is_disagreement(self) -> bool {
        matches!(self, Verdict::Conflict | Verdict::Differs)
    }
}

/// One topic's claims and verdict.
#[derive(Debug, Clone)]
pub struct TopicReport {
    pub id: String,
    pub label: String,
    pub origin: Option<String>,
    pub verdict: Verdict,
    /// Why the verdict: the pair of claims that decided it, as indexes into `claims`.
    pub deciding: Option<(usize, usize)>,
    /// Sorted by source, then place; when the figures were counted on more than one
    /// day, by day (the undated last), then source and place.
    pub claims: Vec<Placed>,
    /// When the figures were counted on more than one day: which is latest, and how the
    /// figure moved.
    pub timeline: Option<Timeline>,
}

/// A topic's figures by the day they were counted (see `Claim::counted_on`).
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The latest day a figure was counted on.
    pub latest: crate::base::calendar::DayNumber,
    pub trend: Trend,
}

/// How a topic's figure moved from day to day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// Every later day's figures are above every earlier day's: a toll that rose as it
    /// was counted.
    Rising,
    Falling,
    /// The same figure every day.
    Steady,
    /// Up on one day, down on another.
    Mixed,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
            Trend::Falling => "falling",
            Trend::Steady => "steady",
            Trend::Mixed => "mixed",
        }
    }
}

/// The timeline of a topic's claims, when they were counted on two days or more. The
/// figure rose when every day's lowest figure is above every earlier day's highest: a
/// day on which one source still gives the old figure makes it mixed, not rising.
pub fn timeline(claims: &[Placed]) -> Option<Timeline> {
    let mut order: Vec<(crate::base::calendar::DayNumber, usize)> = claims
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.claim.counted_on().map(|day| (day, i)))
        .collect();
    order.sort_unstable();
    let (first, last) = (order.first()?.0, order.last()?.0);
    if first == last {
        return None;
    }
    // Each day's lowest and highest stated figure.
    let mut days: Vec<(f64, f64)> = Vec::new();
    for (n, &(day, i)) in order.iter().enumerate() {
        let value = claims[i].claim.value;
        if n > 0 && order[n - 1].0 == day {
            let range = days.last_mut().expect("a day was opened");
            *range = (range.0.min(value), range.1.max(value));
        } else {
            days.push((value, value));
        }
    }
    let earlier_max = |k: usize| days[..k].iter().map(|d| d.1).fold(f64::MIN, f64::max);
    let earlier_min = |k: usize| days[..k].iter().map(|d| d.0).fold(f64::MAX, f64::min);
    let steady = days
        .iter()
        .all(|d| same_number(d.0, days[0].0) && same_number(d.1, days[0].0));
    let up = (1..days.len()).all(|k| days[k].0 > earlier_max(k));
    let down = (1..days.len()).all(|k| days[k].1 < earlier_min(k));
    let trend = match (steady, up, down) {
        (true, _, _) => Trend::Steady,
        (false, true, _) => Trend::Rising,
        (false, false, true) => Trend::Falling,
        (false, false, false) => Trend::Mixed,
    };
    Some(Timeline {
        latest: last,
        trend,
    })
}

/// Puts a topic's claims in the order they were counted in, the undated last, keeping
/// source and place order within a day; `deciding` follows its claims.
fn by_day(claims: Vec<Placed>, deciding: &mut Option<(usize, usize)>) -> Vec<Placed> {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| {
        (
            claims[i].claim.counted_on().is_none(),
            claims[i].claim.counted_on(),
            i,
        )
    });
    let mut moved = vec![0; claims.len()];
    for (new, &old) in order.iter().enumerate() {
        moved[old] = new;
    }
    if let Some((a, b)) = deciding {
        let (x, y) = (moved[*a], moved[*b]);
        *deciding = Some((x.min(y), x.max(y)));
    }
    let mut slots: Vec<Option<Placed>> = claims.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().expect("each claim is moved once"))
        .collect()
}

/// A claim with the topic it was placed in.
#[derive(Debug, Clone)]
pub struct Placed {
    pub claim: std::sync::Arc<Claim>,
    /// Shared with the analysis's list of every claim.
    pub placement: std::sync::Arc<Placement>,
}

/// Why two claims relate as they do: for `hcx explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    SameFigure,
    /// A vague amount ("hundreds", "tens of thousands") that holds the other figure: it
    /// states no figure to differ by.
    WithinVague,
    OtherHedge,
    Overlap,
    Disjoint,
    DisjointScopes,
}

impl Reason {
    pub fn verdict(self) -> Verdict {
        match self {
            Reason::SameFigure | Reason::WithinVague => Verdict::Agree,
            Reason::OtherHedge | Reason::Overlap | Reason::DisjointScopes => Verdict::Differs,
            Reason::Disjoint => Verdict::Conflict,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Reason::SameFigure => "the same figure, with hedges that leave room for one value",
            Reason::WithinVague => "a vague amount that holds the other figure",
            Reason::OtherHedge => "the same figure under a hedge that rules out the other",
            Reason::Overlap => "different figures whose ranges overlap: both could be true",
            Reason::Disjoint => "ranges that do not overlap: both cannot be true",
            Reason::DisjointScopes => {
                "ranges that do not overlap, but under different stated scopes"
            }
        }
    }
}

/// How two claims from different sources relate.
pub fn relate(a: &Claim, b: &Claim) -> Verdict {
    reason(a, b).verdict()
}

/// Why two claims from different sources relate as they do. They agree when they state
/// the same figure (equal, or equal after the rounding a scale word implies: "1.2
/// million" and "1,213,000") with hedges that leave room for one value ("nearly 40" and
/// "about 40"; "about 2,300" and "2,300"); they differ when both can be true but they say
/// different things ("400" and "more than 400"; "116" and "over 107"; "as many as 9,000"
/// and "4,000"); they conflict when no value satisfies both (69 and 72). A vague amount
/// states no figure: "hundreds" agrees with any figure it holds ("hundreds" and "at least
/// 15,000") and conflicts only with one below it ("thousands" and 500).
pub fn reason(a: &Claim, b: &Claim) -> Reason {
    let meet = a
        .interval()
        .widened(plain_rounding(a))
        .overlaps(&b.interval().widened(plain_rounding(b)));
    let vague = |c: &Claim| c.hedge == Some(crate::extract::figures::Hedge::Vague);
    match (same_figure(a, b), meet) {
        (true, true) => Reason::SameFigure,
        (false, true) if vague(a) || vague(b) => Reason::WithinVague,
        (true, false) => Reason::OtherHedge,
        (false, true) => Reason::Overlap,
        (false, false) => {
            let scoped_apart = matches!((a.scope(), b.scope()), (Some(x), Some(y)) if normalize(x) != normalize(y));
            if scoped_apart {
                Reason::DisjointScopes
            } else {
                Reason::Disjoint
            }
        }
    }
}

/// True when two claims state one figure: the same number, or numbers within the
/// rounding a scale word implies. A vague amount ("hundreds") is the same figure only as
/// the same vague amount.
fn same_figure(a: &Claim, b: &Claim) -> bool {
    let vague = |c: &Claim| c.hedge == Some(crate::extract::figures::Hedge::Vague);
    if vague(a) || vague(b) {
        return vague(a) && vague(b) && same_number(a.value, b.value);
    }
    same_number(a.value, b.value)
        || (a.value - b.value).abs() < plain_rounding(a).max(plain_rounding(b))
}

/// How far a figure's wording lets it stray: the rounding a plain figure implies ("1.2
/// million" holds 1,213,000), or a vague amount's looseness. A hedge ("nearly 1.2
/// million") already says how far off the figure may be.
fn plain_rounding(claim: &Claim) -> f64 {
    match claim.hedge {
        None => claim.rounding,
        // "hundreds" reads as 200 or more, but writers use it of anything past its unit:
        // "hundreds of personnel" does not deny "132 army personnel".
        Some(crate::extract::figures::Hedge::Vague) => claim.value / 2.0,
        Some(_) => 0.0,
    }
}

/// Groups the placed claims by topic and gives each topic its verdict. Topics come out
/// most important first (see [`importance`]), in an order that depends on nothing but
/// the claims, so the report reads the same every run.
pub fn compare(claims: &[Vec<ClaimInTopic>]) -> Vec<TopicReport> {
    use rayon::prelude::*;
    use rustc_hash::FxHashMap;
    let placed = || {
        claims
            .iter()
            .flatten()
            .filter_map(|item| Some((item, item.1.as_ref()?)))
    };
    // Each topic's list is made at its size, counted first: together they hold every
    // placed claim of the set, and lists grown by pushing held up to twice that. They
    // refer to the analysis's claims (one pointer each: a pointer to the claim and one
    // to its placement took 8 MB more at 100 MB), and each topic's are copied where it
    // is judged: on rayon's threads, which reuse the room the analysis freed there,
    // where this thread would take more.
    let mut sizes: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, placement) in placed() {
        *sizes.entry(placement.id.as_str()).or_default() += 1;
    }
    let mut groups: FxHashMap<&str, Vec<&ClaimInTopic>> = sizes
        .into_iter()
        .map(|(id, size)| (id, Vec::with_capacity(size)))
        .collect();
    for (item, placement) in placed() {
        if let Some(group) = groups.get_mut(placement.id.as_str()) {
            group.push(item);
        }
    }
    // Topics are judged in parallel; the sort below fixes their order.
    let mut topics: Vec<TopicReport> = groups
        .into_values()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|group| {
            let mut claims: Vec<Placed> = Vec::with_capacity(group.len());
            // Every member has a placement: `placed` groups no other.
            claims.extend(group.iter().filter_map(|(claim, placement)| {
                Some(Placed {
                    claim: Arc::clone(claim),
                    placement: Arc::clone(placement.as_ref()?),
                })
            }));
            drop(group);
            let by_place = |a: &Placed, b: &Placed| {
                (&a.claim.source(), a.claim.location())
                    .cmp(&(&b.claim.source(), b.claim.location()))
            };
            claims.sort_by(by_place);
            let mut claims = dedupe(claims);
            // A body claim kept in its headline's stead stands where the headline was.
            claims.sort_by(by_place);
            let (verdict, mut deciding) = verdict(&claims);
            let timeline = timeline(&claims);
            if timeline.is_some() {
                claims = by_day(claims, &mut deciding);
            }
            // Gathered by pushing, and held until the report.
            let claims = crate::base::exact::vec(claims);
            let first = &claims[0].placement;
            TopicReport {
                id: first.id.clone(),
                label: first.label.clone(),
                origin: first.origin.clone(),
                verdict,
                deciding,
                timeline,
                claims,
            }
        })
        .collect();
    topics.sort_by(importance);
    topics
}

/// The order an editor must see topics in: conflicts, then differences, then the rest;
/// within a verdict the widest relative gap between the deciding figures first, then the
/// topic more sources give, then one with a figure in a headline or first paragraph.
/// Ties fall to where the topic is first met (source, line, column), then its id: never
/// to the label, so a false alarm does not lead because its name sorts first.
fn importance(a: &TopicReport, b: &TopicReport) -> std::cmp::Ordering {
    a.verdict
        .cmp(&b.verdict)
        .then_with(|| gap(b).total_cmp(&gap(a)))
        .then_with(|| source_count(b).cmp(&source_count(a)))
        .then_with(|| prominent(b).cmp(&prominent(a)))
        .then_with(|| first_place(a).cmp(&first_place(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// The relative gap between the two figures that decided a topic's verdict, as a share
/// of the larger: 9 / 189 for 180 against 189. Zero when no pair decided it.
pub fn gap(topic: &TopicReport) -> f64 {
    topic.deciding.map_or(0.0, |(i, j)| {
        let (x, y) = (topic.claims[i].claim.value, topic.claims[j].claim.value);
        let scale = x.abs().max(y.abs());
        if scale > 0.0 {
            (x - y).abs() / scale
        } else {
            0.0
        }
    })
}

/// How many sources give a figure of the topic (claims come sorted by source).
fn source_count(topic: &TopicReport) -> usize {
    1 + topic
        .claims
        .windows(2)
        .filter(|w| w[0].claim.source() != w[1].claim.source())
        .count()
}

/// True when a figure of the topic stands in a headline or the paragraph after it.
fn prominent(topic: &TopicReport) -> bool {
    topic.claims.iter().any(|p| p.claim.paragraph <= 1)
}

fn first_place(topic: &TopicReport) -> Option<(&str, crate::source::Location)> {
    topic
        .claims
        .first()
        .map(|p| (p.claim.source(), p.claim.location()))
}

/// Keeps one claim per source and stated interval: the first in the file outside its
/// headline, since a sentence of the body says more than the headline that sums it up.
/// Claims come sorted by source, so a repeat can only be among the kept claims of its own
/// source. Those are looked up by where their interval starts, within the tolerance of
/// [`same_number`], so a topic of one huge source costs n log n, not n².
fn dedupe(claims: Vec<Placed>) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::with_capacity(claims.len());
    // Kept claims of the current source by the order key of their first bound.
    let mut kept: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for item in claims {
        if out
            .last()
            .is_some_and(|last| last.claim.source() != item.claim.source())
        {
            kept.clear();
        }
        let at = first_bound(&item.claim);
        let window = 1e-8 * at.abs().max(1.0);
        let repeat = kept
            .range(order_key(at - window)..=order_key(at + window))
            .flat_map(|(_, indexes)| indexes)
            .copied()
            .find(|&k| {
                let kept = &out[k].claim;
                kept.hedge == item.claim.hedge
                    && same_interval(&kept.interval(), &item.claim.interval())
            });
        match repeat {
            None => {
                kept.entry(order_key(at)).or_default().push(out.len());
                out.push(item);
            }
            Some(k) if out[k].claim.paragraph == 0 && item.claim.paragraph > 0 => {
                out[k] = item;
            }
            Some(_) => {}
        }
    }
    out
}

/// The value where a claim's interval starts (its upper bound when it is open below).
fn first_bound(claim: &Claim) -> f64 {
    claim
        .interval()
        .lower_value()
        .or(claim.interval().upper_value())
        .unwrap_or(0.0)
}

/// A key whose order is the order of the values.
fn order_key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Most pairs of claims a topic's pairing may weigh: far more than any real article set
/// gives one topic, far fewer than a topic of a few huge sources would.
const PAIRING_BUDGET: usize = 1 << 20;

/// Above this many sources in a topic, pairing every two sources' claims one to one
/// costs more than it is worth: each distinct figure is compared once instead.
const PAIRWISE_SOURCES: usize = 64;

/// The topic's verdict. For every two sources their claims are paired one to one, the
/// closest figures first, and the worst pair decides. Pairing keeps a topic that counts
/// several things (two parties' seats) from pitting unlike claims against each other:
/// a figure one source gives and the other does not is left unpaired, not compared with
/// the wrong one. When each source gives one figure, or there are very many sources,
/// the distinct figures are compared with each other, which gives the same verdict as
/// pairing (or, past [`PAIRWISE_SOURCES`], a stricter one) at the cost of the number of
/// distinct figures, not of sources.
fn verdict(claims: &[Placed]) -> (Verdict, Option<(usize, usize)>) {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, placed) in claims.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if claims[g.start].claim.source() == placed.claim.source() => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    if groups.len() < 2 {
        return (Verdict::Single, None);
    }
    // Pairing costs the product of each two sources' claim counts; past a budget (a
    // topic of a few huge sources) the distinct figures are compared instead.
    let total: usize = groups.iter().map(ExactSizeIterator::len).sum();
    let pairing_work: usize = groups
        .iter()
        .map(|g| g.len() * (total - g.len()))
        .sum::<usize>()
        / 2;
    if groups.len() > PAIRWISE_SOURCES
        || groups.iter().all(|g| g.len() == 1)
        || pairing_work > PAIRING_BUDGET
    {
        return by_figure(claims);
    }
    let mut worst: Option<(Verdict, (usize, usize))> = None;
    for (n, first) in groups.iter().enumerate() {
        for second in &groups[n + 1..] {
            for (v, pair) in pair_sources(claims, first.clone(), second.clone()) {
                if worst.is_none_or(|w| (v, pair) < w) {
                    worst = Some((v, pair));
                }
            }
        }
    }
    worst.map_or((Verdict::Single, None), |(v, pair)| (v, Some(pair)))
}

/// Compares each distinct figure (interval, hedge, scope) with every other, and a figure
/// given by two sources with itself.
fn by_figure(claims: &[Placed]) -> (Verdict, Option<(usize, usize)>) {
    struct Class<'a> {
        first: usize,
        second_source: Option<usize>,
        sources: std::collections::BTreeSet<&'a str>,
    }
    let mut classes: Vec<Class> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, placed) in claims.iter().enumerate() {
        let c = &placed.claim;
        let key = format!(
            "{:?}|{:?}|{:?}|{}",
            c.hedge,
            c.interval().lower.map(|b| (b.value.to_bits(), b.inclusive)),
            c.interval().upper.map(|b| (b.value.to_bits(), b.inclusive)),
            c.scope().map(normalize).unwrap_or_default()
        );
        let at = *index.entry(key).or_insert_with(|| {
            classes.push(Class {
                first: i,
                second_source: None,
                sources: std::collections::BTreeSet::new(),
            });
            classes.len() - 1
        });
        let class = &mut classes[at];
        if class.sources.insert(c.source()) && class.sources.len() == 2 {
            class.second_source = Some(i);
        }
    }
    let mut worst: Option<(Verdict, (usize, usize))> = None;
    let mut consider = |v: Verdict, a: usize, b: usize| {
        let pair = (a.min(b), a.max(b));
        if worst.is_none_or(|w| (v, pair) < w) {
            worst = Some((v, pair));
        }
    };
    let apart = |a: &Class, b: &Class| !(a.sources.len() == 1 && a.sources == b.sources);
    for a in &classes {
        if let Some(second) = a.second_source {
            consider(Verdict::Agree, a.first, second);
        }
    }
    if classes.len() <= ALL_PAIRS_FIGURES {
        for (n, a) in classes.iter().enumerate() {
            for b in &classes[n + 1..] {
                if apart(a, b) {
                    let v = relate(&claims[a.first].claim, &claims[b.first].claim);
                    consider(v, a.first, b.first);
                }
            }
        }
    } else {
        // Very many distinct figures: compare neighbours in figure order, and the lowest
        // upper bound with the highest lower bound, the pair most likely to conflict.
        let value = |c: &Class| claims[c.first].claim.value;
        let mut order: Vec<&Class> = classes.iter().collect();
        order.sort_by(|a, b| value(a).total_cmp(&value(b)).then(a.first.cmp(&b.first)));
        for pair in order.windows(2) {
            if apart(pair[0], pair[1]) {
                let v = relate(&claims[pair[0].first].claim, &claims[pair[1].first].claim);
                consider(v, pair[0].first, pair[1].first);
            }
        }
        let upper = |c: &&Class| {
            claims[c.first]
                .claim
                .interval()
                .upper_value()
                .unwrap_or(f64::INFINITY)
        };
        let lower = |c: &&Class| {
            claims[c.first]
                .claim
                .interval()
                .lower_value()
                .unwrap_or(f64::NEG_INFINITY)
        };
        let low = order.iter().min_by(|a, b| upper(a).total_cmp(&upper(b)));
        let high = order.iter().max_by(|a, b| lower(a).total_cmp(&lower(b)));
        if let (Some(a), Some(b)) = (low, high) {
            if a.first != b.first && apart(a, b) {
                let v = relate(&claims[a.first].claim, &claims[b.first].claim);
                consider(v, a.first, b.first);
            }
        }
    }
    worst.map_or((Verdict::Single, None), |(v, pair)| (v, Some(pair)))
}

/// Up to this many distinct figures in a topic, every two are compared.
const ALL_PAIRS_FIGURES: usize = 256;

/// One-to-one pairs of two sources' claims, closest figures first, with their verdicts.
fn pair_sources(
    claims: &[Placed],
    left: std::ops::Range<usize>,
    right: std::ops::Range<usize>,
) -> Vec<(Verdict, (usize, usize))> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for i in left {
        for j in right.clone() {
            let (a, b) = (claims[i].claim.value, claims[j].claim.value);
            let gap = (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE);
            candidates.push((gap, i, j));
        }
    }
    candidates.sort_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut used = std::collections::BTreeSet::new();
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if used.contains(&i) || used.contains(&j) {
            continue;
        }
        used.insert(i);
        used.insert(j);
        pairs.push((relate(&claims[i].claim, &claims[j].claim), (i, j)));
    }
    pairs
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_interval(a: &Interval, b: &Interval) -> bool {
    let bound = |x: Option<crate::base::interval::Bound>,
                 y: Option<crate::base::interval::Bound>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => same_number(x.value, y.value) && x.inclusive == y.inclusive,
        _ => false,
    };
    bound(a.lower, b.lower) && bound(a.upper, b.upper)
}

fn normalize(scope: &str) -> String {
    scope
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figures::Hedge;

    /// Compares placed claims, as the analysis hands them over.
    fn compare(placed: Vec<Placed>) -> Vec<TopicReport> {
        let claims: Vec<ClaimInTopic> = placed
            .into_iter()
            .map(|p| (p.claim, Some(p.placement)))
            .collect();
        super::compare(std::slice::from_ref(&claims))
    }

    fn claim(
        source: &str,
        line: usize,
        value: f64,
        interval: Interval,
        hedge: Option<Hedge>,
        scope: Option<&str>,
    ) -> Placed {
        Placed {
            claim: std::sync::Arc::new(Claim::bare(source, line, value, interval, hedge, scope)),
            placement: std::sync::Arc::new(Placement::bare("t", "T")),
        }
    }

    fn exact(source: &str, v: f64) -> Placed {
        claim(source, 1, v, Interval::exact(v), None, None)
    }

    fn more_than(source: &str, v: f64) -> Placed {
        claim(
            source,
            1,
            v,
            Interval::above(v, false),
            Some(Hedge::MoreThan),
            None,
        )
    }

    fn vague(source: &str, unit: f64) -> Placed {
        claim(
            source,
            1,
            2.0 * unit,
            Interval::above(2.0 * unit, true),
            Some(Hedge::Vague),
            None,
        )
    }

    #[test]
    fn a_vague_amount_agrees_with_what_it_holds_and_conflicts_below_it() {
        // "hundreds gathered" and "at least 15,000 were present"; "tens of thousands"
        // and "more than 20,000".
        assert_eq!(
            compare(vec![vague("a", 100.0), more_than("b", 15_000.0)])[0].verdict,
            Verdict::Agree
        );
        assert_eq!(
            compare(vec![vague("a", 10_000.0), exact("b", 25_000.0)])[0].verdict,
            Verdict::Agree
        );
        // Past its unit, a vague amount holds a figure: "hundreds" and 132.
        assert_eq!(
            compare(vec![vague("a", 100.0), exact("b", 132.0)])[0].verdict,
            Verdict::Agree
        );
        // "thousands" against 500: no value satisfies both.
        assert_eq!(
            compare(vec![vague("a", 1_000.0), exact("b", 500.0)])[0].verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn different_exact_figures_conflict() {
        let topics = compare(vec![exact("a", 310.0), exact("b", 317.0)]);
        assert_eq!(topics[0].verdict, Verdict::Conflict);
        let topics = compare(vec![exact("a", 57.0), exact("b", 57.0), exact("c", 55.0)]);
        assert_eq!(topics[0].verdict, Verdict::Conflict);
    }

    #[test]
    fn overlapping_bounds_and_other_hedges_differ() {
        assert_eq!(
            compare(vec![more_than("a", 800.0), more_than("b", 1900.0)])[0].verdict,
            Verdict::Differs
        );
        assert_eq!(
            compare(vec![exact("a", 250.0), more_than("b", 250.0)])[0].verdict,
            Verdict::Differs
        );
        let about = claim(
            "b",
            1,
            100.0,
            Interval::about(100.0),
            Some(Hedge::About),
            None,
        );
        let about_more = claim(
            "a",
            1,
            105.0,
            Interval::about(105.0),
            Some(Hedge::About),
            None,
        );
        assert_eq!(
            compare(vec![about_more, about])[0].verdict,
            Verdict::Differs
        );
    }

    #[test]
    fn a_figure_inside_another_bound_differs_and_one_figure_agrees() {
        // "over 107" and "116" can both be true, but they state different figures.
        assert_eq!(
            compare(vec![more_than("a", 107.0), exact("b", 116.0)])[0].verdict,
            Verdict::Differs
        );
        let as_many_as = claim(
            "b",
            1,
            9000.0,
            Interval::below(9000.0, true),
            Some(Hedge::AtMost),
            None,
        );
        assert_eq!(
            compare(vec![exact("a", 4000.0), as_many_as])[0].verdict,
            Verdict::Differs
        );
        // One figure under hedges that leave room for one value agrees.
        let about = |source: &str| {
            claim(
                source,
                1,
                2300.0,
                Interval::about(2300.0),
                Some(Hedge::About),
                None,
            )
        };
        assert_eq!(
            compare(vec![exact("a", 2300.0), about("b")])[0].verdict,
            Verdict::Agree
        );
        let nearly = claim(
            "a",
            1,
            40.0,
            Interval::nearly(40.0),
            Some(Hedge::Nearly),
            None,
        );
        let about_forty = claim(
            "b",
            1,
            40.0,
            Interval::about(40.0),
            Some(Hedge::About),
            None,
        );
        assert_eq!(
            compare(vec![nearly, about_forty])[0].verdict,
            Verdict::Agree
        );
        // "400" and "more than 400": one figure, a hedge that rules the other out.
        assert_eq!(
            compare(vec![exact("a", 400.0), more_than("b", 400.0)])[0].verdict,
            Verdict::Differs
        );
        assert_eq!(
            compare(vec![more_than("a", 600.0), exact("b", 430.0)])[0].verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn figures_equal_after_the_rounding_of_their_scale_word_agree() {
        let mut rounded = exact("a", 1_200_000.0);
        std::sync::Arc::make_mut(&mut rounded.claim).rounding = 50_000.0;
        assert_eq!(
            compare(vec![rounded.clone(), exact("b", 1_213_000.0)])[0].verdict,
            Verdict::Agree
        );
        assert_eq!(
            compare(vec![rounded, exact("b", 1_260_000.0)])[0].verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn an_agreeing_source_never_worsens_a_verdict() {
        let two = compare(vec![exact("a", 57.0), exact("b", 57.0)])[0].verdict;
        let three = compare(vec![exact("a", 57.0), exact("b", 57.0), exact("c", 57.0)])[0].verdict;
        assert_eq!(two, three);
        let differs = compare(vec![more_than("a", 107.0), exact("b", 116.0)])[0].verdict;
        let more = compare(vec![
            more_than("a", 107.0),
            exact("b", 116.0),
            exact("c", 116.0),
        ])[0]
            .verdict;
        assert_eq!(differs, more);
    }

    #[test]
    fn different_scopes_soften_a_conflict() {
        let a = claim("a", 1, 69.0, Interval::exact(69.0), None, Some("on Monday"));
        let b = claim(
            "b",
            1,
            72.0,
            Interval::exact(72.0),
            None,
            Some("over the weekend"),
        );
        assert_eq!(compare(vec![a, b])[0].verdict, Verdict::Differs);
        let a = claim("a", 1, 69.0, Interval::exact(69.0), None, Some("on Monday"));
        let b = claim(
            "b",
            1,
            72.0,
            Interval::exact(72.0),
            None,
            Some("On  Monday"),
        );
        assert_eq!(compare(vec![a, b])[0].verdict, Verdict::Conflict);
    }

    #[test]
    fn same_figures_agree_and_one_source_is_single() {
        assert_eq!(
            compare(vec![exact("a", 37.0), exact("b", 37.0)])[0].verdict,
            Verdict::Agree
        );
        let topics = compare(vec![exact("a", 68.0), exact("a", 68.0), exact("a", 12.0)]);
        assert_eq!(topics[0].verdict, Verdict::Single);
        assert_eq!(topics[0].claims.len(), 2, "the repeat is one claim");
    }

    #[test]
    fn figures_pair_one_to_one_with_their_closest_counterparts() {
        // Two parties' seats in one topic: every figure has its match elsewhere.
        let topics = compare(vec![
            exact("a", 42.0),
            exact("a", 23.0),
            exact("b", 23.0),
            exact("b", 42.0),
        ]);
        assert_eq!(topics[0].verdict, Verdict::Agree);
        // A figure the other source does not give is left unpaired.
        let topics = compare(vec![exact("a", 42.0), exact("b", 42.0), exact("b", 23.0)]);
        assert_eq!(topics[0].verdict, Verdict::Agree);
        // A figure nobody else comes near still conflicts.
        let topics = compare(vec![
            exact("a", 42.0),
            exact("a", 23.0),
            exact("b", 42.0),
            exact("b", 25.0),
        ]);
        assert_eq!(topics[0].verdict, Verdict::Conflict);
    }

    fn in_topic(mut placed: Placed, id: &str) -> Placed {
        let placement = std::sync::Arc::make_mut(&mut placed.placement);
        placement.id = id.to_string();
        // Labels sort against importance, so an alphabetical order would show.
        placement.label = format!("A label for {id}");
        placed
    }

    fn order(topics: &[TopicReport]) -> Vec<&str> {
        topics.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn topics_come_most_important_first_never_by_label() {
        // A conflict of 2% leads a difference of 60%.
        let topics = compare(vec![
            in_topic(more_than("a", 1000.0), "b-differs"),
            in_topic(more_than("b", 2500.0), "b-differs"),
            in_topic(exact("a", 100.0), "z-conflict"),
            in_topic(exact("b", 102.0), "z-conflict"),
        ]);
        assert_eq!(order(&topics), ["z-conflict", "b-differs"]);
        // Within a verdict, the wider gap first: 180 against 189 before 69 against 70.
        let topics = compare(vec![
            in_topic(exact("a", 69.0), "a-narrow"),
            in_topic(exact("b", 70.0), "a-narrow"),
            in_topic(exact("a", 180.0), "b-wide"),
            in_topic(exact("b", 189.0), "b-wide"),
        ]);
        assert_eq!(order(&topics), ["b-wide", "a-narrow"]);
        // The same gap: the topic more sources give first.
        let topics = compare(vec![
            in_topic(exact("a", 10.0), "a-two"),
            in_topic(exact("b", 20.0), "a-two"),
            in_topic(exact("a", 30.0), "b-three"),
            in_topic(exact("b", 60.0), "b-three"),
            in_topic(exact("c", 60.0), "b-three"),
        ]);
        assert_eq!(order(&topics), ["b-three", "a-two"]);
        // Then the one with a figure in a headline or first paragraph.
        let mut headline = exact("c", 60.0);
        std::sync::Arc::make_mut(&mut headline.claim).paragraph = 0;
        let body = |source: &str, v: f64| {
            let mut placed = exact(source, v);
            std::sync::Arc::make_mut(&mut placed.claim).paragraph = 5;
            placed
        };
        let topics = compare(vec![
            in_topic(body("a", 10.0), "a-body"),
            in_topic(body("b", 20.0), "a-body"),
            in_topic(body("a", 30.0), "b-headline"),
            in_topic(headline, "b-headline"),
        ]);
        assert_eq!(order(&topics), ["b-headline", "a-body"]);
    }

    fn dated(source: &str, v: f64, day: u8) -> Placed {
        let mut placed = exact(source, v);
        let claim = std::sync::Arc::make_mut(&mut placed.claim);
        claim.origin = std::sync::Arc::new(crate::extract::claims::Origin {
            path: claim.source().into(),
            language: claim.language(),
            written: Some(crate::base::calendar::day_number(2024, 7, day)),
            paragraphs: std::sync::Arc::clone(&claim.origin.paragraphs),
        });
        placed
    }

    #[test]
    fn figures_of_several_days_are_listed_by_day_with_their_trend() {
        let topics = compare(vec![
            dated("a", 116.0, 3),
            dated("b", 50.0, 2),
            dated("c", 121.0, 4),
        ]);
        let timeline = topics[0].timeline.as_ref().expect("three days");
        assert_eq!(timeline.trend, Trend::Rising);
        assert_eq!(
            timeline.latest,
            crate::base::calendar::day_number(2024, 7, 4)
        );
        let values: Vec<f64> = topics[0].claims.iter().map(|p| p.claim.value).collect();
        assert_eq!(values, [50.0, 116.0, 121.0]);
        // The deciding pair follows its claims to their new places.
        let (i, j) = topics[0].deciding.expect("a conflict");
        // Sources a (116) and b (50) were the first pair found in conflict.
        assert_eq!(
            [
                topics[0].claims[i].claim.figure(),
                topics[0].claims[j].claim.figure()
            ],
            ["50", "116"]
        );
        let falling = compare(vec![dated("a", 30.0, 2), dated("b", 20.0, 3)]);
        assert_eq!(falling[0].timeline.as_ref().unwrap().trend, Trend::Falling);
        let mixed = compare(vec![
            dated("a", 30.0, 2),
            dated("b", 20.0, 3),
            dated("c", 40.0, 4),
        ]);
        assert_eq!(mixed[0].timeline.as_ref().unwrap().trend, Trend::Mixed);
        // A day on which a source still gives the earlier figure is no rise.
        let lagging = compare(vec![
            dated("a", 30.0, 2),
            dated("b", 30.0, 3),
            dated("c", 40.0, 3),
        ]);
        assert_eq!(lagging[0].timeline.as_ref().unwrap().trend, Trend::Mixed);
        let steady = compare(vec![dated("a", 30.0, 2), dated("b", 30.0, 3)]);
        assert_eq!(steady[0].timeline.as_ref().unwrap().trend, Trend::Steady);
        // One day, or none: no timeline, and claims stay in source order.
        let one_day = compare(vec![dated("b", 30.0, 2), dated("a", 20.0, 2)]);
        assert!(one_day[0].timeline.is_none());
        assert_eq!(one_day[0].claims[0].claim.source(), "a");
    }

    #[test]
    fn order_of_input_does_not_change_the_result() {
        let forward = compare(vec![exact("a", 1.0), exact("b", 2.0), exact("c", 1.0)]);
        let backward = compare(vec![exact("c", 1.0), exact("b", 2.0), exact("a", 1.0)]);
        let sources = |t: &[TopicReport]| {
            t[0].claims
                .iter()
                .map(|p| p.claim.source().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(sources(&forward), sources(&backward));
        assert_eq!(forward[0].deciding, backward[0].deciding);
    }
}
