//! What the fact base knows, as rows and text, for `factlint facts list` and
//! `factlint facts show ID`: every item with its dates and its source.

use std::fmt::Write as _;

use super::{FactBase, FactKind, Origin};
use crate::base::diagnostic::LineIndex;

/// The kinds of items in a fact base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `[[entity]]`.
    Entity,
    /// `[[event]]`.
    Event,
    /// `[[quantity]]`.
    Quantity,
    /// `[[product]]`.
    Product,
    /// `[[family]]`.
    Family,
    /// `[[lineup]]`.
    Lineup,
}

impl Kind {
    /// The kind's name as in the TOML.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Event => "event",
            Kind::Quantity => "quantity",
            Kind::Product => "product",
            Kind::Family => "family",
            Kind::Lineup => "lineup",
        }
    }
}

/// One item of the fact base, in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its name or what it is.
    pub name: String,
    /// Its dates (and values), in short.
    pub dates: String,
    /// Its source.
    pub source: String,
}

/// Every item of the base (of one kind, if given), in the order of the files.
pub fn list(base: &FactBase, kind: Option<Kind>) -> Vec<Row> {
    let want = |k: Kind| kind.is_none_or(|x| x == k);
    let mut rows = Vec::new();
    if want(Kind::Entity) {
        for e in &base.entities {
            rows.push(Row {
                kind: Kind::Entity,
                id: e.id.clone(),
                name: e.names.join(", "),
                dates: String::new(),
                source: String::new(),
            });
        }
    }
    for f in &base.facts {
        let (k, dates) = match &f.kind {
            FactKind::Event { date, amount, .. } => (
                Kind::Event,
                match amount {
                    Some(a) => format!("{date}: {}", a.text),
                    None => date.to_string(),
                },
            ),
            FactKind::Quantity { values } => (
                Kind::Quantity,
                values
                    .iter()
                    .map(|t| format!("{} from {}", t.stated.text, t.from))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        if want(k) {
            rows.push(Row {
                kind: k,
                id: f.id.clone(),
                name: f.what.clone(),
                dates,
                source: f.source.clone(),
            });
        }
    }
    if want(Kind::Product) {
        for p in &base.products {
            rows.push(Row {
                kind: Kind::Product,
                id: p.id.clone(),
                name: p.name.clone(),
                dates: product_dates(p),
                source: p.source.clone(),
            });
        }
    }
    if want(Kind::Family) {
        for f in &base.families {
            let n = base
                .products
                .iter()
                .filter(|p| p.family.is_some_and(|x| base.families[x].id == f.id))
                .count();
            rows.push(Row {
                kind: Kind::Family,
                id: f.id.clone(),
                name: f.patterns.join("  "),
                dates: format!("{n} products"),
                source: String::new(),
            });
        }
    }
    if want(Kind::Lineup) {
        for l in &base.lineups {
            rows.push(Row {
                kind: Kind::Lineup,
                id: l.id.clone(),
                name: l.what.clone(),
                dates: format!("{} members", l.members.len()),
                source: l.source.clone(),
            });
        }
    }
    rows
}

fn product_dates(p: &super::Product) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &p.announced {
        parts.push(format!("announced {}", a.date));
    }
    if let Some(r) = &p.released {
        parts.push(format!("released {}", r.date));
    }
    if p.secondary {
        parts.push("secondary source".to_string());
    }
    parts.join(", ")
}

/// The rows as aligned text, one line each.
pub fn render(rows: &[Row]) -> String {
    let w = |f: fn(&Row) -> usize, cap: usize| rows.iter().map(f).max().unwrap_or(0).min(cap);
    let (wk, wi, wn, wd) = (
        w(|r| r.kind.as_str().len(), 10),
        w(|r| r.id.chars().count(), 36),
        w(|r| r.name.chars().count(), 44),
        w(|r| r.dates.chars().count(), 48),
    );
    let mut out = String::new();
    for r in rows {
        let line = format!(
            "{:<wk$}  {:<wi$}  {:<wn$}  {:<wd$}  {}",
            r.kind.as_str(),
            r.id,
            r.name,
            r.dates,
            r.source
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Everything the base says about one id, as text; None when no item has it.
pub fn show(base: &FactBase, id: &str) -> Option<String> {
    let mut out = String::new();
    let at = |o: &Origin| -> String {
        let file = base.files.get(o.file);
        let line = file.map_or(0, |f| {
            LineIndex::new(&f.text).line_col(&f.text, o.span.start).0
        });
        format!("{}:{line}", base.file_name(o.file))
    };
    let entity = |i: usize| {
        base.entities.get(i).map_or(String::new(), |e| {
            format!("{} ({})", e.id, e.names.first().map_or("", String::as_str))
        })
    };
    let mut field = |name: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "  {:<11} {value}", format!("{name}:"));
        }
    };
    if let Some(e) = base.entities.iter().find(|e| e.id == id) {
        field("names", &e.names.join(", "));
        field("defined at", &at(&e.origin));
        return Some(format!("entity {}\n{out}", e.id));
    }
    if let Some(f) = base.fact(id) {
        let kind = match &f.kind {
            FactKind::Event { date, amount, .. } => {
                field("date", &date.to_string());
                if let Some(a) = amount {
                    field("amount", &a.text);
                }
                "event"
            }
            FactKind::Quantity { values } => {
                for t in values {
                    let src = t
                        .source
                        .as_deref()
                        .map_or(String::new(), |s| format!("  (source: {s})"));
                    field("value", &format!("{} from {}{src}", t.stated.text, t.from));
                }
                "quantity"
            }
        };
        field("what", &f.what);
        let ents: Vec<String> = f.entities.iter().map(|&e| entity(e)).collect();
        field("entities", &ents.join(", "));
        field("cues", &f.cues.join(", "));
        field("source", &f.source);
        field("note", f.note.as_deref().unwrap_or(""));
        field("defined at", &at(&f.origin));
        return Some(format!("{kind} {}\n{out}", f.id));
    }
    if let Some(p) = base.products.iter().find(|p| p.id == id) {
        field("name", &p.name);
        field("aliases", &p.aliases.join(", "));
        field("vendor", &entity(p.vendor));
        field(
            "family",
            p.family.map_or("", |f| base.families[f].id.as_str()),
        );
        if let Some(a) = &p.announced {
            field("announced", &format!("{}  (source: {})", a.date, p.source));
        }
        if let Some(r) = &p.released {
            field(
                "released",
                &format!("{}  (source: {})", r.date, p.release_source()),
            );
        }
        if p.secondary {
            field(
                "sources",
                "secondary only: findings on this product are warnings",
            );
        }
        let mut lineups = Vec::new();
        for l in &base.lineups {
            let pi = base.products.iter().position(|x| x.id == p.id);
            if let Some(m) = pi.and_then(|pi| l.member(pi)) {
                lineups.push(match &m.from {
                    Some(f) => format!("{} from {}", l.id, f.date),
                    None => format!("{} (day not verified)", l.id),
                });
            }
        }
        field("line-ups", &lineups.join(", "));
        field("note", p.note.as_deref().unwrap_or(""));
        field("defined at", &at(&p.origin));
        return Some(format!("product {}\n{out}", p.id));
    }
    if let Some(f) = base.families.iter().find(|f| f.id == id) {
        field("vendor", &entity(f.vendor));
        for p in &f.patterns {
            field("pattern", p);
        }
        let mut names: Vec<&str> = f
            .known
            .iter()
            .map(|k| base.products[k.product].name.as_str())
            .collect();
        names.dedup();
        field("products", &names.join(", "));
        field("note", f.note.as_deref().unwrap_or(""));
        field("defined at", &at(&f.origin));
        return Some(format!("family {}\n{out}", f.id));
    }
    if let Some(l) = base.lineups.iter().find(|l| l.id == id) {
        field("what", &l.what);
        let ents: Vec<String> = l.entities.iter().map(|&e| entity(e)).collect();
        field("entities", &ents.join(", "));
        for m in &l.members {
            let p = &base.products[m.product];
            let when = match (&m.from, &m.until) {
                (Some(f), Some(u)) => format!("from {} until {}", f.date, u.date),
                (Some(f), None) => format!("from {}", f.date),
                (None, _) => "day not verified".to_string(),
            };
            let note = m
                .note
                .as_deref()
                .map_or(String::new(), |n| format!(" — {n}"));
            let src = m
                .source
                .as_deref()
                .map_or(String::new(), |s| format!("  (source: {s})"));
            field(
                "member",
                &format!("{} ({}): {when}{note}{src}", p.name, p.id),
            );
        }
        field("source", &l.source);
        field("note", l.note.as_deref().unwrap_or(""));
        field("defined at", &at(&l.origin));
        return Some(format!("lineup {}\n{out}", l.id));
    }
    None
}

/// Ids that contain `id` (or are contained in it), to suggest when none matches.
pub fn similar_ids(base: &FactBase, id: &str) -> Vec<String> {
    let needle = id.to_ascii_lowercase();
    let mut out: Vec<String> = list(base, None)
        .into_iter()
        .map(|r| r.id)
        .filter(|x| {
            let x = x.to_ascii_lowercase();
            !needle.is_empty() && (x.contains(&needle) || needle.contains(&x))
        })
        .collect();
    out.sort();
    out.dedup();
    out.truncate(8);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> FactBase {
        FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid")
    }

    #[test]
    fn products_are_listed_with_dates_and_sources() {
        let rows = list(&base(), Some(Kind::Product));
        let haiku = rows
            .iter()
            .find(|r| r.id == "claude-3-haiku")
            .expect("Claude 3 Haiku");
        assert_eq!(haiku.dates, "announced 2024-03-04, released 2024-03-13");
        assert!(haiku.source.starts_with("https://"));
        assert!(rows.iter().all(|r| r.kind == Kind::Product));
        let text = render(&rows);
        assert!(
            text.lines()
                .any(|l| l.starts_with("product  claude-3-haiku "))
        );
    }

    #[test]
    fn show_gives_dates_sources_and_lineups() {
        let b = base();
        let s = show(&b, "claude-3-haiku").expect("shown");
        assert!(s.starts_with("product claude-3-haiku\n"), "{s}");
        assert!(
            s.contains("announced:  2024-03-04  (source: https://aiwiki.ai/wiki/claude_3)"),
            "{s}"
        );
        assert!(
            s.contains(
                "released:   2024-03-13  (source: https://noise.getoto.net/tag/generative-ai/)"
            ),
            "{s}"
        );
        assert!(
            s.contains("line-ups:   bedrock/claude from 2024-03-13"),
            "{s}"
        );
        assert!(s.contains("defined at: <built-in>/anthropic.toml:"), "{s}");
        let l = show(&b, "bedrock/claude").expect("shown");
        assert!(
            l.contains("Claude 3 Opus (claude-3-opus): day not verified"),
            "{l}"
        );
        assert!(
            show(&b, "amazon-anthropic/total")
                .expect("shown")
                .contains("$8 billion from 2024-11-22")
        );
        assert!(show(&b, "no-such-id").is_none());
        assert!(similar_ids(&b, "haiku").contains(&"claude-3-haiku".to_string()));
    }
}
