//! `factlint claims` and `check --coverage`: what was checked, from the same
//! attribution as `check`.

mod common;

use common::*;
use serde_json::Value;

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON on stdout ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `factlint claims --format json` of a draft read from standard input.
fn claims_of(draft: &str, extra: &[&str]) -> Value {
    let mut args = vec!["claims", "--format", "json", "--no-config"];
    args.extend_from_slice(extra);
    args.push("-");
    let out = run_in(&root(), &args, Some(draft.as_bytes()));
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    json(&out)
}

/// The claim whose text is `text` (the first one).
fn claim<'a>(doc: &'a Value, text: &str) -> &'a Value {
    doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {doc:#}"))
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/claims.schema.json"))
        .expect("the claims schema is committed");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the claims schema compiles")
}

fn assert_valid(v: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid claims JSON: {errors:#?}");
}

#[test]
fn every_value_check_reports_is_attributed_to_the_same_fact() {
    let check = json(&factlint(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "fixtures/",
    ]));
    let claims = json(&factlint(&[
        "claims",
        "--no-config",
        "--format",
        "json",
        "fixtures/",
    ]));
    let fact_rules = [
        "value-mismatch",
        "stale-value",
        "date-mismatch",
        "anachronism",
        "relative-date",
        "lineup-mismatch",
        "unknown-model",
    ];
    let list = claims["claims"].as_array().expect("claims");
    let mut compared = 0;
    for d in check["diagnostics"].as_array().expect("diagnostics") {
        let rule = d["rule"].as_str().expect("rule");
        if !fact_rules.contains(&rule) || d["fact"].is_null() {
            continue;
        }
        // The claim at the finding's span (a relative date's finding points at the
        // phrase; its product is the claim then).
        let at = |c: &&Value| {
            c["path"] == d["path"]
                && c["byte_start"].as_u64() <= d["byte_end"].as_u64()
                && c["byte_end"].as_u64() >= d["byte_start"].as_u64()
                && c["rule"] == rule
        };
        let c = list
            .iter()
            .find(at)
            .or_else(|| {
                list.iter().find(|c| {
                    c["path"] == d["path"]
                        && c["line"] == d["line"]
                        && c["rule"] == rule
                        && c["fact"] == d["fact"]
                })
            })
            .unwrap_or_else(|| panic!("no claim for the finding {d:#}"));
        assert_eq!(c["status"], "contradicts", "{d:#}\n{c:#}");
        assert_eq!(c["fact"], d["fact"], "{d:#}\n{c:#}");
        compared += 1;
    }
    // Every fact finding of the fixtures: value, stale, date, time and catalog rules.
    assert!(compared >= 20, "only {compared} findings compared");
}

#[test]
fn an_agreeing_value_is_attributed_with_its_fact_value_and_source() {
    let doc = claims_of(
        "---\ndate: 2025-01-10\n---\nAmazon invested $1.25 billion in Anthropic in September 2023.\n",
        &[],
    );
    let c = claim(&doc, "$1.25 billion");
    assert_eq!(c["status"], "agrees");
    assert_eq!(c["fact"], "amazon-anthropic/tranche-1");
    assert_eq!(c["fact_kind"], "event");
    assert_eq!(c["expected"], "$1.25 billion");
    assert!(
        c["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("https://"))
    );
    // The date read with it is the same event's.
    let d = claim(&doc, "September 2023");
    assert_eq!(d["status"], "agrees");
    assert_eq!(d["fact"], "amazon-anthropic/tranche-1");
    assert_eq!(d["expected"], "2023-09-25");
}

#[test]
fn each_reason_is_given_where_attribution_gives_up() {
    let draft = "---\ndate: 2025-01-10\n---\n\
        The deal was worth $3 billion.\n\n\
        Anthropic hired 500 engineers.\n\n\
        Amazon invested $4 billion in Anthropic in 2024.\n\n\
        Microsoft has put $13B+ into OpenAI.\n\n\
        Amazon could invest $10 billion in Anthropic next year.\n\n\
        An Amazon manager said \"our total investment in Anthropic is $9 billion\" on stage.\n\n\
        Anthropic uses `$6 billion` in code.\n";
    let doc = claims_of(draft, &[]);
    assert_valid(&doc);
    let reason = |text: &str| {
        let c = claim(&doc, text);
        assert_eq!(c["status"], "unattributed", "{c:#}");
        assert!(c["fact"].is_null() && c["rule"].is_null(), "{c:#}");
        c["reason"].as_str().expect("a reason").to_string()
    };
    assert_eq!(reason("$3 billion"), "no-entity");
    assert_eq!(reason("500"), "no-fact");
    // $4 billion in 2024: two tranches of 2024, and no cue picks one.
    assert_eq!(reason("$4 billion"), "ambiguous");
    assert_eq!(reason("$13B+"), "no-cue");
    assert_eq!(reason("$10 billion"), "hedged");
    assert_eq!(reason("$9 billion"), "quoted");
    // Code never becomes a claim: it is counted, not listed.
    assert!(
        doc["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .all(|c| c["text"] != "$6 billion")
    );
    assert_eq!(doc["summary"]["in_code"], 1);
    // A product named in a draft with no article date is not judged.
    let undated = claims_of("Anthropic released Claude 3 Opus.\n", &[]);
    let c = claim(&undated, "Claude 3 Opus");
    assert_eq!(c["kind"], "product");
    assert_eq!(c["reason"], "no-date");
    // With a date, it is the product's.
    let dated = claims_of(
        "Anthropic released Claude 3 Opus.\n",
        &["--date", "2025-01-10"],
    );
    let c = claim(&dated, "Claude 3 Opus");
    assert_eq!(c["status"], "agrees");
    assert_eq!(c["fact"], "claude-3-opus");
    assert_eq!(c["fact_kind"], "product");
}

/// A small draft whose outcomes are known: two agreeing values and their dates, one
/// contradiction, one stale total, a product too early, and two unattributed.
const DRAFT: &str = "---\ndate: 2025-01-10\n---\n\
    # Amazon and Anthropic\n\n\
    Amazon invested $1.25 billion in Anthropic in September 2023 and $2.25 billion in March 2024.\n\n\
    Amazon's total investment in Anthropic stands at $4 billion.\n\n\
    The market grew 40% last year.\n\n\
    Amazon could invest $20 billion in Anthropic next year.\n\n\
    Anthropic also uses GPT-5.\n";

#[test]
fn the_summary_counts_a_small_draft_right() {
    let doc = claims_of(DRAFT, &[]);
    assert_valid(&doc);
    let s = &doc["summary"];
    let texts: Vec<(String, String)> = doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap_or("").to_string(),
                c["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let ok = |t: &str, st: &str| (t.to_string(), st.to_string());
    assert_eq!(
        texts,
        [
            ok("$1.25 billion", "agrees"),
            ok("September 2023", "agrees"),
            ok("$2.25 billion", "contradicts"),
            ok("March 2024", "agrees"),
            ok("$4 billion", "contradicts"),
            ok("40%", "unattributed"),
            ok("$20 billion", "unattributed"),
            ok("GPT-5", "contradicts"),
        ],
        "{doc:#}"
    );
    assert_eq!(s["claims"], 8);
    assert_eq!(s["attributed"], 6);
    assert_eq!(s["agreeing"], 3);
    assert_eq!(s["contradicting"], 3);
    assert_eq!(s["unattributed"], 2);
    // The heading names the entities: the percentage has no fact of its kind.
    assert_eq!(s["by_reason"]["no-fact"], 1);
    assert_eq!(s["by_reason"]["hedged"], 1);
    assert_eq!(s["coverage"], 75.0);
    // The file's summary is the run's, with one file.
    assert_eq!(doc["files"][0]["summary"], *s);
    // check --coverage says the same, on standard error after the summary line.
    let out = run_in(
        &root(),
        &["check", "--no-config", "--coverage", "-"],
        Some(DRAFT.as_bytes()),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("");
    assert_eq!(last, "factlint: 8 claims, 6 checked (75 %)", "{err}");
    // Without --coverage, no such line; in JSON, stdout is the check contract alone.
    let out = run_in(
        &root(),
        &["check", "--no-config", "-"],
        Some(DRAFT.as_bytes()),
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("claims,"));
    let out = run_in(
        &root(),
        &[
            "check",
            "--no-config",
            "--coverage",
            "--format",
            "json",
            "-",
        ],
        Some(DRAFT.as_bytes()),
    );
    let v = json(&out);
    let keys: Vec<&String> = v.as_object().expect("an object").keys().collect();
    assert_eq!(keys, ["diagnostics", "errors", "files_checked", "version"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("8 claims, 6 checked (75 %)"));
}

#[test]
fn unattributed_claims_are_grouped_most_frequent_first() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(
        d,
        "a.md",
        "The deal was worth $3 billion. Another was $5 billion.\n\nIt was $3 billion.\n",
    );
    write(
        d,
        "b.md",
        "Revenue reached $3 billion and $5 billion. Costs were $1 billion.\n",
    );
    write(d, "c.md", "Amazon could invest $20 billion in Anthropic.\n");
    let out = run_in(
        d,
        &[
            "claims",
            "--no-config",
            "--unattributed",
            "--format",
            "json",
            ".",
        ],
        None,
    );
    assert_eq!(code(&out), 0);
    let v = json(&out);
    assert_valid(&v);
    let groups: Vec<(String, u64, String)> = v["unattributed"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            (
                g["text"].as_str().unwrap_or("").to_string(),
                g["count"].as_u64().unwrap_or(0),
                g["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let g = |t: &str, n: u64, r: &str| (t.to_string(), n, r.to_string());
    assert_eq!(
        groups,
        [
            g("$3 billion", 3, "no-entity"),
            g("$5 billion", 2, "no-entity"),
            g("$1 billion", 1, "no-entity"),
            g("$20 billion", 1, "hedged"),
        ]
    );
    // Occurrences in the order of the files and of each file.
    let first = &v["unattributed"][0]["occurrences"];
    let places: Vec<(String, u64)> = first
        .as_array()
        .expect("occurrences")
        .iter()
        .map(|o| {
            (
                o["path"].as_str().unwrap_or("").to_string(),
                o["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("./a.md".to_string(), 1),
            ("./a.md".to_string(), 3),
            ("./b.md".to_string(), 1)
        ]
    );
    // The text form: the same order, one line a group.
    let out = run_in(d, &["claims", "--no-config", "--unattributed", "."], None);
    let text = String::from_utf8_lossy(&out.stdout);
    let heads: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(
        heads[..4],
        [
            "3× $3 billion (money): no entity in reach",
            "2× $5 billion (money): no entity in reach",
            "1× $1 billion (money): no entity in reach",
            "1× $20 billion (money; amazon, anthropic): hedged, forward-looking, negated or of an earlier time",
        ]
    );
    // Deterministic: the same bytes with one thread.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["claims", "--no-config", "--unattributed", "."])
        .current_dir(d)
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .expect("runs");
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn the_fixtures_claims_validate_against_the_schema() {
    let out = factlint(&[
        "claims",
        "--no-config",
        "--format",
        "json",
        "fixtures/",
        "fixtures/drafts/missing.md",
    ]);
    assert_eq!(code(&out), 2, "a missing file is exit 2, as in check");
    let v = json(&out);
    assert_valid(&v);
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(1));
    let s = &v["summary"];
    let n = |k: &str| s[k].as_u64().unwrap_or(u64::MAX);
    assert_eq!(n("attributed"), n("agreeing") + n("contradicting"));
    let by_reason: u64 = s["by_reason"]
        .as_object()
        .expect("by_reason")
        .values()
        .filter_map(Value::as_u64)
        .sum();
    assert_eq!(n("unattributed"), by_reason);
    assert_eq!(n("claims"), n("attributed") + n("unattributed"));
    assert_eq!(
        v["claims"].as_array().map(Vec::len),
        Some(n("claims") as usize)
    );
    let out = factlint(&[
        "claims",
        "--no-config",
        "--unattributed",
        "--format",
        "json",
        "fixtures/",
    ]);
    assert_valid(&json(&out));
}

#[test]
fn coverage_comes_from_the_cache_unchanged() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(d, "a.md", DRAFT);
    let run = |args: &[&str]| {
        let out = run_in(d, args, None);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let args = ["check", "--no-config", "--cache", "--coverage", "a.md"];
    let first = run(&args);
    let second = run(&args);
    assert!(second.contains("(1 from the cache)"), "{second}");
    let line = |s: &str| s.lines().last().unwrap_or("").to_string();
    assert_eq!(line(&first), "factlint: 8 claims, 6 checked (75 %)");
    assert_eq!(line(&second), line(&first));
    // A cache written without --coverage has no counts: the draft is checked again.
    let plain = run(&["check", "--no-config", "--cache", "a.md"]);
    assert!(plain.contains("(0 from the cache)"), "{plain}");
    let third = run(&args);
    assert_eq!(line(&third), line(&first));
}

#[test]
fn a_broken_fact_base_is_reported_in_the_claims_contract() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(d, "bad.toml", "[meta]\ntitle = \"x\"\n[[entity]]\nid = 1\n");
    write(d, "a.md", "Amazon put $4 billion into Anthropic.\n");
    let out = run_in(
        d,
        &[
            "claims",
            "--no-config",
            "--format",
            "json",
            "--facts",
            "bad.toml",
            "a.md",
        ],
        None,
    );
    assert_eq!(code(&out), 2);
    let v = json(&out);
    assert_valid(&v);
    assert_eq!(v["claims"], serde_json::json!([]));
    let message = v["errors"][0]["message"].as_str().unwrap_or("");
    assert!(message.starts_with("4:6: "), "{message}");
    assert_eq!(v["errors"][0]["path"], "bad.toml");
}
