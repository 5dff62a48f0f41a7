//! `gitlab`: a GitLab Code Quality report, the JSON array of issues GitLab reads from a
//! `codequality` report artifact (a subset of the CodeClimate format): each issue has
//! `description`, `check_name` (the rule id), `fingerprint`, `severity` (`major` for an
//! error, `minor` for a warning, `info`) and `location` (`path` relative to the working
//! folder, `lines.begin` and `lines.end`).
//!
//! A fingerprint is a hash of the rule, the path, the stated text and the message, and
//! of how many identical findings came before it in the file: it does not change when
//! lines are added elsewhere (GitLab matches a merge request's findings with the target
//! branch's by fingerprint), and no two issues of a report share one.

use std::collections::HashMap;
use std::hash::Hash;
use std::io::{self, Write};

use serde::Serialize;

use crate::base::diagnostic::Severity;
use crate::base::hashing::hash128;
use crate::report::{Failure, ci_path};
use crate::run::Report;

/// The `check_name` of a file that could not be read, or of a configuration or fact
/// base that could not be used (no rule id: nothing was checked there).
pub const ERROR_CHECK: &str = "factlint-error";

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// Fingerprints that are unique in a report: the `n`-th issue of the same key gets `n`.
#[derive(Default)]
struct Fingerprints(HashMap<u128, usize>);

impl Fingerprints {
    fn next(&mut self, key: u128) -> String {
        let n = self.0.entry(key).or_insert(0);
        *n += 1;
        let n = *n;
        format!("{:032x}", hash128(|h| (key, n).hash(h)))
    }
}

fn key(check: &str, path: &str, stated: &str, message: &str) -> u128 {
    hash128(|h| (check, path, stated, message).hash(h))
}

fn one_line(message: &str) -> String {
    crate::base::diagnostic::one_line(message)
}

/// Writes the report as one Code Quality array: every finding, and every file that
/// could not be read (`check_name` [`ERROR_CHECK`], severity `blocker`).
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let mut issues = Vec::new();
    let mut prints = Fingerprints::default();
    for f in super::files_with_findings(report) {
        let (text, idx, path) = (f.text.as_ref(), &f.idx, &f.path);
        for d in &f.file.result.diagnostics {
            let begin = idx.line_col(text, d.span.start).0;
            let end = idx.line_col(text, d.span.end.max(d.span.start)).0;
            let stated = text.get(d.span.clone()).unwrap_or("");
            let description = super::message_with_notes(d, " — ");
            issues.push(Issue {
                fingerprint: prints.next(key(d.rule.as_str(), path, stated, &d.message)),
                description: one_line(&description),
                check_name: d.rule.as_str().to_string(),
                severity: severity(d.severity),
                location: Location {
                    path: path.clone(),
                    lines: Lines { begin, end },
                },
            });
        }
    }
    for e in &report.errors {
        let path = ci_path(&e.path);
        issues.push(error_issue(&mut prints, path, 1, &e.message));
    }
    serde_json::to_writer_pretty(&mut *w, &issues)?;
    writeln!(w)
}

fn error_issue(prints: &mut Fingerprints, path: String, line: usize, message: &str) -> Issue {
    Issue {
        description: one_line(&format!("{path}: {message}")),
        check_name: ERROR_CHECK.to_string(),
        fingerprint: prints.next(key(ERROR_CHECK, &path, "", message)),
        severity: "blocker",
        location: Location {
            path,
            lines: Lines {
                begin: line,
                end: line,
            },
        },
    }
}

/// Writes problems that kept anything from being checked (a configuration or fact base
/// that cannot be used) as a Code Quality array of `blocker` issues, each on its line
/// of the file at fault.
pub fn write_failures(failures: &[Failure], w: &mut dyn Write) -> io::Result<()> {
    let mut prints = Fingerprints::default();
    let issues: Vec<Issue> = failures
        .iter()
        .map(|f| {
            let line = f.at.map_or(1, |(line, _)| line);
            let path = ci_path(std::path::Path::new(&f.path));
            error_issue(&mut prints, path, line, &f.message)
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &issues)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_findings_get_distinct_fingerprints_and_the_same_ones_every_run() {
        let k = key("value-mismatch", "a.md", "$9 billion", "stated $9 billion");
        let mut a = Fingerprints::default();
        let (first, second) = (a.next(k), a.next(k));
        assert_ne!(first, second);
        let mut b = Fingerprints::default();
        assert_eq!(b.next(k), first);
        assert_eq!(first.len(), 32);
        assert_ne!(
            key("value-mismatch", "b.md", "$9 billion", "stated $9 billion"),
            k
        );
    }
}
