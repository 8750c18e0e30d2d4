//! Word lists as sets. Extraction asks its lists about nearly every word of every
//! sentence, and a linear search of a hundred words was a measurable part of the run;
//! the set is built on first use, so a list costs nothing until it is asked.

use std::fmt;

/// A word list, in its data file's order, searched as a set; with the words its data
/// file gives as examples of what it must and must not hold, which a test checks.
pub struct WordSet {
    words: &'static [&'static str],
    examples: &'static [&'static str],
    counter_examples: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
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
            set: std::sync::OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
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
