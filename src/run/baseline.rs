//! Baselines: the findings a repository already had when it adopted factlint
//! (`check --write-baseline FILE`), left out of later runs (`check --baseline FILE`, or
//! `baseline = "..."` in factlint.toml) so that only new findings are reported.
//!
//! A finding is matched by its rule id, its file's path (relative to the baseline's
//! folder, `/`-separated) and what it points at: the text of its span and the sentence
//! around it (a table row for a finding in a table), with white space collapsed. Line
//! and column are not part of the match, so lines added or removed elsewhere in the
//! file keep it. Identical findings are counted: a baseline that holds one of two
//! identical findings hides one, and the other is reported.
//!
//! The file is TOML, one `[[finding]]` table per distinct finding, sorted by path,
//! rule, text and context, so that a baseline written again after a change differs
//! only by the findings that changed:
//!
//! ```toml
//! version = 1
//!
//! [[finding]]
//! path = "drafts/anthropic.md"
//! rule = "value-mismatch"
//! text = "$9 billion"
//! context = "Amazon has now invested a total of $9 billion in Anthropic."
//! count = 1
//! ```

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::diagnostic::Diagnostic;
use crate::config::normalize;
use crate::run::Report;

/// The version of the file format written and read.
pub const VERSION: u32 = 1;

/// What a finding is matched by.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// The file, relative to the baseline's folder, `/`-separated.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The text of the finding's span, white space collapsed.
    pub text: String,
    /// The sentence (or table row) around it, white space collapsed.
    pub context: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    path: String,
    rule: String,
    text: String,
    #[serde(default)]
    context: String,
    #[serde(default = "one")]
    count: usize,
}

fn one() -> usize {
    1
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBaseline {
    version: u32,
    #[serde(default, rename = "finding")]
    findings: Vec<RawEntry>,
}

/// A baseline: how many findings of each [`Key`] it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    /// The absolute folder the paths are relative to (the baseline file's folder).
    pub dir: PathBuf,
    /// The findings, with their counts.
    pub entries: BTreeMap<Key, usize>,
}

/// A baseline file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column of the problem, when it has a place.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl Baseline {
    /// An empty baseline for a file at `path`.
    pub fn new(path: &Path) -> Baseline {
        let abs = normalize(path);
        Baseline {
            dir: abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf),
            entries: BTreeMap::new(),
        }
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError {
            path: path.to_path_buf(),
            at: None,
            message: format!(
                "cannot read baseline: {}",
                crate::read::walk::io_message(&e)
            ),
        })?;
        Baseline::parse(path, &text)
    }

    /// Parses a baseline's text; `path` is where it lives.
    pub fn parse(path: &Path, text: &str) -> Result<Baseline, BaselineError> {
        let error = |at: Option<(usize, usize)>, message: String| BaselineError {
            path: path.to_path_buf(),
            at,
            message,
        };
        let raw: RawBaseline = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| line_col(text, s.start));
            error(at, format!("invalid baseline: {}", e.message().trim()))
        })?;
        if raw.version != VERSION {
            return Err(error(
                None,
                format!(
                    "baseline version {} is not supported (this factlint reads version {VERSION})",
                    raw.version
                ),
            ));
        }
        let mut b = Baseline::new(path);
        for e in raw.findings {
            let key = Key {
                path: e.path.trim_start_matches("./").to_string(),
                rule: e.rule,
                text: collapse(&e.text),
                context: collapse(&e.context),
            };
            *b.entries.entry(key).or_insert(0) += e.count;
        }
        Ok(b)
    }

    /// A baseline at `path` holding every finding of `report`.
    pub fn record(path: &Path, report: &Report) -> Baseline {
        let mut b = Baseline::new(path);
        for f in &report.files {
            let Some(text) = f.source() else { continue };
            for d in &f.result.diagnostics {
                let key = b.key(&f.path, &text, d);
                *b.entries.entry(key).or_insert(0) += 1;
            }
        }
        b
    }

    /// How many findings it holds (counts added up).
    pub fn len(&self) -> usize {
        self.entries.values().sum()
    }

    /// True if it holds no finding.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The key of a finding of the draft at `path` whose text is `text`.
    pub fn key(&self, path: &Path, text: &str, d: &Diagnostic) -> Key {
        let span = d.span.start.min(text.len())..d.span.end.min(text.len());
        let stated = text.get(span.clone()).unwrap_or_default();
        Key {
            path: relative_to(&self.dir, path),
            rule: d.rule.as_str().to_string(),
            text: collapse(stated),
            context: collapse(context(text, span.start)),
        }
    }

    /// The file's text: a comment, `version`, then one `[[finding]]` per key, sorted.
    pub fn to_toml(&self) -> String {
        let raw = RawBaseline {
            version: VERSION,
            findings: self
                .entries
                .iter()
                .map(|(k, &count)| RawEntry {
                    path: k.path.clone(),
                    rule: k.rule.clone(),
                    text: k.text.clone(),
                    context: k.context.clone(),
                    count,
                })
                .collect(),
        };
        let body = toml::to_string(&raw).unwrap_or_default();
        format!(
            "# factlint baseline: findings recorded by `factlint check --write-baseline`.\n\
             # `factlint check --baseline FILE` reports only the findings not listed here.\n\
             # Matched by path, rule, text and context (not by line); see docs/configuration.md.\n\n{body}"
        )
    }

    /// Removes from `report` the findings this baseline holds, for the files `applies`
    /// accepts; the number removed. Each entry hides at most `count` findings, the
    /// first ones in the file's (sorted) order.
    pub fn apply(&self, report: &mut Report, applies: impl Fn(&Path) -> bool) -> usize {
        let mut left = self.entries.clone();
        let mut hidden = 0;
        for f in &mut report.files {
            if f.result.diagnostics.is_empty() || !applies(&f.path) {
                continue;
            }
            let Some(text) = f.source().map(std::borrow::Cow::into_owned) else {
                continue;
            };
            f.result.diagnostics.retain(|d| {
                let key = self.key(&f.path, &text, d);
                match left.get_mut(&key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        hidden += 1;
                        false
                    }
                    _ => true,
                }
            });
        }
        hidden
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// White space runs become one space; the ends are trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence around byte `at`: found in its paragraph (the lines between blank
/// lines, so that a wrapped sentence is whole), or the line itself for a table row.
fn context(text: &str, at: usize) -> &str {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    if line.trim_start().starts_with('|') {
        return line;
    }
    let mut start = line_start;
    while start > 0 {
        let prev_start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        if breaks_paragraph(&text[prev_start..start - 1]) {
            break;
        }
        start = prev_start;
    }
    let mut end = line_end;
    while end < text.len() {
        let next_end = text[end + 1..]
            .find('\n')
            .map_or(text.len(), |i| end + 1 + i);
        if breaks_paragraph(&text[end + 1..next_end]) {
            break;
        }
        end = next_end;
    }
    let paragraph = &text[start..end];
    let rel = at - start;
    crate::read::sentence::split(paragraph)
        .into_iter()
        .find(|r| r.start <= rel && rel < r.end.max(r.start + 1))
        .map_or(line, |r| &paragraph[r])
}

/// True for a line that ends a paragraph: a blank line, a heading, a fence or rule
/// (front matter's `---` too), a comment.
fn breaks_paragraph(line: &str) -> bool {
    let t = line.trim();
    t.is_empty()
        || t.starts_with('#')
        || t.starts_with("<!--")
        || t.chars()
            .all(|c| matches!(c, '-' | '+' | '=' | '`' | '~' | '*' | '_'))
}

/// `path` relative to the folder `dir`, `/`-separated, with `..` where it is outside.
pub fn relative_to(dir: &Path, path: &Path) -> String {
    let path = normalize(path);
    let a: Vec<Component<'_>> = dir.components().collect();
    let b: Vec<Component<'_>> = path.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), a.len() - common).collect();
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_context_is_the_sentence_even_when_wrapped() {
        let text = "---\ndate: 2024-11-22\n---\nAmazon has $9 billion.\n";
        let at = text.find("$9").expect("value");
        assert_eq!(context(text, at), "Amazon has $9 billion.");
        let text = "# Title\n\nFirst sentence here. Amazon has now\ninvested $9 billion in it. Last one.\n\nOther.\n";
        let at = text.find("$9").expect("value");
        assert_eq!(
            collapse(context(text, at)),
            "Amazon has now invested $9 billion in it."
        );
        let table = "| a | b |\n|---|---|\n| x | $9 billion |\n";
        let at = table.find("$9").expect("value");
        assert_eq!(context(table, at), "| x | $9 billion |");
    }

    #[test]
    fn paths_are_relative_to_the_baseline_folder() {
        assert_eq!(
            relative_to(Path::new("/repo"), Path::new("/repo/./drafts/a.md")),
            "drafts/a.md"
        );
        assert_eq!(
            relative_to(Path::new("/repo/ci"), Path::new("/repo/drafts/a.md")),
            "../drafts/a.md"
        );
    }

    #[test]
    fn a_written_baseline_reads_back_with_its_counts() {
        let mut b = Baseline::new(Path::new("/repo/baseline.toml"));
        let key = Key {
            path: "a.md".to_string(),
            rule: "value-mismatch".to_string(),
            text: "$9 \"billion\"".to_string(),
            context: "It has $9 \"billion\".".to_string(),
        };
        b.entries.insert(key, 2);
        let text = b.to_toml();
        let back = Baseline::parse(Path::new("/repo/baseline.toml"), &text).expect("valid");
        assert_eq!(back, b);
        assert_eq!(back.len(), 2);
    }

    #[test]
    fn a_malformed_baseline_is_an_error_with_its_line() {
        let e = Baseline::parse(
            Path::new("b.toml"),
            "version = 1\n[[finding]]\npath = \"a.md\"\nrul = \"x\"\n",
        )
        .expect_err("unknown key");
        assert_eq!(e.at.map(|(l, _)| l), Some(4), "{e:?}");
        let e = Baseline::parse(Path::new("b.toml"), "version = 7\n").expect_err("version");
        assert!(e.message.contains("version 7"), "{e:?}");
    }
}
