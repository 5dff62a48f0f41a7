//! `sarif`: SARIF 2.1.0 for code scanning. One run; `tool.driver.rules` lists every rule
//! id with its help text; each result has its rule, level, message, the draft region
//! and, as related locations, the fact it contradicts (or the other statement; a fact
//! of the built-in base, which has no file in the repository, is told in the message
//! instead); a finding with a certain correction has `fixes` (one replacement of its
//! region).

use std::cell::RefCell;
use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::{Value, json};

use crate::base::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::facts::FactBase;
use crate::report::{Failure, Locator, ci_path};
use crate::rules::{RuleId, meta_of};
use crate::run::Report;

/// The SARIF version written.
pub const VERSION: &str = "2.1.0";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The bytes a path segment keeps as they are in a URI: the unreserved characters of
/// RFC 3986 and `/`; every other byte is percent-encoded.
const PATH_KEEPS: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A path as a URI reference: relative paths stay relative (code scanning resolves them
/// against the repository root), absolute ones become `file://` URIs; every byte other
/// than unreserved characters and `/` is percent-encoded (by `percent-encoding`, the
/// `url` project's encoder), except a Windows drive's colon.
pub fn uri(path: &str) -> String {
    let encode = |s: &str| percent_encoding::utf8_percent_encode(s, PATH_KEEPS).to_string();
    if path.starts_with('/') {
        format!("file://{}", encode(path))
    } else if let [drive, b':', b'/', ..] = path.as_bytes()
        && drive.is_ascii_alphabetic()
    {
        format!("file:///{}:{}", char::from(*drive), encode(&path[2..]))
    } else {
        encode(path)
    }
}

/// An `artifactLocation`: a relative path is relative to `%SRCROOT%` (the checkout,
/// which code scanning resolves), an absolute one a `file://` URI.
pub fn artifact(path: &str) -> Value {
    let uri = uri(path);
    if uri.starts_with("file://") {
        json!({ "uri": uri })
    } else {
        json!({ "uri": uri, "uriBaseId": "%SRCROOT%" })
    }
}

/// The line that tells a label in a built-in fact file in a message: "the fact: $8
/// billion (built-in fact base, <built-in>/anthropic.toml:40)".
pub fn builtin_note(label: &str, at: &crate::report::Location) -> String {
    format!("{label} (built-in fact base, {}:{})", at.path, at.line)
}

fn region(text: &str, idx: &LineIndex, span: &std::ops::Range<usize>) -> Value {
    let (line, col) = idx.line_col(text, span.start);
    let (end_line, end_col) = idx.line_col(text, span.end.max(span.start));
    json!({
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
    })
}

/// The rule descriptors: every rule id that has a rule, in id order.
fn rules() -> Vec<(RuleId, Value)> {
    RuleId::ALL
        .into_iter()
        .filter_map(|id| {
            let m = meta_of(id)?;
            let help = format!("{}\n\n{}", m.summary, m.explanation.trim_end());
            Some((
                id,
                json!({
                    "id": id.as_str(),
                    "shortDescription": { "text": m.summary },
                    "fullDescription": { "text": m.summary },
                    "help": { "text": help, "markdown": help },
                    "defaultConfiguration": { "level": level(id.default_severity()) },
                }),
            ))
        })
        .collect()
}

fn result(
    d: &Diagnostic,
    rule_index: Option<usize>,
    path: &std::path::Path,
    text: &str,
    idx: &LineIndex,
    locator: &mut Locator<'_>,
) -> Value {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push('\n');
        message.push_str(n);
    }
    // A built-in fact has no file in the user's repository: it is told in the message
    // (its text; the source is in the notes above), not given as a location.
    let (builtin, located): (Vec<_>, Vec<_>) =
        d.related.iter().partition(|l| locator.is_builtin(&l.file));
    for l in builtin {
        let at = locator.locate(&l.file, l.span.start, (path, text, idx));
        message.push('\n');
        message.push_str(&builtin_note(&l.message, &at));
    }
    let related: Vec<Value> = located
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let start = locator.locate(&l.file, l.span.start, (path, text, idx));
            let end = locator.locate(&l.file, l.span.end.max(l.span.start), (path, text, idx));
            json!({
                "id": i + 1,
                "message": { "text": l.message },
                "physicalLocation": {
                    "artifactLocation": artifact(&ci_path(std::path::Path::new(&start.path))),
                    "region": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": end.column,
                    },
                },
            })
        })
        .collect();
    let mut r = json!({
        "ruleId": d.rule.as_str(),
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact(&ci_path(path)),
                "region": region(text, idx, &d.span),
            },
        }],
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = Value::Array(related);
    }
    let mut props = serde_json::Map::new();
    for (k, v) in [
        ("fact", &d.fact),
        ("expected", &d.expected),
        ("found", &d.found),
        ("source", &d.source),
    ] {
        if let Some(v) = v {
            props.insert(k.to_string(), json!(v));
        }
    }
    if !props.is_empty() {
        r["properties"] = Value::Object(props);
    }
    if let Some(f) = &d.fix {
        let found = text.get(f.span.clone()).unwrap_or("");
        r["fixes"] = json!([{
            "description": { "text": format!("Replace `{found}` with `{}`", f.replacement) },
            "artifactChanges": [{
                "artifactLocation": artifact(&ci_path(path)),
                "replacements": [{
                    "deletedRegion": region(text, idx, &f.span),
                    "insertedContent": { "text": f.replacement },
                }],
            }],
        }]);
    }
    r
}

/// The results of a report, made one at a time while they are written: a SARIF log
/// of many findings is never held whole in memory, and each draft is read again only
/// while its own results are made.
struct Results<'r, 'f> {
    report: &'r Report,
    rules: &'r [(RuleId, Value)],
    locators: RefCell<Vec<Locator<'f>>>,
    fallback: RefCell<Option<Locator<'f>>>,
}

impl Serialize for Results<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        let mut locators = self.locators.borrow_mut();
        let mut fallback = self.fallback.borrow_mut();
        for f in &self.report.files {
            if f.result.diagnostics.is_empty() {
                continue;
            }
            let source = f.source();
            let text = source.as_deref().unwrap_or("");
            let idx = LineIndex::new(text);
            let Some(locator) = locators.get_mut(f.base).or(fallback.as_mut()) else {
                continue;
            };
            for d in &f.result.diagnostics {
                let rule_index = self.rules.iter().position(|(id, _)| *id == d.rule);
                seq.serialize_element(&result(d, rule_index, &f.path, text, &idx, locator))?;
            }
        }
        seq.end()
    }
}

/// The log, its keys in the order `serde_json` writes a map's (sorted), so that the
/// output is the same as that of one `json!` document.
#[derive(Serialize)]
struct Log<'a, 'r, 'f> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a, 'r, 'f>; 1],
    version: &'static str,
}

#[derive(Serialize)]
struct Run<'a, 'r, 'f> {
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    invocations: Value,
    results: &'a Results<'r, 'f>,
    tool: Value,
}

/// Writes the report as one SARIF log (`bases` as for [`super::human::write`]).
pub fn write(report: &Report, bases: &[FactBase], w: &mut dyn Write) -> io::Result<()> {
    let rules = rules();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            let path = ci_path(&e.path);
            json!({
                "level": "error",
                "message": { "text": format!("{path}: {}", e.message) },
                "locations": [{
                    "physicalLocation": { "artifactLocation": artifact(&path) },
                }],
            })
        })
        .collect();
    let tool = tool(&rules);
    let results = Results {
        report,
        rules: &rules,
        locators: RefCell::new(bases.iter().map(Locator::new).collect()),
        fallback: RefCell::new(bases.first().map(Locator::new)),
    };
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            invocations: json!([{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }]),
            results: &results,
            tool,
        }],
        version: VERSION,
    };
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

/// Writes a log of one run that checked nothing: `executionSuccessful` false, and each
/// problem a `toolExecutionNotifications` entry located in its file.
pub fn write_failures(failures: &[Failure], w: &mut dyn Write) -> io::Result<()> {
    let notifications: Vec<Value> = failures
        .iter()
        .map(|f| {
            let mut physical =
                json!({ "artifactLocation": artifact(&ci_path(std::path::Path::new(&f.path))) });
            if let Some((line, col)) = f.at {
                physical["region"] = json!({ "startLine": line, "startColumn": col });
            }
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", f.path, f.message) },
                "locations": [{ "physicalLocation": physical }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": VERSION,
        "runs": [{
            "columnKind": "unicodeCodePoints",
            "tool": tool(&rules()),
            "invocations": [{
                "executionSuccessful": false,
                "toolExecutionNotifications": notifications,
            }],
            "results": [],
        }],
    });
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

fn tool(rules: &[(RuleId, Value)]) -> Value {
    json!({
        "driver": {
            "name": "factlint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules.iter().map(|(_, v)| v).collect::<Vec<_>>(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(uri("/tmp/x#1.md"), "file:///tmp/x%231.md");
        assert_eq!(uri("a:b.md"), "a%3Ab.md");
        assert_eq!(uri("C:/x/y.md"), "file:///C:/x/y.md");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }
}
