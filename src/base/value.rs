//! Values as intervals: what a draft states and what a fact holds.
//!
//! Every number keeps the precision it was printed with and the hedge around it, so
//! that a rule can ask the one question that matters: can the two values both be true?

use std::fmt;

use jiff::civil::Date;

/// A currency. A bare `$` is read as US dollars (the articles we lint are US-centric);
/// any other currency never matches a USD fact.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Currency {
    /// US dollar: `$`, `US$`, `USD`, "dollars".
    Usd,
    /// Euro: `€`, `EUR`, "euros".
    Eur,
    /// Pound sterling: `£`, `GBP`, "pounds".
    Gbp,
    /// Canadian dollar: `C$`, `CAD`.
    Cad,
    /// Australian dollar: `A$`, `AUD`.
    Aud,
    /// Japanese yen: `¥`, `JPY`, "yen".
    Jpy,
    /// Chinese yuan: `CNY`, `RMB`, "yuan".
    Cny,
    /// Indian rupee: `₹`, `INR`, "rupees".
    Inr,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Cad => "CAD",
            Currency::Aud => "AUD",
            Currency::Jpy => "JPY",
            Currency::Cny => "CNY",
            Currency::Inr => "INR",
        }
    }

    /// The symbol used when printing an amount.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Eur => "€",
            Currency::Gbp => "£",
            Currency::Cad => "C$",
            Currency::Aud => "A$",
            Currency::Jpy => "¥",
            Currency::Cny => "CN¥",
            Currency::Inr => "₹",
        }
    }
}

/// The words around a number that widen or bound it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Hedge {
    /// No hedge: the value is as printed, within half a unit of its last digit.
    Exact,
    /// "about", "around", "roughly", "approximately", "some", "~".
    About,
    /// "nearly", "almost", "close to", "just under": a little below the value.
    Nearly,
    /// "more than", "over", "exceeding", "above": strictly above.
    MoreThan,
    /// "at least", "no less than", or a trailing `+` ("$13B+").
    AtLeast,
    /// "less than", "under", "below": strictly below.
    LessThan,
    /// "up to", "as much as", "at most", "no more than".
    UpTo,
}

impl Hedge {
    /// True for hedges that give a bound rather than a value.
    pub fn is_bound(self) -> bool {
        matches!(
            self,
            Hedge::MoreThan | Hedge::AtLeast | Hedge::LessThan | Hedge::UpTo
        )
    }
}

/// A closed interval of reals; infinite ends are allowed.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Interval {
    /// Lower end (may be `-inf`).
    #[serde(with = "crate::base::hashing::f64_text")]
    pub lo: f64,
    /// Upper end (may be `inf`).
    #[serde(with = "crate::base::hashing::f64_text")]
    pub hi: f64,
}

impl Interval {
    /// True when the two intervals share at least one point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// True when `x` lies in the interval.
    pub fn contains(&self, x: f64) -> bool {
        self.lo <= x && x <= self.hi
    }
}

/// Relative tolerance given to "about"-hedged values.
pub const ABOUT_TOLERANCE: f64 = 0.10;
/// How far below its value a "nearly"-hedged value may lie.
pub const NEARLY_TOLERANCE: f64 = 0.15;

/// A number as printed: a point (`low == high`) or a range ("$1–2 billion"), the unit of
/// its last printed digit (already scaled: "$1.25 billion" has precision 1e7), and its
/// hedge.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// The value, or the low end of a range.
    #[serde(rename = "l", with = "crate::base::hashing::f64_text")]
    pub low: f64,
    /// The value, or the high end of a range.
    #[serde(rename = "h", with = "crate::base::hashing::f64_text")]
    pub high: f64,
    /// The unit of the last printed digit, scaled.
    #[serde(rename = "p", with = "crate::base::hashing::f64_text")]
    pub precision: f64,
    /// The hedge that bounds or widens the value.
    #[serde(rename = "g")]
    pub hedge: Hedge,
}

impl Quantity {
    /// An exact point value printed with the given precision.
    pub fn point(value: f64, precision: f64) -> Quantity {
        Quantity {
            low: value,
            high: value,
            precision,
            hedge: Hedge::Exact,
        }
    }

    /// The same quantity with another hedge.
    pub fn with_hedge(mut self, hedge: Hedge) -> Quantity {
        self.hedge = hedge;
        self
    }

    /// The value (the middle of a range).
    pub fn value(&self) -> f64 {
        (self.low + self.high) / 2.0
    }

    /// True when the quantity is a range ("$1–2 billion").
    pub fn is_range(&self) -> bool {
        self.low != self.high
    }

    /// Every value the statement allows, read strictly: rounding to the printed
    /// precision, and bounds as open-ended intervals.
    pub fn interval(&self) -> Interval {
        let half = self.precision / 2.0;
        match self.hedge {
            // The rounding of the last digit, its ends left out: "$1 billion" is no
            // way to print $500 million, nor "$1.5 billion" $1.45 billion.
            Hedge::Exact => {
                let inner = half * (1.0 - 1e-6);
                Interval {
                    lo: self.low - inner,
                    hi: self.high + inner,
                }
            }
            Hedge::About => Interval {
                lo: (self.low - half).min(self.low * (1.0 - ABOUT_TOLERANCE)),
                hi: (self.high + half).max(self.high * (1.0 + ABOUT_TOLERANCE)),
            },
            Hedge::Nearly => Interval {
                lo: self.low * (1.0 - NEARLY_TOLERANCE),
                hi: self.high + half,
            },
            Hedge::MoreThan | Hedge::AtLeast => Interval {
                lo: self.low,
                hi: f64::INFINITY,
            },
            Hedge::LessThan | Hedge::UpTo => Interval {
                lo: f64::NEG_INFINITY,
                hi: self.high,
            },
        }
    }

    /// Every value a fact allows: a fact states its value exactly unless it is hedged
    /// ("about $13 billion"), so an unhedged fact is a point, not a rounding interval.
    pub fn fact_interval(&self) -> Interval {
        match self.hedge {
            Hedge::Exact => {
                let eps = 1e-9 * self.low.abs().max(self.high.abs());
                Interval {
                    lo: self.low - eps,
                    hi: self.high + eps,
                }
            }
            // A fact's "about" is the hedge alone, not the rounding of its digits.
            Hedge::About => Interval {
                lo: self.low * (1.0 - ABOUT_TOLERANCE),
                hi: self.high * (1.0 + ABOUT_TOLERANCE),
            },
            _ => self.interval(),
        }
    }

    /// The values a writer most likely means: as [`Quantity::interval`], but a bound
    /// is taken to lie near the true value ("over 50,000" is not how one writes
    /// 100,000). Used to compare two statements with each other, never with a fact.
    pub fn likely_interval(&self) -> Interval {
        match self.hedge {
            Hedge::MoreThan | Hedge::AtLeast => Interval {
                lo: self.low,
                hi: self.high * 1.5 + self.precision,
            },
            Hedge::LessThan | Hedge::UpTo => Interval {
                lo: self.low / 1.5 - self.precision,
                hi: self.high,
            },
            _ => self.interval(),
        }
    }
}

/// How fine a date is: the grain it was stated at.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Grain {
    /// "2024-11-22", "November 22, 2024".
    Day,
    /// "November 2024".
    Month,
    /// "Q3 2023".
    Quarter,
    /// "H1 2024", "early 2024", "late 2023", "mid-2024".
    PartOfYear,
    /// "2024".
    Year,
}

/// A date as a half-open range of days `[start, end)` with its grain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DateValue {
    /// First day.
    pub start: Date,
    /// The day after the last day.
    pub end: Date,
    /// The grain the date was stated at.
    pub grain: Grain,
}

impl DateValue {
    /// A single day.
    pub fn day(date: Date) -> DateValue {
        DateValue {
            start: date,
            end: date.tomorrow().unwrap_or(date),
            grain: Grain::Day,
        }
    }

    /// True when the two dates share at least one day.
    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `day` lies in this date.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day < self.end
    }

    /// The last day of the range.
    pub fn last_day(&self) -> Date {
        self.end.yesterday().unwrap_or(self.end)
    }
}

/// The English month names, January first: how dates are printed, and what fixes
/// write back.
pub const MONTHS: [&str; 12] = [
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

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.start;
        let month = MONTHS[(s.month() - 1) as usize];
        match self.grain {
            Grain::Day => write!(f, "{s}"),
            Grain::Month => write!(f, "{month} {}", s.year()),
            Grain::Quarter => write!(f, "Q{} {}", (s.month() - 1) / 3 + 1, s.year()),
            Grain::PartOfYear => write!(f, "{} to {}", s, self.last_day()),
            Grain::Year => write!(f, "{}", s.year()),
        }
    }
}

/// A recognized value of one kind.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// An amount of money in one currency.
    Money {
        /// The currency.
        currency: Currency,
        /// The amount.
        amount: Quantity,
    },
    /// A percentage; `87%` is `Quantity::point(87.0, 1.0)`.
    Percent(Quantity),
    /// A count of things ("100,000 customers", "two tranches").
    Count(Quantity),
    /// A calendar date at some grain.
    Date(DateValue),
}

/// Formats an amount the way articles print it: "$1.25 billion", "$500 million".
pub fn format_money(currency: Currency, value: f64) -> String {
    let (scaled, word) = scale_word(value);
    format!("{}{}{}", currency.symbol(), trim_number(scaled), word)
}

/// Formats a count: "100,000", "2.5 million".
pub fn format_count(value: f64) -> String {
    if value.abs() >= 1e6 {
        let (scaled, word) = scale_word(value);
        format!("{}{}", trim_number(scaled), word)
    } else {
        let v = value.round() as i64;
        let s = v.abs().to_string();
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0 { format!("-{out}") } else { out }
    }
}

/// Formats a percentage: "87%", "12.5%".
pub fn format_percent(value: f64) -> String {
    format!("{}%", trim_number(value))
}

fn scale_word(value: f64) -> (f64, &'static str) {
    let a = value.abs();
    if a >= 1e12 {
        (value / 1e12, " trillion")
    } else if a >= 1e9 {
        (value / 1e9, " billion")
    } else if a >= 1e6 {
        (value / 1e6, " million")
    } else {
        (value, "")
    }
}

/// Prints a number with at most three decimals and no trailing zeros.
pub fn trim_number(x: f64) -> String {
    let s = format!("{:.3}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else if !s.contains('.') && x.abs() >= 1000.0 {
        format_count(x)
    } else {
        s.to_string()
    }
}

impl Value {
    /// The quantity of a value that has one (every kind but a date).
    pub fn quantity(&self) -> Option<Quantity> {
        match *self {
            Value::Money { amount, .. } => Some(amount),
            Value::Percent(q) | Value::Count(q) => Some(q),
            Value::Date(_) => None,
        }
    }

    /// True when two values are of one kind (money in one currency, percent, count):
    /// the values that can be compared with each other.
    pub fn same_kind(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Money { currency: x, .. }, Value::Money { currency: y, .. }) => x == y,
            (Value::Percent(_), Value::Percent(_)) | (Value::Count(_), Value::Count(_)) => true,
            _ => false,
        }
    }

    /// A short human rendering, as used in messages.
    pub fn describe(&self) -> String {
        fn hedge_word(h: Hedge) -> &'static str {
            match h {
                Hedge::Exact => "",
                Hedge::About => "about ",
                Hedge::Nearly => "nearly ",
                Hedge::MoreThan => "more than ",
                Hedge::AtLeast => "at least ",
                Hedge::LessThan => "less than ",
                Hedge::UpTo => "up to ",
            }
        }
        match self {
            Value::Money { currency, amount } => {
                let body = if amount.is_range() {
                    format!(
                        "{}–{}",
                        format_money(*currency, amount.low),
                        format_money(*currency, amount.high)
                    )
                } else {
                    format_money(*currency, amount.low)
                };
                format!("{}{}", hedge_word(amount.hedge), body)
            }
            Value::Percent(q) => format!("{}{}", hedge_word(q.hedge), format_percent(q.value())),
            Value::Count(q) => format!("{}{}", hedge_word(q.hedge), format_count(q.value())),
            Value::Date(d) => d.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_interval_of_a_printed_amount() {
        let q = Quantity::point(1.25e9, 1e7);
        let i = q.interval();
        assert!(i.contains(1.254e9) && !i.contains(1.26e9));
    }

    #[test]
    fn the_ends_of_the_rounding_are_left_out() {
        // "$1 billion" does not print $500 million, nor $1.5 billion.
        let one = Quantity::point(1e9, 1e9).interval();
        let fact = |x: f64| Quantity::point(x, 1e6).fact_interval();
        assert!(!one.overlaps(&fact(500e6)));
        assert!(!one.overlaps(&fact(1.5e9)));
        assert!(one.overlaps(&fact(600e6)));
        assert!(one.overlaps(&fact(1.4e9)));
    }

    #[test]
    fn bounds_are_open_ended() {
        let q = Quantity::point(13e9, 1e9).with_hedge(Hedge::MoreThan);
        assert!(q.interval().contains(20e9));
        assert!(!q.interval().contains(12e9));
        let up_to = Quantity::point(4e9, 1e9).with_hedge(Hedge::UpTo);
        assert!(up_to.interval().contains(1.25e9));
        assert!(!up_to.interval().contains(4.6e9));
    }

    #[test]
    fn likely_interval_tells_far_bounds_apart() {
        let a = Quantity::point(100_000.0, 1.0).with_hedge(Hedge::MoreThan);
        let b = Quantity::point(50_000.0, 1.0).with_hedge(Hedge::MoreThan);
        assert!(a.interval().overlaps(&b.interval()));
        assert!(!a.likely_interval().overlaps(&b.likely_interval()));
    }

    #[test]
    fn money_is_described_as_printed_in_articles() {
        assert_eq!(format_money(Currency::Usd, 1.25e9), "$1.25 billion");
        assert_eq!(format_money(Currency::Usd, 500e6), "$500 million");
        assert_eq!(format_money(Currency::Eur, 2e9), "€2 billion");
        assert_eq!(format_count(100_000.0), "100,000");
    }

    #[test]
    fn dates_overlap_at_their_grain() {
        let day = DateValue::day(Date::constant(2024, 11, 22));
        let month = DateValue {
            start: Date::constant(2024, 11, 1),
            end: Date::constant(2024, 12, 1),
            grain: Grain::Month,
        };
        assert!(day.overlaps(&month));
        assert_eq!(month.to_string(), "November 2024");
    }
}
