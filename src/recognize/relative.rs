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
    /// "two years ago", "a month ago", "3 weeks ago".
    Ago {
        /// How many units back.
        n: u16,
        /// Which unit.
        unit: Unit,
    },
    /// "this spring", "last summer", "this fall" (winter, which spans two years, is
    /// not read).
    Season {
        /// Which season.
        season: Season,
        /// "last": the latest one that ended before the article's date; else the
        /// article's year's, when it has begun.
        last: bool,
    },
    /// "early last year", "late this year", "mid-last year", "the end of last year".
    PartOfYear {
        /// Which part.
        part: Part,
        /// "last year" rather than "this year".
        last: bool,
    },
}

/// The unit of "… ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// A season of the northern hemisphere's calendar (meteorological: spring is March to
/// May).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
}

/// A part of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// "early", "the start of", "the beginning of": January to April.
    Early,
    /// "mid", "the middle of": May to August.
    Mid,
    /// "late", "the end of": September to December.
    Late,
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

/// "two years ago", "this spring", "late last year": phrases that name a stretch of
/// time by its distance from the article's date.
static DISTANCE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][0-9]?) (?P<unit>years?|months?|weeks?|days?) ago|(?P<sw>this|last) (?P<season>spring|summer|fall|autumn)|(?P<part>early|late|mid|the (?:start|beginning|middle|end) of)(?: |-)(?P<pw>this|last) year)\b",
    )
    .expect("constant regex")
});

const SMALL: [&str; 13] = [
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// The phrases of [`DISTANCE`] in `text`, appended to `out`.
fn find_distances(text: &str, out: &mut Vec<RelativeMention>) {
    for c in DISTANCE.for_text(text).captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let lower = |name: &str| c.name(name).map(|m| m.as_str().to_ascii_lowercase());
        let phrase = if let (Some(n), Some(unit)) = (lower("n"), lower("unit")) {
            let n = match SMALL.iter().position(|w| *w == n) {
                Some(i) => i.max(1) as u16,
                None if n == "an" => 1,
                None => match n.parse::<u16>() {
                    Ok(n) => n,
                    Err(_) => continue,
                },
            };
            let unit = match unit.trim_end_matches('s') {
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                _ => Unit::Year,
            };
            Relative::Ago { n, unit }
        } else if let (Some(w), Some(season)) = (lower("sw"), lower("season")) {
            // "this fall in prices" is a drop, not a season.
            let rest = &text[all.end()..];
            if season == "fall" && (rest.starts_with(" in ") || rest.starts_with(" of ")) {
                continue;
            }
            let season = match season.as_str() {
                "spring" => Season::Spring,
                "summer" => Season::Summer,
                _ => Season::Fall,
            };
            Relative::Season {
                season,
                last: w == "last",
            }
        } else if let (Some(part), Some(w)) = (lower("part"), lower("pw")) {
            let part = if part == "early" || part.contains("start") || part.contains("beginning") {
                Part::Early
            } else if part == "mid" || part.contains("middle") {
                Part::Mid
            } else {
                Part::Late
            };
            Relative::PartOfYear {
                part,
                last: w == "last",
            }
        } else {
            continue;
        };
        out.push(RelativeMention {
            span: all.range(),
            phrase,
        });
    }
}

/// Every relative date phrase in `text`, in order. Where two overlap ("late last
/// year" holds "last year"), the longer is kept.
pub fn find(text: &str, out: &mut Vec<RelativeMention>) {
    let first = out.len();
    find_phrases(text, out);
    let plain = out.len();
    find_distances(text, out);
    if out.len() == plain {
        return;
    }
    let mut found = out.split_off(first);
    found.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    for m in found {
        match out[first..].last() {
            Some(last) if m.span.start < last.span.end => {}
            _ => out.push(m),
        }
    }
}

/// The phrases of [`PHRASE`] in `text`, appended to `out`.
fn find_phrases(text: &str, out: &mut Vec<RelativeMention>) {
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
            Relative::Ago { n, unit } => {
                // Writers round: a year ago is anything from half a year either
                // side, a month ago twenty days either side, and never after the day.
                let (center, slack) = match unit {
                    Unit::Day => (day.checked_sub(i64::from(n).days()).ok()?, 1.days()),
                    Unit::Week => (day.checked_sub(i64::from(n).weeks()).ok()?, 4.days()),
                    Unit::Month => (day.checked_sub(i64::from(n).months()).ok()?, 20.days()),
                    Unit::Year => (day.checked_sub(i64::from(n).years()).ok()?, 6.months()),
                };
                let from = center.checked_sub(slack).ok()?;
                let to = center.checked_add(slack).ok()?.min(day);
                range(from, to, Grain::PartOfYear)
            }
            Relative::Season { season, last } => {
                let (m0, m1) = match season {
                    Season::Spring => (3, 5),
                    Season::Summer => (6, 8),
                    Season::Fall => (9, 11),
                };
                let of = |y: i16| -> Option<(Date, Date)> {
                    let first = Date::new(y, m0, 1).ok()?;
                    let last = Date::new(y, m1, 1).ok()?.last_of_month();
                    Some((first, last))
                };
                let (first, end) = if last {
                    let (f, l) = of(day.year())?;
                    if l < day { (f, l) } else { of(day.year() - 1)? }
                } else {
                    let (f, l) = of(day.year())?;
                    if f > day {
                        return None;
                    }
                    (f, l.min(day))
                };
                // Half a month's slack either side: seasons have loose edges.
                range(
                    first.checked_sub(15.days()).ok()?,
                    end.checked_add(15.days()).ok()?.min(day),
                    Grain::PartOfYear,
                )
            }
            Relative::PartOfYear { part, last } => {
                let y = if last { day.year() - 1 } else { day.year() };
                let (m0, m1) = match part {
                    Part::Early => (1, 4),
                    Part::Mid => (5, 8),
                    Part::Late => (9, 12),
                };
                let first = Date::new(y, m0, 1).ok()?;
                if first > day {
                    return None;
                }
                let end = Date::new(y, m1, 1).ok()?.last_of_month().min(day);
                range(first, end, Grain::PartOfYear)
            }
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
    fn distances_seasons_and_parts_of_a_year() {
        assert_eq!(
            one("two years ago, Amazon"),
            (
                "two years ago".to_string(),
                Relative::Ago {
                    n: 2,
                    unit: Unit::Year
                }
            )
        );
        assert_eq!(
            one("a month ago").1,
            Relative::Ago {
                n: 1,
                unit: Unit::Month
            }
        );
        assert_eq!(
            one("this spring's deal"),
            (
                "this spring".to_string(),
                Relative::Season {
                    season: Season::Spring,
                    last: false
                }
            )
        );
        // The longer phrase wins over the "last year" it holds.
        assert_eq!(
            one("late last year"),
            (
                "late last year".to_string(),
                Relative::PartOfYear {
                    part: Part::Late,
                    last: true
                }
            )
        );
        assert_eq!(
            one("at the end of this year").1,
            Relative::PartOfYear {
                part: Part::Late,
                last: false
            }
        );
        let mut out = Vec::new();
        find(
            "years ago, in the winter, this season, this fall in prices",
            &mut out,
        );
        assert_eq!(out, []);
    }

    #[test]
    fn distances_resolve_with_slack_never_after_the_day() {
        let d = Date::constant(2024, 11, 22);
        let r = |p: Relative| p.resolve(d);
        let two_years = r(Relative::Ago {
            n: 2,
            unit: Unit::Year,
        })
        .expect("a date");
        assert_eq!(two_years.start, Date::constant(2022, 5, 22));
        assert_eq!(two_years.last_day(), Date::constant(2023, 5, 22));
        let month = r(Relative::Ago {
            n: 1,
            unit: Unit::Month,
        })
        .expect("a date");
        assert_eq!(month.start, Date::constant(2024, 10, 2));
        assert_eq!(month.last_day(), Date::constant(2024, 11, 11));
        // This spring, in November: March to May, with half a month's slack.
        let spring = r(Relative::Season {
            season: Season::Spring,
            last: false,
        })
        .expect("a date");
        assert_eq!(spring.start, Date::constant(2024, 2, 15));
        assert_eq!(spring.last_day(), Date::constant(2024, 6, 15));
        // Last summer, in July: the summer of the year before.
        let july = Date::constant(2024, 7, 10);
        let summer = Relative::Season {
            season: Season::Summer,
            last: true,
        }
        .resolve(july)
        .expect("a date");
        assert_eq!(summer.start, Date::constant(2023, 5, 17));
        // This fall, in July: not begun, the future.
        assert!(
            Relative::Season {
                season: Season::Fall,
                last: false
            }
            .resolve(july)
            .is_none()
        );
        let late_last = r(Relative::PartOfYear {
            part: Part::Late,
            last: true,
        })
        .expect("a date");
        assert_eq!(late_last.start, Date::constant(2023, 9, 1));
        assert_eq!(late_last.last_day(), Date::constant(2023, 12, 31));
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
