//! Shared test helpers: running the binary under fixed conditions, and checking an
//! analysis against an expected-findings file (the schema `score-findings` reads).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

/// The binary, run from the crate root with no colour and a fixed width, as an editor's
/// terminal would not guarantee but a snapshot must.
pub fn hcx() -> Command {
    let mut cmd = Command::new(insta_cmd::get_cargo_bin("hcx"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

/// insta settings that keep every snapshot in the top-level `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[derive(Debug, Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub finding: Vec<Finding>,
    #[serde(default)]
    pub non_claim: Vec<NonClaim>,
}

#[derive(Debug, Deserialize)]
pub struct Finding {
    pub id: String,
    pub kind: String,
    pub claims: Vec<ExpectedClaim>,
}

#[derive(Debug, Deserialize)]
pub struct ExpectedClaim {
    pub source: String,
    pub value: f64,
    pub quote: String,
}

#[derive(Debug, Deserialize)]
pub struct NonClaim {
    pub source: String,
    pub value: f64,
    pub quote: String,
}

pub fn load_expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str(&text).unwrap()
}

/// A claim as the checks below see it: file name, value and bounds.
#[derive(Debug, Clone)]
pub struct Seen {
    pub file: String,
    pub numbers: Vec<f64>,
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn seen(claim: &hcx::extract::claims::Claim) -> Seen {
    let mut numbers = vec![claim.value];
    numbers.extend(claim.interval.lower_value());
    numbers.extend(claim.interval.upper_value());
    Seen {
        file: file_name(&claim.source),
        numbers,
    }
}

fn matches(seen: &Seen, file: &str, value: f64) -> bool {
    seen.file == file_name(file) && seen.numbers.iter().any(|n| (n - value).abs() < 1e-9)
}

/// The distinct expected values of `finding` that `claims` cover.
pub fn covered(claims: &[Seen], finding: &Finding) -> usize {
    let mut values: Vec<f64> = finding
        .claims
        .iter()
        .filter(|e| claims.iter().any(|c| matches(c, &e.source, e.value)))
        .map(|e| e.value)
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    values.len()
}

/// The findings a set of claims touches.
pub fn touched<'a>(claims: &[Seen], expected: &'a Expected) -> Vec<&'a Finding> {
    expected
        .finding
        .iter()
        .filter(|f| {
            f.claims
                .iter()
                .any(|e| claims.iter().any(|c| matches(c, &e.source, e.value)))
        })
        .collect()
}

/// Numbers that are not claims but were taken as ones.
pub fn non_claims_taken(all: &[Seen], expected: &Expected) -> Vec<String> {
    expected
        .non_claim
        .iter()
        .filter(|n| all.iter().any(|c| matches(c, &n.source, n.value)))
        .map(|n| format!("{}: {}", n.source, n.quote))
        .collect()
}

/// Analyses the articles of a folder with the built-in rules.
pub fn analyze_dir(dir: &Path) -> hcx::Analysis {
    let corpus = hcx::read(&[dir.to_path_buf()], &hcx::ReadOptions::default()).unwrap();
    hcx::analyze(&corpus.sources, &hcx::rules::RuleSet::builtin())
}
