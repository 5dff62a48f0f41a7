//! Hostile input: every case gets a clear one-line message and the documented exit code,
//! never a panic (exit 101) or a hang, and the other files of the run are still
//! checked. Each case runs the real binary next to a draft with one planted error
//! (`planted.md`, a `value-mismatch` on line 4) and checks that it is still found.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A draft with one planted error: `$9 billion` (the fact says $8 billion), line 4.
const PLANTED: &str =
    "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n";

fn run(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "a panic: {err}");
    assert!(out.status.code().is_some(), "killed by a signal: {err}");
    assert!(!err.contains("panicked"), "{err}");
    out
}

/// `check --format json` on `paths`: the document, the exit code and stderr.
fn json(paths: &[&Path], extra: &[&str]) -> (Value, i32, String) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let strs: Vec<&str> = paths
        .iter()
        .map(|p| p.to_str().expect("utf-8 path"))
        .collect();
    args.extend_from_slice(&strs);
    let out = run(&args);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        v,
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (file name, rule, line) of every finding.
fn findings(v: &Value) -> Vec<(String, String, u64)> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let path = d["path"].as_str().expect("path");
            let name = path.rsplit('/').next().unwrap_or(path).to_string();
            (
                name,
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn f(name: &str, rule: &str, line: u64) -> (String, String, u64) {
    (name.to_string(), rule.to_string(), line)
}

/// Every diagnostic of the file `name`: its byte span holds exactly what it found.
#[track_caller]
fn spans_hold_found(v: &Value, name: &str, bytes: &[u8]) {
    let mut seen = 0;
    for d in v["diagnostics"].as_array().expect("diagnostics") {
        if !d["path"].as_str().is_some_and(|p| p.ends_with(name)) {
            continue;
        }
        seen += 1;
        let (s, e) = (
            d["byte_start"].as_u64().expect("start") as usize,
            d["byte_end"].as_u64().expect("end") as usize,
        );
        if let Some(found) = d["found"].as_str() {
            assert_eq!(&bytes[s..e], found.as_bytes(), "{d:#}");
        }
    }
    assert!(seen > 0, "no finding in {name}");
}

fn errors(v: &Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            let path = e["path"].as_str().expect("path");
            let message = e["message"].as_str().expect("message").to_string();
            assert!(!message.contains('\n'), "one line: {message}");
            (path.rsplit('/').next().unwrap_or(path).to_string(), message)
        })
        .collect()
}

struct Dir {
    dir: tempfile::TempDir,
    planted: PathBuf,
}

fn dir() -> Dir {
    let dir = tempfile::tempdir().expect("tempdir");
    let planted = dir.path().join("planted.md");
    std::fs::write(&planted, PLANTED).expect("write");
    Dir { dir, planted }
}

impl Dir {
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }
}

const PLANTED_FINDING: (&str, &str, u64) = ("planted.md", "value-mismatch", 4);

fn planted_only() -> Vec<(String, String, u64)> {
    vec![f(PLANTED_FINDING.0, PLANTED_FINDING.1, PLANTED_FINDING.2)]
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let d = dir();
    let bad = d.write("bad.md", b"Amazon invested \xe2\x82 in 2024.\n");
    let (v, code, _) = json(&[&bad, &d.planted], &[]);
    assert_eq!(code, 2);
    assert_eq!(
        errors(&v),
        vec![("bad.md".to_string(), "invalid UTF-8 at byte 16".to_string())]
    );
    assert_eq!(findings(&v), planted_only());
    assert_eq!(v["files_checked"], 1);
}

#[test]
fn a_binary_file_named_md_is_skipped_with_a_note_in_every_format() {
    let d = dir();
    let bin = d.write("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let (v, code, err) = json(&[&bin, &d.planted], &[]);
    // Not an error: the exit code is the planted finding's.
    assert_eq!(code, 1);
    assert_eq!(errors(&v), vec![]);
    assert_eq!(v["files_checked"], 1);
    assert_eq!(findings(&v), planted_only());
    let note = "image.md: skipped: a binary file (it holds a NUL byte)";
    assert!(
        err.lines()
            .any(|l| l.starts_with("note: ") && l.ends_with(note)),
        "{err}"
    );
    for format in ["short", "human"] {
        let out = run(&[
            "check",
            "--format",
            format,
            bin.to_str().expect("path"),
            d.planted.to_str().expect("path"),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().any(|l| l.ends_with(note)), "{format}: {err}");
        assert_eq!(out.status.code(), Some(1));
    }
    // Alone, a skipped file is no failure.
    let (_, code, _) = json(&[&bin], &[]);
    assert_eq!(code, 0);
}

#[test]
fn an_empty_file_and_a_file_of_only_front_matter_are_checked_and_clean() {
    let d = dir();
    let empty = d.write("empty.md", b"");
    let only = d.write("only.md", b"---\ntitle: x\ndate: 2024-11-22\n---\n");
    let (v, code, _) = json(&[&empty, &only, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(v["files_checked"], 3);
    assert_eq!(errors(&v), vec![]);
    assert_eq!(findings(&v), planted_only());
}

#[test]
fn malformed_front_matter_gives_a_note_and_the_body_is_checked() {
    let d = dir();
    let bad = d.write(
        "bad-fm.md",
        b"---\ndate: next tuesday\ntags: [unclosed\n: : :\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n",
    );
    let (v, code, _) = json(&[&bad, &d.planted], &["--date", "2024-11-22"]);
    assert_eq!(code, 1);
    // The block is not valid YAML: it is reported on its first line, and the body is
    // checked at --date.
    assert_eq!(
        findings(&v),
        vec![
            f("bad-fm.md", "missing-date", 1),
            f("bad-fm.md", "value-mismatch", 6),
            f(PLANTED_FINDING.0, PLANTED_FINDING.1, PLANTED_FINDING.2)
        ]
    );
    let message = v["diagnostics"][0]["message"].as_str().expect("message");
    assert!(
        message.starts_with("front matter cannot be read (not valid YAML: ")
            && message
                .ends_with("; checked at 2024-11-22 (from --date or the configuration) instead"),
        "{message}"
    );
}

#[test]
fn unterminated_front_matter_is_read_as_markdown() {
    let d = dir();
    let text =
        b"---\ndate: 2024-11-22\n\nAmazon has now invested a total of $9 billion in Anthropic.\n";
    let open = d.write("open.md", text);
    // No article date comes from an unterminated block: time checks are skipped...
    let (v, code, _) = json(&[&open, &d.planted], &[]);
    assert_eq!(code, 1);
    let mut want = vec![f("open.md", "missing-date", 1)];
    want.extend(planted_only());
    assert_eq!(findings(&v), want);
    let out = run(&["check", open.to_str().expect("path")]);
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("warning[missing-date]: no article date"),
        "{out}"
    );
    // ... and with --date, the body is checked.
    let (v, _, _) = json(&[&open], &["--date", "2024-11-22"]);
    assert_eq!(findings(&v), vec![f("open.md", "value-mismatch", 4)]);
    spans_hold_found(&v, "open.md", text);
}

#[test]
fn a_bom_crlf_and_lone_cr_keep_spans_exact() {
    let d = dir();
    let lf = PLANTED.as_bytes().to_vec();
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(&lf);
    let crlf = PLANTED.replace('\n', "\r\n").into_bytes();
    let cr = PLANTED.replace('\n', "\r").into_bytes();
    let mut bom_crlf = "\u{feff}".as_bytes().to_vec();
    bom_crlf.extend_from_slice(&crlf);
    for (name, bytes) in [
        ("bom.md", bom),
        ("crlf.md", crlf),
        ("cr.md", cr),
        ("bom-crlf.md", bom_crlf),
    ] {
        let p = d.write(name, &bytes);
        let (v, code, _) = json(&[&p], &[]);
        assert_eq!(code, 1, "{name}");
        assert_eq!(findings(&v), vec![f(name, "value-mismatch", 4)], "{name}");
        assert_eq!(v["diagnostics"][0]["column"], 36, "{name}");
        assert_eq!(v["diagnostics"][0]["end_column"], 46, "{name}");
        spans_hold_found(&v, name, &bytes);
    }
}

#[test]
fn a_file_over_the_size_limit_is_skipped_with_a_note() {
    let d = dir();
    // 100 MB of prose: over the default limit of 50 MB, so never read.
    let para = "The model was trained on public data and reviewed by editors.\n\n";
    let big: Vec<u8> = para.repeat(100 * 1024 * 1024 / para.len() + 1).into_bytes();
    let size = big.len();
    let huge = d.write("huge.md", &big);
    drop(big);
    let (v, code, err) = json(&[&huge, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(v["files_checked"], 1);
    assert_eq!(errors(&v), vec![]);
    assert_eq!(findings(&v), planted_only());
    let note = format!(
        "huge.md: skipped: {size} bytes, more than the limit of 52428800 (--max-file-size)"
    );
    assert!(err.lines().any(|l| l.ends_with(&note)), "{err}");
    // The limit is configurable: the planted draft (85 bytes) is over 50 bytes, and
    // a file of exactly the limit is checked.
    assert_eq!(PLANTED.len(), 85);
    let (v, code, err) = json(&[&d.planted], &["--max-file-size", "50"]);
    assert_eq!((code, findings(&v)), (0, vec![]));
    assert!(
        err.contains("planted.md: skipped: 85 bytes, more than the limit of 50"),
        "{err}"
    );
    let (v, _, _) = json(&[&d.planted], &["--max-file-size", "85"]);
    assert_eq!(findings(&v), planted_only());
    let out = run(&["check", "--max-file-size", "-1", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_single_10_mb_line_is_checked_with_exact_columns() {
    let d = dir();
    let sentence = "The model was trained on public data and reviewed by editors. ";
    let claim = "Amazon has now invested a total of $9 billion in Anthropic.";
    let body = sentence.repeat(10_000_000 / sentence.len());
    let text = format!("---\ndate: 2024-11-22\n---\n{body}{claim}\n");
    let long = d.write("long.md", text.as_bytes());
    let (v, code, _) = json(&[&long, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&v),
        vec![
            f("long.md", "value-mismatch", 4),
            f(PLANTED_FINDING.0, PLANTED_FINDING.1, PLANTED_FINDING.2)
        ]
    );
    let col = body.len() + claim.find('$').expect("$") + 1;
    assert_eq!(v["diagnostics"][0]["column"], col as u64);
    spans_hold_found(&v, "long.md", text.as_bytes());
    // Human output does not print the 10 MB line; it says where the finding is.
    let out = run(&["check", long.to_str().expect("path")]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.len() < 10_000, "the long line was printed");
    assert!(
        s.contains(&format!("long.md:4:{col} (the line is too long to show)")),
        "{s}"
    );
}

#[test]
fn one_10_mb_sentence_is_skipped_with_a_note() {
    let d = dir();
    // No sentence ends: one "sentence" of 10 MB, far over the limit for one claim.
    let words = "amazon and anthropic said a total of $9 billion and then ";
    let text = format!(
        "---\ndate: 2024-11-22\n---\n{}\n",
        words.repeat(10_000_000 / words.len())
    );
    let run_on = d.write("run-on.md", text.as_bytes());
    let (v, code, err) = json(&[&run_on, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(findings(&v), planted_only());
    assert!(
        err.contains("run-on.md: 1 sentence(s) or table row(s) too long to check were skipped (the first on line 4)"),
        "{err}"
    );
}

#[test]
fn a_run_on_sentence_between_checked_ones_hides_neither() {
    let d = dir();
    // One paragraph: a wrong amount, 10 MB of amounts with no sentence end, then a
    // wrong amount again. The run-on is skipped with a note; the two sentences around
    // it are checked (they are read with 1 KB of the run-on as context).
    let wrong = "Amazon invested $2.25 billion in Anthropic in March 2024.";
    let run_on = "about $1 billion and then ".repeat(10_000_000 / 26);
    let text = format!("---\ndate: 2024-11-22\n---\n{wrong} Then {run_on}more. {wrong}\n");
    let path = d.write("between.md", text.as_bytes());
    let (v, code, err) = json(&[&path, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&v),
        vec![
            f("between.md", "value-mismatch", 4),
            f("between.md", "value-mismatch", 4),
            f(PLANTED_FINDING.0, PLANTED_FINDING.1, PLANTED_FINDING.2)
        ]
    );
    let line_start = text.find("Amazon").expect("the line");
    for (i, at) in [text.find("$2.25"), text.rfind("$2.25")]
        .into_iter()
        .enumerate()
    {
        let at = at.expect("the amount");
        assert_eq!(v["diagnostics"][i]["column"], (at - line_start + 1) as u64);
    }
    spans_hold_found(&v, "between.md", text.as_bytes());
    assert!(
        err.contains("between.md: 1 sentence(s) or table row(s) too long to check were skipped (the first on line 4)"),
        "{err}"
    );
}

#[test]
fn a_table_with_100000_rows() {
    let d = dir();
    let mut text =
        String::from("---\ndate: 2024-11-22\n---\n| Name | Count | Note |\n|---|---|---|\n");
    for i in 0..100_000 {
        text.push_str(&format!("| Item {i} | {i} units | note |\n"));
    }
    text.push_str("\nAmazon has now invested a total of $9 billion in Anthropic.\n");
    let table = d.write("table.md", text.as_bytes());
    let (v, code, _) = json(&[&table, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&v),
        vec![
            f("planted.md", "value-mismatch", 4),
            f("table.md", "value-mismatch", 100_007)
        ]
    );
    spans_hold_found(&v, "table.md", text.as_bytes());
}

#[test]
fn ten_thousand_levels_of_nested_lists_and_block_quotes() {
    let d = dir();
    let tail = "\n\nAmazon has now invested a total of $9 billion in Anthropic.\n";
    let cases = [
        (
            "lists.md",
            format!("{}x $4 billion{tail}", "- ".repeat(10_000)),
        ),
        (
            "quotes.md",
            format!("{}x $4 billion{tail}", "> ".repeat(10_000)),
        ),
        (
            "mixed.md",
            format!("{}x $4 billion{tail}", "> - 1. ".repeat(3_334)),
        ),
        (
            "staircase.md",
            format!(
                "{}{tail}",
                (1..=10_000)
                    .map(|i| format!("{} a\n", ">".repeat(i % 200 + 1)))
                    .collect::<String>()
            ),
        ),
    ];
    for (name, text) in &cases {
        let p = d.write(
            name,
            format!("---\ndate: 2024-11-22\n---\n{text}").as_bytes(),
        );
        let (v, code, _) = json(&[&p, &d.planted], &[]);
        assert_eq!(code, 1, "{name}");
        assert_eq!(v["files_checked"], 2, "{name}");
        let lines = text.matches('\n').count() as u64 + 3;
        let mut want = vec![f(name, "value-mismatch", lines)];
        want.push(f(PLANTED_FINDING.0, PLANTED_FINDING.1, PLANTED_FINDING.2));
        want.sort();
        let mut got = findings(&v);
        got.sort();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn numbers_with_500_digits_and_a_dollar_with_nothing_after_it() {
    let d = dir();
    let nines = "9".repeat(500);
    let zeros = "0".repeat(500);
    let text = format!(
        "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of ${nines} billion in Anthropic.\n\n\
         Amazon's total investment in Anthropic is $0.{zeros}1 billion, {nines}% of {nines} users, \
         {nines}.{nines}, on {nines}-11-22.\n\n$\n\nAmazon invested $\n\n$$ $ $. $,\n"
    );
    let p = d.write("digits.md", text.as_bytes());
    let lone = d.write("dollar.md", b"$");
    let (v, code, _) = json(&[&p, &lone, &d.planted], &[]);
    assert_eq!(code, 1);
    assert_eq!(errors(&v), vec![]);
    // The lone `$` has no date: only that warning.
    assert_eq!(
        findings(&v),
        vec![
            f("dollar.md", "missing-date", 1),
            f(PLANTED_FINDING.0, PLANTED_FINDING.1, PLANTED_FINDING.2)
        ]
    );
    assert_eq!(v["files_checked"], 3);
}

#[test]
fn long_runs_of_digits_and_thousands_of_tables_and_comments() {
    // Shapes that made a pass quadratic (`gencorpus worst`): every digit of a run is
    // a place where an amount can start; each table, each suppression comment and
    // each agreeing statement was once looked up by a scan of all the others.
    let d = dir();
    let claim = "Amazon has now invested a total of $9 billion in Anthropic.\n";
    // Runs of 100,000 digits and of 20,000 groups after a checked sentence (run-on
    // sentences too long to check: passed over), then the same amount of digits and
    // groups in sentences short enough to be checked (read by the recognizers, which
    // pass over the places deep inside each run).
    let in_sentences = format!(
        "{}{}",
        format!("Its key was {}. ", "7".repeat(4_000)).repeat(25),
        format!("It was 1{} dollars. ", ",000".repeat(999)).repeat(20)
    );
    let digits = format!(
        "---\ndate: 2024-11-22\n---\n{} {}\n\n{} {} dollars\n\n{claim}\n{in_sentences}{claim}",
        claim.trim_end(),
        "7".repeat(100_000),
        claim.trim_end(),
        "1,000".repeat(20_000)
    );
    let digits = d.write("digits.md", digits.as_bytes());
    let table = "| Item | Amount |\n|---|---|\n| Compute | $1.5 million |\n| Salaries | $2 million |\n| Total | $4 million |\n\n";
    let tables = d.write(
        "tables.md",
        format!("---\ndate: 2024-11-22\n---\n{}", table.repeat(3_000)).as_bytes(),
    );
    let hidden = format!("<!-- factlint-disable-next-line value-mismatch -->\n{claim}\n");
    let comments = d.write(
        "comments.md",
        format!("---\ndate: 2024-11-22\n---\n{}", hidden.repeat(3_000)).as_bytes(),
    );
    let agreeing = "Amazon has invested a total of $8 billion in Anthropic.\n";
    let agreeing = d.write(
        "agreeing.md",
        format!("---\ndate: 2024-11-22\n---\n{}", agreeing.repeat(20_000)).as_bytes(),
    );
    let (v, code, _) = json(
        &[&digits, &tables, &comments, &agreeing, &d.planted],
        &["--report-unused-suppressions"],
    );
    assert_eq!(code, 1);
    assert_eq!(errors(&v), vec![]);
    let got = findings(&v);
    let count = |name: &str, rule: &str| got.iter().filter(|x| x.0 == name && x.1 == rule).count();
    // The runs are read past, to the end of the document; every table's total is wrong;
    // every comment hides its finding and none is unused; agreeing is no finding.
    for line in [4, 6, 8, 10] {
        assert!(
            got.contains(&f("digits.md", "value-mismatch", line)),
            "{got:?}"
        );
    }
    assert_eq!(count("digits.md", "value-mismatch"), 4);
    assert_eq!(count("tables.md", "table-arithmetic"), 3_000);
    assert_eq!(got.iter().filter(|x| x.0 == "comments.md").count(), 0);
    assert_eq!(got.iter().filter(|x| x.0 == "agreeing.md").count(), 0);
    assert_eq!(got.len(), 3_005, "{:?}", &got[..10.min(got.len())]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    use std::os::unix::fs::symlink;
    let d = dir();
    let root = d.dir.path();
    symlink("self.md", root.join("self.md")).expect("symlink");
    symlink("b.md", root.join("a.md")).expect("symlink");
    symlink("a.md", root.join("b.md")).expect("symlink");
    std::fs::create_dir(root.join("sub")).expect("mkdir");
    symlink("..", root.join("sub/up")).expect("symlink");
    // A folder walk does not follow links: the loops are not read at all.
    let (v, code, _) = json(&[root], &[]);
    assert_eq!(code, 1);
    assert_eq!(errors(&v), vec![]);
    assert_eq!(findings(&v), planted_only());
    // Named on the command line, a loop is one error; the rest is still checked.
    let (v, code, _) = json(&[&root.join("self.md"), &d.planted], &[]);
    assert_eq!(code, 2);
    let errs = errors(&v);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].0, "self.md");
    assert!(errs[0].1.contains("symbolic links"), "{errs:?}");
    assert_eq!(findings(&v), planted_only());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir();
    let locked = d.write("locked.md", b"Text.\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let (path, want): (PathBuf, &str) = if std::fs::read(&locked).is_err() {
        (locked, "permission denied")
    } else if Path::new("/proc/self/mem").exists() {
        // Root reads any file whatever its mode: read one that no one can read from
        // its start instead (a process's memory at address 0).
        (
            PathBuf::from("/proc/self/mem"),
            "Input/output error (os error 5)",
        )
    } else {
        #[allow(clippy::print_stderr)] // says why the case is skipped
        {
            eprintln!("skipped: running as root, and no file here is unreadable by root");
        }
        return;
    };
    let (v, code, _) = json(&[&path, &d.planted], &[]);
    assert_eq!(code, 2);
    let errs = errors(&v);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].1, want);
    assert_eq!(findings(&v), planted_only());
}

#[cfg(unix)]
#[test]
fn a_device_is_not_read_forever() {
    let d = dir();
    let (v, code, _) = json(&[Path::new("/dev/zero"), &d.planted], &[]);
    assert_eq!(code, 2);
    assert_eq!(
        errors(&v),
        vec![("zero".to_string(), "not a regular file".to_string())]
    );
    assert_eq!(findings(&v), planted_only());
}

#[test]
fn a_path_that_does_not_exist() {
    let d = dir();
    let missing = d.dir.path().join("missing.md");
    let (v, code, _) = json(&[&missing, &d.planted], &[]);
    assert_eq!(code, 2);
    assert_eq!(
        errors(&v),
        vec![(
            "missing.md".to_string(),
            "no such file or folder".to_string()
        )]
    );
    assert_eq!(findings(&v), planted_only());
}

#[test]
fn a_folder_with_no_markdown() {
    let d = tempfile::tempdir().expect("tempdir");
    std::fs::write(d.path().join("notes.txt"), "Amazon invested $9 billion.").expect("write");
    std::fs::create_dir(d.path().join(".hidden")).expect("mkdir");
    std::fs::write(d.path().join(".hidden/x.md"), "Text.").expect("write");
    let (v, code, err) = json(&[d.path()], &[]);
    assert_eq!(code, 0);
    assert_eq!(v["files_checked"], 0);
    assert_eq!(errors(&v), vec![]);
    assert!(err.contains("note: no Markdown files found"), "{err}");
}

#[test]
fn a_value_across_a_line_break_keeps_its_bytes_and_a_one_line_message() {
    let d = dir();
    let text = "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9\r\nbillion in Anthropic.\n";
    let p = d.write("split.md", text.as_bytes());
    let (v, code, _) = json(&[&p], &[]);
    assert_eq!(code, 1);
    assert_eq!(findings(&v), vec![f("split.md", "value-mismatch", 4)]);
    assert_eq!(v["diagnostics"][0]["found"], "$9\r\nbillion");
    spans_hold_found(&v, "split.md", text.as_bytes());
    let out = run(&["check", "--format", "short", p.to_str().expect("path")]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(s.lines().count(), 1, "{s}");
    assert!(
        s.contains(": error[value-mismatch]: stated $9 billion, but "),
        "{s}"
    );
}
