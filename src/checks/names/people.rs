//! People's names: two spellings of one name ("José Ramos", "Jose Ramoz") among the
//! names that title mentions give.

use std::collections::BTreeMap;

use super::super::{Detail, Finding, Mention};
use super::plain;
use super::titles::Found;

/// Names that differ only by a letter or a diacritic.
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
    let mut out = Vec::new();
    for (n, left) in names.iter().enumerate() {
        let (first, words, length) = shape(left);
        for right in &names[n + 1..] {
            let (first_r, words_r, length_r) = shape(right);
            if first_r != first || words_r != words || length_r > length + 2 {
                break;
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
    }
    out
}
