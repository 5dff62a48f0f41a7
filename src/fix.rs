//! Applying fixes: replacements ([`Fix`], built by the rules) applied to a text without
//! touching any other byte, the unified diff of the change, and writing a fixed file
//! only when it still holds the bytes that were checked. Nothing here decides what a
//! fix is; [`crate::analysis::restyle`] builds them and `run/fix.rs` runs the rounds.

use std::io::{self, Write as _};
use std::path::Path;

use crate::base::diagnostic::Fix;

/// The outcome of applying fixes to a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The text with the fixes applied.
    pub text: String,
    /// The fixes applied, in span order (spans into the text before).
    pub applied: Vec<Fix>,
    /// Fixes left out because their spans overlap another fix's.
    pub conflicting: Vec<Fix>,
}

/// Applies the fixes whose spans overlap no other fix; identical fixes count once.
/// Every byte outside the applied spans is kept as it was. Fixes whose span is not
/// inside the text on character boundaries are ignored.
pub fn apply(text: &str, fixes: &[Fix]) -> Applied {
    let mut fs: Vec<&Fix> = fixes
        .iter()
        .filter(|f| {
            f.span.start < f.span.end
                && f.span.end <= text.len()
                && text.is_char_boundary(f.span.start)
                && text.is_char_boundary(f.span.end)
        })
        .collect();
    fs.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement))
    });
    fs.dedup();
    let mut out = Applied::default();
    let mut i = 0;
    while i < fs.len() {
        let mut end = fs[i].span.end;
        let mut j = i + 1;
        while j < fs.len() && fs[j].span.start < end {
            end = end.max(fs[j].span.end);
            j += 1;
        }
        if j - i == 1 {
            out.applied.push(fs[i].clone());
        } else {
            out.conflicting
                .extend(fs[i..j].iter().map(|f| (*f).clone()));
        }
        i = j;
    }
    let mut pos = 0;
    out.text.reserve(text.len());
    for f in &out.applied {
        out.text.push_str(&text[pos..f.span.start]);
        out.text.push_str(&f.replacement);
        pos = f.span.end;
    }
    out.text.push_str(&text[pos..]);
    out
}

/// A unified diff of two versions of a file: three lines of context, the path as
/// given in both headers (`patch -p0` applies it); empty when they are equal.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}

/// What became of a file that `--fix` wanted to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteOutcome {
    /// Written.
    Written,
    /// Left alone: its bytes are no longer those that were checked.
    ChangedOnDisk,
    /// Left alone: the file is read-only.
    ReadOnly,
}

/// Replaces the file at `path` with `new` if it still holds exactly `old`: a temporary
/// file in the same folder, with the file's permissions, renamed over it (atomic on
/// one file system: a reader sees the old file or the new one, never half of one). A
/// symbolic link stays a link: its target is written. Its owner and hard links are not
/// kept (the renamed file is a new file).
pub fn write_if_unchanged(path: &Path, old: &[u8], new: &[u8]) -> io::Result<WriteOutcome> {
    let target = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Ok(WriteOutcome::ReadOnly);
    }
    if std::fs::read(&target)? != old {
        return Ok(WriteOutcome::ChangedOnDisk);
    }
    let dir = target
        .parent()
        .ok_or_else(|| io::Error::other("the file has no folder"))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(new)?;
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(WriteOutcome::Written)
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    fn fix(span: Range<usize>, r: &str) -> Fix {
        Fix {
            span,
            replacement: r.to_string(),
        }
    }

    #[test]
    fn apply_leaves_overlapping_fixes_out_and_every_other_byte_alone() {
        let t = "\u{feff}a $9B b\r\nc Nov 1, 2024 d";
        let a = apply(
            t,
            &[
                fix(5..8, "$8B"),
                fix(14..25, "Nov 22, 2024"),
                fix(5..8, "$8B"),
            ],
        );
        assert_eq!(a.text, "\u{feff}a $8B b\r\nc Nov 22, 2024 d");
        assert_eq!(a.applied.len(), 2, "the duplicate counts once");
        let b = apply(t, &[fix(5..8, "$8B"), fix(6..7, "7"), fix(14..17, "Dec")]);
        assert_eq!(b.text, "\u{feff}a $9B b\r\nc Dec 1, 2024 d");
        assert_eq!(b.conflicting.len(), 2);
        // Out of range, empty, or inside a character: ignored.
        let c = apply(t, &[fix(0..1, "x"), fix(3..3, "y"), fix(40..41, "z")]);
        assert_eq!(c.text, t);
        assert!(c.applied.is_empty());
    }

    #[test]
    fn the_diff_is_unified_with_headers() {
        let d = unified_diff("d.md", "a\nb $9B\nc\n", "a\nb $8B\nc\n");
        assert_eq!(
            d,
            "--- d.md\n+++ d.md\n@@ -1,3 +1,3 @@\n a\n-b $9B\n+b $8B\n c\n"
        );
        assert_eq!(unified_diff("d.md", "x", "x"), "");
    }

    #[test]
    fn writes_are_atomic_keep_permissions_and_refuse_changed_files() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let p = dir.path().join("d.md");
        std::fs::write(&p, "old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        assert_eq!(
            write_if_unchanged(&p, b"other", b"new").expect("io"),
            WriteOutcome::ChangedOnDisk
        );
        assert_eq!(std::fs::read(&p).expect("read"), b"old");
        assert_eq!(
            write_if_unchanged(&p, b"old", b"new").expect("io"),
            WriteOutcome::Written
        );
        assert_eq!(std::fs::read(&p).expect("read"), b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("d.md")],
            "no temp file left"
        );
        let mut perms = std::fs::metadata(&p).expect("meta").permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&p, perms).expect("chmod");
        assert_eq!(
            write_if_unchanged(&p, b"new", b"newer").expect("io"),
            WriteOutcome::ReadOnly
        );
        assert_eq!(std::fs::read(&p).expect("read"), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        std::fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        assert_eq!(
            write_if_unchanged(&link, b"old", b"new").expect("io"),
            WriteOutcome::Written
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
    }
}
