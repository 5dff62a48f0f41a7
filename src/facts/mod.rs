//! The fact base: facts with their sources and dates, loaded from TOML with spans kept,
//! so that a bad fact is reported like a bad draft and a finding can point at its fact.

use foldhash::HashMap;
use std::ops::Range;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::base::value::{DateValue, Hedge, Value};
use crate::facts::names::Names;
use crate::recognize;

pub mod catalog;
pub mod listing;
pub mod names;
mod pieces;
pub mod product;
pub mod schema;
pub mod stats;
pub mod validate;

pub use catalog::{Dated, Family, KnownName, Lineup, Member, Product, Version};

use schema::{RawDate, RawFile};

/// A fact file's name and text, kept to render diagnostics that point into it.
#[derive(Clone, Debug)]
pub struct FactFile {
    /// The name shown in diagnostics (a path, or `<built-in>/…` for the built-in base).
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl FactFile {
    /// True for a file of the built-in base (compiled in: no file on disk to point at).
    pub fn is_builtin(&self) -> bool {
        is_builtin_name(&self.name)
    }
}

/// Where something was written in a fact file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`FactBase::files`].
    pub file: usize,
    /// Byte range in that file.
    pub span: Range<usize>,
}

/// A company, organisation or service, with the names it goes by.
#[derive(Clone, Debug)]
pub struct Entity {
    /// Unique id.
    pub id: String,
    /// Names and aliases; the first is the display name.
    pub names: Vec<String>,
    /// Descriptions that name it and no other ("the Claude maker").
    pub descriptions: Vec<String>,
    /// Nouns that refer back to it after "the" ("start-up"; see
    /// [`schema::RawEntity::kinds`]).
    pub kinds: Vec<String>,
    /// Where its id was written.
    pub origin: Origin,
}

/// A value as a fact states it.
#[derive(Clone, Debug)]
pub struct Stated {
    /// The parsed value.
    pub value: Value,
    /// The value as written in the fact file ("$2.75 billion").
    pub text: String,
    /// Where it was written.
    pub origin: Origin,
}

/// A funding round's post-money valuation: compared only with valuations a draft
/// states, never with an amount.
#[derive(Clone, Debug)]
pub struct Valuation {
    /// The value as the fact states it.
    pub stated: Stated,
    /// Where it comes from, if not the event's `source`.
    pub source: Option<String>,
}

/// A value of a quantity and the day from which it holds.
#[derive(Clone, Debug)]
pub struct Timed {
    /// The value.
    pub stated: Stated,
    /// The first day on which it holds.
    pub from: Date,
    /// A source for this value, if not the quantity's.
    pub source: Option<String>,
}

/// What kind of fact a fact is.
#[derive(Clone, Debug)]
pub enum FactKind {
    /// Something that happened on a day (or in a month or a year).
    Event {
        /// When.
        date: DateValue,
        /// Where the date was written.
        date_origin: Origin,
        /// The amount, if the event has one.
        amount: Option<Stated>,
        /// A funding round's post-money valuation, if verified (boxed: most events
        /// have none).
        valuation: Option<Box<Valuation>>,
    },
    /// A value that changes over time.
    Quantity {
        /// Values in date order.
        values: Vec<Timed>,
    },
}

/// One fact.
#[derive(Clone, Debug)]
pub struct Fact {
    /// Unique id.
    pub id: String,
    /// What the fact is, in a phrase: "Amazon's total investment in Anthropic".
    pub what: String,
    /// Entities the fact is about (indices into [`FactBase::entities`]).
    pub entities: Vec<usize>,
    /// Cue words (lowercase).
    pub cues: Vec<String>,
    /// Facts whose amounts add up to this one's (indices into [`FactBase::facts`]).
    pub sum_of: Vec<usize>,
    /// The source URL.
    pub source: String,
    /// A note.
    pub note: Option<String>,
    /// Where the fact's id was written.
    pub origin: Origin,
    /// Event or quantity.
    pub kind: FactKind,
}

impl Fact {
    /// The amount of an event, if any.
    pub fn amount(&self) -> Option<&Stated> {
        match &self.kind {
            FactKind::Event { amount, .. } => amount.as_ref(),
            FactKind::Quantity { .. } => None,
        }
    }

    /// The post-money valuation of an event (a funding round), if any.
    pub fn valuation(&self) -> Option<&Valuation> {
        match &self.kind {
            FactKind::Event { valuation, .. } => valuation.as_deref(),
            FactKind::Quantity { .. } => None,
        }
    }

    /// The value of a quantity on a day: the last value whose `from` is on or before it.
    pub fn value_on(&self, day: Date) -> Option<&Timed> {
        match &self.kind {
            FactKind::Quantity { values } => values.iter().rev().find(|t| t.from <= day),
            FactKind::Event { .. } => None,
        }
    }

    /// The value that followed `t`, if any.
    pub fn next_value(&self, t: &Timed) -> Option<&Timed> {
        match &self.kind {
            FactKind::Quantity { values } => values.iter().find(|v| v.from > t.from),
            FactKind::Event { .. } => None,
        }
    }

    /// True for facts whose amount is a bound ("up to $4 billion"): commitments.
    pub fn is_bound(&self) -> bool {
        self.amount().is_some_and(|a| hedge_of(&a.value).is_bound())
    }
}

/// The hedge of a value (dates have none).
pub fn hedge_of(v: &Value) -> Hedge {
    v.quantity().map_or(Hedge::Exact, |q| q.hedge)
}

/// A problem in a fact file: a codespan-style error pointing into the TOML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactError {
    /// Index into [`FactBase::files`] (or into the sources given to [`FactBase::load`]).
    pub file: usize,
    /// Byte range of the problem.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// A label on the span.
    pub label: String,
}

/// The loaded, checked fact base, with its one name automaton.
#[derive(Debug)]
pub struct FactBase {
    /// The fact files, for rendering.
    pub files: Vec<FactFile>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// The latest `checked` date of the files.
    pub checked: Option<Date>,
    /// Each file's own `checked` date (index as [`FactBase::files`]).
    pub checked_by_file: Vec<Option<Date>>,
    /// Models, chips and services, with their dates.
    pub products: Vec<Product>,
    /// Product families: the shapes of their names.
    pub families: Vec<Family>,
    /// Sets of products that change over time.
    pub lineups: Vec<Lineup>,
    /// Every name and cue of the base in one automaton.
    pub names: Names,
    by_entity: Vec<Vec<usize>>,
    by_id: HashMap<String, usize>,
}

/// The prefix of the built-in fact files' names (`<built-in>/anthropic.toml`).
pub const BUILTIN_PREFIX: &str = "<built-in>/";

/// True for the name of a built-in fact file (compiled in: it has no path on disk).
pub fn is_builtin_name(name: &str) -> bool {
    name.starts_with(BUILTIN_PREFIX)
}

/// The built-in fact base: every `facts/*.toml` of the repository, compiled in, named
/// `<built-in>/NAME.toml`.
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_facts.rs"));

impl FactBase {
    /// An empty fact base.
    pub fn empty() -> FactBase {
        FactBase::load(Vec::new()).unwrap_or_else(|_| unreachable!("no files, no errors"))
    }

    /// The built-in fact base.
    pub fn builtin_files() -> Vec<FactFile> {
        BUILTIN
            .iter()
            .map(|(name, text)| FactFile {
                name: (*name).to_string(),
                text: (*text).to_string(),
            })
            .collect()
    }

    /// Loads and checks fact files. Every problem of every file is returned at once.
    pub fn load(files: Vec<FactFile>) -> Result<FactBase, Vec<FactError>> {
        FactBase::load_keeping_files(files).map_err(|(errors, _)| errors)
    }

    /// [`FactBase::load`], which gives the files back with the errors, to show them
    /// (the caller need not keep a copy of a large base's text for that).
    pub fn load_keeping_files(
        files: Vec<FactFile>,
    ) -> Result<FactBase, (Vec<FactError>, Vec<FactFile>)> {
        let mut errors = Vec::new();
        let mut raws = Vec::new();
        // Files are parsed in parallel, and taken in order.
        let parsed: Vec<Result<RawFile, toml::de::Error>> =
            files.par_iter().map(|f| pieces::read(&f.text)).collect();
        for (i, parsed) in parsed.into_iter().enumerate() {
            match parsed {
                Ok(raw) => raws.push((i, raw)),
                Err(e) => errors.push(FactError {
                    file: i,
                    span: e.span().unwrap_or(0..0),
                    message: validate::escape_controls(&format!(
                        "cannot read fact file: {}",
                        e.message().trim()
                    )),
                    label: "here".to_string(),
                }),
            }
        }
        let mut base = FactBase {
            files,
            entities: Vec::new(),
            facts: Vec::new(),
            checked: None,
            checked_by_file: Vec::new(),
            products: Vec::new(),
            families: Vec::new(),
            lineups: Vec::new(),
            names: Names::default(),
            by_entity: Vec::new(),
            by_id: HashMap::default(),
        };
        validate::resolve(&mut base, raws, &mut errors);
        if !errors.is_empty() {
            errors.sort_by_key(|e| (e.file, e.span.start));
            errors.dedup();
            return Err((errors, base.files));
        }
        base.by_entity = vec![Vec::new(); base.entities.len()];
        for (i, f) in base.facts.iter().enumerate() {
            for &e in &f.entities {
                base.by_entity[e].push(i);
            }
        }
        base.names = Names::build(&base);
        Ok(base)
    }

    /// The facts that mention an entity.
    pub fn facts_of(&self, entity: usize) -> &[usize] {
        self.by_entity.get(entity).map_or(&[], Vec::as_slice)
    }

    /// A fact by id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.by_id.get(id).map(|&i| &self.facts[i])
    }

    /// Every name of every entity, then every name and alias of every product.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.entities
            .iter()
            .flat_map(|e| e.names.iter().map(String::as_str))
            .chain(self.products.iter().flat_map(Product::all_names))
    }

    /// A product by id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    /// The name of a fact file (for diagnostics).
    pub fn file_name(&self, file: usize) -> &str {
        self.files.get(file).map_or("<facts>", |f| f.name.as_str())
    }
}

/// Parses a fact's value with the drafts' own recognizers.
pub fn parse_value(s: &str) -> Option<Value> {
    if let Some((currency, amount)) = recognize::parse_money(s) {
        return Some(Value::Money { currency, amount });
    }
    if let Some(q) = recognize::parse_percent(s) {
        return Some(Value::Percent(q));
    }
    recognize::parse_count(s).map(Value::Count)
}

/// Parses a fact's date: a day, a month, a year, a quarter.
pub fn parse_date(d: &RawDate) -> Option<DateValue> {
    recognize::parse_date(d.as_text().trim())
}
