//! Plain-text and Markdown articles: lines to paragraphs. Scraped articles carry page
//! furniture that is not the reporter's text (image placeholders, caption rows, photo
//! file names, comment counters, the page's URL); this reader drops it, keeps the URL
//! aside, reads `<!-- hcx: ignore -->` comments, and joins hard-wrapped lines while
//! keeping each one's place in the file.

use super::{Builder, Draft, Kept, Source};

/// Splits article text into paragraphs, leaving out page furniture.
pub fn parse(path: &str, text: &str) -> Source {
    let mut url = None;
    let mut paragraphs = Builder::with_room(text.len());
    let mut open: Option<Draft> = None;
    let mut pending_ignore: Vec<String> = Vec::new();
    let mut first_line = 0;
    let mut ignore_names = Vec::new();
    let front = front_matter(text);
    for (index, line) in split_lines(text).enumerate() {
        let line_no = index + 1;
        if line_no <= front.lines {
            continue;
        }
        if first_line == 0 && !line.trim().is_empty() {
            first_line = line_no;
        }
        let (blanked, ignore) = take_directives(line);
        ignore_names.extend(
            ignore
                .iter()
                .filter(|name| *name != "*")
                .map(|name| (line_no, name.clone())),
        );
        // Controls are dropped before anything reads the line, so none makes a claim.
        let kept = Kept::of(blanked.as_ref());
        let raw = kept.text.as_ref();
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
        let range = indent..indent + trimmed.len();
        // The first line is the headline: a paragraph of its own, however it ends.
        let continues = open.as_ref().is_some_and(|para| {
            para.first_line() != Some(first_line) && is_wrapped_continuation(&para.text, trimmed)
        });
        if continues {
            let para = open.as_mut().expect("checked above");
            para.text.push(' ');
            para.push_line(&kept, range, line_no);
            para.ignore.extend(ignore);
        } else {
            paragraphs.extend(open.take());
            let mut covered = std::mem::take(&mut pending_ignore);
            covered.extend(ignore);
            let mut para = Draft::empty();
            para.ignore = covered;
            para.push_line(&kept, range, line_no);
            open = Some(para);
        }
    }
    paragraphs.extend(open);
    let paragraphs = paragraphs.finish();
    // Only English exists yet; a source in another language will say so here.
    let language = crate::base::lang::ENGLISH;
    Source {
        path: path.to_string(),
        date: super::dated::written_on(
            &paragraphs,
            url.as_deref(),
            language,
            super::dated::Declared {
                front_matter: front.date,
                page: None,
            },
        ),
        language,
        url,
        paragraphs: std::sync::Arc::new(paragraphs),
        ignore_names,
    }
}

/// Markdown front matter: the lines between a `---` on the first line and the next
/// `---` (or `...`). They are the file's metadata, not the article: none is read as
/// text, and only its `date:` is kept.
struct FrontMatter<'a> {
    /// How many lines of the file it takes, fences included; 0 when there is none.
    lines: usize,
    date: Option<&'a str>,
}

/// Lines a front matter may take: past them, a `---` on the first line is a rule.
const FRONT_MATTER_REACH: usize = 60;

fn front_matter(text: &str) -> FrontMatter<'_> {
    let none = FrontMatter {
        lines: 0,
        date: None,
    };
    let mut lines = split_lines(text);
    if lines.next().map(str::trim) != Some("---") {
        return none;
    }
    let mut date = None;
    let mut keyed = false;
    for (index, line) in lines.take(FRONT_MATTER_REACH).enumerate() {
        let trimmed = line.trim();
        // Front matter opens with a key ("title: ..."); a rule above the headline and
        // one under it would otherwise hide the article between them.
        if !keyed && !trimmed.is_empty() {
            let key = trimmed.split_once(':').map_or("", |(k, _)| k);
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                return none;
            }
            keyed = true;
        }
        if trimmed == "---" || trimmed == "..." {
            return FrontMatter {
                lines: index + 2,
                date,
            };
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let key = key.trim().to_ascii_lowercase();
            if date.is_none() && matches!(key.as_str(), "date" | "published" | "pubdate") {
                date = Some(value.trim());
            }
        }
    }
    none
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
        let end = memchr::memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len());
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
    // Asked of every line: most hold no "comment" at all, and no character but ASCII
    // lower-cases to one of its letters, so an ASCII search decides them.
    let bytes = line.as_bytes();
    let has_comment = memchr::memchr2_iter(b'c', b'C', bytes).any(|i| {
        bytes[i..]
            .get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"comment"))
    });
    if !has_comment {
        return false;
    }
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(words.as_slice(), [a, n] | [n, a]
        if (*a == "comment" || *a == "comments") && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Location;

    #[test]
    fn furniture_lines_are_left_out() {
        let text = "![]() |\n| Caption of a photo. (Photo: Someone) |\nimg_0042.JPG\nComment (0)\n\
                    12 comments\nThe council met 3 times.\n";
        let source = parse("a.txt", text);
        let texts: Vec<&str> = source
            .paragraphs
            .iter()
            .map(crate::source::Paragraph::text)
            .collect();
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
            let last = source.paragraphs.at(2);
            assert_eq!(last.locate(2), Location { line: 3, column: 3 }, "{text:?}");
        }
    }

    #[test]
    fn hard_wrapped_lines_join_and_keep_their_places() {
        let source = parse(
            "x.md",
            "Title\n\nRescuers said that\n  more than 40 people\nwere found.\n",
        );
        assert_eq!(source.paragraphs.len(), 2);
        let para = source.paragraphs.at(1);
        assert_eq!(
            para.text(),
            "Rescuers said that more than 40 people were found."
        );
        let at = para.text().find("40").unwrap();
        assert_eq!(
            para.locate(at),
            Location {
                line: 4,
                column: 13
            }
        );
    }

    #[test]
    fn the_first_line_is_a_headline_of_its_own() {
        for text in [
            "116 killed in stampede\ndate 2024-07-02 Hathras (UP): a stampede killed 116.",
            "flood toll rises to 40\nofficials said on Monday that 40 died.",
        ] {
            let source = parse("x.txt", text);
            assert_eq!(source.paragraphs.len(), 2, "{text:?}");
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = parse("x", "Đà Nẵng had 5 cases.");
        let para = source.paragraphs.at(0);
        let at = para.text().find('5').unwrap();
        assert_eq!(para.locate(at).column, 13);
    }

    #[test]
    fn columns_in_long_lines_count_characters() {
        let line = format!("{}Đà 42 boats.", "é ".repeat(5000));
        let source = parse("x", &line);
        let para = source.paragraphs.at(0);
        let at = para.text().find("42").unwrap();
        assert_eq!(para.locate(at).column, 10_000 + 4);
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
            .map(crate::source::Paragraph::ignore)
            .collect();
        assert_eq!(ignores[0], ["deaths"]);
        assert_eq!(ignores[1], ["injuries", "missing"]);
        assert!(ignores[2].is_empty());
        assert_eq!(ignores[3], ["*"]);
        assert!(
            !source.paragraphs.at(1).text().contains("hcx"),
            "the comment is not article text"
        );
        assert_eq!(
            source.paragraphs.at(1).text().trim_end(),
            "Another 40 were hurt."
        );
    }
}
