//! Checks: discrepancies that are not one figure against another. Parts that do not add
//! up to their stated total, one person's name or title given differently, a misspelt
//! title, and dates that contradict each other. They run beside the figure topics and
//! are reported in every format.
//!
//! A check finds [`Finding`]s as data: what kind of discrepancy, the claims and wordings
//! involved, and the facts that make it one. The words that tell an editor about it are
//! the report's (`report::messages`), so each printer lays a finding out its own way.
//! [`REGISTRY`] lists the checks, by the names the library and the command line share.

pub mod dates;
pub mod names;
pub mod sums;

use serde::{Deserialize, Serialize};

use crate::base::interval::Interval;
use crate::extract::claims::Claim;
use crate::rules::TitleWords;
use crate::source::{Location, Source};
use crate::topics::ClaimInTopic;

/// A check, by the name `--skip-check` and `skip_checks` give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckName {
    Sums,
    Names,
    Dates,
}

/// What the checks read: the articles, their claims with topics, and the title words.
pub struct Input<'a> {
    pub sources: &'a [Source],
    /// Each source's claims, in file order (see `analysis::Analysis::claims`).
    pub claims: &'a [Vec<ClaimInTopic>],
    pub titles: &'a TitleWords,
}

/// One check of the registry.
pub struct Check {
    pub name: CheckName,
    /// The name as users write it.
    pub id: &'static str,
    pub run: fn(&Input) -> Vec<Finding>,
}

/// Every check, in the order users see them listed.
pub const REGISTRY: &[Check] = &[
    Check {
        name: CheckName::Sums,
        id: "sums",
        run: |input| sums::check(input.claims),
    },
    Check {
        name: CheckName::Names,
        id: "names",
        run: |input| names::check(input.sources, input.titles),
    },
    Check {
        name: CheckName::Dates,
        id: "dates",
        run: |input| dates::check(input.sources),
    },
];

impl CheckName {
    /// The check a user's name stands for.
    pub fn from_id(id: &str) -> Option<CheckName> {
        REGISTRY
            .iter()
            .find(|check| check.id == id)
            .map(|check| check.name)
    }
}

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
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

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Sum => "sum",
            FindingKind::Date => "date",
            FindingKind::Title => "title",
            FindingKind::Name => "name",
            FindingKind::Spelling => "spelling",
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
pub struct Finding {
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
    /// What makes it a discrepancy.
    pub detail: Detail,
}

/// A day of a year whose year is not known: month (0 for January) and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub month: usize,
    pub day: u32,
}

/// A title one person is given, where it is first given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleGiven {
    pub title: String,
    pub source: String,
    pub line: usize,
}

/// The facts of a finding, by kind.
#[derive(Debug, Clone)]
pub enum Detail {
    /// The parts ([`Finding::claims`]) add up to `sum`, which misses the total their own
    /// source states ([`Finding::total`]).
    SumMissesTotal { sum: Interval },
    /// The parts, in a source that states no exact total, add up to `sum`, which no
    /// other source's total meets: `totals` lists the first few of them, and `unlisted`
    /// counts the rest.
    SumMissesOtherTotals {
        sum: Interval,
        totals: Vec<Claim>,
        unlisted: usize,
    },
    /// `said` is given as `relation` (as written: "one day before") `anchor`, but the
    /// calendar puts it `gap` days after it (before, when negative).
    RelativeDate {
        said: Day,
        relation: String,
        anchor: Day,
        gap: i64,
    },
    /// Sources date one event ("the treaty ... signed on") on days that do not meet;
    /// the dates are the mentions.
    EventDates { noun: String, verb: String },
    /// A title word (`word`) that looks meant to be `meant`; the wording is the mention.
    MisspeltTitle { word: String, meant: String },
    /// One person given titles that share a rank and differ in another.
    Titles {
        name: String,
        titles: Vec<TitleGiven>,
    },
    /// Two spellings of one person's name.
    PersonName { first: String, second: String },
    /// One organisation named two ways; the names are the mentions' wordings.
    OrganizationName,
}

impl Finding {
    pub fn kind(&self) -> FindingKind {
        match self.detail {
            Detail::SumMissesTotal { .. } | Detail::SumMissesOtherTotals { .. } => FindingKind::Sum,
            Detail::RelativeDate { .. } | Detail::EventDates { .. } => FindingKind::Date,
            Detail::MisspeltTitle { .. } => FindingKind::Spelling,
            Detail::Titles { .. } => FindingKind::Title,
            Detail::PersonName { .. } | Detail::OrganizationName => FindingKind::Name,
        }
    }
}

/// Runs every check of the registry but the skipped ones. Findings come sorted by kind,
/// source and place.
pub fn run(input: &Input, skipped: &[CheckName]) -> Vec<Finding> {
    let mut found: Vec<Finding> = REGISTRY
        .iter()
        .filter(|check| !skipped.contains(&check.name))
        .flat_map(|check| (check.run)(input))
        .collect();
    found.sort_by(|a, b| {
        (a.kind(), &a.source, first_mention(a)).cmp(&(b.kind(), &b.source, first_mention(b)))
    });
    found
}

/// Where a finding's first mention stands, for ordering findings.
fn first_mention(finding: &Finding) -> Option<(&str, Location)> {
    finding
        .mentions
        .first()
        .map(|m| (m.source.as_str(), m.location))
}

/// A claim's wording and place, as a mention.
pub fn mention_of(claim: &Claim) -> Mention {
    Mention {
        source: claim.source().to_string(),
        location: claim.location(),
        quote: claim.quote().to_string(),
    }
}
