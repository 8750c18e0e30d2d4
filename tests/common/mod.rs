//! Shared test helpers: running the binary under fixed conditions, and checking an
//! analysis against an expected-findings file (the schema `score-findings` reads).

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write as _};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// A fresh, empty scratch folder under the system temp dir that removes itself when the
/// value is dropped, so a test leaves nothing behind whether it passes or panics (drops
/// run while a failed assertion unwinds). It derefs to its [`Path`].
///
/// The folder is `hcx-{name}-{process id}-{n}`, `n` counting the scratch folders of this
/// test binary, so two tests never share one even when they pass the same name.
#[derive(Debug)]
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("hcx-{name}-{}-{n}", std::process::id()));
        // Left by an earlier run that was killed before it could clean up and happened
        // to have the same process id.
        remove_tree(&path).unwrap();
        fs::create_dir_all(&path).unwrap();
        Scratch { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<OsStr> for Scratch {
    fn as_ref(&self) -> &OsStr {
        self.path.as_os_str()
    }
}

impl Drop for Scratch {
    /// Never panics: a panic here while a failed test unwinds would abort the whole
    /// test binary. A folder that cannot be removed is named on standard error.
    fn drop(&mut self) {
        if let Err(err) = remove_tree(&self.path) {
            let _ = writeln!(
                io::stderr(),
                "warning: could not remove scratch folder {}: {err}",
                self.path.display()
            );
        }
    }
}

/// Removes the folder at `path` and everything in it; a path that is not there is
/// already removed. When removal fails, as it does when a test has taken the
/// permissions off a folder (chmod 000), the owner's permissions are given back to
/// everything in the tree and removal is tried once more.
fn remove_tree(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            restore_permissions(path);
            match fs::remove_dir_all(path) {
                Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// Makes `path` and, for a folder, all it holds readable, writable and (folders)
/// searchable by their owner. Symbolic links are neither followed nor changed, so a
/// link out of the scratch folder or a link loop is harmless. Errors are ignored: the
/// removal that follows reports what still stands in its way.
fn restore_permissions(path: &Path) {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return;
    };
    if meta.file_type().is_symlink() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if meta.is_dir() { 0o700 } else { 0o600 };
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    {
        let mut permissions = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        let _ = fs::set_permissions(path, permissions);
    }
    if meta.is_dir() {
        if let Ok(entries) = fs::read_dir(path) {
            for entry in entries.flatten() {
                restore_permissions(&entry.path());
            }
        }
    }
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
    numbers.extend(claim.interval().lower_value());
    numbers.extend(claim.interval().upper_value());
    Seen {
        file: file_name(claim.source()),
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
