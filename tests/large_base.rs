//! A fact base too large for a small run to build the automaton of all its names
//! (`names::SMALL_RUN_BYTES`): each draft is searched with an automaton of the names that
//! can occur in it, and must find exactly what the whole automaton finds, rule by rule.

use std::path::Path;

use factlint::facts::{FactBase, FactFile};
use factlint::run::{CheckOptions, check_text};

#[allow(dead_code)]
#[path = "../examples/gencorpus/generate.rs"]
mod generate;

/// Drafts that name the generated products (dated before their release, and versions
/// the catalog does not have), and the fixtures, which name the built-in base's.
fn drafts() -> Vec<(String, String)> {
    let mut out = vec![
        (
            "generated-a.md".to_string(),
            "---\ndate: 2022-06-01\n---\n\n# Zorb news\n\nVendorcoA shipped Zorbaa 1.0 and \
             ZORBAB 2.1 this spring. VendorcoD released zorbad-1-1 last month. Zorbab 1.5 tops \
             the leaderboard this month, and Zorbad 3.1x is not a name.\n\n\
             | Model | Vendor |\n|---|---|\n| Zorbae 1.2 | VendorcoE |\n"
                .to_string(),
        ),
        (
            "generated-b.md".to_string(),
            "---\ndate: 2024-06-01\n---\n\nZorbaf 2.0, Zorbaf-2.0 and Zorbaf20x are one \
             product; Zorbzz 1.0 is no family's. Some drafts cite Zorbag 2.7 for speed. \
             Amazon invested $4 billion in Anthropic.\n"
                .to_string(),
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the fixtures")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("a fixture");
        out.push((p.display().to_string(), text));
    }
    out
}

#[test]
fn a_small_run_finds_with_each_drafts_automaton_what_the_whole_automaton_finds() {
    let mut files = FactBase::builtin_files();
    files.push(FactFile {
        name: "generated.toml".to_string(),
        // 300 families of 10 products each ("Zorbab 2.1"), released in 2023.
        text: generate::family_catalog(300, 10),
    });
    let mut small = FactBase::load(files.clone()).expect("the generated base is valid");
    let mut whole = FactBase::load(files).expect("the generated base is valid");
    assert!(
        small.names.pattern_count() > 5_000,
        "{}",
        small.names.pattern_count()
    );
    small.names.expect_text(50_000);
    whole.names.expect_text(1 << 30);
    let opts = CheckOptions::default();
    let mut generated_findings: Vec<String> = Vec::new();
    let mut total = 0;
    for (path, text) in drafts() {
        let a = check_text(Path::new(&path), &text, &small, &opts);
        let b = check_text(Path::new(&path), &text, &whole, &opts);
        assert_eq!(
            format!("{:?}", a.diagnostics),
            format!("{:?}", b.diagnostics),
            "{path}"
        );
        total += b.diagnostics.len();
        if path.starts_with("generated") {
            generated_findings.extend(
                b.diagnostics
                    .iter()
                    .map(|d| format!("{} {}", d.rule.as_str(), d.message)),
            );
        }
    }
    // The small run searched every draft with an automaton of its own.
    assert!(!small.names.automaton_is_built());
    assert!(whole.names.automaton_is_built());
    // The drafts' planted errors are found: the fixtures', and the generated products'
    // (announced after the article's date: one named in capitals, one by an alias, one
    // in a table; a version the catalog does not have).
    assert!(total >= 40, "{total}");
    for (rule, name) in [
        ("anachronism", "Zorbaa 1.0"),
        ("anachronism", "Zorbab 2.1"),
        ("anachronism", "Zorbad 1.1"),
        ("anachronism", "Zorbae 1.2"),
        ("unknown-model", "Zorbag 2.7"),
    ] {
        assert!(
            generated_findings
                .iter()
                .any(|f| f.starts_with(rule) && f.contains(name)),
            "{rule} {name}: {generated_findings:?}"
        );
    }
}
