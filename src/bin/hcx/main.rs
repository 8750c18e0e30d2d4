//! The `hcx` command: reads the flags and `hcx.toml`, runs the pipeline, prints, and turns
//! the outcome into an exit code (0 no disagreement, 1 disagreement, 2 error).

mod args;
mod config;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use args::{
    CheckKind, ClaimsFormat, Cli, ColorChoice, Command, DiffArgs, DiffFormat, FailOn, Inputs,
    RulesCommand,
};
use config::Config;
use hcx::analysis::baseline::Baseline;
use hcx::compare::{TopicReport, Verdict};
use hcx::report::{explain, github, html, json, markdown, table};
use hcx::rules::{self, RuleSet};

/// Claims, words and placements are many small allocations made on every thread;
/// mimalloc serves them about a quarter faster than the system allocator on a large
/// corpus (hcx diff on 10 MB: 1.65 s -> 1.20 s median).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A fatal problem: printed as one line, exit code 2.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(err: E) -> Self {
        Failure(err.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(Failure(message)) => {
            eprintln!("hcx: error: {message}");
            ExitCode::from(2)
        }
    }
}

/// What every command needs from the flags and the configuration file together.
struct Settings {
    config: Config,
    color: bool,
}

fn settings(cli: &Cli) -> Result<Settings, Failure> {
    let config_file = match &cli.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| config::discover(&dir)),
    };
    let config = match config_file {
        Some(path) => config::load(&path).map_err(Failure)?,
        None => Config::default(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && io::stdout().is_terminal(),
    };
    Ok(Settings { config, color })
}

fn run(cli: &Cli) -> Result<u8, Failure> {
    let settings = settings(cli)?;
    // Standard output is line-buffered: unbuffered, a large JSON report was one write
    // call per line, millions of them.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = match &cli.command {
        Command::Diff(args) => diff(args, &settings, &mut out),
        Command::Claims(args) => claims(&args.inputs, args.format, &settings, &mut out),
        Command::Rules(command) => rules_command(command, &settings, &mut out),
        Command::Explain(args) => {
            let analysis = analyze(&args.inputs, &settings)?;
            let Some(topic) = analysis.topics.iter().find(|t| t.id == args.topic) else {
                let known: Vec<&str> = analysis.topics.iter().map(|t| t.id.as_str()).collect();
                return Err(Failure(format!(
                    "no topic \"{}\" in these articles; topics: {}",
                    args.topic,
                    known.join(", ")
                )));
            };
            Ok(explain::write_topic(&mut out, topic).map(|()| 0))
        }
    }?;
    match result.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => Ok(code),
        // A closed pipe (`hcx diff ... | head`) is the reader's choice, not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        Err(err) => Err(Failure(format!("cannot write output: {err}"))),
    }
}

fn layout(inputs: &Inputs, settings: &Settings) -> table::Layout {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    table::Layout {
        width: inputs.width.or(columns),
        color: settings.color,
    }
}

/// The built-in rules, then the configuration file's folders, then the flags'.
fn load_rules(extra: &[PathBuf], settings: &Settings) -> Result<RuleSet, Failure> {
    let mut set = RuleSet::builtin();
    for dir in settings.config.rules.iter().chain(extra) {
        match rules::load_path(dir) {
            Ok(found) => set.add(found),
            Err(errors) => {
                let more = match errors.len() {
                    1 => String::new(),
                    n => format!(" (and {} more; see `hcx rules check`)", n - 1),
                };
                return Err(Failure(format!("{}{more}", errors[0])));
            }
        }
    }
    Ok(set)
}

fn analyze(inputs: &Inputs, settings: &Settings) -> Result<hcx::Analysis, Failure> {
    let rules = load_rules(&inputs.rules, settings)?;
    let bar = progress_bar();
    let tick = |done: usize, total: usize| advance(bar.as_ref(), done, total);
    let options = hcx::ReadOptions {
        exclude: excludes(inputs, settings),
        progress: Some(&tick),
    };
    let corpus = hcx::read(&inputs.paths, &options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let corpus = corpus?;
    for warning in &corpus.warnings {
        eprintln!("hcx: warning: {warning}");
    }
    if corpus.sources.is_empty() {
        return Err(Failure(
            "no readable articles among the paths given".to_string(),
        ));
    }
    let skipped =
        |kind| inputs.skip_checks.contains(&kind) || settings.config.skip_checks.contains(&kind);
    let skip: Vec<hcx::checks::CheckName> = [
        (CheckKind::Sums, hcx::checks::CheckName::Sums),
        (CheckKind::Names, hcx::checks::CheckName::Names),
        (CheckKind::Dates, hcx::checks::CheckName::Dates),
    ]
    .into_iter()
    .filter(|(kind, _)| skipped(*kind))
    .map(|(_, name)| name)
    .collect();
    Ok(hcx::analyze_with(&corpus.sources, &rules, &skip))
}

/// `hcx claims`: extraction and placement only, no comparison or checks. JSON is
/// written as the claims are found, so memory stays flat however large the corpus; the
/// table needs every claim to size its columns.
fn claims(
    inputs: &Inputs,
    format: ClaimsFormat,
    settings: &Settings,
    out: &mut dyn Write,
) -> Result<io::Result<u8>, Failure> {
    let rules = load_rules(&inputs.rules, settings)?;
    let bar = progress_bar();
    let tick = |done: usize, total: usize| advance(bar.as_ref(), done, total);
    let options = hcx::ReadOptions {
        exclude: excludes(inputs, settings),
        progress: Some(&tick),
    };
    let mut warn = |warning: &hcx::source::Warning| {
        if let Some(bar) = &bar {
            bar.suspend(|| eprintln!("hcx: warning: {warning}"));
        } else {
            eprintln!("hcx: warning: {warning}");
        }
    };
    let lines = format == ClaimsFormat::Jsonl;
    let mut stream = json::ClaimStream::new(lines);
    let read = match format {
        ClaimsFormat::Table => {
            let mut kept = Vec::new();
            let read = hcx::stream_claims(
                &inputs.paths,
                &options,
                &rules,
                &Clone::clone,
                &mut warn,
                &mut |claim| {
                    kept.push(claim);
                    Ok(())
                },
            );
            read.map(|r| r.map(|articles| (articles, kept)))
        }
        ClaimsFormat::Json | ClaimsFormat::Jsonl => hcx::stream_claims(
            &inputs.paths,
            &options,
            &rules,
            &|claim| json::ClaimStream::render(lines, claim),
            &mut warn,
            &mut |rendered| stream.write(out, &rendered),
        )
        .map(|r| r.map(|articles| (articles, Vec::new()))),
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let (articles, kept) = match read? {
        Ok(found) => found,
        Err(err) => return Ok(Err(err)),
    };
    if articles == 0 {
        return Err(Failure(
            "no readable articles among the paths given".to_string(),
        ));
    }
    Ok(match format {
        ClaimsFormat::Table => table::write_claims(out, &kept, layout(inputs, settings)),
        ClaimsFormat::Json | ClaimsFormat::Jsonl => stream.finish(out),
    }
    .map(|()| 0))
}

/// The exclude globs of the configuration file, then the flags'.
fn excludes(inputs: &Inputs, settings: &Settings) -> Vec<String> {
    let mut exclude = settings.config.exclude.clone();
    exclude.extend(inputs.exclude.iter().cloned());
    exclude
}

/// Moves the progress bar, if there is one, to `done` of `total` articles.
fn advance(bar: Option<&indicatif::ProgressBar>, done: usize, total: usize) {
    if let Some(bar) = bar {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    }
}

/// A progress bar on standard error for long runs on a terminal; none in CI or a pipe.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    let interactive = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    interactive.then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("reading {pos}/{len} articles {wide_bar}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        // Short runs finish before the bar would draw: it only appears on long ones.
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        bar
    })
}

/// True when `id` is the topic asked for or one of its sub-topics ("deaths/district").
fn topic_matches(wanted: &[String], id: &str) -> bool {
    wanted.is_empty()
        || wanted.iter().any(|w| {
            w == id
                || id
                    .strip_prefix(w.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
}

fn fails(verdict: Verdict, fail_on: FailOn) -> bool {
    match fail_on {
        FailOn::Conflict => verdict == Verdict::Conflict,
        FailOn::Differs => verdict.is_disagreement(),
        FailOn::Never => false,
    }
}

fn diff(
    args: &DiffArgs,
    settings: &Settings,
    out: &mut dyn Write,
) -> Result<io::Result<u8>, Failure> {
    let analysis = analyze(&args.inputs, settings)?;
    let format = args
        .format
        .or(settings.config.format)
        .unwrap_or(DiffFormat::Table);
    let fail_on = args
        .fail_on
        .or(settings.config.fail_on)
        .unwrap_or(FailOn::Differs);
    for wanted in &args.topics {
        if !analysis
            .topics
            .iter()
            .any(|t| topic_matches(std::slice::from_ref(wanted), &t.id))
        {
            eprintln!("hcx: warning: no topic \"{wanted}\" in these articles");
        }
    }
    let selected: Vec<&TopicReport> = analysis
        .topics
        .iter()
        .filter(|t| topic_matches(&args.topics, &t.id))
        .collect();

    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &selected).map(|n| {
            eprintln!("hcx: wrote {n} findings to {}", path.display());
            Ok(0)
        });
    }
    let baseline = match args.baseline.as_ref().or(settings.config.baseline.as_ref()) {
        Some(path) => Some(Baseline::load(path).map_err(Failure)?),
        None => None,
    };
    let known = |t: &TopicReport| {
        t.verdict.is_disagreement() && baseline.as_ref().is_some_and(|b| b.knows(t))
    };
    let hidden = selected.iter().filter(|t| known(t)).count();
    let remaining: Vec<&TopicReport> = selected.into_iter().filter(|t| !known(t)).collect();
    let shown: Vec<&TopicReport> = remaining
        .iter()
        .copied()
        .filter(|t| args.all || t.verdict.is_disagreement())
        .collect();
    // A failed check is a difference an editor must look at, not a hard contradiction.
    let checks_fail = !analysis.checks.is_empty() && fail_on == FailOn::Differs;
    let code = u8::from(remaining.iter().any(|t| fails(t.verdict, fail_on)) || checks_fail);
    let layout = layout(&args.inputs, settings);
    let written = match format {
        DiffFormat::Table => {
            let notes = table::Notes {
                hidden,
                suppressed: analysis.suppressed,
            };
            table::write_diff(
                out,
                &shown,
                &analysis.topics,
                &analysis.checks,
                notes,
                layout,
            )
        }
        DiffFormat::Json => json::write_diff(out, &analysis, &remaining, hidden),
        DiffFormat::Markdown => {
            markdown::write_diff(out, &shown, &analysis.topics, &analysis.checks, hidden)
        }
        DiffFormat::Github => github::write_diff(out, &shown, &analysis.checks),
        DiffFormat::Html => html::write_diff(out, &shown, &analysis.topics, &analysis.checks),
    };
    // The report goes out before the note on standard error, as it did unbuffered.
    let written = written.and_then(|()| out.flush());
    if hidden > 0 && !matches!(format, DiffFormat::Table | DiffFormat::Markdown) {
        eprintln!("hcx: {hidden} known findings hidden by the baseline");
    }
    // The process ends next and the system takes its memory back at once; freeing a
    // large corpus's claims one by one took 7% of the run.
    std::mem::forget(analysis);
    Ok(written.map(|()| code))
}

/// Writes the disagreements among `topics` as a baseline, keeping the notes the file
/// already had. Returns how many findings it holds.
fn write_baseline(path: &Path, topics: &[&TopicReport]) -> Result<usize, Failure> {
    let previous = if path.exists() {
        Some(Baseline::load(path).map_err(Failure)?)
    } else {
        None
    };
    let findings: Vec<&TopicReport> = topics
        .iter()
        .copied()
        .filter(|t| t.verdict.is_disagreement())
        .collect();
    let baseline = Baseline::of(&findings, previous.as_ref());
    std::fs::write(path, baseline.to_toml())
        .map_err(|err| Failure(format!("{}: {err}", path.display())))?;
    Ok(findings.len())
}

fn rules_command(
    command: &RulesCommand,
    settings: &Settings,
    out: &mut dyn Write,
) -> Result<io::Result<u8>, Failure> {
    match command {
        RulesCommand::List { rules, width } => {
            let set = load_rules(rules, settings)?;
            let layout = table::Layout {
                width: *width,
                color: settings.color,
            };
            Ok(table::write_rules(out, &set, layout).map(|()| 0))
        }
        RulesCommand::Check { dir, rules } => {
            let mut set = RuleSet::builtin();
            let folders: Vec<&PathBuf> = match dir {
                Some(dir) => vec![dir],
                None => settings.config.rules.iter().chain(rules).collect(),
            };
            let mut errors = Vec::new();
            let mut checked = Vec::new();
            for folder in &folders {
                match rules::load_path(folder) {
                    Ok(found) => {
                        checked.extend(found.topics.iter().map(|t| t.id.clone()));
                        set.add(found);
                    }
                    Err(found) => errors.extend(found),
                }
            }
            for error in &errors {
                eprintln!("{error}");
            }
            if !errors.is_empty() {
                return Ok(writeln!(out, "problems in rule files: {}", errors.len()).map(|()| 2));
            }
            let judged: Vec<&str> = if dir.is_some() {
                checked.iter().map(String::as_str).collect()
            } else {
                set.topics().iter().map(|t| t.id.as_str()).collect()
            };
            let warnings: Vec<_> = hcx::topics::check_examples(&set)
                .into_iter()
                .filter(|f| judged.contains(&f.topic.as_str()))
                .collect();
            for warning in &warnings {
                eprintln!(
                    "{}:{}:1: warning: {}",
                    warning.origin, warning.line, warning.message
                );
            }
            Ok(writeln!(
                out,
                "{} topics checked: no errors, {} warnings",
                judged.len(),
                warnings.len()
            )
            .map(|()| 0))
        }
    }
}
