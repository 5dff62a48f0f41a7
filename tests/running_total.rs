//! A running total named without the word "total" (issue 23, class 7), and a
//! comparative that is a bound, not a cue. Drafts dated 2024-11-22, when Amazon's
//! total investment in Anthropic was $8 billion (built-in base).

mod common;

fn findings(body: &str) -> Vec<(String, String)> {
    common::findings_on("2024-11-22", body)
}

#[track_caller]
fn one_total_mismatch(body: &str) {
    common::assert_one_total_mismatch(body, &findings(body));
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

#[test]
fn wording_of_the_state_itself_names_the_total_whatever_event_fits() {
    // Planted: "now stands at" and "is now" name the state, not the $4 billion tranche
    // of the day: the total was $8 billion.
    let body = "Amazon's stake in Anthropic now stands at $4 billion.";
    let f = findings(body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(
        f[0].0 == "stale-value" || f[0].0 == "value-mismatch",
        "{body}: {f:?}"
    );
    one_total_mismatch("Amazon's investment in Anthropic is now more than $10 billion.");
    // Silent: the right total, and the present perfect of the day's tranche.
    assert_eq!(
        findings("Amazon's investment in Anthropic is now $8 billion."),
        []
    );
    // Hedged: a forecast of the state states none.
    assert_eq!(
        findings("Amazon's investment in Anthropic could soon stand at $10 billion."),
        []
    );
}

#[test]
fn an_event_of_unknown_amount_is_no_more_than_the_running_total() {
    // Planted: Microsoft's total was about $13 billion; its 2023 investment (amount
    // not in the base) was part of it, so "more than $20 billion" is no reading of it.
    let f = common::findings_on(
        "2024-11-22",
        "Microsoft has now invested more than $20 billion in OpenAI.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "value-mismatch", "{f:?}");
    assert!(f[0].1.contains("about $13 billion"), "{f:?}");
    // Silent: below the total, the unknown 2023 investment may be meant.
    assert_eq!(
        common::findings_on(
            "2024-11-22",
            "Microsoft has invested $10 billion in OpenAI."
        ),
        []
    );
    // Hedged.
    assert_eq!(
        common::findings_on(
            "2024-11-22",
            "Microsoft may have invested more than $20 billion in OpenAI."
        ),
        []
    );
}

#[test]
fn the_present_perfect_tells_an_event_as_news_for_a_month_only() {
    let body = "Amazon has invested $4 billion in Anthropic.";
    // Within a month of the $4 billion tranche (2024-11-22) it may be that tranche.
    assert_eq!(common::findings_on("2024-12-10", body), []);
    // Planted: on 2025-06-01, long after it, the present perfect states the running
    // total, which was $8 billion.
    let f = common::findings_on("2025-06-01", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(
        f[0].0 == "value-mismatch" || f[0].0 == "stale-value",
        "{body}: {f:?}"
    );
    assert!(f[0].1.contains("$8 billion"), "{body}: {f:?}");
    // The right total on that day is silent, and so is a forecast of the same words.
    assert_eq!(
        common::findings_on("2025-06-01", "Amazon has invested $8 billion in Anthropic."),
        []
    );
    assert_eq!(
        common::findings_on(
            "2025-06-01",
            "Amazon may soon have invested $4 billion in another lab."
        ),
        []
    );
}

#[test]
fn the_first_of_a_list_of_amounts_states_no_total() {
    // Silent: three tranches listed after the present perfect; none is the total.
    let body = "Amazon has put $1.25 billion, $2.75 billion and $4 billion into Anthropic.";
    assert_eq!(common::findings_on("2025-06-01", body), []);
    // Planted: one amount after the present perfect is still the total ($8 billion).
    let f = common::findings_on("2025-06-01", "Amazon has put $1.25 billion into Anthropic.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].1.contains("$8 billion"), "{f:?}");
}

#[test]
fn the_present_perfect_with_now_or_a_span_is_the_running_total() {
    // Planted: on 2024-03-28, the day after the $2.75 billion tranche, "has now
    // invested" states the running total, $4 billion.
    let body = "Amazon has now invested $2.75 billion in Anthropic.";
    let f = common::findings_on("2024-03-28", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(f[0].1.contains("$4 billion"), "{body}: {f:?}");
    // Planted: summed since the partnership began, Microsoft's investment was about
    // $13 billion, whatever its 2023 deal was reported to be.
    let body = "Microsoft has invested $10 billion in OpenAI since their partnership began.";
    let f = common::findings_on("2025-06-01", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(f[0].1.contains("$13 billion"), "{body}: {f:?}");
    // Silent: the right totals, and the tranche told as news without "now".
    for (date, body) in [
        (
            "2024-03-28",
            "Amazon has now invested $4 billion in Anthropic.",
        ),
        (
            "2024-03-28",
            "Amazon has invested $2.75 billion in Anthropic.",
        ),
        (
            "2025-06-01",
            "Microsoft has invested about $13 billion in OpenAI since 2019.",
        ),
    ] {
        let f = common::findings_on(date, body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_commitment_excuses_the_present_perfect_for_as_long_as_it_stands() {
    // Silent: months after Amazon's commitment of up to $4 billion (2023-09-25), "has
    // invested $4 billion" may mean it, as real articles of the time wrote.
    assert_eq!(
        common::findings_on("2024-01-10", "Amazon has invested $4 billion in Anthropic."),
        []
    );
    // Planted: "more than $4 billion" is above the commitment and the total.
    let body = "Amazon has invested more than $5 billion in Anthropic.";
    let f = common::findings_on("2024-01-10", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert!(f[0].1.contains("$1.25 billion"), "{body}: {f:?}");
}
