//! The table report: what an editor reads in a terminal.
//!
//! One row a claim, grouped by topic, disagreements first; the topic's label and verdict
//! head its group. Wording is the claim's sentence cut around the figure, the figure
//! marked, so the editor sees each source's exact words without opening the file.

use std::io::{self, Write};

use crate::base::numbers::count_of;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Width};

use crate::compare::{TopicReport, Verdict};
use crate::extract::claims::Claim;

use super::{excerpt, Document, Printer};

/// Writes a table line by line: the same bytes as its `Display`, without joining a large
/// report's lines into one string first.
fn write_table(out: &mut dyn Write, table: &comfy_table::Table) -> io::Result<()> {
    for line in table.lines() {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Total width in columns; `None` takes the terminal's.
    pub width: Option<u16>,
    /// Colour the verdicts.
    pub color: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: Some(100),
            color: false,
        }
    }
}

/// Width when neither the user nor a terminal says: what an editor's window shows.
const FALLBACK_WIDTH: u16 = 100;

/// A cell of text from the articles or rule files: its controls shown escaped, so
/// nothing in it steers the terminal (comfy-table's own colours are added around it).
fn text_cell(text: impl AsRef<str>) -> Cell {
    Cell::new(crate::base::controls::escape(text.as_ref(), false))
}

fn claim_location(claim: &Claim) -> String {
    super::file_line_col(&claim.source, claim.location)
}

fn new_table(layout: Layout, header: &[&str]) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(|h| text_cell(*h)));
    if layout.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    match layout.width {
        Some(width) => {
            table.set_width(width);
        }
        None if table.width().is_none() => {
            table.set_width(FALLBACK_WIDTH);
        }
        None => {}
    }
    table
}

fn verdict_cell(topic: &TopicReport, layout: Layout) -> Cell {
    let mut head = format!(
        "{}\n{}",
        crate::base::controls::escape(&topic.label, true),
        topic.verdict.as_str().to_uppercase()
    );
    if let Some(line) = super::dates::timeline_line(topic) {
        head.push('\n');
        head.push_str(&line);
    }
    let cell = text_cell(head);
    if !layout.color {
        return cell;
    }
    let color = match topic.verdict {
        Verdict::Conflict => Color::Red,
        Verdict::Differs => Color::Yellow,
        Verdict::Agree => Color::Green,
        Verdict::Single => Color::Grey,
    };
    cell.fg(color).add_attribute(Attribute::Bold)
}

/// `hcx diff` as a table: one row a claim, then the checks' findings, then a summary line
/// of every topic found.
pub struct Table {
    pub layout: Layout,
}

impl Printer for Table {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(out, document, self.layout)
    }

    fn tells_hidden(&self) -> bool {
        true
    }
}

fn write_diff(out: &mut dyn Write, document: &Document, layout: Layout) -> io::Result<()> {
    let shown = document.shown();
    let checks = document.findings;
    let listed_nothing = shown.is_empty() && checks.is_empty();
    if listed_nothing {
        writeln!(out, "{}", document.all_clear())?;
    } else if !shown.is_empty() {
        write_topics(out, document, &shown, layout)?;
    }
    if !checks.is_empty() {
        write_checks(out, document, layout)?;
    }
    if !shown.is_empty() || !checks.is_empty() {
        write_legend(out, document, layout)?;
    }
    if let Some(note) = document.nothing_compared().filter(|_| !listed_nothing) {
        writeln!(out, "{note}")?;
    }
    write!(
        out,
        "{} ({})",
        document.summary.counts(),
        count_of(document.topic_count, "topic", "topics")
    )?;
    if !checks.is_empty() {
        write!(
            out,
            "; {} failed",
            count_of(checks.len(), "other check", "other checks")
        )?;
    }
    if document.hidden > 0 {
        write!(
            out,
            "; {} hidden by the baseline",
            count_of(document.hidden, "known finding", "known findings")
        )?;
    }
    if document.suppressed > 0 {
        write!(
            out,
            "; {} kept out by ignore comments",
            count_of(document.suppressed, "claim", "claims")
        )?;
    }
    writeln!(out, "{}", document.skipped_note())?;
    for line in document.reopened_lines() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Characters a cell loses to its padding, one each side.
const PADDING: u16 = 2;

/// The width of the Source column: enough for each outlet and whole `file:line:col`
/// when the table has room, else a quarter of it, and never narrower than the other
/// short columns.
fn source_width(document: &Document, shown: &[&TopicReport], width: u16, fifth: u16) -> u16 {
    let need = shown
        .iter()
        .flat_map(|t| &t.claims)
        .map(|p| {
            let claim = &p.claim;
            let location = claim_location(claim).chars().count();
            let label = document.outlets.label(&claim.source).chars().count();
            location.max(label)
        })
        .max()
        .unwrap_or(0);
    let need = u16::try_from(need)
        .unwrap_or(u16::MAX)
        .saturating_add(PADDING);
    let cap = (fifth + PADDING).max(width / 4);
    need.min(cap).max(12)
}

/// ":6:85": what follows a path in a location.
fn line_col_suffix(location: crate::source::Location) -> String {
    format!(":{}:{}", location.line, location.column)
}

/// The topics' table: one row a claim, its source by outlet over its place.
fn write_topics(
    out: &mut dyn Write,
    document: &Document,
    shown: &[&TopicReport],
    layout: Layout,
) -> io::Result<()> {
    let mut table = new_table(layout, &["Topic", "Figure", "Source", "Wording"]);
    let width = table.width().unwrap_or(FALLBACK_WIDTH);
    // Narrow columns for the short fields leave the wording most of the width.
    let fifth = (width / 5).max(12);
    let source = source_width(document, shown, width, fifth);
    for (index, limit) in [(0, fifth), (1, fifth)] {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(limit)));
        }
    }
    if let Some(column) = table.column_mut(2) {
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(source)));
    }
    let room = usize::from(source - PADDING);
    // Every path of the column is cut to one length, so one file reads the same in
    // every row: the room the longest `:line:col` leaves.
    let longest_place = shown
        .iter()
        .flat_map(|t| &t.claims)
        .map(|p| line_col_suffix(p.claim.location).len())
        .max()
        .unwrap_or(0);
    let path_room = room.saturating_sub(longest_place);
    let wording_width = usize::from(width);
    for topic in shown {
        for (i, placed) in topic.claims.iter().enumerate() {
            let claim = &placed.claim;
            let head = if i == 0 {
                verdict_cell(topic, layout)
            } else {
                text_cell("")
            };
            let mut figure = match &claim.scope {
                Some(scope) => format!("{}\n({scope})", claim.figure()),
                None => claim.figure().to_string(),
            };
            if let Some(day) = super::dates::claim_day(claim, topic) {
                figure.push('\n');
                figure.push_str(&day);
            }
            let place = format!(
                "{}{}",
                super::outlets::shorten_path(
                    &crate::base::controls::escape(&claim.source, true),
                    path_room
                ),
                line_col_suffix(claim.location)
            );
            // A file with no outlet is named by its place alone.
            let source = if document.outlets.tells_more(&claim.source) {
                let label =
                    crate::base::controls::escape(&document.outlets.label(&claim.source), true)
                        .into_owned();
                format!("{}\n{place}", super::outlets::middle_ellipsis(&label, room))
            } else {
                place
            };
            table.add_row(vec![
                head,
                text_cell(figure),
                text_cell(source),
                text_cell(excerpt(claim, wording_width, "«", "»")),
            ]);
        }
    }
    write_table(out, &table)
}

/// The checks' table: each finding once, its places grouped by outlet.
fn write_checks(out: &mut dyn Write, document: &Document, layout: Layout) -> io::Result<()> {
    let outlets = &document.outlets;
    let label = |path: &str| crate::base::controls::escape(&outlets.label(path), true).into_owned();
    let mut table = new_table(layout, &["Check", "Where", "Finding"]);
    for listed in super::listed(document.findings) {
        let check = match listed {
            super::Listed::Finding(check) => check,
            super::Listed::More {
                kind,
                source,
                count,
            } => {
                table.add_row(vec![
                    text_cell(kind.as_str()),
                    text_cell(label(source)),
                    text_cell(super::more_findings(kind, count)),
                ]);
                continue;
            }
        };
        let kind = if check.cross_source {
            format!("{}\n(across sources)", check.kind().as_str())
        } else {
            check.kind().as_str().to_string()
        };
        let places = super::outlets::places_text(check, &label, "\n", "\n");
        table.add_row(vec![
            text_cell(kind),
            text_cell(places),
            text_cell(super::messages::message_naming(check, &|p| label(p))),
        ]);
    }
    write_table(out, &table)
}

/// The legend: each source's label, file, day, headline and URL. A file and a URL are
/// never cut, so either can be copied whole; the headline is cut to the width.
fn write_legend(out: &mut dyn Write, document: &Document, layout: Layout) -> io::Result<()> {
    let width = usize::from(
        layout
            .width
            .or_else(|| comfy_table::Table::new().width())
            .unwrap_or(FALLBACK_WIDTH),
    );
    let escape = |text: &str| crate::base::controls::escape(text, true).into_owned();
    writeln!(out, "Sources:")?;
    for source in document.sources {
        write!(
            out,
            "  {}: {}",
            escape(&document.outlets.label(&source.path)),
            escape(&source.path)
        )?;
        if let Some(day) = source.date {
            write!(out, ", {}", crate::base::calendar::iso(day))?;
        }
        writeln!(out)?;
        if let Some(headline) = &source.headline {
            let room = width
                .saturating_sub(4)
                .clamp(20, super::outlets::HEADLINE_CHARS);
            writeln!(
                out,
                "    {}",
                escape(&super::outlets::headline(headline, room))
            )?;
        }
        if let Some(url) = &source.url {
            writeln!(out, "    {}", escape(url))?;
        }
    }
    Ok(())
}

/// `hcx claims` as a table.
pub fn write_claims(
    out: &mut dyn Write,
    claims: &[crate::topics::ClaimInTopic],
    layout: Layout,
) -> io::Result<()> {
    let mut table = new_table(layout, &["Source", "Figure", "Counted", "Topic", "Scope"]);
    let mut others = 0;
    for (claim, placement) in claims {
        // A claim of another occasion is shown as such, in place of a topic.
        let topic = match (&claim.occasion, placement) {
            (Some(occasion), _) => {
                others += 1;
                format!("other occasion: {occasion}")
            }
            (None, Some(p)) => p.id.clone(),
            (None, None) => "-".to_string(),
        };
        table.add_row(vec![
            text_cell(claim_location(claim)),
            text_cell(claim.figure()),
            text_cell(claim.counted.as_ref().map_or("", |c| c.phrase.as_str())),
            text_cell(&topic),
            text_cell(claim.scope.as_deref().unwrap_or("")),
        ]);
    }
    write_table(out, &table)?;
    match others {
        0 => writeln!(out, "{} claims", claims.len()),
        n => writeln!(out, "{} claims, {n} of other occasions", claims.len()),
    }
}

/// `hcx rules list`: the topics in force and where each comes from.
pub fn write_rules(
    out: &mut dyn Write,
    rules: &crate::rules::RuleSet,
    layout: Layout,
) -> io::Result<()> {
    let mut table = new_table(layout, &["Topic", "Label", "Unit", "From"]);
    for topic in rules.topics() {
        table.add_row(vec![
            text_cell(&topic.id),
            text_cell(&topic.label),
            text_cell(format!("{:?}", topic.unit).to_lowercase()),
            text_cell(format!("{}:{}", topic.origin, topic.line)),
        ]);
    }
    write_table(out, &table)?;
    writeln!(out, "{} topics", rules.topics().len())
}
