//! The JSON report: the contract CI and `score-findings` read.
//!
//! Numbers that are whole are written as integers ("2500", not "2500.0"), and unbounded
//! ends of an interval as null.

use std::io::{self, Write};

use super::{Document, Printer};
use crate::compare::TopicReport;
use crate::extract::claims::Claim;

/// A JSON number, whole values as integers ("2500", not "2500.0"); not finite, null.
struct Number(f64);

impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            serializer.serialize_i64(v as i64)
        } else if v.is_finite() {
            serializer.serialize_f64(v)
        } else {
            serializer.serialize_none()
        }
    }
}

/// A claim's topic: listed only with `hcx claims`, and null for a claim placed nowhere.
enum TopicField<'a> {
    Omitted,
    Listed(Option<&'a str>),
}

impl TopicField<'_> {
    fn is_omitted(&self) -> bool {
        matches!(self, TopicField::Omitted)
    }
}

impl serde::Serialize for TopicField<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TopicField::Listed(Some(id)) => serializer.serialize_str(id),
            TopicField::Omitted | TopicField::Listed(None) => serializer.serialize_none(),
        }
    }
}

/// A claim's fields, as in the contract. Serialized straight from the claim, since
/// `hcx claims` writes millions of them; the fields are in alphabetical order, as
/// the rest of the JSON's keys are.
#[derive(serde::Serialize)]
struct ClaimFields<'a> {
    action: Option<&'a str>,
    /// The day its sentence says the figure was counted ("as of July 31"), ISO.
    as_of: Option<String>,
    column: usize,
    /// The day its source was written, ISO.
    date: Option<String>,
    figure: &'a str,
    hedge: Option<&'static str>,
    line: usize,
    lower: Option<Number>,
    lower_inclusive: Option<bool>,
    noun: Option<&'a str>,
    /// The other occasion a claim is about ("2015"), for a claim listed apart from the
    /// event's.
    #[serde(skip_serializing_if = "Option::is_none")]
    occasion: Option<&'a str>,
    quote: &'a str,
    scope: Option<&'a str>,
    sentence: &'a str,
    source: &'a str,
    #[serde(skip_serializing_if = "TopicField::is_omitted")]
    topic: TopicField<'a>,
    unit: String,
    upper: Option<Number>,
    upper_inclusive: Option<bool>,
    value: Number,
}

impl<'a> ClaimFields<'a> {
    fn of(claim: &'a Claim) -> Self {
        ClaimFields {
            action: claim.action(),
            as_of: claim
                .frame
                .as_of
                .and_then(|t| t.resolve(claim.written()))
                .map(crate::base::calendar::iso),
            column: claim.location().column,
            date: claim.written().map(crate::base::calendar::iso),
            figure: claim.figure(),
            hedge: claim.hedge.map(crate::extract::figures::Hedge::as_str),
            line: claim.location().line,
            lower: claim.interval().lower_value().map(Number),
            lower_inclusive: claim.interval().lower.map(|b| b.inclusive),
            noun: claim.counted.as_ref().map(|c| c.phrase.as_str()),
            occasion: claim.occasion(),
            quote: claim.quote(),
            scope: claim.scope(),
            sentence: claim.sentence(),
            source: claim.source(),
            topic: TopicField::Omitted,
            unit: claim.unit.label(),
            upper: claim.interval().upper_value().map(Number),
            upper_inclusive: claim.interval().upper.map(|b| b.inclusive),
            value: Number(claim.value),
        }
    }

    fn placed((claim, placement): &'a crate::topics::ClaimInTopic) -> Self {
        ClaimFields {
            topic: TopicField::Listed(placement.as_ref().map(|p| p.id.as_str())),
            ..ClaimFields::of(claim)
        }
    }
}

// The diff document, written straight from the analysis: a large corpus has hundreds of
// thousands of claims in its topics, and building a `Value` tree of them first cost as
// much as the comparison. Every struct's fields are in alphabetical order, the order
// the keys have always had.

/// The keys are in alphabetical order but `generator`, which comes first so that a
/// reader (hcx itself, walking a folder a report was written into) sees it at once.
#[derive(serde::Serialize)]
struct DiffDocument<'a> {
    generator: &'static str,
    baseline: BaselineFields<'a>,
    checks: Vec<CheckFields<'a>>,
    skipped: Vec<SkippedFields<'a>>,
    sources: Vec<SourceFields<'a>>,
    summary: SummaryFields,
    suppressed: usize,
    topics: TopicList<'a>,
}

/// The topics, each turned into its fields only as it is written: a large corpus's
/// claims as fields all at once were as much memory as the claims themselves.
struct TopicList<'a>(&'a [&'a TopicReport]);

impl serde::Serialize for TopicList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for topic in self.0 {
            seq.serialize_element(&TopicFields::of(topic))?;
        }
        seq.end()
    }
}

/// A topic's claims, each turned into its fields as it is written.
struct ClaimList<'a>(&'a [crate::compare::Placed]);

impl serde::Serialize for ClaimList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for placed in self.0 {
            seq.serialize_element(&ClaimFields::of(&placed.claim))?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct BaselineFields<'a> {
    hidden: usize,
    /// Findings shown again whose figures changed since the editor's note.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reopened: Vec<ReopenedFields<'a>>,
}

#[derive(serde::Serialize)]
struct ReopenedFields<'a> {
    finding: &'a str,
    note: &'a str,
}

/// A file left out of the run, and why.
#[derive(serde::Serialize)]
struct SkippedFields<'a> {
    path: &'a str,
    reason: &'a str,
}

#[derive(serde::Serialize)]
struct SourceFields<'a> {
    path: &'a str,
    url: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct SummaryFields {
    agree: usize,
    conflict: usize,
    differs: usize,
    single: usize,
}

#[derive(serde::Serialize)]
struct TopicFields<'a> {
    claims: ClaimList<'a>,
    label: &'a str,
    /// With figures counted on several days: the latest of them, ISO.
    latest: Option<String>,
    rule: Option<&'a str>,
    topic: &'a str,
    /// With figures counted on several days: how the figure moved.
    trend: Option<&'static str>,
    verdict: &'static str,
}

#[derive(serde::Serialize)]
struct CheckFields<'a> {
    claims: Vec<ClaimFields<'a>>,
    cross_source: bool,
    kind: &'static str,
    mentions: Vec<MentionFields<'a>>,
    message: String,
    source: &'a str,
    total: Option<ClaimFields<'a>>,
}

#[derive(serde::Serialize)]
struct MentionFields<'a> {
    column: usize,
    line: usize,
    quote: &'a str,
    source: &'a str,
}

impl<'a> CheckFields<'a> {
    fn of(check: &'a crate::checks::Finding) -> Self {
        CheckFields {
            claims: check.claims.iter().map(ClaimFields::of).collect(),
            cross_source: check.cross_source,
            kind: check.kind().as_str(),
            mentions: check
                .mentions
                .iter()
                .map(|m| MentionFields {
                    column: m.location.column,
                    line: m.location.line,
                    quote: &m.quote,
                    source: &m.source,
                })
                .collect(),
            message: super::messages::message(check),
            source: &check.source,
            total: check.total.as_ref().map(ClaimFields::of),
        }
    }
}

impl<'a> TopicFields<'a> {
    fn of(topic: &'a TopicReport) -> Self {
        TopicFields {
            claims: ClaimList(&topic.claims),
            label: &topic.label,
            latest: topic
                .timeline
                .as_ref()
                .map(|t| crate::base::calendar::iso(t.latest)),
            rule: topic.origin.as_deref(),
            topic: &topic.id,
            trend: topic.timeline.as_ref().map(|t| t.trend.as_str()),
            verdict: topic.verdict.as_str(),
        }
    }
}

/// `hcx diff --format json`: every topic asked for (not only disagreements), its summary
/// counting those topics alone.
pub struct Json;

impl Printer for Json {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(out, document)
    }
}

fn write_diff(out: &mut dyn Write, report: &Document) -> io::Result<()> {
    let topics = &report.topics;
    let summary = report.summary;
    let document = DiffDocument {
        generator: crate::source::REPORT_MARKER,
        baseline: BaselineFields {
            hidden: report.hidden,
            reopened: report
                .reopened
                .iter()
                .map(|r| ReopenedFields {
                    finding: &r.finding,
                    note: &r.note,
                })
                .collect(),
        },
        checks: report.findings.iter().map(CheckFields::of).collect(),
        skipped: report
            .skipped
            .iter()
            .map(|w| SkippedFields {
                path: &w.path,
                reason: w.message.strip_prefix("skipped: ").unwrap_or(&w.message),
            })
            .collect(),
        sources: report
            .sources
            .iter()
            .map(|source| SourceFields {
                path: &source.path,
                url: source.url.as_deref(),
            })
            .collect(),
        summary: SummaryFields {
            agree: summary.agree,
            conflict: summary.conflict,
            differs: summary.differs,
            single: summary.single,
        },
        suppressed: report.suppressed,
        topics: TopicList(topics),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// Writes claims one at a time as `hcx claims --format json` (one pretty-printed
/// document, `{"claims": [...]}`) or `jsonl` (one claim a line), so a caller streaming
/// claims never holds them all. [`ClaimStream::render`] formats a claim on any thread;
/// [`ClaimStream::write`] puts rendered claims in order, with what goes between them.
pub struct ClaimStream {
    lines: bool,
    written: usize,
    /// Claims of other occasions than the event's, held to be listed after the event's
    /// own: few, and apart, since they are context and never compared.
    others: Vec<Vec<u8>>,
}

impl ClaimStream {
    /// A stream of one JSON document (`lines` false) or one claim a line.
    pub fn new(lines: bool) -> Self {
        ClaimStream {
            lines,
            written: 0,
            others: Vec::new(),
        }
    }

    /// True for a claim the stream lists apart: one of another occasion.
    pub fn is_apart(item: &crate::topics::ClaimInTopic) -> bool {
        item.0.occasion().is_some()
    }

    /// A claim's text in the stream.
    pub fn render(lines: bool, item: &crate::topics::ClaimInTopic) -> Vec<u8> {
        let fields = ClaimFields::placed(item);
        let mut out = Vec::with_capacity(1024);
        if lines {
            // Writing into a Vec cannot fail, and the fields are plain data.
            let _ = serde_json::to_writer(&mut out, &fields);
            out.push(b'\n');
        } else {
            let text = serde_json::to_string_pretty(&fields).unwrap_or_default();
            // The claim is nested two levels deep in the document.
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                out.extend_from_slice(b"    ");
                out.extend_from_slice(line.as_bytes());
            }
        }
        out
    }

    /// Writes a claim rendered by [`ClaimStream::render`] with the same `lines`; one
    /// [`ClaimStream::is_apart`] is held for the end.
    pub fn write(&mut self, out: &mut dyn Write, rendered: Vec<u8>, apart: bool) -> io::Result<()> {
        if apart {
            self.others.push(rendered);
            return Ok(());
        }
        if !self.lines {
            out.write_all(if self.written == 0 {
                b"{\n  \"claims\": [\n"
            } else {
                b",\n"
            })?;
        }
        self.written += 1;
        out.write_all(&rendered)
    }

    /// Ends the document (an empty one when no claim was written), with the claims of
    /// other occasions in a list of their own, `other_occasions`, when there are any.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        if self.lines {
            return self.others.iter().try_for_each(|line| out.write_all(line));
        }
        out.write_all(if self.written == 0 {
            b"{\n  \"claims\": []"
        } else {
            b"\n  ]"
        })?;
        if !self.others.is_empty() {
            out.write_all(b",\n  \"other_occasions\": [\n")?;
            for (i, rendered) in self.others.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(rendered)?;
            }
            out.write_all(b"\n  ]")?;
        }
        out.write_all(b"\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn streamed_claims_are_the_same_bytes() {
        let rules = crate::rules::RuleSet::builtin();
        let article = crate::source::parse(
            "a.txt",
            "Some 40 people died.\nOver 2,500 delegates came to the \"summit\".\nNo figure here.\n",
        );
        let claims: Vec<crate::topics::ClaimInTopic> = crate::extract::claims::extract(&article)
            .into_iter()
            .map(|c| {
                let placed = crate::topics::assign(&c, &rules);
                (std::sync::Arc::new(c), placed.map(std::sync::Arc::new))
            })
            .collect();
        assert_eq!(claims.len(), 2);
        for count in 0..=claims.len() {
            let some = &claims[..count];
            for lines in [false, true] {
                // The reference: serde_json's own printing of the whole document, through
                // `Value`, whose keys are sorted as the contract's are.
                let values: Vec<Value> = some
                    .iter()
                    .map(|item| serde_json::to_value(ClaimFields::placed(item)).unwrap())
                    .collect();
                let whole = if lines {
                    values
                        .iter()
                        .map(|v| v.to_string() + "\n")
                        .collect::<String>()
                } else {
                    let document = json!({ "claims": values });
                    format!("{}\n", serde_json::to_string_pretty(&document).unwrap())
                };
                let mut streamed = Vec::new();
                let mut stream = ClaimStream::new(lines);
                for item in some {
                    let rendered = ClaimStream::render(lines, item);
                    stream
                        .write(&mut streamed, rendered, ClaimStream::is_apart(item))
                        .unwrap();
                }
                stream.finish(&mut streamed).unwrap();
                assert_eq!(String::from_utf8(streamed).unwrap(), whole);
            }
        }
    }

    #[test]
    fn whole_numbers_are_integers() {
        let text = |v: f64| serde_json::to_string(&Number(v)).unwrap();
        assert_eq!(text(3400.0), "3400");
        assert_eq!(text(-12.0), "-12");
        assert_eq!(text(1.5), "1.5");
        assert_eq!(text(1e21), "1e+21");
        assert_eq!(text(f64::NAN), "null");
    }
}
