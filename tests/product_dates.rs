//! `date-mismatch` for catalog products (issue 25, item 3): a date stated for a
//! product's announcement or release, checked at the grain the draft states against
//! the catalog's day, the verb telling which ("announced", "unveiled" against
//! "released", "launched", "generally available"). Built-in catalog: GPT-4 was
//! announced and released on 2023-03-14; Claude 2.1 on 2023-11-21; Llama 3 on
//! 2024-04-18; Trainium2 was announced on 2023-11-28 and released on 2024-12-03.

mod common;

use common::findings_on;

#[track_caller]
fn one(body: &str, says: &str) {
    let f = findings_on("2025-01-10", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{body}: {f:?}");
    assert!(f[0].1.contains(says), "{body}: {f:?}");
}

#[track_caller]
fn silent(body: &str) {
    let f = findings_on("2025-01-10", body);
    assert!(f.is_empty(), "{body}: {f:?}");
}

#[test]
fn a_wrong_release_date_is_a_date_mismatch() {
    // Planted: each a month or a year off.
    one(
        "OpenAI released GPT-4 in March 2022.",
        "stated March 2022, but GPT-4 was announced and released on 2023-03-14",
    );
    one(
        "Claude 2.1 launched in September 2023.",
        "Claude 2.1 was announced and released on 2023-11-21",
    );
    one(
        "Meta released Llama 3 in May 2024.",
        "Llama 3 was announced and released on 2024-04-18",
    );
    one(
        "Trainium2 became generally available in March 2024.",
        "Trainium2 was released on 2024-12-03",
    );
}

#[test]
fn the_verb_tells_the_announcement_from_the_release() {
    // Planted: announced in 2023, not 2022.
    one(
        "Trainium2, announced in 2022, is AWS's training chip.",
        "stated 2022, but Trainium2 was announced on 2023-11-28",
    );
    // The announcement in 2023 is right, and so is the release in December 2024.
    silent("Trainium2, announced in 2023, is AWS's training chip.");
    silent("Trainium2 became generally available in December 2024.");
}

#[test]
fn right_dates_and_other_events_stay_silent() {
    silent("OpenAI released GPT-4 in March 2023.");
    silent("Meta released Llama 3 in April 2024.");
    // A span's start, a rollout to a platform, tier or region, a forecast.
    silent("Anthropic has offered Claude 2.1 since 2024.");
    silent("Claude 2.1 launched on Bedrock in February 2024.");
    silent("GPT-4 became available to more users in May 2023.");
    silent("Llama 3 launched in Europe in June 2024.");
    silent("Meta could release Llama 3 in May 2024, analysts said.");
    // Another product between the date and the name.
    silent("GPT-4, released in March 2023, was followed in May 2024 by GPT-4o.");
}

#[test]
fn the_finding_offers_the_catalogs_date_at_the_stated_grain() {
    let body = "OpenAI released GPT-4 in March 2022.";
    let draft = format!("---\ndate: 2025-01-10\n---\n\n{body}\n");
    let base = factlint::facts::FactBase::load(factlint::facts::FactBase::builtin_files())
        .expect("the built-in base");
    let r = factlint::run::check_text(
        std::path::Path::new("d.md"),
        &draft,
        &base,
        &factlint::run::CheckOptions::default(),
    );
    let fix = r.diagnostics[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.replacement, "March 2023");
    assert_eq!(r.diagnostics[0].fact.as_deref(), Some("gpt-4"));
}

#[test]
fn a_noun_after_the_name_keeps_the_date_attached() {
    // Planted: the Claude 3 family was announced on 2024-03-04, not in February.
    one(
        "Anthropic unveiled the Claude 3 family in February 2024.",
        "2024-03-04",
    );
    one(
        "AWS announced the Trainium2 chips in November 2022.",
        "2023-11-28",
    );
    // Silent: the right month; and a forecast of the same words.
    silent("Anthropic unveiled the Claude 3 family in March 2024.");
    silent("Anthropic was expected to unveil the Claude 3 family in February 2024.");
}

#[test]
fn a_rollout_in_another_clause_does_not_excuse_a_wrong_release_date() {
    // Planted: Claude 3.7 Sonnet was released on 2025-02-24; "available for existing
    // users" is the clause after the appositive, no rollout of the release.
    let body =
        "Claude 3.7 Sonnet, released in February 2024, remains available for existing users.";
    let f = findings_on("2025-06-01", body);
    assert_eq!(f.len(), 1, "{body}: {f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{body}: {f:?}");
    // Silent: a rollout in the date's own clause is not the release.
    let body = "Claude 3.7 Sonnet became available to free users in March 2025, Anthropic said.";
    let f = findings_on("2025-06-01", body);
    assert!(f.is_empty(), "{body}: {f:?}");
}

#[test]
fn a_year_after_an_events_name_dates_the_product() {
    // Planted: Trainium2 was announced at re:Invent 2023 (2023-11-28).
    one(
        "AWS first previewed Trainium2 at re:Invent 2022.",
        "2023-11-28",
    );
    one(
        "Trainium2, which AWS first previewed at re:Invent 2022, now ships widely.",
        "2023-11-28",
    );
    // Silent: the right year.
    silent("AWS first previewed Trainium2 at re:Invent 2023.");
}

#[test]
fn a_later_month_in_a_past_tense_sentence_is_last_years() {
    // Planted: in a January 2025 article, "in October" told in the past is October
    // 2024, and OpenAI's October 2024 round was about $6.6 billion.
    let f = findings_on("2025-01-10", "OpenAI raised $8.6 billion in October.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "value-mismatch", "{f:?}");
    // Silent: the right amount; and a month that may be a coming one.
    assert!(findings_on("2025-01-10", "OpenAI raised $6.6 billion in October.").is_empty());
    assert!(findings_on("2025-01-10", "OpenAI may raise $8.6 billion in October.").is_empty());
}
