//! GitHub workflow annotations: each claim of a disagreement marked in place, a conflict
//! as an error and a difference as a warning, so a pull request shows them on its lines.

use std::io::{self, Write};

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
pub fn write_diff(out: &mut dyn Write, shown: &[&TopicReport]) -> io::Result<()> {
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
                        "{} ({}:{}:{})",
                        p.claim.figure,
                        p.claim.source,
                        p.claim.location.line,
                        p.claim.location.column
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
