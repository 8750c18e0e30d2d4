//! The whole process, snapshotted: exit code, standard output and standard error of `hcx`
//! run the way an editor or a CI job runs it.

mod common;

use common::{hcx, snapshot_settings};
use insta_cmd::assert_cmd_snapshot;

#[test]
fn diff_seeds_table() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!("diff_seeds_table", hcx().args(["diff", "seeds/"]));
    });
}

#[test]
fn diff_seeds_json() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_seeds_json",
            hcx().args(["diff", "seeds/", "--format", "json"])
        );
    });
}

#[test]
fn diff_agreeing_set_exits_zero() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_festival_clean",
            hcx().args(["diff", "tests/fixtures/festival_clean"])
        );
    });
}

#[test]
fn claims_of_one_article_as_json_lines() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "claims_seed_003_jsonl",
            hcx().args([
                "claims",
                "seeds/003_b6e59658b2a52701.txt",
                "--format",
                "jsonl"
            ])
        );
    });
}

#[test]
fn missing_file_is_one_line_and_exit_two() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "error_missing_file",
            hcx().args(["diff", "no/such/file.txt"])
        );
    });
}

#[test]
fn bad_rules_name_file_line_and_column() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "error_bad_rules",
            hcx().args([
                "diff",
                "seeds/",
                "--rules",
                "tests/data/bad-rules/unknown-key.toml"
            ])
        );
    });
}

#[test]
fn diff_seeds_table_at_80_and_60_columns() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_seeds_table_80",
            hcx().args(["diff", "seeds/", "--width", "80"])
        );
        assert_cmd_snapshot!(
            "diff_seeds_table_60",
            hcx().args(["diff", "seeds/", "--width", "60"])
        );
    });
}

#[test]
fn diff_seeds_markdown_names_outlets() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_seeds_markdown",
            hcx().args(["diff", "seeds/", "--format", "markdown"])
        );
    });
}

#[test]
fn diff_seeds_github() {
    snapshot_settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_seeds_github",
            hcx().args(["diff", "seeds/", "--format", "github"])
        );
    });
}

#[test]
fn diff_seeds_sarif() {
    let mut settings = snapshot_settings();
    // hcx's own version, not the format's ("2.1.0"), which the snapshot pins.
    settings.add_filter(
        &format!(
            r#""version": "{}""#,
            env!("CARGO_PKG_VERSION").replace('.', r"\.")
        ),
        r#""version": "[hcx version]""#,
    );
    settings.bind(|| {
        assert_cmd_snapshot!(
            "diff_seeds_sarif",
            hcx().args(["diff", "seeds/", "--format", "sarif"])
        );
    });
}

/// The seeds' report as JSON.
fn seeds_json() -> serde_json::Value {
    let out = hcx()
        .args(["diff", "seeds/", "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// True when `shown` is `path` itself, or cut as the table cuts a path: "…/" and its
/// file name, or the file name's start and end around "…".
fn is_path_or_its_cut(shown: &str, path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap();
    if shown == path || shown == format!("…/{name}") {
        return true;
    }
    match shown.split_once('…') {
        Some((head, tail)) => {
            name.starts_with(head) && name.ends_with(tail) && head.len() + tail.len() < name.len()
        }
        None => false,
    }
}

#[test]
fn a_table_shows_every_location_whole_at_any_width() {
    let report = seeds_json();
    let places: Vec<(String, u64, u64)> = report["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["verdict"] == "conflict" || t["verdict"] == "differs")
        .flat_map(|t| t["claims"].as_array().unwrap().clone())
        .map(|c| {
            (
                c["source"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(places.len() >= 10, "{places:?}");
    for width in [50, 60, 72, 80, 100, 120, 160] {
        let out = hcx()
            .args(["diff", "seeds/", "--width", &width.to_string()])
            .output()
            .unwrap();
        let table = String::from_utf8(out.stdout).unwrap();
        let cells: Vec<&str> = table
            .lines()
            .take_while(|l| !l.starts_with("Sources:"))
            .flat_map(|l| l.split(['│', '┆']))
            .map(str::trim)
            .collect();
        for (source, line, column) in &places {
            let place = format!(":{line}:{column}");
            let whole = cells.iter().any(|cell| {
                cell.strip_suffix(place.as_str())
                    .is_some_and(|path| is_path_or_its_cut(path, source))
            });
            assert!(whole, "{source}{place} at width {width}:\n{table}");
        }
        for line in table.lines().take_while(|l| !l.starts_with("Sources:")) {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
        }
    }
}

#[test]
fn github_gives_one_annotation_a_finding() {
    let report = seeds_json();
    let disagreements = report["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["verdict"] == "conflict" || t["verdict"] == "differs")
        .count();
    let findings = disagreements + report["checks"].as_array().unwrap().len();
    let out = hcx()
        .args(["diff", "seeds/", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let annotations = text.lines().filter(|l| l.starts_with("::")).count();
    assert!(findings >= 5, "{findings}");
    assert_eq!(annotations, findings, "{text}");
}
