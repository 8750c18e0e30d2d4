//! Sentences: splits a paragraph into sentences with the Unicode sentence boundary rules.
//!
//! UAX #29 keeps "2,500", "1.5" and "U.N. officials" whole on its own; what it cannot know
//! is that "Oct." or "Gen." end an abbreviation and not a sentence when a capital follows,
//! so sentences that end on a known abbreviation are joined to the next one.

mod bounds;

use unicode_segmentation::UnicodeSegmentation;

use crate::base::lang::Language;
use crate::base::span::Span;
use crate::source::{Bounds, Paragraph, Sentences};

/// A sentence as a byte range of its paragraph's text.
pub type Sentence = Span;

/// A paragraph's sentences; the paragraph is in `lang`. The sentences of a source's
/// paragraphs that hold a digit are split for all of them on first use and kept with
/// the source (extraction and the dates check read them); others are split when asked.
pub fn of<'p>(paragraph: Paragraph<'p>, lang: &Language) -> Iter<'p> {
    let held = paragraph.held_sentences(|all| {
        Sentences::of(all, |text| {
            text.bytes()
                .any(|b| b.is_ascii_digit())
                .then(|| split(text, lang))
        })
    });
    Iter(match held {
        Some(bounds) => Inner::Held(bounds.iter()),
        None => Inner::Split(split(paragraph.text(), lang).into_iter()),
    })
}

/// The sentences of a paragraph (see [`of`]).
pub struct Iter<'p>(Inner<'p>);

enum Inner<'p> {
    Held(std::slice::Iter<'p, Bounds>),
    Split(std::vec::IntoIter<Sentence>),
}

impl Iterator for Iter<'_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        match &mut self.0 {
            Inner::Held(held) => held.next().map(|b| b.span()),
            Inner::Split(split) => split.next(),
        }
    }
}

/// Splits `text` into trimmed, non-empty sentences.
pub fn split(text: &str, lang: &Language) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut join_next = false;
    let mut take = |start: usize, piece: &str| {
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if body.is_empty() {
            return;
        }
        let sentence = Sentence {
            start: start + lead,
            end: start + lead + body.len(),
        };
        match out.last_mut() {
            Some(last) if join_next => last.end = sentence.end,
            _ => out.push(sentence),
        }
        join_next = ends_with_abbreviation(body, lang);
    };
    match bounds::breaks(text) {
        Some(breaks) => {
            for pair in breaks.windows(2) {
                take(pair[0], &text[pair[0]..pair[1]]);
            }
        }
        None => {
            for (start, piece) in text.split_sentence_bound_indices() {
                take(start, piece);
            }
        }
    }
    out.into_iter().flat_map(|s| cap(text, s)).collect()
}

/// The longest sentence worked on whole, in bytes. Real sentences are far shorter; a
/// longer run is a table, a list or a file with no full stops, and working on it whole
/// would cost time and memory that grow with its square.
pub const MAX_SENTENCE: usize = 2_000;

/// Cuts an over-long sentence into pieces of at most [`MAX_SENTENCE`] bytes, at a
/// clause mark or a space where there is one, so no figure is cut in two.
fn cap(text: &str, sentence: Sentence) -> Vec<Sentence> {
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE {
        let mut limit = start + MAX_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        // A mark followed by a plain space: "1,234" and "2 500" (thin space) stay whole.
        let cut = window
            .rfind("; ")
            .or_else(|| window.rfind(", "))
            .map(|i| i + 1)
            .or_else(|| window.rfind([' ', '\t']))
            .filter(|&i| i > 0)
            .map_or(limit, |i| start + i);
        pieces.push(Sentence { start, end: cut });
        start = cut;
        while start < sentence.end && text[start..].starts_with([' ', '\t']) {
            start += 1;
        }
    }
    if start < sentence.end {
        pieces.push(Sentence {
            start,
            end: sentence.end,
        });
    }
    pieces
}

/// True when a sentence ends on an abbreviation (the language's, a month's, or one
/// letter), whose full stop does not end the sentence when a capital follows.
fn ends_with_abbreviation(sentence: &str, lang: &Language) -> bool {
    let Some(stem) = sentence.strip_suffix('.') else {
        return false;
    };
    let last_word = stem
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = last_word.to_lowercase();
    lang.abbreviations.contains(&word)
        || lang.is_month_abbreviation(&word)
        || (word.len() == 1 && word.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::ENGLISH;

    fn texts(text: &str) -> Vec<&str> {
        split(text, ENGLISH).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn numbers_with_separators_and_decimals_stay_whole() {
        assert_eq!(
            texts("About 3,400 came. Rainfall was 1.5 times the norm. It ended."),
            [
                "About 3,400 came.",
                "Rainfall was 1.5 times the norm.",
                "It ended."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            texts("On Sept. 9 President Lee spoke. Then U.N. officials left."),
            [
                "On Sept. 9 President Lee spoke.",
                "Then U.N. officials left."
            ]
        );
        assert_eq!(
            texts("Gen. Smith said 40 died. Dr. Jones said 42."),
            ["Gen. Smith said 40 died.", "Dr. Jones said 42."]
        );
        assert_eq!(
            texts("J. R. Smith counted 9 boats. It rained."),
            ["J. R. Smith counted 9 boats.", "It rained."]
        );
    }

    #[test]
    fn over_long_runs_are_cut_at_clause_marks_without_splitting_figures() {
        let clause = "the council counted 1,234 boats in the harbour, ";
        let text = clause.repeat(200);
        let found = split(&text, ENGLISH);
        assert!(found.len() > 1);
        for s in &found {
            assert!(s.end - s.start <= MAX_SENTENCE);
            assert!(
                s.text(&text).starts_with("the council"),
                "{:?}",
                &s.text(&text)[..20]
            );
        }
        let no_marks = "x".repeat(5 * MAX_SENTENCE + 7);
        let pieces = split(&no_marks, ENGLISH);
        assert_eq!(
            pieces.iter().map(|s| s.end - s.start).sum::<usize>(),
            no_marks.len()
        );
    }

    #[test]
    fn ranges_are_trimmed_offsets_into_the_paragraph() {
        let text = "  One.   Two 2.  ";
        let found = split(text, ENGLISH);
        assert_eq!(found[1], Sentence { start: 9, end: 15 });
    }

    #[test]
    fn held_or_split_when_asked_a_paragraph_reads_the_same_sentences() {
        let file = "Storm kills 14\n\nNo figure here. None at all.\n\n\
                    Gen. Smith said 40 died. Twelve were hurt.\n\n\
                    Dozens fled. Some came back.\n\nThe toll rose to 52 on Oct. 3. It may rise.\n";
        let source = &crate::source::parse_all(&[("a.txt", file)])[0];
        let first: Vec<Vec<Sentence>> = source
            .paragraphs
            .iter()
            .map(|p| of(p, ENGLISH).collect())
            .collect();
        for (paragraph, sentences) in source.paragraphs.iter().zip(&first) {
            assert_eq!(
                *sentences,
                split(paragraph.text(), ENGLISH),
                "{paragraph:?}"
            );
            let again: Vec<Sentence> = of(paragraph, ENGLISH).collect();
            assert_eq!(again, *sentences, "{paragraph:?}");
            let held = paragraph.held_sentences(|_| unreachable!("filled by the first call"));
            let has_digit = paragraph.text().bytes().any(|b| b.is_ascii_digit());
            assert_eq!(held.is_some(), has_digit, "{paragraph:?}");
        }
        let counts: Vec<usize> = first.iter().map(Vec::len).collect();
        assert_eq!(counts, [1, 2, 2, 2, 2]);
    }
}
