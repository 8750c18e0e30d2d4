//! SARIF 2.1.0, the format code-scanning services read (GitHub's `upload-sarif`): one
//! result a finding, on the figure that stands out (as the workflow annotations mark
//! it), with the other sources' figures as related locations. Rules are the verdicts
//! and the checks, so a service can list and filter findings by kind.
//!
//! Like JSON, it is for tools: every finding is listed, and article text is kept exact
//! (JSON escapes its controls).

use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{json, Value};

use crate::checks::{Finding, FindingKind};
use crate::compare::{TopicReport, Verdict};

use super::{Document, Printer};

/// The schema a SARIF file names.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Most related locations GitHub reads of one result; a topic of thousands of claims
/// lists its first ones and counts the rest in the message.
pub const MAX_RELATED: usize = 1000;

/// The rules, in the order of their `ruleIndex`: (id, name, description, level).
const RULES: [(&str, &str, &str, &str); 7] = [
    (
        "figure/conflict",
        "FigureConflict",
        "Sources give figures for one thing that cannot all be true.",
        "error",
    ),
    (
        "figure/differs",
        "FigureDiffers",
        "Sources give figures for one thing that could all be true but say different things.",
        "warning",
    ),
    (
        "check/sum",
        "SumMissesTotal",
        "Parts do not add up to their stated total.",
        "warning",
    ),
    (
        "check/date",
        "DatesContradict",
        "Dates contradict each other or their own words.",
        "warning",
    ),
    (
        "check/title",
        "TitlesDiffer",
        "One person is given different titles by different sources.",
        "warning",
    ),
    (
        "check/name",
        "NameSpeltTwoWays",
        "One person or organisation is named two ways.",
        "warning",
    ),
    (
        "check/spelling",
        "MisspeltTitle",
        "A title word looks misspelt.",
        "warning",
    ),
];

/// The rule index of a finding's kind.
fn check_rule(kind: FindingKind) -> usize {
    match kind {
        FindingKind::Sum => 2,
        FindingKind::Date => 3,
        FindingKind::Title => 4,
        FindingKind::Name => 5,
        FindingKind::Spelling => 6,
    }
}

/// `hcx diff --format sarif`.
pub struct Sarif;

impl Printer for Sarif {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        // One result is built and written at a time: a tree of every result held a
        // large report in memory twice over (its peak was twice that of `--format json`).
        let skeleton = serde_json::to_string_pretty(&log_of(&[]))?;
        // The frame is hcx's own constant text: it always holds the empty list. Were it
        // ever not to, the whole tree is written as before rather than a broken log.
        let Some((head, tail)) = skeleton.split_once(RESULTS_AT) else {
            serde_json::to_writer_pretty(&mut *out, &log(document))?;
            return writeln!(out);
        };
        out.write_all(head.as_bytes())?;
        let indent = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
        let mut pending = results(document).peekable();
        if pending.peek().is_none() {
            out.write_all(RESULTS_AT.as_bytes())?;
        } else {
            out.write_all(b"\"results\": [")?;
            let item_indent = format!("{indent}  ");
            for (i, result) in pending.enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                out.write_all(item_indent.as_bytes())?;
                let mut indented = Indented {
                    out: &mut *out,
                    indent: &item_indent,
                };
                serde_json::to_writer_pretty(&mut indented, &result)?;
            }
            write!(out, "\n{indent}]")?;
        }
        out.write_all(tail.as_bytes())?;
        writeln!(out)
    }
}

/// Where the results go in the pretty-printed log, as `serde_json` writes an empty list.
const RESULTS_AT: &str = "\"results\": []";

/// Indents every line after the first, as a value nested in a pretty-printed log is: a
/// JSON text has no raw line break but between its tokens.
struct Indented<'a> {
    out: &'a mut dyn Write,
    indent: &'a str,
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.out.write_all(&rest[..=at])?;
            self.out.write_all(self.indent.as_bytes())?;
            rest = &rest[at + 1..];
        }
        self.out.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Every result of the report: the disagreements shown, then the checks' findings.
fn results<'a>(document: &'a Document) -> impl Iterator<Item = Value> + 'a {
    document
        .shown()
        .into_iter()
        .filter_map(topic_result)
        .chain(document.findings.iter().map(check_result))
}

/// The whole SARIF log of a report.
pub fn log(document: &Document) -> Value {
    log_of(&results(document).collect::<Vec<_>>())
}

/// The log around its results.
fn log_of(results: &[Value]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|(id, name, text, level)| {
            json!({
                "id": id,
                "name": name,
                "shortDescription": {"text": text},
                "defaultConfiguration": {"level": level},
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "hcx",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            // Columns count Unicode scalar values, as every hcx place does.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A `physicalLocation` of a place.
fn physical(path: &str, location: crate::source::Location) -> Value {
    json!({
        "artifactLocation": {"uri": uri(path)},
        "region": {"startLine": location.line, "startColumn": location.column},
    })
}

/// A path as a URI reference: `\` made `/`, every byte but letters, digits, `-._~/`
/// percent-encoded (so a `:` or a space cannot be read as a scheme or end the URI), and
/// an absolute path made a `file://` URI.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The result of a disagreeing topic; none for one that is not.
fn topic_result(topic: &TopicReport) -> Option<Value> {
    let rule = match topic.verdict {
        Verdict::Conflict => 0,
        Verdict::Differs => 1,
        Verdict::Agree | Verdict::Single => return None,
    };
    let claim = &topic.claims[super::standout(topic)].claim;
    let others: Vec<&crate::extract::claims::Claim> = topic
        .claims
        .iter()
        .map(|p| &*p.claim)
        .filter(|c| c.source() != claim.source())
        .collect();
    let related: Vec<Value> = others
        .iter()
        .take(MAX_RELATED)
        .enumerate()
        .map(|(i, c)| {
            json!({
                "id": i + 1,
                "physicalLocation": physical(c.source(), c.location()),
                "message": {"text": format!("{}: \"{}\"", c.figure(), c.quote())},
            })
        })
        .collect();
    let mut figures: Vec<String> = others
        .iter()
        .take(8)
        .map(|c| {
            format!(
                "{} ({})",
                c.figure(),
                super::file_line_col(c.source(), c.location())
            )
        })
        .collect();
    if others.len() > figures.len() {
        figures.push(format!("and {} more", others.len() - figures.len()));
    }
    Some(json!({
        "ruleId": RULES[rule].0,
        "ruleIndex": rule,
        "level": RULES[rule].3,
        "message": {"text": format!(
            "{} ({}): \"{}\" here; other sources: {}",
            topic.label,
            topic.verdict.as_str(),
            claim.quote(),
            figures.join("; ")
        )},
        "locations": [{"physicalLocation": physical(claim.source(), claim.location())}],
        "relatedLocations": related,
        "properties": {"topic": topic.id},
    }))
}

/// The result of a check's finding, on the mention that stands out.
fn check_result(finding: &Finding) -> Value {
    let rule = check_rule(finding.kind());
    let at = super::standout_mention(finding);
    let related: Vec<Value> = finding
        .mentions
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .take(MAX_RELATED)
        .enumerate()
        .map(|(id, (_, m))| {
            json!({
                "id": id + 1,
                "physicalLocation": physical(&m.source, m.location),
                "message": {"text": m.quote},
            })
        })
        .collect();
    let location = finding.mentions.get(at).map_or_else(
        || json!({"artifactLocation": {"uri": uri(&finding.source)}}),
        |m| physical(&m.source, m.location),
    );
    json!({
        "ruleId": RULES[rule].0,
        "ruleIndex": rule,
        "level": RULES[rule].3,
        "message": {"text": super::messages::message(finding)},
        "locations": [{"physicalLocation": location}],
        "relatedLocations": related,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sarif(texts: &[(&str, &str)]) -> Value {
        let sources = crate::source::parse_all(texts);
        let analysis = crate::analysis::analyze(&sources, &crate::rules::RuleSet::builtin());
        let topics = analysis.topics.iter().collect();
        log(&Document::new(&analysis, topics, false, 0))
    }

    #[test]
    fn the_log_written_one_result_at_a_time_is_the_whole_log_pretty_printed() {
        for (texts, listed) in [
            // Disagreements and a check's finding.
            (vec![
                ("a.txt", "Quake\n\nThe quake killed 120 people. Of the dead, 50 were children and 40 were women, out of 80 victims in all."),
                ("b.txt", "Quake\n\nThe quake killed 150 people and injured 300."),
                ("c.txt", "Quake\n\nAt least 140 people died and 310 were injured."),
            ], true),
            // Nothing to list: an empty list of results.
            (vec![("a.txt", "Quake\n\nNo figure here."), ("b.txt", "Quake\n\nNone here either.")], false),
        ] {
            let sources = crate::source::parse_all(&texts);
            let analysis = crate::analysis::analyze(&sources, &crate::rules::RuleSet::builtin());
            let document = Document::new(&analysis, analysis.topics.iter().collect(), false, 0);
            let mut written = Vec::new();
            Sarif.print(&document, &mut written).unwrap();
            let log = log(&document);
            assert_eq!(log["runs"][0]["results"].as_array().unwrap().len() > 1, listed);
            let whole = serde_json::to_string_pretty(&log).unwrap() + "\n";
            assert_eq!(String::from_utf8(written).unwrap(), whole);
        }
    }

    /// Fails unless every key of `object` is one the schema allows there (it sets
    /// `additionalProperties` false on every object hcx writes). Only the keys hcx may
    /// write are listed, a subset of the schema's.
    fn assert_keys(object: &Value, allowed: &[&str]) {
        for key in object.as_object().expect("an object").keys() {
            assert!(allowed.contains(&key.as_str()), "{key} in {object}");
        }
    }

    /// Fails on any object the SARIF 2.1.0 schema (oasis-tcs/sarif-spec,
    /// `sarif-2.1/schema/sarif-schema-2.1.0.json`) would reject for the parts hcx
    /// writes: its `required` lists, its `anyOf` on a message, a physical location and
    /// a region, its enums, and its closed sets of keys.
    fn assert_sarif_shape(log: &Value) {
        assert_keys(log, &["$schema", "version", "runs"]);
        assert_eq!(log["version"], "2.1.0");
        let runs = log["runs"].as_array().expect("runs is an array");
        assert!(!runs.is_empty());
        for run in runs {
            assert_keys(run, &["tool", "columnKind", "results"]);
            assert!(["utf16CodeUnits", "unicodeCodePoints"]
                .contains(&run["columnKind"].as_str().expect("columnKind")));
            assert_keys(&run["tool"], &["driver"]);
            let driver = &run["tool"]["driver"];
            assert_keys(driver, &["name", "version", "rules"]);
            assert!(driver["name"].is_string(), "toolComponent requires name");
            let rules = driver["rules"].as_array().expect("rules");
            for rule in rules {
                assert_keys(
                    rule,
                    &["id", "name", "shortDescription", "defaultConfiguration"],
                );
                assert!(rule["id"].is_string(), "reportingDescriptor requires id");
                assert_keys(&rule["shortDescription"], &["text"]);
                assert!(rule["shortDescription"]["text"].is_string());
                assert_keys(&rule["defaultConfiguration"], &["level"]);
            }
            for result in run["results"].as_array().expect("results") {
                assert_keys(
                    result,
                    &[
                        "ruleId",
                        "ruleIndex",
                        "level",
                        "message",
                        "locations",
                        "relatedLocations",
                        "properties",
                    ],
                );
                assert_keys(&result["message"], &["text"]);
                assert!(
                    result["message"]["text"].is_string(),
                    "result requires message"
                );
                let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
                assert_eq!(rules[index]["id"], result["ruleId"]);
                assert!(["error", "warning", "note", "none"]
                    .contains(&result["level"].as_str().unwrap()));
                let locations = result["locations"].as_array().expect("locations");
                assert_eq!(locations.len(), 1);
                for location in locations {
                    assert_keys(location, &["physicalLocation"]);
                }
                let mut places: Vec<&Value> =
                    locations.iter().map(|l| &l["physicalLocation"]).collect();
                for related in result["relatedLocations"].as_array().expect("related") {
                    assert_keys(related, &["id", "physicalLocation", "message"]);
                    assert!(related["id"].as_u64().is_some());
                    assert!(related["message"]["text"].is_string());
                    places.push(&related["physicalLocation"]);
                }
                for place in places {
                    assert_keys(place, &["artifactLocation", "region"]);
                    assert_keys(&place["artifactLocation"], &["uri"]);
                    assert_keys(&place["region"], &["startLine", "startColumn"]);
                    let uri = place["artifactLocation"]["uri"].as_str().expect("uri");
                    assert!(
                        !uri.is_empty() && !uri.contains([' ', '\\', ':'])
                            || uri.starts_with("file://")
                    );
                    assert!(place["region"]["startLine"].as_u64().expect("startLine") >= 1);
                    assert!(
                        place["region"]["startColumn"]
                            .as_u64()
                            .expect("startColumn")
                            >= 1
                    );
                }
            }
        }
    }

    #[test]
    fn one_result_a_finding_with_the_other_sources_related() {
        let log = sarif(&[
            ("a.txt", "The storm killed 40 people."),
            ("b.txt", "The storm killed 46 people."),
            ("c.txt", "Forty people died in the storm."),
            (
                "d.txt",
                "The fleet has 40 boats. It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats.",
            ),
        ]);
        assert_sarif_shape(&log);
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 2, "{log:#}");
        let toll = &results[0];
        assert_eq!(toll["ruleId"], "figure/conflict");
        assert_eq!(toll["level"], "error");
        let place = &toll["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], "b.txt");
        assert_eq!(place["region"]["startLine"], 1);
        let related: Vec<&str> = toll["relatedLocations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert_eq!(related, ["a.txt", "c.txt"]);
        let sum = &results[1];
        assert_eq!(sum["ruleId"], "check/sum");
        assert_eq!(
            sum["locations"][0]["physicalLocation"]["region"]["startColumn"],
            15
        );
        assert_eq!(sum["relatedLocations"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn agreeing_sources_give_no_result() {
        let log = sarif(&[
            ("a.txt", "The storm killed 40 people."),
            ("b.txt", "Forty people died in the storm."),
        ]);
        assert_sarif_shape(&log);
        assert_eq!(log["runs"][0]["results"], json!([]));
    }

    #[test]
    fn paths_are_uri_references() {
        assert_eq!(uri("seeds/000.txt"), "seeds/000.txt");
        assert_eq!(uri("./my notes/a:b#1.txt"), "my%20notes/a%3Ab%231.txt");
        assert_eq!(uri("dir\\é.txt"), "dir/%C3%A9.txt");
        assert_eq!(uri("/tmp/a.txt"), "file:///tmp/a.txt");
    }
}
