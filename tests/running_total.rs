//! A running total named without the word "total" (issue 23, class 7), and a
//! comparative that is a bound, not a cue. Drafts dated 2024-11-22, when Amazon's
//! total investment in Anthropic was $8 billion (built-in base).

use std::path::Path;

use factlint::facts::FactBase;
use factlint::run::{CheckOptions, check_text};

/// (rule, message) of each finding.
fn findings(body: &str) -> Vec<(String, String)> {
    static BASE: std::sync::LazyLock<FactBase> = std::sync::LazyLock::new(|| {
        FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid")
    });
    let draft = format!("---\ndate: 2024-11-22\n---\n\n{body}\n");
    check_text(
        Path::new("draft.md"),
        &draft,
        &BASE,
        &CheckOptions::default(),
    )
    .diagnostics
    .iter()
    .map(|d| (d.rule.as_str().to_string(), d.message.clone()))
    .collect()
}

fn one_total_mismatch(body: &str) {
    let f = findings(body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, "value-mismatch", "{body}: {f:?}");
    assert!(
        f[0].1
            .contains("total investment in Anthropic was $8 billion"),
        "{body}: {f:?}"
    );
}

#[test]
fn the_present_state_names_the_running_total() {
    // Planted: $6 billion where the total on the article's date was $8 billion.
    one_total_mismatch("Amazon has now invested $6 billion in Anthropic.");
    one_total_mismatch(
        "The new deal brought its investment in Anthropic to $6 billion, Amazon said.",
    );
    one_total_mismatch("Amazon's stake in Anthropic now stands at $6 billion.");
}

#[test]
fn more_than_is_a_bound_not_the_cue_of_an_additional_investment() {
    // Planted: "more than $9 billion" where the total was $8 billion; the finding
    // names the total, not the $4 billion additional tranche.
    one_total_mismatch("Amazon has invested more than $9 billion in Anthropic.");
}

#[test]
fn where_an_event_of_the_same_entities_fits_the_writer_may_mean_it() {
    // On the day of a $4 billion tranche, "has invested $4 billion" may mean it.
    assert_eq!(findings("Amazon has invested $4 billion in Anthropic."), []);
    // Microsoft's 2023 investment has no amount in the base: it may be what is meant.
    assert_eq!(
        findings("Microsoft has invested $10 billion in OpenAI."),
        []
    );
    // The right total, and a past tense that states no present total.
    assert_eq!(findings("Amazon has invested $8 billion in Anthropic."), []);
    assert_eq!(findings("Amazon invested $6 billion in ads."), []);
}
