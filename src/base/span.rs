//! Byte ranges of a paragraph's text: sentences and scope phrases are both kept as
//! ranges into the paragraph rather than as copies of it.

/// A range of bytes of a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn text<'a>(&self, paragraph: &'a str) -> &'a str {
        &paragraph[self.start..self.end]
    }
}
