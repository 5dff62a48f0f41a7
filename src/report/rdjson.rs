//! `rdjson`: reviewdog's Diagnostic Format, one `DiagnosticResult` document: `source`
//! (`factlint`), and per finding its `message`, `location` (`path` relative to the
//! working folder; `range` with 1-based lines and 1-based columns counted in UTF-8
//! bytes, end exclusive, as the format says), `severity` (`ERROR`, `WARNING`, `INFO`),
//! `code` (the rule id) and, for a finding with a certain fix, one `suggestions` entry
//! (its range and replacement text), which reviewdog posts as a suggested change.

use std::io::{self, Write};

use serde::Serialize;

use crate::base::diagnostic::{LineIndex, Severity};
use crate::report::{Failure, ci_path};
use crate::run::Report;

/// The `code` of a file that could not be read, or of a configuration or fact base that
/// could not be used.
pub const ERROR_CODE: &str = "factlint-error";

#[derive(Serialize)]
struct Doc {
    source: Source,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Serialize)]
struct Diagnostic {
    message: String,
    location: Location,
    severity: &'static str,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion>,
}

#[derive(Serialize)]
struct Location {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<Range>,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Code {
    value: String,
}

#[derive(Serialize)]
struct Suggestion {
    range: Range,
    text: String,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// The 1-based line and 1-based UTF-8 byte column of `offset`.
fn position(text: &str, idx: &LineIndex, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let line = idx.line_col(text, offset).0;
    let start = idx.starts().get(line - 1).copied().unwrap_or(0);
    Position {
        line,
        column: offset - start + 1,
    }
}

fn range(text: &str, idx: &LineIndex, span: &std::ops::Range<usize>) -> Range {
    Range {
        start: position(text, idx, span.start),
        end: position(text, idx, span.end.max(span.start)),
    }
}

fn source() -> Source {
    Source { name: "factlint" }
}

/// Writes the report as one `DiagnosticResult`: every finding, and every file that
/// could not be read (code [`ERROR_CODE`], no range).
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for f in super::files_with_findings(report) {
        let (text, idx, path) = (f.text.as_ref(), &f.idx, &f.path);
        for d in &f.file.result.diagnostics {
            diagnostics.push(Diagnostic {
                message: super::message_with_notes(d, "\n"),
                location: Location {
                    path: path.clone(),
                    range: Some(range(text, idx, &d.span)),
                },
                severity: severity(d.severity),
                code: Code {
                    value: d.rule.as_str().to_string(),
                },
                suggestions: d
                    .fix
                    .iter()
                    .map(|fix| Suggestion {
                        range: range(text, idx, &fix.span),
                        text: fix.replacement.clone(),
                    })
                    .collect(),
            });
        }
    }
    for e in &report.errors {
        diagnostics.push(error(ci_path(&e.path), None, &e.message));
    }
    let doc = Doc {
        source: source(),
        diagnostics,
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

fn error(path: String, at: Option<(usize, usize)>, message: &str) -> Diagnostic {
    Diagnostic {
        message: format!("{path}: {message}"),
        location: Location {
            path,
            // The column of a problem is in characters: only its line is given.
            range: at.map(|(line, _)| Range {
                start: Position { line, column: 1 },
                end: Position { line, column: 1 },
            }),
        },
        severity: "ERROR",
        code: Code {
            value: ERROR_CODE.to_string(),
        },
        suggestions: Vec::new(),
    }
}

/// Writes problems that kept anything from being checked (a configuration or fact base
/// that cannot be used) as a `DiagnosticResult` of errors, each at its line of the
/// file at fault.
pub fn write_failures(failures: &[Failure], w: &mut dyn Write) -> io::Result<()> {
    let doc = Doc {
        source: source(),
        diagnostics: failures
            .iter()
            .map(|f| error(ci_path(std::path::Path::new(&f.path)), f.at, &f.message))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf8_bytes() {
        let text = "a\na𐐀b\r\nc";
        let idx = LineIndex::new(text);
        let b = text.find('b').expect("b");
        let p = position(text, &idx, b);
        assert_eq!((p.line, p.column), (2, 6));
        let c = position(text, &idx, text.len() - 1);
        assert_eq!((c.line, c.column), (3, 1));
    }
}
