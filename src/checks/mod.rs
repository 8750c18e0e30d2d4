//! Checks: discrepancies that are not one figure against another. Parts that do not add
//! up to their stated total, one person's name or title given differently, a misspelt
//! title, and dates that contradict each other. They run beside the figure topics and
//! are reported in every format.

pub mod dates;
pub mod names;
pub mod sums;

use serde::Serialize;

use crate::claims::Claim;
use crate::rules::TitleWords;
use crate::source::{Location, Source};
use crate::ClaimInTopic;

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Parts that do not add up to their total.
    Sum,
    /// Dates that contradict each other.
    Date,
    /// One person given different titles.
    Title,
    /// Spelling variants of one name.
    Name,
    /// A title word that looks misspelt.
    Spelling,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Sum => "sum",
            Kind::Date => "date",
            Kind::Title => "title",
            Kind::Name => "name",
            Kind::Spelling => "spelling",
        }
    }
}

/// A place in a source and the words there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub source: String,
    pub location: Location,
    pub quote: String,
}

/// One finding of a check.
#[derive(Debug, Clone)]
pub struct Check {
    pub kind: Kind,
    /// The source the finding is about (the first, when it spans several).
    pub source: String,
    /// True when it sets one source against another.
    pub cross_source: bool,
    /// For sums: the parts.
    pub claims: Vec<Claim>,
    /// For sums: the stated total.
    pub total: Option<Claim>,
    /// Every wording involved, with its place.
    pub mentions: Vec<Mention>,
    pub message: String,
}

/// Which checks run.
#[derive(Debug, Clone, Copy)]
pub struct Enabled {
    pub sums: bool,
    pub names: bool,
    pub dates: bool,
}

impl Default for Enabled {
    fn default() -> Self {
        Enabled {
            sums: true,
            names: true,
            dates: true,
        }
    }
}

/// Runs the enabled checks. Findings come sorted by kind, source and place.
pub fn run(
    sources: &[Source],
    claims: &[ClaimInTopic],
    titles: &TitleWords,
    enabled: Enabled,
) -> Vec<Check> {
    let mut found = Vec::new();
    if enabled.sums {
        found.extend(sums::check(claims));
    }
    if enabled.dates {
        found.extend(dates::check(sources));
    }
    if enabled.names {
        found.extend(names::check(sources, titles));
    }
    found.sort_by(|a, b| (a.kind, &a.source, place(a)).cmp(&(b.kind, &b.source, place(b))));
    found
}

/// Where a finding's first mention stands, for ordering findings.
fn place(check: &Check) -> Option<(&str, Location)> {
    check
        .mentions
        .first()
        .map(|m| (m.source.as_str(), m.location))
}

/// A claim's wording and place, as a mention.
pub fn mention_of(claim: &Claim) -> Mention {
    Mention {
        source: claim.source.clone(),
        location: claim.location,
        quote: claim.quote.clone(),
    }
}
