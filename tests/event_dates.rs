//! Dates bound to their event, and products stated available, in the wording drafts
//! use (issue 23, classes 1, 2, 3 and 6): a date in an event's noun phrase with no
//! amount ("Google's October 2022 deal"), an ordinal that names the event ("the first
//! investment was in 2017"), the date of the event that moved a total, headings and
//! list items that keep the pair in reach, relative dates of events without an amount,
//! a product put in customers' hands today, a release stated after a forward-looking
//! frame, and a table column headed "Announced".
//!
//! Built-in base: Google committed up to $2 billion to Anthropic in October 2023;
//! Microsoft first invested $1 billion in OpenAI on 2019-07-22; Amazon's third tranche
//! (2024-11-22) took its total in Anthropic to $8 billion; Bedrock became generally
//! available on 2023-09-28; Trainium2 was announced on 2023-11-28 and released on
//! 2024-12-03; Trainium3 was announced on 2024-12-03 and released on 2025-12-02;
//! Claude 3.5 Haiku was announced on 2024-10-22.

mod common;

use common::findings_on;

#[track_caller]
fn one(date: &str, body: &str, rule: &str, says: &str) {
    let f = findings_on(date, body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, rule, "{body}: {f:?}");
    assert!(f[0].1.contains(says), "{body}: {f:?}");
}

#[track_caller]
fn silent(date: &str, body: &str) {
    let f = findings_on(date, body);
    assert!(f.is_empty(), "{body}: {f:?}");
}

#[test]
fn a_date_in_an_events_noun_phrase_is_the_events_date() {
    // Planted: the deal was October 2023 (the pair's only date before the article).
    one(
        "2024-01-10",
        "# Google and Anthropic\n\nGoogle's October 2022 deal with Anthropic was a convertible note.",
        "date-mismatch",
        "stated October 2022, but Google's 2023 commitment to invest in Anthropic was in October 2023",
    );
    silent(
        "2024-01-10",
        "# Google and Anthropic\n\nGoogle's October 2023 deal with Anthropic was a convertible note.",
    );
    // A deal still planned, and a deal relative to another ("another deal"), name no
    // dated event.
    silent(
        "2024-01-10",
        "# Google and Anthropic\n\nGoogle's planned October 2022 deal with Anthropic would have been a note.",
    );
    silent(
        "2024-01-10",
        "# Google and Anthropic\n\nGoogle signed another deal with Anthropic in October 2022.",
    );
    // A date that opens a span dates no event.
    silent(
        "2024-01-10",
        "# Google and Anthropic\n\nGoogle has worked with Anthropic since 2022 on its deal.",
    );
}

#[test]
fn an_ordinal_names_the_event_a_date_is_about() {
    one(
        "2025-07-20",
        "Microsoft's first investment in OpenAI was in 2017.",
        "date-mismatch",
        "stated 2017, but Microsoft's first investment in OpenAI was on 2019-07-22",
    );
    silent(
        "2025-07-20",
        "Microsoft's first investment in OpenAI was in 2019.",
    );
    // A forecast states no date of an event.
    silent(
        "2025-07-20",
        "Microsoft's first investment in a rival lab could come in 2027, OpenAI said.",
    );
}

#[test]
fn the_date_of_the_event_that_moved_a_total() {
    one(
        "2024-12-10",
        "The deal, signed on November 12, 2024, lifted Amazon's total investment in Anthropic to $8 billion.",
        "date-mismatch",
        "stated November 12, 2024, but Amazon's additional investment in Anthropic of November 2024 was on 2024-11-22",
    );
    silent(
        "2024-12-10",
        "The deal, signed on November 22, 2024, lifted Amazon's total investment in Anthropic to $8 billion.",
    );
    // A deal's own amount, not a total it led to: the appositive dates the deal, and
    // the $4 billion of November 2024 agrees.
    silent(
        "2024-12-10",
        "The deal, signed on November 22, 2024, is worth $4 billion to Anthropic, Amazon said.",
    );
}

#[test]
fn a_question_heading_is_about_what_its_parent_heading_names() {
    let faq = |date: &str| {
        format!(
            "# Amazon and Anthropic: FAQ\n\n## And the second?\n\nThe retailer's second tranche, in {date}, was $2.75 billion."
        )
    };
    one(
        "2025-02-10",
        &faq("March 2023"),
        "date-mismatch",
        "stated March 2023, but Amazon's second investment in Anthropic (the $2.75 billion) was on 2024-03-27",
    );
    silent("2025-02-10", &faq("March 2024"));
    // Under a heading that names no one, with no parent naming anyone, the retailer is
    // no one.
    silent(
        "2025-02-10",
        "## And the second?\n\nThe retailer's second tranche, in March 2023, was $2.75 billion.",
    );
}

#[test]
fn a_list_item_that_names_one_side_keeps_the_other_in_reach() {
    let list = |year: &str| {
        format!(
            "## Funding\n\n- Microsoft has invested about $13 billion in OpenAI.\n- The software giant's stake is large.\n- Microsoft's first investment, in {year}, was $1 billion."
        )
    };
    one(
        "2025-07-20",
        &list("2017"),
        "date-mismatch",
        "stated 2017, but Microsoft's first investment in OpenAI (the $1 billion) was on 2019-07-22",
    );
    silent("2025-07-20", &list("2019"));
}

#[test]
fn a_relative_date_dates_an_event_named_by_its_cue() {
    one(
        "2024-03-20",
        "Bedrock became generally available two years ago.",
        "date-mismatch",
        "stated two years ago, but Amazon Bedrock's general availability was on 2023-09-28",
    );
    silent(
        "2024-03-20",
        "Bedrock became generally available last year.",
    );
    silent(
        "2023-03-20",
        "Bedrock is expected to become generally available later this year.",
    );
}

#[test]
fn a_product_in_customers_hands_today_is_stated_available() {
    one(
        "2024-06-01",
        "Customers can rent Trainium2 instances today in two regions.",
        "anachronism",
        "Trainium2 is stated as available on 2024-06-01",
    );
    silent(
        "2025-01-10",
        "Customers can rent Trainium2 instances today in two regions.",
    );
    silent(
        "2024-06-01",
        "Customers will be able to rent Trainium2 instances soon, AWS said.",
    );
    silent(
        "2024-06-01",
        "Customers can rent Trainium2 instances today in a preview.",
    );
}

#[test]
fn a_release_stated_after_a_forward_frame_is_asserted() {
    let two =
        |second: &str| format!("- AWS also announced Trainium3, due in late 2025.\n- {second}");
    one(
        "2024-12-03",
        &two("Trainium3 is generally available today for all customers."),
        "anachronism",
        "Trainium3 is stated as available on 2024-12-03",
    );
    // The frame carries to a present-tense mention that states no release.
    silent(
        "2024-12-03",
        &two("Trainium3 is a big step for training costs."),
    );
    silent(
        "2024-12-03",
        &two("Trainium3 will be generally available next year."),
    );
    // Naming a product in the sentence that previews it is not stating it available.
    silent(
        "2024-12-04",
        "# AWS makes Trainium2 generally available and previews Trainium3",
    );
}

#[test]
fn a_column_headed_announced_dates_the_rows_product() {
    let table = |header: &str, date: &str| {
        format!("| Model | {header} |\n|---|---|\n| Claude 3.5 Haiku | {date} |")
    };
    one(
        "2024-11-30",
        &table("Announced", "August 2024"),
        "date-mismatch",
        "stated August 2024, but Claude 3.5 Haiku was announced on 2024-10-22",
    );
    silent("2024-11-30", &table("Announced", "October 2024"));
    // A rollout to a platform is not the release, and a column of other dates says
    // nothing about the launch.
    silent("2024-11-30", &table("Released on Bedrock", "August 2024"));
    silent("2024-11-30", &table("Reviewed", "August 2024"));
}

#[test]
fn a_date_after_by_or_as_of_is_the_day_of_a_state() {
    // Silent: $4 billion was the running total by March 2024 (not the day of the $4
    // billion November 2024 tranche).
    silent(
        "2024-11-22",
        "Amazon had invested $4 billion in Anthropic by March 2024.",
    );
    silent(
        "2024-11-22",
        "Amazon's total investment in Anthropic stood at $4 billion as of April 2024.",
    );
    // Planted: as of April 2024 the total was $4 billion, not $8 billion.
    let f = findings_on(
        "2024-11-22",
        "Amazon's total investment in Anthropic stood at $8 billion as of April 2024.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].0 == "value-mismatch" || f[0].0 == "stale-value",
        "{f:?}"
    );
    // Without the word of a state, the date is the event's: planted, the $4 billion
    // tranche was in November 2024, not March.
    let f = findings_on(
        "2024-11-22",
        "Amazon invested an additional $4 billion in Anthropic in March 2024.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{f:?}");
}

#[test]
fn a_date_right_after_an_amount_dates_that_amount_only() {
    // Silent: September 2023 is the date of the $1.25 billion, not of the $2.75 billion.
    silent(
        "2024-11-22",
        "Amazon followed its $1.25 billion September 2023 investment with $2.75 billion in March 2024.",
    );
    silent(
        "2024-11-22",
        "After $1.25 billion (September 2023), Amazon put $2.75 billion into Anthropic.",
    );
    // Planted: the $2.75 billion was invested in March 2024, not in January.
    let f = findings_on(
        "2024-11-22",
        "After $1.25 billion (September 2023), Amazon put $2.75 billion into Anthropic in January 2024.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{f:?}");
}
