//! Baseline: findings an editor has already reviewed, so a rerun shows only what is new.
//!
//! A finding is known by a fingerprint made of its topic and, per source file, the set
//! of figures it gives, not by line numbers, which drift whenever the text is edited. A
//! figure that changes changes the fingerprint, and the finding opens again. The file is
//! TOML with room for the editor's note, which rewriting the baseline keeps.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::base::diagnostics::toml_error;
use crate::base::error::{Error, FileError};
use crate::base::numbers::human_number;
use crate::compare::TopicReport;
use crate::extract::claims::Claim;

/// One reviewed finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub topic: String,
    pub verdict: String,
    pub fingerprint: String,
    #[serde(default)]
    pub note: String,
}

/// A baseline file's findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default)]
    pub finding: Vec<Entry>,
}

/// A claim's figure as a fingerprint keeps it: hedge and value.
fn figure_key(claim: &Claim) -> String {
    match claim.hedge {
        Some(h) => format!("{} {}", h.as_str(), human_number(claim.value)),
        None => human_number(claim.value),
    }
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or(path)
}

/// The topic and each source file's figures: stable under edits that move text, changed
/// by any edit to a figure.
pub fn fingerprint(topic: &TopicReport) -> String {
    let mut per_file: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for placed in &topic.claims {
        per_file
            .entry(file_name(&placed.claim.source))
            .or_default()
            .insert(figure_key(&placed.claim));
    }
    let mut out = topic.id.clone();
    for (file, figures) in per_file {
        let figures: Vec<String> = figures.into_iter().collect();
        let _ = write!(out, " | {file}: {}", figures.join(", "));
    }
    out
}

impl Baseline {
    /// Reads a baseline file; a problem names the file and place.
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let text = fs::read_to_string(path).map_err(|source| {
            Error::Baseline(FileError::Read {
                path: path.to_path_buf(),
                source,
            })
        })?;
        toml::from_str(&text).map_err(|err| {
            Error::Baseline(FileError::Syntax(toml_error(
                &path.display().to_string(),
                &text,
                &err,
            )))
        })
    }

    pub fn knows(&self, topic: &TopicReport) -> bool {
        let print = fingerprint(topic);
        self.finding.iter().any(|e| e.fingerprint == print)
    }

    /// A baseline of the given findings, keeping the notes `previous` had for them.
    pub fn of(topics: &[&TopicReport], previous: Option<&Baseline>) -> Baseline {
        let finding = topics
            .iter()
            .map(|topic| {
                let print = fingerprint(topic);
                let note = previous
                    .and_then(|b| b.finding.iter().find(|e| e.fingerprint == print))
                    .map(|e| e.note.clone())
                    .unwrap_or_default();
                Entry {
                    topic: topic.id.clone(),
                    verdict: topic.verdict.as_str().to_string(),
                    fingerprint: print,
                    note,
                }
            })
            .collect();
        Baseline { finding }
    }

    /// The file's text: a header saying what it is, then the findings.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# hcx baseline: findings already reviewed. `hcx diff --baseline FILE` hides\n\
             # them until a figure in them changes. Write what was decided in `note`.\n\n{body}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn topics_of(texts: &[(&str, &str)]) -> Vec<TopicReport> {
        let sources = crate::source::parse_all(texts);
        crate::analysis::analyze(&sources, &RuleSet::builtin()).topics
    }

    #[test]
    fn moving_text_keeps_the_fingerprint_and_changing_a_figure_does_not() {
        let before = topics_of(&[
            ("a/x.txt", "The flood killed 12 people."),
            ("b/y.txt", "It killed 15 people."),
        ]);
        let moved = topics_of(&[
            ("a/x.txt", "Intro.\n\nThe flood, sadly, killed 12 people."),
            ("b/y.txt", "It killed 15 people."),
        ]);
        let changed = topics_of(&[
            ("a/x.txt", "The flood killed 13 people."),
            ("b/y.txt", "It killed 15 people."),
        ]);
        assert_eq!(fingerprint(&before[0]), fingerprint(&moved[0]));
        assert_ne!(fingerprint(&before[0]), fingerprint(&changed[0]));
        assert_eq!(fingerprint(&before[0]), "deaths | x.txt: 12 | y.txt: 15");
    }

    #[test]
    fn rewriting_keeps_notes_and_round_trips() {
        let topics = topics_of(&[
            ("x.txt", "The flood killed 12 people."),
            ("y.txt", "It killed 15 people."),
        ]);
        let refs: Vec<&TopicReport> = topics.iter().collect();
        let mut first = Baseline::of(&refs, None);
        first.finding[0].note = "checked with the ministry".to_string();
        let again = Baseline::of(&refs, Some(&first));
        assert_eq!(again.finding[0].note, "checked with the ministry");
        let parsed: Baseline = toml::from_str(&again.to_toml()).unwrap();
        assert_eq!(parsed, again);
        assert!(parsed.knows(&topics[0]));
    }
}
