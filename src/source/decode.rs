//! Decoding: one file's bytes to an article. A byte-order mark names the encoding (UTF-8
//! or UTF-16); binary files are skipped; text that is not UTF-8 is read in the encoding
//! `chardetng` guesses; hcx's own reports are skipped; HTML goes to its own reader.

use std::fs;
use std::path::Path;

use crate::base::error::Error;

use super::{html, io_message, text, Source, Warning};

/// The outcome of reading one file.
pub enum Loaded {
    Article(Source),
    Skipped(Warning),
}

/// Reads one article file. Binary files are skipped with a warning; text that is not
/// UTF-8 is decoded as its bytes suggest (see [`decode`]) with a warning, since dropping
/// it would hide its figures from the editor.
pub fn load(path: &Path) -> Result<(Loaded, Option<Warning>), Error> {
    let shown = path.display().to_string();
    let read = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map(|_| bytes)
    } else {
        fs::read(path)
    };
    let bytes = read.map_err(|err| Error::Source {
        path: shown.clone(),
        message: io_message(&err),
    })?;
    Ok(decode(&shown, &bytes))
}

/// Turns a file's bytes into an article (see [`load`]). A byte-order mark says the
/// encoding: UTF-8's is dropped, UTF-16 (little or big endian) is decoded. Without one,
/// NUL bytes mean a binary file; text that is not UTF-8 is decoded as the encoding
/// `chardetng` (the detector Firefox uses) guesses, with a warning.
pub fn decode(path: &str, bytes: &[u8]) -> (Loaded, Option<Warning>) {
    let utf16 = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((encoding_rs::UTF_16LE, rest))
    } else {
        bytes
            .strip_prefix(b"\xFE\xFF")
            .map(|rest| (encoding_rs::UTF_16BE, rest))
    };
    let (text, warning) = if let Some((encoding, rest)) = utf16 {
        let (text, malformed) = encoding.decode_without_bom_handling(rest);
        let warning = malformed.then(|| Warning {
            path: path.to_string(),
            message: format!(
                "malformed {} (a byte-order mark says so); bad units read as U+FFFD",
                encoding.name()
            ),
        });
        (text.into_owned(), warning)
    } else {
        if bytes.contains(&0) {
            let warning = Warning {
                path: path.to_string(),
                message: "skipped: binary file (contains NUL bytes)".to_string(),
            };
            return (Loaded::Skipped(warning), None);
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), None),
            Err(err) => {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
                let (text, _, _) = encoding.decode(bytes);
                let warning = Warning {
                    path: path.to_string(),
                    message: format!(
                        "not UTF-8 (first bad byte at offset {}); read as {}",
                        err.valid_up_to(),
                        encoding.name()
                    ),
                };
                (text.into_owned(), Some(warning))
            }
        }
    };
    if is_report(&text) {
        let warning = Warning {
            path: path.to_string(),
            message: "skipped: a report of hcx, not an article".to_string(),
        };
        return (Loaded::Skipped(warning), None);
    }
    let is_html = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let article = if is_html {
        html::parse(path, &text)
    } else {
        text::parse(path, &text)
    };
    (Loaded::Article(article), warning)
}

/// True for a report hcx wrote: its marker in the first lines (Markdown, HTML, JSON),
/// or the first lines of the table report.
fn is_report(text: &str) -> bool {
    let mut lines = text.lines().take(3);
    let first = lines.next().unwrap_or("");
    let second = lines.next().unwrap_or("");
    let third = lines.next().unwrap_or("");
    let marked = [first, second, third]
        .iter()
        .any(|line| line.len() < 200 && line.contains(super::REPORT_MARKER));
    let table = first.starts_with("┌─")
        && (second.starts_with("│ Topic ") || second.starts_with("│ Check "));
    marked || table || first == "No disagreements: the sources agree on every figure they share."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_skipped_and_latin1_is_decoded() {
        let (loaded, _) = decode("bin", b"abc\0def");
        assert!(matches!(loaded, Loaded::Skipped(w) if w.message.contains("binary")));
        let (loaded, warning) = decode("latin", b"Caf\xe9 served 40 guests.");
        let Loaded::Article(source) = loaded else {
            panic!("not read")
        };
        assert_eq!(source.paragraphs.at(0).text(), "Café served 40 guests.");
        assert!(warning.unwrap().message.contains("windows-1252"));
    }

    #[test]
    fn bom_is_not_text() {
        let (loaded, warning) = decode("bom", b"\xEF\xBB\xBF12 people.");
        let Loaded::Article(source) = loaded else {
            panic!("not read")
        };
        assert!(warning.is_none());
        assert_eq!(source.paragraphs.at(0).locate(0).column, 1);
        assert_eq!(source.paragraphs.at(0).text(), "12 people.");
    }
}
