//! Dates: days ("November 22, 2024", "22 Nov 2024", "2024-11-22"), months
//! ("November 2024"), quarters ("Q3 2023", "3Q23", "2023Q3", "third quarter of 2023"),
//! halves ("H1 2024", "first half of 2024"), parts of a year or month ("early 2024",
//! "mid-2024", "end of 2023", "late March 2024") and bare years ("2024").
//!
//! Month names must be capitalised ("may" is a verb). Years are 1900–2099 only. A
//! year glued to more digits or letters ("12023", "v2023", "2020s", "$2,023") is no
//! year, and a year range ("2023-2024", "2023–24") is neither year: it becomes a
//! blocker. An impossible day ("February 30, 2024") is a blocker too. "2024-10" is
//! read as a month only by [`parse_iso_month`] (in prose it is too ambiguous).

use std::sync::LazyLock;

use jiff::civil::Date;
use regex_automata::PatternID;

use regex_automata::util::pool::PoolGuard;

use super::anchor::{Finder, Found, Index, NewScratch, Scratch};
use super::number::{SP1, next2, prev2};
use super::{Candidate, Mention, Rank};
use crate::base::value::{DateValue, Grain, Value};

fn mon(tag: &str) -> String {
    format!(
        r"(?P<mon_{tag}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    )
}

fn year(tag: &str) -> String {
    format!(r"(?P<y_{tag}>(?:19|20)[0-9]{{2}})")
}

fn day(tag: &str) -> String {
    format!(r"(?P<d_{tag}>[0-3]?[0-9])(?:st|nd|rd|th)?")
}

/// Group indexes of the date pattern.
struct Groups {
    pm: usize,
    mon_pm: usize,
    y_pm: usize,
    mon_a: usize,
    d_a: usize,
    y_a: usize,
    d_b: usize,
    mon_b: usize,
    y_b: usize,
    y_i: usize,
    m_i: usize,
    d_i: usize,
    mon_m: usize,
    y_m: usize,
    q_a: usize,
    y_qa: usize,
    yy_qa: usize,
    q_b: usize,
    yy_qb: usize,
    y_qc: usize,
    q_c: usize,
    q_w: usize,
    y_qw: usize,
    h_a: usize,
    y_ha: usize,
    yy_ha: usize,
    h_b: usize,
    yy_hb: usize,
    y_hc: usize,
    h_c: usize,
    h_w: usize,
    y_hw: usize,
    p_y: usize,
    y_py: usize,
    p_e: usize,
    y_pe: usize,
    y_yr: usize,
}

struct Dates {
    re: Finder,
    g: Groups,
    /// For each group index of the one-regex [`pattern`] (after 0): the alternative
    /// and the group's index in it.
    global: Vec<(PatternID, usize)>,
}

/// The alternatives of the date pattern, in priority order.
fn alternatives() -> Vec<String> {
    let of = format!(r"(?:{SP1}(?i:of|in){SP1}|{SP1}|,{SP1})");
    let alts = [
        // early/mid/late March 2024
        format!(
            r"(?P<pm>(?i:early|mid|late))(?:-|{SP1}){}{SP1}{}",
            mon("pm"),
            year("pm")
        ),
        // November 22, 2024
        format!(r"{}{SP1}{},?{SP1}{}", mon("a"), day("a"), year("a")),
        // 22 November 2024
        format!(
            r"{}{SP1}(?:of{SP1})?{},?{SP1}{}",
            day("b"),
            mon("b"),
            year("b")
        ),
        // 2024-11-22
        format!(
            r"{}-(?P<m_i>0[1-9]|1[0-2])-(?P<d_i>0[1-9]|[12][0-9]|3[01])",
            year("i")
        ),
        // November 2024
        format!(r"{}(?:,|{SP1}of)?{SP1}{}", mon("m"), year("m")),
        // Q3 2023, Q3'23
        format!(
            r"Q(?P<q_a>[1-4])(?:(?:{SP1}(?:of{SP1})?|-)?{}|{SP1}?['’](?P<yy_qa>[0-9]{{2}}))",
            year("qa")
        ),
        // 3Q23, 3Q2023
        r"(?P<q_b>[1-4])Q(?P<yy_qb>(?:19|20)?[0-9]{2})".to_string(),
        // 2023Q3, 2023 Q3
        format!(r"{}{SP1}?Q(?P<q_c>[1-4])", year("qc")),
        // third quarter of 2023, fourth-quarter 2023
        format!(
            r"(?P<q_w>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[- ](?i:quarter){of}{}",
            year("qw")
        ),
        // H1 2024, H1'24
        format!(
            r"H(?P<h_a>[12])(?:(?:{SP1}|-)?{}|{SP1}?['’](?P<yy_ha>[0-9]{{2}}))",
            year("ha")
        ),
        // 1H24
        r"(?P<h_b>[12])H(?P<yy_hb>(?:19|20)?[0-9]{2})".to_string(),
        // 2024H1, 2024 H1
        format!(r"{}{SP1}?H(?P<h_c>[12])", year("hc")),
        // first half of 2024
        format!(
            r"(?P<h_w>(?i:first|second|1st|2nd))[- ](?i:half){of}{}",
            year("hw")
        ),
        // early 2024, mid-2024, late 2023
        format!(r"(?P<p_y>(?i:early|mid|late))(?:-|{SP1}){}", year("py")),
        // end of 2023, beginning of 2024
        format!(
            r"(?P<p_e>(?i:end|start|beginning|middle)){SP1}(?i:of){SP1}{}",
            year("pe")
        ),
        // 2024
        year("yr"),
    ];
    alts.to_vec()
}

/// The date pattern as one regex: any alternative, at the start of a word.
#[cfg(test)]
fn pattern() -> String {
    format!(r"(?-u:\b)(?:{})", alternatives().join("|"))
}

static DATES: LazyLock<Dates> = LazyLock::new(|| {
    let alts: Vec<String> = alternatives()
        .iter()
        .map(|a| format!(r"(?-u:\b)(?:{a})"))
        .collect();
    // A date's first digit is at most 69 bytes after its start ("second quarter of
    // 2023" with the longest runs of white space [`SP1`] allows, 26 bytes each): 72
    // leaves room. See `Index::dates` for where a date can start.
    let re = Finder::new(&alts, 72);
    let info = re.group_info();
    let mut global = Vec::new();
    let mut names = Vec::new();
    for p in 0..info.pattern_len() {
        let pid = PatternID::must(p);
        for (local, name) in info.pattern_names(pid).enumerate().skip(1) {
            global.push((pid, local));
            names.push(name.unwrap_or(""));
        }
    }
    let i = |name: &str| {
        1 + names
            .iter()
            .position(|n| *n == name)
            .expect("the group name is part of the constant pattern")
    };
    let g = Groups {
        pm: i("pm"),
        mon_pm: i("mon_pm"),
        y_pm: i("y_pm"),
        mon_a: i("mon_a"),
        d_a: i("d_a"),
        y_a: i("y_a"),
        d_b: i("d_b"),
        mon_b: i("mon_b"),
        y_b: i("y_b"),
        y_i: i("y_i"),
        m_i: i("m_i"),
        d_i: i("d_i"),
        mon_m: i("mon_m"),
        y_m: i("y_m"),
        q_a: i("q_a"),
        y_qa: i("y_qa"),
        yy_qa: i("yy_qa"),
        q_b: i("q_b"),
        yy_qb: i("yy_qb"),
        y_qc: i("y_qc"),
        q_c: i("q_c"),
        q_w: i("q_w"),
        y_qw: i("y_qw"),
        h_a: i("h_a"),
        y_ha: i("y_ha"),
        yy_ha: i("yy_ha"),
        h_b: i("h_b"),
        yy_hb: i("yy_hb"),
        y_hc: i("y_hc"),
        h_c: i("h_c"),
        h_w: i("h_w"),
        y_hw: i("y_hw"),
        p_y: i("p_y"),
        y_py: i("y_py"),
        p_e: i("p_e"),
        y_pe: i("y_pe"),
        y_yr: i("y_yr"),
    };
    Dates { re, g, global }
});

/// The first day of month `m` of year `y`; month 13 is January of the next year.
fn ym(y: i32, m: i32) -> Option<Date> {
    let (y, m) = if m > 12 { (y + 1, m - 12) } else { (y, m) };
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, 1).ok()
}

/// Day `d` of month `m` of year `y`.
fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// Months `[from, to)` of year `y` (`to` may be 13).
fn months(y: i32, from: i32, to: i32, grain: Grain) -> Option<DateValue> {
    Some(DateValue {
        start: ym(y, from)?,
        end: ym(y, to)?,
        grain,
    })
}

/// The month number of a month name or abbreviation ("Sept.", "November").
fn month_number(s: &str) -> Option<i32> {
    let key = s.get(..3)?;
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .iter()
        .position(|n| *n == key)
        .and_then(|i| i32::try_from(i + 1).ok())
}

/// Ordinal word or number 1–4 ("third", "3rd").
fn ordinal(s: &str) -> Option<i32> {
    let l = s.to_ascii_lowercase();
    Some(match l.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// What one match means.
enum Reading {
    /// A date; `true` for a bare year.
    Date(DateValue, bool),
    /// Looks like a date but is none (an impossible day).
    Invalid,
}

fn read(text: &str, loc: &dyn Fn(usize) -> Option<(usize, usize)>) -> Option<Reading> {
    let g = &DATES.g;
    let s = |i: usize| loc(i).and_then(|(a, b)| text.get(a..b));
    let num = |i: usize| s(i).and_then(|t| t.parse::<i32>().ok());
    // Two-digit years ("3Q23", "Q3'23") are in 2000–2099.
    let year2 = |i: usize| {
        s(i).and_then(|t| {
            let n = t.parse::<i32>().ok()?;
            Some(if t.len() == 2 { 2000 + n } else { n })
        })
    };
    let invalid_or = |d: Option<DateValue>| {
        Some(match d {
            Some(d) => Reading::Date(d, false),
            None => Reading::Invalid,
        })
    };

    if let Some(part) = s(g.pm) {
        let (y, m) = (num(g.y_pm)?, month_number(s(g.mon_pm)?)?);
        let (from, to) = match part.to_ascii_lowercase().as_str() {
            "early" => (ymd(y, m, 1), ymd(y, m, 16)),
            "mid" => (ymd(y, m, 10), ymd(y, m, 21)),
            _ => (ymd(y, m, 16), ym(y, m + 1)),
        };
        return invalid_or(Some(DateValue {
            start: from?,
            end: to?,
            grain: Grain::PartOfYear,
        }));
    }
    if let Some(d) = num(g.d_a) {
        let (y, m) = (num(g.y_a)?, month_number(s(g.mon_a)?)?);
        return invalid_or(ymd(y, m, d).map(DateValue::day));
    }
    if let Some(d) = num(g.d_b) {
        let (y, m) = (num(g.y_b)?, month_number(s(g.mon_b)?)?);
        return invalid_or(ymd(y, m, d).map(DateValue::day));
    }
    if let Some(d) = num(g.d_i) {
        let (y, m) = (num(g.y_i)?, num(g.m_i)?);
        return invalid_or(ymd(y, m, d).map(DateValue::day));
    }
    if let Some(m) = s(g.mon_m).and_then(month_number) {
        return invalid_or(months(num(g.y_m)?, m, m + 1, Grain::Month));
    }
    let quarter = [
        (g.q_a, year2(g.y_qa).or_else(|| year2(g.yy_qa))),
        (g.q_b, year2(g.yy_qb)),
        (g.q_c, num(g.y_qc)),
    ]
    .into_iter()
    .find_map(|(q, y)| Some((num(q)?, y?)))
    .or_else(|| Some((ordinal(s(g.q_w)?)?, num(g.y_qw)?)));
    if let Some((q, y)) = quarter {
        return invalid_or(months(y, 3 * q - 2, 3 * q + 1, Grain::Quarter));
    }
    let half = [
        (g.h_a, year2(g.y_ha).or_else(|| year2(g.yy_ha))),
        (g.h_b, year2(g.yy_hb)),
        (g.h_c, num(g.y_hc)),
    ]
    .into_iter()
    .find_map(|(h, y)| Some((num(h)?, y?)))
    .or_else(|| Some((ordinal(s(g.h_w)?)?, num(g.y_hw)?)));
    if let Some((h, y)) = half {
        return invalid_or(months(y, 6 * h - 5, 6 * h + 1, Grain::PartOfYear));
    }
    let part = s(g.p_y)
        .map(|p| (p, num(g.y_py)))
        .or_else(|| s(g.p_e).map(|p| (p, num(g.y_pe))));
    if let Some((p, y)) = part {
        let (from, to) = match p.to_ascii_lowercase().as_str() {
            "early" | "start" | "beginning" => (1, 7),
            "mid" | "middle" => (5, 9),
            _ => (7, 13),
        };
        return invalid_or(months(y?, from, to, Grain::PartOfYear));
    }
    let y = num(g.y_yr)?;
    Some(match months(y, 1, 13, Grain::Year) {
        Some(d) => Reading::Date(d, true),
        None => Reading::Invalid,
    })
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑')
}

/// True when the text left of a date starting with a digit makes it part of
/// something else: an amount ("$2023"), a decimal or grouped number ("1.2023",
/// "2,2023"), a range ("2022-2023"), an identifier ("#2023", "v2023").
fn glued_left(text: &str, i: usize) -> bool {
    match prev2(text, i) {
        (Some(c), before) => {
            c.is_alphanumeric()
                || matches!(
                    c,
                    '$' | '€' | '£' | '¥' | '₹' | '#' | '@' | '/' | '\\' | '_'
                )
                || ((is_dash(c) || matches!(c, '.' | ',' | ':'))
                    && before.is_some_and(|b| b.is_ascii_digit()))
        }
        (None, _) => false,
    }
}

/// True when the text right of a date continues it into something else: a range
/// ("2023-24", "2023–2024"), a bigger number ("2023,000", "2023.5"), a fraction,
/// a percentage or a letter ("2020s").
fn glued_right(text: &str, i: usize) -> bool {
    match next2(text, i) {
        (Some(c), after) => {
            c.is_alphanumeric()
                || matches!(c, '%' | '_')
                || ((is_dash(c) || matches!(c, '/' | '.' | ',' | ':'))
                    && after.is_some_and(|a| a.is_ascii_digit()))
        }
        (None, _) => false,
    }
}

/// How [`find_with`] searches: the anchored search of [`find`], or the unanchored one
/// the tests compare it with.
trait Search {
    /// The next match at or after `from`.
    fn find(&mut self, text: &str, from: usize) -> Option<(usize, usize)>;
    /// Reads the groups of the match that starts at `start`; false if there is none.
    fn captures(&mut self, text: &str, start: usize) -> bool;
    /// Group `i` of the match read last.
    fn group(&self, i: usize) -> Option<(usize, usize)>;
}

struct AnchoredSearch<'f> {
    idx: &'f Index,
    last: Option<Found>,
    scratch: PoolGuard<'f, Scratch, NewScratch>,
    /// The groups of the match read last, when [`plain_groups`] read them.
    plain: Option<Plain>,
}

/// What may stand between the day and the year of "November 22, 2024" for
/// [`plain_groups`]: an ordinal suffix or none, a comma or none, one space.
const DAY_TAILS: &[&[u8]] = &[
    b" ", b", ", b"st ", b"st, ", b"nd ", b"nd, ", b"rd ", b"rd, ", b"th ", b"th, ",
];

/// Capture groups read by hand: the alternative, and each group's byte range by its
/// index in the alternative (index 0, the whole match, is not read).
#[derive(Clone, Copy, Debug)]
struct Plain {
    pattern: PatternID,
    slots: [Option<(usize, usize)>; 4],
}

/// The groups of a date match `m` of one of the commonest shapes, each part
/// separated by one space: "2024-11-22", "November 22, 2024" (also "Nov. 22 2024",
/// "September 25th, 2023"), "November 2024" and "November, 2024", "Q3 2023"
/// ("Q3-2023", "Q32023"), "early 2024" and "mid-2024". For these the pattern can
/// read its groups one way only, so they are read here rather than by the
/// backtracker (some 3,700 instructions per date); a test compares both on every
/// such shape. `None` for any other match.
fn plain_groups(text: &str, m: Found) -> Option<Plain> {
    let b = text.get(m.start..m.end)?.as_bytes();
    let n = b.len();
    let g = &DATES.g;
    // The alternative of the match, told by one of its groups.
    let of = |group: usize| DATES.global.get(group - 1).map(|&(p, _)| p) == Some(m.pattern);
    // Every shape read here but the ISO day ends with a four-digit year.
    let year = n.checked_sub(4)?;
    if !of(g.d_i) && !b[year..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut plain = Plain {
        pattern: m.pattern,
        slots: [None; 4],
    };
    let mut set = |group: usize, from: usize, to: usize| {
        let local = DATES.global.get(group - 1).map(|&(_, local)| local);
        if let Some(slot) = local.and_then(|l| plain.slots.get_mut(l)) {
            *slot = Some((m.start + from, m.start + to));
        }
    };
    // A month's name, with or without a full stop: up to the first other byte.
    let month = || {
        b.iter()
            .position(|&c| !(c.is_ascii_alphabetic() || c == b'.'))
    };
    if of(g.d_i) && n == 10 {
        // 2024-11-22
        set(g.y_i, 0, 4);
        set(g.m_i, 5, 7);
        set(g.d_i, 8, 10);
    } else if of(g.d_a) {
        // November 22, 2024
        let mon = month()?;
        let d = mon + 1;
        let digits = b
            .get(d..year)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if b[mon] != b' ' || digits == 0 || !DAY_TAILS.contains(&b.get(d + digits..year)?) {
            return None;
        }
        set(g.mon_a, 0, mon);
        set(g.d_a, d, d + digits);
        set(g.y_a, year, n);
    } else if of(g.mon_m) {
        // November 2024
        let mon = month()?;
        if !matches!(b.get(mon..year)?, b" " | b", ") {
            return None;
        }
        set(g.mon_m, 0, mon);
        set(g.y_m, year, n);
    } else if of(g.q_a) && (n == 6 || (n == 7 && matches!(b[2], b' ' | b'-'))) {
        // Q3 2023
        set(g.q_a, 1, 2);
        set(g.y_qa, year, n);
    } else if of(g.p_y) {
        // mid-2024
        let part = b.iter().position(|c| !c.is_ascii_alphabetic())?;
        if part + 1 != year || !matches!(b[part], b' ' | b'-') {
            return None;
        }
        set(g.p_y, 0, part);
        set(g.y_py, year, n);
    } else {
        return None;
    }
    Some(plain)
}

impl Search for AnchoredSearch<'_> {
    fn find(&mut self, text: &str, from: usize) -> Option<(usize, usize)> {
        self.last = DATES.re.find(
            &mut self.scratch.cache,
            text,
            &self.idx.dates,
            &self.idx.digits,
            from,
        );
        self.last.map(|m| (m.start, m.end))
    }

    fn captures(&mut self, text: &str, start: usize) -> bool {
        self.plain = None;
        match self.last {
            Some(m) if m.start == start => {
                self.plain = plain_groups(text, m);
                self.plain.is_some() || DATES.re.captures(text, m, &mut self.scratch.slots)
            }
            _ => false,
        }
    }

    fn group(&self, i: usize) -> Option<(usize, usize)> {
        let &(pid, local) = DATES.global.get(i.checked_sub(1)?)?;
        if let Some(plain) = &self.plain {
            return if plain.pattern == pid {
                plain.slots.get(local).copied().flatten()
            } else {
                None
            };
        }
        let slots = &self.scratch.slots;
        if slots.pattern() != Some(pid) {
            return None;
        }
        slots.get(local).map(|r| (r.start, r.end))
    }
}

/// Appends a candidate for every date in `text`, and blockers for year ranges and
/// impossible days.
pub(crate) fn find(text: &str, out: &mut Vec<Candidate>) {
    find_in(text, &Index::new(text), out);
}

/// [`find`], with the text's [`Index`].
pub(crate) fn find_in(text: &str, idx: &Index, out: &mut Vec<Candidate>) {
    let mut search = AnchoredSearch {
        idx,
        last: None,
        scratch: DATES.re.scratch(),
        plain: None,
    };
    find_with(text, &mut search, out);
}

fn find_with(text: &str, search: &mut impl Search, out: &mut Vec<Candidate>) {
    let mut pos = 0;
    while pos <= text.len() {
        // A DFA search first; capture groups only for the rarer non-year matches.
        let Some((start, end)) = search.find(text, pos) else {
            break;
        };
        let m_str = &text[start..end];
        let starts_with_digit = text.as_bytes().get(start).is_some_and(u8::is_ascii_digit);
        if starts_with_digit && glued_left(text, start) {
            // Part of something else on the left; a later date may still start inside
            // ("$10 May 2024" still holds "May 2024").
            pos = start + 1;
            continue;
        }
        pos = end.max(start + 1);
        let is_year = m_str.len() == 4 && m_str.bytes().all(|b| b.is_ascii_digit());
        if !is_year && !search.captures(text, start) {
            continue;
        }
        // "2023-12-01T10:00": an ISO day may carry a time.
        let iso_time = !is_year
            && search.group(DATES.g.d_i).is_some()
            && matches!(next2(text, end), (Some('T'), Some(c)) if c.is_ascii_digit());
        if glued_right(text, end) && !iso_time {
            out.push(Candidate::blocker(Rank::Date, start..end));
            continue;
        }
        let reading = if is_year {
            m_str
                .parse::<i32>()
                .ok()
                .and_then(|y| months(y, 1, 13, Grain::Year))
                .map(|d| Reading::Date(d, true))
        } else {
            read(text, &|i| search.group(i))
        };
        match reading {
            Some(Reading::Date(d, bare_year)) => out.push(Candidate::mention(
                Rank::Date,
                Mention {
                    span: start..end,
                    hedge_span: None,
                    value: Value::Date(d),
                    bare_year,
                },
            )),
            Some(Reading::Invalid) => out.push(Candidate::blocker(Rank::Date, start..end)),
            None => {}
        }
    }
}

/// [`find`] as it was written first: the regex crate's unanchored search over the
/// whole text. The tests check that both find the same.
#[cfg(test)]
pub(crate) fn find_unanchored(text: &str, out: &mut Vec<Candidate>) {
    struct Unanchored {
        re: regex::Regex,
        locs: regex::CaptureLocations,
    }
    impl Search for Unanchored {
        fn find(&mut self, text: &str, from: usize) -> Option<(usize, usize)> {
            self.re.find_at(text, from).map(|m| (m.start(), m.end()))
        }
        fn captures(&mut self, text: &str, start: usize) -> bool {
            self.re
                .captures_read_at(&mut self.locs, text, start)
                .is_some()
        }
        fn group(&self, i: usize) -> Option<(usize, usize)> {
            self.locs.get(i)
        }
    }
    static RE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(&pattern()).expect("valid"));
    let re = RE.clone();
    let locs = re.capture_locations();
    find_with(text, &mut Unanchored { re, locs }, out);
}

/// A whole string that is an ISO day the date pattern reads ("2024-11-22": a year of
/// 1900–2099, a month of 01–12, a day of 01–31), read without the pattern: `Some` of
/// the day, or of `None` when there is no such day ("2023-02-30", which the pattern
/// reads as an invalid date). `None` for any other string. A fact base's dates are
/// nearly all of this shape, and the pattern costs some 5,000 instructions a date
/// (27,000 dates in a 10,000-fact base); a test compares both readings.
pub(crate) fn parse_iso_day(s: &str) -> Option<Option<DateValue>> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<i32>().ok());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1900..=2099).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(ymd(y, m, d).map(DateValue::day))
}

/// "2024-10" as a month, for whole strings only (see the module docs).
pub(crate) fn parse_iso_month(s: &str) -> Option<DateValue> {
    let b = s.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        return None;
    }
    let y: i32 = s.get(..4)?.parse().ok()?;
    let m: i32 = s.get(5..)?.parse().ok()?;
    if !(1900..=2099).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    months(y, m, m + 1, Grain::Month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Mention> {
        let mut c = Vec::new();
        find(text, &mut c);
        c.into_iter().filter_map(|c| c.mention).collect()
    }

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::constant(y, m, day)
    }

    /// Asserts that `text` holds exactly one date with this span, range and grain.
    #[track_caller]
    fn check(text: &str, span: &str, start: Date, end: Date, grain: Grain) {
        let ms = all(text);
        assert_eq!(ms.len(), 1, "{text:?} gave {ms:?}");
        let m = &ms[0];
        assert_eq!(&text[m.span.clone()], span, "span of {text:?}");
        assert_eq!(
            m.value,
            Value::Date(DateValue { start, end, grain }),
            "value of {text:?}"
        );
        assert_eq!(m.bare_year, grain == Grain::Year, "bare_year of {text:?}");
        assert_eq!(m.hedge_span, None);
    }

    #[track_caller]
    fn day_of(text: &str, y: i16, m: i8, dd: i8) {
        let start = d(y, m, dd);
        let end = start.tomorrow().expect("a test day is not the last day");
        check(text, text, start, end, Grain::Day);
    }

    /// Every shape [`plain_groups`] reads, and shapes near them it leaves to the
    /// backtracker: both readings agree group by group.
    #[test]
    fn plain_dates_are_read_as_the_backtracker_reads_them() {
        let mut shapes: Vec<String> = Vec::new();
        for mon in ["November", "Nov", "Nov.", "Sept.", "Sept", "May"] {
            for day in ["22", "1", "09"] {
                for tail in DAY_TAILS.iter().chain(&[&b"  "[..], b" ,", b"th of "]) {
                    let tail = std::str::from_utf8(tail).expect("ASCII");
                    shapes.push(format!("{mon} {day}{tail}2024"));
                }
            }
            for sep in [" ", ", ", " of ", "  ", ",\n", "\u{a0}"] {
                shapes.push(format!("{mon}{sep}2024"));
            }
        }
        for q in [
            "Q3 2023",
            "Q3-2023",
            "Q32023",
            "Q3 of 2023",
            "Q3'23",
            "Q3 '23",
            "Q3\u{2019}23",
        ] {
            shapes.push(q.to_string());
        }
        for p in ["early", "mid", "late", "Early", "MID"] {
            for sep in [" ", "-", "  ", "\t"] {
                shapes.push(format!("{p}{sep}2024"));
            }
            shapes.push(format!("{p} March 2024"));
        }
        shapes.extend(["2024-11-22", "1999-01-31", "2024-11-22T10:00"].map(String::from));
        let mut plain = 0;
        for shape in &shapes {
            for around in [("", ""), ("On ", "."), ("(", ")")] {
                let text = format!("{}{shape}{}", around.0, around.1);
                let idx = Index::new(&text);
                let mut scratch = DATES.re.scratch();
                let Scratch { cache, slots } = &mut *scratch;
                let f = &DATES.re;
                let Some(m) = f.find(cache, &text, &idx.dates, &idx.digits, 0) else {
                    panic!("no date in {text:?}");
                };
                assert!(f.captures(&text, m, slots), "{text:?}");
                let Some(by_hand) = plain_groups(&text, m) else {
                    continue;
                };
                plain += 1;
                assert_eq!(m.start, around.0.len(), "{text:?}");
                assert_eq!(Some(m.pattern), slots.pattern(), "{text:?}");
                for (local, got) in by_hand.slots.iter().enumerate().skip(1) {
                    let want = slots.get(local).map(|r| (r.start, r.end));
                    assert_eq!(*got, want, "group {local} of {text:?}");
                }
                // No group of the alternative is left out.
                let groups = DATES.global.iter().filter(|(p, _)| *p == m.pattern).count();
                assert!(groups < by_hand.slots.len(), "{text:?}");
            }
        }
        // 6 month words: 3 days with 10 tails, 2 month-year separators; 3 quarters;
        // 5 parts with 2 separators; 3 ISO days; each in 3 contexts.
        assert_eq!(plain, 3 * (6 * (3 * 10 + 2) + 3 + 5 * 2 + 3));
    }

    #[test]
    fn days() {
        day_of("November 22, 2024", 2024, 11, 22);
        day_of("Nov. 22, 2024", 2024, 11, 22);
        day_of("Nov 22, 2024", 2024, 11, 22);
        day_of("Sept. 25, 2023", 2023, 9, 25);
        day_of("Sep 25, 2023", 2023, 9, 25);
        day_of("September 25th, 2023", 2023, 9, 25);
        day_of("22 November 2024", 2024, 11, 22);
        day_of("22 Nov 2024", 2024, 11, 22);
        day_of("2024-11-22", 2024, 11, 22);
        let d22 = d(2024, 11, 22);
        let g = Grain::Day;
        check("2024-11-22T10:00Z", "2024-11-22", d22, d(2024, 11, 23), g);
        day_of("1st of May, 2024", 2024, 5, 1);
        check(
            "Dec 31, 2024",
            "Dec 31, 2024",
            d(2024, 12, 31),
            d(2025, 1, 1),
            Grain::Day,
        );
    }

    #[test]
    fn months_of_a_year() {
        let m = Grain::Month;
        check(
            "November 2024",
            "November 2024",
            d(2024, 11, 1),
            d(2024, 12, 1),
            m,
        );
        check("Nov. 2024", "Nov. 2024", d(2024, 11, 1), d(2024, 12, 1), m);
        check("Sept. 2023", "Sept. 2023", d(2023, 9, 1), d(2023, 10, 1), m);
        check(
            "December 2023",
            "December 2023",
            d(2023, 12, 1),
            d(2024, 1, 1),
            m,
        );
        check("May 2024", "May 2024", d(2024, 5, 1), d(2024, 6, 1), m);
        check(
            "in March of 2024.",
            "March of 2024",
            d(2024, 3, 1),
            d(2024, 4, 1),
            m,
        );
    }

    #[test]
    fn iso_month_only_when_alone() {
        assert_eq!(
            parse_iso_month("2024-10"),
            Some(DateValue {
                start: d(2024, 10, 1),
                end: d(2024, 11, 1),
                grain: Grain::Month
            })
        );
        assert_eq!(parse_iso_month("2024-13"), None);
        assert_eq!(parse_iso_month("2024-1x"), None);
        assert_eq!(parse_iso_month("1800-01"), None);
        assert!(all("in 2024-10 we").is_empty());
    }

    #[test]
    fn quarters() {
        let q = Grain::Quarter;
        let (s, e) = (d(2023, 7, 1), d(2023, 10, 1));
        check("Q3 2023", "Q3 2023", s, e, q);
        check("3Q23", "3Q23", s, e, q);
        check("2023Q3", "2023Q3", s, e, q);
        check("2023 Q3", "2023 Q3", s, e, q);
        check("Q3'23", "Q3'23", s, e, q);
        check(
            "the third quarter of 2023",
            "third quarter of 2023",
            s,
            e,
            q,
        );
        check(
            "fourth-quarter 2023 results",
            "fourth-quarter 2023",
            d(2023, 10, 1),
            d(2024, 1, 1),
            q,
        );
    }

    #[test]
    fn halves() {
        let p = Grain::PartOfYear;
        check("H1 2024", "H1 2024", d(2024, 1, 1), d(2024, 7, 1), p);
        check("1H24", "1H24", d(2024, 1, 1), d(2024, 7, 1), p);
        check("2024H2", "2024H2", d(2024, 7, 1), d(2025, 1, 1), p);
        check(
            "first half of 2024",
            "first half of 2024",
            d(2024, 1, 1),
            d(2024, 7, 1),
            p,
        );
        check(
            "the second half of 2024",
            "second half of 2024",
            d(2024, 7, 1),
            d(2025, 1, 1),
            p,
        );
    }

    #[test]
    fn parts_of_a_year() {
        let p = Grain::PartOfYear;
        check("early 2024", "early 2024", d(2024, 1, 1), d(2024, 7, 1), p);
        check("Early 2024", "Early 2024", d(2024, 1, 1), d(2024, 7, 1), p);
        check("mid-2024", "mid-2024", d(2024, 5, 1), d(2024, 9, 1), p);
        check("mid 2024", "mid 2024", d(2024, 5, 1), d(2024, 9, 1), p);
        check("late 2023", "late 2023", d(2023, 7, 1), d(2024, 1, 1), p);
        check(
            "by the end of 2023",
            "end of 2023",
            d(2023, 7, 1),
            d(2024, 1, 1),
            p,
        );
        check(
            "beginning of 2024",
            "beginning of 2024",
            d(2024, 1, 1),
            d(2024, 7, 1),
            p,
        );
    }

    #[test]
    fn parts_of_a_month() {
        let p = Grain::PartOfYear;
        check(
            "early March 2024",
            "early March 2024",
            d(2024, 3, 1),
            d(2024, 3, 16),
            p,
        );
        check(
            "mid-March 2024",
            "mid-March 2024",
            d(2024, 3, 10),
            d(2024, 3, 21),
            p,
        );
        check(
            "mid March 2024",
            "mid March 2024",
            d(2024, 3, 10),
            d(2024, 3, 21),
            p,
        );
        check(
            "late March 2024",
            "late March 2024",
            d(2024, 3, 16),
            d(2024, 4, 1),
            p,
        );
        check(
            "late December 2024",
            "late December 2024",
            d(2024, 12, 16),
            d(2025, 1, 1),
            p,
        );
    }

    #[test]
    fn bare_years() {
        let y = Grain::Year;
        check("2024", "2024", d(2024, 1, 1), d(2025, 1, 1), y);
        check("in 2024, the", "2024", d(2024, 1, 1), d(2025, 1, 1), y);
        check("(1999)", "1999", d(1999, 1, 1), d(2000, 1, 1), y);
        check(
            "March 2024",
            "March 2024",
            d(2024, 3, 1),
            d(2024, 4, 1),
            Grain::Month,
        );
    }

    #[test]
    fn not_years() {
        for t in [
            "In 2023-2024 the firm grew",
            "2023–24",
            "2023–2024",
            "$2,023",
            "2,023",
            "12023",
            "v2023",
            "the 2020s",
            "$2023",
            "1800",
            "2100",
            "2023.5",
            "#2023",
            "May",
        ] {
            assert!(all(t).is_empty(), "{t:?} gave {:?}", all(t));
        }
    }

    #[test]
    fn lowercase_month_words_are_no_months() {
        for t in ["may 2024", "Mayday 2024"] {
            let ms = all(t);
            assert_eq!(ms.len(), 1, "{t:?}");
            assert!(ms[0].bare_year, "{t:?}");
            assert_eq!(&t[ms[0].span.clone()], "2024");
        }
    }

    #[test]
    fn impossible_days_are_blocked() {
        let mut c = Vec::new();
        find("February 30, 2024", &mut c);
        assert_eq!(c.len(), 1);
        assert!(c[0].mention.is_none());
        assert_eq!(c[0].span, 0..17);
        assert!(all("2024-02-30").is_empty());
        assert!(all("Feb 29, 2023").is_empty());
        day_of("Feb 29, 2024", 2024, 2, 29);
    }

    #[test]
    fn a_date_after_a_rejected_amount() {
        let t = "$10 May 2024";
        let ms = all(t);
        assert_eq!(ms.len(), 1);
        assert_eq!(&t[ms[0].span.clone()], "May 2024");
    }
}
