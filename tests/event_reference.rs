//! Words and dates that name one event of a pair (issue 23, classes 3 and 4):
//! "Amazon's latest $4 billion", "an additional $2 billion", "its initial $1.25
//! billion", "Amazon's March investment of $4 billion". Built-in base: Amazon put
//! $1.25 billion into Anthropic on 2023-09-25, $2.75 billion on 2024-03-27 and $4
//! billion on 2024-11-22 (a total of $4 billion from March 2024, $8 billion from
//! November 2024).

mod common;

use std::path::Path;

use factlint::facts::FactBase;
use factlint::run::{CheckOptions, check_text};

fn findings(date: &str, body: &str) -> Vec<(String, String)> {
    common::findings_on(date, body)
}

/// (rule id, whether the finding carries a fix) of each finding.
fn fixes(date: &str, body: &str) -> Vec<(String, bool)> {
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
    let draft = format!("---\ndate: {date}\n---\n\n{body}\n");
    check_text(
        Path::new("draft.md"),
        &draft,
        &base,
        &CheckOptions::default(),
    )
    .diagnostics
    .iter()
    .map(|d| (d.rule.as_str().to_string(), d.fix.is_some()))
    .collect()
}

#[track_caller]
fn one(date: &str, body: &str, rule: &str, says: &str) {
    let f = findings(date, body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, rule, "{body}: {f:?}");
    assert!(f[0].1.contains(says), "{body}: {f:?}");
}

#[test]
fn latest_names_the_newest_tranche_as_of_the_article() {
    // Planted: in April 2024 the latest tranche was March's $2.75 billion; the $4
    // billion total of that day does not excuse the tranche.
    one(
        "2024-04-15",
        "Amazon's latest $4 billion infusion into Anthropic drew attention.",
        "value-mismatch",
        "second investment in Anthropic was $2.75 billion",
    );
    // Planted: in December 2024 the latest was November's $4 billion. The amount is
    // March's: the marker or the amount is wrong, so no fix is offered.
    let body = "Amazon's most recent investment of $2.75 billion in Anthropic drew attention.";
    one(
        "2024-12-10",
        body,
        "value-mismatch",
        "was $4 billion (2024-11-22); $2.75 billion was Amazon's second investment",
    );
    assert_eq!(
        fixes("2024-12-10", body),
        [("value-mismatch".into(), false)]
    );
}

#[test]
fn additional_names_the_next_tranche() {
    // Planted: no date, nothing named before: the newest as of the article's date.
    let body = "An additional $2 billion investment from Amazon in Anthropic was announced.";
    one(
        "2024-12-10",
        body,
        "value-mismatch",
        "Amazon's additional investment in Anthropic of November 2024 was $4 billion",
    );
    // The amount is no other event's: the fix is certain.
    assert_eq!(fixes("2024-12-10", body), [("value-mismatch".into(), true)]);
    // Planted: after the paragraph named the first tranche, "another" is the second.
    one(
        "2024-12-10",
        "Amazon invested $1.25 billion in Anthropic in 2023. It added another $5 billion \
         to its stake.",
        "value-mismatch",
        "second investment in Anthropic was $2.75 billion",
    );
}

#[test]
fn initial_names_the_first_tranche() {
    one(
        "2024-12-10",
        "Amazon's initial $2 billion investment in Anthropic set the terms.",
        "value-mismatch",
        "initial investment in Anthropic was $1.25 billion",
    );
}

#[test]
fn markers_that_agree_are_silent() {
    for (date, body) in [
        (
            "2024-12-10",
            "Amazon's latest $4 billion infusion into Anthropic drew attention.",
        ),
        (
            "2024-04-15",
            "Amazon's latest $2.75 billion infusion into Anthropic drew attention.",
        ),
        (
            "2024-12-10",
            "An additional $4 billion investment from Amazon in Anthropic was announced.",
        ),
        (
            "2024-12-10",
            "Amazon first invested $1.25 billion in Anthropic. It then added another \
             $2.75 billion.",
        ),
        (
            "2024-12-10",
            "Amazon's initial $1.25 billion investment in Anthropic set the terms.",
        ),
        // A narrative's "another" of an earlier tranche's amount: relative to its own
        // time, not the article's.
        (
            "2024-12-10",
            "Amazon put another $2.75 billion into Anthropic, completing its first deal.",
        ),
        // "the first $4 billion" is the cap of the first deal.
        (
            "2024-12-10",
            "Amazon completed the first $4 billion of its commitment to Anthropic.",
        ),
        // A marker of something else than the tranche.
        (
            "2024-12-10",
            "For the first time, Amazon invested $4 billion in Anthropic in one tranche.",
        ),
        // A total is no tranche: its own cue decides.
        (
            "2024-12-10",
            "After its latest investment, Amazon's total in Anthropic is $8 billion.",
        ),
    ] {
        assert_eq!(findings(date, body), [], "{body}");
    }
}

#[test]
fn hedged_markers_are_silent() {
    for body in [
        "Amazon could make an additional $2 billion investment in Anthropic.",
        "Amazon is expected to add a further $6 billion to its Anthropic stake.",
        "If Amazon's latest $2 billion infusion into Anthropic closes, the total grows.",
    ] {
        assert_eq!(findings("2024-12-10", body), [], "{body}");
    }
}

#[test]
fn a_date_in_the_events_noun_phrase_names_that_event() {
    // Planted: March's investment was $2.75 billion, and the $4 billion one was in
    // November: the date or the amount is wrong, so the finding has no fix.
    let body = "Amazon's March investment of $4 billion in Anthropic made it a large shareholder.";
    one(
        "2024-12-10",
        body,
        "date-mismatch",
        "; Amazon's second investment in Anthropic (2024-03-27) was $2.75 billion",
    );
    assert_eq!(fixes("2024-12-10", body), [("date-mismatch".into(), false)]);
    let body = "Amazon invested $4 billion in Anthropic in March 2024.";
    assert_eq!(fixes("2024-12-10", body), [("date-mismatch".into(), false)]);
    // Planted: no event of the pair in February 2024: the date is wrong, and the fix
    // is certain.
    let body = "Amazon's February 2024 tranche of $2.75 billion completed its first deal with \
                Anthropic.";
    one("2024-12-10", body, "date-mismatch", "was on 2024-03-27");
    assert_eq!(fixes("2024-12-10", body), [("date-mismatch".into(), true)]);
}

#[test]
fn a_date_in_the_noun_phrase_that_agrees_is_silent() {
    for body in [
        "Amazon's March investment of $2.75 billion in Anthropic completed its first deal.",
        "Amazon's March 2024 tranche of $2.75 billion completed its first deal with Anthropic.",
        "Amazon's total investment in Anthropic reached $4 billion in March 2024.",
    ] {
        assert_eq!(findings("2024-12-10", body), [], "{body}");
    }
    // Hedged: a forecast names no event.
    assert_eq!(
        findings(
            "2024-12-10",
            "Amazon's March investment of $4 billion in Anthropic could have been larger."
        ),
        []
    );
}

#[test]
fn a_marker_in_the_subject_of_a_copula_names_the_event() {
    // Planted: on 2024-06-01 the latest tranche was March's $2.75 billion; the $4
    // billion total of that day does not excuse it.
    one(
        "2024-06-01",
        "Amazon's latest investment in the Claude maker was $4 billion.",
        "value-mismatch",
        "second investment in Anthropic was $2.75 billion",
    );
    // Silent: the latest was that amount.
    assert_eq!(
        findings(
            "2024-06-01",
            "Amazon's latest investment in the Claude maker was $2.75 billion."
        ),
        []
    );
    // Hedged: a forecast of the next one.
    assert_eq!(
        findings(
            "2024-06-01",
            "Amazon's latest investment in Anthropic could be $6 billion."
        ),
        []
    );
}

#[test]
fn an_ordinal_names_the_nth_event_not_the_running_total() {
    // Planted: the second was $2.75 billion; the total was $4 billion after it.
    one(
        "2024-12-10",
        "Amazon's second investment in Anthropic was $4 billion.",
        "value-mismatch",
        "second investment in Anthropic was $2.75 billion",
    );
    one(
        "2024-12-10",
        "Amazon's third tranche of $2 billion made AWS Anthropic's training partner.",
        "value-mismatch",
        "was $4 billion",
    );
    // Silent: the right amounts.
    for body in [
        "Amazon's second investment in Anthropic was $2.75 billion.",
        "Amazon's third tranche of $4 billion made AWS Anthropic's training partner.",
    ] {
        assert_eq!(findings("2024-12-10", body), [], "{body}");
    }
    // Hedged.
    assert_eq!(
        findings(
            "2024-12-10",
            "Amazon's second investment in Anthropic would have been $4 billion under the old plan."
        ),
        []
    );
}

#[test]
fn a_marker_and_a_date_name_one_event_together() {
    // Planted: "another" and November 2024 name the $4 billion tranche; $2.75 billion
    // was March's, so the amount or the date is wrong and no fix is certain.
    let body = "In November 2024 Amazon put another $2.75 billion into Anthropic.";
    let f = findings("2024-12-10", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(
        f[0].0 == "value-mismatch" || f[0].0 == "date-mismatch",
        "{body}: {f:?}"
    );
    assert_eq!(fixes("2024-12-10", body).len(), 1);
    assert!(!fixes("2024-12-10", body)[0].1, "{body}");
    // Silent: the tranche's own amount.
    assert_eq!(
        findings(
            "2024-12-10",
            "In November 2024 Amazon put another $4 billion into Anthropic."
        ),
        []
    );
    // Hedged.
    assert_eq!(
        findings(
            "2024-12-10",
            "In November 2024 Amazon could have put another $2.75 billion into Anthropic."
        ),
        []
    );
}

#[test]
fn an_amount_in_apposition_to_a_marked_noun_phrase_is_the_marked_events() {
    // Planted: Google's latest investment (January 2025) was about $1 billion.
    let body = "Google's latest investment in Anthropic, about $2 billion, came in January.";
    let f = common::findings_on("2025-06-01", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(f[0].1.contains("about $1 billion"), "{body}: {f:?}");
    // Silent: the right amount; and a forecast in the same form.
    for body in [
        "Google's latest investment in Anthropic, about $1 billion, came in January.",
        "Google's next investment in Anthropic, perhaps $2 billion, could come this year.",
    ] {
        let f = common::findings_on("2025-06-01", body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}
