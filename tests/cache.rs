//! `factlint check --cache`: a run with the cache prints what a run without it prints,
//! takes unchanged drafts from the cache, and checks again every draft whose text,
//! options or fact base changed.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{code, root, run_in, write};

/// Runs `factlint check` in `cwd` with `args`.
fn check(cwd: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    run_in(cwd, &all, None)
}

/// How many drafts the summary line says came from the cache (human format).
fn from_cache(out: &Output) -> usize {
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.starts_with("factlint: "))
        .unwrap_or_else(|| panic!("no summary line in {err}"));
    let (_, rest) = line
        .split_once(" file(s) checked (")
        .unwrap_or_else(|| panic!("no cache count in {line}"));
    rest.split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no cache count in {line}"))
}

/// Standard output and exit code.
fn shown(out: &Output) -> (String, i32) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), code(out))
}

/// A temporary folder with these drafts, each dated by its front matter.
fn folder(drafts: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (name, body) in drafts {
        write(tmp.path(), name, &format!("{DATED}{body}"));
    }
    tmp
}

const DATED: &str = "---\ndate: 2025-03-01\n---\n";

#[test]
fn a_second_run_takes_every_draft_from_the_cache_and_prints_the_same() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cache = tmp.path().join("cache");
    let cache = cache.to_str().expect("utf-8 path");
    let root = root();
    for format in ["human", "json", "sarif", "short"] {
        let plain = check(&root, &["--format", format, "fixtures/drafts"]);
        let args = ["--cache-dir", cache, "--format", format, "fixtures/drafts"];
        let first = check(&root, &args);
        let second = check(&root, &args);
        assert_eq!(shown(&first), shown(&plain), "{format}, first run");
        assert_eq!(shown(&second), shown(&plain), "{format}, second run");
        assert_eq!(
            code(&plain),
            1,
            "{format}: the fixtures have planted errors"
        );
    }
    // The summary says where the findings came from.
    let args = ["--cache-dir", cache, "fixtures/drafts"];
    assert_eq!(from_cache(&check(&root, &args)), 13);
    let ignore = fs::read_to_string(tmp.path().join("cache/.gitignore")).expect(".gitignore");
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
}

#[test]
fn a_changed_draft_is_checked_again() {
    let two =
        "Globex serves 90,000 customers on Hooli.\n\nGlobex serves 50,000 customers on Hooli.\n";
    let tmp = folder(&[("a.md", two), ("b.md", "Globex is a company.\n")]);
    let dir = tmp.path();
    let args = ["--cache", "--no-default-facts", "--format", "short", "."];
    let first = check(dir, &args);
    assert_eq!(code(&first), 1);
    assert!(shown(&first).0.contains("self-contradiction"));
    // The planted error is corrected: a.md is read again, b.md is not.
    write(
        dir,
        "a.md",
        &format!("{DATED}{}", two.replace("50,000", "90,000")),
    );
    let human = ["--cache", "--no-default-facts", "."];
    let second = check(dir, &human);
    assert_eq!(shown(&second), (String::new(), 0));
    assert_eq!(from_cache(&second), 1);
    assert_eq!(from_cache(&check(dir, &human)), 2);
    // `--cache` keeps its cache in the current folder.
    assert!(dir.join(".factlint_cache/cache.jsonl").is_file());
}

#[test]
fn a_changed_fact_file_or_configuration_checks_every_draft_again() {
    let tmp = folder(&[
        (
            "a.md",
            "Globex serves 90,000 customers on Hooli.\n\nGlobex serves 50,000 customers on Hooli.\n",
        ),
        ("b.md", "Nothing to see.\n"),
    ]);
    let dir = tmp.path();
    let run = || {
        let cached = check(
            dir,
            &["--cache", "--format", "short", "--max-warnings", "99", "."],
        );
        let plain = check(dir, &["--format", "short", "--max-warnings", "99", "."]);
        assert_eq!(shown(&cached), shown(&plain));
        let counted = check(dir, &["--cache", "."]);
        from_cache(&counted)
    };
    assert_eq!(run(), 2);
    // A configuration that turns the rule off: new options, new keys.
    write(
        dir,
        "factlint.toml",
        "[rules]\nself-contradiction = \"off\"\n",
    );
    let cached = check(dir, &["--cache", "--format", "short", "."]);
    assert_eq!(shown(&cached), (String::new(), 0));
    assert_eq!(run(), 2);
    fs::remove_file(dir.join("factlint.toml")).expect("remove");
    // A fact file of the user's: a new fact base, new keys.
    write(
        dir,
        "facts.toml",
        "[[entity]]\nid = \"globex\"\nnames = [\"Globex\"]\n",
    );
    let with_facts = || check(dir, &["--cache", "--facts", "facts.toml", "."]);
    let first = with_facts();
    assert_eq!(
        code(&first),
        1,
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(from_cache(&first), 0);
    assert_eq!(from_cache(&with_facts()), 2);
    write(
        dir,
        "facts.toml",
        "[[entity]]\nid = \"globex\"\nnames = [\"Globex\", \"Globex Corp\"]\n",
    );
    assert_eq!(from_cache(&with_facts()), 0);
}

#[test]
fn the_day_of_the_run_counts_only_for_drafts_with_an_until_date() {
    let tmp = folder(&[
        (
            "a.md",
            "Globex serves 50,000 customers on Hooli.\n\n\
             <!-- factlint-disable-next-line self-contradiction until=2025-06-30 -->\n\
             Globex serves 70,000 customers on Hooli.\n\nGlobex serves 50,000 customers on Hooli.\n",
        ),
        ("b.md", "Nothing to see.\n"),
    ]);
    let dir = tmp.path();
    let run = |today: &str, cache: bool| {
        let mut args = vec!["--no-default-facts", "--format", "short", "--today", today];
        if cache {
            args.push("--cache");
        }
        args.push(".");
        check(dir, &args)
    };
    assert_eq!(shown(&run("2025-06-01", true)), (String::new(), 0));
    // A day after `until`: a.md is checked again and its suppression has expired;
    // b.md, with no `until=`, comes from the cache.
    let later = run("2025-07-15", true);
    assert_eq!(shown(&later), shown(&run("2025-07-15", false)));
    assert!(shown(&later).0.contains("expired-suppression"), "{later:?}");
    let counted = check(
        dir,
        &[
            "--no-default-facts",
            "--today",
            "2025-07-16",
            "--cache",
            ".",
        ],
    );
    assert_eq!(from_cache(&counted), 1);
}

#[test]
fn findings_across_drafts_are_the_same_from_the_cache() {
    let tmp = folder(&[
        ("c.md", "Initech serves 90,000 customers on Hooli.\n"),
        ("d.md", "Initech serves 50,000 customers on Hooli.\n"),
    ]);
    let dir = tmp.path();
    let args = ["--cache", "--no-default-facts", "--format", "short", "."];
    let first = check(dir, &args);
    assert!(
        shown(&first).0.contains("corpus-contradiction"),
        "{first:?}"
    );
    let second = check(dir, &args);
    assert_eq!(shown(&second), shown(&first));
    assert_eq!(
        from_cache(&check(dir, &["--cache", "--no-default-facts", "."])),
        2
    );
}

#[test]
fn qualified_claims_across_drafts_are_the_same_from_the_cache() {
    // a.md states one claim for two groups, and its summary keeps the words of each:
    // c.md disagrees with a.md on researchers (b.md agrees with it), before and after
    // the qualifiers' words go through the cache. Were a.md's second group read with
    // the first one's words, no statement would agree with another, and nothing
    // would be found.
    let tmp = folder(&[
        (
            "a.md",
            "Usage of the service grew 34% among developers on Hooli.\n\n\
             Usage of the service grew 20% among researchers on Hooli.\n",
        ),
        (
            "b.md",
            "Usage of the service grew 20% among researchers on Hooli.\n",
        ),
        (
            "c.md",
            "Usage of the service grew 12% among researchers on Hooli.\n",
        ),
    ]);
    let dir = tmp.path();
    let args = ["--cache", "--no-default-facts", "--format", "short", "."];
    let first = check(dir, &args);
    let (out, exit) = shown(&first);
    assert_eq!(exit, 0, "{first:?}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].starts_with(
            "./c.md:4:27: warning[corpus-contradiction]: stated 12% here, but ./a.md:6 states 20%"
        ),
        "{out}"
    );
    assert_eq!(shown(&check(dir, &args)), (out, exit));
    assert_eq!(
        from_cache(&check(dir, &["--cache", "--no-default-facts", "."])),
        3
    );
}

#[test]
fn a_damaged_cache_is_ignored_and_replaced() {
    let same = "Initech serves 90,000 customers on Hooli.\n";
    let tmp = folder(&[("a.md", same), ("b.md", same), ("c.md", same)]);
    let dir = tmp.path();
    let args = ["--cache", "--no-default-facts", "."];
    let plain = check(dir, &["--no-default-facts", "."]);
    assert_eq!(from_cache(&check(dir, &args)), 0);
    let file = dir.join(".factlint_cache/cache.jsonl");
    let text = fs::read_to_string(&file).expect("cache file");
    // One damaged line: that draft alone is checked again.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let damaged = format!("{}\n{}\n{}\n{{\"path\n", lines[0], lines[1], lines[2]);
    fs::write(&file, damaged).expect("damage");
    let out = check(dir, &args);
    assert_eq!(from_cache(&out), 2);
    assert_eq!(shown(&out), shown(&plain));
    assert_eq!(from_cache(&check(dir, &args)), 3);
    // Not a cache at all, or another version's: every draft is checked again.
    let junks: [&[u8]; 3] = [
        b"garbage\n",
        b"{\"factlint_cache\":0,\"version\":\"0.0.0\"}\n",
        b"\xff\xfe not UTF-8\n",
    ];
    for junk in junks {
        fs::write(&file, junk).expect("junk");
        let junk = String::from_utf8_lossy(junk);
        let out = check(dir, &args);
        assert_eq!(from_cache(&out), 0, "{junk}");
        assert_eq!(shown(&out), shown(&plain));
        assert_eq!(from_cache(&check(dir, &args)), 3);
    }
}

#[test]
fn a_cache_that_cannot_be_written_is_a_warning() {
    let tmp = folder(&[("a.md", "Nothing to see.\n")]);
    let dir = tmp.path();
    // The cache folder's place is taken by a file.
    write(dir, "taken", "");
    let out = check(dir, &["--cache-dir", "taken", "--no-default-facts", "a.md"]);
    assert_eq!(code(&out), 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning: cannot create taken"), "{err}");
}

#[test]
fn the_cache_is_not_for_fixes() {
    let out = check(&root(), &["--cache", "--fix", "fixtures/drafts"]);
    assert_eq!(code(&out), 2);
    let out = check(&root(), &["--cache-dir", "x", "--diff", "fixtures/drafts"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn a_cache_another_build_wrote_is_not_read() {
    let tmp = folder(&[("a.md", "Nothing to see.\n"), ("b.md", "Nor here.\n")]);
    let dir = tmp.path();
    // A copy of factlint, installed again later with the same version number.
    let bin = dir.join("bin");
    fs::create_dir(&bin).expect("bin");
    let exe = bin.join("factlint");
    let install = || {
        let _ = fs::remove_file(&exe);
        fs::copy(env!("CARGO_BIN_EXE_factlint"), &exe).expect("copy the binary");
    };
    let run = || {
        // A copy just written may still be open for writing in a process that another
        // test forked meanwhile ("text file busy"): try again for a moment.
        let mut tries = 0;
        let out = loop {
            match std::process::Command::new(&exe)
                .args(["check", "--cache", "--no-default-facts", "a.md", "b.md"])
                .current_dir(dir)
                .env("NO_COLOR", "1")
                .output()
            {
                Ok(out) => break out,
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => panic!("the copy runs: {e}"),
            }
        };
        from_cache(&out)
    };
    install();
    assert_eq!(run(), 0);
    assert_eq!(run(), 2);
    // Installed again (a new modification time): its predecessor's cache is not read.
    std::thread::sleep(std::time::Duration::from_millis(20));
    install();
    assert_eq!(run(), 0);
    assert_eq!(run(), 2);
}
