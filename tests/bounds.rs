//! A stated bound on an amount (issue 23, class 5): "less than", "under", "below",
//! "at least" and "more than" bound the amount the sentence is about and are judged
//! against it; "up to" is a cap, a commitment's wording, and says nothing about what
//! was paid. Drafts dated 2024-11-22, when Amazon's total investment in Anthropic was
//! $8 billion (built-in base).

mod common;

fn findings(body: &str) -> Vec<(String, String)> {
    common::findings_on("2024-11-22", body)
}

#[track_caller]
fn one_total_mismatch(body: &str) {
    common::assert_one_total_mismatch(body, &findings(body));
}

#[test]
fn a_bound_the_total_breaks_is_a_mismatch() {
    // Planted: an upper bound below the $8 billion total.
    one_total_mismatch("Amazon's total investment in Anthropic is less than $6 billion.");
    one_total_mismatch("Amazon's total investment in Anthropic is below $6 billion.");
    // Planted: a lower bound above it.
    one_total_mismatch("Amazon's total investment in Anthropic is at least $9 billion.");
}

#[test]
fn a_bound_an_earlier_total_fits_is_not_stale() {
    // "less than $6 billion" fits the $4 billion total of a year before, but a bound
    // names no earlier value: the finding is a mismatch against the total on the day,
    // never "stale".
    let f = findings("Amazon's total investment in Anthropic is less than $6 billion.");
    assert!(f.iter().all(|(rule, _)| rule != "stale-value"), "{f:?}");
}

#[test]
fn a_bound_the_total_keeps_is_silent() {
    assert_eq!(
        findings("Amazon's total investment in Anthropic is under $10 billion."),
        []
    );
    assert_eq!(
        findings("Amazon's total investment in Anthropic is at least $7 billion."),
        []
    );
}

#[test]
fn up_to_is_a_cap_not_an_amount() {
    // The first agreement was a commitment of up to $4 billion: a cap is no total.
    assert_eq!(
        findings("In 2023 Amazon agreed to invest up to $4 billion in Anthropic."),
        []
    );
}

#[test]
fn a_stated_present_value_that_held_earlier_is_still_stale() {
    // Planted: $4 billion was the total until November 2024; the bound change leaves
    // plain amounts alone.
    let f = findings("Amazon's total investment in Anthropic stands at $4 billion.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "stale-value", "{f:?}");
}
