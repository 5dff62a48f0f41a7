//! The accuracy evaluation (issue 23): runs factlint, as a library, on every draft of
//! `accuracy/drafts/`, matches its findings with the planted errors of
//! `accuracy/cases.toml` by (line, rule), and prints precision and recall per rule, per
//! class and per category, for the dev and the held-out half. Then the real published
//! excerpts: their texts are kept outside the repository (`--real DIR`, else
//! `$FACTLINT_REAL_EXCERPTS`, else `/work/real-excerpts`); `accuracy/real.toml` records
//! each finding with a verdict. Without the texts that part is skipped.
//!
//! ```sh
//! cargo run --release --example accuracy            # print the tables
//! cargo run --release --example accuracy -- --write # regenerate ACCURACY.md
//! cargo run --release --example accuracy -- --misses # list dev misses and false alarms
//! ```
//!
//! `--held-out-false-alarms` lists the held-out half's false alarms (to check that a
//! draft is not wrong; never to change a rule).
//!
//! Exits 1 when precision on the held-out half is below 0.95. Nothing depends on the
//! clock, the machine or the order of a directory listing.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factlint::facts::FactBase;
use factlint::run::{CheckOptions, check_text};
use serde::Deserialize;

/// The lowest held-out precision the command accepts.
const MIN_HELD_OUT_PRECISION: f64 = 0.95;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    style: String,
    split: String,
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    silent: Vec<Silent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    line: usize,
    rule: String,
    also: Option<String>,
    class: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Silent {
    line: usize,
    class: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Real {
    #[serde(default)]
    excerpt: Vec<Excerpt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Excerpt {
    file: String,
    url: String,
    date: String,
    /// The page gives no day: the date is read from its text.
    #[serde(default)]
    approximate: bool,
    /// Lines of the excerpt that state a fact the base covers or a date, an amount or a
    /// model name.
    claims: Vec<usize>,
    #[serde(default)]
    finding: Vec<Verdict>,
    /// Real errors in the excerpt that the base covers and factlint did not report.
    #[serde(default)]
    miss: Vec<Miss>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Verdict {
    line: usize,
    rule: String,
    verdict: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Miss {
    line: usize,
    reason: String,
}

/// The classes in the order of issue 23, then the existing rules' errors, then the
/// numbers in words of issue 25, then the valuations of issue 24.
const CLASSES: &[&str] = &[
    "hedge",
    "description",
    "event-noun-date",
    "discourse",
    "bound",
    "relative",
    "aspect",
    "twice",
    "existing",
    "words",
    "valuation",
];

const SPLITS: &[&str] = &["dev", "held-out"];

/// The category of a rule: against the fact base, the draft against itself, or time.
fn category(rule: &str) -> &'static str {
    match rule {
        "value-mismatch" | "stale-value" | "date-mismatch" | "lineup-mismatch"
        | "unknown-model" => "fact base",
        "self-contradiction"
        | "sum-mismatch"
        | "table-arithmetic"
        | "ratio-mismatch"
        | "corpus-contradiction" => "self-contradiction",
        "anachronism" | "relative-date" => "time",
        _ => "other",
    }
}

#[derive(Clone, Copy, Default)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn precision(self) -> Option<f64> {
        let found = self.tp + self.fp;
        (found > 0).then(|| self.tp as f64 / found as f64)
    }
    fn recall(self) -> Option<f64> {
        let planted = self.tp + self.fn_;
        (planted > 0).then(|| self.tp as f64 / planted as f64)
    }
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |x| format!("{x:.2}"))
}

/// What one split measured.
#[derive(Default)]
struct Tally {
    by_rule: BTreeMap<String, Count>,
    by_class: BTreeMap<String, Count>,
    by_category: BTreeMap<&'static str, Count>,
    all: Count,
    drafts: usize,
    silent: usize,
    silent_kept: usize,
    /// (file, line, rule, class, description) of each planted error not found.
    misses: Vec<String>,
    /// Each finding that no planted error accounts for.
    false_alarms: Vec<String>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// (line, rule id, message) of each finding of one draft, checked on its own (so
/// `corpus-contradiction`, which compares drafts of one run, is not measured).
fn findings(root: &Path, rel: &str, base: &FactBase) -> Vec<(usize, String, String)> {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let result = check_text(Path::new(rel), &text, base, &CheckOptions::default());
    result
        .diagnostics
        .iter()
        .map(|d| {
            (
                line_of(&text, d.span.start),
                d.rule.as_str().to_string(),
                d.message.clone(),
            )
        })
        .collect()
}

fn evaluate(root: &Path, cases: &Cases, base: &FactBase) -> BTreeMap<String, Tally> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for case in &cases.case {
        let tally = tallies.entry(case.split.clone()).or_default();
        tally.drafts += 1;
        let mut found = findings(root, &format!("accuracy/{}", case.file), base);
        for e in &case.expect {
            let accepts = |r: &str| r == e.rule || e.also.as_deref() == Some(r);
            let before = found.len();
            // Every finding of an accepted rule on the line is this one error (a finding
            // under both accepted ids counts once).
            found.retain(|(line, rule, _)| !(*line == e.line && accepts(rule)));
            let hit = found.len() < before;
            let cat = category(&e.rule);
            for c in [
                tally.by_rule.entry(e.rule.clone()).or_default(),
                tally.by_class.entry(e.class.clone()).or_default(),
                tally.by_category.entry(cat).or_default(),
                &mut tally.all,
            ] {
                if hit {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                }
            }
            if !hit {
                tally.misses.push(format!(
                    "{}:{} {} [{}]: {}",
                    case.file, e.line, e.rule, e.class, e.description
                ));
            }
        }
        for s in &case.silent {
            tally.silent += 1;
            if !found.iter().any(|(line, _, _)| *line == s.line) {
                tally.silent_kept += 1;
            }
        }
        for (line, rule, message) in &found {
            let class = case
                .silent
                .iter()
                .find(|s| s.line == *line)
                .map(|s| s.class.as_str())
                .or_else(|| {
                    case.expect
                        .iter()
                        .find(|e| e.line == *line)
                        .map(|e| e.class.as_str())
                })
                .unwrap_or("unlisted line");
            for c in [
                tally.by_rule.entry(rule.clone()).or_default(),
                tally.by_class.entry(class.to_string()).or_default(),
                tally.by_category.entry(category(rule)).or_default(),
                &mut tally.all,
            ] {
                c.fp += 1;
            }
            let what = case
                .silent
                .iter()
                .find(|s| s.line == *line)
                .map(|s| format!(" (rewording: {})", s.description))
                .unwrap_or_default();
            tally.false_alarms.push(format!(
                "{}:{line} {rule} [{class}]: {message}{what}",
                case.file
            ));
        }
    }
    tallies
}

fn table(
    out: &mut String,
    head: &str,
    keys: &[String],
    tallies: &BTreeMap<String, Tally>,
    get: impl Fn(&Tally, &str) -> Count,
) {
    let _ = writeln!(
        out,
        "| {head} | dev TP | dev FP | dev FN | dev precision | dev recall | held-out TP | held-out FP | held-out FN | held-out precision | held-out recall |"
    );
    let _ = writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for k in keys {
        let mut row = format!("| {k} ");
        for split in SPLITS {
            let c = tallies.get(*split).map(|t| get(t, k)).unwrap_or_default();
            let _ = write!(
                row,
                "| {} | {} | {} | {} | {} ",
                c.tp,
                c.fp,
                c.fn_,
                ratio(c.precision()),
                ratio(c.recall())
            );
        }
        let _ = writeln!(out, "{row}|");
    }
    out.push('\n');
}

fn tables(tallies: &BTreeMap<String, Tally>) -> String {
    let mut out = String::new();
    let get_all = |t: &Tally, _: &str| t.all;
    table(&mut out, "all", &["all".to_string()], tallies, get_all);

    let mut rows = Vec::new();
    for split in SPLITS {
        if let Some(t) = tallies.get(*split) {
            rows.push(format!(
                "| {split} | {} | {} of {} |",
                t.drafts, t.silent_kept, t.silent
            ));
        }
    }
    let _ = writeln!(out, "| half | drafts | rewordings that stayed silent |");
    let _ = writeln!(out, "|---|---:|---:|");
    for r in rows {
        let _ = writeln!(out, "{r}");
    }
    out.push('\n');

    let _ = writeln!(out, "### Per category\n");
    let cats: Vec<String> = ["fact base", "self-contradiction", "time", "other"]
        .iter()
        .filter(|c| tallies.values().any(|t| t.by_category.contains_key(**c)))
        .map(|c| c.to_string())
        .collect();
    table(&mut out, "category", &cats, tallies, |t, k| {
        t.by_category.get(k).copied().unwrap_or_default()
    });

    let _ = writeln!(out, "### Per class (issue 23)\n");
    let mut classes: Vec<String> = CLASSES.iter().map(|c| c.to_string()).collect();
    for t in tallies.values() {
        for k in t.by_class.keys() {
            if !classes.contains(k) {
                classes.push(k.clone());
            }
        }
    }
    table(&mut out, "class", &classes, tallies, |t, k| {
        t.by_class.get(k).copied().unwrap_or_default()
    });

    let _ = writeln!(out, "### Per rule\n");
    let mut rules: Vec<String> = Vec::new();
    for t in tallies.values() {
        for k in t.by_rule.keys() {
            if !rules.contains(k) {
                rules.push(k.clone());
            }
        }
    }
    rules.sort();
    table(&mut out, "rule", &rules, tallies, |t, k| {
        t.by_rule.get(k).copied().unwrap_or_default()
    });
    out
}

/// The real-text section: the recorded verdicts, and (when the texts are present) a
/// comparison of today's findings with them.
fn real_text(root: &Path, dir: Option<&Path>, base: &FactBase) -> (String, Vec<String>) {
    let mut problems = Vec::new();
    let real: Real = match std::fs::read_to_string(root.join("accuracy/real.toml")) {
        Ok(text) => toml::from_str(&text).expect("accuracy/real.toml is valid"),
        Err(_) => Real {
            excerpt: Vec::new(),
        },
    };
    let recorded: usize = real.excerpt.iter().map(|e| e.finding.len()).sum();
    let right = real
        .excerpt
        .iter()
        .flat_map(|e| &e.finding)
        .filter(|f| f.verdict == "right")
        .count();
    let claims: usize = real.excerpt.iter().map(|e| e.claims.len()).sum();
    let misses: usize = real.excerpt.iter().map(|e| e.miss.len()).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} excerpts with {claims} claims: **{recorded} findings, {right} right**; {misses} real error(s) that the fact base covers were missed.\n",
        real.excerpt.len()
    );
    let _ = writeln!(out, "| excerpt | date | line | rule | verdict | reason |");
    let _ = writeln!(out, "|---|---|---:|---|---|---|");
    for e in &real.excerpt {
        for f in &e.finding {
            let _ = writeln!(
                out,
                "| {} | {} | {} | `{}` | {} | {} |",
                e.file, e.date, f.line, f.rule, f.verdict, f.reason
            );
        }
        for m in &e.miss {
            let _ = writeln!(
                out,
                "| {} | {} | {} | (none) | missed | {} |",
                e.file, e.date, m.line, m.reason
            );
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Sources, in the order of the excerpts:\n");
    for e in &real.excerpt {
        let approx = if e.approximate { ", approximate" } else { "" };
        let _ = writeln!(out, "- {}: <{}> ({}{approx})", e.file, e.url, e.date);
    }
    out.push('\n');

    if let Some(dir) = dir.filter(|d| d.is_dir()) {
        let mut now = 0;
        let mut now_right = 0;
        for e in &real.excerpt {
            let path = dir.join(&e.file);
            let Ok(text) = std::fs::read_to_string(&path) else {
                problems.push(format!("{}: missing", path.display()));
                continue;
            };
            let result = check_text(Path::new(&e.file), &text, base, &CheckOptions::default());
            for d in &result.diagnostics {
                now += 1;
                let line = line_of(&text, d.span.start);
                match e
                    .finding
                    .iter()
                    .find(|f| f.line == line && f.rule == d.rule.as_str())
                {
                    Some(f) if f.verdict == "right" => now_right += 1,
                    Some(_) => {}
                    None => problems.push(format!(
                        "{}:{line} {}: {} (not in accuracy/real.toml: judge it)",
                        e.file,
                        d.rule.as_str(),
                        d.message
                    )),
                }
            }
            for f in &e.finding {
                let still = result
                    .diagnostics
                    .iter()
                    .any(|d| line_of(&text, d.span.start) == f.line && d.rule.as_str() == f.rule);
                if !still {
                    problems.push(format!(
                        "{}:{} {}: recorded in accuracy/real.toml but no longer found",
                        e.file, f.line, f.rule
                    ));
                }
            }
        }
        println!(
            "real excerpts in {}: {now} findings, {now_right} right (recorded: {recorded}, {right} right)",
            dir.display()
        );
    } else {
        println!(
            "real excerpts: texts not present (--real DIR or FACTLINT_REAL_EXCERPTS); recorded: {recorded} findings, {right} right"
        );
    }
    (out, problems)
}

const INTRO: &str = "# Accuracy

How often factlint is right on drafts it was not tuned on (issue 23). This file is
generated: do not edit it by hand. Regenerate it with

```sh
cargo run --release --example accuracy -- --write
```

The same command without `--write` prints the tables and fails (exit 1) when precision on
the held-out half is below 0.95; CI runs it (`.ci/run`).

## The evaluation

`accuracy/drafts/` holds the drafts (counted per half below) written for this evaluation (no published sentence is
copied) in seven house styles: news wire, blog listicle, FAQ, press release, table-heavy
explainer, investor note and machine-written summary. Each has an article date in its
front matter and talks about what the built-in fact base knows. Each has planted errors
and truth-preserving rewordings; `accuracy/cases.toml` names, for every planted error,
its line, the rule that should report it (an `also` rule is accepted for the same
error), its class and what was planted, and for every rewording its line and class.

Each draft is checked on its own with the built-in fact base and default options (so
`corpus-contradiction` is not measured). A finding on the line of a planted error with
its rule (or `also` rule) is a true positive; a planted error with no such finding is a
false negative; every other finding, on a rewording or on any other line, is a false
positive. Categories: *fact base* (`value-mismatch`, `stale-value`, `date-mismatch`,
`lineup-mismatch`, `unknown-model`), *self-contradiction* (`self-contradiction`,
`sum-mismatch`, `table-arithmetic`, `ratio-mismatch`), *time* (`anachronism`,
`relative-date`). A planted error counts under its expected rule; a false positive
under the rule that reported it, and under the class of the line it is on.

**The split** (fixed once, at the top of `accuracy/cases.toml`): the drafts of each
style were written in pairs planting the same mix of classes with other facts, dates and
wording; in each style the 1st, 3rd, 5th… draft is *dev*, the 2nd, 4th, 6th… is
*held-out*. Rules may change because of a dev case, never because of a held-out one;
new cases go to the dev half.

## Results
";

fn main() {
    let show_held_out = std::env::args().any(|a| a == "--held-out-false-alarms");
    let mut write = false;
    let mut misses = false;
    let mut real_dir: Option<PathBuf> =
        std::env::var_os("FACTLINT_REAL_EXCERPTS").map(PathBuf::from);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--write" => write = true,
            "--misses" => misses = true,
            "--held-out-false-alarms" => {}
            "--real" => real_dir = args.next().map(PathBuf::from),
            _ => {
                eprintln!("usage: accuracy [--write] [--misses] [--real DIR]");
                std::process::exit(2);
            }
        }
    }
    let real_dir = real_dir.unwrap_or_else(|| PathBuf::from("/work/real-excerpts"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(root.join("accuracy/cases.toml")).expect("accuracy/cases.toml"),
    )
    .expect("accuracy/cases.toml is valid");
    for c in &cases.case {
        assert!(
            SPLITS.contains(&c.split.as_str()),
            "{}: split {:?}",
            c.file,
            c.split
        );
        assert!(!c.style.is_empty(), "{}: no style", c.file);
    }
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in fact base is valid");
    let tallies = evaluate(root, &cases, &base);
    let body = tables(&tallies);
    print!("{body}");

    if misses && let Some(dev) = tallies.get("dev") {
        println!("dev misses ({}):", dev.misses.len());
        for m in &dev.misses {
            println!("  {m}");
        }
        println!("dev false alarms ({}):", dev.false_alarms.len());
        for m in &dev.false_alarms {
            println!("  {m}");
        }
    }

    if show_held_out && let Some(h) = tallies.get("held-out") {
        println!("held-out false alarms ({}):", h.false_alarms.len());
        for m in &h.false_alarms {
            println!("  {m}");
        }
    }

    let (real, problems) = real_text(root, Some(&real_dir), &base);
    for p in &problems {
        eprintln!("real excerpts: {p}");
    }

    if write {
        let doc = format!(
            "{INTRO}\n{body}## Real published text\n\nExcerpts of real articles (2023–2025) about these deals, AWS chips and model launches, found with a search of stored web pages. Their texts are kept outside the repository; `accuracy/real.toml` keeps each excerpt's URL, date, the lines of its claims and every finding with a verdict. With the texts present (`--real DIR`, `$FACTLINT_REAL_EXCERPTS`, or `/work/real-excerpts`), the command checks them again and reports findings that are not recorded.\n\n{real}"
        );
        std::fs::write(root.join("ACCURACY.md"), doc).expect("ACCURACY.md written");
        println!("wrote ACCURACY.md");
    }

    let held_out = tallies.get("held-out").map(|t| t.all).unwrap_or_default();
    let precision = held_out.precision().unwrap_or(1.0);
    if precision < MIN_HELD_OUT_PRECISION {
        eprintln!(
            "held-out precision {precision:.2} is below {MIN_HELD_OUT_PRECISION:.2} ({} true, {} false positives)",
            held_out.tp, held_out.fp
        );
        std::process::exit(1);
    }
}
