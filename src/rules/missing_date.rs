//! `missing-date`: a draft with no article date factlint can read, so the checks that
//! depend on time are skipped for it.

use crate::analysis::Analysis;
use crate::base::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct MissingDate;

/// The rules that judge a draft at its article date and say nothing without one
/// (`tests/rule_docs.rs` checks that each of them falls silent without the date).
pub const TIME_RULES: [RuleId; 4] = [
    RuleId::StaleValue,
    RuleId::Anachronism,
    RuleId::RelativeDate,
    RuleId::LineupMismatch,
];

static META: RuleMeta = RuleMeta {
    id: RuleId::MissingDate,
    summary: "a draft with no article date factlint can read, so the time-dependent checks were skipped",
    explanation: "\
## What it finds
A draft whose front matter has no `date` (nor `published`, `pubDate`,
`publishDate`), has one factlint cannot read as a day, or cannot be read at all
(YAML or TOML that does not parse), when no other article date applies (`--date`
or the configuration's `date`). Without the article's date, `stale-value`,
`anachronism`, `relative-date` and `lineup-mismatch` are skipped, and values of facts
that change over time are compared with no date, so the draft may pass with the
errors those checks find. The finding is on the front matter's date line, or on the
first line of the draft when there is none.

A date that is written but unreadable is reported even when `--date` or the
configuration gives one: the draft is then checked at that date, and the message
says so.

Dates are read as `2024-11-22`, `2024-11-22T09:00:00Z` (RFC 3339, any offset: the
day written is the day), `November 22, 2024`, `Nov 22, 2024`, `Nov. 22, 2024` and
`22 November 2024`, quoted or not. `22/11/2024` and `11/22/2024` are read only with a
`date-format` in factlint.toml (`date-format = \"%d/%m/%Y\"`).

It is a warning by default; `require-date = true` in factlint.toml makes it an
error (`[rules] missing-date = ...` still sets its severity when given).

## Why it matters
An undated draft passes silently: \"Amazon's total investment in Anthropic stands
at $4 billion\" is stale only at a date, and with none it is not checked.

## Example that fires
    Amazon's total investment in Anthropic stands at $4 billion.

## Example that does not fire
    ---
    date: November 22, 2024
    ---
    Amazon's total investment in Anthropic stands at $8 billion.
",
};

impl Rule for MissingDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        let fm = a.doc.front_matter.as_ref();
        if fm.is_some_and(|f| f.date.is_some()) {
            return;
        }
        let skipped = format!(
            "the time-dependent checks ({}) were skipped",
            TIME_RULES.map(RuleId::as_str).join(", ")
        );
        let field = fm.and_then(|f| f.date_field.as_ref());
        // What is wrong with the draft's own date, if it wrote one.
        let (problem, span, label) = match (fm, field) {
            (Some(f), _) if f.error.is_some() => (
                Some(format!(
                    "front matter cannot be read ({})",
                    f.error.as_deref().unwrap_or_default()
                )),
                f.first_line.clone(),
                "front matter not read",
            ),
            (_, Some(field)) => (
                Some(match &field.value {
                    Some(v) => format!(
                        "front matter `{}` is not a date factlint can read (`{v}`)",
                        field.key
                    ),
                    None => format!("front matter `{}` is not a date", field.key),
                }),
                field.line.clone(),
                "not a date",
            ),
            (Some(f), None) => (None, f.first_line.clone(), "no `date` here"),
            (None, None) => {
                // The first line that is not blank; a draft of nothing but white space
                // has nothing to check.
                let mut pos = if a.text.starts_with('\u{feff}') { 3 } else { 0 };
                loop {
                    let end = a.text[pos..]
                        .find(['\n', '\r'])
                        .map_or(a.text.len(), |i| pos + i);
                    let line = &a.text[pos..end];
                    if !line.trim().is_empty() {
                        let lead = line.len() - line.trim_start().len();
                        break (None, pos + lead..pos + line.trim_end().len(), "no front matter");
                    }
                    if end >= a.text.len() {
                        return;
                    }
                    pos = end + 1;
                }
            }
        };
        let message = match (problem, a.article_date) {
            (None, Some(_)) => return,
            (Some(p), Some(day)) => {
                format!("{p}; checked at {day} (from --date or the configuration) instead")
            }
            (Some(p), None) => format!("{p}: no article date, so {skipped}"),
            (None, None) => format!(
                "no article date (front matter `date`, --date or the configuration's `date`): {skipped}"
            ),
        };
        out.push(
            Diagnostic::new(RuleId::MissingDate, span, message)
                .with_label(label)
                .with_note(
                    "help: add `date: YYYY-MM-DD` to the front matter (`date-format` in factlint.toml reads other forms)",
                ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactBase;
    use crate::read::markdown;
    use std::path::Path;

    fn findings(text: &str, default: Option<&str>) -> Vec<(String, String)> {
        let base = FactBase::empty();
        let doc = markdown::scan(text);
        let a = Analysis::new(
            Path::new("d.md"),
            text,
            &doc,
            &base,
            default.map(|d| d.parse().expect("day")),
        );
        let mut out = Vec::new();
        MissingDate.check(&a, &mut out);
        out.into_iter()
            .map(|d| (text[d.span].to_string(), d.message))
            .collect()
    }

    #[test]
    fn each_case() {
        let f = findings("Amazon invested.\nMore.\n", None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "Amazon invested.");
        assert!(f[0].1.starts_with("no article date"), "{:?}", f);
        assert!(findings("Amazon invested.\n", Some("2024-11-22")).is_empty());
        let f = findings("---\ntitle: x\ndate: next week\n---\nText\n", None);
        assert_eq!(f[0].0, "date: next week");
        assert_eq!(
            f[0].1,
            "front matter `date` is not a date factlint can read (`next week`): no article date, so the time-dependent checks (stale-value, anachronism, relative-date, lineup-mismatch) were skipped"
        );
        let f = findings("---\ndate: next week\n---\nText\n", Some("2024-11-22"));
        assert_eq!(
            f[0].1,
            "front matter `date` is not a date factlint can read (`next week`); checked at 2024-11-22 (from --date or the configuration) instead"
        );
        let f = findings("---\ntitle: x\n---\nText\n", None);
        assert_eq!(f[0].0, "---");
        let f = findings("---\ndate: [a\n---\nText\n", None);
        assert_eq!(f[0].0, "---");
        assert!(f[0].1.starts_with("front matter cannot be read (not valid YAML: "));
        assert!(findings("---\ndate: '2024-11-22'\n---\nText\n", None).is_empty());
        assert!(findings("", None).is_empty());
        assert!(findings(" \n\r\n", None).is_empty());
        assert_eq!(findings("\n\n  Text  \n", None)[0].0, "Text");
    }
}
