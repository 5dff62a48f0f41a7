//! The floor under any run of factlint: what its first stages cost on their own, as
//! whole processes over the same files `factlint check` reads, so that each can be
//! timed against `rg` in the same run (BENCHMARKS.md, "The floor of the stages").
//! Each stage does the work of the ones before it and its own:
//!
//! - `read`: walk the paths and read every draft (in parallel, as `check` does);
//! - `pulldown`: parse each draft with pulldown-cmark, with `check`'s options,
//!   reading every event and its byte range, and nothing more;
//! - `scan`: factlint's Markdown scan (`markdown::scan`: prose blocks with their byte
//!   maps, tables, directives) instead of the bare parse;
//! - `names`: the built-in base's names automaton over the text of every block;
//! - `sentences`: the sentences of every block as well;
//! - `values`: the recognizers (money, dates, percentages, counts) over every block
//!   as well — what any checker of numbers must find, before it attributes one.
//!
//! `cargo run --release --example floor -- STAGE PATH...` prints what it counted (so
//! that no stage is optimized away) on one line.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use factlint::facts::FactBase;
use factlint::facts::names;
use factlint::read::{markdown, sentence, walk};
use pulldown_cmark::Parser;
use rayon::prelude::*;

/// The allocator of the `factlint` binary, so that a stage allocates as `check` does.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The stages, in order: each does the work of those before it.
const STAGES: &[&str] = &["read", "pulldown", "scan", "names", "sentences", "values"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(stage) = args
        .first()
        .and_then(|s| STAGES.iter().position(|x| x == s))
    else {
        eprintln!("usage: floor {{{}}} PATH...", STAGES.join("|"));
        return ExitCode::from(2);
    };
    let paths: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
    let (files, errors) = walk::collect(&paths);
    if let Some(e) = errors.first() {
        eprintln!("{}: {}", e.path.display(), e.message);
        return ExitCode::from(2);
    }
    let Ok(mut base) = FactBase::load(FactBase::builtin_files()) else {
        eprintln!("the built-in fact base has errors");
        return ExitCode::from(2);
    };
    let size: u64 = files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    base.names.expect_text(size);
    let base = &base;
    // Per file: bytes, then what the stage counted.
    let counted: Vec<(usize, usize)> = files
        .par_iter()
        .map(|path| {
            let Ok(Some(text)) = factlint::run::read_draft(path) else {
                return (0, 0);
            };
            (text.len(), run(stage, &text, base))
        })
        .collect();
    let bytes: usize = counted.iter().map(|c| c.0).sum();
    let count: usize = counted.iter().map(|c| c.1).sum();
    println!(
        "{}: {} files, {bytes} bytes, counted {count}",
        STAGES[stage],
        files.len()
    );
    ExitCode::SUCCESS
}

/// The work of stage `stage` (an index into [`STAGES`]) on one draft, and its count.
fn run(stage: usize, text: &str, base: &FactBase) -> usize {
    match stage {
        0 => text.len(),
        1 => Parser::new_ext(text, markdown::parser_options())
            .into_offset_iter()
            .map(|(_, range)| range.len())
            .sum(),
        _ => {
            let doc = markdown::scan(text);
            let mut count = doc.blocks.len();
            let mut found: Vec<names::NameMatch> = Vec::new();
            let mut sentences = Vec::new();
            let mut mentions = Vec::new();
            for block in &doc.blocks {
                if stage >= 3 {
                    found.clear();
                    base.names.find(&block.text, &mut found);
                    count += found.len();
                }
                if stage >= 4 {
                    sentence::split_into(&block.text, &mut sentences);
                    count += sentences.len();
                }
                if stage >= 5 {
                    mentions.clear();
                    factlint::recognize::recognize_into(&block.text, &mut mentions);
                    count += mentions.len();
                }
            }
            count
        }
    }
}
