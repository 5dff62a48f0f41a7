//! Numbers written in words: amounts, counts and fractions that hold no digit.
//!
//! What is read, and as what (issue 25, item 1):
//! - a cardinal with a scale word, by the `text2num` crate ("four billion", "twenty-five
//!   million", "one hundred thousand"), and "a"/"an" before a scale ("a billion"): a
//!   count, precise to the unit of its last word ("four billion" as "4 billion" is, to
//!   1e9);
//! - "one and a half billion" (1.5e9, precise to 1e8, as "1.5 billion"), "half a
//!   billion" (5e8), "a quarter of a billion" (2.5e8), "three quarters of a billion";
//! - plural multipliers before "of", as intervals from two to ten of them: "dozens of"
//!   (24–119), "tens of thousands of" (20,000–99,999), "hundreds of thousands of"
//!   (200,000–999,999), "hundreds of millions of" (2e8–999,999,999);
//! - any of these followed by a currency ("dollars", "US dollars", "euros", "pounds",
//!   or "of dollars" after a plural) is money instead; as with digits, an amount needs
//!   its currency: "invested four billion in" is a count, as "invested 4 billion in" is;
//! - fractions as percentages: "two-thirds" (written with its hyphen), and "a third of",
//!   "two thirds of" before a word ("a third of its revenue"), read as the fraction
//!   with the looseness of a round figure (precise to 5 points: "a third" is 30.8–35.8 %);
//! - "single-digit", "double-digit" and "triple-digit" before a word of change
//!   ("growth", "gains", "decline", …), and "double digits": the interval of
//!   percentages they name (10–99 % for "double-digit").
//!
//! Hedge words before the phrase bound it as they bound digits ("over half a
//! million").
//!
//! What is deliberately not read: a compound adjective ("a million-dollar deal",
//! "a four-billion-dollar round"), "one in a million", a fraction before a number or
//! without "of" ("a third of 2024", "a third round"), ordinals ("first"), and a bare
//! number word without a scale ("one of the"): number words before a plural noun
//! ("three tiers", "a dozen models", "the two companies") are read by the count
//! recognizer, as digits before a noun are ("the 2 companies").

use std::ops::Range;
use std::sync::LazyLock;

use super::{Candidate, Rank, hedged};
use crate::base::value::{Currency, Quantity, Value};

/// The English interpreter of `text2num` (stateless, built once).
static ENGLISH: LazyLock<text2num::Language> = LazyLock::new(text2num::Language::english);

/// The most words a phrase spans ("hundreds of millions of US dollars" is six).
const MAX_TOKENS: usize = 12;

/// A word of the text: ASCII letters, with hyphens inside ("twenty-five").
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    start: usize,
    end: usize,
}

/// The words from `start` on, as long as they are separated by white space only (at
/// most four spaces, at most one line break): punctuation ends the run.
struct Toks<'t> {
    text: &'t str,
    toks: [Tok; MAX_TOKENS],
    len: usize,
}

impl<'t> Toks<'t> {
    fn read(text: &'t str, start: usize) -> Toks<'t> {
        let b = text.as_bytes();
        let mut toks = [Tok::default(); MAX_TOKENS];
        let mut len = 0;
        let mut i = start;
        while len < MAX_TOKENS {
            if len > 0 {
                // The gap before the next word.
                let mut spaces = 0;
                let mut breaks = 0;
                loop {
                    match b.get(i..) {
                        Some([b' ' | b'\t', ..]) => i += 1,
                        Some([0xC2, 0xA0, ..]) => i += 2,
                        Some([0xE2, 0x80, 0xAF, ..]) => i += 3,
                        Some([b'\r', b'\n', ..]) => {
                            i += 2;
                            breaks += 1;
                        }
                        Some([b'\n', ..]) => {
                            i += 1;
                            breaks += 1;
                        }
                        _ => break,
                    }
                    spaces += 1;
                }
                if spaces == 0 || spaces > 9 || breaks > 1 {
                    break;
                }
            }
            let s = i;
            while i < b.len()
                && (b[i].is_ascii_alphabetic()
                    || (b[i] == b'-' && i > s && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
            {
                i += 1;
            }
            if i == s {
                break;
            }
            // A word glued to a digit ("a100") is no word of ours: it ends the run.
            if b.get(i).is_some_and(|&c| c.is_ascii_digit() || c == b'_') {
                break;
            }
            toks[len] = Tok { start: s, end: i };
            len += 1;
        }
        Toks { text, toks, len }
    }

    /// Word `i`, or "" past the run.
    fn word(&self, i: usize) -> &'t str {
        if i < self.len {
            let t = self.toks[i];
            &self.text[t.start..t.end]
        } else {
            ""
        }
    }

    /// True when word `i` is `w` in any case.
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    /// True when word `i` is one of `ws` in any case.
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(i, w))
    }

    /// The span from the start of word `a` to the end of word `b`.
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].start..self.toks[b].end
    }
}

/// A scale word and its value.
fn scale(w: &str) -> Option<f64> {
    let l = w.to_ascii_lowercase();
    Some(match l.as_str() {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A plural multiplier before "of" ("dozens of", "hundreds of") and its unit.
fn plural(w: &str) -> Option<f64> {
    let l = w.to_ascii_lowercase();
    Some(match l.as_str() {
        "dozens" => 12.0,
        "tens" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// The cardinal words `text2num` is asked about (the rest end a cardinal).
const CARDINALS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
];

/// True for a word made of cardinal words ("four", "twenty-five").
fn cardinal_word(w: &str) -> bool {
    !w.is_empty()
        && w.split('-')
            .all(|p| CARDINALS.iter().any(|c| c.eq_ignore_ascii_case(p)))
}

/// The value of a fraction's denominator, singular or plural.
fn denominator(w: &str) -> Option<(f64, bool)> {
    let l = w.to_ascii_lowercase();
    let (stem, plural) = match l.strip_suffix('s') {
        Some(s) if s != "tenth" || l == "tenths" => (s.to_string(), true),
        _ => (l.clone(), false),
    };
    let d = match stem.as_str() {
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "eighth" => 8.0,
        "tenth" => 10.0,
        _ => return None,
    };
    Some((d, plural))
}

/// The numerator of a fraction: "a", "one" (singular denominators), "two" to "nine".
fn numerator(w: &str) -> Option<f64> {
    let l = w.to_ascii_lowercase();
    Some(match l.as_str() {
        "a" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "seven" => 7.0,
        "nine" => 9.0,
        _ => return None,
    })
}

/// A fraction "n/d" as written ("two-thirds", "a third"): its percentage, or `None`
/// when the words do not agree ("one thirds", "two third") or it is not below one.
fn fraction(num: &str, den: &str) -> Option<f64> {
    let n = numerator(num)?;
    let (d, plural) = denominator(den)?;
    ((n > 1.0) == plural && n < d).then_some(n / d * 100.0)
}

/// How precise a fraction read as a percentage is: a round figure, ±2.5 points.
const FRACTION_PRECISION: f64 = 5.0;

/// Words of change after "double-digit" and its kin.
const CHANGES: &[&str] = &[
    "growth",
    "gain",
    "gains",
    "increase",
    "increases",
    "rise",
    "rises",
    "jump",
    "jumps",
    "decline",
    "declines",
    "drop",
    "drops",
    "percent",
    "percentage",
    "margin",
    "margins",
    "returns",
];

/// The currency after an amount in words: "dollars", "US dollars", "euros", "pounds"
/// at word `i`; the currency and the last word it spans.
fn currency_at(t: &Toks<'_>, i: usize) -> Option<(Currency, usize)> {
    if t.is_any(i, &["dollars", "dollar"]) {
        return Some((Currency::Usd, i));
    }
    if t.is_any(i, &["US", "American"]) && t.is_any(i + 1, &["dollars", "dollar"]) {
        return Some((Currency::Usd, i + 1));
    }
    if t.is_any(i, &["euros", "euro"]) {
        return Some((Currency::Eur, i));
    }
    if t.is(i, "pounds") {
        return Some((Currency::Gbp, i));
    }
    None
}

/// An amount read from words `0..=last`: its value and precision.
struct Read {
    last: usize,
    value: f64,
    precision: f64,
    /// An interval from `value` to `high` ("hundreds of millions").
    high: Option<f64>,
    /// A plural read ("dozens of"): a currency after it is "of dollars".
    plural: bool,
}

/// The cardinal at words `from..`, by `text2num`: the longest run of cardinal words it
/// reads as one number, with "and a half" before a scale word; `implied_one` reads
/// "a"/"an" before the run ("a billion", "a hundred million").
fn cardinal(t: &Toks<'_>, from: usize, implied_one: bool) -> Option<Read> {
    let mut n = 0;
    while from + n < t.len && cardinal_word(t.word(from + n)) {
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let mut words: Vec<String> = Vec::with_capacity(n + 1);
    if implied_one {
        words.push("one".into());
    }
    words.extend((from..from + n).map(|i| t.word(i).to_ascii_lowercase()));
    let lead = usize::from(implied_one);
    // The longest run `text2num` reads whole.
    let (k, value) = (1..=n).rev().find_map(|k| {
        let s = words[..lead + k].join(" ");
        let digits = text2num::text2digits(&s, &*ENGLISH).ok()?;
        let v: f64 = digits.parse().ok()?;
        Some((k, v))
    })?;
    let mut last = from + k - 1;
    let unit = |w: &str| {
        scale(w.rsplit('-').next().unwrap_or(w)).or_else(|| {
            w.rsplit('-')
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case("hundred"))
                .then_some(100.0)
        })
    };
    let mut precision = unit(t.word(last)).unwrap_or(1.0);
    let mut value = value;
    // "one and a half billion": the half of the scale after it.
    if t.is(last + 1, "and")
        && t.is(last + 2, "a")
        && t.is(last + 3, "half")
        && let Some(s) = scale(t.word(last + 4))
        && precision == 1.0
    {
        value = (value + 0.5) * s;
        precision = s / 10.0;
        last += 4;
    }
    // A scale inside a longer cardinal ("two hundred million"): precise to its unit.
    if precision == 100.0 {
        precision = 1.0;
    }
    let has_scale = (from..=last).any(|i| t.word(i).split('-').any(|p| scale(p).is_some()));
    if !has_scale && currency_at(t, last + 1).is_none() {
        return None;
    }
    Some(Read {
        last,
        value,
        precision,
        high: None,
        plural: false,
    })
}

/// The amount or count at the start of `t`, if its first word starts one.
fn amount(t: &Toks<'_>) -> Option<Read> {
    let w0 = t.word(0);
    // "dozens of", "tens of thousands of", "hundreds of millions of".
    if let Some(unit) = plural(w0)
        && t.is(1, "of")
        && !t.word(2).is_empty()
    {
        let mut unit = unit;
        let mut last = 0;
        while let Some(s) = plural(t.word(last + 2)).filter(|&s| s >= 1e3 && s > unit)
            && t.is(last + 1, "of")
        {
            unit *= s;
            last += 2;
        }
        return Some(Read {
            last,
            value: 2.0 * unit,
            precision: 1.0,
            high: Some(10.0 * unit - 1.0),
            plural: true,
        });
    }
    // "half a billion".
    if w0.eq_ignore_ascii_case("half")
        && t.is_any(1, &["a", "an"])
        && let Some(s) = scale(t.word(2))
    {
        return Some(Read {
            last: 2,
            value: 0.5 * s,
            precision: s / 10.0,
            high: None,
            plural: false,
        });
    }
    // "a quarter of a billion", "three quarters of a billion".
    let quarters = if t.is(0, "a") && t.is(1, "quarter") {
        Some((0.25, 1))
    } else if t.is(0, "three") && t.is(1, "quarters") {
        Some((0.75, 1))
    } else if t.is(0, "three-quarters") {
        Some((0.75, 0))
    } else {
        None
    };
    if let Some((f, q)) = quarters
        && t.is(q + 1, "of")
        && t.is(q + 2, "a")
        && let Some(s) = scale(t.word(q + 3))
    {
        return Some(Read {
            last: q + 3,
            value: f * s,
            precision: s / 100.0,
            high: None,
            plural: false,
        });
    }
    // "a billion", "a hundred million".
    if t.is_any(0, &["a", "an"]) {
        let next = t.word(1);
        if scale(next).is_some() || next.eq_ignore_ascii_case("hundred") {
            // The span starts at "a".
            return cardinal(t, 1, true);
        }
        return None;
    }
    cardinal(t, 0, false)
}

/// A fraction as a percentage at the start of `t`: "two-thirds", "a third of its".
fn fraction_at(t: &Toks<'_>) -> Option<(usize, f64)> {
    let w0 = t.word(0);
    if let Some((n, d)) = w0.split_once('-')
        && !d.contains('-')
        && let Some(p) = fraction(n, d)
    {
        return Some((0, p));
    }
    let p = fraction(w0, t.word(1))?;
    // Before "of" and a word that is no number ("a third of its revenue", not "a
    // third of 2024", not "a quarter of a billion").
    let next = t.word(3);
    (t.is(2, "of") && !next.is_empty() && !t.is_any(3, &["a", "an"]) && !cardinal_word(next))
        .then_some((1, p))
}

/// "double-digit growth", "double digits": the interval of percentages.
fn digits_at(t: &Toks<'_>) -> Option<(usize, f64, f64)> {
    let w0 = t.word(0).to_ascii_lowercase();
    let range = |w: &str| match w {
        "single" => Some((1.0, 9.0)),
        "double" => Some((10.0, 99.0)),
        "triple" => Some((100.0, 999.0)),
        _ => None,
    };
    if let Some((kind, rest)) = w0.split_once('-')
        && rest == "digit"
        && let Some((lo, hi)) = range(kind)
        && t.is_any(1, CHANGES)
    {
        return Some((0, lo, hi));
    }
    let (lo, hi) = range(&w0)?;
    t.is(1, "digits").then_some((1, lo, hi))
}

/// True when the text before `start` makes the phrase at `start` something else:
/// "one in a million", or a word glued before it (`$`, a hyphen, a letter).
fn blocked_before(text: &str, start: usize) -> bool {
    let head = &text.as_bytes()[..start];
    if head
        .last()
        .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'$' | b'_'))
    {
        return true;
    }
    let n = head.len();
    n >= 7 && head[n - 7..].eq_ignore_ascii_case(b"one in ")
}

/// Appends a candidate for every number in words of `text`, searched at the places
/// of `idx.words` that no money candidate of `out` covers already.
pub(crate) fn find_in(text: &str, starts: &[usize], out: &mut Vec<Candidate>) {
    // Money read from digits is sorted by start; its spans are not read again.
    let money: Vec<Range<usize>> = out
        .iter()
        .filter(|c| c.rank == Rank::Money)
        .map(|c| c.span.clone())
        .collect();
    let mut next_free = 0;
    for &s in starts {
        if s < next_free || !text.as_bytes()[s].is_ascii_alphabetic() {
            continue;
        }
        if money.iter().any(|m| m.start <= s && s < m.end) || blocked_before(text, s) {
            continue;
        }
        let t = Toks::read(text, s);
        if t.len == 0 {
            continue;
        }
        if let Some(c) = candidate(text, &t) {
            next_free = c.span.end;
            out.push(c);
        }
    }
}

/// The candidate whose phrase starts with the first word of `t`.
fn candidate(text: &str, t: &Toks<'_>) -> Option<Candidate> {
    if let Some(r) = amount(t) {
        // A compound adjective ("a million-dollar deal") reads as one word with a
        // hyphen: the scale is not a word of its own, and nothing was read.
        let cur = if r.plural {
            t.is(r.last + 1, "of")
                .then(|| currency_at(t, r.last + 2))
                .flatten()
        } else {
            currency_at(t, r.last + 1)
        };
        let q = Quantity {
            low: r.value,
            high: r.high.unwrap_or(r.value),
            precision: r.precision,
            hedge: crate::base::value::Hedge::Exact,
        };
        return Some(match cur {
            Some((currency, end)) => Candidate::mention(
                Rank::Money,
                hedged(text, t.span(0, end), q, None, |amount| Value::Money {
                    currency,
                    amount,
                }),
            ),
            None => Candidate::mention(
                Rank::Count,
                hedged(text, t.span(0, r.last), q, None, Value::Count),
            ),
        });
    }
    if let Some((last, p)) = fraction_at(t) {
        let q = Quantity::point(p, FRACTION_PRECISION);
        return Some(Candidate::mention(
            Rank::Percent,
            hedged(text, t.span(0, last), q, None, Value::Percent),
        ));
    }
    if let Some((last, lo, hi)) = digits_at(t) {
        let q = Quantity {
            low: lo,
            high: hi,
            precision: 1.0,
            hedge: crate::base::value::Hedge::Exact,
        };
        return Some(Candidate::mention(
            Rank::Percent,
            hedged(text, t.span(0, last), q, None, Value::Percent),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{Mention, recognize};
    use crate::base::value::{Currency, Hedge, Value};

    /// The one mention `text` holds, through the whole recognizer.
    #[track_caller]
    fn one(text: &str) -> Mention {
        let ms = recognize(text);
        assert_eq!(ms.len(), 1, "{text:?} gave {ms:?}");
        ms.into_iter().next().expect("one mention")
    }

    #[track_caller]
    fn close(a: f64, b: f64, what: &str) {
        assert!(
            (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
            "{what}: {a} vs {b}"
        );
    }

    /// `text` holds one amount in US dollars, spanning `span`, from `low` to `high`,
    /// precise to `precision`.
    #[track_caller]
    fn usd(text: &str, span: &str, low: f64, high: f64, precision: f64) {
        let m = one(text);
        assert_eq!(&text[m.span.clone()], span, "{text:?}");
        let Value::Money { currency, amount } = m.value else {
            panic!("{text:?}: not money: {m:?}");
        };
        assert_eq!(currency, Currency::Usd, "{text:?}");
        close(amount.low, low, text);
        close(amount.high, high, text);
        close(amount.precision, precision, text);
        assert_eq!(amount.hedge, Hedge::Exact, "{text:?}");
    }

    /// `text` holds one count, spanning `span`, from `low` to `high`, precise to
    /// `precision`, with `hedge`.
    #[track_caller]
    fn count(text: &str, span: &str, low: f64, high: f64, precision: f64, hedge: Hedge) {
        let m = one(text);
        assert_eq!(&text[m.span.clone()], span, "{text:?}");
        let Value::Count(q) = m.value else {
            panic!("{text:?}: not a count: {m:?}");
        };
        close(q.low, low, text);
        close(q.high, high, text);
        close(q.precision, precision, text);
        assert_eq!(q.hedge, hedge, "{text:?}");
    }

    /// `text` holds one percentage, spanning `span`, from `low` to `high`.
    #[track_caller]
    fn percent(text: &str, span: &str, low: f64, high: f64, precision: f64) {
        let m = one(text);
        assert_eq!(&text[m.span.clone()], span, "{text:?}");
        let Value::Percent(q) = m.value else {
            panic!("{text:?}: not a percentage: {m:?}");
        };
        close(q.low, low, text);
        close(q.high, high, text);
        close(q.precision, precision, text);
    }

    #[test]
    fn money_in_words_reads_as_its_digits_would() {
        // As "$4 billion": 4e9, precise to 1e9.
        usd(
            "Amazon invested four billion dollars in Anthropic.",
            "four billion dollars",
            4e9,
            4e9,
            1e9,
        );
        usd("six billion dollars", "six billion dollars", 6e9, 6e9, 1e9);
        usd(
            "Six billion US dollars",
            "Six billion US dollars",
            6e9,
            6e9,
            1e9,
        );
        // As "$0.5 billion" and "$0.25 billion".
        usd(
            "half a billion dollars",
            "half a billion dollars",
            5e8,
            5e8,
            1e8,
        );
        usd(
            "a quarter of a billion dollars",
            "a quarter of a billion dollars",
            2.5e8,
            2.5e8,
            1e7,
        );
        // As "$1.5 billion".
        usd(
            "one and a half billion dollars",
            "one and a half billion dollars",
            1.5e9,
            1.5e9,
            1e8,
        );
        usd(
            "twenty-five million dollars",
            "twenty-five million dollars",
            2.5e7,
            2.5e7,
            1e6,
        );
        usd("a billion dollars", "a billion dollars", 1e9, 1e9, 1e9);
        // An interval: from two to ten hundred millions.
        usd(
            "hundreds of millions of dollars",
            "hundreds of millions of dollars",
            2e8,
            1e9 - 1.0,
            1.0,
        );
        let m = one("about four billion dollars");
        let Value::Money { amount, .. } = m.value else {
            panic!("{m:?}");
        };
        assert_eq!(amount.hedge, Hedge::About);
    }

    #[test]
    fn words_without_a_currency_are_counts_as_digits_are() {
        // "invested 4 billion in" is a count too: an amount needs its currency.
        count(
            "Amazon invested four billion in it",
            "four billion",
            4e9,
            4e9,
            1e9,
            Hedge::Exact,
        );
        count(
            "a quarter of a billion",
            "a quarter of a billion",
            2.5e8,
            2.5e8,
            1e7,
            Hedge::Exact,
        );
        count(
            "one and a half billion",
            "one and a half billion",
            1.5e9,
            1.5e9,
            1e8,
            Hedge::Exact,
        );
    }

    #[test]
    fn counts_in_words() {
        count(
            "two million users",
            "two million",
            2e6,
            2e6,
            1e6,
            Hedge::Exact,
        );
        count(
            "two hundred million users",
            "two hundred million",
            2e8,
            2e8,
            1e6,
            Hedge::Exact,
        );
        count(
            "half a million",
            "half a million",
            5e5,
            5e5,
            1e5,
            Hedge::Exact,
        );
        // A bound: more than half a million.
        count(
            "over half a million developers",
            "half a million",
            5e5,
            5e5,
            1e5,
            Hedge::MoreThan,
        );
        count("a million users", "a million", 1e6, 1e6, 1e6, Hedge::Exact);
        // Read by the count recognizer: a number word before a plural noun.
        count("a dozen models", "a dozen", 12.0, 12.0, 1.0, Hedge::Exact);
        count("three tiers", "three", 3.0, 3.0, 1.0, Hedge::Exact);
    }

    #[test]
    fn plural_multipliers_are_intervals() {
        count(
            "dozens of startups",
            "dozens",
            24.0,
            119.0,
            1.0,
            Hedge::Exact,
        );
        count(
            "tens of thousands of customers",
            "tens of thousands",
            20_000.0,
            99_999.0,
            1.0,
            Hedge::Exact,
        );
        count(
            "hundreds of thousands of chips",
            "hundreds of thousands",
            200_000.0,
            999_999.0,
            1.0,
            Hedge::Exact,
        );
        count(
            "thousands of GPUs",
            "thousands",
            2_000.0,
            9_999.0,
            1.0,
            Hedge::Exact,
        );
        // Not a plural multiplier without "of".
        assert_eq!(recognize("in the hundreds"), []);
    }

    #[test]
    fn fractions_are_percentages() {
        percent("two-thirds", "two-thirds", 200.0 / 3.0, 200.0 / 3.0, 5.0);
        percent(
            "two-thirds of the shares",
            "two-thirds",
            200.0 / 3.0,
            200.0 / 3.0,
            5.0,
        );
        percent(
            "a third of its revenue",
            "a third",
            100.0 / 3.0,
            100.0 / 3.0,
            5.0,
        );
        percent("a quarter of its staff", "a quarter", 25.0, 25.0, 5.0);
        percent("three quarters of them", "three quarters", 75.0, 75.0, 5.0);
        let m = one("nearly a third of its revenue");
        let Value::Percent(q) = m.value else {
            panic!("{m:?}");
        };
        assert_eq!(q.hedge, Hedge::Nearly);
    }

    #[test]
    fn double_digit_growth_is_an_interval_of_percentages() {
        percent("double-digit growth", "double-digit", 10.0, 99.0, 1.0);
        percent("triple-digit gains", "triple-digit", 100.0, 999.0, 1.0);
        percent("grew by double digits", "double digits", 10.0, 99.0, 1.0);
        // Not a change: a count of something else.
        assert_eq!(recognize("double-digit millions"), []);
        assert_eq!(recognize("a double-digit lead"), []);
    }

    #[test]
    fn negative_twins_are_not_read() {
        for t in [
            "a million-dollar deal",
            "a four-billion-dollar round",
            "one in a million",
            "a third of 2024",
            "a third round",
            "one of the labs",
            "the first model",
            "half of them",
            "a billionaire",
            "Billions of",
            "twenty twelve",
        ] {
            // Only the year of "a third of 2024" is read.
            let ms: Vec<Mention> = recognize(t)
                .into_iter()
                .filter(|m| !matches!(m.value, Value::Date(_)))
                .collect();
            assert_eq!(ms, [], "{t:?}");
        }
    }

    #[test]
    fn number_words_before_plural_nouns_are_counts_as_digits_are() {
        // "the 2 companies" is a count: so is "the two companies".
        count("the two companies", "two", 2.0, 2.0, 1.0, Hedge::Exact);
        count("the 2 companies", "2", 2.0, 2.0, 1.0, Hedge::Exact);
    }

    #[test]
    fn amounts_in_digits_are_not_read_again() {
        let t = "$4 billion, then four billion dollars and 3 million users.";
        let ms = recognize(t);
        let spans: Vec<&str> = ms.iter().map(|m| &t[m.span.clone()]).collect();
        assert_eq!(spans, ["$4 billion", "four billion dollars", "3 million"]);
    }
}
