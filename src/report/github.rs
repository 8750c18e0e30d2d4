//! GitHub workflow annotations: each claim of a disagreement marked in place, a conflict
//! as an error and a difference as a warning, so a pull request shows them on its lines.

use std::io::{self, Write};

use crate::checks::Finding;
use crate::compare::{TopicReport, Verdict};

use super::{Document, Printer};

/// Escapes the message part of a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Most other sources' figures one annotation lists. A topic of thousands of claims
/// would otherwise write every one of them into every annotation: output that grows with
/// the square of the topic, and far more than anyone reads in a pull request.
const MAX_OTHERS: usize = 8;

/// `hcx diff --format github`: `::error` and `::warning` workflow commands.
pub struct Github;

impl Printer for Github {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(
            &mut crate::base::controls::Escaping::new(out),
            &document.shown(),
            document.findings,
        )
    }
}

fn write_diff(out: &mut dyn Write, shown: &[&TopicReport], checks: &[Finding]) -> io::Result<()> {
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
                    "::warning file={},title={}::{}",
                    property(source),
                    property(&format!("hcx {} check", kind.as_str())),
                    data(&super::more_findings(kind, count))
                )?;
                continue;
            }
        };
        // A check is a warning: an editor must look, but it is no hard contradiction.
        for mention in &check.mentions {
            writeln!(
                out,
                "::warning file={},line={},col={},title={}::{}",
                property(&mention.source),
                mention.location.line,
                mention.location.column,
                property(&format!("hcx {} check", check.kind().as_str())),
                data(&super::messages::message(check))
            )?;
        }
    }
    for topic in shown {
        let level = match topic.verdict {
            Verdict::Conflict => "error",
            Verdict::Differs => "warning",
            Verdict::Agree | Verdict::Single => continue,
        };
        // Claims come sorted by source: where each source's run is, so the other
        // sources' claims are the ones around it, found without going through them all
        // for every claim (a topic of one huge source made that its square).
        let mut runs: std::collections::HashMap<&str, std::ops::Range<usize>> =
            std::collections::HashMap::new();
        for (i, placed) in topic.claims.iter().enumerate() {
            runs.entry(placed.claim.source.as_str())
                .and_modify(|r| r.end = i + 1)
                .or_insert(i..i + 1);
        }
        for placed in &topic.claims {
            let claim = &placed.claim;
            let own = runs[claim.source.as_str()].clone();
            let others = topic.claims[..own.start]
                .iter()
                .chain(&topic.claims[own.end..]);
            let mut listed: Vec<String> = others
                .take(MAX_OTHERS)
                .map(|p| {
                    format!(
                        "{} ({})",
                        p.claim.figure,
                        super::file_line_col(&p.claim.source, p.claim.location)
                    )
                })
                .collect();
            let more = topic.claims.len() - own.len() - listed.len();
            if more > 0 {
                listed.push(format!("and {more} more"));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={},title={}::{}",
                property(&claim.source),
                claim.location.line,
                claim.location.column,
                property(&format!("hcx {}: {}", topic.verdict.as_str(), topic.label)),
                data(&format!(
                    "\"{}\" here; other sources: {}",
                    claim.quote,
                    listed.join("; ")
                ))
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_annotation_lists_a_few_other_sources_then_counts_the_rest() {
        let sources: Vec<_> = (0..12)
            .map(|i| {
                let text = if i % 2 == 0 {
                    format!("The storm killed {} people.", 40 + i)
                } else {
                    format!("At least {} people died in the storm.", 40 + i)
                };
                crate::source::parse(&format!("s{i:02}.txt"), &text)
            })
            .collect();
        let analysis = crate::analysis::analyze(&sources, &crate::rules::RuleSet::builtin());
        let shown: Vec<&TopicReport> = analysis.topics.iter().collect();
        let mut out = Vec::new();
        write_diff(&mut out, &shown, &[]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 12, "{text}");
        for line in lines {
            assert_eq!(line.matches(".txt:1:").count(), MAX_OTHERS, "{line}");
            assert!(line.ends_with("; and 3 more"), "{line}");
        }
    }

    #[test]
    fn workflow_command_text_is_escaped() {
        assert_eq!(data("50% up\nnext"), "50%25 up%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}
