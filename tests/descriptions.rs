//! Reference to an entity by description (issue 23, class 2): "the Claude maker"
//! names Anthropic wherever it stands; "the start-up", "the e-commerce giant" refer
//! back to the one entity named before them (in the paragraph or the one before)
//! that the fact base gives that noun; when two named entities fit, nothing is
//! resolved. Drafts dated 2024-11-22, when Amazon's total investment in Anthropic was
//! $8 billion (built-in base).

mod common;

fn findings(body: &str) -> Vec<(String, String)> {
    common::findings_on("2024-11-22", body)
}

#[track_caller]
fn one_total_mismatch(body: &str) {
    common::assert_one_total_mismatch(body, &findings(body));
}

#[test]
fn an_entitys_own_description_names_it_anywhere() {
    // Planted: $6 billion; Anthropic is named only as "the Claude maker".
    one_total_mismatch("Amazon has now invested $6 billion in the Claude maker.");
    one_total_mismatch("Amazon has now invested $6 billion in the maker of Claude.");
}

#[test]
fn a_kinds_noun_refers_back_to_the_one_entity_named_before() {
    // Planted: the start-up was named a paragraph before, not in the sentence or the
    // one before it.
    one_total_mismatch(
        "Anthropic builds Claude.\n\nAmazon has now invested $6 billion in the start-up.",
    );
    // Planted: two sentences on, in the same paragraph.
    one_total_mismatch(
        "Anthropic builds Claude. Its models are popular with banks. \
         Amazon has now invested $6 billion in the AI start-up.",
    );
    // Planted: both sides by description ("the e-commerce giant" is Amazon).
    one_total_mismatch(
        "Amazon and Anthropic signed a deal.\n\nThe e-commerce giant has now invested $6 billion in the start-up.",
    );
}

#[test]
fn the_right_value_by_description_is_silent() {
    assert_eq!(
        findings("Anthropic builds Claude.\n\nAmazon has now invested $8 billion in the start-up."),
        []
    );
    assert_eq!(
        findings("Amazon has now invested $8 billion in the Claude maker."),
        []
    );
}

#[test]
fn a_noun_two_named_entities_fit_or_none_named_before_refers_to_none() {
    // Anthropic and OpenAI are both start-ups: "the start-up" could be either.
    assert_eq!(
        findings(
            "Anthropic and OpenAI build models.\n\nAmazon has now invested $6 billion in the start-up."
        ),
        []
    );
    // No start-up named before: nothing to refer back to.
    assert_eq!(
        findings("Amazon has now invested $6 billion in the start-up."),
        []
    );
}

#[test]
fn a_hedged_sentence_by_description_states_no_fact() {
    assert_eq!(
        findings("Amazon could invest $6 billion in the Claude maker."),
        []
    );
}
