//! hcx: checks several news articles about one event against each other and reports
//! every figure on which the sources disagree.
//!
//! The modules are layers, each using only the ones listed before it (a test,
//! `tests/layers.rs`, holds them to it):
//!
//! - [`base`]: tokens, intervals, word lists, morphology, number formatting, errors.
//! - [`source`]: finds the article files and reads each into paragraphs.
//! - [`sentences`]: splits a paragraph into sentences.
//! - [`extract`]: finds every claim of a sentence: figure, hedge, counted noun, scope,
//!   and its frame (which part, where, whose, when).
//! - [`event`]: what a set of articles shares: its days, its places, its owners' names.
//! - [`rules`]: loads and validates the topic rule files.
//! - [`topics`]: puts each claim under a topic, by the rules or by automatic grouping.
//! - [`compare`]: gives each topic its verdict.
//! - [`checks`]: sums, names, titles and dates that do not square.
//! - [`analysis`]: runs the stages over a set of articles; the `diff` policy.
//! - [`report`]: prints an analysis as a table, JSON, Markdown, annotations or HTML.
//! - [`app`]: the commands, from options to output; the binary's one call.

pub mod analysis;
pub mod app;
pub mod base;
pub mod checks;
pub mod compare;
pub mod event;
pub mod extract;
pub mod report;
pub mod rules;
pub mod sentences;
pub mod source;
pub mod topics;

pub use analysis::{
    analyze, analyze_with, read, stream_claims, Analysis, Corpus, Frames, ReadOptions,
};
pub use base::error::Error;
