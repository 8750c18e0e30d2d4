//! The editor's and CI's workflow, snapshotted whole: every subcommand and format, the
//! baseline round trip, inline suppression, configuration discovery, and `rules check`
//! on each kind of bad rule file.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{hcx, root, snapshot_settings};
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
    fs::remove_dir_all(&dir).unwrap();
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

/// A scratch copy of an article set, for tests that write.
fn scratch(name: &str, from: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hcx-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
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
    // The editor records a decision; rewriting keeps it.
    fs::write(
        dir.join("reviewed.toml"),
        written.replacen("note = \"\"", "note = \"checked with the agency\"", 1),
    )
    .unwrap();
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
    fs::remove_dir_all(&dir).unwrap();
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
    fs::remove_dir_all(&dir).unwrap();
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
