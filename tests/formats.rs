//! `--format gitlab` (GitLab Code Quality) and `--format rdjson` (reviewdog), run
//! through the binary and validated against their published shapes
//! (`tests/schemas/`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{code, factlint, root, run_in, write};

fn parse(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn validate(schema_file: &str, v: &Value) {
    let text = std::fs::read_to_string(root().join("tests/schemas").join(schema_file))
        .expect("the schema is committed");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_file}: {errors:#?}\n{v:#}");
}

/// Validates a Code Quality report and checks what GitLab needs beyond the schema:
/// unique fingerprints, relative paths without `./`.
fn assert_valid_gitlab(v: &Value) {
    validate("gitlab-codequality.schema.json", v);
    let issues = v.as_array().expect("an array");
    let prints: BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint"))
        .collect();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique: {v:#}");
    for i in issues {
        let path = i["location"]["path"].as_str().expect("path");
        assert!(!path.starts_with("./") && !path.starts_with('/'), "{path}");
    }
}

/// Validates a `DiagnosticResult` and checks what reviewdog needs to post a finding.
fn assert_valid_rdjson(v: &Value) {
    validate("rdjson-DiagnosticResult.json", v);
    assert_eq!(v["source"]["name"], "factlint");
    for d in v["diagnostics"].as_array().expect("diagnostics") {
        assert!(!d["message"].as_str().expect("message").is_empty());
        let path = d["location"]["path"].as_str().expect("path");
        assert!(!path.starts_with("./") && !path.starts_with('/'), "{path}");
        assert!(
            ["ERROR", "WARNING", "INFO"].contains(&d["severity"].as_str().expect("severity")),
            "{d:#}"
        );
        assert!(d["code"]["value"].is_string(), "{d:#}");
    }
}

#[test]
fn gitlab_reports_every_finding_in_the_code_quality_shape() {
    let out = factlint(&["check", "--format", "gitlab", "./fixtures/drafts"]);
    assert_eq!(code(&out), 1);
    let v = parse(&out);
    assert_valid_gitlab(&v);
    let json = parse(&factlint(&["check", "--format", "json", "fixtures/drafts"]));
    let issues = v.as_array().expect("array");
    assert_eq!(
        issues.len(),
        json["diagnostics"].as_array().expect("diagnostics").len()
    );
    let mismatch = issues
        .iter()
        .find(|i| {
            i["location"]["path"] == "fixtures/drafts/planted-value-mismatch.md"
                && i["location"]["lines"]["begin"] == 8
        })
        .expect("the planted value-mismatch on line 8");
    assert_eq!(mismatch["check_name"], "value-mismatch");
    assert_eq!(mismatch["severity"], "major");
    assert!(
        mismatch["description"]
            .as_str()
            .expect("description")
            .starts_with("stated $2.25 billion, but Amazon's second investment"),
        "{mismatch:#}"
    );
    assert!(
        issues.iter().any(|i| i["severity"] == "minor"),
        "warnings are minor"
    );
    // Deterministic: the same bytes on every run.
    let again = factlint(&["check", "--format", "gitlab", "./fixtures/drafts"]);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn gitlab_fingerprints_survive_an_edit_above_and_tell_twins_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let body = "Amazon has now invested a total of $9 billion in Anthropic.\n\n";
    let draft = |lead: &str| format!("---\ndate: 2024-11-22\n---\n{lead}\n{body}{body}");
    write(d, "a.md", &draft(""));
    let before = parse(&run_in(d, &["check", "--format", "gitlab", "."], None));
    assert_valid_gitlab(&before);
    write(
        d,
        "a.md",
        &draft("A new first paragraph.\n\nAnd a second one.\n"),
    );
    let after = parse(&run_in(d, &["check", "--format", "gitlab", "."], None));
    assert_valid_gitlab(&after);
    let prints = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|i| i["fingerprint"].as_str().expect("fingerprint").to_string())
            .collect()
    };
    let lines = |v: &Value| -> Vec<u64> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|i| i["location"]["lines"]["begin"].as_u64().expect("line"))
            .collect()
    };
    assert_eq!(
        prints(&before).len(),
        2,
        "the same finding twice: {before:#}"
    );
    assert_eq!(prints(&before), prints(&after));
    assert_ne!(lines(&before), lines(&after));
    assert_eq!(before[0]["location"]["path"], "a.md");
}

#[test]
fn rdjson_reports_findings_with_byte_columns_and_fixes_as_suggestions() {
    let out = factlint(&["check", "--format", "rdjson", "./fixtures/drafts"]);
    assert_eq!(code(&out), 1);
    let v = parse(&out);
    assert_valid_rdjson(&v);
    let d = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| {
            d["location"]["path"] == "fixtures/drafts/planted-value-mismatch.md"
                && d["location"]["range"]["start"]["line"] == 8
        })
        .expect("the planted value-mismatch on line 8");
    assert_eq!(d["code"]["value"], "value-mismatch");
    assert_eq!(d["severity"], "ERROR");
    let start = &d["location"]["range"]["start"];
    assert_eq!(
        (start["line"].as_u64(), start["column"].as_u64()),
        (Some(8), Some(66))
    );
    let end = &d["location"]["range"]["end"];
    assert_eq!(
        (end["line"].as_u64(), end["column"].as_u64()),
        (Some(8), Some(79))
    );
    assert_eq!(d["suggestions"][0]["text"], "$2.75 billion");
    assert_eq!(d["suggestions"][0]["range"], d["location"]["range"]);
    let again = factlint(&["check", "--format", "rdjson", "./fixtures/drafts"]);
    assert_eq!(out.stdout, again.stdout);

    // Columns count UTF-8 bytes: a curly apostrophe (3 bytes) before the value.
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2024-11-22\n---\n\nAmazon\u{2019}s total investment in Anthropic stands at $4 billion.\n",
    );
    let r = parse(&run_in(
        dir.path(),
        &["check", "--format", "rdjson", "a.md"],
        None,
    ));
    assert_valid_rdjson(&r);
    let j = parse(&run_in(
        dir.path(),
        &["check", "--format", "json", "a.md"],
        None,
    ));
    let rd = &r["diagnostics"][0]["location"]["range"]["start"]["column"];
    let chars = &j["diagnostics"][0]["column"];
    assert_eq!(
        rd.as_u64().expect("column"),
        chars.as_u64().expect("column") + 2,
        "{r:#}"
    );
}

fn broken_config(dir: &Path) {
    write(dir, "a.md", "Hello.\n");
    write(
        dir,
        "factlint.toml",
        "date = \"2024-11-22\"\nfacts = [\"nope\"]\n",
    );
}

#[test]
fn a_configuration_error_is_a_whole_document_in_each_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    broken_config(d);
    let out = run_in(d, &["check", "--format", "gitlab", "a.md"], None);
    assert_eq!(code(&out), 2);
    let v = parse(&out);
    assert_valid_gitlab(&v);
    assert_eq!(v[0]["check_name"], "factlint-error");
    assert_eq!(v[0]["severity"], "blocker");
    assert_eq!(v[0]["location"]["path"], "factlint.toml");
    assert_eq!(v[0]["location"]["lines"]["begin"], 2);
    assert!(
        v[0]["description"]
            .as_str()
            .expect("description")
            .contains("cannot read fact file"),
        "{v:#}"
    );
    let out = run_in(d, &["check", "--format", "rdjson", "a.md"], None);
    assert_eq!(code(&out), 2);
    let v = parse(&out);
    assert_valid_rdjson(&v);
    let e = &v["diagnostics"][0];
    assert_eq!(e["code"]["value"], "factlint-error");
    assert_eq!(e["location"]["path"], "factlint.toml");
    assert_eq!(e["location"]["range"]["start"]["line"], 2);
    // Malformed TOML, and a broken fact base.
    write(d, "factlint.toml", "date = [\n");
    for format in ["gitlab", "rdjson"] {
        let out = run_in(d, &["check", "--format", format, "a.md"], None);
        assert_eq!(code(&out), 2, "{format}");
        let v = parse(&out);
        if format == "gitlab" {
            assert_valid_gitlab(&v);
            assert_eq!(v.as_array().map(Vec::len), Some(1));
        } else {
            assert_valid_rdjson(&v);
            assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(1));
        }
    }
    write(d, "factlint.toml", "facts = [\"f.toml\"]\n");
    write(d, "f.toml", "[[entity]]\nid = \"x\"\n");
    let out = run_in(d, &["check", "--format", "gitlab", "a.md"], None);
    assert_eq!(code(&out), 2);
    let v = parse(&out);
    assert_valid_gitlab(&v);
    assert!(!v.as_array().expect("array").is_empty());
}

#[test]
fn an_unreadable_draft_is_reported_and_the_others_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("bad.md"), b"caf\xe9 \xff\n").expect("write");
    write(
        d,
        "good.md",
        "---\ndate: 2024-11-22\n---\n\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let out = run_in(d, &["check", "--format", "gitlab", "."], None);
    assert_eq!(code(&out), 2);
    let v = parse(&out);
    assert_valid_gitlab(&v);
    let names: Vec<(&str, &str)> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().expect("check"),
                i["location"]["path"].as_str().expect("path"),
            )
        })
        .collect();
    assert_eq!(
        names,
        [("value-mismatch", "good.md"), ("factlint-error", "bad.md")]
    );
    let out = run_in(d, &["check", "--format", "rdjson", "."], None);
    assert_eq!(code(&out), 2);
    let v = parse(&out);
    assert_valid_rdjson(&v);
    assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(2));
}

/// Parses a JUnit document and checks its structure (the common JUnit XSD's elements
/// and attributes, as GitLab and Jenkins read them): `testsuites` > `testsuite` >
/// `testcase` > at most one `failure` or `error`, every count attribute equal to what
/// it counts. Returns (suite name, testcase name, classname, failure or error message).
fn junit_cases(xml: &str) -> Vec<(String, String, String, Option<String>)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not XML ({e}): {xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let num = |n: roxmltree::Node, a: &str| -> usize {
        n.attribute(a)
            .unwrap_or_else(|| panic!("{a} on {}", n.tag_name().name()))
            .parse()
            .expect("a count")
    };
    let mut out = Vec::new();
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for suite in root.children().filter(roxmltree::Node::is_element) {
        assert_eq!(suite.tag_name().name(), "testsuite");
        let name = suite.attribute("name").expect("suite name").to_string();
        let (mut t, mut f, mut e) = (0, 0, 0);
        for case in suite.children().filter(roxmltree::Node::is_element) {
            assert_eq!(case.tag_name().name(), "testcase");
            t += 1;
            let kids: Vec<_> = case
                .children()
                .filter(roxmltree::Node::is_element)
                .collect();
            assert!(kids.len() <= 1, "one outcome per test case");
            let outcome = kids.first().map(|k| {
                match k.tag_name().name() {
                    "failure" => f += 1,
                    "error" => e += 1,
                    other => panic!("unexpected <{other}>"),
                }
                assert!(k.attribute("type").is_some());
                k.attribute("message").expect("message").to_string()
            });
            out.push((
                name.clone(),
                case.attribute("name").expect("case name").to_string(),
                case.attribute("classname").expect("classname").to_string(),
                outcome,
            ));
        }
        assert_eq!(
            (
                num(suite, "tests"),
                num(suite, "failures"),
                num(suite, "errors")
            ),
            (t, f, e)
        );
        tests += t;
        failures += f;
        errors += e;
    }
    assert_eq!(
        (
            num(root, "tests"),
            num(root, "failures"),
            num(root, "errors")
        ),
        (tests, failures, errors)
    );
    out
}

#[test]
fn junit_is_one_suite_per_file_and_one_failing_case_per_finding() {
    let out = factlint(&["check", "--format", "junit", "./fixtures/drafts"]);
    assert_eq!(code(&out), 1);
    let xml = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let cases = junit_cases(&xml);
    let json = parse(&factlint(&["check", "--format", "json", "fixtures/drafts"]));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let failing: Vec<_> = cases.iter().filter(|c| c.3.is_some()).collect();
    assert_eq!(failing.len(), diagnostics.len());
    // The messages read back exactly (apostrophes, `$`, quotes escaped and unescaped).
    for (case, d) in failing.iter().zip(diagnostics) {
        assert_eq!(case.3.as_deref(), d["message"].as_str());
        assert_eq!(case.2, d["path"].as_str().expect("path"));
    }
    // A clean file is one passing case; no path has `./`.
    assert!(cases.iter().any(|c| {
        c.0 == "fixtures/drafts/amazon-anthropic-clean.md" && c.1 == "factlint" && c.3.is_none()
    }));
    assert!(cases.iter().all(|c| !c.0.starts_with("./")));
    let again = factlint(&["check", "--format", "junit", "./fixtures/drafts"]);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn junit_escapes_paths_and_writes_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let name = "r&d <\"draft\"> 'x'.md";
    write(
        d,
        name,
        "---\ndate: 2024-11-22\n---\n\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    std::fs::write(d.join("bad.md"), b"caf\xe9\n").expect("write");
    let out = run_in(d, &["check", "--format", "junit", "."], None);
    assert_eq!(code(&out), 2);
    let cases = junit_cases(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(cases.len(), 2, "{cases:?}");
    assert_eq!(cases[0].0, name);
    assert!(cases[0].1.starts_with("value-mismatch at 5:"), "{cases:?}");
    assert_eq!(cases[1].0, "bad.md");
    assert!(cases[1].3.is_some());

    // A configuration error: one suite with an error case.
    broken_config(d);
    let out = run_in(d, &["check", "--format", "junit", "a.md"], None);
    assert_eq!(code(&out), 2);
    let cases = junit_cases(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(cases.len(), 1, "{cases:?}");
    assert_eq!(cases[0].0, "factlint");
    assert_eq!(cases[0].2, "factlint.toml");
    assert!(
        cases[0]
            .3
            .as_deref()
            .expect("error")
            .starts_with("2:10: cannot read fact file"),
        "{cases:?}"
    );
}
