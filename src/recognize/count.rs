//! Counts: plain numbers that are not money, percentages or dates ("100,000",
//! "100K", "3 million", "3M", "1.5 billion"), and number words before a plural noun
//! ("two tranches", "a dozen startups"), with hedges ("over 100,000").
//!
//! What is deliberately not a count:
//! - numbers glued to letters, identifiers or versions: `H100`, `GPT-4`, `v5p`,
//!   `8x7B`, `405B`, `3x`, `A100`, `1st`, `3.5.1`, `24/7`, `1/5`, `9/11`, `10:30`;
//! - a decimal without a scale word ("Claude 3.5", "Gemini 1.5"): counts of things
//!   are whole, so a bare decimal is almost always a version;
//! - a bare number right after a capitalised word in mid-sentence ("Meta's Llama 3",
//!   "Figure 2", "on November 22"): that is a name or a partial date;
//! - a Markdown list marker ("1. ", "2) " at a line start), a footnote ("[1]"), a
//!   two-digit year ("'24") and a number in a compound word ("10-K", "5-year");
//! - `B` glued to a number ("70B" is a model size); `K`, `k` and `M` are scales.
//!
//! Number words are only read before a lowercase word ending in "s" (a plural noun,
//! roughly: "two tranches", "three rounds"), so "one of the" and "one" as a pronoun
//! are not counts. Common non-nouns ending in "s" ("is", "was", "has", "this", ...)
//! do not count. [`parse_word`] reads a lone number word ("two") for whole strings.

use std::sync::LazyLock;

use super::anchor::{Finder, Index};
use super::hedge::hedge_before;
use super::number::{
    NUM, Num, SP1, glued_left, glued_right, next2, num_prefix_len, prev_char, scale_exp,
};
use super::{Candidate, Rank, hedged, hedged_with};
use crate::base::value::{Hedge, Quantity, Value};

/// Number words, longest first where one is a prefix of another.
const WORDS: &[(&str, f64)] = &[
    ("a dozen", 12.0),
    ("a hundred", 100.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Lowercase words ending in "s" that are not plural nouns.
const NOT_NOUNS: &[&str] = &[
    "is",
    "was",
    "has",
    "his",
    "its",
    "this",
    "thus",
    "as",
    "us",
    "yes",
    "plus",
    "less",
    "unless",
    "always",
    "perhaps",
    "across",
    "whereas",
    "besides",
    "afterwards",
    "towards",
    "does",
    "goes",
    "says",
    "makes",
    "takes",
    "gets",
    "gives",
    "seems",
    "remains",
    "becomes",
];

struct Counts {
    /// Numbers, with a scale: every match holds a digit.
    numbers: Finder,
    /// Number words before a plural noun (no digit: searched at `Index::words`).
    words: Finder,
}

/// The two alternatives of the count pattern: a number with its scale, and a number
/// word with its noun.
fn patterns() -> (String, String) {
    let mut words: Vec<&str> = WORDS.iter().map(|(w, _)| *w).collect();
    // Longest first, so "eighteen" is tried before "eight".
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let words = words.join("|").replace(' ', SP1);
    (
        format!(
            r"(?:{NUM})\+?(?:{SP1}?(?i:thousand|million|billion|trillion|bn|mn|tn)(?-u:\b)|[Kk](?-u:\b)|M(?-u:\b))?\+?"
        ),
        format!(r"(?i:{words}){SP1}[a-z]{{2,}}s(?-u:\b)"),
    )
}

static COUNTS: LazyLock<Counts> = LazyLock::new(|| {
    let (numbers, words) = patterns();
    Counts {
        // Every number starts at the start of a word.
        numbers: Finder::new(&[format!(r"(?-u:\b)(?:{numbers})")], 0),
        words: Finder::new(&[format!(r"(?-u:\b)(?:{words})")], 0),
    }
});

/// The value of a number word ("Two", "a dozen"), any case, any inner whitespace.
fn word_value(w: &str) -> Option<f64> {
    let mut parts = w.split_whitespace();
    let first = parts.next()?;
    let key = match (parts.next(), parts.next()) {
        (None, _) => first.to_ascii_lowercase(),
        (Some(second), None) => format!("{} {}", first, second).to_ascii_lowercase(),
        _ => return None,
    };
    WORDS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// True when a bare number at `start` follows a capitalised word in mid-sentence
/// ("Meta's Llama 3", "Figure 2", "on November 22"): a name, not a count.
fn after_name(text: &str, start: usize) -> bool {
    let Some(head) = text.get(..start) else {
        return false;
    };
    let mut chars = head.char_indices().rev().peekable();
    // Exactly one run of spaces (no line break) between the word and the number.
    let mut gap = 0;
    while chars
        .next_if(|(_, c)| *c == ' ' || *c == '\u{a0}')
        .is_some()
    {
        gap += 1;
    }
    if gap == 0 {
        return false;
    }
    let mut first = None;
    let mut len = 0;
    while let Some((_, c)) = chars.next_if(|(_, c)| c.is_alphanumeric()) {
        first = Some(c);
        len += 1;
        if len > 64 {
            return false;
        }
    }
    if !first.is_some_and(char::is_uppercase) {
        return false;
    }
    // What comes before the word, spaces skipped: a letter, digit or comma means the
    // word is in mid-sentence (so capitalised because it is a name).
    for (_, c) in chars {
        if c == ' ' || c == '\u{a0}' {
            continue;
        }
        return c.is_alphanumeric() || matches!(c, ',' | '\'' | '’');
    }
    false
}

/// True for "1." or "2)" at the start of a line: a list marker. At the start of a
/// sentence too ("… in Anthropic. 0. "), where a line break inside a paragraph was
/// read as a space: the same number alone on its line would be a marker, and the
/// sentence reads the same either way.
fn list_marker(text: &str, start: usize, end: usize) -> bool {
    let line_start = text.get(..start).is_some_and(|h| {
        let h = h.trim_end_matches([' ', '\t']);
        h.ends_with('\n')
            || h.trim().is_empty()
            || (h.len() < start && h.ends_with(['.', '!', '?']))
    });
    let (a, b) = next2(text, end);
    line_start && matches!(a, Some('.' | ')')) && b.is_none_or(|c| c == ' ' || c == '\t')
}

/// Appends a candidate for every count in `text`.
///
/// The regexes only find where a count may be (no capture groups); the match is then
/// split by hand, which is much cheaper per number. Numbers are searched for only
/// where they start (see [`Finder`]), number words where a word is one (a match of
/// one kind never overlaps one of the other: numbers and their scales hold no number
/// word, number words and their nouns no digit).
pub(crate) fn find(text: &str, out: &mut Vec<Candidate>) {
    find_in(text, &Index::new(text), false, out);
}

/// [`find`], with the text's [`Index`]: a number starts a word. With `hedge_later`,
/// the hedge words of a candidate that survives whatever they are are left for
/// [`Candidate::settle_hedge`].
pub(crate) fn find_in(text: &str, idx: &Index, hedge_later: bool, out: &mut Vec<Candidate>) {
    let c = &*COUNTS;
    let first = out.len();
    let mut scratch = c.numbers.scratch();
    let cache = &mut scratch.cache;
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = c.numbers.find(cache, text, &idx.numbers, &idx.digits, pos) else {
            break;
        };
        pos = on_match(text, m.start, m.end, hedge_later, out);
    }
    let mut scratch = c.words.scratch();
    let cache = &mut scratch.cache;
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = c.words.find_at_starts(cache, text, &idx.words, pos) else {
            break;
        };
        pos = on_match(text, m.start, m.end, hedge_later, out);
    }
    // In text order, as one search finds them (no two share a start).
    out[first..].sort_by_key(|c| c.span.start);
}

/// [`find`] as it was written first: one regex, the regex crate's unanchored search
/// over the whole text. The tests check that both find the same.
#[cfg(test)]
pub(crate) fn find_unanchored(text: &str, out: &mut Vec<Candidate>) {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        let (numbers, words) = patterns();
        regex::Regex::new(&format!(r"(?-u:\b)(?:{numbers}|{words})")).expect("valid")
    });
    let re = &*RE;
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = re.find_at(text, pos) else {
            break;
        };
        pos = on_match(text, m.start(), m.end(), false, out);
    }
}

/// Turns the match `start..end` into a candidate, if it is one; returns where the
/// search goes on.
fn on_match(
    text: &str,
    start: usize,
    end: usize,
    hedge_later: bool,
    out: &mut Vec<Candidate>,
) -> usize {
    let mut pos = end.max(start + 1);
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    let slice = &text[start..end];
    if !slice.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        // A number word and its plural noun: "two tranches".
        let Some((word, noun)) = slice.rsplit_once(|c: char| c.is_whitespace()) else {
            return pos;
        };
        let word = word.trim_end();
        let we = start + word.len();
        // Resume right after the word so the noun can still be scanned.
        if NOT_NOUNS.contains(&noun) {
            return we;
        }
        let Some(v) = word_value(word) else {
            return we;
        };
        let mention = hedged(text, start..we, Quantity::point(v, 1.0), None, Value::Count);
        out.push(Candidate::mention(Rank::Count, mention));
        return we;
    }
    let ns = start;
    let num_len = num_prefix_len(slice.as_bytes());
    let Some(num) = slice.get(..num_len).and_then(Num::parse) else {
        return pos;
    };
    // What the pattern allows after the number: `+`, a scale, `+`.
    let rest = slice.get(num_len..).unwrap_or("");
    let plus = rest.contains('+');
    let scale = scale_exp(rest.trim_matches('+'));
    let (after, after2) = next2(text, end);
    if glued_left(text, ns)
        || glued_right(text, end)
        || matches!(prev_char(text, ns), Some('[' | '\'' | '’'))
        || after == Some(']')
        // "10-K", "5-year", "3-for-1": a compound word, not a count of things.
        || (matches!(after, Some('-' | '‑')) && after2.is_some_and(char::is_alphanumeric))
    {
        return pos;
    }
    if scale.is_none() && num.has_decimals() {
        return pos;
    }
    // A bare number after a name or as a list marker is no count, unless hedged:
    // only then do the hedge words decide whether it is a candidate.
    let hedge_decides = scale.is_none() && (after_name(text, ns) || list_marker(text, ns, end));
    let later = hedge_later && !hedge_decides;
    let hedge = if later { None } else { hedge_before(text, ns) };
    if hedge_decides && hedge.is_none() {
        return pos;
    }
    let (v, p) = num.scaled(scale.unwrap_or(0));
    let mention = hedged_with(
        hedge,
        ns..end,
        Quantity::point(v, p),
        plus.then_some(Hedge::AtLeast),
        Value::Count,
    );
    out.push(if later {
        Candidate::count_hedged_later(mention)
    } else {
        Candidate::mention(Rank::Count, mention)
    });
    pos
}

/// A whole string that is one number word, possibly hedged ("two", "about twelve",
/// "a dozen"); `None` otherwise.
pub(crate) fn parse_word(s: &str) -> Option<Quantity> {
    let lower = s.to_ascii_lowercase();
    for (w, v) in WORDS {
        let Some(start) = lower.len().checked_sub(w.len()) else {
            continue;
        };
        if lower.get(start..) != Some(*w) {
            continue;
        }
        let q = Quantity::point(*v, 1.0);
        if start == 0 {
            return Some(q);
        }
        if let Some((h, r)) = hedge_before(s, start)
            && r.start == 0
        {
            return Some(q.with_hedge(h));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::Mention;
    use super::*;

    fn all(text: &str) -> Vec<Mention> {
        let mut c = Vec::new();
        find(text, &mut c);
        c.into_iter().filter_map(|c| c.mention).collect()
    }

    /// Asserts that `text` holds exactly one count with these properties.
    #[track_caller]
    fn check(text: &str, span: &str, value: f64, precision: f64, hedge: Hedge) {
        let ms = all(text);
        assert_eq!(ms.len(), 1, "{text:?} gave {ms:?}");
        let m = &ms[0];
        assert_eq!(&text[m.span.clone()], span, "span of {text:?}");
        let Value::Count(q) = m.value else {
            panic!("not a count: {m:?}");
        };
        let tol = 1e-9 * value.abs().max(1.0);
        assert!(
            (q.low - value).abs() < tol,
            "{text:?}: {} vs {value}",
            q.low
        );
        assert_eq!(q.low, q.high);
        assert!(
            (q.precision - precision).abs() < 1e-9 * precision,
            "{text:?}: precision {} vs {precision}",
            q.precision
        );
        assert_eq!(q.hedge, hedge, "hedge of {text:?}");
    }

    #[test]
    fn digits_and_scales() {
        check("100,000", "100,000", 1e5, 1.0, Hedge::Exact);
        check("100K users", "100K", 1e5, 1e3, Hedge::Exact);
        check("100k users", "100k", 1e5, 1e3, Hedge::Exact);
        check("3 million users", "3 million", 3e6, 1e6, Hedge::Exact);
        check("3M users", "3M", 3e6, 1e6, Hedge::Exact);
        check("3M.", "3M", 3e6, 1e6, Hedge::Exact);
        check("1.5 billion", "1.5 billion", 1.5e9, 1e8, Hedge::Exact);
        check("4 billion", "4 billion", 4e9, 1e9, Hedge::Exact);
        check("hired 500 engineers", "500", 500.0, 1.0, Hedge::Exact);
        check("10,000+ GPUs", "10,000+", 1e4, 1.0, Hedge::AtLeast);
    }

    #[test]
    fn hedged_counts() {
        check(
            "Over 100,000 customers",
            "100,000",
            1e5,
            1.0,
            Hedge::MoreThan,
        );
        check("over 50,000 customers", "50,000", 5e4, 1.0, Hedge::MoreThan);
        check("more than 100,000", "100,000", 1e5, 1.0, Hedge::MoreThan);
        check("nearly 100,000", "100,000", 1e5, 1.0, Hedge::Nearly);
        check("up to 2 million", "2 million", 2e6, 1e6, Hedge::UpTo);
        let t = "Over 100,000 customers";
        assert_eq!(&t[all(t)[0].hedge_span.clone().expect("hedge")], "Over");
    }

    #[test]
    fn number_words_before_plural_nouns() {
        check("two tranches", "two", 2.0, 1.0, Hedge::Exact);
        check("in three rounds", "three", 3.0, 1.0, Hedge::Exact);
        check("Twelve investors", "Twelve", 12.0, 1.0, Hedge::Exact);
        check("eighteen startups", "eighteen", 18.0, 1.0, Hedge::Exact);
        check("a dozen startups", "a dozen", 12.0, 1.0, Hedge::Exact);
        // "two dozen" is not read (only "a dozen" is).
        assert!(all("more than two dozen startups").is_empty());
        check("over forty deals", "forty", 40.0, 1.0, Hedge::MoreThan);
        assert!(all("one of the labs").is_empty());
        assert!(all("the one is").is_empty());
        assert!(all("someone twos").is_empty());
        assert!(all("often ones").is_empty());
        assert!(all("two AI labs").is_empty());
    }

    #[test]
    fn lone_number_words_parse_as_whole_strings() {
        assert_eq!(parse_word("two"), Some(Quantity::point(2.0, 1.0)));
        assert_eq!(parse_word("Twelve"), Some(Quantity::point(12.0, 1.0)));
        assert_eq!(parse_word("a dozen"), Some(Quantity::point(12.0, 1.0)));
        assert_eq!(
            parse_word("about twenty"),
            Some(Quantity::point(20.0, 1.0).with_hedge(Hedge::About))
        );
        assert_eq!(parse_word("network"), None);
        assert_eq!(parse_word("the two"), None);
        assert_eq!(parse_word(""), None);
    }

    #[test]
    fn identifiers_are_not_counts() {
        for t in [
            "H100",
            "GPT-4",
            "v5p",
            "8x7B",
            "405B",
            "Claude 3.5",
            "3x",
            "2x",
            "A100",
            "1st",
            "21st",
            "24/7",
            "1/5",
            "9/11",
            "3.5.1",
            "10:30",
            "[1]",
            "Gemini 1.5",
            "70B",
            "Meta's Llama 3 model",
            "see Figure 2 below",
            "on November 22 the",
            "#1",
            "$5",
            "1.5",
            "'24",
            "a 10-K filing",
            "a 5-year deal",
        ] {
            assert!(all(t).is_empty(), "{t:?} gave {:?}", all(t));
        }
    }

    #[test]
    fn list_markers_are_not_counts() {
        assert!(all("1. First point").is_empty());
        assert!(all("intro\n  2) Second").is_empty());
        check("It was 1. Then", "1", 1.0, 1.0, Hedge::Exact);
    }

    #[test]
    fn sentence_initial_capitals_do_not_hide_counts() {
        check("The 500 engineers", "500", 500.0, 1.0, Hedge::Exact);
        check("It ended. Some 500 left", "500", 500.0, 1.0, Hedge::About);
    }
}
