//! Reading a draft from disk: UTF-8 text, or why it is skipped (binary, too big), or
//! an error; never a blocking read or an unbounded one.

use std::path::Path;

/// The default largest draft checked: 50 MB. A bigger file is skipped with a note.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;

/// Reads a draft: UTF-8 text, or an error that names the byte offset; `Ok(None)` for a
/// binary file (a NUL byte) or one bigger than [`DEFAULT_MAX_FILE_SIZE`], which is
/// skipped with a note (see [`read_draft_limited`] for the note).
pub fn read_draft(path: &Path) -> Result<Option<String>, String> {
    read_draft_limited(path, DEFAULT_MAX_FILE_SIZE).map(|r| match r {
        Draft::Text(t) => Some(t),
        Draft::Skip(_) => None,
    })
}

/// A draft as read: its text, or why it is skipped (not an error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Draft {
    /// The draft's text.
    Text(String),
    /// A note on why the file is not checked: binary, or too big.
    Skip(String),
}

/// Reads a draft of at most `max` bytes. Bigger files and binary files are skipped
/// with a note; files that are not regular files (a FIFO, a device) are an error, so
/// that a read can neither block nor run forever. Never reads more than `max + 1`
/// bytes, whatever the size the file claims.
pub fn read_draft_limited(path: &Path, max: u64) -> Result<Draft, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| super::walk::io_message(&e))?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    let too_big =
        |n: u64| format!("skipped: {n} bytes, more than the limit of {max} (--max-file-size)");
    if meta.len() > max {
        return Ok(Draft::Skip(too_big(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| super::walk::io_message(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| super::walk::io_message(&e))?;
    if bytes.len() as u64 > max {
        return Ok(Draft::Skip(too_big(bytes.len() as u64)));
    }
    Ok(match decode(bytes)? {
        Some(text) => Draft::Text(text),
        None => Draft::Skip("skipped: a binary file (it holds a NUL byte)".to_string()),
    })
}

/// Decodes a draft's bytes (see [`read_draft`]).
pub fn decode(bytes: Vec<u8>) -> Result<Option<String>, String> {
    if memchr::memchr(0, &bytes).is_some() {
        return Ok(None);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}
