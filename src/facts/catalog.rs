//! The product catalog of the fact base: products with the days they were announced
//! and released, families (the shapes of their names, so that a well-formed name of no
//! known product can be told apart) and line-ups (sets of products that change over
//! time). Resolved after the entities, and checked against itself.

use foldhash::HashMap;
use std::ops::Range;

use jiff::civil::Date;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
use toml::Spanned;

use rayon::prelude::*;

use super::schema::{RawDate, RawFamily, RawFile};
use super::{FactBase, FactError, Origin, parse_date};
use crate::base::value::DateValue;
use crate::facts::names::{normalize, shape};

/// A date of the catalog and where it was written.
#[derive(Clone, Debug)]
pub struct Dated {
    /// The date (a day, or a month where only the month is verified).
    pub date: DateValue,
    /// Where it was written.
    pub origin: Origin,
}

/// A model, chip or service.
#[derive(Clone, Debug)]
pub struct Product {
    /// Unique id.
    pub id: String,
    /// The display name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// The maker (index into `FactBase::entities`).
    pub vendor: usize,
    /// The family (index into `FactBase::families`).
    pub family: Option<usize>,
    /// When it was first announced, if known.
    pub announced: Option<Dated>,
    /// When it became available, if known.
    pub released: Option<Dated>,
    /// The source of the dates.
    pub source: String,
    /// The source of the release date, if not `source`.
    pub released_source: Option<String>,
    /// True when only secondary sources back it: findings on it are warnings.
    pub secondary: bool,
    /// A note.
    pub note: Option<String>,
    /// Where its id was written.
    pub origin: Origin,
}

impl Product {
    /// True when `day` is before the product was announced (certainly: before the
    /// first day of the announcement's grain).
    pub fn unannounced_on(&self, day: Date) -> bool {
        self.announced.as_ref().is_some_and(|a| day < a.date.start)
    }

    /// True when `day` is before the product became available.
    pub fn unreleased_on(&self, day: Date) -> bool {
        self.released.as_ref().is_some_and(|r| day < r.date.start)
    }

    /// The name and every alias.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The source of the release date.
    pub fn release_source(&self) -> &str {
        self.released_source.as_deref().unwrap_or(&self.source)
    }
}

/// A version number in a model's name: "3.5" is `Version(3, 5)`, "4" is `Version(4, 0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u32, pub u32);

impl Version {
    /// Reads "3", "3.5", "2.0".
    pub fn parse(s: &str) -> Option<Version> {
        let (major, minor) = match s.split_once('.') {
            Some((a, b)) => (a, b),
            None => (s, "0"),
        };
        Some(Version(major.parse().ok()?, minor.parse().ok()?))
    }
}

/// A product name that has its family's shape.
#[derive(Clone, Debug)]
pub struct KnownName {
    /// The shape: the name's words, sorted, with `#` for the version number.
    pub shape: Vec<String>,
    /// The version number in the name.
    pub version: Version,
    /// The product (index into `FactBase::products`).
    pub product: usize,
}

/// A family of product names.
#[derive(Clone, Debug)]
pub struct Family {
    /// Unique id.
    pub id: String,
    /// The maker (index into `FactBase::entities`).
    pub vendor: usize,
    /// The patterns as written.
    pub patterns: Vec<String>,
    /// The patterns, compiled, anchored, case-insensitive.
    pub regexes: Vec<Regex>,
    /// The literal words the patterns start with, lowercase ("claude", "gpt").
    pub triggers: Vec<String>,
    /// The names of its products that have one of its shapes.
    pub known: Vec<KnownName>,
    /// A note.
    pub note: Option<String>,
    /// Where its id was written.
    pub origin: Origin,
}

impl Family {
    /// The length of the longest name of this family's shape at the start of `text`.
    pub fn longest_at(&self, text: &str) -> Option<usize> {
        self.regexes
            .iter()
            .filter_map(|r| r.find(text).map(|m| m.end()))
            .filter(|&e| e > 0)
            .max()
    }

    /// True when all of `name` has this family's shape.
    pub fn matches_whole(&self, name: &str) -> bool {
        self.longest_at(name) == Some(name.len())
    }
}

/// A member of a line-up.
#[derive(Clone, Debug)]
pub struct Member {
    /// The product (index into `FactBase::products`).
    pub product: usize,
    /// The day it joined, when verified.
    pub from: Option<Dated>,
    /// The day it left, if it did.
    pub until: Option<Dated>,
    /// A source of its own.
    pub source: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// Where it was written.
    pub origin: Origin,
}

/// A set of products that changes over time.
#[derive(Clone, Debug)]
pub struct Lineup {
    /// Unique id.
    pub id: String,
    /// What the set is.
    pub what: String,
    /// The entities a draft names when it lists the line-up.
    pub entities: Vec<usize>,
    /// The members.
    pub members: Vec<Member>,
    /// The source.
    pub source: String,
    /// A note.
    pub note: Option<String>,
    /// Where its id was written.
    pub origin: Origin,
}

impl Lineup {
    /// The membership of a product, if it is a member.
    pub fn member(&self, product: usize) -> Option<&Member> {
        self.members.iter().find(|m| m.product == product)
    }
}

/// The most a family pattern may compile to: patterns are small, and a bad one must
/// be an error, not a slow run.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

struct Cx<'e> {
    errors: &'e mut Vec<FactError>,
    file: usize,
}

impl Cx<'_> {
    fn err(&mut self, span: Range<usize>, message: impl Into<String>, label: impl Into<String>) {
        self.errors.push(FactError {
            file: self.file,
            span,
            message: message.into(),
            label: label.into(),
        });
    }

    fn origin(&self, span: Range<usize>) -> Origin {
        Origin {
            file: self.file,
            span,
        }
    }

    fn date(&mut self, d: &Spanned<RawDate>) -> Option<Dated> {
        match parse_date(d.get_ref()) {
            Some(date) => Some(Dated {
                date,
                origin: self.origin(d.span()),
            }),
            None => {
                self.err(
                    d.span(),
                    format!(
                        "`{}` is not a date (write a day `2024-03-27`, a month `2023-10` or a year `2023`)",
                        d.get_ref().as_text()
                    ),
                    "not a date",
                );
                None
            }
        }
    }

    fn entity(
        &mut self,
        id: &Spanned<String>,
        known: &HashMap<String, usize>,
        what: &str,
    ) -> Option<usize> {
        let e = known.get(id.get_ref()).copied();
        if e.is_none() {
            self.err(
                id.span(),
                format!("unknown {what} id `{}`", id.get_ref()),
                "no [[entity]] has this id",
            );
        }
        e
    }

    fn source(&mut self, source: Option<&Spanned<String>>, id: &Spanned<String>) -> String {
        match source {
            Some(s) if !s.get_ref().trim().is_empty() => s.get_ref().clone(),
            Some(s) => {
                self.err(
                    s.span(),
                    format!("`{}` has an empty source", id.get_ref()),
                    "every fact needs its source",
                );
                String::new()
            }
            None => {
                self.err(
                    id.span(),
                    format!("`{}` has no source", id.get_ref()),
                    "add `source = \"https://…\"`",
                );
                String::new()
            }
        }
    }
}

/// Resolves the products, families and line-ups of every file into `base`, after its
/// entities; every problem goes into `errors`.
pub(super) fn resolve(
    base: &mut FactBase,
    raws: &[(usize, RawFile)],
    entity_ids: &HashMap<String, usize>,
    errors: &mut Vec<FactError>,
) {
    // Families first: products name them. Their patterns are compiled in parallel
    // first (a base of thousands of families spends most of its loading time there),
    // in order, so that errors and families come out the same on any number of threads.
    let families: Vec<&RawFamily> = raws.iter().flat_map(|(_, raw)| &raw.family).collect();
    let compiled: Vec<Vec<Result<(Regex, String), String>>> = families
        .par_iter()
        .map(|f| {
            f.patterns
                .iter()
                .map(|p| compile_pattern(p.get_ref()))
                .collect()
        })
        .collect();
    let mut compiled = compiled.into_iter();
    let mut family_ids: HashMap<String, usize> = HashMap::default();
    for (file, raw) in raws {
        let mut cx = Cx {
            errors,
            file: *file,
        };
        for f in &raw.family {
            let vendor = cx.entity(&f.vendor, entity_ids, "vendor");
            let mut regexes = Vec::new();
            let mut triggers: Vec<String> = Vec::new();
            let mut ok = true;
            let results = compiled.next().unwrap_or_default();
            for (p, result) in f.patterns.iter().zip(results) {
                match result {
                    Ok((re, trigger)) => {
                        regexes.push(re);
                        if !triggers.contains(&trigger) {
                            triggers.push(trigger);
                        }
                    }
                    Err(why) => {
                        cx.err(
                            p.span(),
                            format!("invalid family pattern `{}`: {why}", p.get_ref()),
                            "not a usable pattern",
                        );
                        ok = false;
                    }
                }
            }
            let (Some(vendor), true) = (vendor, ok) else {
                continue;
            };
            family_ids.insert(f.id.get_ref().clone(), base.families.len());
            base.families.push(Family {
                id: f.id.get_ref().clone(),
                vendor,
                patterns: f.patterns.iter().map(|p| p.get_ref().clone()).collect(),
                regexes,
                triggers,
                known: Vec::new(),
                note: f.note.clone(),
                origin: cx.origin(f.id.span()),
            });
        }
    }

    // Products, with one owner per name: entities' names and products' names share
    // the one automaton, so a name belongs to one of them.
    let mut owner: HashMap<String, String> = HashMap::default();
    for e in &base.entities {
        for n in &e.names {
            owner
                .entry(normalize(n))
                .or_insert_with(|| format!("entity `{}`", e.id));
        }
    }
    let mut product_ids: HashMap<String, usize> = HashMap::default();
    for (file, raw) in raws {
        let mut cx = Cx {
            errors,
            file: *file,
        };
        for p in &raw.product {
            let vendor = cx.entity(&p.vendor, entity_ids, "vendor");
            let family = match &p.family {
                None => Some(None),
                Some(f) => match family_ids.get(f.get_ref()) {
                    Some(&i) => {
                        if let Some(v) = vendor
                            && base.families[i].vendor != v
                        {
                            cx.err(
                                f.span(),
                                format!(
                                    "`{}` is made by `{}`, but family `{}` is of `{}`",
                                    p.id.get_ref(),
                                    base.entities[v].id,
                                    f.get_ref(),
                                    base.entities[base.families[i].vendor].id
                                ),
                                "a family's products have its vendor",
                            );
                        }
                        Some(Some(i))
                    }
                    None => {
                        cx.err(
                            f.span(),
                            format!("unknown family id `{}`", f.get_ref()),
                            "no [[family]] has this id",
                        );
                        None
                    }
                },
            };
            let announced = p.announced.as_ref().and_then(|d| cx.date(d));
            let released = p.released.as_ref().and_then(|d| cx.date(d));
            let dates_ok = p.announced.is_some() == announced.is_some()
                && p.released.is_some() == released.is_some();
            if p.announced.is_none() && p.released.is_none() {
                cx.err(
                    p.id.span(),
                    format!("product `{}` has no date", p.id.get_ref()),
                    "add `announced = \"…\"` and/or `released = \"…\"`",
                );
            }
            if let (Some(a), Some(r), Some(rs)) = (&announced, &released, &p.released)
                && r.date.last_day() < a.date.start
            {
                cx.err(
                    rs.span(),
                    format!(
                        "`{}` is released on {}, before it was announced on {}",
                        p.id.get_ref(),
                        r.date,
                        a.date
                    ),
                    "released before announced",
                );
            }
            let source = cx.source(p.source.as_ref(), &p.id);
            let mut names_ok = true;
            for n in std::iter::once(&p.name).chain(p.aliases.iter()) {
                let key = normalize(n.get_ref());
                if key.is_empty() {
                    cx.err(n.span(), "an empty name", "here");
                    names_ok = false;
                    continue;
                }
                let me = format!("product `{}`", p.id.get_ref());
                match owner.get(&key) {
                    Some(other) if *other != me => {
                        cx.err(
                            n.span(),
                            format!("the name `{}` is already a name of {other}", n.get_ref()),
                            "a name belongs to one entity or product",
                        );
                        names_ok = false;
                    }
                    Some(_) => {}
                    None => {
                        owner.insert(key, me);
                    }
                }
            }
            let (Some(vendor), Some(family), true, true) = (vendor, family, dates_ok, names_ok)
            else {
                continue;
            };
            if announced.is_none() && released.is_none() {
                continue;
            }
            product_ids.insert(p.id.get_ref().clone(), base.products.len());
            base.products.push(Product {
                id: p.id.get_ref().clone(),
                name: p.name.get_ref().trim().to_string(),
                aliases: p
                    .aliases
                    .iter()
                    .map(|a| a.get_ref().trim().to_string())
                    .collect(),
                vendor,
                family,
                announced,
                released,
                source,
                released_source: p.released_source.clone(),
                secondary: p.secondary,
                note: p.note.clone(),
                origin: cx.origin(p.id.span()),
            });
        }
    }

    // The shapes each family knows: names of its products that its patterns match.
    for (pi, p) in base.products.iter().enumerate() {
        let Some(fi) = p.family else { continue };
        let fam = &mut base.families[fi];
        for n in p.all_names() {
            if !fam.matches_whole(n) {
                continue;
            }
            if let Some((shape, version)) = shape(n) {
                fam.known.push(KnownName {
                    shape,
                    version,
                    product: pi,
                });
            }
        }
    }

    // Line-ups.
    for (file, raw) in raws {
        let mut cx = Cx {
            errors,
            file: *file,
        };
        for l in &raw.lineup {
            let entities: Vec<usize> = l
                .entities
                .iter()
                .filter_map(|e| cx.entity(e, entity_ids, "entity"))
                .collect();
            if l.entities.is_empty() {
                cx.err(
                    l.id.span(),
                    format!("line-up `{}` names no entity", l.id.get_ref()),
                    "add `entities = [\"…\"]`: a draft names them when it lists the line-up",
                );
            }
            let source = cx.source(l.source.as_ref(), &l.id);
            let mut members: Vec<Member> = Vec::new();
            let mut ok = entities.len() == l.entities.len() && !entities.is_empty();
            for m in &l.members {
                let raw_m = m.get_ref();
                let Some(&product) = product_ids.get(raw_m.product.get_ref()) else {
                    cx.err(
                        raw_m.product.span(),
                        format!("unknown product id `{}`", raw_m.product.get_ref()),
                        "no [[product]] has this id",
                    );
                    ok = false;
                    continue;
                };
                let from = raw_m.from.as_ref().and_then(|d| cx.date(d));
                let until = raw_m.until.as_ref().and_then(|d| cx.date(d));
                if raw_m.from.is_some() != from.is_some()
                    || raw_m.until.is_some() != until.is_some()
                {
                    ok = false;
                    continue;
                }
                if members.iter().any(|x| x.product == product) {
                    cx.err(
                        raw_m.product.span(),
                        format!(
                            "`{}` is listed twice in `{}`",
                            raw_m.product.get_ref(),
                            l.id.get_ref()
                        ),
                        "one entry per member",
                    );
                    ok = false;
                }
                let prod = &base.products[product];
                if let (Some(f), Some(a)) = (&from, &prod.announced)
                    && f.date.last_day() < a.date.start
                {
                    cx.err(
                        f.origin.span.clone(),
                        format!(
                            "`{}` joins `{}` on {}, before it was announced on {}",
                            prod.id,
                            l.id.get_ref(),
                            f.date,
                            a.date
                        ),
                        "a member cannot join before it exists",
                    );
                    ok = false;
                }
                if let (Some(f), Some(u)) = (&from, &until)
                    && u.date.start <= f.date.start
                {
                    cx.err(
                        u.origin.span.clone(),
                        format!("`{}` leaves `{}` before it joins", prod.id, l.id.get_ref()),
                        "`until` comes after `from`",
                    );
                    ok = false;
                }
                members.push(Member {
                    product,
                    from,
                    until,
                    source: raw_m.source.clone(),
                    note: raw_m.note.clone(),
                    origin: cx.origin(m.span()),
                });
            }
            if !ok {
                continue;
            }
            base.lineups.push(Lineup {
                id: l.id.get_ref().clone(),
                what: l.what.clone(),
                entities,
                members,
                source,
                note: l.note.clone(),
                origin: cx.origin(l.id.span()),
            });
        }
    }
}

/// Compiles a family pattern, anchored and case-insensitive, with a size limit; returns
/// it with the literal word it starts with (lowercase), by which it is found cheaply.
fn compile_pattern(p: &str) -> Result<(Regex, String), String> {
    if has_top_level_alternation(p) {
        return Err("write each alternative as a pattern of its own".to_string());
    }
    let prefix = literal_prefix(p);
    let trigger: String = prefix
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    if trigger.len() < 2 {
        return Err(
            "a pattern starts with a literal word of two letters or more (`Claude …`)".to_string(),
        );
    }
    // Only where a match ends is asked for, of a name a few words long: no capture
    // groups but the match's, and no lazy DFA or one-pass DFA beside the backtracker.
    // A base of a thousand families compiles in about two thirds of the time, and
    // searches without allocating a DFA's cache per family. Matches are the same
    // whatever the engine.
    let re = meta::Builder::new()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(PATTERN_SIZE_LIMIT))
                .which_captures(WhichCaptures::Implicit)
                .hybrid(false)
                .onepass(false),
        )
        .build(&format!("^(?:{p})"))
        .map_err(|e| {
            if e.size_limit().is_some() {
                return "the pattern is too big".to_string();
            }
            e.syntax_error()
                .map_or_else(|| e.to_string(), ToString::to_string)
                .lines()
                .last()
                .unwrap_or("a syntax error")
                .trim()
                .to_string()
        })?;
    Ok((re, trigger))
}

/// The literal text a pattern starts with, up to its first special character.
fn literal_prefix(p: &str) -> String {
    let mut out = String::new();
    for c in p.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            if matches!(c, '?' | '*' | '{') {
                out.pop();
            }
            break;
        }
        out.push(c);
    }
    out
}

fn has_top_level_alternation(p: &str) -> bool {
    let (mut depth, mut in_class, mut escaped) = (0usize, false, false);
    for c in p.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactFile;

    const ENTITIES: &str = r#"
[[entity]]
id = "anthropic"
names = ["Anthropic"]

[[entity]]
id = "amazon"
names = ["Amazon", "Bedrock"]

[[family]]
id = "claude"
vendor = "anthropic"
patterns = ['Claude \d(?:\.\d)? (?:Opus|Sonnet|Haiku)']

[[product]]
id = "claude-3-haiku"
name = "Claude 3 Haiku"
aliases = ["Claude Haiku 3"]
vendor = "anthropic"
family = "claude"
announced = "2024-03-04"
released = "2024-03-13"
source = "https://example.org/haiku"
"#;

    fn load(extra: &str) -> Result<FactBase, Vec<FactError>> {
        FactBase::load(vec![FactFile {
            name: "t.toml".to_string(),
            text: format!("{ENTITIES}\n{extra}"),
        }])
    }

    fn error_of(extra: &str) -> (String, String) {
        let text = format!("{ENTITIES}\n{extra}");
        let errs = load(extra).expect_err("an error");
        assert_eq!(errs.len(), 1, "{errs:?}");
        let e = &errs[0];
        (e.message.clone(), text[e.span.clone()].to_string())
    }

    #[test]
    fn a_valid_catalog_loads_with_dates_and_shapes() {
        let base = load("").expect("valid");
        let p = base.product("claude-3-haiku").expect("product");
        assert!(p.unannounced_on(Date::constant(2024, 3, 3)));
        assert!(!p.unannounced_on(Date::constant(2024, 3, 4)));
        assert!(p.unreleased_on(Date::constant(2024, 3, 12)));
        assert!(!p.unreleased_on(Date::constant(2024, 3, 13)));
        assert_eq!(base.families[0].known.len(), 1);
        assert_eq!(base.families[0].triggers, vec!["claude"]);
    }

    #[test]
    fn unknown_vendor_family_and_member_ids_are_errors() {
        let (m, at) = error_of(
            "[[product]]\nid = \"x\"\nname = \"X 1\"\nvendor = \"nobody\"\nreleased = \"2024-01-01\"\nsource = \"s\"\n",
        );
        assert_eq!(m, "unknown vendor id `nobody`");
        assert_eq!(at, "\"nobody\"");
        let (m, at) = error_of(
            "[[product]]\nid = \"x\"\nname = \"X 1\"\nvendor = \"anthropic\"\nfamily = \"nope\"\nreleased = \"2024-01-01\"\nsource = \"s\"\n",
        );
        assert_eq!(m, "unknown family id `nope`");
        assert_eq!(at, "\"nope\"");
        let (m, at) = error_of(
            "[[lineup]]\nid = \"l\"\nwhat = \"w\"\nentities = [\"amazon\"]\nmembers = [{ product = \"claude-9\", from = \"2024-01-01\" }]\nsource = \"s\"\n",
        );
        assert_eq!(m, "unknown product id `claude-9`");
        assert_eq!(at, "\"claude-9\"");
    }

    #[test]
    fn a_name_belongs_to_one_product_or_entity() {
        let (m, at) = error_of(
            "[[product]]\nid = \"other\"\nname = \"Other\"\naliases = [\"claude-3 haiku\"]\nvendor = \"anthropic\"\nreleased = \"2024-01-01\"\nsource = \"s\"\n",
        );
        assert_eq!(
            m,
            "the name `claude-3 haiku` is already a name of product `claude-3-haiku`"
        );
        assert_eq!(at, "\"claude-3 haiku\"");
        let (m, _) = error_of(
            "[[product]]\nid = \"bedrock\"\nname = \"Bedrock\"\nvendor = \"amazon\"\nreleased = \"2023-09-28\"\nsource = \"s\"\n",
        );
        assert_eq!(m, "the name `Bedrock` is already a name of entity `amazon`");
    }

    #[test]
    fn released_before_announced_and_no_date_are_errors() {
        let (m, at) = error_of(
            "[[product]]\nid = \"x\"\nname = \"X 1\"\nvendor = \"anthropic\"\nannounced = \"2024-05-01\"\nreleased = \"2024-04-30\"\nsource = \"s\"\n",
        );
        assert_eq!(
            m,
            "`x` is released on 2024-04-30, before it was announced on 2024-05-01"
        );
        assert_eq!(at, "\"2024-04-30\"");
        // A month grain that contains the announcement day is not "before".
        assert!(
            load("[[product]]\nid = \"x\"\nname = \"X 1\"\nvendor = \"anthropic\"\nannounced = \"2024-05-20\"\nreleased = \"2024-05\"\nsource = \"s\"\n")
                .is_ok()
        );
        let (m, _) = error_of(
            "[[product]]\nid = \"x\"\nname = \"X 1\"\nvendor = \"anthropic\"\nsource = \"s\"\n",
        );
        assert_eq!(m, "product `x` has no date");
    }

    #[test]
    fn invalid_family_patterns_are_errors() {
        for (pattern, why) in [
            (r"Claude (\d", "unclosed group"),
            (r"\d+ Claude", "a pattern starts with a literal word"),
            (
                r"Claude \d|GPT-\d",
                "write each alternative as a pattern of its own",
            ),
            (r"Cl?aude \d", "a pattern starts with a literal word"),
            (r"Claude \d{1000}{1000}", "too big"),
        ] {
            let (m, at) = error_of(&format!(
                "[[family]]\nid = \"bad\"\nvendor = \"anthropic\"\npatterns = ['{pattern}']\n"
            ));
            assert!(m.starts_with("invalid family pattern"), "{m}");
            assert!(m.contains(why), "{pattern}: {m}");
            assert_eq!(at, format!("'{pattern}'"));
        }
    }

    #[test]
    fn family_vendor_and_member_dates_are_checked() {
        let (m, _) = error_of(
            "[[product]]\nid = \"x\"\nname = \"Claude 9 Opus\"\nvendor = \"amazon\"\nfamily = \"claude\"\nreleased = \"2024-01-01\"\nsource = \"s\"\n",
        );
        assert_eq!(
            m,
            "`x` is made by `amazon`, but family `claude` is of `anthropic`"
        );
        let (m, at) = error_of(
            "[[lineup]]\nid = \"l\"\nwhat = \"w\"\nentities = [\"amazon\"]\nmembers = [{ product = \"claude-3-haiku\", from = \"2024-03-01\" }]\nsource = \"s\"\n",
        );
        assert_eq!(
            m,
            "`claude-3-haiku` joins `l` on 2024-03-01, before it was announced on 2024-03-04"
        );
        assert_eq!(at, "\"2024-03-01\"");
        // A member whose day is not verified has no `from`, and that is fine.
        let base = load(
            "[[lineup]]\nid = \"l\"\nwhat = \"w\"\nentities = [\"amazon\"]\nmembers = [{ product = \"claude-3-haiku\", note = \"day not verified\" }]\nsource = \"s\"\n",
        )
        .expect("valid");
        assert!(base.lineups[0].members[0].from.is_none());
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(Version::parse("3.5") < Version::parse("4"));
        assert_eq!(Version::parse("2.0"), Version::parse("2"));
        assert!(Version::parse("4.10") > Version::parse("4.9"));
    }
}
