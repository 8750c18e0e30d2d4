//! Walking: turns the files and folders named on the command line into a sorted list of
//! article files, as `.gitignore` files and exclude globs allow.

use std::fs;
use std::path::{Path, PathBuf};

use crate::base::error::Error;

use super::{io_message, Warning};

/// File endings taken as articles when a folder is walked.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// What a walk over the paths given found.
#[derive(Debug, Default)]
pub struct Found {
    /// Article files, sorted by path and free of repeats; `-` stands for standard input.
    pub files: Vec<PathBuf>,
    /// Entries that could not be walked (a symbolic link loop, an unreadable folder).
    pub warnings: Vec<Warning>,
}

/// Expands the paths the user gave into article files: a file is taken as it is, a folder
/// gives its article files (recursively, respecting `.gitignore` and `.ignore` files, and
/// leaving out paths that match an `exclude` glob). The result is sorted and free of
/// repeats, so the same set of articles always yields the same report.
pub fn collect_paths(paths: &[PathBuf], exclude: &[String]) -> Result<Found, Error> {
    let mut found = Found::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut keep = |path: PathBuf, found: &mut Found| {
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            found.files.push(path);
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            keep(path.clone(), &mut found);
            continue;
        }
        let meta = fs::metadata(path).map_err(|err| Error::Source {
            path: path.display().to_string(),
            message: io_message(&err),
        })?;
        if !meta.is_dir() {
            keep(path.clone(), &mut found);
            continue;
        }
        let before = found.files.len();
        for file in walk(path, exclude, &mut found.warnings)? {
            keep(file, &mut found);
        }
        if found.files.len() == before {
            return Err(Error::Source {
                path: path.display().to_string(),
                message: format!(
                    "no article files (.{}) in this folder",
                    ARTICLE_EXTENSIONS.join(", .")
                ),
            });
        }
    }
    found.files.sort();
    Ok(found)
}

/// The article files under a folder. Links are followed; a loop is reported, not
/// walked forever.
fn walk(
    dir: &Path,
    exclude: &[String],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<PathBuf>, Error> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(dir);
    for glob in exclude {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|err| Error::Source {
                path: glob.clone(),
                message: format!("bad exclude pattern: {err}"),
            })?;
    }
    let overrides = overrides.build().map_err(|err| Error::Source {
        path: dir.display().to_string(),
        message: format!("bad exclude patterns: {err}"),
    })?;
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .require_git(false)
        .overrides(overrides)
        .build();
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && has_article_extension(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            Err(err) => warnings.push(Warning {
                path: dir.display().to_string(),
                message: format!("skipped: {}", one_line(&err.to_string())),
            }),
        }
    }
    Ok(files)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|want| want.eq_ignore_ascii_case(ext))
        })
}
