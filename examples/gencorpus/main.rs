//! Generates a deterministic benchmark corpus and scaled fact bases, and measures the
//! value density of Markdown files.
//!
//! ```sh
//! cargo run --release --example gencorpus -- corpus DIR/md --size 200M [--seed 42] [--facts FILE] [--disagree]
//! cargo run --release --example gencorpus -- facts FILE --count 10000 [--products N] [--seed 42]
//! cargo run --release --example gencorpus -- catalog FILE --families 300 --per-family 10
//! cargo run --release --example gencorpus -- stats PATH...
//! cargo run --release --example gencorpus -- worst DIR --size 1M
//! ```
//!
//! `corpus` writes Markdown articles of realistic shape (front matter, headings, prose
//! with money, dates, percentages and product names, tables, code blocks, lists, links,
//! quotes, HTML comments), sized from 2 KB to 200 KB (log-uniform), until the total
//! size is reached. The prose names the entities and products of the fact base used
//! (the built-in base, plus `--facts FILE` if given) and states its facts, mostly
//! correctly, so that attribution does its full work and the run reports a realistic
//! handful of findings. Values are about as dense as in real articles (see `stats`).
//! It also writes `DIR/../names.txt`: every name and alias of every entity and product
//! of that base, one per line, for `rg --count-matches -F -f names.txt` (the floor: the
//! time it takes merely to find the base's names in the same files). With
//! `--disagree`, every article is dated 2024-11-22 and ends with one claim that no fact
//! speaks for, a third of them with another value: `corpus-contradiction` reports each
//! of those, and reads again the two drafts of each finding (its memory must not grow
//! with their number).
//!
//! `facts` writes one fact file that adds to the built-in base: entities with aliases,
//! `count` facts (first and second investments with amounts and dates, and running
//! totals) and `--products` products (default: `count`) in families, with names,
//! aliases and dates. Everything is made up (sources point at example.org); the file
//! is valid for `factlint facts check`. Item `i` depends only on `i` and the seed, so a
//! smaller base is a prefix of a bigger one.
//!
//! `catalog` writes a product catalog of `--families` families of `--per-family`
//! products, named "Zorbab 2.1" and so on (`generate::family_catalog`): a large base of
//! names that share their first letters, for the names automaton.
//!
//! `stats` prints, for Markdown files or folders, the bytes, the prose sentences and the
//! values factlint recognizes in them: the density that tells a realistic corpus from a
//! synthetic one.
//!
//! `worst` writes one draft of each shape that could make a linear pass quadratic or
//! blow up its memory — a line of a million digits, thousands of small tables, one
//! sentence of a megabyte, a paragraph of amounts, brackets and emphasis pulldown-cmark
//! must match, deep lists, thousands of suppression comments, one fact stated on every
//! line — each about `--size` bytes. Timed at two sizes, a shape
//! whose time grows faster than its size is a bug (`benches/measure.sh`).
//!
//! The generator itself is `generate.rs`, which the benchmarks share.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};

use factlint::facts::{FactBase, FactFile};

mod generate;
use generate::{Catalog, Rng, article, fact_file};

fn parse_size(s: &str) -> Option<usize> {
    let (num, mult) = match s.chars().last()? {
        'K' | 'k' => (&s[..s.len() - 1], 1 << 10),
        'M' | 'm' => (&s[..s.len() - 1], 1 << 20),
        'G' | 'g' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

/// The built-in base, plus a fact file if given.
fn load_base(facts: Option<&Path>) -> std::io::Result<FactBase> {
    let mut files = FactBase::builtin_files();
    if let Some(f) = facts {
        files.push(FactFile {
            name: f.display().to_string(),
            text: std::fs::read_to_string(f)?,
        });
    }
    FactBase::load(files)
        .map_err(|e| std::io::Error::other(format!("the fact base has {} error(s)", e.len())))
}

fn corpus(
    dir: &Path,
    size: usize,
    seed: u64,
    facts: Option<&Path>,
    disagree: bool,
) -> std::io::Result<()> {
    let base = load_base(facts)?;
    let catalog = Catalog::new(&base);
    let mut r = Rng(seed);
    std::fs::create_dir_all(dir)?;
    let (mut total, mut n) = (0usize, 0usize);
    while total < size {
        // Log-uniform sizes from 2 KB to 200 KB.
        let target = (2048.0 * 100f64.powf(r.unit())) as usize;
        let text = article(&mut r, &catalog, target.min(size - total).max(512));
        let text = if disagree { disagreeing(text, n) } else { text };
        let sub = dir.join(format!("{:03}", n / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("article-{n:06}.md")), &text)?;
        total += text.len();
        n += 1;
    }
    let mut names: Vec<String> = base.all_names().map(str::to_string).collect();
    names.sort();
    names.dedup();
    std::fs::write(
        dir.parent().unwrap_or(dir).join("names.txt"),
        names.join("\n") + "\n",
    )?;
    eprintln!(
        "wrote {n} articles, {total} bytes, to {}; {} names",
        dir.display(),
        names.len()
    );
    Ok(())
}

/// Article `n` dated 2024-11-22, ending with a claim of its own that every third
/// article states with another value (`corpus --disagree`).
fn disagreeing(text: String, n: usize) -> String {
    let date = text
        .find("\ndate: ")
        .and_then(|at| Some((at + 1, at + 1 + text[at + 1..].find('\n')?)));
    let text = match date {
        Some((start, end)) => format!("{}date: 2024-11-22{}", &text[..start], &text[end..]),
        None => text,
    };
    let customers = if n % 3 == 2 { "50,000" } else { "100,000" };
    format!("{text}\nOver {customers} customers run Claude models on Amazon Bedrock.\n")
}

fn facts(file: &Path, count: usize, products: usize, seed: u64) -> std::io::Result<()> {
    let builtin = load_base(None)?;
    let (text, summary) = fact_file(&builtin, count, products, seed);
    std::fs::write(file, text)?;
    eprintln!("wrote {summary} to {}", file.display());
    Ok(())
}

/// `unit` repeated (numbered by `{i}`, if it holds it) until the text is `size` bytes
/// or more, after a front matter.
fn repeat(size: usize, unit: &str) -> String {
    let mut text = String::from("---\ndate: 2024-11-22\n---\n\n");
    let mut i = 0usize;
    while text.len() < size {
        text.push_str(&unit.replace("{i}", &i.to_string()));
        i += 1;
    }
    text
}

/// `text` (from [`repeat`]) with a short sentence that is checked at the start of
/// its first paragraph.
fn checked_first(text: String) -> String {
    text.replacen("---\n\n", "---\n\nAnthropic raised $4 billion in 2024. ", 1)
}

/// The worst shapes of draft: name, text of about `size` bytes.
fn worst_shapes(size: usize) -> Vec<(&'static str, String)> {
    let table = "| Item | Amount |\n|---|---|\n| Compute | $1.5 million |\n| Salaries | $2 million |\n| Total | $4 million |\n\n";
    vec![
        // After a sentence that is checked: one run-on sentence of the run, too long
        // to check, next to one that is (a paragraph of one run-on sentence alone is
        // passed over).
        ("digits", checked_first(repeat(size, "1") + "\n")),
        (
            "one-number",
            checked_first(repeat(size, ",000").replacen("---\n\n", "---\n\n1", 1) + " dollars\n"),
        ),
        // Sentences just short enough to be checked, each a run of 4,000 digits or a
        // number of 1,000 groups: every digit is a place where an amount can start.
        (
            "digits-in-sentences",
            repeat(size, &format!("Its key was {}. ", "1".repeat(4000))),
        ),
        (
            "numbers-in-sentences",
            repeat(size, &format!("It was 1{} dollars. ", ",000".repeat(999))),
        ),
        ("amounts-one-paragraph", repeat(size, "$1 ") + "\n"),
        (
            "amounts-after-a-sentence",
            checked_first(repeat(size, "$1 ") + "\n"),
        ),
        (
            "amounts-paragraphs",
            repeat(size, "$1 billion and 40% in 2024. "),
        ),
        (
            "one-sentence",
            repeat(
                size,
                "Anthropic raised $4 billion from Amazon in 2024 and Claude grew 40% among 12,000 developers ",
            ),
        ),
        ("tables", repeat(size, table)),
        (
            "one-table",
            repeat(size / 2, "| Round {i} | $1.25B | $4.5B |\n").replacen(
                "\n\n",
                "\n\n| Round | Amount | Running total |\n|---|---|---|\n",
                1,
            ),
        ),
        ("wide-table", {
            let cols = size / 4000 + 2;
            let row = format!("|{}\n", "$1 billion|".repeat(cols));
            format!(
                "---\ndate: 2024-11-22\n---\n\n|{}\n|{}\n",
                "a|".repeat(cols),
                "-|".repeat(cols)
            ) + &row.repeat(size / row.len() + 1)
        }),
        (
            "headings",
            repeat(size, "# Amazon invested ${i} billion in Anthropic\n\n"),
        ),
        (
            "same-claim",
            repeat(
                size,
                "{i} customers run Claude models on Amazon Bedrock.\n\n",
            ),
        ),
        (
            "products",
            repeat(
                size,
                "GPT-4.5 and Claude 3.5 Sonnet were released earlier this year, in 2024.\n\n",
            ),
        ),
        (
            "lists",
            repeat(size, "- $1 billion in 2024\n  - 40% of 12,000 developers\n"),
        ),
        ("brackets", {
            let n = size / 2;
            format!(
                "---\ndate: 2024-11-22\n---\n\n{}$4 billion{}\n",
                "[".repeat(n),
                "]".repeat(n)
            )
        }),
        ("emphasis", repeat(size, "*a **$1 billion ")),
        (
            "quotes",
            repeat(size, "> ") + "Anthropic raised $4 billion.\n",
        ),
        (
            "crlf",
            repeat(
                size,
                "Amazon has invested a total of $8 billion in Anthropic.\r\n",
            ),
        ),
        (
            "suppressions",
            repeat(
                size,
                "<!-- factlint-disable-next-line anachronism -->\nGPT-4.5 was released in 2025.\n\n",
            ),
        ),
        (
            "unused-suppressions",
            repeat(
                size,
                "<!-- factlint-disable-next-line value-mismatch -->\nThe weather is nice.\n\n",
            ),
        ),
        (
            "suppression-regions",
            repeat(
                size,
                "<!-- factlint-disable anachronism -->\nGPT-4.5 was released in 2025.\n<!-- factlint-enable -->\n\n",
            ),
        ),
        (
            "whole-file-comments",
            repeat(
                size,
                "<!-- factlint-disable-file value-mismatch -->\nGPT-4.5 was released in 2025.\n\n",
            ),
        ),
        (
            "update-notes",
            repeat(
                size,
                "**Update (2024-11-22):** Amazon has invested a total of $8 billion in Anthropic.\n\n",
            ),
        ),
        (
            "lineups",
            repeat(
                size,
                "Amazon Bedrock offers Claude 3 Haiku, Claude 3 Sonnet and Claude 3.5 Sonnet.\n\n",
            ),
        ),
        (
            "tranches",
            repeat(
                size,
                "Amazon invested $1.25 billion in September 2023 and $2.75 billion in March 2024, a total of $5 billion.\n\n",
            ),
        ),
        (
            "relative-dates",
            repeat(
                size,
                "Earlier this year, Claude 3.5 Sonnet launched; last month GPT-4o did.\n\n",
            ),
        ),
        // Sentences of a few bytes, each a claim with values: the most claims a
        // megabyte can hold.
        ("short-sentences", repeat(size, "a. b. c. $1. 2. U.S. ")),
        ("front-matter", {
            let mut text = String::from("---\ndate: 2024-11-22\n");
            let mut i = 0;
            while text.len() < size {
                text.push_str(&format!("key{i}: \"$4 billion in 2024\"\n"));
                i += 1;
            }
            text + "---\n\nAnthropic raised $4 billion in 2024.\n"
        }),
        (
            "links",
            repeat(
                size,
                "See <https://example.com/{i}> and [the deal](https://example.com/$4-billion-2024) now. ",
            ),
        ),
        ("link-definitions", {
            let defs = repeat(
                size / 2,
                "[r{i}]: https://example.com/{i} \"$4 billion in 2024\"\n",
            );
            defs + "\n" + &"See [the deal][r1] and [r2] for $4 billion. ".repeat(size / 90)
        }),
        (
            "footnotes",
            repeat(
                size,
                "A claim[^{i}] of $4 billion.\n\n[^{i}]: Amazon invested $2.25 billion in March 2024.\n\n",
            ),
        ),
        (
            "multi-byte",
            repeat(
                size,
                "Amazon invested €4 billion 📈 in 2024, 亚马逊向Anthropic投资了40亿美元，2024年 🚀. ",
            ),
        ),
    ]
}

/// Writes the worst shapes of draft into `dir`, one file each.
fn worst(dir: &Path, size: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let shapes = worst_shapes(size);
    for (name, text) in &shapes {
        std::fs::write(dir.join(format!("{name}.md")), text)?;
    }
    eprintln!(
        "wrote {} drafts of about {size} bytes to {}",
        shapes.len(),
        dir.display()
    );
    Ok(())
}

/// Bytes, sentences and values of the Markdown files under `paths`.
fn stats(paths: &[PathBuf]) -> std::io::Result<()> {
    let (files, errors) = factlint::read::walk::collect(paths);
    if let Some(e) = errors.first() {
        return Err(std::io::Error::other(format!(
            "{}: {}",
            e.path.display(),
            e.message
        )));
    }
    let (mut bytes, mut sentences, mut with_values, mut values) = (0usize, 0usize, 0usize, 0usize);
    let mut mentions = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f)?;
        bytes += text.len();
        let doc = factlint::read::markdown::scan(&text);
        for b in &doc.blocks {
            mentions.clear();
            factlint::recognize::recognize_into(&b.text, &mut mentions);
            values += mentions.len();
            for s in factlint::read::sentence::split(&b.text) {
                sentences += 1;
                if mentions
                    .iter()
                    .any(|m| m.span.start >= s.start && m.span.end <= s.end)
                {
                    with_values += 1;
                }
            }
        }
    }
    println!(
        "{} files, {bytes} bytes, {sentences} sentences or cells, {values} values: one value per {:.0} bytes, {:.2} values per sentence, {:.0}% of sentences with a value",
        files.len(),
        bytes as f64 / values.max(1) as f64,
        values as f64 / sentences.max(1) as f64,
        100.0 * with_values as f64 / sentences.max(1) as f64
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
            Some(size) => corpus(
                &PathBuf::from(dir),
                size,
                seed,
                get("--facts").map(PathBuf::from).as_deref(),
                args.iter().any(|a| a == "--disagree"),
            ),
            None => Err(std::io::Error::other("--size N[K|M|G] is required")),
        },
        (Some("facts"), Some(file)) => match get("--count").and_then(|c| c.parse().ok()) {
            Some(count) => {
                let products = get("--products")
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(count);
                facts(&PathBuf::from(file), count, products, seed)
            }
            None => Err(std::io::Error::other("--count N is required")),
        },
        (Some("catalog"), Some(file)) => {
            let num = |flag: &str| get(flag).and_then(|c| c.parse::<usize>().ok());
            match (num("--families"), num("--per-family")) {
                (Some(families), Some(per_family)) => {
                    std::fs::write(file, generate::family_catalog(families, per_family))
                }
                _ => Err(std::io::Error::other(
                    "--families N and --per-family N are required",
                )),
            }
        }
        (Some("stats"), Some(_)) => stats(&args[1..].iter().map(PathBuf::from).collect::<Vec<_>>()),
        (Some("worst"), Some(dir)) => match get("--size").as_deref().and_then(parse_size) {
            Some(size) => worst(&PathBuf::from(dir), size),
            None => Err(std::io::Error::other("--size N[K|M|G] is required")),
        },
        _ => Err(std::io::Error::other(
            "usage: gencorpus corpus DIR --size 200M [--facts FILE] [--disagree] | facts FILE --count N [--products N] | catalog FILE --families N --per-family N | stats PATH... | worst DIR --size 1M",
        )),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}
