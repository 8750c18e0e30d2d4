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
    /// What was passed over without harm: a symbolic link loop (with `--follow`).
    pub warnings: Vec<Warning>,
    /// Paths given, or found under a folder, that could not be read: missing, no
    /// permission, a folder with no articles. The run goes on without them and ends with
    /// exit code 2.
    pub errors: Vec<Warning>,
}

/// Expands the paths the user gave into article files: a file is taken as it is, a folder
/// gives its article files (recursively, respecting `.gitignore` and `.ignore` files, and
/// leaving out paths that match an `exclude` glob). Symbolic links under a folder are
/// followed only with `follow`, as ripgrep does: a folder given holds what is in it, not
/// what its links point to. A path named on the command line is read whatever it is.
/// The result is sorted and free of repeats, so the same set of articles always yields
/// the same report. A path that cannot be read is an error in [`Found::errors`]; only a
/// bad exclude glob stops the walk.
pub fn collect_paths(paths: &[PathBuf], exclude: &[String], follow: bool) -> Result<Found, Error> {
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
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                found.errors.push(Warning {
                    path: path.display().to_string(),
                    message: io_message(&err),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            keep(path.clone(), &mut found);
            continue;
        }
        let before = found.files.len();
        let walked = walk(path, exclude, follow, &mut found)?;
        for file in walked.files {
            keep(file, &mut found);
        }
        if found.files.len() == before && walked.failed == 0 {
            let links = if walked.links > 0 && !follow {
                format!(
                    " ({} symbolic links not followed; --follow follows them)",
                    walked.links
                )
            } else {
                String::new()
            };
            found.errors.push(Warning {
                path: path.display().to_string(),
                message: format!(
                    "no article files (.{}) in this folder{links}",
                    ARTICLE_EXTENSIONS.join(", .")
                ),
            });
        }
    }
    found.files.sort();
    Ok(found)
}

/// What one folder's walk gave.
struct Walked {
    files: Vec<PathBuf>,
    /// Symbolic links met and not followed.
    links: usize,
    /// Entries that could not be read.
    failed: usize,
}

/// The article files under a folder. A link loop (met only when following links) is a
/// warning and is not walked; an entry that cannot be read is an error.
fn walk(dir: &Path, exclude: &[String], follow: bool, found: &mut Found) -> Result<Walked, Error> {
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
    let entries = ignore::WalkBuilder::new(dir)
        .follow_links(follow)
        .require_git(false)
        .overrides(overrides)
        .build();
    let mut walked = Walked {
        files: Vec::new(),
        links: 0,
        failed: 0,
    };
    for entry in entries {
        match entry {
            Ok(entry) => {
                let kind = entry.file_type();
                if kind.is_some_and(|t| t.is_symlink()) {
                    walked.links += 1;
                }
                let is_file = kind.is_some_and(|t| t.is_file());
                if is_file && has_article_extension(entry.path()) {
                    walked.files.push(entry.into_path());
                }
            }
            Err(err) => {
                let path = error_path(&err)
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                if is_loop(&err) {
                    found.warnings.push(Warning {
                        path,
                        message: format!("skipped: {}", one_line(&err.to_string())),
                    });
                } else {
                    walked.failed += 1;
                    let message =
                        error_io(&err).map_or_else(|| one_line(&err.to_string()), io_message);
                    found.errors.push(Warning { path, message });
                }
            }
        }
    }
    Ok(walked)
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        ignore::Error::Partial(errs) => errs.iter().any(is_loop),
        _ => false,
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::Loop { child, .. } => Some(child),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn error_io(err: &ignore::Error) -> Option<&std::io::Error> {
    match err {
        ignore::Error::Io(io) => Some(io),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_io(err),
        _ => None,
    }
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
