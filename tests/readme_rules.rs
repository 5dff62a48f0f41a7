//! The README's table of rules is generated from the one list of rules (ids, default
//! severities and summaries, as `factlint rules` prints them). This test fails when the
//! table and the list differ; `FACTLINT_BLESS=1 cargo test --test readme_rules`
//! writes the table again.

use factlint::base::rule_id::RuleId;
use factlint::rules::meta_of;

const START: &str = "<!-- rules table: generated from the rule list (FACTLINT_BLESS=1 cargo test --test readme_rules) -->\n";
const END: &str = "<!-- end of rules table -->\n";

fn table() -> String {
    let mut t = String::from("| id | default | what it finds |\n|---|---|---|\n");
    for id in RuleId::ALL {
        let meta = meta_of(id).expect("every id has a description");
        t.push_str(&format!(
            "| `{id}` | {} | {} |\n",
            id.default_severity().as_str(),
            meta.summary.replace('|', "\\|")
        ));
    }
    t
}

#[test]
fn the_readme_rules_table_is_the_rule_list() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(START)
        .expect("the README marks its rules table")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("the table's end is marked");
    let want = table();
    if std::env::var_os("FACTLINT_BLESS").is_some() {
        let new = format!("{}{want}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, new).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        want,
        "the README's rules table differs from the rule list: run FACTLINT_BLESS=1 cargo test --test readme_rules"
    );
}

/// `docs/rules.md`: every rule's whole description (as `factlint rule ID` prints it),
/// one section per rule whose anchor is the rule id (`rules.md#value-mismatch`), for
/// the language server's `ruleDocs` links. Generated; this test fails when it is out
/// of date (`FACTLINT_BLESS=1 cargo test --test readme_rules` writes it again).
fn rules_page() -> String {
    let mut t = String::from(
        "# Rules\n\n<!-- generated from the rule list (FACTLINT_BLESS=1 cargo test --test readme_rules): do not edit -->\n\n\
         Every rule of factlint with its default severity, as `factlint rule ID` prints it.\n\
         Each section's anchor is the rule id (`docs/rules.md#value-mismatch`): the language\n\
         server links each finding there when its `ruleDocs` setting is this page's address\n\
         (docs/editors.md).\n",
    );
    for id in RuleId::ALL {
        let meta = meta_of(id).expect("every id has a description");
        t.push_str(&format!(
            "\n## {id}\n\nDefault: {}. {}\n",
            id.default_severity().as_str(),
            upper_first(meta.summary.trim_end_matches('.'))
        ));
        let explanation = meta.explanation.trim();
        if !explanation.is_empty() {
            t.push('\n');
            for line in explanation.lines() {
                // The explanation's own headings sit under the rule's.
                if line.starts_with('#') {
                    t.push('#');
                }
                t.push_str(line.trim_end());
                t.push('\n');
            }
        }
    }
    t
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        format!("{}{}.", f.to_uppercase(), c.as_str())
    })
}

#[test]
fn docs_rules_md_is_every_rules_description() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let want = rules_page();
    if std::env::var_os("FACTLINT_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write docs/rules.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md differs from the rule list: run FACTLINT_BLESS=1 cargo test --test readme_rules"
    );
    // Every id has its section (its anchor is the id).
    for id in RuleId::ALL {
        assert_eq!(
            have.matches(&format!("\n## {id}\n")).count(),
            1,
            "one section for {id}"
        );
    }
}
