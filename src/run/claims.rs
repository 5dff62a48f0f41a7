//! `factlint claims`: every value and product name of each draft with what attribution
//! made of it (see [`crate::analysis::outcome`]), resolved into text for the emitters,
//! and the counts per file and per run.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::analysis::outcome::{self, Coverage, Item, Outcome, Reason, Target};
use crate::base::diagnostic::{LineIndex, one_line};
use crate::base::rule_id::RuleId;
use crate::base::value::Value;
use crate::facts::product::Found;
use crate::facts::{FactBase, FactKind};

use super::{DEFAULT_MAX_FILE_SIZE, Draft, FileError, FileJob, read_draft_limited};

/// What attribution made of one item, in words and ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Tied to a fact it agrees with.
    Agrees,
    /// Tied to a fact a rule says it contradicts.
    Contradicts,
    /// Not tied to a fact.
    Unattributed,
}

impl Status {
    /// The status's id in machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agrees => "agrees",
            Status::Contradicts => "contradicts",
            Status::Unattributed => "unattributed",
        }
    }
}

/// One value or product name of a draft, with its outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRecord {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// 1-based line and character column of the start.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// 1-based line and character column of the end (exclusive).
    pub end_line: usize,
    /// See `end_line`.
    pub end_column: usize,
    /// "money", "date", "percent", "count" or "product".
    pub kind: &'static str,
    /// What a money or percentage value is a claim of, when its wording says:
    /// "valuation", "round" (a funding round's size) or "score" (a benchmark score);
    /// see [`crate::analysis::keys`].
    pub subject: Option<&'static str>,
    /// The value or name as written (on one line).
    pub text: String,
    /// The ids of the entities the claim names (its own and its context's), sorted.
    pub entities: Arc<[String]>,
    /// The outcome.
    pub status: Status,
    /// For a contradiction, the rule that reports it.
    pub rule: Option<RuleId>,
    /// The id of the fact, product or family it was tied to.
    pub fact: Option<Arc<str>>,
    /// "event", "quantity", "product" or "family".
    pub fact_kind: Option<&'static str>,
    /// What the fact says (an amount, a date, a product's dates), where one value is
    /// meant.
    pub expected: Option<Arc<str>>,
    /// The fact's source.
    pub source: Option<Arc<str>>,
    /// Why it is not tied to a fact.
    pub reason: Option<Reason>,
}

/// The claims of one draft.
#[derive(Clone, Debug, Default)]
pub struct FileClaims {
    /// The path.
    pub path: PathBuf,
    /// Its values and names, in the order of the file.
    pub claims: Vec<ClaimRecord>,
    /// Their counts.
    pub coverage: Coverage,
    /// Values in code blocks and code spans: never claims, not counted in `coverage`.
    pub in_code: usize,
}

/// The claims of a run.
#[derive(Clone, Debug, Default)]
pub struct ClaimsReport {
    /// Drafts, sorted by path.
    pub files: Vec<FileClaims>,
    /// Drafts that could not be read, sorted by path.
    pub errors: Vec<FileError>,
    /// Files skipped with a note, sorted by path.
    pub skipped: Vec<FileError>,
}

impl ClaimsReport {
    /// The counts of the whole run.
    pub fn coverage(&self) -> Coverage {
        let mut c = Coverage::default();
        for f in &self.files {
            c.merge(&f.coverage);
        }
        c
    }

    /// Values in code, over the run.
    pub fn in_code(&self) -> usize {
        self.files.iter().map(|f| f.in_code).sum()
    }
}

/// The claims of one draft's text, judged as `check` judges it (`default_date` as in
/// [`super::CheckOptions`]).
pub fn claims_text(
    path: &Path,
    text: &str,
    facts: &FactBase,
    default_date: Option<jiff::civil::Date>,
) -> FileClaims {
    let doc = crate::read::markdown::scan(text);
    let a = Analysis::recording(path, text, &doc, facts, default_date);
    let outcomes = outcome::outcomes(&a);
    let coverage = Coverage::of(&a, &outcomes);
    let idx = LineIndex::new(text);
    // The texts many claims share (ids, values, sources, lists of entities), once each.
    let mut shared = Shared::default();
    let mut claims: Vec<ClaimRecord> = outcomes
        .iter()
        .map(|o| record(&a, &idx, &mut shared, o.claim, o.item, &o.outcome))
        .collect();
    claims.sort_by(|x, y| {
        (x.span.start, x.span.end, x.kind).cmp(&(y.span.start, y.span.end, y.kind))
    });
    let in_code = doc
        .code
        .iter()
        .filter_map(|r| text.get(r.clone()))
        .map(|code| crate::recognize::recognize(code).len())
        .sum();
    FileClaims {
        path: path.to_path_buf(),
        claims,
        coverage,
        in_code,
    }
}

/// Texts shared by the claims of a draft: a long draft states the same facts many times.
#[derive(Default)]
struct Shared {
    texts: HashMap<String, Arc<str>>,
    entities: Option<(usize, Arc<[String]>)>,
}

impl Shared {
    fn text(&mut self, s: &str) -> Arc<str> {
        if let Some(t) = self.texts.get(s) {
            return t.clone();
        }
        let t: Arc<str> = Arc::from(s);
        self.texts.insert(s.to_string(), t.clone());
        t
    }
}

fn record(
    a: &Analysis<'_>,
    idx: &LineIndex,
    shared: &mut Shared,
    ci: usize,
    item: Item,
    o: &Outcome,
) -> ClaimRecord {
    let claim = &a.claims[ci];
    let facts = a.facts;
    let subject = match item {
        Item::Value(vi) => crate::analysis::keys::subject_kind(claim, vi).map(|k| k.as_str()),
        Item::Product(_) => None,
    };
    let (span, kind, value) = match item {
        Item::Value(vi) => {
            let v = &claim.values[vi];
            let kind = match v.value {
                Value::Money { .. } => "money",
                Value::Percent(_) => "percent",
                Value::Count(_) => "count",
                Value::Date(_) => "date",
            };
            (v.span.clone(), kind, Some((vi, &v.value)))
        }
        Item::Product(ii) => (claim.products[ii].span.clone(), "product", None),
    };
    let (line, column) = idx.line_col(a.text, span.start);
    let (end_line, end_column) = idx.line_col(a.text, span.end);
    let entities = match &shared.entities {
        Some((c, list)) if *c == ci => list.clone(),
        _ => {
            let mut list: Vec<String> = claim
                .entities
                .iter()
                .map(|&e| facts.entities[e].id.clone())
                .collect();
            list.sort();
            list.dedup();
            let list: Arc<[String]> = list.into();
            shared.entities = Some((ci, list.clone()));
            list
        }
    };
    let mut r = ClaimRecord {
        span: span.clone(),
        line,
        column,
        end_line,
        end_column,
        kind,
        subject,
        text: one_line(a.source_text(&span)),
        entities,
        status: Status::Unattributed,
        rule: None,
        fact: None,
        fact_kind: None,
        expected: None,
        source: None,
        reason: None,
    };
    let target = match *o {
        Outcome::Agrees(t) => {
            r.status = Status::Agrees;
            t
        }
        Outcome::Contradicts(t, rule) => {
            r.status = Status::Contradicts;
            r.rule = Some(rule);
            t
        }
        Outcome::Unattributed(reason) => {
            r.reason = Some(reason);
            return r;
        }
    };
    match target {
        Target::Fact(f) => {
            let fact = &facts.facts[f];
            r.fact = Some(shared.text(&fact.id));
            r.source = Some(shared.text(&fact.source));
            match &fact.kind {
                FactKind::Event {
                    date,
                    amount,
                    valuation,
                    ..
                } => {
                    r.fact_kind = Some("event");
                    r.expected = Some(match (value, amount, valuation) {
                        (Some((_, Value::Date(_))), _, _) => shared.text(&date.to_string()),
                        // A valuation is tied to the round's valuation only.
                        (_, _, Some(val)) if subject == Some("valuation") => {
                            if let Some(s) = &val.source {
                                r.source = Some(shared.text(s));
                            }
                            shared.text(&val.stated.text)
                        }
                        (_, None, _) => shared.text(&date.to_string()),
                        (_, Some(am), _) => shared.text(&am.text),
                    });
                }
                FactKind::Quantity { values } => {
                    r.fact_kind = Some("quantity");
                    // The value in force on the day that matters: the date stated with
                    // it, else the article's.
                    let day = value
                        .and_then(|(vi, _)| crate::analysis::pinned_date(claim, vi))
                        .and_then(|di| match claim.values[di].value {
                            Value::Date(d) => Some(d.last_day()),
                            _ => None,
                        })
                        .or(a.article_date);
                    match day.and_then(|d| fact.value_on(d)) {
                        Some(t) => {
                            r.expected = Some(shared.text(&t.stated.text));
                            if let Some(s) = &t.source {
                                r.source = Some(shared.text(s));
                            }
                        }
                        None => {
                            r.expected = Some(
                                shared.text(
                                    &values
                                        .iter()
                                        .map(|t| format!("{} from {}", t.stated.text, t.from))
                                        .collect::<Vec<_>>()
                                        .join("; "),
                                ),
                            );
                        }
                    }
                }
            }
        }
        Target::Product(p) => {
            let prod = &facts.products[p];
            r.fact = Some(shared.text(&prod.id));
            r.fact_kind = Some("product");
            r.source = Some(shared.text(&prod.source));
            let mut dates = Vec::new();
            if let Some(d) = &prod.announced {
                dates.push(format!("announced {}", d.date));
            }
            if let Some(d) = &prod.released {
                dates.push(format!("released {}", d.date));
            }
            r.expected = Some(shared.text(&if dates.is_empty() {
                prod.name.clone()
            } else {
                format!("{} ({})", prod.name, dates.join(", "))
            }));
        }
        Target::Family(fam) => {
            let family = &facts.families[fam];
            r.fact = Some(Arc::from(family.id.as_str()));
            r.fact_kind = Some("family");
            let name = match item {
                Item::Product(ii) => match &claim.products[ii].found {
                    Found::Unknown { name, .. } => Some(name.as_str()),
                    Found::Known(_) => None,
                },
                Item::Value(_) => None,
            };
            r.expected = name.map(|n| Arc::from(format!("no product is named {n}")));
        }
    }
    r.source = r.source.filter(|s| !s.is_empty());
    r
}

/// The claims of every draft of `jobs`, in parallel; sorted by path, whatever the
/// number of threads. Every job's `base` must index `bases`.
pub fn claims_jobs(jobs: &[FileJob], bases: &[FactBase]) -> ClaimsReport {
    enum Done {
        File(Box<FileClaims>),
        Error(FileError),
        Skipped(FileError),
    }
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let max = job.opts.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
            match read_draft_limited(&job.path, max) {
                Ok(Draft::Text(text)) => Done::File(Box::new(claims_text(
                    &job.path,
                    &text,
                    &bases[job.base],
                    job.opts.default_date,
                ))),
                Ok(Draft::Skip(message)) => Done::Skipped(FileError {
                    path: job.path.clone(),
                    message,
                }),
                Err(message) => Done::Error(FileError {
                    path: job.path.clone(),
                    message,
                }),
            }
        })
        .collect();
    let mut report = ClaimsReport::default();
    for d in done {
        match d {
            Done::File(f) => report.files.push(*f),
            Done::Error(e) => report.errors.push(e),
            Done::Skipped(e) => report.skipped.push(e),
        }
    }
    report.files.sort_by(|a, b| a.path.cmp(&b.path));
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    report
}

/// Unattributed claims that read alike (the same text, kind, entities and reason),
/// with where they occur.
#[derive(Clone, Debug)]
pub struct Group<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Its kind.
    pub kind: &'static str,
    /// The entities in reach.
    pub entities: &'a [String],
    /// The reason.
    pub reason: Reason,
    /// Where: the file and the claim, in the order of the files and the file.
    pub occurrences: Vec<(&'a Path, &'a ClaimRecord)>,
}

/// The unattributed claims of a run, grouped, most frequent first, then by text
/// (then kind, entities and reason): the fact base's to-do list.
pub fn unattributed_groups(report: &ClaimsReport) -> Vec<Group<'_>> {
    let mut map: std::collections::BTreeMap<(&str, &str, &[String], Reason), Vec<_>> =
        std::collections::BTreeMap::new();
    for f in &report.files {
        for c in &f.claims {
            if let Some(reason) = c.reason {
                map.entry((c.text.as_str(), c.kind, &c.entities[..], reason))
                    .or_default()
                    .push((f.path.as_path(), c));
            }
        }
    }
    let mut groups: Vec<Group<'_>> = map
        .into_iter()
        .map(|((text, kind, entities, reason), occurrences)| Group {
            text,
            kind,
            entities,
            reason,
            occurrences,
        })
        .collect();
    // Stable: equal counts keep the map's order (text, kind, entities, reason).
    groups.sort_by_key(|g| std::cmp::Reverse(g.occurrences.len()));
    groups
}
