//! Relative dates: "today", "earlier this year", "last month", "this week", resolved
//! against the article's date (never against today). Phrases about the future ("later
//! this year", "next month") are recognized so that their words are not read as a
//! past date, and resolve to nothing.

use std::ops::Range;
use std::sync::LazyLock;

use crate::base::word_regex::WordRegex;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::base::value::{DateValue, Grain};

/// A relative date phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// "today", "this morning".
    Today,
    /// "yesterday".
    Yesterday,
    /// "this week".
    ThisWeek,
    /// "earlier this week".
    EarlierThisWeek,
    /// "last week".
    LastWeek,
    /// "the past week".
    PastWeek,
    /// "this month".
    ThisMonth,
    /// "earlier this month".
    EarlierThisMonth,
    /// "last month".
    LastMonth,
    /// "the past month".
    PastMonth,
    /// "this year".
    ThisYear,
    /// "earlier this year".
    EarlierThisYear,
    /// "last year".
    LastYear,
    /// "the past year", "the last 12 months".
    PastYear,
    /// "later this year", "next month": the future.
    Future,
}

/// A relative date phrase found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelativeMention {
    /// Byte range of the phrase.
    pub span: Range<usize>,
    /// Which phrase.
    pub phrase: Relative,
}

static PHRASE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?P<future>later this (?:year|month|week)|next (?:year|month|week))|earlier this (?P<earlier>year|month|week)|(?:(?:the|this) (?:past|last)) (?P<past>year|month|week|12 months|twelve months)|this (?P<this>year|month|week)|last (?P<last>year|month|week)|(?P<today>today|this morning)|(?P<yesterday>yesterday))\b",
    )
    .expect("constant regex")
});

/// Every relative date phrase in `text`, in order.
pub fn find(text: &str, out: &mut Vec<RelativeMention>) {
    for c in PHRASE.for_text(text).captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let unit = |name: &str| c.name(name).map(|m| m.as_str().to_ascii_lowercase());
        let phrase = if c.name("future").is_some() {
            Relative::Future
        } else if c.name("today").is_some() {
            Relative::Today
        } else if c.name("yesterday").is_some() {
            Relative::Yesterday
        } else if let Some(u) = unit("earlier") {
            pick(
                &u,
                Relative::EarlierThisWeek,
                Relative::EarlierThisMonth,
                Relative::EarlierThisYear,
            )
        } else if let Some(u) = unit("past") {
            pick(
                &u,
                Relative::PastWeek,
                Relative::PastMonth,
                Relative::PastYear,
            )
        } else if let Some(u) = unit("this") {
            pick(
                &u,
                Relative::ThisWeek,
                Relative::ThisMonth,
                Relative::ThisYear,
            )
        } else if let Some(u) = unit("last") {
            pick(
                &u,
                Relative::LastWeek,
                Relative::LastMonth,
                Relative::LastYear,
            )
        } else {
            continue;
        };
        out.push(RelativeMention {
            span: all.range(),
            phrase,
        });
    }
}

fn pick(unit: &str, week: Relative, month: Relative, year: Relative) -> Relative {
    match unit {
        "week" => week,
        "month" => month,
        _ => year,
    }
}

impl Relative {
    /// The days the phrase can mean in an article dated `day` (generous where writers
    /// are loose: "this week" is a week either side). None for the future.
    pub fn resolve(self, day: Date) -> Option<DateValue> {
        let range = |start: Date, last: Date, grain: Grain| {
            Some(DateValue {
                start,
                end: last.tomorrow().ok()?,
                grain,
            })
        };
        let back = |n: i64| day.checked_sub(n.days()).ok();
        let ahead = |n: i64| day.checked_add(n.days()).ok();
        let year_start = day.first_of_year();
        let month_start = day.first_of_month();
        match self {
            Relative::Today => range(day, day, Grain::Day),
            Relative::Yesterday => range(back(1)?, day, Grain::PartOfYear),
            Relative::ThisWeek => range(back(6)?, ahead(6)?, Grain::PartOfYear),
            Relative::EarlierThisWeek => range(back(6)?, day, Grain::PartOfYear),
            Relative::LastWeek => range(back(14)?, day, Grain::PartOfYear),
            Relative::PastWeek => range(back(7)?, day, Grain::PartOfYear),
            Relative::ThisMonth => range(month_start, day.last_of_month(), Grain::Month),
            Relative::EarlierThisMonth => range(month_start, day, Grain::PartOfYear),
            Relative::LastMonth => {
                let last = month_start.yesterday().ok()?;
                range(last.first_of_month(), last, Grain::Month)
            }
            Relative::PastMonth => range(back(31)?, day, Grain::PartOfYear),
            Relative::ThisYear => range(year_start, day.last_of_year(), Grain::Year),
            Relative::EarlierThisYear => range(year_start, day, Grain::PartOfYear),
            Relative::LastYear => {
                let last = year_start.yesterday().ok()?;
                range(last.first_of_year(), last, Grain::Year)
            }
            Relative::PastYear => range(back(366)?, day, Grain::PartOfYear),
            Relative::Future => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, Relative) {
        let mut out = Vec::new();
        find(text, &mut out);
        assert_eq!(out.len(), 1, "{text}: {out:?}");
        (text[out[0].span.clone()].to_string(), out[0].phrase)
    }

    #[test]
    fn phrases_are_found_whole() {
        assert_eq!(
            one("Trainium2, launched earlier this year, is fast."),
            ("earlier this year".to_string(), Relative::EarlierThisYear)
        );
        assert_eq!(one("Later this year it ships.").1, Relative::Future);
        assert_eq!(one("over the past 12 months").1, Relative::PastYear);
        assert_eq!(one("released last month").1, Relative::LastMonth);
        assert_eq!(one("Today, OpenAI released").1, Relative::Today);
        assert_eq!(one("this year's model").1, Relative::ThisYear);
    }

    #[test]
    fn phrases_resolve_against_the_article_date() {
        let d = Date::constant(2024, 11, 22);
        let r = |p: Relative| p.resolve(d).expect("a date");
        assert_eq!(
            r(Relative::EarlierThisYear).start,
            Date::constant(2024, 1, 1)
        );
        assert_eq!(r(Relative::EarlierThisYear).last_day(), d);
        assert_eq!(r(Relative::LastYear).start, Date::constant(2023, 1, 1));
        assert_eq!(
            r(Relative::LastYear).last_day(),
            Date::constant(2023, 12, 31)
        );
        assert_eq!(r(Relative::LastMonth).start, Date::constant(2024, 10, 1));
        assert_eq!(
            r(Relative::LastMonth).last_day(),
            Date::constant(2024, 10, 31)
        );
        assert_eq!(r(Relative::Today).start, d);
        assert!(Relative::Future.resolve(d).is_none());
        let jan = Date::constant(2024, 1, 10);
        assert_eq!(
            Relative::LastMonth.resolve(jan).map(|v| v.start),
            Some(Date::constant(2023, 12, 1))
        );
    }
}
