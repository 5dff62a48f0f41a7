//! `factlint facts stats`: how much the fact base knows, as numbers. How many items of
//! each kind, in all and per file, how many rest on secondary sources only, and the
//! newest `checked` day. Values only: the command line words and prints them.

use jiff::civil::Date;
use serde::Serialize;

use super::{FactBase, FactKind};

/// How many items of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// `[[entity]]`.
    pub entities: usize,
    /// `[[event]]`.
    pub events: usize,
    /// `[[quantity]]`.
    pub quantities: usize,
    /// `[[product]]`.
    pub products: usize,
    /// `[[family]]`.
    pub families: usize,
    /// `[[lineup]]`.
    pub lineups: usize,
}

impl Counts {
    /// Every item, of any kind.
    pub fn total(&self) -> usize {
        self.entities + self.events + self.quantities + self.products + self.families + self.lineups
    }

    /// Events and quantities: the facts a value or a date is checked against.
    pub fn dated(&self) -> usize {
        self.events + self.quantities
    }
}

/// The numbers of one fact file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileStats {
    /// The file's name as diagnostics show it (`<built-in>/openai.toml`, or a path).
    pub file: String,
    /// Its items.
    pub counts: Counts,
    /// Its items that rest on secondary sources only (products marked `secondary`).
    pub secondary_only: usize,
    /// Its `[meta] checked` day, if it has one.
    pub checked: Option<Date>,
}

/// The numbers of a whole fact base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Every item of the base.
    pub counts: Counts,
    /// Items that rest on secondary sources only: products marked `secondary = true`,
    /// whose findings are warnings. (Events and quantities have no such mark: a value
    /// that only secondary sources give is not in the base.)
    pub secondary_only: usize,
    /// Distinct entities that events and quantities are about.
    pub entities_with_facts: usize,
    /// The newest `checked` day of the files.
    pub newest_checked: Option<Date>,
    /// The same numbers per file, in the base's order of files.
    pub files: Vec<FileStats>,
}

/// Counts the items of `base`, in all and per file.
pub fn stats(base: &FactBase) -> Stats {
    let mut files: Vec<FileStats> = base
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| FileStats {
            file: f.name.clone(),
            counts: Counts::default(),
            secondary_only: 0,
            checked: base.checked_by_file.get(i).copied().flatten(),
        })
        .collect();
    let mut counts = Counts::default();
    let mut secondary_only = 0;
    let mut bump = |file: usize, f: &mut dyn FnMut(&mut Counts)| {
        f(&mut counts);
        if let Some(fs) = files.get_mut(file) {
            f(&mut fs.counts);
        }
    };
    for e in &base.entities {
        bump(e.origin.file, &mut |c| c.entities += 1);
    }
    for fact in &base.facts {
        match fact.kind {
            FactKind::Event { .. } => bump(fact.origin.file, &mut |c| c.events += 1),
            FactKind::Quantity { .. } => bump(fact.origin.file, &mut |c| c.quantities += 1),
        }
    }
    for p in &base.products {
        bump(p.origin.file, &mut |c| c.products += 1);
    }
    for f in &base.families {
        bump(f.origin.file, &mut |c| c.families += 1);
    }
    for l in &base.lineups {
        bump(l.origin.file, &mut |c| c.lineups += 1);
    }
    for p in base.products.iter().filter(|p| p.secondary) {
        secondary_only += 1;
        if let Some(fs) = files.get_mut(p.origin.file) {
            fs.secondary_only += 1;
        }
    }
    let mut about: Vec<usize> = base
        .facts
        .iter()
        .flat_map(|f| f.entities.iter().copied())
        .collect();
    about.sort_unstable();
    about.dedup();
    Stats {
        counts,
        secondary_only,
        entities_with_facts: about.len(),
        newest_checked: base.checked,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactFile;

    fn file(name: &str, text: &str) -> FactFile {
        FactFile {
            name: name.to_string(),
            text: text.to_string(),
        }
    }

    #[test]
    fn counts_each_kind_per_file_and_the_newest_checked_day() {
        let a = file(
            "a.toml",
            r#"
[meta]
checked = "2026-01-02"
[[entity]]
id = "x"
names = ["Xco"]
[[entity]]
id = "y"
names = ["Yco"]
[[event]]
id = "x/e"
what = "an event"
date = "2024-01-02"
entities = ["x"]
source = "https://example.com/e"
"#,
        );
        let b = file(
            "b.toml",
            r#"
[meta]
checked = "2026-03-04"
[[quantity]]
id = "x/q"
what = "a total"
entities = ["x"]
values = [{ value = "$1 billion", from = "2024-01-02" }]
source = "https://example.com/q"
[[product]]
id = "p1"
name = "Zorbab 1"
vendor = "y"
released = "2024-01-02"
source = "https://example.com/p1"
secondary = true
[[product]]
id = "p2"
name = "Zorbab 2"
vendor = "y"
released = "2024-02-02"
source = "https://example.com/p2"
"#,
        );
        let base = FactBase::load(vec![a, b]).expect("valid");
        let s = stats(&base);
        assert_eq!(s.counts.entities, 2);
        assert_eq!(s.counts.events, 1);
        assert_eq!(s.counts.quantities, 1);
        assert_eq!(s.counts.products, 2);
        assert_eq!(s.counts.dated(), 2);
        assert_eq!(s.counts.total(), 6);
        assert_eq!(s.secondary_only, 1);
        assert_eq!(s.entities_with_facts, 1);
        assert_eq!(
            s.newest_checked.map(|d| d.to_string()),
            Some("2026-03-04".into())
        );
        assert_eq!(s.files.len(), 2);
        assert_eq!(s.files[0].counts.entities, 2);
        assert_eq!(s.files[0].counts.products, 0);
        assert_eq!(s.files[1].counts.products, 2);
        assert_eq!(s.files[1].secondary_only, 1);
        assert_eq!(
            s.files[0].checked.map(|d| d.to_string()),
            Some("2026-01-02".into())
        );
    }
}
