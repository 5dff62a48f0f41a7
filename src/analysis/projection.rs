//! The writer's own projections as claims (issue 23, class 8): "We value Anthropic at
//! $40 billion in our base case" and "Our base case values Anthropic at $25 billion"
//! state one projection with two values. A projection is keyed by the case it names
//! ("base case", "bull case"; otherwise the writer's estimate), the measure it
//! projects (valuation, revenue, profit…) and the time words of its clause ("this
//! year", "by 2027"), so a bull case beside a base case, or this year's revenue beside
//! next year's, are other claims. Conditions, modals and past time ("if the deal
//! closes", "could", "last year") make no statement.

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Claim, prose};

/// Words that make the clause the writer's own projection.
static OWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:we (?:see|value|estimate|forecast|project|model)|our (?:estimates?|forecasts?|projections?|model|base|bull|bear|upside|downside|central))(?-u:\b)")
        .expect("constant regex")
});

/// A named case: "base case", "bull-case".
static CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<c>base|bull|bear|upside|downside|central)[- ]case(?-u:\b)")
        .expect("constant regex")
});

/// What is projected.
static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<valuation>valu(?:e|es|ed|ing|ation|ations))|(?P<revenue>revenues?|sales)|(?P<profit>profits?|earnings|ebitda|net income|operating income)|(?P<spend>capex|capital spending|spending))(?-u:\b)")
        .expect("constant regex")
});

/// Words that say when: part of the key.
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:this|next|last|the coming) (?:year|quarter|month|decade)|(?:by|in|for|through) (?:fiscal |fy ?)?(?:19|20)[0-9]{2}|fy ?[0-9]{2,4}|(?:19|20)[0-9]{2}|long[- ]term|near[- ]term)(?-u:\b)")
        .expect("constant regex")
});

/// Words that make the clause no statement of the projection.
static NOT_STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:could|might|may|would|should|if|unless|whether|previously|formerly|originally|used to|had|ago|was|were|raised|cut|lowered|from|than)(?-u:\b)")
        .expect("constant regex")
});

/// True when the clause of value `vi` of `claim` is the writer's own projection or an
/// analyst's estimate ("we value Anthropic at", "our bull case values", "analysts
/// value it at"): no round's valuation, whatever it says.
pub(crate) fn own_estimate(claim: &Claim, vi: usize) -> bool {
    static ANALYSTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:analysts?|brokers?|bankers?|strategists?|estimates?|models?|targets?)(?-u:\b)[^.;]{0,24}(?-u:\b)valu")
            .expect("constant regex")
    });
    let Some(v) = claim.values.get(vi) else {
        return false;
    };
    let clause = &claim.text[prose::clause(&claim.text, v.pos.start)];
    OWN.is_match(clause) || ANALYSTS.is_match(clause)
}

/// The key and the shown subject of a money value of `claim` (index `vi`) that states
/// a projection of the writer's own; None for any other value.
pub(crate) fn key(claim: &Claim, vi: usize) -> Option<(String, String)> {
    let v = claim.values.get(vi)?;
    let clause = &claim.text[prose::clause(&claim.text, v.pos.start)];
    if !OWN.is_match(clause) || NOT_STATED.is_match(clause) {
        return None;
    }
    let mut measures: Vec<&str> = MEASURE
        .captures_iter(clause)
        .filter_map(|m| {
            ["valuation", "revenue", "profit", "spend"]
                .into_iter()
                .find(|n| m.name(n).is_some())
        })
        .collect();
    measures.dedup();
    let [measure] = measures[..] else { return None };
    let case = CASE
        .captures(clause)
        .and_then(|m| m.name("c"))
        .map_or_else(|| "estimate".to_string(), |m| m.as_str().to_lowercase());
    let mut when: Vec<String> = WHEN
        .find_iter(clause)
        .map(|m| m.as_str().to_lowercase())
        .collect();
    when.sort_unstable();
    when.dedup();
    let shown = if case == "estimate" {
        format!("estimated {measure}")
    } else {
        format!("{measure} in the {case} case")
    };
    Some((
        format!("projection {case} {measure} [{}]", when.join(" ")),
        shown,
    ))
}
