//! factlint: a fact-consistency linter for Markdown articles about the AI industry.
//!
//! The pipeline runs one way: paths are walked ([`walk`]), each file is scanned as
//! Markdown ([`markdown`]), values and names are recognized ([`recognize`], [`names`]),
//! grouped into claims and attributed to facts ([`analysis`]), rules report
//! contradictions ([`rules`]), and an emitter renders them ([`emit`]). The library never
//! prints and never exits; the binary does.
//!
//! ```
//! use factlint::{facts::FactBase, check_text, CheckOptions};
//! let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
//! let draft = "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n";
//! let found = check_text(std::path::Path::new("draft.md"), draft, &base, &CheckOptions::default());
//! assert_eq!(found.diagnostics[0].rule.as_str(), "value-mismatch");
//! ```

pub mod analysis;
pub mod diagnostic;
pub mod emit;
pub mod facts;
pub mod markdown;
pub mod names;
pub mod recognize;
pub mod rules;
pub mod sentence;
pub mod timeline;
pub mod value;
pub mod walk;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::facts::FactBase;
use crate::rules::RULES;

/// Options of a check run.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// The article date for drafts whose front matter has none.
    pub default_date: Option<Date>,
}

/// The findings of one draft.
#[derive(Clone, Debug, Default)]
pub struct FileResult {
    /// Diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Remarks that are not findings ("no article date: time rules skipped").
    pub notes: Vec<String>,
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
        let text = read_draft(&self.path).ok()??;
        (text.len() as u64 == stamp.len).then_some(std::borrow::Cow::Owned(text))
    }
}

/// The outcome of checking many drafts.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Checked drafts, sorted by path.
    pub files: Vec<CheckedFile>,
    /// Drafts that could not be read, sorted by path.
    pub errors: Vec<FileError>,
    /// Files skipped with a note (binary files).
    pub skipped: Vec<FileError>,
}

impl Report {
    /// How many drafts were checked.
    pub fn files_checked(&self) -> usize {
        self.files.len()
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
    let doc = markdown::scan(text);
    let analysis = Analysis::new(path, text, &doc, facts, opts.default_date);
    let mut diagnostics = Vec::new();
    for rule in RULES {
        rule.check(&analysis, &mut diagnostics);
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    let mut notes = Vec::new();
    if let Some(fm) = &doc.front_matter
        && let Some((key, _)) = &fm.bad_date
    {
        notes.push(format!(
            "front matter `{key}` is not a date (write YYYY-MM-DD); time rules use --date if given"
        ));
    }
    if analysis.article_date.is_none() {
        notes.push(
            "no article date (front matter `date` or --date): time-dependent checks skipped"
                .to_string(),
        );
    }
    FileResult { diagnostics, notes }
}

/// Reads a draft: UTF-8 text, or an error that names the byte offset; `Ok(None)` for a
/// binary file (a NUL byte), which is skipped with a note.
pub fn read_draft(path: &Path) -> Result<Option<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| walk::io_message(&e))?;
    decode(bytes)
}

/// Decodes a draft's bytes (see [`read_draft`]).
pub fn decode(bytes: Vec<u8>) -> Result<Option<String>, String> {
    if bytes.contains(&0) {
        return Ok(None);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

/// Walks `paths` and checks every draft, in parallel; the report is sorted and does
/// not depend on the number of threads.
pub fn check_paths(paths: &[PathBuf], facts: &FactBase, opts: &CheckOptions) -> Report {
    let (files, walk_errors) = walk::collect(paths);
    let mut report = Report {
        errors: walk_errors
            .into_iter()
            .map(|e| FileError {
                path: e.path,
                message: e.message,
            })
            .collect(),
        ..Report::default()
    };
    enum Outcome {
        Checked(CheckedFile),
        Error(FileError),
        Skipped(FileError),
    }
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|path| match (FileStamp::of(path), read_draft(path)) {
            (stamp, Ok(Some(text))) => {
                let result = check_text(path, &text, facts, opts);
                Outcome::Checked(CheckedFile {
                    path: path.clone(),
                    text: None,
                    result,
                    stamp,
                })
            }
            (_, Ok(None)) => Outcome::Skipped(FileError {
                path: path.clone(),
                message: "skipped: a binary file".to_string(),
            }),
            (_, Err(message)) => Outcome::Error(FileError {
                path: path.clone(),
                message,
            }),
        })
        .collect();
    for o in outcomes {
        match o {
            Outcome::Checked(c) => report.files.push(c),
            Outcome::Error(e) => report.errors.push(e),
            Outcome::Skipped(e) => report.skipped.push(e),
        }
    }
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    report
}
