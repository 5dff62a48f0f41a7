//! Small readers of the prose around a value, shared by the rules that check a
//! document against itself: the words before and after a value (hedge words left
//! out), words and proper names, clauses, quotes, and how two stated values compare.

use foldhash::HashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Analysis, Claim, ValueItem};
use crate::base::value::{Hedge, Quantity, Value};

/// The sentences of a block's text, as byte ranges into it: the same split the claims
/// of kind sentence were made with.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    crate::read::sentence::split(text)
}

/// Hedge phrases as they end the text before a value (see `recognize::hedge`).
static HEDGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)(?:about|around|roughly|approximately|approx\.|some|circa|an estimated|nearly|almost|close to|just under|just below|just shy of|shy of|more than|over|exceeding|above|greater than|in excess of|upwards? of|north of|just over|well over|well above|at least|no less than|no fewer than|not less than|a minimum of|up to|as much as|as many as|as high as|at most|no more than|not more than|a maximum of|less than|fewer than|under|below|well under|well below)|[~≈><≥≤])\s*$",
    )
    .expect("constant regex")
});

/// True when two statements of one claim can both hold, read as a writer means them
/// ([`Quantity::likely_interval`]). Intervals that only touch do not agree: "86%" and
/// "87%" are two different figures, though 86.5 rounds to either.
pub(crate) fn agree(a: &Value, b: &Value) -> bool {
    match (a.quantity(), b.quantity()) {
        (Some(x), Some(y)) if a.same_kind(b) => {
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
    // The hedge phrase is looked for only when the value has one.
    let hedged = v.value.quantity().is_some_and(|q| q.hedge != Hedge::Exact);
    match hedged.then(|| HEDGE_TAIL.find(text)).flatten() {
        Some(m) => &text[..m.start()],
        None => text,
    }
}

/// The interval of `q`, printed as `printed`, read at the precision `finest` when it
/// is exact and printed without decimals: "$4 billion" beside "$1.25 billion" is no
/// rounding of $3.5 billion, and "$1 billion" beside "$500 million" is no rounding of
/// $1.5 billion. Values compared with each other are read at the finest precision
/// printed among them (as `table-arithmetic` reads a column).
pub(crate) fn at_precision(
    q: Quantity,
    printed: &str,
    finest: f64,
) -> crate::base::value::Interval {
    let decimals = printed
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
    if q.is_range() || decimals || finest.is_nan() || finest <= 0.0 {
        return q.interval();
    }
    // A hedge keeps its own tolerance ("about" is 10% either way) around the point.
    Quantity {
        precision: q.precision.min(finest),
        ..q
    }
    .interval()
}

/// The text of the claim after the value (at most `max` bytes).
pub(crate) fn after<'t>(claim: &'t Claim, v: &ValueItem, max: usize) -> &'t str {
    let text = &claim.text[v.pos.end..];
    &text[..text.floor_char_boundary(max.min(text.len()))]
}

pub(crate) use crate::analysis::in_quotes;

/// True when `text` holds `word` (ASCII letters) in any ASCII case: a quick test
/// that rules out a case-insensitive pattern needing the word. Exact for words
/// without "k" or "s": only the Kelvin sign and the long s fold to ASCII letters.
pub(crate) fn contains_ignore_ascii_case(text: &str, word: &[u8]) -> bool {
    let (t, Some(&first)) = (text.as_bytes(), word.first()) else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), t).any(|i| {
        t.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|—|\s–\s|\s-\s|\(|\)|(?-u:\b)while(?-u:\b)|(?-u:\b)whereas(?-u:\b)|(?-u:\b)but(?-u:\b)|(?-u:\b)although(?-u:\b)|(?-u:\b)though(?-u:\b)|,\s+and(?-u:\b)")
        .expect("constant regex")
});

static STATEMENT_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);|(?-u:\b)while(?-u:\b)|(?-u:\b)whereas(?-u:\b)|(?-u:\b)but(?-u:\b)|(?-u:\b)although(?-u:\b)|(?-u:\b)though(?-u:\b)|,\s+and(?-u:\b)")
        .expect("constant regex")
});

/// The clause of `text` around byte `at`: split at semicolons, dashes, brackets and
/// "while", "whereas", "but", "although", ", and".
pub(crate) fn clause(text: &str, at: usize) -> Range<usize> {
    split_at_breaks(&CLAUSE_BREAK, text, at)
}

/// Where a sentence splits into statements, for [`clause_between`]: as the breaks of
/// [`clause`], but dashes and brackets do not split it ("Amazon Bedrock (AWS's service)
/// hosts …"). Found once for a sentence with several values.
pub(crate) fn statement_breaks(text: &str) -> Vec<Range<usize>> {
    STATEMENT_BREAK.find_iter(text).map(|m| m.range()).collect()
}

fn split_at_breaks(breaks: &Regex, text: &str, at: usize) -> Range<usize> {
    clause_between(breaks.find_iter(text).map(|m| m.range()), text.len(), at)
}

/// The part of a text of `len` bytes around byte `at` between two of `breaks` (in
/// order): from the end of the last break before `at` to the start of the first after.
pub(crate) fn clause_between(
    breaks: impl IntoIterator<Item = Range<usize>>,
    len: usize,
    at: usize,
) -> Range<usize> {
    let mut start = 0;
    let mut end = len;
    for m in breaks {
        if m.end <= at {
            start = m.end;
        } else if m.start >= at {
            end = m.start;
            break;
        }
    }
    start..end.max(start)
}

/// A word of a text: letters and digits, with inner apostrophes; a possessive "'s"
/// is not part of the word.
#[derive(Clone, Debug)]
pub(crate) struct Word<'t> {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// True when the word starts with an upper-case letter.
    pub capital: bool,
    /// The word, lowercase, without a possessive (borrowed when the text has it in
    /// lower case already, as most words).
    pub lower: Cow<'t, str>,
    /// True when the word was written with a possessive "'s".
    pub possessive: bool,
}

/// The words of a text, in order.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    raw_words(text)
        .map(|range| {
            let raw = &text[range.clone()];
            let bare = strip_possessive(raw);
            Word {
                capital: raw.chars().next().is_some_and(char::is_uppercase),
                lower: if bare.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                    Cow::Owned(bare.to_lowercase())
                } else {
                    Cow::Borrowed(bare)
                },
                possessive: bare.len() < raw.len(),
                range,
            }
        })
        .collect()
}

/// The byte ranges of the words of a text (see [`Word`]), allocating nothing. ASCII
/// bytes are read as bytes; only other characters are decoded.
fn raw_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    // The length of the word character at `i`, or 0 when there is none.
    let word_char = move |i: usize| -> usize {
        match bytes.get(i) {
            None => 0,
            Some(b) if b.is_ascii_alphanumeric() => 1,
            Some(b) if b.is_ascii() => 0,
            Some(_) => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .filter(|c| c.is_alphanumeric())
                .map_or(0, char::len_utf8),
        }
    };
    // The length of an apostrophe at `i` that stands between two word characters.
    let inner_apostrophe = move |i: usize| -> usize {
        let len = if bytes.get(i) == Some(&b'\'') {
            1
        } else if bytes.get(i..i + 3) == Some("\u{2019}".as_bytes()) {
            3
        } else {
            return 0;
        };
        if word_char(i + len) > 0 { len } else { 0 }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let n = word_char(i);
            if n == 0 {
                // Skip to the next character boundary.
                i += 1;
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            let start = i;
            i += n;
            loop {
                let n = word_char(i);
                let n = if n > 0 { n } else { inner_apostrophe(i) };
                if n == 0 {
                    break;
                }
                i += n;
            }
            return Some(start..i);
        }
        None
    })
}

/// A word without its possessive "'s" (kept when nothing else would be left).
fn strip_possessive(raw: &str) -> &str {
    for suffix in ["'s", "'S", "\u{2019}s", "\u{2019}S"] {
        if let Some(stem) = raw.strip_suffix(suffix)
            && stem.chars().count() > 1
        {
            return stem;
        }
    }
    raw
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

/// [`NOT_NAMES`] as a set: looked up for every capitalized word of the statements.
static NOT_NAME_SET: LazyLock<HashSet<&str>> =
    LazyLock::new(|| NOT_NAMES.iter().copied().collect());

/// True when a capitalized word is no name of a company, product or place: a word of
/// [`NOT_NAMES`] (a month, a day, an acronym of the trade), a quarter or a half
/// ("Q3", "H1"), or a number.
pub(crate) fn not_a_name(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    NOT_NAME_SET.contains(lower.as_str())
        || matches!(lower.as_str(), "q1" | "q2" | "q3" | "q4" | "h1" | "h2")
        || word.starts_with(|c: char| c.is_ascii_digit())
}

/// True for a word that starts sentences and is no name ("The", "In", "After").
pub(crate) fn is_starter(word: &str) -> bool {
    STARTER_SET.contains(word.to_lowercase().as_str())
}

/// [`STARTERS`] as a set.
static STARTER_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| STARTERS.iter().copied().collect());

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

/// The names among the words of some clauses of a document: capitalized words that
/// the document never writes in lower case, other than words that start sentences
/// ("The", "Over"), acronyms of the trade, months and days; and acronyms ("AWS",
/// "US", which is no "us"). Needs no fact base. A word taken for a name by mistake
/// only makes two statements harder to match, never easier. The work is one search
/// of the document's text for the lower-case forms of the clauses' capitalized words,
/// with packed (SIMD) searchers where the machine has them.
pub(crate) fn names_among<'c>(
    a: &Analysis<'_>,
    clauses: impl Iterator<Item = &'c str>,
) -> HashSet<String> {
    // The capitalized words, without repeats (their order does not matter).
    let mut capital: HashSet<String> = HashSet::default();
    let mut names: HashSet<String> = HashSet::default();
    for text in clauses {
        for r in raw_words(text) {
            let raw = strip_possessive(&text[r]);
            // "xAI", "iFlytek": a name in mixed case that starts lowercase.
            let mixed = raw.chars().next().is_some_and(char::is_lowercase)
                && raw.chars().skip(1).any(char::is_uppercase)
                && raw.chars().all(char::is_alphabetic);
            if mixed {
                names.insert(raw.to_lowercase());
                continue;
            }
            if !raw.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let upper = raw.chars().filter(|c| c.is_uppercase()).count();
            let mut lowers = raw.chars().filter(|c| c.is_lowercase());
            let acronym = upper >= 2
                && match (lowers.next(), lowers.next()) {
                    (None, _) => true,
                    // "GPUs"
                    (Some('s'), None) => raw.ends_with('s'),
                    _ => false,
                };
            let lower = raw.to_lowercase();
            if NOT_NAME_SET.contains(lower.as_str()) {
                continue;
            }
            if acronym {
                names.insert(lower);
            } else if !STARTER_SET.contains(lower.as_str()) {
                capital.insert(lower);
            }
        }
    }
    if capital.is_empty() {
        return names;
    }
    let capital: Vec<String> = capital.into_iter().collect();
    let mut seen = vec![false; capital.len()];
    // The texts of the claims, one after the other with a line break between two
    // (no byte of a word, so that no word runs from one into the next): each search
    // below is one pass over the document, not one per sentence.
    let mut all: Vec<u8> = Vec::with_capacity(a.claims.iter().map(|c| c.text.len() + 1).sum());
    for c in &a.claims {
        all.extend_from_slice(c.text.as_bytes());
        all.push(b'\n');
    }
    let t = all.as_slice();
    // A word of word bytes only, written as a token of its own: looked for with
    // packed searchers (Teddy); a word with an apostrophe ("o'neil") as it is.
    let (plain, odd): (Vec<usize>, Vec<usize>) =
        (0..capital.len()).partition(|&i| capital[i].bytes().all(word_byte));
    if !find_tokens(&capital, &plain, t, &mut seen) {
        tokens_among(&capital, &plain, t, &mut seen);
    }
    for &k in &odd {
        let w = capital[k].as_bytes();
        let mut from = 0;
        while let Some(at) = memchr::memmem::find(&t[from..], w) {
            let (s, e) = (from + at, from + at + w.len());
            if bounded(t, s, e) {
                seen[k] = true;
                break;
            }
            from = s + 1;
        }
    }
    names.extend(
        capital
            .into_iter()
            .zip(seen)
            .filter(|(_, seen)| !seen)
            .map(|(w, _)| w),
    );
    names
}

/// Marks in `seen` the words of `words` (indexes into `capital`, each of word bytes
/// only) that `t` holds as a whole token, with packed searchers of up to 32 words
/// each. False when a searcher cannot be built (no SIMD, or too many short
/// words): the caller then reads every token.
///
/// A searcher finds, at each place, the longest word that starts there, and moves on
/// past it. A token equal to a word is always found: no match that starts before the
/// token can run into it (a word holds no byte that ends a token), and at its start
/// no word is longer than the token itself.
fn find_tokens(capital: &[String], words: &[usize], t: &[u8], seen: &mut [bool]) -> bool {
    use aho_corasick::packed::{Config, MatchKind, Searcher};
    // A searcher tells its candidates by the first bytes its words share with the
    // text (up to four): short words get searchers of their own, so that "q3"
    // does not make every "an" of the text a candidate for "anthropic".
    let (long, short): (Vec<usize>, Vec<usize>) =
        words.iter().partition(|&&i| capital[i].len() >= 4);
    let mut searchers: Vec<(Searcher, &[usize])> = Vec::new();
    // Up to 32 words a searcher; 16 for the short ones (the crate builds no searcher
    // of more than 16 words when one of them is a single byte).
    for chunk in long.chunks(32).chain(short.chunks(16)) {
        let mut b = Config::new()
            .match_kind(MatchKind::LeftmostLongest)
            .builder();
        for &i in chunk {
            b.add(capital[i].as_bytes());
        }
        let Some(searcher) = b.build() else {
            return false;
        };
        searchers.push((searcher, chunk));
    }
    for (searcher, chunk) in &searchers {
        for m in searcher.find_iter(t) {
            if bounded(t, m.start(), m.end()) {
                seen[chunk[m.pattern().as_usize()]] = true;
            }
        }
    }
    true
}

/// [`find_tokens`] by reading every token of `t`: one pass over its bytes, a hash
/// lookup for each token of a length some word has.
fn tokens_among(capital: &[String], words: &[usize], t: &[u8], seen: &mut [bool]) {
    let mut tokens: foldhash::HashMap<&[u8], usize> = foldhash::HashMap::default();
    // The lengths of the words looked for, by first byte (a bit per length below
    // 64): most tokens are passed over without hashing.
    let mut lengths = [0u64; 256];
    for &i in words {
        let w = capital[i].as_bytes();
        tokens.insert(w, i);
        if let Some(&first) = w.first() {
            lengths[usize::from(first)] |= 1 << w.len().min(63);
        }
    }
    let mut i = 0;
    while i < t.len() {
        if !word_byte(t[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += t[i..]
            .iter()
            .position(|&b| !word_byte(b))
            .unwrap_or(t.len() - i);
        if lengths[usize::from(t[start])] & 1 << (i - start).min(63) != 0
            && let Some(&k) = tokens.get(&t[start..i])
        {
            seen[k] = true;
        }
    }
}

/// True when `t[s..e]` is not part of a longer word.
fn bounded(t: &[u8], s: usize, e: usize) -> bool {
    (s == 0 || !word_byte(t[s - 1])) && t.get(e).is_none_or(|&b| !word_byte(b))
}

/// A byte of a word: ASCII letters and digits, and every byte of a non-ASCII
/// character.
fn word_byte(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

/// [`word_byte`] as a table, for the loop over every byte of a document.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    t
};

/// Last words of company names that say what kind of company it is, not which one:
/// "Foo Technologies" and "Bar Technologies" are two companies.
const COMPANY_SUFFIXES: &[&str] = &[
    "technologies",
    "technology",
    "labs",
    "lab",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "group",
    "holdings",
    "capital",
    "ventures",
    "partners",
    "systems",
    "networks",
    "industries",
    "research",
    "robotics",
    "computing",
    "software",
    "international",
    "analytics",
    "solutions",
    "dynamics",
    "semiconductor",
    "semiconductors",
];

/// The names a sentence is about, each with the word as written ("Bedrock"): each
/// run of names ("Amazon Bedrock") counts as its last word, or as the word before
/// a company suffix ("Foo Technologies" as "foo"); sorted by the lowercase word,
/// without repeats.
pub(crate) fn anchors_as_written<'t>(
    text: &'t str,
    names: &HashSet<String>,
) -> Vec<(String, &'t str)> {
    let mut out: Vec<(String, &str)> = anchor_runs(text, names)
        .into_iter()
        .map(|(_, lower, raw)| (lower, raw))
        .collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Words before a name that make it a backer's or a label's, not the company a
/// valuation or a round is of ("led by Thrive Capital", "from Microsoft", "with
/// Nvidia", "investors including SoftBank", "its Series C").
const BACKER_BEFORE: &[&str] = &[
    "by",
    "from",
    "with",
    "backers",
    "backer",
    "investors",
    "investor",
    "including",
    "series",
    "the",
    "alongside",
    "joined",
];

/// The one company a valuation or a round's size at byte `at` of `text` (a clause) is
/// of: the nearest name before it that is not a backer's ("Thrive Capital led OpenAI's
/// round at a $157 billion valuation, with Microsoft" is OpenAI's).
/// A round's label ("Series C") is no company. None when no name before it qualifies
/// (the caller then keys by the clause's names, labels aside: see [`is_label_name`]).
pub(crate) fn company_of<'t>(
    text: &'t str,
    at: usize,
    names: &HashSet<String>,
) -> Option<(String, &'t str)> {
    let at = text.floor_char_boundary(at);
    let runs = anchor_runs(text, names);
    let qualifies = |r: &Range<usize>| {
        let before = &text[..r.start];
        let last = raw_words(before).last().map(|w| before[w].to_lowercase());
        let first = raw_words(&text[r.clone()])
            .next()
            .map(|w| text[r.start + w.start..r.start + w.end].to_lowercase());
        !last.is_some_and(|w| BACKER_BEFORE.contains(&w.as_str()))
            && !first.is_some_and(|w| is_label_name(&w))
            && !in_appositive(&text[..at.max(r.end)], r)
    };
    runs.iter()
        .rev()
        .find(|(r, _, _)| r.end <= at && qualifies(r))
        .map(|(_, lower, raw)| (lower.clone(), *raw))
}

/// True for a name that is a round's label, not a company ("Series" of "Series C").
pub(crate) fn is_label_name(lower: &str) -> bool {
    matches!(
        lower,
        "series" | "seed" | "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h"
    )
}

/// True when the name at `r` stands in an appositive that closes before the end of
/// `head` ("Hooli, a backer of Globex, is valued at"): it describes another name.
fn in_appositive(head: &str, r: &Range<usize>) -> bool {
    let Some(open) = head[..r.start].rfind(',') else {
        return false;
    };
    let lead = head[open + 1..r.start].trim_start().to_lowercase();
    let closes = head[r.end..].contains(',');
    closes
        && ["a ", "an ", "the ", "which ", "who ", "whose ", "itself "]
            .iter()
            .any(|w| lead.starts_with(w))
}

/// The runs of names of a text, in order: (byte range, the word that tells the name
/// from others, the name as written).
fn anchor_runs<'t>(text: &'t str, names: &HashSet<String>) -> Vec<(Range<usize>, String, &'t str)> {
    // One pass over the words; only the names among them are kept, as the current
    // run: (byte range, possessive, lowercase word).
    let mut out = Vec::new();
    let mut run: Vec<(Range<usize>, bool, String)> = Vec::new();
    let mut buf = String::new();
    for range in raw_words(text) {
        let raw = &text[range.clone()];
        let bare = strip_possessive(raw);
        let lower = if bare.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            buf.clear();
            if bare.is_ascii() {
                buf.extend(bare.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                buf.push_str(&bare.to_lowercase());
            }
            buf.as_str()
        } else {
            bare
        };
        let name = names.contains(lower);
        // A name continues the run after a name without a possessive, one space
        // away ("Amazon Bedrock", not "Amazon's Bedrock").
        let continues = name
            && run
                .last()
                .is_some_and(|(r, possessive, _)| !possessive && text[r.end..range.start] == *" ");
        if !continues {
            end_run(text, &mut run, &mut out);
        }
        if name {
            let possessive = bare.len() < raw.len();
            run.push((range, possessive, lower.to_string()));
        }
    }
    end_run(text, &mut run, &mut out);
    out
}

/// Adds a finished run of names to the anchors of [`anchors_as_written`], and
/// empties it.
fn end_run<'t>(
    text: &'t str,
    run: &mut Vec<(Range<usize>, bool, String)>,
    out: &mut Vec<(Range<usize>, String, &'t str)>,
) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let span = first.0.start..last.0.end;
    let raw = &text[span.clone()];
    let raw = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("\u{2019}s"))
        .filter(|_| last.1)
        .unwrap_or(raw);
    // The word that tells this name from others.
    let mut k = run.len() - 1;
    while k > 0 && COMPANY_SUFFIXES.contains(&run[k].2.as_str()) {
        k -= 1;
    }
    out.push((span, std::mem::take(&mut run[k].2), raw));
    run.clear();
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

    /// The names `names_among` finds among the words of `clause`, in a document of
    /// `body` (the clause is read from the body, as the rules do).
    fn names_in(body: &str, clause: &str) -> Vec<String> {
        let base = crate::facts::FactBase::load(Vec::new()).expect("an empty base");
        let doc = crate::read::markdown::scan(body);
        let a = Analysis::new(std::path::Path::new("t.md"), body, &doc, &base, None);
        let mut v: Vec<String> = names_among(&a, [clause].into_iter()).into_iter().collect();
        v.sort();
        v
    }

    #[test]
    fn a_capitalised_word_is_a_name_unless_written_in_lower_case_as_a_word() {
        let body = "Orchard and Apple and O'Hara and O'Neil and Été met AWS.\n\n\
                    An apple fell; the orchards grew; o'neil waved; un été passa; \
                    a pine-orchard stood.\n";
        let clause = "Orchard and Apple and O'Hara and O'Neil and Été met AWS.";
        // "apple", "o'neil", "été" and "orchard" (after a hyphen) are written in lower
        // case as words of their own; "orchards" is another word; acronyms are names
        // whatever the text writes; "and" and "met" are not capitalised.
        assert_eq!(names_in(body, clause), ["aws", "o'hara"]);
        let body = "Orchard grew.\n\nThe orchards grew.\n";
        assert_eq!(names_in(body, "Orchard grew."), ["orchard"]);
    }

    /// What the packed searchers and the token pass each find of `words` in `text`
    /// (the searchers' answer is `None` when they could not be built).
    fn both_find(words: &[&str], text: &str) -> (Option<Vec<bool>>, Vec<bool>) {
        let capital: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let all: Vec<usize> = (0..capital.len()).collect();
        let mut packed = vec![false; capital.len()];
        let built = find_tokens(&capital, &all, text.as_bytes(), &mut packed);
        let mut tokens = vec![false; capital.len()];
        tokens_among(&capital, &all, text.as_bytes(), &mut tokens);
        (built.then_some(packed), tokens)
    }

    #[test]
    fn the_packed_searchers_find_the_tokens_the_token_pass_finds() {
        let words = [
            "amazon",
            "anthropic",
            "open",
            "openai",
            "q3",
            "q4",
            "an",
            "ai",
            "été",
            "x",
        ];
        let cases: &[(&str, &[&str])] = &[
            // Inside longer words, and longer words inside: none is a token.
            ("amazonian openair anthropics reopen q34 tan aim", &[]),
            // Whole tokens, at the start and the end, beside punctuation and digits'
            // neighbours that end a word.
            ("amazon, (openai) q3-q4", &["amazon", "openai", "q3", "q4"]),
            ("x\nopen", &["open", "x"]),
            // "open" ends where "openai" would run on: only the longer is a token.
            ("openai", &["openai"]),
            ("opena open", &["open"]),
            // Word bytes: digits, `_` is not one, non-ASCII letters are.
            ("an_ ai1 1ai été étés", &["an", "été"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let (packed, tokens) = both_find(&words, text);
            let found: Vec<&str> = words
                .iter()
                .zip(&tokens)
                .filter(|(_, f)| **f)
                .map(|(w, _)| *w)
                .collect();
            let mut expected = expected.to_vec();
            expected.sort_unstable_by_key(|w| words.iter().position(|x| x == w));
            assert_eq!(found, expected, "the token pass, in {text:?}");
            // Where the machine has no packed searcher, the token pass is all there is.
            if cfg!(target_arch = "x86_64") {
                assert_eq!(packed.as_ref(), Some(&tokens), "the searchers, in {text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn packed_searchers_and_the_token_pass_agree(
            pieces in proptest::collection::vec(0usize..16, 0..60),
            chosen in proptest::collection::vec(0usize..12, 1..12),
        ) {
            const PIECES: [&str; 16] = [
                "amazon", "an", "q3", "open", "ai", " ", "\n", "-", "'", "1", "_", "é", "Amazon",
                "thropic", "opena", ".",
            ];
            const WORDS: [&str; 12] = [
                "amazon", "an", "q3", "open", "openai", "ai", "anthropic", "é", "ana", "q",
                "amazonan", "thropic",
            ];
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let mut words: Vec<&str> = chosen.iter().map(|&i| WORDS[i]).collect();
            words.sort_unstable();
            words.dedup();
            let (packed, tokens) = both_find(&words, &text);
            if let Some(packed) = packed {
                proptest::prop_assert_eq!(packed, tokens, "{:?} in {:?}", words, text);
            }
        }
    }

    #[test]
    fn statements_split_at_while_and_semicolons_not_at_brackets() {
        let t = "Amazon Bedrock (AWS's service) has 100,000 customers, while Azure has 90,000; \
                 Vertex has 5,000";
        let breaks = statement_breaks(t);
        let at = |w: &str| t.find(w).expect("in the text");
        let clause = |w: &str| &t[clause_between(breaks.iter().cloned(), t.len(), at(w))];
        assert_eq!(
            clause("100,000"),
            "Amazon Bedrock (AWS's service) has 100,000 customers, "
        );
        assert_eq!(clause("90,000"), " Azure has 90,000");
        assert_eq!(clause("5,000"), " Vertex has 5,000");
    }

    #[test]
    fn words_drop_possessives_and_keep_inner_apostrophes() {
        let ws = words("Amazon's AWS-Anthropic deal isn't 4.5x");
        let lw: Vec<&str> = ws.iter().map(|w| &*w.lower).collect();
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
    fn words_of_any_script_and_punctuation() {
        let t = "Bedrock—AWS’s «Claude» n’est pas 3,5x; co-op café’s";
        let ws: Vec<&str> = raw_words(t).map(|r| &t[r]).collect();
        assert_eq!(
            ws,
            [
                "Bedrock",
                "AWS’s",
                "Claude",
                "n’est",
                "pas",
                "3",
                "5x",
                "co",
                "op",
                "café’s"
            ]
        );
        assert_eq!(raw_words("'’—").count(), 0);
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
    fn quotations_straight_and_curly() {
        let at = |t: &str, w: &str| in_quotes(t, t.find(w).expect("the word is in the text"));
        let t = r#"He said "it cost $4 billion" and paid $2 billion."#;
        assert!(at(t, "$4"));
        assert!(!at(t, "$2"));
        let t = "She said \u{201c}it cost $4 billion\u{201d} and paid $2 billion.";
        assert!(at(t, "$4"));
        assert!(!at(t, "$2"));
        // Apostrophes and dashes share the curly quotes' first two bytes.
        let t = "Amazon\u{2019}s deal \u{2014} worth $4 billion \u{2013} closed.";
        assert!(!at(t, "$4"));
        assert!(!in_quotes(t, t.len()));
        assert!(in_quotes("\"open", 5));
    }

    #[test]
    fn words_in_any_ascii_case() {
        assert!(contains_ignore_ascii_case("a Total of", b"total"));
        assert!(contains_ignore_ascii_case("TOTAL", b"total"));
        assert!(contains_ignore_ascii_case(
            "the cumulative sum",
            b"cumulative"
        ));
        assert!(!contains_ignore_ascii_case("tota l", b"total"));
        assert!(!contains_ignore_ascii_case("tot", b"total"));
        assert!(!contains_ignore_ascii_case("", b"total"));
        assert!(contains_ignore_ascii_case("anything", b""));
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
