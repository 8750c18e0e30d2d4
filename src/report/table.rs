//! The table report: what an editor reads in a terminal.
//!
//! One row a claim, grouped by topic, disagreements first; the topic's label and verdict
//! head its group. Wording is the claim's sentence cut around the figure, the figure
//! marked, so the editor sees each source's exact words without opening the file.

use std::io::{self, Write};

use crate::base::numbers::count_of;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Width};

use crate::compare::{TopicReport, Verdict};
use crate::extract::claims::Claim;

use super::{excerpt, Document, Printer};

/// Writes a table line by line: the same bytes as its `Display`, without joining a large
/// report's lines into one string first.
fn write_table(out: &mut dyn Write, table: &comfy_table::Table) -> io::Result<()> {
    for line in table.lines() {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Total width in columns; `None` takes the terminal's.
    pub width: Option<u16>,
    /// Colour the verdicts.
    pub color: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: Some(100),
            color: false,
        }
    }
}

/// Width when neither the user nor a terminal says: what an editor's window shows.
const FALLBACK_WIDTH: u16 = 100;

/// A cell of text from the articles or rule files: its controls shown escaped, so
/// nothing in it steers the terminal (comfy-table's own colours are added around it).
fn text_cell(text: impl AsRef<str>) -> Cell {
    Cell::new(crate::base::controls::escape(text.as_ref(), false))
}

fn claim_location(claim: &Claim) -> String {
    super::file_line_col(claim.source(), claim.location())
}

fn new_table(layout: Layout, header: &[&str]) -> comfy_table::Table {
    let mut table = styled(layout);
    table.set_header(header.iter().map(|h| text_cell(*h)));
    table
}

/// A table with no header nor rows yet, drawn and sized as the layout says.
fn styled(layout: Layout) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if layout.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    match layout.width {
        Some(width) => {
            table.set_width(width);
        }
        None if table.width().is_none() => {
            table.set_width(FALLBACK_WIDTH);
        }
        None => {}
    }
    table
}

fn verdict_cell(topic: &TopicReport, layout: Layout) -> Cell {
    let mut head = format!(
        "{}\n{}",
        crate::base::controls::escape(&topic.label, true),
        topic.verdict.as_str().to_uppercase()
    );
    if let Some(line) = super::dates::timeline_line(topic) {
        head.push('\n');
        head.push_str(&line);
    }
    let cell = text_cell(head);
    if !layout.color {
        return cell;
    }
    let color = match topic.verdict {
        Verdict::Conflict => Color::Red,
        Verdict::Differs => Color::Yellow,
        Verdict::Agree => Color::Green,
        Verdict::Single => Color::Grey,
    };
    cell.fg(color).add_attribute(Attribute::Bold)
}

/// `hcx diff` as a table: one row a claim, then the checks' findings, then a summary line
/// of every topic found.
pub struct Table {
    pub layout: Layout,
}

impl Printer for Table {
    fn print(&self, document: &Document, out: &mut dyn Write) -> io::Result<()> {
        write_diff(out, document, self.layout)
    }

    fn tells_hidden(&self) -> bool {
        true
    }
}

fn write_diff(out: &mut dyn Write, document: &Document, layout: Layout) -> io::Result<()> {
    let shown = document.shown();
    let checks = document.findings;
    let listed_nothing = shown.is_empty() && checks.is_empty();
    if listed_nothing {
        writeln!(out, "{}", document.all_clear())?;
    } else if !shown.is_empty() {
        write_topics(out, document, &shown, layout)?;
    }
    if !checks.is_empty() {
        write_checks(out, document, layout)?;
    }
    if !shown.is_empty() || !checks.is_empty() {
        write_legend(out, document, layout)?;
    }
    if let Some(note) = document.nothing_compared().filter(|_| !listed_nothing) {
        writeln!(out, "{note}")?;
    }
    write!(
        out,
        "{} ({})",
        document.summary.counts(),
        count_of(document.topic_count, "topic", "topics")
    )?;
    if !checks.is_empty() {
        write!(
            out,
            "; {} failed",
            count_of(checks.len(), "other check", "other checks")
        )?;
    }
    if document.hidden > 0 {
        write!(
            out,
            "; {} hidden by the baseline",
            count_of(document.hidden, "known finding", "known findings")
        )?;
    }
    if document.suppressed > 0 {
        write!(
            out,
            "; {} kept out by ignore comments",
            count_of(document.suppressed, "claim", "claims")
        )?;
    }
    writeln!(out, "{}", document.skipped_note())?;
    for line in document.reopened_lines() {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Characters a cell loses to its padding, one each side.
const PADDING: u16 = 2;

/// The width of the Source column: enough for each outlet and whole `file:line:col`
/// when the table has room, else a quarter of it, and never narrower than the other
/// short columns.
fn source_width(document: &Document, shown: &[&TopicReport], width: u16, fifth: u16) -> u16 {
    use unicode_width::UnicodeWidthStr;
    let need = shown
        .iter()
        .flat_map(|t| &t.claims)
        .map(|p| {
            let claim = &p.claim;
            // Columns on screen, not characters: a CJK name takes two per character.
            let location = claim_location(claim).width();
            let label = document.outlets.label(claim.source()).width();
            location.max(label)
        })
        .max()
        .unwrap_or(0);
    let need = u16::try_from(need)
        .unwrap_or(u16::MAX)
        .saturating_add(PADDING);
    let cap = (fifth + PADDING).max(width / 4);
    need.min(cap).max(12)
}

/// ":6:85": what follows a path in a location.
fn line_col_suffix(location: crate::source::Location) -> String {
    format!(":{}:{}", location.line, location.column)
}

/// Rows of the topics' table formatted at once. comfy-table lays out, formats and draws
/// all of a table before it yields its first line: an archive's table was held three
/// times over (1,880 MB at the peak on the 100 MB corpus, against 760 MB for JSON).
const ROWS_AT_ONCE: usize = 512;

/// The topics' table: one row a claim, its source by outlet over its place.
fn write_topics(
    out: &mut dyn Write,
    document: &Document,
    shown: &[&TopicReport],
    layout: Layout,
) -> io::Result<()> {
    write_topics_in(out, document, shown, layout, ROWS_AT_ONCE)
}

/// The topics' table, formatted `at_once` rows at a time when it has more.
fn write_topics_in(
    out: &mut dyn Write,
    document: &Document,
    shown: &[&TopicReport],
    layout: Layout,
    at_once: usize,
) -> io::Result<()> {
    let mut table = new_table(layout, &TOPIC_HEADER);
    let width = table.width().unwrap_or(FALLBACK_WIDTH);
    // Narrow columns for the short fields leave the wording most of the width.
    let fifth = (width / 5).max(12);
    let source = source_width(document, shown, width, fifth);
    let rows = TopicRows::new(document, shown, layout, source, width);
    let count: usize = shown.iter().map(|t| t.claims.len()).sum();
    // A table too narrow to give the wording a fifth of it is left to comfy-table,
    // which shares out what room there is; it is seldom asked for a large report.
    let widths = (count > at_once)
        .then(|| rows.widths(width, fifth, source))
        .flatten();
    if let Some(widths) = widths {
        return write_in_parts(out, layout, &TOPIC_HEADER, &widths, at_once, rows.all());
    }
    for (index, limit) in [(0, fifth), (1, fifth)] {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(limit)));
        }
    }
    if let Some(column) = table.column_mut(2) {
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(source)));
    }
    table.add_rows(rows.all());
    write_table(out, &table)
}

const TOPIC_HEADER: [&str; 4] = ["Topic", "Figure", "Source", "Wording"];

/// The rows of the topics' table, built one at a time.
struct TopicRows<'a> {
    document: &'a Document<'a>,
    shown: &'a [&'a TopicReport],
    layout: Layout,
    /// Room for the outlet's label in the Source column.
    room: usize,
    /// Room for a path before its `:line:col`.
    path_room: usize,
    wording_width: usize,
}

impl<'a> TopicRows<'a> {
    fn new(
        document: &'a Document<'a>,
        shown: &'a [&'a TopicReport],
        layout: Layout,
        source: u16,
        width: u16,
    ) -> Self {
        let room = usize::from(source - PADDING);
        // Every path of the column is cut to one length, so one file reads the same in
        // every row: the room the longest `:line:col` leaves.
        let longest_place = shown
            .iter()
            .flat_map(|t| &t.claims)
            .map(|p| line_col_suffix(p.claim.location()).len())
            .max()
            .unwrap_or(0);
        TopicRows {
            document,
            shown,
            layout,
            room,
            path_room: room.saturating_sub(longest_place),
            wording_width: usize::from(width),
        }
    }

    /// Every row, in order.
    fn all(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        self.shown.iter().flat_map(move |topic| {
            topic
                .claims
                .iter()
                .enumerate()
                .map(move |(i, placed)| self.row(topic, i, &placed.claim))
        })
    }

    fn row(&self, topic: &TopicReport, i: usize, claim: &Claim) -> Vec<Cell> {
        let document = self.document;
        let head = if i == 0 {
            verdict_cell(topic, self.layout)
        } else {
            text_cell("")
        };
        let mut figure = match claim.scope() {
            Some(scope) => format!("{}\n({scope})", claim.figure()),
            None => claim.figure().to_string(),
        };
        if let Some(day) = super::dates::claim_day(claim, topic) {
            figure.push('\n');
            figure.push_str(&day);
        }
        let place = format!(
            "{}{}",
            super::outlets::shorten_path(
                &crate::base::controls::escape(claim.source(), true),
                self.path_room
            ),
            line_col_suffix(claim.location())
        );
        // A file with no outlet is named by its place alone.
        let source = if document.outlets.tells_more(claim.source()) {
            let label =
                crate::base::controls::escape(&document.outlets.label(claim.source()), true)
                    .into_owned();
            format!(
                "{}\n{place}",
                super::outlets::middle_ellipsis(&label, self.room)
            )
        } else {
            place
        };
        vec![
            head,
            text_cell(figure),
            text_cell(source),
            text_cell(excerpt(claim, self.wording_width, "«", "»")),
        ]
    }

    /// The columns' widths, padding included, for a table written in parts: the short
    /// columns as wide as their widest cell up to a fifth of the table, the Source column
    /// as set, the wording the rest, or its widest cell when that is less. Measured a
    /// row at a time, none kept. These are comfy-table's widths for the whole table when
    /// its wording wraps to fill the room left, as a table of hundreds of rows mostly
    /// does; when no wrapped line comes within three columns of it, comfy-table narrows
    /// the wording to the longest, and the parts keep the room. `None` when the wording
    /// would get less than a fifth of the table.
    fn widths(&self, width: u16, fifth: u16, source: u16) -> Option<[u16; 4]> {
        let mut widest = TOPIC_HEADER.map(content_width);
        for row in self.all() {
            for (widest, cell) in widest.iter_mut().zip(&row) {
                *widest = (*widest).max(content_width(&cell.content()));
            }
        }
        let padded = |w: usize| u16::try_from(w).unwrap_or(u16::MAX).saturating_add(PADDING);
        let topic = padded(widest[0]).min(fifth);
        let figure = padded(widest[1]).min(fifth);
        // The borders: one each side and one between columns.
        let rest = width.saturating_sub(5 + topic + figure + source);
        (rest >= fifth).then(|| [topic, figure, source, padded(widest[3]).min(rest)])
    }
}

/// How wide comfy-table counts a cell's text: its widest line, and at least 1.
fn content_width(text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    text.split('\n').map(str::width).max().unwrap_or(0).max(1)
}

/// Writes a table of the rows given, `at_once` rows formatted at a time, each part
/// pinned to the columns' `widths` (padding included), so the parts join into one
/// table: the first part's header and top border, the last part's bottom border.
fn write_in_parts(
    out: &mut dyn Write,
    layout: Layout,
    header: &[&str],
    widths: &[u16],
    at_once: usize,
    rows: impl Iterator<Item = Vec<Cell>>,
) -> io::Result<()> {
    let mut rows = rows.peekable();
    let mut first = true;
    while rows.peek().is_some() {
        let mut part = if first {
            new_table(layout, header)
        } else {
            styled(layout)
        };
        part.add_rows(rows.by_ref().take(at_once));
        for (index, width) in widths.iter().enumerate() {
            if let Some(column) = part.column_mut(index) {
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*width)));
            }
        }
        let last = rows.peek().is_none();
        let lines: Vec<String> = part.lines().collect();
        let end = lines.len() - usize::from(!last);
        for line in &lines[usize::from(!first)..end] {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        first = false;
    }
    Ok(())
}

/// The checks' table: each finding once, its places grouped by outlet.
fn write_checks(out: &mut dyn Write, document: &Document, layout: Layout) -> io::Result<()> {
    let outlets = &document.outlets;
    let label = |path: &str| crate::base::controls::escape(&outlets.label(path), true).into_owned();
    let mut table = new_table(layout, &["Check", "Where", "Finding"]);
    for listed in super::listed(document.findings) {
        let check = match listed {
            super::Listed::Finding(check) => check,
            super::Listed::More {
                kind,
                source,
                count,
            } => {
                table.add_row(vec![
                    text_cell(kind.as_str()),
                    text_cell(label(source)),
                    text_cell(super::more_findings(kind, count)),
                ]);
                continue;
            }
        };
        let kind = if check.cross_source {
            format!("{}\n(across sources)", check.kind().as_str())
        } else {
            check.kind().as_str().to_string()
        };
        let places = super::outlets::places_text(check, &label, "\n", "\n");
        table.add_row(vec![
            text_cell(kind),
            text_cell(places),
            text_cell(super::messages::message_naming(check, &|p| label(p))),
        ]);
    }
    write_table(out, &table)
}

/// The legend: each source's label, file, day, headline and URL. A file and a URL are
/// never cut, so either can be copied whole; the headline is cut to the width.
fn write_legend(out: &mut dyn Write, document: &Document, layout: Layout) -> io::Result<()> {
    let width = usize::from(
        layout
            .width
            .or_else(|| comfy_table::Table::new().width())
            .unwrap_or(FALLBACK_WIDTH),
    );
    let escape = |text: &str| crate::base::controls::escape(text, true).into_owned();
    writeln!(out, "Sources:")?;
    for source in document.sources {
        write!(
            out,
            "  {}: {}",
            escape(&document.outlets.label(&source.path)),
            escape(&source.path)
        )?;
        if let Some(day) = source.date {
            write!(out, ", {}", crate::base::calendar::iso(day))?;
        }
        writeln!(out)?;
        if let Some(headline) = &source.headline {
            let room = width
                .saturating_sub(4)
                .clamp(20, super::outlets::HEADLINE_CHARS);
            writeln!(
                out,
                "    {}",
                escape(&super::outlets::headline(headline, room))
            )?;
        }
        if let Some(url) = &source.url {
            writeln!(out, "    {}", escape(url))?;
        }
    }
    Ok(())
}

/// `hcx claims` as a table.
pub fn write_claims(
    out: &mut dyn Write,
    claims: &[crate::topics::ClaimInTopic],
    layout: Layout,
) -> io::Result<()> {
    let mut table = new_table(layout, &["Source", "Figure", "Counted", "Topic", "Scope"]);
    let mut others = 0;
    for (claim, placement) in claims {
        // A claim of another occasion is shown as such, in place of a topic.
        let topic = match (claim.occasion(), placement) {
            (Some(occasion), _) => {
                others += 1;
                format!("other occasion: {occasion}")
            }
            (None, Some(p)) => p.id.clone(),
            (None, None) => "-".to_string(),
        };
        table.add_row(vec![
            text_cell(claim_location(claim)),
            text_cell(claim.figure()),
            text_cell(claim.counted.as_ref().map_or("", |c| c.phrase.as_str())),
            text_cell(&topic),
            text_cell(claim.scope().unwrap_or("")),
        ]);
    }
    write_table(out, &table)?;
    match others {
        0 => writeln!(out, "{} claims", claims.len()),
        n => writeln!(out, "{} claims, {n} of other occasions", claims.len()),
    }
}

/// `hcx rules list`: the topics in force and where each comes from.
pub fn write_rules(
    out: &mut dyn Write,
    rules: &crate::rules::RuleSet,
    layout: Layout,
) -> io::Result<()> {
    let mut table = new_table(layout, &["Topic", "Label", "Unit", "From"]);
    for topic in rules.topics() {
        table.add_row(vec![
            text_cell(&topic.id),
            text_cell(&topic.label),
            text_cell(format!("{:?}", topic.unit).to_lowercase()),
            text_cell(format!("{}:{}", topic.origin, topic.line)),
        ]);
    }
    write_table(out, &table)?;
    writeln!(out, "{} topics", rules.topics().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    /// The topics' table of the articles, formatted `at_once` rows at a time.
    fn render(texts: &[(String, String)], width: u16, at_once: usize) -> String {
        let pairs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let sources = crate::source::parse_all(&pairs);
        let analysis = crate::analysis::analyze(&sources, &crate::rules::RuleSet::builtin());
        let document = Document::new(&analysis, analysis.topics.iter().collect(), true, 0);
        let shown = document.shown();
        let rows: usize = shown.iter().map(|t| t.claims.len()).sum();
        assert!(at_once == usize::MAX || rows > 2 * at_once, "{rows} rows");
        let layout = Layout {
            width: Some(width),
            color: false,
        };
        let mut out = Vec::new();
        write_topics_in(&mut out, &document, &shown, layout, at_once).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Three sources of one event, each sentence made by `sentence` from a toll.
    fn articles(sentence: &dyn Fn(u32) -> String) -> Vec<(String, String)> {
        ["a", "b", "c"]
            .iter()
            .zip([120, 150, 140])
            .map(|(name, n)| {
                (
                    format!("{name}.txt"),
                    format!(
                        "Floods in Kessa\n\n{} At least {} homes were destroyed and {} roads were closed.",
                        sentence(n),
                        n * 3,
                        n / 10
                    ),
                )
            })
            .collect()
    }

    fn long(n: u32) -> String {
        format!(
            "Officials in the flooded northern district said on Tuesday evening that {n} people had died, while rescuers searched the valley for {} more missing residents.",
            n / 2
        )
    }

    fn short(n: u32) -> String {
        format!("At least {n} people died in the flooding of the river.")
    }

    #[test]
    fn a_wide_path_cut_to_its_column_is_cut_to_its_columns() {
        // A path too long for the column is shortened to the column's width on
        // screen: cut by characters, a CJK name was twice too wide and wrapped.
        let texts: Vec<(String, String)> = ["東京新聞社会部地震特別取材班報告", "b"]
            .iter()
            .zip([120, 150])
            .map(|(name, n)| (format!("{name}.txt"), format!("Flood\n\n{}", short(n))))
            .collect();
        for width in [80, 100] {
            let table = render(&texts, width, usize::MAX);
            assert!(
                table
                    .lines()
                    .any(|l| l.contains('…') && l.contains(".txt:3:1")),
                "{width}\n{table}"
            );
            let widths: Vec<usize> = table.lines().map(UnicodeWidthStr::width).collect();
            assert!(widths.iter().all(|&w| w == widths[0]), "{table}");
        }
    }

    #[test]
    fn the_source_column_fits_wide_characters_unbroken() {
        // Sized by characters, the column was short of one column per wide character,
        // and a CJK file's location wrapped inside it.
        for names in [
            ["東京新聞", "読売新聞", "朝日新聞"],
            ["연합뉴스", "한겨레", "조선일보"],
        ] {
            let texts: Vec<(String, String)> = names
                .iter()
                .zip([120, 150, 140])
                .map(|(name, n)| (format!("{name}.txt"), format!("Flood\n\n{}", short(n))))
                .collect();
            let table = render(&texts, 120, usize::MAX);
            for (name, _) in &texts {
                assert!(table.contains(&format!("{name}:3:1")), "{name}\n{table}");
            }
        }
    }

    #[test]
    fn a_table_written_in_parts_is_the_table_written_whole() {
        // Parts of one row, of two, of a number that leaves a short last part; at the
        // default width, a wide one, and ones too narrow for parts, left whole.
        let texts = articles(&long);
        for width in [100, 64, 160, 50, 40] {
            for at_once in [1, 2, 4] {
                let whole = render(&texts, width, usize::MAX);
                let parts = render(&texts, width, at_once);
                assert_eq!(parts, whole, "width {width}, {at_once} rows at once");
                assert!(whole.lines().count() > 10, "{whole}");
            }
        }
    }

    #[test]
    fn a_table_in_parts_is_well_formed_where_its_layout_is_its_own() {
        // Wordings a little longer than the room: comfy-table narrows the wording to its
        // longest wrapped line (at 100 columns), the parts keep the room. Every line is
        // the table's width, and the text is the whole table's, only wrapped otherwise.
        let texts: Vec<(String, String)> = (0..12)
            .map(|i| {
                (
                    format!("/tmp/repro-slack/{i:03}.txt"),
                    format!("Flood\n\n{}", short(100 + i)),
                )
            })
            .collect();
        let text_of = |table: &str| -> String {
            table
                .chars()
                .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(c))
                .collect()
        };
        for width in [98, 100, 116] {
            let whole = render(&texts, width, usize::MAX);
            let parts = render(&texts, width, 2);
            let widths: Vec<usize> = parts.lines().map(UnicodeWidthStr::width).collect();
            // The wording, longer than the room, takes all of it.
            assert!(widths.iter().all(|&w| w == usize::from(width)), "{parts}");
            assert_eq!(text_of(&parts), text_of(&whole), "{parts}\n{whole}");
        }
    }
}
