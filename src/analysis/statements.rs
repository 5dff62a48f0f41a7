//! The claims a document makes that need no fact base to be compared: "over 100,000
//! customers", "reduced support resolution times by 87%", "a total investment of $8
//! billion". Each statement gets a key — the kind of value, its subject (the noun
//! phrase of the value, or the change it measures, or the total it is), the names of
//! its sentence, its dates — so that two statements of one claim can be compared in a
//! document (`self-contradiction`) and across documents (`corpus-contradiction`).
//!
//! Keys are built to be conservative: a statement that could be about something else
//! (a forecast, a past value, a question, a quote, a value after "from") has no key,
//! and two statements share a key only when their sentences name exactly the same
//! names and dates.

use foldhash::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::prose::{self, looks_plural, singular};
use crate::analysis::{Analysis, Claim, ClaimKind, ValueItem, Verdict};
use crate::base::value::Value;

/// A statement with its key.
#[derive(Clone, Debug)]
pub struct Statement {
    /// Index of the claim in [`Analysis::claims`].
    pub claim: usize,
    /// Index of the value in the claim.
    pub value: usize,
    /// Statements with equal keys and compatible qualifiers state the same claim.
    pub key: String,
    /// Words that narrow the subject, compared loosely.
    pub qualifier: Vec<String>,
    /// The subject, for messages: "customers (Bedrock, Claude)".
    pub subject: String,
}

/// Words that set the scope of a statement.
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:worldwide|globally|global|internationally|international|domestically|domestic|nationwide)(?-u:\b)")
        .expect("constant regex")
});

/// A wire story's dateline at the start of a sentence ("OSLO (Newswire) - ",
/// "SEATTLE, Feb 1 (Newswire) - ", "**SEATTLE - January 15, 2025** - "): the place
/// and day of the story, not names or dates of its first statement.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*)?\p{Lu}[\p{Lu}.']+(?: \p{Lu}[\p{Lu}.']*){0,3}(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\s+[-–—]\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^()\n]{1,40}\))?\s*(?:\*\*)?\s*[-–—]+\s+")
        .expect("constant regex")
});

/// Where a sentence's own words start: after its dateline, if any.
fn after_dateline(text: &str) -> usize {
    if !text.starts_with(|c: char| c.is_uppercase() || c == '*') {
        return 0;
    }
    // A bare "AWS - " is a name and a dash: a dateline has a day or an agency.
    DATELINE
        .find(text)
        .filter(|m| {
            let t = m.as_str();
            t.contains('(') || t.contains(|c: char| c.is_ascii_digit())
        })
        .map_or(0, |m| m.end())
}

/// Words that end a noun phrase.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or",
    "but", "as", "that", "which", "who", "whose", "while", "across", "through", "via", "per",
    "each", "than", "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does",
    "did", "use", "uses", "run", "runs", "ran", "now", "this", "these", "those", "its", "their",
    "our", "his", "her", "it", "they", "we", "you", "so", "into", "over", "under", "after",
    "before", "since", "between", "among", "against", "within", "without", "about", "around",
    "like", "can", "also", "all", "both", "only", "just", "even", "still", "already", "then",
    "come", "comes", "go", "goes", "say", "says", "said", "make", "makes", "take", "takes", "get",
    "gets", "see", "sees", "want", "wants", "report", "reports", "remain", "remains", "rely",
    "relies", "prefer", "prefers", "believe", "believes", "think", "thinks", "agree", "agrees",
    "show", "shows", "expect", "expects", "plan", "plans", "work", "works", "need", "needs", "pay",
    "pays", "will", "would", "could", "should", "may", "might", "must",
];

/// Heads that say when, not what ("87% of the time", "40% year over year").
const TIME_HEADS: &[&str] = &[
    "time", "year", "month", "quarter", "week", "day", "hour", "minute", "second", "percent",
    "point",
];

/// A noun phrase right after a value: up to four words joined by single spaces,
/// ending at the first plural ("monthly active users") or, with none, one word
/// ("people"). Returns its key (words in the singular) and its words as written.
/// See [`measure_phrase`] for a phrase that names what is counted or measured.
fn noun_phrase(text: &str, skip_total: bool) -> Option<(String, String)> {
    let mut list: Vec<(String, &str)> = Vec::new();
    let mut rest = text;
    while list.len() < 4 {
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if spaces == 0 || spaces > 2 {
            break;
        }
        rest = &rest[spaces..];
        let len: usize = rest
            .char_indices()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}')
            .map(|(_, c)| c.len_utf8())
            .sum();
        if len == 0 {
            break;
        }
        let raw = rest[..len].trim_end_matches(['-', '\'', '\u{2019}']);
        let mut lower = raw.to_lowercase();
        for s in ["'s", "\u{2019}s"] {
            if lower.ends_with(s) {
                lower.truncate(lower.len() - s.len());
            }
        }
        list.push((lower, raw));
        rest = &rest[len..];
        if raw.len() != len || rest.starts_with(|c: char| !c.is_whitespace()) {
            // A word followed by punctuation ends the phrase.
            break;
        }
    }
    if skip_total && list.first().is_some_and(|(w, _)| w == "total") {
        list.remove(0);
    }
    let mut phrase: Vec<(String, &str)> = Vec::new();
    for (w, raw) in list {
        let verbish = w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"))
            && !["daily", "weekly", "monthly", "quarterly", "yearly"].contains(&w.as_str());
        if STOP.contains(&w.as_str())
            || verbish
            || !w.chars().next().is_some_and(char::is_alphabetic)
        {
            break;
        }
        phrase.push((w, raw));
    }
    let end = match phrase.iter().position(|(w, _)| looks_plural(w)) {
        Some(k) => k + 1,
        None => 1,
    };
    phrase.truncate(end);
    phrase.last()?;
    let key: Vec<String> = phrase.iter().map(|(w, _)| singular(w)).collect();
    let shown: Vec<&str> = phrase.iter().map(|(_, r)| *r).collect();
    Some((key.join(" "), shown.join(" ")))
}

/// A verb of change, by its start: "reduc" for "reduced", "reducing", "reduces".
/// A noun phrase that names what a count or a percentage measures: not a unit of
/// time ("87% of the time", "40% year over year", "90 days").
fn measure_phrase(text: &str, skip_total: bool) -> Option<(String, String)> {
    let (key, shown) = noun_phrase(text, skip_total)?;
    let head = key.rsplit(' ').next().unwrap_or(&key);
    (!TIME_HEADS.contains(&head)).then_some((key, shown))
}

const CHANGE_VERBS: &[&str] = &[
    "reduc",
    "cut",
    "lower",
    "decreas",
    "drop",
    "fell",
    "fall",
    "declin",
    "shrank",
    "shrunk",
    "shrink",
    "slash",
    "trim",
    "increas",
    "rais",
    "rose",
    "rise",
    "risen",
    "rising",
    "grew",
    "grow",
    "boost",
    "improv",
    "expand",
    "jump",
    "climb",
    "surg",
    "sped",
    "speed",
    "accelerat",
];

fn is_change_verb(w: &str) -> bool {
    CHANGE_VERBS.iter().any(|v| w.starts_with(v)) && !w.ends_with("tion") && !w.ends_with("ment")
}

/// A change a percentage measures: "reducing support resolution times by 87%" (verb,
/// object, "by") or "revenue grew 40%" (a verb right before the value).
struct Change<'t> {
    /// Byte offset in the text where the verb starts.
    start: usize,
    verb: &'t str,
    /// The object between the verb and "by"; empty for "grew 40%".
    object: &'t str,
}

fn change_before(text: &str) -> Option<Change<'_>> {
    let ws = prose::words(text);
    let last = ws.last()?;
    // Nothing but spaces after the last word.
    if !text[last.range.end..].trim().is_empty() {
        return None;
    }
    if last.lower == "by" {
        // Up to five words of object between the verb and "by", no punctuation.
        let n = ws.len() - 1;
        for k in (n.saturating_sub(6)..n).rev() {
            let gap = &text[ws[k].range.end..ws[k + 1].range.start];
            if !gap.chars().all(|c| c.is_whitespace() || c == '-') {
                return None;
            }
            if is_change_verb(&ws[k].lower) {
                return Some(Change {
                    start: ws[k].range.start,
                    verb: &text[ws[k].range.clone()],
                    object: text[ws[k].range.end..last.range.start].trim(),
                });
            }
        }
        return None;
    }
    is_change_verb(&last.lower).then(|| Change {
        start: last.range.start,
        verb: &text[last.range.clone()],
        object: "",
    })
}

/// "an 87% reduction in support resolution times".
static CHANGE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?P<noun>reduction|cut|decrease|drop|decline|fall|increase|rise|gain|growth|jump|improvement|boost|lift)\s+in(?:\s+(?:the|its|their|our))?(?P<rest>\s.*)$")
        .expect("constant regex")
});

static OF_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+of(?:\s+(?:the|its|their|our|all))?(?P<rest>\s.*)$")
        .expect("constant regex")
});

/// Words before a count that make it a change, not a state.
static COUNT_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<add>added|adding|adds|add|gained|gaining|gains|gain|hired|hiring|hires|another|additional|extra|new|more)|(?P<lose>lost|losing|loses|lose|cut|cutting|cuts|laid off|lay off|fired|firing|fewer))\s*$")
        .expect("constant regex")
});

/// "… grew 34% among developers": the group a change is measured in narrows its
/// subject (a change among developers is not the same claim as one among researchers).
static AMONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;:!?]*?(?-u:\b)among\s+(?:the\s+|its\s+|their\s+|our\s+)?(?P<group>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})")
        .expect("constant regex")
});

/// The words of the group after "among" in `after`, singular, for a qualifier.
fn among_group(after: &str) -> Vec<String> {
    AMONG
        .captures(after)
        .and_then(|c| c.name("group"))
        .map(|g| {
            g.as_str()
                .split_whitespace()
                .map(|w| format!("among {}", singular(&w.to_lowercase())))
                .collect()
        })
        .unwrap_or_default()
}

fn is_down(verb: &str) -> bool {
    let v = verb.to_lowercase();
    [
        "reduc", "cut", "lower", "decreas", "drop", "fell", "fall", "declin", "shr", "slash",
        "trim",
    ]
    .iter()
    .any(|p| v.starts_with(p))
}

/// The money value is said to be a total: "total investment … stands at $8 billion",
/// "$8 billion total", "a total of $8 billion".
pub(crate) fn is_total(claim: &Claim, vi: usize) -> bool {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:in total|in all|altogether|total(?-u:\b))").expect("constant regex")
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:total|cumulative)(?-u:\b)(?P<gap>[^,;:.$€£¥₹()]{0,50})$")
            .expect("constant regex")
    });
    let v = &claim.values[vi];
    if AFTER.is_match(prose::after(claim, v, 20)) {
        return true;
    }
    let before = prose::before(claim, v, 80);
    // "Salesforce has invested $500 million in Cohere", "its stake now stands at": the
    // state on the article's date is the running total, with no cue word (issue 23,
    // class 8: the same quantity given twice).
    if super::cue_words::STATE_NOW.is_match(before) && !INCREMENT.is_match(before) {
        return true;
    }
    // No cue word, no total: most amounts are passed over before the patterns run.
    if !prose::contains_ignore_ascii_case(before, b"total")
        && !prose::contains_ignore_ascii_case(before, b"cumulative")
    {
        return false;
    }
    if INCREMENT.is_match(before) {
        return false;
    }
    let Some(m) = BEFORE.find(before) else {
        return false;
    };
    // The cue belongs to the amount nearest to it ("$8 billion total … an additional
    // $4 billion" ties "total" to $8 billion); a cue after an amount counts double.
    let cue_start = v.pos.start - (before.len() - m.start());
    let cue_end = cue_start + m.as_str().find(|c: char| c.is_whitespace()).unwrap_or(5);
    let own = v.pos.start.saturating_sub(cue_end);
    !claim.values.iter().enumerate().any(|(i, x)| {
        i != vi
            && !matches!(x.value, Value::Date(_))
            && if x.pos.end <= cue_start {
                (cue_start - x.pos.end) * 2 < own
            } else {
                x.pos.start >= cue_end && x.pos.start < v.pos.start
            }
    })
}

/// Words that make an amount a part, not the total.
static INCREMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:additional|another|fresh|new|further|initial|first|second|third|extra|latest|previous|prior|earlier)\s*$")
        .expect("constant regex")
});

/// What a total is a total of, if the sentence says it in one way only.
fn total_class(text: &str) -> Option<&'static str> {
    static CLASSES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
        [
            (
                "investment",
                r"(?i)(?-u:\b)(?:invest[a-z]*|commit[a-z]*|stake|backing|injection)(?-u:\b)",
            ),
            (
                "funding raised",
                r"(?i)(?-u:\b)(?:rais(?:e|ed|es|ing)|funding|fundraising)(?-u:\b)",
            ),
            ("revenue", r"(?i)(?-u:\b)(?:revenues?|sales|arr)(?-u:\b)"),
            ("valuation", r"(?i)(?-u:\b)(?:valuation|valued)(?-u:\b)"),
            (
                "spending",
                r"(?i)(?-u:\b)(?:spend[a-z]*|capex|expenditures?)(?-u:\b)",
            ),
        ]
        .into_iter()
        .map(|(n, p)| (n, Regex::new(p).expect("constant regex")))
        .collect()
    });
    let mut found = CLASSES.iter().filter(|(_, re)| re.is_match(text));
    let first = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(first.0)
}

/// What a value is a statement of: the kind part of its key, the words that narrow
/// it (compared loosely: "support resolution times" and "customer support resolution
/// time" are one subject), and its subject as shown.
struct Subject {
    key: String,
    qualifier: Vec<String>,
    shown: String,
    /// Which names of the clause are part of the key.
    names: Names,
}

/// Which names of a statement's clause are part of its key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// Every name of the clause.
    All,
    /// The one company a valuation or a round is of, not every name of its clause
    /// (a backer named beside it is no other subject).
    Company,
    /// None: the key names its subject in full (a score of catalog models); a source
    /// or a rival named beside it is no other subject.
    InKey,
}

impl Subject {
    fn new(key: String, shown: String) -> Subject {
        Subject {
            key,
            qualifier: Vec::new(),
            shown,
            names: Names::All,
        }
    }
}

/// Words of a phrase that only point ("the", "its").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those",
];

/// A phrase's head (its last word, singular) and the other words (singular, sorted).
fn head_and_qualifier(phrase: &str) -> Option<(String, Vec<String>)> {
    let ws: Vec<String> = prose::words(phrase)
        .into_iter()
        .map(|w| w.lower.into_owned())
        .filter(|w| !DETERMINERS.contains(&w.as_str()))
        .map(|w| singular(&w))
        .collect();
    let (head, rest) = ws.split_last()?;
    let mut q = rest.to_vec();
    q.sort_unstable();
    q.dedup();
    Some((head.clone(), q))
}

/// The subject of a change with no object: the words right before its verb, up to a
/// name, a possessive or punctuation ("Nvidia's data center revenue grew" → "data
/// center revenue").
fn subject_before(text: &str) -> Option<String> {
    let ws = prose::words(text);
    let mut out: Vec<String> = Vec::new();
    let mut end = text.trim_end().len();
    for w in ws.iter().rev() {
        if text[w.range.end..end].trim() != "" || out.len() == 3 {
            break;
        }
        if w.capital || STOP.contains(&&*w.lower) || DETERMINERS.contains(&&*w.lower) {
            break;
        }
        out.insert(0, singular(&w.lower));
        if w.possessive {
            out.remove(0);
            break;
        }
        end = w.range.start;
    }
    if out.is_empty() || ["he", "she", "i", "there", "it", "they"].contains(&out[0].as_str()) {
        return None;
    }
    Some(out.join(" "))
}

/// The subject of a money value that states the writer's own projection (see
/// [`super::projection`]).
fn projection_subject(claim: &Claim, vi: usize) -> Option<Subject> {
    let Value::Money { currency, .. } = claim.values.get(vi)?.value else {
        return None;
    };
    let (key, shown) = super::projection::key(claim, vi)?;
    Some(Subject::new(
        format!("money {} {key}", currency.code()),
        shown,
    ))
}

/// The subject of a value, or None when the value states no comparable claim.
fn subject(a: &Analysis<'_>, claim: &Claim, vi: usize) -> Option<Subject> {
    let v = &claim.values[vi];
    // A valuation, a round's size, a benchmark score: keys of their own, so that none
    // is compared with an investment or with another kind (see `keys`).
    if matches!(v.value, Value::Money { .. } | Value::Percent(_)) {
        let total = matches!(v.value, Value::Money { .. }) && is_total(claim, vi);
        if let Some(k) = super::keys::keyed(a, claim, vi, total) {
            return Some(Subject {
                names: match k.kind {
                    _ if k.by_model => Names::InKey,
                    super::keys::SubjectKind::Valuation | super::keys::SubjectKind::Round => {
                        Names::Company
                    }
                    super::keys::SubjectKind::Score => Names::All,
                },
                key: k.key,
                qualifier: k.qualifier,
                shown: k.shown,
            });
        }
        // A valuation or a round that states nothing (in talks, a total) is not
        // compared as a total either.
        if super::keys::subject_kind(claim, vi).is_some() && !total {
            return None;
        }
    }
    match v.value {
        Value::Count(q) => {
            let written = &claim.text[v.pos.clone()];
            if q.value() < 10.0 || !written.contains(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let (key, shown) = measure_phrase(prose::after(claim, v, 80), true)?;
            let before = prose::before(claim, v, 80);
            let change = match COUNT_CHANGE.captures(before) {
                Some(c) if c.name("add").is_some() => "added",
                Some(_) => "lost",
                // "grew by 10,000 customers" (but not "is used by 10,000 customers").
                None if change_before(before).is_some() => "changed by",
                None => "is",
            };
            Some(Subject::new(format!("count {change} {key}"), shown))
        }
        Value::Percent(_) => {
            let before = prose::before(claim, v, 80);
            let after = prose::after(claim, v, 80);
            if let Some(c) = change_before(before) {
                let dir = if is_down(c.verb) { "down" } else { "up" };
                let shown = before[c.start..].trim().to_string();
                let group = among_group(after);
                if c.object.is_empty() {
                    let phrase = subject_before(&before[..c.start])?;
                    return Some(Subject {
                        key: format!("percent {dir} {phrase}"),
                        qualifier: group,
                        shown: format!("{phrase} {shown}"),
                        names: Names::All,
                    });
                }
                let (head, mut qualifier) = head_and_qualifier(c.object)?;
                if STOP.contains(&head.as_str()) {
                    return None;
                }
                qualifier.extend(group);
                qualifier.sort_unstable();
                qualifier.dedup();
                return Some(Subject {
                    key: format!("percent {dir} {head}"),
                    qualifier,
                    shown,
                    names: Names::All,
                });
            }
            if let Some(c) = CHANGE_NOUN.captures(after) {
                let noun = c.name("noun").map_or("", |m| m.as_str());
                let rest = c.name("rest").map_or("", |m| m.as_str());
                let (_, shown) = noun_phrase(rest, false)?;
                let (head, qualifier) = head_and_qualifier(&shown)?;
                let down = is_down(noun)
                    || noun.eq_ignore_ascii_case("reduction")
                    || noun.eq_ignore_ascii_case("decline");
                let dir = if down { "down" } else { "up" };
                return Some(Subject {
                    key: format!("percent {dir} {head}"),
                    qualifier,
                    shown: format!("{noun} in {shown}"),
                    names: Names::All,
                });
            }
            if let Some(c) = OF_FORM.captures(after) {
                let rest = c.name("rest").map_or("", |m| m.as_str());
                let (key, shown) = measure_phrase(rest, false)?;
                return Some(Subject::new(
                    format!("percent of {key}"),
                    format!("of {shown}"),
                ));
            }
            // "30% more queries", "a 14% stake", "60-70% gross margins"; but a lone
            // plural may be a verb ("85% comes from the API").
            let (key, shown) = measure_phrase(after, false)?;
            if !key.contains(' ') && looks_plural(&shown.to_lowercase()) {
                return None;
            }
            Some(Subject::new(format!("percent {key}"), shown))
        }
        Value::Money { currency, .. } => {
            if !is_total(claim, vi) {
                return projection_subject(claim, vi);
            }
            let clause = prose::clause(&claim.text, v.pos.start);
            let class = total_class(&claim.text[clause])?;
            Some(Subject::new(
                format!("money {} total {class}", currency.code()),
                format!("total {class}"),
            ))
        }
        Value::Date(_) => None,
    }
}

/// The statements of one key that contradict the others: pairs (statement, reference)
/// of indices into `items`, which are in document (or path) order. Statements whose
/// qualifiers name one subject (directly, or through others) are judged together, and
/// each such group has its own reference: the statement that agrees with the most
/// others, the earliest of those — a number changed in one place of three is the one
/// reported; of two, the later. A claim stated for developers and for researchers is
/// two groups, and a statement can contradict either. Statements with the same value
/// and qualifier are counted together, so the work grows with the number of distinct
/// values, not of statements; a key stated with more than 256 distinct values is no
/// claim and is skipped. `apart(i, j)` says two items may not be compared (the same
/// sentence).
pub(crate) fn odd_ones<W: PartialEq>(
    items: &[(Value, &[W])],
    apart: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    // Classes of equal value and qualifier, in order of first appearance.
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for (i, (v, q)) in items.iter().enumerate() {
        match classes
            .iter_mut()
            .find(|c| items[c[0]].0 == *v && items[c[0]].1 == *q)
        {
            Some(c) => c.push(i),
            None => {
                if classes.len() == 256 {
                    return Vec::new();
                }
                classes.push(vec![i]);
            }
        }
    }
    let same = |x: &Vec<usize>, y: &Vec<usize>| {
        let (a, b) = (&items[x[0]], &items[y[0]]);
        compatible(a.1, b.1) && prose::agree(&a.0, &b.0)
    };
    let conflict = |x: &Vec<usize>, y: &Vec<usize>| {
        let (a, b) = (&items[x[0]], &items[y[0]]);
        compatible(a.1, b.1) && !prose::agree(&a.0, &b.0)
    };
    if !classes
        .iter()
        .any(|x| classes.iter().any(|y| conflict(x, y)))
    {
        return Vec::new();
    }
    // The groups: classes joined by compatible qualifiers (at most 256 classes).
    let mut group: Vec<usize> = (0..classes.len()).collect();
    fn root(group: &mut [usize], mut k: usize) -> usize {
        while group[k] != k {
            group[k] = group[group[k]];
            k = group[k];
        }
        k
    }
    for x in 0..classes.len() {
        for y in x + 1..classes.len() {
            if compatible(items[classes[x][0]].1, items[classes[y][0]].1) {
                let (rx, ry) = (root(&mut group, x), root(&mut group, y));
                group[rx.max(ry)] = rx.min(ry);
            }
        }
    }
    let roots: Vec<usize> = (0..classes.len()).map(|k| root(&mut group, k)).collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for g in (0..classes.len()).filter(|&k| roots[k] == k) {
        let members: Vec<&Vec<usize>> = (0..classes.len())
            .filter(|&k| roots[k] == g)
            .map(|k| &classes[k])
            .collect();
        let support: Vec<usize> = members
            .iter()
            .map(|x| {
                members
                    .iter()
                    .filter(|y| same(x, y))
                    .map(|y| y.len())
                    .sum::<usize>()
                    // A value that agrees with nothing, not even itself (an unreadable
                    // 40-digit number), has no support: never below zero.
                    .saturating_sub(1)
            })
            .collect();
        let best = support.iter().copied().max().unwrap_or(0);
        let Some(r) = (0..members.len())
            .filter(|&k| support[k] == best)
            .min_by_key(|&k| members[k][0])
        else {
            continue;
        };
        let reference = members[r][0];
        out.extend(
            members
                .iter()
                .filter(|x| conflict(x, members[r]))
                .flat_map(|x| x.iter())
                .filter(|&&i| !apart(i, reference))
                .map(|&i| (i, reference)),
        );
    }
    out.sort_unstable();
    out
}

/// True when two qualifiers of one key name one subject: the same words, or the words
/// of one among the other's ("support resolution" and "customer support resolution"),
/// but never none against some ("costs" and "compute costs").
/// The words are strings, or their hashes (see `corpus_contradiction`).
pub(crate) fn compatible<W: PartialEq>(a: &[W], b: &[W]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small == large || (!small.is_empty() && small.iter().all(|w| large.contains(w)))
}

/// The values (claim index, value index) that attribution found contradicting a fact,
/// and the amounts whose date contradicts their fact: the fact rules report them, and
/// the rules that need no fact base leave them alone.
pub(crate) fn reported_values(a: &Analysis<'_>) -> HashSet<(usize, usize)> {
    let mut out = HashSet::default();
    for v in &a.verdicts {
        match *v {
            Verdict::ValueMismatch { claim, value, .. } | Verdict::Stale { claim, value, .. } => {
                out.insert((claim, value));
            }
            Verdict::DateMismatch {
                claim,
                value,
                anchor,
                ..
            } => {
                out.insert((claim, value));
                if let Some(x) = anchor {
                    out.insert((claim, x));
                }
            }
        }
    }
    out
}

/// The keyed statements of a document, in document order (computed once per
/// analysis).
pub fn statements<'s>(a: &'s Analysis<'_>) -> &'s [Statement] {
    a.statements.get_or_init(|| compute(a))
}

fn compute(a: &Analysis<'_>) -> Vec<Statement> {
    // A statement before its names are known.
    struct Pending {
        claim: usize,
        value: usize,
        clause: std::ops::Range<usize>,
        subject: Subject,
    }
    let reported = reported_values(a);
    let mut pending = Vec::new();
    for (ci, c) in a.claims.iter().enumerate() {
        if !matches!(c.kind, ClaimKind::Sentence { .. }) {
            continue;
        }
        if c.values.iter().all(|v| matches!(v.value, Value::Date(_))) {
            continue;
        }
        let t = c.text.trim_end();
        if t.ends_with('?') {
            continue;
        }
        // A sentence of another time or of what may be states only the writer's own
        // projections ("our estimate of … is $2 billion").
        let not_present = super::cue_words::NOT_PRESENT.is_match(t);
        // The sentence's clause breaks, found once for all its values.
        let mut breaks: Option<Vec<std::ops::Range<usize>>> = None;
        for (vi, v) in c.values.iter().enumerate() {
            if excluded(c, v) || reported.contains(&(ci, vi)) {
                continue;
            }
            // The writer's own projection ("our base case values X at $25 billion") is
            // keyed as one before any other reading (a valuation, a total).
            let subject = projection_subject(c, vi)
                .or_else(|| if not_present { None } else { subject(a, c, vi) });
            let Some(subject) = subject else {
                continue;
            };
            // The names and dates of the value's own clause: "Amazon's total is $8
            // billion, while Google's is $2 billion" makes two statements.
            let breaks = breaks.get_or_insert_with(|| prose::statement_breaks(&c.text));
            let mut clause =
                prose::clause_between(breaks.iter().cloned(), c.text.len(), v.pos.start);
            let own = after_dateline(&c.text);
            if clause.start < own && own <= v.pos.start {
                clause.start = own;
            }
            pending.push(Pending {
                claim: ci,
                value: vi,
                clause,
                subject,
            });
        }
    }
    if pending.is_empty() {
        return Vec::new();
    }
    let names = prose::names_among(
        a,
        pending
            .iter()
            .map(|p| &a.claims[p.claim].text[p.clause.clone()]),
    );
    let mut out = Vec::new();
    // The names of the clause before: values of one clause share them.
    let mut last: Option<(usize, std::ops::Range<usize>)> = None;
    let mut written: Vec<(String, &str)> = Vec::new();
    for p in pending {
        let c = &a.claims[p.claim];
        let clause = p.clause;
        if last.as_ref() != Some(&(p.claim, clause.clone())) {
            written = prose::anchors_as_written(&c.text[clause.clone()], &names);
            last = Some((p.claim, clause.clone()));
        }
        if written.is_empty() && p.subject.names != Names::InKey {
            continue;
        }
        // A valuation or a round is of one company: "OpenAI raised $6.6 billion at a
        // $157 billion valuation, with Microsoft and Nvidia joining" is OpenAI's.
        let company = (p.subject.names == Names::Company)
            .then(|| {
                let text = &c.text[clause.clone()];
                let at = c.values[p.value].pos.start.saturating_sub(clause.start);
                prose::company_of(text, at, &names)
            })
            .flatten();
        let (anchors, shown_names): (Vec<&str>, Vec<&str>) = match &company {
            _ if p.subject.names == Names::InKey => (Vec::new(), Vec::new()),
            Some((lower, raw)) => (vec![lower.as_str()], vec![*raw]),
            // No company before it ("The $3.5 billion Series C makes Globex …"): the
            // clause's names, a round's label aside.
            None if p.subject.names == Names::Company => written
                .iter()
                .filter(|(l, _)| !prose::is_label_name(l))
                .map(|(l, w)| (l.as_str(), *w))
                .unzip(),
            None => written.iter().map(|(l, w)| (l.as_str(), *w)).unzip(),
        };
        let dates: Vec<String> = c
            .values
            .iter()
            .filter(|x| x.pos.start >= clause.start && x.pos.end <= clause.end)
            .filter_map(|x| match x.value {
                Value::Date(d) => Some(format!("{}..{}", d.start, d.end)),
                _ => None,
            })
            .collect();
        // "worldwide" against a region is another claim.
        let scope: Vec<&str> = SCOPE
            .find_iter(&c.text[clause.clone()])
            .map(|m| m.as_str())
            .collect();
        out.push(Statement {
            claim: p.claim,
            value: p.value,
            key: format!(
                "{} | {} | {} | {}",
                p.subject.key,
                anchors.join(" "),
                dates.join(" "),
                scope.join(" ").to_lowercase()
            ),
            qualifier: p.subject.qualifier,
            subject: if shown_names.is_empty() {
                p.subject.shown
            } else {
                format!("{} ({})", p.subject.shown, shown_names.join(", "))
            },
        });
    }
    out
}

fn excluded(c: &Claim, v: &ValueItem) -> bool {
    matches!(v.value, Value::Date(_))
        || super::cue_words::STATEMENT_EXCLUDED_BEFORE.is_match(prose::before(c, v, 40))
        || prose::in_quotes(&c.text, v.pos.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_is_no_part_of_the_first_statement() {
        fn own(t: &str) -> &str {
            &t[after_dateline(t)..]
        }
        assert_eq!(
            own("OSLO (Newswire) - Northwind raised"),
            "Northwind raised"
        );
        assert_eq!(
            own("SEATTLE, Feb 1 (Newswire) - Amazon's total"),
            "Amazon's total"
        );
        assert_eq!(
            own("**SEATTLE - January 15, 2025** - Vandelay today"),
            "Vandelay today"
        );
        assert_eq!(
            own("Amazon - the retailer - invested"),
            "Amazon - the retailer - invested"
        );
        assert_eq!(
            own("AWS - the cloud arm - invested"),
            "AWS - the cloud arm - invested"
        );
    }

    #[test]
    fn an_increment_word_makes_an_amount_a_part() {
        assert!(INCREMENT.is_match("Salesforce has invested an additional "));
        assert!(INCREMENT.is_match("a fresh "));
        assert!(!INCREMENT.is_match("Salesforce has invested "));
        assert!(
            !INCREMENT.is_match("renew "),
            "a word boundary before the word"
        );
    }

    #[test]
    fn noun_phrases_end_at_the_first_plural() {
        let np = |t: &str| noun_phrase(t, true).map(|(k, _)| k);
        assert_eq!(np(" customers running Claude"), Some("customer".into()));
        assert_eq!(np(" total customers run Claude"), Some("customer".into()));
        assert_eq!(
            np(" monthly active users, up"),
            Some("monthly active user".into())
        );
        assert_eq!(np(" more issues without"), Some("more issue".into()));
        assert_eq!(np(" people use it"), Some("people".into()));
        assert_eq!(
            np(" enterprise customers."),
            Some("enterprise customer".into())
        );
        assert_eq!(np(", and"), None);
        assert_eq!(np(" of the time"), None);
        assert_eq!(np(" running on"), None);
        assert_eq!(measure_phrase(" years ago", true), None);
        assert_eq!(measure_phrase(" support resolution times", false), None);
        assert_eq!(
            noun_phrase(" support resolution times with", false).map(|(k, _)| k),
            Some("support resolution time".into())
        );
    }
}
