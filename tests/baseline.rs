//! End-to-end tests of baselines: `check --write-baseline FILE` records today's
//! findings, `check --baseline FILE` (or `baseline = "..."` in factlint.toml) reports
//! only the new ones, matched by rule, path and text rather than by line.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{code, write};

fn run(cwd: &Path, args: &[&str]) -> Output {
    common::run_in(cwd, args, None)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// (path, rule, line) of every finding of a JSON run.
fn findings(out: &Output) -> Vec<(String, String, u64)> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    });
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                // JSON keeps a path as walked (`./a.md` from `.`; only github and
                // SARIF drop the `./`): not what these tests are about.
                d["path"]
                    .as_str()
                    .expect("path")
                    .trim_start_matches("./")
                    .to_string(),
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

const HEAD: &str = "---\ndate: 2024-11-22\n---\n";
/// A value-mismatch: the total was $8 billion on the draft's date.
const WRONG: &str = "Amazon has now invested a total of $9 billion in Anthropic.\n";
/// Another value-mismatch, in another sentence.
const OTHER: &str = "Amazon has now invested a total of $7 billion in Anthropic, they said.\n";

#[test]
fn a_baseline_hides_todays_findings_and_survives_edits_above_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "drafts/a.md", &format!("{HEAD}{WRONG}"));
    let before = run(d, &["check", "--format", "json", "."]);
    assert_eq!(code(&before), 1, "{}", stderr(&before));
    assert_eq!(
        findings(&before),
        [("drafts/a.md".into(), "value-mismatch".into(), 4)]
    );

    let wrote = run(d, &["check", "--write-baseline", "baseline.toml", "."]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    assert!(
        stderr(&wrote).contains("wrote 1 finding(s) in 1 file(s) to baseline.toml"),
        "{}",
        stderr(&wrote)
    );
    let text = std::fs::read_to_string(d.join("baseline.toml")).expect("written");
    assert!(text.contains("path = \"drafts/a.md\""), "{text}");
    assert!(text.contains("rule = \"value-mismatch\""), "{text}");
    assert!(text.contains("text = \"$9 billion\""), "{text}");

    let after = run(d, &["check", "--baseline", "baseline.toml", "."]);
    assert_eq!(code(&after), 0, "{}", stderr(&after));
    assert!(
        stderr(&after).contains("0 error(s), 0 warning(s), 1 finding(s) hidden by the baseline"),
        "{}",
        stderr(&after)
    );

    // Lines inserted above the finding: it moves to line 7 and stays baselined.
    write(
        d,
        "drafts/a.md",
        &format!("{HEAD}# A title\n\nAn opening paragraph.\n{WRONG}"),
    );
    let moved = run(
        d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.toml",
            ".",
        ],
    );
    assert_eq!(code(&moved), 0, "{}", stderr(&moved));
    assert_eq!(findings(&moved), []);
    assert!(
        stderr(&moved).contains("note: 1 finding(s) hidden by the baseline"),
        "{}",
        stderr(&moved)
    );

    // A new error is reported, alone.
    write(
        d,
        "drafts/a.md",
        &format!("{HEAD}# A title\n\nAn opening paragraph.\n{WRONG}\n{OTHER}"),
    );
    let new = run(
        d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.toml",
            ".",
        ],
    );
    assert_eq!(code(&new), 1, "{}", stderr(&new));
    assert_eq!(
        findings(&new),
        [("drafts/a.md".into(), "value-mismatch".into(), 9)]
    );
}

#[test]
fn identical_findings_are_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a.md", &format!("{HEAD}{WRONG}"));
    let wrote = run(d, &["check", "--write-baseline", "b.toml", "a.md"]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    // The same sentence twice: one is in the baseline, the other is new.
    write(d, "a.md", &format!("{HEAD}{WRONG}\n{WRONG}"));
    let out = run(
        d,
        &["check", "--format", "json", "--baseline", "b.toml", "a.md"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(findings(&out).len(), 1, "{}", stderr(&out));
    // Written again, the baseline holds both with a count.
    let wrote = run(d, &["check", "--write-baseline", "b.toml", "a.md"]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    let text = std::fs::read_to_string(d.join("b.toml")).expect("written");
    assert!(text.contains("count = 2"), "{text}");
    let out = run(d, &["check", "--baseline", "b.toml", "a.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_malformed_or_missing_baseline_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a.md", &format!("{HEAD}{WRONG}"));
    write(d, "bad.toml", "version = 1\n[[finding]]\npath = 3\n");
    let out = run(d, &["check", "--baseline", "bad.toml", "a.md"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error: bad.toml:3:") && stderr(&out).contains("invalid baseline"),
        "{}",
        stderr(&out)
    );
    let out = run(
        d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "none.toml",
            "a.md",
        ],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("none.toml: cannot read baseline: no such file or folder"),
        "{}",
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("a whole JSON document");
    assert_eq!(v["errors"][0]["path"], "none.toml", "{v}");
}

#[test]
fn the_configured_baseline_applies_and_write_baseline_ignores_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "factlint.toml", "baseline = \"ci/baseline.toml\"\n");
    write(d, "drafts/a.md", &format!("{HEAD}{WRONG}"));
    std::fs::create_dir_all(d.join("ci")).expect("mkdir");
    // The configured file does not exist yet: an error that names it.
    let out = run(d, &["check", "."]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ci/baseline.toml"),
        "{}",
        stderr(&out)
    );
    let wrote = run(d, &["check", "--write-baseline", "ci/baseline.toml", "."]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    let text = std::fs::read_to_string(d.join("ci/baseline.toml")).expect("written");
    // Paths are relative to the baseline's own folder.
    assert!(text.contains("path = \"../drafts/a.md\""), "{text}");
    // Run from the subfolder: the same finding, the same baseline.
    let out = run(&d.join("drafts"), &["check", "a.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 finding(s) hidden by the baseline"),
        "{}",
        stderr(&out)
    );
}
