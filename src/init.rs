//! `factlint init`: the files it writes. The library gives their contents; the binary
//! writes them, never over an existing file.

/// Where `factlint init` writes the configuration, relative to the folder it is given.
pub const CONFIG_PATH: &str = "factlint.toml";

/// Where `factlint init` writes the example fact file.
pub const FACTS_PATH: &str = "facts/example.toml";

/// A commented `factlint.toml`: every key, with the defaults.
pub const CONFIG_TEMPLATE: &str = r#"# factlint configuration. factlint finds this file by walking up from each checked
# file's folder (the nearest factlint.toml or .factlint.toml wins); `factlint config PATH`
# prints what applies to a file. Unknown keys and rule ids are errors.

# Fact files, or folders of them, relative to this file; added to the built-in base.
facts = ["facts"]

# Use factlint's built-in fact base (AI-industry deals and models) too.
default-facts = true

# Which Markdown files to check, as globs relative to this file: `*` stops at `/`,
# `**` crosses folders, a pattern without `/` matches at any depth, and an excluded
# folder excludes everything in it.
include = []
exclude = []

# Start from other configurations (a path or a list, relative to this file): their
# `facts`, `extensions`, `[rules]` and `[[overrides]]` are merged with this file's, and
# this file's other keys replace theirs. Without `extends`, this file replaces any
# factlint.toml above it.
# extends = "../factlint.toml"

# More file types read as Markdown when folders are walked.
# extensions = [".qmd", ".Rmd"]

# The article date for drafts whose front matter has no `date`.
# date = "2024-11-22"

# Also read front matter dates in this form (strftime), such as 22/11/2024.
# date-format = "%d/%m/%Y"

# A draft without an article date factlint can read is an error (`missing-date`), not
# a warning.
# require-date = true

# Hide the findings recorded in this file (`factlint check --write-baseline FILE`
# writes it), so that only new findings are reported.
# baseline = "factlint-baseline.toml"

# A severity per rule id: "error", "warning", "info" or "off" (`factlint rules` lists
# the ids and their defaults).
[rules]
# unknown-model = "error"

# Other severities for some files; the last matching override wins.
# [[overrides]]
# files = ["archive/**"]
# rules = { stale-value = "off" }
"#;

/// An example fact file: the shape of each kind of fact, commented out so that no
/// made-up fact enters the base. Lines starting with `# ` are the example; lines
/// starting with `##` explain it.
pub const FACTS_TEMPLATE: &str = r##"## Your own facts, added to factlint's built-in base. Remove the leading "# " of the
## example lines below and put in real facts, each with its source.
## `factlint facts check facts/` checks this folder. The JSON Schema of this format is
## `factlint schema` (editors with a TOML plugin can validate the file with it).

# [meta]
# title = "Our facts"
# checked = "2025-01-31"            ## the day these facts were last checked against their sources

## A company, lab or service, with the names it goes by in prose.
# [[entity]]
# id = "example-corp"
# names = ["Example Corp", "ExampleCo"]

# [[entity]]
# id = "example-lab"
# names = ["Example Lab"]

## Something that happened on a day ("2025-01" for a month, "2025" for a year).
# [[event]]
# id = "example-corp/example-lab-investment"
# what = "Example Corp's investment in Example Lab"
# date = "2025-01-15"
# entities = ["example-corp", "example-lab"]
# cues = ["invest", "investment", "stake"]
# amount = "$500 million"
# source = "https://example.com/press-release"

## A value that changes over time: each value holds from its date on.
# [[quantity]]
# id = "example-lab/headcount"
# what = "Example Lab's headcount"
# entities = ["example-lab"]
# cues = ["employees", "staff", "headcount"]
# values = [
#   { value = "120", from = "2024-01-01" },
#   { value = "200", from = "2025-01-01" },
# ]
# source = "https://example.com/about"
"##;

/// The example fact file with its example lines uncommented (for tests: the example
/// must stay valid).
pub fn uncommented_facts() -> String {
    FACTS_TEMPLATE
        .lines()
        .filter(|l| !l.starts_with("##"))
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        .map(|l| match l.find("##") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;
    use crate::facts::{FactBase, FactFile};

    #[test]
    fn the_config_template_is_valid() {
        let c = Config::parse(Path::new("/repo/factlint.toml"), CONFIG_TEMPLATE).expect("valid");
        assert_eq!(c.facts, vec![Path::new("/repo/facts").to_path_buf()]);
        assert!(c.default_facts);
    }

    /// Every commented top-level key of the template is a key the configuration reads,
    /// with a value it accepts (`extends` and `baseline` are left out: they name files
    /// this test does not have).
    #[test]
    fn the_config_templates_commented_keys_are_valid() {
        // The top-level keys only: the lines before `[rules]`.
        let uncommented: String = CONFIG_TEMPLATE
            .lines()
            .take_while(|l| !l.starts_with("[rules]"))
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.contains(" = ")
                        && !rest.starts_with("extends")
                        && !rest.starts_with("baseline")
                        && rest.starts_with(|c: char| c.is_ascii_lowercase()) =>
                {
                    rest
                }
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        for key in ["extensions", "date", "date-format", "require-date"] {
            assert!(
                uncommented
                    .lines()
                    .any(|l| l.starts_with(&format!("{key} = "))),
                "{key} is in the template"
            );
        }
        let c = Config::parse(Path::new("/repo/factlint.toml"), &uncommented)
            .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|p| &p.message).collect::<Vec<_>>()));
        assert!(c.require_date);
    }

    #[test]
    fn the_facts_template_loads_as_is_and_uncommented() {
        let builtin = FactBase::load(FactBase::builtin_files())
            .expect("the built-in base is valid")
            .facts
            .len();
        for (text, added) in [(FACTS_TEMPLATE.to_string(), 0), (uncommented_facts(), 2)] {
            let mut files = FactBase::builtin_files();
            files.push(FactFile {
                name: FACTS_PATH.to_string(),
                text,
            });
            let base = FactBase::load(files).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(base.facts.len(), builtin + added);
        }
    }
}
