//! `hcx.toml`: settings a newsroom keeps beside its articles, found in the current folder
//! or any parent. Flags override it; unknown keys are errors, so a typo never goes
//! silently unheeded.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::args::{CheckKind, DiffFormat, FailOn};

pub const FILE_NAME: &str = "hcx.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: Vec<PathBuf>,
    baseline: Option<PathBuf>,
    fail_on: Option<FailOn>,
    format: Option<DiffFormat>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    skip_checks: Vec<CheckKind>,
}

/// Settings from a configuration file, its paths made relative to the current folder.
#[derive(Default)]
pub struct Config {
    pub rules: Vec<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub format: Option<DiffFormat>,
    pub exclude: Vec<String>,
    pub skip_checks: Vec<CheckKind>,
}

/// The nearest `hcx.toml` from `start` upwards.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads a configuration file; a problem is one line naming the file, line and column.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let raw: Raw = toml::from_str(&text).map_err(|err| {
        hcx::base::diagnostics::toml_error(&path.display().to_string(), &text, &err).to_string()
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let near = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
    Ok(Config {
        rules: raw.rules.into_iter().map(near).collect(),
        baseline: raw.baseline.map(near),
        fail_on: raw.fail_on,
        format: raw.format,
        exclude: raw.exclude,
        skip_checks: raw.skip_checks,
    })
}
