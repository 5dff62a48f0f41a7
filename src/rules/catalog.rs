//! What the catalog rules (`anachronism`, `unknown-model`, `relative-date`,
//! `lineup-mismatch`, and `date-mismatch` for products) share: a diagnostic about a product, pointing at the product's
//! dates in its fact file.

use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::timeline::Dates;
use crate::analysis::{Analysis, ProductItem};
use crate::base::diagnostic::{Diagnostic, FileKey, Label, Severity};
use crate::base::value::{DateValue, Grain};
use crate::facts::{Origin, Product};
use crate::rules::RuleId;

/// A diagnostic about something a draft says of a product.
pub(crate) struct ProductFinding<'a> {
    /// The rule.
    pub rule: RuleId,
    /// The span in the draft.
    pub span: Range<usize>,
    /// Index into `FactBase::products`.
    pub product: usize,
    /// The message.
    pub message: String,
    /// The primary label.
    pub label: String,
    /// What the fact base says, in short.
    pub expected: Option<String>,
    /// Secondary labels in the fact files.
    pub related: Vec<(Origin, String)>,
    /// The source to cite.
    pub source: &'a str,
    /// A further note.
    pub note: Option<String>,
}

impl ProductFinding<'_> {
    /// The diagnostic: warnings only when the product rests on secondary sources.
    pub(crate) fn into_diagnostic(self, a: &Analysis<'_>) -> Diagnostic {
        let p = &a.facts.products[self.product];
        let mut d =
            Diagnostic::new(self.rule, self.span.clone(), self.message).with_label(self.label);
        for (origin, message) in self.related {
            d = d.with_related(Label {
                file: FileKey::Fact(origin.file),
                span: origin.span,
                message,
            });
        }
        d.fact = Some(p.id.clone());
        d.expected = self.expected;
        d.found = Some(a.source_text(&self.span).to_string());
        if !self.source.is_empty() {
            d.source = Some(self.source.to_string());
            d.notes.push(format!("source: {}", self.source));
        }
        if let Some(n) = &p.note {
            d.notes.push(format!("note: {n}"));
        }
        if let Some(n) = self.note {
            d.notes.push(n);
        }
        if p.secondary && d.severity > Severity::Warning {
            d.severity = Severity::Warning;
            d.notes.push(
                "only secondary sources back this product's dates: a warning, not an error"
                    .to_string(),
            );
        }
        d
    }
}

/// How a product was written: "GPT-4.5", or "GPT-4.5 (`4.5` in `GPT-4/4o/4.5`)".
pub(crate) fn written(a: &Analysis<'_>, item: &ProductItem, name: &str) -> String {
    match &item.shorthand {
        Some(sh) => format!(
            "{name} (`{}` in `{}`)",
            a.source_text(&item.span),
            a.source_text(sh)
        ),
        None => name.to_string(),
    }
}

/// What the catalog says of a product's dates that a wording points at ("announced
/// on 2023-11-28 and released on 2024-12-03"), one phrase per date, and the labels
/// that point at them in the fact files.
pub(crate) fn said_dates(p: &Product, dates: Dates) -> (Vec<String>, Vec<(Origin, String)>) {
    let mut said = Vec::new();
    let mut related = Vec::new();
    if matches!(dates, Dates::Announced | Dates::Both)
        && let Some(x) = &p.announced
    {
        said.push(format!("announced {} {}", on(x.date), x.date));
        related.push((x.origin.clone(), format!("announced: {}", x.date)));
    }
    if matches!(dates, Dates::Released | Dates::Both)
        && let Some(x) = &p.released
    {
        said.push(format!("released {} {}", on(x.date), x.date));
        related.push((x.origin.clone(), format!("released: {}", x.date)));
    }
    if let (Some(x), Some(y)) = (&p.announced, &p.released)
        && matches!(dates, Dates::Both)
        && x.date == y.date
    {
        said = vec![format!("announced and released {} {}", on(x.date), x.date)];
    }
    (said, related)
}

/// The source to cite for the dates a wording points at: the release's own source
/// when only the release was compared.
pub(crate) fn dates_source(p: &Product, dates: Dates) -> &str {
    if matches!(dates, Dates::Released) {
        p.release_source()
    } else {
        &p.source
    }
}

/// "on" before a day, "in" before a month or a year.
pub(crate) fn on(d: DateValue) -> &'static str {
    if d.grain == Grain::Day { "on" } else { "in" }
}

/// "the article's date" or, in an update note, "the update's date".
pub(crate) fn whose_date(a: &Analysis<'_>, day: Date) -> &'static str {
    if a.article_date == Some(day) {
        "the article's date"
    } else {
        "the date of the update note"
    }
}
