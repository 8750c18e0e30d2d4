//! Baseline: findings an editor has already reviewed, so a rerun shows only what is new.
//!
//! A finding is known by a fingerprint made of its topic and, per source file, the set
//! of figures it gives, not by line numbers, which drift whenever the text is edited. A
//! check's finding is known the same way, by its kind and, per file, the wordings it
//! involves (the figures of a sum, the names of a title). A figure that changes changes
//! the fingerprint, and the finding opens again. The file is TOML with room for the
//! editor's note, which rewriting the baseline keeps: a finding whose figures changed
//! keeps the note its topic (or check and files) had, marked [`CHANGED`], so a decision
//! is never dropped without a word.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::base::diagnostics::toml_error;
use crate::base::error::{Error, FileError};
use crate::base::numbers::human_number;
use crate::checks::Finding;
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

/// One reviewed finding of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckEntry {
    /// The finding's kind: `sum`, `date`, `title`, `name` or `spelling`.
    pub check: String,
    /// The file names it involves, sorted.
    pub files: Vec<String>,
    pub fingerprint: String,
    #[serde(default)]
    pub note: String,
}

/// A baseline file's findings: the topics' (`[[finding]]`) and the checks'
/// (`[[check]]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default)]
    pub finding: Vec<Entry>,
    #[serde(default)]
    pub check: Vec<CheckEntry>,
}

/// What a kept note starts with when the figures it was written about have changed.
pub const CHANGED: &str = "figure changed since the note: ";

/// A note carried over to a finding whose figures changed: marked once, and an empty
/// note stays empty.
fn carried(note: &str) -> String {
    if note.is_empty() || note.starts_with(CHANGED) {
        note.to_string()
    } else {
        format!("{CHANGED}{note}")
    }
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
            .entry(file_name(placed.claim.source()))
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

/// The file names a check's finding involves, sorted, each once.
fn finding_files(finding: &Finding) -> Vec<String> {
    let files: BTreeSet<&str> = finding
        .mentions
        .iter()
        .map(|m| file_name(&m.source))
        .chain(std::iter::once(file_name(&finding.source)))
        .collect();
    files.into_iter().map(str::to_string).collect()
}

/// A check's finding: its kind and, per file, the wordings it involves (each once), so
/// that moving text keeps it and changing a figure or a name does not.
pub fn check_fingerprint(finding: &Finding) -> String {
    let mut per_file: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for mention in &finding.mentions {
        per_file
            .entry(file_name(&mention.source))
            .or_default()
            .insert(mention.quote.as_str());
    }
    let mut out = finding.kind().as_str().to_string();
    for (file, quotes) in per_file {
        let quotes: Vec<&str> = quotes.into_iter().collect();
        let _ = write!(out, " | {file}: {}", quotes.join("; "));
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

    pub fn knows_check(&self, finding: &Finding) -> bool {
        let print = check_fingerprint(finding);
        self.check.iter().any(|e| e.fingerprint == print)
    }

    /// The note of a finding on `topic` this baseline knew with other figures, when
    /// the editor wrote one; marked [`CHANGED`].
    pub fn changed_note(&self, topic: &TopicReport) -> Option<String> {
        self.finding
            .iter()
            .find(|e| e.topic == topic.id && !e.note.is_empty())
            .map(|e| carried(&e.note))
    }

    /// The note of a check's finding of the same kind over the same files this
    /// baseline knew with other wordings, when the editor wrote one; marked
    /// [`CHANGED`]. An entry whose fingerprint is among `current` (the findings of
    /// this run) is another finding's, not this one's.
    pub fn changed_check_note(
        &self,
        finding: &Finding,
        current: &BTreeSet<String>,
    ) -> Option<String> {
        let files = finding_files(finding);
        self.check
            .iter()
            .filter(|e| !current.contains(&e.fingerprint))
            .find(|e| e.check == finding.kind().as_str() && e.files == files && !e.note.is_empty())
            .map(|e| carried(&e.note))
    }

    /// A baseline of the given findings, keeping the notes `previous` had for them: a
    /// finding it knew as is keeps its note, one whose figures changed keeps the note
    /// of its topic (or check and files), marked [`CHANGED`].
    pub fn of(
        topics: &[&TopicReport],
        findings: &[&Finding],
        previous: Option<&Baseline>,
    ) -> Baseline {
        let finding = topics
            .iter()
            .map(|topic| {
                let print = fingerprint(topic);
                let note = previous.and_then(|b| {
                    match b.finding.iter().find(|e| e.fingerprint == print) {
                        Some(known) => Some(known.note.clone()),
                        None => b.changed_note(topic),
                    }
                });
                Entry {
                    topic: topic.id.clone(),
                    verdict: topic.verdict.as_str().to_string(),
                    fingerprint: print,
                    note: note.unwrap_or_default(),
                }
            })
            .collect();
        let current: BTreeSet<String> = findings.iter().map(|f| check_fingerprint(f)).collect();
        let check = findings
            .iter()
            .map(|found| {
                let print = check_fingerprint(found);
                let note =
                    previous.and_then(|b| match b.check.iter().find(|e| e.fingerprint == print) {
                        Some(known) => Some(known.note.clone()),
                        None => b.changed_check_note(found, &current),
                    });
                CheckEntry {
                    check: found.kind().as_str().to_string(),
                    files: finding_files(found),
                    fingerprint: print,
                    note: note.unwrap_or_default(),
                }
            })
            .collect();
        Baseline { finding, check }
    }

    /// How many of this baseline's notes were carried over from `previous`'s findings
    /// with other figures: those of findings `previous` did not know as they are.
    pub fn carried_from(&self, previous: &Baseline) -> usize {
        let topics = self
            .finding
            .iter()
            .filter(|e| {
                !previous
                    .finding
                    .iter()
                    .any(|p| p.fingerprint == e.fingerprint)
            })
            .filter(|e| !e.note.is_empty());
        let checks = self
            .check
            .iter()
            .filter(|e| {
                !previous
                    .check
                    .iter()
                    .any(|p| p.fingerprint == e.fingerprint)
            })
            .filter(|e| !e.note.is_empty());
        topics.count() + checks.count()
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

    fn checks_of(texts: &[(&str, &str)]) -> Vec<Finding> {
        let sources = crate::source::parse_all(texts);
        crate::analysis::analyze(&sources, &RuleSet::builtin()).checks
    }

    const SUM: &str = "Port strike ends\n\nIn all, 54 ships were held at anchor: 20 Danish ships, 18 Dutch ships and 12 Polish ships.";

    #[test]
    fn a_check_s_fingerprint_keeps_its_wordings_not_its_places() {
        let before = checks_of(&[("a/x.txt", SUM)]);
        let moved = checks_of(&[(
            "b/x.txt",
            &SUM.replace("\n\nIn all", "\n\nIntro.\n\nIn all"),
        )]);
        let changed = checks_of(&[("a/x.txt", &SUM.replace("20 Danish", "21 Danish"))]);
        assert_eq!(before.len(), 1, "{before:?}");
        assert_eq!(check_fingerprint(&before[0]), check_fingerprint(&moved[0]));
        assert_ne!(
            check_fingerprint(&before[0]),
            check_fingerprint(&changed[0])
        );
        assert!(check_fingerprint(&before[0]).starts_with("sum | x.txt: "));
    }

    #[test]
    fn a_note_is_carried_to_changed_figures_marked_once() {
        let first = checks_of(&[("x.txt", SUM)]);
        let refs: Vec<&Finding> = first.iter().collect();
        let mut baseline = Baseline::of(&[], &refs, None);
        baseline.check[0].note = "the 72 is right".to_string();
        let changed = checks_of(&[("x.txt", &SUM.replace("20 Danish", "21 Danish"))]);
        let refs: Vec<&Finding> = changed.iter().collect();
        assert!(!baseline.knows_check(&changed[0]));
        let again = Baseline::of(&[], &refs, Some(&baseline));
        assert_eq!(
            again.check[0].note,
            "figure changed since the note: the 72 is right"
        );
        assert_eq!(again.carried_from(&baseline), 1);
        let twice = Baseline::of(&[], &refs, Some(&again));
        assert_eq!(twice.check[0].note, again.check[0].note);
        assert_eq!(twice.carried_from(&again), 0);
        // Another file's finding of the same kind takes no note.
        let elsewhere = checks_of(&[("y.txt", SUM)]);
        let refs: Vec<&Finding> = elsewhere.iter().collect();
        assert_eq!(Baseline::of(&[], &refs, Some(&baseline)).check[0].note, "");
    }

    #[test]
    fn a_topic_s_note_follows_its_changed_figures() {
        let before = topics_of(&[
            ("x.txt", "The flood killed 12 people."),
            ("y.txt", "It killed 15 people."),
        ]);
        let refs: Vec<&TopicReport> = before.iter().collect();
        let mut baseline = Baseline::of(&refs, &[], None);
        baseline.finding[0].note = "police figure".to_string();
        let after = topics_of(&[
            ("x.txt", "The flood killed 13 people."),
            ("y.txt", "It killed 15 people."),
        ]);
        assert!(!baseline.knows(&after[0]));
        assert_eq!(
            baseline.changed_note(&after[0]).as_deref(),
            Some("figure changed since the note: police figure")
        );
    }

    #[test]
    fn rewriting_keeps_notes_and_round_trips() {
        let topics = topics_of(&[
            ("x.txt", "The flood killed 12 people."),
            ("y.txt", "It killed 15 people."),
        ]);
        let refs: Vec<&TopicReport> = topics.iter().collect();
        let mut first = Baseline::of(&refs, &[], None);
        first.finding[0].note = "checked with the ministry".to_string();
        let again = Baseline::of(&refs, &[], Some(&first));
        assert_eq!(again.finding[0].note, "checked with the ministry");
        let parsed: Baseline = toml::from_str(&again.to_toml()).unwrap();
        assert_eq!(parsed, again);
        assert!(parsed.knows(&topics[0]));
    }
}
