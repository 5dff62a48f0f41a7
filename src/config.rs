//! Configuration: `factlint.toml` (or `.factlint.toml`), found by walking up from each
//! checked file's folder (the nearest wins), or named with `--config`. A file can
//! build on others with `extends` (see [`Config::load`] for what merges and what
//! replaces; docs/configuration.md for users).
//!
//! The format is strict: an unknown key, an unknown rule id, a bad glob or a bad date is
//! an error with a span in the TOML, so a typo never silently does nothing.
//!
//! ```toml
//! extends = "../factlint.toml"      # or a list; relative to this file
//! extensions = [".qmd", ".Rmd"]     # more files read as Markdown in a walked folder
//! facts = ["facts"]                 # fact files or folders, relative to this file
//! default-facts = true              # the built-in base too
//! include = ["content/**"]          # globs relative to this file
//! exclude = ["drafts/archive"]
//! date = "2024-11-22"               # article date for drafts without front matter `date`
//! date-format = "%d/%m/%Y"          # front matter dates such as 22/11/2024
//! require-date = true               # an undated draft is an error (`missing-date`)
//! baseline = "factlint-baseline.toml" # findings already known (`check --write-baseline`)
//!
//! [rules]
//! unknown-model = "error"           # error | warning | info | off
//!
//! [[overrides]]
//! files = ["archive/**"]
//! rules = { stale-value = "off" }
//! ```
//!
//! This module reads and resolves configurations and never prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::base::diagnostic::Severity;
use crate::facts::schema::RawDate;
use crate::rules::RuleId;

/// The file names looked for in each folder, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["factlint.toml", ".factlint.toml"];

/// A severity as configured: a [`Severity`], or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as info.
    Info,
    /// Do not report.
    Off,
}

impl Level {
    /// The severity, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }

    /// The lowercase name, as written in `factlint.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Off => "off",
        }
    }

    /// The level of a severity.
    pub fn of(s: Severity) -> Level {
        match s {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }
}

/// Rule severities that differ from the rules' defaults.
pub type Levels = BTreeMap<RuleId, Level>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    extends: Option<Spanned<OneOrMany>>,
    extensions: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    facts: Vec<Spanned<String>>,
    default_facts: Option<bool>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    date: Option<Spanned<RawDate>>,
    date_format: Option<Spanned<String>>,
    require_date: Option<bool>,
    baseline: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

/// `extends = "a.toml"` or `extends = ["a.toml", "b.toml"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    files: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
}

/// A set of globs, matched against paths relative to the configuration's folder.
#[derive(Clone, Debug, Default)]
pub struct Globs {
    /// The patterns as written.
    pub patterns: Vec<String>,
    /// The absolute folder they are relative to: that of the configuration file that
    /// wrote them (which may be one that `extends` named).
    pub dir: PathBuf,
    set: Option<GlobSet>,
}

impl Globs {
    /// True if any pattern matches `path`, taken relative to [`Globs::dir`]; false for
    /// a path outside it.
    pub fn matches_path(&self, path: &Path) -> bool {
        relative_to_dir(&self.dir, path).is_some_and(|rel| self.is_match(&rel))
    }

    /// True if any pattern matches the relative path (`/`-separated).
    pub fn is_match(&self, rel: &str) -> bool {
        self.set.as_ref().is_some_and(|s| s.is_match(rel))
    }

    /// True if there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// `[[overrides]]`: other severities for the files its globs match.
#[derive(Clone, Debug)]
pub struct Override {
    /// The files it applies to.
    pub files: Globs,
    /// Their severities.
    pub rules: Levels,
}

/// A resolved configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file it was read from; `None` for the defaults (no file found, `--no-config`).
    pub path: Option<PathBuf>,
    /// The absolute folder that `facts` and the globs are relative to.
    pub dir: PathBuf,
    /// The files `extends` brought in (directly or through another), in the order they
    /// were applied, each once.
    pub extended: Vec<PathBuf>,
    /// Fact files or folders, resolved against the folder of the configuration that
    /// names them: those of the extended files first, then this file's.
    pub facts: Vec<PathBuf>,
    /// The span of each of [`Config::facts`] in the text of the configuration file
    /// that names it ([`Config::fact_origins`]).
    pub fact_spans: Vec<Range<usize>>,
    /// The configuration file that names each of [`Config::facts`].
    pub fact_origins: Vec<PathBuf>,
    /// Whether the built-in fact base is used.
    pub default_facts: bool,
    /// If not empty, only files matching one of these are checked.
    pub include: Globs,
    /// Files (or folders) matching one of these are not checked.
    pub exclude: Globs,
    /// The article date for drafts whose front matter has none.
    pub date: Option<Date>,
    /// `date-format`: a `strftime` format for front matter dates (`%d/%m/%Y`).
    pub date_format: Option<String>,
    /// `require-date`: a draft with no readable article date is an error
    /// (`missing-date` at `error` unless `[rules]` sets it).
    pub require_date: bool,
    /// `baseline`: a baseline file (see `run::baseline`), resolved against the folder
    /// of the configuration that names it.
    pub baseline: Option<PathBuf>,
    /// `extensions`: more file extensions (lowercase, without the dot) checked as
    /// Markdown when a folder is walked, besides `.md`, `.markdown` and `.mdx`.
    pub extensions: Vec<String>,
    /// Severities per rule.
    pub rules: Levels,
    /// Per-glob severities, applied in order after `rules` (the last match wins).
    pub overrides: Vec<Override>,
}

/// One problem in a configuration file, with its span in the TOML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the file (empty range for a problem without a place).
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// A label for the span.
    pub label: String,
}

/// A configuration file that cannot be used: every problem found in it.
#[derive(Clone, Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text (empty if it could not be read).
    pub text: String,
    /// The problems.
    pub problems: Vec<Problem>,
}

/// What one configuration file sets: `None` (or empty) for a key it does not write.
/// A configuration is its layers (those `extends` names, then its own) applied in
/// order onto the defaults ([`Layer::apply`]).
struct Layer {
    path: PathBuf,
    extends: Vec<(String, Range<usize>)>,
    facts: Vec<(PathBuf, Range<usize>)>,
    default_facts: Option<bool>,
    include: Option<Globs>,
    exclude: Option<Globs>,
    date: Option<Date>,
    date_format: Option<String>,
    require_date: Option<bool>,
    baseline: Option<PathBuf>,
    extensions: Vec<String>,
    rules: Levels,
    overrides: Vec<Override>,
}

impl Layer {
    /// Applies this layer onto `c`. Merged: `facts` (added after those already there),
    /// `extensions`, `[rules]` (per rule), `[[overrides]]` (added after). Replaced when
    /// the layer sets them: every other key.
    fn apply(self, c: &mut Config) {
        for (f, span) in self.facts {
            if !c.facts.contains(&f) {
                c.facts.push(f);
                c.fact_spans.push(span);
                c.fact_origins.push(self.path.clone());
            }
        }
        for e in self.extensions {
            if !c.extensions.contains(&e) {
                c.extensions.push(e);
            }
        }
        c.rules.extend(self.rules);
        c.overrides.extend(self.overrides);
        if let Some(v) = self.default_facts {
            c.default_facts = v;
        }
        if let Some(v) = self.include {
            c.include = v;
        }
        if let Some(v) = self.exclude {
            c.exclude = v;
        }
        if let Some(v) = self.date {
            c.date = Some(v);
        }
        if let Some(v) = self.date_format {
            c.date_format = Some(v);
        }
        if let Some(v) = self.require_date {
            c.require_date = v;
        }
        if let Some(v) = self.baseline {
            c.baseline = Some(v);
        }
    }
}

/// The folder of a configuration file (absolute).
fn folder_of(path: &Path) -> PathBuf {
    let abs = normalize(path);
    abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf)
}

/// A path as errors show it: relative to the current folder when inside it.
fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok().map(|c| normalize(&c));
    match cwd {
        Some(cwd) if path.is_absolute() => path
            .strip_prefix(&cwd)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf),
        _ => path.to_path_buf(),
    }
}

/// The span of `item` (quoted) inside the span `within` of `text`, for one entry of a
/// list whose entries have no span of their own; `within` if it is not found.
fn item_span(text: &str, within: &Range<usize>, item: &str) -> Range<usize> {
    let Some(list) = text.get(within.clone()) else {
        return within.clone();
    };
    for quote in ['"', '\''] {
        let needle = format!("{quote}{item}{quote}");
        if let Some(i) = list.find(&needle) {
            return within.start + i..within.start + i + needle.len();
        }
    }
    within.clone()
}

impl Config {
    /// The defaults: built-in facts, every Markdown file, the rules' own severities.
    pub fn defaults(dir: &Path) -> Config {
        let dir = normalize(dir);
        Config {
            path: None,
            extended: Vec::new(),
            facts: Vec::new(),
            fact_spans: Vec::new(),
            fact_origins: Vec::new(),
            default_facts: true,
            include: Globs {
                dir: dir.clone(),
                ..Globs::default()
            },
            exclude: Globs {
                dir: dir.clone(),
                ..Globs::default()
            },
            date: None,
            date_format: None,
            require_date: false,
            baseline: None,
            extensions: Vec::new(),
            rules: Levels::new(),
            overrides: Vec::new(),
            dir,
        }
    }

    /// Reads and resolves a configuration file, with the files its `extends` names
    /// (relative to the file that names them; each one's own `extends` too).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let mut layers = Vec::new();
        let mut extended = Vec::new();
        load_layers(path, &mut Vec::new(), &mut layers, &mut extended)?;
        let mut c = Config::defaults(&folder_of(path));
        c.path = Some(path.to_path_buf());
        for layer in layers {
            layer.apply(&mut c);
        }
        extended.retain(|p| *p != normalize(path));
        c.extended = extended;
        c.finish();
        Ok(c)
    }

    /// Parses one configuration's text; `path` is where it lives (globs and fact paths
    /// are relative to its folder). `extends` is checked but not followed: that is
    /// [`Config::load`]'s work.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Problem>> {
        let layer = parse_layer(path, text)?;
        let mut c = Config::defaults(&folder_of(path));
        c.path = Some(path.to_path_buf());
        layer.apply(&mut c);
        c.finish();
        Ok(c)
    }

    /// What the layers leave implied: `require-date` makes `missing-date` an error
    /// unless `[rules]` sets it.
    fn finish(&mut self) {
        if self.require_date {
            self.rules
                .entry(RuleId::MissingDate)
                .or_insert(Level::Error);
        }
    }

    /// The nearest configuration file in a folder above this one's that this one
    /// does not extend: its settings do not apply (the nearest file wins), which
    /// `factlint config` points out.
    pub fn shadowed(&self) -> Option<PathBuf> {
        self.path.as_ref()?;
        let parent = discover(self.dir.parent()?)?;
        let abs = normalize(&parent);
        (!self.extended.contains(&abs)).then_some(parent)
    }

    /// True for a file whose extension `extensions` names (to check as Markdown when a
    /// folder is walked).
    pub fn takes_extension(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }

    /// A path relative to the configuration's folder, `/`-separated; `None` for a path
    /// outside it (globs do not apply there).
    pub fn relative(&self, path: &Path) -> Option<String> {
        relative_to_dir(&self.dir, path)
    }

    /// True if `include` / `exclude` leave the file out. A folder matched by `exclude`
    /// leaves out everything in it.
    pub fn is_excluded(&self, path: &Path) -> bool {
        if !self.include.is_empty()
            && relative_to_dir(&self.include.dir, path).is_some()
            && !self.include.matches_path(path)
        {
            return true;
        }
        if self.exclude.is_empty() {
            return false;
        }
        let Some(rel) = relative_to_dir(&self.exclude.dir, path) else {
            return false;
        };
        let mut prefix = rel.as_str();
        loop {
            if self.exclude.is_match(prefix) {
                return true;
            }
            match prefix.rfind('/') {
                Some(i) => prefix = &prefix[..i],
                None => return false,
            }
        }
    }

    /// The severities for one file: `[rules]`, then every matching override in order.
    pub fn levels_for(&self, path: &Path) -> Levels {
        let mut out = self.rules.clone();
        for o in &self.overrides {
            if o.files.matches_path(path) {
                out.extend(o.rules.iter().map(|(k, v)| (*k, *v)));
            }
        }
        out
    }

    /// The configuration as TOML, with every rule's effective severity for `path` (or
    /// for no file in particular): what `factlint config` prints.
    pub fn render(&self, path: Option<&Path>, rule_ids: &[RuleId]) -> String {
        let mut s = String::new();
        match &self.path {
            Some(p) => {
                let _ = writeln!(
                    s,
                    "# configuration: {}",
                    crate::base::paths::display_path(p)
                );
            }
            None => s.push_str("# configuration: none (built-in defaults)\n"),
        }
        for e in &self.extended {
            let _ = writeln!(
                s,
                "# extends: {}",
                crate::base::paths::display_path(&shown(e))
            );
        }
        if let Some(p) = self.shadowed() {
            let _ = writeln!(
                s,
                "# note: {} is in a parent folder and not extended: none of its settings apply here (`extends` adds them)",
                crate::base::paths::display_path(&shown(&p))
            );
        }
        let levels = match path {
            Some(p) => {
                let _ = writeln!(s, "# for: {}", crate::base::paths::display_path(p));
                if self.is_excluded(p) {
                    s.push_str(
                        "# this file is excluded by `include` / `exclude`: it is not checked\n",
                    );
                }
                self.levels_for(p)
            }
            None => self.rules.clone(),
        };
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|x| toml_str(x)).collect();
            format!("[{}]", items.join(", "))
        };
        let facts: Vec<String> = self
            .facts
            .iter()
            .map(|f| {
                crate::base::paths::display_path(
                    &f.strip_prefix(&self.dir)
                        .map_or_else(|_| shown(f), Path::to_path_buf),
                )
            })
            .collect();
        let _ = writeln!(s, "facts = {}", list(&facts));
        let _ = writeln!(s, "default-facts = {}", self.default_facts);
        let _ = writeln!(s, "include = {}", list(&self.include.patterns));
        let _ = writeln!(s, "exclude = {}", list(&self.exclude.patterns));
        match self.date {
            Some(d) => {
                let _ = writeln!(s, "date = \"{d}\"");
            }
            None => s.push_str("# date: none (front matter `date` or --date)\n"),
        }
        if let Some(f) = &self.date_format {
            let _ = writeln!(s, "date-format = {}", toml_str(f));
        }
        let _ = writeln!(s, "require-date = {}", self.require_date);
        if !self.extensions.is_empty() {
            let dotted: Vec<String> = self.extensions.iter().map(|e| format!(".{e}")).collect();
            let _ = writeln!(s, "extensions = {}", list(&dotted));
        }
        if let Some(b) = &self.baseline {
            let _ = writeln!(
                s,
                "baseline = {}",
                toml_str(&crate::base::paths::display_path(b))
            );
        }
        s.push_str("\n[rules]\n");
        for &id in rule_ids {
            let level = levels
                .get(&id)
                .copied()
                .unwrap_or_else(|| Level::of(id.default_severity()));
            let _ = writeln!(s, "{} = \"{}\"", id.as_str(), level.as_str());
        }
        if path.is_none() {
            for o in &self.overrides {
                s.push_str("\n[[overrides]]\n");
                let _ = writeln!(s, "files = {}", list(&o.files.patterns));
                let rules: Vec<String> = o
                    .rules
                    .iter()
                    .map(|(k, v)| format!("{k} = \"{}\"", v.as_str()))
                    .collect();
                let _ = writeln!(s, "rules = {{ {} }}", rules.join(", "));
            }
        }
        s
    }
}

/// Reads the file at `path` and the files its `extends` names, depth first, pushing
/// their layers in the order they apply (an extended file before the file that extends
/// it). `chain` is the files being read, for cycles; `seen` every file read.
fn load_layers(
    path: &Path,
    chain: &mut Vec<PathBuf>,
    layers: &mut Vec<Layer>,
    seen: &mut Vec<PathBuf>,
) -> Result<(), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        problems: vec![Problem {
            span: 0..0,
            message: format!(
                "cannot read configuration: {}",
                crate::read::walk::io_message(&e)
            ),
            label: String::new(),
        }],
    })?;
    let fail = |text: &str, problems: Vec<Problem>| ConfigError {
        path: path.to_path_buf(),
        text: text.to_string(),
        problems,
    };
    let layer = parse_layer(path, &text).map_err(|p| fail(&text, p))?;
    let abs = normalize(path);
    chain.push(abs.clone());
    let dir = folder_of(path);
    for (target, span) in &layer.extends {
        let next = normalize(&dir.join(target));
        if chain.contains(&next) {
            let mut names: Vec<String> = chain
                .iter()
                .skip_while(|p| **p != next)
                .map(|p| crate::base::paths::display_path(&shown(p)))
                .collect();
            names.push(crate::base::paths::display_path(&shown(&next)));
            return Err(fail(
                &text,
                vec![Problem {
                    span: span.clone(),
                    message: format!("`extends` makes a cycle: {}", names.join(" -> ")),
                    label: "extended again here".to_string(),
                }],
            ));
        }
        if !next.is_file() {
            let why = match std::fs::metadata(&next) {
                Ok(_) => "not a file".to_string(),
                Err(e) => crate::read::walk::io_message(&e),
            };
            return Err(fail(
                &text,
                vec![Problem {
                    span: span.clone(),
                    message: format!(
                        "cannot read `{target}` (named by `extends`, at {}): {why}",
                        crate::base::paths::display_path(&shown(&next))
                    ),
                    label: "named here".to_string(),
                }],
            ));
        }
        load_layers(&shown(&next), chain, layers, seen)?;
    }
    chain.pop();
    if !seen.contains(&abs) {
        seen.push(abs);
    }
    layers.push(layer);
    Ok(())
}

/// Parses one configuration file into what it sets.
fn parse_layer(path: &Path, text: &str) -> Result<Layer, Vec<Problem>> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        vec![Problem {
            span: e.span().unwrap_or(0..0),
            message: format!("invalid configuration: {}", e.message().trim()),
            label: "here".to_string(),
        }]
    })?;
    let dir = folder_of(path);
    let mut problems = Vec::new();
    let date = raw.date.as_ref().and_then(|d| {
        let text = d.get_ref().as_text();
        let parsed = text.trim().parse::<Date>().ok();
        if parsed.is_none() {
            problems.push(Problem {
                span: d.span(),
                message: format!("`date` must be a day (YYYY-MM-DD), not `{text}`"),
                label: "not a date".to_string(),
            });
        }
        parsed
    });
    let date_format = raw.date_format.as_ref().and_then(|f| {
        match crate::read::front_matter::check_date_format(f.get_ref()) {
            Ok(()) => Some(f.get_ref().clone()),
            Err(message) => {
                problems.push(Problem {
                    span: f.span(),
                    message,
                    label: "not a day's format".to_string(),
                });
                None
            }
        }
    });
    let extends = match &raw.extends {
        None => Vec::new(),
        Some(e) => {
            let span = e.span();
            let items = match e.get_ref() {
                OneOrMany::One(s) => vec![(s.clone(), span.clone())],
                OneOrMany::Many(v) => v
                    .iter()
                    .map(|s| (s.clone(), item_span(text, &span, s)))
                    .collect(),
            };
            for (s, sp) in &items {
                if s.trim().is_empty() {
                    problems.push(Problem {
                        span: sp.clone(),
                        message: "`extends` names a configuration file, not an empty path"
                            .to_string(),
                        label: "empty".to_string(),
                    });
                }
            }
            items
        }
    };
    let mut extensions = Vec::new();
    for e in raw.extensions.iter().flatten() {
        let x = e
            .get_ref()
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase();
        if x.is_empty() || x.contains(['/', '\\', '*']) {
            problems.push(Problem {
                span: e.span(),
                message: format!(
                    "`extensions` takes file extensions such as \".qmd\", not `{}`",
                    e.get_ref()
                ),
                label: "not an extension".to_string(),
            });
        } else if !extensions.contains(&x) {
            extensions.push(x);
        }
    }
    let include = raw.include.as_ref().map(|g| globs(g, &dir, &mut problems));
    let exclude = raw.exclude.as_ref().map(|g| globs(g, &dir, &mut problems));
    let rules = levels(&raw.rules, &mut problems);
    let mut overrides = Vec::new();
    for o in &raw.overrides {
        if o.files.get_ref().is_empty() {
            problems.push(Problem {
                span: o.files.span(),
                message: "an override needs at least one glob in `files`".to_string(),
                label: "empty".to_string(),
            });
        }
        overrides.push(Override {
            files: globs(o.files.get_ref(), &dir, &mut problems),
            rules: levels(&o.rules, &mut problems),
        });
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.span.start);
        return Err(problems);
    }
    Ok(Layer {
        path: path.to_path_buf(),
        extends,
        facts: raw
            .facts
            .iter()
            .map(|f| (normalize(&dir.join(f.get_ref())), f.span()))
            .collect(),
        default_facts: raw.default_facts,
        include,
        exclude,
        date,
        date_format,
        require_date: raw.require_date,
        baseline: raw
            .baseline
            .as_ref()
            .map(|b| normalize(&dir.join(b.get_ref()))),
        extensions,
        rules,
        overrides,
    })
}

/// `path` relative to the folder `dir`, `/`-separated; `None` outside it.
fn relative_to_dir(dir: &Path, path: &Path) -> Option<String> {
    let abs = normalize(path);
    let rel = abs.strip_prefix(dir).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn levels(raw: &BTreeMap<Spanned<String>, Level>, problems: &mut Vec<Problem>) -> Levels {
    let mut out = Levels::new();
    for (k, v) in raw {
        match RuleId::parse(k.get_ref()) {
            Some(id) => {
                out.insert(id, *v);
            }
            None => problems.push(Problem {
                span: k.span(),
                message: format!(
                    "unknown rule id `{}`{} (`factlint rules` lists them)",
                    k.get_ref(),
                    crate::rules::closest(k.get_ref())
                        .map_or_else(String::new, |id| format!("; did you mean `{id}`?"))
                ),
                label: "unknown rule".to_string(),
            }),
        }
    }
    out
}

/// Compiles globs: `*` and `?` stop at `/`, `**` crosses folders; a pattern without `/`
/// matches at any depth (like `.gitignore`); a leading `/` anchors it to the folder.
fn globs(raw: &[Spanned<String>], dir: &Path, problems: &mut Vec<Problem>) -> Globs {
    let mut builder = GlobSetBuilder::new();
    let mut patterns = Vec::new();
    for p in raw {
        let written = p.get_ref().trim();
        let mut pat = written.strip_prefix("./").unwrap_or(written).to_string();
        if let Some(rest) = pat.strip_prefix('/') {
            pat = rest.to_string();
        } else if !pat.contains('/') {
            pat = format!("**/{pat}");
        }
        let pat = pat.trim_end_matches('/').to_string();
        match GlobBuilder::new(&pat).literal_separator(true).build() {
            Ok(g) => {
                builder.add(g);
                patterns.push(p.get_ref().clone());
            }
            Err(e) => problems.push(Problem {
                span: p.span(),
                message: format!("bad glob `{written}`: {}", e.kind()),
                label: "bad glob".to_string(),
            }),
        }
    }
    let set = if patterns.is_empty() {
        None
    } else {
        builder.build().ok()
    };
    Globs {
        patterns,
        dir: dir.to_path_buf(),
        set,
    }
}

/// An absolute path with `.` and `..` removed lexically (no file-system access, links
/// are not resolved).
pub fn normalize(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The nearest configuration file at or above `dir` (`factlint.toml` before
/// `.factlint.toml` in the same folder).
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let start = normalize(dir);
    for d in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Problem>> {
        Config::parse(Path::new("/repo/factlint.toml"), text)
    }

    #[test]
    fn a_full_configuration_resolves() {
        let c = parse(
            r#"
facts = ["facts", "more/x.toml"]
default-facts = false
include = ["content/**"]
exclude = ["archive", "*.draft.md"]
date = "2024-11-22"
[rules]
unknown-model = "error"
stale-value = "off"
[[overrides]]
files = ["content/old/**"]
rules = { value-mismatch = "warning" }
"#,
        )
        .expect("valid");
        assert_eq!(
            c.facts,
            vec![
                PathBuf::from("/repo/facts"),
                PathBuf::from("/repo/more/x.toml")
            ]
        );
        assert!(!c.default_facts);
        assert_eq!(c.date, Some(Date::constant(2024, 11, 22)));
        assert!(!c.is_excluded(Path::new("/repo/content/a.md")));
        assert!(c.is_excluded(Path::new("/repo/other/a.md")), "not included");
        assert!(
            c.is_excluded(Path::new("/repo/content/archive/a.md")),
            "folder"
        );
        assert!(
            c.is_excluded(Path::new("/repo/content/x/b.draft.md")),
            "any depth"
        );
        assert!(
            !c.is_excluded(Path::new("/elsewhere/a.md")),
            "outside the folder"
        );
        let old = c.levels_for(Path::new("/repo/content/old/a.md"));
        assert_eq!(old.get(&RuleId::ValueMismatch), Some(&Level::Warning));
        assert_eq!(old.get(&RuleId::StaleValue), Some(&Level::Off));
        let new = c.levels_for(Path::new("/repo/content/new/a.md"));
        assert_eq!(new.get(&RuleId::ValueMismatch), None);
    }

    #[test]
    fn star_does_not_cross_folders() {
        let c = parse("include = [\"content/*.md\"]\n").expect("valid");
        assert!(!c.is_excluded(Path::new("/repo/content/a.md")));
        assert!(c.is_excluded(Path::new("/repo/content/sub/a.md")));
    }

    #[test]
    fn unknown_keys_rule_ids_globs_and_dates_are_errors_with_spans() {
        let text = "factz = [\"x\"]\n";
        let e = parse(text).expect_err("unknown key");
        assert_eq!(&text[e[0].span.clone()], "factz");
        let text = "[rules]\nvalue-mismatch = \"error\"\nno-such-rule = \"off\"\n";
        let e = parse(text).expect_err("unknown rule");
        assert_eq!(&text[e[0].span.clone()], "no-such-rule");
        let text = "[rules]\nvalue-mismatch = \"fatal\"\n";
        let e = parse(text).expect_err("unknown level");
        assert!(text[e[0].span.clone()].contains("fatal"), "{e:?}");
        let text = "exclude = [\"a[\"]\n";
        let e = parse(text).expect_err("bad glob");
        assert_eq!(&text[e[0].span.clone()], "\"a[\"");
        let text = "date = \"November\"\n";
        let e = parse(text).expect_err("bad date");
        assert_eq!(&text[e[0].span.clone()], "\"November\"");
        let text = "[[overrides]]\nfiles = [\"a/**\"]\nrules = { nope = \"off\" }\n";
        let e = parse(text).expect_err("unknown rule in an override");
        assert_eq!(&text[e[0].span.clone()], "nope");
    }

    #[test]
    fn misspelt_rule_ids_get_a_suggestion() {
        use crate::rules::closest;
        assert_eq!(closest("valu-mismatch"), Some(RuleId::ValueMismatch));
        assert_eq!(closest("stale-values"), Some(RuleId::StaleValue));
        assert_eq!(closest("completely-different"), None);
    }

    #[test]
    fn normalize_removes_dots() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
