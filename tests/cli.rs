//! End-to-end tests of the `factlint` binary: fixtures, exit codes, output formats,
//! fact files of the test's own.

use std::process::Command;

use serde_json::Value;

mod common;
use common::{factlint, root, write};

fn json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = factlint(&all);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().expect("exit code"))
}

/// (rule, line) of every diagnostic, in output order.
fn findings(v: &Value) -> Vec<(String, u64)> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(r, l)| ((*r).to_string(), *l)).collect()
}

#[test]
fn clean_fixture_gives_zero_findings() {
    let (v, code) = json(&["fixtures/drafts/amazon-anthropic-clean.md"]);
    assert_eq!(findings(&v), vec![], "{v:#}");
    assert_eq!(code, 0);
    assert_eq!(v["files_checked"], 1);
}

#[test]
fn planted_value_mismatches_are_found_on_their_lines() {
    let (v, code) = json(&["fixtures/drafts/planted-value-mismatch.md"]);
    // line 8: $2.25 billion for the March 2024 tranche ($2.75 billion)
    // line 10: $5 billion for the November 2024 tranche ($4 billion)
    // line 12: a total of $9 billion (was $8 billion on the article's date)
    // line 14: about $10 billion for Microsoft's total (about $13 billion)
    assert_eq!(
        findings(&v),
        pairs(&[
            ("value-mismatch", 8),
            ("value-mismatch", 10),
            ("value-mismatch", 12),
            ("value-mismatch", 14)
        ]),
        "{v:#}"
    );
    assert_eq!(code, 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["found"], "$2.25 billion");
    assert_eq!(d["expected"], "$2.75 billion");
    assert_eq!(d["fact"], "amazon-anthropic/tranche-2");
    assert_eq!(d["severity"], "error");
    assert!(
        d["source"]
            .as_str()
            .expect("source")
            .starts_with("https://")
    );
    // A built-in fact file is named so that it cannot be taken for a file of the
    // user's own `facts/` folder (its lines are those of the file compiled in).
    assert_eq!(d["related"][0]["path"], "<built-in>/anthropic.toml");
    let facts = std::fs::read_to_string(root().join("facts/anthropic.toml")).expect("fact file");
    let amount_line = facts
        .lines()
        .position(|l| l.contains("amount = \"$2.75 billion\""))
        .expect("amount line") as u64
        + 1;
    assert_eq!(d["related"][0]["line"], amount_line);
    let text = std::fs::read_to_string(root().join("fixtures/drafts/planted-value-mismatch.md"))
        .expect("draft");
    let (s, e) = (
        d["byte_start"].as_u64().expect("start") as usize,
        d["byte_end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&text[s..e], "$2.25 billion");
}

#[test]
fn planted_stale_values_are_found() {
    let (v, _) = json(&["fixtures/drafts/planted-stale-value.md"]);
    // line 8: "stands at $4 billion" (held 2024-03-27 to 2024-11-21)
    // line 11: "cumulative … $1.25 billion" (held 2023-09-25 to 2024-03-26)
    assert_eq!(
        findings(&v),
        pairs(&[("stale-value", 8), ("stale-value", 11)]),
        "{v:#}"
    );
    let msg = v["diagnostics"][0]["message"].as_str().expect("message");
    assert!(msg.contains("2024-03-27 to 2024-11-21"), "{msg}");
    assert_eq!(v["diagnostics"][0]["expected"], "$8 billion");
}

#[test]
fn planted_date_mismatches_are_found() {
    let (v, _) = json(&["fixtures/drafts/planted-date-mismatch.md"]);
    // line 8: $2.75 billion in February 2024 (2024-03-27)
    // line 10: the additional $4 billion on November 12, 2024 (2024-11-22)
    // line 12: primary training partner in March 2024 (2024-11-22)
    // line 14: up to $2 billion in December 2023 (October 2023)
    assert_eq!(
        findings(&v),
        pairs(&[
            ("date-mismatch", 8),
            ("date-mismatch", 10),
            ("date-mismatch", 12),
            ("date-mismatch", 14)
        ]),
        "{v:#}"
    );
    assert_eq!(v["diagnostics"][1]["found"], "November 12, 2024");
    assert_eq!(v["diagnostics"][1]["expected"], "2024-11-22");
    assert_eq!(v["diagnostics"][3]["expected"], "October 2023");
}

#[test]
fn planted_sum_mismatches_are_found_without_a_fact_base() {
    for extra in [&[][..], &["--no-default-facts"][..]] {
        let mut args = vec!["fixtures/drafts/planted-sum-mismatch.md"];
        args.extend_from_slice(extra);
        let (v, _) = json(&args);
        // line 8: $85 million whole, parts $30 million + $45 million
        // line 10: "three tranches" but two listed
        // line 12: a total of $30 million for $10 million + $15 million
        // line 16: "for $30 million in all" after $10 million and $15 million
        // line 18: "three tranches of" two amounts
        // line 20: $100 million "consisted of" $30 million and $45 million
        // line 22: "bringing its total to $13 million" after parts of $15 million
        // lines 24-30: right (a total that may hold more; a list that goes on
        // without an amount; "each"; a colon that opens no list of the whole)
        assert_eq!(
            findings(&v),
            pairs(&[
                ("sum-mismatch", 8),
                ("sum-mismatch", 10),
                ("sum-mismatch", 12),
                ("sum-mismatch", 16),
                ("sum-mismatch", 18),
                ("sum-mismatch", 20),
                ("sum-mismatch", 22)
            ]),
            "{v:#}"
        );
        assert_eq!(v["diagnostics"][0]["expected"], "$75 million");
        assert_eq!(
            v["diagnostics"][0]["related"].as_array().map(Vec::len),
            Some(2)
        );
    }
}

#[test]
fn fact_rules_are_silent_without_a_fact_base() {
    // Without facts, the fact rules say nothing; what is left is the draft
    // contradicting itself: "a total of $9 billion" (line 12) and "total investment …
    // is $8 billion" (line 16). With the fact base, value-mismatch reports line 12 and
    // self-contradiction leaves that value to it (see the test above).
    let (v, code) = json(&[
        "--no-default-facts",
        "fixtures/drafts/planted-value-mismatch.md",
    ]);
    assert_eq!(findings(&v), pairs(&[("self-contradiction", 16)]), "{v:#}");
    assert_eq!(v["diagnostics"][0]["related"][0]["line"], 12);
    assert_eq!(code, 1);
    let (v, _) = json(&[
        "--no-default-facts",
        "fixtures/drafts/planted-date-mismatch.md",
        "fixtures/drafts/planted-stale-value.md",
    ]);
    // planted-stale-value.md states the total as $4 billion (line 8) and as $1.25
    // billion (line 11): with no fact to say which is stale, they contradict.
    assert_eq!(findings(&v), pairs(&[("self-contradiction", 11)]), "{v:#}");
}

#[test]
fn json_output_has_exactly_the_contract_fields() {
    let (v, _) = json(&["fixtures/drafts/planted-value-mismatch.md"]);
    let mut top: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    top.sort_unstable();
    assert_eq!(
        top,
        vec!["diagnostics", "errors", "files_checked", "version"]
    );
    assert_eq!(v["version"], 1);
    let mut keys: Vec<&str> = v["diagnostics"][0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut want = vec![
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "fact",
        "expected",
        "found",
        "source",
        "related",
        "fix",
    ];
    want.sort_unstable();
    assert_eq!(keys, want);
    // `fix` (added to version 1: additive) is an object of exactly three fields where
    // the correction is certain, and null where it is not.
    let mut fix: Vec<&str> = v["diagnostics"][0]["fix"]
        .as_object()
        .expect("the first planted value has a certain fix")
        .keys()
        .map(String::as_str)
        .collect();
    fix.sort_unstable();
    assert_eq!(fix, vec!["byte_end", "byte_start", "replacement"]);
    let approximate = &v["diagnostics"][3];
    assert_eq!(approximate["found"], "$10 billion");
    assert!(
        approximate["fix"].is_null(),
        "the fact is \"about $13 billion\""
    );
    let mut rel: Vec<&str> = v["diagnostics"][0]["related"][0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    rel.sort_unstable();
    assert_eq!(rel, vec!["column", "line", "message", "path"]);
}

#[test]
fn folder_run_checks_every_fixture_sorted() {
    let (v, code) = json(&["fixtures/drafts"]);
    assert_eq!(v["files_checked"], 13);
    assert_eq!(code, 1);
    let paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    assert!(!paths.iter().any(|p| p.ends_with("clean.md")));
    // Our drafts do not contradict each other (fixtures/corpus/ does, on purpose).
    assert!(
        !findings(&v)
            .iter()
            .any(|(rule, _)| rule == "corpus-contradiction"),
        "{v:#}"
    );
}

#[test]
fn unreadable_paths_exit_2_and_the_rest_is_still_checked() {
    let (v, code) = json(&[
        "does/not/exist.md",
        "fixtures/drafts/planted-value-mismatch.md",
    ]);
    assert_eq!(code, 2);
    assert_eq!(v["errors"][0]["path"], "does/not/exist.md");
    assert_eq!(v["errors"][0]["message"], "no such file or folder");
    assert_eq!(findings(&v).len(), 4);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"Amazon \xff invested.\n").expect("write");
    let (v, code) = json(&[bad.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert_eq!(v["errors"][0]["message"], "invalid UTF-8 at byte 7");
}

#[test]
fn own_fact_file_is_added_with_facts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = write(dir.path(), "ours.toml", common::OWN_FACTS);
    let draft = write(
        dir.path(),
        "draft.md",
        "---\ndate: 2025-06-01\n---\nHooli's seed investment in Initech was $45 million.\n",
    );
    let (v, code) = json(&[
        "--facts",
        facts.to_str().expect("path"),
        draft.to_str().expect("path"),
    ]);
    assert_eq!(findings(&v), pairs(&[("value-mismatch", 4)]), "{v:#}");
    assert_eq!(code, 1);
    assert_eq!(v["diagnostics"][0]["expected"], "$40 million");
    assert!(
        v["diagnostics"][0]["related"][0]["path"]
            .as_str()
            .expect("path")
            .ends_with("ours.toml")
    );
    assert_eq!(v["diagnostics"][0]["related"][0]["line"], 19);
    // The same draft, right.
    let ok = write(
        dir.path(),
        "ok.md",
        "---\ndate: 2025-06-01\n---\nHooli's seed investment in Initech was $40 million.\n",
    );
    let (v, code) = json(&[
        "--facts",
        facts.to_str().expect("path"),
        ok.to_str().expect("path"),
    ]);
    assert_eq!(findings(&v), vec![]);
    assert_eq!(code, 0);
}

#[test]
fn broken_fact_file_exits_2_with_a_span() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = common::OWN_FACTS
        .replace("date = \"2025-02-03\"", "date = \"2025-02-30\"")
        .replace("amount = \"$40 million\"", "amount = \"forty-ish\"");
    let facts = write(dir.path(), "broken.toml", &broken);
    let out = factlint(&[
        "facts",
        "check",
        "--color",
        "never",
        facts.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[fact-base]: `2025-02-30` is not a date"),
        "{err}"
    );
    assert!(err.contains("broken.toml:16:"), "{err}");
    let draft = write(dir.path(), "d.md", "Text.\n");
    let (v, code) = json(&[
        "--facts",
        facts.to_str().expect("path"),
        draft.to_str().expect("path"),
    ]);
    assert_eq!(code, 2);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .expect("message")
            .starts_with("16:")
    );
}

#[test]
fn builtin_fact_base_passes_facts_check() {
    let out = factlint(&["facts", "check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn human_output_has_labels_notes_and_source() {
    let out = factlint(&[
        "check",
        "--color",
        "never",
        "fixtures/drafts/planted-value-mismatch.md",
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("error[value-mismatch]: stated $2.25 billion, but Amazon's second investment"),
        "{s}"
    );
    assert!(s.contains("planted-value-mismatch.md:8:"), "{s}");
    assert!(s.contains("┌─ <built-in>/anthropic.toml:"), "{s}");
    assert!(!s.contains(" facts/anthropic.toml"), "{s}");
    assert!(s.contains("= source: https://"), "{s}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn short_output_is_one_line_per_finding() {
    let out = factlint(&[
        "check",
        "--format",
        "short",
        "fixtures/drafts/planted-date-mismatch.md",
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 4, "{s}");
    assert!(
        lines[0].starts_with("fixtures/drafts/planted-date-mismatch.md:8:"),
        "{s}"
    );
    assert!(
        lines[0].contains(": error[date-mismatch]: stated February 2024"),
        "{s}"
    );
}

#[test]
fn date_option_dates_a_draft_without_front_matter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = write(
        dir.path(),
        "d.md",
        "Amazon's total investment in Anthropic stands at $4 billion.\n",
    );
    let p = draft.to_str().expect("path");
    let (v, _) = json(&["--date", "2024-12-01", p]);
    assert_eq!(findings(&v), pairs(&[("stale-value", 1)]));
    let (v, _) = json(&["--date", "2024-05-01", p]);
    assert_eq!(findings(&v), vec![]);
    let out = factlint(&["check", "--date", "2024-13-01", p]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn crlf_drafts_give_the_same_findings_with_exact_spans() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        "amazon-anthropic-clean.md",
        "planted-value-mismatch.md",
        "planted-date-mismatch.md",
        "planted-anachronism.md",
        "planted-lineup-mismatch.md",
        "planted-relative-date.md",
    ] {
        let text =
            std::fs::read_to_string(root().join("fixtures/drafts").join(name)).expect("fixture");
        let crlf = text.replace('\n', "\r\n");
        let p = write(dir.path(), name, &crlf);
        let (v_lf, _) = json(&[&format!("fixtures/drafts/{name}")]);
        let (v, _) = json(&[p.to_str().expect("path")]);
        assert_eq!(findings(&v), findings(&v_lf), "{name}");
        for d in v["diagnostics"].as_array().expect("array") {
            let (s, e) = (
                d["byte_start"].as_u64().expect("s") as usize,
                d["byte_end"].as_u64().expect("e") as usize,
            );
            assert_eq!(&crlf[s..e], d["found"].as_str().expect("found"));
        }
    }
}

#[test]
fn planted_anachronisms_are_found() {
    let (v, code) = json(&["fixtures/drafts/planted-anachronism.md"]);
    // The draft is dated 2024-03-08.
    // line 9: GPT-4o (announced 2024-05-13)
    // line 11: GPT-4o in the shorthand "GPT-4/4o"; Llama 3.1 405B (2024-07-23)
    // line 13: Claude 3 Haiku "available now" (announced 2024-03-04, released 2024-03-13)
    // line 15: the additional $2.75 billion (Amazon's investment of 2024-03-27)
    // Silent: forward-looking wording, a lowercase API id, a size suffix, a code
    // block, and the update note dated August 2024.
    assert_eq!(
        findings(&v),
        pairs(&[
            ("anachronism", 9),
            ("anachronism", 11),
            ("anachronism", 11),
            ("anachronism", 13),
            ("anachronism", 15)
        ]),
        "{v:#}"
    );
    assert_eq!(code, 1);
    let d = &v["diagnostics"];
    assert_eq!(d[0]["fact"], "gpt-4o");
    assert_eq!(d[0]["expected"], "2024-05-13");
    assert_eq!(d[0]["found"], "GPT-4o");
    assert_eq!(d[0]["related"][0]["path"], "<built-in>/openai.toml");
    assert_eq!(d[1]["found"], "4o");
    assert_eq!(d[2]["found"], "Llama 3.1 405B");
    let haiku = d[3]["message"].as_str().expect("message");
    assert!(
        haiku.contains("announced on 2024-03-04 and not released until 2024-03-13"),
        "{haiku}"
    );
    assert_eq!(d[4]["fact"], "amazon-anthropic/tranche-2");
    assert_eq!(d[4]["found"], "$2.75 billion");
}

#[test]
fn anachronisms_need_an_article_date() {
    let text = std::fs::read_to_string(root().join("fixtures/drafts/planted-anachronism.md"))
        .expect("fixture");
    let undated = text
        .replace("date: 2024-03-08\n", "")
        .replace("updated: 2024-08-01\n", "");
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "undated.md", &undated);
    let (v, code) = json(&[p.to_str().expect("path")]);
    // Only the warning that the draft has no date, on its front matter's first line.
    assert_eq!(findings(&v), vec![("missing-date".to_string(), 1)]);
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    assert_eq!(code, 0);
    // --date dates it; a date after every planted name makes it correct.
    let (v, _) = json(&["--date", "2024-03-08", p.to_str().expect("path")]);
    assert_eq!(findings(&v).len(), 5, "{v:#}");
    // (Only line 15's "this week", which on 2024-09-01 is not the week Claude 3 was
    // announced: a relative date, no anachronism.)
    let (v, _) = json(&["--date", "2024-09-01", p.to_str().expect("path")]);
    assert_eq!(
        findings(&v),
        vec![("relative-date".to_string(), 15)],
        "{v:#}"
    );
}

#[test]
fn planted_unknown_models_are_found() {
    let (v, code) = json(&["fixtures/drafts/planted-unknown-model.md"]);
    // line 8: Claude 3.5 Opus; line 10: Claude 2.5 Haiku; line 12: GPT-4.7 spelled
    // "GPT-4o/4.7"; line 14: Claude 5 Opus, newer than any Opus, in a 2024 draft.
    // Silent: real names and spellings, GPT-3.5 (outside the GPT shapes the catalog
    // covers), a forward-looking mention, a code block.
    assert_eq!(
        findings(&v),
        pairs(&[
            ("unknown-model", 8),
            ("unknown-model", 10),
            ("unknown-model", 12),
            ("unknown-model", 14)
        ]),
        "{v:#}"
    );
    // Warnings do not fail a run.
    assert_eq!(code, 0);
    let d = &v["diagnostics"];
    assert_eq!(d[0]["severity"], "warning");
    assert_eq!(d[0]["found"], "Claude 3.5 Opus");
    assert_eq!(d[0]["fact"], "claude");
    assert_eq!(d[0]["expected"], "Claude 3.5 Sonnet, Claude 3.5 Haiku");
    assert_eq!(d[2]["found"], "4.7");
    let m = d[0]["message"].as_str().expect("message");
    assert!(!m.contains("stale"), "{m}");
}

#[test]
fn unknown_models_after_the_checked_date_say_the_catalog_may_be_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "late.md",
        "---\ndate: 2027-01-05\n---\nClaude 3.5 Opus leads. GPT-5.4 and Claude Opus 4.9 are new.\n",
    );
    let (v, _) = json(&[p.to_str().expect("path")]);
    // GPT-5.4 and Claude Opus 4.9 are newer than what the catalog knows, in a draft
    // dated after the newest known models: maybe real, so nothing is said.
    assert_eq!(findings(&v), pairs(&[("unknown-model", 4)]), "{v:#}");
    let m = v["diagnostics"][0]["message"].as_str().expect("message");
    assert!(
        m.contains("the catalog was last checked on 2026-11-26 and may be stale"),
        "{m}"
    );
}

#[test]
fn planted_relative_dates_are_found() {
    let (v, code) = json(&["fixtures/drafts/planted-relative-date.md"]);
    // line 8: "launched earlier this year" (Trainium2: 2023-11-28, 2024-12-03)
    // line 10: "Last month" (Claude 3 Opus: 2024-03-04)
    // line 12: "last year" (Claude 3.5 Sonnet: 2024-06-20)
    // line 14: "became available last week" (Claude 3.5 Haiku: 2024-11-04)
    assert_eq!(
        findings(&v),
        pairs(&[
            ("relative-date", 8),
            ("relative-date", 10),
            ("relative-date", 12),
            ("relative-date", 14)
        ]),
        "{v:#}"
    );
    assert_eq!(code, 0);
    let d = &v["diagnostics"][0];
    assert_eq!(d["found"], "earlier this year");
    assert_eq!(d["fact"], "trainium2");
    assert_eq!(
        d["expected"],
        "announced on 2023-11-28 and released on 2024-12-03"
    );
    assert_eq!(d["related"].as_array().map(Vec::len), Some(2));
}

#[test]
fn planted_lineup_mismatches_are_found() {
    let (v, code) = json(&["fixtures/drafts/planted-lineup-mismatch.md"]);
    // The draft is dated 2024-10-25; Claude 3.5 Haiku came to Bedrock on 2024-11-04.
    // line 8: a sentence; line 15: a table under a line-up heading; line 20: a list
    // item under "Available on Amazon Bedrock:". Silent: Claude 3 Opus (its Bedrock
    // day is not verified), Llama 3.1 (not a member), forward-looking wording.
    assert_eq!(
        findings(&v),
        pairs(&[
            ("lineup-mismatch", 8),
            ("lineup-mismatch", 15),
            ("lineup-mismatch", 20)
        ]),
        "{v:#}"
    );
    assert_eq!(code, 0);
    let d = &v["diagnostics"][0];
    assert_eq!(d["found"], "Claude 3.5 Haiku");
    assert_eq!(d["fact"], "claude-3.5-haiku");
    assert_eq!(d["expected"], "it joined on 2024-11-04");
    assert_eq!(d["source"], "https://aiwiki.ai/wiki/claude_3_5_haiku");
}

#[test]
fn facts_list_and_show_give_dates_and_sources() {
    let out = factlint(&["facts", "list", "--kind", "product"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    let line = s
        .lines()
        .find(|l| l.starts_with("product  trainium2 "))
        .expect("Trainium2 is listed");
    assert!(
        line.contains("announced 2023-11-28, released 2024-12-03"),
        "{line}"
    );
    assert!(line.ends_with(
        "https://www.allpcb.com/es-ES/allelectrohub/inside-amazons-ai-chip-architecture"
    ));
    assert!(s.lines().all(|l| l.starts_with("product ")), "{s}");
    let all = factlint(&["facts", "list"]);
    let all = String::from_utf8_lossy(&all.stdout);
    for kind in [
        "entity ",
        "event ",
        "quantity ",
        "product ",
        "family ",
        "lineup ",
    ] {
        assert!(all.lines().any(|l| l.starts_with(kind)), "{kind}");
    }
    let out = factlint(&["facts", "show", "claude-3.5-haiku"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("announced:  2024-10-22  (source: https://ppc.land/"),
        "{s}"
    );
    assert!(
        s.contains("released:   2024-11-04  (source: https://aiwiki.ai/wiki/claude_3_5_haiku)"),
        "{s}"
    );
    assert!(
        s.contains("line-ups:   bedrock/claude from 2024-11-04"),
        "{s}"
    );
    let out = factlint(&["facts", "show", "haiku"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no entity, fact, product, family or line-up has the id `haiku`"),
        "{err}"
    );
    assert!(err.contains("claude-3-haiku"), "{err}");
}

#[test]
fn a_broken_catalog_is_refused_with_spans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = write(
        dir.path(),
        "catalog.toml",
        r#"[[family]]
id = "initech-models"
vendor = "initech"
patterns = ['(Init \d']

[[product]]
id = "init-1"
name = "Init 1"
vendor = "initech"
announced = "2025-03-01"
released = "2025-02-01"
source = "https://example.org/init"

[[product]]
id = "init-2"
name = "Claude 3 Haiku"
vendor = "anthropic"
released = "2025-02-01"
source = "https://example.org/init"
"#,
    );
    let out = factlint(&[
        "facts",
        "check",
        "--color",
        "never",
        facts.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for (msg, at) in [
        ("unknown vendor id `initech`", "catalog.toml:3:"),
        ("invalid family pattern `(Init \\d`", "catalog.toml:4:"),
        (
            "`init-1` is released on 2025-02-01, before it was announced on 2025-03-01",
            "catalog.toml:11:",
        ),
        (
            "the name `Claude 3 Haiku` is already a name of product `claude-3-haiku`",
            "catalog.toml:16:",
        ),
    ] {
        assert!(err.contains(msg), "{msg}\n{err}");
        assert!(err.contains(at), "{at}\n{err}");
    }
}

/// The path, rule, line and related lines of every diagnostic.
fn located(v: &Value) -> Vec<(String, String, u64, Vec<u64>)> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_string(),
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
                d["related"]
                    .as_array()
                    .expect("related")
                    .iter()
                    .map(|r| r["line"].as_u64().expect("line"))
                    .collect(),
            )
        })
        .collect()
}

fn span_text<'t>(text: &'t str, d: &Value) -> &'t str {
    let (s, e) = (
        d["byte_start"].as_u64().expect("start") as usize,
        d["byte_end"].as_u64().expect("end") as usize,
    );
    &text[s..e]
}

#[test]
fn internal_rules_run_without_a_fact_base_and_clean_drafts_stay_clean() {
    for extra in [&[][..], &["--no-default-facts"][..]] {
        for clean in [
            "fixtures/drafts/amazon-anthropic-clean.md",
            "fixtures/drafts/internal-consistency-clean.md",
        ] {
            let mut args = vec![clean];
            args.extend_from_slice(extra);
            let (v, code) = json(&args);
            assert_eq!(findings(&v), vec![], "{clean} {extra:?}: {v:#}");
            assert_eq!(code, 0);
        }
    }
}

#[test]
fn planted_self_contradictions_point_at_both_statements() {
    let path = "fixtures/drafts/planted-self-contradiction.md";
    let text = std::fs::read_to_string(root().join(path)).expect("fixture");
    for extra in [&[][..], &["--no-default-facts"][..]] {
        let mut args = vec![path];
        args.extend_from_slice(extra);
        let (v, code) = json(&args);
        // line 20: "Over 50,000 customers" against "over 100,000 customers" (line 8;
        //          line 24 says "more than 100,000" and agrees with it)
        // line 22: "cut report generation time by 46%" against "by 64%" (line 10)
        // silent: 10,000 developers (another subject), 60,000 customers "in 2024"
        // (another time), 200,000 customers analysts "expect" (a forecast), "25% more
        // queries" twice.
        assert_eq!(
            located(&v),
            vec![
                (path.into(), "self-contradiction".into(), 20, vec![8]),
                (path.into(), "self-contradiction".into(), 22, vec![10]),
            ],
            "{v:#}"
        );
        assert_eq!(code, 1);
        let d = &v["diagnostics"][0];
        assert_eq!(d["severity"], "error");
        assert_eq!(span_text(&text, d), "50,000");
        assert_eq!(d["found"], "50,000");
        assert_eq!(d["expected"], "100,000");
        let msg = d["message"].as_str().expect("message");
        assert!(
            msg.contains("more than 50,000") && msg.contains("line 8"),
            "{msg}"
        );
        assert_eq!(v["diagnostics"][1]["found"], "46%");
    }
    let out = factlint(&["check", "--color", "never", path]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("the same claim stated as `100,000`"), "{s}");
}

#[test]
fn planted_table_arithmetic_points_at_the_wrong_cell() {
    let path = "fixtures/drafts/planted-table-arithmetic.md";
    let text = std::fs::read_to_string(root().join(path)).expect("fixture");
    for extra in [&[][..], &["--no-default-facts"][..]] {
        let mut args = vec![path];
        args.extend_from_slice(extra);
        let (v, _) = json(&args);
        // line 11: cumulative $4.5 billion after $1.25 billion + $2.75 billion (the
        //          next running total, $8 billion, is right again: not reported)
        // line 18: a total of $4 million for $1.5 million + $2 million
        // line 23: shares of one spend adding up to 110%
        // silent: growth rates adding up to 145%, a running total rounded to one
        // decimal, a newest-first running total, a right total row.
        assert_eq!(
            findings(&v),
            pairs(&[
                ("table-arithmetic", 11),
                ("table-arithmetic", 18),
                ("table-arithmetic", 23)
            ]),
            "{v:#}"
        );
        let d = &v["diagnostics"][0];
        assert_eq!(span_text(&text, d), "$4.5 billion");
        assert_eq!(d["expected"], "$4 billion");
        let msg = d["message"].as_str().expect("message");
        assert!(
            msg.contains("$1.25 billion + $2.75 billion = $4 billion"),
            "{msg}"
        );
        assert_eq!(span_text(&text, &v["diagnostics"][1]), "$4 million");
        assert_eq!(v["diagnostics"][1]["expected"], "$3.5 million");
        assert_eq!(v["diagnostics"][2]["found"], "110%");
    }
}

#[test]
fn planted_ratio_mismatches_name_both_values() {
    let path = "fixtures/drafts/planted-ratio-mismatch.md";
    let text = std::fs::read_to_string(root().join(path)).expect("fixture");
    for extra in [&[][..], &["--no-default-facts"][..]] {
        let mut args = vec![path];
        args.extend_from_slice(extra);
        let (v, _) = json(&args);
        // line 8: "a tripling of … previous $4 billion" after "total … $8 billion"
        //         in the sentence before (related: line 8 twice)
        // line 10: "from $2 million to $10 million, a tripling"
        // line 12: "cut … in half, from $10 million to $7 million"
        // silent: the right doubling twice, "doubled its headcount" (no numbers in
        // its clause), "more than doubled", "nearly tripled", "Doubles Down".
        assert_eq!(
            located(&v),
            vec![
                (path.into(), "ratio-mismatch".into(), 8, vec![8, 8]),
                (path.into(), "ratio-mismatch".into(), 10, vec![10]),
                (path.into(), "ratio-mismatch".into(), 12, vec![12, 12]),
            ],
            "{v:#}"
        );
        let d = &v["diagnostics"][0];
        assert_eq!(span_text(&text, d), "tripling");
        assert_eq!(d["expected"], "2x");
        assert_eq!(v["diagnostics"][1]["expected"], "5x");
    }
}

#[test]
fn corpus_contradictions_are_reported_once_with_both_documents() {
    let (v, code) = json(&["fixtures/corpus"]);
    // b-globex-2025.md line 10 "Over 50,000 customers" against a-globex-2025.md line
    // 8 "Over 100,000 customers", both dated 2025-03-01. The 64% both state agrees;
    // c-globex-2024.md (another date) says 40,000 and is not compared.
    assert_eq!(
        located(&v),
        vec![(
            "fixtures/corpus/b-globex-2025.md".into(),
            "corpus-contradiction".into(),
            10,
            vec![8]
        )],
        "{v:#}"
    );
    assert_eq!(v["files_checked"], 3);
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["related"][0]["path"], "fixtures/corpus/a-globex-2025.md");
    assert_eq!(d["found"], "50,000");
    assert_eq!(d["expected"], "100,000");
    // A warning: the run passes unless asked to fail on warnings.
    assert_eq!(code, 0);
    // One document alone contradicts nothing.
    let (v, _) = json(&["fixtures/corpus/b-globex-2025.md"]);
    assert_eq!(findings(&v), vec![]);
    // The human output shows both documents.
    let out = factlint(&["check", "--color", "never", "fixtures/corpus"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("warning[corpus-contradiction]"), "{s}");
    assert!(s.contains("fixtures/corpus/b-globex-2025.md:10:"), "{s}");
    assert!(s.contains("fixtures/corpus/a-globex-2025.md:8:"), "{s}");
}

#[test]
fn corpus_output_does_not_depend_on_thread_count() {
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args([
                "check",
                "--format",
                "json",
                "fixtures/corpus",
                "fixtures/drafts",
            ])
            .current_dir(root())
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("the binary runs")
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}

#[test]
fn corpus_findings_in_files_without_other_findings_keep_exact_spans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let head = "---\ndate: 2025-03-01\n---\n";
    let a = write(
        dir.path(),
        "a.md",
        &format!(
            "{head}Acme Analytics cut report generation time by 64% with Initech models on Globex Cloud.\n"
        ),
    );
    let b = write(
        dir.path(),
        "b.md",
        &format!(
            "{head}Intro.\r\n\r\nAcme Analytics cut report generation time by 46% with Initech models on Globex Cloud.\r\n"
        ),
    );
    let (v, _) = json(&[a.to_str().expect("path"), b.to_str().expect("path")]);
    assert_eq!(findings(&v), pairs(&[("corpus-contradiction", 6)]), "{v:#}");
    let text = std::fs::read_to_string(&b).expect("b");
    assert_eq!(span_text(&text, &v["diagnostics"][0]), "46%");
    assert_eq!(v["diagnostics"][0]["related"][0]["line"], 4);
}

/// Mutation test: one change to a consistent draft of ours — a table cell, a ratio
/// word, one of two or three mentions of a number, a part, a count of parts — is
/// reported once, by the rule that owns it, on the changed line (the finding's line or
/// the line of its other statement), and nothing else is reported.
#[test]
fn one_change_to_a_consistent_draft_is_caught_on_its_line() {
    let clean =
        std::fs::read_to_string(root().join("fixtures/drafts/internal-consistency-clean.md"))
            .expect("fixture");
    // (text to change, its replacement, the rule that must report it)
    let cases: &[(&str, &str, &str)] = &[
        (
            "| $1.25 billion | $1.25 billion |",
            "| $1.5 billion | $1.25 billion |",
            "table-arithmetic",
        ),
        (
            "| $1.25 billion | $1.25 billion |",
            "| $1.25 billion | $1.5 billion |",
            "table-arithmetic",
        ),
        (
            "| $2.75 billion | $4 billion ",
            "| $2.25 billion | $4 billion ",
            "table-arithmetic",
        ),
        (
            "| $2.75 billion | $4 billion ",
            "| $2.75 billion | $4.5 billion ",
            "table-arithmetic",
        ),
        (
            "| $2.75 billion | $4 billion ",
            "| $2.75 billion | $3 billion ",
            "table-arithmetic",
        ),
        (
            "| $4 billion    | $8 billion ",
            "| $5 billion    | $8 billion ",
            "table-arithmetic",
        ),
        (
            "| $4 billion    | $8 billion ",
            "| $4 billion    | $9 billion ",
            "table-arithmetic",
        ),
        ("a doubling of", "a tripling of", "ratio-mismatch"),
        ("a doubling of", "a halving of", "ratio-mismatch"),
        (
            "stands at $8 billion",
            "stands at $12 billion",
            "ratio-mismatch",
        ),
        (
            "serves over 100,000",
            "serves over 50,000",
            "self-contradiction",
        ),
        (
            "Over 100,000 customers",
            "Over 10,000 customers",
            "self-contradiction",
        ),
        (
            "More than 100,000",
            "More than 200,000",
            "self-contradiction",
        ),
        ("times by 64%", "times by 46%", "self-contradiction"),
        ("time by 64%", "time by 74%", "self-contradiction"),
        (
            "$2.75 billion in March 2024.",
            "$1.75 billion in March 2024.",
            "sum-mismatch",
        ),
        ("two tranches:", "three tranches:", "sum-mismatch"),
        ("| $2.5 million |", "| $3.5 million |", "table-arithmetic"),
        ("| $4 million   |", "| $5 million   |", "table-arithmetic"),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, (from, to, rule)) in cases.iter().enumerate() {
        assert_eq!(clean.matches(from).count(), 1, "{from:?} must occur once");
        let at = clean.find(from).expect("occurs");
        let changed = clean.replacen(from, to, 1);
        let line = clean[..at].matches('\n').count() as u64 + 1;
        let p = write(dir.path(), &format!("m{i}.md"), &changed);
        for extra in [&[][..], &["--no-default-facts"][..]] {
            let mut args = vec![p.to_str().expect("path")];
            args.extend_from_slice(extra);
            let (v, _) = json(&args);
            let found = located(&v);
            assert_eq!(found.len(), 1, "{from:?} -> {to:?} {extra:?}: {v:#}");
            let (_, r, l, related) = &found[0];
            assert_eq!(r, rule, "{from:?} -> {to:?}: {v:#}");
            assert!(
                *l == line || related.contains(&line),
                "{from:?} -> {to:?}: expected line {line}: {v:#}"
            );
        }
    }
}

#[test]
fn an_amount_is_tied_to_the_company_named_just_before_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "two.md",
        "---\ndate: 2024-11-22\n---\n\
         Amazon's total investment in Anthropic is $8 billion, while Google's total investment in Anthropic is about $2 billion.\n\n\
         Amazon's total investment in Anthropic is $9 billion, while Google's total investment in Anthropic is about $2 billion.\n",
    );
    let (v, _) = json(&[p.to_str().expect("path")]);
    // Google's $2 billion is never read as Amazon's total; Amazon's $9 billion is wrong.
    assert_eq!(findings(&v), pairs(&[("value-mismatch", 6)]), "{v:#}");
    assert_eq!(v["diagnostics"][0]["found"], "$9 billion");
}

#[test]
fn a_rounder_amount_does_not_name_a_more_precise_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "table.md",
        "---\ndate: 2024-11-22\n---\n# Amazon's investments in Anthropic\n\n\
         | Date | Investment | Cumulative |\n|---|---|---|\n\
         | September 2023 | $1.25 billion | $1.25 billion |\n\
         | March 2024 | $2.75 billion | $4 billion |\n\
         | November 2024 | $3 billion | $8 billion |\n",
    );
    let (v, _) = json(&[p.to_str().expect("path")]);
    // "$3 billion" is not read as the $2.75 billion of March 2024 (which would blame
    // the date); the running total says what is wrong.
    assert_eq!(findings(&v), pairs(&[("table-arithmetic", 10)]), "{v:#}");
}

#[test]
fn fuzz_regressions_are_checked_without_a_panic() {
    // Inputs the fuzzer found to crash factlint once; each must now be checked and
    // give a clean exit code (0 or 1), never 101.
    for entry in std::fs::read_dir(root().join("tests/regressions")).expect("folder") {
        let path = entry.expect("entry").path();
        let out = factlint(&["check", "--format", "short", path.to_str().expect("path")]);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(1)),
            "{}: exit {code:?}\n{}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The human summary names the files with findings, each with its counts (as the JSON
/// report counts them), just before the summary line, which ends the output.
#[test]
fn the_human_summary_names_the_files_with_findings() {
    let (v, _) = json(&["fixtures/drafts"]);
    let mut want: Vec<String> = Vec::new();
    let mut paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    paths.dedup();
    for p in &paths {
        let count = |s: &str| {
            v["diagnostics"]
                .as_array()
                .expect("array")
                .iter()
                .filter(|d| d["path"] == *p && d["severity"] == s)
                .count()
        };
        let parts: Vec<String> = [
            ("error", "error(s)"),
            ("warning", "warning(s)"),
            ("info", "info"),
        ]
        .into_iter()
        .filter(|(s, _)| count(s) > 0)
        .map(|(s, what)| format!("{} {what}", count(s)))
        .collect();
        want.push(format!("  {p}: {}", parts.join(", ")));
    }
    assert_eq!(want.len(), 11, "the eleven planted drafts: {want:?}");
    let out = factlint(&["check", "fixtures/drafts"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    let (last, before) = lines.split_last().expect("a summary");
    assert_eq!(
        *last,
        "factlint: 13 file(s) checked, 30 error(s), 11 warning(s)"
    );
    assert_eq!(before[before.len() - want.len()..], want[..], "{err}");
    assert!(!err.contains("clean.md"), "{err}");
}

/// Past twenty files, the summary counts the rest.
#[test]
fn the_human_summary_names_twenty_files_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = std::fs::read_to_string(root().join("fixtures/drafts/planted-value-mismatch.md"))
        .expect("the fixture");
    for i in 0..22 {
        write(dir.path(), &format!("d{i:02}.md"), &text);
    }
    let out = factlint(&["check", dir.path().to_str().expect("utf-8")]);
    let err = String::from_utf8_lossy(&out.stderr);
    let named = err
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(".md: "))
        .count();
    assert_eq!(named, 20, "{err}");
    assert!(
        err.contains("d19.md: ") && !err.contains("d20.md: "),
        "{err}"
    );
    assert!(
        err.contains("  … and 2 more file(s)\nfactlint: 22 file(s) checked"),
        "{err}"
    );
}
