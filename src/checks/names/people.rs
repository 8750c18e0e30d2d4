//! People's names: two spellings of one name ("José Ramos", "Jose Ramoz") among the
//! names that title mentions give.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::super::{Detail, Finding, Mention};
use super::plain;
use super::titles::Found;

/// A spelling and each spelling with one letter left out.
fn one_letter_out(plain: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(plain.to_string());
    for &(at, c) in &chars {
        let mut variant = String::with_capacity(plain.len());
        variant.push_str(&plain[..at]);
        variant.push_str(&plain[at + c.len_utf8()..]);
        out.push(variant);
    }
    out
}

/// Names that differ only by a letter (one changed, added, dropped, or two neighbours
/// swapped) or a diacritic.
pub(super) fn names_differ(found: &[Found]) -> Vec<Finding> {
    let mut spellings: BTreeMap<String, Vec<&Found>> = BTreeMap::new();
    for f in found {
        spellings.entry(f.name.join(" ")).or_default().push(f);
    }
    // Only names with the same first letter, word count and about the same length can
    // be one name spelt two ways: compare within those groups, in length order.
    let mut names: Vec<(&String, String)> = spellings.keys().map(|n| (n, plain(n))).collect();
    let shape = |(name, plain): &(&String, String)| {
        (
            plain.chars().next(),
            name.split(' ').count(),
            plain.chars().count(),
        )
    };
    names.sort_by(|a, b| shape(a).cmp(&shape(b)).then(a.0.cmp(b.0)));
    // Two spellings one letter apart share a spelling with one letter left out (or
    // are that spelling): index every name by those, and weigh only the names that
    // share one, instead of every two names of a shape.
    let mut by_variant: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (n, (_, plain)) in names.iter().enumerate() {
        for variant in one_letter_out(plain) {
            by_variant.entry(variant).or_default().push(n);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for members in by_variant.values() {
        for (k, &n) in members.iter().enumerate() {
            for &m in &members[k + 1..] {
                if n != m {
                    pairs.insert((n.min(m), n.max(m)));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (n, m) in pairs {
        let (left, right) = (&names[n], &names[m]);
        let (first, words, length) = shape(left);
        let (first_r, words_r, length_r) = shape(right);
        if first_r != first || words_r != words || length_r > length + 2 {
            continue;
        }
        let (a, b) = (left.0, right.0);
        let (pa, pb) = (&left.1, &right.1);
        let close = pa == pb || strsim::normalized_damerau_levenshtein(pa, pb) >= 0.9;
        if !close {
            continue;
        }
        let mentions: Vec<Mention> = spellings[a]
            .iter()
            .chain(&spellings[b])
            .map(|f| f.mention.clone())
            .collect();
        out.push(Finding {
            source: mentions[0].source.clone(),
            cross_source: true,
            claims: Vec::new(),
            total: None,
            mentions,
            detail: Detail::PersonName {
                first: a.clone(),
                second: b.clone(),
            },
        });
    }
    out
}
