//! Property tests over generated drafts: spans are exact and inside the file, what a
//! span holds recognizes to the value the analysis saw, output does not depend on the
//! number of threads or on the order of the paths, and text inserted before the claims
//! shifts their spans and changes nothing else.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use factlint::analysis::Analysis;
use factlint::base::diagnostic::{Diagnostic, FileKey};
use factlint::base::value::Value;
use factlint::facts::FactBase;
use factlint::recognize::{month, recognize, relative};
use factlint::run::{CheckOptions, check_paths, check_text};
use proptest::prelude::*;

static BASE: LazyLock<FactBase> =
    LazyLock::new(|| FactBase::load(FactBase::builtin_files()).expect("the built-in base"));

/// Sentences and blocks a draft is made of: true statements, planted errors (value,
/// date, stale, sum), text with multi-byte characters, and Markdown structure.
const PIECES: &[&str] = &[
    "Amazon has now invested a total of $9 billion in Anthropic.",
    "Amazon has invested a total of $8 billion in Anthropic.",
    "Amazon's total investment in Anthropic stands at $4 billion.",
    "Amazon invested $1.25 billion in Anthropic in September 2023 and $2.25 billion in March 2024.",
    "Amazon invested $2.75 billion in Anthropic in February 2024.",
    "In September 2023, Amazon agreed to invest up to $4 billion in Anthropic.",
    "The $4 billion came in two tranches: $1.25 billion and $2.25 billion.",
    "Microsoft has invested about $10 billion in OpenAI.",
    "Microsoft has invested more than $13 billion in OpenAI.",
    "Café naïve résumé — “quoted” text costs €5 or 20\u{a0}% of £3bn.",
    "Made in the\u{a0}U.S. by Amazon. Then 😀 Anthropic said 87% of 100,000 users.",
    "# Amazon and Anthropic",
    "## How the money came in",
    "| Date | Investment |\n|---|---|\n| March 2024 | $2.25 billion |\n| September 2023 | $1.25 billion |",
    "- Amazon put $4 billion into Anthropic in November 2024.\n- A second item, €2bn.",
    "> Amazon has now invested a total of $7 billion in Anthropic.",
    "```\n$9 billion in code\n```",
    "See [the post](https://example.com/9-billion) and `$9 billion` in code.",
    "<!-- factlint-disable-next-line value-mismatch -->\nAmazon has now invested a total of $9 billion in Anthropic.",
];

/// Separators between pieces: paragraphs, a soft break, a space, CRLF.
const SEPARATORS: &[&str] = &["\n\n", "\n", " ", "\r\n\r\n", "\n\n\n"];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zA-Z0-9 $€£%.,:;()\u{e9}\u{a0}\u{2014}-]{0,40}",
    ]
}

/// A draft: optional front matter with a date, then pieces joined by separators.
fn draft() -> impl Strategy<Value = String> {
    (
        proptest::option::of(prop_oneof![
            Just("2024-11-22"),
            Just("2024-05-01"),
            Just("2023-12-31")
        ]),
        proptest::collection::vec((piece(), proptest::sample::select(SEPARATORS)), 0..10),
    )
        .prop_map(|(date, parts)| {
            let mut s = String::new();
            if let Some(d) = date {
                s.push_str(&format!("---\ntitle: t\ndate: {d}\n---\n"));
            }
            for (p, sep) in parts {
                s.push_str(&p);
                s.push_str(sep);
            }
            s
        })
}

fn check(text: &str) -> Vec<Diagnostic> {
    check_text(Path::new("d.md"), text, &BASE, &CheckOptions::default()).diagnostics
}

fn in_bounds(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// `cases` cases, or `PROPTEST_CASES` from the environment for a deeper run.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn spans_are_inside_the_file_on_char_boundaries(text in draft()) {
        for d in check(&text) {
            prop_assert!(in_bounds(&text, &d.span), "{d:?}");
            prop_assert!(d.span.start < d.span.end, "{d:?}");
            for l in &d.related {
                if l.file == FileKey::Draft {
                    prop_assert!(in_bounds(&text, &l.span), "{l:?}");
                }
            }
            // A value rule's `found` is the source text of its span.
            if let Some(found) = &d.found {
                prop_assert_eq!(found.as_str(), &text[d.span.clone()]);
            }
        }
    }

    #[test]
    fn what_a_span_holds_recognizes_to_the_value_reported(text in draft()) {
        let doc = factlint::read::markdown::scan(&text);
        let a = Analysis::new(Path::new("d.md"), &text, &doc, &BASE, None);
        for c in &a.claims {
            prop_assert!(in_bounds(&text, &c.span));
            for v in &c.values {
                prop_assert!(in_bounds(&text, &v.span), "{v:?}");
                let held = &text[v.span.clone()];
                // The claim's own text holds the same characters at `pos` (a line
                // break inside a value is one space in the prose).
                prop_assert_eq!(&c.text[v.pos.clone()], squash(held));
                if v.of_article_date {
                    // A date read against the article's date: its phrase, read again
                    // from the claim's text, resolves to the same days.
                    let day = a.article_date;
                    prop_assert!(day.is_some(), "{v:?}");
                    let Some(day) = day else { continue };
                    let mut months = Vec::new();
                    month::find(&c.text, &mut months);
                    let mut relatives = Vec::new();
                    relative::find(&c.text, &mut relatives);
                    let again = months
                        .iter()
                        .find(|m| m.span == v.pos)
                        .and_then(|m| m.resolve(day))
                        .or_else(|| {
                            relatives
                                .iter()
                                .find(|r| r.span == v.pos)
                                .and_then(|r| r.phrase.resolve(day))
                        });
                    prop_assert_eq!(again.map(Value::Date), Some(v.value), "{:?}", held);
                    continue;
                }
                // Read again from the claim's text alone (no block around it), the
                // same characters give the same value, hedge and all.
                let again = recognize(&c.text);
                let m = again.iter().find(|m| m.span == v.pos);
                prop_assert!(m.is_some(), "{:?} in {:?}: {:?}", held, c.text, again);
                prop_assert_eq!(m.map(|m| m.value), Some(v.value), "{:?}", held);
                // Alone, a value that is read at all is read the same (hedges are read
                // from the words before a span, and a number word needs its noun).
                let alone = recognize(held);
                if let [m] = alone.as_slice() && m.span == (0..held.len()) {
                    prop_assert_eq!(unhedged(m.value), unhedged(v.value), "{:?}", held);
                }
            }
        }
    }

    #[test]
    fn text_inserted_before_the_claims_only_shifts_spans(
        text in draft(),
        filler in proptest::sample::select(&[
            "Filler words here.\n\n",
            "Café naïve — résumé 😀 text, without numbers.\n\n",
            "# A heading of no entity\n\n",
            "\r\n",
        ][..]),
    ) {
        let opts = CheckOptions { default_date: Some(jiff::civil::date(2024, 11, 22)), ..CheckOptions::default() };
        let body = factlint::read::markdown::scan(&text)
            .front_matter
            .map_or(0, |f| f.span.end);
        let mut moved = text.clone();
        moved.insert_str(body, filler);
        let k = filler.len();
        let before = check_text(Path::new("d.md"), &text, &BASE, &opts).diagnostics;
        let after = check_text(Path::new("d.md"), &moved, &BASE, &opts).diagnostics;
        let shifted: Vec<Diagnostic> = before
            .into_iter()
            .map(|mut d| {
                d.span = d.span.start + k..d.span.end + k;
                // A message that points at another line ("line 5 states …") points
                // at it after the inserted lines.
                d.message = shift_lines(&d.message, filler.matches('\n').count());
                if let Some(fix) = &mut d.fix {
                    fix.span = fix.span.start + k..fix.span.end + k;
                }
                for l in &mut d.related {
                    if l.file == FileKey::Draft {
                        l.span = l.span.start + k..l.span.end + k;
                    }
                }
                d
            })
            .collect();
        prop_assert_eq!(shifted, after);
    }
}

/// `message` with every "line N" moved down by `by` lines.
fn shift_lines(message: &str, by: usize) -> String {
    static LINE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\bline (\d+)\b").expect("constant regex"));
    LINE.replace_all(message, |c: &regex::Captures| {
        let n: usize = c[1].parse().expect("digits");
        format!("line {}", n + by)
    })
    .into_owned()
}

/// Whitespace that holds a line break (and the indentation after it) as one space.
fn squash(s: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if run.contains(['\n', '\r']) {
            out.push(' ');
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    out + &run
}

/// A value without its hedge (the hedge is read outside the span).
fn unhedged(v: factlint::base::value::Value) -> factlint::base::value::Value {
    use factlint::base::value::{Hedge, Value};
    match v {
        Value::Money { currency, amount } => Value::Money {
            currency,
            amount: amount.with_hedge(Hedge::Exact),
        },
        Value::Percent(q) => Value::Percent(q.with_hedge(Hedge::Exact)),
        Value::Count(q) => Value::Count(q.with_hedge(Hedge::Exact)),
        d @ Value::Date(_) => d,
    }
}

/// The whole JSON report of a run, as a string.
fn report(paths: &[PathBuf]) -> String {
    let opts = CheckOptions::default();
    let r = check_paths(paths, &BASE, &opts);
    let mut out = Vec::new();
    factlint::report::json::write(&r, std::slice::from_ref(&*BASE), &mut out)
        .expect("json to memory");
    String::from_utf8(out).expect("utf-8")
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn output_does_not_depend_on_threads_or_path_order(
        drafts in proptest::collection::vec(draft(), 1..8),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut paths = Vec::new();
        for (i, d) in drafts.iter().enumerate() {
            let p = dir.path().join(format!("d{i}.md"));
            std::fs::write(&p, d).expect("write");
            paths.push(p);
        }
        // One bad file among them, so errors are ordered too.
        let bad = dir.path().join("bad.md");
        std::fs::write(&bad, b"\xff").expect("write");
        paths.push(bad);
        let one = in_pool(1, || report(&paths));
        let four = in_pool(4, || report(&paths));
        prop_assert_eq!(&one, &four);
        let mut reversed = paths.clone();
        reversed.reverse();
        let back = in_pool(4, || report(&reversed));
        prop_assert_eq!(&one, &back);
        let folder = in_pool(3, || report(&[dir.path().to_path_buf()]));
        prop_assert_eq!(&one, &folder);
    }
}
