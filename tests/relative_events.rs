//! Relative dates for every dated thing (issue 23, class 6): "last month", "two years
//! ago", "this spring", "late last year", "last year's March tranche" date an
//! investment as they date a product, resolved against the article's date. Built-in
//! base: Amazon invested in Anthropic $1.25 billion on 2023-09-25, $2.75 billion on
//! 2024-03-27 and $4 billion on 2024-11-22.

mod common;

fn findings(date: &str, body: &str) -> Vec<(String, String)> {
    common::findings_on(date, body)
}

#[track_caller]
fn one_date_mismatch(date: &str, body: &str, stated: &str) {
    let f = findings(date, body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{body}: {f:?}");
    assert!(
        f[0].1.starts_with(&format!("stated {stated},")),
        "{body}: {f:?}"
    );
}

#[test]
fn a_relative_date_that_misses_the_event_is_a_mismatch() {
    // Planted: the March 2024 tranche, "two years ago" in December 2024.
    one_date_mismatch(
        "2024-12-20",
        "Two years ago, Amazon invested $2.75 billion in Anthropic.",
        "Two years ago",
    );
    // Planted: "this summer" for a March investment.
    one_date_mismatch(
        "2024-12-20",
        "Amazon invested $2.75 billion in Anthropic this summer.",
        "this summer",
    );
    // Planted: "early last year" for September 2023.
    one_date_mismatch(
        "2024-12-20",
        "Amazon invested $1.25 billion in Anthropic early last year.",
        "early last year",
    );
    // Planted: "earlier this month" for a deal of the month before.
    one_date_mismatch(
        "2024-12-20",
        "Amazon invested an additional $4 billion in Anthropic earlier this month.",
        "earlier this month",
    );
    // Planted: last year's tranche was in September, not March.
    one_date_mismatch(
        "2024-12-20",
        "Last year's March tranche of $1.25 billion opened Amazon's investment in Anthropic.",
        "Last year's March",
    );
}

#[test]
fn a_relative_date_that_fits_is_silent() {
    for body in [
        "Amazon invested an additional $4 billion in Anthropic last month.",
        "Amazon invested $2.75 billion in Anthropic this spring.",
        "Amazon's first investment in Anthropic, $1.25 billion, came late last year.",
        "Amazon invested $2.75 billion in Anthropic nine months ago.",
        "Last year's September tranche of $1.25 billion opened Amazon's investment in Anthropic.",
    ] {
        assert_eq!(findings("2024-12-20", body), [], "{body}");
    }
}

#[test]
fn a_future_or_hedged_relative_date_says_nothing() {
    for body in [
        // The future resolves to no day.
        "Amazon will invest $2.75 billion in Anthropic next month.",
        "Amazon invested $2.75 billion in Anthropic later this year.",
        // A forecast states no fact.
        "Amazon could invest $2.75 billion in Anthropic this summer.",
        // A drop, not a season.
        "This fall in prices cost Amazon $2.75 billion.",
    ] {
        assert_eq!(findings("2024-12-20", body), [], "{body}");
    }
}
