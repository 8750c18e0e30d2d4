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
    /// A headline in title case ("Over 1,000 Pilgrims Die from Heat"), where a capital
    /// says nothing about a name.
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
        let (slug, title_case) = shape(text, &tokens);
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

    /// True when token `i` is a word that starts with a capital (false past the end).
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Whether a sentence is a slug, and whether it is in title case.
fn shape(text: &str, tokens: &[Token]) -> (bool, bool) {
    let mut words = 0;
    let mut long = 0;
    let mut capitalized = 0;
    let mut plain = true;
    for token in tokens {
        match token.kind {
            TokenKind::Word => {
                words += 1;
                let word = token.text(text);
                let first_upper = word.chars().next().is_some_and(char::is_uppercase);
                if word.chars().any(char::is_uppercase) {
                    plain = false;
                }
                if word.chars().count() >= 4 {
                    long += 1;
                    capitalized += usize::from(first_upper);
                }
            }
            TokenKind::Number => {}
            TokenKind::Link | TokenKind::Punct => plain = false,
        }
    }
    let slug = plain && words >= 3;
    let title_case = long >= 3 && capitalized * 5 >= long * 3;
    (slug, title_case)
}
