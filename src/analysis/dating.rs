//! Verdicts that depend on time: the date of an amount's event, the dates stated for
//! events, and the range of days a timed value held.

use jiff::civil::Date;

use crate::base::value::{DateValue, Hedge, Value};
use crate::facts::{Fact, FactKind, Timed, hedge_of};

use super::*;

/// One fact out of several that all contradict the value: the only one, or the one
/// nearest the date that matters. None when that does not decide.
pub(super) fn pick_one(
    a: &Analysis<'_>,
    chosen: &[usize],
    pinned: Option<DateValue>,
) -> Option<usize> {
    if chosen.len() == 1 {
        return Some(chosen[0]);
    }
    // Without a date in the clause, nothing decides between them.
    let day = pinned.map(|p| p.start)?;
    let mut best: Option<(i64, usize)> = None;
    let mut tie = false;
    for &f in chosen {
        let FactKind::Event { date, .. } = &a.facts.facts[f].kind else {
            return None;
        };
        let d = (date.start - day).get_days().abs() as i64;
        match best {
            Some((bd, _)) if d == bd => tie = true,
            Some((bd, _)) if d > bd => {}
            _ => {
                best = Some((d, f));
                tie = false;
            }
        }
    }
    if tie { None } else { best.map(|(_, f)| f) }
}

/// The date check for an amount: "$2.75 billion in February 2024" — the amount names
/// one event, the date contradicts it.
pub(super) fn date_of_amount(
    a: &Analysis<'_>,
    ci: usize,
    vi: usize,
    cands: &[usize],
) -> Option<Verdict> {
    let claim = &a.claims[ci];
    let v = &claim.values[vi];
    if super::attribute::in_valuation_column(a, claim, v) {
        return None;
    }
    let di = pinned_date(claim, vi)?;
    let Value::Date(d) = claim.values[di].value else {
        return None;
    };
    // "had invested $4 billion by March 2024": the day of a state, not an event's.
    if super::attribute::as_of(&claim.text, &claim.values[di]) {
        return None;
    }
    if claim.values[di].bare_year && !matches!(claim.kind, ClaimKind::Row { .. }) {
        // "in 2024" is a weak date: still compared, at its grain.
    }
    let facts = a.facts;
    // A value said to be a total is no event's amount.
    if cands.iter().any(|&f| {
        matches!(facts.facts[f].kind, FactKind::Quantity { .. }) && cue_before(facts, claim, v, f)
    }) {
        return None;
    }
    let stated_bound = matches!(hedge_of(&v.value), Hedge::UpTo | Hedge::LessThan);
    let mut by_amount = Vec::new();
    for &f in cands {
        let fact = &facts.facts[f];
        if !nearest_entity_is_of(claim, v, fact) {
            continue;
        }
        // Anything the value fits at that date: then the date is fine.
        if values_during(fact, Some(&d))
            .iter()
            .any(|fv| fits_loosely(&v.value, fv))
        {
            match &fact.kind {
                FactKind::Event { date, .. } if date.overlaps(&d) => return None,
                FactKind::Event { .. } => {}
                // A total fits only when the value is said to be one.
                FactKind::Quantity { .. } => {
                    if cue_distance(facts, claim, v, f).is_some_and(|x| x <= 80) {
                        return None;
                    }
                }
            }
        }
        // An amount names an event only when printed at least as precisely as the
        // event's ("$3 billion" does not name the $2.75 billion tranche).
        if let (FactKind::Event { .. }, Some(amount)) = (&fact.kind, fact.amount())
            && fact.is_bound() == stated_bound
            && fits(&v.value, &amount.value)
            && precision(&v.value) <= precision(&amount.value) * 1.000_001
            && super::attribute::tied_by_date(fact, cue_distance(facts, claim, v, f))
        {
            by_amount.push(f);
        }
    }
    // A cue near the value names the event: the amount must be that event's.
    let cued: Vec<(usize, usize)> = cands
        .iter()
        .filter(|&&f| {
            facts.facts[f].amount().is_some() && facts.facts[f].is_bound() == stated_bound
        })
        .filter_map(|&f| {
            cue_distance(facts, claim, v, f)
                .filter(|&x| x <= 80)
                .map(|x| (f, x))
        })
        .collect();
    if let Some(best) = cued.iter().map(|(_, x)| *x).min() {
        by_amount.retain(|f| cued.iter().any(|(g, x)| g == f && *x == best));
    }
    if by_amount.len() != 1 {
        return None;
    }
    if let FactKind::Event { date, .. } = &facts.facts[by_amount[0]].kind
        && date.overlaps(&d)
    {
        a.note_agrees(ci, di, by_amount[0]);
        return None;
    }
    // An event of the pair on the stated date, of another amount ("$4 billion in
    // March 2024" when March's tranche was $2.75 billion): the date or the amount is
    // wrong, and which one is not known.
    let of_the_date: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&f| {
            let fact = &facts.facts[f];
            matches!(&fact.kind, FactKind::Event { date, .. } if date.overlaps(&d)
                && a.article_date.is_none_or(|day| date.start <= day))
                && fact.amount().is_some()
                && fact.is_bound() == stated_bound
                && nearest_entity_is_of(claim, v, fact)
        })
        .collect();
    let other = match of_the_date[..] {
        [] => None,
        [f] => Some(f),
        _ => return None,
    };
    Some(Verdict::DateMismatch {
        claim: ci,
        value: di,
        fact: by_amount[0],
        anchor: Some(vi),
        other,
    })
}

pub(super) fn precision(v: &Value) -> f64 {
    v.quantity().map_or(f64::INFINITY, |q| q.precision)
}

/// The date check for events without an amount ("named primary training partner in
/// March 2024"): the event's cue and one date in the sentence.
pub(super) fn dates_of_events(a: &Analysis<'_>, ci: usize, cands: &[usize]) -> Vec<Verdict> {
    let claim = &a.claims[ci];
    let facts = a.facts;
    let mut out = Vec::new();
    if claim.is_forecast() {
        return out;
    }
    let dates: Vec<usize> = claim
        .values
        .iter()
        .enumerate()
        .filter(|(_, x)| matches!(x.value, Value::Date(_)))
        // "have worked together since 2019, and now extend the deal": the start of a
        // period, not the day of an event.
        .filter(|(_, x)| !super::attribute::starts_span(&claim.text, x))
        .filter(|(_, x)| !super::attribute::as_of(&claim.text, x))
        .map(|(i, _)| i)
        .collect();
    if dates.len() != 1 {
        return out;
    }
    let di = dates[0];
    let Value::Date(d) = claim.values[di].value else {
        return out;
    };
    for &f in cands {
        let fact = &facts.facts[f];
        let FactKind::Event {
            date, amount: None, ..
        } = &fact.kind
        else {
            continue;
        };
        let cued = claim.cues.iter().any(|c| facts.names.cue_of(c.cue, f));
        if cued && date.overlaps(&d) && !excluded(claim, &claim.values[di]) {
            a.note_agrees(ci, di, f);
        }
        if cued && !date.overlaps(&d) && !excluded(claim, &claim.values[di]) {
            out.push(Verdict::DateMismatch {
                claim: ci,
                value: di,
                fact: f,
                anchor: None,
                other: None,
            });
        }
    }
    // A date in an event's noun phrase ("Google's October 2022 deal", "the deal,
    // signed on …, lifted the total to …").
    if out.is_empty() {
        out.extend(
            super::event_date::noun_date(a, ci, di, cands)
                .or_else(|| super::event_date::step_date(a, ci, di, cands)),
        );
    }
    out
}

/// The day range a quantity's value held: from its `from` to the day before the next.
pub fn held_range(fact: &Fact, t: &Timed) -> (Date, Option<Date>) {
    (
        t.from,
        fact.next_value(t).and_then(|n| n.from.yesterday().ok()),
    )
}
