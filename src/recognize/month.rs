//! Months named without a year: "in May", "on October 5", "the March tranche",
//! "early June", "22 November". They are dates of the article's year, resolved
//! against the article's date (never against today), and only when the month is not
//! later than the article's own: "in December" in a November article may be the
//! coming December or the last one, and is left unread, unless its sentence is told
//! in the past tense ("raised $1 billion in December"): then it is the last one.
//!
//! A month name is read only where a date stands: capitalised ("may change" and
//! "could march" are verbs), after a preposition or article ("in", "on", "during",
//! "the", "early", "mid-", "late"), after a possessive before a noun ("Amazon's March
//! investment") or beside a day ("October 5", "5 October").
//! "by March", "until May" and "since March" are bounds of a period, not the day of an
//! event, and are not read; neither is "last May" or "next June", nor a month that
//! a year follows ("May 2024" is a full date, read by the date recognizer).

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::base::value::{DateValue, Grain};
use crate::base::word_regex::WordRegex;

/// A month named without a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthMention {
    /// Byte range of the month (and its day, when one is given).
    pub span: Range<usize>,
    /// 1 to 12.
    pub month: i8,
    /// The day of the month, when one is given.
    pub day: Option<i8>,
    /// "last year's March": the month of the year before the article's.
    pub last_year: bool,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What may stand before a month of no year, at the end of a short window before it:
/// a preposition or article, or a day ("5 October", "5th of October").
static BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?:\b(?P<ly>[Ll]ast|[Tt]his) year['’]s[ \t]+|(?P<pos>\w['’]s|\b[Ii]ts|\b[Tt]heir)[ \t]+|\b(?P<pre>[Ii]n|[Oo]n|[Dd]uring|[Tt]he|[Ee]arly|[Ll]ate)[ \t]+|\b[Mm]id(?:[ \t]+|-)|\b(?P<pd>[0-3]?[0-9])(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?)$",
    )
    .expect("constant regex")
});

/// A day after a month: "October 5", "October 5th".
static DAY_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"^[ \t]+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\b").expect("constant regex")
});

/// True when a year follows a month, with a day or not: " 2024", ", 2024",
/// " 5, 2024", " 5th 2024". A quick test on bytes, before any regex.
fn year_next(after: &str) -> bool {
    let b = after.as_bytes();
    let mut i = 0;
    let spaces = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            *i += 1;
        }
        *i > from
    };
    let year_at = |i: usize| {
        b.get(i..i + 4).is_some_and(|y| {
            (y.starts_with(b"19") || y.starts_with(b"20")) && y.iter().all(u8::is_ascii_digit)
        }) && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    };
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    if !spaces(&mut i) {
        return false;
    }
    if year_at(i) {
        return true;
    }
    // A day, then a year.
    let day_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) && i - day_start < 2 {
        i += 1;
    }
    if i == day_start {
        return false;
    }
    if b.get(i..i + 2)
        .is_some_and(|s| matches!(s, b"st" | b"nd" | b"rd" | b"th"))
    {
        i += 2;
    }
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    spaces(&mut i) && year_at(i)
}

/// True when `c` would make a month name part of a longer word.
fn wordlike(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// What must not follow a month for it to be a month of no year: a year or more
/// digits ("May 2024", "May 5, 2024", "May '24"), or a further number.
static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,?[ \t]*(?:of[ \t]+)?(?:[0-9]|['’][0-9])|[0-9A-Za-z])")
        .expect("constant regex")
});

/// Any month name (a literal search, fast on text that holds none).
static MONTH_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&MONTHS.join("|")).expect("constant regex"));

/// A lowercase word next: "the May tranche".
static LOWER_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]+[a-z]").expect("constant regex"));

/// Every month named without a year in `text`, in order.
pub fn find(text: &str, out: &mut Vec<MonthMention>) {
    // A literal search for the names (fast on text that holds none), then a look at
    // a few bytes either side of each.
    for mon in MONTH_NAME.find_iter(text) {
        let before = &text[..mon.start()];
        let after = &text[mon.end()..];
        if before.chars().next_back().is_some_and(wordlike)
            || after.chars().next().is_some_and(wordlike)
        {
            continue;
        }
        // Most months in articles carry their year: a date for the date recognizer.
        if year_next(after) {
            continue;
        }
        let Some(month) = MONTHS.iter().position(|m| *m == mon.as_str()) else {
            continue;
        };
        let window = &before[before.floor_char_boundary(before.len().saturating_sub(24))..];
        let Some(pre) = BEFORE.for_text(window).captures(window) else {
            continue;
        };
        let day_before = pre.name("pd");
        let day_after = DAY_AFTER.for_text(after).captures(after);
        let day_after_m = day_after.as_ref().and_then(|c| c.name("d"));
        let end = day_after
            .as_ref()
            .and_then(|c| c.get(0))
            .map_or(mon.end(), |m| mon.end() + m.end());
        if text
            .get(end..)
            .is_some_and(|rest| YEAR_AFTER.is_match(rest))
        {
            continue;
        }
        // "the May tranche", "Amazon's March investment": an article or a possessive
        // before the month is read only when a lowercase word follows it ("The
        // March" alone may be a title or a name).
        let the = pre.name("pos").is_some()
            || pre
                .name("pre")
                .is_some_and(|p| p.as_str().eq_ignore_ascii_case("the"));
        if the
            && !text
                .get(end..)
                .is_some_and(|rest| LOWER_WORD.is_match(rest))
        {
            continue;
        }
        let window_start = mon.start() - window.len();
        // A day before the month is no part of a larger number ("1,022 November").
        if let Some(d) = day_before
            && text[..window_start + d.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_ascii_digit() || matches!(ch, ',' | '.' | '$' | '€' | '£'))
        {
            continue;
        }
        let day = match (day_before, day_after_m) {
            (Some(_), Some(_)) => continue,
            (Some(d), None) | (None, Some(d)) => match d.as_str().parse::<i8>() {
                Ok(n @ 1..=31) => Some(n),
                _ => continue,
            },
            (None, None) => None,
        };
        let ly = pre.name("ly");
        let start = match (ly, day_before) {
            (Some(l), _) | (None, Some(l)) => window_start + l.start(),
            (None, None) => mon.start(),
        };
        out.push(MonthMention {
            span: start..end,
            month: month as i8 + 1,
            day,
            last_year: ly.is_some_and(|l| l.as_str().eq_ignore_ascii_case("last")),
        });
    }
}

impl MonthMention {
    /// The days the month (or its day) means in an article dated `article`: the
    /// month of the article's year, when it is not later than the article's month.
    pub fn resolve(&self, article: Date) -> Option<DateValue> {
        self.resolve_told(article, false)
    }

    /// [`MonthMention::resolve`] for a month told in the past tense ("raised $1
    /// billion in October", in a January article): a month later than the article's
    /// is then the last one, of the year before.
    pub fn resolve_told(&self, article: Date, past: bool) -> Option<DateValue> {
        let year = if self.last_year {
            article.year() - 1
        } else if self.month > article.month() {
            if !past {
                return None;
            }
            article.year() - 1
        } else {
            article.year()
        };
        let first = Date::new(year, self.month, 1).ok()?;
        match self.day {
            Some(d) => {
                let day = Date::new(year, self.month, d).ok()?;
                if day > article {
                    return None;
                }
                Some(DateValue::day(day))
            }
            None => Some(DateValue {
                start: first,
                end: first.last_of_month().tomorrow().ok()?,
                grain: Grain::Month,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_later_month_told_in_the_past_is_last_years() {
        let mut out = Vec::new();
        find("OpenAI raised $6.6 billion in October.", &mut out);
        let m = out.first().expect("a month");
        let jan = date(2025, 1, 10);
        assert_eq!(m.resolve(jan), None);
        let told = m.resolve_told(jan, true).expect("a date");
        assert_eq!(told.start, date(2024, 10, 1));
        // A month not later than the article's is the article's year either way.
        let nov = date(2025, 11, 5);
        assert_eq!(
            m.resolve_told(nov, true).map(|d| d.start),
            Some(date(2025, 10, 1))
        );
    }

    fn all(text: &str) -> Vec<(String, i8, Option<i8>)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|m| (text[m.span.clone()].to_string(), m.month, m.day))
            .collect()
    }

    #[test]
    fn months_where_a_date_stands() {
        assert_eq!(all("Amazon invested in May."), [("May".into(), 5, None)]);
        assert_eq!(all("the May tranche closed"), [("May".into(), 5, None)]);
        assert_eq!(
            all("It was announced on October 5th."),
            [("October 5th".into(), 10, Some(5))]
        );
        assert_eq!(
            all("on 22 November, Amazon said"),
            [("22 November".into(), 11, Some(22))]
        );
        assert_eq!(all("in mid-March"), [("March".into(), 3, None)]);
        assert_eq!(all("During June it grew"), [("June".into(), 6, None)]);
        assert_eq!(
            all("Amazon's March investment of $4 billion"),
            [("March".into(), 3, None)]
        );
        assert_eq!(all("its May round"), [("May".into(), 5, None)]);
        assert_eq!(
            all("last year's March tranche"),
            [("last year's March".into(), 3, None)]
        );
        let mut out = Vec::new();
        find("last year's March tranche", &mut out);
        assert!(out[0].last_year);
    }

    #[test]
    fn words_that_are_no_months_of_no_year() {
        for t in [
            "Prices may change.",
            "Troops could march on.",
            "May the best model win.",
            "in May 2024",
            "on May 5, 2024",
            "in May '24",
            "by March",
            "until May",
            "since March",
            "last May",
            "next June",
            "in Mayfair",
            "the Marches",
            "August is a name here",
            "on 5 May 2024",
            "on May 40",
            "The March",
            "The May.",
            "Amazon's May.",
            "its March.",
            "Google's May I/O",
            "a total of 1,022 November sales",
        ] {
            assert_eq!(all(t), [], "{t:?}");
        }
    }

    #[test]
    fn a_year_next_is_seen_on_bytes() {
        for t in [" 2024", ", 2024", " 5, 2024", " 5th 2024", " 22 1999."] {
            assert!(year_next(t), "{t:?}");
        }
        for t in [" 5", " 5th,", "", " 20245", " 123 2024", " is 2024", "2024"] {
            assert!(!year_next(t), "{t:?}");
        }
    }

    #[test]
    fn resolved_in_the_articles_year_never_after_its_date() {
        let nov22 = date(2024, 11, 22);
        let m = |month, day| MonthMention {
            span: 0..0,
            month,
            day,
            last_year: false,
        };
        assert_eq!(
            m(5, None).resolve(nov22),
            Some(DateValue {
                start: date(2024, 5, 1),
                end: date(2024, 6, 1),
                grain: Grain::Month
            })
        );
        assert_eq!(
            m(11, None).resolve(nov22).map(|d| d.end),
            Some(date(2024, 12, 1))
        );
        assert_eq!(
            m(11, Some(5)).resolve(nov22),
            Some(DateValue::day(date(2024, 11, 5)))
        );
        // The coming month, or a day after the article: left unread.
        assert_eq!(m(12, None).resolve(nov22), None);
        assert_eq!(m(11, Some(30)).resolve(nov22), None);
        // Last year's December.
        let last_dec = MonthMention {
            last_year: true,
            ..m(12, None)
        };
        assert_eq!(
            last_dec.resolve(nov22).map(|d| d.start),
            Some(date(2023, 12, 1))
        );
        // No such day.
        assert_eq!(m(2, Some(30)).resolve(nov22), None);
    }
}
