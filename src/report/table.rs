//! The table report: what an editor reads in a terminal.
//!
//! One row a claim, grouped by topic, disagreements first; the topic's label and verdict
//! head its group. Wording is the claim's sentence cut around the figure, the figure
//! marked, so the editor sees each source's exact words without opening the file.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width};

use crate::claims::Claim;
use crate::compare::TopicReport;
use crate::topics::Placement;

use super::{excerpt, Summary};

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Total width in columns.
    pub width: u16,
}

impl Default for Layout {
    fn default() -> Self {
        Layout { width: 100 }
    }
}

fn place(claim: &Claim) -> String {
    format!(
        "{}:{}:{}",
        claim.source, claim.location.line, claim.location.column
    )
}

fn new_table(layout: Layout, header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(layout.width)
        .set_header(header.iter().map(|h| Cell::new(*h)));
    table
}

/// `hcx diff` as a table. `shown` are the topics to list; `all` the whole analysis, for
/// the summary line.
pub fn write_diff(
    out: &mut dyn Write,
    shown: &[&TopicReport],
    all: &[TopicReport],
    layout: Layout,
) -> io::Result<()> {
    let summary = Summary::of(all);
    if shown.is_empty() {
        writeln!(
            out,
            "No disagreements: the sources agree on every figure they share."
        )?;
    } else {
        let mut table = new_table(layout, &["Topic", "Figure", "Source", "Wording"]);
        // Narrow columns for the short fields leave the wording most of the width.
        let fifth = (layout.width / 5).max(12);
        for (index, width) in [(0, fifth), (1, fifth), (2, fifth + 2)] {
            if let Some(column) = table.column_mut(index) {
                column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(width)));
            }
        }
        let wording_width = usize::from(layout.width);
        for topic in shown {
            for (i, placed) in topic.claims.iter().enumerate() {
                let claim = &placed.claim;
                let head = if i == 0 {
                    format!("{}\n{}", topic.label, topic.verdict.as_str().to_uppercase())
                } else {
                    String::new()
                };
                let figure = match &claim.scope {
                    Some(scope) => format!("{}\n({scope})", claim.figure),
                    None => claim.figure.clone(),
                };
                table.add_row(vec![
                    Cell::new(head),
                    Cell::new(figure),
                    Cell::new(place(claim)),
                    Cell::new(excerpt(claim, wording_width, "«", "»")),
                ]);
            }
        }
        writeln!(out, "{table}")?;
    }
    writeln!(
        out,
        "{} conflict, {} differ, {} agree, {} single-source ({} topics)",
        summary.conflict,
        summary.differs,
        summary.agree,
        summary.single,
        all.len()
    )
}

/// `hcx claims` as a table.
pub fn write_claims(
    out: &mut dyn Write,
    claims: &[(Claim, Option<Placement>)],
    layout: Layout,
) -> io::Result<()> {
    let mut table = new_table(layout, &["Source", "Figure", "Counted", "Topic", "Scope"]);
    for (claim, placement) in claims {
        table.add_row(vec![
            Cell::new(place(claim)),
            Cell::new(&claim.figure),
            Cell::new(claim.counted.as_ref().map_or("", |c| c.phrase.as_str())),
            Cell::new(placement.as_ref().map_or("-", |p| p.id.as_str())),
            Cell::new(claim.scope.as_deref().unwrap_or("")),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{} claims", claims.len())
}
