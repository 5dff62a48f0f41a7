//! What every stage shares, importing from none of them: values, diagnostics and
//! rule ids, and small text utilities.

pub mod diagnostic;
pub mod hashing;
pub mod paths;
pub(crate) mod recent;
pub mod rule_id;
pub(crate) mod swar;
pub mod value;
pub mod word_regex;
