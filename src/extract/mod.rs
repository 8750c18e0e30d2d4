//! Extraction: every claim of a sentence. [`figures`] finds the numbers that count or
//! measure something and their hedges, [`nouns`] what each counts and what happened to
//! it, [`scope`] the time or place that bounds it, and [`claims`] puts them together.

pub mod claims;
pub mod figures;
pub mod frame;
mod hedges;
mod non_claims;
pub mod nouns;
pub mod scope;
pub mod view;
