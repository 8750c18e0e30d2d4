//! `hcx.toml`: settings a newsroom keeps beside its articles, found in the current folder
//! or any parent. Flags override it; unknown keys are errors, so a typo never goes
//! silently unheeded.

use std::path::{Path, PathBuf};

use hcx::analysis::diff::FailOn;
use hcx::base::diagnostics::toml_error;
use hcx::base::error::{Error, FileError};
use hcx::checks::CheckName;
use hcx::report::Format;
use serde::Deserialize;

pub const FILE_NAME: &str = "hcx.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: Vec<PathBuf>,
    baseline: Option<PathBuf>,
    fail_on: Option<FailOn>,
    format: Option<Format>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    skip_checks: Vec<CheckName>,
}

/// Settings from a configuration file, its paths made relative to the current folder.
#[derive(Default)]
pub struct Config {
    pub rules: Vec<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    pub exclude: Vec<String>,
    pub skip_checks: Vec<CheckName>,
}

/// The nearest `hcx.toml` from `start` upwards.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads a configuration file; a problem is one line naming the file, line and column.
pub fn load(path: &Path) -> Result<Config, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| {
        Error::Config(FileError::Read {
            path: path.to_path_buf(),
            source,
        })
    })?;
    let raw: Raw = toml::from_str(&text).map_err(|err| {
        Error::Config(FileError::Syntax(toml_error(
            &path.display().to_string(),
            &text,
            &err,
        )))
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
