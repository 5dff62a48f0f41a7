//! The command line's commands (the binary only; the library is in `src/lib.rs`).

pub(crate) mod check;
pub(crate) mod claims;
pub(crate) mod commands;
pub(crate) mod walk;
