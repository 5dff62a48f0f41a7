//! Configuration: `factlint.toml` (or `.factlint.toml`), found by walking up from each
//! checked file's folder (the nearest wins), or named with `--config`.
//!
//! The format is strict: an unknown key, an unknown rule id, a bad glob or a bad date is
//! an error with a span in the TOML, so a typo never silently does nothing.
//!
//! ```toml
//! facts = ["facts"]                 # fact files or folders, relative to this file
//! default-facts = true              # the built-in base too
//! include = ["content/**"]          # globs relative to this file
//! exclude = ["drafts/archive"]
//! date = "2024-11-22"               # article date for drafts without front matter `date`
//! date-format = "%d/%m/%Y"          # front matter dates such as 22/11/2024
//! require-date = true               # an undated draft is an error (`missing-date`)
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
    #[serde(default)]
    facts: Vec<Spanned<String>>,
    default_facts: Option<bool>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    date: Option<Spanned<RawDate>>,
    date_format: Option<Spanned<String>>,
    require_date: Option<bool>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
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
    set: Option<GlobSet>,
}

impl Globs {
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
    /// Fact files or folders, resolved against [`Config::dir`].
    pub facts: Vec<PathBuf>,
    /// The span in the configuration's text of each of [`Config::facts`].
    pub fact_spans: Vec<Range<usize>>,
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

impl Config {
    /// The defaults: built-in facts, every Markdown file, the rules' own severities.
    pub fn defaults(dir: &Path) -> Config {
        Config {
            path: None,
            dir: normalize(dir),
            facts: Vec::new(),
            fact_spans: Vec::new(),
            default_facts: true,
            include: Globs::default(),
            exclude: Globs::default(),
            date: None,
            date_format: None,
            require_date: false,
            rules: Levels::new(),
            overrides: Vec::new(),
        }
    }

    /// Reads and resolves a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
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
        Config::parse(path, &text).map_err(|problems| ConfigError {
            path: path.to_path_buf(),
            text,
            problems,
        })
    }

    /// Parses a configuration's text; `path` is where it lives (globs and fact paths are
    /// relative to its folder).
    pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Problem>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            vec![Problem {
                span: e.span().unwrap_or(0..0),
                message: format!("invalid configuration: {}", e.message().trim()),
                label: "here".to_string(),
            }]
        })?;
        let abs = normalize(path);
        let dir = abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf);
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
        let date_format =
            raw.date_format.as_ref().and_then(
                |f| match crate::read::front_matter::check_date_format(f.get_ref()) {
                    Ok(()) => Some(f.get_ref().clone()),
                    Err(message) => {
                        problems.push(Problem {
                            span: f.span(),
                            message,
                            label: "not a day's format".to_string(),
                        });
                        None
                    }
                },
            );
        let include = globs(&raw.include, &mut problems);
        let exclude = globs(&raw.exclude, &mut problems);
        let mut rules = levels(&raw.rules, &mut problems);
        let require_date = raw.require_date.unwrap_or(false);
        if require_date {
            rules.entry(RuleId::MissingDate).or_insert(Level::Error);
        }
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
                files: globs(o.files.get_ref(), &mut problems),
                rules: levels(&o.rules, &mut problems),
            });
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.span.start);
            return Err(problems);
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            facts: raw
                .facts
                .iter()
                .map(|f| normalize(&dir.join(f.get_ref())))
                .collect(),
            fact_spans: raw.facts.iter().map(Spanned::span).collect(),
            dir,
            default_facts: raw.default_facts.unwrap_or(true),
            include,
            exclude,
            date,
            date_format,
            require_date,
            rules,
            overrides,
        })
    }

    /// A path relative to the configuration's folder, `/`-separated; `None` for a path
    /// outside it (globs do not apply there).
    pub fn relative(&self, path: &Path) -> Option<String> {
        let abs = normalize(path);
        let rel = abs.strip_prefix(&self.dir).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// True if `include` / `exclude` leave the file out. A folder matched by `exclude`
    /// leaves out everything in it.
    pub fn is_excluded(&self, path: &Path) -> bool {
        let Some(rel) = self.relative(path) else {
            return false;
        };
        if !self.include.is_empty() && !self.include.is_match(&rel) {
            return true;
        }
        if self.exclude.is_empty() {
            return false;
        }
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
        if self.overrides.is_empty() {
            return out;
        }
        let Some(rel) = self.relative(path) else {
            return out;
        };
        for o in &self.overrides {
            if o.files.is_match(&rel) {
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
            .map(|f| crate::base::paths::display_path(f.strip_prefix(&self.dir).unwrap_or(f)))
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
fn globs(raw: &[Spanned<String>], problems: &mut Vec<Problem>) -> Globs {
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
    Globs { patterns, set }
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
