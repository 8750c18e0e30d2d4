//! What the user said on the command line, as clap parses it. `main.rs` turns it, with
//! the configuration file, into what the run does.

// These doc comments are the `--help` text users read, not rustdoc: no Markdown in them.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use hcx::analysis::diff::FailOn;
use hcx::checks::{CheckName, REGISTRY};
use hcx::report::{ClaimsFormat, Format};

// The values of each choice are the library's own names, so the command line cannot
// drift from what the library knows.

fn check_names() -> impl TypedValueParser<Value = CheckName> {
    PossibleValuesParser::new(REGISTRY.iter().map(|check| check.id))
        .map(|id| CheckName::from_id(&id).expect("a registered check"))
}

fn formats() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::NAMES)
        .map(|name| Format::from_name(&name).expect("a listed format"))
}

fn fail_ons() -> impl TypedValueParser<Value = FailOn> {
    PossibleValuesParser::new(FailOn::NAMES)
        .map(|name| FailOn::from_name(&name).expect("a listed verdict"))
}

fn claims_formats() -> impl TypedValueParser<Value = ClaimsFormat> {
    PossibleValuesParser::new(ClaimsFormat::NAMES)
        .map(|name| ClaimsFormat::from_name(&name).expect("a listed format"))
}

#[derive(Parser)]
#[command(
    name = "hcx",
    version,
    about = "Compare news articles about one event and report every figure on which they disagree",
    after_help = "Exit codes: 0 no disagreement, 1 a disagreement (see --fail-on), 2 an error."
)]
pub struct Cli {
    /// When to colour the table: auto colours only a terminal, and respects NO_COLOR.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Read settings from this file instead of the nearest hcx.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Report the topics on which the sources disagree.
    Diff(DiffArgs),
    /// Print every extracted claim with its topic.
    Claims(ClaimsArgs),
    /// Check or list topic rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Explain why each claim is in a topic and how its verdict was reached.
    Explain(ExplainArgs),
    /// Print a shell completion script, e.g. `hcx completions bash > /etc/bash_completion.d/hcx`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): hcx's, or one command's, e.g. `hcx man diff >
    /// ~/.local/share/man/man1/hcx-diff.1`.
    Man {
        /// The command whose page to print (diff, claims, explain, rules, completions);
        /// none for hcx's own page.
        command: Option<String>,
    },
}

#[derive(Args)]
pub struct Inputs {
    /// Article files (.txt, .md, .html), folders of them, or - for standard input
    /// (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// A folder (or file) of rule files to add to the built-in rules; repeatable. A topic
    /// with the id of a built-in one replaces it.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Leave out paths matching this glob when walking folders; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Follow symbolic links found in the folders given (by default they are passed
    /// over, so that only what is in a folder is read).
    #[arg(long)]
    pub follow: bool,
    /// Table width in columns (default: the terminal's, or 100).
    #[arg(long)]
    pub width: Option<u16>,
    /// Turn a check off: sums (parts against totals), names (names and titles), dates;
    /// repeatable.
    #[arg(long = "skip-check", value_name = "CHECK", value_parser = check_names())]
    pub skip_checks: Vec<CheckName>,
}

#[derive(Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output format.
    #[arg(long, value_parser = formats())]
    pub format: Option<Format>,
    /// Report only this topic (and its sub-topics); repeatable.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// Which verdict makes the exit code 1.
    #[arg(long, value_parser = fail_ons())]
    pub fail_on: Option<FailOn>,
    /// List every topic, not only disagreements (table, markdown, html).
    #[arg(long)]
    pub all: bool,
    /// Hide the findings recorded in this baseline file; report only new or changed ones.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (notes already there are kept).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Print no report: the exit code alone says whether the sources disagree (errors
    /// and warnings still go to standard error).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Output format.
    #[arg(long, value_parser = claims_formats(), default_value = "table")]
    pub format: ClaimsFormat,
}

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Validate rule files: every problem as file:line:column, exit 2 if any.
    Check {
        /// A folder of rule files, or one file (default: the rules in force).
        dir: Option<PathBuf>,
        /// Rule folders to check with the built-in ones when no DIR is given.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List the topics in force and where each comes from.
    List {
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
        /// Table width in columns.
        #[arg(long)]
        width: Option<u16>,
    },
}

#[derive(Args)]
pub struct ExplainArgs {
    /// The topic id, as `hcx diff` shows it.
    pub topic: String,
    #[command(flatten)]
    pub inputs: Inputs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
