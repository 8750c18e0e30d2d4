//! `hcx explain`: why each claim was put in a topic and how the verdict was reached, for
//! an editor who doubts a finding and a maintainer tuning a rule.

use std::io::{self, Write};

use crate::compare::{self, TopicReport};
use crate::extract::claims::Claim;
use crate::extract::frame::Relation;
use crate::topics::{ClaimInTopic, Placement};

/// Explains one topic, and which claims of the same thing its frame kept apart. `all`
/// is every claim of the run with its topic.
pub fn write_topic(
    out: &mut dyn Write,
    topic: &TopicReport,
    all: &[Vec<ClaimInTopic>],
) -> io::Result<()> {
    let out = &mut crate::base::controls::Escaping::new(out);
    write_escaped(out, topic)?;
    write_apart(out, topic, all)
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
            super::file_line_col(claim.source(), claim.location()),
            claim.quote()
        )?;
        let bounds =
            |b: Option<f64>| b.map_or("open".to_string(), crate::base::numbers::human_number);
        writeln!(
            out,
            "  figure {} ({}), range {} to {}",
            claim.figure(),
            claim.hedge.map_or("exact", |h| h.as_str()),
            bounds(claim.interval().lower_value()),
            bounds(claim.interval().upper_value())
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
        if let Some(scope) = claim.scope() {
            writeln!(out, "  scope: {scope}")?;
        }
        write_frame(out, claim, &placed.placement)?;
    }
    match topic.deciding {
        Some((i, j)) => {
            let (a, b) = (&topic.claims[i].claim, &topic.claims[j].claim);
            let reason = compare::reason(a, b);
            writeln!(
                out,
                "\nVerdict {}: {} ({}:{}) against {} ({}:{}): {}.",
                topic.verdict.as_str(),
                a.figure(),
                a.source(),
                a.location().line,
                b.figure(),
                b.source(),
                b.location().line,
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

/// What the claim's frame says, and whether each part of it set the claim apart.
fn write_frame(out: &mut dyn Write, claim: &Claim, placement: &Placement) -> io::Result<()> {
    let frame = &claim.frame;
    let mut said = Vec::new();
    for place in &frame.places {
        let chosen = placement.place.as_ref().filter(|p| p.key == place.key);
        said.push(match chosen {
            Some(p) if p.certain => format!("place {}, which sets it apart", place.text),
            Some(_) => format!(
                "place {}, one of the event's own places: apart only where its source also gives the whole",
                place.text
            ),
            None if place.after_of => {
                format!("place {} after \"of\": whose office speaks, not where", place.text)
            }
            None => format!("place {}, which holds the event's places", place.text),
        });
    }
    if let Some(owner) = &frame.owner {
        said.push(match &placement.owner {
            Some((_, text)) => format!("whose: {text}, which sets it apart"),
            None => format!(
                "whose: {}, the set's only owner of it, which does not set it apart",
                owner.trim_start_matches('~')
            ),
        });
    }
    if let Some(qualifier) = claim.counted.as_ref().and_then(|c| c.qualifier.as_ref()) {
        said.push(format!("qualified as {qualifier}"));
    }
    if let Some(part) = claim.counted.as_ref().and_then(|c| c.part.as_ref()) {
        said.push(match frame.whole {
            Some(whole) => format!(
                "part: {part}, of a whole of {}",
                crate::base::numbers::human_number(whole)
            ),
            None => format!("part: {part}"),
        });
    }
    let relation = match frame.relation {
        Relation::Level => None,
        Relation::Change => Some("a change, met only by changes"),
        Relation::Margin => Some("a margin between two levels, met only by margins"),
    };
    said.extend(relation.map(str::to_string));
    let times: Vec<&str> = frame.anchors.iter().map(|a| a.text.as_str()).collect();
    if !times.is_empty() {
        said.push(format!("times: {}", times.join(", ")));
    }
    if let Some(period) = &placement.period {
        said.push(format!("counts over a period of its own, {period}"));
    }
    if !frame.purpose.is_empty() {
        said.push(format!("for {}", frame.purpose.join(", ")));
    }
    if said.is_empty() {
        return Ok(());
    }
    writeln!(out, "  frame: {}", said.join("; "))
}

/// The claims of the same thing in other topics: a place, an owner, a part, a period or
/// a relation kept them from meeting this topic's.
fn write_apart(
    out: &mut dyn Write,
    topic: &TopicReport,
    all: &[Vec<ClaimInTopic>],
) -> io::Result<()> {
    let root = thing_of(&topic.id);
    let apart: Vec<(&Claim, &Placement)> = all
        .iter()
        .flatten()
        .filter_map(|(claim, placement)| Some((claim.as_ref(), placement.as_deref()?)))
        .filter(|(_, p)| p.id != topic.id && thing_of(&p.id) == root)
        .collect();
    if apart.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\nThe same thing in other topics, kept apart by their frame:"
    )?;
    for (claim, placement) in apart {
        writeln!(
            out,
            "\n{}  \"{}\"  in {} ({})",
            super::file_line_col(claim.source(), claim.location()),
            claim.quote(),
            placement.id,
            placement.label
        )?;
        write_frame(out, claim, placement)?;
    }
    Ok(())
}

/// What a topic id counts, before any frame: the rule's id, or `auto/` and the noun.
fn thing_of(id: &str) -> &str {
    let id = id.split('@').next().unwrap_or(id);
    let cut = if id.starts_with("auto/") { 2 } else { 1 };
    match id.match_indices('/').nth(cut - 1) {
        Some((i, _)) => &id[..i],
        None => id,
    }
}

#[cfg(test)]
mod tests {
    use super::thing_of;

    #[test]
    fn a_topic_s_thing_is_its_rule_or_its_automatic_noun() {
        assert_eq!(thing_of("deaths/in-etah"), "deaths");
        assert_eq!(thing_of("deaths/female/of-27"), "deaths");
        assert_eq!(thing_of("deaths@since-january-2022"), "deaths");
        assert_eq!(thing_of("auto/seat/margin"), "auto/seat");
        assert_eq!(thing_of("auto/seat"), "auto/seat");
        assert_eq!(thing_of("turnout"), "turnout");
    }
}
