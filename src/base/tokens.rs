//! Tokens: cuts a sentence into words, numbers, links and punctuation.
//!
//! A hand-written scanner rather than a regex because its rules are about neighbours:
//! digits glued to letters (`x9912_4410ab.jpg`, "G20", "60th") are not numbers
//! of their own, and a number keeps its separators ("2,500", "1,00,000", "2 500" with a
//! thin space) and its decimal point.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and digits ("seventy-two", "COVID-19").
    Word,
    /// Digits with their separators ("2,500", "1.5").
    Number,
    /// A link or anything glued to one: never a claim.
    Link,
    /// One character of anything else.
    Punct,
}

/// A token as a byte range of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, paragraph: &'a str) -> &'a str {
        &paragraph[self.start..self.end]
    }
}

/// Spaces that may sit inside a number as a thousands separator.
pub fn is_number_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// A character of a word: a letter or digit of any script, `_`, or a combining mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks (Vietnamese tone marks written apart, for instance).
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Tokenizes `text[start..end]`; offsets are into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(slice.len(), |&(o, _)| o) + start;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let begin = i;
        let kind = if starts_link(&slice[chars[i].0..]) {
            while at(i).is_some_and(|c| !c.is_whitespace()) {
                i += 1;
            }
            // A link's trailing punctuation belongs to the sentence.
            while i > begin + 1 && at(i - 1).is_some_and(|c| matches!(c, '.' | ',' | ')' | ';')) {
                i -= 1;
            }
            TokenKind::Link
        } else if c.is_ascii_digit() {
            i += 1;
            loop {
                match at(i) {
                    Some(d) if d.is_ascii_digit() => i += 1,
                    Some(sep)
                        if (sep == ',' || sep == '.' || is_number_space(sep))
                            && at(i + 1).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        i += 2;
                    }
                    _ => break,
                }
            }
            // Digits inside a longer identifier ("2456536.html", "12_b") are not a figure.
            let glued_name = at(i) == Some('_')
                || (at(i) == Some('.') && at(i + 1).is_some_and(char::is_alphabetic));
            if glued_name {
                while at(i).is_some_and(|c| is_word_char(c) || c == '.' || c == '-') {
                    i += 1;
                }
                TokenKind::Link
            } else {
                TokenKind::Number
            }
        } else if c.is_alphabetic() || (c == '°' && at(i + 1).is_some_and(char::is_alphabetic)) {
            // "°C" and "°F" are words: a unit, as "degrees" is.
            i += 1;
            loop {
                match at(i) {
                    Some(c) if is_word_char(c) => i += 1,
                    Some('\'' | '’' | '-' | '‑')
                        if at(i + 1).is_some_and(char::is_alphanumeric) =>
                    {
                        i += 2;
                    }
                    _ => break,
                }
            }
            TokenKind::Word
        } else {
            i += 1;
            TokenKind::Punct
        };
        out.push(Token {
            kind,
            start: offset(begin),
            end: offset(i),
        });
    }
    out
}

fn starts_link(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let opens = |prefix: &[u8]| {
        bytes
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    opens(b"http://") || opens(b"https://") || opens(b"www.") || starts_bare_link(rest)
}

/// A link written without its scheme: a host name and a path, "pic.twitter.com/2KEzc8dqDW",
/// "bit.ly/x9Q". The host has a dot and ends in two letters or more before the slash,
/// so "U.S./Canada" and "and/or" are not links.
fn starts_bare_link(rest: &str) -> bool {
    // Asked at every token: most are words that end before any slash, and a host holds
    // only letters, digits, dots and hyphens, so the first other byte says no.
    let bytes = rest.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let Some(slash) = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
        .filter(|&k| bytes[k] == b'/')
    else {
        return false;
    };
    let host = &rest[..slash];
    let Some((name, top)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty() && top.len() >= 2 && top.chars().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text, 0, text.len())
            .into_iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        assert_eq!(
            kinds("3,400 and 1.5, then 3."),
            [
                (TokenKind::Number, "3,400"),
                (TokenKind::Word, "and"),
                (TokenKind::Number, "1.5"),
                (TokenKind::Punct, ","),
                (TokenKind::Word, "then"),
                (TokenKind::Number, "3"),
                (TokenKind::Punct, "."),
            ]
        );
        assert_eq!(
            kinds("3\u{202F}400")[0],
            (TokenKind::Number, "3\u{202F}400")
        );
    }

    #[test]
    fn digits_inside_names_are_not_numbers() {
        assert_eq!(
            kinds("x9912_4410ab.jpg")[0],
            (TokenKind::Word, "x9912_4410ab")
        );
        assert_eq!(kinds("8812345.html")[0], (TokenKind::Link, "8812345.html"));
        assert_eq!(kinds("COVID-19 G20")[0], (TokenKind::Word, "COVID-19"));
        assert_eq!(kinds("see https://x.org/a-2025.htm.")[1].0, TokenKind::Link);
        assert_eq!(
            kinds("see https://x.org/a-2025.htm.")[2].0,
            TokenKind::Punct
        );
    }

    #[test]
    fn links_without_a_scheme_are_links() {
        assert_eq!(
            kinds("pic.twitter.com/2KEzc8dqDW now")[0],
            (TokenKind::Link, "pic.twitter.com/2KEzc8dqDW")
        );
        assert_eq!(kinds("see bit.ly/3xYz9")[1].0, TokenKind::Link);
        // Abbreviations and "and/or" are not hosts.
        assert_eq!(kinds("U.S./Canada")[0], (TokenKind::Word, "U"));
        assert_eq!(kinds("and/or 5")[0], (TokenKind::Word, "and"));
        assert_eq!(kinds("2.5/10")[0], (TokenKind::Number, "2.5"));
    }

    #[test]
    fn degrees_are_a_unit_word() {
        assert_eq!(
            kinds("51°C and 117°F"),
            [
                (TokenKind::Number, "51"),
                (TokenKind::Word, "°C"),
                (TokenKind::Word, "and"),
                (TokenKind::Number, "117"),
                (TokenKind::Word, "°F"),
            ]
        );
        assert_eq!(kinds("51° north")[1], (TokenKind::Punct, "°"));
    }

    #[test]
    fn hyphenated_words_are_one_token() {
        assert_eq!(kinds("seventy-two")[0], (TokenKind::Word, "seventy-two"));
        assert_eq!(
            kinds("Nordic-Baltic")[0],
            (TokenKind::Word, "Nordic-Baltic")
        );
    }
}
