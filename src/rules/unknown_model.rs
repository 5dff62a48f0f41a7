//! `unknown-model`: a name of a known family's shape that no product has.

use crate::analysis::Analysis;
use crate::analysis::timeline::TimeVerdict;
use crate::base::diagnostic::{Diagnostic, FileKey, Label};
use crate::facts::names::shape;
use crate::facts::product::Found;
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct UnknownModel;

static META: RuleMeta = RuleMeta {
    id: RuleId::UnknownModel,
    summary: "a name of a known family's shape that no product has",
    explanation: "\
## What it finds
A well-formed name of a product family (\"Claude 3.5 Opus\", \"Claude 2.5 Haiku\",
\"GPT-4.7\", \"Llama 3.4\") that no product of the catalog has, where the catalog knows
the names around it: a product of the same kind with a higher version exists, or the
name is newer than every product of its kind and the article is dated before even the
newest of them. A name newer than anything the catalog knows, in an article dated
after the newest known model, is not reported: it may be a model the catalog does not
know yet. When the article is dated after the fact base's `checked` date, the message
says that the catalog may be stale.

## Why it matters
Machine-written drafts invent plausible model names. \"Claude 3.5 Opus\" was never
released.

## Example that fires
    Claude 3.5 Opus leads the benchmarks.

## Examples that do not fire
    Claude 3.5 Sonnet leads the benchmarks.
    Anthropic said Claude 3.5 Opus is expected later this year.
",
};

impl Rule for UnknownModel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for v in a.timeline() {
            let TimeVerdict::UnknownModel {
                claim,
                item,
                family,
                newest,
                day,
            } = *v
            else {
                continue;
            };
            let it = &a.claims[claim].products[item];
            let Found::Unknown { name, .. } = &it.found else {
                continue;
            };
            let fam = &a.facts.families[family];
            let vendor = a.facts.entities[fam.vendor]
                .names
                .first()
                .map_or(fam.id.as_str(), String::as_str);
            let mut same: Vec<&str> = Vec::new();
            if let Some((sh, version)) = shape(name) {
                for k in &fam.known {
                    let n = a.facts.products[k.product].name.as_str();
                    if k.version == version
                        && k.shape != sh
                        && k.shape.len() > 2
                        && !same.contains(&n)
                    {
                        same.push(n);
                    }
                }
            }
            let mut message = match newest {
                None => format!("unknown model `{name}`: no {vendor} model has this name"),
                Some(p) => {
                    let p = &a.facts.products[p];
                    let when = p
                        .announced
                        .as_ref()
                        .or(p.released.as_ref())
                        .map_or(String::new(), |d| format!(" ({})", d.date));
                    format!(
                        "unknown model `{name}`: newer than any {vendor} model of its kind, in a draft dated {} before even {}{when}",
                        day.map_or(String::new(), |d| d.to_string()),
                        p.name
                    )
                }
            };
            if !same.is_empty() && newest.is_none() {
                message.push_str(&format!(" (the catalog has {})", same.join(", ")));
            }
            if let (Some(d), Some(checked)) = (day, a.facts.checked)
                && d > checked
            {
                message.push_str(&format!(
                    "; the catalog was last checked on {checked} and may be stale"
                ));
            }
            let mut d = Diagnostic::new(RuleId::UnknownModel, it.span.clone(), message)
                .with_label("no product of this name")
                .with_related(Label {
                    file: FileKey::Fact(fam.origin.file),
                    span: fam.origin.span.clone(),
                    message: format!("the `{}` family", fam.id),
                });
            d.fact = Some(fam.id.clone());
            d.found = Some(a.source_text(&it.span).to_string());
            d.expected = (!same.is_empty()).then(|| same.join(", "));
            d.notes.push(format!(
                "help: `factlint facts list --kind product` shows the {vendor} models the catalog knows"
            ));
            out.push(d);
        }
    }
}
