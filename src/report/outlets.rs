//! Outlets: sources named as an editor knows them. An editor thinks of "news.example.org",
//! not of `articles/004_b9f1c2.txt`; the reports for people label each source by
//! the host of its `Source:` URL (its file name when it has none), keep `file:line:col`
//! for jumping, and end with a legend tying each label to its file, headline, URL and
//! day.
//!
//! Labels and legend text come from the articles, so the printers escape them as they
//! escape any article text.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::SourceInfo;
use crate::source::Location;

/// Most characters of a headline a legend shows.
pub const HEADLINE_CHARS: usize = 90;

/// Most characters of a file name a label keeps: a label stands in messages and table
/// cells, where a longer word would be broken across lines.
pub const NAME_CHARS: usize = 20;

/// Each source's label, distinct within one report.
pub struct Outlets {
    labels: BTreeMap<String, String>,
}

impl Outlets {
    /// Labels for sources given in path order. Sources sharing an outlet are numbered in
    /// that order ("vnexpress.net (1)", "vnexpress.net (2)"), so the labels are the same
    /// whatever order the files were named in.
    pub fn of(sources: &[SourceInfo]) -> Outlets {
        let bases: Vec<String> = sources
            .iter()
            .map(|s| {
                s.url
                    .as_deref()
                    .and_then(host)
                    .unwrap_or_else(|| middle_ellipsis(file_name(&s.path), NAME_CHARS))
            })
            .collect();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for base in &bases {
            *counts.entry(base.as_str()).or_default() += 1;
        }
        let mut taken: BTreeSet<String> = bases
            .iter()
            .filter(|b| counts[b.as_str()] == 1)
            .cloned()
            .collect();
        let mut next: BTreeMap<&str, usize> = BTreeMap::new();
        let mut labels = BTreeMap::new();
        for (source, base) in sources.iter().zip(&bases) {
            let label = if counts[base.as_str()] == 1 {
                base.clone()
            } else {
                // A numbered label could be another source's own: skip to a free one.
                loop {
                    let n = next.entry(base.as_str()).or_insert(0);
                    *n += 1;
                    let candidate = format!("{base} ({n})");
                    if taken.insert(candidate.clone()) {
                        break candidate;
                    }
                }
            };
            labels.insert(source.path.clone(), label);
        }
        Outlets { labels }
    }

    /// The label of the source at `path`; a path not among the sources is named by its
    /// file name.
    pub fn label(&self, path: &str) -> String {
        match self.labels.get(path) {
            Some(label) => label.clone(),
            None => middle_ellipsis(file_name(path), NAME_CHARS),
        }
    }
}

impl Outlets {
    /// True when the label says more than the file name a location already shows: an
    /// outlet, or a number that sets apart files of one name.
    pub fn tells_more(&self, path: &str) -> bool {
        self.label(path) != middle_ellipsis(file_name(path), NAME_CHARS)
    }
}

/// The outlet of a URL: its host, lower-cased, without `www.`. `None` when the URL has
/// no host made of the letters, digits, dots and hyphens a host name holds.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port.split(':').next()?.trim_end_matches('.');
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = host.contains('.')
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    valid.then(|| host.to_string())
}

/// The last part of a path.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\'])
        .find(|p| !p.is_empty())
        .unwrap_or(path)
}

/// The columns a character takes on screen: two for a CJK one, none for a combining
/// mark; one for a control, which is shown escaped.
fn columns(c: char) -> usize {
    if c.is_control() {
        return 1;
    }
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(1)
}

fn width(text: &str) -> usize {
    text.chars().map(columns).sum()
}

/// A path in at most `room` columns: whole, else "…/" and its file name, else its
/// file name's start and end around "…" (the end keeps the extension).
pub fn shorten_path(path: &str, room: usize) -> String {
    if width(path) <= room {
        return path.to_string();
    }
    let name = file_name(path);
    if width(name) + 2 <= room {
        return format!("…/{name}");
    }
    middle_ellipsis(name, room)
}

/// Text in at most `room` columns (one at least), cut in the middle; in a small room
/// only its start is kept, which tells files apart better than their extension.
pub fn middle_ellipsis(text: &str, room: usize) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let kept = room.saturating_sub(1);
    let head = if kept < 10 { kept } else { kept / 2 };
    let tail = kept - head;
    // As many whole characters as fit in each end's columns.
    let fit = |chars: &mut dyn Iterator<Item = char>, room: usize| -> Vec<char> {
        let mut used = 0;
        chars
            .take_while(|&c| {
                used += columns(c);
                used <= room
            })
            .collect()
    };
    let mut out: String = fit(&mut text.chars(), head).into_iter().collect();
    out.push('…');
    let mut end = fit(&mut text.chars().rev(), tail);
    end.reverse();
    out.extend(end);
    out
}

/// A headline as a legend shows it: its line breaks and runs of spaces made one space,
/// cut after about `max` characters at a word, "…" marking the cut. Not yet escaped.
pub fn headline(text: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let more = usize::from(!out.is_empty()) + word.chars().count();
        if out.chars().count() + more > max {
            if out.is_empty() {
                out = word.chars().take(max.saturating_sub(1)).collect();
            }
            // The ellipsis takes a column of its own: drop whole words to make room.
            while out.chars().count() >= max {
                match out.rfind(' ') {
                    Some(space) => out.truncate(space),
                    None => out = out.chars().take(max.saturating_sub(1)).collect(),
                }
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Places of one source in a finding: its path and its places in file order, each once.
pub struct SourcePlaces<'a> {
    pub source: &'a str,
    pub places: Vec<Location>,
}

/// A finding's first [`super::MAX_PLACES`] places grouped by source (sources in the
/// order they are first mentioned, places in file order, each place once), and how
/// many more there are.
pub fn grouped_places(finding: &crate::checks::Finding) -> (Vec<SourcePlaces<'_>>, usize) {
    let mut groups: Vec<SourcePlaces> = Vec::new();
    let mut seen: BTreeSet<(&str, Location)> = BTreeSet::new();
    let mut more = 0;
    for mention in &finding.mentions {
        if !seen.insert((mention.source.as_str(), mention.location)) {
            continue;
        }
        if seen.len() > super::MAX_PLACES {
            more += 1;
            continue;
        }
        match groups.iter_mut().find(|g| g.source == mention.source) {
            Some(group) => group.places.push(mention.location),
            None => groups.push(SourcePlaces {
                source: &mention.source,
                places: vec![mention.location],
            }),
        }
    }
    for group in &mut groups {
        group.places.sort();
    }
    (groups, more)
}

/// A finding's places as a report for people writes them: each source named once by
/// `name`, then `after_name`, then its places ("6:85, 6:311"); sources joined by
/// `between`, and "and N more" past [`super::MAX_PLACES`].
pub fn places_text(
    finding: &crate::checks::Finding,
    name: &dyn Fn(&str) -> String,
    after_name: &str,
    between: &str,
) -> String {
    let (groups, more) = grouped_places(finding);
    let mut parts: Vec<String> = groups
        .iter()
        .map(|g| {
            let at: Vec<String> = g.places.iter().map(|l| line_col(*l)).collect();
            format!("{}{after_name}{}", name(g.source), at.join(", "))
        })
        .collect();
    if more > 0 {
        parts.push(format!("and {more} more"));
    }
    parts.join(between)
}

/// "6:85": a place within a source the reader already knows.
pub fn line_col(location: Location) -> String {
    format!("{}:{}", location.line, location.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(path: &str, url: Option<&str>) -> SourceInfo {
        SourceInfo {
            path: path.to_string(),
            url: url.map(str::to_string),
            headline: None,
            date: None,
        }
    }

    #[test]
    fn an_outlet_is_its_url_s_host_without_www() {
        assert_eq!(
            host("https://www.VNExpress.net/a-b-123.html").as_deref(),
            Some("vnexpress.net")
        );
        assert_eq!(
            host("http://user@news.example.org:8080/x?y#z").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            host("dailynews.example/world").as_deref(),
            Some("dailynews.example")
        );
        assert_eq!(host("https://evil\u{1b}[2J.com/"), None);
        assert_eq!(host("not a url"), None);
        assert_eq!(host(""), None);
    }

    #[test]
    fn sources_sharing_an_outlet_get_distinct_numbered_labels() {
        let sources = [
            info("a/1.txt", Some("https://www.site.vn/one")),
            info("a/2.txt", None),
            info("b/2.txt", None),
            info("c.txt", Some("https://site.vn/two")),
            info("d.txt", Some("https://other.org/")),
        ];
        let outlets = Outlets::of(&sources);
        let labels: Vec<String> = sources.iter().map(|s| outlets.label(&s.path)).collect();
        assert_eq!(
            labels,
            [
                "site.vn (1)",
                "2.txt (1)",
                "2.txt (2)",
                "site.vn (2)",
                "other.org"
            ]
        );
        assert_eq!(outlets.label("elsewhere/x.txt"), "x.txt");
    }

    #[test]
    fn a_numbered_label_never_takes_another_source_s_own() {
        let sources = [info("x/a (1)", None), info("y/a", None), info("z/a", None)];
        let outlets = Outlets::of(&sources);
        let labels: BTreeSet<String> = sources.iter().map(|s| outlets.label(&s.path)).collect();
        assert_eq!(labels.len(), 3, "{labels:?}");
        let long = [info("seeds/003_b6e59658b2a52701.txt", None)];
        assert_eq!(
            Outlets::of(&long).label(&long[0].path),
            "003_b6e59…a52701.txt"
        );
    }

    #[test]
    fn a_path_that_does_not_fit_loses_its_folders_then_the_middle_of_its_name() {
        let path = "seeds/003_b6e59658b2a52701.txt";
        assert_eq!(shorten_path(path, 40), path);
        assert_eq!(shorten_path(path, 26), "…/003_b6e59658b2a52701.txt");
        assert_eq!(shorten_path(path, 15), "003_b6e…701.txt");
        for room in 1..40 {
            let short = shorten_path(path, room);
            assert!(short.chars().count() <= room, "{room}: {short}");
        }
        assert_eq!(shorten_path(path, 0), "…");
        assert_eq!(shorten_path(path, 6), "003_b…");
    }

    #[test]
    fn a_headline_is_cut_at_a_word() {
        assert_eq!(
            headline("Storm  kills 40\nin the north", 16),
            "Storm kills 40…"
        );
        assert_eq!(headline("Short one", 16), "Short one");
        assert_eq!(headline("Supercalifragilistic", 8), "Superca…");
        // A cut headline, its ellipsis included, is never wider than its room.
        for max in 8..40 {
            let text = "The press conference was chaired by Senior Lieutenant General";
            let cut = headline(text, max);
            assert!(cut.chars().count() <= max, "{max}: {cut}");
        }
        assert_eq!(headline("Storm kills forty", 11), "Storm…");
        assert_eq!(headline("Storm kills forty", 0), "");
        assert_eq!(headline("Storm kills forty", 1), "…");
    }
}
