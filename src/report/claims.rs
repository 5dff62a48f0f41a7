//! `factlint claims`: the claims of a run as lines of text or as one JSON document
//! (the contract of `docs/claims.md`, schema `docs/claims.schema.json`).

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::outcome::{Coverage, Reason, trim_percent};
use crate::base::paths::display_path;
use crate::run::claims::{ClaimRecord, ClaimsReport, Status, unattributed_groups};

/// The version of the claims JSON contract.
pub const VERSION: u32 = 1;

/// "12 claims, 9 attributed (7 agreeing, 2 contradicting), 3 unattributed (…), coverage 75 %".
pub fn summary_line(c: &Coverage) -> String {
    let reasons: Vec<String> = Reason::ALL
        .iter()
        .zip(c.unattributed)
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| format!("{} {n}", r.describe()))
        .collect();
    let mut s = format!(
        "{} claims, {} attributed ({} agreeing, {} contradicting), {} unattributed",
        c.claims,
        c.attributed(),
        c.agreeing,
        c.contradicting,
        c.unattributed_total()
    );
    if !reasons.is_empty() {
        s.push_str(&format!(" ({})", reasons.join(", ")));
    }
    match c.percent() {
        Some(p) => s.push_str(&format!(", coverage {} %", trim_percent(p))),
        None => s.push_str(", coverage -"),
    }
    if c.oversized > 0 {
        s.push_str(&format!("; {} sentence(s) too long to check", c.oversized));
    }
    s
}

fn outcome_text(c: &ClaimRecord) -> String {
    let fact = c.fact.as_deref().unwrap_or("");
    let expected = c
        .expected
        .as_deref()
        .filter(|e| !e.is_empty())
        .map_or(String::new(), |e| format!(" = {e}"));
    let source = c
        .source
        .as_deref()
        .map_or(String::new(), |s| format!(" ({s})"));
    match c.status {
        Status::Agrees => format!("agrees with {fact}{expected}{source}"),
        Status::Contradicts => format!(
            "contradicts {fact}{expected} [{}]{source}",
            c.rule.map_or("", |r| r.as_str())
        ),
        Status::Unattributed => format!("unattributed: {}", c.reason.map_or("", |r| r.describe())),
    }
}

/// Writes the claims as lines: `path:line:col: kind text: outcome`, each file's
/// summary after its claims, and the run's last. With `unattributed`, only the
/// unattributed claims, grouped, most frequent first.
pub fn write_text(report: &ClaimsReport, unattributed: bool, w: &mut dyn Write) -> io::Result<()> {
    if unattributed {
        for g in unattributed_groups(report) {
            let entities = if g.entities.is_empty() {
                String::new()
            } else {
                format!("; {}", g.entities.join(", "))
            };
            writeln!(
                w,
                "{}× {} ({}{entities}): {}",
                g.occurrences.len(),
                g.text,
                g.kind,
                g.reason.describe()
            )?;
            for (path, c) in &g.occurrences {
                writeln!(w, "    {}:{}:{}", display_path(path), c.line, c.column)?;
            }
        }
    } else {
        for f in &report.files {
            let path = display_path(&f.path);
            for c in &f.claims {
                let subject = c.subject.map_or(String::new(), |s| format!(" ({s})"));
                writeln!(
                    w,
                    "{path}:{}:{}: {} {}{subject}: {}",
                    c.line,
                    c.column,
                    c.kind,
                    c.text,
                    outcome_text(c)
                )?;
            }
            let code = if f.in_code > 0 {
                format!("; {} value(s) in code, not claims", f.in_code)
            } else {
                String::new()
            };
            writeln!(w, "{path}: {}{code}", summary_line(&f.coverage))?;
        }
    }
    let code = report.in_code();
    let code = if code > 0 {
        format!("; {code} value(s) in code, not claims")
    } else {
        String::new()
    };
    writeln!(
        w,
        "factlint: {} file(s): {}{code}",
        report.files.len(),
        summary_line(&report.coverage())
    )
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files_checked: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<ClaimList<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unattributed: Option<Vec<JsonGroup<'a>>>,
    files: Vec<JsonFile>,
    summary: JsonSummary,
    errors: Vec<JsonError>,
}

/// The claims of a run, serialized one by one (a large run has millions).
struct ClaimList<'a> {
    report: Option<&'a ClaimsReport>,
    paths: Vec<String>,
}

impl Serialize for ClaimList<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(report) = self.report else {
            return s.collect_seq(std::iter::empty::<JsonClaim<'_>>());
        };
        s.collect_seq(report.files.iter().zip(&self.paths).flat_map(|(f, path)| {
            f.claims.iter().map(move |c| JsonClaim {
                path,
                line: c.line,
                column: c.column,
                end_line: c.end_line,
                end_column: c.end_column,
                byte_start: c.span.start,
                byte_end: c.span.end,
                kind: c.kind,
                subject: c.subject,
                text: &c.text,
                entities: &c.entities,
                status: c.status.as_str(),
                rule: c.rule.map(|r| r.as_str()),
                fact: c.fact.as_deref(),
                fact_kind: c.fact_kind,
                expected: c.expected.as_deref(),
                source: c.source.as_deref(),
                reason: c.reason.map(Reason::as_str),
            })
        }))
    }
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    kind: &'static str,
    subject: Option<&'static str>,
    text: &'a str,
    entities: &'a [String],
    status: &'static str,
    rule: Option<&'static str>,
    fact: Option<&'a str>,
    fact_kind: Option<&'static str>,
    expected: Option<&'a str>,
    source: Option<&'a str>,
    reason: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    text: &'a str,
    kind: &'static str,
    entities: &'a [String],
    reason: &'static str,
    count: usize,
    occurrences: Vec<JsonPlace>,
}

#[derive(Serialize)]
struct JsonPlace {
    path: String,
    line: usize,
    column: usize,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct JsonFile {
    path: String,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    claims: usize,
    attributed: usize,
    agreeing: usize,
    contradicting: usize,
    unattributed: usize,
    by_reason: std::collections::BTreeMap<&'static str, usize>,
    coverage: Option<f64>,
    in_code: usize,
    oversized: usize,
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    message: String,
}

fn summary(c: &Coverage, in_code: usize) -> JsonSummary {
    JsonSummary {
        claims: c.claims,
        attributed: c.attributed(),
        agreeing: c.agreeing,
        contradicting: c.contradicting,
        unattributed: c.unattributed_total(),
        by_reason: Reason::ALL
            .iter()
            .zip(c.unattributed)
            .map(|(r, n)| (r.as_str(), n))
            .collect(),
        coverage: c.percent(),
        in_code,
        oversized: c.oversized,
    }
}

/// Writes the claims as one JSON document (with `unattributed`, the groups of
/// unattributed claims instead of the list of claims).
pub fn write_json(report: &ClaimsReport, unattributed: bool, w: &mut dyn Write) -> io::Result<()> {
    let (claims, groups) = if unattributed {
        let groups = unattributed_groups(report)
            .into_iter()
            .map(|g| JsonGroup {
                text: g.text,
                kind: g.kind,
                entities: g.entities,
                reason: g.reason.as_str(),
                count: g.occurrences.len(),
                occurrences: g
                    .occurrences
                    .iter()
                    .map(|(path, c)| JsonPlace {
                        path: display_path(path),
                        line: c.line,
                        column: c.column,
                        byte_start: c.span.start,
                        byte_end: c.span.end,
                    })
                    .collect(),
            })
            .collect();
        (None, Some(groups))
    } else {
        let claims = ClaimList {
            report: Some(report),
            paths: report.files.iter().map(|f| display_path(&f.path)).collect(),
        };
        (Some(claims), None)
    };
    let doc = Doc {
        version: VERSION,
        files_checked: report.files.len(),
        claims,
        unattributed: groups,
        files: report
            .files
            .iter()
            .map(|f| JsonFile {
                path: display_path(&f.path),
                summary: summary(&f.coverage, f.in_code),
            })
            .collect(),
        summary: summary(&report.coverage(), report.in_code()),
        errors: report
            .errors
            .iter()
            .map(|e| JsonError {
                path: display_path(&e.path),
                message: e.message.clone(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}

/// Writes the document of a run that could not start (a configuration or fact base that
/// cannot be used): no claims, and the problems as errors, `line:col: message`.
pub fn write_failures(failures: &[crate::report::Failure], w: &mut dyn Write) -> io::Result<()> {
    let doc = Doc {
        version: VERSION,
        files_checked: 0,
        claims: Some(ClaimList {
            report: None,
            paths: Vec::new(),
        }),
        unattributed: None,
        files: Vec::new(),
        summary: summary(&Coverage::default(), 0),
        errors: failures
            .iter()
            .map(|f| JsonError {
                path: f.path.clone(),
                message: match f.at {
                    Some((line, col)) => format!("{line}:{col}: {}", f.message),
                    None => f.message.clone(),
                },
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
