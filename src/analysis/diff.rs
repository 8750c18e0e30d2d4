//! The `diff` policy: which topics a report shows and what its exit code is. Topics are
//! selected by id (a topic names its sub-topics too), findings an editor has reviewed
//! are hidden by the baseline, and `--fail-on` turns what remains into an exit code: 0
//! when nothing fails, 1 when something does.

use std::path::Path;

use serde::Deserialize;

use crate::base::error::Error;
use crate::compare::{TopicReport, Verdict};
use crate::topics;

use super::baseline::Baseline;
use super::Analysis;

/// Which verdict makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Conflict,
    Differs,
    Never,
}

impl FailOn {
    /// The names users write, in the order they are listed.
    pub const NAMES: [&'static str; 3] = ["conflict", "differs", "never"];

    pub fn from_name(name: &str) -> Option<FailOn> {
        match name {
            "conflict" => Some(FailOn::Conflict),
            "differs" => Some(FailOn::Differs),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }

    fn fails(self, verdict: Verdict) -> bool {
        match self {
            FailOn::Conflict => verdict == Verdict::Conflict,
            FailOn::Differs => verdict.is_disagreement(),
            FailOn::Never => false,
        }
    }
}

/// The topics asked for.
pub struct Selection<'a> {
    /// The analysis's topics that match, in its order.
    pub topics: Vec<&'a TopicReport>,
    /// Ids asked for that match no topic of the analysis.
    pub unknown: Vec<&'a str>,
}

/// The topics whose ids are asked for, or their sub-topics; every topic when none is.
pub fn select<'a>(analysis: &'a Analysis, wanted: &'a [String]) -> Selection<'a> {
    let matches = |name: &str, topic: &TopicReport| topics::names_topic(name, &topic.id);
    Selection {
        topics: analysis
            .topics
            .iter()
            .filter(|t| wanted.is_empty() || wanted.iter().any(|w| matches(w, t)))
            .collect(),
        unknown: wanted
            .iter()
            .filter(|w| !analysis.topics.iter().any(|t| matches(w, t)))
            .map(String::as_str)
            .collect(),
    }
}

/// The selected topics with the disagreements a baseline knows taken out, and how many
/// were.
pub fn hide_known<'a>(
    selected: Vec<&'a TopicReport>,
    baseline: Option<&Baseline>,
) -> (Vec<&'a TopicReport>, usize) {
    let known =
        |t: &TopicReport| t.verdict.is_disagreement() && baseline.is_some_and(|b| b.knows(t));
    let hidden = selected.iter().filter(|t| known(t)).count();
    let remaining = selected.into_iter().filter(|t| !known(t)).collect();
    (remaining, hidden)
}

/// 1 when a remaining topic fails under `fail_on`, or a check found something and
/// differences fail; 0 otherwise.
pub fn exit_code(remaining: &[&TopicReport], analysis: &Analysis, fail_on: FailOn) -> u8 {
    // A failed check is a difference an editor must look at, not a hard contradiction.
    let checks_fail = !analysis.checks.is_empty() && fail_on == FailOn::Differs;
    u8::from(remaining.iter().any(|t| fail_on.fails(t.verdict)) || checks_fail)
}

/// Writes the disagreements among `topics` as a baseline, keeping the notes the file
/// already had. Returns how many findings it holds.
pub fn write_baseline(path: &Path, topics: &[&TopicReport]) -> Result<usize, Error> {
    let previous = if path.exists() {
        Some(Baseline::load(path)?)
    } else {
        None
    };
    let findings: Vec<&TopicReport> = topics
        .iter()
        .copied()
        .filter(|t| t.verdict.is_disagreement())
        .collect();
    let baseline = Baseline::of(&findings, previous.as_ref());
    std::fs::write(path, baseline.to_toml()).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(findings.len())
}
