//! The commands other than `check`: `facts`, `config`, `rules`, `rule`, `init`.

use crate::*;

/// Writes a whole JSON or SARIF document for a run that checked nothing (other formats
/// have shown the problems on standard error already).
pub(crate) fn write_failures(format: Format, failures: &[report::Failure]) {
    if let Some(path) = OUTPUT_FILE.get() {
        // `check --output-file`: the document goes to the file, whole.
        if !format.is_document() {
            return;
        }
        let mut buf = Vec::new();
        if let Err(e) =
            failures_document(format, failures, &mut buf).and_then(|()| write_whole(path, &buf))
        {
            eprintln!(
                "error: cannot write {}: {e}",
                factlint::base::paths::display_path(path)
            );
        }
        return;
    }
    let mut out = io::stdout().lock();
    let written = failures_document(format, failures, &mut out);
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
    }
}

/// `check --output-file`: where the report goes instead of standard output.
pub(crate) static OUTPUT_FILE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Writes `bytes` to `path` whole or not at all: into a temporary file in the same
/// folder, then renamed over `path`.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // A report is an ordinary file, not a private one (temporary files are 0600).
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The whole document of a run that checked nothing, in a document format.
fn failures_document(
    format: Format,
    failures: &[report::Failure],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json
            if crate::cli::claims::CLAIMS_JSON.load(std::sync::atomic::Ordering::Relaxed) =>
        {
            report::claims::write_failures(failures, out)
        }
        Format::Json => report::json::write_failures(failures, out),
        Format::Sarif => report::sarif::write_failures(failures, out),
        Format::Gitlab => report::gitlab::write_failures(failures, out),
        Format::Rdjson => report::rdjson::write_failures(failures, out),
        Format::Junit => report::junit::write_failures(failures, out),
        _ => Ok(()),
    }
}

/// Loads a fact base, or reports why it cannot and returns the exit code. `configs` are
/// the configurations whose `facts` may have named the paths: a path one of them names
/// that cannot be read is reported at its line in that configuration.
pub(crate) fn load_facts(
    default_facts: bool,
    paths: &[PathBuf],
    configs: &[config::Config],
    format: Format,
    color: ColorArg,
) -> Result<FactBase, ExitCode> {
    let mut files = if default_facts {
        FactBase::builtin_files()
    } else {
        Vec::new()
    };
    match read_fact_files(paths, |_| {}) {
        Ok(mut more) => files.append(&mut more),
        Err(e) => {
            let shown_path = factlint::base::paths::display_path(&e.path);
            let named = configs.iter().find_map(|c| {
                let j = c.facts.iter().position(|f| {
                    let f = shown(f);
                    e.path == f || e.path.starts_with(&f)
                })?;
                // The file that names it: this configuration or one it extends.
                let file = c.fact_origins.get(j).or(c.path.as_ref())?;
                Some(ConfigError {
                    path: file.clone(),
                    text: std::fs::read_to_string(file).unwrap_or_default(),
                    problems: vec![config::Problem {
                        span: c.fact_spans.get(j).cloned().unwrap_or(0..0),
                        message: format!("cannot read fact file {shown_path}: {}", e.message),
                        label: "named here".to_string(),
                    }],
                })
            });
            if let Some(ce) = named {
                return Err(report_config_error(&ce, color, format));
            }
            eprintln!("error: cannot read fact file {shown_path}: {}", e.message);
            write_failures(
                format,
                &[report::Failure {
                    path: shown_path,
                    at: None,
                    message: format!("cannot read fact file: {}", e.message),
                }],
            );
            return Err(ExitCode::from(2));
        }
    }
    FactBase::load_keeping_files(files).map_err(|(errors, kept)| {
        let result = match format {
            _ if format.is_document() => {
                write_failures(format, &report::Failure::of_facts(&errors, &kept));
                let mut err = StandardStream::stderr(color_choice(color));
                report::human::write_fact_errors(&errors, &kept, &mut err)
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

pub(crate) fn run_facts_check(args: FactsArgs) -> ExitCode {
    let config =
        Configs::new(args.config.config.as_deref(), args.config.no_config).and_then(|mut c| {
            let i = c.for_path(Path::new("."), true)?;
            Ok(c.loaded.swap_remove(i))
        });
    let config = match config {
        Ok(c) => c,
        Err(e) => return report_config_error(&e, args.color, Format::Human),
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
        std::slice::from_ref(&config),
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

/// Shows a configuration that cannot be used (on standard error; JSON and SARIF also get
/// a whole document on standard output) and returns exit code 2.
pub(crate) fn report_config_error(e: &ConfigError, color: ColorArg, format: Format) -> ExitCode {
    write_failures(format, &report::Failure::of_config(e));
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

pub(crate) fn run_config(args: ConfigArgs) -> ExitCode {
    let mut configs = match Configs::new(args.config.config.as_deref(), args.config.no_config) {
        Ok(c) => c,
        Err(e) => return report_config_error(&e, ColorArg::Auto, Format::Human),
    };
    let is_dir = args.path.is_dir();
    let i = match configs.for_path(&args.path, is_dir) {
        Ok(i) => i,
        Err(e) => return report_config_error(&e, ColorArg::Auto, Format::Human),
    };
    let c = &configs.loaded[i];
    let file = (!is_dir).then_some(args.path.as_path());
    print_out(&c.render(file, &RuleId::ALL))
}

pub(crate) fn run_rules() -> ExitCode {
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

pub(crate) fn run_rule(id: &str) -> ExitCode {
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

pub(crate) fn run_init(dir: &Path) -> ExitCode {
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

pub(crate) fn run_facts_list(args: FactsListArgs) -> ExitCode {
    use factlint::facts::listing::{self, Kind};
    let base = match load_facts(
        !args.source.no_default_facts,
        &args.source.facts,
        &[],
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

pub(crate) fn run_facts_stats(args: FactsStatsArgs) -> ExitCode {
    use factlint::facts::stats;
    let base = match load_facts(
        !args.source.no_default_facts,
        &args.source.facts,
        &[],
        Format::Human,
        ColorArg::Auto,
    ) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let s = stats::stats(&base);
    match args.format {
        StatsFormatArg::Json => match serde_json::to_string_pretty(&s) {
            Ok(json) => print_out(&(json + "\n")),
            Err(e) => {
                eprintln!("error: cannot write JSON: {e}");
                ExitCode::from(2)
            }
        },
        StatsFormatArg::Human => print_out(&render_stats(&s)),
    }
}

/// The human form of `factlint facts stats`: the totals, then one row per file.
fn render_stats(s: &factlint::facts::stats::Stats) -> String {
    use std::fmt::Write as _;
    let c = &s.counts;
    let mut out = String::new();
    let checked = s
        .newest_checked
        .map_or_else(|| "never".to_string(), |d| d.to_string());
    let _ = writeln!(
        out,
        "{} item(s) in {} file(s); newest checked day: {checked}",
        c.total(),
        s.files.len()
    );
    for (name, n) in [
        ("entities", c.entities),
        ("events", c.events),
        ("quantities", c.quantities),
        ("products", c.products),
        ("families", c.families),
        ("line-ups", c.lineups),
    ] {
        let _ = writeln!(out, "  {name:<11}{n:>6}");
    }
    let _ = writeln!(
        out,
        "  {:<11}{:>6}  (events and quantities, about {} entities)",
        "dated",
        c.dated(),
        s.entities_with_facts
    );
    let _ = writeln!(
        out,
        "  {:<11}{:>6}  (products on secondary sources only: their findings are warnings)",
        "secondary", s.secondary_only
    );
    let width = s
        .files
        .iter()
        .map(|f| f.file.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "\n{:<width$}  entities  events  quantities  products  families  line-ups  secondary  checked",
        "file"
    );
    for f in &s.files {
        let fc = &f.counts;
        let day = f.checked.map_or_else(|| "-".to_string(), |d| d.to_string());
        let _ = writeln!(
            out,
            "{:<width$}  {:>8}  {:>6}  {:>10}  {:>8}  {:>8}  {:>8}  {:>9}  {day}",
            f.file,
            fc.entities,
            fc.events,
            fc.quantities,
            fc.products,
            fc.families,
            fc.lineups,
            f.secondary_only
        );
    }
    out
}

pub(crate) fn run_facts_show(args: FactsShowArgs) -> ExitCode {
    use factlint::facts::listing;
    let base = match load_facts(
        !args.source.no_default_facts,
        &args.source.facts,
        &[],
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
