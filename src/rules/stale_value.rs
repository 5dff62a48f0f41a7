//! `stale-value`: a value that was true once but not on the article's date.

use crate::analysis::{Analysis, Verdict, held_range};
use crate::base::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::rules::{Expected, Rule, RuleId, RuleMeta, fact_diagnostic};

/// The rule.
pub struct StaleValue;

static META: RuleMeta = RuleMeta {
    id: RuleId::StaleValue,
    summary: "a value that was true once but not on the article's date",
    explanation: "\
## What it finds
A value of a quantity that changes over time (a running total, a customer count)
stated as current in an article dated after the value was superseded. The message
says from when to when the stated value held, and what held on the article's date.

## Why it matters
Drafts are written from old notes and old articles: \"a total of $4 billion\" was true
from March to November 2024 and wrong after.

## Example that fires (article dated 2024-11-22)
    Amazon's total investment in Anthropic stands at $4 billion.

## Example that does not fire
    Amazon's total investment in Anthropic rose from $4 billion to $8 billion.
A value after \"from\" or \"up from\" belongs to an earlier time.
",
};

impl Rule for StaleValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in &a.verdicts {
            let Verdict::Stale {
                claim,
                value,
                fact,
                held,
                day,
            } = *v
            else {
                continue;
            };
            let item = &a.claims[claim].values[value];
            let f = &a.facts.facts[fact];
            let FactKind::Quantity { values } = &f.kind else {
                continue;
            };
            let (Some(old), Some(now)) = (values.get(held), f.value_on(day)) else {
                continue;
            };
            let (from, until) = held_range(f, old);
            let until = until.map_or_else(String::new, |u| format!(" to {u}"));
            let found = a.source_text(&item.span).to_string();
            let message = format!(
                "stated {found}, but {} was {} on {day}; {} held from {from}{until}",
                f.what, now.stated.text, old.stated.text
            );
            let mut d = fact_diagnostic(
                a,
                RuleId::StaleValue,
                item.span.clone(),
                fact,
                Expected {
                    text: now.stated.text.clone(),
                    origin: now.stated.origin.clone(),
                    source: now.source.as_deref(),
                },
                message,
            );
            d.label = format!("`{found}` is out of date");
            d.fix =
                crate::analysis::restyle::value_fix(a.text, &item.span, &item.value, &now.stated.value);
            out.push(d);
        }
    }
}
