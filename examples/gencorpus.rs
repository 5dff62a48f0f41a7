//! Generates a deterministic benchmark corpus and scaled fact bases.
//!
//! ```sh
//! cargo run --release --example gencorpus -- corpus DIR --size 200M [--seed 42]
//! cargo run --release --example gencorpus -- facts FILE --count 10000 [--seed 42]
//! ```
//!
//! `corpus` writes Markdown articles of realistic shape (front matter, headings, prose
//! with money, dates, percentages and model names, tables, code blocks, lists), sized
//! from 2 KB to 200 KB (log-uniform), until the total size is reached, plus
//! `names.txt`: every entity name of the built-in base, one per line, for
//! `rg --count-matches -F -f names.txt` (the floor a linter of names cannot beat).
//! `facts` writes one fact file with `count` facts (entities with aliases, events with
//! amounts and dates, running totals), valid for `factlint facts check`.
//!
//! The random generator is SplitMix64, written out here so that a seed gives the same
//! corpus on every machine and every version, which a general-purpose crate's
//! generators do not promise.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const COMPANIES: &[&str] = &[
    "Amazon",
    "AWS",
    "Anthropic",
    "Google",
    "Microsoft",
    "OpenAI",
    "Meta",
    "Mistral",
    "Nvidia",
    "Cohere",
];
const MODELS: &[&str] = &[
    "Claude 3.5 Sonnet",
    "Claude 3 Opus",
    "Claude 3 Haiku",
    "GPT-4o",
    "GPT-4",
    "Gemini 1.5 Pro",
    "Llama 3.1 405B",
    "Mistral Large",
    "Mixtral 8x7B",
    "Trainium2",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NOUNS: &[&str] = &[
    "customers",
    "developers",
    "enterprises",
    "engineers",
    "startups",
    "partners",
];
const WORDS: &[&str] = &[
    "the",
    "partnership",
    "cloud",
    "compute",
    "training",
    "inference",
    "model",
    "platform",
    "enterprise",
    "capacity",
    "market",
    "strategy",
    "silicon",
    "workloads",
    "pricing",
    "agreement",
    "regulators",
    "growth",
    "investors",
    "infrastructure",
    "deployment",
    "latency",
    "throughput",
    "benchmark",
    "roadmap",
    "team",
];

fn money(r: &mut Rng) -> String {
    match r.below(5) {
        0 => format!("${}.{} billion", 1 + r.below(20), r.below(100)),
        1 => format!("${}B", 1 + r.below(50)),
        2 => format!("${} million", 10 + r.below(990)),
        3 => format!("US${}bn", 1 + r.below(15)),
        _ => format!("about ${} billion", 1 + r.below(30)),
    }
}

fn date(r: &mut Rng) -> String {
    let y = 2019 + r.below(7);
    match r.below(4) {
        0 => format!("{} {}, {y}", r.pick(MONTHS), 1 + r.below(28)),
        1 => format!("{} {y}", r.pick(MONTHS)),
        2 => format!("Q{} {y}", 1 + r.below(4)),
        _ => format!("{y}-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28)),
    }
}

fn filler(r: &mut Rng, words: usize, out: &mut String) {
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let w: &&str = r.pick(WORDS);
        out.push_str(w);
    }
}

fn sentence(r: &mut Rng, out: &mut String) {
    let (a, b) = (*r.pick(COMPANIES), *r.pick(COMPANIES));
    match r.below(8) {
        0 => write!(
            out,
            "{a} said on {} that it would invest {} in {b}, bringing its total investment to {}.",
            date(r),
            money(r),
            money(r)
        ),
        1 => write!(
            out,
            "More than {},{:03} {} now use {} through {a}.",
            1 + r.below(300),
            r.below(1000),
            r.pick(NOUNS),
            r.pick(MODELS)
        ),
        2 => write!(
            out,
            "{a} cut costs by {}% after moving {} workloads to {}.",
            1 + r.below(90),
            r.pick(NOUNS),
            r.pick(MODELS)
        ),
        3 => write!(
            out,
            "In {}, {a} and {b} announced a deal worth {}.",
            date(r),
            money(r)
        ),
        4 => write!(
            out,
            "{} launched in {} and was followed by {} within months.",
            r.pick(MODELS),
            date(r),
            r.pick(MODELS)
        ),
        5 => write!(
            out,
            "The initial {} came in two tranches: {} and {}.",
            money(r),
            money(r),
            money(r)
        ),
        _ => {
            out.push_str("The ");
            let n = 6 + r.below(12);
            filler(r, n, out);
            out.push('.');
            Ok(())
        }
    }
    .expect("write to a String");
}

fn article(r: &mut Rng, target: usize) -> String {
    let mut out = String::with_capacity(target + 1024);
    let y = 2023 + r.below(3);
    writeln!(
        out,
        "---\ntitle: \"{} and {}: generated article\"\ndate: {y}-{:02}-{:02}\n---\n",
        r.pick(COMPANIES),
        r.pick(COMPANIES),
        1 + r.below(12),
        1 + r.below(28)
    )
    .expect("write");
    writeln!(out, "# {} bets on {}\n", r.pick(COMPANIES), r.pick(MODELS)).expect("write");
    while out.len() < target {
        match r.below(10) {
            0 => {
                writeln!(out, "## {} and the {}\n", r.pick(COMPANIES), r.pick(WORDS))
                    .expect("write");
            }
            1 => {
                out.push_str("| Date | Investment | Cumulative | Share |\n|---|---:|---:|---:|\n");
                for _ in 0..2 + r.below(6) {
                    writeln!(
                        out,
                        "| {} | {} | {} | {}% |",
                        date(r),
                        money(r),
                        money(r),
                        r.below(100)
                    )
                    .expect("write");
                }
                out.push('\n');
            }
            2 => {
                out.push_str("```python\n");
                for _ in 0..1 + r.below(6) {
                    writeln!(
                        out,
                        "total_{} = {}  # ${} billion",
                        r.below(100),
                        r.next() % 1_000_000_000,
                        r.below(50)
                    )
                    .expect("write");
                }
                out.push_str("```\n\n");
            }
            3 => {
                for _ in 0..2 + r.below(4) {
                    out.push_str("- ");
                    sentence(r, &mut out);
                    out.push('\n');
                }
                out.push('\n');
            }
            _ => {
                for i in 0..2 + r.below(5) {
                    if i > 0 {
                        out.push(' ');
                    }
                    sentence(r, &mut out);
                }
                if r.below(4) == 0 {
                    write!(
                        out,
                        " See [the report](https://example.org/{}/{}-billion).",
                        2020 + r.below(6),
                        r.below(100)
                    )
                    .expect("write");
                }
                out.push_str("\n\n");
            }
        }
    }
    out
}

fn parse_size(s: &str) -> Option<usize> {
    let (num, mult) = match s.chars().last()? {
        'K' | 'k' => (&s[..s.len() - 1], 1 << 10),
        'M' | 'm' => (&s[..s.len() - 1], 1 << 20),
        'G' | 'g' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

fn corpus(dir: &Path, size: usize, seed: u64) -> std::io::Result<()> {
    let mut r = Rng(seed);
    std::fs::create_dir_all(dir)?;
    let (mut total, mut n) = (0usize, 0usize);
    while total < size {
        // Log-uniform sizes from 2 KB to 200 KB.
        let target = (2048.0 * 100f64.powf(r.unit())) as usize;
        let text = article(&mut r, target.min(size - total).max(512));
        let sub = dir.join(format!("{:03}", n / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("article-{n:06}.md")), &text)?;
        total += text.len();
        n += 1;
    }
    let base = factlint::facts::FactBase::load(factlint::facts::FactBase::builtin_files())
        .expect("built-in base");
    let mut names: Vec<String> = base.entities.iter().flat_map(|e| e.names.clone()).collect();
    names.sort();
    names.dedup();
    std::fs::write(
        dir.parent().unwrap_or(dir).join("names.txt"),
        names.join("\n") + "\n",
    )?;
    eprintln!("wrote {n} articles, {total} bytes, to {}", dir.display());
    Ok(())
}

const SYLLABLES: &[&str] = &[
    "vel", "trix", "nor", "va", "zen", "lum", "ora", "quin", "tal", "mer", "cor", "dyn", "ax",
    "io", "ret", "sol",
];

fn company(r: &mut Rng, i: usize) -> String {
    let mut s = String::new();
    for _ in 0..2 + r.below(2) {
        let syl: &&str = r.pick(SYLLABLES);
        s.push_str(syl);
    }
    let mut c = s.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
    format!("{first}{}{i}", c.as_str())
}

fn facts(file: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    let mut r = Rng(seed);
    let mut out = String::from(
        "# Generated for benchmarks: not real facts.\n[meta]\ntitle = \"generated\"\nchecked = \"2026-11-26\"\n\n",
    );
    let entities = (count / 4).max(2);
    for i in 0..entities {
        let name = company(&mut r, i);
        writeln!(
            out,
            "[[entity]]\nid = \"gen-{i}\"\nnames = [\"{name}\", \"{name} Labs\", \"{name} Inc.\"]\n"
        )
        .expect("write");
    }
    let mut made = 0;
    let mut k = 0;
    while made < count {
        let (a, b) = (k % entities, (k * 7 + 1) % entities);
        if a == b {
            k += 1;
            continue;
        }
        let (t1, t2) = (1 + r.below(9), 1 + r.below(9));
        let y = 2019 + r.below(6);
        writeln!(out, "[[event]]\nid = \"gen/{k}/t1\"\nwhat = \"the first investment {k}\"\ndate = \"{y}-03-1{}\"\nentities = [\"gen-{a}\", \"gen-{b}\"]\ncues = [\"initial\", \"first\"]\namount = \"${t1} billion\"\nsource = \"https://example.org/generated\"\n", r.below(9)).expect("write");
        writeln!(out, "[[event]]\nid = \"gen/{k}/t2\"\nwhat = \"the second investment {k}\"\ndate = \"{}-06-1{}\"\nentities = [\"gen-{a}\", \"gen-{b}\"]\ncues = [\"additional\", \"second\"]\namount = \"${t2} billion\"\nsource = \"https://example.org/generated\"\n", y + 1, r.below(9)).expect("write");
        writeln!(out, "[[quantity]]\nid = \"gen/{k}/total\"\nwhat = \"the total investment {k}\"\nentities = [\"gen-{a}\", \"gen-{b}\"]\ncues = [\"total\", \"cumulative\"]\nsum-of = [\"gen/{k}/t1\", \"gen/{k}/t2\"]\nvalues = [{{ value = \"${t1} billion\", from = \"{y}-03-1{}\" }}, {{ value = \"${} billion\", from = \"{}-06-1{}\" }}]\nsource = \"https://example.org/generated\"\n", 9, t1 + t2, y + 1, 9).expect("write");
        made += 3;
        k += 1;
    }
    std::fs::write(file, out)?;
    eprintln!(
        "wrote {entities} entities and {made} facts to {}",
        file.display()
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let seed = get("--seed").and_then(|s| s.parse().ok()).unwrap_or(42);
    let result = match (args.first().map(String::as_str), args.get(1)) {
        (Some("corpus"), Some(dir)) => match get("--size").as_deref().and_then(parse_size) {
            Some(size) => corpus(&PathBuf::from(dir), size, seed),
            None => Err(std::io::Error::other("--size N[K|M|G] is required")),
        },
        (Some("facts"), Some(file)) => match get("--count").and_then(|c| c.parse().ok()) {
            Some(count) => facts(&PathBuf::from(file), count, seed),
            None => Err(std::io::Error::other("--count N is required")),
        },
        _ => Err(std::io::Error::other(
            "usage: gencorpus corpus DIR --size 200M | facts FILE --count N",
        )),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}
