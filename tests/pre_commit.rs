//! Runs the real pre-commit hook of `.pre-commit-hooks.yaml` (`pre-commit try-repo`) on a
//! draft with an error (the hook fails) and a clean draft (the hook passes).
//!
//! pre-commit installs the hook with `cargo install` (a release build of factlint: a few
//! minutes), so the test is `#[ignore]`d in a plain `cargo test`; `.ci/run` installs
//! pre-commit and runs it with `cargo test --test pre_commit -- --ignored`. Run that way
//! without pre-commit on PATH, it says so and skips, except in CI (`CI=true`), where it
//! fails.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cwd: &Path, program: &str, args: &[&str], home: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("PRE_COMMIT_HOME", home)
        // Keep pre-commit's release build of factlint between runs.
        .env("CARGO_TARGET_DIR", root().join("target/pre-commit"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
#[ignore = "runs the real pre-commit hook (a release build of factlint): cargo test --test pre_commit -- --ignored"]
fn pre_commit_hook_fails_on_an_error_and_passes_a_clean_draft() {
    let has_pre_commit = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pre_commit {
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !in_ci,
            "pre-commit is not on PATH in CI: .ci/run installs it with pip"
        );
        eprintln!("skipped: pre-commit is not installed (pip install pre-commit)");
        return;
    }
    let repo = tempfile::tempdir().expect("tempdir");
    let home = tempfile::tempdir().expect("tempdir");
    let r = repo.path();
    let fixtures = root().join("fixtures/drafts");
    std::fs::copy(
        fixtures.join("planted-value-mismatch.md"),
        r.join("wrong.md"),
    )
    .expect("copy");
    std::fs::copy(
        fixtures.join("amazon-anthropic-clean.md"),
        r.join("clean.md"),
    )
    .expect("copy");
    let git = run(r, "git", &["init", "-q"], home.path());
    assert!(git.status.success(), "{}", text(&git));
    let add = run(r, "git", &["add", "wrong.md", "clean.md"], home.path());
    assert!(add.status.success(), "{}", text(&add));
    let repo_arg = root();
    let repo_arg = repo_arg.to_str().expect("UTF-8 path");

    let wrong = run(
        r,
        "pre-commit",
        &["try-repo", repo_arg, "factlint", "--files", "wrong.md"],
        home.path(),
    );
    let out = text(&wrong);
    assert_eq!(wrong.status.code(), Some(1), "the hook fails: {out}");
    assert!(out.contains("error[value-mismatch]"), "{out}");
    assert!(out.contains("wrong.md:8:66"), "{out}");
    assert!(
        !out.contains("clean.md"),
        "only the file passed in is checked: {out}"
    );

    let clean = run(
        r,
        "pre-commit",
        &["try-repo", repo_arg, "factlint", "--files", "clean.md"],
        home.path(),
    );
    let out = text(&clean);
    assert_eq!(clean.status.code(), Some(0), "the hook passes: {out}");
    assert!(out.contains("factlint") && out.contains("Passed"), "{out}");
}
