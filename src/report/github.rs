//! GitHub workflow annotations: each claim of a disagreement marked in place, a conflict
//! as an error and a difference as a warning, so a pull request shows them on its lines.

use std::io::{self, Write};

use crate::checks::Check;
use crate::compare::{TopicReport, Verdict};

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

/// `hcx diff --format github`.
pub fn write_diff(out: &mut dyn Write, shown: &[&TopicReport], checks: &[Check]) -> io::Result<()> {
    for check in checks {
        // A check is a warning: an editor must look, but it is no hard contradiction.
        for mention in &check.mentions {
            writeln!(
                out,
                "::warning file={},line={},col={},title={}::{}",
                property(&mention.source),
                mention.location.line,
                mention.location.column,
                property(&format!("hcx {} check", check.kind.as_str())),
                data(&check.message)
            )?;
        }
    }
    for topic in shown {
        let level = match topic.verdict {
            Verdict::Conflict => "error",
            Verdict::Differs => "warning",
            Verdict::Agree | Verdict::Single => continue,
        };
        for (i, placed) in topic.claims.iter().enumerate() {
            let claim = &placed.claim;
            let others: Vec<String> = topic
                .claims
                .iter()
                .enumerate()
                .filter(|(j, p)| *j != i && p.claim.source != claim.source)
                .map(|(_, p)| {
                    format!(
                        "{} ({})",
                        p.claim.figure,
                        super::place(&p.claim.source, p.claim.location)
                    )
                })
                .collect();
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
                    others.join("; ")
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
    fn workflow_command_text_is_escaped() {
        assert_eq!(data("50% up\nnext"), "50%25 up%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}
