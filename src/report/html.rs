//! The HTML report: one self-contained page (no network, no script) where each topic's
//! claims are drawn as intervals on one number line, so the spread shows at a glance,
//! with each source's wording beside it.

use std::io::{self, Write};

use crate::compare::TopicReport;
use crate::extract::claims::Claim;

use super::{excerpt, Document, Printer};
use crate::base::numbers::human_number;

const WIDTH: f64 = 640.0;
const MARGIN: f64 = 40.0;
const ROW: f64 = 28.0;

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The span of values a topic's number line shows: every stated figure and bound, with
/// room on both sides for open ends.
fn axis(claims: &[&Claim]) -> (f64, f64) {
    let values: Vec<f64> = claims
        .iter()
        .flat_map(|c| {
            [
                Some(c.value),
                c.interval().lower_value(),
                c.interval().upper_value(),
            ]
            .into_iter()
            .flatten()
        })
        .filter(|v| v.is_finite())
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = (hi - lo).max(hi.abs() * 0.1).max(1.0);
    (
        (lo - span * 0.25).max(if lo >= 0.0 { 0.0 } else { f64::MIN }),
        hi + span * 0.25,
    )
}

/// One topic's number line as inline SVG: a row per claim, its interval as a bar, open
/// ends as arrows, its figure as a dot. Written as it is made: a topic of a large
/// corpus has a row for each of thousands of claims.
fn write_svg(
    out: &mut dyn Write,
    topic: &TopicReport,
    outlets: &super::outlets::Outlets,
) -> io::Result<()> {
    let claims: Vec<&Claim> = topic.claims.iter().map(|p| &*p.claim).collect();
    let (lo, hi) = axis(&claims);
    let x = |v: f64| MARGIN + (v - lo) / (hi - lo) * (WIDTH - 2.0 * MARGIN);
    let height = ROW * claims.len() as f64 + 30.0;
    write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        esc(&topic.label)
    )?;
    let axis_y = height - 20.0;
    write!(
        out,
        "<line x1=\"{MARGIN}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" class=\"axis\"/>\
         <text x=\"{MARGIN}\" y=\"{}\" class=\"tick\">{}</text>\
         <text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
        WIDTH - MARGIN,
        axis_y + 15.0,
        human_number(lo.round()),
        WIDTH - MARGIN,
        axis_y + 15.0,
        human_number(hi.round())
    )?;
    for (row, claim) in claims.iter().enumerate() {
        let y = ROW * row as f64 + 18.0;
        let left = claim.interval().lower_value().map_or(MARGIN - 12.0, x);
        let right = claim
            .interval()
            .upper_value()
            .map_or(WIDTH - MARGIN + 12.0, x);
        write!(
            out,
            "<g class=\"claim\" data-source=\"{}\" data-lower=\"{}\" data-upper=\"{}\">\
             <title>{}</title>\
             <line x1=\"{left:.1}\" y1=\"{y}\" x2=\"{right:.1}\" y2=\"{y}\" class=\"range\"/>",
            esc(claim.source()),
            claim
                .interval()
                .lower_value()
                .map_or("open".to_string(), |v| v.to_string()),
            claim
                .interval()
                .upper_value()
                .map_or("open".to_string(), |v| v.to_string()),
            esc(&format!("{}: {}", claim.source(), claim.quote())),
        )?;
        if claim.interval().lower.is_none() {
            write!(
                out,
                "<path d=\"M{left:.1},{y} l8,-5 v10 z\" class=\"open\"/>"
            )?;
        }
        if claim.interval().upper.is_none() {
            write!(
                out,
                "<path d=\"M{right:.1},{y} l-8,-5 v10 z\" class=\"open\"/>"
            )?;
        }
        // Labels in the right half read leftwards, so none runs off the picture.
        let at = x(claim.value);
        let (label_x, anchor) = if at > WIDTH / 2.0 {
            (at - 6.0, "end")
        } else {
            (at + 6.0, "start")
        };
        write!(
            out,
            "<circle cx=\"{at:.1}\" cy=\"{y}\" r=\"4\" class=\"figure\"/>\
             <text x=\"{label_x:.1}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"label\">{}</text></g>",
            y - 6.0,
            esc(&format!("{} · {}", claim.figure(), outlets.label(claim.source())))
        )?;
    }
    writeln!(out, "</svg>")
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}\
.verdict{font-size:.8em;padding:.1em .5em;border-radius:.3em;color:#fff;margin-left:.5em}\
.conflict{background:#c0392b}.differs{background:#d68910}.agree{background:#1e8449}.single{background:#777}\
svg .axis{stroke:#999}svg .range{stroke:#2c3e50;stroke-width:3}svg .open{fill:#2c3e50}\
svg .figure{fill:#e74c3c}svg .label{font-size:11px;fill:#333}svg .tick{font-size:10px;fill:#777}\
table{border-collapse:collapse;width:100%;margin-top:.5em}td,th{border-top:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top}\
code{font-size:.85em}mark{background:#fde68a}";

/// `hcx diff --format html`: one self-contained page.
pub struct Html;

impl Printer for Html {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(&mut crate::base::controls::Escaping::new(out), document)
    }

    fn tells_hidden(&self) -> bool {
        true
    }
}

fn write_diff(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    let shown = document.shown();
    let checks = document.findings;
    write!(
        out,
        "<!DOCTYPE html>\n<!-- {} -->\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hcx report</title><style>{STYLE}</style></head><body>\n",
        crate::source::REPORT_MARKER
    )?;
    writeln!(
        out,
        "<h1>hcx: {} ({}){}</h1>",
        document.summary.counts(),
        crate::base::numbers::count_of(document.topic_count, "topic", "topics"),
        esc(&document.skipped_note())
    )?;
    if document.hidden > 0 {
        writeln!(
            out,
            "<p>{} hidden by the baseline.</p>",
            crate::base::numbers::count_of(document.hidden, "known finding", "known findings")
        )?;
    }
    for line in document.reopened_lines() {
        writeln!(out, "<p>{}</p>", esc(&line))?;
    }
    if let Some(note) = document.nothing_compared() {
        writeln!(out, "<p>{}</p>", esc(&note))?;
    }
    for topic in &shown {
        let class = topic.verdict.as_str();
        writeln!(
            out,
            "<section class=\"topic\" id=\"{}\"><h2>{}<span class=\"verdict {class}\">{class}</span></h2>",
            esc(&topic.id),
            esc(&topic.label)
        )?;
        if let Some(line) = super::dates::timeline_line(topic) {
            writeln!(out, "<p class=\"timeline\">{}</p>", esc(&line))?;
        }
        write_svg(out, topic, &document.outlets)?;
        writeln!(
            out,
            "<table><tr><th>Source</th><th>Figure</th><th>Scope</th><th>Wording</th></tr>"
        )?;
        for placed in &topic.claims {
            let claim = &placed.claim;
            // A file with no outlet is named by its place alone.
            let label = if document.outlets.tells_more(claim.source()) {
                format!("{}<br>", esc(&document.outlets.label(claim.source())))
            } else {
                String::new()
            };
            let wording = esc(&excerpt(claim, 160, "\u{1}", "\u{2}"))
                .replace('\u{1}', "<mark>")
                .replace('\u{2}', "</mark>");
            writeln!(
                out,
                "<tr><td>{label}<code>{}</code></td><td>{}</td><td>{}</td><td>{wording}</td></tr>",
                esc(&super::file_line_col(claim.source(), claim.location())),
                esc(&match super::dates::claim_day(claim, topic) {
                    Some(day) => format!("{} ({day})", claim.figure()),
                    None => claim.figure().to_string(),
                }),
                esc(claim.scope().unwrap_or(""))
            )?;
        }
        writeln!(out, "</table></section>")?;
    }
    if !checks.is_empty() {
        write_checks(out, document)?;
    }
    if shown.is_empty() && checks.is_empty() {
        if document.nothing_compared().is_none() {
            writeln!(out, "<p>{}</p>", esc(&document.all_clear()))?;
        }
    } else {
        write_legend(out, document)?;
    }
    writeln!(out, "</body></html>")
}

/// The checks' findings as a list, each with its places grouped by outlet.
fn write_checks(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    writeln!(out, "<section id=\"checks\"><h2>Other checks</h2><ul>")?;
    for listed in super::listed(document.findings) {
        let check = match listed {
            super::Listed::Finding(check) => check,
            super::Listed::More {
                kind,
                source,
                count,
            } => {
                writeln!(
                    out,
                    "<li><strong>{}</strong> ({}): {}</li>",
                    kind.as_str(),
                    esc(&document.outlets.label(source)),
                    esc(&super::more_findings(kind, count))
                )?;
                continue;
            }
        };
        let places =
            super::outlets::places_text(check, &|p| esc(&document.outlets.label(p)), " ", "; ");
        writeln!(
            out,
            "<li><strong>{}</strong>{}: {} ({})</li>",
            check.kind().as_str(),
            if check.cross_source {
                ", across sources"
            } else {
                ""
            },
            esc(&super::messages::message_naming(check, &|p| document
                .outlets
                .label(p))),
            places
        )?;
    }
    writeln!(out, "</ul></section>")?;
    Ok(())
}

/// The legend: each source's label, file, day, headline and URL; a web address is a
/// link, any other URL only text.
fn write_legend(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    writeln!(out, "<section id=\"sources\"><h2>Sources</h2><ul>")?;
    for source in document.sources {
        write!(
            out,
            "<li><strong>{}</strong>: <code>{}</code>",
            esc(&document.outlets.label(&source.path)),
            esc(&source.path)
        )?;
        if let Some(day) = source.date {
            write!(out, ", {}", crate::base::calendar::iso(day))?;
        }
        if let Some(headline) = &source.headline {
            write!(
                out,
                ", \u{201c}{}\u{201d}",
                esc(&super::outlets::headline(
                    headline,
                    super::outlets::HEADLINE_CHARS
                ))
            )?;
        }
        if let Some(url) = &source.url {
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("https://") || lower.starts_with("http://") {
                write!(
                    out,
                    ", <a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
                    esc(url),
                    esc(url)
                )?;
            } else {
                write!(out, ", {}", esc(url))?;
            }
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul></section>")
}
