//! End-to-end tests of the ways factlint is used in content repositories: configuration
//! files, suppression comments, severity gates, SARIF and GitHub output, standard input,
//! and the setting-up commands (rules, rule, init, completions, schema, config).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{code, root, write};

/// Runs the binary in `cwd`, with `stdin` as standard input.
fn run_in(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    common::run_in(cwd, args, stdin.map(str::as_bytes))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn parse_json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(out), stderr(out)))
}

/// (path, rule, severity, line) of every diagnostic, in output order.
fn findings(v: &Value) -> Vec<(String, String, String, u64)> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_string(),
                d["rule"].as_str().expect("rule").to_string(),
                d["severity"].as_str().expect("severity").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn f(path: &str, rule: &str, severity: &str, line: u64) -> (String, String, String, u64) {
    (
        path.to_string(),
        rule.to_string(),
        severity.to_string(),
        line,
    )
}

/// A draft with one value-mismatch on line 4 (the total was $8 billion on its date).
const WRONG: &str =
    "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n";

/// A draft with one value-mismatch on line 2, dated by the configuration only.
const WRONG_UNDATED: &str = "# Note\nAmazon has now invested a total of $9 billion in Anthropic.\n";

#[test]
fn the_nearest_configuration_wins() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "factlint.toml",
        "[rules]\nvalue-mismatch = \"warning\"\n",
    );
    write(d, "a.md", WRONG);
    write(
        d,
        "sub/factlint.toml",
        "[rules]\nvalue-mismatch = \"info\"\n",
    );
    write(d, "sub/b.md", WRONG);
    write(d, "sub/deeper/c.md", WRONG);
    write(
        d,
        "hidden/.factlint.toml",
        "[rules]\nvalue-mismatch = \"off\"\n",
    );
    write(d, "hidden/d.md", WRONG);
    write(d, "plain/e.md", WRONG);
    let out = run_in(d, &["check", "--format", "json", "."], None);
    let v = parse_json(&out);
    assert_eq!(
        findings(&v),
        vec![
            f("./a.md", "value-mismatch", "warning", 4),
            f("./plain/e.md", "value-mismatch", "warning", 4),
            f("./sub/b.md", "value-mismatch", "info", 4),
            f("./sub/deeper/c.md", "value-mismatch", "info", 4),
        ],
        "{v:#}"
    );
    assert_eq!(v["files_checked"], 5);
    // Warnings and info do not fail a run by default.
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // --no-config: every file at the rule's default severity.
    let out = run_in(d, &["check", "--no-config", "--format", "json", "."], None);
    let sev: Vec<String> = findings(&parse_json(&out))
        .into_iter()
        .map(|x| x.2)
        .collect();
    assert_eq!(sev, vec!["error"; 5]);
    assert_eq!(code(&out), 1);
    // --config: one file for every draft.
    let out = run_in(
        d,
        &[
            "check",
            "--config",
            "hidden/.factlint.toml",
            "--format",
            "json",
            ".",
        ],
        None,
    );
    assert_eq!(findings(&parse_json(&out)), vec![]);
    assert_eq!(code(&out), 0);
}

#[test]
fn overrides_include_exclude_and_date_apply_by_glob() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "factlint.toml",
        r#"
exclude = ["drafts/archive", "*.skip.md"]
date = "2024-11-22"

[[overrides]]
files = ["drafts/old/**"]
rules = { value-mismatch = "off" }

[[overrides]]
files = ["*.warn.md"]
[overrides.rules]
value-mismatch = "warning"
"#,
    );
    write(d, "drafts/a.md", WRONG_UNDATED);
    write(d, "drafts/b.warn.md", WRONG_UNDATED);
    write(d, "drafts/old/c.md", WRONG_UNDATED);
    write(d, "drafts/archive/d.md", WRONG_UNDATED);
    write(d, "drafts/e.skip.md", WRONG_UNDATED);
    let out = run_in(d, &["check", "--format", "json", "drafts"], None);
    let v = parse_json(&out);
    assert_eq!(
        findings(&v),
        vec![
            f("drafts/a.md", "value-mismatch", "error", 2),
            f("drafts/b.warn.md", "value-mismatch", "warning", 2),
        ],
        "{v:#}"
    );
    assert_eq!(v["files_checked"], 3, "archive and *.skip.md are excluded");
    assert_eq!(code(&out), 1);
    // --date beats the configuration's date: on 2024-04-01 the total was $4 billion.
    let out = run_in(
        d,
        &[
            "check",
            "--format",
            "json",
            "--date",
            "2024-04-01",
            "drafts/a.md",
        ],
        None,
    );
    let v = parse_json(&out);
    assert_eq!(v["diagnostics"][0]["expected"], "$4 billion", "{v:#}");
    // A file named on the command line but excluded is skipped with a note.
    let out = run_in(d, &["check", "drafts/e.skip.md"], None);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("note: drafts/e.skip.md: skipped: excluded by factlint.toml"),
        "{}",
        stderr(&out)
    );
    // `factlint config` shows what applies to one file.
    let out = run_in(d, &["config", "drafts/old/c.md"], None);
    let text = stdout(&out);
    assert!(text.contains("# configuration: factlint.toml\n"), "{text}");
    assert!(text.contains("\nvalue-mismatch = \"off\"\n"), "{text}");
    assert!(text.contains("\nstale-value = \"error\"\n"), "{text}");
    assert!(text.contains("date = \"2024-11-22\"\n"), "{text}");
    let out = run_in(d, &["config", "drafts/e.skip.md"], None);
    assert!(stdout(&out).contains("excluded"), "{}", stdout(&out));
}

#[test]
fn facts_are_relative_to_their_configuration_and_loaded_per_configuration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "site/factlint.toml",
        "facts = [\"data\"]\ndefault-facts = false\n",
    );
    write(d, "site/data/ours.toml", common::OWN_FACTS);
    let seed = "---\ndate: 2025-06-01\n---\nHooli's seed investment in Initech was $45 million.\n";
    write(d, "site/posts/a.md", seed);
    // Another folder without a configuration: built-in facts only.
    write(d, "other/b.md", seed);
    write(d, "other/c.md", WRONG);
    write(d, "site/posts/d.md", WRONG);
    let out = run_in(d, &["check", "--format", "json", "site", "other"], None);
    let v = parse_json(&out);
    assert_eq!(
        findings(&v),
        vec![
            f("other/c.md", "value-mismatch", "error", 4),
            f("site/posts/a.md", "value-mismatch", "error", 4),
        ],
        "own facts apply under site/ only; the built-in base is off there: {v:#}"
    );
    assert_eq!(
        v["diagnostics"][1]["related"][0]["path"],
        "site/data/ours.toml"
    );
    let amount_line = common::OWN_FACTS
        .lines()
        .position(|l| l.starts_with("amount = "))
        .expect("the fact file has an amount")
        + 1;
    assert_eq!(v["diagnostics"][1]["related"][0]["line"], amount_line);
    // A broken configuration is an error with its span, and nothing is checked.
    write(
        d,
        "site/factlint.toml",
        "facts = [\"data\"]\n[rules]\nvalue-mismatch = \"error\"\nvalu-mismatch = \"off\"\n",
    );
    let out = run_in(d, &["check", "site"], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(
            "error[config]: unknown rule id `valu-mismatch`; did you mean `value-mismatch`?"
        ),
        "{err}"
    );
    assert!(err.contains("site/factlint.toml:4:1"), "{err}");
    write(d, "site/factlint.toml", "fact = [\"data\"]\n");
    let out = run_in(d, &["check", "site"], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("unknown field `fact`"), "{err}");
    assert!(err.contains("site/factlint.toml:1:1"), "{err}");
}

/// A draft with every suppression form; line numbers are named in the test.
const SUPPRESSED: &str = r#"---
date: 2024-11-22
---
<!-- factlint-disable-next-line value-mismatch reason="quoting an early report" -->
Amazon has now invested a total of $9 billion in Anthropic.

Amazon has now invested a total of $9 billion in Anthropic. <!-- factlint-disable-line -->

<!-- factlint-disable value-mismatch -->

Amazon has now invested a total of $9 billion in Anthropic.

<!-- factlint-enable value-mismatch -->

Amazon has now invested a total of $9 billion in Anthropic.

<!-- factlint-disable-next-line value-mismatch until=2024-12-31 -->
Amazon has now invested a total of $9 billion in Anthropic.

<!-- factlint-disable-next-line stale-value -->
Amazon invested $1.25 billion in Anthropic in September 2023.

<!-- factlint-disable-nxt-line value-mismatch -->
Amazon has now invested a total of $9 billion in Anthropic.
"#;

#[test]
fn every_suppression_form_and_an_expired_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "s.md", SUPPRESSED);
    let path = p.to_str().expect("path");
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        args.push(path);
        let out = run_in(&root(), &args, None);
        let v = parse_json(&out);
        let got: Vec<(String, u64)> = findings(&v).into_iter().map(|x| (x.1, x.3)).collect();
        (got, code(&out))
    };
    let pairs = |list: &[(&str, u64)]| -> Vec<(String, u64)> {
        list.iter().map(|(r, l)| ((*r).to_string(), *l)).collect()
    };
    // Before `until`: lines 5, 7 and 11 are hidden; 15 is after `enable`; 18 is hidden
    // until 2024-12-31; the comment on line 20 hides nothing; line 23's comment is
    // misspelt, so line 24 is reported and so is the comment.
    let (got, c) = run(&["--today", "2024-12-31"]);
    assert_eq!(
        got,
        pairs(&[
            ("value-mismatch", 15),
            ("invalid-suppression", 23),
            ("value-mismatch", 24)
        ])
    );
    assert_eq!(c, 1);
    // After `until`: the comment on line 17 expired; line 18 is reported again.
    let (got, _) = run(&["--today", "2025-01-01"]);
    assert_eq!(
        got,
        pairs(&[
            ("value-mismatch", 15),
            ("expired-suppression", 17),
            ("value-mismatch", 18),
            ("invalid-suppression", 23),
            ("value-mismatch", 24)
        ])
    );
    // Unused suppressions are reported on request.
    let (got, _) = run(&["--today", "2024-12-31", "--report-unused-suppressions"]);
    assert_eq!(
        got,
        pairs(&[
            ("value-mismatch", 15),
            ("unused-suppression", 20),
            ("invalid-suppression", 23),
            ("value-mismatch", 24)
        ])
    );
    // The ids about comments are configured like any rule.
    write(
        dir.path(),
        "factlint.toml",
        "[rules]\ninvalid-suppression = \"off\"\nvalue-mismatch = \"warning\"\n",
    );
    let (got, c) = run(&["--today", "2024-12-31"]);
    assert_eq!(
        got,
        pairs(&[("value-mismatch", 15), ("value-mismatch", 24)])
    );
    assert_eq!(c, 0, "warnings only");
}

#[test]
fn mdx_comments_and_disable_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mdx = write(
        dir.path(),
        "a.mdx",
        "---\ndate: 2024-11-22\n---\n{/* factlint-disable-next-line value-mismatch */}\nAmazon has now invested a total of $9 billion in Anthropic.\n\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let whole = write(
        dir.path(),
        "b.md",
        "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n\n<!-- factlint-disable-file -->\n",
    );
    let out = run_in(
        &root(),
        &[
            "check",
            "--format",
            "json",
            mdx.to_str().expect("path"),
            whole.to_str().expect("path"),
        ],
        None,
    );
    let lines: Vec<u64> = findings(&parse_json(&out))
        .into_iter()
        .map(|x| x.3)
        .collect();
    assert_eq!(lines, vec![7], "only the MDX file's unsuppressed line");
}

#[test]
fn fail_on_and_max_warnings_set_the_exit_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "w1.md", WRONG);
    write(d, "w2.md", WRONG);
    write(
        d,
        "factlint.toml",
        "[rules]\nvalue-mismatch = \"warning\"\n",
    );
    let exit = |args: &[&str]| {
        let mut all = vec!["check", "--format", "short"];
        all.extend_from_slice(args);
        all.push(".");
        code(&run_in(d, &all, None))
    };
    assert_eq!(exit(&[]), 0, "two warnings, default --fail-on error");
    assert_eq!(exit(&["--fail-on", "warning"]), 1);
    assert_eq!(exit(&["--fail-on", "info"]), 1);
    assert_eq!(exit(&["--max-warnings", "2"]), 0);
    assert_eq!(exit(&["--max-warnings", "1"]), 1);
    assert_eq!(exit(&["--max-warnings", "0"]), 1);
    write(d, "factlint.toml", "[rules]\nvalue-mismatch = \"info\"\n");
    assert_eq!(exit(&["--fail-on", "warning"]), 0);
    assert_eq!(exit(&["--fail-on", "info"]), 1);
    write(d, "factlint.toml", "");
    assert_eq!(exit(&[]), 1, "two errors");
    assert_eq!(exit(&["--fail-on", "never"]), 0);
    assert_eq!(exit(&["--fail-on", "bogus"]), 2, "bad arguments");
    // A file that cannot be read is exit 2 whatever the gates say.
    assert_eq!(exit(&["--fail-on", "never", "missing.md"]), 2);
}

/// The official SARIF 2.1.0 schema (committed unchanged, see its licence note). This
/// revision writes the `language` pattern as `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`,
/// which is not a valid regular expression, so a strict validator refuses the schema;
/// the OASIS repository's later revision reads `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`. The test
/// applies that correction in memory (factlint writes no `language` anyway).
fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json"))
        .expect("the SARIF schema is committed");
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(broken).count(), 2, "the known erratum, twice");
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(v: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}\n{v:#}");
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let out = run_in(
        &root(),
        &[
            "check",
            "--format",
            "sarif",
            "fixtures/drafts/planted-value-mismatch.md",
            "fixtures/drafts/planted-stale-value.md",
            "fixtures/drafts/does-not-exist.md",
        ],
        None,
    );
    assert_eq!(code(&out), 2, "a missing file");
    let v = parse_json(&out);
    assert_valid_sarif(&v);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(v["runs"].as_array().expect("runs").len(), 1);
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    for id in [
        "value-mismatch",
        "stale-value",
        "date-mismatch",
        "sum-mismatch",
        "expired-suppression",
    ] {
        assert!(rules.contains(&id), "{id} in {rules:?}");
    }
    let vm = rules
        .iter()
        .position(|r| *r == "value-mismatch")
        .expect("listed");
    assert!(
        run["tool"]["driver"]["rules"][vm]["help"]["text"]
            .as_str()
            .expect("help")
            .contains("## Example that fires")
    );
    let results = run["results"].as_array().expect("results");
    let got: Vec<(&str, &str, u64, &str)> = results
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().expect("ruleId"),
                loc["artifactLocation"]["uri"].as_str().expect("uri"),
                loc["region"]["startLine"].as_u64().expect("line"),
                r["level"].as_str().expect("level"),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "stale-value",
                "fixtures/drafts/planted-stale-value.md",
                8,
                "error"
            ),
            (
                "stale-value",
                "fixtures/drafts/planted-stale-value.md",
                11,
                "error"
            ),
            (
                "value-mismatch",
                "fixtures/drafts/planted-value-mismatch.md",
                8,
                "error"
            ),
            (
                "value-mismatch",
                "fixtures/drafts/planted-value-mismatch.md",
                10,
                "error"
            ),
            (
                "value-mismatch",
                "fixtures/drafts/planted-value-mismatch.md",
                12,
                "error"
            ),
            (
                "value-mismatch",
                "fixtures/drafts/planted-value-mismatch.md",
                14,
                "error"
            ),
        ]
    );
    let first = &results[2];
    assert_eq!(first["ruleIndex"], vm);
    let region = &first["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (&Value::from(66), &Value::from(8), &Value::from(79))
    );
    // The fact is in the built-in base, which has no file in the repository: no
    // related location; the message carries the fact and its source.
    assert!(first.get("relatedLocations").is_none(), "{first:#}");
    let message = first["message"]["text"].as_str().expect("text");
    let facts = std::fs::read_to_string(root().join("facts/anthropic.toml")).expect("fact file");
    let line = facts
        .lines()
        .position(|l| l.contains("amount = \"$2.75 billion\""))
        .expect("amount line")
        + 1;
    assert!(
        message.contains(&format!(
            "\nthe fact: $2.75 billion (built-in fact base, <built-in>/anthropic.toml:{line})"
        )),
        "{message}"
    );
    assert!(message.contains("\nsource: https://"), "{message}");
    let notes = &run["invocations"][0];
    assert_eq!(notes["executionSuccessful"], false);
    assert!(
        notes["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .expect("text")
            .contains("does-not-exist.md")
    );
    // Suppression findings and a clean run are valid SARIF too.
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "s.md", SUPPRESSED);
    let out = run_in(
        &root(),
        &[
            "check",
            "--format",
            "sarif",
            "--today",
            "2025-01-01",
            p.to_str().expect("path"),
        ],
        None,
    );
    assert_valid_sarif(&parse_json(&out));
    let out = run_in(
        &root(),
        &[
            "check",
            "--format",
            "sarif",
            "fixtures/drafts/amazon-anthropic-clean.md",
        ],
        None,
    );
    assert_eq!(code(&out), 0);
    let v = parse_json(&out);
    assert_valid_sarif(&v);
    assert_eq!(v["runs"][0]["results"], Value::Array(vec![]));
}

#[test]
fn the_sarif_check_can_fail() {
    // The validator rejects what code scanning would reject.
    let bad = serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": { "name": "factlint" } },
                   "results": [{ "message": { "text": "x" }, "level": "fatal" }] }]
    });
    assert!(!sarif_validator().is_valid(&bad));
}

#[test]
fn github_output_is_one_workflow_command_per_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "factlint.toml", "[rules]\nstale-value = \"warning\"\n");
    write(
        d,
        "a, b.md",
        "---\ndate: 2024-11-22\n---\nAmazon's total investment in Anthropic stands at $4 billion.\n\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let out = run_in(d, &["check", "--format", "github", "a, b.md"], None);
    assert_eq!(code(&out), 1);
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(
        lines[0],
        "::warning file=a%2C b.md,line=4,col=50,endLine=4,endColumn=60,title=factlint stale-value::stated $4 billion, but Amazon's total investment in Anthropic was $8 billion on 2024-11-22; $4 billion held from 2024-03-27 to 2024-11-21%0Asource: https://qz.com/amazon-invest-4-billion-ai-startup-anthropic-model-chip-1851705944"
    );
    assert!(
        lines[1].starts_with(
            "::error file=a%2C b.md,line=6,col=36,endLine=6,endColumn=46,title=factlint value-mismatch::stated $9 billion"
        ),
        "{}",
        lines[1]
    );
}

#[test]
fn stdin_is_named_by_stdin_filename_and_configured_for_that_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "factlint.toml",
        "[[overrides]]\nfiles = [\"notes/**\"]\nrules = { value-mismatch = \"warning\" }\n",
    );
    std::fs::create_dir_all(d.join("notes")).expect("mkdir");
    let out = run_in(
        d,
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "notes/draft.md",
            "-",
        ],
        Some(WRONG),
    );
    let v = parse_json(&out);
    assert_eq!(
        findings(&v),
        vec![f("notes/draft.md", "value-mismatch", "warning", 4)],
        "{v:#}"
    );
    assert_eq!(code(&out), 0);
    // Another path, another override: the default severity.
    let out = run_in(
        d,
        &[
            "check",
            "--format",
            "short",
            "--stdin-filename",
            "posts/draft.md",
            "-",
        ],
        Some(WRONG),
    );
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).starts_with("posts/draft.md:4:36: error[value-mismatch]: stated $9 billion"),
        "{}",
        stdout(&out)
    );
    // Without a name, `<stdin>`; human output quotes the line.
    let out = run_in(d, &["check", "-"], Some(WRONG));
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("┌─ <stdin>:4:36"), "{}", stdout(&out));
    // `include` / `exclude` apply to the named path; an unnamed draft is always checked.
    write(d, "factlint.toml", "include = [\"posts/**\"]\n");
    let out = run_in(
        d,
        &["check", "--stdin-filename", "notes/x.md", "-"],
        Some(WRONG),
    );
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("note: notes/x.md: skipped: excluded"),
        "{}",
        stderr(&out)
    );
    let out = run_in(d, &["check", "--format", "short", "-"], Some(WRONG));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // Bad uses.
    assert_eq!(code(&run_in(d, &["check", "-", "x.md"], Some(WRONG))), 2);
    assert_eq!(
        code(&run_in(
            d,
            &["check", "--stdin-filename", "a.md", "x.md"],
            None
        )),
        2
    );
    let out = run_in(d, &["check", "--format", "json", "-"], Some("bad \u{0}"));
    assert_eq!(code(&out), 0, "a binary input is skipped");
}

#[test]
fn init_writes_both_files_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let out = run_in(d, &["init"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().take(2).collect::<Vec<_>>(),
        vec!["wrote factlint.toml", "wrote facts/example.toml"]
    );
    let config = std::fs::read_to_string(d.join("factlint.toml")).expect("written");
    assert!(config.contains("facts = [\"facts\"]"));
    // The new configuration and fact file work as they are.
    let out = run_in(d, &["facts", "check"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    write(d, "a.md", WRONG);
    assert_eq!(code(&run_in(d, &["check", "a.md"], None)), 1);
    // A second run changes nothing and says why.
    std::fs::write(d.join("factlint.toml"), "# mine\n").expect("write");
    let out = run_in(d, &["init"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("factlint.toml already exists"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("factlint.toml")).expect("kept"),
        "# mine\n"
    );
    // Only the fact file exists: nothing is written either.
    let other = tempfile::tempdir().expect("tempdir");
    write(other.path(), "facts/example.toml", "# mine\n");
    assert_eq!(code(&run_in(other.path(), &["init"], None)), 2);
    assert!(!other.path().join("factlint.toml").exists());
}

#[test]
fn facts_schema_json_is_current() {
    let out = run_in(&root(), &["schema"], None);
    assert_eq!(code(&out), 0);
    let committed = std::fs::read_to_string(root().join("facts.schema.json"))
        .expect("facts.schema.json is committed");
    assert!(
        committed == stdout(&out),
        "facts.schema.json is out of date: regenerate it with `cargo run -- schema > facts.schema.json`"
    );
    let schema: Value = serde_json::from_str(&committed).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    // Every built-in fact file, read as TOML, is valid against it.
    for entry in std::fs::read_dir(root().join("facts")).expect("facts/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let value: toml::Value = toml::from_str(&text).expect("TOML");
        let json = serde_json::to_value(&value).expect("as JSON");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
    // And an unknown key is not.
    let bad: toml::Value =
        toml::from_str("[[entity]]\nid = \"x\"\nnames = [\"X\"]\nnicknames = []\n").expect("TOML");
    assert!(!validator.is_valid(&serde_json::to_value(&bad).expect("JSON")));
}

#[test]
fn rules_rule_and_completions() {
    let out = run_in(&root(), &["rules"], None);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids.len(), factlint::base::rule_id::RuleId::COUNT, "{text}");
    assert!(
        text.contains("value-mismatch         error    a stated amount"),
        "{text}"
    );
    assert!(text.contains("expired-suppression    warning  "), "{text}");
    let out = run_in(&root(), &["rule", "stale-value"], None);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.starts_with("stale-value (default: error)\n"), "{text}");
    assert!(
        text.contains("## Example that fires") && text.contains("## Example that does not fire")
    );
    let out = run_in(&root(), &["rule", "no-such-rule"], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown rule id `no-such-rule`"));
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef factlint"),
        ("fish", "complete -c factlint"),
    ] {
        let out = run_in(&root(), &["completions", shell], None);
        assert_eq!(code(&out), 0);
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("fail-on"),
            "{shell} completes check's options"
        );
    }
}

#[test]
fn corpus_findings_obey_configured_severities_and_suppression_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a-globex-2025.md", "b-globex-2025.md"] {
        let text =
            std::fs::read_to_string(root().join("fixtures/corpus").join(name)).expect("fixture");
        write(dir.path(), name, &text);
    }
    let b = "./b-globex-2025.md";
    // As shipped: one warning on the later document.
    let out = run_in(dir.path(), &["check", "--format", "json", "."], None);
    assert_eq!(
        findings(&parse_json(&out)),
        vec![f(b, "corpus-contradiction", "warning", 10)]
    );
    // Raised to an error by the configuration.
    write(
        dir.path(),
        "factlint.toml",
        "[rules]\ncorpus-contradiction = \"error\"\n",
    );
    let out = run_in(dir.path(), &["check", "--format", "json", "."], None);
    assert_eq!(
        findings(&parse_json(&out)),
        vec![f(b, "corpus-contradiction", "error", 10)]
    );
    assert_eq!(code(&out), 1);
    // Turned off by the configuration.
    write(
        dir.path(),
        "factlint.toml",
        "[rules]\ncorpus-contradiction = \"off\"\n",
    );
    let out = run_in(dir.path(), &["check", "--format", "json", "."], None);
    assert_eq!(findings(&parse_json(&out)), vec![]);
    // Turned off for the other document only ("a-*"), or for the document that
    // disagrees only ("b-*"): the one it is off for takes no part, so nothing is
    // reported either way.
    for glob in ["a-*.md", "b-*.md"] {
        write(
            dir.path(),
            "factlint.toml",
            &format!(
                "[[overrides]]\nfiles = [\"{glob}\"]\nrules = {{ corpus-contradiction = \"off\" }}\n"
            ),
        );
        let out = run_in(dir.path(), &["check", "--format", "json", "."], None);
        assert_eq!(
            findings(&parse_json(&out)),
            vec![],
            "{glob}: {}",
            stdout(&out)
        );
    }
    // Hidden by a comment on the line before, in the document that carries it.
    std::fs::remove_file(dir.path().join("factlint.toml")).expect("rm");
    let text = std::fs::read_to_string(dir.path().join(b)).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let mut hidden = lines[..9].join("\n");
    hidden.push_str("\n<!-- factlint-disable-next-line corpus-contradiction -->\n");
    hidden.push_str(&lines[9..].join("\n"));
    hidden.push('\n');
    write(dir.path(), b, &hidden);
    let out = run_in(dir.path(), &["check", "--format", "json", "."], None);
    assert_eq!(findings(&parse_json(&out)), vec![], "{}", stdout(&out));
}

/// `factlint check .` in CI: paths without `./`, as GitHub attaches annotations only to
/// paths relative to the checkout; SARIF URIs relative to `%SRCROOT%`.
#[test]
fn ci_formats_show_paths_relative_to_the_working_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "drafts/x.md",
        "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let abs = d.join("drafts/x.md");
    for args in [
        vec!["check", "--format", "github", "."],
        vec!["check", "--format", "github", "./drafts"],
        vec!["check", "--format", "github", abs.to_str().expect("path")],
    ] {
        let out = run_in(d, &args, None);
        assert_eq!(code(&out), 1, "{args:?}");
        let text = stdout(&out);
        let line = text.lines().next().expect("one annotation");
        let expected = "::error file=drafts/x.md,line=4,col=36,endLine=4,endColumn=46,title=factlint value-mismatch::stated $9 billion";
        assert_eq!(
            line.chars()
                .take(expected.chars().count())
                .collect::<String>(),
            expected,
            "{args:?}"
        );
    }
    let out = run_in(d, &["check", "--format", "sarif", "."], None);
    let v = parse_json(&out);
    assert_valid_sarif(&v);
    let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(loc["uri"], "drafts/x.md");
    assert_eq!(loc["uriBaseId"], "%SRCROOT%");
    let fix = &v["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["artifactLocation"];
    assert_eq!(fix["uri"], "drafts/x.md");
}

/// A configuration that cannot be used still gives a whole JSON or SARIF document.
#[test]
fn config_errors_give_whole_machine_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a.md", "Hello.\n");
    write(
        d,
        "factlint.toml",
        "date = \"2024-11-22\"\nfacts = [\"nope\"]\n",
    );
    let out = run_in(d, &["check", "--format", "json", "a.md"], None);
    assert_eq!(code(&out), 2);
    let v = parse_json(&out);
    assert_eq!(v["errors"][0]["path"], "factlint.toml", "{v:#}");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .expect("message")
            .starts_with("2:10: cannot read fact file"),
        "{v:#}"
    );
    let out = run_in(d, &["check", "--format", "sarif", "a.md"], None);
    assert_eq!(code(&out), 2);
    let v = parse_json(&out);
    assert_valid_sarif(&v);
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    write(d, "factlint.toml", "date = [\n");
    for format in ["json", "sarif"] {
        let out = run_in(d, &["check", "--format", format, "a.md"], None);
        assert_eq!(code(&out), 2);
        assert!(!out.stdout.is_empty(), "{format}");
        let v = parse_json(&out);
        if format == "sarif" {
            assert_valid_sarif(&v);
        } else {
            assert_eq!(v["errors"][0]["path"], "factlint.toml");
        }
    }
}

/// `missing-date`: a warning by default, an error with `require-date = true`, its
/// severity set by `[rules]`; `date-format` reads `22/11/2024`; a bad format is exit 2.
#[test]
fn missing_date_require_date_and_date_format() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let stale = "Amazon's total investment in Anthropic stands at $4 billion.\n";
    write(dir.path(), "undated.md", stale);
    write(
        dir.path(),
        "slash.md",
        &format!("---\ndate: 22/11/2024\n---\n{stale}"),
    );
    write(
        dir.path(),
        "written.md",
        &format!(
            "---\ntitle: \"Amazon: $8 billion\" # a comment\ndate: \"November 22, 2024\"\n---\n{stale}"
        ),
    );
    let check = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.extend(["slash.md", "undated.md", "written.md"]);
        let out = run_in(dir.path(), &all, None);
        (findings(&parse_json(&out)), code(&out), parse_json(&out))
    };
    // Each configuration with what it gives, in file order; every case exits 1.
    // No configuration: two undated drafts (one unreadable), one dated in words.
    // `date-format` reads the slashed day; `require-date` makes the rest an error.
    type Finding = (String, String, String, u64);
    let cases: [(&str, [Finding; 3]); 2] = [
        (
            "",
            [
                f("slash.md", "missing-date", "warning", 2),
                f("undated.md", "missing-date", "warning", 1),
                f("written.md", "stale-value", "error", 5),
            ],
        ),
        (
            "date-format = \"%d/%m/%Y\"\nrequire-date = true\n",
            [
                f("slash.md", "stale-value", "error", 4),
                f("undated.md", "missing-date", "error", 1),
                f("written.md", "stale-value", "error", 5),
            ],
        ),
    ];
    for (config, want) in cases {
        // The first case has no factlint.toml at all (none is written before it).
        if !config.is_empty() {
            write(dir.path(), "factlint.toml", config);
        }
        let (got, exit, v) = check(&[]);
        assert_eq!(got, want, "with factlint.toml {config:?}");
        assert_eq!(exit, 1, "with factlint.toml {config:?}");
        if config.is_empty() {
            assert_eq!(
                v["diagnostics"][0]["message"],
                "front matter `date` is not a date factlint can read (`22/11/2024`): no article date, so the time-dependent checks (stale-value, anachronism, relative-date, lineup-mismatch) were skipped"
            );
        }
    }
    // `[rules]` wins over `require-date`; `--date` dates the undated draft.
    write(
        dir.path(),
        "factlint.toml",
        "require-date = true\n[rules]\nmissing-date = \"info\"\n",
    );
    let (got, _, _) = check(&[]);
    assert_eq!(got[1], f("undated.md", "missing-date", "info", 1));
    let (got, _, _) = check(&["--date", "2024-11-22"]);
    assert!(
        got.contains(&f("undated.md", "stale-value", "error", 1))
            && !got
                .iter()
                .any(|g| g.0 == "undated.md" && g.1 == "missing-date"),
        "{got:?}"
    );
    // A format that gives no whole day is a configuration error.
    write(dir.path(), "factlint.toml", "date-format = \"%m/%Y\"\n");
    let out = run_in(dir.path(), &["check", "."], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("`date-format` `%m/%Y` does not give a whole day"),
        "{}",
        stderr(&out)
    );
}

/// A fact file of the user's keeps its real location, in SARIF (a related location
/// relative to `%SRCROOT%`) and in text output; the built-in base's name is not used.
#[test]
fn user_fact_files_keep_their_locations_in_sarif_and_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "facts/ours.toml", common::OWN_FACTS);
    write(
        dir.path(),
        "draft.md",
        "---\ndate: 2025-06-01\n---\nHooli's seed investment in Initech was $45 million.\n",
    );
    let args = |format: &'static str| {
        [
            "check",
            "--no-default-facts",
            "--facts",
            "facts/ours.toml",
            "--format",
            format,
            "--color",
            "never",
            "draft.md",
        ]
    };
    let out = run_in(dir.path(), &args("sarif"), None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = parse_json(&out);
    assert_valid_sarif(&v);
    let r = &v["runs"][0]["results"][0];
    let related = r["relatedLocations"].as_array().expect("related locations");
    assert_eq!(related.len(), 1, "{r:#}");
    let loc = &related[0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"],
        serde_json::json!({"uri": "facts/ours.toml", "uriBaseId": "%SRCROOT%"})
    );
    let amount_line = common::OWN_FACTS
        .lines()
        .position(|l| l.starts_with("amount = "))
        .expect("amount line")
        + 1;
    assert_eq!(loc["region"]["startLine"], amount_line);
    assert_eq!(loc["region"]["startColumn"], 10);
    assert_eq!(related[0]["message"]["text"], "the fact: $40 million");
    let message = r["message"]["text"].as_str().expect("message");
    assert!(!message.contains("built-in"), "{message}");

    let out = run_in(dir.path(), &args("human"), None);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("┌─ facts/ours.toml:{amount_line}:10")),
        "{text}"
    );
    assert!(!text.contains("<built-in>"), "{text}");
}
