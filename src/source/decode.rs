//! Decoding: one file's bytes to an article. Binary files are skipped, text that is not
//! UTF-8 is read as Windows-1252, and HTML goes to its own reader.

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
/// UTF-8 is decoded as Windows-1252 (the usual encoding of such scraped pages) with a
/// warning, since dropping it would hide its figures from the editor.
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

/// Turns a file's bytes into an article (see [`load`]).
pub fn decode(path: &str, bytes: &[u8]) -> (Loaded, Option<Warning>) {
    if bytes.contains(&0) {
        let warning = Warning {
            path: path.to_string(),
            message: "skipped: binary file (contains NUL bytes)".to_string(),
        };
        return (Loaded::Skipped(warning), None);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(err) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let warning = Warning {
                path: path.to_string(),
                message: format!(
                    "not UTF-8 (first bad byte at offset {}); read as Windows-1252",
                    err.valid_up_to()
                ),
            };
            (text.into_owned(), Some(warning))
        }
    };
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
        assert_eq!(source.paragraphs[0].text, "Café served 40 guests.");
        assert!(warning.unwrap().message.contains("Windows-1252"));
    }

    #[test]
    fn bom_is_not_text() {
        let (loaded, warning) = decode("bom", b"\xEF\xBB\xBF12 people.");
        let Loaded::Article(source) = loaded else {
            panic!("not read")
        };
        assert!(warning.is_none());
        assert_eq!(source.paragraphs[0].locate(0).column, 1);
        assert_eq!(source.paragraphs[0].text, "12 people.");
    }
}
