//! GitHub workflow annotations: each disagreement marked once, on the figure that stands
//! out, with the other sources' figures in its message; a conflict as an error, a
//! difference and a check's finding as a warning. Sources that agree get none, so a
//! pull request shows one mark a finding, not one a claim.

use std::fmt::Write as _;
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

/// Topics first, then the checks' findings: the order of every other format.
fn write_diff(out: &mut dyn Write, shown: &[&TopicReport], checks: &[Finding]) -> io::Result<()> {
    write_topics(out, shown)?;
    write_checks(out, checks)
}

fn write_topics(out: &mut dyn Write, shown: &[&TopicReport]) -> io::Result<()> {
    for topic in shown {
        let level = match topic.verdict {
            Verdict::Conflict => "error",
            Verdict::Differs => "warning",
            Verdict::Agree | Verdict::Single => continue,
        };
        let claim = &topic.claims[super::standout(topic)].claim;
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            property(claim.source()),
            claim.location().line,
            claim.location().column,
            property(&format!("hcx {}: {}", topic.verdict.as_str(), topic.label)),
            data(&format!(
                "\"{}\" here; other sources: {}",
                claim.quote(),
                others(topic, claim).join("; ")
            ))
        )?;
    }
    Ok(())
}

fn write_checks(out: &mut dyn Write, checks: &[Finding]) -> io::Result<()> {
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
        let at = super::standout_mention(check);
        let mention = &check.mentions[at.min(check.mentions.len().saturating_sub(1))];
        let others: Vec<String> = check
            .mentions
            .iter()
            .filter(|m| *m != mention)
            .take(MAX_OTHERS)
            .map(|m| super::file_line_col(&m.source, m.location))
            .collect();
        let mut message = super::messages::message(check);
        if !others.is_empty() {
            let more = check.mentions.len() - 1 - others.len();
            let _ = write!(message, " (also at {}", others.join(", "));
            if more > 0 {
                let _ = write!(message, ", and {more} more");
            }
            message.push(')');
        }
        writeln!(
            out,
            "::warning file={},line={},col={},title={}::{}",
            property(&mention.source),
            mention.location.line,
            mention.location.column,
            property(&format!("hcx {} check", check.kind().as_str())),
            data(&message)
        )?;
    }
    Ok(())
}

/// The figures of the other sources than `claim`'s, each with its place: the first
/// [`MAX_OTHERS`], then how many more.
fn others(topic: &TopicReport, claim: &crate::extract::claims::Claim) -> Vec<String> {
    let mut listed = Vec::new();
    let mut more = 0;
    for p in topic
        .claims
        .iter()
        .filter(|p| p.claim.source() != claim.source())
    {
        if listed.len() == MAX_OTHERS {
            more += 1;
            continue;
        }
        listed.push(format!(
            "{} ({})",
            p.claim.figure(),
            super::file_line_col(p.claim.source(), p.claim.location())
        ));
    }
    if more > 0 {
        listed.push(format!("and {more} more"));
    }
    listed
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
        assert_eq!(lines.len(), 1, "{text}");
        for line in lines {
            assert_eq!(line.matches(".txt:1:").count(), MAX_OTHERS, "{line}");
            assert!(line.ends_with("; and 3 more"), "{line}");
        }
    }

    /// The annotations of articles given as (path, text).
    fn annotations(texts: &[(&str, &str)]) -> Vec<String> {
        let sources = crate::source::parse_all(texts);
        let analysis = crate::analysis::analyze(&sources, &crate::rules::RuleSet::builtin());
        let shown: Vec<&TopicReport> = analysis.topics.iter().collect();
        let mut out = Vec::new();
        write_diff(&mut out, &shown, &analysis.checks).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn one_annotation_a_finding_on_the_figure_that_stands_out() {
        let found = annotations(&[
            ("a.txt", "The storm killed 40 people."),
            ("b.txt", "The storm killed 40 people on Friday."),
            ("c.txt", "The storm killed 46 people."),
            ("d.txt", "Forty people died in the storm."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("::error file=c.txt,line=1,"),
            "{}",
            found[0]
        );
        for other in ["a.txt:1:", "b.txt:1:", "d.txt:1:"] {
            assert!(found[0].contains(other), "{}", found[0]);
        }
        // The odd one out first or last in path order: still the one marked.
        let found = annotations(&[
            ("a.txt", "The storm killed 46 people."),
            ("b.txt", "The storm killed 40 people."),
            ("c.txt", "The storm killed 40 people on Friday."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("::error file=a.txt,"), "{}", found[0]);
    }

    #[test]
    fn sources_that_agree_get_no_annotation() {
        assert!(annotations(&[
            ("a.txt", "The storm killed 40 people."),
            ("b.txt", "Forty people died in the storm."),
        ])
        .is_empty());
    }

    #[test]
    fn a_check_s_finding_is_one_annotation_naming_its_other_places() {
        let found = annotations(&[(
            "a.txt",
            "The fleet has 40 boats. It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats.",
        )]);
        assert_eq!(found.len(), 1, "{found:?}");
        // On the stated total, the parts' places in its message.
        assert!(
            found[0].starts_with("::warning file=a.txt,line=1,col=15,"),
            "{}",
            found[0]
        );
        assert!(
            found[0].contains("(also at a.txt:1:35, a.txt:1:51, a.txt:1:72)"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn workflow_command_text_is_escaped() {
        assert_eq!(data("50% up\nnext"), "50%25 up%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}
