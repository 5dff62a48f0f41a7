//! Drafts of our own across the areas of the fact base (funding rounds, strategic
//! investments, compute contracts, chips, the models of Mistral, DeepSeek, Qwen, Phi,
//! Gemma and Grok), in varied styles: fixtures/areas/NAME-planted.md has the planted
//! errors named here, by line and rule, and nothing else; its clean twin
//! fixtures/areas/NAME-clean.md, the same draft written correctly, has no finding at
//! all. Each draft is checked on its own (twins checked together would disagree with
//! each other, which is `corpus-contradiction`'s business, not these tests').

mod common;

use common::{code, factlint, root};
use serde_json::Value;

/// Each draft and its planted errors: (line, rule id).
const CASES: &[(&str, &[(u64, &str)])] = &[
    // News: a round's size, and the month of the next round.
    (
        "openai-funding",
        &[(7, "value-mismatch"), (11, "date-mismatch")],
    ),
    // A timeline list of Anthropic's rounds.
    (
        "anthropic-rounds",
        &[(7, "date-mismatch"), (8, "value-mismatch")],
    ),
    // Blog: a Series B's month, the price of the X acquisition.
    (
        "xai-funding",
        &[(7, "date-mismatch"), (11, "value-mismatch")],
    ),
    // Press in euros, and a dollar amount beside them.
    (
        "mistral-funding",
        &[(7, "value-mismatch"), (11, "date-mismatch")],
    ),
    // Questions and answers.
    (
        "cohere-perplexity",
        &[(7, "value-mismatch"), (9, "date-mismatch")],
    ),
    // A profile: a round's size, the month of a first round.
    (
        "ssi-inflection",
        &[(7, "value-mismatch"), (11, "date-mismatch")],
    ),
    // A chip stated as available before it shipped; a chip named before it existed.
    ("nvidia-gpus", &[(11, "anachronism"), (13, "anachronism")]),
    // A table and prose: a TPU "generally available" in early access; a later TPU.
    ("google-tpus", &[(12, "anachronism"), (14, "anachronism")]),
    ("aws-chips", &[(11, "anachronism"), (13, "anachronism")]),
    ("amd-instinct", &[(11, "anachronism")]),
    // Models named or said to be available before they existed (secondary sources:
    // warnings, still findings of the rule).
    ("deepseek", &[(11, "anachronism")]),
    ("qwen", &[(9, "anachronism")]),
    ("phi", &[(11, "anachronism")]),
    ("gemma", &[(11, "anachronism")]),
    // A list, then a launch dated by a relative phrase that the catalog contradicts.
    (
        "mistral-models",
        &[(11, "relative-date"), (13, "anachronism")],
    ),
    ("grok", &[(9, "relative-date"), (11, "anachronism")]),
    // Analysis: a compute commitment's size, a stake in percent.
    (
        "microsoft-openai-2025",
        &[(7, "value-mismatch"), (9, "value-mismatch")],
    ),
    // Newsletter: a bound ("up to") of another size, the day of a deal.
    (
        "anthropic-compute",
        &[(9, "value-mismatch"), (13, "date-mismatch")],
    ),
    (
        "big-tech-deals",
        &[(7, "value-mismatch"), (9, "date-mismatch")],
    ),
    (
        "openai-compute",
        &[(7, "value-mismatch"), (13, "date-mismatch")],
    ),
    // Rounds written with their valuations: the valuation is no round's amount.
    ("valuations", &[(7, "value-mismatch")]),
    ("thinking-machines", &[(7, "value-mismatch")]),
];

/// (line, rule) of every finding on one draft, sorted, and the JSON.
fn findings(path: &str) -> (Vec<(u64, String)>, Value) {
    let out = factlint(&["check", "--format", "json", "--fail-on", "never", path]);
    assert_eq!(
        code(&out),
        0,
        "{path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut f: Vec<(u64, String)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().expect("line"),
                d["rule"].as_str().expect("rule").to_string(),
            )
        })
        .collect();
    f.sort();
    (f, v)
}

#[test]
fn there_are_twenty_drafts_or_more_with_their_twins() {
    assert!(CASES.len() >= 20);
    let dir = root().join("fixtures/areas");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures/areas") {
        let name = entry.expect("entry").file_name();
        if name.to_string_lossy().ends_with(".md") {
            files += 1;
        }
    }
    assert_eq!(
        files,
        CASES.len() * 2,
        "every draft has a clean twin and nothing else"
    );
}

#[test]
fn planted_drafts_have_exactly_their_planted_findings() {
    for (name, want) in CASES {
        let path = format!("fixtures/areas/{name}-planted.md");
        let (got, v) = findings(&path);
        let mut want: Vec<(u64, String)> =
            want.iter().map(|(l, r)| (*l, (*r).to_string())).collect();
        want.sort();
        assert_eq!(got, want, "{path}: {v:#}");
        for d in v["diagnostics"].as_array().expect("diagnostics") {
            assert!(
                d["source"].as_str().is_some_and(|s| s.starts_with("http")),
                "{d}"
            );
        }
    }
}

#[test]
fn clean_twins_are_silent() {
    for (name, _) in CASES {
        let path = format!("fixtures/areas/{name}-clean.md");
        let (got, v) = findings(&path);
        assert!(got.is_empty(), "{path}: {v:#}");
    }
}

#[test]
fn twins_differ_only_on_the_planted_lines() {
    for (name, want) in CASES {
        let read = |kind: &str| {
            std::fs::read_to_string(root().join(format!("fixtures/areas/{name}-{kind}.md")))
                .expect("draft")
        };
        let (planted, clean) = (read("planted"), read("clean"));
        let differ: Vec<u64> = planted
            .lines()
            .zip(clean.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i as u64 + 1)
            .collect();
        let mut lines: Vec<u64> = want.iter().map(|(l, _)| *l).collect();
        lines.sort_unstable();
        lines.dedup();
        assert_eq!(differ, lines, "{name}");
        assert_eq!(planted.lines().count(), clean.lines().count(), "{name}");
    }
}
