//! `self-contradiction`: the same claim stated twice in one document with values that
//! cannot both hold.

use std::collections::BTreeMap;

use crate::analysis::Analysis;
use crate::analysis::statements::{Statement, odd_ones, statements};
use crate::base::diagnostic::{Diagnostic, FileKey, Label, LineIndex};
use crate::base::value::Value;
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct SelfContradiction;

static META: RuleMeta = RuleMeta {
    id: RuleId::SelfContradiction,
    summary: "the same claim made twice in one document with values that cannot both hold",
    explanation: "\
## What it finds
A claim the document makes twice — the same subject, the same kind of value, the same
change or total, in sentences that name the same names and dates — with values that
cannot both be meant. Hedges and printed precision count: \"over 100,000 customers\"
and \"more than 100,000 customers\" agree, \"over 100,000\" and \"over 50,000\" do not,
\"87%\" and \"78%\" do not. It needs no fact base: it works on customer counts, case-
study percentages and totals that no fact base holds.

The subject is read from the words next to the value: the noun after a count
(\"customers\"), the change a percentage measures (\"reducing support resolution times
by\", \"an 87% reduction in\"), what it is a share of (\"of developers\"), or the kind of
total an amount is (\"total investment\"), or the writer's own projection an amount
states: its named case, measure and time words (\"we value X at $40 billion in our base
case\", \"our estimate of X's revenue this year is\"). Three kinds of claim have keys of
their own, never compared with each other or with an investment: a company's valuation
(\"at a $61.5 billion valuation\", \"valued at\"), a funding round's size (\"raised $2
billion in its Series C\", \"its $2 billion Series C\"; rounds told apart by a label such
as \"Series C\" or \"seed\", or by a date, are other claims) and a model's score on a
benchmark (\"scores 86.8% on MMLU\", \"an MMLU score of\"; each benchmark, variant and
setting such as \"5-shot\" is its own claim). Sentences that speak of another time or of
what may be (\"last year\", \"previously\", \"could\", \"is expected to\"), questions,
quotes and values after \"from\" or \"than\" are not compared, except such projections
(and not under a condition or a modal). Values that a fact rule
already reports are left to it.

The finding points at the statement that disagrees with the others (the later one,
when there are only two) and at the statement it contradicts.

## Why it matters
A number edited in one place and not in the other is the commonest slip of a long
article, and readers who see both lose trust in each.

## Example that fires
    Amazon Bedrock now serves over 100,000 customers running Claude models.
    …
    Over 50,000 customers run Claude models on Amazon Bedrock.

## Example that does not fire
    Amazon Bedrock serves over 100,000 customers running Claude models.
    Amazon Bedrock has more than 10,000 developers building on Claude.
Different subjects (customers, developers) are different claims.
",
};

impl Rule for SelfContradiction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        let all = statements(a);
        let mut lines: Option<LineIndex> = None;
        for group in groups(all) {
            for (bad, reference) in conflicts(a, &group) {
                let lines = lines.get_or_insert_with(|| LineIndex::new(a.text));
                out.push(diagnostic(a, lines, bad, reference));
            }
        }
    }
}

/// Statements grouped by key, in document order within each group; groups in key order.
pub(crate) fn groups(all: &[Statement]) -> Vec<Vec<&Statement>> {
    let mut by_key: BTreeMap<&str, Vec<&Statement>> = BTreeMap::new();
    for s in all {
        by_key.entry(&s.key).or_default().push(s);
    }
    by_key.into_values().filter(|g| g.len() > 1).collect()
}

/// The statements of one key that disagree with their reference statement (one per
/// group of compatible qualifiers), each with that reference (see [`odd_ones`]).
fn conflicts<'s>(a: &Analysis<'_>, group: &[&'s Statement]) -> Vec<(&'s Statement, &'s Statement)> {
    let items: Vec<(Value, &[String])> = group
        .iter()
        .map(|s| {
            (
                a.claims[s.claim].values[s.value].value,
                s.qualifier.as_slice(),
            )
        })
        .collect();
    odd_ones(&items, |i, j| group[i].claim == group[j].claim)
        .into_iter()
        .map(|(i, r)| (group[i], group[r]))
        .collect()
}

fn diagnostic(
    a: &Analysis<'_>,
    lines: &LineIndex,
    bad: &Statement,
    reference: &Statement,
) -> Diagnostic {
    let item = &a.claims[bad.claim].values[bad.value];
    let other = &a.claims[reference.claim].values[reference.value];
    let (line, _) = lines.line_col(a.text, other.span.start);
    let found = a.source_text(&item.span).to_string();
    let expected = a.source_text(&other.span).to_string();
    let message = format!(
        "stated {} here, but line {line} states {} for the same claim: {}",
        item.value.describe(),
        other.value.describe(),
        bad.subject
    );
    let mut d = Diagnostic::new(RuleId::SelfContradiction, item.span.clone(), message)
        .with_label(format!("stated `{found}`"))
        .with_related(Label {
            file: FileKey::Draft,
            span: other.span.clone(),
            message: format!("the same claim stated as `{expected}`"),
        });
    d.expected = Some(expected);
    d.found = Some(found);
    d
}

#[cfg(test)]
mod tests {
    use crate::facts::FactBase;
    use crate::run::{CheckOptions, check_text};

    /// (line, related line) of each self-contradiction in `body` (after a dated front
    /// matter of 3 lines), with no fact base.
    fn found(body: &str) -> Vec<(usize, usize)> {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let text = format!("---\ndate: 2025-03-01\n---\n{body}");
        let r = check_text(
            std::path::Path::new("t.md"),
            &text,
            &base,
            &CheckOptions::default(),
        );
        let line = |o: usize| text[..o].matches('\n').count() + 1;
        r.diagnostics
            .iter()
            .filter(|d| d.rule == crate::rules::RuleId::SelfContradiction)
            .map(|d| (line(d.span.start), line(d.related[0].span.start)))
            .collect()
    }

    #[test]
    fn the_odd_one_of_three_is_reported() {
        let body = "Globex serves 50,000 customers on Hooli.\n\n\
                    Globex serves 90,000 customers on Hooli.\n\n\
                    Globex serves 90,000 customers on Hooli.\n";
        assert_eq!(found(body), [(4, 6)]);
        let two = "Globex serves 90,000 customers on Hooli.\n\nGlobex serves 50,000 customers on Hooli.\n";
        assert_eq!(found(two), [(6, 4)]);
    }

    #[test]
    fn other_times_other_subjects_and_narrower_subjects_are_other_claims() {
        for body in [
            "Globex serves 90,000 customers on Hooli.\n\nIn 2023, Globex served 50,000 customers on Hooli.\n",
            "Globex serves 90,000 customers on Hooli.\n\nGlobex serves 50,000 developers on Hooli.\n",
            "Globex serves 90,000 customers on Hooli.\n\nGlobex serves 50,000 enterprise customers on Hooli.\n",
            "Globex serves 90,000 customers on Hooli.\n\nInitech serves 50,000 customers on Hooli.\n",
            "Globex serves 90,000 customers on Hooli.\n\nGlobex could serve 150,000 customers on Hooli.\n",
            "Globex serves 90,000 customers on Hooli.\n\nGlobex grew from 50,000 customers on Hooli.\n",
            "Acme cut costs by 30% on Hooli.\n\nAcme cut compute costs by 50% on Hooli.\n",
            "Hooli's revenue grew 94% at Globex.\n\nHooli's data center revenue grew 112% at Globex.\n",
            "Globex's total investment in Initech is $8 billion, while Hooli's total investment in Initech is $2 billion.\n\nGlobex's total investment in Initech is $8 billion.\n",
            "Over 100,000 customers use Hooli on Globex.\n\nMore than 100,000 customers use Hooli on Globex.\n",
            "Usage of the service grew 34% among developers on Hooli.\n\nUsage of the service grew 12% among researchers on Hooli.\n",
            "Usage of the service grew 34% on Hooli.\n\nUsage of the service grew 12% among researchers on Hooli.\n",
            "Globex Labs's total investment in Initech Technologies is $7 billion.\n\nGlobex Labs's total investment in Hooli Technologies is $11 billion.\n",
        ] {
            assert_eq!(found(body), [], "{body}");
        }
    }

    #[test]
    fn each_group_of_a_claim_has_its_own_reference() {
        // The claim is stated for two groups, twice each, and the second group's third
        // statement disagrees. The first group, as well supported and stated first, is
        // no reference for the second: each group is judged on its own.
        let body = "Usage of the service grew 34% among developers on Hooli.\n\n\
                    Usage of the service grew 34% among developers on Hooli, again.\n\n\
                    Usage of the service grew 20% among researchers on Hooli.\n\n\
                    Usage of the service grew 20% among researchers on Hooli, again.\n\n\
                    Usage of the service grew 12% among researchers on Hooli.\n";
        assert_eq!(found(body), [(12, 8)]);
        // Both groups wrong once: one finding in each, each against its own group.
        let both = "Usage of the service grew 34% among developers on Hooli.\n\n\
                    Usage of the service grew 34% among developers on Hooli, again.\n\n\
                    Usage of the service grew 20% among researchers on Hooli.\n\n\
                    Usage of the service grew 20% among researchers on Hooli, again.\n\n\
                    Usage of the service grew 50% among developers on Hooli.\n\n\
                    Usage of the service grew 12% among researchers on Hooli.\n";
        assert_eq!(found(both), [(12, 4), (14, 8)]);
    }

    #[test]
    fn paraphrased_changes_are_one_claim() {
        let body = "Acme used Hooli on Globex, reducing support resolution times by 87%.\n\n\
                    Acme reduced customer support resolution time by 78% with Hooli on Globex.\n";
        assert_eq!(found(body), [(6, 4)]);
        let noun = "Acme reduced support resolution times by 87% with Hooli on Globex.\n\n\
                    Acme saw a 78% reduction in support resolution times with Hooli on Globex.\n";
        assert_eq!(found(noun), [(6, 4)]);
        let among = "Usage of the service grew 34% among developers on Hooli.\n\n\
                     Usage of the service grew 12% among the developers on Hooli.\n";
        assert_eq!(found(among), [(6, 4)]);
        let suffix = "Globex Labs's total investment in Initech Technologies is $7 billion.\n\n\
                      Globex's total investment in Initech is $11 billion.\n";
        assert_eq!(found(suffix), [(6, 4)]);
    }
}
