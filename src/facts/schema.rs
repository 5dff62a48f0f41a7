//! The fact-file format as written (schema v1): what serde reads before the loader
//! resolves ids, parses values and checks the whole.

use serde::Deserialize;
use toml::Spanned;

/// A date as written: a string ("2024-03-27", "2023-10") or a TOML date.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum RawDate {
    /// `"2024-03-27"`, `"2023-10"`, `"2023"`.
    Text(String),
    /// `2024-03-27` (a TOML local date).
    Toml(toml::value::Datetime),
}

impl RawDate {
    /// The date as text.
    pub fn as_text(&self) -> String {
        match self {
            RawDate::Text(s) => s.clone(),
            RawDate::Toml(d) => d.to_string(),
        }
    }
}

/// One fact file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFile {
    /// What the file is about and when it was checked.
    pub meta: Option<RawMeta>,
    /// Companies, products' makers, services.
    #[serde(default)]
    pub entity: Vec<RawEntity>,
    /// Things that happened on a day, with an amount or not.
    #[serde(default)]
    pub event: Vec<RawEvent>,
    /// Values that change over time.
    #[serde(default)]
    pub quantity: Vec<RawQuantity>,
}

/// `[meta]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMeta {
    /// A title for the file.
    pub title: Option<String>,
    /// The day the facts were last checked against their sources.
    pub checked: Option<Spanned<RawDate>>,
}

/// `[[entity]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEntity {
    /// Unique id.
    pub id: Spanned<String>,
    /// Names and aliases as they appear in prose; the first is the display name.
    pub names: Vec<Spanned<String>>,
    /// A note.
    pub note: Option<String>,
}

/// `[[event]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEvent {
    /// Unique id.
    pub id: Spanned<String>,
    /// What happened, in a phrase: used in messages.
    pub what: String,
    /// When (a day, a month or a year).
    pub date: Spanned<RawDate>,
    /// The entities the event is about; all must be named near a claim.
    pub entities: Vec<Spanned<String>>,
    /// Words near a value that tie it to this event ("initial", "tranche").
    #[serde(default)]
    pub cues: Vec<String>,
    /// The amount, written as in an article ("$2.75 billion", "up to $4 billion").
    pub amount: Option<Spanned<String>>,
    /// Facts whose amounts add up to this one's.
    #[serde(default)]
    pub sum_of: Vec<Spanned<String>>,
    /// Where the fact comes from.
    pub source: Option<Spanned<String>>,
    /// A note on the source or the value.
    pub note: Option<String>,
}

/// `[[quantity]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawQuantity {
    /// Unique id.
    pub id: Spanned<String>,
    /// What the value is, in a phrase.
    pub what: String,
    /// The entities it is about.
    pub entities: Vec<Spanned<String>>,
    /// Words near a value that tie it to this quantity ("total", "cumulative").
    #[serde(default)]
    pub cues: Vec<String>,
    /// Facts whose amounts add up to this one's value at each date.
    #[serde(default)]
    pub sum_of: Vec<Spanned<String>>,
    /// The values, each from a date on, in date order.
    pub values: Vec<Spanned<RawTimedValue>>,
    /// Where the fact comes from.
    pub source: Option<Spanned<String>>,
    /// A note.
    pub note: Option<String>,
}

/// `{ value = "$4 billion", from = "2024-03-27" }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTimedValue {
    /// The value, as in an article.
    pub value: Spanned<String>,
    /// The day from which it holds.
    pub from: Spanned<RawDate>,
    /// A source for this value, if not the quantity's.
    pub source: Option<String>,
}
