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
