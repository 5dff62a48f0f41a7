//! The fact-file format as written (schema v1): what serde reads before the loader
//! resolves ids, parses values and checks the whole.

use schemars::JsonSchema;
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
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(
    title = "factlint fact file",
    description = "A TOML file of facts (entities, events, quantities) with their sources, read by factlint."
)]
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMeta {
    /// A title for the file.
    pub title: Option<String>,
    /// The day the facts were last checked against their sources.
    #[schemars(with = "Option<String>")]
    pub checked: Option<Spanned<RawDate>>,
}

/// `[[entity]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEntity {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Names and aliases as they appear in prose; the first is the display name.
    #[schemars(with = "Vec<String>")]
    pub names: Vec<Spanned<String>>,
    /// A note.
    pub note: Option<String>,
}

/// `[[event]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEvent {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What happened, in a phrase: used in messages.
    pub what: String,
    /// When (a day, a month or a year).
    #[schemars(with = "String")]
    pub date: Spanned<RawDate>,
    /// The entities the event is about; all must be named near a claim.
    #[schemars(with = "Vec<String>")]
    pub entities: Vec<Spanned<String>>,
    /// Words near a value that tie it to this event ("initial", "tranche").
    #[serde(default)]
    pub cues: Vec<String>,
    /// The amount, written as in an article ("$2.75 billion", "up to $4 billion").
    #[schemars(with = "Option<String>")]
    pub amount: Option<Spanned<String>>,
    /// Facts whose amounts add up to this one's.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub sum_of: Vec<Spanned<String>>,
    /// Where the fact comes from.
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    /// A note on the source or the value.
    pub note: Option<String>,
}

/// `[[quantity]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawQuantity {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the value is, in a phrase.
    pub what: String,
    /// The entities it is about.
    #[schemars(with = "Vec<String>")]
    pub entities: Vec<Spanned<String>>,
    /// Words near a value that tie it to this quantity ("total", "cumulative").
    #[serde(default)]
    pub cues: Vec<String>,
    /// Facts whose amounts add up to this one's value at each date.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub sum_of: Vec<Spanned<String>>,
    /// The values, each from a date on, in date order.
    #[schemars(with = "Vec<RawTimedValue>")]
    pub values: Vec<Spanned<RawTimedValue>>,
    /// Where the fact comes from.
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    /// A note.
    pub note: Option<String>,
}

/// `{ value = "$4 billion", from = "2024-03-27" }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTimedValue {
    /// The value, as in an article.
    #[schemars(with = "String")]
    pub value: Spanned<String>,
    /// The day from which it holds.
    #[schemars(with = "String")]
    pub from: Spanned<RawDate>,
    /// A source for this value, if not the quantity's.
    pub source: Option<String>,
}

/// The JSON Schema (draft-07, which editors' TOML plugins read) of the fact-file format:
/// what `factlint schema` prints and `facts.schema.json` holds. Dates are strings
/// ("2024-03-27", "2023-10", "2023") or TOML dates.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawFile>();
    schema.to_value()
}
