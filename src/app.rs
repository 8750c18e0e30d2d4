//! The commands: what `hcx diff`, `claims`, `explain` and `rules` do, from options to
//! output. The binary turns flags and `hcx.toml` into a [`Command`] and calls [`run`];
//! everything after that, including what goes to standard error, is here, so the
//! library and the command line cannot drift apart.
//!
//! This layer sits above [`crate::report`]: a command picks a printer, which the
//! analysis below it may not know of.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::analysis::diff::{self, FailOn};
use crate::analysis::{self, baseline::Baseline, Analysis, Frames, ReadOptions};
use crate::base::error::Error;
use crate::checks::CheckName;
use crate::report::{explain, json, table, ClaimsFormat, Document, Format};
use crate::rules::{self, RuleSet};
use crate::source::Warning;
use crate::topics;

/// What a run tells the person at the terminal besides its report: progress, and lines
/// on standard error. Progress is reported from worker threads.
pub trait Console: Sync {
    /// `done` of `total` files are read.
    fn progress(&self, done: usize, total: usize);
    /// Reading is over; any progress display goes.
    fn progress_done(&self);
    /// One line for standard error (a warning, a note).
    fn note(&self, line: &str);
}

/// The articles to read and how to read them.
pub struct Inputs {
    pub paths: Vec<PathBuf>,
    /// Rule folders (or files) added to the built-in rules, in order.
    pub rules: Vec<PathBuf>,
    /// Globs of paths to leave out of folder walks.
    pub exclude: Vec<String>,
    /// Follow symbolic links under the folders given (`--follow`).
    pub follow: bool,
    /// Checks not to run.
    pub skip_checks: Vec<CheckName>,
    /// How tables are laid out.
    pub layout: table::Layout,
}

/// What `hcx diff` reports and when it fails.
pub struct DiffOptions {
    pub format: Format,
    pub fail_on: FailOn,
    /// Topic ids to report (and their sub-topics); every topic when empty.
    pub topics: Vec<String>,
    /// List agreements and single-source topics too.
    pub all: bool,
    /// Hide the findings this baseline knows.
    pub baseline: Option<PathBuf>,
    /// Record the findings in this baseline instead of reporting them.
    pub write_baseline: Option<PathBuf>,
    /// Write no report, only the exit code says (`--quiet`, as `rg -q`); errors and
    /// warnings still go to standard error.
    pub quiet: bool,
}

/// A command and its options.
pub enum Command {
    Diff {
        inputs: Inputs,
        options: DiffOptions,
    },
    Claims {
        inputs: Inputs,
        format: ClaimsFormat,
    },
    Explain {
        inputs: Inputs,
        topic: String,
    },
    RulesList {
        rules: Vec<PathBuf>,
        layout: table::Layout,
    },
    /// Validates the rule files of `folders`; with `all_topics`, judges the examples of
    /// every topic in force, else only those of the folders' topics.
    RulesCheck {
        folders: Vec<PathBuf>,
        all_topics: bool,
    },
}

/// Runs a command, writing its report to `out`. Returns the exit code (0 or 1; 2 for a
/// rule check that found problems); an error is the caller's to print, with code 2. A
/// report cut short by a closed pipe (`hcx diff ... | head`) is the reader's choice and
/// exits 0.
pub fn run(command: &Command, console: &dyn Console, out: &mut dyn Write) -> Result<u8, Error> {
    let result = match command {
        Command::Diff { inputs, options } => run_diff(inputs, options, console, out),
        Command::Claims { inputs, format } => run_claims(inputs, *format, console, out),
        Command::Explain { inputs, topic } => run_explain(inputs, topic, console, out),
        Command::RulesList { rules, layout } => {
            let set = load_rules(rules)?;
            table::write_rules(out, &set, *layout)
                .map(|()| 0)
                .map_err(Error::Output)
        }
        Command::RulesCheck {
            folders,
            all_topics,
        } => rules_check(folders, *all_topics, console, out),
    };
    let flushed = match result {
        Ok(code) => out.flush().map(|()| code).map_err(Error::Output),
        Err(err) => {
            // What was written before the error still goes out, before the error is told.
            let _ = out.flush();
            Err(err)
        }
    };
    match flushed {
        Err(Error::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        other => other,
    }
}

/// The built-in rules, then the given folders' in order.
fn load_rules(folders: &[PathBuf]) -> Result<RuleSet, Error> {
    let mut set = RuleSet::builtin();
    for dir in folders {
        set.add(rules::load_path(dir)?);
    }
    Ok(set)
}

/// The exit code of a run that reported `code` after `failed` files or folders could
/// not be read: 2 when any could not, as in ripgrep.
fn with_failures(code: u8, failed: usize) -> u8 {
    if failed > 0 {
        2
    } else {
        code
    }
}

/// Tells a file or folder that could not be read; the run goes on.
fn tell_failure(console: &dyn Console, failure: &Warning) {
    console.note(&format!("hcx: error: {failure}"));
}

/// When no article could be read: the failures told, the last one as the error that
/// ends the run (so that one bad path is one line), or else "no readable articles".
fn nothing_read(console: &dyn Console, failures: &[Warning]) -> Error {
    match failures.split_last() {
        Some((last, others)) => {
            for failure in others {
                tell_failure(console, failure);
            }
            Error::Source {
                path: last.path.clone(),
                message: last.message.clone(),
            }
        }
        None => Error::NoArticles,
    }
}

/// Articles read and analysed, and the files and folders left out on the way.
struct Read {
    analysis: Analysis,
    /// Files and folders that could not be read, not yet told: the run goes on
    /// without them and exits with 2.
    failures: Vec<Warning>,
    /// Every file left out: binary files, hcx's own reports, and the failures.
    skipped: Vec<Warning>,
}

/// Reads the articles and runs every stage over them. Warnings are told on standard
/// error; the failures are the caller's to tell. When `compare` is set, fewer than two
/// readable articles is [`Error::NothingToCompare`], told as soon as the files are
/// read: an archive's one huge file is not analysed for a comparison that cannot be
/// made.
fn analyze(
    inputs: &Inputs,
    frames: Frames,
    compare: bool,
    console: &dyn Console,
) -> Result<Read, Error> {
    analysis::warm_up(&inputs.skip_checks);
    let rules = load_rules(&inputs.rules)?;
    let tick = |done: usize, total: usize| console.progress(done, total);
    let options = ReadOptions {
        exclude: inputs.exclude.clone(),
        follow: inputs.follow,
        progress: Some(&tick),
    };
    let corpus = analysis::read(&inputs.paths, &options);
    console.progress_done();
    let corpus = corpus?;
    for warning in &corpus.warnings {
        console.note(&format!("hcx: warning: {warning}"));
    }
    if corpus.sources.is_empty() {
        return Err(nothing_read(console, &corpus.errors));
    }
    let mut skipped = corpus.skipped;
    skipped.extend(corpus.errors.iter().cloned());
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    if compare && corpus.sources.len() < 2 {
        return Err(Error::NothingToCompare {
            read: corpus.sources.iter().map(|s| s.path.clone()).collect(),
            skipped: skipped
                .iter()
                .map(|w| {
                    let why = w.message.strip_prefix("skipped: ").unwrap_or(&w.message);
                    format!("{}: {why}", w.path)
                })
                .collect(),
        });
    }
    let analysis = analysis::analyze_with(&corpus.sources, &rules, &inputs.skip_checks, frames);
    for unknown in &analysis.unknown_ignores {
        let nearest = unknown
            .nearest
            .as_ref()
            .map_or(String::new(), |n| format!("; did you mean \"{n}\"?"));
        console.note(&format!(
            "hcx: warning: {}:{}: ignore comment names no topic \"{}\"{nearest}",
            unknown.source, unknown.line, unknown.name
        ));
    }
    Ok(Read {
        analysis,
        failures: corpus.errors,
        skipped,
    })
}

/// True when the paths ask for a comparison: several of them, or a folder. One article
/// file given alone asks only for its own checks.
fn asks_to_compare(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.iter().any(|p| p.is_dir())
}

fn run_diff(
    inputs: &Inputs,
    options: &DiffOptions,
    console: &dyn Console,
    out: &mut dyn Write,
) -> Result<u8, Error> {
    let Read {
        analysis,
        failures,
        skipped,
    } = analyze(
        inputs,
        Frames::Reported,
        asks_to_compare(&inputs.paths),
        console,
    )?;
    for failure in &failures {
        tell_failure(console, failure);
    }
    let failed = failures.len();
    let selected = diff::select(&analysis, &options.topics)?;
    if let Some(path) = &options.write_baseline {
        let written = diff::write_baseline(path, &selected, &analysis.checks)?;
        if !options.quiet {
            console.note(&format!(
                "hcx: wrote {} findings to {}",
                written.findings,
                path.display()
            ));
        }
        if written.changed_notes > 0 {
            console.note(&format!(
                "hcx: warning: {} kept from findings whose figures changed, marked \"{}\"",
                crate::base::numbers::count_of(written.changed_notes, "note", "notes"),
                analysis::baseline::CHANGED.trim_end_matches([':', ' '])
            ));
        }
        return Ok(with_failures(0, failed));
    }
    let baseline = match &options.baseline {
        Some(path) => Some(Baseline::load(path)?),
        None => None,
    };
    let reviewed = diff::review(selected, &analysis.checks, baseline.as_ref());
    let code = diff::exit_code(&reviewed, options.fail_on);
    if options.quiet {
        drop(reviewed);
        std::mem::forget(analysis);
        return Ok(with_failures(code, failed));
    }
    let printer = options.format.printer(inputs.layout);
    let hidden = reviewed.hidden;
    let mut document = Document::new(&analysis, reviewed.topics, options.all, hidden);
    document.findings = &reviewed.findings;
    document.reopened = &reviewed.reopened;
    document.skipped = &skipped;
    // The report goes out before the note on standard error, as it did unbuffered.
    let written = printer
        .print(&document, out)
        .and_then(|()| out.flush())
        .map_err(Error::Output);
    if !printer.tells_hidden() {
        if hidden > 0 {
            console.note(&format!(
                "hcx: {} hidden by the baseline",
                crate::base::numbers::count_of(hidden, "known finding", "known findings")
            ));
        }
        for line in document.reopened_lines() {
            console.note(&format!("hcx: {line}"));
        }
    }
    drop(document);
    // The process ends next and the system takes its memory back at once; freeing a
    // large corpus's claims one by one took 7% of the run.
    std::mem::forget(analysis);
    written.map(|()| with_failures(code, failed))
}

/// `hcx claims`: extraction and placement only, no comparison or checks. JSON is
/// written as the claims are found, so memory stays flat however large the corpus; the
/// table needs every claim to size its columns.
fn run_claims(
    inputs: &Inputs,
    format: ClaimsFormat,
    console: &dyn Console,
    out: &mut dyn Write,
) -> Result<u8, Error> {
    let rules = load_rules(&inputs.rules)?;
    let tick = |done: usize, total: usize| console.progress(done, total);
    let options = ReadOptions {
        exclude: inputs.exclude.clone(),
        follow: inputs.follow,
        progress: Some(&tick),
    };
    let mut warn = |warning: &Warning| console.note(&format!("hcx: warning: {warning}"));
    let mut failures: Vec<Warning> = Vec::new();
    let mut fail = |failure: &Warning| failures.push(failure.clone());
    let lines = format == ClaimsFormat::Jsonl;
    let mut stream = json::ClaimStream::new(lines);
    let mut kept = Vec::new();
    let read = match format {
        ClaimsFormat::Table => analysis::stream_claims(
            &inputs.paths,
            &options,
            &rules,
            &Clone::clone,
            &mut warn,
            &mut fail,
            &mut |claim| {
                kept.push(claim);
                Ok(())
            },
        ),
        ClaimsFormat::Json | ClaimsFormat::Jsonl => analysis::stream_claims(
            &inputs.paths,
            &options,
            &rules,
            &|claim| {
                (
                    json::ClaimStream::is_apart(claim),
                    json::ClaimStream::render(lines, claim),
                )
            },
            &mut warn,
            &mut fail,
            &mut |(apart, rendered)| stream.write(out, rendered, apart),
        ),
    };
    console.progress_done();
    if read? == 0 {
        return Err(nothing_read(console, &failures));
    }
    for failure in &failures {
        tell_failure(console, failure);
    }
    match format {
        ClaimsFormat::Table => table::write_claims(out, &kept, inputs.layout),
        ClaimsFormat::Json | ClaimsFormat::Jsonl => stream.finish(out),
    }
    .map(|()| with_failures(0, failures.len()))
    .map_err(Error::Output)
}

/// `hcx explain`: one topic's claims, why each is there, and how the verdict came.
fn run_explain(
    inputs: &Inputs,
    topic: &str,
    console: &dyn Console,
    out: &mut dyn Write,
) -> Result<u8, Error> {
    let Read {
        analysis, failures, ..
    } = analyze(inputs, Frames::Whole, false, console)?;
    for failure in &failures {
        tell_failure(console, failure);
    }
    let Some(found) = analysis.topics.iter().find(|t| t.id == topic) else {
        return Err(diff::unknown_topic(&analysis, topic));
    };
    explain::write_topic(out, found, &analysis.claims)
        .map(|()| with_failures(0, failures.len()))
        .map_err(Error::Output)
}

/// `hcx rules check`: every problem of every rule file on standard error, and each
/// topic's examples run; exit code 2 when a file has problems.
fn rules_check(
    folders: &[PathBuf],
    all_topics: bool,
    console: &dyn Console,
    out: &mut dyn Write,
) -> Result<u8, Error> {
    let mut set = RuleSet::builtin();
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    for folder in folders {
        match rules::load_path(folder) {
            Ok(found) => {
                checked.extend(found.topics.iter().map(|t| t.id.clone()));
                set.add(found);
            }
            Err(Error::Rules(found)) => problems.extend(found),
            Err(other) => return Err(other),
        }
    }
    for problem in &problems {
        console.note(&problem.to_string());
    }
    if !problems.is_empty() {
        return writeln!(out, "problems in rule files: {}", problems.len())
            .map(|()| 2)
            .map_err(Error::Output);
    }
    let judged: Vec<&str> = if all_topics {
        set.topics().iter().map(|t| t.id.as_str()).collect()
    } else {
        checked.iter().map(String::as_str).collect()
    };
    let warnings: Vec<_> = topics::check_examples(&set)
        .into_iter()
        .filter(|f| judged.contains(&f.topic.as_str()))
        .collect();
    for warning in &warnings {
        console.note(&format!(
            "{}:{}:1: warning: {}",
            warning.origin, warning.line, warning.message
        ));
    }
    writeln!(
        out,
        "{} topics checked: no errors, {} warnings",
        judged.len(),
        warnings.len()
    )
    .map(|()| 0)
    .map_err(Error::Output)
}
