//! `check --fix`, `--diff` and `- --fix` through the real binary, on copies of the
//! fixtures in temporary folders (the committed fixtures are never touched), and the
//! properties of fixing: bytes outside the fixed spans never change, fixed findings
//! are gone, fixing twice changes nothing the second time.

use std::path::Path;
use std::process::Output;
use std::sync::LazyLock;

use factlint::base::diagnostic::Fix;
use factlint::facts::FactBase;
use factlint::fix;
use factlint::run::fix::fix_text;
use factlint::run::{CheckOptions, check_text};
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::{code, root, run_in};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Copies every `.md` file of a fixtures folder into `to`; returns the names.
fn copy_fixtures(from: &str, to: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for e in std::fs::read_dir(root().join(from)).expect("fixtures") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "md") {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            std::fs::copy(&p, to.join(&name)).expect("copy");
            names.push(name);
        }
    }
    names.sort();
    names
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("read")
}

/// Exactly these replacements, each of a text that occurs once.
fn replaced(text: &str, swaps: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (from, to) in swaps {
        assert_eq!(out.matches(from).count(), 1, "{from:?} occurs once");
        out = out.replace(from, to);
    }
    out
}

#[test]
fn fix_on_every_fixture_changes_exactly_the_certain_findings_and_twice_nothing_more() {
    let expected: &[(&str, &[(&str, &str)])] = &[
        (
            "planted-value-mismatch.md",
            &[
                ("and $2.25 billion in March", "and $2.75 billion in March"),
                ("added $5 billion more", "added $4 billion more"),
                ("a total of $9 billion", "a total of $8 billion"),
            ],
        ),
        (
            "planted-date-mismatch.md",
            &[
                ("in February 2024.", "in March 2024."),
                ("on November 12, 2024.", "on November 22, 2024."),
                (
                    "training partner in March 2024.",
                    "training partner in November 2024.",
                ),
                ("in December 2023.", "in October 2023."),
            ],
        ),
        (
            "planted-stale-value.md",
            &[
                ("stands at $4 billion.", "stands at $8 billion."),
                ("Anthropic is $1.25 billion.", "Anthropic is $8 billion."),
            ],
        ),
        (
            "planted-table-arithmetic.md",
            &[("| $4.5 billion  |", "| $4 billion  |")],
        ),
    ];
    for folder in ["fixtures/drafts", "fixtures/corpus"] {
        let dir = tempfile::tempdir().expect("a temp dir");
        let names = copy_fixtures(folder, dir.path());
        let target = dir.path().to_str().expect("utf-8 path");
        let first = run_in(
            dir.path(),
            &["check", "--fix", "--format", "json", target],
            None,
        );
        assert!(matches!(code(&first), 0 | 1), "{}", stderr(&first));
        let after_one: Vec<String> = names.iter().map(|n| read(&dir.path().join(n))).collect();
        for (name, now) in names.iter().zip(&after_one) {
            let original = read(&root().join(folder).join(name));
            let want = match expected.iter().find(|(n, _)| n == name) {
                Some((_, swaps)) => replaced(&original, swaps),
                None => original,
            };
            assert_eq!(now, &want, "{folder}/{name} after --fix");
        }
        // What remains has no fix left, and running --fix again changes nothing.
        let v: Value = serde_json::from_slice(&first.stdout).expect("json");
        let left: Vec<&Value> = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| !d["fix"].is_null())
            .collect();
        assert!(left.is_empty(), "{left:#?}");
        let second = run_in(dir.path(), &["check", "--fix", target], None);
        assert!(
            stderr(&second).contains("fixed 0 finding(s) in 0 file(s)"),
            "{}",
            stderr(&second)
        );
        for (name, once) in names.iter().zip(&after_one) {
            assert_eq!(&read(&dir.path().join(name)), once, "{name} changed twice");
        }
    }
}

const DRAFT: &str = "---\ndate: 2024-11-22\n---\n\nAmazon has now invested a total of US$9bn in Anthropic.\n\nMicrosoft's total investment in OpenAI is about $10 billion.\n";

#[test]
fn fix_reports_what_remains_and_remaining_findings_set_the_exit_code() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let p = dir.path().join("d.md");
    std::fs::write(&p, DRAFT).expect("write");
    let out = run_in(
        dir.path(),
        &["check", "--fix", "--format", "short", "d.md"],
        None,
    );
    assert_eq!(code(&out), 1, "the approximate fact's finding remains");
    assert_eq!(
        read(&p),
        DRAFT.replace("US$9bn", "US$8bn"),
        "only the certain fix"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("d.md:7:"), "{stdout}");
    assert!(stderr(&out).contains("fixed 1 finding(s) in 1 file(s)"));
    // Without the unfixable line the run is clean after fixing: exit 0.
    std::fs::write(&p, DRAFT.lines().take(5).collect::<Vec<_>>().join("\n")).expect("write");
    let out = run_in(dir.path(), &["check", "--fix", "d.md"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let p = dir.path().join("d.md");
    std::fs::write(&p, DRAFT).expect("write");
    let out = run_in(dir.path(), &["check", "--diff", "d.md"], None);
    assert_eq!(code(&out), 1, "the findings still set the exit code");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "--- d.md\n+++ d.md\n@@ -2,6 +2,6 @@\n date: 2024-11-22\n ---\n \n-Amazon has now invested a total of US$9bn in Anthropic.\n+Amazon has now invested a total of US$8bn in Anthropic.\n \n Microsoft's total investment in OpenAI is about $10 billion.\n"
    );
    assert!(stderr(&out).contains("1 finding(s) in 1 file(s) would be fixed"));
    assert_eq!(read(&p), DRAFT, "nothing written");
    // --diff replaces the report: no --format with it, and not with --fix.
    for bad in [
        &["check", "--diff", "--format", "json", "d.md"][..],
        &["check", "--diff", "--fix", "d.md"][..],
    ] {
        let out = run_in(dir.path(), bad, None);
        assert_eq!(code(&out), 2, "{bad:?}");
    }
    assert_eq!(read(&p), DRAFT);
}

#[test]
fn stdin_fix_prints_the_fixed_draft_byte_for_byte() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // A BOM and CRLF line endings are kept; only the value's bytes change.
    let input = format!("\u{feff}{}", DRAFT.replace('\n', "\r\n"));
    let out = run_in(
        dir.path(),
        &["check", "--fix", "--format", "json", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).expect("utf-8"),
        input.replace("US$9bn", "US$8bn")
    );
    // The findings that remain go to standard error, in the format asked for.
    let report: String = stderr(&out)
        .lines()
        .filter(|l| !l.starts_with("factlint:") && !l.starts_with("note:"))
        .collect::<Vec<_>>()
        .join("\n");
    let v: Value = serde_json::from_str(&report).expect("json on stderr");
    assert_eq!(v["diagnostics"].as_array().expect("diagnostics").len(), 1);
    assert!(v["diagnostics"][0]["fix"].is_null());
    // With --diff: the diff of standard input, named by --stdin-filename.
    let out = run_in(
        dir.path(),
        &["check", "--diff", "--stdin-filename", "a/b.md", "-"],
        Some(DRAFT.as_bytes()),
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.starts_with("--- a/b.md\n+++ a/b.md\n"), "{diff}");
    // A draft with nothing to fix comes back unchanged; so does an excluded one.
    let clean = "Nothing to see here.\n";
    let out = run_in(dir.path(), &["check", "--fix", "-"], Some(clean.as_bytes()));
    assert_eq!(out.stdout, clean.as_bytes());
    assert_eq!(code(&out), 0);
    std::fs::write(dir.path().join("factlint.toml"), "exclude = [\"skip\"]\n").expect("write");
    let out = run_in(
        dir.path(),
        &["check", "--fix", "--stdin-filename", "skip/x.md", "-"],
        Some(DRAFT.as_bytes()),
    );
    assert_eq!(out.stdout, DRAFT.as_bytes());
    assert_eq!(code(&out), 0);
    // A draft that cannot be read: exit 2 and nothing on standard output (an editor
    // keeps its buffer).
    let out = run_in(dir.path(), &["check", "--fix", "-"], Some(b"a \xff b"));
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty());
}

#[test]
fn fix_keeps_line_endings_bom_and_permissions() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let p = dir.path().join("d.md");
    let text = format!("\u{feff}{}", DRAFT.replace('\n', "\r\n"));
    std::fs::write(&p, &text).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o604)).expect("chmod");
    }
    let out = run_in(dir.path(), &["check", "--fix", "d.md"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&p).expect("read"),
        text.replace("US$9bn", "US$8bn").into_bytes()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o604);
    }
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        vec!["d.md".to_string()],
        "no temporary file left behind"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_left_alone_with_a_note() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temp dir");
    let p = dir.path().join("d.md");
    std::fs::write(&p, DRAFT).expect("write");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run_in(dir.path(), &["check", "--fix", "d.md"], None);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("note: d.md: read-only; left alone"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&p), DRAFT);
}

// ---------------------------------------------------------------------------------
// Properties, on generated drafts (through the library: hundreds of cases)
// ---------------------------------------------------------------------------------

static BASE: LazyLock<FactBase> =
    LazyLock::new(|| FactBase::load(FactBase::builtin_files()).expect("the built-in base"));

fn money(style: usize, billions: f64) -> String {
    let n = factlint::base::value::trim_number(billions);
    match style {
        0 => format!("${n} billion"),
        1 => format!("${n}B"),
        2 => format!("US${n}bn"),
        3 => format!("{n} billion dollars"),
        4 => format!("about ${n} billion"),
        5 => format!("more than ${n} billion"),
        _ => format!(
            "${} million",
            factlint::base::value::trim_number(billions * 1000.0)
        ),
    }
}

fn day_text(style: usize, day: i8) -> String {
    match style {
        0 => format!("November {day}, 2024"),
        1 => format!("Nov. {day}, 2024"),
        2 => format!("{day} Nov 2024"),
        _ => format!("2024-11-{day:02}"),
    }
}

fn month_text(style: usize, month: usize) -> String {
    const M: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if style == 0 {
        format!("{} 2024", M[month])
    } else {
        format!("{}. 2024", &M[month][..3])
    }
}

/// One paragraph of a generated draft.
fn paragraph() -> impl Strategy<Value = String> {
    let amounts = prop::sample::select(vec![1.25, 2.25, 2.75, 4.0, 5.0, 8.0, 9.0, 12.0]);
    prop_oneof![
        (0..7usize, amounts.clone())
            .prop_map(|(s, v)| format!("Amazon has now invested a total of {} in Anthropic.", money(s, v))),
        (0..7usize, amounts.clone()).prop_map(|(s, v)| format!(
            "Amazon invested {} in Anthropic in March 2024.",
            money(s, v)
        )),
        (0..7usize, amounts.clone()).prop_map(|(s, v)| format!(
            "Amazon's total investment in Anthropic stands at {}.",
            money(s, v)
        )),
        (0..4usize, 1..29i8).prop_map(|(s, d)| format!(
            "Amazon announced its additional $4 billion investment in Anthropic on {}.",
            day_text(s, d)
        )),
        (0..2usize, 0..11usize).prop_map(|(s, m)| format!(
            "Amazon invested $2.75 billion in Anthropic in {}.",
            month_text(s, m)
        )),
        "[a-zA-Z é🚀—,.]{0,40}".prop_map(|s| format!("Notes: {s}")),
        Just("| Date | Investment | Cumulative |\n|---|---|---|\n| Sept. 2023 | $1.25B | $1.25B |\n| March 2024 | $2.75B | $4.5B |\n| Nov. 2024 | $4B | $8B |".to_string()),
    ]
}

fn draft() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(paragraph(), 1..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(ps, crlf, bom)| {
            let mut t = format!("---\ndate: 2024-11-22\n---\n\n{}\n", ps.join("\n\n"));
            if crlf {
                t = t.replace('\n', "\r\n");
            }
            if bom {
                t.insert(0, '\u{feff}');
            }
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn fixing_changes_only_the_fixed_spans_and_the_fixed_findings_are_gone(text in draft()) {
        let path = Path::new("gen.md");
        let opts = CheckOptions::default();
        let before = check_text(path, &text, &BASE, &opts);
        let fixes: Vec<(factlint::rules::RuleId, Fix)> = before
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.clone().map(|f| (d.rule, f)))
            .collect();
        let only: Vec<Fix> = fixes.iter().map(|(_, f)| f.clone()).collect();
        let applied = fix::apply(&text, &only);
        // Every byte outside the applied spans is the same, in the same order.
        let mut pos = 0;
        let mut at = 0;
        for f in &applied.applied {
            prop_assert!(only.contains(f), "an applied fix is a finding's fix");
            let gap = &text.as_bytes()[pos..f.span.start];
            prop_assert_eq!(&applied.text.as_bytes()[at..at + gap.len()], gap);
            at += gap.len();
            prop_assert_eq!(
                &applied.text.as_bytes()[at..at + f.replacement.len()],
                f.replacement.as_bytes()
            );
            at += f.replacement.len();
            pos = f.span.end;
        }
        prop_assert_eq!(&applied.text.as_bytes()[at..], &text.as_bytes()[pos..]);
        // The fixed findings are gone: no finding of the same rule at a fixed span.
        let after = check_text(path, &applied.text, &BASE, &opts);
        let mut shift: isize = 0;
        for f in &applied.applied {
            let start = (f.span.start as isize + shift) as usize;
            let span = start..start + f.replacement.len();
            let rule = fixes.iter().find(|(_, g)| g == f).map(|(r, _)| *r);
            prop_assert!(
                !after.diagnostics.iter().any(|d| Some(d.rule) == rule && d.span == span),
                "{:?} still reported at {:?} in {:?}", rule, span, applied.text
            );
            shift += f.replacement.len() as isize - (f.span.end - f.span.start) as isize;
        }
        // One round fixes everything these drafts can have fixed, so fixing the
        // result again changes nothing.
        prop_assert!(
            after.diagnostics.iter().all(|d| d.fix.is_none()),
            "{:?}", after.diagnostics
        );
        let again = fix_text(path, &applied.text, &BASE, &opts);
        prop_assert_eq!(again.text, applied.text.clone());
        prop_assert_eq!(again.fixed, 0);
        // And fix_text gives that same text from the original.
        prop_assert_eq!(fix_text(path, &text, &BASE, &opts).text, applied.text);
    }
}
