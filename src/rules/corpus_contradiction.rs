//! `corpus-contradiction`: two documents of one run that state the same claim with
//! values that cannot both hold.
//!
//! The rule works in two stages. While each file is checked (in parallel), it keeps a
//! small [`Summary`] of the file's comparable claims — a key, a value, a span, a line;
//! never the text. After every file is checked, [`compare`] groups the claims of all
//! files by key, in sorted path order, and reports each disagreement once, in the file
//! that disagrees, with a label on the other document. Output does not depend on the
//! number of threads, and memory grows with the claims kept, not with the texts read.

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::Path;

use crate::Report;
use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, FileKey, Label, LineIndex};
use crate::emit::display_path;
use crate::facts::FactBase;
use crate::rules::statements::{compatible, odd_ones, statements};
use crate::rules::{Rule, RuleId, RuleMeta};
use crate::value::Value;

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

/// What a comparable claim is about: a fact of the file's base (by index), or a
/// subject as shown in messages.
#[derive(Clone, Debug)]
enum About {
    Fact(usize),
    Subject(Box<str>),
}

/// One comparable claim of a document. A run keeps one per claim of every file until
/// all are compared, so it is small: the key (a long string, repeated in every file
/// that states the claim) is kept as a 128-bit hash, and a fact's texts stay in the
/// fact base.
#[derive(Clone, Debug)]
struct Item {
    key: u128,
    qualifier: Vec<String>,
    about: About,
    value: Value,
    span: Range<usize>,
    line: usize,
    written: Box<str>,
}

/// The hash of a claim's key: two SipHash passes with different prefixes, so that two
/// different keys of one run share a hash with a chance of about one in 2^100.
fn key_hash(key: &str) -> u128 {
    let half = |prefix: u8| {
        let mut h = std::hash::DefaultHasher::new();
        prefix.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// What one document says that other documents may contradict: small, no text.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    items: Vec<Item>,
    hash: u64,
    /// The configured severity of `corpus-contradiction` for this file: `None` for the
    /// default, `Some(None)` for off.
    pub(crate) level: Option<Option<crate::diagnostic::Severity>>,
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
    let mut lines: Option<LineIndex> = None;
    let mut push = |key: &str, qualifier: Vec<String>, about: About, ci: usize, vi: usize| {
        let v = &a.claims[ci].values[vi];
        let idx = lines.get_or_insert_with(|| LineIndex::new(a.text));
        items.push(Item {
            key: key_hash(key),
            qualifier,
            about,
            value: v.value,
            span: v.span.clone(),
            line: idx.line_col(a.text, v.span.start).0,
            written: a.source_text(&v.span).into(),
        });
    };
    for g in &a.agreements {
        let f = &a.facts.facts[g.fact];
        let key = match g.held {
            Some(h) => format!("fact {} #{h}", f.id),
            None => format!("fact {}", f.id),
        };
        push(&key, Vec::new(), About::Fact(g.fact), g.claim, g.value);
    }
    if let Some(date) = a.article_date {
        for s in statements(a) {
            if a.agreements
                .iter()
                .any(|g| g.claim == s.claim && g.value == s.value)
            {
                continue;
            }
            push(
                &format!("{} @ {date}", s.key),
                s.qualifier.clone(),
                About::Subject(s.subject.as_str().into()),
                s.claim,
                s.value,
            );
        }
    }
    // One item per key, and none for a key the document states in two ways.
    items.sort_by(|x, y| x.key.cmp(&y.key).then(x.span.start.cmp(&y.span.start)));
    let mut kept: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i + 1;
        while j < items.len() && items[j].key == items[i].key {
            j += 1;
        }
        let group = &items[i..j];
        // Statements of one key whose qualifiers differ are kept apart; a key the
        // document states in two ways, or very many times, is left out.
        let pairs: Vec<(Value, &[String])> = group
            .iter()
            .map(|x| (x.value, x.qualifier.as_slice()))
            .collect();
        if group.len() <= 64 && odd_ones(&pairs, |_, _| false).is_empty() {
            for (k, x) in group.iter().enumerate() {
                if !group[..k]
                    .iter()
                    .any(|y| compatible(&x.qualifier, &y.qualifier))
                {
                    kept.push(x.clone());
                }
            }
        }
        i = j;
    }
    kept.shrink_to_fit();
    Summary {
        level: None,
        today: None,
        items: kept,
        hash: if items.is_empty() {
            0
        } else {
            hash_text(a.text)
        },
    }
}

/// Compares the summaries of every checked file of a report, adds the findings to the
/// files that disagree, and drops the summaries. Files that get findings and whose
/// text was not kept are read again (and left without the finding if they changed).
pub fn compare(report: &mut Report, bases: &[FactBase]) {
    let mut order: Vec<usize> = (0..report.files.len()).collect();
    order.sort_by(|&x, &y| report.files[x].path.cmp(&report.files[y].path));
    let summaries: Vec<Summary> = report
        .files
        .iter_mut()
        .map(|f| std::mem::take(&mut f.result.corpus))
        .collect();
    // Every item with its file, grouped by key; within a key, in path order (a sort of
    // one flat vector: no allocation per key).
    let mut all: Vec<(u128, usize, usize, &Item)> = Vec::new();
    all.reserve_exact(summaries.iter().map(|s| s.items.len()).sum());
    for (rank, &fi) in order.iter().enumerate() {
        for item in &summaries[fi].items {
            all.push((item.key, rank, fi, item));
        }
    }
    // Stable: a file's items of one key keep their order.
    all.sort_by_key(|&(key, rank, _, _)| (key, rank));
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    for group in all.chunk_by(|x, y| x.0 == y.0) {
        if group.len() < 2 {
            continue;
        }
        let group: Vec<(usize, &Item)> = group.iter().map(|&(_, _, fi, x)| (fi, x)).collect();
        let items: Vec<(Value, &[String])> = group
            .iter()
            .map(|(_, x)| (x.value, x.qualifier.as_slice()))
            .collect();
        for (i, r) in odd_ones(&items, |i, j| group[i].0 == group[j].0) {
            let ((fi, item), (rf, reference)) = (group[i], group[r]);
            let base = bases.get(report.files[fi].base);
            found.push((
                fi,
                diagnostic(item, base, &report.files[rf].path, reference),
            ));
        }
    }
    for (fi, mut d) in found {
        let summary = &summaries[fi];
        match summary.level {
            Some(None) => continue,
            Some(Some(s)) => d.severity = s,
            None => {}
        }
        let file = &mut report.files[fi];
        if file.text.is_none() {
            match crate::read_draft(&file.path) {
                Ok(Some(text)) if hash_text(&text) == summary.hash => {
                    file.text = Some(text);
                }
                _ => continue,
            }
        }
        // The file's suppression comments apply to this rule as to any other.
        let text = file.text.as_deref().unwrap_or("");
        let directives = crate::markdown::scan(text).directives;
        let kept = crate::suppress::apply(text, &directives, vec![d], summary.today, false);
        file.result.diagnostics.extend(
            kept.into_iter()
                .filter(|k| k.rule == RuleId::CorpusContradiction),
        );
    }
    for f in &mut report.files {
        f.result
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        f.result.diagnostics.dedup();
    }
}

fn diagnostic(item: &Item, base: Option<&FactBase>, other_path: &Path, other: &Item) -> Diagnostic {
    let (subject, fact) = match &item.about {
        About::Subject(s) => (&**s, None),
        About::Fact(i) => match base.and_then(|b| b.facts.get(*i)) {
            Some(f) => (f.what.as_str(), Some(f.id.clone())),
            None => ("", None),
        },
    };
    let message = format!(
        "stated {} here, but {}:{} states {} for the same claim: {}",
        item.value.describe(),
        display_path(other_path),
        other.line,
        other.value.describe(),
        subject
    );
    let mut d = Diagnostic::new(RuleId::CorpusContradiction, item.span.clone(), message)
        .with_label(format!("stated `{}`", item.written))
        .with_related(Label {
            file: FileKey::Other(other_path.to_path_buf()),
            span: other.span.clone(),
            message: format!("the same claim stated as `{}`", other.written),
        });
    d.expected = Some(other.written.to_string());
    d.found = Some(item.written.to_string());
    d.fact = fact;
    d
}
