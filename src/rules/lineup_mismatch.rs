//! `lineup-mismatch`: a line-up listed with a member it did not have on the article's
//! date.

use crate::analysis::Analysis;
use crate::analysis::timeline::TimeVerdict;
use crate::base::diagnostic::Diagnostic;
use crate::rules::catalog::{ProductFinding, whose_date, written};
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct LineupMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::LineupMismatch,
    summary: "a line-up listed with a member it did not have on the article's date",
    explanation: "\
## What it finds
An explicit list presented as a line-up — \"Bedrock offers A, B and C\", a list or a
table under \"The Claude models available on Amazon Bedrock:\" — that names a member
of the fact base's line-up before the day it joined (or after it left). Members whose
day is not verified, and products the line-up does not list, are never reported.

## Why it matters
Line-ups change month by month, and a draft that lists today's line-up under last
month's date is wrong about what readers could use.

## Example that fires (article dated 2024-10-25)
    Amazon Bedrock offers Claude 3 Haiku and Claude 3.5 Haiku.
Claude 3.5 Haiku came to Bedrock on 2024-11-04.

## Examples that do not fire
    Amazon Bedrock offers Claude 3 Haiku.
    Claude 3.5 Haiku will come to Bedrock in November.
",
};

impl Rule for LineupMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in a.timeline() {
            let TimeVerdict::LineupMismatch {
                claim,
                item,
                lineup,
                member,
                day,
                left,
            } = *v
            else {
                continue;
            };
            let it = &a.claims[claim].products[item];
            let l = &a.facts.lineups[lineup];
            let m = &l.members[member];
            let p = &a.facts.products[m.product];
            let name = written(a, it, &p.name);
            let whose = whose_date(a, day);
            let (when, what) = if left {
                let Some(u) = &m.until else { continue };
                (u.date, "it left on")
            } else {
                let Some(f) = &m.from else { continue };
                (f.date, "it joined on")
            };
            let finding = ProductFinding {
                rule: RuleId::LineupMismatch,
                span: it.span.clone(),
                product: m.product,
                message: format!(
                    "{name} was not among the {} on {day} ({whose}): {what} {when}",
                    l.what
                ),
                label: format!("{what} {when}"),
                expected: Some(format!("{what} {when}")),
                related: vec![(m.origin.clone(), format!("in `{}`", l.id))],
                source: m.source.as_deref().unwrap_or(&l.source),
                note: m.note.clone().map(|n| format!("note: {n}")),
            };
            out.push(finding.into_diagnostic(a));
        }
    }
}
