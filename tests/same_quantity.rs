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

#[test]
fn a_count_restated_under_the_company_s_full_name_contradicts() {
    // "Initrode Analytics" is "Initrode" with a company suffix.
    let body = "Initrode serves more than 2,000 enterprise customers.\n\nAbout Initrode: Initrode Analytics serves 900 enterprise customers in 30 countries.";
    let f = findings_on("2024-12-10", body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "self-contradiction", "{f:?}");
    assert!(f[0].1.contains("stated 900 here"), "{f:?}");
    // Another year, or another subject: other quantities.
    for body in [
        "Initrode serves more than 2,000 enterprise customers.\n\nIn 2021, Initrode Analytics served 900 enterprise customers.",
        "Initrode serves more than 2,000 enterprise customers.\n\nInitrode Analytics serves 900 government customers.",
    ] {
        let f = findings_on("2024-12-10", body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_projection_restated_for_the_same_named_case_contradicts() {
    let body = "We value Initrode at $40 billion in our base case.\n\nOur base case values Initrode at $25 billion.";
    let f = findings_on("2024-12-02", body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "self-contradiction", "{f:?}");
    assert!(f[0].1.contains("stated $25 billion here"), "{f:?}");
    let estimate = "We see Initrode's revenue at $1 billion this year.\n\nOur estimate of Initrode's revenue this year is $2 billion.";
    let f = findings_on("2025-02-03", estimate);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].1.contains("stated $2 billion here"), "{f:?}");
}

#[test]
fn other_cases_other_times_and_conditions_are_other_projections() {
    for body in [
        // Another case.
        "We value Initrode at $40 billion in our base case.\n\nOur bull case values Initrode at $60 billion.",
        // Another time.
        "We see Initrode's revenue at $1 billion this year.\n\nWe see Initrode's revenue at $2 billion next year.",
        // Another measure.
        "We see Initrode's revenue at $1 billion this year.\n\nOur estimate of Initrode's profit this year is $2 billion.",
        // Another company.
        "We value Initrode at $40 billion in our base case.\n\nOur base case values Globex at $25 billion.",
        // A condition: what the case would be.
        "We value Initrode at $40 billion in our base case.\n\nIf the deal closes, our base case would value Initrode at $25 billion.",
        // A figure that is no projection of ours.
        "We value Initrode at $40 billion in our base case.\n\nInitrode was valued at $25 billion in its last round.",
    ] {
        let f = findings_on("2024-12-02", body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}
