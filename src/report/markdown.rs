//! The Markdown report: for a pull-request comment or a note in the newsroom's CMS.

use std::io::{self, Write};

use crate::extract::claims::Claim;

use super::{excerpt, Document, Printer};

/// Text from the articles (or rule files) as Markdown shows it literally, in a table
/// cell, a heading or a list item: an HTML tag, an entity or an autolink is shown, not
/// rendered; pipes, backticks, brackets, backslashes, `~`, `#` and `*` are escaped, and
/// `_` where it could start or end emphasis (not inside a word, where it cannot). Line
/// breaks become spaces, since a cell cannot hold one.
fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '~' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let inside = previous.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|n| n.is_alphanumeric());
                if !inside {
                    out.push('\\');
                }
                out.push('_');
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
        previous = Some(c);
    }
    out
}

/// A file name and place as inline code: a fence of more backticks than the name holds,
/// and in a table cell each pipe escaped (GitHub splits cells at pipes even in code).
fn code(place: &str, in_table: bool) -> String {
    let place = place.replace(['\n', '\r'], " ");
    let place = if in_table {
        place.replace('|', "\\|")
    } else {
        place
    };
    let mut longest = 0;
    let mut run = 0;
    for c in place.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{place}{fence}")
    } else {
        format!("{fence} {place} {fence}")
    }
}

/// A claim's source by outlet, then its place as code to copy; a file with no outlet
/// by its place alone.
fn claim_location(document: &Document, claim: &Claim) -> String {
    let place = code(
        &super::file_line_col(claim.source(), claim.location()),
        true,
    );
    if document.outlets.tells_more(claim.source()) {
        format!("{} {place}", text(&document.outlets.label(claim.source())))
    } else {
        place
    }
}

/// `hcx diff --format markdown`: a heading with the summary, a table a topic, a list of
/// the checks' findings.
pub struct Markdown;

impl Printer for Markdown {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(&mut crate::base::controls::Escaping::new(out), document)
    }

    fn tells_hidden(&self) -> bool {
        true
    }
}

fn write_diff(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    let shown = document.shown();
    let checks = document.findings;
    let hidden = document.hidden;
    writeln!(out, "<!-- {} -->", crate::source::REPORT_MARKER)?;
    writeln!(
        out,
        "### hcx: {} ({}){}",
        document.summary.counts(),
        crate::base::numbers::count_of(document.topic_count, "topic", "topics"),
        text(&document.skipped_note())
    )?;
    if hidden > 0 {
        writeln!(
            out,
            "\n{} hidden by the baseline.",
            crate::base::numbers::count_of(hidden, "known finding", "known findings")
        )?;
    }
    for line in document.reopened_lines() {
        writeln!(out, "\n{}", text(&line))?;
    }
    if shown.is_empty() && checks.is_empty() {
        writeln!(out, "\n{}", text(&document.all_clear()))?;
    } else if let Some(note) = document.nothing_compared() {
        writeln!(out, "\n{}", text(&note))?;
    }
    for topic in &shown {
        writeln!(
            out,
            "\n#### {}: {}\n",
            text(&topic.label),
            topic.verdict.as_str()
        )?;
        if let Some(line) = super::dates::timeline_line(topic) {
            writeln!(out, "{}\n", text(&line))?;
        }
        writeln!(out, "| Source | Figure | Scope | Wording |")?;
        writeln!(out, "| --- | --- | --- | --- |")?;
        for placed in &topic.claims {
            let claim = &placed.claim;
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                claim_location(document, claim),
                text(&with_day(claim, topic)),
                text(claim.scope().unwrap_or("")),
                text(&excerpt(claim, 90, "\u{1}", "\u{2}")).replace(['\u{1}', '\u{2}'], "**")
            )?;
        }
    }
    if !checks.is_empty() {
        writeln!(out, "\n#### Other checks\n")?;
        for listed in super::listed(checks) {
            let check = match listed {
                super::Listed::Finding(check) => check,
                super::Listed::More {
                    kind,
                    source,
                    count,
                } => {
                    writeln!(
                        out,
                        "- **{}** ({}): {}",
                        kind.as_str(),
                        text(&document.outlets.label(source)),
                        text(&super::more_findings(kind, count))
                    )?;
                    continue;
                }
            };
            let places = super::outlets::places_text(
                check,
                &|p| text(&document.outlets.label(p)),
                " ",
                "; ",
            );
            let across = if check.cross_source {
                ", across sources"
            } else {
                ""
            };
            writeln!(
                out,
                "- **{}**{across}: {} ({})",
                check.kind().as_str(),
                text(&super::messages::message_naming(check, &|p| document
                    .outlets
                    .label(p))),
                places
            )?;
        }
    }
    if !shown.is_empty() || !checks.is_empty() {
        write_legend(out, document)?;
    }
    Ok(())
}

/// The legend: each source's label, file, day, headline and URL.
fn write_legend(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    writeln!(out, "\n#### Sources\n")?;
    for source in document.sources {
        let mut parts = vec![code(&source.path, false)];
        if let Some(day) = source.date {
            parts.push(crate::base::calendar::iso(day));
        }
        if let Some(headline) = &source.headline {
            parts.push(format!(
                "\"{}\"",
                text(&super::outlets::headline(
                    headline,
                    super::outlets::HEADLINE_CHARS
                ))
            ));
        }
        if let Some(url) = &source.url {
            parts.push(text(url));
        }
        writeln!(
            out,
            "- **{}**: {}",
            text(&document.outlets.label(&source.path)),
            parts.join(", ")
        )?;
    }
    Ok(())
}

/// A claim's figure with its day, when its source gives one: "121 (Jul 4, latest)".
fn with_day(claim: &Claim, topic: &crate::compare::TopicReport) -> String {
    match super::dates::claim_day(claim, topic) {
        Some(day) => format!("{} ({day})", claim.figure()),
        None => claim.figure().to_string(),
    }
}
