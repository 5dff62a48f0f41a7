//! Months that are also words (issue 25, item 2): "May 2024", "in May", "the May
//! tranche" and "on October 5" are dates; "may change" is a modal verb and still
//! hedges. A month named without a year is one of the article's year, never later
//! than the article's date. Drafts dated 2024-11-22 (built-in base: Amazon's second
//! investment in Anthropic, $2.75 billion, was on 2024-03-27; its third, $4 billion,
//! on 2024-11-22).

mod common;

use std::path::Path;

use factlint::facts::FactBase;
use factlint::run::{CheckOptions, check_text};

fn findings_on(date: &str, body: &str) -> Vec<(String, String)> {
    common::findings_on(date, body)
}

fn findings(body: &str) -> Vec<(String, String)> {
    findings_on("2024-11-22", body)
}

#[track_caller]
fn one_date_mismatch(body: &str, stated: &str) {
    let f = findings(body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{body}: {f:?}");
    assert!(
        f[0].1.starts_with(&format!("stated {stated},")),
        "{body}: {f:?}"
    );
}

#[test]
fn may_with_a_year_is_a_month_not_a_modal() {
    // Planted: the second investment was in March, not May. "May" used to be read as
    // the modal "may", which made the sentence a forecast and silenced it.
    one_date_mismatch(
        "Amazon invested $2.75 billion in Anthropic in May 2024.",
        "May 2024",
    );
}

#[test]
fn a_month_of_no_year_is_of_the_articles_year() {
    // Planted: "in May" of 2024, for the March tranche.
    one_date_mismatch("Amazon invested $2.75 billion in Anthropic in May.", "May");
    // Planted: "in October" for the November deal.
    one_date_mismatch(
        "Amazon invested an additional $4 billion in Anthropic in October.",
        "October",
    );
    // Planted: a day of no year.
    one_date_mismatch(
        "On November 12, Amazon invested an additional $4 billion in Anthropic.",
        "November 12",
    );
}

#[test]
fn the_right_month_of_no_year_is_silent() {
    assert_eq!(
        findings("Amazon invested $2.75 billion in Anthropic in March."),
        []
    );
    assert_eq!(
        findings("The March tranche of $2.75 billion completed Amazon's first $4 billion."),
        []
    );
    assert_eq!(
        findings("Amazon invested an additional $4 billion in Anthropic in November."),
        []
    );
}

#[test]
fn a_later_month_is_last_years_only_in_the_past_tense_and_a_bound_is_not_read() {
    // December, in a November article: the coming December or the last one, unless
    // the sentence is told in the past tense.
    assert_eq!(
        findings("Amazon is set to put $2.75 billion into Anthropic in December."),
        []
    );
    // Planted: told in the past, it is last December (2023), and the $2.75 billion
    // was invested in March 2024.
    let f = findings("Amazon invested $2.75 billion in Anthropic in December.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{f:?}");
    // "by", "until", "since" bound a period; they do not date the event.
    assert_eq!(
        findings("Amazon had invested $2.75 billion in Anthropic by May."),
        []
    );
    // An undated article reads no month of no year.
    let draft = "Amazon invested $2.75 billion in Anthropic in May.\n";
    let base = FactBase::load(FactBase::builtin_files()).expect("valid");
    let r = check_text(Path::new("d.md"), draft, &base, &CheckOptions::default());
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.rule.as_str() != "date-mismatch"),
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn the_modal_may_still_hedges() {
    // A forecast states no fact, in lowercase as before.
    assert_eq!(
        findings("Amazon may invest $2.75 billion in Anthropic in May 2025."),
        []
    );
}

#[test]
fn a_month_in_another_year_resolves_in_that_articles_year() {
    // Planted: in an article dated 2024-04-10, "in February" is February 2024.
    let f = findings_on(
        "2024-04-10",
        "Amazon invested $2.75 billion in Anthropic in February.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{f:?}");
}
