//! Safe fixes: the replacement for a finding whose correct text is certain, written in
//! the draft's own style (applied by [`crate::fix`]).
//!
//! A finding carries a fix ([`crate::base::diagnostic::Fix`]) only when all of this holds:
//!
//! - it is a wrong amount or date of one attributed fact (`value-mismatch`,
//!   `date-mismatch`), a value that is out of date (`stale-value`), or a running total
//!   of a table that the next running total confirms (`table-arithmetic`: the cell
//!   disagrees with the row before it, and the row after it agrees with the computed
//!   value, so the cell is the one that is wrong, not an amount);
//! - the fact states its value exactly (never for "about $13 billion"), neither value
//!   is a range, and the draft's hedge keeps its meaning with the new number: a plain
//!   or "about" value against an exact fact, or the same bound on both sides ("up to
//!   $5 billion" against "up to $4 billion"); "more than $9 billion" is not turned
//!   into "more than $8 billion";
//! - the draft's text of the value is on one line and reads, with the recognizers the
//!   drafts are read with, as the value it is said to be;
//! - the replacement can be written in the draft's style and reads back as exactly the
//!   fact's value, at the draft's grain for dates. Money keeps its currency as written,
//!   its scale style ("$9 billion" → "$8 billion", "$9B" → "$8B", "US$9bn" →
//!   "US$8bn", "$9,000 million" → "$8,000 million") and suffixes ("9 billion dollars");
//!   dates keep their order, month style, ordinal and punctuation ("November 12, 2024"
//!   → "November 22, 2024", "Nov. 12, 2024" → "Nov. 22, 2024", "12th Nov 2024" →
//!   "22nd Nov 2024", "2024-11-12" → "2024-11-22", "February 2024" → "March 2024",
//!   "Q1 2024" → "Q2 2024").
//!
//! Fixes whose spans overlap are all left out: nothing decides which one is right.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::base::diagnostic::Fix;
use crate::base::value::{DateValue, Grain, Hedge, Quantity, Value};
use crate::recognize;

// ---------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------

/// A number as printed, split into the parts a replacement keeps (`pre`, `gap`,
/// `rest`) and the parts it rewrites (`num`, `scale`).
#[derive(Debug, PartialEq, Eq)]
struct Printed<'a> {
    /// Before the digits: a currency ("$", "US$", "USD ").
    pre: &'a str,
    /// The digits, with separators and decimals ("1,250", "2.75").
    num: &'a str,
    /// Space between the digits and the scale.
    gap: &'a str,
    /// The scale ("billion", "B", "bn"), or empty.
    scale: &'a str,
    /// After the scale: a suffix (" dollars", "%", " percent", "+").
    rest: &'a str,
}

fn split_number(s: &str) -> Option<Printed<'_>> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let b = s.as_bytes();
    let digits = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut i = digits(start);
    while b.get(i) == Some(&b',') && digits(i + 1) == i + 4 {
        i += 4;
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i = digits(i + 1);
    }
    let (pre, num, after) = (&s[..start], &s[start..i], &s[i..]);
    let tail = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let gap = &after[..after.len() - tail.len()];
    let word_len = tail
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(tail.len());
    let word = &tail[..word_len];
    Some(if scale_of(word).is_some() {
        Printed {
            pre,
            num,
            gap,
            scale: word,
            rest: &tail[word_len..],
        }
    } else {
        Printed {
            pre,
            num,
            gap: "",
            scale: "",
            rest: after,
        }
    })
}

/// How a word is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Lower,
    Title,
    Upper,
}

fn case_of(w: &str) -> Option<Case> {
    let mut chars = w.chars();
    let first = chars.next()?;
    let rest: String = chars.collect();
    if w.chars().all(|c| c.is_ascii_lowercase()) {
        Some(Case::Lower)
    } else if w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()) {
        Some(Case::Upper)
    } else if first.is_ascii_uppercase() && rest.chars().all(|c| c.is_ascii_lowercase()) {
        Some(Case::Title)
    } else {
        None
    }
}

fn with_case(w: &str, case: Case) -> String {
    match case {
        Case::Lower => w.to_string(),
        Case::Upper => w.to_ascii_uppercase(),
        Case::Title => {
            let mut out = w[..1].to_ascii_uppercase();
            out.push_str(&w[1..]);
            out
        }
    }
}

/// A family of scale words: a replacement may move to another scale of the same
/// family ("$500 million" → "$1.25 billion", "$500M" → "$1.25B").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScaleStyle {
    /// "thousand", "million", "billion", "trillion".
    Word(Case),
    /// "mn" (or "mln"), "bn", "tn".
    Abbr(Case, bool),
    /// "K", "M" (or "MM"), "B", "T"; lowercase when `false`.
    Letter(bool, bool),
    /// "lakh", "crore": kept, never changed.
    Fixed,
}

fn scale_of(word: &str) -> Option<(i32, ScaleStyle)> {
    use ScaleStyle::{Abbr, Fixed, Letter, Word};
    let letter = match word {
        "K" => Some((3, Letter(true, false))),
        "k" => Some((3, Letter(false, false))),
        "M" => Some((6, Letter(true, false))),
        "m" => Some((6, Letter(false, false))),
        "MM" => Some((6, Letter(true, true))),
        "B" => Some((9, Letter(true, false))),
        "b" => Some((9, Letter(false, false))),
        "T" => Some((12, Letter(true, false))),
        "t" => Some((12, Letter(false, false))),
        _ => None,
    };
    if letter.is_some() {
        return letter;
    }
    let case = case_of(word)?;
    Some(match word.to_ascii_lowercase().as_str() {
        "thousand" => (3, Word(case)),
        "million" => (6, Word(case)),
        "billion" => (9, Word(case)),
        "trillion" => (12, Word(case)),
        "mn" => (6, Abbr(case, false)),
        "mln" => (6, Abbr(case, true)),
        "bn" => (9, Abbr(case, false)),
        "tn" => (12, Abbr(case, false)),
        "lakh" => (5, Fixed),
        "crore" => (7, Fixed),
        _ => return None,
    })
}

/// The scales a style can write, largest first.
fn scales(style: ScaleStyle) -> &'static [i32] {
    match style {
        ScaleStyle::Word(_) | ScaleStyle::Letter(..) => &[12, 9, 6, 3],
        ScaleStyle::Abbr(..) => &[12, 9, 6],
        ScaleStyle::Fixed => &[],
    }
}

fn scale_token(style: ScaleStyle, exp: i32) -> Option<String> {
    Some(match style {
        ScaleStyle::Word(case) => with_case(
            match exp {
                3 => "thousand",
                6 => "million",
                9 => "billion",
                12 => "trillion",
                _ => return None,
            },
            case,
        ),
        ScaleStyle::Abbr(case, mln) => with_case(
            match exp {
                6 if mln => "mln",
                6 => "mn",
                9 => "bn",
                12 => "tn",
                _ => return None,
            },
            case,
        ),
        ScaleStyle::Letter(upper, mm) => {
            let t = match exp {
                3 => "K",
                6 if mm && upper => "MM",
                6 => "M",
                9 => "B",
                12 => "T",
                _ => return None,
            };
            if upper {
                t.to_string()
            } else {
                t.to_ascii_lowercase()
            }
        }
        ScaleStyle::Fixed => return None,
    })
}

/// Prints `x` with up to six decimals (none trailing), grouping thousands with commas
/// when `group`. None when six decimals cannot print it.
fn print_decimal(x: f64, group: bool) -> Option<String> {
    let r = (x * 1e6).round() / 1e6;
    if !r.is_finite() || (r - x).abs() > 1e-9 * x.abs().max(1.0) {
        return None;
    }
    let s = format!("{r:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if group && i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// The printed number `s` ("$9 billion", "US$9bn", "87%", "100,000") rewritten to say
/// `target`, keeping its currency, scale style, separators and suffix: "$9B" with 8e9
/// is "$8B", "$500M" with 1.25e9 is "$1.25B". None when the style cannot say it
/// exactly (more than six decimals, a scale the style has no word for).
pub fn restyle_number(s: &str, target: f64) -> Option<String> {
    if !(target.is_finite() && target > 0.0) {
        return None;
    }
    let p = split_number(s)?;
    let stated: f64 = p.num.replace(',', "").parse().ok()?;
    let int_digits = p.num.split('.').next().map_or(0, str::len);
    let group = p.num.contains(',') || int_digits < 4;
    let (exp, token) = match scale_of(p.scale) {
        None => (0, String::new()),
        Some((exp, style)) => {
            let x = target / 10f64.powi(exp);
            // The draft's own scale while it reads naturally ("$4,000 million" stays in
            // millions), else the largest scale of its family that fits.
            if x >= 1.0 && (x < 1000.0 || stated >= 1000.0) {
                (exp, p.scale.to_string())
            } else {
                let e = scales(style)
                    .iter()
                    .copied()
                    .find(|&e| target / 10f64.powi(e) >= 1.0)?;
                (e, scale_token(style, e)?)
            }
        }
    };
    let digits = print_decimal(target / 10f64.powi(exp), group)?;
    Some(format!("{}{digits}{}{token}{}", p.pre, p.gap, p.rest))
}

/// The text of `span` if it is one line of the draft.
fn one_line<'t>(text: &'t str, span: &Range<usize>) -> Option<&'t str> {
    let s = text.get(span.clone())?;
    (!s.is_empty() && !s.contains(['\n', '\r'])).then_some(s)
}

/// Reads a whole string as a value of the kind (and currency) of `like`.
fn read_back(s: &str, like: &Value) -> Option<Quantity> {
    match like {
        Value::Money { currency, .. } => {
            let (c, q) = recognize::parse_money(s)?;
            (c == *currency).then_some(q)
        }
        Value::Percent(_) => recognize::parse_percent(s),
        Value::Count(_) => recognize::parse_count(s),
        Value::Date(_) => None,
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The fix that makes the value at `span` (read as `stated`) say `target`, or None
/// when that is not certain (see the module documentation).
pub fn value_fix(text: &str, span: &Range<usize>, stated: &Value, target: &Value) -> Option<Fix> {
    let same_kind = match (stated, target) {
        (Value::Money { currency: a, .. }, Value::Money { currency: b, .. }) => a == b,
        (Value::Percent(_), Value::Percent(_)) | (Value::Count(_), Value::Count(_)) => true,
        _ => false,
    };
    let (s, t) = (stated.quantity()?, target.quantity()?);
    if !same_kind || s.is_range() || t.is_range() {
        return None;
    }
    let keeps_meaning = match (s.hedge, t.hedge) {
        (Hedge::Exact | Hedge::About, Hedge::Exact) => true,
        (a, b) => a == b && a.is_bound(),
    };
    if !keeps_meaning {
        return None;
    }
    number_fix(text, span, stated, t.low)
}

/// The fix that makes the number at `span` (read as `stated`) say `target`, in its own
/// style, checked by reading the replacement back. Used for facts' values and for
/// computed table cells.
pub fn number_fix(text: &str, span: &Range<usize>, stated: &Value, target: f64) -> Option<Fix> {
    let source = one_line(text, span)?;
    let as_written = read_back(source, stated)?;
    let q = stated.quantity()?;
    if as_written.is_range() || !same(as_written.low, q.low) {
        return None;
    }
    let replacement = restyle_number(source, target)?;
    let back = read_back(&replacement, stated)?;
    if back.is_range() || !same(back.low, target) || back.hedge != as_written.hedge {
        return None;
    }
    (replacement != source).then(|| Fix {
        span: span.clone(),
        replacement,
    })
}

// ---------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------

use crate::base::value::MONTHS;

static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("constant regex"));

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<mon>[A-Z][a-z]+\.?)(?P<s1>[ \u{a0}]+)(?P<day>[0-9]{1,2})(?P<ord>st|nd|rd|th)?(?P<s2>,?[ \u{a0}]+)(?P<year>[0-9]{4})$")
        .expect("constant regex")
});

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<day>[0-9]{1,2})(?P<ord>st|nd|rd|th)?(?P<s1>[ \u{a0}]+(?:of[ \u{a0}]+)?)(?P<mon>[A-Z][a-z]+\.?)(?P<s2>,?[ \u{a0}]+)(?P<year>[0-9]{4})$")
        .expect("constant regex")
});

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<mon>[A-Z][a-z]+\.?)(?P<s>,?[ \u{a0}]+(?:of[ \u{a0}]+)?)(?P<year>[0-9]{4})$")
        .expect("constant regex")
});

static QUARTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Q[1-4](?P<s>[ \u{a0}]+)[0-9]{4}$").expect("constant regex"));

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{4}$").expect("constant regex"));

/// Month `m` (0-based) in the style of the month token `stated`: full names stay
/// full; "Nov" gives three letters ("Sept" stays four); "Nov." follows AP style
/// (Jan., Feb., Aug., Sept., Oct., Nov., Dec.; March to July spelled out) unless the
/// draft abbreviates one of March to July too ("Mar."), then every month but May is
/// abbreviated with a point.
fn month_token(stated: &str, m: usize) -> Option<String> {
    let full = *MONTHS.get(m)?;
    if MONTHS.contains(&stated) {
        return Some(full.to_string());
    }
    let dotted = stated.ends_with('.');
    let bare = stated.trim_end_matches('.');
    let index = MONTHS.iter().position(|n| n.starts_with(bare))?;
    if !(bare.len() == 3 || bare == "Sept") {
        return None;
    }
    let sept = if bare == "Sep" { "Sep" } else { "Sept" };
    if !dotted {
        return Some(if m == 8 && bare == "Sept" {
            "Sept".to_string()
        } else {
            full[..3].to_string()
        });
    }
    let ap = !(2..=6).contains(&index);
    Some(match m {
        4 => "May".to_string(),
        2..=6 if ap => full.to_string(),
        8 => format!("{sept}."),
        _ => format!("{}.", &full[..3]),
    })
}

fn ordinal(day: i8) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The date `s` (read at `grain`) rewritten to say `target`, in its own style. None
/// when the style is not one of the forms handled, or `target` is finer than the
/// draft's grain allows (a day cannot be written for a fact known to the month).
pub fn restyle_date(s: &str, grain: Grain, target: &DateValue) -> Option<String> {
    let (first, last) = (target.start, target.last_day());
    let m = usize::try_from(first.month() - 1).ok()?;
    match grain {
        Grain::Day => {
            if target.grain != Grain::Day {
                return None;
            }
            if ISO_DAY.is_match(s) {
                return Some(first.to_string());
            }
            let c = MDY.captures(s).or_else(|| DMY.captures(s))?;
            let stated_day = &c["day"];
            let day = first.day();
            let day_text = if stated_day.len() == 2 && stated_day.starts_with('0') {
                format!("{day:02}")
            } else {
                day.to_string()
            };
            let ord = if c.name("ord").is_some() {
                ordinal(day)
            } else {
                ""
            };
            let mon = month_token(&c["mon"], m)?;
            let year = first.year();
            let (s1, s2) = (&c["s1"], &c["s2"]);
            Some(if MDY.is_match(s) {
                format!("{mon}{s1}{day_text}{ord}{s2}{year}")
            } else {
                format!("{day_text}{ord}{s1}{mon}{s2}{year}")
            })
        }
        Grain::Month => {
            if (first.year(), first.month()) != (last.year(), last.month()) {
                return None;
            }
            let c = MONTH.captures(s)?;
            let mon = month_token(&c["mon"], m)?;
            Some(format!("{mon}{}{}", &c["s"], first.year()))
        }
        Grain::Quarter => {
            let q = (first.month() - 1) / 3 + 1;
            if first.year() != last.year() || (last.month() - 1) / 3 + 1 != q {
                return None;
            }
            let c = QUARTER.captures(s)?;
            Some(format!("Q{q}{}{}", &c["s"], first.year()))
        }
        Grain::Year => {
            if first.year() != last.year() || !YEAR.is_match(s) {
                return None;
            }
            Some(first.year().to_string())
        }
        Grain::PartOfYear => None,
    }
}

/// The fix that makes the date at `span` (read as `stated`) say the fact's `target`
/// at the draft's grain, or None when that is not certain.
pub fn date_fix(
    text: &str,
    span: &Range<usize>,
    stated: &DateValue,
    target: &DateValue,
) -> Option<Fix> {
    let source = one_line(text, span)?;
    if recognize::parse_date(source)? != *stated {
        return None;
    }
    let replacement = restyle_date(source, stated.grain, target)?;
    let back = recognize::parse_date(&replacement)?;
    if back.grain != stated.grain || back.start > target.start || target.end > back.end {
        return None;
    }
    (replacement != source).then(|| Fix {
        span: span.clone(),
        replacement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::value::Currency;
    use jiff::civil::Date;

    #[track_caller]
    fn money(s: &str, target: f64, want: &str) {
        assert_eq!(restyle_number(s, target).as_deref(), Some(want), "{s:?}");
    }

    #[test]
    fn money_keeps_its_style() {
        money("$9 billion", 8e9, "$8 billion");
        money("$9B", 8e9, "$8B");
        money("$9b", 8e9, "$8b");
        money("US$9bn", 8e9, "US$8bn");
        money("US$9 bn", 8e9, "US$8 bn");
        money("$9Bn", 8e9, "$8Bn");
        money("USD 9 billion", 8e9, "USD 8 billion");
        money("9 billion dollars", 8e9, "8 billion dollars");
        money("9 billion US dollars", 8e9, "8 billion US dollars");
        money("$9\u{a0}billion", 8e9, "$8\u{a0}billion");
        money("$2.25 billion", 2.75e9, "$2.75 billion");
        money("$9 billion", 2.75e9, "$2.75 billion");
        money("$9,000 million", 8e9, "$8,000 million");
        money("$1,250 million", 2.75e9, "$2,750 million");
        money("€2bn", 3e9, "€3bn");
        money("$13B+", 8e9, "$8B+");
        money("$10,000", 12_500.0, "$12,500");
        money("$5,000,000", 4e6, "$4,000,000");
    }

    #[test]
    fn money_moves_to_the_scale_that_reads_naturally() {
        money("$500 million", 1.25e9, "$1.25 billion");
        money("$500M", 1.25e9, "$1.25B");
        money("$500MM", 1.25e9, "$1.25B");
        money("$1.5 billion", 5e8, "$500 million");
        money("$1.5bn", 5e8, "$500mn");
        money("$1.5B", 5e8, "$500M");
        money("$2 Billion", 5e8, "$500 Million");
        money("$2bn", 5e12, "$5tn");
        assert_eq!(
            restyle_number("$1.5bn", 5e4),
            None,
            "no two-letter thousands"
        );
        assert_eq!(
            restyle_number("₹500 crore", 4e10),
            None,
            "crore stays crore"
        );
        assert_eq!(restyle_number("$9 billion", 1.234_567_8e9), None);
        assert_eq!(restyle_number("$9 billion", 0.0), None);
        assert_eq!(restyle_number("nine billion", 8e9), None);
    }

    #[test]
    fn percents_and_counts_keep_their_style() {
        money("64%", 46.0, "46%");
        money("64 percent", 46.5, "46.5 percent");
        money("100,000", 50_000.0, "50,000");
        money("2.5 million", 3e6, "3 million");
        money("12000", 9500.0, "9500");
    }

    fn usd(v: f64, p: f64) -> Value {
        Value::Money {
            currency: Currency::Usd,
            amount: Quantity::point(v, p),
        }
    }

    fn hedged(v: f64, p: f64, h: Hedge) -> Value {
        Value::Money {
            currency: Currency::Usd,
            amount: Quantity::point(v, p).with_hedge(h),
        }
    }

    #[test]
    fn value_fixes_only_when_the_meaning_is_kept() {
        let t = "a total of $9 billion in all";
        let span = 11..21;
        let fix = value_fix(t, &span, &usd(9e9, 1e9), &usd(8e9, 1e9)).expect("a fix");
        assert_eq!(fix.replacement, "$8 billion");
        assert_eq!(fix.span, span);
        // "about $9 billion" → "about $8 billion" is still true of $8 billion.
        let about = hedged(9e9, 1e9, Hedge::About);
        assert!(value_fix(t, &span, &about, &usd(8e9, 1e9)).is_some());
        // "more than $9 billion" → "more than $8 billion" would still be wrong.
        for h in [
            Hedge::MoreThan,
            Hedge::AtLeast,
            Hedge::Nearly,
            Hedge::LessThan,
        ] {
            let v = hedged(9e9, 1e9, h);
            assert_eq!(value_fix(t, &span, &v, &usd(8e9, 1e9)), None, "{h:?}");
        }
        // A fact that is itself approximate.
        let approx = hedged(13e9, 1e9, Hedge::About);
        assert_eq!(value_fix(t, &span, &usd(9e9, 1e9), &approx), None);
        // Caps against caps.
        let up_to = hedged(5e9, 1e9, Hedge::UpTo);
        let fact = hedged(4e9, 1e9, Hedge::UpTo);
        let t2 = "up to $5 billion";
        let f = value_fix(t2, &(6..16), &up_to, &fact).expect("a cap for a cap");
        assert_eq!(f.replacement, "$4 billion");
        // Ranges.
        let range = Value::Money {
            currency: Currency::Usd,
            amount: Quantity {
                low: 1e9,
                high: 2e9,
                precision: 1e9,
                hedge: Hedge::Exact,
            },
        };
        assert_eq!(
            value_fix("$1–2 billion", &(0..14), &range, &usd(8e9, 1e9)),
            None
        );
        // Another currency, a span over a line break, a span that is not the value.
        let eur = Value::Money {
            currency: Currency::Eur,
            amount: Quantity::point(8e9, 1e9),
        };
        assert_eq!(value_fix(t, &span, &usd(9e9, 1e9), &eur), None);
        let wrapped = "a total of $9\nbillion";
        assert_eq!(
            value_fix(wrapped, &(11..21), &usd(9e9, 1e9), &usd(8e9, 1e9)),
            None
        );
        assert_eq!(
            value_fix(t, &(0..5), &usd(9e9, 1e9), &usd(8e9, 1e9)),
            None,
            "the span does not read as the stated value"
        );
    }

    fn day(y: i16, m: i8, d: i8) -> DateValue {
        DateValue::day(Date::constant(y, m, d))
    }

    fn month(y: i16, m: i8) -> DateValue {
        let start = Date::constant(y, m, 1);
        DateValue {
            start,
            end: start.last_of_month().tomorrow().expect("a later day"),
            grain: Grain::Month,
        }
    }

    #[track_caller]
    fn date(s: &str, target: DateValue, want: Option<&str>) {
        let stated = recognize::parse_date(s).expect("a date");
        assert_eq!(
            restyle_date(s, stated.grain, &target).as_deref(),
            want,
            "{s:?}"
        );
        if let Some(w) = want {
            let f = date_fix(s, &(0..s.len()), &stated, &target).expect("a fix");
            assert_eq!(f.replacement, w);
        }
    }

    #[test]
    fn days_keep_their_style() {
        let nov22 = day(2024, 11, 22);
        date("November 12, 2024", nov22, Some("November 22, 2024"));
        date("Nov. 12, 2024", nov22, Some("Nov. 22, 2024"));
        date("Nov 12, 2024", nov22, Some("Nov 22, 2024"));
        date("Nov 12 2024", nov22, Some("Nov 22 2024"));
        date("12 November 2024", nov22, Some("22 November 2024"));
        date("12th Nov 2024", nov22, Some("22nd Nov 2024"));
        date("November 12th, 2024", nov22, Some("November 22nd, 2024"));
        date("2024-11-12", nov22, Some("2024-11-22"));
        date("1st of May, 2024", nov22, Some("22nd of November, 2024"));
        let sep25 = day(2023, 9, 25);
        date("Nov. 12, 2024", sep25, Some("Sept. 25, 2023"));
        date("Nov 12, 2024", sep25, Some("Sep 25, 2023"));
        date("Sept 12, 2023", sep25, Some("Sept 25, 2023"));
        let mar27 = day(2024, 3, 27);
        date("Feb. 27, 2024", mar27, Some("March 27, 2024"));
        date("Jun. 27, 2024", mar27, Some("Mar. 27, 2024"));
        date("May 27, 2024", mar27, Some("March 27, 2024"));
        date("Feb 3, 2024", day(2024, 3, 1), Some("Mar 1, 2024"));
        date("Feb 03, 2024", day(2024, 3, 1), Some("Mar 01, 2024"));
        // A day cannot be written for a fact known only to the month.
        date("December 12, 2023", month(2023, 10), None);
    }

    #[test]
    fn months_years_and_quarters_keep_their_style() {
        date("February 2024", day(2024, 3, 27), Some("March 2024"));
        date("Feb. 2024", day(2024, 3, 27), Some("March 2024"));
        date("Sept. 2023", day(2024, 11, 22), Some("Nov. 2024"));
        date("March of 2024", day(2024, 11, 22), Some("November of 2024"));
        date("December 2023", month(2023, 10), Some("October 2023"));
        date("Q1 2024", day(2024, 4, 2), Some("Q2 2024"));
        date("2023", day(2024, 3, 27), Some("2024"));
        // Parts of a year: which part the writer meant is not certain.
        date("late 2023", day(2024, 3, 27), None);
        // Other quarter spellings are left alone.
        date("1Q24", day(2024, 4, 2), None);
    }

    #[test]
    fn a_date_fix_reads_back_at_the_stated_grain() {
        let s = "in March 2024";
        let stated = recognize::parse_date("March 2024").expect("a date");
        let f = date_fix(s, &(3..13), &stated, &day(2024, 11, 22)).expect("a fix");
        assert_eq!(f.replacement, "November 2024");
        assert_eq!(
            date_fix(s, &(3..13), &stated, &day(2024, 3, 5)),
            None,
            "same"
        );
        assert_eq!(date_fix(s, &(0..13), &stated, &day(2024, 11, 22)), None);
    }
}
