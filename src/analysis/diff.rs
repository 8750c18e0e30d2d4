//! The `diff` policy: which topics a report shows and what its exit code is. Topics are
//! selected by id (a topic names its sub-topics too), findings an editor has reviewed
//! (topics' and checks' alike) are hidden by the baseline, and `--fail-on` turns what remains into an exit code: 0
//! when nothing fails, 1 when something does.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::base::error::Error;
use crate::checks::Finding;
use crate::compare::{TopicReport, Verdict};
use crate::topics;

use super::baseline::{self, Baseline};
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

/// The topics whose ids are asked for, or their sub-topics; every topic when none is.
/// An id that names no topic of the analysis is an error naming the nearest ones: a
/// report of nothing would pass as a report of no disagreement.
pub fn select<'a>(
    analysis: &'a Analysis,
    wanted: &[String],
) -> Result<Vec<&'a TopicReport>, Error> {
    let matches = |name: &str, topic: &TopicReport| topics::names_topic(name, &topic.id);
    if let Some(unknown) = wanted
        .iter()
        .find(|w| !analysis.topics.iter().any(|t| matches(w, t)))
    {
        return Err(unknown_topic(analysis, unknown));
    }
    Ok(analysis
        .topics
        .iter()
        .filter(|t| wanted.is_empty() || wanted.iter().any(|w| matches(w, t)))
        .collect())
}

/// The error for a topic name the analysis has no topic for.
pub fn unknown_topic(analysis: &Analysis, name: &str) -> Error {
    Error::UnknownTopic {
        topic: name.to_string(),
        nearest: topics::nearest(name, analysis.topics.iter().map(|t| t.id.as_str()), 3),
    }
}

/// A finding shown again because its figures changed since the editor wrote a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopened {
    /// The topic id, or the check's kind and files ("sum check in a.txt").
    pub finding: String,
    /// The note, marked with [`baseline::CHANGED`](super::baseline::CHANGED).
    pub note: String,
}

/// What a baseline leaves of a report.
pub struct Reviewed<'a> {
    /// The selected topics less the disagreements the baseline knows.
    pub topics: Vec<&'a TopicReport>,
    /// The checks' findings less those the baseline knows.
    pub findings: Cow<'a, [Finding]>,
    /// Known findings hidden, topics and checks together.
    pub hidden: usize,
    /// Findings shown again whose figures changed since their note.
    pub reopened: Vec<Reopened>,
}

/// The selected topics and the checks' findings with what a baseline knows taken out,
/// how many were, and the notes of findings whose figures changed since.
pub fn review<'a>(
    selected: Vec<&'a TopicReport>,
    findings: &'a [Finding],
    baseline: Option<&Baseline>,
) -> Reviewed<'a> {
    let Some(baseline) = baseline else {
        return Reviewed {
            topics: selected,
            findings: Cow::Borrowed(findings),
            hidden: 0,
            reopened: Vec::new(),
        };
    };
    let known = |t: &TopicReport| t.verdict.is_disagreement() && baseline.knows(t);
    let before = selected.len() + findings.len();
    let topics: Vec<&TopicReport> = selected.into_iter().filter(|t| !known(t)).collect();
    let kept: Vec<Finding> = findings
        .iter()
        .filter(|f| !baseline.knows_check(f))
        .cloned()
        .collect();
    let hidden = before - topics.len() - kept.len();
    let current: BTreeSet<String> = findings.iter().map(baseline::check_fingerprint).collect();
    let mut reopened: Vec<Reopened> = topics
        .iter()
        .filter(|t| t.verdict.is_disagreement())
        .filter_map(|t| {
            baseline.changed_note(t).map(|note| Reopened {
                finding: t.id.clone(),
                note,
            })
        })
        .collect();
    reopened.extend(kept.iter().filter_map(|f| {
        baseline
            .changed_check_note(f, &current)
            .map(|note| Reopened {
                finding: format!("{} check in {}", f.kind().as_str(), f.source),
                note,
            })
    }));
    Reviewed {
        topics,
        findings: Cow::Owned(kept),
        hidden,
        reopened,
    }
}

/// 1 when a remaining topic fails under `fail_on`, or a check found something that
/// remains and differences fail; 0 otherwise.
pub fn exit_code(reviewed: &Reviewed, fail_on: FailOn) -> u8 {
    // A failed check is a difference an editor must look at, not a hard contradiction.
    let checks_fail = !reviewed.findings.is_empty() && fail_on == FailOn::Differs;
    u8::from(reviewed.topics.iter().any(|t| fail_on.fails(t.verdict)) || checks_fail)
}

/// What writing a baseline did.
pub struct Written {
    /// Findings recorded, topics and checks together.
    pub findings: usize,
    /// Notes kept from findings whose figures changed, marked as such.
    pub changed_notes: usize,
}

/// Writes the disagreements among `topics` and the checks' `findings` as a baseline,
/// keeping the notes the file already had.
pub fn write_baseline(
    path: &Path,
    topics: &[&TopicReport],
    findings: &[Finding],
) -> Result<Written, Error> {
    let previous = if path.exists() {
        Some(Baseline::load(path)?)
    } else {
        None
    };
    let flagged: Vec<&TopicReport> = topics
        .iter()
        .copied()
        .filter(|t| t.verdict.is_disagreement())
        .collect();
    let checks: Vec<&Finding> = findings.iter().collect();
    let baseline = Baseline::of(&flagged, &checks, previous.as_ref());
    std::fs::write(path, baseline.to_toml()).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Written {
        findings: flagged.len() + checks.len(),
        changed_notes: previous.map_or(0, |p| baseline.carried_from(&p)),
    })
}
