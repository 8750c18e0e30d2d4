//! Sources: turns the files named on the command line into article paragraphs.
//!
//! Scraped articles carry page furniture that is not the reporter's text: image
//! placeholders, caption rows, photo file names, comment counters and the page's URL.
//! This stage drops that furniture, keeps the URL aside, and keeps for every paragraph
//! the place of each of its lines in the original file, so that later stages can give
//! an exact `file:line:col` for anything they find.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// One article, read and cleaned.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or as found under a folder the user gave).
    pub path: String,
    /// The article's URL, from a `Source: <url>` line.
    pub url: Option<String>,
    /// The article's paragraphs, in file order.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph of article text: one or more lines of the file joined by single spaces.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub text: String,
    /// Topics whose claims in this paragraph an editor has confirmed, from
    /// `<!-- hcx: ignore TOPIC -->` comments; `*` for every topic.
    pub ignore: Vec<String>,
    /// Where each joined line starts, in paragraph bytes, and which file line it is.
    segments: Vec<Segment>,
    /// Character counts at byte offsets of long paragraphs, for [`Paragraph::locate`].
    checkpoints: Vec<(usize, usize)>,
    /// The paragraph's sentences, split when first asked for: extraction and the checks
    /// all read them, and segmentation is among the costliest steps. Whatever changes
    /// `text` must empty it.
    sentences: std::sync::OnceLock<Vec<crate::sentences::Sentence>>,
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

/// A problem that stops the run: the input cannot be read as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for SourceError {}

/// File endings taken as articles when a folder is walked.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// What a walk over the paths given found.
#[derive(Debug, Default)]
pub struct Found {
    /// Article files, sorted by path and free of repeats; `-` stands for standard input.
    pub files: Vec<PathBuf>,
    /// Entries that could not be walked (a symbolic link loop, an unreadable folder).
    pub warnings: Vec<Warning>,
}

/// Expands the paths the user gave into article files: a file is taken as it is, a folder
/// gives its article files (recursively, respecting `.gitignore` and `.ignore` files, and
/// leaving out paths that match an `exclude` glob). The result is sorted and free of
/// repeats, so the same set of articles always yields the same report.
pub fn collect_paths(paths: &[PathBuf], exclude: &[String]) -> Result<Found, SourceError> {
    let mut found = Found::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut keep = |path: PathBuf, found: &mut Found| {
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            found.files.push(path);
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            keep(path.clone(), &mut found);
            continue;
        }
        let meta = fs::metadata(path).map_err(|err| SourceError {
            path: path.display().to_string(),
            message: io_message(&err),
        })?;
        if !meta.is_dir() {
            keep(path.clone(), &mut found);
            continue;
        }
        let before = found.files.len();
        for file in walk(path, exclude, &mut found.warnings)? {
            keep(file, &mut found);
        }
        if found.files.len() == before {
            return Err(SourceError {
                path: path.display().to_string(),
                message: format!(
                    "no article files (.{}) in this folder",
                    ARTICLE_EXTENSIONS.join(", .")
                ),
            });
        }
    }
    found.files.sort();
    Ok(found)
}

/// The article files under a folder. Links are followed; a loop is reported, not
/// walked forever.
fn walk(
    dir: &Path,
    exclude: &[String],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<PathBuf>, SourceError> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(dir);
    for glob in exclude {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|err| SourceError {
                path: glob.clone(),
                message: format!("bad exclude pattern: {err}"),
            })?;
    }
    let overrides = overrides.build().map_err(|err| SourceError {
        path: dir.display().to_string(),
        message: format!("bad exclude patterns: {err}"),
    })?;
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .require_git(false)
        .overrides(overrides)
        .build();
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && has_article_extension(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            Err(err) => warnings.push(Warning {
                path: dir.display().to_string(),
                message: format!("skipped: {}", one_line(&err.to_string())),
            }),
        }
    }
    Ok(files)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|want| want.eq_ignore_ascii_case(ext))
        })
}

/// The outcome of reading one file.
pub enum Loaded {
    Article(Source),
    Skipped(Warning),
}

/// Reads one article file. Binary files are skipped with a warning; text that is not
/// UTF-8 is decoded as Windows-1252 (the usual encoding of such scraped pages) with a
/// warning, since dropping it would hide its figures from the editor.
pub fn load(path: &Path) -> Result<(Loaded, Option<Warning>), SourceError> {
    let shown = path.display().to_string();
    let read = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map(|_| bytes)
    } else {
        fs::read(path)
    };
    let bytes = read.map_err(|err| SourceError {
        path: shown.clone(),
        message: io_message(&err),
    })?;
    Ok(decode(&shown, &bytes))
}

/// Turns a file's bytes into an article (see [`load`]).
pub fn decode(path: &str, bytes: &[u8]) -> (Loaded, Option<Warning>) {
    if bytes.contains(&0) {
        let warning = Warning {
            path: path.to_string(),
            message: "skipped: binary file (contains NUL bytes)".to_string(),
        };
        return (Loaded::Skipped(warning), None);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(err) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let warning = Warning {
                path: path.to_string(),
                message: format!(
                    "not UTF-8 (first bad byte at offset {}); read as Windows-1252",
                    err.valid_up_to()
                ),
            };
            (text.into_owned(), Some(warning))
        }
    };
    let is_html = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let article = if is_html {
        crate::html::parse(path, &text)
    } else {
        parse(path, &text)
    };
    (Loaded::Article(article), warning)
}

/// Articles from (path, text) pairs, for tests.
#[cfg(test)]
pub(crate) fn parse_all(texts: &[(&str, &str)]) -> Vec<Source> {
    texts.iter().map(|(path, text)| parse(path, text)).collect()
}

/// Splits article text into paragraphs, leaving out page furniture.
pub fn parse(path: &str, text: &str) -> Source {
    let mut url = None;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut open: Option<Paragraph> = None;
    let mut pending_ignore: Vec<String> = Vec::new();
    for (index, line) in split_lines(text).enumerate() {
        let line_no = index + 1;
        let (blanked, ignore) = take_directives(line);
        let raw = blanked.as_ref();
        let trimmed = raw.trim();
        if !ignore.is_empty() && trimmed.is_empty() {
            // A comment on its own line covers the paragraph that follows it.
            paragraphs.extend(open.take());
            pending_ignore.extend(ignore);
            continue;
        }
        if let Some(found) = source_url(trimmed) {
            url.get_or_insert_with(|| found.to_string());
            paragraphs.extend(open.take());
            continue;
        }
        if trimmed.is_empty() || is_furniture(trimmed) {
            paragraphs.extend(open.take());
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let column_base = raw[..indent].chars().count();
        let continues = open
            .as_ref()
            .is_some_and(|para| is_wrapped_continuation(&para.text, trimmed));
        if continues {
            let para = open.as_mut().expect("checked above");
            para.text.push(' ');
            para.segments.push(Segment {
                offset: para.text.len(),
                line: line_no,
                column_base,
            });
            para.text.push_str(trimmed);
            para.sentences.take();
            para.ignore.extend(ignore);
        } else {
            paragraphs.extend(open.take());
            let mut covered = std::mem::take(&mut pending_ignore);
            covered.extend(ignore);
            open = Some(Paragraph {
                text: trimmed.to_string(),
                checkpoints: Vec::new(),
                sentences: std::sync::OnceLock::new(),
                ignore: covered,
                segments: vec![Segment {
                    offset: 0,
                    line: line_no,
                    column_base,
                }],
            });
        }
    }
    paragraphs.extend(open);
    for paragraph in &mut paragraphs {
        paragraph.index();
    }
    Source {
        path: path.to_string(),
        url,
        paragraphs,
    }
}

static DIRECTIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"<!--\s*hcx:\s*ignore\b([^>]*?)-->").expect("directive pattern compiles")
});

/// Finds `<!-- hcx: ignore TOPIC... -->` comments in a line: returns the line with each
/// comment blanked out (same length, so columns stay true; see below) and the topics
/// named.
fn take_directives(line: &str) -> (std::borrow::Cow<'_, str>, Vec<String>) {
    if !line.contains("<!--") {
        return (std::borrow::Cow::Borrowed(line), Vec::new());
    }
    let mut topics = Vec::new();
    let mut blanked = line.to_string();
    for found in DIRECTIVE.captures_iter(line) {
        let whole = found.get(0).expect("group 0 always matches");
        let names: Vec<String> = found[1]
            .split([',', ' ', '\t'])
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        if names.is_empty() {
            topics.push("*".to_string());
        } else {
            topics.extend(names);
        }
        // A line break (one byte, like the '<' it replaces) ends the sentence there, so
        // no quote reaches across the comment.
        let blank = format!("\n{}", " ".repeat(whole.len() - 1));
        blanked.replace_range(whole.range(), &blank);
    }
    (std::borrow::Cow::Owned(blanked), topics)
}

/// Lines ended by `\n`, `\r\n` or a lone `\r`, without their ends.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let after = &rest[end..];
        rest = if let Some(next) = after.strip_prefix("\r\n") {
            next
        } else if after.is_empty() {
            after
        } else {
            &after[1..]
        };
        Some(line)
    })
}

/// A hard-wrapped paragraph goes on when the previous line stops mid-sentence and the
/// next starts in lower case; one-paragraph-a-line articles never meet both.
fn is_wrapped_continuation(previous: &str, next: &str) -> bool {
    let ends_sentence = previous
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '|']);
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    !ends_sentence && starts_lower
}

fn source_url(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("Source:")
        .or_else(|| line.strip_prefix("source:"))
        .or_else(|| line.strip_prefix("URL:"))?
        .trim();
    (rest.starts_with("http://") || rest.starts_with("https://")).then_some(rest)
}

const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff"];

/// Page furniture: image placeholders, caption rows, photo file names, comment counters,
/// bare URLs.
fn is_furniture(line: &str) -> bool {
    if line.starts_with("![") || line.starts_with('|') || line.starts_with("<!--") {
        return true;
    }
    let single_token = !line.contains(char::is_whitespace);
    if single_token {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            return true;
        }
        if let Some((_, ext)) = lower.rsplit_once('.') {
            if IMAGE_EXTENSIONS.contains(&ext) {
                return true;
            }
        }
    }
    is_comment_counter(line)
}

/// "Comment (0)", "Comments (12)", "0 comments".
fn is_comment_counter(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(words.as_slice(), [a, n] | [n, a]
        if (*a == "comment" || *a == "comments") && n.chars().all(|c| c.is_ascii_digit()))
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
        // Joined lines are separated by one space, which belongs to neither.
        self.segments[at..]
            .iter()
            .find(|seg| Some(seg.line) != line)
            .map_or(self.text.len(), |seg| seg.offset.saturating_sub(1))
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

    /// Records (byte offset, characters before it) every [`CHECKPOINT`] bytes.
    fn index(&mut self) {
        self.checkpoints.clear();
        if self.text.len() <= CHECKPOINT {
            return;
        }
        let mut next = CHECKPOINT;
        for (chars, (byte, _)) in self.text.char_indices().enumerate() {
            if byte >= next {
                self.checkpoints.push((byte, chars));
                next = byte + CHECKPOINT;
            }
        }
    }

    /// The paragraph's sentences (see [`crate::sentences::split`]), split once.
    pub fn sentences(&self) -> &[crate::sentences::Sentence] {
        self.sentences
            .get_or_init(|| crate::sentences::split(&self.text))
    }

    /// An empty paragraph, to be filled piece by piece (see [`Paragraph::push_piece`]).
    pub(crate) fn empty() -> Paragraph {
        Paragraph {
            text: String::new(),
            checkpoints: Vec::new(),
            sentences: std::sync::OnceLock::new(),
            ignore: Vec::new(),
            segments: Vec::new(),
        }
    }

    /// Appends text that stands at `line`, `column` (1-based) in the file, after a space
    /// when `spaced` and the paragraph has text already.
    pub(crate) fn push_piece(&mut self, piece: &str, line: usize, column: usize, spaced: bool) {
        if spaced && !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        self.segments.push(Segment {
            offset: self.text.len(),
            line,
            column_base: column - 1,
        });
        self.text.push_str(piece);
        self.sentences.take();
    }

    /// Finishes a paragraph built piece by piece: trailing space cut, columns indexed.
    pub(crate) fn finish(mut self) -> Option<Paragraph> {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
        self.sentences.take();
        self.segments.retain(|seg| seg.offset < kept || kept == 0);
        if self.text.trim().is_empty() {
            return None;
        }
        self.index();
        Some(self)
    }
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_left_out() {
        let text = "![]() |\n| Caption of a photo. (Photo: Someone) |\nimg_0042.JPG\nComment (0)\n\
                    12 comments\nThe council met 3 times.\n";
        let source = parse("a.txt", text);
        let texts: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["The council met 3 times."]);
    }

    #[test]
    fn source_line_gives_the_url_and_is_not_text() {
        let source = parse("a.txt", "Text 1.\nSource: https://example.org/a-123.htm\n");
        assert_eq!(source.url.as_deref(), Some("https://example.org/a-123.htm"));
        assert_eq!(source.paragraphs.len(), 1);
        let bare = parse("b.txt", "Text 1.\nhttps://example.org/a-123.htm\n");
        assert_eq!(bare.paragraphs.len(), 1);
    }

    #[test]
    fn every_line_end_style_counts_lines() {
        for text in ["a.\nb.\nc 5.", "a.\r\nb.\r\nc 5.", "a.\rb.\rc 5."] {
            let source = parse("x", text);
            let last = &source.paragraphs[2];
            assert_eq!(last.locate(2), Location { line: 3, column: 3 }, "{text:?}");
        }
    }

    #[test]
    fn hard_wrapped_lines_join_and_keep_their_places() {
        let source = parse(
            "x.md",
            "Rescuers said that\n  more than 40 people\nwere found.\n",
        );
        assert_eq!(source.paragraphs.len(), 1);
        let para = &source.paragraphs[0];
        assert_eq!(
            para.text,
            "Rescuers said that more than 40 people were found."
        );
        let at = para.text.find("40").unwrap();
        assert_eq!(
            para.locate(at),
            Location {
                line: 2,
                column: 13
            }
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = parse("x", "Đà Nẵng had 5 cases.");
        let para = &source.paragraphs[0];
        let at = para.text.find('5').unwrap();
        assert_eq!(para.locate(at).column, 13);
    }

    #[test]
    fn columns_in_long_lines_count_characters() {
        let line = format!("{}Đà 42 boats.", "é ".repeat(5000));
        let source = parse("x", &line);
        let para = &source.paragraphs[0];
        let at = para.text.find("42").unwrap();
        assert_eq!(para.locate(at).column, 10_000 + 4);
    }

    #[test]
    fn binary_is_skipped_and_latin1_is_decoded() {
        let (loaded, _) = decode("bin", b"abc\0def");
        assert!(matches!(loaded, Loaded::Skipped(w) if w.message.contains("binary")));
        let (loaded, warning) = decode("latin", b"Caf\xe9 served 40 guests.");
        let Loaded::Article(source) = loaded else {
            panic!("not read")
        };
        assert_eq!(source.paragraphs[0].text, "Café served 40 guests.");
        assert!(warning.unwrap().message.contains("Windows-1252"));
    }

    #[test]
    fn ignore_comments_cover_their_paragraph() {
        let text = "<!-- hcx: ignore deaths -->\nThe flood killed 12 people.\n\
                    Another 40 were hurt. <!-- hcx: ignore injuries, missing -->\n\
                    A third paragraph.\n<!-- hcx: ignore -->\nLast one.\n";
        let source = parse("a.md", text);
        let ignores: Vec<&[String]> = source
            .paragraphs
            .iter()
            .map(|p| p.ignore.as_slice())
            .collect();
        assert_eq!(ignores[0], ["deaths"]);
        assert_eq!(ignores[1], ["injuries", "missing"]);
        assert!(ignores[2].is_empty());
        assert_eq!(ignores[3], ["*"]);
        assert!(
            !source.paragraphs[1].text.contains("hcx"),
            "the comment is not article text"
        );
        assert_eq!(
            source.paragraphs[1].text.trim_end(),
            "Another 40 were hurt."
        );
    }

    #[test]
    fn bom_is_not_text() {
        let (loaded, warning) = decode("bom", b"\xEF\xBB\xBF12 people.");
        let Loaded::Article(source) = loaded else {
            panic!("not read")
        };
        assert!(warning.is_none());
        assert_eq!(source.paragraphs[0].locate(0).column, 1);
        assert_eq!(source.paragraphs[0].text, "12 people.");
    }
}
