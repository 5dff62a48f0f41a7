//! The rules: one per file, each with its id, default severity and explanation.
//!
//! A rule reads the analysed draft (its claims and their attributions to facts) and
//! pushes diagnostics. Rules never print and never fail: a rule that cannot decide
//! says nothing.

use std::fmt;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::base::diagnostic::{Diagnostic, Severity};

pub mod anachronism;
mod catalog;
pub mod corpus_contradiction;
pub mod date_mismatch;
pub mod lineup_mismatch;
pub mod ratio_mismatch;
pub mod relative_date;
pub mod self_contradiction;
pub mod stale_value;
pub mod sum_mismatch;
pub mod table_arithmetic;
pub mod unknown_model;
pub mod value_mismatch;

/// Every rule id factlint knows. Ids are part of the interface (JSON, SARIF, config,
/// suppression comments): never rename one.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// A stated amount, count or percentage that contradicts the fact it is about.
    ValueMismatch,
    /// A value that was true once but not on the article's date.
    StaleValue,
    /// A stated date for an event that contradicts the fact's date.
    DateMismatch,
    /// Parts that do not add up to the stated or known total.
    SumMismatch,
    /// A product or event named before it existed.
    Anachronism,
    /// A name of a known family's shape that no product has.
    UnknownModel,
    /// "last year", "earlier this year" that the fact's date contradicts.
    RelativeDate,
    /// A line-up listed with a member it did not have on the article's date.
    LineupMismatch,
    /// The same claim made twice in one document with values that cannot both hold.
    SelfContradiction,
    /// A running-total or total row that does not equal the sum of its column.
    TableArithmetic,
    /// "doubling", "tripling" between two values that do not have that ratio.
    RatioMismatch,
    /// Two documents of one run that state the same claim differently.
    CorpusContradiction,
    /// A suppression comment whose `until=` date has passed.
    ExpiredSuppression,
    /// A suppression comment that hid nothing (with `--report-unused-suppressions`).
    UnusedSuppression,
    /// A `factlint-…` comment that cannot be read (unknown directive, rule id or key).
    InvalidSuppression,
}

impl RuleId {
    /// Every id, in a stable order.
    pub const ALL: [RuleId; 15] = [
        RuleId::ValueMismatch,
        RuleId::StaleValue,
        RuleId::DateMismatch,
        RuleId::SumMismatch,
        RuleId::Anachronism,
        RuleId::UnknownModel,
        RuleId::RelativeDate,
        RuleId::LineupMismatch,
        RuleId::SelfContradiction,
        RuleId::TableArithmetic,
        RuleId::RatioMismatch,
        RuleId::CorpusContradiction,
        RuleId::ExpiredSuppression,
        RuleId::UnusedSuppression,
        RuleId::InvalidSuppression,
    ];

    /// The kebab-case id.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::ValueMismatch => "value-mismatch",
            RuleId::StaleValue => "stale-value",
            RuleId::DateMismatch => "date-mismatch",
            RuleId::SumMismatch => "sum-mismatch",
            RuleId::Anachronism => "anachronism",
            RuleId::UnknownModel => "unknown-model",
            RuleId::RelativeDate => "relative-date",
            RuleId::LineupMismatch => "lineup-mismatch",
            RuleId::SelfContradiction => "self-contradiction",
            RuleId::TableArithmetic => "table-arithmetic",
            RuleId::RatioMismatch => "ratio-mismatch",
            RuleId::CorpusContradiction => "corpus-contradiction",
            RuleId::ExpiredSuppression => "expired-suppression",
            RuleId::UnusedSuppression => "unused-suppression",
            RuleId::InvalidSuppression => "invalid-suppression",
        }
    }

    /// Parses a kebab-case id.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The severity a finding of this rule has unless configured otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            RuleId::UnknownModel
            | RuleId::RelativeDate
            | RuleId::LineupMismatch
            | RuleId::CorpusContradiction
            | RuleId::ExpiredSuppression
            | RuleId::UnusedSuppression
            | RuleId::InvalidSuppression => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule tells about itself: shown by `factlint rules` and `factlint rule ID`.
#[derive(Debug)]
pub struct RuleMeta {
    /// The rule's id.
    pub id: RuleId,
    /// One line: what it finds.
    pub summary: &'static str,
    /// What it finds, why it matters, an example that fires and one that does not.
    pub explanation: &'static str,
}

/// A rule: reads an analysed draft, pushes diagnostics.
pub trait Rule: Sync {
    /// The rule's id, summary and explanation.
    fn meta(&self) -> &'static RuleMeta;
    /// Checks one analysed draft.
    fn check(&self, analysis: &Analysis<'_>, out: &mut Vec<Diagnostic>);
}

/// Every implemented rule, in id order.
pub static RULES: &[&dyn Rule] = &[
    &value_mismatch::ValueMismatch,
    &stale_value::StaleValue,
    &date_mismatch::DateMismatch,
    &sum_mismatch::SumMismatch,
    &anachronism::Anachronism,
    &unknown_model::UnknownModel,
    &relative_date::RelativeDate,
    &lineup_mismatch::LineupMismatch,
    &self_contradiction::SelfContradiction,
    &table_arithmetic::TableArithmetic,
    &ratio_mismatch::RatioMismatch,
    &corpus_contradiction::CorpusContradiction,
];

/// What a fact says, for a diagnostic: the value as written, where it was written,
/// and a source of its own if the value has one.
pub struct Expected<'a> {
    /// The fact's value as written ("$2.75 billion", "2024-03-27").
    pub text: String,
    /// Where the value was written in its fact file.
    pub origin: crate::facts::Origin,
    /// The value's own source, if not the fact's.
    pub source: Option<&'a str>,
}

/// Builds the diagnostic shared by the fact rules: primary label on the draft's
/// value, secondary label on the fact's line, note with the source.
pub(crate) fn fact_diagnostic(
    a: &Analysis<'_>,
    rule: RuleId,
    span: std::ops::Range<usize>,
    fact: usize,
    expected: Expected<'_>,
    message: String,
) -> Diagnostic {
    let Expected {
        text: expected,
        origin: fact_span,
        source: value_source,
    } = expected;
    let f = &a.facts.facts[fact];
    let found = a.source_text(&span).to_string();
    let mut d = Diagnostic::new(rule, span, message)
        .with_label(format!("stated `{found}`"))
        .with_related(crate::base::diagnostic::Label {
            file: crate::base::diagnostic::FileKey::Fact(fact_span.file),
            span: fact_span.span,
            message: format!("the fact: {expected}"),
        });
    d.fact = Some(f.id.clone());
    d.expected = Some(expected);
    d.found = Some(found);
    let source = value_source.unwrap_or(&f.source);
    if !source.is_empty() {
        d.source = Some(source.to_string());
        d.notes.push(format!("source: {source}"));
    }
    if let Some(n) = &f.note {
        d.notes.push(format!("note: {n}"));
    }
    d
}

/// The description of a rule id: from the rule's own file, or (for the ids reported
/// while applying suppression comments) from [`crate::run::suppress`]. `None` for an id
/// reserved for a rule not implemented yet.
pub fn meta_of(id: RuleId) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta())
        .chain(crate::run::suppress::META.iter().copied())
        .find(|m| m.id == id)
}

/// The rule id nearest to a misspelt one (at most three edits away), for "did you mean".
pub fn closest(s: &str) -> Option<RuleId> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    RuleId::ALL
        .into_iter()
        .map(|id| (distance(s, id.as_str()), id))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, id)| id)
}
