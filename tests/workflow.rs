//! The editor's and CI's workflow, snapshotted whole: every subcommand and format, the
//! baseline round trip, inline suppression, configuration discovery, and `rules check`
//! on each kind of bad rule file.

mod common;

use std::fs;

use common::{hcx, root, snapshot_settings, Scratch};
use insta_cmd::assert_cmd_snapshot;

fn snapshot(name: &str, mut cmd: &mut std::process::Command) {
    snapshot_settings().bind(|| assert_cmd_snapshot!(name, cmd));
}

#[test]
fn diff_formats() {
    let set = "tests/fixtures/earthquake";
    for format in ["table", "markdown", "github"] {
        snapshot(
            &format!("diff_earthquake_{format}"),
            hcx().args(["diff", set, "--format", format]),
        );
    }
}

#[test]
fn diff_json_of_the_earthquake() {
    snapshot(
        "diff_earthquake_json",
        hcx().args(["diff", "tests/fixtures/earthquake", "--format", "json"]),
    );
}

#[test]
fn diff_all_lists_agreements_too() {
    snapshot(
        "diff_election_all",
        hcx().args(["diff", "tests/fixtures/election", "--all"]),
    );
}

#[test]
fn topic_and_fail_on_narrow_the_report_and_the_exit_code() {
    let set = "tests/fixtures/earthquake";
    snapshot(
        "diff_topic_deaths",
        hcx().args(["diff", set, "--topic", "deaths"]),
    );
    snapshot(
        "diff_fail_on_never",
        hcx().args([
            "diff",
            set,
            "--fail-on",
            "never",
            "--format",
            "github",
            "--topic",
            "injuries",
        ]),
    );
    // Injuries differ (overlapping scopes soften the clash): not a failure when only conflicts fail.
    snapshot(
        "diff_fail_on_conflict_with_differs_only",
        hcx().args([
            "diff",
            set,
            "--topic",
            "injuries",
            "--fail-on",
            "conflict",
            "--format",
            "github",
        ]),
    );
}

#[test]
fn html_report_draws_every_claim_interval() {
    let output = hcx()
        .args(["diff", "tests/fixtures/earthquake", "--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8(output.stdout).unwrap();
    let json = hcx()
        .args(["diff", "tests/fixtures/earthquake", "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let flagged: Vec<&serde_json::Value> = value["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["verdict"] == "conflict" || t["verdict"] == "differs")
        .collect();
    let claims: usize = flagged
        .iter()
        .map(|t| t["claims"].as_array().unwrap().len())
        .sum();
    assert!(claims > 0);
    assert_eq!(page.matches("<g class=\"claim\"").count(), claims);
    assert_eq!(page.matches("<svg").count(), flagged.len());
    for topic in &flagged {
        for claim in topic["claims"].as_array().unwrap() {
            let lower = claim["lower"]
                .as_f64()
                .map_or("open".to_string(), |v| v.to_string());
            let needle = format!(
                "data-source=\"{}\" data-lower=\"{lower}\"",
                claim["source"].as_str().unwrap()
            );
            assert!(page.contains(&needle), "no interval drawn for {needle}");
        }
    }
    assert!(
        !page.contains("http://")
            || page.matches("http://").count()
                == page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "the page loads nothing from the network"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn claims_formats() {
    let file = "tests/fixtures/earthquake/daily_b.txt";
    snapshot("claims_table", hcx().args(["claims", file]));
    snapshot(
        "claims_json",
        hcx().args(["claims", file, "--format", "json"]),
    );
}

#[test]
fn standard_input_is_one_article() {
    let mut cmd = hcx();
    cmd.args(["claims", "-", "--format", "jsonl"]);
    let output = cmd
        .stdin(fs::File::open(root().join("tests/fixtures/earthquake/daily_b.txt")).unwrap())
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    assert!(text.lines().count() > 3);
    assert!(text.lines().all(|l| l.contains("\"source\":\"-\"")));
}

#[test]
fn explain_says_why() {
    snapshot(
        "explain_deaths",
        hcx().args(["explain", "deaths", "tests/fixtures/earthquake"]),
    );
    // Each claim's frame, and the claims of the same thing its frame kept apart.
    snapshot(
        "explain_turnout_frames",
        hcx().args(["explain", "turnout", "tests/fixtures/election"]),
    );
    snapshot(
        "explain_unknown_topic",
        hcx().args(["explain", "ferries", "tests/fixtures/earthquake"]),
    );
}

#[test]
fn rules_list_and_check() {
    snapshot(
        "rules_list",
        hcx().args(["rules", "list", "--width", "100"]),
    );
    snapshot("rules_check_builtin", hcx().args(["rules", "check"]));
    snapshot(
        "rules_check_warnings",
        hcx().args(["rules", "check", "tests/data/rules-warn"]),
    );
}

#[test]
fn rules_check_names_each_kind_of_problem() {
    for kind in [
        "syntax-error",
        "wrong-type",
        "unknown-key",
        "duplicate-id",
        "empty-nouns",
        "bad-regex",
    ] {
        let file = format!("tests/data/bad-rules/{kind}.toml");
        snapshot(
            &format!("rules_check_{kind}"),
            hcx().args(["rules", "check", &file]),
        );
    }
}

#[test]
fn an_ignore_comment_keeps_a_confirmed_figure_out() {
    snapshot(
        "diff_suppressed",
        hcx().args(["diff", "tests/data/suppressed"]),
    );
    // The same articles without the comments disagree on deaths and on homes.
    let dir = scratch("suppressed", "tests/data/suppressed");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("<!--")).collect();
        let kept = kept
            .join("\n")
            .replace(" <!-- hcx: ignore homes-destroyed -->", "");
        fs::write(&path, kept).unwrap();
    }
    let output = hcx()
        .arg("diff")
        .arg(&dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut flagged: Vec<&str> = value["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["verdict"] == "conflict")
        .map(|t| t["topic"].as_str().unwrap())
        .collect();
    flagged.sort_unstable();
    assert_eq!(flagged, ["deaths", "homes-destroyed"]);
}

#[test]
fn configuration_is_found_in_a_parent_folder_and_flags_override_it() {
    let dir = root().join("tests/data/configured/sub");
    snapshot(
        "config_discovered",
        hcx().current_dir(&dir).args(["diff", ".."]),
    );
    snapshot(
        "config_overridden",
        hcx()
            .current_dir(&dir)
            .args(["diff", "..", "--format", "github", "--fail-on", "differs"]),
    );
}

/// A scratch copy of an article set, for tests that write; removed when the test ends.
fn scratch(name: &str, from: &str) -> Scratch {
    let dir = Scratch::new(&format!("test-{name}"));
    for entry in fs::read_dir(root().join(from)).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn baseline_round_trip() {
    let dir = scratch("baseline", "tests/fixtures/earthquake");
    let run = |args: &[&str]| {
        let mut cmd = hcx();
        cmd.current_dir(&dir).args(args);
        cmd
    };
    snapshot(
        "baseline_1_write",
        &mut run(&["diff", ".", "--write-baseline", "reviewed.toml"]),
    );
    let written = fs::read_to_string(dir.join("reviewed.toml")).unwrap();
    // The editor records a decision on the magnitude, whose figures stay as they are;
    // rewriting keeps it.
    let magnitude = written.find("topic = \"magnitude\"").unwrap();
    let (before, after) = written.split_at(magnitude);
    let noted = format!(
        "{before}{}",
        after.replacen("note = \"\"", "note = \"checked with the agency\"", 1)
    );
    fs::write(dir.join("reviewed.toml"), noted).unwrap();
    snapshot(
        "baseline_2_rerun_hides_known",
        &mut run(&["diff", ".", "--baseline", "reviewed.toml"]),
    );
    // A figure changes: that finding opens again, the others stay hidden.
    let article = dir.join("daily_b.txt");
    let text = fs::read_to_string(&article).unwrap();
    assert!(text.contains("Some 15,000"));
    fs::write(&article, text.replace("Some 15,000", "Some 16,000")).unwrap();
    snapshot(
        "baseline_3_changed_figure_reopens",
        &mut run(&["diff", ".", "--baseline", "reviewed.toml"]),
    );
    snapshot(
        "baseline_4_rewrite",
        &mut run(&["diff", ".", "--write-baseline", "reviewed.toml"]),
    );
    let rewritten = fs::read_to_string(dir.join("reviewed.toml")).unwrap();
    assert!(rewritten.contains("checked with the agency"), "{rewritten}");
}

#[test]
fn checks_beside_the_topics() {
    let set = "tests/data/checks";
    snapshot("checks_table", hcx().args(["diff", set]));
    snapshot("checks_json", hcx().args(["diff", set, "--format", "json"]));
    snapshot(
        "checks_github",
        hcx().args(["diff", set, "--format", "github"]),
    );
    snapshot(
        "checks_markdown",
        hcx().args(["diff", set, "--format", "markdown"]),
    );
}

#[test]
fn each_check_can_be_turned_off_by_flag_and_by_config() {
    let set = "tests/data/checks";
    let kinds = |output: std::process::Output| -> Vec<String> {
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        value["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let all = kinds(
        hcx()
            .args(["diff", set, "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(all, ["sum", "date", "date", "title", "name", "spelling"]);
    let no_sums = kinds(
        hcx()
            .args(["diff", set, "--format", "json", "--skip-check", "sums"])
            .output()
            .unwrap(),
    );
    assert_eq!(no_sums, ["date", "date", "title", "name", "spelling"]);
    let only_sums = kinds(
        hcx()
            .args([
                "diff",
                set,
                "--format",
                "json",
                "--skip-check",
                "names",
                "--skip-check",
                "dates",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(only_sums, ["sum"]);
    let dir = scratch("skip-checks", set);
    fs::write(
        dir.join("hcx.toml"),
        "skip_checks = [\"names\", \"sums\"]\n",
    )
    .unwrap();
    let from_config = kinds(
        hcx()
            .current_dir(&dir)
            .args(["diff", ".", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(from_config, ["date", "date"]);
}

#[test]
fn html_articles_are_read_with_their_places() {
    snapshot("html_input_diff", hcx().args(["diff", "tests/data/html"]));
    snapshot(
        "html_report",
        hcx().args(["diff", "tests/data/html", "--format", "html"]),
    );
    snapshot(
        "html_input_claims",
        hcx().args(["claims", "tests/data/html/agency.html", "--format", "jsonl"]),
    );
}

/// The summary line of a table report: its last line on standard output.
fn summary_line(output: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .rev()
        .find(|l| l.contains(" conflict, "))
        .unwrap_or_default()
        .to_string()
}

/// The JSON summary as the table's summary line words it.
fn json_counts(output: &std::process::Output) -> (String, serde_json::Value) {
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let s = &value["summary"];
    let total: u64 = ["conflict", "differs", "agree", "single"]
        .iter()
        .map(|k| s[k].as_u64().unwrap())
        .sum();
    let counts = format!(
        "{} conflict, {} differ, {} agree, {} single-source ({total} topics)",
        s["conflict"], s["differs"], s["agree"], s["single"]
    );
    (counts, value)
}

/// Gives the baseline entry whose block holds `marker` the note `note`.
fn annotate(baseline: &str, marker: &str, note: &str) -> String {
    let blocks: Vec<String> = baseline
        .split("\n\n")
        .map(|block| {
            if block.contains(marker) {
                block.replace("note = \"\"", &format!("note = \"{note}\""))
            } else {
                block.to_string()
            }
        })
        .collect();
    assert!(
        blocks.iter().any(|b| b.contains(note)),
        "no entry with {marker}"
    );
    blocks.join("\n\n")
}

#[test]
fn on_the_seeds_a_written_baseline_then_exits_zero() {
    let dir = scratch("seeds-baseline", "seeds");
    let run = |args: &[&str]| {
        let mut cmd = hcx();
        cmd.current_dir(&dir).args(args);
        cmd.output().unwrap()
    };
    let first = run(&["diff", "."]);
    assert_eq!(first.status.code(), Some(1), "the seeds disagree");
    let (_, all) = json_counts(&run(&["diff", ".", "--format", "json"]));
    let flagged = all["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["verdict"] == "conflict" || t["verdict"] == "differs")
        .count();
    let checks = all["checks"].as_array().unwrap().len();
    assert!(flagged > 0 && checks > 0);

    let written = run(&["diff", ".", "--write-baseline", "hcx-baseline.toml"]);
    assert_eq!(written.status.code(), Some(0));
    let text = fs::read_to_string(dir.join("hcx-baseline.toml")).unwrap();
    assert_eq!(text.matches("[[finding]]").count(), flagged);
    assert_eq!(text.matches("[[check]]").count(), checks);

    // The README's CI recipe: only what is new or changed fails.
    for format in ["table", "json", "markdown", "github", "html"] {
        let rerun = run(&[
            "diff",
            ".",
            "--baseline",
            "hcx-baseline.toml",
            "--format",
            format,
        ]);
        assert_eq!(rerun.status.code(), Some(0), "{format}");
    }
    let (counts, value) = json_counts(&run(&[
        "diff",
        ".",
        "--baseline",
        "hcx-baseline.toml",
        "--format",
        "json",
    ]));
    assert_eq!(value["baseline"]["hidden"], flagged + checks);
    assert_eq!(value["checks"].as_array().unwrap().len(), 0);
    let table = run(&["diff", ".", "--baseline", "hcx-baseline.toml"]);
    assert!(
        summary_line(&table).starts_with(&counts),
        "{} / {counts}",
        summary_line(&table)
    );
    assert!(summary_line(&table).contains(&format!(
        "{} known findings hidden by the baseline",
        flagged + checks
    )));
}

#[test]
fn a_note_survives_a_changed_figure() {
    let dir = scratch("seeds-notes", "seeds");
    let run = |args: &[&str]| {
        let mut cmd = hcx();
        cmd.current_dir(&dir).args(args);
        cmd
    };
    let baseline = dir.join("reviewed.toml");
    run(&["diff", ".", "--write-baseline", "reviewed.toml"])
        .output()
        .unwrap();
    let text = fs::read_to_string(&baseline).unwrap();
    let text = annotate(&text, "topic = \"press-agencies\"", "VNA says 180");
    let text = annotate(
        &text,
        "check = \"sum\"\nfiles = [\"000_1ad5fa34fd881193.txt\"]",
        "the 72 is right",
    );
    fs::write(&baseline, text).unwrap();
    // Two figures change: the press agencies' count and a part of the sum.
    let article = dir.join("000_1ad5fa34fd881193.txt");
    let text = fs::read_to_string(&article).unwrap();
    assert!(text.contains("180 press agencies") && text.contains("from 19 Asia-"));
    let text = text
        .replace("180 press agencies", "181 press agencies")
        .replace("from 19 Asia-", "from 18 Asia-");
    fs::write(&article, text).unwrap();
    snapshot(
        "baseline_notes_1_changed_figures_reopen",
        &mut run(&[
            "diff",
            ".",
            "--baseline",
            "reviewed.toml",
            "--topic",
            "press-agencies",
        ]),
    );
    // The table and JSON count the same topics under a baseline.
    let table = run(&["diff", ".", "--baseline", "reviewed.toml"])
        .output()
        .unwrap();
    let json = run(&[
        "diff",
        ".",
        "--baseline",
        "reviewed.toml",
        "--format",
        "json",
    ])
    .output()
    .unwrap();
    let (counts, value) = json_counts(&json);
    assert!(summary_line(&table).starts_with(&counts), "{counts}");
    let reopened: Vec<&str> = value["baseline"]["reopened"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["note"].as_str().unwrap())
        .collect();
    assert_eq!(
        reopened,
        [
            "figure changed since the note: VNA says 180",
            "figure changed since the note: the 72 is right"
        ]
    );
    snapshot(
        "baseline_notes_2_rewrite_keeps_them_marked",
        &mut run(&["diff", ".", "--write-baseline", "reviewed.toml"]),
    );
    let rewritten = fs::read_to_string(&baseline).unwrap();
    assert!(rewritten.contains("note = \"figure changed since the note: VNA says 180\""));
    assert!(rewritten.contains("note = \"figure changed since the note: the 72 is right\""));
    assert_eq!(rewritten.matches("figure changed since").count(), 2);
    // Rewritten once more, a note is not marked twice.
    run(&["diff", ".", "--write-baseline", "reviewed.toml"])
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(&baseline).unwrap(), rewritten);
    let after = run(&["diff", ".", "--baseline", "reviewed.toml"])
        .output()
        .unwrap();
    assert_eq!(after.status.code(), Some(0));
}

#[test]
fn an_ignore_comment_naming_no_topic_is_a_warning() {
    let dir = Scratch::new("test-misspelt-ignore");
    fs::write(
        dir.join("a.txt"),
        "Storm hits coast\n\n<!-- hcx: ignore misssing -->\nThe storm killed 12 people and 40 were missing.\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        "Coast storm\n\nThe storm killed 12 people; 45 are missing. <!-- hcx: ignore dead, deaths -->\n",
    )
    .unwrap();
    snapshot(
        "ignore_unknown_topic_warning",
        hcx().current_dir(&dir).args(["diff", "."]),
    );
}

#[test]
fn nothing_compared_is_never_an_agreement() {
    // One article alone is a check of that article.
    snapshot(
        "diff_one_article",
        hcx().args(["diff", "tests/fixtures/festival_clean/wire_c.txt"]),
    );
    let seed = hcx()
        .args([
            "diff",
            "seeds/000_1ad5fa34fd881193.txt",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(seed.stdout).unwrap();
    assert_eq!(
        seed.status.code(),
        Some(1),
        "its own checks found something"
    );
    assert!(
        text.contains("Nothing compared: one article was read"),
        "{text}"
    );
    assert!(!text.contains("agree on"), "{text}");
    // A topic asked for that the articles lack is an error naming the nearest ones.
    snapshot(
        "diff_unknown_topic",
        hcx().args(["diff", "seeds/", "--topic", "signatory"]),
    );
}

#[test]
fn quiet_prints_nothing_and_keeps_the_exit_code() {
    for (set, code) in [("seeds/", 1), ("tests/fixtures/festival_clean", 0)] {
        for flag in ["-q", "--quiet"] {
            let output = hcx().args(["diff", set, flag]).output().unwrap();
            assert_eq!(output.status.code(), Some(code), "{set} {flag}");
            assert!(output.stdout.is_empty(), "{set} {flag}");
            assert!(output.stderr.is_empty(), "{set} {flag}");
        }
    }
    let output = hcx()
        .args(["diff", "-q", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/file.txt"));
}

#[test]
fn no_path_reads_the_current_folder() {
    let dir = root().join("tests/fixtures/earthquake");
    let bare = hcx().current_dir(&dir).arg("diff").output().unwrap();
    let dot = hcx()
        .current_dir(&dir)
        .args(["diff", "."])
        .output()
        .unwrap();
    assert_eq!(bare.status.code(), Some(1));
    assert_eq!(bare.status.code(), dot.status.code());
    assert_eq!(bare.stdout, dot.stdout);
    assert!(!bare.stdout.is_empty());
}

#[test]
fn completions_and_man_page_come_from_the_flags() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = hcx().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let text = String::from_utf8(output.stdout).unwrap();
        for word in ["diff", "baseline", "quiet", "fail-on", "completions"] {
            assert!(text.contains(word), "{shell} completes no {word}");
        }
    }
    let output = hcx().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = hcx().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH hcx 1"), "{page}");
    for word in ["diff", "claims", "explain", "completions"] {
        assert!(page.contains(word), "the man page names no {word}");
    }
    // Each command's own page holds its flags.
    for (command, flags) in [
        ("diff", &["baseline", "format", "fail\\-on"][..]),
        ("claims", &["format", "exclude"][..]),
    ] {
        let output = hcx().args(["man", command]).output().unwrap();
        assert!(output.status.success());
        let page = String::from_utf8(output.stdout).unwrap();
        assert!(page.contains(&format!(".TH hcx-{command} 1")), "{page}");
        for flag in flags {
            assert!(page.contains(flag), "hcx-{command}(1) names no {flag}");
        }
    }
    let output = hcx().args(["man", "nosuch"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("commands: diff"));
}

/// A toll counted on three days, each source dated another way (front matter, a `Date:`
/// line, an HTML page's `article:published_time`): the figures are listed in date
/// order, the latest marked, and the toll shown as rising, in every format for people
/// and as fields in JSON.
#[test]
fn a_toll_counted_on_several_days_is_shown_rising() {
    let set = "tests/data/dated";
    snapshot("diff_dated_table", hcx().args(["diff", set]));
    snapshot(
        "diff_dated_markdown",
        hcx().args(["diff", set, "--format", "markdown"]),
    );
    let output = hcx()
        .args(["diff", set, "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let topic = &report["topics"][0];
    assert_eq!(topic["trend"], "rising");
    assert_eq!(topic["latest"], "2024-07-04");
    let days: Vec<(&str, &str)> = topic["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["figure"].as_str().unwrap(), c["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        days,
        [
            ("50", "2024-07-02"),
            ("116", "2024-07-03"),
            ("121", "2024-07-04")
        ]
    );
    // "As of Thursday" in an article of Thursday, July 4.
    assert_eq!(topic["claims"][2]["as_of"], "2024-07-04");
    assert_eq!(topic["claims"][0]["as_of"], serde_json::Value::Null);
}
