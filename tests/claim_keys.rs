//! Claim keys of their own (issue 25, item 4; issue 24's valuation kind): a model's
//! score on a benchmark, a company's round size and its valuation, each compared only
//! with a statement of the same key in the same article (`self-contradiction`) or in
//! another article of the same date (`corpus-contradiction`). A valuation is never
//! compared with an investment or a round, nor a round with a valuation; hedged and
//! forward-looking statements are never compared. Globex, Initech and Hooli are in no
//! fact base: these are the document against itself.

mod common;

use common::findings_on;

/// The self-contradictions of a draft dated 2025-03-01.
fn contradictions(body: &str) -> Vec<String> {
    findings_on("2025-03-01", body)
        .into_iter()
        .filter(|(rule, _)| rule == "self-contradiction")
        .map(|(_, m)| m)
        .collect()
}

#[test]
fn a_score_given_twice_with_two_values_contradicts() {
    let body = "Globex-7 scores 86.8% on MMLU, Globex says.\n\n\
                In the company's tests, Globex-7 scored 88.2% on MMLU.";
    let f = contradictions(body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("stated 88.2% here"), "{f:?}");
    assert!(f[0].contains("score on MMLU"), "{f:?}");
}

#[test]
fn scores_of_other_benchmarks_settings_and_models_are_other_claims() {
    for body in [
        // The same value twice.
        "Globex-7 scores 86.8% on MMLU.\n\nGlobex-7 reaches 86.8% on the MMLU benchmark.",
        // Another benchmark (a variant is another benchmark).
        "Globex-7 scores 86.8% on MMLU.\n\nGlobex-7 scores 71.2% on MMLU-Pro.",
        // Another setting.
        "Globex-7 scores 86.8% on MMLU (5-shot).\n\nGlobex-7 scores 88.2% on MMLU (0-shot CoT).",
        // Another version of the model.
        "Globex 3 scores 86.8% on MMLU.\n\nGlobex 3.5 scores 88.2% on MMLU.",
        "Globex-7 scores 86.8% on MMLU.\n\nGlobex-8 scores 88.2% on MMLU.",
        // A forecast.
        "Globex-7 scores 86.8% on MMLU.\n\nGlobex-7 could reach 90% on MMLU.",
        // A percentage that is no score.
        "Globex-7 cut costs by 40% on Hooli.\n\nGlobex-7 cut costs by 20% on Initech.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_round_given_twice_with_two_sizes_contradicts() {
    let body = "Globex raised $2 billion in its Series C, led by Initech.\n\n\
                Globex will spend its $3.5 billion Series C on chips, Globex said.";
    // "will" makes the second sentence no statement: the pair is the one below.
    assert!(
        contradictions(body).is_empty(),
        "{:?}",
        contradictions(body)
    );
    let body = "Globex raised $2 billion in its Series C.\n\n\
                The $3.5 billion Series C makes Globex the best-funded start-up of its kind.";
    let f = contradictions(body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("stated $3.5 billion here"), "{f:?}");
    // Printed precision counts: "$2 billion" may be $2.5 billion rounded.
    let rounded = "Globex raised $2 billion in its Series C.\n\n\
                   The $2.5 billion Series C makes Globex the best-funded start-up of its kind.";
    assert!(contradictions(rounded).is_empty(), "{rounded}");
    assert!(f[0].contains("round size"), "{f:?}");
    // Issue 25's example: the round's size, then the valuation given as the round.
    let body = "Globex raised $2 billion at a $60 billion valuation.\n\n\
                Globex closed its $60 billion round with a wide group of backers.";
    let f = contradictions(body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("stated $60 billion here"), "{f:?}");
}

#[test]
fn other_rounds_backers_and_totals_are_other_claims() {
    for body in [
        // Two rounds told apart by their labels.
        "Globex raised $2 billion in its Series C.\n\nGlobex raised $6 billion in its Series D.",
        // Two rounds told apart by their dates.
        "Globex raised $2 billion in May 2024.\n\nGlobex raised $6 billion in January 2025.",
        // A backer's investment is no round.
        "Globex raised $2 billion from Initech.\n\nGlobex raised $6 billion in a round led by Hooli.",
        // The funding to date is no round.
        "Globex raised $2 billion in its Series C.\n\nGlobex has raised $9 billion to date.",
        // A sequence of rounds.
        "Globex raised $2 billion.\n\nGlobex later raised $6 billion.",
        // The same size, written two ways.
        "Globex raised $2 billion in its Series C.\n\nGlobex's $2 billion Series C was led by Hooli.",
        // Talks are no round.
        "Globex raised $2 billion in its Series C.\n\nGlobex is in talks to raise a $6 billion Series C.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_valuation_given_twice_with_two_values_contradicts() {
    let body = "Globex raised $2 billion at a $60 billion valuation.\n\n\
                The deal means Globex is valued at $65 billion.";
    let f = contradictions(body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("stated $65 billion here"), "{f:?}");
    assert!(f[0].contains("valuation (Globex)"), "{f:?}");
    // A bound that cannot hold.
    let bound = "Globex is valued at $60 billion.\n\nGlobex is valued at more than $65 billion.";
    assert_eq!(contradictions(bound).len(), 1, "{bound}");
}

#[test]
fn valuations_at_other_rounds_hedged_or_as_bounds_are_silent() {
    for body in [
        // Valuations of two dated rounds.
        "Globex was valued at $20 billion in May 2024.\n\nGlobex was valued at $60 billion in January 2025.",
        // Valuations of two rounds told apart by their labels.
        "Globex raised $2 billion in its Series C at a $20 billion valuation.\n\nGlobex raised $6 billion in its Series D at a $60 billion valuation.",
        // A hedged valuation states none.
        "Globex is valued at $60 billion.\n\nGlobex could reach a $100 billion valuation.",
        "Globex is valued at $60 billion.\n\nGlobex is in talks to raise money at a $100 billion valuation.",
        // Bounds that agree.
        "Globex is valued at $61.5 billion.\n\nGlobex is valued at more than $60 billion.",
        // The pre-money valuation is another claim.
        "Globex has a post-money valuation of $62 billion.\n\nGlobex had a pre-money valuation of $60 billion.",
        // A stake's worth is no valuation of the company.
        "Globex is valued at $60 billion.\n\nHooli holds a stake worth $6 billion in Globex.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_valuation_is_never_compared_with_an_investment_or_a_round() {
    for body in [
        "Initech's total investment in Globex is $8 billion.\n\nInitech's deal values Globex at $60 billion; Globex's total valuation is $60 billion.",
        "Globex raised $2 billion in a funding round.\n\nGlobex is valued at $60 billion.",
        "Globex is valued at $60 billion.\n\nGlobex closed a $6 billion funding round.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
    // Against the built-in base: Anthropic's $61.5 billion valuation is no investment
    // of Amazon's, and no fact of the base is compared with it.
    let f = findings_on(
        "2025-04-01",
        "Amazon has invested $8 billion in Anthropic, which is valued at $61.5 billion.",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn articles_of_one_date_contradict_each_other_on_a_valuation() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-03-01\n---\n\nGlobex is valued at $60 billion after its round.\n",
    );
    common::write(
        dir.path(),
        "b.md",
        "---\ndate: 2025-03-01\n---\n\nGlobex is valued at $65 billion after its round.\n",
    );
    let out = common::run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--color",
            "never",
            "--format",
            "short",
            ".",
        ],
        None,
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(s.matches("corpus-contradiction").count(), 1, "{s}");
    assert!(s.contains("b.md"), "{s}");
    // Articles of other dates may state other valuations.
    common::write(
        dir.path(),
        "b.md",
        "---\ndate: 2025-09-01\n---\n\nGlobex is valued at $65 billion after its round.\n",
    );
    let out = common::run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--color",
            "never",
            "--format",
            "short",
            ".",
        ],
        None,
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(!s.contains("corpus-contradiction"), "{s}");
}

#[test]
fn claims_lists_valuations_rounds_and_scores_with_their_subject() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-04-01\n---\n\nAnthropic raised $3.5 billion at a $61.5 billion valuation.\n\n\
         Claude 3.5 Sonnet scores 88.7% on MMLU, and 40% of its users are developers.\n",
    );
    let out = common::run_in(
        dir.path(),
        &["claims", "--no-config", "--format", "json", "a.md"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let got: Vec<(String, serde_json::Value, serde_json::Value)> = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] != "product")
        .map(|c| {
            (
                c["text"].as_str().unwrap_or("").to_string(),
                c["subject"].clone(),
                c["reason"].clone(),
            )
        })
        .collect();
    use serde_json::json;
    assert_eq!(
        got,
        [
            ("$3.5 billion".to_string(), json!("round"), got[0].2.clone()),
            // Anthropic's Series E has a valuation, but the sentence names no round
            // (no date, no label): see tests/valuations.rs.
            (
                "$61.5 billion".to_string(),
                json!("valuation"),
                json!("no-cue")
            ),
            ("88.7%".to_string(), json!("score"), got[2].2.clone()),
            ("40%".to_string(), json!(null), got[3].2.clone()),
        ]
    );
    let out = common::run_in(dir.path(), &["claims", "--no-config", "a.md"], None);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("money $61.5 billion (valuation): unattributed"),
        "{s}"
    );
}

#[test]
fn a_valuation_is_keyed_by_the_company_it_is_of_not_its_backers() {
    // Planted: Globex's valuation given as $157 billion, then as $175 billion; the
    // backer named in the first clause (Initech) is no other subject.
    let body = "Globex raised $6.6 billion at a $157 billion valuation, with Initech joining.\n\n\
                Globex is valued at $175 billion after the round.";
    let f = contradictions(body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("stated $175 billion here"), "{f:?}");
    assert!(f[0].contains("valuation"), "{f:?}");
    // The lead investor named first ("led by") is skipped the same way.
    let body = "The round, led by Initech, values Globex at $157 billion.\n\n\
                Globex is valued at $175 billion after the round.";
    assert_eq!(contradictions(body).len(), 1, "{body}");
    // A company written in mixed case is a name like any other.
    let body = "xGlobex raised $6 billion at a $24 billion valuation, with Initech joining.\n\n\
                xGlobex is valued at $50 billion after the round.";
    assert_eq!(contradictions(body).len(), 1, "{body}");
}

#[test]
fn valuations_of_two_companies_are_two_subjects() {
    // Silent: each valuation is of its own company.
    for body in [
        "Globex is valued at $300 billion and Hooli at $61.5 billion.\n\n\
         Hooli is valued at $61.5 billion, Globex at $300 billion.",
        "Globex raised $6.6 billion at a $157 billion valuation.\n\n\
         Hooli, a backer of Globex, is valued at $40 billion.",
        "Globex is valued at $157 billion.\n\nInitech values Hooli at $40 billion.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_hedged_valuation_is_not_compared() {
    // Silent: a valuation that may come, and one in talks, state none.
    for body in [
        "Globex is valued at $157 billion.\n\nGlobex could be valued at $175 billion next year.",
        "Globex is valued at $157 billion.\n\nGlobex is in talks to raise at a $175 billion valuation.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_score_of_a_catalog_model_is_keyed_by_the_model_wherever_it_is_named() {
    // Planted: Claude 3.5 Sonnet's HumanEval score given as 92.0%, then as 90.2% with
    // the benchmark's noun after the value and the model in another clause; the
    // source named in the first sentence is no other subject.
    let body = "Claude 3.5 Sonnet scores 92.0% on HumanEval, according to Anthropic.\n\n\
                With its 90.2% HumanEval score, Claude 3.5 Sonnet is the one to beat.";
    let f = contradictions(body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("stated 90.2% here"), "{f:?}");
    assert!(f[0].contains("Claude 3.5 Sonnet"), "{f:?}");
    // Silent: two catalog models; and two models the catalog does not know, whose
    // versions alone are alike, stay keyed by their names.
    for body in [
        "Claude 3.5 Sonnet scores 92.0% on HumanEval.\n\nGPT-4o scores 90.2% on HumanEval, according to OpenAI.",
        "Globex 3 scores 86.8% on MMLU.\n\nHooli 3 scores 88.2% on MMLU.",
        // Hedged: a score a model may reach states none.
        "Claude 3.5 Sonnet scores 92.0% on HumanEval.\n\nClaude 3.5 Sonnet could reach 95% on HumanEval.",
    ] {
        let f = contradictions(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}
