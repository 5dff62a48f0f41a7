//! Reading: paths walked to drafts, drafts scanned as Markdown into blocks of prose
//! with their spans, prose split into sentences.

pub mod draft;
pub mod front_matter;
pub mod markdown;
pub mod sentence;
pub mod walk;
