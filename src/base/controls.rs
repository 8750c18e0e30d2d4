//! Control characters: what in an article's text would steer a terminal or a reader's
//! eyes instead of being read. Articles come from the web, and their text is printed to
//! editors' terminals, into Markdown that a CMS renders and into HTML, so it is hostile.
//!
//! A control is a C0 control other than tab and line feed (carriage return ends lines
//! before this is asked), DEL, a C1 control, or a bidirectional embedding, override or
//! isolate (U+202A-U+202E, U+2066-U+2069), which can make text read in another order
//! than it is stored. An escape sequence (`ESC [ 2 J`, an OSC 8 hyperlink `ESC ] 8 ; ;
//! ... BEL`) is one control with its parameters, so that nothing of it is left behind to
//! be read as text: `ESC[2J` must not become the figure 2.
//!
//! The source layer drops controls from article text ([`runs`]); the printers for people
//! show whatever still reaches them escaped ([`escape`], [`Escaping`]).

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

/// True for a character that is never written raw to a person: C0 controls but tab and
/// line feed, DEL, C1 controls, and bidirectional embeddings, overrides and isolates.
pub fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}') || is_bidi_control(c)
}

/// Bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI,
/// FSI, PDI).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// False only when `bytes` (UTF-8) hold no control: read byte by byte rather than
/// decoded, since every line of every article is asked. A control is a byte below 0x20
/// but tab and line feed, DEL, a C1 control (0xC2 0x80-0x9F), or a bidirectional
/// control (0xE2 0x80 0xAA-0xAE, 0xE2 0x81 0xA6-0xA9). Curly quotes and dashes start
/// with 0xE2 too, so those lead bytes are found with `memchr` and looked at one by one.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "no early exit, so that the compiler reads many bytes at once"
)]
fn may_hold_control(bytes: &[u8]) -> bool {
    let is_c0 = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f;
    let follows = |at: usize, range: std::ops::RangeInclusive<u8>| {
        bytes.get(at).is_some_and(|b| range.contains(b))
    };
    // A fold, not `any`: without an early exit the compiler reads many bytes at once.
    let rare = bytes
        .iter()
        .fold(false, |seen, &b| seen | is_c0(b) | (b == 0xc2));
    (rare
        && (bytes.iter().any(|&b| is_c0(b))
            || memchr::memchr_iter(0xc2, bytes).any(|i| follows(i + 1, 0x80..=0x9f))))
        || memchr::memchr_iter(0xe2, bytes).any(|i| match bytes.get(i + 1) {
            Some(0x80) => follows(i + 2, 0xaa..=0xae),
            Some(0x81) => follows(i + 2, 0xa6..=0xa9),
            _ => false,
        })
}

/// Longest control string (OSC, DCS, APC...) looked for: a terminator further on than
/// this is not looked for, and only the introducer is taken as the control. Keeps a line
/// of a million unterminated introducers linear.
const MAX_STRING: usize = 4096;

/// The byte ranges of `text` taken by controls, escape sequences whole, in order and
/// not overlapping. Adjacent controls make one range.
pub fn runs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    if !may_hold_control(text.as_bytes()) {
        return out;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("i is on a char boundary");
        if !is_control(c) {
            i += c.len_utf8();
            continue;
        }
        let end = i + sequence_len(text, i, c);
        match out.last_mut() {
            Some(last) if last.end == i => last.end = end,
            _ => out.push(i..end),
        }
        i = end;
        debug_assert!(text.is_char_boundary(i) || i >= bytes.len());
    }
    out
}

/// `text` without its controls (see [`runs`]).
pub fn strip(text: &str) -> Cow<'_, str> {
    let found = runs(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for run in found {
        out.push_str(&text[at..run.start]);
        at = run.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Bytes of the control that starts at `at` (whose character is `c`): an escape
/// sequence whole, else the character alone.
fn sequence_len(text: &str, at: usize, c: char) -> usize {
    let bytes = text.as_bytes();
    let after = at + c.len_utf8();
    let string_until_st = |from: usize| -> usize {
        // OSC, DCS, SOS, PM, APC: up to BEL, ESC \ or ST (U+009C), if near.
        let window_end = (from + MAX_STRING).min(text.len());
        let window = &bytes[from..window_end];
        let mut k = 0;
        while k < window.len() {
            match window[k] {
                0x07 => return from + k + 1 - at,
                0x1b if window.get(k + 1) == Some(&b'\\') => return from + k + 2 - at,
                0xc2 if window.get(k + 1) == Some(&0x9c) => return from + k + 2 - at,
                _ => k += 1,
            }
        }
        from - at
    };
    let csi_from = |from: usize| -> usize {
        // Parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, one final 0x40-0x7E.
        let mut k = from;
        while k < bytes.len() && (0x30..=0x3f).contains(&bytes[k]) {
            k += 1;
        }
        while k < bytes.len() && (0x20..=0x2f).contains(&bytes[k]) {
            k += 1;
        }
        if k < bytes.len() && (0x40..=0x7e).contains(&bytes[k]) {
            k + 1 - at
        } else {
            k - at
        }
    };
    match c {
        '\u{1b}' => match bytes.get(after) {
            Some(b'[') => csi_from(after + 1),
            Some(b']' | b'P' | b'X' | b'^' | b'_') => string_until_st(after + 1),
            Some(&b) if (0x20..=0x2f).contains(&b) => {
                // nF: intermediates then a final byte.
                let mut k = after;
                while k < bytes.len() && (0x20..=0x2f).contains(&bytes[k]) {
                    k += 1;
                }
                if k < bytes.len() && (0x30..=0x7e).contains(&bytes[k]) {
                    k + 1 - at
                } else {
                    k - at
                }
            }
            Some(&b) if (0x30..=0x7e).contains(&b) => after + 1 - at,
            _ => after - at,
        },
        '\u{9b}' => csi_from(after),
        '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => string_until_st(after),
        _ => after - at,
    }
}

/// `text` with every control shown as an escape: `\x1b` for C0, DEL and C1 controls,
/// `\u{202e}` for bidirectional ones. With `newlines`, line feeds are escaped too (`\n`),
/// for a field that must stay on one line.
pub fn escape(text: &str, newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| is_control(c) || (newlines && matches!(c, '\n' | '\r'));
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if u32::from(c) <= 0xff => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// A writer that escapes every control written through it (line feeds and tabs pass),
/// for the reports people read: whatever a printer forgets, no control reaches the
/// terminal or the page raw. What is written is UTF-8 text; a character split between
/// two writes is held back until its end comes.
pub struct Escaping<'a> {
    inner: &'a mut dyn Write,
    /// The start of a character whose end has not been written yet.
    pending: Vec<u8>,
}

impl<'a> Escaping<'a> {
    pub fn new(inner: &'a mut dyn Write) -> Self {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf).map(|()| buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let joined;
        let bytes: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            &joined
        };
        // Hold back an incomplete character at the end.
        let mut cut = bytes.len();
        for back in 1..=3.min(bytes.len()) {
            let b = bytes[bytes.len() - back];
            if b & 0xc0 == 0xc0 {
                let need = if b >= 0xf0 {
                    4
                } else if b >= 0xe0 {
                    3
                } else {
                    2
                };
                if back < need {
                    cut = bytes.len() - back;
                }
                break;
            }
            if b < 0x80 {
                break;
            }
        }
        let (whole, rest) = bytes.split_at(cut);
        let mut start = 0;
        let mut i = 0;
        while i < whole.len() {
            let b = whole[i];
            let len = match b {
                b'\t' | b'\n' => 0,
                0x00..=0x1f | 0x7f => 1,
                0xc2 if whole.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) => 2,
                0xe2 if matches!(
                    (whole.get(i + 1), whole.get(i + 2)),
                    (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                ) =>
                {
                    3
                }
                _ => 0,
            };
            if len == 0 {
                i += 1;
                continue;
            }
            self.inner.write_all(&whole[start..i])?;
            let c = std::str::from_utf8(&whole[i..i + len])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{fffd}');
            let mut shown = String::new();
            push_escaped(&mut shown, c);
            self.inner.write_all(shown.as_bytes())?;
            i += len;
            start = i;
        }
        self.inner.write_all(&whole[start..])?;
        self.pending.extend_from_slice(rest);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner.write_all(&rest)?;
        }
        self.inner.flush()
    }
}

impl Drop for Escaping<'_> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            let _ = self.inner.write_all(&rest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_exactly_the_controls() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}b"), format!("é{c}")] {
                assert_eq!(
                    may_hold_control(text.as_bytes()),
                    text.chars().any(is_control),
                    "{:?}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn escape_sequences_are_one_run() {
        let text =
            "a\u{1b}[2J\u{1b}[Hb \u{1b}]8;;http://x.example\u{7}link\u{1b}]8;;\u{1b}\\ c\u{7}d";
        assert_eq!(strip(text), "ab link cd");
        assert_eq!(strip("x\u{9b}31mred\u{202e}cba"), "xredcba");
        assert_eq!(strip("tab\tkept"), "tab\tkept");
        // An unterminated string sequence takes only its introducer.
        assert_eq!(strip("\u{1b}]8;;no end 12 boats"), "8;;no end 12 boats");
    }

    #[test]
    fn escape_shows_controls() {
        assert_eq!(escape("a\u{1b}[2Jb", false), "a\\x1b[2Jb");
        assert_eq!(escape("x\u{85}\u{202e}y", false), "x\\x85\\u{202e}y");
        assert_eq!(escape("one\ntwo", true), "one\\ntwo");
        assert_eq!(escape("one\ntwo", false), "one\ntwo");
    }

    #[test]
    fn the_writer_escapes_across_split_writes() {
        let mut out = Vec::new();
        {
            let mut w = Escaping::new(&mut out);
            let text = "é\u{1b}[1m\u{202e}\u{9b}\n";
            for b in text.as_bytes() {
                w.write_all(&[*b]).unwrap();
            }
            w.flush().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "é\\x1b[1m\\u{202e}\\x9b\n");
    }
}
