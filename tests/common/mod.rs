//! Helpers shared by the tests that run the real binary.
#![allow(dead_code)] // each test crate uses some of them

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in `cwd` without colours, with `stdin` as standard input (none when
/// `None`).
pub fn run_in(cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().expect("piped stdin");
        // A run that fails before reading its input (bad arguments) closes the pipe.
        if let Err(e) = w.write_all(input) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    child.wait_with_output().expect("the binary finishes")
}

/// The exit code.
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

/// Writes `text` to `name` under `dir` (creating folders on the way); the file's path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, text).expect("write");
    p
}

/// Runs the binary in the repository's root, without standard input.
pub fn factlint(args: &[&str]) -> Output {
    run_in(&root(), args, None)
}

/// (rule id, message) of each finding of a draft dated `date` (front matter) whose
/// body is `body`, checked by the library against the built-in fact base.
pub fn findings_on(date: &str, body: &str) -> Vec<(String, String)> {
    use factlint::facts::FactBase;
    use factlint::run::{CheckOptions, check_text};
    static BASE: std::sync::LazyLock<FactBase> = std::sync::LazyLock::new(|| {
        FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid")
    });
    let draft = format!("---\ndate: {date}\n---\n\n{body}\n");
    check_text(
        Path::new("draft.md"),
        &draft,
        &BASE,
        &CheckOptions::default(),
    )
    .diagnostics
    .iter()
    .map(|d| (d.rule.as_str().to_string(), d.message.clone()))
    .collect()
}

/// Asserts that `findings` is one `value-mismatch` naming Amazon's $8 billion total
/// investment in Anthropic (the total on 2024-11-22).
#[track_caller]
pub fn assert_one_total_mismatch(body: &str, findings: &[(String, String)]) {
    assert_eq!(findings.len(), 1, "{body}: {findings:?}");
    assert_eq!(findings[0].0, "value-mismatch", "{body}: {findings:?}");
    assert!(
        findings[0]
            .1
            .contains("total investment in Anthropic was $8 billion"),
        "{body}: {findings:?}"
    );
}

/// A fact file of our own (two invented companies and one event), for the tests of
/// user fact files: added with `--facts`, named in factlint.toml, watched by the
/// language server.
pub const OWN_FACTS: &str = r#"
[meta]
checked = "2026-11-26"

[[entity]]
id = "initech"
names = ["Initech"]

[[entity]]
id = "hooli"
names = ["Hooli"]

[[event]]
id = "hooli-initech/seed"
what = "Hooli's seed investment in Initech"
date = "2025-02-03"
entities = ["hooli", "initech"]
cues = ["seed", "invest"]
amount = "$40 million"
source = "https://example.org/our-own-notes"
"#;
