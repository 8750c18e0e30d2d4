//! A sentence seen by extraction: its tokens and their lower-case text, asked about by
//! position ("is token 5 the word 'of'?") by every extraction stage.

use std::borrow::Cow;

use crate::base::lang::Language;
use crate::base::tokens::{self, Token, TokenKind};

/// A sentence's tokens with their lower-case text, shared by the extraction stages.
pub struct View<'a> {
    /// The language of the sentence's source, whose word lists extraction asks.
    pub lang: &'static Language,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Each token in lower case; most already are, and are borrowed, not copied.
    pub lower: Vec<Cow<'a, str>>,
    /// A title as a URL slug spells it: lower-case words and digits, no punctuation
    /// ("bank of england cuts key rate to 4 75 percent").
    slug: bool,
    /// True for a line in title case ("Over 1,000 Pilgrims Die from Heat During 2024
    /// Hajj"), whose capitals name nothing: no word of it reads as a name.
    title_case: bool,
}

impl<'a> View<'a> {
    pub fn new(lang: &'static Language, text: &'a str, start: usize, end: usize) -> Self {
        let tokens = tokens::tokenize(text, start, end);
        let lower = tokens
            .iter()
            .map(|t| {
                let word = t.text(text);
                if word
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                {
                    Cow::Borrowed(word)
                } else {
                    Cow::Owned(word.to_lowercase())
                }
            })
            .collect();
        let slug = is_slug(text, &tokens);
        let title_case = is_title_case(&text[start..end]);
        View {
            lang,
            text,
            tokens,
            lower,
            slug,
            title_case,
        }
    }

    /// True for a title as a URL slug spells it: lower-case, without punctuation.
    pub fn is_slug(&self) -> bool {
        self.slug
    }

    /// True for a headline in title case, most of its longer words capitalised.
    pub fn is_title_case(&self) -> bool {
        self.title_case
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The lower-case word at `i`, if token `i` is a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        (token.kind == TokenKind::Word).then(|| &*self.lower[i])
    }

    pub fn raw(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    pub fn is(&self, text: &str, i: usize) -> bool {
        self.lower.get(i).is_some_and(|t| t == text)
    }

    pub fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && self
                    .raw(i)
                    .chars()
                    .next()
                    .is_some_and(|c| chars.contains(&c))
        })
    }

    /// True when tokens `a` and `b` (a < b) touch with no space between.
    pub fn glued(&self, a: usize, b: usize) -> bool {
        b < self.tokens.len() && self.tokens[a].end == self.tokens[b].start
    }

    /// True when token `i` is a word written with a capital first, whatever its line.
    pub fn starts_upper(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a word whose capital may mark a name: one that starts with a capital, in
    /// a line that is not in title case.
    pub fn is_capitalized(&self, i: usize) -> bool {
        !self.title_case
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// True when three words in four of more than three letters start with a capital.
pub fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.len() > 3 && w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitals * 4 >= words.len() * 3
}

/// True for a sentence that is a slug: three words or more, in lower case, with no
/// punctuation.
fn is_slug(text: &str, tokens: &[Token]) -> bool {
    let mut words = 0;
    for token in tokens {
        match token.kind {
            TokenKind::Word if token.text(text).chars().any(char::is_uppercase) => return false,
            TokenKind::Word => words += 1,
            TokenKind::Number => {}
            TokenKind::Link | TokenKind::Punct => return false,
        }
    }
    words >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_lines_name_nothing() {
        assert!(is_title_case(
            "Over 1,000 Pilgrims Die from Heat During 2024 Hajj"
        ));
        assert!(is_title_case(
            "Victim of Change Healthcare Ransomware Attack Increased"
        ));
        assert!(!is_title_case(
            "Labour has won 412 seats, while the Tories are down to 121."
        ));
        assert!(!is_title_case("116 killed in stampede"));
        let text = "Death Toll From Floods Rises To 40";
        let view = View::new(crate::base::lang::ENGLISH, text, 0, text.len());
        assert!(!view.is_capitalized(0));
    }

    #[test]
    fn slugs_are_lower_case_words_without_punctuation() {
        let slug =
            |text: &str| View::new(crate::base::lang::ENGLISH, text, 0, text.len()).is_slug();
        assert!(slug("bank of england cuts key rate to 4 75 percent"));
        assert!(slug("dominican republic nightclub roof collapse kills 79"));
        assert!(!slug("Bank of England cuts rate"));
        assert!(!slug("the rate, at 4.75%, fell"));
        assert!(!slug("two words"));
    }
}
