//! Finding the drafts to check: files as given, folders walked for Markdown files,
//! hidden folders, `target` and `node_modules` skipped, paths sorted.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// File extensions checked when walking a folder.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdx"];

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

/// Expands `paths` into the sorted, de-duplicated list of files to check. A file given
/// by name is checked whatever its extension; a folder is walked for Markdown files.
/// Links are not followed, so a link loop cannot hang the walk.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
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
        let walker = WalkDir::new(p)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !(e.file_type().is_dir() && skipped_dir(&e.file_name().to_string_lossy()))
            });
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_file() && is_markdown(e.path()) {
                        files.push(e.into_path());
                    }
                }
                Err(e) => errors.push(WalkError {
                    path: e.path().map_or_else(|| p.clone(), Path::to_path_buf),
                    message: e.io_error().map_or_else(|| e.to_string(), io_message),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// A one-line message for an I/O error.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
