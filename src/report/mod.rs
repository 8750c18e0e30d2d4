//! Report: prints an analysis for people (a table) or for programs (JSON).
//!
//! Printers write to any `io::Write`, so tests print into a `Vec<u8>`; they never decide
//! the exit code, which is the binary's business.

pub mod explain;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod messages;
pub mod table;

use crate::compare::{TopicReport, Verdict};
use crate::extract::claims::Claim;

/// Counts of topics by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub conflict: usize,
    pub differs: usize,
    pub agree: usize,
    pub single: usize,
}

impl Summary {
    /// "3 conflict, 2 differ, 9 agree, 8 single-source", for every report's heading.
    pub fn counts(&self) -> String {
        format!(
            "{} conflict, {} differ, {} agree, {} single-source",
            self.conflict, self.differs, self.agree, self.single
        )
    }

    pub fn of<'a>(topics: impl IntoIterator<Item = &'a TopicReport>) -> Summary {
        let mut s = Summary::default();
        for topic in topics {
            match topic.verdict {
                Verdict::Conflict => s.conflict += 1,
                Verdict::Differs => s.differs += 1,
                Verdict::Agree => s.agree += 1,
                Verdict::Single => s.single += 1,
            }
        }
        s
    }
}

/// A place as editors and tools read it: `file:line:col`.
pub fn place(source: &str, location: crate::source::Location) -> String {
    format!("{source}:{}:{}", location.line, location.column)
}

/// The claim's sentence cut to about `width` characters around its wording, with the
/// wording marked by `open` and `close`.
pub fn excerpt(claim: &Claim, width: usize, open: &str, close: &str) -> String {
    let sentence: &str = &claim.sentence;
    let Some(at) = sentence.find(&claim.quote) else {
        return format!("{open}{}{close}", claim.quote);
    };
    let before: Vec<char> = sentence[..at].chars().collect();
    let after: Vec<char> = sentence[at + claim.quote.len()..].chars().collect();
    let room = width.saturating_sub(claim.quote.chars().count()) / 2;
    let (lead, cut_lead) = if before.len() > room {
        (
            before[before.len() - room..].iter().collect::<String>(),
            true,
        )
    } else {
        (before.iter().collect(), false)
    };
    let (tail, cut_tail) = if after.len() > room {
        (after[..room].iter().collect::<String>(), true)
    } else {
        (after.iter().collect(), false)
    };
    format!(
        "{}{lead}{open}{}{close}{tail}{}",
        if cut_lead { "…" } else { "" },
        claim.quote,
        if cut_tail { "…" } else { "" }
    )
}
