//! Numbers in words (issue 25, item 1) checked end to end: an amount written in words
//! gives the finding its digits give, and a right one stays silent. Drafts dated
//! 2024-12-01 against the built-in base (Amazon invested $2.75 billion in Anthropic in
//! March 2024 and $4 billion in November 2024).

mod common;

fn findings(body: &str) -> Vec<(String, String)> {
    common::findings_on("2024-12-01", body)
}

/// The findings with the amount as written in words put back as digits (messages
/// quote the draft).
fn as_digits(f: &[(String, String)], words: &str, digits: &str) -> Vec<(String, String)> {
    f.iter()
        .map(|(rule, msg)| (rule.clone(), msg.replace(words, digits)))
        .collect()
}

fn rules(f: &[(String, String)]) -> Vec<&str> {
    f.iter().map(|(rule, _)| rule.as_str()).collect()
}

#[test]
fn a_wrong_amount_in_words_gives_the_finding_its_digits_give() {
    // Planted: the March 2024 investment was $2.75 billion; $4 billion was November's
    // (a date mismatch: the amount fits another investment).
    let digits = findings("Amazon invested $4 billion in Anthropic in March 2024.");
    let words = findings("Amazon invested four billion dollars in Anthropic in March 2024.");
    assert_eq!(rules(&digits), ["date-mismatch"], "{digits:?}");
    assert_eq!(
        as_digits(&words, "four billion dollars", "$4 billion"),
        digits
    );
    // Planted: $6 billion fits no investment of Amazon's.
    let digits = findings("In November 2024 Amazon invested $6 billion in Anthropic.");
    let words = findings("In November 2024 Amazon invested six billion dollars in Anthropic.");
    assert_eq!(rules(&digits), ["value-mismatch"], "{digits:?}");
    assert_eq!(
        as_digits(&words, "six billion dollars", "$6 billion"),
        digits
    );
    assert!(words[0].1.contains("$4 billion"), "{words:?}");
}

#[test]
fn a_wrong_half_in_words_is_a_value_mismatch() {
    // Planted: half a billion is not the $4 billion of November 2024.
    let f = findings("In November 2024 Amazon invested half a billion dollars in Anthropic.");
    assert_eq!(rules(&f), ["value-mismatch"], "{f:?}");
}

#[test]
fn a_right_amount_in_words_is_silent() {
    assert_eq!(
        findings("In November 2024 Amazon invested four billion dollars in Anthropic."),
        []
    );
    assert_eq!(
        findings("In November 2024 Amazon invested another four billion dollars in Anthropic."),
        []
    );
}

#[test]
fn words_that_are_no_amount_are_silent() {
    assert_eq!(
        findings("Amazon signed a million-dollar deal with Anthropic in March 2024."),
        []
    );
    assert_eq!(
        findings("Amazon is one of the investors in Anthropic; a third of 2024 was spent on it."),
        []
    );
}
