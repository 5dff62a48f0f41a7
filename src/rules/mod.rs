//! The rules: one per file, each with its id, default severity and explanation.
//!
//! A rule reads the analysed draft (its claims and their attributions to facts) and
//! pushes diagnostics. Rules never print and never fail: a rule that cannot decide
//! says nothing.

use crate::analysis::Analysis;
use crate::base::diagnostic::Diagnostic;

mod catalog;
pub mod suppression;

pub use crate::base::rule_id::RuleId;

/// Expands the one list of rules ([`crate::base::rule_id`]) into a module a rule and
/// [`RULES`].
macro_rules! define_rules {
    (
        rules: [$(($v:ident, $id:literal, $sev:ident, $module:ident, $doc:literal)),* $(,)?],
        suppression: [$($suppression:tt)*] $(,)?
    ) => {
        $(pub mod $module;)*

        /// Every implemented rule, in id order.
        pub static RULES: &[&dyn Rule] = &[$(&$module::$v),*];
    };
}

crate::base::rule_id::rule_list!(define_rules);

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
/// while applying suppression comments) from [`suppression`]. `None` for an id
/// reserved for a rule not implemented yet.
pub fn meta_of(id: RuleId) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta())
        .chain(suppression::META.iter().copied())
        .find(|m| m.id == id)
}

/// The rule id nearest to a misspelt one (at most three edits away, Levenshtein
/// distance from the `strsim` crate), for "did you mean".
pub fn closest(s: &str) -> Option<RuleId> {
    RuleId::ALL
        .into_iter()
        .map(|id| (strsim::levenshtein(s, id.as_str()), id))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, id)| id)
}
