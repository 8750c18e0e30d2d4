//! The base layer: what every stage leans on and that knows nothing of any stage. Tokens,
//! intervals, the language's word lists, morphology, number formatting, errors and
//! buffers cut to size.

pub mod calendar;
pub mod controls;
pub mod diagnostics;
pub mod error;
pub mod exact;
pub mod interval;
pub mod lang;
pub mod morphology;
pub mod numbers;
pub mod span;
pub mod tokens;
pub mod words;
