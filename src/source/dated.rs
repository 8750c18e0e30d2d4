//! Dated: the day an article was written. In this order: a date its file declares (a
//! `date:` in Markdown front matter, or a `Date:` line anywhere), a date its HTML page
//! declares (`article:published_time`, `datePublished`), a date stamp at its top
//! ("Updated 04 October 2024", "• November 7, 2024"), and last a date in its URL
//! ("/2024/10/03/"). A declared date is the publisher's word, a stamp at the top may be
//! a byline's, and a URL's may be the day a page was first made. Whether "the 2015
//! stampede" or "last year" is another occasion than the event's is judged from these
//! days, and each claim shows its source's.

use crate::base::calendar::{day_number, DayNumber};
use crate::base::lang::Language;

use super::Paragraphs;

/// Paragraphs at the top of an article a date line may stand in: the headline, a
/// byline, the date, the first body paragraph it may open.
const DATE_LINE_REACH: usize = 4;

/// What a file declares of its date, apart from its text: the `date:` of Markdown front
/// matter, the `article:published_time` or `datePublished` of an HTML page, as written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Declared<'a> {
    pub front_matter: Option<&'a str>,
    pub page: Option<&'a str>,
}

/// The day an article was written, if its file, its top or its URL says.
pub fn written_on(
    paragraphs: &Paragraphs,
    url: Option<&str>,
    lang: &'static Language,
    declared: Declared,
) -> Option<DayNumber> {
    let patterns = patterns(lang);
    let value = |text: &str| date_value(&patterns.line, text, lang);
    declared
        .front_matter
        .and_then(value)
        .or_else(|| {
            paragraphs
                .iter()
                .filter(|p| is_date_field(p.text()))
                .find_map(|p| date_line(&patterns.line, p.text(), lang))
        })
        .or_else(|| declared.page.and_then(value))
        .or_else(|| {
            paragraphs
                .iter()
                .take(DATE_LINE_REACH)
                .find_map(|p| date_line(&patterns.line, p.text(), lang))
        })
        .or_else(|| url_date(&patterns.url, url?))
}

/// Builds every language's patterns now, so that a thread with nothing else to do pays
/// for them instead of the first file read.
pub fn warm() {
    for lang in crate::base::lang::LANGUAGES {
        patterns(lang);
    }
}

/// "Date: ...", "Published: ...": a line that names itself a date, wherever it stands.
fn is_date_field(text: &str) -> bool {
    // Asked of every paragraph: only a "d" or a "p" can open one of these fields.
    let text = text.trim_start();
    if !matches!(text.as_bytes().first(), Some(b'd' | b'D' | b'p' | b'P')) {
        return false;
    }
    let head: String = text.chars().take(12).collect::<String>().to_lowercase();
    ["date:", "date :", "published:", "dated:"]
        .iter()
        .any(|field| head.starts_with(field))
}

/// A declared date: ISO, with or without a time ("2024-07-02T10:00:00Z"), or as a
/// date line reads it.
fn date_value(line: &regex::Regex, text: &str, lang: &Language) -> Option<DayNumber> {
    static ISO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"^\s*["']?(\d{4})-(\d{2})-(\d{2})"#).expect("ISO pattern compiles")
    });
    if let Some(c) = ISO.captures(text) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        return valid(num(1)?, num(2)?, num(3)?);
    }
    date_line(line, text.trim().trim_matches(['"', '\'']), lang)
}

struct Patterns {
    line: regex::Regex,
    url: regex::Regex,
}

fn patterns(lang: &'static Language) -> &'static Patterns {
    static MADE: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Patterns>> =
        std::sync::LazyLock::new(|| {
            crate::base::lang::LANGUAGES
                .iter()
                .map(|l| (l.code, Patterns::of(l)))
                .collect()
        });
    &MADE[lang.code]
}

impl Patterns {
    fn of(lang: &Language) -> Patterns {
        let month = lang.month_pattern();
        let weekday = lang.weekdays.words().join("|");
        // A date at the very start of a paragraph, after a bullet or a word that says
        // it is one: ISO ("2024-07-02"), day first ("04 October 2024") or month first
        // ("November 7, 2024"). ASCII digits, as `parse` reads them: Unicode's `\d`
        // compiles to a far larger automaton for nothing.
        let line = format!(
            r"(?i)^[\s•·\-–]*(?:(?:date|dated|updated|published|posted)\s*:?\s+)?(?:(?:{weekday})\.?,?\s+)?(?:([0-9]{{4}})-([0-9]{{2}})-([0-9]{{2}})(?:T[0-9:.+\-Z]*)?|([0-9]{{1,2}})\s+({month})\s+([0-9]{{4}})|({month})\s+([0-9]{{1,2}}),?\s+([0-9]{{4}}))\b"
        );
        Patterns {
            line: regex::Regex::new(&line).expect("date line pattern compiles"),
            url: regex::Regex::new(r"(?:^|[/_-])((?:19|20)\d\d)[/-](\d{2})[/-](\d{2})(?:$|[/_.-])")
                .expect("URL date pattern compiles"),
        }
    }
}

fn valid(year: u32, month: u32, day: u32) -> Option<DayNumber> {
    let year = i32::try_from(year).ok()?;
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| day_number(year, month as u8, day as u8))
}

fn date_line(pattern: &regex::Regex, text: &str, lang: &Language) -> Option<DayNumber> {
    let c = pattern.captures(text)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let month_of = |i: usize| {
        c.get(i)
            .and_then(|m| lang.month_index(m.as_str()))
            .map(|m| m as u32 + 1)
    };
    if let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) {
        return valid(y, m, d);
    }
    if let (Some(d), Some(m), Some(y)) = (num(4), month_of(5), num(6)) {
        return valid(y, m, d);
    }
    let (m, d, y) = (month_of(7)?, num(8)?, num(9)?);
    valid(y, m, d)
}

fn url_date(pattern: &regex::Regex, url: &str) -> Option<DayNumber> {
    let c = pattern.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    valid(num(1)?, num(2)?, num(3)?)
}

#[cfg(test)]
mod tests {
    use crate::base::calendar::day_number;
    use crate::source::text::parse;

    fn written(text: &str) -> Option<i64> {
        parse("x.txt", text).date
    }

    #[test]
    fn a_date_line_at_the_top_in_several_forms() {
        let day = Some(day_number(2024, 7, 2));
        assert_eq!(
            written("116 killed\n date 2024-07-02 Hathras (UP): a stampede."),
            day
        );
        assert_eq!(written("Title\n\nUpdated 02 July 2024\n\nBody."), day);
        assert_eq!(written("Title\n\n  • July 2, 2024\n\nBody."), day);
        assert_eq!(written("Title\n\nTuesday, July 2, 2024\n\nBody."), day);
    }

    #[test]
    fn else_the_url_gives_it_and_else_nothing_does() {
        assert_eq!(
            written("Title\n\nBody.\n\nSource: https://x.org/news/2024/10/03/boat-sinks/"),
            Some(day_number(2024, 10, 3))
        );
        assert_eq!(
            written("Title\n\nIt was 2024-07-02 in the text, far down.\n\nA.\n\nB.\n\nC."),
            None
        );
        assert_eq!(
            written("Title\n\nBody.\n\nSource: https://x.org/node/2573794"),
            None
        );
    }
}

#[cfg(test)]
mod order {
    use crate::base::calendar::day_number;
    use crate::source::{html, text};

    #[test]
    fn front_matter_comes_before_a_stamp_at_the_top() {
        let source = text::parse(
            "a.md",
            "---\ntitle: Storm\ndate: 2024-07-02T10:00:00Z\n---\nStorm\n\nUpdated 05 July 2024\n\nBody.",
        );
        assert_eq!(source.date, Some(day_number(2024, 7, 2)));
        // The front matter is metadata, not the article: the headline is the line after.
        assert_eq!(source.paragraphs.at(0).text(), "Storm");
        let quoted = text::parse("a.md", "---\ndate: \"July 9, 2024\"\n---\nTitle\n\nBody.");
        assert_eq!(quoted.date, Some(day_number(2024, 7, 9)));
        // Rules around a headline are no front matter: the article between them stays.
        let ruled = text::parse("a.txt", "---\nStorm kills 14\n---\nThe storm killed 14.");
        assert_eq!(ruled.paragraphs.at(0).text(), "---");
        assert!(ruled
            .paragraphs
            .iter()
            .any(|p| p.text() == "Storm kills 14"));
    }

    #[test]
    fn a_date_line_anywhere_comes_before_a_stamp_at_the_top() {
        let source = text::parse(
            "a.txt",
            "Title\n\nUpdated 05 July 2024\n\nBody.\n\nMore.\n\nDate: 2024-07-03\n\nSource: https://x.org/2024/07/01/a",
        );
        assert_eq!(source.date, Some(day_number(2024, 7, 3)));
        let spelt = text::parse("a.txt", "Title\n\nBody.\n\nPublished: July 3, 2024");
        assert_eq!(spelt.date, Some(day_number(2024, 7, 3)));
        // Text that only mentions a date is no date line.
        let mention = text::parse(
            "a.txt",
            "Title\n\nA.\n\nB.\n\nC.\n\nThe date: it was 2024-07-03.",
        );
        assert_eq!(mention.date, None);
    }

    #[test]
    fn a_page_declares_its_date_in_a_meta_tag_or_its_schema_data() {
        let meta = "<html><head><meta content=\"2024-07-04T08:00:00+05:30\" property=\"article:published_time\"></head><body><h1>T</h1><p>Updated 05 July 2024</p></body></html>";
        assert_eq!(
            html::parse("a.html", meta).date,
            Some(day_number(2024, 7, 4))
        );
        let ld = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-07-06\"}</script></head><body><h1>T</h1><p>Body.</p></body></html>";
        assert_eq!(html::parse("a.html", ld).date, Some(day_number(2024, 7, 6)));
        // A visible Date: line is the publisher's word too, and comes first.
        let both = "<html><head><meta property=\"article:published_time\" content=\"2024-07-04\"></head><body><h1>T</h1><p>Date: 2024-07-01</p></body></html>";
        assert_eq!(
            html::parse("a.html", both).date,
            Some(day_number(2024, 7, 1))
        );
        // Without any, the stamp at the top.
        let stamp = "<html><body><h1>T</h1><p>Updated 05 July 2024</p></body></html>";
        assert_eq!(
            html::parse("a.html", stamp).date,
            Some(day_number(2024, 7, 5))
        );
    }
}
