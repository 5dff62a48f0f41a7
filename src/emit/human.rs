//! `human`: rustc-style diagnostics rendered by codespan-reporting, with a primary
//! label on the draft, a secondary label on the fact, and notes with the source.

use std::io;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, WriteStyle};

use crate::Report;
use crate::diagnostic::{Diagnostic, FileKey, Severity};
use crate::emit::{display_path, source_files};
use crate::facts::{FactBase, FactError, FactFile};

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn to_codespan(
    d: &Diagnostic,
    files: &mut SimpleFiles<String, &str>,
    others: &[(std::path::PathBuf, usize)],
) -> CsDiagnostic<usize> {
    let mut labels = vec![CsLabel::primary(0, d.span.clone()).with_message(d.label.clone())];
    for l in &d.related {
        let id = match &l.file {
            FileKey::Draft => Some(0),
            FileKey::Fact(i) => Some(i + 1),
            FileKey::Other(p) => others.iter().find(|(q, _)| q == p).map(|(_, id)| *id),
        };
        if let Some(id) = id {
            labels.push(CsLabel::secondary(id, l.span.clone()).with_message(l.message.clone()));
        }
    }
    let _ = files;
    CsDiagnostic::new(severity(d.severity))
        .with_code(d.rule.as_str())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(d.notes.clone())
}

/// Writes every finding of the report, then the read errors and notes.
pub fn write<W: WriteStyle + io::Write>(
    report: &Report,
    facts: &FactBase,
    w: &mut W,
) -> io::Result<()> {
    let config = Config::default();
    for f in &report.files {
        let Some(text) = f.source() else {
            continue;
        };
        let text: &str = &text;
        let mut files = source_files(&f.path, text, facts);
        // Other drafts named by related labels (cross-document findings).
        let mut other_texts: Vec<(std::path::PathBuf, String)> = Vec::new();
        for d in &f.result.diagnostics {
            for l in &d.related {
                if let FileKey::Other(p) = &l.file
                    && !other_texts.iter().any(|(q, _)| q == p)
                {
                    other_texts.push((p.clone(), std::fs::read_to_string(p).unwrap_or_default()));
                }
            }
        }
        let mut others = Vec::new();
        for (p, t) in &other_texts {
            others.push((p.clone(), files.add(display_path(p), t.as_str())));
        }
        for d in &f.result.diagnostics {
            let cs = to_codespan(d, &mut files, &others);
            term::emit_to_write_style(w, &config, &files, &cs).map_err(io::Error::other)?;
        }
    }
    for e in &report.errors {
        let cs = CsDiagnostic::<usize>::error().with_message(format!(
            "{}: {}",
            display_path(&e.path),
            e.message
        ));
        let files: SimpleFiles<String, &str> = SimpleFiles::new();
        term::emit_to_write_style(w, &config, &files, &cs).map_err(io::Error::other)?;
    }
    Ok(())
}

/// Writes fact-base errors, each pointing into its TOML file.
pub fn write_fact_errors<W: WriteStyle + io::Write>(
    errors: &[FactError],
    facts: &[FactFile],
    w: &mut W,
) -> io::Result<()> {
    let config = Config::default();
    let mut files = SimpleFiles::new();
    for f in facts {
        files.add(f.name.clone(), f.text.as_str());
    }
    for e in errors {
        let cs = CsDiagnostic::error()
            .with_code("fact-base")
            .with_message(e.message.clone())
            .with_labels(vec![
                CsLabel::primary(e.file, e.span.clone()).with_message(e.label.clone()),
            ]);
        term::emit_to_write_style(w, &config, &files, &cs).map_err(io::Error::other)?;
    }
    Ok(())
}
