//! Diagnostics: problems in files hcx reads (rules, baselines, configuration), each
//! one line naming the file, line and column, as editors and CI logs read them.

use std::fmt;

/// A problem in a file, placed at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for Diagnostic {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A TOML error in a file as one report line: `file:line:column: message`. Shared by
/// every TOML file hcx reads (rules, baselines, configuration).
pub fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, column) = line_column(text, err.span().map_or(0, |s| s.start));
    Diagnostic {
        file: file.to_string(),
        line,
        column,
        message: one_line(err.message()),
    }
}

/// Error texts from the TOML and regex parsers span several lines; a report line is one.
pub fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
