//! The words of the checks' findings: what each printer says about a finding, in
//! English. The checks find facts; how to tell an editor about them is the report's.

use crate::base::interval::Interval;
use crate::base::lang::ENGLISH;
use crate::base::numbers::human_number;
use crate::checks::{Day, Detail, Finding};
use crate::extract::claims::Claim;

/// Most dates a message lists; the mentions hold them all.
const MAX_LISTED: usize = 8;

/// A finding in one sentence, sources named by their paths: for JSON and the formats
/// tools read.
pub fn message(finding: &Finding) -> String {
    message_naming(finding, &|path| path.to_string())
}

/// A finding in one sentence, each source named as `name` gives it (the reports for
/// people name outlets).
pub fn message_naming(finding: &Finding, label: &dyn Fn(&str) -> String) -> String {
    let name = label;
    match &finding.detail {
        Detail::SumMissesTotal { sum } => {
            let total = finding.total.as_ref().map_or("", |t| t.figure());
            format!("{}, stated total {total}", describe(&finding.claims, sum))
        }
        Detail::SumMissesOtherTotals {
            sum,
            totals,
            unlisted,
        } => {
            let mut stated: Vec<String> = totals
                .iter()
                .map(|c| {
                    format!(
                        "{} in {}:{}",
                        c.figure(),
                        name(c.source()),
                        c.location().line
                    )
                })
                .collect();
            if *unlisted > 0 {
                stated.push(format!("and {unlisted} more"));
            }
            format!(
                "{} in {}; other sources state the total as {}",
                describe(&finding.claims, sum),
                name(&finding.source),
                stated.join(", ")
            )
        }
        Detail::RelativeDate {
            said,
            relation,
            anchor,
            gap,
        } => {
            let truth = match *gap {
                0 => "the same day".to_string(),
                g if g < 0 => format!("{} day{} before", -g, if g == -1 { "" } else { "s" }),
                g => format!("{g} day{} after", if g == 1 { "" } else { "s" }),
            };
            format!(
                "{} is said to be {relation} {}, but it is {truth} it",
                day_name(*said),
                day_name(*anchor)
            )
        }
        Detail::EventDates { noun, verb } => {
            let mut said: Vec<String> = finding
                .mentions
                .iter()
                .take(MAX_LISTED)
                .map(|m| format!("{} ({}:{})", m.quote, name(&m.source), m.location.line))
                .collect();
            if finding.mentions.len() > MAX_LISTED {
                said.push(format!("and {} more", finding.mentions.len() - MAX_LISTED));
            }
            format!(
                "\"{noun} ... {verb} on\" is dated differently: {}",
                said.join("; ")
            )
        }
        Detail::MisspeltTitle { word, meant } => {
            let wording = finding.mentions.first().map_or("", |m| m.quote.as_str());
            format!("\"{word}\" in \"{wording}\" looks like a misspelling of \"{meant}\"")
        }
        Detail::Titles {
            name: person,
            titles,
        } => {
            let wordings: Vec<String> = titles
                .iter()
                .map(|t| format!("\"{}\" ({}:{})", t.title, name(&t.source), t.line))
                .collect();
            format!("{person} is titled differently: {}", wordings.join("; "))
        }
        Detail::PersonName { first, second } => {
            format!("\"{first}\" and \"{second}\" look like one name spelt two ways")
        }
        Detail::OrganizationName => {
            let quote = |i: usize| finding.mentions.get(i).map_or("", |m| m.quote.as_str());
            format!(
                "\"{}\" and \"{}\" look like one organisation named two ways",
                quote(0),
                quote(1)
            )
        }
    }
}

/// "12 + 15 + 10 = 37": the parts' figures and their sum.
fn describe(parts: &[Claim], sum: &Interval) -> String {
    let figures: Vec<String> = parts.iter().map(|c| human_number(c.value)).collect();
    let total = match (sum.lower_value(), sum.upper_value()) {
        (Some(lo), Some(hi)) if (hi - lo).abs() < f64::EPSILON => human_number(lo),
        (Some(lo), Some(hi)) => format!("{} to {}", human_number(lo), human_number(hi)),
        (Some(lo), None) => format!("at least {}", human_number(lo)),
        _ => "an open range".to_string(),
    };
    format!("{} = {total}", figures.join(" + "))
}

/// "March 3". The report is in English, whatever the sources' language.
fn day_name(day: Day) -> String {
    format!("{} {}", ENGLISH.months[day.month].name, day.day)
}

#[cfg(test)]
mod sums_tests {
    use super::*;
    use crate::checks::FindingKind;
    use crate::rules::RuleSet;

    fn messages(texts: &[(&str, &str)]) -> Vec<String> {
        let sources = crate::source::parse_all(texts);
        crate::analysis::analyze(&sources, &RuleSet::builtin())
            .checks
            .iter()
            .filter(|c| c.kind() == FindingKind::Sum)
            .map(message)
            .collect()
    }

    #[test]
    fn parts_that_miss_their_total_are_reported() {
        let found = messages(&[(
            "a.txt",
            "The fleet has 40 boats. It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats.",
        )]);
        assert_eq!(found, ["12 + 15 + 10 = 37, stated total 40"]);
        let same_sentence = messages(&[(
            "a.txt",
            "In all 30 ports closed, among them 9 Spanish ports, 8 French ports and 11 Italian ports.",
        )]);
        assert_eq!(same_sentence, ["9 + 8 + 11 = 28, stated total 30"]);
    }

    #[test]
    fn parts_that_add_up_or_fit_a_hedge_are_not() {
        assert!(messages(&[(
            "a.txt",
            "The fleet has 37 boats: 12 Greek boats, 15 Turkish boats and 10 Italian boats."
        )])
        .is_empty());
        assert!(messages(&[("a.txt", "The fleet has about 40 boats. It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats.")]).is_empty());
        assert!(messages(&[(
            "a.txt",
            "It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats."
        )])
        .is_empty());
    }

    #[test]
    fn a_sub_count_is_not_the_total() {
        let found = messages(&[(
            "a.txt",
            "Some 40 boats sailed, of which 30 boats reached port. They were 12 Greek boats, 18 Turkish boats and 10 Italian boats.",
        )]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn parts_without_their_own_total_meet_other_sources_totals() {
        let found = messages(&[
            ("a.txt", "The fleet has 40 boats."),
            (
                "b.txt",
                "It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats.",
            ),
        ]);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with(
                "12 + 15 + 10 = 37 in b.txt; other sources state the total as 40 in a.txt:1"
            ),
            "{}",
            found[0]
        );
    }
}

#[cfg(test)]
mod dates_tests {
    use super::*;

    fn messages(texts: &[(&str, &str)]) -> Vec<String> {
        let sources = crate::source::parse_all(texts);
        crate::checks::dates::check(&sources)
            .iter()
            .map(message)
            .collect()
    }

    #[test]
    fn relative_dates_are_checked_by_the_calendar() {
        assert_eq!(
            messages(&[(
                "a.txt",
                "The vote is on March 3, one day before the holiday (March 2)."
            )]),
            ["March 3 is said to be one day before March 2, but it is 1 day after it"]
        );
        assert!(messages(&[(
            "a.txt",
            "The vote is on March 1, one day before the holiday (March 2)."
        )])
        .is_empty());
        assert!(messages(&[(
            "a.txt",
            "It opens on 31 January, two days after the 29 January deadline."
        )])
        .is_empty());
        assert_eq!(
            messages(&[(
                "a.txt",
                "It opens on 3 February, a week after the 29 January deadline."
            )])
            .len(),
            1
        );
    }

    #[test]
    fn one_event_dated_differently_across_sources() {
        let found = messages(&[
            ("a.txt", "The treaty was signed on May 4 in Oslo."),
            (
                "b.txt",
                "The accord, which the treaty was signed on May 5, ends the war.",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("May 4 (a.txt:1)") && found[0].contains("May 5 (b.txt:1)"));
    }

    #[test]
    fn agreeing_and_overlapping_dates_are_not_reported() {
        assert!(messages(&[
            ("a.txt", "The festival was held on July 18-21 by the river."),
            ("b.txt", "The festival was held on 19 July, its second day."),
        ])
        .is_empty());
        assert!(messages(&[
            ("a.txt", "The ceremony was held on May 4."),
            ("b.txt", "The press conference was held on May 9."),
        ])
        .is_empty());
    }
}

#[cfg(test)]
mod names_tests {
    use super::*;
    use crate::checks::FindingKind as Kind;
    use crate::rules::RuleSet;

    fn messages(texts: &[(&str, &str)]) -> Vec<(Kind, String)> {
        let sources = crate::source::parse_all(texts);
        crate::checks::names::check(&sources, &RuleSet::builtin().titles)
            .iter()
            .map(|c| (c.kind(), message(c)))
            .collect()
    }

    /// The messages of one kind among those found.
    fn of_kind(found: &[(Kind, String)], kind: Kind) -> Vec<&String> {
        found
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn one_person_with_other_ranks_is_reported() {
        let found = messages(&[
            (
                "a.txt",
                "Permanent Deputy Minister of Trade Ilse Marten spoke.",
            ),
            ("b.txt", "Deputy Minister of Trade Ilse Marten said so."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::Title);
        assert!(found[0]
            .1
            .contains("\"Permanent Deputy Minister of Trade\" (a.txt:1)"));
    }

    #[test]
    fn a_shortened_later_mention_in_one_source_is_not_a_difference() {
        assert!(messages(&[(
            "a.txt",
            "Permanent Deputy Minister of Trade Ilse Marten spoke.\n\nLater, Deputy Minister Ilse Marten left."
        )])
        .is_empty());
        // The short form first and the full one later, and a bare rank: the same.
        assert!(messages(&[(
            "a.txt",
            "Minister Ilse Marten arrived.\n\nDeputy Minister of Trade Ilse Marten spoke."
        )])
        .is_empty());
        // Two sources with the same full title, each shortening it later.
        assert!(messages(&[
            (
                "a.txt",
                "Deputy Minister of Trade Ilse Marten spoke. Then Minister Ilse Marten left."
            ),
            (
                "b.txt",
                "Deputy Minister of Trade Ilse Marten said so. Deputy Minister Ilse Marten left."
            ),
        ])
        .is_empty());
    }

    #[test]
    fn differing_full_titles_across_sources_are_reported_once_a_source() {
        let found = messages(&[
            (
                "a.txt",
                "Permanent Deputy Minister of Trade Ilse Marten spoke.\n\nDeputy Minister Ilse Marten left.\n\nPermanent Deputy Minister of Trade Ilse Marten came back.",
            ),
            ("b.txt", "Deputy Minister of Trade Ilse Marten said so."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "Ilse Marten is titled differently: \"Permanent Deputy Minister of Trade\" (a.txt:1); \"Deputy Minister of Trade\" (b.txt:1)"
        );
        let sources = crate::source::parse_all(&[
            (
                "a.txt",
                "Permanent Deputy Minister of Trade Ilse Marten spoke.\n\nDeputy Minister Ilse Marten left.",
            ),
            ("b.txt", "Deputy Minister Ilse Marten said so."),
        ]);
        let checks = crate::checks::names::check(&sources, &RuleSet::builtin().titles);
        assert_eq!(checks.len(), 1, "{checks:?}");
        let places: Vec<(&str, usize)> = checks[0]
            .mentions
            .iter()
            .map(|m| (m.source.as_str(), m.location.line))
            .collect();
        // The shortened mention of a.txt is no place of the finding; b.txt's full
        // title, the same words, is.
        assert_eq!(places, [("a.txt", 1), ("b.txt", 1)]);
    }

    #[test]
    fn two_true_titles_of_one_person_are_not_a_discrepancy() {
        assert!(messages(&[
            ("a.txt", "General Ilse Marten, Minister of Trade, spoke."),
            ("b.txt", "Minister of Trade Ilse Marten said so."),
        ])
        .is_empty());
    }

    #[test]
    fn the_same_rank_in_other_words_and_untitled_mentions_are_not() {
        assert!(messages(&[
            ("a.txt", "Deputy Foreign Minister Ilse Marten spoke."),
            (
                "b.txt",
                "Deputy Minister of Foreign Affairs Ilse Marten said so. Ilse Marten left."
            ),
        ])
        .is_empty());
    }

    #[test]
    fn misspelt_title_words_are_reported() {
        let found = messages(&[(
            "a.txt",
            "the Deputy Foriegn Minister affirmed. Then General Secratary Omar Ali spoke.",
        )]);
        let spelling = of_kind(&found, Kind::Spelling);
        assert_eq!(spelling.len(), 2, "{found:?}");
        assert!(spelling[0].contains("\"Foriegn\"") && spelling[0].contains("\"Foreign\""));
        assert!(spelling[1].contains("\"Secratary\""));
    }

    #[test]
    fn one_organisation_named_two_ways_is_reported() {
        let found = messages(&[
            ("a.txt", "The Ministry of Transport said 40 ships left."),
            (
                "b.txt",
                "The Transport Ministry said so. The Marovan Port Authority agreed.",
            ),
            (
                "c.txt",
                "The Marovian Port Authority agreed. The Ministry of Transport confirmed it.",
            ),
        ]);
        let orgs = of_kind(&found, Kind::Name);
        assert_eq!(orgs.len(), 2, "{found:?}");
        assert!(
            orgs.iter()
                .any(|m| m.contains("Marovan Port Authority")
                    && m.contains("Marovian Port Authority"))
        );
        assert!(orgs.iter().any(|m| m.contains("Transport Ministry")));
    }

    #[test]
    fn organisations_named_alike_or_in_both_spellings_are_not() {
        assert!(messages(&[
            ("a.txt", "The World Health Organisation said so."),
            (
                "b.txt",
                "The World Health Organization said so. The Ministry of Health agreed."
            ),
            ("c.txt", "The Ministry of Health agreed."),
        ])
        .is_empty());
    }

    #[test]
    fn name_variants_are_reported() {
        let found = messages(&[
            ("a.txt", "President José Ramos spoke."),
            ("b.txt", "President Jose Ramos spoke."),
            ("c.txt", "President Jose Ramoz spoke."),
        ]);
        let names = of_kind(&found, Kind::Name);
        assert_eq!(names.len(), 3, "{found:?}");
    }
}
