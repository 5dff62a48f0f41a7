//! `factlint claims`: every value and product name of the drafts with what attribution
//! made of it; the same configuration, fact-base and path options as `check`.

use crate::*;

use factlint::run::claims::{ClaimsReport, claims_jobs, claims_text};

/// The check arguments that plan the same run as `check` would.
fn as_check(args: ClaimsArgs) -> (CheckArgs, ClaimsFormatArg, bool) {
    let format = args.format;
    let unattributed = args.unattributed;
    let check = CheckArgs {
        paths: args.paths,
        source: args.source,
        config: args.config,
        date: args.date,
        max_file_size: args.max_file_size,
        format: match format {
            ClaimsFormatArg::Text => FormatArg::Human,
            ClaimsFormatArg::Json => FormatArg::Json,
        },
        color: ColorArg::Never,
        fail_on: FailOn::Never,
        max_warnings: None,
        report_unused_suppressions: false,
        stdin_filename: args.stdin_filename,
        today: None,
        fix: false,
        diff: false,
        cache: false,
        cache_dir: None,
        coverage: false,
        no_ignore: args.no_ignore,
        baseline: BaselineArgs::default(),
        select: Vec::new(),
        ignore: Vec::new(),
        quiet: false,
        min_severity: None,
        output_file: None,
        statistics: false,
        rules: RuleSelection::default(),
    };
    (check, format, unattributed)
}

/// Set by `factlint claims --format json`: a configuration or fact base that cannot be
/// used is reported as a document of the claims contract, not of `check`'s.
pub(crate) static CLAIMS_JSON: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

pub(crate) fn run_claims(args: ClaimsArgs) -> ExitCode {
    let (args, format, unattributed) = as_check(args);
    CLAIMS_JSON.store(
        matches!(format, ClaimsFormatArg::Json),
        std::sync::atomic::Ordering::Relaxed,
    );
    let plan_format = match format {
        ClaimsFormatArg::Text => Format::Human,
        ClaimsFormatArg::Json => Format::Json,
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
    let mut report = ClaimsReport::default();
    if stdin {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("<stdin>"));
        let mut bytes = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
            eprintln!("error: cannot read standard input: {e}");
            return ExitCode::from(2);
        }
        let lookup = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("stdin.md"));
        let plan = match cli::check::plan(
            &args,
            vec![lookup],
            args.stdin_filename.is_some(),
            plan_format,
        ) {
            Ok(p) => p,
            Err(code) => return code,
        };
        let (jobs, bases) = plan.into_parts();
        match jobs.first() {
            None => report.skipped.push(FileError {
                path: name,
                message: "skipped: excluded by the configuration's include / exclude".into(),
            }),
            Some(job) => match factlint::run::decode(bytes) {
                Ok(Some(text)) => report.files.push(claims_text(
                    &name,
                    &text,
                    &bases[job.base],
                    job.opts.default_date,
                )),
                Ok(None) => report.skipped.push(FileError {
                    path: name,
                    message: "skipped: a binary file".into(),
                }),
                Err(message) => report.errors.push(FileError {
                    path: name,
                    message,
                }),
            },
        }
        std::mem::forget(bases);
    } else {
        let (files, walk_errors) = cli::walk::files(&args);
        let plan = match cli::check::plan(&args, files, true, plan_format) {
            Ok(p) => p,
            Err(code) => return code,
        };
        let skipped = plan.skipped.clone();
        let (jobs, mut bases) = plan.into_parts();
        factlint::run::expect_texts(&jobs, &mut bases);
        report = claims_jobs(&jobs, &bases);
        report
            .errors
            .extend(walk_errors.into_iter().map(|e| FileError {
                path: e.path,
                message: e.message,
            }));
        report.errors.sort_by(|a, b| a.path.cmp(&b.path));
        report.skipped.extend(skipped);
        report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        std::mem::forget(bases);
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match format {
        ClaimsFormatArg::Json => report::claims::write_json(&report, unattributed, &mut out),
        ClaimsFormatArg::Text => report::claims::write_text(&report, unattributed, &mut out),
    }
    .and_then(|()| out.flush());
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    for s in &report.skipped {
        eprintln!(
            "note: {}: {}",
            factlint::base::paths::display_path(&s.path),
            s.message
        );
    }
    if matches!(format, ClaimsFormatArg::Text) {
        for e in &report.errors {
            eprintln!(
                "error: {}: {}",
                factlint::base::paths::display_path(&e.path),
                e.message
            );
        }
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
