//! Output formats: one per file. Emitters write to a writer given by the caller;
//! they never print on their own.

use std::path::Path;

use codespan_reporting::files::SimpleFiles;

use crate::base::diagnostic::{FileKey, LineIndex};
use crate::base::paths::display_path;
use crate::facts::FactBase;

pub mod claims;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod rdjson;
pub mod sarif;
pub mod short;

/// The formats factlint can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style diagnostics (codespan-reporting).
    Human,
    /// One line per finding: `path:line:col: severity[rule]: message`.
    Short,
    /// One JSON document (the contract of `DESIGN.md`).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// A GitLab Code Quality report (a JSON array of issues).
    Gitlab,
    /// reviewdog's Diagnostic Format (rdjson).
    Rdjson,
    /// JUnit XML (GitLab unit test reports, Jenkins).
    Junit,
}

impl Format {
    /// True for the formats that are one document on standard output, written whole
    /// even when a configuration or fact base keeps anything from being checked.
    pub fn is_document(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Sarif | Format::Gitlab | Format::Rdjson | Format::Junit
        )
    }
}

/// A draft's path as CI output shows it: relative to the working folder when it is
/// inside it (an absolute path named on the command line included), without `./`.
/// Other formats show paths as given.
pub fn ci_path(p: &Path) -> String {
    let s = display_path(&crate::run::settings::shown(p));
    let mut rest = s.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    match rest {
        "" => ".".to_string(),
        r if r.len() == s.len() => s,
        r => r.to_string(),
    }
}

/// A checked draft with findings, as the CI formats write it (`gitlab`, `rdjson`,
/// `github`).
pub(crate) struct FileWithFindings<'r> {
    /// The checked draft.
    pub(crate) file: &'r crate::run::CheckedFile,
    /// Its text ([`crate::run::CheckedFile::source`]; empty when it can no longer be
    /// read as it was).
    pub(crate) text: std::borrow::Cow<'r, str>,
    /// The text's line index.
    pub(crate) idx: LineIndex,
    /// The path as CI shows it ([`ci_path`]).
    pub(crate) path: String,
}

/// The drafts of a report that have findings, in report order, each with its text,
/// line index and CI path: the per-file setup the CI formats share.
pub(crate) fn files_with_findings(
    report: &crate::run::Report,
) -> impl Iterator<Item = FileWithFindings<'_>> {
    report
        .files
        .iter()
        .filter(|f| !f.result.diagnostics.is_empty())
        .map(|f| {
            let text = f.source().unwrap_or(std::borrow::Cow::Borrowed(""));
            let idx = LineIndex::new(&text);
            FileWithFindings {
                file: f,
                text,
                idx,
                path: ci_path(&f.path),
            }
        })
}

/// A finding's message followed by each of its notes, `separator` between them.
pub(crate) fn message_with_notes(
    d: &crate::base::diagnostic::Diagnostic,
    separator: &str,
) -> String {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push_str(separator);
        message.push_str(n);
    }
    message
}

/// How many findings one rule has in a report (`check --statistics`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule.
    pub rule: crate::rules::RuleId,
    /// Its findings.
    pub count: usize,
}

/// The findings of a report counted per rule: most findings first, then by rule id,
/// so the order never depends on the run.
pub fn statistics(report: &crate::run::Report) -> Vec<RuleCount> {
    let mut counts = std::collections::BTreeMap::new();
    for (_, d) in report.diagnostics() {
        *counts.entry(d.rule).or_insert(0usize) += 1;
    }
    let mut out: Vec<RuleCount> = counts
        .into_iter()
        .map(|(rule, count)| RuleCount { rule, count })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.rule.as_str().cmp(b.rule.as_str()))
    });
    out
}

/// [`statistics`] as text: one line per rule, `count  rule-id  what it finds`, then
/// the total.
pub fn statistics_text(report: &crate::run::Report) -> String {
    use std::fmt::Write as _;
    let stats = statistics(report);
    let width = stats
        .iter()
        .map(|s| s.rule.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let mut total = 0;
    for s in &stats {
        total += s.count;
        let summary = crate::rules::meta_of(s.rule).map_or("", |m| m.summary);
        let _ = writeln!(
            out,
            "{:>5}  {:<width$}  {summary}",
            s.count,
            s.rule.as_str()
        );
    }
    let _ = writeln!(out, "{total:>5}  finding(s) in total");
    out
}

/// A problem that kept factlint from checking anything (a configuration or fact base
/// that cannot be used), for the machine formats, which still write a whole document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The file at fault, as shown.
    pub path: String,
    /// 1-based line and column in it, when the problem has a place.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl Failure {
    /// Every problem of a configuration file.
    pub fn of_config(e: &crate::config::ConfigError) -> Vec<Failure> {
        let idx = LineIndex::new(&e.text);
        e.problems
            .iter()
            .map(|p| Failure {
                path: display_path(&e.path),
                at: (!e.text.is_empty()).then(|| idx.line_col(&e.text, p.span.start)),
                message: p.message.clone(),
            })
            .collect()
    }

    /// Every error of a fact base, located in its file.
    pub fn of_facts(
        errors: &[crate::facts::FactError],
        files: &[crate::facts::FactFile],
    ) -> Vec<Failure> {
        errors
            .iter()
            .map(|e| {
                let (path, text) = files
                    .get(e.file)
                    .map_or(("<facts>", ""), |f| (f.name.as_str(), f.text.as_str()));
                Failure {
                    path: path.to_string(),
                    at: Some(LineIndex::new(text).line_col(text, e.span.start)),
                    message: e.message.clone(),
                }
            })
            .collect()
    }
}

/// The fact base a checked file was checked against.
pub fn base_of<'a>(bases: &'a [FactBase], f: &crate::run::CheckedFile) -> &'a FactBase {
    bases
        .get(f.base)
        .or_else(|| bases.first())
        .expect("the caller passes the fact bases the report was made with")
}

/// A resolved location: file name, 1-based line and column (characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file's name as shown.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// How many other drafts a [`Locator`] keeps read and indexed.
const OTHERS_KEPT: usize = 8;

/// Resolves labels' files and offsets to locations, indexing each file's lines once
/// per run (fact files) or once per draft (the draft and the drafts it names).
pub struct Locator<'f> {
    facts: &'f FactBase,
    fact_lines: Vec<Option<LineIndex>>,
    others: crate::base::recent::Recent<std::path::PathBuf, (String, LineIndex)>,
}

impl<'f> Locator<'f> {
    /// A locator for the fact base's files.
    pub fn new(facts: &'f FactBase) -> Locator<'f> {
        Locator {
            facts,
            fact_lines: vec![None; facts.files.len()],
            others: crate::base::recent::Recent::new(OTHERS_KEPT),
        }
    }

    /// True for a label in a built-in fact file: compiled in, with no file of the
    /// user's to point at (SARIF and the language server leave it out of locations).
    pub fn is_builtin(&self, key: &FileKey) -> bool {
        matches!(key, FileKey::Fact(i) if self.facts.files.get(*i).is_some_and(crate::facts::FactFile::is_builtin))
    }

    /// The location of `offset` in the file `key` (`draft` is the diagnostic's own
    /// file, with its line index).
    pub fn locate(
        &mut self,
        key: &FileKey,
        offset: usize,
        draft: (&Path, &str, &LineIndex),
    ) -> Location {
        match key {
            FileKey::Draft => {
                let (line, column) = draft.2.line_col(draft.1, offset);
                Location {
                    path: display_path(draft.0),
                    line,
                    column,
                }
            }
            FileKey::Fact(i) => {
                let text = self.facts.files.get(*i).map_or("", |f| f.text.as_str());
                let idx = match self.fact_lines.get_mut(*i) {
                    Some(slot) => slot.get_or_insert_with(|| LineIndex::new(text)),
                    None => {
                        return Location {
                            path: self.facts.file_name(*i).to_string(),
                            line: 1,
                            column: 1,
                        };
                    }
                };
                let (line, column) = idx.line_col(text, offset);
                Location {
                    path: self.facts.file_name(*i).to_string(),
                    line,
                    column,
                }
            }
            FileKey::Other(p) => {
                // The drafts named last are kept (a draft's labels name a few, in
                // runs); never every draft of a run, so that memory does not grow
                // with the corpus.
                let (text, idx) = self.others.get_or_insert_with(p, || {
                    let text = std::fs::read_to_string(p).unwrap_or_default();
                    let idx = LineIndex::new(&text);
                    (text, idx)
                });
                let (line, column) = idx.line_col(text, offset);
                Location {
                    path: display_path(p),
                    line,
                    column,
                }
            }
        }
    }
}

/// The files a human diagnostic may point into: the draft (id 0) and every fact file
/// (id `i + 1`).
pub fn source_files<'a>(
    draft: &Path,
    text: &'a str,
    facts: &'a FactBase,
) -> SimpleFiles<String, &'a str> {
    let mut files = SimpleFiles::new();
    files.add(display_path(draft), text);
    for f in &facts.files {
        files.add(f.name.clone(), f.text.as_str());
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_paths_have_no_leading_dot_segments() {
        assert_eq!(ci_path(Path::new("./drafts/x.md")), "drafts/x.md");
        assert_eq!(ci_path(Path::new("././x.md")), "x.md");
        assert_eq!(ci_path(Path::new(".//x.md")), "x.md");
        assert_eq!(ci_path(Path::new("./")), ".");
        assert_eq!(ci_path(Path::new(".hidden/x.md")), ".hidden/x.md");
        assert_eq!(ci_path(Path::new("../x.md")), "../x.md");
    }

    /// Other drafts are read again once they fall out of the few kept: every location
    /// is still right.
    #[test]
    fn other_drafts_are_located_whatever_how_many_are_named() {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths: Vec<std::path::PathBuf> = (0..OTHERS_KEPT * 2 + 1)
            .map(|i| {
                let p = dir.path().join(format!("d{i}.md"));
                std::fs::write(&p, format!("{}x", "line\n".repeat(i))).expect("write a draft");
                p
            })
            .collect();
        let mut locator = Locator::new(&base);
        let own = LineIndex::new("");
        for round in 0..2 {
            for (i, p) in paths.iter().enumerate() {
                let at = locator.locate(&FileKey::Other(p.clone()), i * 5, (p, "", &own));
                assert_eq!((at.line, at.column), (i + 1, 1), "draft {i}, round {round}");
            }
        }
        assert!(locator.others.len() <= OTHERS_KEPT);
    }
}
