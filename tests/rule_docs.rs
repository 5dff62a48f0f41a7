//! Every rule's documentation (`factlint rule ID`) gives an example that fires and one
//! that does not. This test runs them: the "fires" example must give at least one
//! finding of that rule, the "does not fire" example none. A heading's
//! "(article dated D)" is the draft's date; "(run after D)" is the day of the run. An
//! example of several files is written as lines `NAME (date: D): TEXT`, one file each;
//! a line `…` stands for paragraphs left out.

use std::path::{Path, PathBuf};

use factlint::base::rule_id::RuleId;
use factlint::facts::FactBase;
use factlint::rules::meta_of;
use factlint::run::{CheckOptions, check_paths, check_text};
use jiff::civil::Date;

/// One example of a rule's documentation.
struct Example {
    fires: bool,
    heading: String,
    body: String,
}

/// The examples of an explanation: the indented lines under each "Example(s) that
/// (do not) fire" heading, as one draft.
fn examples(explanation: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut current: Option<Example> = None;
    for line in explanation.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            out.extend(current.take());
            if h.starts_with("Example") {
                current = Some(Example {
                    fires: !h.contains("not fire"),
                    heading: h.to_string(),
                    body: String::new(),
                });
            }
        } else if let Some(ex) = current.as_mut()
            && let Some(code) = line.strip_prefix("    ")
        {
            // A line "…" stands for text left out between two paragraphs.
            if code.trim() == "…" {
                ex.body.push_str("\n…\n\n");
            } else {
                ex.body.push_str(code);
                ex.body.push('\n');
            }
        }
    }
    out.extend(current);
    out
}

/// The date after `word` in a heading's parenthesis ("article dated 2024-11-22").
fn date_after(heading: &str, word: &str) -> Option<Date> {
    let i = heading.find(word)? + word.len();
    heading[i..].trim_start().get(..10)?.parse().ok()
}

/// Lines `NAME (date: D): TEXT`: the files of a multi-file example.
fn files_of(body: &str) -> Option<Vec<(String, String)>> {
    body.lines()
        .map(|l| {
            let (name, rest) = l.split_once(" (date: ")?;
            let (date, text) = rest.split_once("): ")?;
            Some((
                name.to_string(),
                format!("---\ndate: {date}\n---\n\n{text}\n"),
            ))
        })
        .collect()
}

fn findings_of(rule: RuleId, ex: &Example, base: &FactBase, dir: &Path) -> usize {
    let opts = CheckOptions {
        default_date: date_after(&ex.heading, "article dated"),
        today: date_after(&ex.heading, "run after").map(|d| d.tomorrow().expect("a day")),
        report_unused_suppressions: true,
        ..CheckOptions::default()
    };
    if let Some(files) = files_of(&ex.body) {
        let paths: Vec<PathBuf> = files
            .iter()
            .map(|(name, text)| {
                let p = dir.join(name);
                std::fs::write(&p, text).expect("write an example file");
                p
            })
            .collect();
        let report = check_paths(&paths, base, &opts);
        return report.diagnostics().filter(|(_, d)| d.rule == rule).count();
    }
    check_text(Path::new("example.md"), &ex.body, base, &opts)
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .count()
}

#[test]
fn every_rules_examples_fire_and_do_not_fire_as_documented() {
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
    let mut wrong = Vec::new();
    for id in RuleId::ALL {
        let meta = meta_of(id).expect("every id has a description");
        let exs = examples(meta.explanation);
        assert!(exs.iter().any(|e| e.fires), "{id}: no example that fires");
        assert!(
            exs.iter().any(|e| !e.fires),
            "{id}: no example that does not fire"
        );
        for ex in &exs {
            let dir = tempfile::tempdir().expect("tempdir");
            let n = findings_of(id, ex, &base, dir.path());
            if ex.fires != (n > 0) {
                wrong.push(format!(
                    "{id}: \"{}\" gave {n} finding(s):\n{}",
                    ex.heading, ex.body
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn examples_are_read_from_their_headings() {
    let exs = examples(
        "## What it finds\n    not an example\n## Example that fires (article dated 2024-11-22)\n    one\n    two\nprose\n## Examples that do not fire\n    three\n",
    );
    assert_eq!(exs.len(), 2);
    assert!(exs[0].fires && !exs[1].fires);
    assert_eq!(exs[0].body, "one\ntwo\n");
    assert_eq!(
        date_after(&exs[0].heading, "article dated"),
        "2024-11-22".parse().ok()
    );
    assert_eq!(
        files_of("a.md (date: 2024-06-01): Hi.\n").map(|f| f.len()),
        Some(1)
    );
}

/// The rules `missing-date` names as skipped are exactly those whose example that
/// fires needs the article's date: without it, each of them is silent.
#[test]
fn missing_date_names_the_rules_that_need_the_date() {
    use factlint::rules::missing_date::TIME_RULES;
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
    let mut needs_date = Vec::new();
    for id in RuleId::ALL {
        let meta = meta_of(id).expect("every id has a description");
        for ex in examples(meta.explanation) {
            if !ex.fires || date_after(&ex.heading, "article dated").is_none() {
                continue;
            }
            let undated = Example {
                fires: true,
                heading: ex.heading.replace("article dated", "undated"),
                body: ex.body.clone(),
            };
            let dir = tempfile::tempdir().expect("tempdir");
            if findings_of(id, &undated, &base, dir.path()) == 0 && !id.is_suppression() {
                needs_date.push(id);
            }
        }
    }
    needs_date.sort();
    let mut listed = TIME_RULES.to_vec();
    listed.sort();
    assert_eq!(needs_date, listed);
}
