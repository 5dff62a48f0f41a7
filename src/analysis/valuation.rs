//! Valuations as a fact kind (issue 24): a company's valuation that a draft states ("at
//! a $61.5 billion valuation", "valued at $61.5 billion", "a post-money valuation of
//! $61.5 billion", "$61.5 billion post-money") is tied to the post-money valuation of
//! one funding round of that company (an `[[event]]` with a `valuation`), and checked
//! by `value-mismatch` like an amount.
//!
//! The form is the one the claim keys read ([`super::keys::company_valuation`]): "a
//! stake worth $X" is no valuation of the company. A valuation is compared with
//! valuations only, never with an event's amount, and an amount never with a
//! valuation ([`super::excluded`] keeps every valuation away from the amounts). The
//! round is picked the way an amount picks a round of one company (see
//! `one_company_event_named` in `attribute.rs`): by a date stated with the valuation
//! (or with the round's size it is stated with, "raised $3.5 billion in March 2025 at
//! a $61.5 billion valuation") or by a label of the round's own ("its Series E"). When
//! nothing names one round, when two are named, when the value is another round's
//! valuation and only one of the two names this round, for a pre-money valuation,
//! talks of one ("in talks to raise at"), or the writer's or an analyst's own
//! estimate ("we value", "our bull case values"), nothing is said.

use std::sync::LazyLock;

use crate::base::word_regex::WordRegex;
use crate::facts::{FactBase, FactKind};

use super::attribute::nearest_entity_is_of;
use super::outcome::Reason;
use super::{Analysis, Claim, ValueItem, Verdict, fits, fits_loosely, in_quotes, pinned_date};

/// Before a valuation: "pre-money" ("a pre-money valuation of $58.5 billion").
static PRE_MONEY_BEFORE: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"(?i)\bpre-?money\b[^$€£;.]{0,30}$").expect("constant regex"));

/// After a valuation: "pre-money" ("$58.5 billion pre-money").
static PRE_MONEY_AFTER: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"(?i)^\s*pre-?money\b").expect("constant regex"));

/// True when value `v` of `claim` is a company's valuation that attribution compares
/// with the base's valuations: stated as a valuation, not in quotation marks, not
/// negated, compared or of an earlier time ("up from a $20 billion valuation").
/// (A claim that reads as a forecast is never attributed at all.)
pub(super) fn compared(claim: &Claim, v: &ValueItem) -> bool {
    if !super::keys::company_valuation(claim, v) || in_quotes(&claim.text, v.pos.start) {
        return false;
    }
    let before = &claim.text[..v.pos.start];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    // "up from a $20 billion valuation": the article of "a $X valuation" stands
    // between the words and the value.
    let window = ARTICLE_AFTER
        .for_text(window)
        .find(window)
        .map_or(window, |m| &window[..m.start()]);
    !super::cue_words::EXCLUDED_BEFORE.is_match(window)
}

/// An article or a possessive right before a valuation ("a $61.5 billion valuation").
static ARTICLE_AFTER: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"(?i)\b(?:a|an|the|its|their)\s*$").expect("constant regex"));

/// True for a pre-money valuation: the base holds post-money valuations only.
fn pre_money(claim: &Claim, v: &ValueItem) -> bool {
    let before = &claim.text[..v.pos.start];
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(48))..];
    let after = &claim.text[v.pos.end..];
    let after = &after[..after.floor_char_boundary(after.len().min(24))];
    PRE_MONEY_BEFORE.is_match(before) || PRE_MONEY_AFTER.is_match(after)
}

/// The date that names the round of valuation `vi`: the date stated with it, else the
/// date stated with the round's size right beside it ("raised $3.5 billion in March
/// 2025 at a $61.5 billion valuation": no other amount between the two, at most 80
/// bytes apart).
fn round_date(claim: &Claim, vi: usize) -> Option<crate::base::value::DateValue> {
    let date_of = |j: usize| match claim.values.get(j).map(|x| x.value) {
        Some(crate::base::value::Value::Date(d)) => Some(d),
        _ => None,
    };
    if let Some(d) = pinned_date(claim, vi).and_then(date_of) {
        return Some(d);
    }
    let v = &claim.values[vi];
    let is_amount = |x: &ValueItem| !matches!(x.value, crate::base::value::Value::Date(_));
    let before = (0..vi).rev().find(|&j| is_amount(&claim.values[j]));
    let after = (vi + 1..claim.values.len()).find(|&j| is_amount(&claim.values[j]));
    [before, after].into_iter().flatten().find_map(|j| {
        let x = &claim.values[j];
        let gap = if x.pos.end <= v.pos.start {
            v.pos.start - x.pos.end
        } else {
            x.pos.start.saturating_sub(v.pos.end)
        };
        (gap <= 80
            && x.col == v.col
            && super::keys::subject_kind(claim, j) == Some(super::keys::SubjectKind::Round))
        .then(|| pinned_date(claim, j).and_then(date_of))
        .flatten()
    })
}

/// How the claim names round `f` of a company: by a date that falls on it, by a label
/// of its own ("Series E"); 0, 1 or 2 of them.
fn names_round(
    facts: &FactBase,
    claim: &Claim,
    f: usize,
    date: Option<&crate::base::value::DateValue>,
) -> usize {
    let fact = &facts.facts[f];
    let FactKind::Event { date: on, .. } = &fact.kind else {
        return 0;
    };
    let dated = date.is_some_and(|d| on.overlaps(d));
    let labelled = claim.cues.iter().any(|c| {
        let cue = &facts.names.cues[c.cue];
        facts.names.cue_of(c.cue, f)
            && fact.cues.contains(cue)
            && super::cue_words::is_round_label(cue)
    });
    usize::from(dated) + usize::from(labelled)
}

/// The valuation check: is the stated valuation the post-money valuation of the round
/// the claim names? `cands` are the claim's candidate facts.
pub(super) fn attribute(
    a: &Analysis<'_>,
    ci: usize,
    vi: usize,
    cands: &[usize],
) -> Option<Verdict> {
    let claim = &a.claims[ci];
    let v = &claim.values[vi];
    let facts = a.facts;
    if super::keys::not_made(&claim.text) || super::projection::own_estimate(claim, vi) {
        a.note_gave_up(ci, vi, || Reason::Hedged);
        return None;
    }
    if pre_money(claim, v) {
        a.note_gave_up(ci, vi, || Reason::NoFact);
        return None;
    }
    // The rounds of the company named nearest the value, with a valuation in its
    // currency, and not after the article's date.
    let kinded: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&f| {
            facts.facts[f]
                .valuation()
                .is_some_and(|val| v.value.same_kind(&val.stated.value))
        })
        .filter(|&f| nearest_entity_is_of(claim, v, &facts.facts[f]))
        .filter(|&f| match (&facts.facts[f].kind, a.article_date) {
            (FactKind::Event { date, .. }, Some(day)) => date.start <= day,
            _ => true,
        })
        .collect();
    if kinded.is_empty() {
        a.note_gave_up(ci, vi, || Reason::NoFact);
        return None;
    }
    let date = round_date(claim, vi);
    let named: Vec<(usize, usize)> = kinded
        .iter()
        .map(|&f| (f, names_round(facts, claim, f, date.as_ref())))
        .filter(|&(_, n)| n > 0)
        .collect();
    let chosen: Vec<usize> = named.iter().map(|&(f, _)| f).collect();
    let fact = match chosen[..] {
        [one] => one,
        [] => {
            a.note_gave_up(ci, vi, || Reason::NoCue);
            return None;
        }
        _ => {
            a.note_gave_up(ci, vi, || Reason::Ambiguous);
            return None;
        }
    };
    let valuation = facts.facts[fact].valuation()?;
    if fits(&v.value, &valuation.stated.value) {
        a.note_agrees(ci, vi, fact);
        return None;
    }
    // Another round's valuation: the date or the label may be what is wrong, unless
    // both name this round ("in its Series B in January 2025"); then only the fix is
    // uncertain.
    let other = kinded.iter().copied().find(|&g| {
        g != fact
            && facts.facts[g]
                .valuation()
                .is_some_and(|val| fits_loosely(&v.value, &val.stated.value))
    });
    if other.is_some() && named.first().is_some_and(|&(_, n)| n < 2) {
        a.note_gave_up(ci, vi, || Reason::Ambiguous);
        return None;
    }
    Some(Verdict::ValueMismatch {
        claim: ci,
        value: vi,
        fact,
        day: None,
        pinned: date,
        other,
        valuation: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::value::Value;
    use crate::read::markdown::scan;

    /// `f` applied to the money value `value` of the one-sentence draft `sentence`.
    fn on<T>(sentence: &str, value: &str, f: impl Fn(&Claim, usize) -> T) -> T {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let text = format!("---\ndate: 2025-06-01\n---\n{sentence}\n");
        let doc = scan(&text);
        let a = Analysis::new(std::path::Path::new("t.md"), &text, &doc, &base, None);
        for c in &a.claims {
            for (vi, v) in c.values.iter().enumerate() {
                if matches!(v.value, Value::Money { .. }) && &c.text[v.pos.clone()] == value {
                    return f(c, vi);
                }
            }
        }
        panic!("{value} is not read in {sentence:?}")
    }

    #[test]
    fn a_company_valuation_is_compared_and_what_is_none_is_not() {
        for s in [
            "Globex raised $2 billion at a $60 billion valuation.",
            "Globex was valued at more than $60 billion.",
            "The round gives Globex a post-money valuation of $60 billion.",
        ] {
            assert!(
                on(s, "$60 billion", |c, vi| compared(c, &c.values[vi])),
                "{s}"
            );
        }
        for s in [
            "Hooli holds a stake worth $60 billion in Globex.",
            "Globex is valued at $90 billion, up from a $60 billion valuation.",
            "\"We are valued at $60 billion,\" Globex said.",
            "Globex raised $60 billion in its Series C.",
        ] {
            assert!(
                !on(s, "$60 billion", |c, vi| compared(c, &c.values[vi])),
                "{s}"
            );
        }
    }

    #[test]
    fn a_pre_money_valuation_is_told_from_a_post_money_one() {
        let pre = |s: &str| on(s, "$58 billion", |c, vi| pre_money(c, &c.values[vi]));
        assert!(pre("Globex had a pre-money valuation of $58 billion."));
        assert!(pre("Globex was valued at $58 billion pre-money."));
        assert!(!pre("Globex had a post-money valuation of $58 billion."));
        assert!(!pre("Globex was valued at $58 billion."));
    }

    #[test]
    fn a_valuation_is_dated_by_its_own_date_or_by_its_rounds() {
        let date = |s: &str| {
            on(s, "$60 billion", |c, vi| {
                round_date(c, vi).map(|d| d.to_string())
            })
        };
        assert_eq!(
            date("Globex was valued at $60 billion in May 2024.").as_deref(),
            Some("May 2024")
        );
        assert_eq!(
            date("Globex raised $2 billion in May 2024 at a $60 billion valuation.").as_deref(),
            Some("May 2024")
        );
        // An amount that is no round does not lend its date.
        assert_eq!(
            date("Globex's revenue was $2 billion in 2024, and it is valued at $60 billion.")
                .as_deref(),
            None
        );
        assert_eq!(date("Globex is valued at $60 billion.").as_deref(), None);
    }
}
