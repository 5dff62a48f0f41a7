//! `.gitignore`, `.ignore`, `.git/info/exclude` and the global git excludes, honoured
//! when folders are walked (in a real `git init` repository), and `--no-ignore`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::{code, run_in, write};

/// A draft with one finding (`value-mismatch`: a $9 billion total that was $8 billion).
const DRAFT: &str =
    "---\ndate: 2024-11-22\n---\n\nAmazon has now invested a total of $9 billion in Anthropic.\n";

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A git repository with a `.gitignore` that leaves out `drafts/` and `*.tmp.md`.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    git(dir.path(), &["init", "-q"]);
    write(dir.path(), ".gitignore", "drafts/\n*.tmp.md\n");
    write(dir.path(), "article.md", DRAFT);
    write(dir.path(), "drafts/wip.md", DRAFT);
    write(dir.path(), "notes/idea.tmp.md", DRAFT);
    write(dir.path(), "notes/kept.md", DRAFT);
    dir
}

/// The sorted paths of the findings of a JSON run, and `files_checked`.
fn checked(dir: &Path, args: &[&str]) -> (Vec<String>, u64) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all, None);
    assert_eq!(
        code(&out),
        1,
        "one finding per draft: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let paths: Vec<String> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["path"].as_str().expect("path").to_string())
        .collect();
    (paths, v["files_checked"].as_u64().expect("files_checked"))
}

#[test]
fn gitignored_drafts_are_not_walked() {
    let dir = repo();
    let (paths, n) = checked(dir.path(), &["."]);
    assert_eq!(paths, ["./article.md", "./notes/kept.md"]);
    assert_eq!(n, 2);
    // The same from a subfolder: the repository root's .gitignore still applies.
    let (paths, _) = checked(&dir.path().join("notes"), &["."]);
    assert_eq!(paths, ["./kept.md"]);
}

#[test]
fn no_ignore_walks_every_draft() {
    let dir = repo();
    let (paths, n) = checked(dir.path(), &["--no-ignore", "."]);
    assert_eq!(
        paths,
        [
            "./article.md",
            "./drafts/wip.md",
            "./notes/idea.tmp.md",
            "./notes/kept.md"
        ]
    );
    assert_eq!(n, 4);
}

#[test]
fn files_and_folders_named_on_the_command_line_are_checked_even_if_ignored() {
    let dir = repo();
    let (paths, _) = checked(dir.path(), &["drafts/wip.md", "notes/idea.tmp.md"]);
    assert_eq!(paths, ["drafts/wip.md", "notes/idea.tmp.md"]);
    let (paths, _) = checked(dir.path(), &["drafts"]);
    assert_eq!(paths, ["drafts/wip.md"]);
}

#[test]
fn dot_ignore_and_git_info_exclude_are_honoured() {
    let dir = repo();
    write(dir.path(), ".ignore", "notes/kept.md\n");
    write(dir.path(), ".git/info/exclude", "article.md\n");
    write(dir.path(), "other.md", DRAFT);
    let (paths, _) = checked(dir.path(), &["."]);
    assert_eq!(paths, ["./other.md"]);
    // `.ignore` needs no git repository (ripgrep's rule); `.gitignore` does.
    let plain = tempfile::tempdir().expect("tempdir");
    write(plain.path(), ".ignore", "a.md\n");
    write(plain.path(), ".gitignore", "b.md\n");
    write(plain.path(), "a.md", DRAFT);
    write(plain.path(), "b.md", DRAFT);
    let (paths, _) = checked(plain.path(), &["."]);
    assert_eq!(paths, ["./b.md"]);
}

#[test]
fn the_global_git_excludes_are_honoured() {
    let dir = repo();
    let home = tempfile::tempdir().expect("home");
    write(home.path(), "git/ignore", "notes/\n");
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "json", "."])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, ["./article.md"]);
}

#[test]
fn claims_honours_ignore_files_too() {
    let dir = repo();
    let run = |args: &[&str]| {
        let mut all = vec!["claims", "--format", "json"];
        all.extend_from_slice(args);
        let out = run_in(dir.path(), &all, None);
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let mut paths: Vec<String> = v["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| f["path"].as_str().expect("path").to_string())
            .collect();
        paths.sort();
        paths
    };
    assert_eq!(run(&["."]), ["./article.md", "./notes/kept.md"]);
    assert_eq!(run(&["--no-ignore", "."]).len(), 4);
}
