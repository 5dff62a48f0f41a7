//! `corpus-contradiction`: two documents of one run that state the same claim with
//! values that cannot both hold.
//!
//! The rule works in two stages. While each file is checked (in parallel), it keeps a
//! small [`Summary`] of the file's comparable claims — a hashed key, a value, a span;
//! never the text. After every file is checked, [`compare`] groups the claims of all
//! files by key, in sorted path order, and reports each disagreement once, in the file
//! that disagrees, with a label on the other document; the two files of a finding are
//! read again for its lines and the values as written. Output does not depend on the
//! number of threads, and memory grows with the claims kept (under 100 bytes each),
//! not with the texts read.

use std::hash::{Hash, Hasher};

use foldhash::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use crate::analysis::Analysis;
use crate::analysis::statements::{compatible, odd_ones, statements};
use crate::base::diagnostic::{Diagnostic, FileKey, Label, LineIndex};
use crate::base::recent::Recent;
use crate::base::value::Value;
use crate::facts::FactBase;
use crate::report::display_path;
use crate::rules::{Rule, RuleId, RuleMeta};
use crate::run::Report;

/// The rule. Its findings come from [`compare`], after all files of a run are checked;
/// checking one file alone finds nothing.
pub struct CorpusContradiction;

static META: RuleMeta = RuleMeta {
    id: RuleId::CorpusContradiction,
    summary: "two documents of one run that state the same claim differently",
    explanation: "\
## What it finds
When one run checks several documents, a claim that two of them state with values
that cannot both hold. Two kinds of claim are compared:

- a value tied to the same fact of the fact base, at the same time, that agrees with
  the fact in each document but not with the other document (\"Microsoft's total
  investment in OpenAI\" given as $12 billion here and $14 billion there, where the
  fact is \"about $13 billion\");
- a claim that needs no fact base (see `self-contradiction`): the same subject, the
  same names and dates in the sentence, in documents of the same article date.

Each disagreement is reported once, in the document that disagrees with the others
(the later path, when there are two), with a label on the other document. A document
that contradicts itself on a claim is left to `self-contradiction` for that claim.

## Why it matters
A site that says one thing in one article and another in the next loses readers'
trust in both; no single-file check can see it.

## Example that fires
    a.md (date: 2024-11-22): Over 100,000 customers run Claude models on Amazon Bedrock.
    b.md (date: 2024-11-22): Over 50,000 customers run Claude models on Amazon Bedrock.

## Example that does not fire
    a.md (date: 2024-06-01): Over 50,000 customers run Claude models on Amazon Bedrock.
    b.md (date: 2024-11-22): Over 100,000 customers run Claude models on Amazon Bedrock.
Documents of different dates may state different values of a number that grows.
",
};

impl Rule for CorpusContradiction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _a: &Analysis<'_>, _out: &mut Vec<Diagnostic>) {}
}

/// What a comparable claim is about: a fact of the file's base, or a subject of the
/// file's summary (as shown in messages); both by index.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
enum About {
    #[serde(rename = "f")]
    Fact(u32),
    #[serde(rename = "s")]
    Subject(u32),
}

/// One comparable claim of a document. A run keeps one per claim of every file until
/// all are compared, so it holds no text and owns no allocation: the key (a long
/// string, repeated in every file that states the claim) is kept as a 128-bit hash,
/// the qualifier's words as 64-bit hashes in the file's summary, a fact's texts stay
/// in the fact base, and the line and the text as written are read again from the
/// file for the rare claim that is reported.
/// In the cache (`check --cache`) an item is one of the most frequent lines' parts:
/// its fields have one-letter names and its key is written in hex.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Item {
    /// The key's hash as two halves (a `u128` would align the item to 16 bytes).
    #[serde(rename = "k", with = "key_hex")]
    key: [u64; 2],
    #[serde(rename = "v")]
    value: Value,
    /// The qualifier: `(from, len)`, its words in the summary's `words`.
    #[serde(rename = "q")]
    qualifier: (u32, u32),
    #[serde(rename = "a")]
    about: About,
    #[serde(rename = "s")]
    start: u32,
    #[serde(rename = "e")]
    end: u32,
}

impl Item {
    fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// An item's key in the cache: the 128-bit hash in hex, as one number.
mod key_hex {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(k: &[u64; 2], s: S) -> Result<S::Ok, S::Error> {
        crate::run::cache::u128_hex::serialize(&((u128::from(k[0]) << 64) | u128::from(k[1])), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u64; 2], D::Error> {
        let k = crate::run::cache::u128_hex::deserialize(d)?;
        // The halves of the number, high then low: the casts keep 64 bits each.
        Ok([(k >> 64) as u64, k as u64])
    }
}

/// The hash of a claim's key: two SipHash passes with different prefixes, so that two
/// different keys of one run share a hash with a chance of about one in 2^100.
fn key_hash(key: &str) -> [u64; 2] {
    let half = |prefix: u8| {
        let mut h = std::hash::DefaultHasher::new();
        prefix.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    };
    [half(1), half(2)]
}

/// The hash of a qualifier's word (SipHash with fixed keys: the same in every file and
/// every run). Qualifiers are compared by these: two different words of one run share
/// a hash with a chance of about one in 2^60.
fn word_hash(word: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    word.hash(&mut h);
    h.finish()
}

/// What one document says that other documents may contradict: small, no text.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    items: Vec<Item>,
    /// The words of the items' qualifiers, hashed.
    words: Vec<u64>,
    /// The subjects of the items, once each, one after the other: subject `i` ends at
    /// `subject_ends[i]` (one allocation per file, not one per subject).
    subjects: String,
    subject_ends: Vec<u32>,
    hash: u64,
    /// The configured severity of `corpus-contradiction` for this file: `None` for the
    /// default, `Some(None)` for off.
    pub(crate) level: Option<Option<crate::base::diagnostic::Severity>>,
    /// The day of the run, for the file's suppression comments.
    pub(crate) today: Option<jiff::civil::Date>,
}

/// A fingerprint of a document's text, to know it again when it is read a second
/// time (foldhash with a fixed seed: the same in every run, and fast on long texts).
fn hash_text(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6661_6374_6c69_6e74).hash_one(text)
}

/// The comparable claims of an analysed document, one per key; keys on which the
/// document disagrees with itself are left out.
pub fn summarize(a: &Analysis<'_>) -> Summary {
    let mut items: Vec<Item> = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    let mut subjects = String::new();
    let mut subject_ends: Vec<u32> = Vec::new();
    let mut subject_ids: HashMap<&str, u32> = HashMap::default();
    let mut push = |key: &str, qualifier: &[String], about: About, ci: usize, vi: usize| {
        let v = &a.claims[ci].values[vi];
        // Offsets past 4 GiB (a draft that big is skipped by default) are not kept.
        let (Ok(start), Ok(end)) = (u32::try_from(v.span.start), u32::try_from(v.span.end)) else {
            return;
        };
        let (Ok(from), Ok(len)) = (u32::try_from(words.len()), u32::try_from(qualifier.len()))
        else {
            return;
        };
        words.extend(qualifier.iter().map(|w| word_hash(w)));
        items.push(Item {
            key: key_hash(key),
            value: v.value,
            qualifier: (from, len),
            about,
            start,
            end,
        });
    };
    for g in &a.agreements {
        let f = &a.facts.facts[g.fact];
        let key = match g.held {
            Some(h) => format!("fact {} #{h}", f.id),
            None => format!("fact {}", f.id),
        };
        let Ok(fact) = u32::try_from(g.fact) else {
            continue;
        };
        push(&key, &[], About::Fact(fact), g.claim, g.value);
    }
    if let Some(date) = a.article_date {
        // The values a fact already speaks for, looked up once per statement (a scan
        // of the agreements per statement was quadratic in a draft stating a fact
        // thousands of times).
        let agreed: HashSet<(usize, usize)> =
            a.agreements.iter().map(|g| (g.claim, g.value)).collect();
        for s in statements(a) {
            if agreed.contains(&(s.claim, s.value)) {
                continue;
            }
            let next = u32::try_from(subject_ends.len()).unwrap_or(u32::MAX);
            let id = *subject_ids.entry(s.subject.as_str()).or_insert_with(|| {
                subjects.push_str(s.subject.as_str());
                subject_ends.push(u32::try_from(subjects.len()).unwrap_or(u32::MAX));
                next
            });
            push(
                &format!("{} @ {date}", s.key),
                &s.qualifier,
                About::Subject(id),
                s.claim,
                s.value,
            );
        }
    }
    // One item per key, and none for a key the document states in two ways.
    items.sort_by(|x, y| x.key.cmp(&y.key).then(x.start.cmp(&y.start)));
    let mut kept: Vec<Item> = Vec::new();
    let mut kept_words: Vec<u64> = Vec::new();
    for group in items.chunk_by(|x, y| x.key == y.key) {
        // Statements of one key whose qualifiers differ are kept apart; a key the
        // document states in two ways, or very many times, is left out.
        let pairs: Vec<(Value, &[u64])> = group
            .iter()
            .map(|x| (x.value, words_of(&words, x.qualifier)))
            .collect();
        if group.len() <= 64 && odd_ones(&pairs, |_, _| false).is_empty() {
            for (k, x) in group.iter().enumerate() {
                let q = pairs[k].1;
                if !pairs[..k].iter().any(|(_, p)| compatible(q, p)) {
                    // Fewer words than were pushed: the count fits as it did then.
                    let from = u32::try_from(kept_words.len()).unwrap_or(u32::MAX);
                    kept_words.extend_from_slice(q);
                    kept.push(Item {
                        qualifier: (from, x.qualifier.1),
                        ..x.clone()
                    });
                }
            }
        }
    }
    kept.shrink_to_fit();
    kept_words.shrink_to_fit();
    subject_ends.shrink_to_fit();
    subjects.shrink_to_fit();
    Summary {
        level: None,
        today: None,
        hash: if items.is_empty() {
            0
        } else {
            hash_text(a.text)
        },
        items: kept,
        words: kept_words,
        subjects,
        subject_ends,
    }
}

/// The words of a qualifier `(from, len)` in `words` (none if out of range).
fn words_of(words: &[u64], (from, len): (u32, u32)) -> &[u64] {
    let from = from as usize;
    words
        .get(from..from.saturating_add(len as usize))
        .unwrap_or(&[])
}

impl Summary {
    /// The qualifier's words of one of the summary's items.
    fn qualifier(&self, item: &Item) -> &[u64] {
        words_of(&self.words, item.qualifier)
    }

    /// Subject `i`, as shown in messages ("" if out of range).
    fn subject(&self, i: u32) -> &str {
        let i = i as usize;
        let start = match i.checked_sub(1) {
            Some(before) => self.subject_ends.get(before).map_or(0, |&e| e as usize),
            None => 0,
        };
        let end = self.subject_ends.get(i).map_or(0, |&e| e as usize);
        self.subjects.get(start..end).unwrap_or("")
    }
}

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

    fn line(&self, offset: usize) -> usize {
        self.lines.line_col(&self.text, offset).0
    }

    fn written(&self, item: &Item) -> &str {
        self.text.get(item.span()).unwrap_or("")
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
    let item = |(fi, k): (u32, u32)| &summaries[fi as usize].items[k as usize];
    // Every item by (file, index), grouped by key; within a key, in path order (a sort
    // of one flat vector of 8 bytes per item: no allocation per key, no copy).
    let mut all: Vec<(u32, u32)> = Vec::new();
    all.reserve_exact(summaries.iter().map(|s| s.items.len()).sum());
    for (fi, s) in summaries.iter().enumerate() {
        let Ok(f) = u32::try_from(fi) else { break };
        all.extend((0..s.items.len()).map_while(|k| Some((f, u32::try_from(k).ok()?))));
    }
    // Stable: a file's items of one key keep their order.
    all.sort_by_key(|&x| (item(x).key, rank[x.0 as usize]));
    // (file, item, reference file, reference item)
    let mut found: Vec<((u32, u32), (u32, u32))> = Vec::new();
    for group in all.chunk_by(|&x, &y| item(x).key == item(y).key) {
        if group.len() < 2 {
            continue;
        }
        let items: Vec<(Value, &[u64])> = group
            .iter()
            .map(|&x| (item(x).value, summaries[x.0 as usize].qualifier(item(x))))
            .collect();
        for (i, r) in odd_ones(&items, |i, j| group[i].0 == group[j].0) {
            found.push((group[i], group[r]));
        }
    }
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
                (summary, &summary.items[k as usize], &this),
                bases.get(file.base),
                &report.files[rf].path,
                (&summaries[rf].items[rk as usize], reference),
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

fn diagnostic(
    (summary, item, this): (&Summary, &Item, &Reread),
    base: Option<&FactBase>,
    other_path: &Path,
    (other, reference): (&Item, &Reread),
) -> Diagnostic {
    let (subject, fact) = match item.about {
        About::Subject(s) => (summary.subject(s), None),
        About::Fact(i) => match base.and_then(|b| b.facts.get(i as usize)) {
            Some(f) => (f.what.as_str(), Some(f.id.clone())),
            None => ("", None),
        },
    };
    let message = format!(
        "stated {} here, but {}:{} states {} for the same claim: {}",
        item.value.describe(),
        display_path(other_path),
        reference.line(other.span().start),
        other.value.describe(),
        subject
    );
    let (written, other_written) = (this.written(item), reference.written(other));
    let mut d = Diagnostic::new(RuleId::CorpusContradiction, item.span(), message)
        .with_label(format!("stated `{written}`"))
        .with_related(Label {
            file: FileKey::Other(other_path.to_path_buf()),
            span: other.span(),
            message: format!("the same claim stated as `{other_written}`"),
        });
    d.expected = Some(other_written.to_string());
    d.found = Some(written.to_string());
    d.fact = fact;
    d
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn items_hold_no_text() {
        // One item per comparable claim of every file stays in memory until the
        // comparison: no strings, no line, no allocation of its own.
        assert!(
            std::mem::size_of::<Item>() <= 80,
            "{}",
            std::mem::size_of::<Item>()
        );
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
