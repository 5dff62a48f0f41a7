//! `json`: one JSON document with exactly the fields of the output contract.

use std::io::{self, Write};

use serde::Serialize;

use crate::base::diagnostic::LineIndex;
use crate::facts::{FactBase, FactError};
use crate::report::{Failure, Locator, display_path};
use crate::run::Report;

/// The version of the JSON contract.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: Vec<JsonError>,
    /// `check --statistics` only: findings per rule (an optional key added to the
    /// contract; absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<JsonStatistic>>,
}

#[derive(Serialize)]
struct JsonStatistic {
    rule: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    fact: Option<&'a str>,
    expected: Option<&'a str>,
    found: Option<&'a str>,
    source: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
    fix: Option<JsonFix<'a>>,
}

/// A finding's fix: replace the draft's bytes `byte_start..byte_end` with `replacement`.
#[derive(Serialize)]
struct JsonFix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    message: String,
}

/// Writes the report as one JSON document (`bases` as for [`super::human::write`]).
pub fn write(report: &Report, bases: &[FactBase], w: &mut dyn Write) -> io::Result<()> {
    write_with(report, bases, w, false)
}

/// [`write`], with the `statistics` key (findings per rule, [`super::statistics`])
/// when `statistics` is true.
pub fn write_with(
    report: &Report,
    bases: &[FactBase],
    w: &mut dyn Write,
    statistics: bool,
) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    let mut locators: Vec<Locator<'_>> = bases.iter().map(Locator::new).collect();
    let mut fallback = bases.first().map(Locator::new);
    for f in &report.files {
        let Some(locator) = locators.get_mut(f.base).or(fallback.as_mut()) else {
            continue;
        };
        let source = f.source();
        let text = source.as_deref().unwrap_or("");
        let idx = LineIndex::new(text);
        for d in &f.result.diagnostics {
            let (line, column) = idx.line_col(text, d.span.start);
            let (end_line, end_column) = idx.line_col(text, d.span.end);
            diagnostics.push(JsonDiagnostic {
                path: display_path(&f.path),
                rule: d.rule.as_str(),
                severity: d.severity.as_str(),
                message: &d.message,
                line,
                column,
                end_line,
                end_column,
                byte_start: d.span.start,
                byte_end: d.span.end,
                fact: d.fact.as_deref(),
                expected: d.expected.as_deref(),
                found: d.found.as_deref(),
                source: d.source.as_deref(),
                related: d
                    .related
                    .iter()
                    .map(|l| {
                        let loc = locator.locate(&l.file, l.span.start, (&f.path, text, &idx));
                        JsonRelated {
                            path: loc.path,
                            line: loc.line,
                            column: loc.column,
                            message: &l.message,
                        }
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| JsonFix {
                    byte_start: f.span.start,
                    byte_end: f.span.end,
                    replacement: &f.replacement,
                }),
            });
        }
    }
    let errors = report
        .errors
        .iter()
        .map(|e| JsonError {
            path: display_path(&e.path),
            message: e.message.clone(),
        })
        .collect();
    let doc = Doc {
        version: VERSION,
        files_checked: report.files_checked(),
        diagnostics,
        errors,
        statistics: statistics.then(|| {
            super::statistics(report)
                .into_iter()
                .map(|s| JsonStatistic {
                    rule: s.rule.as_str(),
                    count: s.count,
                })
                .collect()
        }),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

/// Writes problems that kept anything from being checked as a JSON document with no
/// diagnostics: each in `errors`, its message starting `line:col: ` when it has a place.
pub fn write_failures(failures: &[Failure], w: &mut dyn Write) -> io::Result<()> {
    let errors = failures
        .iter()
        .map(|f| JsonError {
            path: f.path.clone(),
            message: match f.at {
                Some((line, col)) => format!("{line}:{col}: {}", f.message),
                None => f.message.clone(),
            },
        })
        .collect();
    let doc = Doc {
        version: VERSION,
        files_checked: 0,
        diagnostics: Vec::new(),
        errors,
        statistics: None,
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

/// Writes fact-base errors as a JSON document with no diagnostics.
pub fn write_fact_errors(
    errors: &[FactError],
    files: &[crate::facts::FactFile],
    w: &mut dyn Write,
) -> io::Result<()> {
    write_failures(&Failure::of_facts(errors, files), w)
}
