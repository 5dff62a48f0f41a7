//! factlint: a fact-consistency linter for Markdown articles about the AI industry.
//!
//! The pipeline runs one way, one folder a stage: paths are walked and drafts read
//! ([`read`]), values are recognized in their prose ([`recognize`]), the fact base is
//! loaded with its names automaton ([`facts`]), values are grouped into claims and
//! attributed to facts ([`analysis`]), rules report contradictions ([`rules`]), the run
//! applies them to many files with the cache and suppressions ([`run`]), and a reporter
//! renders what was found ([`report`]). [`base`] holds what every stage shares. The
//! library never prints and never exits; the binary does.
//!
//! ```
//! use factlint::{facts::FactBase, run::{check_text, CheckOptions}};
//! let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
//! let draft = "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n";
//! let found = check_text(std::path::Path::new("draft.md"), draft, &base, &CheckOptions::default());
//! assert_eq!(found.diagnostics[0].rule.as_str(), "value-mismatch");
//! ```

pub mod analysis;
pub mod base;
pub mod config;
pub mod explain;
pub mod facts;
pub mod fix;
pub mod init;
pub mod lsp;
pub mod read;
pub mod recognize;
pub mod report;
pub mod rules;
pub mod run;
