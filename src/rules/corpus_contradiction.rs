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
use crate::base::value::Value;
use crate::facts::FactBase;
use crate::base::paths::display_path;
use crate::rules::{Rule, RuleId, RuleMeta};

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
        crate::base::hashing::u128_hex::serialize(&((u128::from(k[0]) << 64) | u128::from(k[1])), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u64; 2], D::Error> {
        let k = crate::base::hashing::u128_hex::deserialize(d)?;
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
    pub(crate) hash: u64,
    /// The configured severity of `corpus-contradiction` for this file: `None` for the
    /// default, `Some(None)` for off.
    pub(crate) level: Option<Option<crate::base::diagnostic::Severity>>,
    /// The day of the run, for the file's suppression comments.
    pub(crate) today: Option<jiff::civil::Date>,
}

/// A fingerprint of a document's text, to know it again when it is read a second
/// time (foldhash with a fixed seed: the same in every run, and fast on long texts).
pub(crate) fn hash_text(text: &str) -> u64 {
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

/// The claims on which files disagree, as pairs ((file, item), (reference file,
/// reference item)) by index into `summaries`: within each key, every item that no
/// other file's item of that key agrees with, paired with the item it is compared to.
/// `rank` orders the files (by path) so that the reference is the same in every run.
pub fn disagreements(summaries: &[Summary], rank: &[usize]) -> Vec<((u32, u32), (u32, u32))> {
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
    found
}

/// A file's text with its line index, for a finding's message and labels.
#[derive(Clone, Copy)]
pub struct Text<'t> {
    /// The text as checked.
    pub text: &'t str,
    /// Its line index.
    pub lines: &'t LineIndex,
}

impl Text<'_> {
    fn line(&self, offset: usize) -> usize {
        self.lines.line_col(self.text, offset).0
    }

    fn written(&self, item: &Item) -> &str {
        self.text.get(item.span()).unwrap_or("")
    }
}

/// The finding for item `k` of `summary`, whose file's text is `this`, that disagrees
/// with item `rk` of `other` in the file `other_path`, whose text is `reference`.
pub fn diagnostic(
    (summary, k, this): (&Summary, u32, Text<'_>),
    base: Option<&FactBase>,
    other_path: &Path,
    (other, rk, reference): (&Summary, u32, Text<'_>),
) -> Diagnostic {
    let (Some(item), Some(other)) = (summary.items.get(k as usize), other.items.get(rk as usize))
    else {
        return Diagnostic::new(RuleId::CorpusContradiction, 0..0, String::new());
    };
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
}
