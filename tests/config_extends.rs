//! End-to-end tests of configurations that build on others (`extends`), of what merges
//! and what replaces, and of `extensions` (more file types read as Markdown).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{code, write};

fn run(cwd: &Path, args: &[&str]) -> Output {
    common::run_in(cwd, args, None)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// (path, rule, severity) of every finding of a JSON run.
fn findings(out: &Output) -> Vec<(String, String, String)> {
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(out), stderr(out)));
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
                d["severity"].as_str().expect("severity").to_string(),
            )
        })
        .collect()
}

fn f(path: &str, rule: &str, severity: &str) -> (String, String, String) {
    (path.into(), rule.into(), severity.into())
}

/// A value-mismatch against the built-in base: the total was $8 billion on its date.
const WRONG: &str =
    "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n";

/// A fact file of our own: `investor`'s seed investment of `amount` in `startup` on
/// 2025-02-03.
fn seed_fact(investor: &str, startup: &str, amount: &str) -> String {
    let (i, s) = (investor.to_lowercase(), startup.to_lowercase());
    format!(
        "[[entity]]\nid = \"{i}\"\nnames = [\"{investor}\"]\n\n\
         [[entity]]\nid = \"{s}\"\nnames = [\"{startup}\"]\n\n\
         [[event]]\nid = \"{i}-{s}/seed\"\nwhat = \"{investor}'s seed investment in {startup}\"\n\
         date = \"2025-02-03\"\nentities = [\"{i}\", \"{s}\"]\ncues = [\"seed\", \"invest\"]\n\
         amount = \"{amount}\"\nsource = \"https://example.org/our-own-notes\"\n"
    )
}

#[test]
fn a_chain_of_extends_merges_facts_and_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // Root: its own facts, value-mismatch as a warning, stale-value off.
    write(
        d,
        "factlint.toml",
        "facts = [\"facts\"]\n[rules]\nvalue-mismatch = \"warning\"\nstale-value = \"off\"\n",
    );
    write(
        d,
        "facts/hooli.toml",
        &seed_fact("Hooli", "Initech", "$40 million"),
    );
    // Middle: extends the root, adds its own fact file.
    write(
        d,
        "team/factlint.toml",
        "extends = \"../factlint.toml\"\nfacts = [\"team-facts.toml\"]\n",
    );
    write(
        d,
        "team/team-facts.toml",
        &seed_fact("Globex", "Vandelay", "$20 million"),
    );
    // Leaf: extends the middle (a list), makes value-mismatch an error again.
    write(
        d,
        "team/news/factlint.toml",
        "extends = [\"../factlint.toml\"]\n[rules]\nvalue-mismatch = \"error\"\n",
    );
    let draft = "---\ndate: 2025-06-01\n---\n\
        Hooli's seed investment in Initech was $45 million.\n\n\
        Globex's seed investment in Vandelay was $25 million.\n";
    write(d, "team/news/a.md", draft);
    write(d, "team/b.md", draft);
    let out = run(d, &["check", "--format", "json", "."]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let got = findings(&out);
    // Both fact files are used in both folders (facts merge), the leaf's severity
    // replaces the root's for its own rule.
    let mismatches: Vec<_> = got
        .iter()
        .filter(|(_, r, _)| r == "value-mismatch")
        .cloned()
        .collect();
    assert_eq!(
        mismatches,
        [
            f("team/b.md", "value-mismatch", "warning"),
            f("team/b.md", "value-mismatch", "warning"),
            f("team/news/a.md", "value-mismatch", "error"),
            f("team/news/a.md", "value-mismatch", "error"),
        ],
        "{}",
        stderr(&out)
    );
    // `factlint config` shows the chain and the merged facts.
    let shown = run(d, &["config", "team/news/a.md"]);
    assert_eq!(code(&shown), 0, "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(
        text.contains("# configuration: team/news/factlint.toml"),
        "{text}"
    );
    assert!(text.contains("# extends: factlint.toml"), "{text}");
    assert!(text.contains("# extends: team/factlint.toml"), "{text}");
    assert!(
        text.contains("facts = [\"facts\", \"team/team-facts.toml\"]"),
        "{text}"
    );
    assert!(text.contains("stale-value = \"off\""), "{text}");
    assert!(text.contains("value-mismatch = \"error\""), "{text}");
}

#[test]
fn without_extends_the_nearest_configuration_still_replaces() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "factlint.toml",
        "[rules]\nvalue-mismatch = \"warning\"\n",
    );
    write(d, "sub/factlint.toml", "require-date = false\n");
    write(d, "sub/a.md", WRONG);
    let out = run(d, &["check", "--format", "json", "."]);
    assert_eq!(findings(&out), [f("sub/a.md", "value-mismatch", "error")]);
    // `factlint config` says that the parent's file does not apply.
    let shown = run(d, &["config", "sub/a.md"]);
    assert!(
        stdout(&shown).contains(
            "# note: factlint.toml is in a parent folder and not extended: none of its settings apply here"
        ),
        "{}",
        stdout(&shown)
    );
    write(d, "sub/factlint.toml", "extends = \"../factlint.toml\"\n");
    let shown = run(d, &["config", "sub/a.md"]);
    assert!(!stdout(&shown).contains("# note:"), "{}", stdout(&shown));
    assert!(
        stdout(&shown).contains("value-mismatch = \"warning\""),
        "{}",
        stdout(&shown)
    );
}

#[test]
fn keys_that_replace_take_the_extending_files_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // The parent excludes `old/` and dates undated drafts; the child sets its own
    // exclude (which replaces the parent's) and inherits the date.
    write(
        d,
        "base/factlint.toml",
        "exclude = [\"old\"]\ndate = \"2024-11-22\"\n",
    );
    write(
        d,
        "site/factlint.toml",
        "extends = \"../base/factlint.toml\"\nexclude = [\"drafts\"]\n",
    );
    let undated = "# Note\nAmazon has now invested a total of $9 billion in Anthropic.\n";
    write(d, "site/old/a.md", undated);
    write(d, "site/drafts/b.md", undated);
    let out = run(d, &["check", "--format", "json", "site"]);
    assert_eq!(
        findings(&out),
        [f("site/old/a.md", "value-mismatch", "error")],
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_cycle_of_extends_is_an_error_naming_the_chain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a/factlint.toml", "extends = \"../b/factlint.toml\"\n");
    write(
        d,
        "b/factlint.toml",
        "\n\nextends = [\"../a/factlint.toml\"]\n",
    );
    write(d, "a/x.md", WRONG);
    let out = run(d, &["check", "a"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "`extends` makes a cycle: a/factlint.toml -> b/factlint.toml -> a/factlint.toml"
        ),
        "{err}"
    );
    assert!(err.contains("b/factlint.toml:3:"), "{err}");
    // JSON gets a whole document with the error, at its line.
    let out = run(d, &["check", "--format", "json", "a"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("a JSON document");
    assert_eq!(v["errors"][0]["path"], "b/factlint.toml", "{v}");
    let message = v["errors"][0]["message"].as_str().expect("message");
    assert!(message.starts_with("3:12: `extends` makes a cycle"), "{v}");
}

#[test]
fn a_missing_extended_file_is_an_error_naming_it_and_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "factlint.toml",
        "# shared settings\nextends = [\"shared.toml\", \"nope/factlint.toml\"]\n",
    );
    write(d, "shared.toml", "date = \"2024-11-22\"\n");
    write(d, "a.md", WRONG);
    let out = run(d, &["check", "a.md"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cannot read `nope/factlint.toml` (named by `extends`"),
        "{err}"
    );
    assert!(err.contains("factlint.toml:2:27"), "{err}");
}

#[test]
fn an_error_in_an_extended_file_names_that_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "factlint.toml", "extends = \"base.toml\"\n");
    write(d, "base.toml", "[rules]\nno-such-rule = \"off\"\n");
    write(d, "a.md", WRONG);
    let out = run(d, &["check", "a.md"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("base.toml:2:1"), "{}", stderr(&out));
}

#[test]
fn a_missing_fact_file_of_an_extended_file_points_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "sub/factlint.toml", "extends = \"../factlint.toml\"\n");
    write(d, "factlint.toml", "# facts\nfacts = [\"missing.toml\"]\n");
    write(d, "sub/a.md", WRONG);
    let out = run(d, &["check", "sub"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("cannot read fact file missing.toml"), "{err}");
    assert!(err.contains("factlint.toml:2:"), "{err}");
    assert!(!err.contains("sub/factlint.toml:"), "{err}");
}

#[test]
fn extensions_add_file_types_to_a_walk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "notes/a.qmd", WRONG);
    write(d, "notes/b.Rmd", WRONG);
    write(d, "notes/c.txt", WRONG);
    // Without the setting, only Markdown files are walked.
    let out = run(d, &["check", "--format", "json", "."]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(findings(&out), []);
    write(d, "factlint.toml", "extensions = [\".qmd\", \"rmd\"]\n");
    let out = run(d, &["check", "--format", "json", "."]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        findings(&out),
        [
            f("notes/a.qmd", "value-mismatch", "error"),
            f("notes/b.Rmd", "value-mismatch", "error"),
        ]
    );
    // An extension that is not one is an error at its place.
    write(d, "factlint.toml", "extensions = [\"*.qmd\"]\n");
    let out = run(d, &["check", "."]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("factlint.toml:1:15"),
        "{}",
        stderr(&out)
    );
}
