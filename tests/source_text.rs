//! The sources hold no control characters: a `\b` written into a regex through a
//! tool that read it as a backspace once made a word list match nothing, silently.

use std::path::Path;

fn visit(dir: &Path, bad: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            visit(&p, bad);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "toml") {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                if line.chars().any(|c| c.is_control() && c != '\t') {
                    bad.push(format!("{}:{}", p.display(), n + 1));
                }
            }
        }
    }
}

#[test]
fn no_control_characters_in_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bad = Vec::new();
    for d in ["src", "tests", "examples", "benches", "facts"] {
        visit(&root.join(d), &mut bad);
    }
    assert!(bad.is_empty(), "control characters at {bad:?}");
}
