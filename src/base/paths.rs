//! Paths as output shows them.

use std::path::Path;

/// A path as shown in output: forward slashes on every platform.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}
