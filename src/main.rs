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
use factlint::config::{self, Config, ConfigError};
use factlint::facts::{FactBase, FactFile};
use factlint::report::{self, Format};
use factlint::rules::{RuleId, meta_of};
use factlint::run::{
    CheckOptions, CheckedFile, FileError, FileJob, Report, check_jobs, check_text,
};

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
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Short,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
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
        Command::Facts {
            command: FactsCommand::Check(args),
        } => run_facts_check(args),
        Command::Facts {
            command: FactsCommand::List(args),
        } => run_facts_list(args),
        Command::Facts {
            command: FactsCommand::Show(args),
        } => run_facts_show(args),
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

/// A path as shown: relative to the current folder when it is inside it.
fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok().map(|c| config::normalize(&c));
    match cwd {
        Some(cwd) if path.is_absolute() => path
            .strip_prefix(&cwd)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf),
        _ => path.to_path_buf(),
    }
}

/// Reads fact files from the given paths (files, or folders of `.toml` files).
fn read_fact_files(paths: &[PathBuf]) -> Result<Vec<FactFile>, String> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p)
            .map_err(|e| format!("{}: {}", p.display(), factlint::read::walk::io_message(&e)))?;
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
            let text =
                match factlint::run::read_draft_limited(&f, factlint::run::DEFAULT_MAX_FILE_SIZE) {
                    Ok(factlint::run::Draft::Text(text)) => text,
                    Ok(factlint::run::Draft::Skip(why)) => {
                        return Err(format!("{}: {why}", f.display()));
                    }
                    Err(e) => return Err(format!("{}: {e}", f.display())),
                };
            out.push(FactFile {
                name: factlint::base::paths::display_path(&f),
                text,
            });
        }
    }
    Ok(out)
}

/// Loads a fact base, or reports why it cannot and returns the exit code.
fn load_facts(
    default_facts: bool,
    paths: &[PathBuf],
    format: Format,
    color: ColorArg,
) -> Result<FactBase, ExitCode> {
    let mut files = if default_facts {
        FactBase::builtin_files()
    } else {
        Vec::new()
    };
    match read_fact_files(paths) {
        Ok(mut more) => files.append(&mut more),
        Err(e) => {
            eprintln!("error: cannot read fact file {e}");
            return Err(ExitCode::from(2));
        }
    }
    FactBase::load_keeping_files(files).map_err(|(errors, kept)| {
        let result = match format {
            Format::Json => {
                report::json::write_fact_errors(&errors, &kept, &mut io::stdout().lock())
            }
            _ => {
                let mut err = StandardStream::stderr(color_choice(color));
                report::human::write_fact_errors(&errors, &kept, &mut err)
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
    let config = Configs::new(&args.config).and_then(|mut c| {
        let i = c.for_path(Path::new("."), true)?;
        Ok(c.loaded.swap_remove(i))
    });
    let config = match config {
        Ok(c) => c,
        Err(e) => return report_config_error(&e, args.color),
    };
    let mut paths: Vec<PathBuf> = config.facts.iter().map(|p| shown(p)).collect();
    paths.extend_from_slice(&args.source.facts);
    for p in &args.paths {
        if !paths
            .iter()
            .any(|q| config::normalize(q) == config::normalize(p))
        {
            paths.push(p.clone());
        }
    }
    match load_facts(
        config.default_facts && !args.source.no_default_facts,
        &paths,
        Format::Human,
        args.color,
    ) {
        Ok(base) => {
            let code = print_out(&format!(
                "fact base ok: {} entities, {} facts, {} products, {} families, {} line-ups in {} files\n",
                base.entities.len(),
                base.facts.len(),
                base.products.len(),
                base.families.len(),
                base.lineups.len(),
                base.files.len()
            ));
            // Not freed, as in `check`: the process ends.
            std::mem::forget(base);
            code
        }
        Err(code) => code,
    }
}

/// The configurations of a run: one explicit file, none, or the nearest one of each
/// file's folder; each file read once.
struct Configs {
    fixed: Option<usize>,
    loaded: Vec<Config>,
    by_file: HashMap<PathBuf, usize>,
    by_dir: HashMap<PathBuf, usize>,
    defaults: Option<usize>,
}

impl Configs {
    fn new(source: &ConfigSource) -> Result<Configs, ConfigError> {
        let mut c = Configs {
            fixed: None,
            loaded: Vec::new(),
            by_file: HashMap::new(),
            by_dir: HashMap::new(),
            defaults: None,
        };
        if let Some(p) = &source.config {
            c.fixed = Some(c.load(p)?);
        } else if source.no_config {
            c.fixed = Some(c.defaults());
        }
        Ok(c)
    }

    fn defaults(&mut self) -> usize {
        if let Some(i) = self.defaults {
            return i;
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        self.loaded.push(Config::defaults(&cwd));
        self.defaults = Some(self.loaded.len() - 1);
        self.loaded.len() - 1
    }

    fn load(&mut self, path: &Path) -> Result<usize, ConfigError> {
        let key = config::normalize(path);
        if let Some(&i) = self.by_file.get(&key) {
            return Ok(i);
        }
        let c = Config::load(&shown(&key))?;
        self.loaded.push(c);
        self.by_file.insert(key, self.loaded.len() - 1);
        Ok(self.loaded.len() - 1)
    }

    /// The configuration for a file, found from its folder (or for a folder itself).
    fn for_path(&mut self, path: &Path, is_dir: bool) -> Result<usize, ConfigError> {
        if let Some(i) = self.fixed {
            return Ok(i);
        }
        let dir = if is_dir {
            path.to_path_buf()
        } else {
            match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            }
        };
        let dir = config::normalize(&dir);
        if let Some(&i) = self.by_dir.get(&dir) {
            return Ok(i);
        }
        let i = match config::discover(&dir) {
            Some(file) => self.load(&file)?,
            None => self.defaults(),
        };
        self.by_dir.insert(dir, i);
        Ok(i)
    }
}

fn report_config_error(e: &ConfigError, color: ColorArg) -> ExitCode {
    let mut err = StandardStream::stderr(color_choice(color));
    if report::human::write_config_error(e, &mut err).is_err() {
        eprintln!("error: cannot write output");
    }
    eprintln!(
        "error: the configuration {} cannot be used; nothing was checked",
        factlint::base::paths::display_path(&e.path)
    );
    ExitCode::from(2)
}

fn run_config(args: ConfigArgs) -> ExitCode {
    let mut configs = match Configs::new(&args.config) {
        Ok(c) => c,
        Err(e) => return report_config_error(&e, ColorArg::Auto),
    };
    let is_dir = args.path.is_dir();
    let i = match configs.for_path(&args.path, is_dir) {
        Ok(i) => i,
        Err(e) => return report_config_error(&e, ColorArg::Auto),
    };
    let c = &configs.loaded[i];
    let file = (!is_dir).then_some(args.path.as_path());
    print_out(&c.render(file, &RuleId::ALL))
}

fn run_rules() -> ExitCode {
    let mut text = String::new();
    for id in RuleId::ALL {
        let summary =
            meta_of(id).map_or("(reserved for a rule not implemented yet)", |m| m.summary);
        text.push_str(&format!(
            "{:<22} {:<8} {summary}\n",
            id.as_str(),
            id.default_severity().as_str()
        ));
    }
    print_out(&text)
}

fn run_rule(id: &str) -> ExitCode {
    let Some(rule) = RuleId::parse(id) else {
        let hint = factlint::rules::closest(id)
            .map_or_else(String::new, |near| format!("; did you mean `{near}`?"));
        eprintln!("error: unknown rule id `{id}`{hint} (`factlint rules` lists them)");
        return ExitCode::from(2);
    };
    let text = match meta_of(rule) {
        Some(m) => format!(
            "{} (default: {})\n\n{}\n\n{}\n",
            rule.as_str(),
            rule.default_severity().as_str(),
            m.summary,
            m.explanation.trim_end()
        ),
        None => format!(
            "{} (default: {})\n\nReserved for a rule that is not implemented yet.\n",
            rule.as_str(),
            rule.default_severity().as_str()
        ),
    };
    print_out(&text)
}

fn run_init(dir: &Path) -> ExitCode {
    let dir = if dir == Path::new(".") {
        Path::new("")
    } else {
        dir
    };
    let config_path = dir.join(factlint::init::CONFIG_PATH);
    let facts_path = dir.join(factlint::init::FACTS_PATH);
    let existing: Vec<PathBuf> = config::FILE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .chain([facts_path.clone()])
        .filter(|p| p.exists())
        .collect();
    if !existing.is_empty() {
        for p in &existing {
            eprintln!(
                "error: {} already exists",
                factlint::base::paths::display_path(p)
            );
        }
        eprintln!("error: factlint init never overwrites a file; nothing was written");
        return ExitCode::from(2);
    }
    let written = facts_path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&config_path, factlint::init::CONFIG_TEMPLATE))
        .and_then(|()| std::fs::write(&facts_path, factlint::init::FACTS_TEMPLATE));
    if let Err(e) = written {
        eprintln!(
            "error: cannot write: {}",
            factlint::read::walk::io_message(&e)
        );
        return ExitCode::from(2);
    }
    let facts = factlint::base::paths::display_path(&facts_path);
    print_out(&format!(
        "wrote {}\nwrote {facts}\nnext: put your facts in {facts} (each with its source), then run `factlint facts check {facts}` and `factlint check`\n",
        factlint::base::paths::display_path(&config_path),
    ))
}

/// The day of the run (UTC): only for suppressions' `until=` dates.
fn today() -> Date {
    jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// The drafts of a check run with their fact bases.
struct Plan {
    jobs: Vec<FileJob>,
    bases: Vec<FactBase>,
    skipped: Vec<FileError>,
}

/// Finds each file's configuration, applies `include` / `exclude` and overrides, and
/// loads each distinct fact base once (files whose configurations name the same fact
/// files share one base). `globs: false` (unnamed standard input) applies the
/// configuration found from the current folder without its globs.
fn plan(
    args: &CheckArgs,
    files: Vec<PathBuf>,
    globs: bool,
    format: Format,
) -> Result<Plan, ExitCode> {
    let mut configs = match Configs::new(&args.config) {
        Ok(c) => c,
        Err(e) => return Err(report_config_error(&e, args.color)),
    };
    let named: BTreeSet<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let today = args.today.unwrap_or_else(today);
    let mut keys: Vec<(bool, Vec<PathBuf>)> = Vec::new();
    let mut base_of_config: HashMap<usize, usize> = HashMap::new();
    let mut plan = Plan {
        // One job per file, but for the excluded ones.
        jobs: Vec::with_capacity(files.len()),
        bases: Vec::new(),
        skipped: Vec::new(),
    };
    for path in files {
        let ci = configs
            .for_path(&path, false)
            .map_err(|e| report_config_error(&e, args.color))?;
        let c = &configs.loaded[ci];
        if globs && c.is_excluded(&path) {
            if named.contains(path.as_path()) {
                plan.skipped.push(FileError {
                    message: format!(
                        "skipped: excluded by {}",
                        c.path.as_deref().map_or_else(
                            || "the configuration".to_string(),
                            factlint::base::paths::display_path
                        )
                    ),
                    path,
                });
            }
            continue;
        }
        let base = *base_of_config.entry(ci).or_insert_with(|| {
            let mut fact_paths: Vec<PathBuf> = c.facts.iter().map(|p| shown(p)).collect();
            fact_paths.extend(args.source.facts.iter().cloned());
            let key = (c.default_facts && !args.source.no_default_facts, fact_paths);
            keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            })
        });
        plan.jobs.push(FileJob {
            opts: CheckOptions {
                default_date: args.date.or(c.date),
                levels: if globs {
                    c.levels_for(&path)
                } else {
                    c.rules.clone()
                },
                today: Some(today),
                report_unused_suppressions: args.report_unused_suppressions,
                max_file_size: Some(args.max_file_size),
            },
            path,
            base,
        });
    }
    if keys.is_empty() {
        // Nothing to check: the fact base is still loaded so that a broken one is reported.
        keys.push((!args.source.no_default_facts, args.source.facts.clone()));
    }
    for (default_facts, paths) in &keys {
        plan.bases
            .push(load_facts(*default_facts, paths, format, args.color)?);
    }
    Ok(plan)
}

/// Standard input as read, and the job that checked it (`None` when excluded).
struct StdinInput {
    bytes: Vec<u8>,
    job: Option<FileJob>,
}

/// Reads one draft from standard input and checks it.
fn run_stdin(
    args: &CheckArgs,
    format: Format,
) -> Result<(Report, Vec<FactBase>, StdinInput), ExitCode> {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdin>"));
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {e}");
        return Err(ExitCode::from(2));
    }
    // The configuration is found from the named path's folder (or the current folder).
    let lookup = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("stdin.md"));
    let Plan {
        jobs,
        mut bases,
        skipped,
    } = plan(args, vec![lookup], args.stdin_filename.is_some(), format)?;
    for base in &mut bases {
        base.names.expect_text(bytes.len() as u64);
    }
    let mut report = Report::default();
    debug_assert!(
        skipped.is_empty(),
        "only named paths are reported as skipped"
    );
    let Some(job) = jobs.into_iter().next() else {
        report.skipped.push(FileError {
            path: name,
            message: "skipped: excluded by the configuration's include / exclude".to_string(),
        });
        return Ok((report, bases, StdinInput { bytes, job: None }));
    };
    let input = StdinInput {
        bytes: bytes.clone(),
        job: Some(job.clone()),
    };
    match factlint::run::decode(bytes) {
        Ok(Some(text)) => {
            let result = check_text(&name, &text, &bases[job.base], &job.opts);
            let keep = !result.diagnostics.is_empty();
            report.files.push(CheckedFile {
                path: name,
                text: keep.then_some(text),
                result,
                base: job.base,
                stamp: None,
            });
        }
        Ok(None) => report.skipped.push(FileError {
            path: name,
            message: "skipped: a binary file".to_string(),
        }),
        Err(message) => report.errors.push(FileError {
            path: name,
            message,
        }),
    }
    Ok((report, bases, input))
}

fn run_check(args: CheckArgs) -> ExitCode {
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.paths.len() > 1 {
        eprintln!("error: `-` (standard input) cannot be combined with other paths");
        return ExitCode::from(2);
    }
    if !stdin && args.stdin_filename.is_some() {
        eprintln!("error: --stdin-filename needs `-` as the path to check");
        return ExitCode::from(2);
    }
    let (mut report, bases, jobs, input) = if stdin {
        match run_stdin(&args, format) {
            Ok((report, bases, input)) => (report, bases, Vec::new(), Some(input)),
            Err(code) => return code,
        }
    } else {
        let (files, walk_errors) = factlint::read::walk::collect(&args.paths);
        let Plan {
            jobs,
            mut bases,
            skipped,
        } = match plan(&args, files, true, format) {
            Ok(p) => p,
            Err(code) => return code,
        };
        factlint::run::expect_texts(&jobs, &mut bases);
        let dir = args.cache_dir.clone().or_else(|| {
            args.cache
                .then(|| PathBuf::from(factlint::run::cache::DEFAULT_DIR))
        });
        let mut report = match dir {
            Some(dir) => {
                let mut cache = factlint::run::cache::Cache::open(&dir);
                let report = factlint::run::check_jobs_cached(&jobs, &bases, &mut cache);
                // A cache that cannot be written costs the next run time, nothing else.
                if let Err(message) = cache.save() {
                    eprintln!("warning: {message}");
                }
                report
            }
            None => check_jobs(&jobs, &bases),
        };
        report.add_walk_errors(walk_errors);
        report.skipped.extend(skipped);
        report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        (report, bases, jobs, None)
    };
    let mut write_failed = false;
    if args.fix || args.diff {
        match apply_fixes(&args, &mut report, &bases, &jobs, input.as_ref()) {
            Ok(failed) => write_failed = failed,
            Err(code) => return code,
        }
    }
    report.drop_changed();
    // With `-` and --fix, standard output is the fixed draft: findings go to stderr.
    let to_stderr = stdin && args.fix;
    let mut out: Box<dyn Write> = if to_stderr {
        Box::new(io::stderr().lock())
    } else {
        Box::new(io::stdout().lock())
    };
    let written = match format {
        _ if args.diff => Ok(()),
        Format::Json => report::json::write(&report, &bases, &mut out),
        Format::Sarif => report::sarif::write(&report, &bases, &mut out),
        Format::Github => report::github::write(&report, &mut out),
        Format::Short => report::short::write(&report, &mut out),
        Format::Human => {
            drop(out);
            let mut out = if to_stderr {
                StandardStream::stderr(color_choice_for(args.color, io::stderr().is_terminal()))
            } else {
                StandardStream::stdout(color_choice(args.color))
            };
            report::human::write(&report, &bases, &mut out).and_then(|()| out.flush())
        }
    };
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    // The fact bases are not used again and the process ends soon: the system takes
    // their memory back at once, where freeing it would visit each of a large base's
    // allocations (about 8 ms for 10,000 facts, on every pre-commit run).
    std::mem::forget(bases);
    let count = |s: Severity| {
        report
            .diagnostics()
            .filter(|(_, d)| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let too_many_warnings = args.max_warnings.is_some_and(|max| warnings > max);
    // Skipped files and per-file notes go to stderr in every format: they are not
    // findings, and the JSON contract has no field for them.
    for s in &report.skipped {
        eprintln!(
            "note: {}: {}",
            factlint::base::paths::display_path(&s.path),
            s.message
        );
    }
    for f in &report.files {
        for n in f
            .result
            .notes
            .iter()
            .filter(|n| !n.starts_with("no article date"))
        {
            eprintln!(
                "note: {}: {n}",
                factlint::base::paths::display_path(&f.path)
            );
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
            "factlint: {} file(s) checked{}, {errors} error(s), {warnings} warning(s){}{}{}",
            report.files_checked(),
            if args.cache || args.cache_dir.is_some() {
                format!(" ({} from the cache)", report.cached)
            } else {
                String::new()
            },
            if infos > 0 {
                format!(", {infos} info")
            } else {
                String::new()
            },
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
        if too_many_warnings && let Some(max) = args.max_warnings {
            eprintln!("factlint: {warnings} warning(s) is more than --max-warnings {max}");
        }
    }
    if !stdin
        && report.files_checked() == 0
        && report.errors.is_empty()
        && report.skipped.is_empty()
        && args.paths.iter().all(|p| Path::new(p).is_dir())
    {
        eprintln!("note: no Markdown files found");
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let gated = threshold.is_some_and(|t| report.diagnostics().any(|(_, d)| d.severity >= t));
    if !report.errors.is_empty() || write_failed {
        ExitCode::from(2)
    } else if gated || too_many_warnings {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--fix` and `--diff`: fixes the drafts of the report (or standard input), prints the
/// diff or the fixed draft, notes what was left alone, and replaces the report with
/// what remains after fixing. `Ok(true)` when a file could not be written.
fn apply_fixes(
    args: &CheckArgs,
    report: &mut Report,
    bases: &[FactBase],
    jobs: &[FileJob],
    input: Option<&StdinInput>,
) -> Result<bool, ExitCode> {
    use factlint::fix::{WriteOutcome, unified_diff};
    use factlint::run::fix::{fix_report, fix_text};
    let mut stdout = io::stdout().lock();
    let mut print = |text: &[u8]| match stdout.write_all(text).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write output: {e}");
            Err(ExitCode::from(2))
        }
        _ => Ok(()),
    };
    if let Some(input) = input {
        // Standard input: one draft, fixed in memory.
        let checked = match (&input.job, report.files.first()) {
            (Some(job), Some(f)) => Some((job, f.path.clone(), f.base)),
            _ => None,
        };
        let Some((job, name, base)) = checked else {
            // Excluded or a binary file: passed through unchanged; unreadable: nothing.
            if args.fix && report.errors.is_empty() {
                print(&input.bytes)?;
            }
            return Ok(false);
        };
        let text = String::from_utf8_lossy(&input.bytes).into_owned();
        let fixed = fix_text(&name, &text, &bases[base], &job.opts);
        if args.diff {
            print(
                unified_diff(
                    &factlint::base::paths::display_path(&name),
                    &text,
                    &fixed.text,
                )
                .as_bytes(),
            )?;
            note_fixes(
                fixed.fixed,
                usize::from(fixed.text != text),
                fixed.conflicts,
                false,
            );
            return Ok(false);
        }
        print(fixed.text.as_bytes())?;
        note_fixes(
            fixed.fixed,
            usize::from(fixed.text != text),
            fixed.conflicts,
            true,
        );
        let result = check_text(&name, &fixed.text, &bases[base], &job.opts);
        let keep = !result.diagnostics.is_empty();
        report.files = vec![CheckedFile {
            path: name,
            text: keep.then_some(fixed.text),
            result,
            base,
            stamp: None,
        }];
        return Ok(false);
    }
    let outcomes = fix_report(report, bases, jobs, args.fix);
    let conflicts = outcomes.iter().map(|o| o.conflicts).sum();
    if args.diff {
        for o in &outcomes {
            print(o.diff.as_bytes())?;
        }
        let files = outcomes.iter().filter(|o| !o.diff.is_empty()).count();
        note_fixes(
            outcomes.iter().map(|o| o.fixed).sum(),
            files,
            conflicts,
            false,
        );
        return Ok(false);
    }
    let (mut fixed, mut files, mut failed) = (0, 0, false);
    for o in &outcomes {
        let path = factlint::base::paths::display_path(&o.path);
        match &o.write {
            Some(Ok(WriteOutcome::Written)) => {
                fixed += o.fixed;
                files += 1;
            }
            Some(Ok(WriteOutcome::ChangedOnDisk)) => {
                eprintln!("note: {path}: changed on disk since it was read; left alone");
            }
            Some(Ok(WriteOutcome::ReadOnly)) => {
                eprintln!("note: {path}: read-only; left alone");
            }
            Some(Err(e)) => {
                eprintln!("error: cannot write {path}: {e}");
                failed = true;
            }
            None => {}
        }
    }
    note_fixes(fixed, files, conflicts, true);
    if files > 0 {
        // What remains: the drafts as they are now, checked again (corpus findings too).
        let again = check_jobs(jobs, bases);
        let walked: Vec<FileError> = std::mem::take(&mut report.errors)
            .into_iter()
            .filter(|e| !jobs.iter().any(|j| j.path == e.path))
            .collect();
        report.files = again.files;
        report.errors = again.errors;
        report.errors.extend(walked);
        report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    }
    Ok(failed)
}

/// One line on standard error: how many findings were (or would be) fixed.
fn note_fixes(fixed: usize, files: usize, conflicts: usize, applied: bool) {
    if applied {
        eprintln!("factlint: fixed {fixed} finding(s) in {files} file(s)");
    } else {
        eprintln!(
            "factlint: {fixed} finding(s) in {files} file(s) would be fixed (--diff: nothing was changed)"
        );
    }
    if conflicts > 0 {
        eprintln!("note: {conflicts} fix(es) overlap another and were not applied");
    }
}

fn run_facts_list(args: FactsListArgs) -> ExitCode {
    use factlint::facts::listing::{self, Kind};
    let base = match load_facts(
        !args.source.no_default_facts,
        &args.source.facts,
        Format::Human,
        ColorArg::Auto,
    ) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let kind = args.kind.map(|k| match k {
        KindArg::Entity => Kind::Entity,
        KindArg::Event => Kind::Event,
        KindArg::Quantity => Kind::Quantity,
        KindArg::Product => Kind::Product,
        KindArg::Family => Kind::Family,
        KindArg::Lineup => Kind::Lineup,
    });
    print_out(&listing::render(&listing::list(&base, kind)))
}

fn run_facts_show(args: FactsShowArgs) -> ExitCode {
    use factlint::facts::listing;
    let base = match load_facts(
        !args.source.no_default_facts,
        &args.source.facts,
        Format::Human,
        ColorArg::Auto,
    ) {
        Ok(b) => b,
        Err(code) => return code,
    };
    match listing::show(&base, &args.id) {
        Some(text) => print_out(&text),
        None => {
            eprintln!(
                "error: no entity, fact, product, family or line-up has the id `{}`",
                args.id
            );
            let similar = listing::similar_ids(&base, &args.id);
            if !similar.is_empty() {
                eprintln!("note: similar ids: {}", similar.join(", "));
            }
            ExitCode::from(2)
        }
    }
}
