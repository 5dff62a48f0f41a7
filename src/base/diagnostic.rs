//! Our diagnostic model: what a rule reports about a draft. Converted to
//! codespan-reporting, JSON and other formats only at the edge (see `emit`).

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::base::rule_id::RuleId;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run by default.
    Info,
    /// Probably wrong; fails a run only with `--fail-on warning`.
    Warning,
    /// Wrong: fails a run by default.
    Error,
}

impl Severity {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which file a label points into.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FileKey {
    /// The draft the diagnostic is about.
    Draft,
    /// A fact file of the fact base, by index into `FactBase::files`.
    Fact(usize),
    /// Another draft of the same run (for claims compared across documents).
    Other(PathBuf),
}

/// A secondary location: the fact a value contradicts, or the other statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    /// The file.
    pub file: FileKey,
    /// Byte range in that file.
    pub span: Range<usize>,
    /// What the location is ("the fact", "stated here first").
    pub message: String,
}

/// A replacement that corrects a finding: the draft's bytes `span` become
/// `replacement`. Only findings whose correct text is certain carry one (see
/// [`crate::analysis::restyle`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    /// Byte range in the draft (the finding's own span).
    pub span: Range<usize>,
    /// The text that replaces it, in the draft's style ("$9B" becomes "$8B").
    pub replacement: String,
}

/// One finding in a draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: RuleId,
    /// Its severity (the rule's default unless configured otherwise).
    pub severity: Severity,
    /// One line that names both values.
    pub message: String,
    /// Byte range in the draft.
    pub span: Range<usize>,
    /// The label on the primary span.
    pub label: String,
    /// The id of the fact it contradicts, if any.
    pub fact: Option<String>,
    /// What the fact base (or the other statement) says.
    pub expected: Option<String>,
    /// What the draft says, as written.
    pub found: Option<String>,
    /// The fact's source URL.
    pub source: Option<String>,
    /// Secondary locations.
    pub related: Vec<Label>,
    /// Further notes.
    pub notes: Vec<String>,
    /// The replacement that corrects it, when the correct text is certain.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at its default severity.
    pub fn new(rule: RuleId, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            span,
            label: String::new(),
            fact: None,
            expected: None,
            found: None,
            source: None,
            related: Vec::new(),
            notes: Vec::new(),
            fix: None,
        }
    }

    /// Sets the primary label's message.
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = label.into();
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_related(mut self, label: Label) -> Diagnostic {
        self.related.push(label);
        self
    }

    /// The order in which diagnostics are reported: by position, then rule, then text.
    pub fn sort_key(&self) -> (usize, usize, RuleId, &str) {
        (self.span.start, self.span.end, self.rule, &self.message)
    }
}

/// Text as one line: each run of white space that holds a line break becomes one
/// space ("$9\nbillion" is "$9 billion"), and other control characters are escaped, so
/// that a message never spans lines in one-line-per-finding output.
pub fn one_line(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        flush_space(&mut run, &mut out);
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    flush_space(&mut run, &mut out);
    out
}

fn flush_space(run: &mut String, out: &mut String) {
    if run.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        out.push(' ');
    } else {
        for c in run.chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
    }
    run.clear();
}

/// Line starts of a text, to turn byte offsets into 1-based lines and columns
/// (columns count characters).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Every [`MARK_STRIDE`] bytes or so (on a character boundary): the byte offset and
    /// the number of characters from its line's start to it, so that a column in a very
    /// long line is counted from a nearby mark, not from the line's start.
    marks: Vec<(usize, usize)>,
}

/// How far apart the column marks of a [`LineIndex`] are, in bytes.
const MARK_STRIDE: usize = 1024;

impl LineIndex {
    /// Indexes `text`. A lone `\r` counts as a line end too.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        // Marks only in lines long enough to need them.
        let mut marks = Vec::new();
        let ends = starts.iter().skip(1).copied().chain([bytes.len()]);
        for (&start, end) in starts.iter().zip(ends) {
            if end - start <= MARK_STRIDE {
                continue;
            }
            let mut next_mark = start + MARK_STRIDE;
            let mut chars = 0usize;
            for (i, &b) in bytes[start..end].iter().enumerate() {
                if (b & 0xC0) != 0x80 {
                    if start + i >= next_mark {
                        marks.push((start + i, chars));
                        next_mark = start + i + MARK_STRIDE;
                    }
                    chars += 1;
                }
            }
        }
        LineIndex { starts, marks }
    }

    /// The 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let (from, before) = match self.marks.partition_point(|m| m.0 <= offset) {
            0 => (start, 0),
            i if self.marks[i - 1].0 >= start => self.marks[i - 1],
            _ => (start, 0),
        };
        let col = before
            + text
                .get(from..offset)
                .map_or(offset - from, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// Byte offsets where lines start.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lone_cr_ends_a_line() {
        let text = "a€b\rcd\r\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 4), (1, 3)); // 'b' after the 3-byte euro sign
        assert_eq!(idx.line_col(text, 6), (2, 1));
        assert_eq!(idx.line_col(text, 10), (3, 1));
    }

    #[test]
    fn one_line_joins_line_breaks_and_escapes_controls() {
        assert_eq!(one_line("stated $9\r\n  billion"), "stated $9 billion");
        assert_eq!(one_line("a\tb"), "a\\tb");
        assert_eq!(one_line("op\u{7}ai \u{2028}x"), "op\\u{7}ai x");
        assert_eq!(one_line("plain text"), "plain text");
    }

    #[test]
    fn every_offset_has_the_line_and_column_counted_by_hand() {
        let long = "é".repeat(700);
        let text = format!("ab\r\n{long}\rx\n\n{long}z{long}\r\n€\n{long}");
        let idx = LineIndex::new(&text);
        let (mut line, mut col) = (1, 1);
        let mut prev = '\0';
        for (off, c) in text.char_indices() {
            if prev == '\n' || (prev == '\r' && c != '\n') {
                (line, col) = (line + 1, 1);
            }
            assert_eq!(idx.line_col(&text, off), (line, col), "offset {off}");
            col += 1;
            prev = c;
        }
    }

    #[test]
    fn columns_in_very_long_lines_are_counted_from_marks_exactly() {
        let text = format!("x\n{}", "a€".repeat(3000));
        let idx = LineIndex::new(&text);
        for off in [2, 3, 6, 1026, 1027, 4000, 8000, text.len()] {
            if !text.is_char_boundary(off) {
                continue;
            }
            let want = text[2..off].chars().count() + 1;
            assert_eq!(idx.line_col(&text, off), (2, want), "offset {off}");
        }
    }
}
