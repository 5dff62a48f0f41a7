//! The generator of benchmark corpora and fact bases, shared by the `gencorpus`
//! example and the benchmarks (`benches/pipeline.rs` includes this file).
//!
//! The random generator is SplitMix64, written out here so that a seed gives the same
//! corpus on every machine and every version, which a general-purpose crate's
//! generators do not promise.

use std::collections::HashSet;
use std::fmt::Write as _;

use factlint::base::value::{DateValue, Grain};
use factlint::facts::{FactBase, FactKind};
use jiff::civil::Date;

/// SplitMix64.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
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

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A generator for item `i` of a stream: independent of how many came before.
    fn item(seed: u64, stream: u64, i: usize) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        r.0 ^= (i as u64).wrapping_mul(0xA076_1D64_78BD_642F);
        r.next();
        r
    }
}

const MONTHS: &[&str] = &factlint::base::value::MONTHS;

/// Everyday words of tech-business prose, none of them a cue word of the built-in
/// base, so that filler never ties a value to a fact by accident.
const WORDS: &[&str] = &[
    "the",
    "the",
    "the",
    "a",
    "a",
    "of",
    "of",
    "to",
    "to",
    "and",
    "and",
    "in",
    "for",
    "with",
    "on",
    "that",
    "its",
    "as",
    "by",
    "from",
    "is",
    "are",
    "has",
    "will",
    "this",
    "their",
    "partnership",
    "cloud",
    "compute",
    "training",
    "inference",
    "model",
    "models",
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
    "infrastructure",
    "deployment",
    "latency",
    "throughput",
    "benchmark",
    "roadmap",
    "team",
    "customers",
    "developers",
    "companies",
    "teams",
    "data",
    "centers",
    "chips",
    "costs",
    "revenue",
    "margins",
    "access",
    "research",
    "safety",
    "tooling",
    "integration",
    "ecosystem",
    "demand",
    "supply",
    "alternative",
    "competitive",
    "custom",
    "managed",
    "service",
    "services",
    "frontier",
    "open",
    "weights",
    "context",
    "window",
    "tokens",
    "agents",
    "reasoning",
    "coding",
    "multimodal",
    "evaluation",
    "quality",
    "reliability",
    "security",
    "compliance",
    "governance",
    "adoption",
    "workflow",
    "productivity",
    "analysts",
    "buyers",
    "vendors",
    "lock-in",
    "portability",
    "scale",
    "efficient",
    "faster",
    "cheaper",
    "larger",
    "smaller",
    "broader",
    "deeper",
    "stronger",
    "clearer",
    "early",
    "later",
    "still",
    "also",
    "now",
    "often",
    "usually",
    "rarely",
    "quickly",
    "directly",
    "largely",
    "mostly",
];

const VERBS: &[&str] = &[
    "builds on",
    "depends on",
    "competes with",
    "works with",
    "relies on",
    "partners with",
    "sells through",
    "runs on",
    "integrates with",
    "differs from",
];

const NOUNS: &[&str] = &[
    "customers",
    "developers",
    "enterprises",
    "engineers",
    "startups",
    "partners",
    "researchers",
    "users",
];

const LANGS: &[&str] = &["python", "json", "bash", "yaml", "rust", "text"];

/// What the prose can name and state, read from the fact base.
pub struct Catalog {
    /// Entities: names (display name first).
    entities: Vec<Vec<String>>,
    /// Facts with an amount or a date: what a sentence can state.
    facts: Vec<FactInfo>,
    /// Products: name and aliases, and the first day they were public.
    products: Vec<(Vec<String>, Date)>,
}

struct FactInfo {
    entities: Vec<usize>,
    /// Single-word cues, or all cues if there are none.
    cues: Vec<String>,
    what: What,
}

enum What {
    /// An event on a day or month, with its amount as the fact file writes it.
    Event {
        date: DateValue,
        amount: Option<String>,
        bound: bool,
    },
    /// A quantity: values as written, from a day.
    Total(Vec<(Date, String)>),
}

impl Catalog {
    /// Reads what articles can say from a fact base.
    pub fn new(base: &FactBase) -> Catalog {
        let entities = base.entities.iter().map(|e| e.names.clone()).collect();
        let facts = base
            .facts
            .iter()
            .filter_map(|f| {
                let single: Vec<String> = f
                    .cues
                    .iter()
                    .filter(|c| !c.contains(' '))
                    .cloned()
                    .collect();
                let cues = if single.is_empty() {
                    f.cues.clone()
                } else {
                    single
                };
                let what = match &f.kind {
                    FactKind::Event { date, amount, .. } => What::Event {
                        date: *date,
                        amount: amount.as_ref().map(|a| a.text.clone()),
                        bound: f.is_bound(),
                    },
                    FactKind::Quantity { values } => What::Total(
                        values
                            .iter()
                            .map(|t| (t.from, t.stated.text.clone()))
                            .collect(),
                    ),
                };
                (!cues.is_empty() && !f.entities.is_empty()).then(|| FactInfo {
                    entities: f.entities.clone(),
                    cues,
                    what,
                })
            })
            .collect();
        let products = base
            .products
            .iter()
            .filter_map(|p| {
                let day = p
                    .released
                    .as_ref()
                    .or(p.announced.as_ref())
                    .map(|d| d.date.end)?;
                Some((p.all_names().map(str::to_string).collect(), day))
            })
            .collect();
        Catalog {
            entities,
            facts,
            products,
        }
    }

    fn entity<'a>(&'a self, r: &mut Rng, e: usize) -> &'a str {
        let names = &self.entities[e];
        // The display name mostly, an alias sometimes.
        if names.len() > 1 && r.chance(4) {
            &names[1 + r.below(names.len() - 1)]
        } else {
            &names[0]
        }
    }

    fn any_entity<'a>(&'a self, r: &mut Rng) -> &'a str {
        self.any_entity_with_id(r).1
    }

    /// An entity's display name (which identifies it) and the name written.
    fn any_entity_with_id<'a>(&'a self, r: &mut Rng) -> (&'a str, &'a str) {
        let e = r.below(self.entities.len());
        (&self.entities[e][0], self.entity(r, e))
    }

    /// A product public by `day`, by one of its names.
    fn product<'a>(&'a self, r: &mut Rng, day: Date) -> Option<&'a str> {
        for _ in 0..8 {
            let (names, public) = r.pick(&self.products);
            if *public <= day {
                let n = if names.len() > 1 && r.chance(3) {
                    &names[1 + r.below(names.len() - 1)]
                } else {
                    &names[0]
                };
                return Some(n);
            }
        }
        None
    }
}

fn month_year(d: Date) -> String {
    format!("{} {}", MONTHS[(d.month() - 1) as usize], d.year())
}

/// A date as prose states it at its grain.
fn stated_date(r: &mut Rng, d: &DateValue) -> String {
    match d.grain {
        Grain::Day => match r.below(3) {
            0 => format!(
                "{} {}, {}",
                MONTHS[(d.start.month() - 1) as usize],
                d.start.day(),
                d.start.year()
            ),
            _ => month_year(d.start),
        },
        Grain::Month => month_year(d.start),
        _ => d.start.year().to_string(),
    }
}

/// A date of the past, as articles write it.
fn some_date(r: &mut Rng, before: Date) -> String {
    let y = before.year() - 1 - r.below(4) as i16;
    match r.below(5) {
        0 => format!("{} {}, {y}", r.pick(MONTHS), 1 + r.below(28)),
        1 | 2 => format!("{} {y}", r.pick(MONTHS)),
        3 => format!("Q{} {y}", 1 + r.below(4)),
        _ => format!("{y}"),
    }
}

/// Between `min` and `min + spread - 1` words.
fn filler(r: &mut Rng, min: usize, spread: usize, out: &mut String) {
    let words = min + r.below(spread);
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let w: &&str = r.pick(WORDS);
        out.push_str(w);
    }
}

/// Prose without a value: most of what an article says.
fn plain_sentence(r: &mut Rng, c: &Catalog, day: Date, out: &mut String) {
    match r.below(6) {
        0 => {
            let a = c.any_entity(r);
            write!(out, "{a} {} ", r.pick(VERBS)).expect("write");
            filler(r, 6, 10, out);
            out.push('.');
        }
        1 => {
            out.push_str("For ");
            let noun = *r.pick(NOUNS);
            out.push_str(noun);
            out.push_str(", ");
            filler(r, 8, 12, out);
            write!(out, " with {}.", c.any_entity(r)).expect("write");
        }
        2 => match c.product(r, day) {
            Some(p) => {
                write!(out, "{p} ").expect("write");
                let verb = *r.pick(VERBS);
                out.push_str(verb);
                out.push(' ');
                filler(r, 5, 9, out);
                out.push('.');
            }
            None => {
                out.push_str("The ");
                filler(r, 10, 1, out);
                out.push('.');
            }
        },
        _ => {
            out.push_str(if r.chance(2) { "The " } else { "This " });
            filler(r, 9, 14, out);
            if r.chance(3) {
                write!(out, ", says {}", c.any_entity(r)).expect("write");
            } else if r.chance(2) {
                // Real prose: an em dash now and then (the seed article has one per
                // 600 bytes).
                out.push_str(" — ");
                filler(r, 3, 6, out);
            }
            out.push('.');
        }
    }
}

/// A number in `lo..lo + spread` that depends only on `subject`: a measure is stated
/// with the same value wherever it is stated (in one article and across the corpus),
/// as in real articles, so that self- and corpus-contradiction find nothing to report
/// in the figures no fact is about (FNV-1a).
fn measure(subject: &[&str], lo: usize, spread: usize) -> usize {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for part in subject {
        for b in part.bytes().chain([0xFF]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
    }
    lo + (h % spread.max(1) as u64) as usize
}

/// A sentence with a value no fact is about: market figures, counts, percentages.
fn number_sentence(r: &mut Rng, c: &Catalog, day: Date, out: &mut String) {
    let (id, a) = c.any_entity_with_id(r);
    match r.below(7) {
        0 => {
            let (what, who) = (
                *r.pick(&["platform", "service", "tooling", "API"]),
                *r.pick(NOUNS),
            );
            write!(
                out,
                "Usage of the {what} grew {}% year over year among {who}.",
                measure(&["usage", what], 2, 80),
            )
        }
        1 => {
            let who = *r.pick(NOUNS);
            let n = measure(&["build on", id, who], 1_000, 89_000);
            write!(
                out,
                "More than {},{:03} {who} now build on {a}.",
                n / 1000,
                n % 1000
            )
        }
        2 => {
            let when = some_date(r, day);
            let x = measure(&["segment", &when], 10, 900);
            write!(
                out,
                "Analysts put the segment at ${}.{} billion in {when}.",
                x / 10,
                x % 10
            )
        }
        3 => {
            let x = measure(&["price", id], 0, 2000);
            write!(
                out,
                "{a}'s prices fell to ${}.{:02} per million tokens, about {}% less than a year earlier.",
                x / 100,
                x % 100,
                measure(&["price cut", id], 5, 60)
            )
        }
        4 => {
            let who = *r.pick(NOUNS);
            let (from, to) = (*r.pick(MONTHS), *r.pick(MONTHS));
            write!(
                out,
                "The survey of {} {who} ran from {from} to {to}.",
                measure(&["survey", who], 100, 4900),
            )
        }
        5 => write!(
            out,
            "Two {} said latency mattered more than price, and {} in ten cited {} as the reason.",
            r.pick(NOUNS),
            r.pick(&["three", "four", "six", "seven"]),
            r.pick(WORDS)
        ),
        _ => {
            let when = some_date(r, day);
            write!(
                out,
                "Its data centers drew {} megawatts in {when}, up from {} a year before.",
                measure(&["megawatts", &when], 50, 900),
                measure(&["megawatts a year before", &when], 20, 400)
            )
        }
    }
    .expect("write");
}

/// A sentence that states a fact of the base (correctly, except one time in
/// `wrong_one_in`).
fn fact_sentence(r: &mut Rng, c: &Catalog, day: Date, wrong_one_in: usize, out: &mut String) {
    let Some(f) = (0..8).map(|_| r.pick(&c.facts)).find(|f| match &f.what {
        What::Event { date, .. } => date.end <= day,
        What::Total(values) => values.first().is_some_and(|(from, _)| *from <= day),
    }) else {
        number_sentence(r, c, day, out);
        return;
    };
    let names: Vec<&str> = f.entities.iter().map(|&e| c.entity(r, e)).collect();
    let (a, b) = (names[0], names.get(1).copied().unwrap_or(names[0]));
    let cue = r.pick(&f.cues).clone();
    let wrong = r.chance(wrong_one_in);
    match &f.what {
        What::Event {
            date,
            amount: Some(amount),
            bound,
        } => {
            let amount = if wrong {
                format!("${} billion", 11 + r.below(40))
            } else {
                amount.clone()
            };
            let when = stated_date(r, date);
            if *bound {
                write!(out, "{a} {cue} in {when} to invest {amount} in {b}.")
            } else if r.chance(2) {
                write!(
                    out,
                    "In {when}, {a} made the {cue} investment in {b}: {amount}."
                )
            } else {
                write!(out, "{a} put the {cue} {amount} into {b} in {when}.")
            }
        }
        What::Event {
            date, amount: None, ..
        } => write!(out, "In {}, {a} and {b}: {cue}.", stated_date(r, date)),
        What::Total(values) => {
            let held = values
                .iter()
                .rev()
                .find(|(from, _)| *from <= day)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let v = if wrong {
                format!("${} billion", 60 + r.below(40))
            } else {
                held
            };
            let apostrophe = if r.chance(3) { '’' } else { '\'' };
            write!(out, "{a}{apostrophe}s {cue} investment in {b} is {v}.")
        }
    }
    .expect("write");
}

/// Mix of sentences: about one value per 230 bytes of Markdown, as dense as the
/// densest real articles (the seed article has one per ~390 bytes).
fn sentence(r: &mut Rng, c: &Catalog, day: Date, out: &mut String) {
    match r.below(10) {
        0 | 1 => number_sentence(r, c, day, out),
        2 => fact_sentence(r, c, day, 40, out),
        _ => plain_sentence(r, c, day, out),
    }
}

fn paragraph(r: &mut Rng, c: &Catalog, day: Date, out: &mut String) {
    for i in 0..2 + r.below(5) {
        if i > 0 {
            out.push(if r.chance(5) { '\n' } else { ' ' });
        }
        let start = out.len();
        sentence(r, c, day, out);
        // Emphasis on a word now and then.
        if r.chance(6) {
            let s = &out[start..];
            if let Some(a) = s.find(' ')
                && let Some(len) = s[a + 1..].find(' ')
            {
                let (ws, we) = (start + a + 1, start + a + 1 + len);
                let mark = if r.chance(2) { "**" } else { "*" };
                out.insert_str(we, mark);
                out.insert_str(ws, mark);
            }
        }
    }
    match r.below(8) {
        0 => write!(
            out,
            " See [the report](https://example.org/{}/{}-billion-{}).",
            2020 + r.below(6),
            r.below(100),
            r.below(1000)
        )
        .expect("write"),
        1 => write!(
            out,
            " The `{}` endpoint is documented at <https://docs.example.com/v{}/models>.",
            r.pick(&["messages", "chat", "embeddings", "batch"]),
            1 + r.below(3)
        )
        .expect("write"),
        _ => {}
    }
    out.push_str("\n\n");
}

fn table(r: &mut Rng, c: &Catalog, day: Date, out: &mut String) {
    if r.chance(2) {
        out.push_str("| Model | Input ($/M tokens) | Output ($/M tokens) | Context |\n|---|---:|---:|---:|\n");
        for _ in 0..2 + r.below(6) {
            let p = c.product(r, day).unwrap_or("Model");
            writeln!(
                out,
                "| {p} | ${}.{:02} | ${}.{:02} | {}K |",
                r.below(20),
                r.below(100),
                r.below(80),
                r.below(100),
                [8, 32, 128, 200, 1000][r.below(5)]
            )
            .expect("write");
        }
    } else {
        out.push_str("| Date | Company | Event | Share |\n|---|---|---|---:|\n");
        for _ in 0..2 + r.below(5) {
            writeln!(
                out,
                "| {} | {} | {} {} | {}% |",
                some_date(r, day),
                c.any_entity(r),
                r.pick(&["launch", "update", "pricing", "region"]),
                r.pick(WORDS),
                r.below(100)
            )
            .expect("write");
        }
    }
    out.push('\n');
}

/// One article of about `target` bytes.
pub fn article(r: &mut Rng, c: &Catalog, target: usize) -> String {
    let mut out = String::with_capacity(target + 1024);
    let day = Date::new(
        2023 + r.below(3) as i16,
        1 + r.below(12) as i8,
        1 + r.below(28) as i8,
    )
    .expect("a valid day");
    writeln!(
        out,
        "---\ntitle: \"{} and {}: what the deal means\"\ndate: {day}\nauthor: Staff\ntags: [ai, cloud, {}]\n---\n",
        c.any_entity(r),
        c.any_entity(r),
        r.pick(&["chips", "models", "funding", "policy"])
    )
    .expect("write");
    let p = c.product(r, day).unwrap_or("models");
    writeln!(out, "# {} bets on {p}\n", c.any_entity(r)).expect("write");
    while out.len() < target {
        match r.below(20) {
            0..=1 => {
                writeln!(
                    out,
                    "{} {} and the {}\n",
                    if r.chance(3) { "###" } else { "##" },
                    c.any_entity(r),
                    r.pick(WORDS)
                )
                .expect("write");
            }
            2 => table(r, c, day, &mut out),
            3 => {
                writeln!(out, "```{}", r.pick(LANGS)).expect("write");
                for _ in 0..2 + r.below(8) {
                    writeln!(
                        out,
                        "total_{} = {}  # ${} billion in {}",
                        r.below(100),
                        r.next() % 1_000_000_000,
                        r.below(50),
                        2019 + r.below(7)
                    )
                    .expect("write");
                }
                out.push_str("```\n\n");
            }
            4 => {
                let numbered = r.chance(3);
                for i in 0..2 + r.below(5) {
                    if numbered {
                        write!(out, "{}. ", i + 1).expect("write");
                    } else {
                        out.push_str("- ");
                    }
                    sentence(r, c, day, &mut out);
                    out.push('\n');
                }
                out.push('\n');
            }
            5 => {
                out.push_str("> ");
                sentence(r, c, day, &mut out);
                out.push(' ');
                plain_sentence(r, c, day, &mut out);
                out.push_str("\n\n");
            }
            6 if r.chance(4) => {
                writeln!(
                    out,
                    "<!-- editor: check the {} section -->\n",
                    r.pick(WORDS)
                )
                .expect("write");
            }
            7 if r.chance(4) => {
                writeln!(
                    out,
                    "![Chart of {} in {}](images/chart-{}.png)\n",
                    r.pick(WORDS),
                    2020 + r.below(5),
                    r.below(1000)
                )
                .expect("write");
            }
            _ => paragraph(r, c, day, &mut out),
        }
    }
    out
}

const SYLLABLES: &[&str] = &[
    "vel", "tri", "nor", "va", "zen", "lum", "ora", "quin", "tal", "mer", "cor", "dyn", "ax", "io",
    "ret", "sol", "bri", "kal", "mon", "pex", "ryn", "sar", "tho", "ul",
];

/// A made-up word of three syllables; distinct `i` give distinct words (for `i` below
/// 24³).
fn word(i: usize) -> String {
    let n = SYLLABLES.len();
    // A multiplier coprime to n³ = 13,824 = 2⁹·3³ is a bijection modulo n³.
    let k = ((i + 1000) * 7919) % (n * n * n);
    let s = format!(
        "{}{}{}",
        SYLLABLES[k / (n * n)],
        SYLLABLES[(k / n) % n],
        SYLLABLES[k % n]
    );
    let mut c = s.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
    format!("{first}{}", c.as_str())
}

/// A fact file that adds to `builtin`: entities, `count` facts (rounded up to a
/// multiple of three) and `products` products in families of eight. Returns the text
/// and a one-line summary.
pub fn fact_file(builtin: &FactBase, count: usize, products: usize, seed: u64) -> (String, String) {
    let taken: HashSet<String> = builtin
        .all_names()
        .flat_map(|n| n.split_whitespace())
        .map(str::to_ascii_lowercase)
        .collect();
    // Words for entities (even indexes) and families (odd ones), skipping any word the
    // built-in base uses.
    let words: Vec<String> = (0..)
        .map(word)
        .filter(|w| !taken.contains(&w.to_ascii_lowercase()))
        .take(2 * (count / 6 + 4).max(products / 8 + 1) + 2)
        .collect();
    let mut out = String::from(
        "# Generated for benchmarks: not real facts.\n[meta]\ntitle = \"generated\"\nchecked = \"2026-11-26\"\n\n",
    );
    // Facts come in groups of three (two investments and their total); group k is an
    // investment in lab k/2 by one of two investors.
    let groups = count.div_ceil(3);
    let families = products.div_ceil(8);
    let entities = (groups / 2 + 3).max(families);
    for i in 0..entities {
        let mut r = Rng::item(seed, 1, i);
        let w = &words[2 * i];
        let names = match r.below(4) {
            0 => format!("\"{w} AI\", \"{w}\""),
            1 => format!("\"{w} Labs\", \"{w}\""),
            2 => format!("\"{w}\", \"{w} Inc.\""),
            _ => format!("\"{w} Technologies\", \"{w}\""),
        };
        writeln!(out, "[[entity]]\nid = \"gen-{i}\"\nnames = [{names}]\n").expect("write");
    }
    for k in 0..groups {
        let mut r = Rng::item(seed, 2, k);
        let lab = k / 2;
        let investor = lab + 1 + k % 2;
        let (t1, t2) = (1 + r.below(9), 1 + r.below(9));
        let y = 2019 + r.below(5);
        let (d1, d2) = (1 + r.below(28), 1 + r.below(28));
        let ents = format!("[\"gen-{investor}\", \"gen-{lab}\"]");
        writeln!(out, "[[event]]\nid = \"gen/{k}/t1\"\nwhat = \"the first investment {k}\"\ndate = \"{y}-03-{d1:02}\"\nentities = {ents}\ncues = [\"initial\", \"first\"]\namount = \"${t1} billion\"\nsource = \"https://example.org/generated\"\n").expect("write");
        writeln!(out, "[[event]]\nid = \"gen/{k}/t2\"\nwhat = \"the second investment {k}\"\ndate = \"{}-06-{d2:02}\"\nentities = {ents}\ncues = [\"additional\", \"second\"]\namount = \"${t2} billion\"\nsource = \"https://example.org/generated\"\n", y + 1).expect("write");
        writeln!(out, "[[quantity]]\nid = \"gen/{k}/total\"\nwhat = \"the total investment {k}\"\nentities = {ents}\ncues = [\"total\", \"cumulative\"]\nsum-of = [\"gen/{k}/t1\", \"gen/{k}/t2\"]\nvalues = [{{ value = \"${t1} billion\", from = \"{y}-03-{d1:02}\" }}, {{ value = \"${} billion\", from = \"{}-06-{d2:02}\" }}]\nsource = \"https://example.org/generated\"\n", t1 + t2, y + 1).expect("write");
    }
    // Products: eight per family, versions 1 to 3.5 with tiers, each with aliases.
    const LINE: &[(u32, u32, &str)] = &[
        (1, 0, ""),
        (1, 5, ""),
        (2, 0, ""),
        (2, 0, " Pro"),
        (2, 5, ""),
        (3, 0, ""),
        (3, 0, " Mini"),
        (3, 5, " Pro"),
    ];
    for f in 0..families {
        let w = &words[2 * f + 1];
        writeln!(
            out,
            "[[family]]\nid = \"genfam-{f}\"\nvendor = \"gen-{f}\"\npatterns = ['{w}[ -][1-9](?:\\.\\d)?(?: (?:Pro|Mini))?']\n"
        )
        .expect("write");
    }
    for j in 0..products {
        let mut r = Rng::item(seed, 3, j);
        let f = j / 8;
        let w = &words[2 * f + 1];
        let (major, minor, tier) = LINE[j % 8];
        let version = if minor == 0 {
            major.to_string()
        } else {
            format!("{major}.{minor}")
        };
        let name = format!("{w} {version}{tier}");
        let lower = w.to_ascii_lowercase();
        let slug_tier = tier.trim().to_ascii_lowercase();
        let aliases = if tier.is_empty() {
            format!("\"{lower}-{version}\"")
        } else {
            format!("\"{lower}-{version}-{slug_tier}\", \"{w}{tier} {version}\"")
        };
        let y = 2020 + (j % 8) / 2 + r.below(2);
        let m = 1 + r.below(12);
        writeln!(
            out,
            "[[product]]\nid = \"genp-{j}\"\nname = \"{name}\"\naliases = [{aliases}]\nvendor = \"gen-{f}\"\nfamily = \"genfam-{f}\"\nannounced = \"{y}-{m:02}-01\"\nreleased = \"{y}-{m:02}-15\"\nsource = \"https://example.org/generated\"\n"
        )
        .expect("write");
    }
    let summary = format!(
        "{entities} entities, {} facts, {families} families and {products} products",
        groups * 3
    );
    (out, summary)
}

/// A catalog of `families` product families of `per_family` products each, from ten
/// vendors ("Vendorco" and a letter), with names no real product has: "Zorbab 2.1",
/// aliases "Zorbab21x" and "zorbab-2-1", announced on the first day of a month of 2023
/// and released on its 15th (`examples/catalog_scale.rs`, `tests/large_base.rs`).
pub fn family_catalog(families: usize, per_family: usize) -> String {
    let mut s = String::from("[meta]\nchecked = \"2026-11-26\"\n\n");
    for v in 0..10 {
        let letter = char::from(b'A' + v as u8);
        let _ = writeln!(
            s,
            "[[entity]]\nid = \"vendorco-{v}\"\nnames = [\"Vendorco{letter}\"]\n"
        );
    }
    for f in 0..families {
        let word = format!(
            "Zorb{}{}",
            char::from(b'a' + (f / 26) as u8),
            char::from(b'a' + (f % 26) as u8)
        );
        let lower = word.to_lowercase();
        let v = f % 10;
        let _ = writeln!(
            s,
            "[[family]]\nid = \"fam-{lower}\"\nvendor = \"vendorco-{v}\"\npatterns = ['{word}[ -][1-9](?:\\.\\d)?']\n"
        );
        for k in 0..per_family {
            let (major, minor) = (1 + k / 4, k % 4);
            let _ = writeln!(
                s,
                "[[product]]\nid = \"p-{lower}-{major}-{minor}\"\nname = \"{word} {major}.{minor}\"\naliases = [\"{word}{major}{minor}x\", \"{lower}-{major}-{minor}\"]\nvendor = \"vendorco-{v}\"\nfamily = \"fam-{lower}\"\nannounced = \"2023-{:02}-01\"\nreleased = \"2023-{:02}-15\"\nsource = \"https://example.org/generated\"\n",
                1 + k % 12,
                1 + k % 12
            );
        }
    }
    s
}
