//! What factlint read at one place of a draft: the amount, date or model name at a
//! byte offset, and the fact attribution tied it to (its value, date and source).
//! The language server shows it on hover; it reads the analysis as the rules do and
//! adds no attribution of its own.

use std::fmt::Write as _;
use std::ops::Range;

use crate::analysis::{Agreement, Analysis, Verdict, pinned_date};
use crate::base::value::{DateValue, Grain, Value};
use crate::facts::product::Found;
use crate::facts::{Fact, FactKind, Product};

/// What is at an offset of a draft, in Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The byte range of the value or name in the draft.
    pub span: Range<usize>,
    /// What it was read as and the fact it was tied to, as Markdown.
    pub markdown: String,
}

/// How a value relates to its fact.
enum Tie {
    /// The value agrees with the fact (for a quantity: the value in force, if known).
    Agrees(Option<usize>),
    /// The value contradicts the fact (value-mismatch).
    Contradicts,
    /// The value held once (stale-value): the index of the value it matched.
    Stale(usize),
    /// The date contradicts the event's date (date-mismatch).
    WrongDate,
    /// The date is the event's date (through an amount pinned to it).
    DateOf,
}

/// The value, date or model name at `offset` (a byte offset into the draft) and
/// what it was tied to; `None` when nothing was recognized there.
pub fn explain_at(a: &Analysis<'_>, offset: usize) -> Option<Explanation> {
    for (ci, claim) in a.claims.iter().enumerate() {
        if let Some(vi) = claim
            .values
            .iter()
            .position(|v| v.span.start <= offset && offset < v.span.end)
        {
            return Some(explain_value(a, ci, vi));
        }
        if let Some(p) = claim
            .products
            .iter()
            .find(|p| p.span.start <= offset && offset < p.span.end)
        {
            let markdown = match &p.found {
                Found::Known(i) => a.facts.products.get(*i).map(|pr| product(a, pr))?,
                Found::Unknown { family, name } => format!(
                    "**{name}**: no model of that name is in the catalog{}",
                    a.facts
                        .families
                        .get(*family)
                        .map_or(String::new(), |f| format!(" (family `{}`)", f.id))
                ),
            };
            return Some(Explanation {
                span: p.span.clone(),
                markdown,
            });
        }
    }
    None
}

fn explain_value(a: &Analysis<'_>, ci: usize, vi: usize) -> Explanation {
    let claim = &a.claims[ci];
    let item = &claim.values[vi];
    let written = a.source_text(&item.span);
    let mut ties: Vec<(usize, Tie)> = Vec::new();
    for v in &a.verdicts {
        match *v {
            Verdict::ValueMismatch {
                claim, value, fact, ..
            } if (claim, value) == (ci, vi) => ties.push((fact, Tie::Contradicts)),
            Verdict::Stale {
                claim,
                value,
                fact,
                held,
                ..
            } if (claim, value) == (ci, vi) => ties.push((fact, Tie::Stale(held))),
            Verdict::DateMismatch {
                claim, value, fact, ..
            } if (claim, value) == (ci, vi) => ties.push((fact, Tie::WrongDate)),
            _ => {}
        }
    }
    for &Agreement {
        claim,
        value,
        fact,
        held,
    } in &a.agreements
    {
        if claim != ci {
            continue;
        }
        if value == vi {
            ties.push((fact, Tie::Agrees(held)));
        } else if matches!(item.value, Value::Date(_))
            && pinned_date(&a.claims[ci], value) == Some(vi)
            && let Some(FactKind::Event { date, .. }) = a.facts.facts.get(fact).map(|f| &f.kind)
            && let Value::Date(d) = item.value
            && date.overlaps(&d)
        {
            ties.push((fact, Tie::DateOf));
        }
    }
    let mut md = format!("`{written}` reads as **{}**", item.value.describe());
    if ties.is_empty() {
        md.push_str("\n\nNot tied to a fact of the fact base.");
    }
    let mut shown: Vec<usize> = Vec::new();
    for (f, tie) in ties {
        if shown.contains(&f) {
            continue;
        }
        shown.push(f);
        let Some(fact) = a.facts.facts.get(f) else {
            continue;
        };
        let verdict = match tie {
            Tie::Agrees(_) | Tie::DateOf => "agrees with",
            Tie::Contradicts => "contradicts",
            Tie::Stale(_) => "is out of date for",
            Tie::WrongDate => "is not the date of",
        };
        let _ = write!(md, "\n\nIt {verdict} **{}** (`{}`)", fact.what, fact.id);
        let mark = match tie {
            Tie::Agrees(h) => h,
            Tie::Stale(h) => Some(h),
            _ => None,
        };
        md.push_str(&fact_lines(a, fact, mark));
    }
    Explanation {
        span: item.span.clone(),
        markdown: md,
    }
}

fn date_text(d: &DateValue) -> String {
    match d.grain {
        Grain::Day => d.start.to_string(),
        _ => d.to_string(),
    }
}

/// The fact's value(s), date and source, one per line.
fn fact_lines(a: &Analysis<'_>, fact: &Fact, mark: Option<usize>) -> String {
    let mut md = String::new();
    match &fact.kind {
        FactKind::Event {
            date,
            amount,
            valuation,
            ..
        } => {
            md.push_str("\n\n");
            if let Some(amount) = amount {
                let _ = write!(md, "{} on ", amount.text);
            }
            md.push_str(&date_text(date));
            if let Some(v) = valuation {
                let _ = write!(md, "\n\nPost-money valuation: {}", v.stated.text);
                if let Some(s) = &v.source {
                    let _ = write!(md, " (source: {s})");
                }
            }
        }
        FactKind::Quantity { values } => {
            md.push('\n');
            for (i, t) in values.iter().enumerate() {
                let until = fact
                    .next_value(t)
                    .and_then(|n| n.from.yesterday().ok())
                    .map_or(String::new(), |u| format!(" to {u}"));
                let line = format!("{} from {}{until}", t.stated.text, t.from);
                if Some(i) == mark {
                    let _ = write!(md, "\n- **{line}**");
                } else {
                    let _ = write!(md, "\n- {line}");
                }
                if let Some(s) = &t.source
                    && Some(i) == mark
                {
                    let _ = write!(md, " (source: {s})");
                }
            }
            if let Some(day) = a.article_date
                && let Some(now) = fact.value_on(day)
            {
                let _ = write!(md, "\n\nOn the article's date ({day}): {}", now.stated.text);
            }
        }
    }
    if !fact.source.is_empty() {
        let _ = write!(md, "\n\nSource: {}", fact.source);
    }
    md
}

fn product(a: &Analysis<'_>, p: &Product) -> String {
    let vendor = a
        .facts
        .entities
        .get(p.vendor)
        .and_then(|e| e.names.first())
        .map_or("", String::as_str);
    let mut md = format!("**{}** (`{}`)", p.name, p.id);
    if !vendor.is_empty() {
        let _ = write!(md, " by {vendor}");
    }
    md.push('\n');
    match &p.announced {
        Some(d) => {
            let _ = write!(md, "\n- announced: {}", date_text(&d.date));
        }
        None => md.push_str("\n- announced: not verified"),
    }
    match &p.released {
        Some(d) => {
            let _ = write!(md, "\n- released: {}", date_text(&d.date));
        }
        None => md.push_str("\n- released: not verified"),
    }
    if let Some(day) = a.article_date {
        let state = if p.unannounced_on(day) {
            "not announced yet"
        } else if p.unreleased_on(day) {
            "announced, not released yet"
        } else {
            "known"
        };
        let _ = write!(md, "\n\nOn the article's date ({day}): {state}");
    }
    if !p.source.is_empty() {
        let _ = write!(md, "\n\nSource: {}", p.source);
    }
    if let Some(s) = &p.released_source {
        let _ = write!(md, " (release: {s})");
    }
    if p.secondary {
        md.push_str("\n\nOnly secondary sources back these dates: findings on them are warnings.");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactBase;
    use crate::read::markdown;
    use std::path::Path;

    fn at(text: &str, needle: &str) -> Option<Explanation> {
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let doc = markdown::scan(text);
        let a = Analysis::new(Path::new("d.md"), text, &doc, &base, None);
        let offset = text.find(needle).expect("the needle") + 1;
        explain_at(&a, offset)
    }

    const DRAFT: &str = "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n\nAmazon invested $2.75 billion in Anthropic in March 2024.\n\nClaude 3.5 Sonnet is fast. Claude 3.5 Opus is not real.\n\nIt cost $5 billion.\n";

    #[test]
    fn a_wrong_amount_shows_its_fact_and_the_value_in_force() {
        let e = at(DRAFT, "$9 billion").expect("a value");
        assert_eq!(&DRAFT[e.span.clone()], "$9 billion");
        assert!(
            e.markdown.contains(
                "contradicts **Amazon's total investment in Anthropic** (`amazon-anthropic/total`)"
            ),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown
                .contains("On the article's date (2024-11-22): $8 billion"),
            "{}",
            e.markdown
        );
        assert!(e.markdown.contains("Source: https://"), "{}", e.markdown);
    }

    #[test]
    fn an_agreeing_amount_and_its_date_show_the_event() {
        let e = at(DRAFT, "$2.75 billion").expect("a value");
        assert!(
            e.markdown
                .contains("agrees with **Amazon's second investment in Anthropic**"),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown.contains("$2.75 billion on 2024-03-27"),
            "{}",
            e.markdown
        );
        let d = at(DRAFT, "March 2024").expect("a date");
        assert_eq!(&DRAFT[d.span.clone()], "March 2024");
        assert!(
            d.markdown
                .contains("agrees with **Amazon's second investment in Anthropic**"),
            "{}",
            d.markdown
        );
    }

    #[test]
    fn model_names_show_their_dates() {
        let e = at(DRAFT, "Claude 3.5 Sonnet").expect("a product");
        assert!(
            e.markdown
                .starts_with("**Claude 3.5 Sonnet** (`claude-3.5-sonnet`) by Anthropic"),
            "{}",
            e.markdown
        );
        assert!(
            e.markdown.contains("- released: 2024-06-20"),
            "{}",
            e.markdown
        );
        let u = at(DRAFT, "Claude 3.5 Opus").expect("an unknown model");
        assert!(
            u.markdown.contains("no model of that name"),
            "{}",
            u.markdown
        );
    }

    #[test]
    fn values_not_tied_to_a_fact_say_so_and_prose_is_nothing() {
        let e = at(DRAFT, "$5 billion").expect("a value");
        assert!(e.markdown.contains("Not tied to a fact"), "{}", e.markdown);
        assert_eq!(at(DRAFT, "invested a total"), None);
        assert_eq!(at(DRAFT, "date: 2024"), None, "front matter");
    }
}
