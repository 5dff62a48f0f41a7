//! `factlint check --cache`: each draft's findings kept by a hash of everything that
//! decides them, so that a run over a repository where few drafts changed checks only
//! those.
//!
//! An entry is used only when all of these are as they were when it was stored:
//! factlint's version and the cache's format, the fact base (the name and text of
//! every fact file, the built-in ones included), the draft's options (article date,
//! rule levels, whether unused suppressions are reported, and the day of the run when
//! the draft holds an `until=`), its path and its text. They are hashed together into
//! a 128-bit key; the text's length is kept beside it. Anything else that could change
//! a finding is in factlint's code, and a cache written by another build is not read
//! (below).
//!
//! The header names the build that wrote the cache (factlint's version, and the size
//! and modification time of its executable): a cache another build wrote is not read,
//! so a factlint installed again from other code under the same version number does not
//! take its predecessor's findings.
//!
//! The cache is one file, `cache.jsonl` in the cache folder: a header line, then one
//! line per draft (path, key, findings), sorted by path. A cache that cannot be read,
//! or that another version wrote, is ignored and replaced; an entry that cannot be read
//! is checked again. Drafts of earlier runs that were not checked this time keep their
//! entries while their files exist. The folder gets a `.gitignore` of `*`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::base::hashing::hash128;
use crate::facts::FactBase;
use crate::run::{FileJob, FileResult};

/// The cache folder `--cache` uses: in the current folder.
pub const DEFAULT_DIR: &str = ".factlint_cache";

/// The cache file in the folder.
const FILE: &str = "cache.jsonl";

/// Bumped whenever what an entry holds changes shape.
const FORMAT: u32 = 3;

/// The first line of the cache file: which factlint wrote it. A cache written by
/// another build is not read.
#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    factlint_cache: u32,
    version: String,
    /// The running executable's size and modification time: a factlint built again
    /// from other code under the same version number (installed from a branch) is
    /// another build. `None` when they cannot be read.
    build: Option<String>,
}

impl Header {
    fn current() -> Header {
        let build = std::env::current_exe()
            .and_then(std::fs::metadata)
            .and_then(|m| {
                let time = m.modified()?.duration_since(std::time::UNIX_EPOCH);
                let time = time.map_err(std::io::Error::other)?;
                Ok(format!("{}:{}", m.len(), time.as_nanos()))
            })
            .ok();
        Header {
            factlint_cache: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            build,
        }
    }
}

/// One draft's line, as read: the findings stay text until they are used.
#[derive(Deserialize)]
struct Line<'a> {
    path: PathBuf,
    key: String,
    #[serde(borrow)]
    result: &'a RawValue,
}

/// A cache folder, read at the start of a run and written at its end.
pub struct Cache {
    dir: PathBuf,
    /// The cache file as read.
    text: String,
    /// Its entries: path → (key, where the findings' JSON is in `text`).
    old: HashMap<PathBuf, (String, Range<usize>)>,
    /// The entries of this run's drafts.
    new: Vec<Entry>,
    /// True when the file must be written again.
    changed: bool,
}

/// A draft's entry: its path, key and findings (as JSON, or where they are in the file
/// as read).
pub(crate) struct Entry {
    path: PathBuf,
    key: String,
    result: Stored,
}

/// A draft's findings: where they are in the file as read, or new JSON.
enum Stored {
    Read(Range<usize>),
    New(String),
}

impl Cache {
    /// Reads the cache in `dir`. Never fails: a missing, unreadable or foreign cache is
    /// an empty one (replaced when the run ends).
    pub fn open(dir: &Path) -> Cache {
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            text: String::new(),
            old: HashMap::new(),
            new: Vec::new(),
            changed: true,
        };
        let Ok(text) = std::fs::read_to_string(dir.join(FILE)) else {
            return cache;
        };
        let mut lines = text.lines();
        let header = lines
            .next()
            .and_then(|l| serde_json::from_str::<Header>(l).ok());
        let current = Header::current();
        // Another build's cache, or a build that cannot be told from others: not read.
        if current.build.is_none() || header.as_ref() != Some(&current) {
            return cache;
        }
        cache.changed = false;
        let base = text.as_ptr() as usize;
        for l in lines {
            let read = serde_json::from_str::<Line<'_>>(l).ok().and_then(|line| {
                // The findings borrow from `text`: keep where they are.
                let raw = line.result.get();
                let start = (raw.as_ptr() as usize).checked_sub(base)?;
                let range = start..start + raw.len();
                (text.get(range.clone()) == Some(raw)).then_some((line.path, line.key, range))
            });
            match read {
                Some((path, key, range)) => {
                    cache.old.insert(path, (key, range));
                }
                // A damaged line: that draft is checked again, and the file rewritten.
                None => cache.changed = true,
            }
        }
        cache.text = text;
        cache
    }

    /// The key of a draft: everything that decides its findings, hashed. `base` is
    /// [`fingerprint`] of the job's fact base.
    pub(crate) fn key(job: &FileJob, base: u128, text: &str) -> String {
        // The day matters only to `until=` dates of suppressions.
        let today = if text.contains("until") {
            job.opts.today
        } else {
            None
        };
        let opts = format!(
            "{:?}|{:?}|{}|{:?}|{}",
            job.opts.default_date,
            job.opts.levels,
            job.opts.report_unused_suppressions,
            today,
            job.opts.coverage
        );
        let hash = hash128(|h| {
            FORMAT.hash(h);
            env!("CARGO_PKG_VERSION").hash(h);
            base.hash(h);
            opts.hash(h);
            job.path.hash(h);
            text.hash(h);
        });
        format!("{hash:032x}-{}", text.len())
    }

    /// The stored findings of `path` if they were stored under `key`, with the entry
    /// that keeps them.
    pub(crate) fn lookup(&self, path: &Path, key: &str) -> Option<(FileResult, Entry)> {
        let (k, range) = self.old.get(path)?;
        if k != key {
            return None;
        }
        let result = serde_json::from_str::<FileResult>(self.text.get(range.clone())?).ok()?;
        let entry = Entry {
            path: path.to_path_buf(),
            key: key.to_string(),
            result: Stored::Read(range.clone()),
        };
        Some((result, entry))
    }

    /// The entry that keeps a draft's new findings (`None` when they cannot be
    /// written, as with a path that is not UTF-8).
    pub(crate) fn entry(path: &Path, key: String, result: &FileResult) -> Option<Entry> {
        path.to_str()?;
        let json = serde_json::to_string(result).ok()?;
        Some(Entry {
            path: path.to_path_buf(),
            key,
            result: Stored::New(json),
        })
    }

    /// Keeps the entries of this run's drafts; `hit` tells whether an entry is the one
    /// read (then nothing changed for it).
    pub(crate) fn record(&mut self, entries: Vec<(Entry, bool)>) {
        for (entry, hit) in entries {
            self.changed |= !hit;
            self.new.push(entry);
        }
    }

    /// Writes the cache (unless nothing changed): this run's entries and those of
    /// earlier runs whose files still exist and were not checked this time. The file
    /// is written beside the old one and renamed over it, so that a reader never sees
    /// half of it. An error is a message for a warning: the findings are not affected.
    pub fn save(self) -> Result<(), String> {
        let seen: HashSet<&Path> = self.new.iter().map(|e| e.path.as_path()).collect();
        let mut lines: BTreeMap<&Path, (&str, &str)> = BTreeMap::new();
        let mut changed = self.changed;
        let stored = |range: &Range<usize>| self.text.get(range.clone()).unwrap_or("null");
        for (path, (key, range)) in &self.old {
            if seen.contains(path.as_path()) {
                continue;
            }
            if path.exists() {
                lines.insert(path, (key, stored(range)));
            } else {
                changed = true;
            }
        }
        if !changed {
            return Ok(());
        }
        for e in &self.new {
            let result = match &e.result {
                Stored::Read(range) => stored(range),
                Stored::New(json) => json,
            };
            lines.insert(&e.path, (&e.key, result));
        }
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            format!(
                "cannot {what} {}: {e}",
                crate::base::paths::display_path(&self.dir)
            )
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| fail("create", &e))?;
        let ignore = self.dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# factlint's cache (factlint check --cache)\n*\n")
                .map_err(|e| fail("write to", &e))?;
        }
        let tmp = self.dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&tmp).and_then(|f| {
            let mut out = std::io::BufWriter::new(f);
            write_lines(&mut out, &lines)?;
            out.into_inner()
                .map_err(std::io::IntoInnerError::into_error)?
                .sync_all()
        });
        let written = written.and_then(|()| std::fs::rename(&tmp, self.dir.join(FILE)));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(fail("write to", &e));
        }
        Ok(())
    }
}

/// The header, then a line per draft: (path, key, findings as JSON), in path order.
fn write_lines(out: &mut impl Write, lines: &BTreeMap<&Path, (&str, &str)>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &Header::current())?;
    out.write_all(b"\n")?;
    for (path, (key, result)) in lines {
        out.write_all(b"{\"path\":")?;
        serde_json::to_writer(&mut *out, path)?;
        out.write_all(b",\"key\":")?;
        serde_json::to_writer(&mut *out, key)?;
        // The findings are JSON already: written as they are.
        out.write_all(b",\"result\":")?;
        out.write_all(result.as_bytes())?;
        out.write_all(b"}\n")?;
    }
    Ok(())
}

/// A fingerprint of a fact base: the name and text of each of its files, in order.
pub(crate) fn fingerprint(base: &FactBase) -> u128 {
    hash128(|h| {
        base.files.len().hash(h);
        for f in &base.files {
            f.name.hash(h);
            f.text.hash(h);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_everything_that_decides_the_findings() {
        let job = FileJob {
            path: PathBuf::from("a.md"),
            base: 0,
            opts: crate::run::CheckOptions {
                today: "2025-06-01".parse().ok(),
                ..crate::run::CheckOptions::default()
            },
        };
        let text = "Globex serves 90,000 customers.";
        let key = |job: &FileJob, base: u128, text: &str| Cache::key(job, base, text);
        let first = key(&job, 1, text);
        assert_eq!(key(&job, 1, text), first, "the same inputs, the same key");
        let mut others = vec![
            key(&job, 2, text),
            key(&job, 1, "Globex serves 50,000 customers."),
        ];
        let mut moved = job.clone();
        moved.path = PathBuf::from("b.md");
        others.push(key(&moved, 1, text));
        let mut dated = job.clone();
        dated.opts.default_date = "2025-03-01".parse().ok();
        others.push(key(&dated, 1, text));
        let mut off = job.clone();
        off.opts.levels.insert(
            crate::rules::RuleId::SelfContradiction,
            crate::config::Level::Off,
        );
        others.push(key(&off, 1, text));
        let mut unused = job.clone();
        unused.opts.report_unused_suppressions = true;
        others.push(key(&unused, 1, text));
        for (i, k) in others.iter().enumerate() {
            assert_ne!(*k, first, "change {i}");
        }
        // The day of the run only where a suppression may end.
        let mut later = job.clone();
        later.opts.today = "2025-07-01".parse().ok();
        assert_eq!(key(&later, 1, text), first);
        let until = "<!-- factlint-disable-next-line until=2025-06-30 -->\nGlobex.";
        assert_ne!(key(&later, 1, until), key(&job, 1, until));
        // The fact base's fingerprint reads every file's name and text.
        let base = |files: &[(&str, &str)]| {
            let mut b = FactBase::empty();
            b.files = files
                .iter()
                .map(|&(name, text)| crate::facts::FactFile {
                    name: name.to_string(),
                    text: text.to_string(),
                })
                .collect();
            fingerprint(&b)
        };
        let one = base(&[("a.toml", "x")]);
        assert_ne!(base(&[("b.toml", "x")]), one);
        assert_ne!(base(&[("a.toml", "y")]), one);
        assert_ne!(base(&[("a.toml", "x"), ("b.toml", "")]), one);
        assert_eq!(base(&[("a.toml", "x")]), one);
    }
}
