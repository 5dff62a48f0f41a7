//! Small readers of the prose around a value, shared by the rules that check a
//! document against itself: the words before and after a value (hedge words left
//! out), words and proper names, clauses, quotes, and how two stated values compare.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Analysis, Claim, ValueItem};
use crate::value::{Hedge, Quantity, Value};

/// Hedge phrases as they end the text before a value (see `recognize::hedge`).
static HEDGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:about|around|roughly|approximately|approx\.|some|circa|an estimated|nearly|almost|close to|just under|just below|just shy of|shy of|more than|over|exceeding|above|greater than|in excess of|upwards? of|north of|just over|well over|well above|at least|no less than|no fewer than|not less than|a minimum of|up to|as much as|as many as|as high as|at most|no more than|not more than|a maximum of|less than|fewer than|under|below|well under|well below)|[~≈><≥≤])\s*$",
    )
    .expect("constant regex")
});

/// The quantity of a value that has one.
pub(crate) fn quantity(v: &Value) -> Option<Quantity> {
    match *v {
        Value::Money { amount, .. } => Some(amount),
        Value::Percent(q) | Value::Count(q) => Some(q),
        Value::Date(_) => None,
    }
}

/// True when the two values are of one kind (money in one currency, percent, count).
pub(crate) fn same_kind(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Money { currency: x, .. }, Value::Money { currency: y, .. }) => x == y,
        (Value::Percent(_), Value::Percent(_)) | (Value::Count(_), Value::Count(_)) => true,
        _ => false,
    }
}

/// True when two statements of one claim can both hold, read as a writer means them
/// ([`Quantity::likely_interval`]). Intervals that only touch do not agree: "86%" and
/// "87%" are two different figures, though 86.5 rounds to either.
pub(crate) fn agree(a: &Value, b: &Value) -> bool {
    match (quantity(a), quantity(b)) {
        (Some(x), Some(y)) if same_kind(a, b) => {
            let (x, y) = (x.likely_interval(), y.likely_interval());
            x.lo < y.hi && y.lo < x.hi
        }
        _ => true,
    }
}

/// A value of the kind of `like`, printed as articles print it ("$4.5 billion").
pub(crate) fn show(like: &Value, x: f64) -> String {
    let q = Quantity::point(x, 0.0);
    match *like {
        Value::Money { currency, .. } => Value::Money {
            currency,
            amount: q,
        },
        Value::Percent(_) => Value::Percent(q),
        _ => Value::Count(q),
    }
    .describe()
}

/// The text of the claim before the value (at most `max` bytes), without the hedge
/// phrase that belongs to the value ("more than", "up to").
pub(crate) fn before<'t>(claim: &'t Claim, v: &ValueItem, max: usize) -> &'t str {
    let text = &claim.text[..v.pos.start];
    let text = &text[text.floor_char_boundary(text.len().saturating_sub(max))..];
    let hedged = quantity(&v.value).is_some_and(|q| q.hedge != Hedge::Exact);
    match HEDGE_TAIL.find(text) {
        Some(m) if hedged => &text[..m.start()],
        _ => text,
    }
}

/// The text of the claim after the value (at most `max` bytes).
pub(crate) fn after<'t>(claim: &'t Claim, v: &ValueItem, max: usize) -> &'t str {
    let text = &claim.text[v.pos.end..];
    &text[..text.floor_char_boundary(max.min(text.len()))]
}

/// True when `at` lies inside a quotation.
pub(crate) fn in_quotes(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before.matches('\u{201c}').count() > before.matches('\u{201d}').count();
    straight || curly
}

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|—|\s–\s|\s-\s|\(|\)|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b|\bthough\b|,\s+and\b")
        .expect("constant regex")
});

static STATEMENT_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b|\bthough\b|,\s+and\b")
        .expect("constant regex")
});

/// The clause of `text` around byte `at`: split at semicolons, dashes, brackets and
/// "while", "whereas", "but", "although", ", and".
pub(crate) fn clause(text: &str, at: usize) -> Range<usize> {
    split_at_breaks(&CLAUSE_BREAK, text, at)
}

/// The part of a sentence around byte `at` that makes one statement: as [`clause`],
/// but dashes and brackets do not split it ("Amazon Bedrock (AWS's service) hosts …").
pub(crate) fn statement_clause(text: &str, at: usize) -> Range<usize> {
    split_at_breaks(&STATEMENT_BREAK, text, at)
}

fn split_at_breaks(breaks: &Regex, text: &str, at: usize) -> Range<usize> {
    let mut start = 0;
    let mut end = text.len();
    for m in breaks.find_iter(text) {
        if m.end() <= at {
            start = m.end();
        } else if m.start() >= at {
            end = m.start();
            break;
        }
    }
    start..end.max(start)
}

/// A word of a text: letters and digits, with inner apostrophes; a possessive "'s"
/// is not part of the word.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// True when the word starts with an upper-case letter.
    pub capital: bool,
    /// The word, lowercase, without a possessive.
    pub lower: String,
    /// True when the word was written with a possessive "'s".
    pub possessive: bool,
}

/// The words of a text, in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            let inner_apostrophe = (d == '\'' || d == '\u{2019}')
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(d.is_alphanumeric() || inner_apostrophe) {
                break;
            }
            end = j + d.len_utf8();
            iter.next();
        }
        let raw = &text[i..end];
        let mut lower = raw.to_lowercase();
        let mut possessive = false;
        for suffix in ["'s", "\u{2019}s"] {
            if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
                lower.truncate(lower.len() - suffix.len());
                possessive = true;
            }
        }
        out.push(Word {
            range: i..end,
            capital: c.is_uppercase(),
            lower,
            possessive,
        });
    }
    out
}

/// Capitalized words that are no names: acronyms of the trade, months, days.
const NOT_NAMES: &[&str] = &[
    "ai",
    "api",
    "apis",
    "gpu",
    "gpus",
    "cpu",
    "cpus",
    "llm",
    "llms",
    "ml",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "ipo",
    "faq",
    "q",
    "a",
    "i",
    "saas",
    "tpu",
    "tpus",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that start sentences and are no names.
const STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "and",
    "or",
    "but",
    "as",
    "it",
    "its",
    "we",
    "they",
    "he",
    "she",
    "you",
    "our",
    "their",
    "his",
    "her",
    "there",
    "here",
    "today",
    "now",
    "currently",
    "over",
    "more",
    "most",
    "many",
    "some",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "yes",
    "other",
    "another",
    "however",
    "meanwhile",
    "also",
    "still",
    "yet",
    "so",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "during",
    "unlike",
    "beyond",
    "despite",
    "although",
    "though",
    "because",
    "according",
    "what",
    "which",
    "who",
    "how",
    "why",
    "where",
    "right",
    "near",
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "less",
    "fewer",
    "up",
    "down",
    "only",
    "just",
    "even",
    "then",
    "than",
    "such",
    "one",
    "two",
    "three",
    "first",
    "second",
    "third",
    "last",
    "next",
    "new",
    "notable",
    "several",
    "few",
    "analysts",
    "users",
    "customers",
    "companies",
    "enterprises",
    "developers",
];

/// The names a document uses: capitalized words never written in lower case anywhere
/// in the document, other than words that start sentences ("The", "Over"), acronyms of
/// the trade, months and days. Needs no fact base. A word taken for a name by mistake
/// only makes two statements harder to match, never easier.
pub(crate) fn document_names(a: &Analysis<'_>) -> HashSet<String> {
    let mut capital = HashSet::new();
    let mut lower = HashSet::new();
    let mut acronyms = HashSet::new();
    for c in &a.claims {
        for w in words(&c.text) {
            if !w.lower.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            let raw = &c.text[w.range.clone()];
            let upper = raw.chars().filter(|c| c.is_uppercase()).count();
            let lowers: String = raw.chars().filter(|c| c.is_lowercase()).collect();
            if upper >= 2 && (lowers.is_empty() || (lowers == "s" && raw.ends_with('s'))) {
                // An acronym ("US", "AWS", "GPUs") is no lower-case word ("us").
                acronyms.insert(w.lower);
            } else if w.capital {
                capital.insert(w.lower);
            } else {
                lower.insert(w.lower);
            }
        }
    }
    capital
        .into_iter()
        .filter(|w| !lower.contains(w) && !STARTERS.contains(&w.as_str()))
        .chain(acronyms)
        .filter(|w| !NOT_NAMES.contains(&w.as_str()))
        .collect()
}

/// The names a sentence is about, each with the word as written ("Bedrock"): each
/// run of names ("Amazon Bedrock") counts as its last word; sorted by the lowercase
/// word, without repeats.
pub(crate) fn anchors_as_written<'t>(
    text: &'t str,
    names: &HashSet<String>,
) -> Vec<(String, &'t str)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !names.contains(&ws[i].lower) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < ws.len()
            && !ws[j].possessive
            && names.contains(&ws[j + 1].lower)
            && text[ws[j].range.end..ws[j + 1].range.start] == *" "
        {
            j += 1;
        }
        let raw = &text[ws[i].range.start..ws[j].range.end];
        let raw = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("\u{2019}s"))
            .filter(|_| ws[j].possessive)
            .unwrap_or(raw);
        out.push((ws[j].lower.clone(), raw));
        i = j + 1;
    }
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Words ending in "s" that are no plurals.
const NOT_PLURAL: &[&str] = &[
    "status",
    "bonus",
    "campus",
    "virus",
    "focus",
    "census",
    "corpus",
    "consensus",
    "plus",
    "news",
    "series",
    "species",
    "this",
    "its",
    "his",
    "was",
    "has",
    "does",
    "is",
    "us",
    "gas",
    "bus",
    "lens",
    "always",
    "perhaps",
    "whereas",
    "across",
    "less",
    "unless",
    "business",
];

/// True for a word that looks like a plural noun (or a verb of the third person, which
/// looks the same: callers that care tell them apart by place).
pub(crate) fn looks_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && (w.ends_with("ais") || !w.ends_with("is"))
        && !NOT_PLURAL.contains(&w)
}

/// A word's singular, roughly: "customers" → "customer", "businesses" → "business",
/// "companies" → "company".
pub(crate) fn singular(w: &str) -> String {
    if !looks_plural(w) {
        return w.to_string();
    }
    for (plural, single) in [("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")] {
        if let Some(stem) = w.strip_suffix(plural) {
            return format!("{stem}{single}");
        }
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    w[..w.len() - 1].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_possessives_and_keep_inner_apostrophes() {
        let ws = words("Amazon's AWS-Anthropic deal isn't 4.5x");
        let lw: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(
            lw,
            ["amazon", "aws", "anthropic", "deal", "isn't", "4", "5x"]
        );
        assert!(ws[0].capital && !ws[3].capital);
    }

    fn anchors(text: &str, names: &HashSet<String>) -> Vec<String> {
        anchors_as_written(text, names)
            .into_iter()
            .map(|(lower, _)| lower)
            .collect()
    }

    #[test]
    fn a_run_of_names_counts_as_its_last_word() {
        let names: HashSet<String> = ["amazon", "bedrock", "claude"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            anchors("Amazon Bedrock hosts Claude models", &names),
            ["bedrock", "claude"]
        );
        assert_eq!(
            anchors("Claude models run through Bedrock.", &names),
            ["bedrock", "claude"]
        );
        assert_eq!(anchors("Amazon, Bedrock", &names), ["amazon", "bedrock"]);
    }

    #[test]
    fn clauses_split_at_while_and_semicolons() {
        let t = "revenue doubled; costs rose from $3B to $5B while margins fell";
        let at = t.find("$3B").expect("value");
        assert_eq!(&t[clause(t, at)], " costs rose from $3B to $5B ");
    }

    #[test]
    fn plurals_and_their_singulars() {
        for (p, one) in [
            ("customers", "customer"),
            ("businesses", "business"),
            ("companies", "company"),
            ("gpus", "gpu"),
            ("times", "time"),
            ("status", "status"),
            ("analysis", "analysis"),
            ("people", "people"),
        ] {
            assert_eq!(singular(p), one, "{p}");
        }
        assert!(looks_plural("gpus") && !looks_plural("business") && !looks_plural("focus"));
    }

    #[test]
    fn touching_intervals_do_not_agree() {
        let p = |x: f64| Value::Percent(Quantity::point(x, 1.0));
        assert!(!agree(&p(86.0), &p(87.0)));
        assert!(agree(&p(87.0), &p(87.0)));
        let over = |x: f64| Value::Count(Quantity::point(x, 1.0).with_hedge(Hedge::MoreThan));
        assert!(agree(&over(100_000.0), &over(100_000.0)));
        assert!(!agree(&over(100_000.0), &over(50_000.0)));
    }
}
