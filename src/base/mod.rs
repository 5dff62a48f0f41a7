//! What every stage shares, importing from none of them: values, diagnostics and
//! rule ids, and small text utilities.

pub mod diagnostic;
pub(crate) mod recent;
pub mod restyle;
pub(crate) mod swar;
pub mod value;
pub mod word_regex;
