//! `factlint check`: the plan of a run (each file's configuration and fact base),
//! standard input, the run, `--fix` and `--diff`, and the exit code.

use crate::*;

/// `--select` and `--ignore`, read: which rules run whatever the configuration says.
#[derive(Clone, Debug, Default)]
pub(crate) struct RuleSelection {
    /// `--select`: when not empty, only these rules run.
    pub(crate) select: BTreeSet<RuleId>,
    /// `--ignore`: these rules never run.
    pub(crate) ignore: BTreeSet<RuleId>,
}

impl RuleSelection {
    /// Reads the ids of `--select` and `--ignore`; an unknown id is an error naming the
    /// closest known one.
    pub(crate) fn parse(select: &[String], ignore: &[String]) -> Result<RuleSelection, String> {
        let ids = |names: &[String], flag: &str| -> Result<BTreeSet<RuleId>, String> {
            names
                .iter()
                .map(|n| n.trim())
                .filter(|n| !n.is_empty())
                .map(|n| {
                    RuleId::parse(n).ok_or_else(|| {
                        let hint = factlint::rules::closest(n)
                            .map_or_else(String::new, |near| format!("; did you mean `{near}`?"));
                        format!("{flag}: unknown rule id `{n}`{hint} (`factlint rules` lists them)")
                    })
                })
                .collect()
        };
        Ok(RuleSelection {
            select: ids(select, "--select")?,
            ignore: ids(ignore, "--ignore")?,
        })
    }

    /// Applies the selection to a file's configured levels: the command line wins over
    /// the configuration (a selected rule that is `off` there runs at its default
    /// severity; a configured severity of a selected rule is kept).
    pub(crate) fn apply(&self, levels: &mut factlint::config::Levels) {
        use factlint::config::Level;
        if !self.select.is_empty() {
            for id in RuleId::ALL {
                if !self.select.contains(&id) {
                    levels.insert(id, Level::Off);
                } else if levels.get(&id) == Some(&Level::Off) {
                    levels.remove(&id);
                }
            }
        }
        for id in &self.ignore {
            levels.insert(*id, Level::Off);
        }
    }
}

/// The drafts of a check run with their fact bases.
pub(crate) struct Plan {
    jobs: Vec<FileJob>,
    bases: Vec<FactBase>,
    pub(crate) skipped: Vec<FileError>,
    /// Each checked file's baseline from its configuration (`baseline = "..."`).
    baseline_of: HashMap<PathBuf, PathBuf>,
}

/// `--baseline` and `--write-baseline` (see `factlint::run::baseline`).
#[derive(clap::Args, Default)]
pub(crate) struct BaselineArgs {
    /// Report only the findings this baseline file does not hold (instead of the
    /// `baseline` of factlint.toml).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record every finding in this baseline file (TOML) instead of reporting them.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    pub(crate) write_baseline: Option<PathBuf>,
}

impl Plan {
    /// The jobs and their fact bases.
    pub(crate) fn into_parts(self) -> (Vec<FileJob>, Vec<FactBase>) {
        (self.jobs, self.bases)
    }
}

/// Finds each file's configuration, applies `include` / `exclude` and overrides, and
/// loads each distinct fact base once (files whose configurations name the same fact
/// files share one base). `globs: false` (unnamed standard input) applies the
/// configuration found from the current folder without its globs.
pub(crate) fn plan(
    args: &CheckArgs,
    files: Vec<PathBuf>,
    globs: bool,
    format: Format,
) -> Result<Plan, ExitCode> {
    let mut configs = match Configs::new(args.config.config.as_deref(), args.config.no_config) {
        Ok(c) => c,
        Err(e) => return Err(report_config_error(&e, args.color, format)),
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
        baseline_of: HashMap::new(),
    };
    for path in files {
        let ci = configs
            .for_path(&path, false)
            .map_err(|e| report_config_error(&e, args.color, format))?;
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
        if let Some(b) = &c.baseline {
            plan.baseline_of.insert(path.clone(), shown(b));
        }
        plan.jobs.push(FileJob {
            opts: CheckOptions {
                default_date: args.date.or(c.date),
                levels: {
                    let mut levels = if globs {
                        c.levels_for(&path)
                    } else {
                        c.rules.clone()
                    };
                    args.rules.apply(&mut levels);
                    levels
                },
                today: Some(today),
                report_unused_suppressions: args.report_unused_suppressions,
                max_file_size: Some(args.max_file_size),
                coverage: args.coverage,
                date_format: c.date_format.clone(),
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
        plan.bases.push(load_facts(
            *default_facts,
            paths,
            &configs.loaded,
            format,
            args.color,
        )?);
    }
    Ok(plan)
}

/// Standard input as read, and the job that checked it (`None` when excluded).
pub(crate) struct StdinInput {
    bytes: Vec<u8>,
    job: Option<FileJob>,
    baseline_of: HashMap<PathBuf, PathBuf>,
}

/// Reads one draft from standard input and checks it.
pub(crate) fn run_stdin(
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
        baseline_of,
    } = plan(args, vec![lookup], args.stdin_filename.is_some(), format)?;
    for base in &mut bases {
        base.names.expect_text(bytes.len() as u64);
    }
    // The configuration's baseline applies to the draft under its shown name.
    let baseline_of: HashMap<PathBuf, PathBuf> = baseline_of
        .into_values()
        .map(|b| (name.clone(), b))
        .collect();
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
        return Ok((
            report,
            bases,
            StdinInput {
                bytes,
                job: None,
                baseline_of,
            },
        ));
    };
    let input = StdinInput {
        bytes: bytes.clone(),
        job: Some(job.clone()),
        baseline_of,
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

/// The severity of `--min-severity`.
fn severity_of(s: SeverityArg) -> Severity {
    match s {
        SeverityArg::Error => Severity::Error,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Info => Severity::Info,
    }
}

/// `--statistics`: the counts per rule instead of the findings (human, short), in the
/// document (json), or after it on standard error (the other formats, whose documents
/// have no place for them).
fn write_statistics(
    format: Format,
    report: &Report,
    bases: &[FactBase],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human | Format::Short => out.write_all(report::statistics_text(report).as_bytes()),
        Format::Json => report::json::write_with(report, bases, out, true),
        _ => {
            write_report(format, report, bases, out)?;
            eprint!("{}", report::statistics_text(report));
            Ok(())
        }
    }
}

/// Writes the report in a format other than `human`.
fn write_report(
    format: Format,
    report: &Report,
    bases: &[FactBase],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => report::json::write(report, bases, out),
        Format::Sarif => report::sarif::write(report, bases, out),
        Format::Github => report::github::write(report, out),
        Format::Gitlab => report::gitlab::write(report, out),
        Format::Rdjson => report::rdjson::write(report, out),
        Format::Junit => report::junit::write(report, out),
        Format::Short => report::short::write(report, out),
        Format::Human => {
            let mut out = codespan_reporting::term::termcolor::NoColor::new(out);
            report::human::write(report, bases, &mut out)
        }
    }
}

/// How many files with findings the human summary names; the rest are counted.
const FILES_NAMED: usize = 20;

/// The human summary's lines for the files with findings, in the report's sorted order:
/// `  PATH: 2 error(s), 1 warning(s)`, at most [`FILES_NAMED`] of them, then
/// `  … and N more file(s)`. Printed just before the summary line, so that a person who
/// sees only the end of a long run sees which files to open.
fn files_with_findings(report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    let mut with = 0usize;
    for f in &report.files {
        let n = |s: Severity| {
            f.result
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let counts: Vec<String> = [
            (n(Severity::Error), "error(s)"),
            (n(Severity::Warning), "warning(s)"),
            (n(Severity::Info), "info"),
        ]
        .into_iter()
        .filter(|(c, _)| *c > 0)
        .map(|(c, what)| format!("{c} {what}"))
        .collect();
        if counts.is_empty() {
            continue;
        }
        with += 1;
        if with <= FILES_NAMED {
            lines.push(format!(
                "  {}: {}",
                factlint::base::paths::display_path(&f.path),
                counts.join(", ")
            ));
        }
    }
    if with > FILES_NAMED {
        lines.push(format!("  … and {} more file(s)", with - FILES_NAMED));
    }
    lines
}

pub(crate) fn run_check(mut args: CheckArgs) -> ExitCode {
    args.rules = match RuleSelection::parse(&args.select, &args.ignore) {
        Ok(r) => r,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.output_file {
        let _ = OUTPUT_FILE.set(path.clone());
    }
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
        FormatArg::Rdjson => Format::Rdjson,
        FormatArg::Junit => Format::Junit,
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
    let (mut report, bases, jobs, input, baseline_of) = if stdin {
        match run_stdin(&args, format) {
            Ok((report, bases, mut input)) => {
                let b = std::mem::take(&mut input.baseline_of);
                (report, bases, Vec::new(), Some(input), b)
            }
            Err(code) => return code,
        }
    } else {
        let (files, walk_errors) = cli::walk::files(&args);
        let Plan {
            jobs,
            mut bases,
            skipped,
            baseline_of,
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
        (report, bases, jobs, None, baseline_of)
    };
    let mut write_failed = false;
    if args.fix || args.diff {
        match apply_fixes(&args, &mut report, &bases, &jobs, input.as_ref()) {
            Ok(failed) => write_failed = failed,
            Err(code) => return code,
        }
    }
    if let Some(min) = args.min_severity {
        // What is shown, and so what the exit code is computed from (as ruff and
        // eslint do): hidden findings neither fail the run nor count as warnings.
        let min = severity_of(min);
        for f in &mut report.files {
            f.result.diagnostics.retain(|d| d.severity >= min);
        }
    }
    report.drop_changed();
    if let Some(file) = &args.baseline.write_baseline {
        return write_baseline(file, &report);
    }
    let hidden = match apply_baselines(&args, &mut report, &baseline_of, format) {
        Ok(hidden) => hidden,
        Err(code) => return code,
    };
    // With `-` and --fix, standard output is the fixed draft: findings go to stderr.
    let to_stderr = stdin && args.fix;
    let written = if args.diff {
        Ok(())
    } else if let Some(path) = &args.output_file {
        // The whole report is made in memory and then written at once, so that the
        // file is never left half written.
        let mut buf = Vec::new();
        let rendered = match format {
            _ if args.statistics => write_statistics(format, &report, &bases, &mut buf),
            Format::Human => {
                let mut out = codespan_reporting::term::termcolor::NoColor::new(&mut buf);
                report::human::write_with(&report, &bases, &mut out, !args.quiet)
            }
            _ => write_report(format, &report, &bases, &mut buf),
        };
        match rendered.and_then(|()| write_whole(path, &buf)) {
            Ok(()) => Ok(()),
            Err(e) => {
                eprintln!(
                    "error: cannot write {}: {e}",
                    factlint::base::paths::display_path(path)
                );
                return ExitCode::from(2);
            }
        }
    } else if args.statistics {
        let mut out: Box<dyn Write> = if to_stderr {
            Box::new(io::stderr().lock())
        } else {
            Box::new(io::stdout().lock())
        };
        write_statistics(format, &report, &bases, &mut out).and_then(|()| out.flush())
    } else if matches!(format, Format::Human) {
        let mut out = if to_stderr {
            StandardStream::stderr(color_choice_for(args.color, io::stderr().is_terminal()))
        } else {
            StandardStream::stdout(color_choice(args.color))
        };
        report::human::write_with(&report, &bases, &mut out, !args.quiet).and_then(|()| out.flush())
    } else {
        let mut out: Box<dyn Write> = if to_stderr {
            Box::new(io::stderr().lock())
        } else {
            Box::new(io::stdout().lock())
        };
        write_report(format, &report, &bases, &mut out).and_then(|()| out.flush())
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
    for s in report.skipped.iter().filter(|_| !args.quiet) {
        eprintln!(
            "note: {}: {}",
            factlint::base::paths::display_path(&s.path),
            s.message
        );
    }
    for f in report.files.iter().filter(|_| !args.quiet) {
        for n in &f.result.notes {
            eprintln!(
                "note: {}: {n}",
                factlint::base::paths::display_path(&f.path)
            );
        }
    }
    if (matches!(format, Format::Human) || args.output_file.is_some()) && !args.quiet {
        for line in files_with_findings(&report) {
            eprintln!("{line}");
        }
        eprintln!(
            "factlint: {} file(s) checked{}, {errors} error(s), {warnings} warning(s){}{}{}{}",
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
            hidden.map_or_else(String::new, |n| format!(
                ", {n} finding(s) hidden by the baseline"
            )),
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
    if !matches!(format, Format::Human)
        && let Some(n) = hidden.filter(|&n| n > 0)
    {
        eprintln!("note: {n} finding(s) hidden by the baseline");
    }
    if args.coverage {
        // On standard error in every format, after the findings and the summary
        // line: the JSON and SARIF contracts have no field for it.
        let mut c = factlint::analysis::outcome::Coverage::default();
        for f in &report.files {
            if let Some(fc) = &f.result.coverage {
                c.merge(fc);
            }
        }
        eprintln!("factlint: {}", c.line());
    }
    if !stdin
        && !args.quiet
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
pub(crate) fn apply_fixes(
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
pub(crate) fn note_fixes(fixed: usize, files: usize, conflicts: usize, applied: bool) {
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

/// `--write-baseline FILE`: records every finding of the report in `file`; exit 0, or
/// 2 (and nothing written) when a draft could not be read or the file not written.
pub(crate) fn write_baseline(file: &Path, report: &Report) -> ExitCode {
    use factlint::base::paths::display_path;
    if !report.errors.is_empty() {
        for e in &report.errors {
            eprintln!("error: {}: {}", display_path(&e.path), e.message);
        }
        eprintln!(
            "error: {} file(s) could not be checked; the baseline {} was not written",
            report.errors.len(),
            display_path(file)
        );
        return ExitCode::from(2);
    }
    let baseline = factlint::run::baseline::Baseline::record(file, report);
    if let Err(e) = std::fs::write(file, baseline.to_toml()) {
        eprintln!("error: cannot write baseline {}: {e}", display_path(file));
        return ExitCode::from(2);
    }
    let files: BTreeSet<&str> = baseline.entries.keys().map(|k| k.path.as_str()).collect();
    eprintln!(
        "factlint: wrote {} finding(s) in {} file(s) to {}",
        baseline.len(),
        files.len(),
        display_path(file)
    );
    ExitCode::SUCCESS
}

/// Leaves out the findings of the baselines that apply (`--baseline`, or each file's
/// configured `baseline`); how many were hidden (`None`: no baseline applied), or the
/// exit code of a baseline that cannot be read (2).
pub(crate) fn apply_baselines(
    args: &CheckArgs,
    report: &mut Report,
    baseline_of: &HashMap<PathBuf, PathBuf>,
    format: Format,
) -> Result<Option<usize>, ExitCode> {
    use factlint::run::baseline::Baseline;
    let files: BTreeSet<&PathBuf> = match &args.baseline.baseline {
        Some(b) => BTreeSet::from([b]),
        None => baseline_of.values().collect(),
    };
    if files.is_empty() {
        return Ok(None);
    }
    let mut hidden = 0;
    for file in files {
        let b = Baseline::load(file).map_err(|e| {
            let path = factlint::base::paths::display_path(&e.path);
            let at = e.at.map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
            eprintln!("error: {path}{at}: {}", e.message);
            write_failures(
                format,
                &[report::Failure {
                    path,
                    at: e.at,
                    message: e.message.clone(),
                }],
            );
            ExitCode::from(2)
        })?;
        hidden += if args.baseline.baseline.is_some() {
            b.apply(report, |_| true)
        } else {
            b.apply(report, |p| baseline_of.get(p) == Some(file))
        };
    }
    Ok(Some(hidden))
}
