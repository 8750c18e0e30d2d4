//! The Markdown report: for a pull-request comment or a note in the newsroom's CMS.

use std::io::{self, Write};

use crate::extract::claims::Claim;

use super::{excerpt, Document, Printer};

/// Markdown table cells cannot hold a pipe or a line break.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn claim_location(claim: &Claim) -> String {
    format!("`{}`", super::file_line_col(&claim.source, claim.location))
}

/// `hcx diff --format markdown`: a heading with the summary, a table a topic, a list of
/// the checks' findings.
pub struct Markdown;

impl Printer for Markdown {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(out, document)
    }

    fn tells_hidden(&self) -> bool {
        true
    }
}

fn write_diff(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    let shown = document.shown();
    let checks = document.findings;
    let hidden = document.hidden;
    writeln!(
        out,
        "### hcx: {} ({} topics)",
        document.summary.counts(),
        document.topic_count
    )?;
    if hidden > 0 {
        writeln!(out, "\n{hidden} known findings hidden by the baseline.")?;
    }
    if shown.is_empty() && checks.is_empty() {
        writeln!(out, "\nNo disagreements.")?;
    }
    for topic in &shown {
        writeln!(
            out,
            "\n#### {}: {}\n",
            cell(&topic.label),
            topic.verdict.as_str()
        )?;
        writeln!(out, "| Source | Figure | Scope | Wording |")?;
        writeln!(out, "| --- | --- | --- | --- |")?;
        for placed in &topic.claims {
            let claim = &placed.claim;
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                claim_location(claim),
                cell(&claim.figure),
                cell(claim.scope.as_deref().unwrap_or("")),
                cell(&excerpt(claim, 90, "**", "**"))
            )?;
        }
    }
    if !checks.is_empty() {
        writeln!(out, "\n#### Other checks\n")?;
        for check in checks {
            let places: Vec<String> = check
                .mentions
                .iter()
                .map(|m| format!("`{}`", super::file_line_col(&m.source, m.location)))
                .collect();
            let across = if check.cross_source {
                ", across sources"
            } else {
                ""
            };
            writeln!(
                out,
                "- **{}**{across}: {} ({})",
                check.kind().as_str(),
                cell(&super::messages::message(check)),
                places.join(", ")
            )?;
        }
    }
    Ok(())
}
