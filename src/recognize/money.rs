//! Money: "$4 billion", "US$4bn", "4 billion dollars", "€2bn", "$13B+", "$1–2 billion".
//!
//! An amount needs a currency, either before the number (`$`, `US$`, `C$`, `€`, `£`,
//! `USD `, `EUR `) or after it (`dollars`, `euros`, `USD`). A number without a currency
//! is not money. The scale ("billion", "bn", "B", "M", "K", "T") sets the precision:
//! the unit of the last printed digit, scaled ("$1.25 billion" is precise to 1e7).
//! Ranges ("$1–2 billion", "$1 billion to $2 billion") give `low < high`; a scale
//! printed only after the second number applies to both ends.

use std::ops::Range;
use std::sync::LazyLock;

use super::anchor::{Finder, Index, Scratch};
use super::number::{NUM, Num, SP1, range_sep, scale_exp};
use super::{Candidate, Rank, hedged};
use crate::base::value::{Currency, Hedge, Quantity, Value};

/// Currency before the number.
fn prefix() -> String {
    format!(
        r"(?:(?:(?-u:\b)(?:US|U\.S\.|C|CA|CAN|A|AU))?\$|(?-u:\b)CN¥|€|£|¥|₹)[ \u{{a0}}]?|(?-u:\b)(?:USD|EUR|GBP|CAD|AUD|JPY|CNY|RMB|INR){SP1}?"
    )
}

/// Scale after a number: words with optional space, single letters glued.
fn scale() -> String {
    format!(
        r"(?:{SP1}?(?i:trillion|billion|million|thousand|crore|lakh|tn|bn|mn|mln)|MM|[KkMmBbTt])(?-u:\b)"
    )
}

/// Currency after the number.
fn suffix() -> String {
    format!(
        r"{SP1}(?:(?:(?:US|U\.S\.|American|Canadian|Australian){SP1})?(?i:dollars?)|(?i:euros?|pounds(?:{SP1}sterling)?|sterling|yen|yuan|renminbi|rupees)|USD|EUR|GBP|CAD|AUD|JPY|CNY|RMB|INR)(?-u:\b)"
    )
}

/// One form of the pattern; `pre_opt` and `suf_opt` say whether the prefix and the
/// suffix may be left out, `t` tags the group names. Both forms have the same groups
/// in the same order (see the constants below).
fn form(pre_opt: &str, suf_opt: &str, t: &str) -> String {
    let (pre, sc, sep) = (prefix(), scale(), range_sep());
    format!(
        r"(?P<pre{t}>{pre}){pre_opt}(?P<n1{t}>{NUM})(?P<pa{t}>\+)?(?P<s1{t}>{sc})?(?P<pb{t}>\+|-plus(?-u:\b))?(?:(?P<sep{t}>{sep})(?P<pre2{t}>{pre})?(?P<n2{t}>{NUM})(?P<s2{t}>{sc})?(?P<pc{t}>\+)?)?(?P<suf{t}>{suf}){suf_opt}",
        suf = suffix()
    )
}

/// Amounts with a currency before the number ("$4 billion", "EUR 2bn"), or else after
/// it ("4 billion dollars", "2bn EUR"). A number without a currency does not match,
/// so the many plain numbers of a text never need a capture search.
/// The pattern as one regex (the form the tests compare with).
#[cfg(test)]
fn pattern() -> String {
    format!("{}|{}", form("", "?", ""), form("?", "", "_s"))
}

/// The two forms, as two patterns of one regex (the first has priority, as the first
/// alternative of [`pattern`] does).
static MONEY: LazyLock<Finder> = LazyLock::new(|| {
    Finder::new(
        &[form("", "?", ""), form("?", "", "_s")],
        // A currency code and the run of white space after it are at most 3 + 26
        // bytes ([`SP1`] is up to 26), so the first digit is at most 29 bytes after the
        // start (see `Index::money` for where an amount can start).
        29,
    )
});

/// Number of groups in one form of the pattern.
#[cfg(test)]
const FORM_GROUPS: usize = 11;

/// The currency written before a number.
fn prefix_currency(s: &str) -> Option<Currency> {
    let s = s.trim_end_matches(|c: char| c.is_whitespace());
    Some(match s {
        "$" | "US$" | "U.S.$" | "USD" => Currency::Usd,
        "C$" | "CA$" | "CAN$" | "CAD" => Currency::Cad,
        "A$" | "AU$" | "AUD" => Currency::Aud,
        "CN¥" | "CNY" | "RMB" => Currency::Cny,
        "€" | "EUR" => Currency::Eur,
        "£" | "GBP" => Currency::Gbp,
        "¥" | "JPY" => Currency::Jpy,
        "₹" | "INR" => Currency::Inr,
        _ => return None,
    })
}

/// The currency written after a number, and whether it needs a scale word to count
/// as money ("100 pounds" may be a weight; "4 billion pounds" is money).
fn suffix_currency(s: &str) -> Option<(Currency, bool)> {
    let t = s.trim_start_matches(|c: char| c.is_whitespace());
    let lower = t.to_ascii_lowercase();
    Some(match t {
        "USD" => (Currency::Usd, false),
        "EUR" => (Currency::Eur, false),
        "GBP" => (Currency::Gbp, false),
        "CAD" => (Currency::Cad, false),
        "AUD" => (Currency::Aud, false),
        "JPY" => (Currency::Jpy, false),
        "CNY" | "RMB" => (Currency::Cny, false),
        "INR" => (Currency::Inr, false),
        _ if lower.starts_with("canadian") => (Currency::Cad, false),
        _ if lower.starts_with("australian") => (Currency::Aud, false),
        _ if lower.contains("dollar") => (Currency::Usd, false),
        _ if lower.starts_with("euro") => (Currency::Eur, false),
        _ if lower.starts_with("pound") => (Currency::Gbp, true),
        _ if lower.starts_with("sterling") => (Currency::Gbp, true),
        _ if lower == "yen" => (Currency::Jpy, false),
        _ if lower == "yuan" || lower == "renminbi" => (Currency::Cny, false),
        _ if lower == "rupees" => (Currency::Inr, false),
        _ => return None,
    })
}

/// Appends a candidate for every amount of money in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<Candidate>) {
    find_in(text, &Index::new(text), out);
}

/// [`find`], with the text's [`Index`].
pub(crate) fn find_in(text: &str, idx: &Index, out: &mut Vec<Candidate>) {
    let f = &*MONEY;
    let mut scratch = f.scratch();
    let Scratch { cache, slots } = &mut *scratch;
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = f.find(cache, text, &idx.money, &idx.digits, pos) else {
            break;
        };
        // Both forms have the same groups in the same order. The plainest amounts
        // are read without the backtracker (see `plain_groups`).
        let plain = plain_groups(text, m.start, m.end, m.pattern.as_usize());
        let candidate = match &plain {
            Some(groups) => read(text, &|i| groups.get(i).cloned().flatten()),
            None if f.captures(text, m, slots) => read(text, &|i| slots.get(i)),
            None => None,
        };
        let next = candidate.map(|c| {
            let end = c.span.end;
            out.push(c);
            end
        });
        pos = next.unwrap_or(m.end).max(m.start + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
}

/// [`find`] as it was written first: the regex crate's unanchored search over the
/// whole text. The tests check that both find the same.
#[cfg(test)]
pub(crate) fn find_unanchored(text: &str, out: &mut Vec<Candidate>) {
    static RE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(&pattern()).expect("valid"));
    let re = &*RE;
    let mut locs = re.capture_locations();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = re.captures_read_at(&mut locs, text, pos) else {
            break;
        };
        let off = if locs.get(N1).is_some() {
            0
        } else {
            FORM_GROUPS
        };
        let g = |i: usize| {
            let i = if i == 0 { 0 } else { i + off };
            locs.get(i).map(|(s, e)| s..e)
        };
        let next = match read(text, &g) {
            Some(c) => {
                let end = c.span.end;
                out.push(c);
                end
            }
            None => m.end(),
        };
        pos = next.max(m.start() + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
}

/// The groups of a match of the first form (`pattern` 0, the currency before the
/// number) from `start` to `end` that is a dollar sign, digits with or without
/// decimals, and nothing more or one plain scale ("$4", "$2.75 billion", "$13B",
/// "$4bn") — most amounts of a text. For these the pattern can read its groups one way
/// only, so they are read here, not by the backtracker (about 6,000 instructions per
/// amount); a test compares both on every such shape. `None` for any other match.
fn plain_groups(
    text: &str,
    start: usize,
    end: usize,
    pattern: usize,
) -> Option<[Option<Range<usize>>; SUF + 1]> {
    if pattern != 0 {
        return None;
    }
    let rest = text.get(start..end)?.as_bytes().strip_prefix(b"$")?;
    let int = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if int == 0 {
        return None;
    }
    let num = match rest.get(int) {
        Some(b'.') => {
            let frac = rest[int + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if frac == 0 {
                return None;
            }
            int + 1 + frac
        }
        _ => int,
    };
    if !PLAIN_SCALES.contains(&&rest[num..]) {
        return None;
    }
    let n1_end = start + 1 + num;
    let mut groups: [Option<Range<usize>>; SUF + 1] = Default::default();
    groups[0] = Some(start..end);
    groups[PRE] = Some(start..start + 1);
    groups[N1] = Some(start + 1..n1_end);
    if n1_end < end {
        groups[S1] = Some(n1_end..end);
    }
    Some(groups)
}

/// What may follow the number of an amount [`plain_groups`] reads: nothing, or a
/// scale that the pattern's scale group takes whole.
const PLAIN_SCALES: &[&[u8]] = &[
    b"",
    b" billion",
    b" million",
    b" trillion",
    b" thousand",
    b"bn",
    b"B",
    b"M",
    b"K",
    b"T",
    b"m",
];

/// Group indexes, in the order of the pattern.
const PRE: usize = 1;
const N1: usize = 2;
const PA: usize = 3;
const S1: usize = 4;
const PB: usize = 5;
const SEP: usize = 6;
const PRE2: usize = 7;
const N2: usize = 8;
const S2: usize = 9;
const PC: usize = 10;
const SUF: usize = 11;

/// Turns one regex match into a candidate, or `None` when it is no money.
fn read(text: &str, g: &dyn Fn(usize) -> Option<Range<usize>>) -> Option<Candidate> {
    let sub = |i: usize| g(i).and_then(|r| text.get(r));
    let pre = g(PRE);
    let n1r = g(N1)?;
    let start = pre.as_ref().map_or(n1r.start, |r| r.start);

    let pre_cur = match sub(PRE) {
        Some(p) => {
            // "HK$5", "NZ$5", "R$5": some other dollar; never read as US dollars.
            if p.starts_with('$')
                && super::number::prev_char(text, start).is_some_and(|c| c.is_alphanumeric())
            {
                return None;
            }
            Some(prefix_currency(p)?)
        }
        None => {
            if super::number::glued_left(text, n1r.start) {
                return None;
            }
            None
        }
    };

    let n1 = Num::parse(sub(N1)?)?;
    let s1 = sub(S1).and_then(scale_exp);
    let plus1 = g(PA).is_some() || g(PB).is_some();
    // End of the first amount alone (used when a range part is dropped).
    let first_end = [g(PB), g(S1), g(PA), Some(n1r.clone())]
        .into_iter()
        .flatten()
        .map(|r| r.end)
        .max()
        .unwrap_or(n1r.end);

    let suf = sub(SUF).and_then(suffix_currency);
    let full_end = g(0).map_or(first_end, |r| r.end);

    // A range, if its second half is consistent with the first.
    let mut range = None;
    if let (Some(_), Some(n2s)) = (g(SEP), sub(N2)) {
        let n2 = Num::parse(n2s);
        let s2 = sub(S2).and_then(scale_exp);
        let pre2_ok = match sub(PRE2) {
            Some(p2) => prefix_currency(p2).is_some() && prefix_currency(p2) == pre_cur,
            None => true,
        };
        let exps = match (s1, s2) {
            (None, None) => Some((0, 0)),
            (None, Some(b)) => Some((b, b)),
            (Some(a), Some(b)) => Some((a, b)),
            (Some(_), None) => None,
        };
        if let (Some(n2), Some((e1, e2)), true) = (n2, exps, pre2_ok) {
            let (lo, p1) = n1.scaled(e1);
            let (hi, p2) = n2.scaled(e2);
            if lo <= hi {
                range = Some((lo, hi, p1.min(p2), g(PC).is_some()));
            }
        }
    }

    let (q, plus, end, currency) = match range {
        Some((lo, hi, p, plus2)) => {
            let currency = pre_cur.or(suf.map(|(c, _)| c))?;
            let needs_scale = pre_cur.is_none() && suf.is_some_and(|(_, n)| n);
            if needs_scale && s1.is_none() && sub(S2).is_none() {
                return None;
            }
            let q = Quantity {
                low: lo,
                high: hi,
                precision: p,
                hedge: Hedge::Exact,
            };
            (q, plus1 || plus2, full_end, currency)
        }
        None => {
            let (v, p) = n1.scaled(s1.unwrap_or(0));
            // Without a range the suffix counts only if it follows the first amount.
            let suf_here = match (g(SUF), g(SEP)) {
                (Some(r), None) if r.start == first_end => suf,
                _ => None,
            };
            let currency = pre_cur.or(suf_here.map(|(c, _)| c))?;
            if pre_cur.is_none() && suf_here.is_some_and(|(_, n)| n) && s1.is_none() {
                return None;
            }
            let end = match (suf_here, g(SUF)) {
                (Some(_), Some(r)) => r.end,
                _ => first_end,
            };
            (Quantity::point(v, p), plus1, end, currency)
        }
    };

    // "$5x", "$4.5.1": glued to more word or number characters.
    if super::number::next2(text, end)
        .0
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        return None;
    }

    let mention = hedged(
        text,
        start..end,
        q,
        plus.then_some(Hedge::AtLeast),
        |amount| Value::Money { currency, amount },
    );
    Some(Candidate::mention(Rank::Money, mention))
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_amounts_are_read_as_the_backtracker_reads_them() {
        use super::{MONEY, SUF, plain_groups};
        use crate::recognize::anchor::Index;
        let mut plain = 0;
        for num in ["4", "13", "2.75", "100", "1234.5", "0.5"] {
            for scale in super::PLAIN_SCALES
                .iter()
                .chain(&[&b" Billion"[..], b"M+", b" bn"])
            {
                let scale = std::str::from_utf8(scale).expect("ASCII");
                for around in [
                    ("", ""),
                    ("It was ", "."),
                    ("(", ")"),
                    ("up to ", " in 2024"),
                ] {
                    let text = format!("{}${num}{scale}{}", around.0, around.1);
                    let f = &*MONEY;
                    let idx = Index::new(&text);
                    let mut scratch = f.scratch();
                    let super::Scratch { cache, slots } = &mut *scratch;
                    let Some(m) = f.find(cache, &text, &idx.money, &idx.digits, 0) else {
                        panic!("no match in {text}");
                    };
                    assert!(f.captures(&text, m, slots), "{text}");
                    let Some(groups) = plain_groups(&text, m.start, m.end, m.pattern.as_usize())
                    else {
                        continue;
                    };
                    plain += 1;
                    for (i, g) in groups.iter().enumerate().take(SUF + 1) {
                        assert_eq!(*g, slots.get(i), "group {i} of {text}");
                    }
                }
            }
        }
        // Each number with each plain scale, in each context.
        assert_eq!(plain, 6 * super::PLAIN_SCALES.len() * 4);
    }

    use super::super::Mention;
    use super::*;

    #[test]
    fn the_amounts_pass_over_long_numbers() {
        // No amount is made of digits, separators and points alone: a place deep in a
        // long number is not walked from (`anchor::Finder::find`).
        assert!(MONEY.skips_long_numbers());
    }

    fn all(text: &str) -> Vec<Mention> {
        let mut c = Vec::new();
        find(text, &mut c);
        c.into_iter().filter_map(|c| c.mention).collect()
    }

    #[test]
    fn group_indexes_match_the_pattern() {
        let names = [
            "pre", "n1", "pa", "s1", "pb", "sep", "pre2", "n2", "s2", "pc", "suf",
        ];
        let idx = [PRE, N1, PA, S1, PB, SEP, PRE2, N2, S2, PC, SUF];
        let info = MONEY.group_info();
        for (n, i) in names.iter().zip(idx) {
            let first = regex_automata::PatternID::ZERO;
            let second = regex_automata::PatternID::must(1);
            assert_eq!(info.to_index(first, n), Some(i), "{n}");
            assert_eq!(info.to_index(second, &format!("{n}_s")), Some(i), "{n}");
        }
        assert_eq!(info.pattern_len(), 2);
        assert_eq!(
            info.group_len(regex_automata::PatternID::ZERO),
            1 + FORM_GROUPS
        );
        // The one-regex form of the oracle: the second form's groups are shifted.
        let re = regex::Regex::new(&pattern()).expect("valid");
        assert_eq!(re.captures_len(), 1 + 2 * FORM_GROUPS);
    }

    fn close(a: f64, b: f64) -> bool {
        a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
    }

    /// Asserts that `text` holds exactly one money mention with these properties.
    #[track_caller]
    fn check(
        text: &str,
        span: &str,
        currency: Currency,
        low: f64,
        high: f64,
        precision: f64,
        hedge: Hedge,
    ) {
        let ms = all(text);
        assert_eq!(ms.len(), 1, "{text:?} gave {ms:?}");
        let m = &ms[0];
        assert_eq!(&text[m.span.clone()], span, "span of {text:?}");
        let Value::Money {
            currency: c,
            amount: q,
        } = m.value
        else {
            panic!("not money: {m:?}");
        };
        assert_eq!(c, currency, "currency of {text:?}");
        assert!(close(q.low, low), "low of {text:?}: {} vs {low}", q.low);
        assert!(
            close(q.high, high),
            "high of {text:?}: {} vs {high}",
            q.high
        );
        assert!(
            close(q.precision, precision),
            "precision of {text:?}: {} vs {precision}",
            q.precision
        );
        assert_eq!(q.hedge, hedge, "hedge of {text:?}");
        assert!(!m.bare_year);
    }

    #[track_caller]
    fn usd(text: &str, span: &str, v: f64, p: f64) {
        check(text, span, Currency::Usd, v, v, p, Hedge::Exact);
    }

    #[track_caller]
    fn hedged_usd(text: &str, span: &str, hedge_text: &str, hedge: Hedge) {
        check(text, span, Currency::Usd, 13e9, 13e9, 1e9, hedge);
        let m = &all(text)[0];
        let hs = m.hedge_span.clone().expect("a hedge span");
        assert_eq!(&text[hs], hedge_text);
    }

    #[test]
    fn dollar_billions() {
        usd("$4 billion", "$4 billion", 4e9, 1e9);
        usd("$4B", "$4B", 4e9, 1e9);
        usd("$4bn", "$4bn", 4e9, 1e9);
        usd("$4 bn", "$4 bn", 4e9, 1e9);
        usd("$4 Bn", "$4 Bn", 4e9, 1e9);
        usd("$4.0bn", "$4.0bn", 4e9, 1e8);
        usd("$1.25 billion", "$1.25 billion", 1.25e9, 1e7);
        usd("$1.25B", "$1.25B", 1.25e9, 1e7);
        usd("$2.174T", "$2.174T", 2.174e12, 1e9);
    }

    #[test]
    fn currency_codes_and_words_for_dollars() {
        usd("US$4 billion", "US$4 billion", 4e9, 1e9);
        usd("USD 4 billion", "USD 4 billion", 4e9, 1e9);
        usd("4 billion USD", "4 billion USD", 4e9, 1e9);
        usd("4 billion dollars", "4 billion dollars", 4e9, 1e9);
        usd("4 billion US dollars", "4 billion US dollars", 4e9, 1e9);
    }

    #[test]
    fn millions_thousands_and_units() {
        usd("$4,000 million", "$4,000 million", 4e9, 1e6);
        usd("$500 million", "$500 million", 5e8, 1e6);
        usd("$500M", "$500M", 5e8, 1e6);
        usd("$500m", "$500m", 5e8, 1e6);
        usd("$10K", "$10K", 1e4, 1e3);
        usd("$10,000", "$10,000", 1e4, 1.0);
        usd("$99.99", "$99.99", 99.99, 0.01);
        usd("$2,023", "$2,023", 2023.0, 1.0);
        check(
            "₹500 crore",
            "₹500 crore",
            Currency::Inr,
            5e9,
            5e9,
            1e7,
            Hedge::Exact,
        );
    }

    #[test]
    fn trailing_plus_is_at_least() {
        check(
            "$13B+",
            "$13B+",
            Currency::Usd,
            13e9,
            13e9,
            1e9,
            Hedge::AtLeast,
        );
        check(
            "$13+ billion",
            "$13+ billion",
            Currency::Usd,
            13e9,
            13e9,
            1e9,
            Hedge::AtLeast,
        );
        assert_eq!(all("$13B+")[0].hedge_span, None);
        let t = "a $1 billion-plus deal";
        check(
            t,
            "$1 billion-plus",
            Currency::Usd,
            1e9,
            1e9,
            1e9,
            Hedge::AtLeast,
        );
    }

    #[test]
    fn hedges_more_than() {
        hedged_usd(
            "more than $13 billion",
            "$13 billion",
            "more than",
            Hedge::MoreThan,
        );
        hedged_usd("over $13 billion", "$13 billion", "over", Hedge::MoreThan);
        hedged_usd(
            "Over $13 billion was raised",
            "$13 billion",
            "Over",
            Hedge::MoreThan,
        );
        hedged_usd(
            "exceeding $13 billion",
            "$13 billion",
            "exceeding",
            Hedge::MoreThan,
        );
        hedged_usd("above $13 billion", "$13 billion", "above", Hedge::MoreThan);
    }

    #[test]
    fn hedges_at_least_and_up_to() {
        hedged_usd(
            "at least $13 billion",
            "$13 billion",
            "at least",
            Hedge::AtLeast,
        );
        hedged_usd(
            "no less than $13 billion",
            "$13 billion",
            "no less than",
            Hedge::AtLeast,
        );
        hedged_usd("up to $13 billion", "$13 billion", "up to", Hedge::UpTo);
        hedged_usd("Up To $13 billion", "$13 billion", "Up To", Hedge::UpTo);
        hedged_usd(
            "as much as $13 billion",
            "$13 billion",
            "as much as",
            Hedge::UpTo,
        );
        hedged_usd("at most $13 billion", "$13 billion", "at most", Hedge::UpTo);
        hedged_usd(
            "no more than $13 billion",
            "$13 billion",
            "no more than",
            Hedge::UpTo,
        );
    }

    #[test]
    fn hedges_less_than() {
        hedged_usd(
            "less than $13 billion",
            "$13 billion",
            "less than",
            Hedge::LessThan,
        );
        hedged_usd("under $13 billion", "$13 billion", "under", Hedge::LessThan);
        hedged_usd("below $13 billion", "$13 billion", "below", Hedge::LessThan);
    }

    #[test]
    fn hedges_about_and_nearly() {
        hedged_usd("about $13 billion", "$13 billion", "about", Hedge::About);
        hedged_usd("around $13 billion", "$13 billion", "around", Hedge::About);
        hedged_usd(
            "roughly $13 billion",
            "$13 billion",
            "roughly",
            Hedge::About,
        );
        hedged_usd(
            "approximately $13 billion",
            "$13 billion",
            "approximately",
            Hedge::About,
        );
        hedged_usd("some $13 billion", "$13 billion", "some", Hedge::About);
        hedged_usd("~$13 billion", "$13 billion", "~", Hedge::About);
        hedged_usd("nearly $13 billion", "$13 billion", "nearly", Hedge::Nearly);
        hedged_usd("almost $13 billion", "$13 billion", "almost", Hedge::Nearly);
        hedged_usd(
            "close to $13 billion",
            "$13 billion",
            "close to",
            Hedge::Nearly,
        );
        hedged_usd(
            "just under $13 billion",
            "$13 billion",
            "just under",
            Hedge::Nearly,
        );
    }

    #[test]
    fn other_currencies() {
        let e = Currency::Eur;
        check("€2bn", "€2bn", e, 2e9, 2e9, 1e9, Hedge::Exact);
        check(
            "2 billion euros",
            "2 billion euros",
            e,
            2e9,
            2e9,
            1e9,
            Hedge::Exact,
        );
        check("EUR 2bn", "EUR 2bn", e, 2e9, 2e9, 1e9, Hedge::Exact);
        let g = Currency::Gbp;
        check(
            "£8.10 million",
            "£8.10 million",
            g,
            8.1e6,
            8.1e6,
            1e4,
            Hedge::Exact,
        );
        let c = Currency::Cad;
        check(
            "C$300 million",
            "C$300 million",
            c,
            3e8,
            3e8,
            1e6,
            Hedge::Exact,
        );
        check(
            "A$5 million",
            "A$5 million",
            Currency::Aud,
            5e6,
            5e6,
            1e6,
            Hedge::Exact,
        );
    }

    #[test]
    fn ranges_share_the_scale() {
        let u = Currency::Usd;
        let x = Hedge::Exact;
        check("$1–2 billion", "$1–2 billion", u, 1e9, 2e9, 1e9, x);
        check("$1-2 billion", "$1-2 billion", u, 1e9, 2e9, 1e9, x);
        check(
            "$1 billion to $2 billion",
            "$1 billion to $2 billion",
            u,
            1e9,
            2e9,
            1e9,
            x,
        );
        check("$1bn–$2bn", "$1bn–$2bn", u, 1e9, 2e9, 1e9, x);
        check("$1.5-2 billion", "$1.5-2 billion", u, 1.5e9, 2e9, 1e8, x);
        check(
            "1-2 billion dollars",
            "1-2 billion dollars",
            u,
            1e9,
            2e9,
            1e9,
            x,
        );
        check(
            "about $1–2 billion",
            "$1–2 billion",
            u,
            1e9,
            2e9,
            1e9,
            Hedge::About,
        );
    }

    #[test]
    fn inconsistent_ranges_keep_the_first_amount() {
        usd("$4 billion–2024", "$4 billion", 4e9, 1e9);
        usd("$5 billion to 10 staff", "$5 billion", 5e9, 1e9);
        let t = "$5 billion to €6 billion";
        let spans: Vec<&str> = all(t).iter().map(|m| &t[m.span.clone()]).collect();
        assert_eq!(spans, ["$5 billion", "€6 billion"]);
    }

    #[test]
    fn not_money() {
        assert!(all("a multi-billion dollar deal").is_empty());
        assert!(all("a billion-dollar deal").is_empty());
        assert!(all("4 billion").is_empty());
        assert!(all("$").is_empty());
        assert!(all("$ and more").is_empty());
        assert!(all("$$$").is_empty());
        assert!(all("HK$5 billion").is_empty());
        assert!(all("100 pounds of hardware").is_empty());
        assert!(all("GPT-4 dollars").is_empty());
        assert!(all("$5x returns").is_empty());
    }

    #[test]
    fn pounds_with_a_scale_are_money() {
        let g = Currency::Gbp;
        check(
            "4 billion pounds",
            "4 billion pounds",
            g,
            4e9,
            4e9,
            1e9,
            Hedge::Exact,
        );
    }

    #[test]
    fn several_amounts_in_a_sentence() {
        let t = "The $8 billion total, up from $4 billion, beat €2bn.";
        let ms = all(t);
        let spans: Vec<&str> = ms.iter().map(|m| &t[m.span.clone()]).collect();
        assert_eq!(spans, ["$8 billion", "$4 billion", "€2bn"]);
        assert!(ms.iter().all(|m| m.hedge_span.is_none()));
    }
}
