//! A fact base that lies is refused: each planted inconsistency gives a codespan error
//! (`error[fact-base]`) that points at the exact place in the TOML, and exit code 2,
//! from `facts check` and from `check` (where nothing is checked).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// A fact base that agrees with itself; each test plants one lie in it.
const GOOD: &str = r#"[meta]
checked = "2026-11-26"

[[entity]]
id = "hooli"
names = ["Hooli", "Hooli XYZ"]

[[entity]]
id = "initech"
names = ["Initech"]

[[event]]
id = "hooli-initech/seed"
what = "Hooli's seed investment in Initech"
date = "2025-02-03"
entities = ["hooli", "initech"]
cues = ["seed"]
amount = "$40 million"
source = "https://example.org/our-own-notes"

[[event]]
id = "hooli-initech/series-a"
what = "Hooli's series A investment in Initech"
date = "2025-06-10"
entities = ["hooli", "initech"]
cues = ["series a"]
amount = "$60 million"
source = "https://example.org/our-own-notes"

[[quantity]]
id = "hooli-initech/total"
what = "Hooli's total investment in Initech"
entities = ["hooli", "initech"]
cues = ["total"]
sum-of = ["hooli-initech/seed", "hooli-initech/series-a"]
values = [
  { value = "$40 million", from = "2025-02-03" },
  { value = "$100 million", from = "2025-06-10" },
]
source = "https://example.org/our-own-notes"
"#;

/// The 1-based line and column of the `nth` (0-based) occurrence of `needle`.
fn position(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} is in the fact file"))
        .0;
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
    (line, col)
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("lies.toml");
    std::fs::write(&p, text).expect("write");
    p
}

/// Plants a lie (replaces `from` by `to` in the good base) and checks that both
/// commands refuse the base with `message`, pointing at the `nth` occurrence of `at`.
#[track_caller]
fn refused(from: &str, to: &str, message: &str, at: &str, nth: usize) {
    assert!(GOOD.contains(from), "the good base holds `{from}`");
    let lies = GOOD.replacen(from, to, 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), &lies);
    let p = path.to_str().expect("utf-8 path");
    let (line, col) = position(&lies, at, nth);

    let out = factlint(&[
        "facts",
        "check",
        "--no-default-facts",
        "--color",
        "never",
        p,
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("error[fact-base]: {message}\n")),
        "want `{message}` in:\n{err}"
    );
    assert!(
        err.contains(&format!("lies.toml:{line}:{col}\n")),
        "want lies.toml:{line}:{col} in:\n{err}"
    );
    assert!(err.contains("nothing was checked"), "{err}");

    // `check` refuses the same base and checks nothing; JSON names the place.
    let draft = dir.path().join("d.md");
    std::fs::write(
        &draft,
        "Hooli's seed investment in Initech was $40 million.\n",
    )
    .expect("write");
    let out = factlint(&[
        "check",
        "--no-default-facts",
        "--format",
        "json",
        "--facts",
        p,
        draft.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["files_checked"], 0);
    let errors = v["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["message"]
            .as_str()
            .is_some_and(|m| m == format!("{line}:{col}: {message}"))
            && e["path"].as_str().is_some_and(|p| p.ends_with("lies.toml"))),
        "want {line}:{col}: {message} in {v:#}"
    );
}

#[test]
fn the_good_base_is_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), GOOD);
    let out = factlint(&[
        "facts",
        "check",
        "--no-default-facts",
        path.to_str().expect("path"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn builtin_base_passes_facts_check() {
    let out = factlint(&["facts", "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("fact base ok:"));
}

#[test]
fn duplicate_ids() {
    refused(
        "id = \"hooli-initech/series-a\"",
        "id = \"hooli-initech/seed\"",
        "duplicate id `hooli-initech/seed`",
        "\"hooli-initech/seed\"",
        1,
    );
}

#[test]
fn an_entity_id_that_is_also_a_fact_id() {
    refused(
        "id = \"initech\"",
        "id = \"hooli-initech/seed\"",
        "duplicate id `hooli-initech/seed`",
        "\"hooli-initech/seed\"",
        1,
    );
}

#[test]
fn the_same_name_on_two_entities() {
    refused(
        "names = [\"Initech\"]",
        "names = [\"Initech\", \"hooli xyz\"]",
        "the name `hooli xyz` is already a name of `hooli`",
        "\"hooli xyz\"",
        0,
    );
}

#[test]
fn an_unknown_id_in_sum_of() {
    refused(
        "sum-of = [\"hooli-initech/seed\", \"hooli-initech/series-a\"]",
        "sum-of = [\"hooli-initech/seed\", \"hooli-initech/series-b\"]",
        "unknown fact id `hooli-initech/series-b`",
        "\"hooli-initech/series-b\"",
        0,
    );
}

#[test]
fn an_unknown_entity_id() {
    refused(
        "entities = [\"hooli\", \"initech\"]\ncues = [\"series a\"]",
        "entities = [\"hooli\", \"initrode\"]\ncues = [\"series a\"]",
        "unknown entity id `initrode`",
        "\"initrode\"",
        0,
    );
}

#[test]
fn a_fact_with_no_entity_points_at_its_id() {
    refused(
        "entities = [\"hooli\", \"initech\"]\ncues = [\"series a\"]",
        "entities = []\ncues = [\"series a\"]",
        "`hooli-initech/series-a` names no entity",
        "\"hooli-initech/series-a\"",
        0,
    );
}

#[test]
fn parts_that_do_not_add_up_to_the_total_of_the_same_date() {
    refused(
        "{ value = \"$100 million\", from = \"2025-06-10\" }",
        "{ value = \"$110 million\", from = \"2025-06-10\" }",
        "`hooli-initech/total` is $110 million on 2025-06-10, but its parts add up to $100 million ($40 million + $60 million)",
        "\"$110 million\"",
        0,
    );
}

#[test]
fn values_out_of_date_order() {
    refused(
        "{ value = \"$100 million\", from = \"2025-06-10\" }",
        "{ value = \"$100 million\", from = \"2025-01-10\" }",
        "values of `hooli-initech/total` are out of date order: 2025-01-10 comes after 2025-02-03",
        "\"2025-01-10\"",
        0,
    );
}

#[test]
fn a_malformed_date() {
    refused(
        "date = \"2025-06-10\"",
        "date = \"2025-06-31\"",
        "`2025-06-31` is not a date (write a day `2024-03-27`, a month `2023-10` or a year `2023`)",
        "\"2025-06-31\"",
        0,
    );
}

#[test]
fn a_malformed_amount() {
    refused(
        "amount = \"$60 million\"",
        "amount = \"sixty-ish million\"",
        "cannot read `sixty-ish million` as an amount, count or percentage",
        "\"sixty-ish million\"",
        0,
    );
}

#[test]
fn a_fact_with_no_source() {
    refused(
        "amount = \"$60 million\"\nsource = \"https://example.org/our-own-notes\"\n",
        "amount = \"$60 million\"\n",
        "`hooli-initech/series-a` has no source",
        "\"hooli-initech/series-a\"",
        0,
    );
}

#[test]
fn a_fact_with_an_empty_source() {
    refused(
        "amount = \"$60 million\"\nsource = \"https://example.org/our-own-notes\"\n",
        "amount = \"$60 million\"\nsource = \"  \"\n",
        "`hooli-initech/series-a` has an empty source",
        "\"  \"",
        0,
    );
}

#[test]
fn malformed_toml_points_at_the_error() {
    refused(
        "cues = [\"total\"]",
        "cues = [\"total\"",
        "cannot read fact file: missing comma between array elements, expected `,`",
        "sum-of",
        0,
    );
}

#[cfg(unix)]
#[test]
fn a_fact_file_that_is_a_device_or_not_utf8_is_an_error() {
    let out = factlint(&["facts", "check", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot read fact file /dev/zero: not a regular file\n"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, b"[meta]\ntitle = \"\xff\"\n").expect("write");
    let out = factlint(&["facts", "check", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.ends_with("bad.toml: invalid UTF-8 at byte 16\n"),
        "{err}"
    );
}

#[test]
fn an_id_with_a_line_break_is_refused_in_one_line() {
    // Found by the facts_load fuzz target: the id was quoted with its line break.
    refused(
        "id = \"initech\"",
        "id = \"init\\nech\"",
        "`init\\nech` is not a valid id",
        "\"init\\nech\"",
        0,
    );
}
