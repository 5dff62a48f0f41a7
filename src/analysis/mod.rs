//! From a scanned draft to claims, and from claims to facts.
//!
//! A claim is a sentence of prose or a row of a table, with the values, entity names
//! and cue words in it. Attribution ties a value to one fact, favouring precision:
//! the fact's entities must be named in the claim (or the sentence before, or the
//! table's heading), the kinds must agree, role words and a date in the clause pick
//! the fact, and where the writer may mean another fact that the value fits, nothing
//! is said.

mod attribute;
mod claims;
pub(crate) mod cue_words;
mod dating;
mod event_date;
mod event_ref;
mod funding_scope;
pub mod hedge_scope;
pub mod keys;
pub mod outcome;
mod projection;
pub mod prose;
pub(crate) mod ratio_forms;
pub mod restyle;
pub mod statements;
pub mod timeline;
mod valuation;

use attribute::*;
pub(crate) use attribute::{
    candidates, excluded, fits, fits_loosely, in_quotes, pinned_date, values_during,
};
use claims::*;
pub use dating::held_range;
use dating::*;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::base::value::{DateValue, Value};
use crate::facts::FactBase;
use crate::facts::product::Found;
use crate::read::markdown::Document;
use crate::recognize::relative::Relative;

/// A value in a claim.
#[derive(Clone, Debug)]
pub struct ValueItem {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Byte range in [`Claim::text`].
    pub pos: Range<usize>,
    /// The value.
    pub value: Value,
    /// True for a bare year.
    pub bare_year: bool,
    /// True for a date read against the article's date (a month of no year, "last
    /// month"; see [`crate::recognize::month`], [`crate::recognize::relative`]): no
    /// recognizer of values reads it alone.
    pub of_article_date: bool,
    /// The table column, for a value in a table row.
    pub col: Option<usize>,
}

/// A cue word in a claim.
#[derive(Clone, Debug)]
pub struct CueItem {
    /// Index into `Names::cues`.
    pub cue: usize,
    /// Byte range in [`Claim::text`].
    pub pos: Range<usize>,
    /// For a cue in a table's header: its column.
    pub header_col: Option<usize>,
}

/// A product name in a claim (see [`crate::facts::product`]).
#[derive(Clone, Debug)]
pub struct ProductItem {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Byte range in [`Claim::text`].
    pub pos: Range<usize>,
    /// The product, or a name of a family's shape that no product has.
    pub found: Found,
    /// For a product named in a slash shorthand ("GPT-4/4o/4.5"), the shorthand's
    /// byte range in the file.
    pub shorthand: Option<Range<usize>>,
    /// The table column, for a name in a table row.
    pub col: Option<usize>,
}

/// A relative date phrase in a claim ("earlier this year").
#[derive(Clone, Debug)]
pub struct RelativeItem {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Byte range in [`Claim::text`].
    pub pos: Range<usize>,
    /// Which phrase.
    pub phrase: Relative,
}

/// Where a claim stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// A sentence of a paragraph, heading or list item (block index).
    Sentence {
        /// Index into `Document::blocks`.
        block: usize,
    },
    /// A row of a table.
    Row {
        /// Index into `Document::tables`.
        table: usize,
        /// Row number (1 is the first row after the header).
        row: usize,
    },
}

/// A sentence or a table row, with what was recognized in it.
#[derive(Clone, Debug)]
pub struct Claim<'a> {
    /// Where it stands.
    pub kind: ClaimKind,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// The claim's text (a row's cells are joined with " | "): a sentence borrows it
    /// from its block.
    pub text: Cow<'a, str>,
    /// Values, in order.
    pub values: Vec<ValueItem>,
    /// Entities named in the claim itself.
    pub own_entities: Vec<usize>,
    /// Entities the claim is about: its own, and those of its context.
    pub entities: Vec<usize>,
    /// Cue words.
    pub cues: Vec<CueItem>,
    /// Entity names in the claim itself, with their byte ranges in [`Claim::text`].
    pub entity_pos: Vec<(usize, Range<usize>)>,
    /// Product names, in order.
    pub products: Vec<ProductItem>,
    /// Relative date phrases, in order: only in claims (sentences, table cells) that
    /// name a product, the only ones they matter in.
    pub relatives: Vec<RelativeItem>,
    /// Whether the claim reads as a forecast or hearsay ([`Claim::is_forecast`]),
    /// known once asked: every value of the claim asks.
    forecast: OnceLock<bool>,
    /// The facts the claim may be about ([`Claim::candidates`]), known once asked:
    /// attribution and the timeline both ask.
    candidates: OnceLock<Vec<usize>>,
}

impl Claim<'_> {
    /// True when the claim reads as a forecast, a conditional or hearsay ("could",
    /// "is expected to", "reportedly"): its values state no fact.
    pub fn is_forecast(&self) -> bool {
        *self
            .forecast
            .get_or_init(|| cue_words::FORECAST.is_match(&self.text) || is_question(&self.text))
    }

    /// The facts of `facts` all of whose entities the claim names, in fact order.
    /// `facts` is the analysis's fact base, the same each time it is asked.
    pub(crate) fn candidates(&self, facts: &FactBase) -> &[usize] {
        self.candidates.get_or_init(|| candidates(facts, self))
    }
}

/// True when a sentence is a question ("Did Amazon invest $4 billion?"): it asks, and
/// states no fact.
pub(crate) fn is_question(text: &str) -> bool {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '"' | '\u{201D}' | ')')
    })
    .ends_with('?')
}

/// What attribution found wrong about one value.
#[derive(Clone, Debug)]
pub enum Verdict {
    /// The value contradicts the fact.
    ValueMismatch {
        /// Claim index.
        claim: usize,
        /// Value index in the claim.
        value: usize,
        /// Fact index.
        fact: usize,
        /// The day the fact's value was taken on (quantities).
        day: Option<Date>,
        /// The date stated with the value, if any.
        pinned: Option<DateValue>,
        /// Another event whose amount the value is ("Amazon's latest $2.75 billion"
        /// when the latest was $4 billion): the value or the words that named the
        /// event may be wrong, so no fix is certain.
        other: Option<usize>,
        /// True when the value is a valuation ("at a $61.5 billion valuation"),
        /// compared with the event's post-money valuation, not its amount.
        valuation: bool,
    },
    /// The value was the quantity's value once, but not on the day that matters.
    Stale {
        /// Claim index.
        claim: usize,
        /// Value index in the claim.
        value: usize,
        /// Fact index.
        fact: usize,
        /// Index of the value it matched in the quantity's values.
        held: usize,
        /// The day that matters (the article's date).
        day: Date,
    },
    /// A date stated for an event contradicts the event's date.
    DateMismatch {
        /// Claim index.
        claim: usize,
        /// Index of the date value in the claim.
        value: usize,
        /// Fact index.
        fact: usize,
        /// The amount that identified the event, if any (value index in the claim).
        anchor: Option<usize>,
        /// Another event of the stated date, whose amount is not the one stated
        /// ("$4 billion in March 2024" when March's was $2.75 billion): the date or
        /// the amount may be wrong, so no fix is certain.
        other: Option<usize>,
    },
}

/// A value attribution tied to exactly one fact, and that agrees with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// Claim index.
    pub claim: usize,
    /// Value index in the claim.
    pub value: usize,
    /// Fact index.
    pub fact: usize,
    /// For a quantity, the index of the value in force at the time that matters.
    pub held: Option<usize>,
}

/// A draft after scanning, recognition and attribution: what rules read.
pub struct Analysis<'a> {
    /// The draft's path as given.
    pub path: &'a Path,
    /// The draft's text.
    pub text: &'a str,
    /// The scanned Markdown.
    pub doc: &'a Document,
    /// The fact base.
    pub facts: &'a FactBase,
    /// The article's date: front matter, else the run's default. Never guessed.
    pub article_date: Option<Date>,
    /// Sentences and table rows.
    pub claims: Vec<Claim<'a>>,
    /// What attribution found.
    pub verdicts: Vec<Verdict>,
    /// What the article's date says about the products and events named, computed
    /// when a rule first asks ([`Analysis::timeline`]): not at all when the four time
    /// rules are off.
    pub(crate) timeline: std::sync::OnceLock<Vec<crate::analysis::timeline::TimeVerdict>>,
    /// Values tied to one fact that they agree with (compared across documents).
    pub agreements: Vec<Agreement>,
    /// The statements the rules that need no fact base compare, computed once.
    pub(crate) statements: std::sync::OnceLock<Vec<crate::analysis::statements::Statement>>,
    /// Byte ranges of sentences and table rows too big to check (see
    /// [`MAX_CLAIM_BYTES`], [`MAX_CLAIM_ITEMS`]): no rule reads them.
    pub oversized: Vec<Range<usize>>,
    /// Where attribution gave up, and why: recorded only by [`Analysis::recording`]
    /// (`factlint claims`, `check --coverage`; see [`outcome`]).
    pub(crate) notes: outcome::Notes,
}

/// The longest sentence or table row that is checked, in bytes. Real sentences are a
/// few hundred bytes; a longer "sentence" is a paragraph whose sentences could not be
/// told apart, or not prose at all, and checking it would cost time that grows with
/// the square of its length.
pub const MAX_CLAIM_BYTES: usize = 4096;

/// The most values, cue words or entity names a checked sentence or table row may
/// hold (each of them, counted separately).
pub const MAX_CLAIM_ITEMS: usize = 32;

/// True when a claim is small enough to check (see [`MAX_CLAIM_BYTES`]).
fn within_limits(c: &Claim) -> bool {
    c.text.len() <= MAX_CLAIM_BYTES
        && c.values.len() <= MAX_CLAIM_ITEMS
        && c.cues.len() <= MAX_CLAIM_ITEMS
        && c.entity_pos.len() <= MAX_CLAIM_ITEMS
}

impl<'a> Analysis<'a> {
    /// Analyses a scanned draft.
    pub fn new(
        path: &'a Path,
        text: &'a str,
        doc: &'a Document,
        facts: &'a FactBase,
        default_date: Option<Date>,
    ) -> Analysis<'a> {
        Analysis::build(path, text, doc, facts, default_date, false)
    }

    /// [`Analysis::new`], noting where attribution gives up and why, for
    /// [`outcome::outcomes`].
    pub fn recording(
        path: &'a Path,
        text: &'a str,
        doc: &'a Document,
        facts: &'a FactBase,
        default_date: Option<Date>,
    ) -> Analysis<'a> {
        Analysis::build(path, text, doc, facts, default_date, true)
    }

    fn build(
        path: &'a Path,
        text: &'a str,
        doc: &'a Document,
        facts: &'a FactBase,
        default_date: Option<Date>,
        record: bool,
    ) -> Analysis<'a> {
        let article_date = doc
            .front_matter
            .as_ref()
            .and_then(|f| f.date)
            .or(default_date);
        let (claims, oversized) = build_claims(doc, facts, article_date);
        let mut a = Analysis {
            path,
            text,
            doc,
            facts,
            article_date,
            claims,
            verdicts: Vec::new(),
            timeline: std::sync::OnceLock::new(),
            agreements: Vec::new(),
            statements: std::sync::OnceLock::new(),
            oversized,
            notes: record.then(|| std::sync::Mutex::new(Vec::new())),
        };
        let mut agreements = Vec::new();
        a.verdicts = attribute(&a, &mut agreements);
        a.agreements = agreements;
        a
    }

    /// What the article's date says about the products and events named (see
    /// [`crate::analysis::timeline::judge`]), computed on first use.
    pub fn timeline(&self) -> &[crate::analysis::timeline::TimeVerdict] {
        self.timeline
            .get_or_init(|| crate::analysis::timeline::judge(self))
    }

    /// The text of a value as written in the draft.
    pub fn source_text(&self, span: &Range<usize>) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }
}

/// The claims of a draft, in document order, and the spans of the sentences and table
/// rows too big to check (see [`within_limits`]), in the same order. An oversized
/// sentence is never built into a claim: a megabyte of amounts in one run-on sentence
/// would otherwise hold an item for each only to drop them all.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::sentence;
    use crate::recognize::{self, Mention};

    /// A checked sentence, a run-on "sentence" of `n` amounts too long to check, and two
    /// checked sentences after it, with hedges and values near each edge.
    fn with_run_on(n: usize) -> String {
        format!(
            "Amazon put more than $4 billion into Anthropic in 2024. {}and then about $2.75 billion. \
             Nearly 40% of it came in March 2024. It was $1.25 billion.",
            "$1 ".repeat(n)
        )
    }

    #[test]
    fn values_are_read_only_around_sentences_that_are_checked() {
        let text = with_run_on(20_000);
        let sentences = sentence::split(&text);
        assert_eq!(sentences.len(), 4);
        assert!(sentences[1].len() > MAX_CLAIM_BYTES);
        let checked: Vec<&Range<usize>> = sentences
            .iter()
            .filter(|s| s.len() <= MAX_CLAIM_BYTES)
            .collect();
        // What the whole text's reading finds in the checked sentences.
        let expected: Vec<Mention> = recognize::recognize(&text)
            .into_iter()
            .filter(|m| checked.iter().any(|s| s.contains(&m.span.start)))
            .collect();
        // "$4 billion", "2024", "40%", "March 2024", "$1.25 billion" ("$2.75 billion"
        // ends the run-on).
        assert_eq!(expected.len(), 5, "{expected:?}");
        assert!(expected.iter().any(|m| m.hedge_span.is_some()));
        let mut got = Vec::new();
        values_of_checked(&text, &sentences, &mut got);
        // The same values, spans and hedges, and none of the run-on's 20,000 amounts.
        assert_eq!(got, expected);
    }

    #[test]
    fn an_oversized_sentence_is_no_claim_and_is_reported_in_order() {
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let long_row = format!(
            "| Year | Note |\n|---|---|\n| 2024 | {} |\n",
            "x ".repeat(3000)
        );
        let text = format!(
            "{}\n\n{long_row}\n{}\n",
            with_run_on(2_000),
            with_run_on(10)
        );
        let doc = crate::read::markdown::scan(&text);
        let a = Analysis::new(Path::new("t.md"), &text, &doc, &base, None);
        let run_on = text.find("$1 $1").expect("the run-on");
        let starts: Vec<usize> = a.oversized.iter().map(|r| r.start).collect();
        // The run-on sentence and the table row, in the order of the draft; the last
        // paragraph's ten amounts make a sentence of 32 values or fewer: checked.
        assert_eq!(starts.len(), 2, "{starts:?}");
        assert_eq!(starts[0], run_on);
        assert!(text[starts[1]..].trim_start().starts_with("2024 |"));
        assert!(a.claims.iter().all(within_limits));
        assert!(!a.claims.iter().any(|c| c.span.start == run_on));
        // The three checked sentences of each paragraph and the last's ten-amount one.
        let sentences = a
            .claims
            .iter()
            .filter(|c| matches!(c.kind, ClaimKind::Sentence { .. }))
            .count();
        assert_eq!(sentences, 7);
    }
}
