//! `junit`: JUnit XML, as GitLab's unit test reports and Jenkins' JUnit plugin read it.
//! `<testsuites>` holds one `<testsuite>` per checked file (its path as `name`); each
//! finding is a `<testcase>` (`name` the rule and its line and column, `classname` and
//! `file` the path, `line`) with a `<failure>` (`message` the finding's message, `type`
//! the rule id; its text the severity, place, message and notes). A file without
//! findings is one passing `<testcase>` named `factlint`, so that the report counts
//! every file checked; a file that could not be read, and a configuration or fact base
//! that could not be used, is a `<testcase>` with an `<error>`. No timings, so the
//! output is the same on every run.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

use crate::base::diagnostic::{LineIndex, one_line};
use crate::report::{Failure, ci_path};
use crate::run::Report;

/// Text that XML 1.0 can hold: control characters other than tab, line feed and
/// carriage return (and U+FFFE, U+FFFF) become U+FFFD. Escaping `<`, `&` and quotes is
/// quick-xml's.
fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn attr(s: &str) -> String {
    xml_text(&one_line(s))
}

struct Case {
    name: String,
    classname: String,
    line: Option<usize>,
    /// `failure` or `error`, its `message`, its `type` and its text.
    outcome: Option<(&'static str, String, String, String)>,
}

struct Suite {
    name: String,
    cases: Vec<Case>,
}

fn count(cases: &[Case], kind: &str) -> usize {
    cases
        .iter()
        .filter(|c| c.outcome.as_ref().is_some_and(|o| o.0 == kind))
        .count()
}

fn write_suites(suites: &[Suite], w: &mut dyn Write) -> io::Result<()> {
    let mut xml = Writer::new_with_indent(&mut *w, b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let all: Vec<&Case> = suites.iter().flat_map(|s| &s.cases).collect();
    let total = |kind: &str| {
        all.iter()
            .filter(|c| c.outcome.as_ref().is_some_and(|o| o.0 == kind))
            .count()
    };
    let root = BytesStart::new("testsuites").with_attributes([
        ("name", "factlint"),
        ("tests", all.len().to_string().as_str()),
        ("failures", total("failure").to_string().as_str()),
        ("errors", total("error").to_string().as_str()),
    ]);
    xml.write_event(Event::Start(root.borrow()))?;
    for s in suites {
        let start = BytesStart::new("testsuite").with_attributes([
            ("name", attr(&s.name).as_str()),
            ("tests", s.cases.len().to_string().as_str()),
            ("failures", count(&s.cases, "failure").to_string().as_str()),
            ("errors", count(&s.cases, "error").to_string().as_str()),
            ("skipped", "0"),
        ]);
        xml.write_event(Event::Start(start.borrow()))?;
        for c in &s.cases {
            let mut case = BytesStart::new("testcase").with_attributes([
                ("name", attr(&c.name).as_str()),
                ("classname", attr(&c.classname).as_str()),
                ("file", attr(&c.classname).as_str()),
            ]);
            if let Some(line) = c.line {
                case.push_attribute(("line", line.to_string().as_str()));
            }
            match &c.outcome {
                None => xml.write_event(Event::Empty(case))?,
                Some((kind, message, ty, text)) => {
                    xml.write_event(Event::Start(case.borrow()))?;
                    let el = BytesStart::new(*kind).with_attributes([
                        ("message", attr(message).as_str()),
                        ("type", attr(ty).as_str()),
                    ]);
                    xml.write_event(Event::Start(el.borrow()))?;
                    xml.write_event(Event::Text(BytesText::new(&xml_text(text))))?;
                    xml.write_event(Event::End(el.to_end()))?;
                    xml.write_event(Event::End(case.to_end()))?;
                }
            }
        }
        xml.write_event(Event::End(start.to_end()))?;
    }
    xml.write_event(Event::End(root.to_end()))?;
    writeln!(w)
}

/// Writes the report as one JUnit XML document.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let mut suites = Vec::new();
    for f in &report.files {
        let path = ci_path(&f.path);
        let source = f.source();
        let text = source.as_deref().unwrap_or("");
        let idx = LineIndex::new(text);
        let mut cases = Vec::new();
        for d in &f.result.diagnostics {
            let (line, col) = idx.line_col(text, d.span.start);
            let mut details = format!(
                "{}[{}] {path}:{line}:{col}: {}",
                d.severity.as_str(),
                d.rule,
                d.message
            );
            for n in &d.notes {
                details.push('\n');
                details.push_str(n);
            }
            cases.push(Case {
                name: format!("{} at {line}:{col}", d.rule),
                classname: path.clone(),
                line: Some(line),
                outcome: Some((
                    "failure",
                    d.message.clone(),
                    d.rule.as_str().to_string(),
                    details,
                )),
            });
        }
        if cases.is_empty() {
            cases.push(Case {
                name: "factlint".to_string(),
                classname: path.clone(),
                line: None,
                outcome: None,
            });
        }
        suites.push(Suite { name: path, cases });
    }
    for e in &report.errors {
        let path = ci_path(&e.path);
        suites.push(error_suite(path, None, &e.message));
    }
    write_suites(&suites, w)
}

fn error_suite(path: String, line: Option<usize>, message: &str) -> Suite {
    Suite {
        name: path.clone(),
        cases: vec![Case {
            name: "factlint".to_string(),
            classname: path.clone(),
            line,
            outcome: Some((
                "error",
                message.to_string(),
                "factlint-error".to_string(),
                format!("{path}: {message}"),
            )),
        }],
    }
}

/// Writes problems that kept anything from being checked (a configuration or fact base
/// that cannot be used) as a JUnit document of one test suite, `factlint`, whose test
/// cases each hold an `<error>`.
pub fn write_failures(failures: &[Failure], w: &mut dyn Write) -> io::Result<()> {
    let cases = failures
        .iter()
        .flat_map(|f| {
            let path = ci_path(std::path::Path::new(&f.path));
            let message = match f.at {
                Some((line, col)) => format!("{line}:{col}: {}", f.message),
                None => f.message.clone(),
            };
            error_suite(path, f.at.map(|a| a.0), &message).cases
        })
        .collect();
    write_suites(
        &[Suite {
            name: "factlint".to_string(),
            cases,
        }],
        w,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_xml_cannot_hold_is_replaced() {
        assert_eq!(xml_text("a\u{1}b\tc\u{FFFF}"), "a\u{FFFD}b\tc\u{FFFD}");
    }
}
