//! The `factlint` command: parses arguments, calls the library, picks the output,
//! sets the exit code (0 clean, 1 findings, 2 the tool could not do its job).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use jiff::civil::Date;

use factlint::diagnostic::Severity;
use factlint::emit::{self, Format};
use factlint::facts::{FactBase, FactFile};
use factlint::{CheckOptions, check_paths};

/// Checks Markdown articles about the AI industry against a fact base.
#[derive(Parser)]
#[command(name = "factlint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint Markdown drafts (files or folders) against the fact base.
    Check(CheckArgs),
    /// Work with the fact base.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
}

#[derive(Subcommand)]
enum FactsCommand {
    /// Check fact files (and the built-in base) for errors and contradictions.
    Check(FactsArgs),
}

#[derive(clap::Args)]
struct FactSource {
    /// A fact file (TOML) or a folder of them, added to the built-in base. Repeatable.
    #[arg(long = "facts", value_name = "PATH")]
    facts: Vec<PathBuf>,
    /// Leave the built-in fact base out.
    #[arg(long)]
    no_default_facts: bool,
}

#[derive(clap::Args)]
struct FactsArgs {
    /// Fact files or folders to check (added to the built-in base).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: FactSource,
    /// Colors in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check (folders are walked for .md, .markdown and .mdx).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: FactSource,
    /// The article date (YYYY-MM-DD) for drafts whose front matter has none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Skip (with a note) drafts bigger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = factlint::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Colors in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Short,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

fn color_choice(c: ColorArg) -> ColorChoice {
    match c {
        ColorArg::Always => ColorChoice::Always,
        ColorArg::Never => ColorChoice::Never,
        ColorArg::Auto => {
            if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Facts {
            command: FactsCommand::Check(args),
        } => run_facts_check(args),
    }
}

/// Reads fact files from the given paths (files, or folders of `.toml` files).
fn read_fact_files(paths: &[PathBuf]) -> Result<Vec<FactFile>, String> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p)
            .map_err(|e| format!("{}: {}", p.display(), factlint::walk::io_message(&e)))?;
        let mut files = Vec::new();
        if meta.is_dir() {
            for e in walkdir::WalkDir::new(p).follow_links(false) {
                let e = e.map_err(|e| format!("{}: {e}", p.display()))?;
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml") {
                    files.push(e.into_path());
                }
            }
            files.sort();
        } else {
            files.push(p.clone());
        }
        for f in files {
            // As drafts are: a regular file, read with a limit (never `/dev/zero` forever).
            let text = match factlint::read_draft_limited(&f, factlint::DEFAULT_MAX_FILE_SIZE) {
                Ok(factlint::Draft::Text(text)) => text,
                Ok(factlint::Draft::Skip(why)) => return Err(format!("{}: {why}", f.display())),
                Err(e) => return Err(format!("{}: {e}", f.display())),
            };
            out.push(FactFile {
                name: emit::display_path(&f),
                text,
            });
        }
    }
    Ok(out)
}

/// Loads the fact base, or reports why it cannot and returns the exit code.
fn load_facts(
    source: &FactSource,
    extra: &[PathBuf],
    format: Format,
    color: ColorArg,
) -> Result<FactBase, ExitCode> {
    let mut files = if source.no_default_facts {
        Vec::new()
    } else {
        FactBase::builtin_files()
    };
    let mut paths = source.facts.clone();
    paths.extend_from_slice(extra);
    match read_fact_files(&paths) {
        Ok(mut more) => files.append(&mut more),
        Err(e) => {
            eprintln!("error: cannot read fact file {e}");
            return Err(ExitCode::from(2));
        }
    }
    let kept = files.clone();
    FactBase::load(files).map_err(|errors| {
        let result = match format {
            Format::Json => emit::json::write_fact_errors(&errors, &kept, &mut io::stdout().lock()),
            _ => {
                let mut err = StandardStream::stderr(color_choice(color));
                emit::human::write_fact_errors(&errors, &kept, &mut err)
            }
        };
        if result.is_err() {
            eprintln!("error: cannot write output");
        }
        eprintln!(
            "error: the fact base has {} error(s); nothing was checked",
            errors.len()
        );
        ExitCode::from(2)
    })
}

fn run_facts_check(args: FactsArgs) -> ExitCode {
    match load_facts(&args.source, &args.paths, Format::Human, args.color) {
        Ok(base) => {
            println!(
                "fact base ok: {} entities, {} facts in {} files",
                base.entities.len(),
                base.facts.len(),
                base.files.len()
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
    };
    let facts = match load_facts(&args.source, &[], format, args.color) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let opts = CheckOptions {
        default_date: args.date,
        max_file_size: Some(args.max_file_size),
    };
    let report = check_paths(&args.paths, &facts, &opts);
    let written = match format {
        Format::Json => emit::json::write(&report, &facts, &mut io::stdout().lock()),
        Format::Short => emit::short::write(&report, &mut io::stdout().lock()),
        Format::Human => {
            let mut out = StandardStream::stdout(color_choice(args.color));
            emit::human::write(&report, &facts, &mut out).and_then(|()| out.flush())
        }
    };
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    let count = |s: Severity| {
        report
            .diagnostics()
            .filter(|(_, d)| d.severity == s)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    // Skipped files and per-file notes go to stderr in every format: they are not
    // findings, and the JSON contract has no field for them.
    for s in &report.skipped {
        eprintln!("note: {}: {}", emit::display_path(&s.path), s.message);
    }
    for f in &report.files {
        for n in f
            .result
            .notes
            .iter()
            .filter(|n| !n.starts_with("no article date"))
        {
            eprintln!("note: {}: {n}", emit::display_path(&f.path));
        }
    }
    if matches!(format, Format::Human) {
        let undated = report
            .files
            .iter()
            .filter(|f| {
                f.result
                    .notes
                    .iter()
                    .any(|n| n.starts_with("no article date"))
            })
            .count();
        if undated > 0 {
            eprintln!(
                "note: {undated} file(s) have no article date (front matter `date` or --date); time-dependent checks were skipped for them"
            );
        }
        eprintln!(
            "factlint: {} file(s) checked, {errors} error(s), {warnings} warning(s){}{}",
            report.files_checked(),
            if report.skipped.is_empty() {
                String::new()
            } else {
                format!(", {} file(s) skipped", report.skipped.len())
            },
            if report.errors.is_empty() {
                String::new()
            } else {
                format!(", {} file(s) could not be read", report.errors.len())
            }
        );
    }
    if report.files_checked() == 0
        && report.errors.is_empty()
        && args.paths.iter().all(|p| Path::new(p).is_dir())
    {
        eprintln!("note: no Markdown files found");
    }
    if !report.errors.is_empty() {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
