//! Sources: turns the files named on the command line into article paragraphs.
//!
//! Scraped articles carry page furniture that is not the reporter's text: image
//! placeholders, caption rows, photo file names, comment counters and the page's URL.
//! This stage drops that furniture, keeps the URL aside, and keeps for every paragraph
//! the place of each of its lines in the original file, so that later stages can give
//! an exact `file:line:col` for anything they find.

use std::fmt;

use crate::base::lang::Language;
use crate::base::span::Span;

mod dated;
mod decode;
pub mod html;
mod text;
mod walk;

/// Builds the date patterns every file read is dated with.
pub use dated::warm as warm_dates;

pub use decode::{decode, load, Loaded};
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
    /// The article's paragraphs, in file order.
    pub paragraphs: Vec<std::sync::Arc<Paragraph>>,
    /// Each topic an ignore comment names, with the comment's line: a name that no
    /// topic answers to is told, since it keeps nothing out.
    pub ignore_names: Vec<(usize, String)>,
}

/// A paragraph of article text: one or more lines of the file joined by single spaces.
/// Built as a [`Draft`]; held, once sealed, with no room to grow, since `diff` holds
/// every paragraph of the set until its report.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub text: String,
    /// Topics whose claims in this paragraph an editor has confirmed, from
    /// `<!-- hcx: ignore TOPIC -->` comments; `*` for every topic.
    pub ignore: Box<[String]>,
    /// Where each joined line starts, in paragraph bytes, and which file line it is.
    segments: Box<[Segment]>,
    /// Character counts at byte offsets of long paragraphs, for [`Paragraph::locate`].
    checkpoints: Box<[(usize, usize)]>,
    /// The paragraph's sentences, split when first asked for (by
    /// [`crate::sentences::of`]): extraction and the checks all read them, and
    /// segmentation is among the costliest steps.
    sentences: std::sync::OnceLock<Box<[Span]>>,
}

/// A paragraph being built line by line or piece by piece, then sealed into a
/// [`Paragraph`].
#[derive(Debug)]
pub(crate) struct Draft {
    pub(crate) text: String,
    pub(crate) ignore: Vec<String>,
    segments: Vec<Segment>,
}

/// Bytes between character-count checkpoints of a long paragraph.
const CHECKPOINT: usize = 4096;

#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Byte offset of the segment in the paragraph text.
    offset: usize,
    /// 1-based line number in the file.
    line: usize,
    /// Characters of the file line that precede the segment (leading indentation cut).
    column_base: usize,
    /// The segment does not follow the one before it in the file: controls were dropped
    /// between them. A quote never runs across it.
    gap: bool,
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

/// A source's paragraphs, each shared: the claims read in one keep it, for their
/// sentence. Gathered into a list of their own: collecting in place would keep the
/// paragraphs' buffer, twelve times the room the pointers need.
fn shared(paragraphs: Vec<Paragraph>) -> Vec<std::sync::Arc<Paragraph>> {
    let mut out = Vec::with_capacity(paragraphs.len());
    out.extend(paragraphs.into_iter().map(std::sync::Arc::new));
    out
}

/// Articles from (path, text) pairs, for tests.
#[cfg(test)]
pub(crate) fn parse_all(texts: &[(&str, &str)]) -> Vec<Source> {
    texts.iter().map(|(path, text)| parse(path, text)).collect()
}

impl Paragraph {
    /// The file location of a byte offset in the paragraph text.
    pub fn locate(&self, offset: usize) -> Location {
        let index = self
            .segments
            .partition_point(|seg| seg.offset <= offset)
            .saturating_sub(1);
        let seg = self.segments[index];
        let column = self.chars_to(offset) - self.chars_to(seg.offset) + seg.column_base + 1;
        Location {
            line: seg.line,
            column,
        }
    }

    /// The byte offset where the file line holding `offset` ends in the paragraph: a
    /// quote is cut there, so it is always text of one line of the file.
    pub fn line_end(&self, offset: usize) -> usize {
        let at = self
            .segments
            .partition_point(|seg| seg.offset <= offset)
            .saturating_sub(1);
        let line = self.segments.get(at).map(|seg| seg.line);
        match self
            .segments
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .find(|seg| Some(seg.line) != line || seg.gap)
        {
            None => self.text.len(),
            // Joined lines are separated by one space, which belongs to neither.
            Some(seg) if Some(seg.line) != line => seg.offset.saturating_sub(1),
            // Where controls were dropped the file's text breaks off.
            Some(seg) => self.text[..seg.offset].trim_end().len().max(offset),
        }
    }

    /// Characters before a byte offset, counted from the nearest checkpoint so that a
    /// megabyte-long line costs no more per claim than a short one.
    fn chars_to(&self, offset: usize) -> usize {
        let at = self
            .checkpoints
            .partition_point(|&(byte, _)| byte <= offset);
        let (byte, chars) = if at == 0 {
            (0, 0)
        } else {
            self.checkpoints[at - 1]
        };
        chars + self.text[byte..offset].chars().count()
    }

    /// Where the paragraph's sentences are kept once split; the sentence stage fills it.
    pub(crate) fn sentence_cache(&self) -> &std::sync::OnceLock<Box<[Span]>> {
        &self.sentences
    }
}

impl Draft {
    /// An empty paragraph, to be filled piece by piece (see [`Draft::push_piece`]).
    pub(crate) fn empty() -> Draft {
        Draft {
            text: String::new(),
            ignore: Vec::new(),
            segments: Vec::new(),
        }
    }

    /// The file line the paragraph starts on, once it has text.
    pub(crate) fn first_line(&self) -> Option<usize> {
        self.segments.first().map(|seg| seg.line)
    }

    /// Appends text that stands at `line`, `column` (1-based) in the file, after a space
    /// when `spaced` and the paragraph has text already.
    /// Controls in the piece are dropped, and the text after them is a segment of its own.
    pub(crate) fn push_piece(&mut self, piece: &str, line: usize, column: usize, spaced: bool) {
        if spaced && !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        let kept = Kept::of(piece);
        for (i, &(start, chars)) in kept.pieces.iter().enumerate() {
            let end = kept.pieces.get(i + 1).map_or(kept.text.len(), |p| p.0);
            self.segments.push(Segment {
                offset: self.text.len(),
                line,
                column_base: column - 1 + chars,
                gap: i > 0,
            });
            self.text.push_str(&kept.text[start..end]);
        }
    }

    /// Appends bytes `range` of a file line's kept text (its controls dropped) as the
    /// file's line `line`: one segment, or one a piece between dropped controls.
    pub(crate) fn push_line(&mut self, kept: &Kept, range: std::ops::Range<usize>, line: usize) {
        let base = self.text.len();
        self.segments.push(Segment {
            offset: base,
            line,
            column_base: kept.column_of(range.start),
            gap: false,
        });
        for &(start, chars) in &kept.pieces {
            if start > range.start && start < range.end {
                self.segments.push(Segment {
                    offset: base + start - range.start,
                    line,
                    column_base: chars,
                    gap: true,
                });
            }
        }
        self.text.push_str(&kept.text[range]);
    }

    /// Finishes a paragraph built piece by piece: trailing space cut, columns indexed.
    pub(crate) fn finish(mut self) -> Option<Paragraph> {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
        self.segments.retain(|seg| seg.offset < kept || kept == 0);
        if self.text.trim().is_empty() {
            return None;
        }
        Some(self.seal())
    }

    /// The paragraph, ready to be read: its checkpoints recorded, and each buffer,
    /// grown by appending, copied to its exact size (see [`crate::base::exact`]).
    pub(crate) fn seal(self) -> Paragraph {
        use crate::base::exact;
        let checkpoints = checkpoints(&self.text);
        Paragraph {
            text: exact::string(self.text),
            ignore: exact::boxed(self.ignore),
            segments: exact::boxed(self.segments),
            checkpoints: exact::boxed(checkpoints),
            sentences: std::sync::OnceLock::new(),
        }
    }
}

/// (byte offset, characters before it) every [`CHECKPOINT`] bytes of a long text.
fn checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if text.len() <= CHECKPOINT {
        return found;
    }
    let mut next = CHECKPOINT;
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        if byte >= next {
            found.push((byte, chars));
            next = byte + CHECKPOINT;
        }
    }
    found
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}
