//! The stages of `src/` import one way: a module may use its own stage and the stages
//! below it, never one above (see docs/architecture.md). This test reads every
//! `crate::` path in the library's code (test modules and comments left out: tests may
//! use the whole crate, as integration tests do) and fails on any that points up.

use std::fs;
use std::path::{Path, PathBuf};

/// The stages, lowest first. A top-level file is its own stage; a folder is one stage.
const STAGES: &[(&str, usize)] = &[
    ("base", 0),
    ("read", 1),
    ("fix", 1),
    ("recognize", 2),
    ("facts", 3),
    ("analysis", 4),
    ("rules", 5),
    ("config", 6),
    ("run", 7),
    ("report", 8),
    ("explain", 9),
    ("init", 9),
    ("lsp", 10),
];

/// What a rule file may import besides `rules` itself.
const RULE_MAY_USE: &[&str] = &["base", "facts", "analysis"];

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().find(|(s, _)| *s == stage).map(|(_, r)| *r)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The stage a file of `src/` belongs to: its folder, or its own name at the top.
fn stage_of(rel: &Path) -> String {
    let first = rel.components().next().expect("a path under src");
    let s = first.as_os_str().to_string_lossy();
    s.trim_end_matches(".rs").to_string()
}

/// The code of a file without comments and without its `#[cfg(test)]` modules.
fn code_only(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i64> = None;
    let mut depth: i64 = 0;
    let mut pending_test = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if skip_depth.is_none() && trimmed.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let opens = code.matches('{').count() as i64;
        let closes = code.matches('}').count() as i64;
        if pending_test && skip_depth.is_none() {
            pending_test = false;
            if trimmed.starts_with("mod ") && !trimmed.ends_with(';') {
                skip_depth = Some(depth);
                depth += opens - closes;
                continue;
            }
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every stage named right after `crate::`, including inside `use crate::{a, b::c}`.
fn stages_used(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            // Only the first segment of each top-level item of the group names a stage.
            let mut level = 0;
            let mut item_start = true;
            let mut word = String::new();
            for c in group[..end].chars() {
                match c {
                    '{' => level += 1,
                    '}' => level -= 1,
                    ',' if level == 0 => item_start = true,
                    c if c.is_alphanumeric() || c == '_' => {
                        if item_start {
                            word.push(c);
                        }
                    }
                    _ => {
                        if !word.is_empty() {
                            found.push(std::mem::take(&mut word));
                            item_start = false;
                        }
                    }
                }
            }
            if !word.is_empty() {
                found.push(word);
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(word);
        }
    }
    found
}

fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src").to_path_buf();
        let here = stage_of(&rel);
        // The binary (main.rs and its cli/ modules) uses the library as `factlint::`;
        // its `crate::` is main.rs. lib.rs only declares the stages.
        if here == "lib" || here == "main" || here == "cli" {
            continue;
        }
        let Some(own) = rank(&here) else {
            bad.push(format!(
                "src/{}: stage `{here}` is not listed in tests/layering.rs",
                rel.display()
            ));
            continue;
        };
        let text = fs::read_to_string(&file).expect("read a source file");
        for used in stages_used(&code_only(&text)) {
            if used == here || used == "self" || used == "super" {
                continue;
            }
            match rank(&used) {
                None => bad.push(format!("src/{}: `crate::{used}` is not a stage", rel.display())),
                Some(r) if r > own => bad.push(format!(
                    "src/{}: stage `{here}` imports `crate::{used}`, a stage above it",
                    rel.display()
                )),
                Some(r) if r == own => bad.push(format!(
                    "src/{}: stage `{here}` imports `crate::{used}`, a stage beside it",
                    rel.display()
                )),
                Some(_) if here == "rules" && !RULE_MAY_USE.contains(&used.as_str()) => bad.push(format!(
                    "src/{}: a rule imports `crate::{used}`; rules use only base, facts and analysis",
                    rel.display()
                )),
                Some(_) => {}
            }
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

#[test]
fn no_module_imports_from_a_stage_above_it() {
    let bad = violations();
    assert!(
        bad.is_empty(),
        "imports against the stages:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_sees_grouped_and_plain_imports_and_skips_tests_and_comments() {
    let code = code_only(
        "use crate::{base::value::Value, run::{check_text, CheckOptions}};\n\
         // crate::report is only named in a comment\n\
         fn f() { crate::facts::FactBase::builtin(); }\n\
         #[cfg(test)]\nmod tests {\n    use crate::lsp;\n    fn g() { if true { } }\n}\n\
         fn h() { crate::analysis::x(); }\n",
    );
    assert_eq!(stages_used(&code), ["base", "run", "facts", "analysis"]);
}
