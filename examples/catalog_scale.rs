//! Measures that the cost of checking a draft does not grow with the size of the
//! product catalog: checks one draft (repeated to a large text) with the built-in
//! base, and with the built-in base plus a generated catalog nine times its size (so
//! ten times in all), and prints the best of several runs of each.
//!
//! `cargo run --release --example catalog_scale -- draft.md [repeat]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::time::{Duration, Instant};

use factlint::facts::{FactBase, FactFile};
use factlint::run::{CheckOptions, check_text};

#[allow(dead_code)]
#[path = "gencorpus/generate.rs"]
mod generate;

fn best_of(runs: usize, text: &str, base: &FactBase) -> (Duration, usize) {
    let opts = CheckOptions::default();
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let r = check_text(Path::new("draft.md"), text, base, &opts);
        best = best.min(t.elapsed());
        found = r.diagnostics.len();
    }
    (best, found)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: catalog_scale DRAFT.md [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let Ok(draft) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    // Keep the front matter once, repeat the body.
    let (head, body) = match draft
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
    {
        Some((fm, body)) => (format!("---\n{fm}\n---\n"), body.to_string()),
        None => (String::new(), draft.clone()),
    };
    let text = format!("{head}{}", body.repeat(repeat));

    let builtin = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
    let n = builtin.products.len();
    let mut files = FactBase::builtin_files();
    let families = builtin.families.len() * 9;
    let per_family = (n * 9).div_ceil(families);
    files.push(FactFile {
        name: "generated.toml".to_string(),
        text: generate::family_catalog(families, per_family),
    });
    let t = Instant::now();
    let big = FactBase::load(files).expect("the generated catalog is valid");
    let load = t.elapsed();

    let (a, fa) = best_of(7, &text, &builtin);
    let (b, fb) = best_of(7, &text, &big);
    println!("draft: {} bytes ({repeat} copies of {path})", text.len());
    println!(
        "built-in base: {} products, {} families: best {:.1} ms, {fa} findings",
        builtin.products.len(),
        builtin.families.len(),
        a.as_secs_f64() * 1e3
    );
    println!(
        "with the generated catalog: {} products, {} families (loaded in {:.1} ms): best {:.1} ms, {fb} findings",
        big.products.len(),
        big.families.len(),
        load.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3
    );
    println!("ratio: {:.2}", b.as_secs_f64() / a.as_secs_f64());
}
