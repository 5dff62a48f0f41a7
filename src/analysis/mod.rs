//! From a scanned draft to claims, and from claims to facts.
//!
//! A claim is a sentence of prose or a row of a table, with the values, entity names
//! and cue words in it. Attribution ties a value to one fact, favouring precision:
//! the fact's entities must be named in the claim (or the sentence before, or the
//! table's heading), the kinds must agree, role words and a date in the clause pick
//! the fact, and where the writer may mean another fact that the value fits, nothing
//! is said.

pub mod prose;
pub mod restyle;
pub mod statements;
pub mod timeline;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use jiff::civil::Date;

use crate::base::value::{DateValue, Hedge, Interval, Value};
use crate::base::word_regex::WordRegex;
use crate::facts::names::{NameKind, NameMatch, NameSearch};
use crate::facts::product::{Found, ProductMention};
use crate::facts::{Fact, FactBase, FactKind, Timed, hedge_of};
use crate::read::markdown::{BlockKind, Document};
use crate::read::sentence;
use crate::recognize::relative::{Relative, RelativeMention};
use crate::recognize::{self, Mention};

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
        *self.forecast.get_or_init(|| FORECAST.is_match(&self.text))
    }

    /// The facts of `facts` all of whose entities the claim names, in fact order.
    /// `facts` is the analysis's fact base, the same each time it is asked.
    pub(crate) fn candidates(&self, facts: &FactBase) -> &[usize] {
        self.candidates.get_or_init(|| candidates(facts, self))
    }
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
        let article_date = doc
            .front_matter
            .as_ref()
            .and_then(|f| f.date)
            .or(default_date);
        let (claims, oversized) = build_claims(doc, facts);
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
fn build_claims<'a>(doc: &'a Document, facts: &FactBase) -> (Vec<Claim<'a>>, Vec<Range<usize>>) {
    // About one claim per block, and more for paragraphs of several sentences: sized
    // once for the blocks, so that the large claims are moved less often.
    let mut claims = Vec::with_capacity(doc.blocks.len() * 2);
    let mut oversized = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut names: Vec<NameMatch> = Vec::new();
    let mut products: Vec<ProductMention> = Vec::new();
    let mut relatives: Vec<RelativeMention> = Vec::new();
    let mut sentences: Vec<Range<usize>> = Vec::new();
    // Entities of the latest heading and the latest paragraph: context for tables.
    let mut heading_entities: Vec<usize> = Vec::new();
    let mut paragraph_entities: Vec<usize> = Vec::new();
    let mut done_tables = vec![false; doc.tables.len()];
    let mut after_heading = false;
    // The names are searched for in the blocks' texts and the tables' headers.
    let name_search = facts.names.search_in(
        doc.blocks.iter().map(|b| b.text.as_str()).chain(
            doc.tables
                .iter()
                .flat_map(|t| t.header.iter().map(String::as_str)),
        ),
    );
    for (bi, block) in doc.blocks.iter().enumerate() {
        if let BlockKind::TableCell { table, .. } = block.kind {
            if !done_tables[table] {
                done_tables[table] = true;
                let mut ctx = heading_entities.clone();
                ctx.extend(&paragraph_entities);
                let first_row = claims.len();
                table_claims(doc, facts, &name_search, table, &ctx, &mut claims);
                // Oversized rows are rare: keep the others in place.
                if !claims[first_row..].iter().all(within_limits) {
                    for c in claims.split_off(first_row) {
                        if within_limits(&c) {
                            claims.push(c);
                        } else {
                            oversized.push(c.span);
                        }
                    }
                }
            }
            continue;
        }
        mentions.clear();
        names.clear();
        products.clear();
        sentence::split_into(&block.text, &mut sentences);
        // The names give the next sentences and blocks their context; the values and
        // products are read only for sentences that are checked, so not at all in a
        // block whose every sentence is too long to check (a megabyte of amounts in one
        // run-on paragraph would hold them all in memory only to drop them).
        name_search.find(&block.text, &mut names);
        if !sentences.iter().all(|s| s.len() > MAX_CLAIM_BYTES) {
            values_of_checked(&block.text, &sentences, &mut mentions);
            crate::facts::product::find(&block.text, &names, facts, &mut products);
        }
        // A paragraph right after a heading reads the heading as its sentence before
        // (a question and its answer).
        let mut prev_entities: Vec<usize> = if after_heading {
            heading_entities.clone()
        } else {
            Vec::new()
        };
        let mut block_entities: Vec<usize> = Vec::new();
        for s in sentences.iter().cloned() {
            // Mentions and names are sorted by start: take the sentence's slice of them
            // (a scan of the whole block per sentence is quadratic in a long paragraph).
            let in_s = |start: usize| start >= s.start;
            let ms = &mentions[mentions.partition_point(|m| !in_s(m.span.start))..];
            let ms = &ms[..ms.partition_point(|m| m.span.start < s.end)];
            let ns = &names[names.partition_point(|n| !in_s(n.span.start))..];
            let ns = &ns[..ns.partition_point(|n| n.span.start < s.end)];
            let own = entities_in(ns, &s);
            // The sentence's own values, cue words and entity names (each counted
            // apart; a value or name that runs past its end belongs to no sentence),
            // counted only when the slices hold more than the limit.
            let count = |kind: fn(&NameKind) -> bool| {
                ns.iter()
                    .filter(|n| n.span.end <= s.end && kind(&n.kind))
                    .count()
            };
            let many_names = ns.len() > MAX_CLAIM_ITEMS
                && (count(|k| matches!(k, NameKind::Cue(_))) > MAX_CLAIM_ITEMS
                    || count(|k| matches!(k, NameKind::Entity(_))) > MAX_CLAIM_ITEMS);
            let many_values = ms.len() > MAX_CLAIM_ITEMS
                && ms.iter().filter(|m| m.span.end <= s.end).count() > MAX_CLAIM_ITEMS;
            if s.len() > MAX_CLAIM_BYTES || many_values || many_names {
                oversized.push(block.to_source(&s));
                pass_on(&own, &mut block_entities, &mut prev_entities);
                continue;
            }
            let from_heading = matches!(block.kind, BlockKind::Paragraph)
                && own.is_empty()
                && prev_entities.is_empty();
            // One allocation of the right size (none when there are no entities).
            let mut entities = Vec::with_capacity(
                own.len()
                    + prev_entities.len()
                    + if from_heading {
                        heading_entities.len()
                    } else {
                        0
                    },
            );
            entities.extend(&own);
            entities.extend(&prev_entities);
            if from_heading {
                entities.extend(&heading_entities);
            }
            sort_dedup(&mut entities);
            let values = ms
                .iter()
                .filter(|m| m.span.end <= s.end)
                .map(|m| ValueItem {
                    span: block.to_source(&m.span),
                    pos: m.span.start - s.start..m.span.end - s.start,
                    value: m.value,
                    bare_year: m.bare_year,
                    col: None,
                })
                .collect();
            let cues = ns
                .iter()
                .filter(|n| n.span.end <= s.end)
                .filter_map(|n| match n.kind {
                    NameKind::Cue(c) => Some(CueItem {
                        cue: c,
                        pos: n.span.start - s.start..n.span.end - s.start,
                        header_col: None,
                    }),
                    _ => None,
                })
                .collect();
            let entity_pos = ns
                .iter()
                .filter(|n| n.span.end <= s.end)
                .filter_map(|n| match n.kind {
                    NameKind::Entity(e) => Some((e, n.span.start - s.start..n.span.end - s.start)),
                    _ => None,
                })
                .collect();
            let inside = |r: &Range<usize>| r.start >= s.start && r.end <= s.end;
            let product_items: Vec<ProductItem> = products
                .iter()
                .filter(|m| inside(&m.span))
                .map(|m| ProductItem {
                    span: block.to_source(&m.span),
                    pos: m.span.start - s.start..m.span.end - s.start,
                    found: m.found.clone(),
                    shorthand: m.shorthand.as_ref().map(|r| block.to_source(r)),
                    col: None,
                })
                .collect();
            // Relative dates matter only next to a product name: they are looked for
            // in the sentences that name one. (A phrase never spans two sentences: it
            // holds no punctuation, and a sentence starts and ends where a word does.)
            relatives.clear();
            if !product_items.is_empty() {
                recognize::relative::find(&block.text[s.clone()], &mut relatives);
            }
            let relative_items = relatives
                .iter()
                .map(|m| RelativeItem {
                    span: block.to_source(&(s.start + m.span.start..s.start + m.span.end)),
                    pos: m.span.clone(),
                    phrase: m.phrase,
                })
                .collect();
            pass_on(&own, &mut block_entities, &mut prev_entities);
            claims.push(Claim {
                kind: ClaimKind::Sentence { block: bi },
                span: block.to_source(&s),
                text: Cow::Borrowed(&block.text[s]),
                values,
                own_entities: own,
                entities,
                cues,
                entity_pos,
                products: product_items,
                relatives: relative_items,
                forecast: OnceLock::new(),
                candidates: OnceLock::new(),
            });
        }
        sort_dedup(&mut block_entities);
        after_heading = matches!(block.kind, BlockKind::Heading(_));
        match block.kind {
            BlockKind::Heading(_) => {
                heading_entities = block_entities;
                paragraph_entities.clear();
            }
            _ => {
                if !block_entities.is_empty() {
                    paragraph_entities = block_entities;
                }
            }
        }
    }
    (claims, oversized)
}

/// How far beyond a run of checked sentences the recognizers read, when the sentences
/// around it are too long to check: more than the longest value and the hedge words
/// before it ([`recognize`]'s matches are at most 512 bytes long), less than half an
/// oversized sentence, so that two runs' readings never overlap.
const VALUE_CONTEXT: usize = 1024;

/// The values of a block's text (see [`recognize::recognize_into`]), appended to `out`
/// sorted by start. A block holding a sentence too long to check
/// ([`MAX_CLAIM_BYTES`]) is read only around each run of the other sentences, with
/// [`VALUE_CONTEXT`] bytes on each side, and only the values that start in the run are
/// kept: values in an oversized sentence are dropped with it, and a run-on sentence of
/// a megabyte of amounts would otherwise hold them all in memory at once.
fn values_of_checked(text: &str, sentences: &[Range<usize>], out: &mut Vec<Mention>) {
    if sentences.iter().all(|s| s.len() <= MAX_CLAIM_BYTES) {
        recognize::recognize_into(text, out);
        return;
    }
    let mut found = Vec::new();
    let mut rest = sentences;
    while !rest.is_empty() {
        // The next run of checked sentences, and what follows it.
        let skip = rest
            .iter()
            .take_while(|s| s.len() > MAX_CLAIM_BYTES)
            .count();
        rest = &rest[skip..];
        let len = rest
            .iter()
            .take_while(|s| s.len() <= MAX_CLAIM_BYTES)
            .count();
        let (run, after) = rest.split_at(len);
        rest = after;
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            break;
        };
        let (start, end) = (first.start, last.end);
        let mut from = start.saturating_sub(VALUE_CONTEXT);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + VALUE_CONTEXT).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        found.clear();
        recognize::recognize_into(&text[from..to], &mut found);
        out.extend(found.drain(..).filter_map(|mut m| {
            m.span = from + m.span.start..from + m.span.end;
            m.hedge_span = m.hedge_span.map(|h| from + h.start..from + h.end);
            (start..end).contains(&m.span.start).then_some(m)
        }));
    }
}

/// A sentence's own entities join its block's and are the next sentence's context
/// (in the same buffer).
fn pass_on(own: &[usize], block_entities: &mut Vec<usize>, prev_entities: &mut Vec<usize>) {
    block_entities.extend(own);
    prev_entities.clear();
    prev_entities.extend(own);
}

fn entities_in(names: &[NameMatch], r: &Range<usize>) -> Vec<usize> {
    let mut v: Vec<usize> = names
        .iter()
        .filter(|n| n.span.start >= r.start && n.span.end <= r.end)
        .filter_map(|n| match n.kind {
            NameKind::Entity(e) => Some(e),
            _ => None,
        })
        .collect();
    sort_dedup(&mut v);
    v
}

fn sort_dedup(v: &mut Vec<usize>) {
    v.sort_unstable();
    v.dedup();
}

fn table_claims<'a>(
    doc: &'a Document,
    facts: &FactBase,
    name_search: &NameSearch<'_>,
    ti: usize,
    context: &[usize],
    claims: &mut Vec<Claim<'a>>,
) {
    let table = &doc.tables[ti];
    let mut names = Vec::new();
    let mut mentions = Vec::new();
    // Cues and entities of the header, by column.
    let mut header_cues: Vec<Vec<usize>> = Vec::new();
    let mut header_entities = Vec::new();
    for h in &table.header {
        names.clear();
        name_search.find(h, &mut names);
        header_entities.extend(entities_in(&names, &(0..h.len())));
        header_cues.push(
            names
                .iter()
                .filter_map(|n| match n.kind {
                    NameKind::Cue(c) => Some(c),
                    _ => None,
                })
                .collect(),
        );
    }
    let mut found_products = Vec::new();
    let mut found_relatives = Vec::new();
    for (ri, row) in table.rows.iter().enumerate() {
        let mut text = String::new();
        let mut values = Vec::new();
        let mut products = Vec::new();
        let mut relatives = Vec::new();
        let mut cues = Vec::new();
        let mut own = Vec::new();
        let mut entity_pos = Vec::new();
        let mut span: Option<Range<usize>> = None;
        for (col, &bi) in row.iter().enumerate() {
            let Some(block) = doc.blocks.get(bi) else {
                continue;
            };
            if !text.is_empty() {
                text.push_str(" | ");
            }
            let base = text.len();
            text.push_str(&block.text);
            span = Some(match span {
                None => block.span.clone(),
                Some(s) => s.start.min(block.span.start)..s.end.max(block.span.end),
            });
            mentions.clear();
            recognize::recognize_into(&block.text, &mut mentions);
            for m in &mentions {
                values.push(ValueItem {
                    span: block.to_source(&m.span),
                    pos: base + m.span.start..base + m.span.end,
                    value: m.value,
                    bare_year: m.bare_year,
                    col: Some(col),
                });
            }
            names.clear();
            name_search.find(&block.text, &mut names);
            own.extend(entities_in(&names, &(0..block.text.len())));
            for n in &names {
                match n.kind {
                    NameKind::Cue(c) => cues.push(CueItem {
                        cue: c,
                        pos: base + n.span.start..base + n.span.end,
                        header_col: None,
                    }),
                    NameKind::Entity(e) => {
                        entity_pos.push((e, base + n.span.start..base + n.span.end))
                    }
                    _ => {}
                }
            }
            found_products.clear();
            crate::facts::product::find(&block.text, &names, facts, &mut found_products);
            for m in &found_products {
                products.push(ProductItem {
                    span: block.to_source(&m.span),
                    pos: base + m.span.start..base + m.span.end,
                    found: m.found.clone(),
                    shorthand: m.shorthand.as_ref().map(|r| block.to_source(r)),
                    col: Some(col),
                });
            }
            found_relatives.clear();
            if !found_products.is_empty() {
                recognize::relative::find(&block.text, &mut found_relatives);
            }
            for m in &found_relatives {
                relatives.push(RelativeItem {
                    span: block.to_source(&m.span),
                    pos: base + m.span.start..base + m.span.end,
                    phrase: m.phrase,
                });
            }
            for &c in header_cues.get(col).map_or(&[][..], Vec::as_slice) {
                cues.push(CueItem {
                    cue: c,
                    pos: base..base,
                    header_col: Some(col),
                });
            }
        }
        sort_dedup(&mut own);
        let mut entities = own.clone();
        entities.extend(&header_entities);
        entities.extend(context);
        sort_dedup(&mut entities);
        claims.push(Claim {
            kind: ClaimKind::Row {
                table: ti,
                row: ri + 1,
            },
            span: span.unwrap_or(0..0),
            text: Cow::Owned(text),
            values,
            own_entities: own,
            entities,
            cues,
            entity_pos,
            products,
            relatives,
            forecast: OnceLock::new(),
            candidates: OnceLock::new(),
        });
    }
}

// ---------------------------------------------------------------------------------
// Attribution
// ---------------------------------------------------------------------------------

static FORECAST: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(could|might|may|would|should|expected to|is expected|are expected|projected|forecast|rumou?red|reportedly|plans? to|planning to|aims? to|if|unless|whether|estimates?)\b")
        .expect("constant regex")
});

static EXCLUDED_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)(\bup from|\bdown from|\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bnot|\bnor|\brather than|\binstead of|\bexcept)\s*(?:about |around |roughly |nearly |almost |over |more than |less than |up to |just )?$")
        .expect("constant regex")
});

/// True when a value's sentence or place makes it no claim about a fact: a forecast,
/// a conditional, a negation, a value that belongs to an earlier time ("up from"), or
/// quoted speech.
pub(crate) fn excluded(claim: &Claim, v: &ValueItem) -> bool {
    if claim.is_forecast() {
        return true;
    }
    let before = &claim.text[..v.pos.start];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    if EXCLUDED_BEFORE.is_match(window) {
        return true;
    }
    in_quotes(&claim.text, v.pos.start)
}

/// True when byte `at` of `text` lies inside a quotation: after an odd number of
/// straight quotes, or after more opening curly quotes than closing ones.
pub(crate) fn in_quotes(text: &str, at: usize) -> bool {
    // One pass for the three quote marks: `"`, and `“` (E2 80 9C) and `”` (E2 80 9D).
    let before = &text.as_bytes()[..at.min(text.len())];
    let (mut straight, mut open, mut close) = (0usize, 0usize, 0usize);
    for i in memchr::memchr2_iter(b'"', 0xE2, before) {
        match before.get(i..i + 3) {
            _ if before[i] == b'"' => straight += 1,
            Some([_, 0x80, 0x9C]) => open += 1,
            Some([_, 0x80, 0x9D]) => close += 1,
            _ => {}
        }
    }
    straight % 2 == 1 || open > close
}

/// Facts all of whose entities the claim names.
pub(crate) fn candidates(facts: &FactBase, claim: &Claim) -> Vec<usize> {
    let Some(&first) = claim.entities.first() else {
        return Vec::new();
    };
    // Sized once: this runs for every claim that names an entity.
    let mut out: Vec<usize> = Vec::with_capacity(
        claim
            .entities
            .iter()
            .map(|&e| facts.facts_of(e).len())
            .sum(),
    );
    for &e in &claim.entities {
        for &f in facts.facts_of(e) {
            if facts.facts[f]
                .entities
                .iter()
                .all(|x| claim.entities.contains(x))
            {
                out.push(f);
            }
        }
    }
    let _ = first;
    sort_dedup(&mut out);
    out
}

/// True when a fact's values are of the same kind (and currency) as `v`.
fn same_kind(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Money { currency: x, .. }, Value::Money { currency: y, .. }) => x == y,
        (Value::Percent(_), Value::Percent(_)) | (Value::Count(_), Value::Count(_)) => true,
        _ => false,
    }
}

fn interval(v: &Value) -> Option<Interval> {
    match v {
        Value::Money { amount, .. } => Some(amount.interval()),
        Value::Percent(q) | Value::Count(q) => Some(q.interval()),
        Value::Date(_) => None,
    }
}

/// A bound read as its value ("up to $4 billion" as $4 billion).
fn loose_interval(v: &Value) -> Option<Interval> {
    match v {
        Value::Money { amount, .. } => Some(amount.with_hedge(unbound(amount.hedge)).interval()),
        Value::Percent(q) | Value::Count(q) => Some(q.with_hedge(unbound(q.hedge)).interval()),
        Value::Date(_) => None,
    }
}

fn unbound(h: Hedge) -> Hedge {
    if h.is_bound() { Hedge::Exact } else { h }
}

fn fact_interval(v: &Value) -> Option<Interval> {
    match v {
        Value::Money { amount, .. } => Some(amount.fact_interval()),
        Value::Percent(q) | Value::Count(q) => Some(q.fact_interval()),
        Value::Date(_) => None,
    }
}

fn loose_fact_interval(v: &Value) -> Option<Interval> {
    match v {
        Value::Money { amount, .. } => {
            Some(amount.with_hedge(unbound(amount.hedge)).fact_interval())
        }
        Value::Percent(q) | Value::Count(q) => Some(q.with_hedge(unbound(q.hedge)).fact_interval()),
        Value::Date(_) => None,
    }
}

pub(crate) fn fits(stated: &Value, fact: &Value) -> bool {
    // Two caps ("up to $4 billion") are compared by their amounts.
    if hedge_of(stated).is_bound() && hedge_of(fact).is_bound() {
        return fits_loosely(stated, fact);
    }
    match (interval(stated), fact_interval(fact)) {
        (Some(a), Some(b)) => same_kind(stated, fact) && a.overlaps(&b),
        _ => false,
    }
}

pub(crate) fn fits_loosely(stated: &Value, fact: &Value) -> bool {
    match (loose_interval(stated), loose_fact_interval(fact)) {
        (Some(a), Some(b)) => same_kind(stated, fact) && a.overlaps(&b),
        _ => false,
    }
}

/// The fact's values that could be meant on `when` (a quantity's values over a date
/// range; an event's amount).
pub(crate) fn values_during<'f>(fact: &'f Fact, when: Option<&DateValue>) -> Vec<&'f Value> {
    match &fact.kind {
        FactKind::Event { amount, .. } => amount.iter().map(|a| &a.value).collect(),
        FactKind::Quantity { values } => match when {
            None => values.iter().map(|t| &t.stated.value).collect(),
            Some(w) => values
                .iter()
                .enumerate()
                .filter(|(i, t)| {
                    let until = values.get(i + 1).map(|n| n.from);
                    t.from < w.end && until.is_none_or(|u| u > w.start)
                })
                .map(|(_, t)| &t.stated.value)
                .collect(),
        },
    }
}

fn fact_kind_value(fact: &Fact) -> Option<&Value> {
    match &fact.kind {
        FactKind::Event { amount, .. } => amount.as_ref().map(|a| &a.value),
        FactKind::Quantity { values } => values.first().map(|t| &t.stated.value),
    }
}

/// The date a value is pinned to: the first date after it in the same clause (no
/// other amount between), else the nearest date before it with no amount between; in
/// a table row, a date anywhere in the row.
pub(crate) fn pinned_date(claim: &Claim, vi: usize) -> Option<usize> {
    let v = &claim.values[vi];
    let is_amount = |x: &ValueItem| !matches!(x.value, Value::Date(_));
    if matches!(claim.kind, ClaimKind::Row { .. }) {
        return claim
            .values
            .iter()
            .position(|x| matches!(x.value, Value::Date(_)) && x.col != v.col)
            .or_else(|| {
                claim
                    .values
                    .iter()
                    .position(|x| matches!(x.value, Value::Date(_)))
            });
    }
    for (j, x) in claim.values.iter().enumerate().skip(vi + 1) {
        if is_amount(x) {
            break;
        }
        if matches!(x.value, Value::Date(_)) && x.pos.start - v.pos.end <= 60 {
            return Some(j);
        }
    }
    for j in (0..vi).rev() {
        let x = &claim.values[j];
        if is_amount(x) {
            break;
        }
        if matches!(x.value, Value::Date(_)) {
            return Some(j);
        }
    }
    None
}

/// Distance from a value to the nearest cue of `fact` in the claim (cues after the
/// value count double; a header cue of the value's own column counts zero).
fn cue_distance(facts: &FactBase, claim: &Claim, v: &ValueItem, fact: usize) -> Option<usize> {
    let f = &facts.facts[fact];
    claim
        .cues
        .iter()
        .filter(|c| facts.names.cue_of(c.cue, fact) && f.cues.contains(&facts.names.cues[c.cue]))
        .filter_map(|c| {
            if let Some(col) = c.header_col {
                return (Some(col) == v.col).then_some(0);
            }
            if let (Some(a), Some(b)) = (v.col, cell_of(claim, c))
                && a != b
            {
                return None;
            }
            // A cue belongs to the nearest amount ("$8 billion total" is not about
            // the $4 billion after it).
            if !owns(claim, v, c) {
                return None;
            }
            Some(if c.pos.end <= v.pos.start {
                v.pos.start - c.pos.end
            } else if c.pos.start >= v.pos.end {
                (c.pos.start - v.pos.end) * 2
            } else {
                0
            })
        })
        .min()
}

/// True when a cue of `fact` stands before the value within the clause, with no other
/// amount between.
fn cue_before(facts: &FactBase, claim: &Claim, v: &ValueItem, fact: usize) -> bool {
    claim.cues.iter().any(|c| {
        facts.names.cue_of(c.cue, fact)
            && if let Some(col) = c.header_col {
                Some(col) == v.col
            } else {
                c.pos.end <= v.pos.start
                    && v.pos.start - c.pos.end <= 60
                    && cell_of(claim, c) == v.col
                    && owns(claim, v, c)
            }
    })
}

/// Weighted distance from a value to a cue: a cue after the value counts double.
fn weighted_distance(v: &ValueItem, c: &CueItem) -> usize {
    if c.pos.end <= v.pos.start {
        v.pos.start - c.pos.end
    } else if c.pos.start >= v.pos.end {
        (c.pos.start - v.pos.end) * 2
    } else {
        0
    }
}

/// True when `v` is the amount nearest to the cue `c` (in its cell, for a table row).
fn owns(claim: &Claim, v: &ValueItem, c: &CueItem) -> bool {
    let d = weighted_distance(v, c);
    !claim.values.iter().any(|x| {
        !std::ptr::eq(x, v)
            && !matches!(x.value, Value::Date(_))
            && x.col == v.col
            && weighted_distance(x, c) < d
    })
}

/// True when the entity named nearest to the value is one of the fact's: "the $4
/// billion … signals AWS is closing the gap with Microsoft-OpenAI" is about AWS.
fn nearest_entity_is_of(claim: &Claim, v: &ValueItem, fact: &Fact) -> bool {
    let cell = v.col.map(|_| cell_range(claim, v.col));
    let nearest = claim
        .entity_pos
        .iter()
        .filter(|(_, p)| match &cell {
            None => true,
            Some(r) => r
                .as_ref()
                .is_some_and(|r| p.start >= r.start && p.end <= r.end),
        })
        .min_by_key(|(_, p)| {
            if p.end <= v.pos.start {
                v.pos.start - p.end
            } else {
                p.start.saturating_sub(v.pos.end)
            }
        });
    if !nearest.is_none_or(|(e, _)| fact.entities.contains(e)) {
        return false;
    }
    // The names between the previous amount and this one are this amount's subject:
    // in "Amazon's total is $8 billion, while Google's total is about $2 billion" the
    // $2 billion is Google's, whatever the sentence named first.
    if v.col.is_none() {
        let from = claim
            .values
            .iter()
            .filter(|x| !matches!(x.value, Value::Date(_)) && x.pos.end <= v.pos.start)
            .map(|x| x.pos.end)
            .max()
            .unwrap_or(0);
        return claim
            .entity_pos
            .iter()
            .filter(|(_, p)| p.start >= from && p.end <= v.pos.start)
            .all(|(e, _)| fact.entities.contains(e));
    }
    true
}

fn cell_range(claim: &Claim, col: Option<usize>) -> Option<Range<usize>> {
    let col = col?;
    let mut start = 0;
    for (i, part) in claim.text.split(" | ").enumerate() {
        if i == col {
            return Some(start..start + part.len());
        }
        start += part.len() + 3;
    }
    None
}

fn cell_of(claim: &Claim, c: &CueItem) -> Option<usize> {
    if !matches!(claim.kind, ClaimKind::Row { .. }) {
        return None;
    }
    Some(claim.text[..c.pos.start].matches(" | ").count())
}

fn attribute(a: &Analysis<'_>, agreements: &mut Vec<Agreement>) -> Vec<Verdict> {
    let mut out = Vec::new();
    for (ci, claim) in a.claims.iter().enumerate() {
        // Without values there is nothing to attribute (and no date to check).
        if claim.entities.is_empty() || claim.values.is_empty() {
            continue;
        }
        let cands = claim.candidates(a.facts);
        // A forecast or a conditional makes no claim about a fact (see `excluded`).
        if cands.is_empty() || claim.is_forecast() {
            continue;
        }
        let mut values = Vec::new();
        let mut dates = Vec::new();
        for (vi, v) in claim.values.iter().enumerate() {
            if matches!(v.value, Value::Date(_)) || excluded(claim, v) {
                continue;
            }
            if let Some(verdict) = attribute_value(a, ci, vi, cands, agreements) {
                values.push(verdict);
            }
            if let Some(verdict) = date_of_amount(a, ci, vi, cands) {
                dates.push(verdict);
            }
        }
        dates.extend(dates_of_events(a, ci, cands));
        // One wrong date, one finding: values read at a wrong date are not reported
        // again, and one date is reported once.
        let wrong: Vec<usize> = dates
            .iter()
            .filter_map(|d| match d {
                Verdict::DateMismatch { value, .. } => Some(*value),
                _ => None,
            })
            .collect();
        values.retain(|v| match v {
            Verdict::ValueMismatch { value, .. } | Verdict::Stale { value, .. } => {
                pinned_date(claim, *value).is_none_or(|d| !wrong.contains(&d))
            }
            Verdict::DateMismatch { .. } => true,
        });
        let mut seen = Vec::new();
        dates.retain(|d| match d {
            Verdict::DateMismatch { value, .. } => {
                let first = !seen.contains(value);
                seen.push(*value);
                first
            }
            _ => true,
        });
        out.extend(values);
        out.extend(dates);
    }
    out
}

/// The value check: is the stated amount the fact's?
fn attribute_value(
    a: &Analysis<'_>,
    ci: usize,
    vi: usize,
    cands: &[usize],
    agreements: &mut Vec<Agreement>,
) -> Option<Verdict> {
    let claim = &a.claims[ci];
    let v = &claim.values[vi];
    let facts = a.facts;
    let stated_bound = matches!(hedge_of(&v.value), Hedge::UpTo | Hedge::LessThan);
    let pinned = pinned_date(claim, vi).and_then(|j| match claim.values[j].value {
        Value::Date(d) => Some(d),
        _ => None,
    });
    // Kind, currency, and the hedge class: a cap is compared with caps only.
    let kinded: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&f| fact_kind_value(&facts.facts[f]).is_some_and(|fv| same_kind(&v.value, fv)))
        .filter(|&f| nearest_entity_is_of(claim, v, &facts.facts[f]))
        .collect();
    let mut pool: Vec<usize> = kinded
        .iter()
        .copied()
        .filter(|&f| facts.facts[f].is_bound() == stated_bound)
        .filter(|&f| match (&facts.facts[f].kind, pinned) {
            (FactKind::Event { date, .. }, Some(p)) => date.overlaps(&p),
            _ => true,
        })
        .collect();
    // Events of a day after the article's date cannot be meant.
    if let Some(day) = a.article_date {
        pool.retain(|&f| match &facts.facts[f].kind {
            FactKind::Event { date, .. } => date.start <= day,
            FactKind::Quantity { values } => values.first().is_some_and(|t| t.from <= day),
        });
    }
    if pool.is_empty() {
        return None;
    }
    // Role words: the nearest cue picks the fact. Quantities need a cue.
    let scored: Vec<(usize, Option<usize>)> = pool
        .iter()
        .map(|&f| (f, cue_distance(facts, claim, v, f)))
        .collect();
    // A total's cue before the value ("the total … is $8 billion") outranks the
    // generic cues of events ("investment").
    let total_before: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&f| matches!(facts.facts[f].kind, FactKind::Quantity { .. }))
        .filter(|&f| cue_before(facts, claim, v, f))
        .collect();
    let best = if total_before.is_empty() {
        scored.iter().filter_map(|(_, d)| *d).min()
    } else {
        Some(0)
    };
    let chosen: Vec<usize> = if !total_before.is_empty() {
        total_before
    } else {
        match best {
            Some(b) if b <= 80 => scored
                .iter()
                .filter(|(_, d)| *d == Some(b))
                .map(|(f, _)| *f)
                .collect(),
            // No cue: only a date in the clause can tie the value to an event.
            _ if pinned.is_some() => scored
                .iter()
                .filter(|(f, _)| matches!(facts.facts[*f].kind, FactKind::Event { .. }))
                .map(|(f, _)| *f)
                .collect(),
            _ => Vec::new(),
        }
    };
    if chosen.is_empty() {
        return None;
    }
    let day_that_matters = pinned.map(|p| p.last_day()).or(a.article_date);
    let when = pinned.or(a.article_date.map(DateValue::day));
    // Does the value fit any chosen fact at the time that matters?
    if chosen.iter().any(|&f| {
        values_during(&facts.facts[f], when.as_ref())
            .iter()
            .any(|fv| fits(&v.value, fv))
    }) {
        if let [fact] = chosen[..] {
            agreements.extend(agreement(&facts.facts[fact], ci, vi, fact, when.as_ref()));
        }
        return None;
    }
    let total_by_cue = chosen.len() == 1
        && matches!(facts.facts[chosen[0]].kind, FactKind::Quantity { .. })
        && best.is_some();
    // The writer may mean another fact the value fits: say nothing.
    if !total_by_cue {
        let fits_other = kinded.iter().any(|&f| {
            let fact = &facts.facts[f];
            values_during(fact, None)
                .iter()
                .any(|fv| fits_loosely(&v.value, fv))
        });
        if fits_other {
            return None;
        }
    }
    let fact = pick_one(a, &chosen, pinned)?;
    let f = &facts.facts[fact];
    if let (FactKind::Quantity { values }, Some(day)) = (&f.kind, day_that_matters) {
        // Stale: the value held before the day that matters.
        if pinned.is_none()
            && let Some(held) = values
                .iter()
                .position(|t| t.from < day && fits(&v.value, &t.stated.value))
        {
            return Some(Verdict::Stale {
                claim: ci,
                value: vi,
                fact,
                held,
                day,
            });
        }
        f.value_on(day)?;
        return Some(Verdict::ValueMismatch {
            claim: ci,
            value: vi,
            fact,
            day: Some(day),
            pinned,
        });
    }
    if let FactKind::Quantity { .. } = f.kind {
        // No date at all: only a value that was never true is wrong.
        if values_during(f, None).iter().any(|fv| fits(&v.value, fv)) {
            return None;
        }
        return Some(Verdict::ValueMismatch {
            claim: ci,
            value: vi,
            fact,
            day: None,
            pinned,
        });
    }
    Some(Verdict::ValueMismatch {
        claim: ci,
        value: vi,
        fact,
        day: None,
        pinned,
    })
}

/// The agreement of a value with its one fact: an event's amount, or the value of a
/// quantity in force at `when` (none when `when` is unknown or spans two values).
fn agreement(
    fact: &Fact,
    claim: usize,
    value: usize,
    index: usize,
    when: Option<&DateValue>,
) -> Option<Agreement> {
    let held = match &fact.kind {
        FactKind::Event { .. } => None,
        FactKind::Quantity { values } => {
            let w = when?;
            let first = values.iter().rposition(|t| t.from <= w.start)?;
            let last = values.iter().rposition(|t| t.from <= w.last_day())?;
            if first != last {
                return None;
            }
            Some(first)
        }
    };
    Some(Agreement {
        claim,
        value,
        fact: index,
        held,
    })
}

/// One fact out of several that all contradict the value: the only one, or the one
/// nearest the date that matters. None when that does not decide.
fn pick_one(a: &Analysis<'_>, chosen: &[usize], pinned: Option<DateValue>) -> Option<usize> {
    if chosen.len() == 1 {
        return Some(chosen[0]);
    }
    // Without a date in the clause, nothing decides between them.
    let day = pinned.map(|p| p.start)?;
    let mut best: Option<(i64, usize)> = None;
    let mut tie = false;
    for &f in chosen {
        let FactKind::Event { date, .. } = &a.facts.facts[f].kind else {
            return None;
        };
        let d = (date.start - day).get_days().abs() as i64;
        match best {
            Some((bd, _)) if d == bd => tie = true,
            Some((bd, _)) if d > bd => {}
            _ => {
                best = Some((d, f));
                tie = false;
            }
        }
    }
    if tie { None } else { best.map(|(_, f)| f) }
}

/// The date check for an amount: "$2.75 billion in February 2024" — the amount names
/// one event, the date contradicts it.
fn date_of_amount(a: &Analysis<'_>, ci: usize, vi: usize, cands: &[usize]) -> Option<Verdict> {
    let claim = &a.claims[ci];
    let v = &claim.values[vi];
    let di = pinned_date(claim, vi)?;
    let Value::Date(d) = claim.values[di].value else {
        return None;
    };
    if claim.values[di].bare_year && !matches!(claim.kind, ClaimKind::Row { .. }) {
        // "in 2024" is a weak date: still compared, at its grain.
    }
    let facts = a.facts;
    // A value said to be a total is no event's amount.
    if cands.iter().any(|&f| {
        matches!(facts.facts[f].kind, FactKind::Quantity { .. }) && cue_before(facts, claim, v, f)
    }) {
        return None;
    }
    let stated_bound = matches!(hedge_of(&v.value), Hedge::UpTo | Hedge::LessThan);
    let mut by_amount = Vec::new();
    for &f in cands {
        let fact = &facts.facts[f];
        if !nearest_entity_is_of(claim, v, fact) {
            continue;
        }
        // Anything the value fits at that date: then the date is fine.
        if values_during(fact, Some(&d))
            .iter()
            .any(|fv| fits_loosely(&v.value, fv))
        {
            match &fact.kind {
                FactKind::Event { date, .. } if date.overlaps(&d) => return None,
                FactKind::Event { .. } => {}
                // A total fits only when the value is said to be one.
                FactKind::Quantity { .. } => {
                    if cue_distance(facts, claim, v, f).is_some_and(|x| x <= 80) {
                        return None;
                    }
                }
            }
        }
        // An amount names an event only when printed at least as precisely as the
        // event's ("$3 billion" does not name the $2.75 billion tranche).
        if let (FactKind::Event { .. }, Some(amount)) = (&fact.kind, fact.amount())
            && fact.is_bound() == stated_bound
            && fits(&v.value, &amount.value)
            && precision(&v.value) <= precision(&amount.value) * 1.000_001
        {
            by_amount.push(f);
        }
    }
    // A cue near the value names the event: the amount must be that event's.
    let cued: Vec<(usize, usize)> = cands
        .iter()
        .filter(|&&f| {
            facts.facts[f].amount().is_some() && facts.facts[f].is_bound() == stated_bound
        })
        .filter_map(|&f| {
            cue_distance(facts, claim, v, f)
                .filter(|&x| x <= 80)
                .map(|x| (f, x))
        })
        .collect();
    if let Some(best) = cued.iter().map(|(_, x)| *x).min() {
        by_amount.retain(|f| cued.iter().any(|(g, x)| g == f && *x == best));
    }
    if by_amount.len() != 1 {
        return None;
    }
    if let FactKind::Event { date, .. } = &facts.facts[by_amount[0]].kind
        && date.overlaps(&d)
    {
        return None;
    }
    Some(Verdict::DateMismatch {
        claim: ci,
        value: di,
        fact: by_amount[0],
        anchor: Some(vi),
    })
}

fn precision(v: &Value) -> f64 {
    match v {
        Value::Money { amount, .. } => amount.precision,
        Value::Percent(q) | Value::Count(q) => q.precision,
        Value::Date(_) => f64::INFINITY,
    }
}

/// The date check for events without an amount ("named primary training partner in
/// March 2024"): the event's cue and one date in the sentence.
fn dates_of_events(a: &Analysis<'_>, ci: usize, cands: &[usize]) -> Vec<Verdict> {
    let claim = &a.claims[ci];
    let facts = a.facts;
    let mut out = Vec::new();
    if claim.is_forecast() {
        return out;
    }
    let dates: Vec<usize> = claim
        .values
        .iter()
        .enumerate()
        .filter(|(_, x)| matches!(x.value, Value::Date(_)))
        .map(|(i, _)| i)
        .collect();
    if dates.len() != 1 {
        return out;
    }
    let di = dates[0];
    let Value::Date(d) = claim.values[di].value else {
        return out;
    };
    for &f in cands {
        let fact = &facts.facts[f];
        let FactKind::Event {
            date, amount: None, ..
        } = &fact.kind
        else {
            continue;
        };
        let cued = claim.cues.iter().any(|c| facts.names.cue_of(c.cue, f));
        if cued && !date.overlaps(&d) && !excluded(claim, &claim.values[di]) {
            out.push(Verdict::DateMismatch {
                claim: ci,
                value: di,
                fact: f,
                anchor: None,
            });
        }
    }
    out
}

/// The day range a quantity's value held: from its `from` to the day before the next.
pub fn held_range(fact: &Fact, t: &Timed) -> (Date, Option<Date>) {
    (
        t.from,
        fact.next_value(t).and_then(|n| n.from.yesterday().ok()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
