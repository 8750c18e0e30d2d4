//! HTML articles: the text of a page's paragraphs, headings and list items, each piece
//! kept at its exact line and column in the HTML file.
//!
//! The page is parsed with `tl`, whose text nodes are slices of the page itself, so each
//! one's place in the file is known. Text is cut at line breaks and at character
//! references ("&amp;"), which are decoded with `html-escape`; every piece becomes a
//! segment of its paragraph, so a claim's `file:line:col` points into the HTML. Scripts,
//! styles, navigation, figures and captions are page furniture and are left out.

use crate::source::{Builder, Draft, Source};

/// Elements whose text is article text and which each make a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "button",
    "svg",
    "template",
    "head",
    "iframe",
    "select",
];

/// Where lines start in the page, to turn byte offsets into lines and columns.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

struct Walk<'a> {
    input: &'a str,
    lines: Lines<'a>,
    paragraphs: Builder,
    open: Option<Draft>,
    /// Whitespace ended the last text, so the next piece is a new word.
    spaced: bool,
}

impl Walk<'_> {
    fn close(&mut self) {
        if let Some(done) = self.open.take().and_then(Draft::finish) {
            self.paragraphs.push(done);
        }
        self.spaced = false;
    }

    /// Adds a text node that starts at byte `at` of the page.
    fn text(&mut self, at: usize, text: &str) {
        let para = self.open.get_or_insert_with(Draft::empty);
        let mut spaced = self.spaced || text.starts_with(char::is_whitespace);
        let mut rest = text;
        let mut offset = at;
        while !rest.is_empty() {
            // The next line break or character reference ends the piece.
            let stop = rest.find(['\n', '\r', '&']).unwrap_or(rest.len());
            let piece = &rest[..stop];
            let lead = piece.len() - piece.trim_start().len();
            let body = piece.trim_start();
            if !body.trim().is_empty() {
                let (line, column) = self.lines.line_column(offset + lead);
                para.push_piece(body, line, column, spaced || lead > 0);
                spaced = false;
            }
            rest = &rest[stop..];
            offset += stop;
            if rest.starts_with('&') {
                let end = rest
                    .find(';')
                    .filter(|&e| e <= 32 && !rest[1..e].contains(char::is_whitespace));
                let (reference, len) = match end {
                    Some(e) => (&rest[..=e], e + 1),
                    None => (&rest[..1], 1),
                };
                let decoded = html_escape::decode_html_entities(reference);
                let (line, column) = self.lines.line_column(offset);
                let blank = decoded.trim().is_empty();
                if blank {
                    spaced = true;
                } else {
                    para.push_piece(&decoded, line, column, spaced);
                    spaced = false;
                }
                rest = &rest[len..];
                offset += len;
            } else if let Some(after) = rest.strip_prefix(['\n', '\r']) {
                spaced = true;
                offset += 1;
                rest = after;
            }
        }
        self.spaced = spaced || text.ends_with(char::is_whitespace);
    }
}

/// Reads an HTML page as an article.
pub fn parse(path: &str, input: &str) -> Source {
    let mut walk = Walk {
        input,
        lines: Lines::new(input),
        paragraphs: Builder::with_room(input.len()),
        open: None,
        spaced: false,
    };
    if let Ok(dom) = tl::parse(input, tl::ParserOptions::default()) {
        let parser = dom.parser();
        for handle in dom.children() {
            visit(*handle, parser, &mut walk);
        }
    }
    walk.close();
    let paragraphs = walk.paragraphs.finish();
    // Only English exists yet; a source in another language will say so here.
    let language = crate::base::lang::ENGLISH;
    Source {
        date: super::dated::written_on(
            &paragraphs,
            None,
            language,
            super::dated::Declared {
                front_matter: None,
                page: published(input),
            },
        ),
        path: path.to_string(),
        language,
        url: None,
        paragraphs: std::sync::Arc::new(paragraphs),
        ignore_names: Vec::new(),
    }
}

/// The day a page says it was published: its `article:published_time` meta tag, else
/// the `datePublished` of its schema.org data (a meta tag's `itemprop` or JSON-LD), as
/// written. Read from the raw page, since scripts and the head are not article text.
fn published(input: &str) -> Option<&str> {
    static META: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)<meta\b[^>]*>").expect("meta pattern compiles")
    });
    static CONTENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?i)\bcontent\s*=\s*["']([^"']*)["']"#)
            .expect("content pattern compiles")
    });
    static JSON_LD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#""datePublished"\s*:\s*"([^"]*)""#).expect("JSON-LD pattern compiles")
    });
    let meta = |name: &str| {
        META.find_iter(input).find_map(|tag| {
            let tag = tag.as_str();
            if !tag.to_ascii_lowercase().contains(name) {
                return None;
            }
            CONTENT
                .captures(tag)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str())
        })
    };
    meta("article:published_time")
        .or_else(|| meta("datepublished"))
        .or_else(|| {
            JSON_LD
                .captures(input)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str())
        })
}

fn visit(handle: tl::NodeHandle, parser: &tl::Parser, walk: &mut Walk) {
    let Some(node) = handle.get(parser) else {
        return;
    };
    match node {
        tl::Node::Raw(bytes) => {
            // tl's text is a slice of the page: its address gives its place.
            let Some(slice) = bytes.as_bytes_borrowed() else {
                return;
            };
            let base = walk.input.as_ptr() as usize;
            let at = (slice.as_ptr() as usize).wrapping_sub(base);
            if at + slice.len() <= walk.input.len() {
                if let Some(text) = walk.input.get(at..at + slice.len()) {
                    walk.text(at, text);
                }
            }
        }
        tl::Node::Tag(tag) => {
            let name = tag.name().as_utf8_str().to_ascii_lowercase();
            if SKIPPED.contains(&name.as_str()) {
                return;
            }
            let block = BLOCKS.contains(&name.as_str()) || name == "br" || name == "div";
            if block {
                walk.close();
            }
            for child in tag.children().top().iter() {
                visit(*child, parser, walk);
            }
            if block {
                walk.close();
            }
        }
        tl::Node::Comment(_) => {}
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const PAGE: &str = "<html><head><title>x</title><script>var n = 42;</script></head>\n<body>\n<nav>Home 12</nav>\n<h1>Storm &amp; flood</h1>\n<p>The storm killed\n  <b>14 people</b>, officials said.</p>\n<figure><img src=\"a.jpg\"><figcaption>Photo 3</figcaption></figure>\n<p>About&nbsp;300 boats sank &mdash; 40 more were hurt.</p>\n</body></html>\n";

    #[test]
    fn block_text_is_kept_and_furniture_left_out() {
        let source = parse("page.html", PAGE);
        let texts: Vec<&str> = source
            .paragraphs
            .iter()
            .map(crate::source::Paragraph::text)
            .collect();
        assert_eq!(
            texts,
            [
                "Storm & flood",
                "The storm killed 14 people, officials said.",
                "About 300 boats sank — 40 more were hurt."
            ]
        );
    }
}
