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
