//! Dated: the day an article was written, from a date line at its top ("date
//! 2024-07-02", "Updated 04 October 2024", "• November 7, 2024") or a date in its URL
//! ("/2024/10/03/"). Whether "the 2015 stampede" or "last year" is another occasion than
//! the event's is judged from these days.

use crate::base::calendar::{day_number, DayNumber};
use crate::base::lang::Language;

use super::Paragraph;

/// Paragraphs at the top of an article a date line may stand in: the headline, a
/// byline, the date, the first body paragraph it may open.
const DATE_LINE_REACH: usize = 4;

/// The day an article was written, if its top or its URL says.
pub fn written_on(
    paragraphs: &[Paragraph],
    url: Option<&str>,
    lang: &'static Language,
) -> Option<DayNumber> {
    let patterns = patterns(lang);
    paragraphs
        .iter()
        .take(DATE_LINE_REACH)
        .find_map(|p| date_line(&patterns.line, &p.text, lang))
        .or_else(|| url_date(&patterns.url, url?))
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
        // ("November 7, 2024").
        let line = format!(
            r"(?i)^[\s•·\-–]*(?:(?:date|dated|updated|published|posted)\s*:?\s+)?(?:(?:{weekday})\.?,?\s+)?(?:(\d{{4}})-(\d{{2}})-(\d{{2}})|(\d{{1,2}})\s+({month})\s+(\d{{4}})|({month})\s+(\d{{1,2}}),?\s+(\d{{4}}))\b"
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
