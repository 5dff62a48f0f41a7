//! The fix loop of a run: check, apply the fixes, check again until nothing is left to
//! fix, and (with `--fix`) write each fixed file.

use std::path::{Path, PathBuf};

use crate::base::diagnostic::Fix;
use crate::facts::FactBase;
use crate::fix::{WriteOutcome, apply, unified_diff, write_if_unchanged};
use crate::run::{CheckOptions, FileJob, Report, check_text};

/// A draft after fixing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text (the same text when nothing could be fixed).
    pub text: String,
    /// How many findings were fixed.
    pub fixed: usize,
    /// Fixes left out because they overlap each other (in the last round).
    pub conflicts: usize,
}

/// Rounds of check-and-fix at most: a fix may let a later finding be fixed.
const MAX_ROUNDS: usize = 8;

/// Checks a draft and applies its fixes, again until no fix is left (so that fixing
/// the result changes nothing), at most `MAX_ROUNDS` times.
pub fn fix_text(path: &Path, text: &str, facts: &FactBase, opts: &CheckOptions) -> Fixed {
    let mut cur = text.to_string();
    let mut seen: Vec<String> = Vec::new();
    let mut fixed = 0;
    let mut conflicts = 0;
    for _ in 0..MAX_ROUNDS {
        let found = check_text(path, &cur, facts, opts);
        let fixes: Vec<Fix> = found
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.clone())
            .collect();
        let a = apply(&cur, &fixes);
        conflicts = a.conflicting.len();
        if a.applied.is_empty() || a.text == cur || seen.contains(&a.text) {
            break;
        }
        fixed += a.applied.len();
        seen.push(std::mem::replace(&mut cur, a.text));
    }
    Fixed {
        text: cur,
        fixed,
        conflicts,
    }
}

/// What `--fix` or `--diff` did with one draft.
#[derive(Clone, Debug)]
pub struct FileOutcome {
    /// The draft.
    pub path: PathBuf,
    /// Findings fixed (or that would be, with `--diff`).
    pub fixed: usize,
    /// Fixes left out because they overlap each other.
    pub conflicts: usize,
    /// The unified diff of the change (empty when nothing changes).
    pub diff: String,
    /// With `--fix`: whether the file was written, or why not.
    pub write: Option<Result<WriteOutcome, String>>,
}

/// Fixes every draft of a report that has a finding with a fix: computes the fixed
/// text (as [`fix_text`], with each file's own fact base and options from `jobs`) and
/// its diff, and with `write` replaces the file ([`write_if_unchanged`]). Files are
/// in the report's order.
pub fn fix_report(
    report: &Report,
    bases: &[FactBase],
    jobs: &[FileJob],
    write: bool,
) -> Vec<FileOutcome> {
    let by_path: std::collections::HashMap<&Path, &FileJob> =
        jobs.iter().map(|j| (j.path.as_path(), j)).collect();
    let mut out = Vec::new();
    for f in &report.files {
        if !f.result.diagnostics.iter().any(|d| d.fix.is_some()) {
            continue;
        }
        let (Some(source), Some(job), Some(base)) =
            (f.source(), by_path.get(f.path.as_path()), bases.get(f.base))
        else {
            continue;
        };
        let text: &str = &source;
        let fixed = fix_text(&f.path, text, base, &job.opts);
        let diff = unified_diff(
            &crate::base::paths::display_path(&f.path),
            text,
            fixed.text.as_str(),
        );
        let write = (write && fixed.text != text).then(|| {
            write_if_unchanged(&f.path, text.as_bytes(), fixed.text.as_bytes())
                .map_err(|e| crate::read::walk::io_message(&e))
        });
        out.push(FileOutcome {
            path: f.path.clone(),
            fixed: if fixed.text == text { 0 } else { fixed.fixed },
            conflicts: fixed.conflicts,
            diff,
            write,
        });
    }
    out
}
