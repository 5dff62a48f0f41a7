//! `human`: rustc-style diagnostics rendered by codespan-reporting, with a primary
//! label on the draft, a secondary label on the fact, and notes with the source.

use std::io;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, WriteStyle};

use crate::base::diagnostic::{Diagnostic, FileKey, LineIndex, Severity};
use crate::facts::{FactBase, FactError, FactFile};
use crate::report::{display_path, source_files};
use crate::run::Report;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// Lines of a draft longer than this are not printed under a finding (a 10 MB line
/// would be printed once per finding); a note gives the location instead.
const MAX_SHOWN_LINE: usize = 4096;

/// The byte length of the longest line that `span` touches.
fn longest_line(idx: &LineIndex, text: &str, span: &std::ops::Range<usize>) -> usize {
    let starts = idx.starts();
    let first = starts
        .partition_point(|&s| s <= span.start)
        .saturating_sub(1);
    let last = starts.partition_point(|&s| s <= span.end).saturating_sub(1);
    (first..=last)
        .map(|l| starts.get(l + 1).copied().unwrap_or(text.len()) - starts[l])
        .max()
        .unwrap_or(0)
}

fn to_codespan(
    d: &Diagnostic,
    draft: (&std::path::Path, &str, &LineIndex),
    others: &[(std::path::PathBuf, usize)],
    notes_shown: bool,
) -> CsDiagnostic<usize> {
    let (path, text, idx) = draft;
    let show_draft = longest_line(idx, text, &d.span) <= MAX_SHOWN_LINE;
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    if show_draft {
        labels.push(CsLabel::primary(0, d.span.clone()).with_message(d.label.clone()));
    } else {
        let (line, col) = idx.line_col(text, d.span.start);
        notes.push(format!(
            "at {}:{line}:{col} (the line is too long to show): {}",
            display_path(path),
            d.label
        ));
    }
    for l in &d.related {
        let id = match &l.file {
            FileKey::Draft if !show_draft => None,
            FileKey::Draft => Some(0),
            FileKey::Fact(i) => Some(i + 1),
            FileKey::Other(p) => others.iter().find(|(q, _)| q == p).map(|(_, id)| *id),
        };
        if let Some(id) = id {
            labels.push(CsLabel::secondary(id, l.span.clone()).with_message(l.message.clone()));
        }
    }
    if notes_shown {
        notes.extend(d.notes.iter().cloned());
        if let Some(f) = &d.fix {
            notes.push(format!("help: replace with `{}`", f.replacement));
        }
    }
    CsDiagnostic::new(severity(d.severity))
        .with_code(d.rule.as_str())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Writes every finding of the report, then the read errors and notes. `bases` are the
/// fact bases the files were checked against (see [`crate::run::CheckedFile::base`]).
pub fn write<W: WriteStyle + io::Write>(
    report: &Report,
    bases: &[FactBase],
    w: &mut W,
) -> io::Result<()> {
    write_with(report, bases, w, true)
}

/// [`write`], with or without each finding's notes and `help:` line (`check --quiet`
/// leaves them out).
pub fn write_with<W: WriteStyle + io::Write>(
    report: &Report,
    bases: &[FactBase],
    w: &mut W,
    notes: bool,
) -> io::Result<()> {
    let config = Config::default();
    for f in &report.files {
        let Some(text) = f.source() else {
            continue;
        };
        let text: &str = &text;
        let facts = super::base_of(bases, f);
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
        let idx = LineIndex::new(text);
        for d in &f.result.diagnostics {
            let cs = to_codespan(d, (&f.path, text, &idx), &others, notes);
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

/// Writes a configuration file's problems, each pointing into its TOML.
pub fn write_config_error<W: WriteStyle + io::Write>(
    e: &crate::config::ConfigError,
    w: &mut W,
) -> io::Result<()> {
    let config = Config::default();
    let mut files = SimpleFiles::new();
    let id = files.add(display_path(&e.path), e.text.as_str());
    for p in &e.problems {
        let mut cs = CsDiagnostic::error()
            .with_code("config")
            .with_message(p.message.clone());
        if e.text.is_empty() {
            cs = cs.with_message(format!("{}: {}", display_path(&e.path), p.message));
        } else {
            cs = cs.with_labels(vec![
                CsLabel::primary(id, p.span.clone()).with_message(p.label.clone()),
            ]);
        }
        term::emit_to_write_style(w, &config, &files, &cs).map_err(io::Error::other)?;
    }
    Ok(())
}
