//! `relative-date`: "earlier this year", "last month", "today" attached to a product
//! whose dates contradict it, relative to the article's date.

use crate::analysis::Analysis;
use crate::analysis::timeline::TimeVerdict;
use crate::base::diagnostic::Diagnostic;
use crate::rules::catalog::{ProductFinding, dates_source, said_dates, written};
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct RelativeDate;

static META: RuleMeta = RuleMeta {
    id: RuleId::RelativeDate,
    summary: "\"last year\", \"earlier this year\", \"last month\" that the product's dates contradict",
    explanation: "\
## What it finds
A relative date (\"today\", \"this week\", \"last month\", \"this year\", \"earlier this
year\", \"last year\", \"the past year\") tied to a product's launch — \"Trainium2,
launched earlier this year\", \"Last month, Anthropic released Claude 3 Opus\" — that
none of the product's dates fits, read against the article's date. \"Announced\" is
compared with the announcement, \"available\" with the release, \"launched\" with
either: only when both contradict the phrase is it reported.

## Why it matters
Relative dates go stale silently when a draft is reused or back-dated: \"launched
earlier this year\" about a chip announced the year before and available only after
the article's date is wrong twice.

## Example that fires (article dated 2024-11-22)
    Trainium2, launched earlier this year, is fast.

## Examples that do not fire
    Claude 3.5 Haiku, released this month, is fast.
    This year was busy. Trainium2 is fast.
The phrase must stand with the name and a launch word in the same clause.
",
};

impl Rule for RelativeDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in a.timeline() {
            let TimeVerdict::RelativeDate {
                claim,
                relative,
                item,
                product,
                day,
                range,
                dates,
            } = *v
            else {
                continue;
            };
            let c = &a.claims[claim];
            let r = &c.relatives[relative];
            let p = &a.facts.products[product];
            let name = written(a, &c.products[item], &p.name);
            let phrase = a.source_text(&r.span).to_string();
            let (said, related) = said_dates(p, dates);
            let meaning = if range.start == range.last_day() {
                range.start.to_string()
            } else {
                format!("{} to {}", range.start, range.last_day())
            };
            let finding = ProductFinding {
                rule: RuleId::RelativeDate,
                span: r.span.clone(),
                product,
                message: format!(
                    "\"{phrase}\" on {day} means {meaning}, but {name} was {}",
                    said.join(" and ")
                ),
                label: format!("{phrase}: {meaning}"),
                expected: Some(said.join(" and ")),
                related,
                source: dates_source(p, dates),
                note: None,
            };
            out.push(finding.into_diagnostic(a));
        }
    }
}
