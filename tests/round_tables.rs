//! Funding rounds in tables (issue 24 §3): a row is one record, so a cue in a cell
//! that holds no amount ("Series E", "Growth round") names the row's round for the
//! amounts of the other cells, and a column headed "Valuation" holds valuations,
//! checked against the round's valuation and never against its size. Built-in base:
//! Anthropic's Series E (March 2025) was about $3.5 billion at $61.5 billion
//! post-money; Safe Superintelligence's April 2025 round about $2 billion at $32
//! billion; OpenAI's SoftBank-led round about $40 billion in March 2025.

mod common;

use common::findings_on;

const HEADER: &str =
    "| Company | Round | Month | Amount | Post-money valuation |\n|---|---|---|---|---|\n";

fn table(rows: &str) -> Vec<(String, String)> {
    findings_on("2025-10-01", &format!("{HEADER}{rows}"))
}

#[test]
fn a_rows_round_is_named_by_its_label_cell_and_its_month() {
    // Planted: the Series E was $3.5 billion, not $4.5 billion.
    let f = table("| Anthropic | Series E | March 2025 | $4.5 billion | $61.5 billion |\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "value-mismatch", "{f:?}");
    assert!(f[0].1.contains("about $3.5 billion"), "{f:?}");
    // Planted: the SoftBank-led round was in March 2025, not February.
    let f = table("| OpenAI | SoftBank-led round | February 2025 | $40 billion | $300 billion |\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "date-mismatch", "{f:?}");
}

#[test]
fn a_valuation_column_is_checked_against_the_rounds_valuation() {
    // Planted: the Series E's post-money valuation was $61.5 billion.
    let f = table("| Anthropic | Series E | March 2025 | $3.5 billion | $71.5 billion |\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].1.contains("valuation"), "{f:?}");
    assert!(f[0].1.contains("$61.5 billion"), "{f:?}");
}

#[test]
fn right_rows_and_rows_of_unknown_companies_are_silent() {
    let f = table(
        "| Anthropic | Series E | March 2025 | $3.5 billion | $61.5 billion |\n\
         | Safe Superintelligence | Growth round | April 2025 | $2 billion | $32 billion |\n\
         | Northwind Robotics | Series B | April 2025 | $61.5 billion | $3.5 billion |\n",
    );
    assert!(f.is_empty(), "{f:?}");
    // A valuation in the amount column of a table with no valuation header is an
    // amount; one that equals another round's valuation is not taken for it either
    // way (hedged by "about" in the cell: still the round's size, and right).
    let f = findings_on(
        "2025-10-01",
        "| Company | Round | Month | Raised |\n|---|---|---|---|\n| Anthropic | Series E | March 2025 | about $3.5 billion |\n",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_rounds_label_names_it_in_prose_too() {
    // Planted: the Series E was about $3.5 billion; Mistral AI's Series B €600 million.
    for (body, says) in [
        (
            "Anthropic's Series E raised $4.5 billion.",
            "about $3.5 billion",
        ),
        ("Mistral's Series B came to €700 million.", "€600 million"),
    ] {
        let f = findings_on("2025-06-01", body);
        assert_eq!(f.len(), 1, "{body}: {f:?}");
        assert_eq!(f[0].0, "value-mismatch", "{body}: {f:?}");
        assert!(f[0].1.contains(says), "{body}: {f:?}");
    }
    // Silent: the right size; a round that may come; another company's label.
    for body in [
        "Anthropic's Series E raised $3.5 billion.",
        "Anthropic's Series F could raise $5 billion.",
        "Northwind's Series E raised $4.5 billion.",
    ] {
        let f = findings_on("2025-06-01", body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
}
