//! What a date or an amount belongs to (issue 23, classes 1 and 3): a date that opens
//! a span ("since 2019") or stands in a participle clause about another event is not
//! the date of the amount beside it; "announced the general availability of X" is
//! X's release; a question asks and states nothing; "the impending X" is a frame; the
//! recipient's own funding is not one backer's investment. Each mechanism has a case
//! that must be found next to the cases that must stay silent. Built-in base:
//! Microsoft invested $1 billion in OpenAI on 2019-07-22 and an undisclosed amount on
//! 2023-01-23; Amazon invested $1.25 billion in Anthropic on 2023-09-25 and $2.75
//! billion on 2024-03-27 (a $4 billion total); Trainium2 was announced on 2023-11-28
//! and released on 2024-12-03; GPT-5 was announced on 2025-08-07.

mod common;

use common::findings_on;

#[track_caller]
fn silent(date: &str, body: &str) {
    let f = findings_on(date, body);
    assert!(f.is_empty(), "{body}: {f:?}");
}

#[track_caller]
fn one(date: &str, body: &str, rule: &str, says: &str) {
    let f = findings_on(date, body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, rule, "{body}: {f:?}");
    assert!(f[0].1.contains(says), "{body}: {f:?}");
}

#[test]
fn a_date_after_since_starts_a_span_and_dates_no_event() {
    silent(
        "2023-01-23",
        "Microsoft and OpenAI have worked together since 2019, and now Microsoft is extending its partnership with a multiyear, multibillion dollar investment.",
    );
    silent(
        "2023-01-23",
        "Microsoft has invested $1 billion in OpenAI since 2019.",
    );
    // Planted: the span's start is set aside, and the event's own date is wrong.
    one(
        "2023-01-23",
        "Microsoft and OpenAI have worked together since 2021, and now Microsoft is extending its partnership with a multiyear, multibillion dollar investment in 2022.",
        "date-mismatch",
        "stated 2022",
    );
    // Planted: a date with no "since" still dates the amount.
    one(
        "2023-01-23",
        "Microsoft put $1 billion into OpenAI in 2021.",
        "date-mismatch",
        "was on 2019-07-22",
    );
}

#[test]
fn a_date_in_a_participle_clause_belongs_to_the_clause() {
    silent(
        "2024-03-28",
        "Amazon invested a further $2.75 billion in Anthropic, completing the commitment it made in September 2023.",
    );
    // Planted: the same date, after a plain comma, dates the amount.
    one(
        "2024-03-28",
        "Amazon invested $2.75 billion in Anthropic, in September 2023.",
        "date-mismatch",
        "stated September 2023",
    );
}

#[test]
fn general_availability_is_the_release_even_when_announced() {
    silent(
        "2024-12-03",
        "AWS today announced the general availability of Trainium2, its training chip.",
    );
    silent(
        "2024-12-20",
        "AWS announced the general availability of Trainium2 this month.",
    );
    // Planted: the release was in December, not November.
    one(
        "2024-12-20",
        "AWS announced the general availability of Trainium2 last month.",
        "relative-date",
        "Trainium2 was released on 2024-12-03",
    );
}

#[test]
fn a_question_about_the_future_asserts_nothing() {
    silent("2024-06-01", "### Will GPT-5 replace GPT-4o?");
    silent(
        "2024-06-01",
        "Did Amazon invest $3.5 billion in Anthropic in March?",
    );
    // Planted: a question that presupposes the product, and the same amount stated.
    one(
        "2024-06-01",
        "### Is GPT-5 worth it?",
        "anachronism",
        "GPT-5 was announced on 2025-08-07",
    );
    one(
        "2024-06-01",
        "Amazon invested $3.5 billion in Anthropic in March.",
        "value-mismatch",
        "was $2.75 billion",
    );
}

#[test]
fn an_impending_model_is_framed() {
    silent(
        "2024-06-01",
        "Analysts discussed the impending Claude 3.5 Opus, if it can be released this year.",
    );
    // Planted: the same name, asserted.
    one(
        "2024-06-01",
        "Analysts discussed Claude 3.5 Opus at length.",
        "unknown-model",
        "Claude 3.5 Opus",
    );
}

#[test]
fn the_recipients_own_funding_is_not_one_backers_investment() {
    silent(
        "2024-04-01",
        "Anthropic's total funding now stands at $7.3 billion, with Amazon its largest backer.",
    );
    silent(
        "2024-04-01",
        "Anthropic has raised $7.3 billion in total, including from Amazon.",
    );
    silent(
        "2024-04-01",
        "Amazon's funding of Anthropic totals $4 billion.",
    );
    // Planted: the amount tied to the backer by "from", and the backer's own total.
    one(
        "2024-04-01",
        "Anthropic has raised $5 billion from Amazon so far.",
        "value-mismatch",
        "total investment in Anthropic was $4 billion",
    );
    one(
        "2024-04-01",
        "Amazon's funding of Anthropic totals $5 billion.",
        "value-mismatch",
        "total investment in Anthropic was $4 billion",
    );
    one(
        "2024-04-01",
        "Amazon has raised its stake in Anthropic to $5 billion.",
        "value-mismatch",
        "total investment in Anthropic was $4 billion",
    );
}

#[test]
fn a_date_of_a_report_does_not_date_what_it_reports() {
    silent(
        "2023-10-28",
        "In a quarterly filing this week, Amazon detailed that it had invested $1.25 billion in Anthropic.",
    );
    silent(
        "2024-06-01",
        "A 2024 filing says Amazon invested $1.25 billion in Anthropic.",
    );
    // Planted: the date stated for the investment itself.
    one(
        "2024-06-01",
        "In 2024, Amazon invested $1.25 billion in Anthropic.",
        "date-mismatch",
        "was on 2023-09-25",
    );
}

#[test]
fn an_option_to_invest_is_no_investment() {
    silent(
        "2023-10-28",
        "Its option to invest an additional $2.75 billion expires in early 2024.",
    );
}

#[test]
fn a_launch_word_belongs_to_its_own_object() {
    // "released" is Graviton4's, "announcing" is Trainium2's.
    silent(
        "2023-11-30",
        "In addition to announcing Trainium2, AWS also released Graviton4 instances.",
    );
    // "launched" is the agents', which are built on GPT-4o.
    silent(
        "2024-09-10",
        "Globex today launched agents built on GPT-4o.",
    );
    // Planted: Trainium2 itself stated as released before its release.
    one(
        "2023-11-30",
        "AWS released Trainium2 to customers this week.",
        "anachronism",
        "Trainium2",
    );
}

#[test]
fn wording_that_presupposes_the_product_outranks_a_carried_frame() {
    let body = "OpenAI is said to launch GPT-5 in August.\n\nGPT-5 will combine two model lines.\n\nThe recent GPT-5 launch could reshape API pricing.";
    let f = findings_on("2025-07-20", body);
    // Planted: only the third paragraph asserts GPT-5 exists.
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "anachronism", "{f:?}");
    silent(
        "2025-07-20",
        "# Summary: GPT-5 ahead of launch\n\nGPT-5 is a big change for developers, the reports say.",
    );
}

#[test]
fn a_round_of_one_company_is_named_by_its_date_or_its_name() {
    // Built-in base: Anthropic's funding round of May 2023 was about $450 million.
    for body in [
        "In December 2023 Anthropic was said to be in talks to raise $750 million.",
        "Over the past year, Anthropic closed five funding deals worth about $7.3 billion.",
        "Anthropic has raised $7.3 billion in total, including from Amazon.",
        "Anthropic's initial $1.25 billion from Amazon bought a minority stake.",
    ] {
        silent("2024-03-28", body);
    }
    // Planted: the round's own date, with another amount.
    one(
        "2024-03-28",
        "Anthropic raised $900 million in May 2023.",
        "value-mismatch",
        "about $450 million",
    );
}

#[test]
fn the_other_party_of_the_articles_pair_comes_from_its_context() {
    // Planted: the sentence names Amazon only; the heading names the pair. The
    // March 2024 tranche was $2.75 billion.
    one(
        "2024-11-22",
        "# Amazon and Anthropic\n\nThe March 2024 tranche of $2.25 billion completed Amazon's original commitment.",
        "value-mismatch",
        "was $2.75 billion",
    );
    // Another counterparty the base does not know: the pair may be another.
    silent(
        "2024-11-22",
        "# Amazon and Anthropic\n\nAmazon and Anthropic work together.\n\nIn March 2024, Amazon also put $2.25 billion into Globex.",
    );
    // The named company's own finances are no investment.
    silent(
        "2024-11-22",
        "# Amazon and Anthropic\n\nAmazon and Anthropic work together.\n\nIn March 2024, Amazon's cloud revenue rose to $25 billion.",
    );
}

#[test]
fn names_in_the_appositive_of_an_unknown_subject_are_no_party() {
    // Silent: the round is Northwind's; SSI is only named in its description.
    let body = "Northwind Robotics, a start-up with no ties to SSI, raised $120 million this week at a $900 million valuation.";
    let f = common::findings_on("2024-09-05", body);
    assert!(f.is_empty(), "{body}: {f:?}");
    // Planted: a known subject keeps the check (SSI's first round was about $1 billion).
    let body = "SSI, the start-up of Ilya Sutskever, raised $3 billion in September 2024.";
    let f = common::findings_on("2024-09-20", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, "value-mismatch", "{body}: {f:?}");
}
