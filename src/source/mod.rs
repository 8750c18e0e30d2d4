//! Sources: turns the files named on the command line into article paragraphs.
//!
//! Scraped articles carry page furniture that is not the reporter's text: image
//! placeholders, caption rows, photo file names, comment counters and the page's URL.
//! This stage drops that furniture, keeps the URL aside, and keeps for every paragraph
//! the place of each of its lines in the original file, so that later stages can give
//! an exact `file:line:col` for anything they find.

use std::fmt;

use crate::base::lang::Language;

mod dated;
mod decode;
pub mod html;
mod paragraphs;
mod text;
mod walk;

/// Builds the date patterns every file read is dated with.
pub use dated::warm as warm_dates;

pub use decode::{decode, load, Loaded};
pub(crate) use paragraphs::{Bounds, Builder, Draft, Sentences};
pub use paragraphs::{Paragraph, Paragraphs};
pub use text::parse;
pub use walk::{collect_paths, Found, ARTICLE_EXTENSIONS};

/// The words hcx's own reports carry (a comment line in Markdown and HTML, the
/// `generator` field in JSON), so that a report written into an article folder is not
/// read back as an article on the next run.
pub const REPORT_MARKER: &str = "hcx report, not an article";

/// One article, read and cleaned.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or as found under a folder the user gave).
    pub path: String,
    /// The article's URL, from a `Source: <url>` line.
    pub url: Option<String>,
    /// The language the article is written in, whose word lists the stages ask.
    pub language: &'static Language,
    /// The day the article was written, when its top or its URL says.
    pub date: Option<crate::base::calendar::DayNumber>,
    /// The article's paragraphs, in file order: shared with the claims read in them,
    /// which quote their sentences.
    pub paragraphs: std::sync::Arc<Paragraphs>,
    /// Each topic an ignore comment names, with the comment's line: a name that no
    /// topic answers to is told, since it keeps nothing out.
    pub ignore_names: Vec<(usize, String)>,
}

/// A line of a file with its controls dropped (see [`crate::base::controls`]): the
/// text kept, and where each kept piece starts in it with the characters of the file
/// line before that piece.
pub(crate) struct Kept<'a> {
    pub(crate) text: std::borrow::Cow<'a, str>,
    pieces: Vec<(usize, usize)>,
}

impl<'a> Kept<'a> {
    pub(crate) fn of(line: &'a str) -> Kept<'a> {
        let runs = crate::base::controls::runs(line);
        if runs.is_empty() {
            return Kept {
                text: std::borrow::Cow::Borrowed(line),
                pieces: vec![(0, 0)],
            };
        }
        let mut text = String::with_capacity(line.len());
        let mut pieces = Vec::new();
        let mut chars = 0;
        let mut at = 0;
        for run in runs
            .iter()
            .cloned()
            .chain(std::iter::once(line.len()..line.len()))
        {
            if run.start > at {
                pieces.push((text.len(), chars));
                text.push_str(&line[at..run.start]);
                chars += line[at..run.start].chars().count();
            }
            chars += line[run.clone()].chars().count();
            at = run.end;
        }
        if pieces.is_empty() {
            pieces.push((0, 0));
        }
        Kept {
            text: std::borrow::Cow::Owned(text),
            pieces,
        }
    }

    /// Characters of the file line before byte `offset` of the kept text.
    fn column_of(&self, offset: usize) -> usize {
        let at = self
            .pieces
            .partition_point(|&(start, _)| start <= offset)
            .saturating_sub(1);
        let (start, chars) = self.pieces[at];
        chars + self.text[start..offset].chars().count()
    }
}

/// A place in a file, 1-based; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// Something that kept a file out of the run without stopping it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Articles from (path, text) pairs, for tests.
#[cfg(test)]
pub(crate) fn parse_all(texts: &[(&str, &str)]) -> Vec<Source> {
    texts.iter().map(|(path, text)| parse(path, text)).collect()
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}
