//! `anachronism`: a product named before it was announced, stated as available before
//! it was released, or an event named before it happened.

use crate::analysis::Analysis;
use crate::analysis::timeline::{Early, TimeVerdict};
use crate::base::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::rules::catalog::{ProductFinding, whose_date, written};
use crate::rules::{Expected, Rule, RuleId, RuleMeta, fact_diagnostic};

/// The rule.
pub struct Anachronism;

static META: RuleMeta = RuleMeta {
    id: RuleId::Anachronism,
    summary: "a product or event named before it existed, or stated as available before its release",
    explanation: "\
## What it finds
- A product of the catalog named in a draft dated before the product was announced
  (\"GPT-4.5\" in an article of November 2024; GPT-4.5 came out on 2025-02-27), also
  inside a shorthand such as \"GPT-4/4o/4.5\".
- A product announced but not yet released, stated as available on the article's date
  (\"Claude 3 Haiku, available now\" on 2024-03-08: announced 2024-03-04, released
  2024-03-13). The message gives both dates.
- An event of the fact base named by its amount before it happened.

The date is the article's (front matter `date`, else `--date`); in an update note
(\"Update, March 2025: …\", a section headed \"Update\") it is the note's own date or the
front matter's `updated`.

## Why it matters
Articles date themselves by the products they name. A draft that names a model that
did not exist yet was written later than it says, or mixes up its models.

## Example that fires (article dated 2024-11-22)
    Microsoft offers GPT-4/4o/4.5 through Azure.

## Examples that do not fire
    The upcoming Gemini 2 release may change this.
    OpenAI is expected to launch GPT-4.5 next year.
Forward-looking, hypothetical or negated wording around the name exempts it.
",
};

impl Rule for Anachronism {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in a.timeline() {
            match *v {
                TimeVerdict::Anachronism {
                    claim,
                    item,
                    product,
                    day,
                    early,
                } => {
                    let it = &a.claims[claim].products[item];
                    let p = &a.facts.products[product];
                    let name = written(a, it, &p.name);
                    let whose = whose_date(a, day);
                    let finding = match early {
                        Early::Unannounced => {
                            let Some(ann) = &p.announced else { continue };
                            let prep = if ann.date.grain == crate::base::value::Grain::Day {
                                "on"
                            } else {
                                "in"
                            };
                            ProductFinding {
                                rule: RuleId::Anachronism,
                                span: it.span.clone(),
                                product,
                                message: format!(
                                    "{name} was announced {prep} {}, after {whose} ({day})",
                                    ann.date
                                ),
                                label: format!("not announced until {}", ann.date),
                                expected: Some(ann.date.to_string()),
                                related: vec![(
                                    ann.origin.clone(),
                                    format!("announced: {}", ann.date),
                                )],
                                source: &p.source,
                                note: Some(
                                    "help: if the draft was written later, its date is wrong; if it looks ahead, say so (\"upcoming\", \"expected\")"
                                        .to_string(),
                                ),
                            }
                        }
                        Early::Unreleased => {
                            let Some(rel) = &p.released else { continue };
                            let announced = p
                                .announced
                                .as_ref()
                                .map_or(String::new(), |x| format!("announced on {} and ", x.date));
                            let mut related = Vec::new();
                            if let Some(x) = &p.announced {
                                related.push((x.origin.clone(), format!("announced: {}", x.date)));
                            }
                            related.push((rel.origin.clone(), format!("released: {}", rel.date)));
                            ProductFinding {
                                rule: RuleId::Anachronism,
                                span: it.span.clone(),
                                product,
                                message: format!(
                                    "{name} is stated as available on {day} ({whose}), but it was {announced}not released until {}",
                                    rel.date
                                ),
                                label: format!("not available until {}", rel.date),
                                expected: Some(rel.date.to_string()),
                                related,
                                source: p.release_source(),
                                note: None,
                            }
                        }
                    };
                    out.push(finding.into_diagnostic(a));
                }
                TimeVerdict::EventAnachronism {
                    claim,
                    value,
                    fact,
                    day,
                } => {
                    let item = &a.claims[claim].values[value];
                    let f = &a.facts.facts[fact];
                    let FactKind::Event {
                        date, date_origin, ..
                    } = &f.kind
                    else {
                        continue;
                    };
                    let found = a.source_text(&item.span).to_string();
                    let message = format!(
                        "{} ({found}) dates from {date}, after {} ({day})",
                        f.what,
                        whose_date(a, day)
                    );
                    let mut d = fact_diagnostic(
                        a,
                        RuleId::Anachronism,
                        item.span.clone(),
                        fact,
                        Expected {
                            text: date.to_string(),
                            origin: date_origin.clone(),
                            source: None,
                        },
                        message,
                    );
                    d.label = format!("not until {date}");
                    out.push(d);
                }
                _ => {}
            }
        }
    }
}
