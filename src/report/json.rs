//! The JSON report: the contract CI and `score-findings` read.
//!
//! Numbers that are whole are written as integers ("2500", not "2500.0"), and unbounded
//! ends of an interval as null.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::claims::Claim;
use crate::compare::TopicReport;
use crate::Analysis;

use super::Summary;

/// A JSON number, whole values as integers.
pub fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// A claim's fields, as in the contract.
pub fn claim(claim: &Claim) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("source".into(), json!(claim.source));
    map.insert("line".into(), json!(claim.location.line));
    map.insert("column".into(), json!(claim.location.column));
    map.insert("value".into(), number(claim.value));
    map.insert(
        "lower".into(),
        claim.interval.lower_value().map_or(Value::Null, number),
    );
    map.insert(
        "upper".into(),
        claim.interval.upper_value().map_or(Value::Null, number),
    );
    map.insert(
        "lower_inclusive".into(),
        claim
            .interval
            .lower
            .map_or(Value::Null, |b| json!(b.inclusive)),
    );
    map.insert(
        "upper_inclusive".into(),
        claim
            .interval
            .upper
            .map_or(Value::Null, |b| json!(b.inclusive)),
    );
    map.insert(
        "hedge".into(),
        claim.hedge.map_or(Value::Null, |h| json!(h.as_str())),
    );
    map.insert("unit".into(), json!(claim.unit.label()));
    map.insert("quote".into(), json!(claim.quote));
    map.insert("figure".into(), json!(claim.figure));
    map.insert("sentence".into(), json!(&*claim.sentence));
    map.insert("scope".into(), json!(claim.scope));
    map.insert(
        "noun".into(),
        json!(claim.counted.as_ref().map(|c| c.phrase.clone())),
    );
    map.insert("action".into(), json!(claim.action));
    map
}

fn check(check: &crate::checks::Check) -> Value {
    json!({
        "kind": check.kind.as_str(),
        "source": check.source,
        "cross_source": check.cross_source,
        "message": check.message,
        "claims": check.claims.iter().map(|c| Value::Object(claim(c))).collect::<Vec<_>>(),
        "total": check.total.as_ref().map(|c| Value::Object(claim(c))),
        "mentions": check.mentions.iter().map(|m| json!({
            "source": m.source,
            "line": m.location.line,
            "column": m.location.column,
            "quote": m.quote,
        })).collect::<Vec<_>>(),
    })
}

fn topic(topic: &TopicReport) -> Value {
    let claims: Vec<Value> = topic
        .claims
        .iter()
        .map(|p| Value::Object(claim(&p.claim)))
        .collect();
    json!({
        "topic": topic.id,
        "label": topic.label,
        "verdict": topic.verdict.as_str(),
        "rule": topic.origin,
        "claims": claims,
    })
}

/// `hcx diff --format json`.
pub fn write_diff(
    out: &mut dyn Write,
    analysis: &Analysis,
    topics: &[&TopicReport],
    hidden: usize,
) -> io::Result<()> {
    let owned: Vec<TopicReport> = topics.iter().map(|t| (*t).clone()).collect();
    let summary = Summary::of(&owned);
    let value = json!({
        "sources": analysis.sources.iter().map(|(path, url)| json!({"path": path, "url": url})).collect::<Vec<_>>(),
        "summary": {
            "conflict": summary.conflict,
            "differs": summary.differs,
            "agree": summary.agree,
            "single": summary.single,
        },
        "baseline": {"hidden": hidden},
        "suppressed": analysis.suppressed,
        "topics": topics.iter().map(|t| topic(t)).collect::<Vec<_>>(),
        "checks": analysis.checks.iter().map(check).collect::<Vec<_>>(),
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// A claim with its topic, for `hcx claims`.
pub fn placed_claim(item: &crate::ClaimInTopic) -> Value {
    let (c, placement) = item;
    let mut map = claim(c);
    map.insert(
        "topic".into(),
        json!(placement.as_ref().map(|p| p.id.clone())),
    );
    Value::Object(map)
}

/// `hcx claims --format json`.
pub fn write_claims(out: &mut dyn Write, claims: &[crate::ClaimInTopic]) -> io::Result<()> {
    let value = json!({ "claims": claims.iter().map(placed_claim).collect::<Vec<_>>() });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// `hcx claims --format jsonl`: one claim a line.
pub fn write_claims_lines(out: &mut dyn Write, claims: &[crate::ClaimInTopic]) -> io::Result<()> {
    for item in claims {
        serde_json::to_writer(&mut *out, &placed_claim(item))?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_integers() {
        assert_eq!(number(3400.0).to_string(), "3400");
        assert_eq!(number(1.5).to_string(), "1.5");
        assert_eq!(number(1e21).to_string(), "1e+21");
    }
}
