//! The same quantity given twice (issue 23, class 8): the present perfect of
//! investing ("has invested") states the running total on the article's date, so two
//! such sentences about the same backer and company with values that cannot both hold
//! contradict each other, even with no fact about them in the base. Values that dated
//! events or increments explain ("an additional", "in 2023") are no second statement
//! of the total. Salesforce, Oracle and Cohere are not in the built-in base: this is
//! the document against itself.

mod common;

use common::findings_on;

#[test]
fn two_running_totals_of_one_pair_contradict() {
    // Planted: $300 million where the draft said $500 million.
    let f = findings_on(
        "2024-06-01",
        "Salesforce has invested $500 million in Cohere.\n\nCohere counts Salesforce among its backers; Salesforce has invested $300 million in Cohere.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "self-contradiction", "{f:?}");
    assert!(f[0].1.contains("stated $300 million here"), "{f:?}");
    assert!(f[0].1.contains("states $500 million"), "{f:?}");
}

#[test]
fn increments_dated_amounts_and_other_backers_are_other_quantities() {
    for body in [
        // An increment is a part of the total.
        "Salesforce has invested $500 million in Cohere.\n\nSalesforce has invested an additional $300 million in Cohere.",
        // Another backer.
        "Salesforce has invested $500 million in Cohere.\n\nOracle has invested $300 million in Cohere.",
        // A dated tranche beside the total.
        "Salesforce invested $300 million in Cohere in 2023.\n\nSalesforce has invested $500 million in Cohere.",
    ] {
        let f = findings_on("2024-06-01", body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_forecast_total_is_no_second_statement() {
    let body = "Salesforce has invested $500 million in Cohere.\n\nSalesforce is expected to have invested $300 million in Cohere by next year.";
    let f = findings_on("2024-06-01", body);
    assert!(f.is_empty(), "{body}: {f:?}");
}
