//! Report: prints an analysis for people (a table, Markdown, HTML) or for programs (JSON,
//! workflow annotations).
//!
//! What `hcx diff` reports is one [`Document`]; every format is a [`Printer`] of it.
//! Printers write to any `io::Write`, so tests print into a `Vec<u8>`; they never decide
//! the exit code, which is the analysis's business.

pub mod dates;
pub mod explain;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod messages;
pub mod outlets;
pub mod sarif;
pub mod table;

use std::io::{self, Write};

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::checks::Finding;
use crate::compare::{TopicReport, Verdict};
use crate::extract::claims::Claim;

/// What `hcx diff` reports, whatever the format.
pub struct Document<'a> {
    /// Each source, in path order.
    pub sources: &'a [crate::analysis::SourceInfo],
    /// Each source's label in the reports for people.
    pub outlets: outlets::Outlets,
    /// The topics asked for, less those the baseline hid.
    pub topics: Vec<&'a TopicReport>,
    /// List agreements and single-source topics too, not only disagreements (`--all`).
    pub list_all: bool,
    /// Counts by verdict of the topics reported (those asked for, less those the
    /// baseline hid), and how many there are: every format counts the same.
    pub summary: Summary,
    pub topic_count: usize,
    /// What the checks found.
    pub findings: &'a [Finding],
    /// Known findings the baseline hid.
    pub hidden: usize,
    /// Findings shown again whose figures changed since the editor's note.
    pub reopened: &'a [crate::analysis::diff::Reopened],
    /// Files left out of the run (binary, hcx's own reports, unreadable), each with why.
    pub skipped: &'a [crate::source::Warning],
    /// Claims ignore comments kept out of their topic.
    pub suppressed: usize,
}

impl<'a> Document<'a> {
    pub fn new(
        analysis: &'a Analysis,
        topics: Vec<&'a TopicReport>,
        list_all: bool,
        hidden: usize,
    ) -> Self {
        Document {
            sources: &analysis.sources,
            summary: Summary::of(topics.iter().copied()),
            topic_count: topics.len(),
            outlets: outlets::Outlets::of(&analysis.sources),
            topics,
            list_all,
            findings: &analysis.checks,
            hidden,
            reopened: &[],
            skipped: &[],
            suppressed: analysis.suppressed,
        }
    }

    /// What a report says when nothing was set against anything: one article read, or
    /// no figure given by two sources. Such a run must never read as "the sources
    /// agree".
    pub fn nothing_compared(&self) -> Option<String> {
        if let [only] = self.sources {
            let path = crate::base::controls::escape(&only.path, true);
            let found = if self.findings.is_empty() {
                " and found nothing"
            } else {
                ""
            };
            return Some(format!(
                "Nothing compared: one article was read ({path}); only its own checks (sums, dates, names) ran{found}."
            ));
        }
        let s = &self.summary;
        (s.conflict + s.differs + s.agree == 0).then(|| {
            "No figures compared: no figure reported here is given by more than one source."
                .to_string()
        })
    }

    /// The sentence a report for people ends its findings with when it lists none.
    pub fn all_clear(&self) -> String {
        self.nothing_compared()
            .unwrap_or_else(|| match self.hidden {
                0 => "No disagreements: the sources agree on every figure they share.".to_string(),
                n => format!("No disagreements beyond the {n} known findings the baseline hides."),
            })
    }

    /// "; 2 files skipped: a.bin, b.md", for a summary line; empty when none was.
    pub fn skipped_note(&self) -> String {
        let names: Vec<String> = self
            .skipped
            .iter()
            .map(|w| crate::base::controls::escape(&w.path, true).into_owned())
            .collect();
        match names.len() {
            0 => String::new(),
            1 => format!("; 1 file skipped: {}", names[0]),
            n => format!("; {n} files skipped: {}", names.join(", ")),
        }
    }

    /// "deaths is shown again (figure changed since the note: checked with the
    /// agency)", one line a finding shown again with the editor's earlier note.
    pub fn reopened_lines(&self) -> Vec<String> {
        self.reopened
            .iter()
            .map(|r| {
                let line = format!("{} is shown again ({})", r.finding, r.note);
                crate::base::controls::escape(&line, true).into_owned()
            })
            .collect()
    }

    /// The topics a listing shows: the disagreements, or every topic with `--all`.
    pub fn shown(&self) -> Vec<&'a TopicReport> {
        self.topics
            .iter()
            .copied()
            .filter(|t| self.list_all || t.verdict.is_disagreement())
            .collect()
    }
}

/// A format of the `hcx diff` report.
pub trait Printer {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()>;

    /// True when the report itself says how many findings the baseline hid; otherwise
    /// the caller says so on standard error.
    fn tells_hidden(&self) -> bool {
        false
    }
}

/// The formats of `hcx diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Table,
    Json,
    Markdown,
    Github,
    Html,
    Sarif,
}

impl Format {
    /// The names users write, in the order they are listed.
    pub const NAMES: [&'static str; 6] = ["table", "json", "markdown", "github", "html", "sarif"];

    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "table" => Some(Format::Table),
            "json" => Some(Format::Json),
            "markdown" => Some(Format::Markdown),
            "github" => Some(Format::Github),
            "html" => Some(Format::Html),
            "sarif" => Some(Format::Sarif),
            _ => None,
        }
    }

    /// The printer of this format; the table is laid out as `layout` says.
    pub fn printer(self, layout: table::Layout) -> Box<dyn Printer> {
        match self {
            Format::Table => Box::new(table::Table { layout }),
            Format::Json => Box::new(json::Json),
            Format::Markdown => Box::new(markdown::Markdown),
            Format::Github => Box::new(github::Github),
            Format::Html => Box::new(html::Html),
            Format::Sarif => Box::new(sarif::Sarif),
        }
    }
}

/// The formats of `hcx claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimsFormat {
    Table,
    Json,
    Jsonl,
}

impl ClaimsFormat {
    /// The names users write, in the order they are listed.
    pub const NAMES: [&'static str; 3] = ["table", "json", "jsonl"];

    pub fn from_name(name: &str) -> Option<ClaimsFormat> {
        match name {
            "table" => Some(ClaimsFormat::Table),
            "json" => Some(ClaimsFormat::Json),
            "jsonl" => Some(ClaimsFormat::Jsonl),
            _ => None,
        }
    }
}

/// Counts of topics by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub conflict: usize,
    pub differs: usize,
    pub agree: usize,
    pub single: usize,
}

impl Summary {
    /// "3 conflict, 2 differ, 9 agree, 8 single-source", for every report's heading.
    pub fn counts(&self) -> String {
        format!(
            "{} conflict, {} differ, {} agree, {} single-source",
            self.conflict, self.differs, self.agree, self.single
        )
    }

    pub fn of<'a>(topics: impl IntoIterator<Item = &'a TopicReport>) -> Summary {
        let mut s = Summary::default();
        for topic in topics {
            match topic.verdict {
                Verdict::Conflict => s.conflict += 1,
                Verdict::Differs => s.differs += 1,
                Verdict::Agree => s.agree += 1,
                Verdict::Single => s.single += 1,
            }
        }
        s
    }
}

/// Most findings of one kind a report for people lists for one source; the rest are
/// counted on one line. A huge file can fail a check thousands of times, and a list of
/// them all is read by nobody (JSON keeps every one).
pub const MAX_FINDINGS_PER_SOURCE: usize = 20;

/// Most places of one finding a report for people lists; the rest are counted.
pub const MAX_PLACES: usize = 20;

/// A finding as a report for people lists it: itself, or the count of those of its kind
/// and source past [`MAX_FINDINGS_PER_SOURCE`].
pub enum Listed<'a> {
    Finding(&'a Finding),
    More {
        kind: crate::checks::FindingKind,
        source: &'a str,
        count: usize,
    },
}

/// The findings (sorted by kind, source and place, as the checks give them) with each
/// kind and source's beyond [`MAX_FINDINGS_PER_SOURCE`] grouped into a count.
pub fn listed(findings: &[Finding]) -> Vec<Listed<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < findings.len() {
        let key = (findings[i].kind(), findings[i].source.as_ref());
        let run = findings[i..]
            .iter()
            .take_while(|f| (f.kind(), f.source.as_ref()) == key)
            .count();
        out.extend(
            findings[i..i + run.min(MAX_FINDINGS_PER_SOURCE)]
                .iter()
                .map(Listed::Finding),
        );
        if run > MAX_FINDINGS_PER_SOURCE {
            out.push(Listed::More {
                kind: key.0,
                source: key.1,
                count: run - MAX_FINDINGS_PER_SOURCE,
            });
        }
        i += run;
    }
    out
}

/// "and 12 more sum findings in this file": what a grouped count says.
pub fn more_findings(kind: crate::checks::FindingKind, count: usize) -> String {
    format!(
        "and {count} more {} findings in this file (all of them in --format json)",
        kind.as_str()
    )
}

/// A place as editors and tools read it: `file:line:col`. A file name is text too: its
/// controls and line breaks are shown escaped.
pub fn file_line_col(source: &str, location: crate::source::Location) -> String {
    format!(
        "{}:{}:{}",
        crate::base::controls::escape(source, true),
        location.line,
        location.column
    )
}

/// The claim's sentence cut to about `width` characters around its wording, with the
/// wording marked by `open` and `close`. The wording is marked where the claim stands,
/// not where the same words first occur in its sentence ("269 villagers ... 269
/// villagers"), and only the characters shown are read: a sentence as long as a whole
/// file costs no more than a short one.
pub fn excerpt(claim: &Claim, width: usize, open: &str, close: &str) -> String {
    let sentence: &str = claim.sentence();
    let quote = claim.quote();
    let (Some(before), Some(after)) = (
        sentence.get(..claim.wording.quote().start),
        sentence.get(claim.wording.quote().end..),
    ) else {
        return format!("{open}{quote}{close}");
    };
    let room = width.saturating_sub(quote.chars().count()) / 2;
    let (lead, cut_lead) = last_chars(before, room);
    let (tail, cut_tail) = first_chars(after, room);
    format!(
        "{}{lead}{open}{quote}{close}{tail}{}",
        if cut_lead { "…" } else { "" },
        if cut_tail { "…" } else { "" }
    )
}

/// The last `n` characters of `text`, and whether any were left out.
fn last_chars(text: &str, n: usize) -> (&str, bool) {
    let Some(back) = n.checked_sub(1) else {
        return ("", !text.is_empty());
    };
    match text.char_indices().nth_back(back) {
        Some((at, _)) => (&text[at..], at > 0),
        None => (text, false),
    }
}

/// The first `n` characters of `text`, and whether any were left out.
fn first_chars(text: &str, n: usize) -> (&str, bool) {
    match text.char_indices().nth(n) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// Most claims of a topic whose every pair is weighed to find the one that stands out;
/// past it only the pair that decided the verdict is, so the cost stays linear.
const STANDOUT_PAIRS_UP_TO: usize = 64;

/// The claim of a disagreeing topic that stands out, as an index into its claims. Its
/// source is the one at odds with most other sources (two sources are at odds when
/// none of their claims agree); within it, the claim at odds with most sources, then
/// with most claims (conflicts first); ties go to the first. An annotation goes there,
/// not on the sources that agree.
pub fn standout(topic: &TopicReport) -> usize {
    let claims = &topic.claims;
    if claims.len() > STANDOUT_PAIRS_UP_TO {
        return match topic.deciding {
            Some((a, b)) if a < claims.len() && b < claims.len() => {
                if odds(topic, b) > odds(topic, a) {
                    b
                } else {
                    a
                }
            }
            _ => 0,
        };
    }
    // Which sources agree somewhere: pairs of source names.
    let mut agreeing: std::collections::BTreeSet<(&str, &str)> = std::collections::BTreeSet::new();
    let mut sources: Vec<&str> = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        if !sources.contains(&a.claim.source()) {
            sources.push(a.claim.source());
        }
        for b in &claims[i + 1..] {
            if a.claim.source() != b.claim.source()
                && crate::compare::relate(&a.claim, &b.claim) == Verdict::Agree
            {
                agreeing.insert((a.claim.source(), b.claim.source()));
                agreeing.insert((b.claim.source(), a.claim.source()));
            }
        }
    }
    let at_odds = |source: &str| {
        sources
            .iter()
            .filter(|other| **other != source && !agreeing.contains(&(source, **other)))
            .count()
    };
    let Some(odd_source) = sources
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|(i, s)| (at_odds(s), std::cmp::Reverse(*i)))
        .map(|(_, s)| s)
    else {
        return 0;
    };
    (0..claims.len())
        .filter(|&i| *claims[i].claim.source() == *odd_source)
        .max_by_key(|&i| (odds(topic, i), std::cmp::Reverse(i)))
        .unwrap_or(0)
}

/// How much a claim is at odds with the other sources' claims: the sources none of
/// whose claims agree with it, its conflicts, its differences.
fn odds(topic: &TopicReport, i: usize) -> (usize, usize, usize) {
    let claim = &topic.claims[i].claim;
    let mut conflicts = 0;
    let mut differs = 0;
    let mut sources: std::collections::BTreeMap<&str, bool> = std::collections::BTreeMap::new();
    for other in &topic.claims {
        if other.claim.source() == claim.source() {
            continue;
        }
        let verdict = crate::compare::relate(claim, &other.claim);
        match verdict {
            Verdict::Conflict => conflicts += 1,
            Verdict::Differs => differs += 1,
            Verdict::Agree | Verdict::Single => {}
        }
        *sources.entry(other.claim.source()).or_insert(true) &= verdict != Verdict::Agree;
    }
    let odd_sources = sources.values().filter(|odd| **odd).count();
    (odd_sources, conflicts, differs)
}

/// The mention of a check's finding an annotation goes on: a sum's stated total, the
/// title fewest sources give, else the first mention.
pub fn standout_mention(finding: &Finding) -> usize {
    use crate::checks::Detail;
    match &finding.detail {
        Detail::SumMissesTotal { .. } => finding
            .total
            .as_ref()
            .and_then(|total| {
                finding
                    .mentions
                    .iter()
                    .position(|m| *m.source == *total.source() && m.location == total.location())
            })
            .unwrap_or(0),
        Detail::Titles { .. } => {
            let mut holders: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> =
                std::collections::BTreeMap::new();
            for m in &finding.mentions {
                holders
                    .entry(m.quote.as_str())
                    .or_default()
                    .insert(m.source.as_ref());
            }
            (0..finding.mentions.len())
                .min_by_key(|&i| (holders[finding.mentions[i].quote.as_str()].len(), i))
                .unwrap_or(0)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_clear(texts: &[(&str, &str)]) -> String {
        let sources = crate::source::parse_all(texts);
        let analysis = crate::analysis::analyze(&sources, &crate::rules::RuleSet::builtin());
        Document::new(&analysis, analysis.topics.iter().collect(), false, 0).all_clear()
    }

    #[test]
    fn every_report_of_diff_reads_only_what_diff_keeps_of_a_claim() {
        // Owners, a time of counting, places, times, parts and a sum: each report, in
        // every format, is the same from what `hcx diff` keeps of frames and counted
        // things as from whole ones.
        let texts = [
            ("a.txt", "Floods in Kessa\nJuly 30, 2024\n\nLabour won 412 seats in Dalmor. As of July 31, the floods had killed 120 people in Kessa district, 23 of them children. In 2019, 40 people died."),
            ("b.txt", "Floods in Kessa\nJuly 30, 2024\n\nLabour won 411 seats in Dalmor. By Wednesday, the floods had killed 150 people in Kessa district, 30 of them children."),
            ("c.txt", "Floods in Kessa\n\nThe Tories won 121 seats. At least 140 people died in the floods. In all, 54 ships were held at anchor: 20 Danish ships, 18 Dutch ships and 12 Polish ships."),
        ];
        let sources = crate::source::parse_all(&texts);
        let rules = crate::rules::RuleSet::builtin();
        let printers: [&dyn Printer; 6] = [
            &json::Json,
            &table::Table {
                layout: table::Layout::default(),
            },
            &markdown::Markdown,
            &html::Html,
            &github::Github,
            &sarif::Sarif,
        ];
        let reports = |frames| {
            let analysis = crate::analysis::analyze_with(&sources, &rules, &[], frames);
            let document = Document::new(&analysis, analysis.topics.iter().collect(), true, 0);
            printers
                .iter()
                .map(|p| {
                    let mut out = Vec::new();
                    p.print(&document, &mut out).unwrap();
                    String::from_utf8(out).unwrap()
                })
                .collect::<Vec<_>>()
        };
        let whole = reports(crate::analysis::Frames::Whole);
        assert!(whole[0].contains("\"as_of\": \"20"), "{}", whole[0]);
        assert!(whole[0].contains("by-labour"), "{}", whole[0]);
        assert!(whole[0].contains("\"kind\": \"sum\""), "{}", whole[0]);
        assert_eq!(reports(crate::analysis::Frames::Reported), whole);
    }

    /// Each claim of `text`'s one source, as `excerpt` shows it at `width`.
    fn excerpts(text: &str, width: usize) -> Vec<String> {
        let sources = crate::source::parse_all(&[("a.txt", text)]);
        crate::extract::claims::extract(&sources[0])
            .iter()
            .map(|c| excerpt(c, width, "[", "]"))
            .collect()
    }

    #[test]
    fn an_excerpt_marks_the_claim_where_it_stands() {
        // The same wording met earlier in the sentence, whole or inside a longer figure,
        // is not the claim's.
        for (text, marked) in [
            (
                "In France, 45 million people watched, and 5 million watched live.",
                "and [5 million] watched",
            ),
            (
                "Rescuers found 12 bodies on Monday and 12 bodies more on Tuesday.",
                "Monday and [12 bodies] more",
            ),
        ] {
            let shown = excerpts(text, 200);
            assert!(shown.iter().any(|e| e.contains(marked)), "{shown:?}");
        }
    }

    #[test]
    fn an_excerpt_cuts_the_sentence_evenly_around_the_wording() {
        let text = "Officials in the northern province said on Tuesday evening that 140 people died in the floods that swept the valley.";
        let shown = excerpts(text, 30);
        let cut = shown.iter().find(|e| e.contains("[140 people]")).unwrap();
        // 30 characters less the wording's 10: ten on each side, the cuts marked.
        assert_eq!(cut, "…ning that [140 people] died in t…");
        // Room for all of it: nothing cut.
        let whole = excerpts(text, 500);
        assert_eq!(whole[0].replace(['[', ']'], ""), text);
    }

    #[test]
    fn a_report_says_agree_only_when_figures_were_compared() {
        let one = all_clear(&[("a.txt", "The flood killed 12 people.")]);
        assert!(
            one.starts_with("Nothing compared: one article was read (a.txt)"),
            "{one}"
        );
        assert!(one.ends_with("and found nothing."), "{one}");
        let apart = all_clear(&[
            ("a.txt", "The flood killed 12 people."),
            ("b.txt", "Some 40 homes were destroyed."),
        ]);
        assert!(apart.starts_with("No figures compared"), "{apart}");
        let agree = all_clear(&[
            ("a.txt", "The flood killed 12 people."),
            ("b.txt", "It killed 12 people."),
        ]);
        assert!(agree.contains("the sources agree"), "{agree}");
    }
}
