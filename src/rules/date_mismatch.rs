//! `date-mismatch`: a stated date for an event that contradicts the fact's date.

use crate::analysis::timeline::{Dates, TimeVerdict};
use crate::analysis::{Analysis, Verdict};
use crate::base::diagnostic::Diagnostic;
use crate::base::value::{Grain, Value};
use crate::facts::FactKind;
use crate::rules::catalog::{ProductFinding, dates_source, said_dates, written};
use crate::rules::{Expected, Rule, RuleId, RuleMeta, fact_diagnostic};

/// The rule.
pub struct DateMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::DateMismatch,
    summary: "a stated date for an event or a product's launch that contradicts the fact's date, at the stated grain",
    explanation: "\
## What it finds
A date stated for an event — pinned by the event's amount (\"$2.75 billion in March
2024\") or by its cue words (\"named primary training partner in November 2024\") — that
cannot be the event's date at the grain it was written: \"November 2024\" agrees with
2024-11-22, \"October 2024\" does not; \"late 2023\" agrees with 2023-09-25.

A date stated for a product's announcement or release (\"OpenAI released GPT-4 in
March 2022\", \"Trainium2, announced in 2022\") is checked against the catalog. The
verb says which date: \"announced\", \"unveiled\", \"previewed\" the announcement;
\"became available\", \"shipped\", \"generally available\" the release; \"launched\" and
\"released\" either. A rollout to a platform, a tier or a region (\"on Bedrock\", \"to
Plus users\", \"in Europe\") is not the release, and a date after \"since\" starts a
span: both are left alone, as is a product the catalog gives no day for.

## Why it matters
\"Announced in October\" for a November deal is the kind of slip that survives every
proofread, because it reads fine.

## Example that fires
    Amazon invested $2.75 billion in Anthropic in February 2024.
    OpenAI released GPT-4 in March 2022.

## Example that does not fire
    Amazon invested $2.75 billion in Anthropic in March 2024.
    Amazon's total investment reached $4 billion in March 2024.
",
};

impl Rule for DateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in &a.verdicts {
            let Verdict::DateMismatch {
                claim,
                value,
                fact,
                anchor,
                other,
            } = *v
            else {
                continue;
            };
            let c = &a.claims[claim];
            let item = &c.values[value];
            let f = &a.facts.facts[fact];
            let FactKind::Event {
                date, date_origin, ..
            } = &f.kind
            else {
                continue;
            };
            let found = a.source_text(&item.span).to_string();
            let expected = match date.grain {
                Grain::Day => date.start.to_string(),
                _ => date.to_string(),
            };
            let by = anchor
                .and_then(|i| c.values.get(i))
                .map_or(String::new(), |x| {
                    format!(" (the {})", a.source_text(&x.span))
                });
            let prep = if date.grain == Grain::Day { "on" } else { "in" };
            // An event of the stated date whose amount is another: the date or the
            // amount may be wrong.
            let also = other.map_or(String::new(), |o| {
                let g = &a.facts.facts[o];
                match (&g.kind, g.amount()) {
                    (FactKind::Event { date, .. }, Some(am)) => {
                        format!("; {} ({date}) was {}", g.what, am.text)
                    }
                    _ => String::new(),
                }
            });
            let message = format!(
                "stated {found}, but {}{by} was {prep} {expected}{also}",
                f.what
            );
            let mut d = fact_diagnostic(
                a,
                RuleId::DateMismatch,
                item.span.clone(),
                fact,
                Expected {
                    text: expected,
                    origin: date_origin.clone(),
                    source: None,
                },
                message,
            );
            if let (crate::base::value::Value::Date(stated), None) = (&item.value, other) {
                d.fix = crate::analysis::restyle::date_fix(a.text, &item.span, stated, date);
            }
            out.push(d);
        }
        products(a, out);
    }
}

/// Dates stated for a product's announcement or release that the catalog contradicts
/// ("OpenAI released GPT-4 in March 2022").
fn products(a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
    for v in a.timeline() {
        let TimeVerdict::ProductDate {
            claim,
            value,
            item,
            product,
            dates,
        } = *v
        else {
            continue;
        };
        let c = &a.claims[claim];
        let stated = &c.values[value];
        let p = &a.facts.products[product];
        let name = written(a, &c.products[item], &p.name);
        let found = a.source_text(&stated.span).to_string();
        let (said, related) = said_dates(p, dates);
        let finding = ProductFinding {
            rule: RuleId::DateMismatch,
            span: stated.span.clone(),
            product,
            message: format!("stated {found}, but {name} was {}", said.join(" and ")),
            label: format!("stated `{found}`"),
            expected: Some(said.join(" and ")),
            related,
            source: dates_source(p, dates),
            note: None,
        };
        let mut d = finding.into_diagnostic(a);
        // A fix only when the wording points at one date.
        let target = match dates {
            Dates::Announced => p.announced.as_ref(),
            Dates::Released => p.released.as_ref(),
            Dates::Both => match (&p.announced, &p.released) {
                (Some(x), Some(y)) if x.date == y.date => Some(x),
                (Some(x), None) => Some(x),
                (None, Some(y)) => Some(y),
                _ => None,
            },
        };
        if let (Value::Date(s), Some(t)) = (&stated.value, target) {
            d.fix = crate::analysis::restyle::date_fix(a.text, &stated.span, s, &t.date);
        }
        out.push(d);
    }
}
