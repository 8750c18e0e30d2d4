//! Names and titles: one person given different ranks by two sources, spelling variants
//! of one name, and title words that look misspelt.
//!
//! A mention is a run of capitalised words made of a title (rank and office words from
//! the rule files' `[titles]`, joined by "of", "the", "and") followed by a name of two to
//! four other capitalised words: "Permanent Deputy Minister of Foreign Affairs Anna
//! Maria Lind". A name without a title is never compared, and titles are compared by their
//! ranks only, so "Deputy Foreign Minister" and "Deputy Minister of Foreign Affairs" are
//! the same title in other words.
//!
//! [`titles`] finds title mentions and compares one person's titles, [`people`] compares
//! the spellings of names, [`organizations`] the names of organisations; this module
//! holds what they share: how a sentence is cut into capitalised words.

mod organizations;
mod people;
mod titles;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::rules::TitleWords;
use crate::source::Source;

use super::Finding;

/// Lower case with diacritics dropped: "António" and "Antonio" compare equal.
fn plain(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Words of a sentence with their byte ranges.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// True when only spaces stand between a word and the next offset.
fn only_spaces(body: &str, previous: (usize, &str), next: usize) -> bool {
    body[previous.0 + previous.1.len()..next]
        .chars()
        .all(|c| c == ' ')
}

/// Checks every source for title mentions, misspelt title words and name variants.
pub fn check(sources: &[Source], titles: &TitleWords) -> Vec<Finding> {
    if titles.ranks.is_empty() {
        return Vec::new();
    }
    let per_source: Vec<(Vec<titles::Found>, Vec<Finding>)> = sources
        .par_iter()
        .map(|source| titles::titles_in(source, titles))
        .collect();
    let mut found: Vec<titles::Found> = Vec::new();
    let mut checks = Vec::new();
    for (mentions, misspelt) in per_source {
        found.extend(mentions);
        checks.extend(misspelt);
    }
    checks.extend(titles::titles_differ(&found, titles));
    checks.extend(people::names_differ(&found));
    checks.extend(organizations::organizations_differ(sources, titles));
    checks
}
