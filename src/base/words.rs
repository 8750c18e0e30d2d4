//! Word lists as sets. Extraction asks its lists about nearly every word of every
//! sentence, and a linear search of a hundred words was a measurable part of the run.
//! A long list is a hash set built on first use, so it costs nothing until it is asked;
//! a short one is looked up by a `match` that `build.rs` writes, as fast as the literal
//! comparisons it replaces.

use std::fmt;

/// A word list, in its data file's order, searched as a set; with the words its data
/// file gives as examples of what it must and must not hold, which a test checks.
pub struct WordSet {
    words: &'static [&'static str],
    examples: &'static [&'static str],
    counter_examples: &'static [&'static str],
    /// A short list's generated lookup: a word's first place in the list.
    matched: Option<fn(&str) -> Option<usize>>,
    /// A long list's words and their first places, made on first use.
    set: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, usize>>,
}

impl WordSet {
    pub const fn new(
        words: &'static [&'static str],
        examples: &'static [&'static str],
        counter_examples: &'static [&'static str],
    ) -> Self {
        WordSet {
            words,
            examples,
            counter_examples,
            matched: None,
            set: std::sync::OnceLock::new(),
        }
    }

    /// A short list, looked up by `matched`, which gives each word's first place.
    pub const fn matched(
        words: &'static [&'static str],
        examples: &'static [&'static str],
        counter_examples: &'static [&'static str],
        matched: fn(&str) -> Option<usize>,
    ) -> Self {
        WordSet {
            words,
            examples,
            counter_examples,
            matched: Some(matched),
            set: std::sync::OnceLock::new(),
        }
    }

    fn set(&self) -> &rustc_hash::FxHashMap<&'static str, usize> {
        self.set.get_or_init(|| {
            let mut set = rustc_hash::FxHashMap::default();
            for (i, word) in self.words.iter().enumerate() {
                set.entry(*word).or_insert(i);
            }
            set
        })
    }

    pub fn contains(&self, word: &str) -> bool {
        self.position(word).is_some()
    }

    /// Where a word first stands in the list: what a number word is worth.
    pub fn position(&self, word: &str) -> Option<usize> {
        match self.matched {
            Some(matched) => matched(word),
            None => self.set().get(word).copied(),
        }
    }

    /// The words in their data file's order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Words the list must hold.
    pub fn examples(&self) -> &'static [&'static str] {
        self.examples
    }

    /// Words the list must not hold.
    pub fn counter_examples(&self) -> &'static [&'static str] {
        self.counter_examples
    }
}

impl fmt::Debug for WordSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WordSet({} words)", self.words.len())
    }
}
