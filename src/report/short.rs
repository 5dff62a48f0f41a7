//! `short`: one line per finding, `path:line:col: severity[rule]: message`.

use std::io::{self, Write};

use crate::base::diagnostic::LineIndex;
use crate::base::paths::display_path;
use crate::run::Report;

/// Writes every finding and error of the report, one per line.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    for f in &report.files {
        let source = f.source();
        let text = source.as_deref().unwrap_or("");
        let idx = LineIndex::new(text);
        for d in &f.result.diagnostics {
            let (line, col) = idx.line_col(text, d.span.start);
            writeln!(
                w,
                "{}:{line}:{col}: {}[{}]: {}",
                display_path(&f.path),
                d.severity.as_str(),
                d.rule,
                d.message
            )?;
        }
    }
    for e in &report.errors {
        writeln!(w, "{}: error: {}", display_path(&e.path), e.message)?;
    }
    Ok(())
}
