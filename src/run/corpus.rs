//! The cross-file phase of a run: each file's summary (made by the rule
//! `corpus-contradiction` while the file was checked) is compared with every other
//! file's, and the findings are added to the files that disagree, after their own
//! suppression comments.

use std::path::Path;

use crate::base::diagnostic::LineIndex;
use crate::base::recent::Recent;
use crate::base::rule_id::RuleId;
use crate::facts::FactBase;
use crate::rules::corpus_contradiction::{Summary, Text, diagnostic, disagreements, hash_text};
use crate::run::Report;

/// How many files [`compare`] keeps read again at a time.
const TEXTS_KEPT: usize = 8;

/// The text of a file of the report, read again if it was not kept, with its line
/// index; `None` when it cannot be read or changed since it was checked.
struct Reread {
    text: String,
    lines: LineIndex,
}

impl Reread {
    fn of(text: Option<&str>, path: &Path, hash: u64) -> Option<Reread> {
        let text = match text {
            Some(t) => t.to_string(),
            None => match crate::run::read_draft(path) {
                Ok(Some(t)) if hash_text(&t) == hash => t,
                _ => return None,
            },
        };
        let lines = LineIndex::new(&text);
        Some(Reread { text, lines })
    }

    fn as_text(&self) -> Text<'_> {
        Text {
            text: &self.text,
            lines: &self.lines,
        }
    }
}

/// Compares the summaries of every checked file of a report, adds the findings to the
/// files that disagree, and drops the summaries. The files of a finding whose text was
/// not kept are read again (and the finding left out if either changed since).
pub fn compare(report: &mut Report, bases: &[FactBase]) {
    let mut rank = vec![0usize; report.files.len()];
    {
        let mut order: Vec<usize> = (0..report.files.len()).collect();
        order.sort_by(|&x, &y| report.files[x].path.cmp(&report.files[y].path));
        for (r, &fi) in order.iter().enumerate() {
            rank[fi] = r;
        }
    }
    let summaries: Vec<Summary> = report
        .files
        .iter_mut()
        .map(|f| std::mem::take(&mut f.result.corpus))
        .collect();
    let mut found = disagreements(&summaries, &rank);
    // Each file's findings together, so that each file is read again once.
    found.sort_unstable();
    // The files read again, `None` for one that changed: the last few only (a file is
    // often the reference of many findings in a row), never every file of a finding,
    // so that memory does not grow with the corpus.
    let mut texts: Recent<usize, Option<Reread>> = Recent::new(TEXTS_KEPT);
    for group in found.chunk_by(|x, y| x.0.0 == y.0.0) {
        let fi = group[0].0.0 as usize;
        let summary = &summaries[fi];
        let severity = match summary.level {
            Some(None) => continue,
            Some(level) => level,
            None => None,
        };
        let file = &report.files[fi];
        let this = texts
            .take(&fi)
            .unwrap_or_else(|| Reread::of(file.text.as_deref(), &file.path, summary.hash));
        let Some(this) = this else {
            texts.insert(fi, None);
            continue;
        };
        let mut ds = Vec::new();
        for &((_, k), (rf, rk)) in group {
            let rf = rf as usize;
            let reference = texts.get_or_insert_with(&rf, || {
                let f = &report.files[rf];
                Reread::of(f.text.as_deref(), &f.path, summaries[rf].hash)
            });
            let Some(reference) = reference.as_ref() else {
                continue;
            };
            let mut d = diagnostic(
                (summary, k, this.as_text()),
                bases.get(file.base),
                &report.files[rf].path,
                (&summaries[rf], rk, reference.as_text()),
            );
            if let Some(s) = severity {
                d.severity = s;
            }
            ds.push(d);
        }
        // The file's suppression comments apply to this rule as to any other.
        let directives = crate::read::markdown::scan(&this.text).directives;
        let kept = crate::run::suppress::apply(&this.text, &directives, ds, summary.today, false);
        let file = &mut report.files[fi];
        file.result.diagnostics.extend(
            kept.into_iter()
                .filter(|k| k.rule == RuleId::CorpusContradiction),
        );
        texts.insert(fi, Some(this));
    }
    for f in &mut report.files {
        f.result
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        f.result.diagnostics.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::Diagnostic;
    use crate::run::{CheckOptions, CheckedFile, check_text};

    const HEAD: &str = "---\ndate: 2025-03-01\n---\n";

    fn claim(share: &str) -> String {
        format!(
            "{HEAD}Acme Analytics cut report generation time by {share} with Initech models on Globex Cloud.\n"
        )
    }

    /// Writes the draft `name` in `dir`: `body` after a front matter with its date.
    fn dated(dir: &Path, name: &str, body: &str) {
        std::fs::write(dir.join(name), format!("{HEAD}{body}")).expect("draft");
    }

    /// Checks the drafts of `dir` as written now (their texts not kept, as in a run
    /// over files), then lets `change` rewrite files before the run compares them, as
    /// a file saved during a run would be.
    fn compared<S: AsRef<str>>(dir: &Path, names: &[S], change: impl FnOnce()) -> Report {
        let base = FactBase::empty();
        let mut report = Report::default();
        for name in names {
            let path = dir.join(name.as_ref());
            let text = std::fs::read_to_string(&path).expect("draft");
            let result = check_text(&path, &text, &base, &CheckOptions::default());
            report.files.push(CheckedFile {
                path,
                text: None,
                result,
                base: 0,
                stamp: None,
            });
        }
        change();
        compare(&mut report, std::slice::from_ref(&base));
        report
    }

    /// The findings of [`compared`], with their files.
    fn run(dir: &Path, names: &[&str], change: impl FnOnce()) -> Vec<(String, Diagnostic)> {
        compared(dir, names, change)
            .diagnostics()
            .map(|(f, d)| (f.path.display().to_string(), d.clone()))
            .collect()
    }

    #[test]
    fn line_and_written_text_are_read_again_from_both_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.md"), claim("64%")).expect("a");
        let b = claim("46%").replacen("Acme", "Intro.\n\nAcme", 1);
        std::fs::write(dir.path().join("b.md"), b).expect("b");
        let found = run(dir.path(), &["a.md", "b.md"], || {});
        assert_eq!(found.len(), 1, "{found:?}");
        let (path, d) = &found[0];
        assert!(path.ends_with("b.md"), "{path}");
        assert_eq!(d.rule, RuleId::CorpusContradiction);
        assert_eq!(d.found.as_deref(), Some("46%"));
        assert_eq!(d.expected.as_deref(), Some("64%"));
        assert_eq!(d.related[0].message, "the same claim stated as `64%`");
        assert!(d.message.contains("a.md:4 states 64%"), "{}", d.message);
        assert_eq!(d.label, "stated `46%`");
    }

    #[test]
    fn texts_read_again_are_not_kept_and_every_line_is_right() {
        // More files disagree than the comparison keeps read at a time: each finding
        // still names the right lines, and no file's text is left in the report (the
        // renderer reads a file again, one at a time) — memory does not grow with the
        // number of files that disagree.
        let dir = tempfile::tempdir().expect("tempdir");
        let count = TEXTS_KEPT * 3;
        let mut names = Vec::new();
        for i in 0..count {
            let name = format!("d{i:02}.md");
            let share = if i == 0 {
                "64%".to_string()
            } else {
                format!("{}%", 10 + i)
            };
            let draft =
                claim(&share).replacen("Acme", &format!("{}Acme", "Intro.\n\n".repeat(i)), 1);
            std::fs::write(dir.path().join(&name), draft).expect("draft");
            names.push(name);
        }
        let report = compared(dir.path(), &names, || {});
        assert!(report.files.iter().all(|f| f.text.is_none()));
        let found: Vec<_> = report.diagnostics().collect();
        assert_eq!(found.len(), count - 1, "{found:?}");
        for (k, (f, d)) in found.iter().enumerate() {
            let i = k + 1;
            assert!(
                f.path.ends_with(format!("d{i:02}.md")),
                "{}",
                f.path.display()
            );
            assert_eq!(d.found.as_deref(), Some(format!("{}%", 10 + i).as_str()));
            assert!(d.message.contains("d00.md:4 states 64%"), "{}", d.message);
        }
    }

    #[test]
    fn a_finding_names_its_own_subject_among_the_files_subjects() {
        // b.md's summary keeps two subjects in one string; the finding is on the
        // second, and its message names that one alone.
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, body: &str| dated(dir.path(), name, body);
        write("a.md", "Usage of the service grew 34% on Hooli.\n");
        write(
            "b.md",
            "Initech serves 50,000 developers on Hooli.\n\nUsage of the service grew 12% on Hooli.\n",
        );
        let found = run(dir.path(), &["a.md", "b.md"], || {});
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .1
                .message
                .ends_with("a.md:4 states 34% for the same claim: service grew (Hooli, Usage)"),
            "{}",
            found[0].1.message
        );
    }

    #[test]
    fn a_claim_for_two_groups_is_compared_group_by_group() {
        // a.md states the claim for developers and for researchers; b.md disagrees on
        // researchers, and is compared with a.md's researchers, not its developers.
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, body: &str| dated(dir.path(), name, body);
        write(
            "a.md",
            "Usage of the service grew 34% among developers on Hooli.\n\n\
             Usage of the service grew 20% among researchers on Hooli.\n",
        );
        write(
            "b.md",
            "Usage of the service grew 12% among researchers on Hooli.\n",
        );
        let found = run(dir.path(), &["a.md", "b.md"], || {});
        assert_eq!(found.len(), 1, "{found:?}");
        let (path, d) = &found[0];
        assert!(path.ends_with("b.md"), "{path}");
        assert_eq!(d.found.as_deref(), Some("12%"));
        assert_eq!(d.expected.as_deref(), Some("20%"));
        assert!(d.message.contains("a.md:6 states 20%"), "{}", d.message);
    }

    #[test]
    fn a_finding_is_left_out_when_either_file_changed_before_the_comparison() {
        for changed in ["a.md", "b.md"] {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(dir.path().join("a.md"), claim("64%")).expect("a");
            std::fs::write(dir.path().join("b.md"), claim("46%")).expect("b");
            let found = run(dir.path(), &["a.md", "b.md"], || {
                std::fs::write(dir.path().join(changed), claim("50%")).expect("rewrite");
            });
            assert!(found.is_empty(), "{changed} changed: {found:?}");
        }
    }
}
