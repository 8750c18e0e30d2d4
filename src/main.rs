//! The `hcx` command: parses flags, runs the pipeline, prints, and turns the outcome into
//! an exit code (0 no disagreement, 1 disagreement, 2 error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use hcx::report::{json, table};
use hcx::rules::{self, RuleSet};

#[derive(Parser)]
#[command(
    name = "hcx",
    version,
    about = "Compare news articles about one event and report every figure on which they disagree"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report the topics on which the sources disagree.
    Diff {
        /// Article files, or folders of .txt and .md articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
        format: DiffFormat,
        /// List every topic in the table, not only disagreements.
        #[arg(long)]
        all: bool,
    },
    /// Print every extracted claim with its topic.
    Claims {
        /// Article files, or folders of .txt and .md articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
    },
}

#[derive(clap::Args)]
struct Common {
    /// A folder (or file) of rule files to add to the built-in rules; repeatable. A topic
    /// with the id of a built-in one replaces it.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Table width in columns.
    #[arg(long, default_value_t = 100)]
    width: u16,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Table,
    Json,
    Jsonl,
}

/// A fatal problem: printed as one line, exit code 2.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("hcx: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn load_rules(common: &Common) -> Result<RuleSet, Failure> {
    let mut set = RuleSet::builtin();
    for dir in &common.rules {
        match rules::load_path(dir) {
            Ok(topics) => set.merge(topics),
            Err(errors) => {
                let extra = if errors.len() > 1 {
                    format!(" (and {} more problems)", errors.len() - 1)
                } else {
                    String::new()
                };
                return Err(Failure(format!("{}{extra}", errors[0])));
            }
        }
    }
    Ok(set)
}

fn analyze(paths: &[PathBuf], common: &Common) -> Result<hcx::Analysis, Failure> {
    let rules = load_rules(common)?;
    let corpus = hcx::read(paths).map_err(|err| Failure(err.to_string()))?;
    for warning in &corpus.warnings {
        eprintln!("hcx: warning: {warning}");
    }
    if corpus.sources.is_empty() {
        return Err(Failure(
            "no readable articles among the paths given".to_string(),
        ));
    }
    Ok(hcx::analyze(&corpus.sources, &rules))
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match cli.command {
        Command::Diff {
            paths,
            common,
            format,
            all,
        } => {
            let analysis = analyze(&paths, &common)?;
            let disagreeing = analysis.topics.iter().any(|t| t.verdict.is_disagreement());
            let result = match format {
                DiffFormat::Json => {
                    let topics: Vec<_> = analysis.topics.iter().collect();
                    json::write_diff(&mut out, &analysis, &topics)
                }
                DiffFormat::Table => {
                    let shown: Vec<_> = analysis
                        .topics
                        .iter()
                        .filter(|t| all || t.verdict.is_disagreement())
                        .collect();
                    table::write_diff(
                        &mut out,
                        &shown,
                        &analysis.topics,
                        table::Layout {
                            width: common.width,
                        },
                    )
                }
            };
            result.map(|()| u8::from(disagreeing))
        }
        Command::Claims {
            paths,
            common,
            format,
        } => {
            let analysis = analyze(&paths, &common)?;
            match format {
                ClaimsFormat::Json => json::write_claims(&mut out, &analysis.claims),
                ClaimsFormat::Jsonl => json::write_claims_lines(&mut out, &analysis.claims),
                ClaimsFormat::Table => table::write_claims(
                    &mut out,
                    &analysis.claims,
                    table::Layout {
                        width: common.width,
                    },
                ),
            }
            .map(|()| 0)
        }
    };
    match written.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => Ok(ExitCode::from(code)),
        // A closed pipe (`hcx diff ... | head`) is the reader's choice, not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(err) => Err(Failure(format!("cannot write output: {err}"))),
    }
}
