//! Attribution: which fact a stated value is about, or none when that is not certain.

use std::ops::Range;
use std::sync::LazyLock;

use crate::base::value::{DateValue, Hedge, Interval, Value};
use crate::base::word_regex::WordRegex;
use crate::facts::{Fact, FactBase, FactKind, hedge_of};

use super::*;

/// True when a value's sentence or place makes it no claim about a fact: a forecast,
/// a conditional, a negation, a value that belongs to an earlier time ("up from"), or
/// quoted speech.
pub(crate) fn excluded(claim: &Claim, v: &ValueItem) -> bool {
    if claim.is_forecast() {
        return true;
    }
    let before = &claim.text[..v.pos.start];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    if super::cue_words::EXCLUDED_BEFORE.is_match(window) {
        return true;
    }
    // A valuation (or a stake's worth) is no amount: valuations are compared with the
    // valuations of rounds only (see `valuation`).
    if super::keys::is_valuation(claim, v, window)
        || super::funding_scope::company_finances(claim, v)
    {
        return true;
    }
    in_quotes(&claim.text, v.pos.start)
}

/// True when byte `at` of `text` lies inside a quotation: after an odd number of
/// straight quotes, or after more opening curly quotes than closing ones.
pub(crate) fn in_quotes(text: &str, at: usize) -> bool {
    // One pass for the three quote marks: `"`, and `“` (E2 80 9C) and `”` (E2 80 9D).
    let before = &text.as_bytes()[..at.min(text.len())];
    let (mut straight, mut open, mut close) = (0usize, 0usize, 0usize);
    for i in memchr::memchr2_iter(b'"', 0xE2, before) {
        match before.get(i..i + 3) {
            _ if before[i] == b'"' => straight += 1,
            Some([_, 0x80, 0x9C]) => open += 1,
            Some([_, 0x80, 0x9D]) => close += 1,
            _ => {}
        }
    }
    straight % 2 == 1 || open > close
}

/// Facts all of whose entities the claim names.
pub(crate) fn candidates(facts: &FactBase, claim: &Claim) -> Vec<usize> {
    let Some(&first) = claim.entities.first() else {
        return Vec::new();
    };
    // Sized once: this runs for every claim that names an entity.
    let mut out: Vec<usize> = Vec::with_capacity(
        claim
            .entities
            .iter()
            .map(|&e| facts.facts_of(e).len())
            .sum(),
    );
    for &e in &claim.entities {
        for &f in facts.facts_of(e) {
            if facts.facts[f]
                .entities
                .iter()
                .all(|x| claim.entities.contains(x))
            {
                out.push(f);
            }
        }
    }
    let _ = first;
    sort_dedup(&mut out);
    out
}

pub(super) fn interval(v: &Value) -> Option<Interval> {
    v.quantity().map(|q| q.interval())
}

/// A bound read as its value ("up to $4 billion" as $4 billion).
pub(super) fn loose_interval(v: &Value) -> Option<Interval> {
    v.quantity()
        .map(|q| q.with_hedge(unbound(q.hedge)).interval())
}

pub(super) fn unbound(h: Hedge) -> Hedge {
    if h.is_bound() { Hedge::Exact } else { h }
}

pub(super) fn fact_interval(v: &Value) -> Option<Interval> {
    v.quantity().map(|q| q.fact_interval())
}

pub(super) fn loose_fact_interval(v: &Value) -> Option<Interval> {
    v.quantity()
        .map(|q| q.with_hedge(unbound(q.hedge)).fact_interval())
}

pub(crate) fn fits(stated: &Value, fact: &Value) -> bool {
    // Two caps ("up to $4 billion") are compared by their amounts.
    if hedge_of(stated).is_bound() && hedge_of(fact).is_bound() {
        return fits_loosely(stated, fact);
    }
    match (interval(stated), fact_interval(fact)) {
        (Some(a), Some(b)) => stated.same_kind(fact) && a.overlaps(&b),
        _ => false,
    }
}

pub(crate) fn fits_loosely(stated: &Value, fact: &Value) -> bool {
    match (loose_interval(stated), loose_fact_interval(fact)) {
        (Some(a), Some(b)) => stated.same_kind(fact) && a.overlaps(&b),
        _ => false,
    }
}

/// The fact's values that could be meant on `when` (a quantity's values over a date
/// range; an event's amount).
pub(crate) fn values_during<'f>(fact: &'f Fact, when: Option<&DateValue>) -> Vec<&'f Value> {
    match &fact.kind {
        FactKind::Event { amount, .. } => amount.iter().map(|a| &a.value).collect(),
        FactKind::Quantity { values } => match when {
            None => values.iter().map(|t| &t.stated.value).collect(),
            Some(w) => values
                .iter()
                .enumerate()
                .filter(|(i, t)| {
                    let until = values.get(i + 1).map(|n| n.from);
                    t.from < w.end && until.is_none_or(|u| u > w.start)
                })
                .map(|(_, t)| &t.stated.value)
                .collect(),
        },
    }
}

pub(super) fn fact_kind_value(fact: &Fact) -> Option<&Value> {
    match &fact.kind {
        FactKind::Event { amount, .. } => amount.as_ref().map(|a| &a.value),
        FactKind::Quantity { values } => values.first().map(|t| &t.stated.value),
    }
}

/// The date a value is pinned to: the first date after it in the same clause (no
/// other amount between), else the nearest date before it with no amount between; in
/// a table row, a date anywhere in the row.
pub(crate) fn pinned_date(claim: &Claim, vi: usize) -> Option<usize> {
    let v = &claim.values[vi];
    let is_amount = |x: &ValueItem| !matches!(x.value, Value::Date(_));
    if matches!(claim.kind, ClaimKind::Row { .. }) {
        return claim
            .values
            .iter()
            .position(|x| matches!(x.value, Value::Date(_)) && x.col != v.col)
            .or_else(|| {
                claim
                    .values
                    .iter()
                    .position(|x| matches!(x.value, Value::Date(_)))
            });
    }
    for (j, x) in claim.values.iter().enumerate().skip(vi + 1) {
        if is_amount(x) {
            break;
        }
        if !matches!(x.value, Value::Date(_)) || x.pos.start - v.pos.end > 60 {
            continue;
        }
        // "$2 billion, completing the commitment it made in 2023": the date is in a
        // participle clause about another event.
        if claim
            .text
            .get(v.pos.end..x.pos.start)
            .is_some_and(super::cue_words::participle_clause)
        {
            break;
        }
        if !starts_span(&claim.text, x) {
            return Some(j);
        }
    }
    for j in (0..vi).rev() {
        let x = &claim.values[j];
        if is_amount(x) {
            break;
        }
        if matches!(x.value, Value::Date(_))
            && !starts_span(&claim.text, x)
            && !dates_a_report(&claim.text, x, v)
        {
            // "double the $1.25 billion of September 2023, lifted the total to $8
            // billion", "after its $1.25 billion (September 2023)": the date modifies
            // the amount right before it.
            let of_amount_before = j
                .checked_sub(1)
                .and_then(|k| claim.values.get(k))
                .filter(|y| is_amount(y))
                .and_then(|y| claim.text.get(y.pos.end..x.pos.start))
                .is_some_and(|between| {
                    matches!(
                        between.trim(),
                        "" | "(" | "of" | "from" | "in" | "on" | ", in" | ", on"
                    )
                });
            if of_amount_before {
                break;
            }
            return Some(j);
        }
    }
    None
}

/// True when a date before an amount is the date of something else: of a report
/// about it (the date modifies a document, "a 2024 filing says", or a reporting verb
/// and "that" stand between it and the amount), or of the noun an appositive
/// describes when the amount is the total it led to ("The deal, signed on November
/// 12, 2024, lifted the total to …") ("In a filing this week, Amazon detailed that it had
/// invested $1.25 billion").
fn dates_a_report(text: &str, date: &ValueItem, v: &ValueItem) -> bool {
    static DOCUMENT_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)^\s*(?:\w+\s+)?(?:filings?|reports?|10-[KQ]|interviews?|surveys?|statements?|letters?|lawsuits?|complaints?|articles?|posts?|memos?|papers?|stud(?:y|ies)|presentations?|earnings|calls?|keynotes?|testimony|disclosures?|prospectus)\b")
            .expect("constant regex")
    });
    static REPORTED_THAT: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:said|says|detailed|details|disclosed|discloses|reported|reports|revealed|reveals|noted|notes|stated|states|confirmed|confirms|wrote|writes|told|showed|shows|indicated|indicates)\b[^.;]{0,60}\bthat\b")
            .expect("constant regex")
    });
    let after = text.get(date.pos.end..).unwrap_or("");
    if DOCUMENT_AFTER.is_match(after) {
        return true;
    }
    // "The deal, signed on November 12, 2024, lifted the total to $8 billion": a date
    // in an appositive dates the noun before it, not the amount the clause goes on to.
    static APPOSITIVE_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i),\s*(?:which\s+was\s+|first\s+)?\w+ed\s+(?:on|in)?\s*$")
            .expect("constant regex")
    });
    let before = &text[..date.pos.start.min(text.len())];
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    // (Only when the amount is what the event led to, a total: "The deal, signed in
    // October 2025, is worth $38 billion" dates the deal's own amount.)
    static RESULT_BETWEEN: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:total|cumulative|brings?|brought|bringing|lift(?:s|ed|ing)?|rais(?:es|ed|ing)|took|takes|taking)\b")
            .expect("constant regex")
    });
    if after.trim_start().starts_with(',')
        && APPOSITIVE_BEFORE.is_match(before)
        && text
            .get(date.pos.end..v.pos.start)
            .is_some_and(|between| RESULT_BETWEEN.is_match(between))
    {
        return true;
    }
    text.get(date.pos.end..v.pos.start)
        .is_some_and(|between| REPORTED_THAT.is_match(between))
}

/// True when a date opens a span of time ("since 2019", "ever since March"): the
/// start of a partnership or a period, not the day of the event beside it.
pub(super) fn starts_span(text: &str, date: &ValueItem) -> bool {
    let before = &text[..date.pos.start.min(text.len())];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(24))..];
    super::cue_words::SPAN_START_BEFORE.is_match(window)
}

/// True when a date is the day of a state ("had invested $4 billion by March 2024",
/// "as of June"): it says when a running total held, and is no event's date.
pub(crate) fn as_of(text: &str, date: &ValueItem) -> bool {
    let before = &text[..date.pos.start.min(text.len())];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(24))..];
    super::cue_words::AS_OF_BEFORE.is_match(window)
}

/// Distance from a value to the nearest cue of `fact` in the claim (cues after the
/// value count double; a header cue of the value's own column counts zero).
pub(super) fn cue_distance(
    facts: &FactBase,
    claim: &Claim,
    v: &ValueItem,
    fact: usize,
) -> Option<usize> {
    cue_distance_on(facts, claim, v, fact, None)
}

/// [`cue_distance`] on the article's date `day`: events after it cannot be what the
/// present state's wording means instead of the running total.
fn cue_distance_on(
    facts: &FactBase,
    claim: &Claim,
    v: &ValueItem,
    fact: usize,
    day: Option<jiff::civil::Date>,
) -> Option<usize> {
    let f = &facts.facts[fact];
    let cued = claim
        .cues
        .iter()
        .filter(|c| facts.names.cue_of(c.cue, fact) && f.cues.contains(&facts.names.cues[c.cue]))
        // "more than $9 billion": the comparative is a bound, not the cue "more".
        .filter(|c| !super::cue_words::comparative(&claim.text, c.pos.end))
        .filter_map(|c| {
            if let Some(col) = c.header_col {
                return (Some(col) == v.col).then_some(0);
            }
            if let (Some(a), Some(b)) = (v.col, cell_of(claim, c))
                && a != b
            {
                // A row is one record: a cue in a cell that holds no amount ("|
                // Anthropic | Series E | March 2025 | $3.5 billion |") names the row's
                // event for the amounts of the other cells.
                let cell_has_amount = claim
                    .values
                    .iter()
                    .any(|x| x.col == Some(b) && !matches!(x.value, Value::Date(_)));
                return (!cell_has_amount).then_some(ROW_CUE_DISTANCE);
            }
            // A cue belongs to the nearest amount ("$8 billion total" is not about
            // the $4 billion after it).
            if !owns(claim, v, c) {
                return None;
            }
            Some(if c.pos.end <= v.pos.start {
                v.pos.start - c.pos.end
            } else if c.pos.start >= v.pos.end {
                (c.pos.start - v.pos.end) * 2
            } else {
                0
            })
        })
        .min();
    cued.or_else(|| state_now(facts, claim, v, fact, day))
}

/// The distance at which a cue in another cell of a table row names the row's event:
/// nearer than no cue, farther than a cue in the amount's own cell or header.
const ROW_CUE_DISTANCE: usize = 40;

/// True when a table value stands under a header that names a valuation ("Valuation",
/// "Post-money valuation", "Valued at"): it is no amount of an investment or a round.
pub(crate) fn in_valuation_column(a: &Analysis<'_>, claim: &Claim, v: &ValueItem) -> bool {
    static HEADER: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:valuations?|valued|post-money|pre-money)\b")
            .expect("constant regex")
    });
    let ClaimKind::Row { table, .. } = claim.kind else {
        return false;
    };
    v.col
        .and_then(|c| a.doc.tables.get(table)?.header.get(c))
        .is_some_and(|h| HEADER.is_match(h))
}

/// A fact's description that names an event of money.
static MONEY_EVENT: std::sync::LazyLock<crate::base::word_regex::WordRegex> =
    std::sync::LazyLock::new(|| {
        crate::base::word_regex::WordRegex::new(
            r"(?i)\b(?:investment|invests?|invested|funding|stake|round|tranche)\b",
        )
        .expect("constant regex")
    });

/// A running total named by the wording of the present state right before the value
/// ("has invested $8 billion", "now stands at", "brings its investment to"): a cue of
/// a fact that is a value over time, at the distance of the wording.
fn state_now(
    facts: &FactBase,
    claim: &Claim,
    v: &ValueItem,
    fact: usize,
    day: Option<jiff::civil::Date>,
) -> Option<usize> {
    if !matches!(facts.facts[fact].kind, FactKind::Quantity { .. }) || v.col.is_some() {
        return None;
    }
    let text = &claim.text;
    let from = text.floor_char_boundary(v.pos.start.saturating_sub(80));
    let before = text.get(from..v.pos.start)?;
    // The clause of the value: from its last break.
    let start = before.rfind([',', ';', ':', '(', '—', '–']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = before.get(start..)?;
    // The wording's distance to the value: from where it starts (a cue word's
    // distance is from where it ends), so that a cue word nearer the value wins.
    let itself = super::cue_words::STATE_ITSELF
        .for_text(clause)
        .find(clause)
        .map(|m| clause.len() - m.start());
    // "now stands at", "is now": the state itself, which no event's amount excuses.
    if itself.is_some() {
        return itself;
    }
    let distance = super::cue_words::STATE_NOW
        .for_text(clause)
        .find(clause)
        .map(|m| clause.len() - m.start())?;
    // "has now invested $4 billion", "has invested $10 billion since their partnership
    // began": the present perfect with a word of the state, or summed over a span, is
    // the running total whatever event's amount the value is.
    let after = text.get(v.pos.end..).unwrap_or("");
    if super::cue_words::PERFECT_OF_STATE.is_match(clause)
        || super::cue_words::SINCE_AFTER.is_match(after)
    {
        return Some(distance);
    }
    // Without a cue word the wording is weaker than "total": where the value is the
    // amount of an event of the same entities ("has invested $4 billion" on the day
    // of a $4 billion tranche), or an event's amount is not known ("has invested $10
    // billion", as a deal whose amount was only reported), the writer may mean the
    // event, and nothing is said.
    // "has put $1.25 billion, $2.75 billion and $4 billion into": the first of a list
    // of amounts is one of several events, not the total.
    if listed(claim, v) {
        return None;
    }
    let event_fits = candidates(facts, claim).into_iter().any(|g| {
        g != fact
            && matches!(&facts.facts[g].kind, FactKind::Event { date, .. } if day.is_none_or(|d| date.start <= d))
            && match fact_kind_value(&facts.facts[g]) {
                // The present perfect tells an event as news only while it is recent:
                // a year after a $4 billion tranche, "has invested $4 billion" states
                // the running total. A commitment ("up to $4 billion") is what the
                // writer may mean for as long as it stands.
                Some(fv) => {
                    fits(&v.value, fv)
                        && if facts.facts[g].is_bound() {
                            !outgrown(&facts.facts[fact], fv, day)
                        } else {
                            recent(&facts.facts[g], day)
                        }
                }
                // An event of money whose amount is not known (until fact kinds say
                // so, its description says it: "investment", "funding", "stake"),
                // unless the value is more than the running total ever was: one
                // investment of the pair is no more than all of them.
                None => {
                    MONEY_EVENT.is_match(&facts.facts[g].what)
                        && !above_every_value(&v.value, &facts.facts[fact])
                }
            }
    });
    (!event_fits).then_some(distance)
}

/// How long after an event the present perfect may still tell it as news ("Amazon has
/// invested $4 billion" in the month of a $4 billion tranche).
const RECENT_DAYS: i32 = 31;

/// True when an event is at most [`RECENT_DAYS`] before the day that matters (or that
/// day is not known).
fn recent(event: &Fact, day: Option<jiff::civil::Date>) -> bool {
    let FactKind::Event { date, .. } = &event.kind else {
        return false;
    };
    day.is_none_or(|d| (d - date.start).get_days().abs() <= RECENT_DAYS)
}

/// True when a running total on `day` is above a commitment's cap: the commitment
/// ("up to $4 billion") was met and outgrown, so "has invested $4 billion" no longer
/// means it.
fn outgrown(total: &Fact, cap: &Value, day: Option<jiff::civil::Date>) -> bool {
    let (Some(d), Some(cap)) = (day, loose_fact_interval(cap)) else {
        return false;
    };
    let when = DateValue::day(d);
    values_during(total, Some(&when))
        .iter()
        .filter_map(|t| fact_interval(t))
        .any(|t| t.lo > cap.hi)
}

/// True when the value opens a list of amounts ("$1.25 billion, $2.75 billion and $4
/// billion"): the next value follows it with only a comma or "and" between.
fn listed(claim: &Claim, v: &ValueItem) -> bool {
    claim
        .values
        .iter()
        .find(|x| x.pos.start >= v.pos.end)
        .filter(|x| !matches!(x.value, Value::Date(_)))
        .and_then(|x| claim.text.get(v.pos.end..x.pos.start))
        .is_some_and(|gap| matches!(gap.trim(), "," | "and" | ", and" | "&"))
}

/// True when every value the stated one allows is above every value a quantity ever
/// had ("over $20 billion" against a total of about $13 billion).
fn above_every_value(stated: &Value, quantity: &Fact) -> bool {
    let Some(lo) = interval(stated).map(|i| i.lo) else {
        return false;
    };
    let highs: Vec<f64> = values_during(quantity, None)
        .iter()
        .filter(|fv| stated.same_kind(fv))
        .filter_map(|fv| fact_interval(fv).map(|i| i.hi))
        .collect();
    !highs.is_empty() && highs.iter().all(|&hi| lo > hi)
}

/// True when a cue of `fact` stands before the value within the clause, with no other
/// amount between.
pub(super) fn cue_before(facts: &FactBase, claim: &Claim, v: &ValueItem, fact: usize) -> bool {
    claim.cues.iter().any(|c| {
        facts.names.cue_of(c.cue, fact)
            && if let Some(col) = c.header_col {
                Some(col) == v.col
            } else {
                c.pos.end <= v.pos.start
                    && v.pos.start - c.pos.end <= 60
                    && cell_of(claim, c) == v.col
                    && owns(claim, v, c)
            }
    })
}

/// Weighted distance from a value to a cue: a cue after the value counts double.
pub(super) fn weighted_distance(v: &ValueItem, c: &CueItem) -> usize {
    if c.pos.end <= v.pos.start {
        v.pos.start - c.pos.end
    } else if c.pos.start >= v.pos.end {
        (c.pos.start - v.pos.end) * 2
    } else {
        0
    }
}

/// True when `v` is the amount nearest to the cue `c` (in its cell, for a table row).
pub(super) fn owns(claim: &Claim, v: &ValueItem, c: &CueItem) -> bool {
    let d = weighted_distance(v, c);
    !claim.values.iter().any(|x| {
        !std::ptr::eq(x, v)
            && !matches!(x.value, Value::Date(_))
            && x.col == v.col
            && weighted_distance(x, c) < d
    })
}

/// True when the entity named nearest to the value is one of the fact's: "the $4
/// billion … signals AWS is closing the gap with Microsoft-OpenAI" is about AWS.
pub(super) fn nearest_entity_is_of(claim: &Claim, v: &ValueItem, fact: &Fact) -> bool {
    let cell = v.col.map(|_| cell_range(claim, v.col));
    let nearest = claim
        .entity_pos
        .iter()
        .filter(|(_, p)| match &cell {
            None => true,
            Some(r) => r
                .as_ref()
                .is_some_and(|r| p.start >= r.start && p.end <= r.end),
        })
        .min_by_key(|(_, p)| {
            if p.end <= v.pos.start {
                v.pos.start - p.end
            } else {
                p.start.saturating_sub(v.pos.end)
            }
        });
    if !nearest.is_none_or(|(e, _)| fact.entities.contains(e)) {
        return false;
    }
    // The names between the previous amount and this one are this amount's subject:
    // in "Amazon's total is $8 billion, while Google's total is about $2 billion" the
    // $2 billion is Google's, whatever the sentence named first.
    if v.col.is_none() {
        let from = claim
            .values
            .iter()
            .filter(|x| !matches!(x.value, Value::Date(_)) && x.pos.end <= v.pos.start)
            .map(|x| x.pos.end)
            .max()
            .unwrap_or(0);
        return claim
            .entity_pos
            .iter()
            .filter(|(_, p)| p.start >= from && p.end <= v.pos.start)
            .all(|(e, _)| fact.entities.contains(e));
    }
    true
}

pub(super) fn cell_range(claim: &Claim, col: Option<usize>) -> Option<Range<usize>> {
    let col = col?;
    let mut start = 0;
    for (i, part) in claim.text.split(" | ").enumerate() {
        if i == col {
            return Some(start..start + part.len());
        }
        start += part.len() + 3;
    }
    None
}

pub(super) fn cell_of(claim: &Claim, c: &CueItem) -> Option<usize> {
    if !matches!(claim.kind, ClaimKind::Row { .. }) {
        return None;
    }
    Some(claim.text[..c.pos.start].matches(" | ").count())
}

pub(super) fn attribute(a: &Analysis<'_>, agreements: &mut Vec<Agreement>) -> Vec<Verdict> {
    let mut out = Vec::new();
    for (ci, claim) in a.claims.iter().enumerate() {
        // Without values there is nothing to attribute (and no date to check).
        if claim.entities.is_empty() || claim.values.is_empty() {
            a.note_gave_up_claim(ci, super::outcome::Reason::NoEntity);
            continue;
        }
        let cands = claim.candidates(a.facts);
        // A forecast or a conditional makes no claim about a fact (see `excluded`).
        if cands.is_empty() || claim.is_forecast() {
            a.note_gave_up_claim(
                ci,
                if cands.is_empty() {
                    super::outcome::Reason::NoFact
                } else {
                    super::outcome::Reason::Hedged
                },
            );
            continue;
        }
        let mut values = Vec::new();
        let mut dates = Vec::new();
        for (vi, v) in claim.values.iter().enumerate() {
            // A company's valuation is compared with the valuations of its rounds
            // only (`excluded` keeps it from every amount), and so is an amount under
            // a table's "Valuation" header.
            if super::valuation::compared(claim, v)
                || (matches!(v.value, Value::Money { .. }) && in_valuation_column(a, claim, v))
            {
                if let Some(verdict) = super::valuation::attribute(a, ci, vi, cands) {
                    values.push(verdict);
                }
                continue;
            }
            if matches!(v.value, Value::Date(_)) || excluded(claim, v) {
                if !matches!(v.value, Value::Date(_)) {
                    a.note_gave_up(ci, vi, || super::outcome::why_excluded(claim, v));
                }
                continue;
            }
            if let Some(verdict) = attribute_value(a, ci, vi, cands, agreements) {
                values.push(verdict);
            }
            if let Some(verdict) = date_of_amount(a, ci, vi, cands) {
                dates.push(verdict);
            }
        }
        dates.extend(dates_of_events(a, ci, cands));
        // One wrong date, one finding: values read at a wrong date are not reported
        // again, and one date is reported once.
        let wrong: Vec<usize> = dates
            .iter()
            .filter_map(|d| match d {
                Verdict::DateMismatch { value, .. } => Some(*value),
                _ => None,
            })
            .collect();
        values.retain(|v| match v {
            Verdict::ValueMismatch { value, .. } | Verdict::Stale { value, .. } => {
                pinned_date(claim, *value).is_none_or(|d| !wrong.contains(&d))
            }
            Verdict::DateMismatch { .. } => true,
        });
        let mut seen = Vec::new();
        dates.retain(|d| match d {
            Verdict::DateMismatch { value, .. } => {
                let first = !seen.contains(value);
                seen.push(*value);
                first
            }
            _ => true,
        });
        out.extend(values);
        out.extend(dates);
    }
    out
}

/// For an event of one company (a funding round): true only when the claim names
/// that event and no other of the company's, by a date that falls on it ("raised
/// $450 million in May 2023") or by a cue of its own name ("its Series C"). Words
/// every round shares ("raised", "funding", "round", "initial") cannot tell one round
/// from another, nor a round from talks, revenue or a sum of deals. Other facts are
/// let through.
fn one_company_event_named(
    facts: &FactBase,
    claim: &Claim,
    f: usize,
    pinned: Option<&DateValue>,
) -> bool {
    let fact = &facts.facts[f];
    let FactKind::Event { date, .. } = &fact.kind else {
        return true;
    };
    if fact.entities.len() >= 2 {
        return true;
    }
    if pinned.is_some_and(|p| date.overlaps(p)) {
        return true;
    }
    // A round's own label names it ("Series C", "Series F"). (Cues are kept
    // lowercase, so the label is told by its form, not by a capital.)
    claim.cues.iter().any(|c| {
        let cue = &facts.names.cues[c.cue];
        facts.names.cue_of(c.cue, f)
            && fact.cues.contains(cue)
            && super::cue_words::is_round_label(cue)
    })
}

/// True when a date in the clause may tie an amount to `fact` without a cue near it:
/// an event between two named parties ("Amazon invested $1.25 billion in Anthropic in
/// September 2023"). An event of one company (a funding round) needs one of its cues
/// owned by the amount (`cue`, at any distance), since a dated amount next to one name
/// is as often its revenue, its spending or its loss ("OpenAI's revenue reached $3.7
/// billion in 2024") as its round.
pub(super) fn tied_by_date(fact: &Fact, cue: Option<usize>) -> bool {
    fact.entities.len() >= 2 || cue.is_some()
}

/// The value check: is the stated amount the fact's?
pub(super) fn attribute_value(
    a: &Analysis<'_>,
    ci: usize,
    vi: usize,
    cands: &[usize],
    agreements: &mut Vec<Agreement>,
) -> Option<Verdict> {
    let claim = &a.claims[ci];
    let v = &claim.values[vi];
    let facts = a.facts;
    if in_valuation_column(a, claim, v) {
        a.note_gave_up(ci, vi, || super::outcome::Reason::NoFact);
        return None;
    }
    // "up to $4 billion" is a cap (a commitment's wording); "less than" and "under"
    // bound an amount like any other, and are judged against it.
    let stated_bound = matches!(hedge_of(&v.value), Hedge::UpTo);
    let pinned = pinned_date(claim, vi).and_then(|j| match claim.values[j].value {
        Value::Date(d) => Some(d),
        _ => None,
    });
    let total_once = std::cell::OnceCell::new();
    let stated_total = || {
        *total_once.get_or_init(|| {
            let before = super::prose::before(claim, v, 60);
            super::statements::is_total(claim, vi)
                || super::cue_words::RAISED_SO_FAR.is_match(before)
                || super::cue_words::SEVERAL_EVENTS_BEFORE.is_match(before)
                || super::cue_words::SEVERAL_EVENTS_AFTER
                    .is_match(super::prose::after(claim, v, 60))
        })
    };
    // Kind, currency, and the hedge class: a cap is compared with caps only.
    let kinded: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&f| fact_kind_value(&facts.facts[f]).is_some_and(|fv| v.value.same_kind(fv)))
        .filter(|&f| nearest_entity_is_of(claim, v, &facts.facts[f]))
        .filter(|&f| !super::funding_scope::recipients_own(claim, v, &facts.facts[f]))
        // "Anthropic has raised $7.3 billion in total": a total is no one event of a
        // single company (a round); a pair's total is a quantity of its own.
        .filter(|&f| {
            !(facts.facts[f].entities.len() < 2
                && matches!(facts.facts[f].kind, FactKind::Event { .. })
                && stated_total())
        })
        .filter(|&f| one_company_event_named(facts, claim, f, pinned.as_ref()))
        .collect();
    let mut pool: Vec<usize> = kinded
        .iter()
        .copied()
        .filter(|&f| facts.facts[f].is_bound() == stated_bound)
        .filter(|&f| match (&facts.facts[f].kind, pinned) {
            (FactKind::Event { date, .. }, Some(p)) => date.overlaps(&p),
            _ => true,
        })
        .collect();
    // Events of a day after the article's date cannot be meant.
    if let Some(day) = a.article_date {
        pool.retain(|&f| match &facts.facts[f].kind {
            FactKind::Event { date, .. } => date.start <= day,
            FactKind::Quantity { values } => values.first().is_some_and(|t| t.from <= day),
        });
    }
    if pool.is_empty() {
        a.note_gave_up(ci, vi, || super::outcome::Reason::NoFact);
        return None;
    }
    // A total's cue before the value ("the total … is $8 billion") outranks the
    // generic cues of events ("investment").
    let total_before: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&f| matches!(facts.facts[f].kind, FactKind::Quantity { .. }))
        .filter(|&f| cue_before(facts, claim, v, f))
        .collect();
    // "Amazon's latest $4 billion", "an additional $2 billion", "its initial $1.25
    // billion": the words name one event of the pair, when no date does and the value
    // is not said to be a total.
    if pinned.is_none()
        && !stated_bound
        && total_before.is_empty()
        && let Some(order) = super::event_ref::marker(&claim.text, v)
        && !kinded
            .iter()
            .any(|&f| state_now(facts, claim, v, f, a.article_date).is_some())
    {
        return match super::event_ref::pick(a, ci, vi, order, &kinded) {
            super::event_ref::Picked::Agrees { fact } => {
                agreements.extend(agreement(&facts.facts[fact], ci, vi, fact, None));
                a.note_agrees(ci, vi, fact);
                None
            }
            super::event_ref::Picked::Contradicts { fact, other } => Some(Verdict::ValueMismatch {
                claim: ci,
                value: vi,
                fact,
                day: None,
                pinned: None,
                other,
                valuation: false,
            }),
            super::event_ref::Picked::Silent => {
                a.note_gave_up(ci, vi, || super::outcome::Reason::Ambiguous);
                None
            }
        };
    }
    // Role words: the nearest cue picks the fact. Quantities need a cue.
    let scored: Vec<(usize, Option<usize>)> = pool
        .iter()
        .map(|&f| (f, cue_distance_on(facts, claim, v, f, a.article_date)))
        .collect();
    let best = if total_before.is_empty() {
        scored.iter().filter_map(|(_, d)| *d).min()
    } else {
        Some(0)
    };
    let chosen: Vec<usize> = if !total_before.is_empty() {
        total_before
    } else {
        match best {
            Some(b) if b <= 80 => scored
                .iter()
                .filter(|(_, d)| *d == Some(b))
                .map(|(f, _)| *f)
                .collect(),
            // No cue: only a date in the clause can tie the value to an event, and
            // only to an event between two named parties (see `tied_by_date`).
            _ if pinned.is_some() => scored
                .iter()
                .filter(|(f, _)| matches!(facts.facts[*f].kind, FactKind::Event { .. }))
                .filter(|(f, d)| tied_by_date(&facts.facts[*f], *d))
                .map(|(f, _)| *f)
                .collect(),
            _ => Vec::new(),
        }
    };
    if chosen.is_empty() {
        a.note_gave_up(ci, vi, || super::outcome::Reason::NoCue);
        return None;
    }
    let day_that_matters = pinned.map(|p| p.last_day()).or(a.article_date);
    let when = pinned.or(a.article_date.map(DateValue::day));
    // Does the value fit any chosen fact at the time that matters?
    if chosen.iter().any(|&f| {
        values_during(&facts.facts[f], when.as_ref())
            .iter()
            .any(|fv| fits(&v.value, fv))
    }) {
        if let [fact] = chosen[..] {
            agreements.extend(agreement(&facts.facts[fact], ci, vi, fact, when.as_ref()));
            a.note_agrees(ci, vi, fact);
        } else {
            a.note_gave_up(ci, vi, || super::outcome::Reason::Ambiguous);
        }
        return None;
    }
    let total_by_cue = chosen.len() == 1
        && matches!(facts.facts[chosen[0]].kind, FactKind::Quantity { .. })
        && best.is_some();
    // A marker and a date that name one event together ("another $2 billion in
    // January 2025", "the additional $3 billion, announced on November 22"): the value
    // is that event's, and an event of another date whose amount it is makes only the
    // fix uncertain (the amount or the date may be wrong).
    let marked_other = if pinned.is_some()
        && !stated_bound
        && let [one] = chosen[..]
        && super::event_ref::marker(&claim.text, v)
            .is_some_and(|order| super::event_ref::names(a, order, &kinded, one))
    {
        Some(kinded.iter().copied().find(|&f| {
            let fact = &facts.facts[f];
            matches!(&fact.kind, FactKind::Event { date, .. } if pinned.is_none_or(|p| !date.overlaps(&p)))
                && values_during(fact, None)
                    .iter()
                    .any(|fv| fits_loosely(&v.value, fv))
        }))
    } else {
        None
    };
    // The writer may mean another fact the value fits: say nothing.
    if !total_by_cue && marked_other.is_none() {
        let fits_other = kinded.iter().any(|&f| {
            let fact = &facts.facts[f];
            values_during(fact, None)
                .iter()
                .any(|fv| fits_loosely(&v.value, fv))
        });
        if fits_other {
            a.note_gave_up(ci, vi, || super::outcome::Reason::Ambiguous);
            return None;
        }
    }
    let Some(fact) = pick_one(a, &chosen, pinned) else {
        a.note_gave_up(ci, vi, || super::outcome::Reason::Ambiguous);
        return None;
    };
    let f = &facts.facts[fact];
    if let (FactKind::Quantity { values }, Some(day)) = (&f.kind, day_that_matters) {
        // Stale: the value held before the day that matters. A bound ("less than $6
        // billion") that an earlier value fits says no earlier value: it is judged
        // against the value on the day only.
        let bounds = matches!(
            hedge_of(&v.value),
            Hedge::LessThan | Hedge::MoreThan | Hedge::AtLeast
        );
        if pinned.is_none()
            && !bounds
            && let Some(held) = values
                .iter()
                .position(|t| t.from < day && fits(&v.value, &t.stated.value))
        {
            return Some(Verdict::Stale {
                claim: ci,
                value: vi,
                fact,
                held,
                day,
            });
        }
        if f.value_on(day).is_none() {
            a.note_gave_up(ci, vi, || super::outcome::Reason::NoFact);
            return None;
        }
        return Some(Verdict::ValueMismatch {
            claim: ci,
            value: vi,
            fact,
            day: Some(day),
            pinned,
            other: None,
            valuation: false,
        });
    }
    if let FactKind::Quantity { .. } = f.kind {
        // No date at all: only a value that was never true is wrong.
        if values_during(f, None).iter().any(|fv| fits(&v.value, fv)) {
            a.note_agrees(ci, vi, fact);
            return None;
        }
        return Some(Verdict::ValueMismatch {
            claim: ci,
            value: vi,
            fact,
            day: None,
            pinned,
            other: None,
            valuation: false,
        });
    }
    Some(Verdict::ValueMismatch {
        claim: ci,
        value: vi,
        fact,
        day: None,
        pinned,
        other: marked_other.flatten(),
        valuation: false,
    })
}

/// The agreement of a value with its one fact: an event's amount, or the value of a
/// quantity in force at `when` (none when `when` is unknown or spans two values).
pub(super) fn agreement(
    fact: &Fact,
    claim: usize,
    value: usize,
    index: usize,
    when: Option<&DateValue>,
) -> Option<Agreement> {
    let held = match &fact.kind {
        FactKind::Event { .. } => None,
        FactKind::Quantity { values } => {
            let w = when?;
            let first = values.iter().rposition(|t| t.from <= w.start)?;
            let last = values.iter().rposition(|t| t.from <= w.last_day())?;
            if first != last {
                return None;
            }
            Some(first)
        }
    };
    Some(Agreement {
        claim,
        value,
        fact: index,
        held,
    })
}
