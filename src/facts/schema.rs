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
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(
    title = "factlint fact file",
    description = "A TOML file of facts (entities, events, quantities, products, families, line-ups) with their sources, read by factlint."
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
    /// Models, chips and services with their announcement and release dates.
    #[serde(default)]
    pub product: Vec<RawProduct>,
    /// Product families: the shapes of their names.
    #[serde(default)]
    pub family: Vec<RawFamily>,
    /// Sets of products that change over time ("Claude models on Amazon Bedrock").
    #[serde(default)]
    pub lineup: Vec<RawLineup>,
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
    /// Descriptions that name this entity and no other, as prose writes them ("the
    /// Claude maker"): read as the entity's name wherever they stand.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub descriptions: Vec<Spanned<String>>,
    /// Nouns that can refer back to this entity after "the" ("start-up", "search
    /// giant", "company"): "the start-up" is read as the one entity named before it
    /// (in its paragraph or the one before) that lists the noun, and as none when two
    /// do.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub kinds: Vec<Spanned<String>>,
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
    /// A funding round's post-money valuation, written as in an article ("$61.5
    /// billion", "about $5 billion", "€10 billion to €11.7 billion" where sources give
    /// the pre-money and the post-money figure). Drafts' valuations ("at a $61.5
    /// billion valuation", "valued at") are compared with it, never with `amount`.
    #[schemars(with = "Option<String>")]
    pub valuation: Option<Spanned<String>>,
    /// Where the valuation comes from, if `source` does not state it.
    #[schemars(with = "Option<String>")]
    pub valuation_source: Option<Spanned<String>>,
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

/// `[[product]]`: a model, chip or service, with the days it was announced and released.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawProduct {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The display name ("Claude 3.5 Sonnet").
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Other ways writers and APIs spell it ("Sonnet 3.5", "claude-3-5-sonnet").
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// The entity that makes it.
    #[schemars(with = "String")]
    pub vendor: Spanned<String>,
    /// The family its name belongs to.
    #[schemars(with = "Option<String>")]
    pub family: Option<Spanned<String>>,
    /// The day (or month) it was first announced.
    #[schemars(with = "Option<String>")]
    pub announced: Option<Spanned<RawDate>>,
    /// The day (or month) it became available.
    #[schemars(with = "Option<String>")]
    pub released: Option<Spanned<RawDate>>,
    /// Where the dates come from.
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    /// A source for the release date, if not `source`.
    pub released_source: Option<String>,
    /// True when the only source is secondary (an aggregator or a mirror): findings
    /// that rest on this product are warnings, not errors.
    #[serde(default)]
    pub secondary: bool,
    /// A note.
    pub note: Option<String>,
}

/// `[[family]]`: names of this shape that are in no `[[product]]` do not exist.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFamily {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The entity whose products these are.
    #[schemars(with = "String")]
    pub vendor: Spanned<String>,
    /// Regular expressions for well-formed names of the family; each starts with a
    /// literal word (`Claude …`), matched case-insensitively.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub patterns: Vec<Spanned<String>>,
    /// A note.
    pub note: Option<String>,
}

/// `[[lineup]]`: a set of products that changes over time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawLineup {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the set is, in a phrase.
    pub what: String,
    /// The entities a draft names when it lists the line-up ("Bedrock").
    #[schemars(with = "Vec<String>")]
    pub entities: Vec<Spanned<String>>,
    /// The members, each with the day it joined.
    #[schemars(with = "Vec<RawMember>")]
    pub members: Vec<Spanned<RawMember>>,
    /// Where the line-up comes from.
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    /// A note.
    pub note: Option<String>,
}

/// `{ product = "claude-3-haiku", from = "2024-03-13" }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMember {
    /// The product's id.
    #[schemars(with = "String")]
    pub product: Spanned<String>,
    /// The day it joined; absent when the day is not verified (then no finding rests
    /// on it).
    #[schemars(with = "Option<String>")]
    pub from: Option<Spanned<RawDate>>,
    /// The day it left, if it did.
    #[schemars(with = "Option<String>")]
    pub until: Option<Spanned<RawDate>>,
    /// A source for this member, if not the line-up's.
    pub source: Option<String>,
    /// A note.
    pub note: Option<String>,
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
