//! `value-mismatch`: a stated amount, count or percentage that contradicts its fact.

use crate::analysis::{Analysis, Verdict};
use crate::base::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::rules::{Expected, Rule, RuleId, RuleMeta, fact_diagnostic};

/// The rule.
pub struct ValueMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::ValueMismatch,
    summary: "a stated amount, count or percentage that contradicts the fact it is about",
    explanation: "\
## What it finds
A value in the draft that is about a fact of the fact base — its entities are named in
the sentence (or the sentence before, or the table's context), a cue word ties it to
the fact, the kinds agree — and that cannot be the fact's value, even allowing for the
precision it was printed with and its hedge (\"about\", \"more than\", \"up to\").

## Why it matters
A wrong amount is the error readers notice and quote. Drafts get tranches and totals
wrong more than anything else.

## Example that fires
    Amazon invested $1.25 billion in Anthropic in September 2023 and $2.25 billion in March 2024.
The March 2024 tranche was $2.75 billion.

## Example that does not fire
    Amazon invested $1.25 billion in Anthropic in September 2023 and $2.75 billion in March 2024.
    Microsoft has invested $13B+ in OpenAI.
\"$13B+\" agrees with about $13 billion. Where the value fits another fact the writer
may mean, factlint says nothing.

## Valuations
A company's valuation (\"at a $61.5 billion valuation\", \"valued at\", \"a post-money
valuation of\") is compared with the post-money valuation of the funding round the
sentence names by a date or by the round's own label (\"Series E\"), never with an
investment amount; an amount is never compared with a valuation. Two rounds named, a
value that is another round's valuation, a pre-money valuation, talks or a forecast:
nothing is said.
    Anthropic raised $3.5 billion in March 2025 at a $70 billion valuation.
The Series E's post-money valuation was $61.5 billion.
",
};

impl Rule for ValueMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in &a.verdicts {
            let Verdict::ValueMismatch {
                claim,
                value,
                fact,
                day,
                pinned,
                other,
                valuation,
            } = *v
            else {
                continue;
            };
            let item = &a.claims[claim].values[value];
            let f = &a.facts.facts[fact];
            let found = a.source_text(&item.span).to_string();
            // A valuation against the round's post-money valuation, never its amount.
            if valuation {
                let (Some(val), FactKind::Event { date, .. }) = (f.valuation(), &f.kind) else {
                    continue;
                };
                // The value is another round's valuation: the words that named this
                // round may be the error as well as the value.
                let also = other.map_or(String::new(), |o| {
                    let g = &a.facts.facts[o];
                    match &g.kind {
                        FactKind::Event { date, .. } => {
                            format!("; {found} was the valuation at {} ({date})", g.what)
                        }
                        FactKind::Quantity { .. } => String::new(),
                    }
                });
                let message = format!(
                    "stated a valuation of {found}, but the post-money valuation at {} was {} ({date}){also}",
                    f.what, val.stated.text
                );
                let mut d = fact_diagnostic(
                    a,
                    RuleId::ValueMismatch,
                    item.span.clone(),
                    fact,
                    Expected {
                        text: val.stated.text.clone(),
                        origin: val.stated.origin.clone(),
                        source: val.source.as_deref(),
                    },
                    message,
                );
                if other.is_none() {
                    d.fix = crate::analysis::restyle::value_fix(
                        a.text,
                        &item.span,
                        &item.value,
                        &val.stated.value,
                    );
                }
                out.push(d);
                continue;
            }
            let (expected, target, origin, when, vsource) = match (&f.kind, day) {
                (FactKind::Quantity { .. }, Some(day)) => {
                    let Some(t) = f.value_on(day) else { continue };
                    let when = match pinned {
                        Some(p) if p.grain != crate::base::value::Grain::Day => {
                            format!(" at the end of {p}")
                        }
                        _ => format!(" on {day}"),
                    };
                    (
                        t.stated.text.clone(),
                        &t.stated.value,
                        t.stated.origin.clone(),
                        when,
                        t.source.as_deref(),
                    )
                }
                (
                    FactKind::Event {
                        date,
                        amount: Some(amount),
                        ..
                    },
                    _,
                ) => (
                    amount.text.clone(),
                    &amount.value,
                    amount.origin.clone(),
                    format!(" ({date})"),
                    None,
                ),
                _ => continue,
            };
            // The amount is another event's: the words that named this event may be
            // the error as well as the amount.
            let also = other.map_or(String::new(), |o| {
                let g = &a.facts.facts[o];
                match &g.kind {
                    FactKind::Event { date, .. } => {
                        format!("; {found} was {} ({date})", g.what)
                    }
                    FactKind::Quantity { .. } => String::new(),
                }
            });
            let message = format!("stated {found}, but {} was {expected}{when}{also}", f.what);
            let mut d = fact_diagnostic(
                a,
                RuleId::ValueMismatch,
                item.span.clone(),
                fact,
                Expected {
                    text: expected,
                    origin,
                    source: vsource,
                },
                message,
            );
            if other.is_none() {
                d.fix =
                    crate::analysis::restyle::value_fix(a.text, &item.span, &item.value, target);
            }
            out.push(d);
        }
    }
}
