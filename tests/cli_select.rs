//! End-to-end tests of choosing what `factlint check` shows: `--select`, `--ignore`,
//! `--quiet`, `--min-severity`, `--output-file`, `--statistics` and glob arguments.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{code, write};

fn run_in(cwd: &Path, args: &[&str]) -> Output {
    common::run_in(cwd, args, None)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// (rule, severity, line) of every diagnostic of a JSON document, in output order.
fn findings(v: &Value) -> Vec<(String, String, u64)> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["severity"].as_str().expect("severity").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn f(rule: &str, severity: &str, line: u64) -> (String, String, u64) {
    (rule.to_string(), severity.to_string(), line)
}

/// A value-mismatch (an error) on line 4 and an unreadable suppression comment (an
/// `invalid-suppression` warning) on line 6.
const TWO_RULES: &str = "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n\n<!-- factlint-disable-next-line valu-mismatch -->\nNothing to see here.\n";

/// A folder with the draft and no configuration.
fn draft_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.md", TWO_RULES);
    dir
}

fn json_findings(d: &Path, args: &[&str]) -> (Vec<(String, String, u64)>, i32) {
    let mut all = vec!["check", "--format", "json", "--no-config"];
    all.extend_from_slice(args);
    all.push("a.md");
    let out = run_in(d, &all);
    (findings(&parse_json(&stdout(&out))), code(&out))
}

#[test]
fn the_draft_has_findings_of_two_rules() {
    let dir = draft_dir();
    let (found, exit) = json_findings(dir.path(), &[]);
    assert_eq!(
        found,
        vec![
            f("value-mismatch", "error", 4),
            f("invalid-suppression", "warning", 6)
        ]
    );
    assert_eq!(exit, 1);
}

#[test]
fn select_keeps_only_the_rules_named() {
    let dir = draft_dir();
    let d = dir.path();
    let (found, exit) = json_findings(d, &["--select", "invalid-suppression"]);
    assert_eq!(found, vec![f("invalid-suppression", "warning", 6)]);
    assert_eq!(
        exit, 0,
        "a warning does not fail the default --fail-on error"
    );
    let (found, _) = json_findings(d, &["--select", "value-mismatch,invalid-suppression"]);
    assert_eq!(found.len(), 2, "comma-separated");
    let (found, _) = json_findings(
        d,
        &[
            "--select",
            "value-mismatch",
            "--select",
            "invalid-suppression",
        ],
    );
    assert_eq!(found.len(), 2, "repeated");
}

#[test]
fn ignore_removes_rules_and_wins_over_select() {
    let dir = draft_dir();
    let d = dir.path();
    let (found, exit) = json_findings(d, &["--ignore", "invalid-suppression"]);
    assert_eq!(found, vec![f("value-mismatch", "error", 4)]);
    assert_eq!(exit, 1);
    let (found, exit) = json_findings(
        d,
        &[
            "--select",
            "value-mismatch,invalid-suppression",
            "--ignore",
            "value-mismatch",
        ],
    );
    assert_eq!(found, vec![f("invalid-suppression", "warning", 6)]);
    assert_eq!(exit, 0);
}

#[test]
fn an_unknown_rule_id_is_an_error_with_the_closest_id() {
    let dir = draft_dir();
    for flag in ["--select", "--ignore"] {
        let out = run_in(
            dir.path(),
            &["check", flag, "value-mismatch,stale-valu", "a.md"],
        );
        assert_eq!(code(&out), 2, "{flag}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{flag}: unknown rule id `stale-valu`"))
                && err.contains("did you mean `stale-value`?"),
            "{flag}: {err}"
        );
        assert!(stdout(&out).is_empty(), "nothing checked: {}", stdout(&out));
    }
    let out = run_in(dir.path(), &["check", "--select", "zzzzzzzzzzzz", "a.md"]);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains("did you mean"), "{}", stderr(&out));
}

#[test]
fn the_command_line_wins_over_the_configuration() {
    let dir = draft_dir();
    let d = dir.path();
    write(
        d,
        "factlint.toml",
        "[rules]\nvalue-mismatch = \"off\"\ninvalid-suppression = \"error\"\n",
    );
    let run = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push("a.md");
        let out = run_in(d, &all);
        (findings(&parse_json(&stdout(&out))), code(&out))
    };
    assert_eq!(
        run(&[]).0,
        vec![f("invalid-suppression", "error", 6)],
        "the configuration alone"
    );
    // --select turns on a rule the configuration turns off, at its default severity,
    // and keeps the configured severity of the others it names.
    assert_eq!(
        run(&["--select", "value-mismatch,invalid-suppression"]).0,
        vec![
            f("value-mismatch", "error", 4),
            f("invalid-suppression", "error", 6)
        ]
    );
    // --ignore turns off a rule the configuration sets.
    let (found, exit) = run(&["--ignore", "invalid-suppression"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(exit, 0);
}

#[test]
fn select_does_not_bring_back_suppressed_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "a.md",
        "---\ndate: 2024-11-22\n---\n<!-- factlint-disable-next-line value-mismatch -->\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let (found, exit) = json_findings(d, &["--select", "value-mismatch"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(exit, 0);
}

#[test]
fn quiet_prints_the_findings_only() {
    let dir = draft_dir();
    let d = dir.path();
    write(d, "blob.md", "\0\0\0binary");
    let loud = run_in(d, &["check", "--no-config", "a.md", "blob.md"]);
    let quiet = run_in(d, &["check", "--no-config", "--quiet", "a.md", "blob.md"]);
    assert_eq!(code(&loud), 1);
    assert_eq!(code(&quiet), 1, "the exit code does not change");
    let (loud_out, quiet_out) = (stdout(&loud), stdout(&quiet));
    assert!(
        loud_out.contains("help: replace with `$8 billion`"),
        "{loud_out}"
    );
    assert!(loud_out.contains("= source:"), "{loud_out}");
    assert!(
        stderr(&loud).contains("file(s) checked"),
        "{}",
        stderr(&loud)
    );
    assert!(stderr(&loud).contains("note: blob.md"), "{}", stderr(&loud));
    assert!(quiet_out.contains("error[value-mismatch]"), "{quiet_out}");
    assert!(
        quiet_out.contains("warning[invalid-suppression]"),
        "{quiet_out}"
    );
    assert!(quiet_out.contains("a.md:4:"), "{quiet_out}");
    assert!(!quiet_out.contains("help:"), "{quiet_out}");
    assert!(
        !quiet_out.lines().any(|l| l.trim_start().starts_with("= ")),
        "no notes: {quiet_out}"
    );
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
    // Machine formats are unchanged.
    let json = |extra: &[&str]| {
        let mut all = vec!["check", "--no-config", "--format", "json"];
        all.extend_from_slice(extra);
        all.push("a.md");
        stdout(&run_in(d, &all))
    };
    assert_eq!(json(&["-q"]), json(&[]));
}

#[test]
fn min_severity_chooses_what_is_shown_and_the_exit_code_follows() {
    let dir = draft_dir();
    let d = dir.path();
    let (found, exit) = json_findings(d, &["--min-severity", "error"]);
    assert_eq!(found, vec![f("value-mismatch", "error", 4)]);
    assert_eq!(exit, 1, "a shown error fails the run");
    let (found, _) = json_findings(d, &["--min-severity", "warning"]);
    assert_eq!(found.len(), 2);
    let (found, _) = json_findings(d, &["--min-severity", "info"]);
    assert_eq!(found.len(), 2);
    // Hidden findings do not set the exit code: only the warning is left, then nothing.
    write(d, "factlint.toml", "[rules]\nvalue-mismatch = \"info\"\n");
    let exit = |args: &[&str]| {
        let mut all = vec!["check", "--format", "short"];
        all.extend_from_slice(args);
        all.push("a.md");
        let out = run_in(d, &all);
        (code(&out), stdout(&out).lines().count())
    };
    assert_eq!(exit(&["--fail-on", "info"]), (1, 2), "both shown");
    assert_eq!(
        exit(&["--fail-on", "info", "--min-severity", "warning"]),
        (1, 1),
        "the warning is shown and is at or above info"
    );
    assert_eq!(
        exit(&["--fail-on", "warning", "--min-severity", "error"]),
        (0, 0),
        "the hidden warning does not fail --fail-on warning"
    );
    assert_eq!(exit(&["--max-warnings", "0"]), (1, 2));
    assert_eq!(
        exit(&["--max-warnings", "0", "--min-severity", "error"]),
        (0, 0),
        "hidden warnings are not counted by --max-warnings"
    );
    assert_eq!(exit(&["--min-severity", "bogus"]), (2, 0));
}

#[test]
fn output_file_gets_the_whole_report_and_standard_output_nothing() {
    let dir = draft_dir();
    let d = dir.path();
    let out = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--format",
            "sarif",
            "--output-file",
            "out.sarif",
            "a.md",
        ],
    );
    assert_eq!(code(&out), 1, "the exit code is the run's");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("factlint: 1 file(s) checked, 1 error(s), 1 warning(s)"),
        "the summary stays on the terminal: {}",
        stderr(&out)
    );
    let written = std::fs::read_to_string(d.join("out.sarif")).expect("the file is written");
    let sarif = parse_json(&written);
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(2)
    );
    // The same bytes as on standard output.
    let direct = run_in(d, &["check", "--no-config", "--format", "sarif", "a.md"]);
    assert_eq!(written, stdout(&direct));
    // Human output, without colours, with -o.
    let out = run_in(d, &["check", "--no-config", "-o", "report.txt", "a.md"]);
    assert!(stdout(&out).is_empty());
    let human = std::fs::read_to_string(d.join("report.txt")).expect("written");
    assert!(human.contains("error[value-mismatch]"), "{human}");
    assert!(!human.contains('\u{1b}'), "no colours in a file");
    assert!(
        !human.contains("file(s) checked"),
        "the summary is not in it"
    );
}

#[test]
fn output_file_with_a_broken_configuration_is_still_a_whole_document() {
    let dir = draft_dir();
    let d = dir.path();
    write(d, "factlint.toml", "[rules]\nvalue-mismatch = \"loud\"\n");
    let out = run_in(d, &["check", "--format", "json", "-o", "out.json", "a.md"]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    let doc = parse_json(&std::fs::read_to_string(d.join("out.json")).expect("written"));
    assert_eq!(doc["files_checked"], 0);
    let errors = doc["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{doc}");
    assert_eq!(errors[0]["path"], "factlint.toml");
    // Human format: nothing to write, no file.
    let out = run_in(d, &["check", "-o", "human.txt", "a.md"]);
    assert_eq!(code(&out), 2);
    assert!(!d.join("human.txt").exists());
}

#[test]
fn output_file_that_cannot_be_written_leaves_nothing_behind() {
    let dir = draft_dir();
    let d = dir.path();
    let out = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "-o",
            "missing/folder/out.json",
            "a.md",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("error: cannot write missing/folder/out.json"),
        "{}",
        stderr(&out)
    );
    assert!(!d.join("missing").exists());
    // An existing report is replaced whole, never appended to.
    write(d, "out.json", "old contents that are not JSON");
    let out = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "-o",
            "out.json",
            "a.md",
        ],
    );
    assert_eq!(code(&out), 1);
    let doc = parse_json(&std::fs::read_to_string(d.join("out.json")).expect("written"));
    assert_eq!(findings(&doc).len(), 2);
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "a.md" && n != "out.json")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn statistics_count_findings_per_rule_in_a_fixed_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a.md", TWO_RULES);
    write(d, "b.md", TWO_RULES);
    write(
        d,
        "c.md",
        "---\ndate: 2024-11-22\n---\n<!-- factlint-disable-next-line nope -->\nText.\n",
    );
    let out = run_in(d, &["check", "--no-config", "--statistics", "."]);
    assert_eq!(code(&out), 1, "the exit code is the run's");
    let text = stdout(&out);
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().take(2).collect())
        .collect();
    assert_eq!(
        lines,
        vec![
            vec!["3", "invalid-suppression"],
            vec!["2", "value-mismatch"],
            vec!["5", "finding(s)"],
        ],
        "most findings first; the counts replace the findings: {text}"
    );
    assert!(!text.contains("error["), "{text}");
    let short = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--statistics",
            "--format",
            "short",
            ".",
        ],
    );
    assert_eq!(stdout(&short), text, "short is the same table");
    // Ties are in rule id order.
    std::fs::remove_file(d.join("c.md")).expect("rm");
    std::fs::remove_file(d.join("b.md")).expect("rm");
    let text = stdout(&run_in(d, &["check", "--no-config", "--statistics", "."]));
    let rules: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert_eq!(
        rules,
        vec!["invalid-suppression", "value-mismatch", "finding(s)"]
    );
}

#[test]
fn statistics_in_json_are_an_added_key_and_absent_otherwise() {
    let dir = draft_dir();
    let d = dir.path();
    let plain = parse_json(&stdout(&run_in(
        d,
        &["check", "--no-config", "--format", "json", "a.md"],
    )));
    assert!(plain.get("statistics").is_none(), "{plain}");
    let with = parse_json(&stdout(&run_in(
        d,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--statistics",
            "a.md",
        ],
    )));
    assert_eq!(
        with["statistics"],
        serde_json::json!([
            { "rule": "invalid-suppression", "count": 1 },
            { "rule": "value-mismatch", "count": 1 }
        ])
    );
    assert_eq!(
        with["diagnostics"], plain["diagnostics"],
        "findings unchanged"
    );
    // A document format without a place for them: the document is unchanged, the
    // counts go to standard error.
    let sarif = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--format",
            "sarif",
            "--statistics",
            "a.md",
        ],
    );
    let plain_sarif = run_in(d, &["check", "--no-config", "--format", "sarif", "a.md"]);
    assert_eq!(stdout(&sarif), stdout(&plain_sarif));
    assert!(
        stderr(&sarif).contains("1  value-mismatch"),
        "{}",
        stderr(&sarif)
    );
}

#[test]
fn a_glob_the_shell_did_not_expand_is_expanded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "drafts/a.md", TWO_RULES);
    write(d, "drafts/deep/b.md", TWO_RULES);
    write(d, "drafts/deep/c.markdown", TWO_RULES);
    write(d, "other/d.md", TWO_RULES);
    write(d, "drafts/deep/notes.txt", TWO_RULES);
    let paths = |glob: &str| {
        let out = run_in(d, &["check", "--no-config", "--format", "json", glob]);
        let doc = parse_json(&stdout(&out));
        let mut paths: Vec<String> = doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|x| x["path"].as_str().expect("path").to_string())
            .collect();
        paths.dedup();
        (paths, code(&out))
    };
    assert_eq!(
        paths("drafts/**/*.md"),
        (
            vec!["drafts/a.md".to_string(), "drafts/deep/b.md".to_string()],
            1
        )
    );
    assert_eq!(paths("drafts/*.md"), (vec!["drafts/a.md".to_string()], 1));
    assert_eq!(
        paths("**/*.{md,markdown}").0,
        vec![
            "drafts/a.md",
            "drafts/deep/b.md",
            "drafts/deep/c.markdown",
            "other/d.md"
        ]
    );
    assert_eq!(paths("./other/?.md").0, vec!["./other/d.md"]);
}

#[test]
fn a_glob_that_matches_nothing_is_an_error() {
    let dir = draft_dir();
    let d = dir.path();
    for glob in ["drafts/**/*.md", "*.txt", "a[.md"] {
        let out = run_in(d, &["check", "--no-config", glob]);
        assert_eq!(code(&out), 2, "{glob}");
        let err = stdout(&out) + &stderr(&out);
        assert!(err.contains(glob), "{glob}: {err}");
        assert!(
            err.contains("no file matches this glob") || err.contains("not a glob"),
            "{glob}: {err}"
        );
    }
    // A file whose name has a glob character is the file, not a glob.
    write(d, "odd[1].md", TWO_RULES);
    let out = run_in(
        d,
        &["check", "--no-config", "--format", "short", "odd[1].md"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("odd[1].md:4:"), "{}", stdout(&out));
}

#[test]
fn a_suppression_of_an_ignored_rule_is_reported_unused_as_with_the_configuration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "a.md",
        "---\ndate: 2024-11-22\n---\n<!-- factlint-disable-next-line value-mismatch -->\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let rules = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json", "--report-unused-suppressions"];
        all.extend_from_slice(args);
        all.push("a.md");
        findings(&parse_json(&stdout(&run_in(d, &all))))
    };
    assert!(
        rules(&["--no-config"]).is_empty(),
        "the comment hides the finding"
    );
    let ignored = rules(&["--no-config", "--ignore", "value-mismatch"]);
    assert_eq!(ignored, vec![f("unused-suppression", "warning", 4)]);
    write(d, "factlint.toml", "[rules]\nvalue-mismatch = \"off\"\n");
    assert_eq!(
        rules(&[]),
        ignored,
        "the same as turning it off in factlint.toml"
    );
}

#[test]
fn claims_expands_globs_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "drafts/deep/b.md", TWO_RULES);
    write(
        d,
        "drafts/c.md",
        "---\ndate: 2024-11-22\n---\nNo numbers here.\n",
    );
    let out = run_in(d, &["claims", "--no-config", "drafts/**/b.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("drafts/deep/b.md:4:36: money $9 billion"),
        "{text}"
    );
    assert!(!text.contains("drafts/c.md"), "{text}");
    let out = run_in(d, &["claims", "--no-config", "nothing/*.md"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("nothing/*.md: no file matches this glob"),
        "{}",
        stderr(&out)
    );
}
