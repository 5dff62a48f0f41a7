//! A fact base too large for a small run to build the automaton of all its names
//! (`names::SMALL_RUN_BYTES`): each draft is searched with an automaton of the names that
//! can occur in it, and must find exactly what the whole automaton finds, rule by rule.

use std::fmt::Write as _;
use std::path::Path;

use factlint::facts::{FactBase, FactFile};
use factlint::{CheckOptions, check_text};

/// 300 families of 10 products each, named like no real product ("Zorbab 2.1"), with
/// aliases, released in 2023, from ten vendors.
fn generated_catalog() -> String {
    let mut s = String::from("[meta]\nchecked = \"2026-11-26\"\n\n");
    for v in 0..10 {
        let letter = char::from(b'A' + v as u8);
        let _ = writeln!(
            s,
            "[[entity]]\nid = \"vendorco-{v}\"\nnames = [\"Vendorco{letter}\"]\n"
        );
    }
    for f in 0..300 {
        let word = format!(
            "Zorb{}{}",
            char::from(b'a' + (f / 26) as u8),
            char::from(b'a' + (f % 26) as u8)
        );
        let lower = word.to_lowercase();
        let v = f % 10;
        let _ = writeln!(
            s,
            "[[family]]\nid = \"fam-{lower}\"\nvendor = \"vendorco-{v}\"\npatterns = ['{word}[ -][1-9](?:\\.\\d)?']\n"
        );
        for k in 0..10 {
            let (major, minor) = (1 + k / 4, k % 4);
            let _ = writeln!(
                s,
                "[[product]]\nid = \"p-{lower}-{major}-{minor}\"\nname = \"{word} {major}.{minor}\"\naliases = [\"{word}{major}{minor}x\", \"{lower}-{major}-{minor}-pro\"]\nvendor = \"vendorco-{v}\"\nfamily = \"fam-{lower}\"\nreleased = \"2023-{:02}-15\"\nsource = \"https://example.org/generated\"\n",
                1 + k % 12
            );
        }
    }
    s
}

/// Drafts that name the generated products (dated before their release, and versions
/// the catalog does not have), and the fixtures, which name the built-in base's.
fn drafts() -> Vec<(String, String)> {
    let mut out = vec![
        (
            "generated-a.md".to_string(),
            "---\ndate: 2022-06-01\n---\n\n# Zorb news\n\nVendorcoA shipped Zorbaa 1.0 and \
             ZORBAB 2.1 this spring. VendorcoD released zorbad-1-1-pro last month. Zorbab 1.5 tops \
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
        text: generated_catalog(),
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
    // (two released after the article's date, one written in capitals; an alias
    // released after the month it is said to be released in; a version the catalog
    // does not have).
    assert!(total >= 40, "{total}");
    for (rule, name) in [
        ("anachronism", "Zorbaa 1.0"),
        ("anachronism", "Zorbab 2.1"),
        ("relative-date", "Zorbad 1.1"),
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
