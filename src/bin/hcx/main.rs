//! The `hcx` command: reads the flags and `hcx.toml` into options, hands them to the
//! library ([`hcx::app::run`]), and turns the outcome into an exit code (0 no
//! disagreement, 1 disagreement, 2 error).

mod args;
mod config;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, ColorChoice, Command, Inputs, RulesCommand};
use config::Config;
use hcx::analysis::diff::FailOn;
use hcx::app::{self, DiffOptions};
use hcx::report::{table, Format};

/// Claims, words and placements are many small allocations made on every thread;
/// mimalloc serves them about a quarter faster than the system allocator on a large
/// corpus (hcx diff on 10 MB: 1.65 s -> 1.20 s median).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(code) = generate(&cli.command) {
        return code;
    }
    let console = Terminal::default();
    let outcome = settings(&cli).and_then(|(config, color)| {
        let command = command(&cli.command, &config, color);
        // Standard output is line-buffered: unbuffered, a large JSON report was one write
        // call per line, millions of them.
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        app::run(&command, &console, &mut out)
    });
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            let message = err.to_string();
            eprintln!(
                "hcx: error: {}",
                hcx::base::controls::escape(&message, false)
            );
            ExitCode::from(2)
        }
    }
}

/// `hcx completions SHELL` and `hcx man`: text made from the command line's own
/// definition, so it never drifts from the flags. None for the other commands.
fn generate(command: &Command) -> Option<ExitCode> {
    use clap::CommandFactory;
    // Made in memory first: the completion generators panic on a failed write, and a
    // closed pipe (`hcx man | head`) is no error.
    let mut text = Vec::new();
    match command {
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "hcx", &mut text);
        }
        Command::Man { command } => {
            let mut cli = Cli::command();
            // Built, a command's page holds the global flags (--color, --config) too.
            cli.build();
            // The main page's SEE ALSO names hcx-diff(1) and the others: each is a
            // command's own page, with its flags.
            let page = match command {
                None => cli,
                Some(name) => {
                    let Some(sub) = cli.find_subcommand_mut(name) else {
                        let known: Vec<String> = cli
                            .get_subcommands()
                            .map(|c| c.get_name().to_string())
                            .collect();
                        eprintln!(
                            "hcx: error: no command \"{name}\"; commands: {}",
                            known.join(", ")
                        );
                        return Some(ExitCode::from(2));
                    };
                    sub.clone()
                        .display_name(format!("hcx-{name}"))
                        .bin_name(format!("hcx {name}"))
                        .version(env!("CARGO_PKG_VERSION"))
                }
            };
            // Writing into memory cannot fail.
            let _ = clap_mangen::Man::new(page).render(&mut text);
        }
        _ => return None,
    }
    let written = io::stdout().lock().write_all(&text);
    Some(match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hcx: error: cannot write output: {err}");
            ExitCode::from(2)
        }
    })
}

/// The configuration file (the one named, or the nearest), and whether to colour.
fn settings(cli: &Cli) -> Result<(Config, bool), hcx::Error> {
    let config_file = match &cli.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| config::discover(&dir)),
    };
    let config = match config_file {
        Some(path) => config::load(&path)?,
        None => Config::default(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && io::stdout().is_terminal(),
    };
    Ok((config, color))
}

/// The flags over the configuration file, as the library's options.
fn command(command: &Command, config: &Config, color: bool) -> app::Command {
    match command {
        Command::Diff(args) => app::Command::Diff {
            inputs: inputs(&args.inputs, config, color),
            options: DiffOptions {
                format: args.format.or(config.format).unwrap_or(Format::Table),
                fail_on: args.fail_on.or(config.fail_on).unwrap_or(FailOn::Differs),
                topics: args.topics.clone(),
                all: args.all,
                baseline: args.baseline.clone().or_else(|| config.baseline.clone()),
                write_baseline: args.write_baseline.clone(),
                quiet: args.quiet,
            },
        },
        Command::Claims(args) => app::Command::Claims {
            inputs: inputs(&args.inputs, config, color),
            format: args.format,
        },
        Command::Explain(args) => app::Command::Explain {
            inputs: inputs(&args.inputs, config, color),
            topic: args.topic.clone(),
        },
        Command::Rules(RulesCommand::List { rules, width }) => app::Command::RulesList {
            rules: config.rules.iter().chain(rules).cloned().collect(),
            layout: table::Layout {
                width: *width,
                color,
            },
        },
        Command::Rules(RulesCommand::Check { dir, rules }) => app::Command::RulesCheck {
            folders: match dir {
                Some(dir) => vec![dir.clone()],
                None => config.rules.iter().chain(rules).cloned().collect(),
            },
            all_topics: dir.is_none(),
        },
        Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("generated before any command runs")
        }
    }
}

/// The configuration file's rule folders, excludes and skipped checks, then the flags'.
fn inputs(args: &Inputs, config: &Config, color: bool) -> app::Inputs {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let chain = |from_config: &[String], from_flags: &[String]| -> Vec<String> {
        from_config.iter().chain(from_flags).cloned().collect()
    };
    let mut skip_checks = args.skip_checks.clone();
    skip_checks.extend(config.skip_checks.iter().copied());
    app::Inputs {
        // As in ripgrep, no path is the current folder.
        paths: if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        },
        rules: config
            .rules
            .iter()
            .chain(&args.rules)
            .cloned()
            .collect::<Vec<PathBuf>>(),
        exclude: chain(&config.exclude, &args.exclude),
        follow: args.follow,
        skip_checks,
        layout: table::Layout {
            width: args.width.or(columns),
            color,
        },
    }
}

/// Standard error: a progress bar for long runs on a terminal (none in CI or a pipe),
/// made when reading starts, and the lines the run has to say there, printed around it.
#[derive(Default)]
struct Terminal {
    bar: std::sync::OnceLock<Option<indicatif::ProgressBar>>,
}

impl Terminal {
    /// The bar, if there is one and reading has started.
    fn started(&self) -> Option<&indicatif::ProgressBar> {
        self.bar.get().and_then(Option::as_ref)
    }
}

impl app::Console for Terminal {
    fn progress(&self, done: usize, total: usize) {
        let bar = self.bar.get_or_init(|| {
            let interactive = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
            interactive.then(|| {
                let bar = indicatif::ProgressBar::new(0);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "reading {pos}/{len} articles {wide_bar}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                // Short runs finish before the bar would draw: it only appears on long ones.
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
                bar
            })
        });
        if let Some(bar) = bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    fn progress_done(&self) {
        if let Some(bar) = self.started() {
            bar.finish_and_clear();
        }
    }

    fn note(&self, line: &str) {
        // A file name or a rule's words are text from outside: no control reaches the
        // terminal raw.
        let line = hcx::base::controls::escape(line, true);
        match self.started() {
            Some(bar) if !bar.is_finished() => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }
}
