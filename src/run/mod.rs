//! The run: checks drafts (in parallel, with the cache), applies the rules and
//! collects what they found into a [`Report`].

pub mod baseline;
pub mod cache;
pub mod claims;
pub mod corpus;
pub mod fix;
pub mod settings;
pub mod suppress;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::base::diagnostic::Diagnostic;
use crate::facts::FactBase;
pub use crate::read::draft::{
    DEFAULT_MAX_FILE_SIZE, Draft, decode, read_draft, read_draft_limited,
};
use crate::rules::RULES;

/// Options of a check run (or of one file of it).
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// The article date for drafts whose front matter has none.
    pub default_date: Option<Date>,
    /// Rule severities that differ from the defaults (`factlint.toml` and its overrides
    /// for this file); `off` drops a rule's findings.
    pub levels: crate::config::Levels,
    /// The day of the run, for suppressions' `until=` dates; `None` leaves them
    /// unchecked. The only use of today's date: article dates never default to it.
    pub today: Option<Date>,
    /// Report suppression comments that hid nothing (`unused-suppression`).
    pub report_unused_suppressions: bool,
    /// Drafts bigger than this many bytes are skipped with a note; `None` means
    /// [`DEFAULT_MAX_FILE_SIZE`].
    pub max_file_size: Option<u64>,
    /// Count what attribution made of each value and product name
    /// ([`FileResult::coverage`], `check --coverage`).
    pub coverage: bool,
    /// A `strftime` format for front matter dates (`date-format` in factlint.toml,
    /// such as `%d/%m/%Y`), tried before the common forms.
    pub date_format: Option<String>,
}

/// Applies configured severities: sets each finding's severity, drops `off` rules.
fn apply_levels(diagnostics: &mut Vec<Diagnostic>, levels: &crate::config::Levels) {
    if levels.is_empty() {
        return;
    }
    diagnostics.retain_mut(|d| match levels.get(&d.rule).map(|l| l.severity()) {
        Some(Some(s)) => {
            d.severity = s;
            true
        }
        Some(None) => false,
        None => true,
    });
}

/// The findings of every rule that is not `off` for this draft. A rule that is off
/// is not run at all: its findings would be dropped before suppressions are applied,
/// so leaving it out changes nothing but the time (a rule reports only its own id).
fn run_rules(analysis: &Analysis<'_>, levels: &crate::config::Levels) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for rule in RULES {
        if levels.get(&rule.meta().id) == Some(&crate::config::Level::Off) {
            continue;
        }
        rule.check(analysis, &mut diagnostics);
    }
    diagnostics
}

/// The findings of one draft.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FileResult {
    /// Diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Remarks that are not findings ("2 sentence(s) too long to check were skipped").
    pub notes: Vec<String>,
    /// What the draft says that other drafts of the run may contradict; compared (and
    /// emptied) once every draft of a run is checked.
    pub corpus: crate::rules::corpus_contradiction::Summary,
    /// With [`CheckOptions::coverage`]: how many of the draft's values and product
    /// names attribution tied to a fact (see [`crate::analysis::outcome`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<crate::analysis::outcome::Coverage>,
}

/// A draft that could not be checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The path as given or walked.
    pub path: PathBuf,
    /// One line: what went wrong.
    pub message: String,
}

/// One checked draft in a run.
#[derive(Clone, Debug)]
pub struct CheckedFile {
    /// The path.
    pub path: PathBuf,
    /// The text, when the caller keeps it (a draft read from elsewhere than a file).
    /// [`check_paths`] does not keep texts, so that its memory does not grow with the
    /// corpus: [`CheckedFile::source`] reads a file with findings again to render them.
    pub text: Option<String>,
    /// The findings.
    pub result: FileResult,
    /// Index of the fact base it was checked against, in the slice given to the
    /// emitters (0 when a run has one base).
    pub base: usize,
    /// The file's size and modification time when it was checked, to tell whether it
    /// changed before its findings are rendered.
    pub stamp: Option<FileStamp>,
}

/// A file's size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification, where the platform has it.
    pub modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

impl CheckedFile {
    /// The text the findings point into, to render them: the kept text, or the file
    /// read again if it has not changed since it was checked. `None` when there are no
    /// findings, or when the file can no longer be read as it was.
    pub fn source(&self) -> Option<std::borrow::Cow<'_, str>> {
        if self.result.diagnostics.is_empty() {
            return None;
        }
        if let Some(t) = &self.text {
            return Some(std::borrow::Cow::Borrowed(t));
        }
        let stamp = self.stamp?;
        if FileStamp::of(&self.path) != Some(stamp) {
            return None;
        }
        match read_draft_limited(&self.path, stamp.len) {
            Ok(Draft::Text(text)) if text.len() as u64 == stamp.len => {
                Some(std::borrow::Cow::Owned(text))
            }
            _ => None,
        }
    }
}

/// The outcome of checking many drafts.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Checked drafts, sorted by path.
    pub files: Vec<CheckedFile>,
    /// Drafts that could not be read, sorted by path.
    pub errors: Vec<FileError>,
    /// Files skipped with a note (binary files, files over the size limit), sorted by
    /// path. Not errors: a run with only skipped files is not a failure.
    pub skipped: Vec<FileError>,
    /// How many of the checked drafts had their findings taken from the cache
    /// ([`check_jobs_cached`]).
    pub cached: usize,
}

impl Report {
    /// How many drafts were checked.
    pub fn files_checked(&self) -> usize {
        self.files.len()
    }

    /// Adds the paths that could not be walked to the errors, keeping them sorted.
    pub fn add_walk_errors(&mut self, errors: Vec<crate::read::walk::WalkError>) {
        self.errors.extend(errors.into_iter().map(|e| FileError {
            path: e.path,
            message: e.message,
        }));
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// Moves drafts with findings that changed on disk since they were checked (their
    /// text is read again to render the findings) to the errors: their findings would
    /// point into text that is no longer there. Call it just before rendering.
    pub fn drop_changed(&mut self) {
        let mut changed = Vec::new();
        self.files.retain(|f| {
            let gone = f.text.is_none()
                && !f.result.diagnostics.is_empty()
                && f.stamp.is_some()
                && FileStamp::of(&f.path) != f.stamp;
            if gone {
                changed.push(FileError {
                    path: f.path.clone(),
                    message: format!(
                        "changed while factlint ran; its {} finding(s) are not shown: check it again",
                        f.result.diagnostics.len()
                    ),
                });
            }
            !gone
        });
        if !changed.is_empty() {
            self.errors.extend(changed);
            self.errors.sort_by(|a, b| a.path.cmp(&b.path));
        }
    }

    /// Every diagnostic with its file.
    pub fn diagnostics(&self) -> impl Iterator<Item = (&CheckedFile, &Diagnostic)> {
        self.files
            .iter()
            .flat_map(|f| f.result.diagnostics.iter().map(move |d| (f, d)))
    }
}

/// Checks one draft's text.
pub fn check_text(path: &Path, text: &str, facts: &FactBase, opts: &CheckOptions) -> FileResult {
    let mut doc = crate::read::markdown::scan(text);
    if let Some(format) = &opts.date_format
        && let Some(fm) = &mut doc.front_matter
    {
        fm.apply_date_format(Some(format));
    }
    let analysis = if opts.coverage {
        Analysis::recording(path, text, &doc, facts, opts.default_date)
    } else {
        Analysis::new(path, text, &doc, facts, opts.default_date)
    };
    let mut diagnostics = run_rules(&analysis, &opts.levels);
    apply_levels(&mut diagnostics, &opts.levels);
    let mut diagnostics = suppress::apply(
        text,
        &doc.directives,
        diagnostics,
        opts.today,
        opts.report_unused_suppressions,
    );
    apply_levels(&mut diagnostics, &opts.levels);
    // A value written across a line break ("$9\nbillion") is quoted in messages: keep
    // every message on one line.
    for d in &mut diagnostics {
        d.message = crate::base::diagnostic::one_line(&d.message);
        d.label = crate::base::diagnostic::one_line(&d.label);
        for l in &mut d.related {
            l.message = crate::base::diagnostic::one_line(&l.message);
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    let mut notes = Vec::new();
    // An unreadable article date is the `missing-date` finding; an unreadable update
    // date is a note.
    if let Some(fm) = &doc.front_matter
        && fm.updated.is_none()
        && let Some(field) = &fm.updated_field
    {
        notes.push(format!(
            "front matter `{}` is not a date factlint can read; update notes without a date of their own are not judged",
            field.key
        ));
    }
    if let Some(first) = analysis.oversized.first() {
        let (line, _) = crate::base::diagnostic::LineIndex::new(text).line_col(text, first.start);
        notes.push(format!(
            "{} sentence(s) or table row(s) too long to check were skipped (the first on line {line}): more than {} bytes, or more than {} values, cue words or names",
            analysis.oversized.len(),
            crate::analysis::MAX_CLAIM_BYTES,
            crate::analysis::MAX_CLAIM_ITEMS
        ));
    }
    let level = opts
        .levels
        .get(&crate::rules::RuleId::CorpusContradiction)
        .map(|l| l.severity());
    // A draft for which the rule is off takes no part in it: nothing of it is kept, so
    // a run with the rule off keeps no claims in memory.
    let mut corpus = if level == Some(None) {
        crate::rules::corpus_contradiction::Summary::default()
    } else {
        crate::rules::corpus_contradiction::summarize(&analysis)
    };
    corpus.level = level;
    corpus.today = opts.today;
    let coverage = opts.coverage.then(|| {
        let outcomes = crate::analysis::outcome::outcomes(&analysis);
        crate::analysis::outcome::Coverage::of(&analysis, &outcomes)
    });
    FileResult {
        diagnostics,
        notes,
        corpus,
        coverage,
    }
}

/// Walks `paths` and checks every draft, in parallel; the report is sorted and does
/// not depend on the number of threads.
pub fn check_paths(paths: &[PathBuf], facts: &FactBase, opts: &CheckOptions) -> Report {
    let (files, walk_errors) = crate::read::walk::collect(paths);
    let jobs: Vec<FileJob> = files
        .into_iter()
        .map(|path| FileJob {
            path,
            base: 0,
            opts: opts.clone(),
        })
        .collect();
    let mut report = check_jobs(&jobs, std::slice::from_ref(facts));
    report.add_walk_errors(walk_errors);
    report
}

/// Tells each fact base how many bytes of drafts its jobs will scan, so that a large
/// base builds the names automaton that pays for that much text (see
/// [`crate::facts::names::Names::expect_text`]). Sizes come from the file system, and are added up
/// only until they reach [`crate::facts::names::DFA_MIN_BYTES`]: the files of a large corpus are
/// not all looked up an extra time.
/// Every job's `base` must index `bases`.
pub fn expect_texts(jobs: &[FileJob], bases: &mut [FactBase]) {
    let mut sizes = vec![0u64; bases.len()];
    for job in jobs {
        if let Some(size) = sizes.get_mut(job.base)
            && *size < crate::facts::names::DFA_MIN_BYTES
        {
            *size += std::fs::metadata(&job.path).map_or(0, |m| m.len());
        }
    }
    for (base, size) in bases.iter_mut().zip(sizes) {
        base.names.expect_text(size);
    }
}

/// One draft to check, with its fact base and its own options (configuration and
/// overrides differ between files).
#[derive(Clone, Debug)]
pub struct FileJob {
    /// The draft.
    pub path: PathBuf,
    /// Index into the fact bases given to [`check_jobs`].
    pub base: usize,
    /// Its options.
    pub opts: CheckOptions,
}

/// Checks drafts in parallel, each against its own fact base and options; the report
/// is sorted by path and does not depend on the number of threads. Every job's `base`
/// must index `bases`.
pub fn check_jobs(jobs: &[FileJob], bases: &[FactBase]) -> Report {
    run_jobs(jobs, bases, None)
}

/// [`check_jobs`], taking the findings of unchanged drafts from `cache` and keeping
/// those of the others in it (see [`cache`]); [`cache::Cache::save`] writes it. The
/// report is the same as without the cache, but for [`Report::cached`].
pub fn check_jobs_cached(jobs: &[FileJob], bases: &[FactBase], cache: &mut cache::Cache) -> Report {
    run_jobs(jobs, bases, Some(cache))
}

fn run_jobs(jobs: &[FileJob], bases: &[FactBase], cache: Option<&mut cache::Cache>) -> Report {
    let mut report = Report::default();
    enum Outcome {
        // Boxed: the other outcomes are small.
        Checked(Box<(CheckedFile, Option<(cache::Entry, bool)>)>),
        Error(FileError),
        Skipped(FileError),
    }
    let fingerprints: Vec<u128> = match cache {
        Some(_) => bases.iter().map(cache::fingerprint).collect(),
        None => Vec::new(),
    };
    let stored = cache.as_deref();
    let outcomes: Vec<Outcome> = jobs
        .par_iter()
        .map(|job| {
            let path = &job.path;
            let max = job.opts.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
            // The stamp is taken before the read: a file that changes during the run
            // has a later stamp at render time, and is not read again then.
            let stamp = FileStamp::of(path);
            match read_draft_limited(path, max) {
                Ok(Draft::Text(text)) => {
                    let facts = &bases[job.base];
                    let (result, entry) = match stored {
                        Some(c) => check_or_reuse(c, job, &text, facts, fingerprints[job.base]),
                        None => (check_text(path, &text, facts, &job.opts), None),
                    };
                    // The text is not kept: files with findings are read again when
                    // their findings are rendered, so memory follows the largest file,
                    // not the corpus.
                    Outcome::Checked(Box::new((
                        CheckedFile {
                            path: path.clone(),
                            text: None,
                            result,
                            base: job.base,
                            stamp,
                        },
                        entry,
                    )))
                }
                Ok(Draft::Skip(message)) => Outcome::Skipped(FileError {
                    path: path.clone(),
                    message,
                }),
                Err(message) => Outcome::Error(FileError {
                    path: path.clone(),
                    message,
                }),
            }
        })
        .collect();
    let mut entries = Vec::new();
    // One checked file per job, but for the unreadable and the skipped ones.
    report.files.reserve(outcomes.len());
    for o in outcomes {
        match o {
            Outcome::Checked(checked) => {
                let (c, entry) = *checked;
                if let Some(e) = entry {
                    report.cached += usize::from(e.1);
                    entries.push(e);
                }
                report.files.push(c);
            }
            Outcome::Error(e) => report.errors.push(e),
            Outcome::Skipped(e) => report.skipped.push(e),
        }
    }
    if let Some(c) = cache {
        c.record(entries);
    }
    // The jobs come sorted from `walk`, and their outcomes in their order: a stable
    // sort would allocate a copy of each list only to find that out.
    sort_by_path(&mut report.files, |f| &f.path);
    sort_by_path(&mut report.errors, |e| &e.path);
    sort_by_path(&mut report.skipped, |e| &e.path);
    // Claims compared across the drafts of the run (`corpus-contradiction`).
    corpus::compare(&mut report, bases);
    report
}

/// Sorts `items` by their paths (stable), unless they are sorted already.
fn sort_by_path<T>(items: &mut [T], path: impl Fn(&T) -> &Path) {
    if !items.is_sorted_by(|a, b| path(a) <= path(b)) {
        items.sort_by(|a, b| path(a).cmp(path(b)));
    }
}

/// A draft's findings from `cache` when they are stored under its key, else checked;
/// with the entry that keeps them, and whether it was a hit.
fn check_or_reuse(
    cache: &cache::Cache,
    job: &FileJob,
    text: &str,
    facts: &FactBase,
    fingerprint: u128,
) -> (FileResult, Option<(cache::Entry, bool)>) {
    let key = cache::Cache::key(job, fingerprint, text);
    if let Some((mut result, entry)) = cache.lookup(&job.path, &key) {
        // The day of this run, for the draft's `until=` dates in findings across drafts.
        result.corpus.today = job.opts.today;
        return (result, Some((entry, true)));
    }
    let result = check_text(&job.path, text, facts, &job.opts);
    let entry = cache::Cache::entry(&job.path, key, &result);
    (result, entry.map(|e| (e, false)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleId;

    /// A draft that contradicts itself (line 6 against line 4), with no fact base.
    const DRAFT: &str = "---\ndate: 2025-03-01\n---\n\
                         Globex serves 90,000 customers on Hooli.\n\n\
                         Globex serves 50,000 customers on Hooli.\n";

    fn levels(off: &[RuleId]) -> crate::config::Levels {
        off.iter()
            .map(|&r| (r, crate::config::Level::Off))
            .collect()
    }

    /// The rules that report on `text` with the rules `off` turned off, and whether the
    /// run computed what `computed` says of the analysis (statements, the timeline).
    fn run_with_off(
        text: &str,
        base: &FactBase,
        off: &[RuleId],
        computed: impl Fn(&Analysis<'_>) -> bool,
    ) -> (Vec<RuleId>, bool) {
        let doc = crate::read::markdown::scan(text);
        let a = Analysis::new(Path::new("t.md"), text, &doc, base, None);
        let found = run_rules(&a, &levels(off)).iter().map(|d| d.rule).collect();
        (found, computed(&a))
    }

    #[test]
    fn the_report_is_sorted_by_path_whatever_the_order_of_the_jobs() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut jobs: Vec<FileJob> = ["b.md", "c.md", "a.md"]
            .iter()
            .map(|name| {
                let path = dir.path().join(name);
                std::fs::write(&path, "Nothing to check.\n").expect("a draft");
                FileJob {
                    path,
                    base: 0,
                    opts: CheckOptions::default(),
                }
            })
            .collect();
        // An unreadable one among them: errors are sorted too.
        jobs.push(FileJob {
            path: dir.path().join("missing.md"),
            base: 0,
            opts: CheckOptions::default(),
        });
        jobs.push(FileJob {
            path: dir.path().join("gone.md"),
            base: 0,
            opts: CheckOptions::default(),
        });
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let report = check_jobs(&jobs, std::slice::from_ref(&base));
        let names = |paths: Vec<&Path>| -> Vec<String> {
            paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect()
        };
        let files = names(report.files.iter().map(|f| f.path.as_path()).collect());
        assert_eq!(files, ["a.md", "b.md", "c.md"]);
        let errors = names(report.errors.iter().map(|e| e.path.as_path()).collect());
        assert_eq!(errors, ["gone.md", "missing.md"]);
    }

    #[test]
    fn rules_that_are_off_do_not_run() {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let run =
            |off: &[RuleId]| run_with_off(DRAFT, &base, off, |a| a.statements.get().is_some());
        // On, the rule reads the statements and finds the contradiction.
        assert_eq!(run(&[]), (vec![RuleId::SelfContradiction], true));
        // Off (with the corpus rule, the other reader of statements), nothing computes
        // them.
        let off = [RuleId::SelfContradiction, RuleId::CorpusContradiction];
        assert_eq!(run(&off), (vec![], false));
    }

    #[test]
    fn the_timeline_is_not_judged_when_the_time_rules_are_off() {
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let text = "---\ndate: 2024-01-22\n---\nGPT-4.5 was released in 2025.\n";
        let run = |off: &[RuleId]| run_with_off(text, &base, off, |a| a.timeline.get().is_some());
        assert_eq!(run(&[]), (vec![RuleId::Anachronism], true));
        // One time rule on is enough to judge it (date-mismatch reads it for the
        // products' dates); with all five off, nothing does.
        let four = [
            RuleId::Anachronism,
            RuleId::RelativeDate,
            RuleId::LineupMismatch,
            RuleId::DateMismatch,
        ];
        assert_eq!(run(&four), (vec![], true));
        let five = [four.as_slice(), &[RuleId::UnknownModel]].concat();
        assert_eq!(run(&five), (vec![], false));
    }

    #[test]
    fn a_rule_that_is_off_leaves_the_other_findings_as_they_were() {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let check = |off: &[RuleId]| {
            let opts = CheckOptions {
                levels: levels(off),
                ..CheckOptions::default()
            };
            check_text(Path::new("t.md"), DRAFT, &base, &opts).diagnostics
        };
        let all = check(&[]);
        assert_eq!(all.len(), 1);
        assert_eq!(check(&[RuleId::TableArithmetic]), all);
        assert_eq!(check(&[RuleId::SelfContradiction]), []);
    }
}
