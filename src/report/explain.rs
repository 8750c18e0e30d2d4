//! `hcx explain`: why each claim was put in a topic and how the verdict was reached, for
//! an editor who doubts a finding and a maintainer tuning a rule.

use std::io::{self, Write};

use crate::compare::{self, TopicReport};

/// Explains one topic.
pub fn write_topic(out: &mut dyn Write, topic: &TopicReport) -> io::Result<()> {
    write_escaped(&mut crate::base::controls::Escaping::new(out), topic)
}

fn write_escaped(out: &mut dyn Write, topic: &TopicReport) -> io::Result<()> {
    writeln!(
        out,
        "Topic {} ({}): {}",
        topic.id,
        topic.label,
        topic.verdict.as_str()
    )?;
    match &topic.origin {
        Some(origin) => writeln!(out, "Rule: {origin}")?,
        None => writeln!(
            out,
            "Rule: none; grouped by counted noun, verb and qualifier"
        )?,
    }
    for placed in &topic.claims {
        let claim = &placed.claim;
        let why = &placed.placement.evidence;
        writeln!(
            out,
            "\n{}  \"{}\"",
            super::file_line_col(&claim.source, claim.location),
            claim.quote
        )?;
        let bounds =
            |b: Option<f64>| b.map_or("open".to_string(), crate::base::numbers::human_number);
        writeln!(
            out,
            "  figure {} ({}), range {} to {}",
            claim.figure,
            claim.hedge.map_or("exact", |h| h.as_str()),
            bounds(claim.interval.lower_value()),
            bounds(claim.interval.upper_value())
        )?;
        match &why.noun {
            Some((rule, word)) => writeln!(
                out,
                "  noun: \"{word}\" matched \"{rule}\" (similarity {:.2})",
                why.score
            )?,
            None => writeln!(out, "  noun: none; placed by a context word alone")?,
        }
        if let Some((word, distance)) = &why.context {
            writeln!(
                out,
                "  context: \"{word}\", {distance} words from the figure"
            )?;
        }
        if let Some(scope) = &claim.scope {
            writeln!(out, "  scope: {scope}")?;
        }
    }
    match topic.deciding {
        Some((i, j)) => {
            let (a, b) = (&topic.claims[i].claim, &topic.claims[j].claim);
            let reason = compare::reason(a, b);
            writeln!(
                out,
                "\nVerdict {}: {} ({}:{}) against {} ({}:{}): {}.",
                topic.verdict.as_str(),
                a.figure,
                a.source,
                a.location.line,
                b.figure,
                b.source,
                b.location.line,
                reason.describe()
            )?;
            writeln!(
                out,
                "Each source's figures are paired one to one with another's, closest first; the worst pair decides."
            )
        }
        None => writeln!(out, "\nVerdict single: only one source gives this figure."),
    }
}
