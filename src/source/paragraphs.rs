//! A source's paragraphs, held flat: their texts back to back in one buffer, and what
//! places each byte in the file in lists beside it.
//!
//! `diff` holds every paragraph of the set until its report. Held one allocation per
//! paragraph, each with its own lists of lines and sentences, they took as much room
//! again as their text; held flat, the lists take a few bytes per line and sentence.
//! Offsets within a paragraph and file lines are 32-bit, as a claim's are.

use std::sync::OnceLock;

use super::{Kept, Location};
use crate::base::span::Span;

/// Bytes between character-count checkpoints of a long paragraph.
const CHECKPOINT: usize = 4096;

/// Every paragraph of one source, in file order.
#[derive(Debug, Default)]
pub struct Paragraphs {
    /// The paragraphs' texts, back to back.
    text: Box<str>,
    /// Where each paragraph's text and lists start.
    parts: Box<[Part]>,
    /// Each paragraph's segments, in paragraph order (see [`Part::segments`]).
    segments: Box<[Segment]>,
    /// Each long paragraph's checkpoints, in paragraph order (see [`Part::checkpoints`]).
    checkpoints: Box<[Checkpoint]>,
    /// The paragraphs ignore comments cover, by index, with the topics the comments
    /// name: few paragraphs have one, so they are not a field of every paragraph.
    ignores: Box<[(usize, Box<[String]>)]>,
    /// The sentences of the paragraphs that hold a digit, split for all of them when
    /// first asked for (by [`crate::sentences::of`]): extraction and the dates check
    /// both read those, and segmentation is among the costliest steps. Held for the
    /// source, not in each paragraph: a list and its lock in each took 24 bytes more
    /// per paragraph than its sentences.
    sentences: OnceLock<Sentences>,
}

/// The sentences held for a source's paragraphs (see [`Paragraphs::sentences`]).
#[derive(Debug, Default)]
pub(crate) struct Sentences {
    /// Per paragraph: its first sentence's index in `bounds` and how many it has;
    /// [`NOT_HELD`] for a paragraph whose sentences are not held.
    at: Box<[(u32, u32)]>,
    bounds: Box<[Bounds]>,
}

/// The count of a paragraph whose sentences are not held.
const NOT_HELD: u32 = u32::MAX;

impl Sentences {
    /// The sentences `split` gives for each paragraph it splits (`None`: not held).
    pub(crate) fn of(
        paragraphs: &Paragraphs,
        mut split: impl FnMut(&str) -> Option<Vec<Span>>,
    ) -> Sentences {
        let mut at = Vec::with_capacity(paragraphs.len());
        let mut bounds = Vec::new();
        for paragraph in paragraphs {
            let first = small(bounds.len());
            match split(paragraph.text()) {
                Some(found) => {
                    at.push((first, small(found.len())));
                    bounds.extend(found.into_iter().map(Bounds::new));
                }
                None => at.push((first, NOT_HELD)),
            }
        }
        Sentences {
            at: at.into_boxed_slice(),
            bounds: crate::base::exact::boxed(bounds),
        }
    }

    /// The held sentences of paragraph `index`, if they are.
    fn get(&self, index: usize) -> Option<&[Bounds]> {
        let &(first, count) = self.at.get(index)?;
        if count == NOT_HELD {
            return None;
        }
        self.bounds
            .get(first as usize..first as usize + count as usize)
    }
}

/// Where one paragraph's text and lists start in its source's.
#[derive(Debug, Default)]
struct Part {
    /// Byte offset of the paragraph in [`Paragraphs::text`].
    start: usize,
    /// Index of its first segment; it has at least one.
    segments: u32,
    /// Index of its first checkpoint.
    checkpoints: u32,
}

/// A sentence's bytes in its paragraph, held in 32 bits (see [`Sentences`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    start: u32,
    end: u32,
}

impl Bounds {
    pub(crate) fn new(span: Span) -> Bounds {
        Bounds {
            start: small(span.start),
            end: small(span.end),
        }
    }

    pub(crate) fn span(self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }
}

/// A piece of a paragraph that stands on one file line.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Byte offset of the segment in the paragraph text.
    offset: u32,
    /// 1-based line number in the file.
    line: u32,
    /// Characters of the file line that precede the segment (leading indentation cut).
    column_base: u32,
    /// The segment does not follow the one before it in the file: controls were dropped
    /// between them. A quote never runs across it.
    gap: bool,
}

/// (byte offset in the paragraph, characters before it).
type Checkpoint = (u32, u32);

/// A count held in 32 bits; past them, the largest (a file of over 4 GiB).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One paragraph of article text: one or more lines of the file joined by single spaces.
#[derive(Clone, Copy)]
pub struct Paragraph<'a> {
    of: &'a Paragraphs,
    index: usize,
}

impl std::fmt::Debug for Paragraph<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paragraph")
            .field("index", &self.index)
            .field("text", &self.text())
            .finish()
    }
}

impl Paragraphs {
    /// Only the first paragraph (the headline), for what reads nothing else.
    pub(crate) fn first_only(&self) -> Paragraphs {
        let Some(first) = self.first() else {
            return Paragraphs::default();
        };
        let segments = first.segments().to_vec();
        let checkpoints = first.checkpoints().to_vec();
        Paragraphs {
            text: first.text().into(),
            parts: Box::new([Part::default()]),
            segments: segments.into_boxed_slice(),
            checkpoints: checkpoints.into_boxed_slice(),
            ignores: self
                .ignores
                .iter()
                .filter(|(index, _)| *index == 0)
                .cloned()
                .collect(),
            sentences: OnceLock::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.parts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The paragraph at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<Paragraph<'_>> {
        (index < self.parts.len()).then_some(Paragraph { of: self, index })
    }

    /// The paragraph at `index`.
    ///
    /// # Panics
    /// When there is none, as a slice's index does.
    pub fn at(&self, index: usize) -> Paragraph<'_> {
        assert!(index < self.parts.len(), "no paragraph {index}");
        Paragraph { of: self, index }
    }

    pub fn first(&self) -> Option<Paragraph<'_>> {
        self.get(0)
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            of: self,
            indices: 0..self.parts.len(),
        }
    }
}

/// The paragraphs of a source in order (see [`Paragraphs::iter`]).
pub struct Iter<'a> {
    of: &'a Paragraphs,
    indices: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = Paragraph<'a>;

    fn next(&mut self) -> Option<Paragraph<'a>> {
        let index = self.indices.next()?;
        Some(Paragraph { of: self.of, index })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// A source's paragraphs being read. A large file's finished drafts are added to its
/// text as they come, so that its text is held at most twice while it is read (as
/// the file and as its paragraphs), not three times (with every draft of the file
/// too). A small file's are kept until the end and copied into a text of their exact
/// size at once: a buffer the size of each file, freed after, left holes among the
/// texts that are held (7 MB more at 100 MB of articles of a few kilobytes).
pub(crate) struct Builder {
    text: String,
    parts: Vec<Part>,
    segments: Vec<Segment>,
    checkpoints: Vec<Checkpoint>,
    ignores: Vec<(usize, Box<[String]>)>,
    /// The drafts of a small file, until [`Builder::finish`].
    waiting: Vec<Draft>,
    streamed: bool,
}

/// Past this many bytes a file's paragraphs are added to its text as they come, into
/// a buffer of the file's size that the text is then kept in: a block that large is
/// the operating system's pages, of which those never written are never resident.
const STREAMED_PAST: usize = 1 << 20;

impl Builder {
    /// For a file of `size` bytes, which its paragraphs' text does not pass in
    /// practice: lines are joined by one space where the file had a line break, and
    /// tags, references and controls are dropped or take no more bytes decoded. Were
    /// it longer, the text would grow as any string does.
    pub(crate) fn with_room(size: usize) -> Builder {
        let streamed = size > STREAMED_PAST;
        Builder {
            text: if streamed {
                String::with_capacity(size)
            } else {
                String::new()
            },
            parts: Vec::new(),
            segments: Vec::new(),
            checkpoints: Vec::new(),
            ignores: Vec::new(),
            waiting: Vec::new(),
            streamed,
        }
    }

    /// Adds a finished paragraph.
    pub(crate) fn push(&mut self, draft: Draft) {
        if self.streamed {
            self.add(draft);
        } else {
            self.waiting.push(draft);
        }
    }

    fn add(&mut self, draft: Draft) {
        let index = self.parts.len();
        self.parts.push(Part {
            start: self.text.len(),
            segments: small(self.segments.len()),
            checkpoints: small(self.checkpoints.len()),
        });
        self.segments.extend(draft.segments);
        checkpoints_of(&draft.text, &mut self.checkpoints);
        self.text.push_str(&draft.text);
        if !draft.ignore.is_empty() {
            self.ignores
                .push((index, crate::base::exact::boxed(draft.ignore)));
        }
    }

    /// The paragraphs, each list at its exact size.
    pub(crate) fn finish(mut self) -> Paragraphs {
        use crate::base::exact;
        let waiting = std::mem::take(&mut self.waiting);
        self.text
            .reserve_exact(waiting.iter().map(|d| d.text.len()).sum());
        self.parts.reserve_exact(waiting.len());
        self.segments
            .reserve_exact(waiting.iter().map(|d| d.segments.len()).sum());
        for draft in waiting {
            self.add(draft);
        }
        Paragraphs {
            text: self.text.into_boxed_str(),
            parts: exact::boxed(self.parts),
            segments: exact::boxed(self.segments),
            checkpoints: exact::boxed(self.checkpoints),
            ignores: exact::boxed(self.ignores),
            sentences: OnceLock::new(),
        }
    }
}

impl Extend<Draft> for Builder {
    fn extend<T: IntoIterator<Item = Draft>>(&mut self, drafts: T) {
        for draft in drafts {
            self.push(draft);
        }
    }
}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = Paragraph<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> Paragraph<'a> {
    /// Its place among its source's paragraphs, from 0.
    pub fn index(self) -> usize {
        self.index
    }

    pub fn text(self) -> &'a str {
        &self.of.text[self.range(|part| part.start, self.of.text.len())]
    }

    /// Where the paragraph's share of one of its source's flat lists lies: from its own
    /// part's start in that list (`start_of`) to the next paragraph's, or to the list's
    /// end (`len`) for the last paragraph.
    fn range(self, start_of: fn(&Part) -> usize, len: usize) -> std::ops::Range<usize> {
        let start = start_of(&self.of.parts[self.index]);
        let end = self.of.parts.get(self.index + 1).map_or(len, start_of);
        start..end
    }

    /// Topics whose claims in this paragraph an editor has confirmed, from
    /// `<!-- hcx: ignore TOPIC -->` comments; `*` for every topic.
    pub fn ignore(self) -> &'a [String] {
        self.of
            .ignores
            .binary_search_by_key(&self.index, |(index, _)| *index)
            .map_or(&[], |found| &self.of.ignores[found].1)
    }

    /// Where each joined line starts, in paragraph bytes, and which file line it is.
    fn segments(self) -> &'a [Segment] {
        let range = self.range(|part| part.segments as usize, self.of.segments.len());
        // A source past 4 GiB could hold saturated indexes: it reads no segments then,
        // rather than panicking.
        self.of.segments.get(range).unwrap_or_default()
    }

    /// Character counts at byte offsets of a long paragraph, for [`Paragraph::locate`].
    fn checkpoints(self) -> &'a [Checkpoint] {
        let range = self.range(|part| part.checkpoints as usize, self.of.checkpoints.len());
        self.of.checkpoints.get(range).unwrap_or_default()
    }

    /// The file location of a byte offset in the paragraph text.
    pub fn locate(self, offset: usize) -> Location {
        let segments = self.segments();
        let index = segments
            .partition_point(|seg| seg.offset as usize <= offset)
            .saturating_sub(1);
        // Every paragraph has a segment; only the saturated indexes of a source past
        // 4 GiB could leave one without, which is then placed past every line.
        let seg = segments.get(index).copied().unwrap_or(Segment {
            offset: 0,
            line: u32::MAX,
            column_base: 0,
            gap: false,
        });
        let column = self.chars_to(offset) - self.chars_to(seg.offset as usize)
            + seg.column_base as usize
            + 1;
        Location {
            line: seg.line as usize,
            column,
        }
    }

    /// The byte offset where the file line holding `offset` ends in the paragraph: a
    /// quote is cut there, so it is always text of one line of the file.
    pub fn line_end(self, offset: usize) -> usize {
        let segments = self.segments();
        let text = self.text();
        let at = segments
            .partition_point(|seg| seg.offset as usize <= offset)
            .saturating_sub(1);
        let line = segments.get(at).map(|seg| seg.line);
        match segments
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .find(|seg| Some(seg.line) != line || seg.gap)
        {
            None => text.len(),
            // Joined lines are separated by one space, which belongs to neither.
            Some(seg) if Some(seg.line) != line => (seg.offset as usize).saturating_sub(1),
            // Where controls were dropped the file's text breaks off.
            Some(seg) => text[..seg.offset as usize].trim_end().len().max(offset),
        }
    }

    /// Characters before a byte offset, counted from the nearest checkpoint so that a
    /// megabyte-long line costs no more per claim than a short one.
    fn chars_to(self, offset: usize) -> usize {
        let checkpoints = self.checkpoints();
        let at = checkpoints.partition_point(|&(byte, _)| byte as usize <= offset);
        let (byte, chars) = if at == 0 {
            (0, 0)
        } else {
            let (byte, chars) = checkpoints[at - 1];
            (byte as usize, chars as usize)
        };
        chars + self.text()[byte..offset].chars().count()
    }

    /// The paragraph's sentences as held for its source (see [`Sentences`]), which
    /// `fill` makes on the first call for any of the source's paragraphs; `None` when
    /// the paragraph's are not held.
    pub(crate) fn held_sentences(
        self,
        fill: impl FnOnce(&Paragraphs) -> Sentences,
    ) -> Option<&'a [Bounds]> {
        self.of
            .sentences
            .get_or_init(|| fill(self.of))
            .get(self.index)
    }
}

/// Adds (byte offset, characters before it) every [`CHECKPOINT`] bytes of a long text.
fn checkpoints_of(text: &str, found: &mut Vec<Checkpoint>) {
    if text.len() <= CHECKPOINT {
        return;
    }
    let mut next = CHECKPOINT;
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        if byte >= next {
            found.push((small(byte), small(chars)));
            next = byte + CHECKPOINT;
        }
    }
}

/// A paragraph being built line by line or piece by piece, then added to its source's
/// [`Paragraphs`].
#[derive(Debug)]
pub(crate) struct Draft {
    pub(crate) text: String,
    pub(crate) ignore: Vec<String>,
    segments: Vec<Segment>,
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
        self.segments.first().map(|seg| seg.line as usize)
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
                offset: small(self.text.len()),
                line: small(line),
                column_base: small(column - 1 + chars),
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
            offset: small(base),
            line: small(line),
            column_base: small(kept.column_of(range.start)),
            gap: false,
        });
        for &(start, chars) in &kept.pieces {
            if start > range.start && start < range.end {
                self.segments.push(Segment {
                    offset: small(base + start - range.start),
                    line: small(line),
                    column_base: small(chars),
                    gap: true,
                });
            }
        }
        self.text.push_str(&kept.text[range]);
    }

    /// Finishes a paragraph built piece by piece: trailing space cut, and nothing when
    /// no text is left.
    pub(crate) fn finish(mut self) -> Option<Draft> {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
        self.segments
            .retain(|seg| (seg.offset as usize) < kept || kept == 0);
        if self.text.trim().is_empty() {
            return None;
        }
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::{Builder, Draft, Paragraph, CHECKPOINT, STREAMED_PAST};
    use crate::source::{parse, Location};

    /// Where `needle` stands in `file`, 1-based, columns in characters.
    fn place_in(file: &str, needle: &str) -> Location {
        let at = file.find(needle).expect("needle in file");
        let line_start = file[..at].rfind('\n').map_or(0, |n| n + 1);
        Location {
            line: file[..at].matches('\n').count() + 1,
            column: file[line_start..at].chars().count() + 1,
        }
    }

    #[test]
    fn each_paragraph_locates_its_own_words_in_the_file() {
        // Long paragraphs (with checkpoints) and wrapped ones (with several segments)
        // between short ones, so that a paragraph reading its neighbour's lists shows.
        // Their checkpoints differ in bytes and characters: one's read for the other's
        // gives another column.
        let long_line = format!("Long {} w2long end.", "é".repeat(12_000));
        let other_long = format!("Other {} w4tail", "ab ".repeat(1700));
        let file = format!(
            "Headline w0head\n\nw1first opens\nand w1wrap goes on\n\n{long_line}\n\n\
             <!-- hcx: ignore deaths -->\nw3after is here\n  and w3wrap, indented\n\n\
             {other_long}\n\nw5last ends.\n"
        );
        let source = parse("t.txt", &file);
        assert_eq!(source.paragraphs.len(), 6);
        let words = [
            (0, "w0head"),
            (1, "w1first"),
            (1, "w1wrap"),
            (2, "w2long"),
            (3, "w3after"),
            (3, "w3wrap"),
            (4, "w4tail"),
            (5, "w5last"),
        ];
        for (index, word) in words {
            let paragraph = source.paragraphs.at(index);
            let offset = paragraph.text().find(word).expect("word in its paragraph");
            assert_eq!(paragraph.locate(offset), place_in(&file, word), "{word}");
        }
        let ignores: Vec<&[String]> = source
            .paragraphs
            .iter()
            .map(super::Paragraph::ignore)
            .collect();
        assert_eq!(ignores[3], ["deaths".to_string()]);
        assert!(ignores
            .iter()
            .enumerate()
            .all(|(i, names)| i == 3 || names.is_empty()));
    }

    #[test]
    fn a_quote_ends_with_its_own_paragraph_s_line() {
        // The first line is a headline of its own.
        let file = "Head\n\nfirst line of one\nwraps here\n\nsecond paragraph\nwraps too\n";
        let source = parse("t.txt", file);
        let first = source.paragraphs.at(1);
        let second = source.paragraphs.at(2);
        assert_eq!(&first.text()[..first.line_end(0)], "first line of one");
        assert_eq!(&second.text()[..second.line_end(0)], "second paragraph");
        let wrap = second.text().find("wraps").unwrap();
        assert_eq!(second.line_end(wrap), second.text().len());
    }

    #[test]
    fn the_headline_alone_keeps_its_text_and_places() {
        let file = "\n\n  Storm kills 14\n\nBody text 12.\n";
        let source = parse("t.txt", file);
        let head = source.paragraphs.first_only();
        assert_eq!(head.len(), 1);
        assert_eq!(head.at(0).text(), "Storm kills 14");
        assert_eq!(head.at(0).locate(6), Location { line: 3, column: 9 });
    }

    #[test]
    fn paragraphs_longer_than_the_room_set_aside_are_held_whole() {
        // The room is the file's size, which the text seldom passes; when it does, the
        // text grows as any string does.
        for room in [0, 5, STREAMED_PAST + 1] {
            let mut builder = Builder::with_room(room);
            let long = "x".repeat(3 * CHECKPOINT);
            for (line, text) in [(1, "First 12."), (3, long.as_str()), (5, "Last 7.")] {
                let mut draft = Draft::empty();
                draft.push_piece(text, line, 1, false);
                builder.push(draft.finish().unwrap());
            }
            let paragraphs = builder.finish();
            let texts: Vec<&str> = paragraphs.iter().map(Paragraph::text).collect();
            assert_eq!(
                texts,
                ["First 12.", long.as_str(), "Last 7."],
                "room {room}"
            );
            let last = paragraphs.at(2);
            assert_eq!(
                last.locate(5),
                Location { line: 5, column: 6 },
                "room {room}"
            );
        }
    }
}
