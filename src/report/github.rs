//! `github`: GitHub Actions workflow commands, one per finding, which GitHub shows as
//! annotations on the pull request:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=factlint RULE::message`.

use std::io::{self, Write};

use crate::base::diagnostic::Severity;
use crate::report::ci_path;
use crate::run::Report;

/// Escapes a command's message: `%`, `\r`, `\n`.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value: as [`escape_data`], and `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Writes one workflow command per finding and per file that could not be read.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    for f in super::files_with_findings(report) {
        let (text, idx) = (f.text.as_ref(), &f.idx);
        let file = escape_property(&f.path);
        for d in &f.file.result.diagnostics {
            let (line, col) = idx.line_col(text, d.span.start);
            let (end_line, end_col) = idx.line_col(text, d.span.end.max(d.span.start));
            let message = super::message_with_notes(d, "\n");
            writeln!(
                w,
                "::{} file={file},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                command(d.severity),
                escape_property(&format!("factlint {}", d.rule)),
                escape_data(&message)
            )?;
        }
    }
    for e in &report.errors {
        writeln!(
            w,
            "::error file={},title=factlint::{}",
            escape_property(&ci_path(&e.path)),
            escape_data(&e.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escapes() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
