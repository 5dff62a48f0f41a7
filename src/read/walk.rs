//! Finding the drafts to check: files as given, folders walked for Markdown files,
//! hidden folders, `target` and `node_modules` skipped, paths sorted.
//!
//! Folders are walked with the `ignore` crate (ripgrep's walker), which honours
//! `.gitignore` (inside a git repository), `.ignore`, `.git/info/exclude` and the
//! global git excludes, in the folder walked and in its parents; [`WalkOptions`] can
//! turn that off. A file or folder named by the caller is always taken, even when an
//! ignore file lists it (as ripgrep does): only what a walk finds is filtered.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// File extensions checked when walking a folder.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdx"];

/// How folders are walked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Read no ignore files: walk every file that is not in a hidden folder, `target`
    /// or `node_modules` (`check --no-ignore`).
    pub no_ignore: bool,
}

/// A path that could not be walked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkError {
    /// The path.
    pub path: PathBuf,
    /// What went wrong, in one line.
    pub message: String,
}

/// True for a file name factlint checks when walking a folder.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn skipped_dir(name: &str) -> bool {
    (name.starts_with('.') && name != "." && name != "..")
        || name == "target"
        || name == "node_modules"
}

/// Expands `paths` into the sorted, de-duplicated list of files to check, honouring
/// ignore files. A file given by name is checked whatever its extension; a folder is
/// walked for Markdown files. Links are not followed, so a link loop cannot hang the
/// walk.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    collect_with(paths, WalkOptions::default(), &mut |_| false)
}

/// [`collect`] with options, and `also`: asked about each file a walk finds that has
/// none of [`EXTENSIONS`], true to check it as Markdown anyway (a configuration's
/// `extensions`).
pub fn collect_with(
    paths: &[PathBuf],
    opts: WalkOptions,
    also: &mut dyn FnMut(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                errors.push(WalkError {
                    path: p.clone(),
                    message: io_message(&e),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            files.push(p.clone());
            continue;
        }
        let mut builder = WalkBuilder::new(p);
        // The standard filters are the ignore files; hidden files are not skipped
        // (only hidden folders, below, as before the ignore files were read).
        builder
            .standard_filters(!opts.no_ignore)
            .hidden(false)
            .follow_links(false)
            .filter_entry(|e| {
                e.depth() == 0
                    || !(e.file_type().is_some_and(|t| t.is_dir())
                        && skipped_dir(&e.file_name().to_string_lossy()))
            });
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file())
                        && (is_markdown(e.path()) || also(e.path()))
                    {
                        files.push(e.into_path());
                    }
                }
                Err(e) => errors.push(walk_error(&e, p)),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// The path and one-line message of a walk's error (`root` when it names no path).
fn walk_error(e: &ignore::Error, root: &Path) -> WalkError {
    let mut path = None;
    let mut at = e;
    let message = loop {
        match at {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert_with(|| p.clone());
                at = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                at = err;
            }
            ignore::Error::Io(io) => break io_message(io),
            other => break other.to_string(),
        }
    };
    WalkError {
        path: path.unwrap_or_else(|| root.to_path_buf()),
        message,
    }
}

/// A one-line message for an I/O error.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
