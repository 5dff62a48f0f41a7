//! `sum-mismatch`: listed parts that do not add up to the stated whole, or a stated
//! number of parts that does not match the parts listed.

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Analysis, Claim, ClaimKind, ValueItem};
use crate::diagnostic::{Diagnostic, FileKey, Label};
use crate::rules::{Rule, RuleId, RuleMeta};
use crate::value::{Currency, Interval, Quantity, Value};

/// The rule.
pub struct SumMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::SumMismatch,
    summary: "parts that do not add up to the stated total",
    explanation: "\
## What it finds
A sentence that states a whole and lists its parts — \"the initial $4 billion came in
two tranches: $1.25 billion and $2.75 billion\", or \"$1.25 billion and $2.75 billion,
a total of $4 billion\" — where the parts cannot add up to the whole within the
precision they were printed with, or where the number of parts announced (\"two
tranches\") is not the number listed. It needs no fact base.

## Why it matters
A total that does not match its tranches is the first thing a careful reader checks
and the last thing a writer re-adds after editing one number.

## Example that fires
    The $4 billion came in two tranches: $1.25 billion and $2.25 billion.

## Example that does not fire
    The $4 billion came in two tranches: $1.25 billion and $2.75 billion.
",
};

static PARTS_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(tranches|rounds|parts|installments|instalments|payments|stages|phases|investments|deals|steps)\b")
        .expect("constant regex")
});

static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(total(?:ing|ling|ed)?(?: of)?|in all|combined|altogether|together|sum of|bringing (?:\w+ ){0,3}to|brings (?:\w+ ){0,3}to)\s*(?:about |around |some |roughly |nearly |almost |more than |over )?$")
        .expect("constant regex")
});

static SKIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(up from|down from|from|compared|versus|each|per|a year|annually|could|might|would|expected)\s*$")
        .expect("constant regex")
});

impl Rule for SumMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for c in &a.claims {
            if matches!(c.kind, ClaimKind::Sentence { .. }) {
                check_sentence(a, c, out);
            }
        }
    }
}

fn money(v: &ValueItem) -> Option<(Currency, Quantity)> {
    match v.value {
        Value::Money { currency, amount } => Some((currency, amount)),
        _ => None,
    }
}

fn check_sentence(a: &Analysis<'_>, c: &Claim, out: &mut Vec<Diagnostic>) {
    let amounts: Vec<usize> = c
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| money(v).is_some())
        .map(|(i, _)| i)
        .collect();
    if amounts.len() < 2 {
        return;
    }
    // Form A: a whole, then a colon, then the parts.
    if let Some(colon) = c.text.find(':') {
        let whole: Vec<usize> = amounts
            .iter()
            .copied()
            .filter(|&i| c.values[i].pos.end <= colon)
            .collect();
        let parts: Vec<usize> = amounts
            .iter()
            .copied()
            .filter(|&i| c.values[i].pos.start > colon)
            .collect();
        if let (Some(&w), true) = (whole.last(), parts.len() >= 2) {
            check_count(a, c, c.values[w].pos.end, colon, parts.len(), &parts, out);
            compare(a, c, w, &parts, out);
            return;
        }
    }
    // Form B: parts, then "a total of" the whole, last in the sentence.
    let (&w, parts) = amounts.split_last().unwrap_or((&0, &[]));
    let before = &c.text[..c.values[w].pos.start];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(48))..];
    if parts.len() >= 2 && TOTAL_BEFORE.is_match(window) {
        let parts: Vec<usize> = parts
            .iter()
            .copied()
            .filter(|&i| !SKIP.is_match(&c.text[..c.values[i].pos.start]))
            .collect();
        if parts.len() >= 2 {
            compare(a, c, w, &parts, out);
        }
    }
}

/// "two tranches: …" must list two parts.
fn check_count(
    a: &Analysis<'_>,
    c: &Claim,
    from: usize,
    to: usize,
    listed: usize,
    parts: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    for v in &c.values {
        if v.pos.start < from || v.pos.end > to {
            continue;
        }
        let Value::Count(q) = v.value else { continue };
        if q.is_range() || q.hedge != crate::value::Hedge::Exact {
            continue;
        }
        let Some(noun) = PARTS_NOUN.find(&c.text[v.pos.end..]) else {
            continue;
        };
        let n = q.value();
        if (n - listed as f64).abs() > 0.5 {
            let noun = noun.as_str().trim();
            let mut d = Diagnostic::new(
                RuleId::SumMismatch,
                v.span.clone(),
                format!(
                    "stated {} {noun}, but {listed} are listed",
                    a.source_text(&v.span)
                ),
            )
            .with_label(format!("{} {noun}", a.source_text(&v.span)));
            for &p in parts {
                d.related.push(Label {
                    file: FileKey::Draft,
                    span: c.values[p].span.clone(),
                    message: "listed part".to_string(),
                });
            }
            d.expected = Some(listed.to_string());
            d.found = Some(a.source_text(&v.span).to_string());
            out.push(d);
        }
    }
}

fn compare(a: &Analysis<'_>, c: &Claim, w: usize, parts: &[usize], out: &mut Vec<Diagnostic>) {
    let Some((cur, whole)) = money(&c.values[w]) else {
        return;
    };
    if whole.hedge.is_bound() {
        return;
    }
    let (mut lo, mut hi, mut sum) = (0.0, 0.0, 0.0);
    for &p in parts {
        let Some((pc, q)) = money(&c.values[p]) else {
            return;
        };
        if pc != cur || q.hedge != crate::value::Hedge::Exact || q.is_range() {
            return;
        }
        let i = q.interval();
        lo += i.lo;
        hi += i.hi;
        sum += q.value();
    }
    if (Interval { lo, hi }).overlaps(&whole.interval()) {
        return;
    }
    let listed: Vec<&str> = parts
        .iter()
        .map(|&p| a.source_text(&c.values[p].span))
        .collect();
    let total = Value::Money {
        currency: cur,
        amount: Quantity::point(sum, 0.0),
    }
    .describe();
    let wspan = c.values[w].span.clone();
    let mut d = Diagnostic::new(
        RuleId::SumMismatch,
        wspan.clone(),
        format!(
            "stated {}, but the parts listed add up to {total} ({})",
            a.source_text(&wspan),
            listed.join(" + ")
        ),
    )
    .with_label("the whole");
    for &p in parts {
        d.related.push(Label {
            file: FileKey::Draft,
            span: c.values[p].span.clone(),
            message: "a part".to_string(),
        });
    }
    d.expected = Some(total);
    d.found = Some(a.source_text(&wspan).to_string());
    out.push(d);
}
