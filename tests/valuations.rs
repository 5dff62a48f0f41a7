//! Valuations as a fact kind (issue 24 §2, issue 25 §4): a funding round's post-money
//! valuation (`valuation` on an `[[event]]`), a draft's valuation ("at a $61.5 billion
//! valuation", "valued at", "a post-money valuation of") attributed to the round the
//! sentence names by a date or by its label, and checked by `value-mismatch`. A
//! valuation is never compared with an amount, nor an amount with a valuation; hedged,
//! unmade, pre-money and unnamed valuations are compared with nothing.

mod common;

use std::path::Path;

use common::{findings_on, run_in, write};
use factlint::facts::{FactBase, FactFile};
use factlint::run::{CheckOptions, check_text};
use serde_json::{Value, json};

/// The value-mismatch findings of a draft dated `date`.
fn mismatches(date: &str, body: &str) -> Vec<String> {
    findings_on(date, body)
        .into_iter()
        .filter(|(rule, _)| rule == "value-mismatch")
        .map(|(_, m)| m)
        .collect()
}

/// Every finding of a draft dated `date`, as (rule, message).
fn all_findings(date: &str, body: &str) -> Vec<(String, String)> {
    findings_on(date, body)
}

#[test]
fn a_wrong_valuation_is_flagged_against_the_rounds_valuation_and_its_source() {
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
    let draft = "---\ndate: 2025-06-01\n---\n\n\
                 Anthropic raised $3.5 billion in March 2025 at a $70 billion valuation.\n";
    let r = check_text(
        Path::new("draft.md"),
        draft,
        &base,
        &CheckOptions::default(),
    );
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    let d = &r.diagnostics[0];
    assert_eq!(d.rule.as_str(), "value-mismatch");
    assert_eq!(&draft[d.span.clone()], "$70 billion");
    assert_eq!(d.fact.as_deref(), Some("anthropic/series-e"));
    assert_eq!(d.expected.as_deref(), Some("$61.5 billion"));
    assert_eq!(d.found.as_deref(), Some("$70 billion"));
    // The valuation's own source, not the round's.
    assert_eq!(
        d.source.as_deref(),
        Some(
            "https://clubdeal.fr/2025/03/anthropic-raises-3-5-billion-club-deal-from-amazon-and-google-to-defend-ai-market-position"
        )
    );
    assert!(
        d.message.contains("post-money valuation")
            && d.message.contains("Anthropic's Series E was $61.5 billion"),
        "{}",
        d.message
    );
    // The related label points at the valuation as written in the fact file.
    let fact_file = base
        .files
        .iter()
        .find(|f| f.name.ends_with("anthropic.toml"))
        .expect("anthropic.toml");
    let rel = d.related.first().expect("a label on the fact");
    assert_eq!(&fact_file.text[rel.span.clone()], "\"$61.5 billion\"");

    // Other forms, each naming its round by a date or a label.
    for (date, body, expected) in [
        (
            "2025-06-01",
            "The Series E valued Anthropic at $90 billion.",
            "$61.5 billion",
        ),
        (
            "2025-01-01",
            "OpenAI was valued at $200 billion in October 2024.",
            "$157 billion",
        ),
        (
            "2025-06-01",
            "OpenAI closed its round in March 2025, at a post-money valuation of $340 billion.",
            "$300 billion",
        ),
        (
            "2025-10-01",
            "The Series C valued Mistral AI at €15 billion in September 2025.",
            "€10 billion to €11.7 billion",
        ),
        (
            "2025-06-01",
            "Safe Superintelligence raised $2 billion in April 2025, valuing it at $45 billion.",
            "$32 billion",
        ),
    ] {
        let f = mismatches(date, body);
        assert_eq!(f.len(), 1, "{body}: {f:?}");
        assert!(
            f[0].contains("post-money valuation") && f[0].contains(expected),
            "{body}: {f:?}"
        );
    }
}

#[test]
fn the_right_valuation_is_silent() {
    for (date, body) in [
        (
            "2025-06-01",
            "Anthropic raised $3.5 billion in March 2025 at a $61.5 billion valuation.",
        ),
        (
            "2025-06-01",
            "The Series E valued Anthropic at $61.5 billion.",
        ),
        (
            "2025-06-01",
            "In March 2025 Anthropic raised $3.5 billion, valuing it at $61.5 billion post-money.",
        ),
        (
            "2025-01-01",
            "OpenAI raised $6.6 billion in October 2024 at a $157 billion valuation.",
        ),
        (
            "2025-06-01",
            "OpenAI was valued at more than $250 billion in March 2025.",
        ),
        // Both figures of an interval: the pre-money one that reports give as the
        // valuation, and the post-money one.
        (
            "2025-10-01",
            "The Series C valued Mistral AI at €10 billion in September 2025.",
        ),
        (
            "2025-10-01",
            "The Series C valued Mistral AI at €11.7 billion in September 2025.",
        ),
        (
            "2025-10-01",
            "Thinking Machines Lab raised a $2 billion seed round in July 2025 at a $12 billion valuation.",
        ),
        // Two companies in one sentence: each valuation is attributed confidently and
        // right, or not at all.
        (
            "2025-06-01",
            "OpenAI is valued at $300 billion and Anthropic at $61.5 billion.",
        ),
        (
            "2025-06-01",
            "OpenAI was valued at $300 billion in March 2025 and Anthropic at $61.5 billion.",
        ),
        (
            "2025-06-01",
            "OpenAI was valued at $300 billion in March 2025, and Anthropic was valued at $61.5 billion in its Series E.",
        ),
        (
            "2025-06-01",
            "OpenAI is valued at $300 billion and Anthropic at $70 billion.",
        ),
    ] {
        let f = all_findings(date, body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_valuation_of_two_companies_is_checked_for_each_when_each_is_named() {
    let body = "OpenAI was valued at $300 billion in March 2025, and Anthropic was valued at $70 billion in its Series E.";
    let f = mismatches("2025-06-01", body);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("Anthropic's Series E was $61.5 billion"),
        "{f:?}"
    );
}

#[test]
fn hedged_unmade_and_pre_money_valuations_are_silent() {
    for body in [
        "Anthropic could be valued at $100 billion in its Series E.",
        "Anthropic is expected to be valued at $100 billion in March 2025.",
        "Anthropic was reportedly valued at $100 billion in March 2025.",
        "In March 2025 Anthropic was in talks to raise money at a $100 billion valuation.",
        "Anthropic's Series E gave it a pre-money valuation of $58 billion.",
        "\"We were valued at $100 billion in March 2025,\" Anthropic said.",
        "Anthropic is now valued well above its Series E valuation, up from a $20 billion valuation in March 2025.",
        // The writer's or an analyst's own valuation is no round's.
        "We value Anthropic at $100 billion in March 2025, in our base case.",
        "Analysts valued Anthropic at $100 billion in March 2025.",
    ] {
        let f = all_findings("2025-06-01", body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

#[test]
fn a_valuation_that_names_no_round_or_two_is_silent() {
    for body in [
        // No date, no label: which round is not said.
        "Anthropic is valued at $70 billion.",
        "OpenAI is valued at $200 billion.",
        // Two rounds in 2025, and the value is one of them.
        "Cohere was valued at $9 billion in 2025.",
        // The value is another round's valuation: the date may be what is wrong.
        "OpenAI was valued at $157 billion in March 2025.",
        // A round after the article's date cannot be meant.
        "Mistral AI was valued at €20 billion in its Series C.",
    ] {
        let date = if body.contains("Series C") {
            "2025-06-01"
        } else {
            "2025-10-01"
        };
        let f = all_findings(date, body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}

/// The built-in base and a file of our own: Globex's Series A ($2 billion at $10
/// billion) and Series B ($10 billion at $50 billion), so that a round's size is
/// another round's valuation.
fn globex_base() -> FactBase {
    let own = r#"
[[entity]]
id = "globex"
names = ["Globex"]

[[event]]
id = "globex/series-a"
what = "Globex's Series A"
date = "2024-01"
entities = ["globex"]
cues = ["Series A", "round", "raised"]
amount = "$2 billion"
valuation = "$10 billion"
source = "https://example.org/globex-series-a"

[[event]]
id = "globex/series-b"
what = "Globex's Series B"
date = "2025-01"
entities = ["globex"]
cues = ["Series B", "round", "raised"]
amount = "$10 billion"
valuation = "$50 billion"
source = "https://example.org/globex-series-b"
"#;
    let mut files = FactBase::builtin_files();
    files.push(FactFile {
        name: "own.toml".to_string(),
        text: own.to_string(),
    });
    FactBase::load(files).expect("the base with Globex")
}

fn globex_findings(body: &str) -> Vec<(String, String, Option<String>)> {
    let base = globex_base();
    let draft = format!("---\ndate: 2025-06-01\n---\n\n{body}\n");
    check_text(
        Path::new("draft.md"),
        &draft,
        &base,
        &CheckOptions::default(),
    )
    .diagnostics
    .iter()
    .map(|d| {
        (
            d.rule.as_str().to_string(),
            d.message.clone(),
            d.expected.clone(),
        )
    })
    .collect()
}

#[test]
fn a_rounds_size_is_never_compared_with_a_valuation_nor_a_valuation_with_a_size() {
    // A round's size that is another round's valuation, and a valuation that is
    // another round's size: both right, both silent.
    for body in [
        "Globex raised $10 billion in its Series B in January 2025.",
        "Globex's Series A valued it at $10 billion in January 2024.",
        "Globex raised $10 billion in its Series B in January 2025 at a $50 billion valuation.",
        "Globex raised $2 billion in January 2024 at a $10 billion valuation.",
    ] {
        let f = globex_findings(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
    // A valuation given as the round's size is the round's wrong size (a valuation
    // given as an investment); a round's size given as the valuation is a wrong
    // valuation. Each is judged against its own kind.
    let f = globex_findings("Globex raised $50 billion in its Series B in January 2025.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].2.as_deref(), Some("$10 billion"), "{f:?}");
    assert!(!f[0].1.contains("valuation"), "{f:?}");
    let f = globex_findings("Globex was valued at $10 billion in its Series B in January 2025.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].2.as_deref(), Some("$50 billion"), "{f:?}");
    assert!(f[0].1.contains("post-money valuation"), "{f:?}");
}

#[test]
fn facts_check_refuses_a_bad_valuation() {
    let file = |body: &str| {
        let text = format!(
            "[[entity]]\nid = \"globex\"\nnames = [\"Globex\"]\n\n[[event]]\nid = \"globex/a\"\n\
             what = \"Globex's Series A\"\ndate = \"2024-01\"\nentities = [\"globex\"]\n\
             amount = \"$2 billion\"\nsource = \"https://example.org/a\"\n{body}\n"
        );
        match FactBase::load(vec![FactFile {
            name: "own.toml".to_string(),
            text,
        }]) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.message).collect::<Vec<_>>(),
        }
    };
    assert!(file("valuation = \"$10 billion\"").is_empty());
    assert!(
        file("valuation = \"$10 billion\"\nvaluation-source = \"https://example.org/v\"")
            .is_empty()
    );
    for (body, expected) in [
        ("valuation = \"up to $10 billion\"", "is a bound"),
        ("valuation = \"$1 billion\"", "less than its amount"),
        ("valuation = \"40%\"", "not an amount of money"),
        ("valuation = \"ten-ish\"", "cannot read"),
        (
            "valuation-source = \"https://example.org/v\"",
            "valuation-source but no valuation",
        ),
        (
            "valuation = \"$10 billion\"\nvaluation-source = \" \"",
            "empty valuation-source",
        ),
    ] {
        let errors = file(body);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{body}: {errors:?}"
        );
    }
}

#[test]
fn claims_shows_the_valuation_attributed_to_the_round() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-06-01\n---\n\n\
         Anthropic raised $3.5 billion in March 2025 at a $61.5 billion valuation.\n\n\
         The Series E valued Anthropic at $70 billion.\n\n\
         Anthropic is valued at $61.5 billion.\n",
    );
    let out = run_in(
        dir.path(),
        &["claims", "--no-config", "--format", "json", "a.md"],
        None,
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let valuations: Vec<Value> = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["subject"] == "valuation")
        .map(|c| {
            json!({
                "text": c["text"],
                "status": c["status"],
                "rule": c["rule"],
                "fact": c["fact"],
                "fact_kind": c["fact_kind"],
                "expected": c["expected"],
                "source": c["source"],
                "reason": c["reason"],
            })
        })
        .collect();
    let clubdeal = "https://clubdeal.fr/2025/03/anthropic-raises-3-5-billion-club-deal-from-amazon-and-google-to-defend-ai-market-position";
    assert_eq!(
        valuations,
        [
            json!({"text": "$61.5 billion", "status": "agrees", "rule": null,
                   "fact": "anthropic/series-e", "fact_kind": "event",
                   "expected": "$61.5 billion", "source": clubdeal, "reason": null}),
            json!({"text": "$70 billion", "status": "contradicts", "rule": "value-mismatch",
                   "fact": "anthropic/series-e", "fact_kind": "event",
                   "expected": "$61.5 billion", "source": clubdeal, "reason": null}),
            json!({"text": "$61.5 billion", "status": "unattributed", "rule": null,
                   "fact": null, "fact_kind": null,
                   "expected": null, "source": null, "reason": "no-cue"}),
        ]
    );
    // The round's size beside the first valuation stays the round's amount.
    let round = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["text"] == "$3.5 billion")
        .expect("the round's size");
    assert_eq!(round["expected"], "about $3.5 billion", "{round}");
    // The text output names the fact.
    let out = run_in(dir.path(), &["claims", "--no-config", "a.md"], None);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("anthropic/series-e"), "{s}");
}
