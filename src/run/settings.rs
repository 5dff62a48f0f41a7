//! Settings for a path, resolved once for the command line and the language server:
//! which configuration applies (an explicit file, none, or the nearest `factlint.toml`
//! of each folder, each read once) and the fact files a configuration names, read as
//! drafts are read. Errors are values; the callers word and show them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::{self, Config, ConfigError};
use crate::facts::FactFile;
use crate::read::draft::{DEFAULT_MAX_FILE_SIZE, Draft, read_draft_limited};

/// A path as shown: relative to the current folder when it is inside it.
pub fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok().map(|c| config::normalize(&c));
    match cwd {
        Some(cwd) if path.is_absolute() => path
            .strip_prefix(&cwd)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf),
        _ => path.to_path_buf(),
    }
}

/// Why fact files could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactReadError {
    /// The file or folder that could not be read.
    pub path: PathBuf,
    /// Whether it is a folder that could not be walked.
    pub folder: bool,
    /// What went wrong.
    pub message: String,
}

/// Reads fact files from files and folders (the `.toml` files of a folder, sorted), as
/// drafts are read: regular files only, never more than the draft size limit (never
/// `/dev/zero` forever). `seen` is told every path read (each path given, each folder
/// walked, each file found in a folder), for a caller that watches them for changes.
pub fn read_fact_files(
    paths: &[PathBuf],
    mut seen: impl FnMut(&Path),
) -> Result<Vec<FactFile>, FactReadError> {
    let mut out = Vec::new();
    for p in paths {
        seen(p);
        let error = |folder: bool, message: String| FactReadError {
            path: p.clone(),
            folder,
            message,
        };
        let meta =
            std::fs::metadata(p).map_err(|e| error(false, crate::read::walk::io_message(&e)))?;
        let mut files = Vec::new();
        if meta.is_dir() {
            // Every `.toml` file of the folder: fact files are named on purpose, so no
            // ignore file or hidden-file rule leaves one out.
            let walk = ignore::WalkBuilder::new(p)
                .standard_filters(false)
                .follow_links(false)
                .build();
            for e in walk {
                let e = e.map_err(|e| error(true, e.to_string()))?;
                let Some(kind) = e.file_type() else { continue };
                if kind.is_dir() {
                    seen(e.path());
                } else if kind.is_file() && e.path().extension().is_some_and(|x| x == "toml") {
                    files.push(e.into_path());
                }
            }
            files.sort();
        } else {
            files.push(p.clone());
        }
        for f in files {
            if &f != p {
                seen(&f);
            }
            let unreadable = |message: String| FactReadError {
                path: f.clone(),
                folder: false,
                message,
            };
            let text = match read_draft_limited(&f, DEFAULT_MAX_FILE_SIZE) {
                Ok(Draft::Text(text)) => text,
                Ok(Draft::Skip(why)) => return Err(unreadable(why)),
                Err(e) => return Err(unreadable(e)),
            };
            out.push(FactFile {
                name: crate::base::paths::display_path(&f),
                text,
            });
        }
    }
    Ok(out)
}

/// The configurations of a command-line run: one explicit file, none, or the nearest
/// one of each file's folder; each file read once.
pub struct Configs {
    fixed: Option<usize>,
    /// Every configuration read, by the index [`Configs::for_path`] returns.
    pub loaded: Vec<Config>,
    by_file: HashMap<PathBuf, usize>,
    by_dir: HashMap<PathBuf, usize>,
    defaults: Option<usize>,
}

impl Configs {
    /// Configurations from `config` (an explicit file), or none with `no_config`, or
    /// else found from each file's folder.
    pub fn new(config: Option<&Path>, no_config: bool) -> Result<Configs, ConfigError> {
        let mut c = Configs {
            fixed: None,
            loaded: Vec::new(),
            by_file: HashMap::new(),
            by_dir: HashMap::new(),
            defaults: None,
        };
        if let Some(p) = config {
            c.fixed = Some(c.load(p)?);
        } else if no_config {
            c.fixed = Some(c.defaults());
        }
        Ok(c)
    }

    fn defaults(&mut self) -> usize {
        if let Some(i) = self.defaults {
            return i;
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        self.loaded.push(Config::defaults(&cwd));
        self.defaults = Some(self.loaded.len() - 1);
        self.loaded.len() - 1
    }

    fn load(&mut self, path: &Path) -> Result<usize, ConfigError> {
        let key = config::normalize(path);
        if let Some(&i) = self.by_file.get(&key) {
            return Ok(i);
        }
        let c = Config::load(&shown(&key))?;
        self.loaded.push(c);
        self.by_file.insert(key, self.loaded.len() - 1);
        Ok(self.loaded.len() - 1)
    }

    /// The configuration for a file, found from its folder (or for a folder itself).
    pub fn for_path(&mut self, path: &Path, is_dir: bool) -> Result<usize, ConfigError> {
        if let Some(i) = self.fixed {
            return Ok(i);
        }
        let dir = if is_dir {
            path.to_path_buf()
        } else {
            match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            }
        };
        let dir = config::normalize(&dir);
        if let Some(&i) = self.by_dir.get(&dir) {
            return Ok(i);
        }
        let i = match config::discover(&dir) {
            Some(file) => self.load(&file)?,
            None => self.defaults(),
        };
        self.by_dir.insert(dir, i);
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_files_of_a_folder_are_read_sorted_and_every_path_is_seen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("more");
        std::fs::create_dir(&sub).expect("folder");
        std::fs::write(dir.path().join("b.toml"), "# b\n").expect("b");
        std::fs::write(sub.join("a.toml"), "# a\n").expect("a");
        std::fs::write(dir.path().join("notes.md"), "not facts\n").expect("md");
        let mut seen = Vec::new();
        let files = read_fact_files(&[dir.path().to_path_buf()], |p| seen.push(p.to_path_buf()))
            .expect("readable");
        let names: Vec<&str> = files.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(names, ["# b\n", "# a\n"]);
        assert!(seen.contains(&sub.join("a.toml")), "{seen:?}");
        assert!(seen.contains(&sub), "{seen:?}");
    }

    #[test]
    fn a_missing_fact_path_is_an_error_that_names_it() {
        let missing = PathBuf::from("/nonexistent/facts.toml");
        let e = read_fact_files(std::slice::from_ref(&missing), |_| {}).expect_err("missing");
        assert_eq!(e.path, missing);
        assert!(!e.folder);
        assert!(!e.message.is_empty());
    }
}
