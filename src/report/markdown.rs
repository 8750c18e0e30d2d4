//! The Markdown report: for a pull-request comment or a note in the newsroom's CMS.

use std::io::{self, Write};

use crate::checks::Finding;
use crate::compare::TopicReport;
use crate::extract::claims::Claim;

use super::{excerpt, Summary};

/// Markdown table cells cannot hold a pipe or a line break.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn place(claim: &Claim) -> String {
    format!("`{}`", super::place(&claim.source, claim.location))
}

/// `hcx diff --format markdown`.
pub fn write_diff(
    out: &mut dyn Write,
    shown: &[&TopicReport],
    all: &[TopicReport],
    checks: &[Finding],
    hidden: usize,
) -> io::Result<()> {
    let s = Summary::of(all);
    writeln!(out, "### hcx: {} ({} topics)", s.counts(), all.len())?;
    if hidden > 0 {
        writeln!(out, "\n{hidden} known findings hidden by the baseline.")?;
    }
    if shown.is_empty() && checks.is_empty() {
        writeln!(out, "\nNo disagreements.")?;
    }
    for topic in shown {
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
                place(claim),
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
                .map(|m| format!("`{}`", super::place(&m.source, m.location)))
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
