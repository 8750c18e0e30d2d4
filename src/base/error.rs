//! The one error type of hcx: every problem that stops a run, as one line that names the
//! file (and line and column, for the files hcx parses). The binary prints it after
//! `hcx: error: ` and exits with code 2.

use std::io;
use std::path::PathBuf;

use super::diagnostics::Diagnostic;

/// A problem that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path that cannot be read as asked: missing, unreadable, a folder with no
    /// articles, a bad exclude glob.
    #[error("{path}: {message}")]
    Source { path: String, message: String },
    /// Rule files with problems, every one of them; the message gives the first.
    #[error("{}", first_of(.0))]
    Rules(Vec<Diagnostic>),
    /// A baseline file that cannot be read or parsed.
    #[error(transparent)]
    Baseline(FileError),
    /// A configuration file that cannot be read or parsed.
    #[error(transparent)]
    Config(FileError),
    /// A file hcx writes (a baseline) that cannot be written.
    #[error("{}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    /// The report cannot be written to standard output.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// None of the paths given held an article that could be read.
    #[error("no readable articles among the paths given")]
    NoArticles,
    /// A topic asked for (`--topic`, `hcx explain`) that the articles do not have;
    /// `nearest` are the articles' topics spelt most like it.
    #[error("no topic \"{topic}\" in these articles; nearest: {}", nearest_or_none(.nearest))]
    UnknownTopic { topic: String, nearest: Vec<String> },
    /// Several paths or a folder were given, but fewer than two articles could be read:
    /// the comparison asked for cannot happen.
    #[error("nothing to compare: {}", read_and_skipped(.read, .skipped))]
    NothingToCompare {
        read: Vec<String>,
        skipped: Vec<String>,
    },
}

/// A file hcx reads and parses that cannot be read, or holds a mistake.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Syntax(Diagnostic),
}

fn nearest_or_none(nearest: &[String]) -> String {
    if nearest.is_empty() {
        "none (no topic found)".to_string()
    } else {
        nearest.join(", ")
    }
}

/// "only 1 readable article (a.txt); skipped b.bin: binary file".
fn read_and_skipped(read: &[String], skipped: &[String]) -> String {
    let read = match read {
        [] => "no readable article".to_string(),
        [one] => format!("only 1 readable article ({one})"),
        many => format!("{} readable articles ({})", many.len(), many.join(", ")),
    };
    if skipped.is_empty() {
        read
    } else {
        format!("{read}; skipped {}", skipped.join("; "))
    }
}

/// The first rule problem, and how many more there are.
fn first_of(problems: &[Diagnostic]) -> String {
    let more = match problems.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} more; see `hcx rules check`)", n - 1),
    };
    problems
        .first()
        .map_or_else(String::new, |first| format!("{first}{more}"))
}
