//! `factlint facts stats`: its numbers are what the TOML files hold. The expected counts
//! are computed here from `facts/*.toml` with a TOML parser (array lengths, `secondary`
//! flags, `[meta] checked` days), never written down as literals, so a new fact changes
//! both sides.

mod common;

use std::collections::BTreeMap;

use common::{code, factlint, root};
use serde_json::Value;

/// Per file: the number of items of each kind, of secondary-only products, and the
/// `checked` day, read straight from the TOML.
struct Expected {
    counts: BTreeMap<&'static str, u64>,
    secondary: u64,
    checked: Option<String>,
}

const KINDS: [(&str, &str); 6] = [
    ("entity", "entities"),
    ("event", "events"),
    ("quantity", "quantities"),
    ("product", "products"),
    ("family", "families"),
    ("lineup", "lineups"),
];

fn expected() -> BTreeMap<String, Expected> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("facts")).expect("facts/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let doc: toml::Table = text.parse().expect("TOML");
        let mut counts = BTreeMap::new();
        for (key, field) in KINDS {
            let n = doc.get(key).and_then(|v| v.as_array()).map_or(0, Vec::len);
            counts.insert(field, n as u64);
        }
        let secondary = doc
            .get("product")
            .and_then(|v| v.as_array())
            .map_or(0, |ps| {
                ps.iter()
                    .filter(|p| p.get("secondary").and_then(|s| s.as_bool()) == Some(true))
                    .count()
            }) as u64;
        let checked = doc
            .get("meta")
            .and_then(|m| m.get("checked"))
            .and_then(|c| c.as_str())
            .map(str::to_string);
        // The built-in files are named `<built-in>/NAME.toml` (not a user's path).
        let name = format!(
            "<built-in>/{}",
            path.file_name().expect("name").to_string_lossy()
        );
        out.insert(
            name,
            Expected {
                counts,
                secondary,
                checked,
            },
        );
    }
    out
}

fn stats_json(args: &[&str]) -> Value {
    let out = factlint(args);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn json_counts_match_the_toml_per_file_and_in_all() {
    let want = expected();
    assert!(want.len() >= 10, "the built-in base is split into files");
    let v = stats_json(&["facts", "stats", "--format", "json"]);
    let files = v["files"].as_array().expect("files");
    assert_eq!(files.len(), want.len(), "{v:#}");
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    let mut secondary = 0;
    for f in files {
        let name = f["file"].as_str().expect("file");
        let w = want
            .get(name)
            .unwrap_or_else(|| panic!("{name} is a fact file"));
        for (_, field) in KINDS {
            assert_eq!(
                f["counts"][field].as_u64(),
                Some(w.counts[field]),
                "{name}: {field}"
            );
            *totals.entry(field).or_default() += w.counts[field];
        }
        assert_eq!(f["secondary_only"].as_u64(), Some(w.secondary), "{name}");
        secondary += w.secondary;
        assert_eq!(f["checked"].as_str(), w.checked.as_deref(), "{name}");
    }
    for (_, field) in KINDS {
        assert_eq!(v["counts"][field].as_u64(), Some(totals[field]), "{field}");
    }
    assert_eq!(v["secondary_only"].as_u64(), Some(secondary));
    let newest = want.values().filter_map(|w| w.checked.clone()).max();
    assert_eq!(v["newest_checked"].as_str(), newest.as_deref());
}

#[test]
fn the_built_in_base_meets_the_issue_s_size() {
    // Issue 24: at least 60 dated events and quantities across at least 12 companies,
    // and at least 150 catalog products.
    let v = stats_json(&["facts", "stats", "--format", "json"]);
    let c = &v["counts"];
    let dated = c["events"].as_u64().expect("events") + c["quantities"].as_u64().expect("q");
    assert!(dated >= 60, "{dated} dated facts");
    assert!(c["products"].as_u64().expect("products") >= 150, "{c}");
    assert!(
        v["entities_with_facts"].as_u64().expect("entities") >= 12,
        "{v}"
    );
}

#[test]
fn human_output_has_the_totals_and_a_row_per_file() {
    let want = expected();
    let out = factlint(&["facts", "stats"]);
    assert_eq!(code(&out), 0);
    let s = String::from_utf8_lossy(&out.stdout);
    let products: u64 = want.values().map(|w| w.counts["products"]).sum();
    let line = s
        .lines()
        .find(|l| l.trim_start().starts_with("products"))
        .expect("a products line");
    assert_eq!(
        line.split_whitespace()
            .nth(1)
            .and_then(|n| n.parse::<u64>().ok()),
        Some(products),
        "{s}"
    );
    for name in want.keys() {
        assert!(
            s.lines().any(|l| l.starts_with(name.as_str())),
            "{name}: {s}"
        );
    }
}

#[test]
fn extra_fact_files_are_counted_and_the_built_in_ones_can_be_left_out() {
    let dir = std::env::temp_dir().join(format!("factlint-stats-{}", std::process::id()));
    let path = common::write(
        &dir,
        "extra.toml",
        "[meta]\nchecked = \"2020-01-01\"\n[[entity]]\nid = \"zorbco\"\nnames = [\"Zorbco\"]\n\
         [[product]]\nid = \"zorbab-1\"\nname = \"Zorbab 1\"\nvendor = \"zorbco\"\n\
         released = \"2020-01-01\"\nsource = \"https://example.com/z\"\nsecondary = true\n",
    );
    let p = path.to_string_lossy().into_owned();
    let v = stats_json(&[
        "facts",
        "stats",
        "--format",
        "json",
        "--no-default-facts",
        "--facts",
        &p,
    ]);
    assert_eq!(v["files"].as_array().map(Vec::len), Some(1), "{v:#}");
    assert_eq!(v["counts"]["entities"], 1);
    assert_eq!(v["counts"]["products"], 1);
    assert_eq!(v["secondary_only"], 1);
    assert_eq!(v["newest_checked"], "2020-01-01");
    let _ = std::fs::remove_dir_all(&dir);
}
