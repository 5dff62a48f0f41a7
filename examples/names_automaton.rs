//! Measures what the kind of the names automaton costs with a given fact base: the
//! time to build it and to scan a text, as a DFA (what a run of unknown or large size
//! builds) and as the crate's choice for a small run (an NFA, for a large base). The
//! break-even size behind `names::DFA_MIN_BYTES` comes from here.
//!
//! `cargo run --release --example names_automaton -- facts.toml draft.md [repeat]`
//! (the base is the built-in one plus `facts.toml`; the draft is repeated `repeat`
//! times, 1,000 by default; the best of five runs of each is printed).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::{Duration, Instant};

use factlint::facts::{FactBase, FactFile};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(facts), Some(draft)) = (args.first(), args.get(1)) else {
        eprintln!("usage: names_automaton FACTS.toml DRAFT.md [REPEAT]");
        return ExitCode::from(2);
    };
    let repeat: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1_000);
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| eprintln!("{p}: {e}"));
    let (Ok(facts_text), Ok(draft_text)) = (read(facts), read(draft)) else {
        return ExitCode::from(2);
    };
    let mut files = FactBase::builtin_files();
    files.push(FactFile {
        name: facts.clone(),
        text: facts_text,
    });
    let text = draft_text.repeat(repeat);
    let mb = text.len() as f64 / 1e6;
    for (label, expected) in [("DFA (size unknown)", None), ("small run", Some(0))] {
        let (mut build, mut scan) = (Duration::MAX, Duration::MAX);
        let mut found = 0;
        for _ in 0..5 {
            let Ok(mut base) = FactBase::load(files.clone()) else {
                eprintln!("the fact base has errors: run `factlint facts check` on it");
                return ExitCode::from(2);
            };
            if let Some(bytes) = expected {
                base.names.expect_text(bytes);
            }
            let t = Instant::now();
            base.names.build_automaton();
            build = build.min(t.elapsed());
            let mut out = Vec::new();
            let t = Instant::now();
            base.names.find(&text, &mut out);
            scan = scan.min(t.elapsed());
            found = out.len();
        }
        println!(
            "{label}: build {:.1} ms, scan {mb:.1} MB {:.1} ms ({:.2} ms/MB, {found} matches)",
            build.as_secs_f64() * 1e3,
            scan.as_secs_f64() * 1e3,
            scan.as_secs_f64() * 1e3 / mb
        );
    }
    ExitCode::SUCCESS
}
