//! Percentages: "87%", "87 %", "87 percent", "87 per cent", "87.5%", "60-70%",
//! "60% to 70%", with hedges ("over 100%", "nearly 90%").
//!
//! "5 percentage points" is a change, not a percentage: it becomes a blocker, so the
//! number is neither a percent nor a count.

use std::sync::LazyLock;

use std::ops::Range;

use super::anchor::{Finder, Index};
use super::number::{NUM, Num, SP1, glued_left, num_prefix_len, range_sep};
use super::{Candidate, Rank, hedged};
use crate::base::value::{Quantity, Value};

/// The three alternatives of the pattern, in priority order: "5 percentage points",
/// "5% points" (both blockers), and a percentage or a range of them.
fn alternatives() -> [String; 3] {
    let pct = format!(r"(?:[ \u{{a0}}]?%|{SP1}(?i:percent|per{SP1}cent)(?-u:\b))");
    let sep = range_sep();
    [
        format!(r"(?:{NUM})(?:{SP1}|-)(?i:percentage)(?:(?:{SP1}|-)(?i:points?))?(?-u:\b)"),
        format!(r"(?:{NUM})[ \u{{a0}}]?(?:%{SP1}|{SP1}(?i:percent){SP1})(?i:points?)(?-u:\b)"),
        format!(r"(?P<n1>{NUM})(?:{pct})?(?:{sep}(?P<n2>{NUM}))?{pct}"),
    ]
}

/// The pattern as one regex (the form the tests compare with).
#[cfg(test)]
fn pattern() -> String {
    let [a, b, main] = alternatives();
    format!(r"(?-u:\b)(?:(?P<block>{a}|{b})|{main})")
}

/// Every percentage starts with a number at the start of a word.
static PERCENT: LazyLock<Finder> = LazyLock::new(|| {
    let alts = alternatives().map(|a| format!(r"(?-u:\b)(?:{a})"));
    Finder::new(&alts, 0)
});

/// Appends a candidate for every percentage in `text` (and blockers for
/// "percentage points").
pub(crate) fn find(text: &str, out: &mut Vec<Candidate>) {
    find_in(text, &Index::new(text), out);
}

/// [`find`], with the text's [`Index`]: a percentage starts with a number at the start
/// of a word.
///
/// No capture groups: a match of the first two alternatives is a blocker; in one of
/// the third, the first number is the one at its start and the second (of a range)
/// the only other digits in it, and a number is read as the pattern reads it (the
/// longest, which the percent sign or separator after it requires; see
/// [`num_prefix_len`]).
pub(crate) fn find_in(text: &str, idx: &Index, out: &mut Vec<Candidate>) {
    let re = &*PERCENT;
    let mut scratch = re.scratch();
    let cache = &mut scratch.cache;
    let b = text.as_bytes();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = re.find(cache, text, &idx.numbers, &idx.digits, pos) else {
            break;
        };
        pos = m.end.max(m.start + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        if m.pattern.as_usize() < 2 {
            on_match(text, m.start..m.end, true, None, None, out);
            continue;
        }
        let n1 = m.start..m.start + num_prefix_len(&b[m.start..m.end]);
        let n2 = b[n1.end..m.end]
            .iter()
            .position(u8::is_ascii_digit)
            .map(|i| n1.end + i)
            .map(|s| s..s + num_prefix_len(&b[s..m.end]));
        on_match(text, m.start..m.end, false, Some(n1), n2, out);
    }
}

/// Turns one match (its range, whether it is a blocker, and its numbers) into a
/// candidate, if it is one.
fn on_match(
    text: &str,
    range: Range<usize>,
    block: bool,
    n1: Option<Range<usize>>,
    n2: Option<Range<usize>>,
    out: &mut Vec<Candidate>,
) {
    if block {
        out.push(Candidate::blocker(Rank::Percent, range));
        return;
    }
    let Some(Range { start: s1, end: e1 }) = n1 else {
        return;
    };
    if glued_left(text, s1) {
        return;
    }
    let Some(a) = text.get(s1..e1).and_then(Num::parse) else {
        return;
    };
    let (lo, p1) = a.scaled(0);
    let mut q = Quantity::point(lo, p1);
    let mut start = s1;
    if let Some(b) = n2
        .and_then(|r| text.get(r.clone()).map(|t| (r.start, t)))
        .and_then(|(s, t)| Num::parse(t).map(|n| (s, n)))
    {
        let (hi, p2) = b.1.scaled(0);
        if lo <= hi {
            q.high = hi;
            q.precision = p1.min(p2);
        } else {
            // "70-60%": only the second number is a percentage.
            q = Quantity::point(hi, p2);
            start = b.0;
        }
    }
    let mention = hedged(text, start..range.end, q, None, Value::Percent);
    out.push(Candidate::mention(Rank::Percent, mention));
}

/// [`find`] as it was written first: the regex crate's unanchored search over the
/// whole text, with capture groups. The tests check that both find the same.
#[cfg(test)]
pub(crate) fn find_unanchored(text: &str, out: &mut Vec<Candidate>) {
    static RE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(&pattern()).expect("valid"));
    let re = &*RE;
    let i = |name: &str| {
        re.capture_names()
            .position(|n| n == Some(name))
            .expect("a group of the pattern")
    };
    let (block, n1, n2) = (i("block"), i("n1"), i("n2"));
    let mut locs = re.capture_locations();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = re.captures_read_at(&mut locs, text, pos) else {
            break;
        };
        pos = m.end().max(m.start() + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        let g = |i: usize| locs.get(i).map(|(s, e)| s..e);
        on_match(text, m.range(), g(block).is_some(), g(n1), g(n2), out);
    }
}

#[cfg(test)]
mod tests {
    use super::super::Mention;
    use super::*;
    use crate::base::value::Hedge;

    fn all(text: &str) -> Vec<Mention> {
        let mut c = Vec::new();
        find(text, &mut c);
        c.into_iter().filter_map(|c| c.mention).collect()
    }

    #[track_caller]
    fn check(text: &str, span: &str, low: f64, high: f64, precision: f64, hedge: Hedge) {
        let ms = all(text);
        assert_eq!(ms.len(), 1, "{text:?} gave {ms:?}");
        let m = &ms[0];
        assert_eq!(&text[m.span.clone()], span);
        let Value::Percent(q) = m.value else {
            panic!("not a percent: {m:?}");
        };
        assert!((q.low - low).abs() < 1e-9, "low {} vs {low}", q.low);
        assert!((q.high - high).abs() < 1e-9, "high {} vs {high}", q.high);
        assert!(
            (q.precision - precision).abs() < 1e-12,
            "precision {} vs {precision}",
            q.precision
        );
        assert_eq!(q.hedge, hedge);
    }

    #[test]
    fn plain_forms() {
        check("87%", "87%", 87.0, 87.0, 1.0, Hedge::Exact);
        check("87 %", "87 %", 87.0, 87.0, 1.0, Hedge::Exact);
        check("87 percent", "87 percent", 87.0, 87.0, 1.0, Hedge::Exact);
        check("87 Percent", "87 Percent", 87.0, 87.0, 1.0, Hedge::Exact);
        check("87 per cent", "87 per cent", 87.0, 87.0, 1.0, Hedge::Exact);
        check("87.5%", "87.5%", 87.5, 87.5, 0.1, Hedge::Exact);
        check("a 0.25% fee", "0.25%", 0.25, 0.25, 0.01, Hedge::Exact);
    }

    #[test]
    fn ranges() {
        check("60-70%", "60-70%", 60.0, 70.0, 1.0, Hedge::Exact);
        check("60–70%", "60–70%", 60.0, 70.0, 1.0, Hedge::Exact);
        check("60% to 70%", "60% to 70%", 60.0, 70.0, 1.0, Hedge::Exact);
        check(
            "60 to 70 percent",
            "60 to 70 percent",
            60.0,
            70.0,
            1.0,
            Hedge::Exact,
        );
        check("70-60%", "60%", 60.0, 60.0, 1.0, Hedge::Exact);
    }

    #[test]
    fn hedged_percentages() {
        check("over 100%", "100%", 100.0, 100.0, 1.0, Hedge::MoreThan);
        check("nearly 90%", "90%", 90.0, 90.0, 1.0, Hedge::Nearly);
        check(
            "about 87 percent",
            "87 percent",
            87.0,
            87.0,
            1.0,
            Hedge::About,
        );
        check("up to 40%", "40%", 40.0, 40.0, 1.0, Hedge::UpTo);
        let t = "Less than 5% of users";
        let m = &all(t)[0];
        assert_eq!(&t[m.hedge_span.clone().expect("hedge")], "Less than");
    }

    #[test]
    fn percentage_points_are_blocked() {
        for t in [
            "rose 5 percentage points",
            "a 5-percentage-point gain",
            "5 percentage points",
            "5% points",
        ] {
            assert!(all(t).is_empty(), "{t:?}");
        }
        let mut c = Vec::new();
        find("rose 5 percentage points", &mut c);
        assert_eq!(c.len(), 1);
        assert!(c[0].mention.is_none());
        assert_eq!(c[0].span, 5..24);
    }

    #[test]
    fn not_percentages() {
        for t in ["GPT-4%", "v5%", "%", "percent", "3.5.1%"] {
            let ms = all(t);
            assert!(
                ms.iter().all(|m| &t[m.span.clone()] != t),
                "{t:?} gave {ms:?}"
            );
        }
        assert!(all("GPT-4%").is_empty());
        assert!(all("per cent").is_empty());
    }
}
