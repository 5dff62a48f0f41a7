//! The `factlint` command: parses arguments, calls the library, picks the output,
//! sets the exit code (0 clean, 1 findings at or above `--fail-on`, 2 the tool could
//! not do its job).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeSet, HashMap};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use jiff::civil::Date;

use factlint::base::diagnostic::Severity;
use factlint::config::{self, ConfigError};
use factlint::facts::FactBase;
use factlint::report::{self, Format};
use factlint::rules::{RuleId, meta_of};
use factlint::run::settings::{Configs, read_fact_files, shown};
use factlint::run::{
    CheckOptions, CheckedFile, FileError, FileJob, Report, check_jobs, check_text,
};

mod cli;

use cli::check::*;
use cli::commands::*;

/// jemalloc (the `jemalloc` feature, on by default): about 12 % less CPU time than the
/// system allocator, for about 1 MB more peak memory on 200 MB (BENCHMARKS.md).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Checks Markdown articles about the AI industry against a fact base.
#[derive(Parser)]
#[command(name = "factlint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint Markdown drafts (files or folders, or `-` for standard input).
    Check(Box<CheckArgs>),
    /// List every value and product name of the drafts with the fact it was checked
    /// against, or why it was not.
    Claims(Box<ClaimsArgs>),
    /// Work with the fact base.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
    /// Print the effective configuration for a file or folder.
    Config(ConfigArgs),
    /// List every rule id with its default severity and what it finds.
    Rules,
    /// Explain one rule: what it finds, why it matters, examples.
    Rule {
        /// The rule id (`factlint rules` lists them).
        id: String,
    },
    /// Write a commented factlint.toml and an example fact file (never overwrites).
    Init {
        /// The folder to write them in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: ShellArg,
    },
    /// Print the JSON Schema of the fact-file format.
    Schema,
    /// Run the language server on standard input and output (for editors).
    Lsp,
}

#[derive(Subcommand)]
enum FactsCommand {
    /// Check fact files (and the built-in base) for errors and contradictions.
    Check(FactsArgs),
    /// List what the fact base knows, with dates and sources.
    List(FactsListArgs),
    /// Show everything the fact base says about one id.
    Show(FactsShowArgs),
    /// Count what the fact base knows: items of each kind, per file, how many rest on
    /// secondary sources only, and the newest `checked` day.
    Stats(FactsStatsArgs),
}

#[derive(clap::Args)]
struct FactsStatsArgs {
    /// `human` (a table) or `json` (one document).
    #[arg(long, value_enum, default_value_t = StatsFormatArg::Human)]
    format: StatsFormatArg,
    #[command(flatten)]
    source: FactSource,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatsFormatArg {
    Human,
    Json,
}

#[derive(clap::Args)]
struct FactsListArgs {
    /// Only items of this kind.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    #[command(flatten)]
    source: FactSource,
}

#[derive(clap::Args)]
struct FactsShowArgs {
    /// The id of an entity, event, quantity, product, family or line-up.
    id: String,
    #[command(flatten)]
    source: FactSource,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Entity,
    Event,
    Quantity,
    Product,
    Family,
    Lineup,
}

#[derive(Clone, Copy, ValueEnum)]
enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

#[derive(clap::Args)]
struct FactSource {
    /// A fact file (TOML) or a folder of them, added to the fact base. Repeatable.
    #[arg(long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    /// Leave the built-in fact base out.
    #[arg(long)]
    no_default_facts: bool,
}

#[derive(clap::Args)]
struct ConfigSource {
    /// Use this configuration file instead of looking for factlint.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    no_config: bool,
}

#[derive(clap::Args)]
struct FactsArgs {
    /// Fact files or folders to check (added to the built-in base and to the fact files
    /// of the current folder's factlint.toml).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: FactSource,
    #[command(flatten)]
    config: ConfigSource,
    /// Colors in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(clap::Args)]
struct ConfigArgs {
    /// The file or folder whose configuration to show.
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    config: ConfigSource,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check (folders are walked for .md, .markdown and .mdx);
    /// `-` reads one draft from standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: FactSource,
    #[command(flatten)]
    config: ConfigSource,
    /// The article date (YYYY-MM-DD) for drafts whose front matter has none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Skip (with a note) drafts bigger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = factlint::run::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Colors in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Exit 1 when a finding is at or above this severity (`never`: findings never fail).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Exit 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Report suppression comments that hid nothing.
    #[arg(long)]
    report_unused_suppressions: bool,
    /// With `-`: the draft's path, shown in output and used to pick its configuration.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// The day against which suppressions' `until=` dates are checked (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, hide = true)]
    today: Option<Date>,
    /// Apply the fixes of findings whose correct text is certain, in place (with `-`:
    /// print the fixed draft); the findings that remain are reported and set the exit code.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the fixes as a unified diff instead of the findings, and change nothing.
    #[arg(long, conflicts_with = "format")]
    diff: bool,
    /// Keep each draft's findings in .factlint_cache (in the current folder) and take
    /// them from there while the draft, its options and the fact base are unchanged.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    cache: bool,
    /// Like --cache, with the cache in this folder.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["fix", "diff"])]
    cache_dir: Option<PathBuf>,
    /// After the findings, print on standard error how many values and product names
    /// were checked against a fact: "312 claims, 241 checked (77 %)".
    #[arg(long)]
    coverage: bool,
    /// Walk folders without reading .gitignore, .ignore, .git/info/exclude or the
    /// global git excludes.
    #[arg(long)]
    no_ignore: bool,
    #[command(flatten)]
    baseline: cli::check::BaselineArgs,
    /// Run only these rules (comma-separated or repeated); a rule the configuration
    /// turns off runs at its default severity.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (comma-separated or repeated); wins over --select.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Print the findings only: in human output no notes, no `help:` lines and no
    /// summary line; in every format no `note:` lines on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Show only findings at or above this severity; the exit code (--fail-on,
    /// --max-warnings) is computed from the findings shown.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<SeverityArg>,
    /// Write the report (in the --format chosen) to this file instead of standard
    /// output, whole or not at all; the summary line stays on standard error.
    #[arg(long, short = 'o', value_name = "PATH", conflicts_with = "diff")]
    output_file: Option<PathBuf>,
    /// Count the findings per rule: in human and short output the counts replace the
    /// findings; `json` adds a `statistics` key; other formats print them on standard
    /// error.
    #[arg(long, conflicts_with = "diff")]
    statistics: bool,
    /// --select and --ignore as rule ids (set by `run_check` once they are read).
    #[arg(skip)]
    rules: RuleSelection,
}

#[derive(clap::Args)]
struct ClaimsArgs {
    /// Files or folders (folders are walked for .md, .markdown and .mdx); `-` reads one
    /// draft from standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: FactSource,
    #[command(flatten)]
    config: ConfigSource,
    /// The article date (YYYY-MM-DD) for drafts whose front matter has none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Skip (with a note) drafts bigger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = factlint::run::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// With `-`: the draft's path, shown in output and used to pick its configuration.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormatArg::Text)]
    format: ClaimsFormatArg,
    /// Only the claims that were not checked, grouped and most frequent first.
    #[arg(long)]
    unattributed: bool,
    /// Walk folders without reading .gitignore, .ignore, .git/info/exclude or the
    /// global git excludes.
    #[arg(long)]
    no_ignore: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormatArg {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Short,
    Json,
    Sarif,
    Github,
    Gitlab,
    Rdjson,
    Junit,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

fn color_choice(c: ColorArg) -> ColorChoice {
    color_choice_for(c, io::stdout().is_terminal())
}

fn color_choice_for(c: ColorArg, terminal: bool) -> ColorChoice {
    match c {
        ColorArg::Always => ColorChoice::Always,
        ColorArg::Never => ColorChoice::Never,
        ColorArg::Auto => {
            if terminal && std::env::var_os("NO_COLOR").is_none() {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            }
        }
    }
}

/// Prints to standard output; a closed pipe (`factlint schema | head`) is not an error.
fn print_out(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(*args),
        Command::Claims(args) => cli::claims::run_claims(*args),
        Command::Facts {
            command: FactsCommand::Check(args),
        } => run_facts_check(args),
        Command::Facts {
            command: FactsCommand::List(args),
        } => run_facts_list(args),
        Command::Facts {
            command: FactsCommand::Show(args),
        } => run_facts_show(args),
        Command::Facts {
            command: FactsCommand::Stats(args),
        } => run_facts_stats(args),
        Command::Config(args) => run_config(args),
        Command::Rules => run_rules(),
        Command::Rule { id } => run_rule(&id),
        Command::Init { dir } => run_init(&dir),
        Command::Completions { shell } => {
            let shell = match shell {
                ShellArg::Bash => clap_complete::Shell::Bash,
                ShellArg::Zsh => clap_complete::Shell::Zsh,
                ShellArg::Fish => clap_complete::Shell::Fish,
            };
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut script);
            print_out(&String::from_utf8_lossy(&script))
        }
        Command::Lsp => run_lsp(),
        Command::Schema => {
            let schema = factlint::facts::schema::json_schema();
            match serde_json::to_string_pretty(&schema) {
                Ok(s) => print_out(&format!("{s}\n")),
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// `factlint lsp`: serves one editor over standard input and output; exits 0 after
/// `shutdown` and `exit`, 1 otherwise (as the protocol asks).
fn run_lsp() -> ExitCode {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let served = factlint::lsp::run(&connection);
    drop(connection);
    let joined = io_threads.join();
    match (served, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("factlint lsp: {e}");
            ExitCode::from(1)
        }
        (Ok(()), Err(e)) => {
            eprintln!("factlint lsp: {e}");
            ExitCode::from(1)
        }
    }
}

/// The day of the run (UTC): only for suppressions' `until=` dates.
fn today() -> Date {
    jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}
