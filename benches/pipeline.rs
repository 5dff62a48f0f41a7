//! Throughput of each stage of the pipeline and of the whole check, in MB/s of
//! Markdown, over a generated corpus (the generator of `examples/gencorpus`, same seed
//! every run); and how the cost scales with the fact base and the threads.
//!
//! ```sh
//! cargo bench --bench pipeline                 # 4 MB corpus
//! FACTLINT_BENCH_MB=16 cargo bench --bench pipeline
//! cargo bench --bench pipeline -- stages        # one group
//! ```
//!
//! Stages (one thread, the built-in fact base):
//! - `scan`: Markdown to prose blocks (pulldown-cmark and the byte maps);
//! - `recognize`: money, percentages, dates and counts in every block;
//! - `names`: the one automaton of names, aliases and cue words over every block;
//! - `sentences`: sentence splitting of every block;
//! - `analysis`: claims, attribution and time, from scanned documents (it runs the
//!   three stages above again, as a check does);
//! - `rules`: every rule over documents analysed afresh for each sample (the
//!   analysing not timed);
//! - `check_text`: the whole check of a text (scan, analysis, rules).
//!
//! Scale: `facts` checks a corpus that names the entities and products of a generated
//! base of 10,000 facts and 10,000 products, with the built-in base plus the first
//! 100, 1,000 or 10,000 of them (the same text; a bigger base finds more names and
//! attributes more values); `load` is the one-off cost of loading such a base;
//! `threads` checks the corpus written to disk with `check_paths` in a rayon pool of
//! 1 and of every core.
//!
//! Whole-process comparisons (with `rg` and `markdownlint-cli2`) are in
//! `BENCHMARKS.md`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use factlint::analysis::Analysis;
use factlint::facts::{FactBase, FactFile};
use factlint::read::markdown::{self, Document};
use factlint::rules::RULES;
use factlint::run::{CheckOptions, check_paths, check_text};

#[allow(dead_code)]
#[path = "../examples/gencorpus/generate.rs"]
mod generate;

fn main() {
    divan::main();
}

/// Megabytes of Markdown per benchmark corpus.
fn corpus_mb() -> usize {
    std::env::var("FACTLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
}

/// A base with its names automaton built (it is built on first use otherwise, which
/// would time it in a first sample).
fn built(base: FactBase) -> FactBase {
    base.names.build_automaton();
    base
}

fn builtin() -> FactBase {
    built(FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid"))
}

/// Articles of about `mb` megabytes in all, naming what `base` knows.
fn articles(base: &FactBase, mb: usize, seed: u64) -> Vec<String> {
    let catalog = generate::Catalog::new(base);
    let mut r = generate::Rng(seed);
    let (size, mut total, mut out) = (mb << 20, 0, Vec::new());
    while total < size {
        let target = (2048.0 * 100f64.powf(r.unit())) as usize;
        let a = generate::article(&mut r, &catalog, target.min(size - total).max(512));
        total += a.len();
        out.push(a);
    }
    out
}

fn bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

static BUILTIN: LazyLock<FactBase> = LazyLock::new(builtin);
static CORPUS: LazyLock<Vec<String>> = LazyLock::new(|| articles(&BUILTIN, corpus_mb(), 42));
static DOCS: LazyLock<Vec<Document>> =
    LazyLock::new(|| CORPUS.iter().map(|t| markdown::scan(t)).collect());

fn blocks() -> impl Iterator<Item = &'static str> {
    DOCS.iter()
        .flat_map(|d| d.blocks.iter().map(|b| b.text.as_str()))
}

mod stages {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn scan(b: Bencher) {
        b.counter(bytes(&CORPUS)).bench(|| {
            CORPUS
                .iter()
                .map(|t| markdown::scan(t).blocks.len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn recognize(b: Bencher) {
        let mut out = Vec::new();
        b.counter(bytes(&CORPUS)).bench_local(|| {
            let mut n = 0;
            for t in blocks() {
                out.clear();
                factlint::recognize::recognize_into(t, &mut out);
                n += out.len();
            }
            n
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn names(b: Bencher) {
        let mut out = Vec::new();
        b.counter(bytes(&CORPUS)).bench_local(|| {
            let mut n = 0;
            for t in blocks() {
                out.clear();
                BUILTIN.names.find(t, &mut out);
                n += out.len();
            }
            n
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn sentences(b: Bencher) {
        b.counter(bytes(&CORPUS)).bench(|| {
            blocks()
                .map(|t| factlint::read::sentence::split(t).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn analysis(b: Bencher) {
        b.counter(bytes(&CORPUS)).bench(|| {
            CORPUS
                .iter()
                .zip(DOCS.iter())
                .map(|(t, d)| {
                    let a = Analysis::new(Path::new("a.md"), t, d, &BUILTIN, None);
                    a.claims.len() + a.verdicts.len()
                })
                .sum::<usize>()
        });
    }

    /// Each sample gets documents analysed afresh (not timed): an analysis keeps what
    /// some rules compute (the consistency rules' statements), so rules run twice on
    /// one analysis would be timed without that work.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn rules(b: Bencher) {
        b.counter(bytes(&CORPUS))
            .with_inputs(|| {
                CORPUS
                    .iter()
                    .zip(DOCS.iter())
                    .map(|(t, d)| Analysis::new(Path::new("a.md"), t, d, &BUILTIN, None))
                    .collect::<Vec<Analysis<'static>>>()
            })
            .bench_local_values(|analyses| {
                let mut out = Vec::new();
                for a in &analyses {
                    for rule in RULES {
                        rule.check(a, &mut out);
                    }
                }
                (out.len(), analyses)
            });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn check_text(b: Bencher) {
        let opts = CheckOptions::default();
        b.counter(bytes(&CORPUS)).bench(|| {
            CORPUS
                .iter()
                .map(|t| {
                    super::check_text(Path::new("a.md"), t, &BUILTIN, &opts)
                        .diagnostics
                        .len()
                })
                .sum::<usize>()
        });
    }
}

mod scale {
    use super::*;

    /// The generated base of 10,000 facts and products, and a corpus naming it.
    static BIG: LazyLock<(FactBase, Vec<String>)> = LazyLock::new(|| {
        let base = with_generated(10_000);
        let texts = articles(&base, corpus_mb(), 7);
        (base, texts)
    });

    fn generated_file(count: usize) -> FactFile {
        let (text, _) = generate::fact_file(&BUILTIN, count, count, 42);
        FactFile {
            name: format!("generated-{count}.toml"),
            text,
        }
    }

    fn with_generated(count: usize) -> FactBase {
        let mut files = FactBase::builtin_files();
        files.push(generated_file(count));
        built(FactBase::load(files).expect("the generated base is valid"))
    }

    /// The whole check of the same texts with bigger and bigger bases.
    #[divan::bench(args = [100, 1_000, 10_000], sample_count = 10, sample_size = 1)]
    fn facts(b: Bencher, count: usize) {
        let (big, texts) = &*BIG;
        let small;
        let base = if count == 10_000 {
            big
        } else {
            small = with_generated(count);
            &small
        };
        let opts = CheckOptions::default();
        b.counter(bytes(texts)).bench(|| {
            texts
                .iter()
                .map(|t| {
                    check_text(Path::new("a.md"), t, base, &opts)
                        .diagnostics
                        .len()
                })
                .sum::<usize>()
        });
    }

    /// Loading the built-in base plus a generated one (TOML, checks, the automaton).
    #[divan::bench(args = [100, 1_000, 10_000], sample_count = 5, sample_size = 1)]
    fn load(b: Bencher, count: usize) {
        let file = generated_file(count);
        b.with_inputs(|| {
            let mut files = FactBase::builtin_files();
            files.push(file.clone());
            files
        })
        .bench_values(|files| FactBase::load(files).map(|f| built(f).facts.len()));
    }

    /// The corpus on disk, checked by `check_paths` in a pool of `threads` threads
    /// (0: every core).
    static ON_DISK: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (i, t) in CORPUS.iter().enumerate() {
            std::fs::write(dir.path().join(format!("a{i:05}.md")), t).expect("write");
        }
        let p = dir.path().to_path_buf();
        (dir, p)
    });

    #[divan::bench(args = [1, 0], sample_count = 10, sample_size = 1)]
    fn threads(b: Bencher, threads: usize) {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        let paths = vec![ON_DISK.1.clone()];
        let opts = CheckOptions::default();
        b.counter(bytes(&CORPUS))
            .bench(|| pool.install(|| check_paths(&paths, &BUILTIN, &opts).files_checked()));
    }
}
