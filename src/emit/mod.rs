//! Output formats: one per file. Emitters write to a writer given by the caller;
//! they never print on their own.

use std::path::Path;

use codespan_reporting::files::SimpleFiles;

use crate::diagnostic::{FileKey, LineIndex};
use crate::facts::FactBase;

pub mod github;
pub mod human;
pub mod json;
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
}

/// The fact base a checked file was checked against.
pub fn base_of<'a>(bases: &'a [FactBase], f: &crate::CheckedFile) -> &'a FactBase {
    bases
        .get(f.base)
        .or_else(|| bases.first())
        .expect("the caller passes the fact bases the report was made with")
}

/// A path as shown in output: forward slashes on every platform.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
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

/// Resolves a label's file and offset to a location. `draft` is the file the
/// diagnostic is about.
pub fn locate(key: &FileKey, offset: usize, draft: (&Path, &str), facts: &FactBase) -> Location {
    let (path, text) = match key {
        FileKey::Draft => (display_path(draft.0), draft.1.to_string()),
        FileKey::Fact(i) => (
            facts.file_name(*i).to_string(),
            facts
                .files
                .get(*i)
                .map_or(String::new(), |f| f.text.clone()),
        ),
        FileKey::Other(p) => (
            display_path(p),
            std::fs::read_to_string(p).unwrap_or_default(),
        ),
    };
    let (line, column) = LineIndex::new(&text).line_col(&text, offset);
    Location { path, line, column }
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
