//! Claims from a scanned draft: a sentence of prose or a row of a table, with the
//! values, entity names, product names and cue words in it.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use crate::base::word_regex::WordRegex;
use crate::facts::FactBase;
use crate::facts::names::{NameKind, NameMatch, NameSearch};
use crate::facts::product::ProductMention;
use crate::read::markdown::{BlockKind, Document};
use crate::read::sentence;
use crate::recognize::month::MonthMention;
use crate::recognize::relative::RelativeMention;
use crate::recognize::{self, Mention};

use super::*;

pub(super) fn build_claims<'a>(
    doc: &'a Document,
    facts: &FactBase,
    article_date: Option<Date>,
) -> (Vec<Claim<'a>>, Vec<Range<usize>>) {
    // About one claim per block, and more for paragraphs of several sentences: sized
    // once for the blocks, so that the large claims are moved less often.
    let mut claims = Vec::with_capacity(doc.blocks.len() * 2);
    let mut oversized = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut names: Vec<NameMatch> = Vec::new();
    let mut products: Vec<ProductMention> = Vec::new();
    let mut relatives: Vec<RelativeMention> = Vec::new();
    let mut months: Vec<MonthMention> = Vec::new();
    let mut sentences: Vec<Range<usize>> = Vec::new();
    // Entities of the latest heading and the latest paragraph: context for tables.
    let mut heading_entities: Vec<usize> = Vec::new();
    // The entities of the headings above the current block, by level (outermost first).
    let mut heading_stack: Vec<(u8, Vec<usize>)> = Vec::new();
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
        // Months named without a year are dates only in a dated article.
        months.clear();
        if article_date.is_some() && !sentences.iter().all(|s| s.len() > MAX_CLAIM_BYTES) {
            recognize::month::find(&block.text, &mut months);
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
            let mut own = entities_in(ns, &s);
            // "Northwind Robotics, a start-up with no ties to SSI, raised $120 million":
            // the subject is a company the base does not know; the names of its
            // appositive are no party to the sentence, nor is the context's.
            // (Only a sentence with a value and a known name can be misread so.)
            let unknown_subject = (!own.is_empty() && ms.iter().any(|m| m.span.end <= s.end))
                .then(|| unknown_subject_apposition(&block.text[s.clone()]))
                .flatten()
                .map(|r| s.start + r.start..s.start + r.end)
                .filter(|r| {
                    !ns.iter()
                        .any(|n| n.span.start < r.start && matches!(n.kind, NameKind::Entity(_)))
                        && ns
                            .iter()
                            .filter(|n| matches!(n.kind, NameKind::Entity(_)))
                            .all(|n| n.span.start >= r.start && n.span.end <= r.end)
                });
            // Descriptions ("the Claude maker", "the start-up") stand for the entity
            // they refer to, as if its name stood there.
            // (Looked for only where an amount is: no other value is attributed.)
            let (described, ambiguous) = if ms
                .iter()
                .any(|m| m.span.end <= s.end && matches!(m.value, Value::Money { .. }))
            {
                described_entities(
                    facts,
                    &block.text,
                    ns,
                    &s,
                    &[&block_entities, &prev_entities, &paragraph_entities],
                )
            } else {
                (Vec::new(), Vec::new())
            };
            if !described.is_empty() {
                own.extend(described.iter().map(|(e, _)| *e));
                sort_dedup(&mut own);
            }
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
            // "The March 2024 tranche completed Amazon's commitment" under a heading
            // about Amazon and Anthropic: the other party of the pair the article is
            // about, when the sentence names one and no other counterparty.
            if !own.is_empty() && !from_heading {
                let sentence = &block.text[s.clone()];
                entities.extend(partners(
                    facts,
                    &own,
                    &[&heading_entities, &paragraph_entities, &prev_entities],
                    sentence,
                    ns,
                    s.start,
                ));
            }
            // "Anthropic and OpenAI build models. Amazon has invested $6 billion in
            // the start-up": the start-up is either, so neither comes from the context.
            // ("The company" after Amazon and Anthropic, in a sentence naming Amazon,
            // is no doubt: one of those it could be is the sentence's own.)
            let others: Vec<usize> = ambiguous
                .iter()
                .copied()
                .filter(|e| !own.contains(e))
                .collect();
            if others.len() >= 2 {
                entities.retain(|e| own.contains(e) || !others.contains(e));
            }
            if unknown_subject.is_some() {
                entities.clear();
            }
            sort_dedup(&mut entities);
            let mut values: Vec<ValueItem> = ms
                .iter()
                .filter(|m| m.span.end <= s.end)
                .map(|m| ValueItem {
                    span: block.to_source(&m.span),
                    pos: m.span.start - s.start..m.span.end - s.start,
                    value: m.value,
                    bare_year: m.bare_year,
                    of_article_date: false,
                    col: None,
                })
                .collect();
            if let Some(day) = article_date {
                // A sentence told in the past tense, with no word of the future: a
                // month later than the article's is last year's.
                // (Read only for a sentence with such a month: most have none.)
                let sentence = &block.text[s.clone()];
                let past = std::cell::OnceCell::new();
                let past = |m: &crate::recognize::month::MonthMention| {
                    m.month > day.month()
                        && *past.get_or_init(|| {
                            super::cue_words::PAST_TOLD.is_match(sentence)
                                && !super::cue_words::RATIO_FORECAST.is_match(sentence)
                        })
                };
                let in_s = months
                    .iter()
                    .filter(|m| m.span.start >= s.start && m.span.end <= s.end)
                    .filter_map(|m| {
                        let date = m.resolve_told(day, past(m))?;
                        Some((m.span.start - s.start..m.span.end - s.start, date))
                    });
                add_article_dates(&mut values, in_s, &s, |r| block.to_source(r));
            }
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
            let mut entity_pos: Vec<(usize, Range<usize>)> = ns
                .iter()
                .filter(|n| n.span.end <= s.end)
                .filter_map(|n| match n.kind {
                    NameKind::Entity(e) => Some((e, n.span.start - s.start..n.span.end - s.start)),
                    _ => None,
                })
                .collect();
            if !described.is_empty() {
                entity_pos.extend(
                    described
                        .iter()
                        .map(|(e, r)| (*e, r.start - s.start..r.end - s.start)),
                );
                entity_pos.sort_by_key(|(_, r)| r.start);
            }
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
            let money = || {
                values
                    .iter()
                    .any(|v| matches!(v.value, Value::Money { .. }))
            };
            // (An event with no amount is dated by its cue: "Bedrock became generally
            // available two years ago".)
            let cued = || ns.iter().any(|n| matches!(n.kind, NameKind::Cue(_)));
            if !product_items.is_empty() || (article_date.is_some() && (money() || cued())) {
                recognize::relative::find(&block.text[s.clone()], &mut relatives);
            }
            // In a sentence that names no product, a relative date dates its amounts
            // like any other date ("invested $4 billion last month"). (Only where an
            // amount is: sentences of other values are many, and no rule dates them.)
            if product_items.is_empty()
                && let Some(day) = article_date
            {
                let resolved = relatives
                    .iter()
                    .filter_map(|r| Some((r.span.clone(), r.phrase.resolve(day)?)));
                add_article_dates(&mut values, resolved, &s, |r| block.to_source(r));
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
            BlockKind::Heading(level) => {
                // A heading that names no entity ("## And the second?") is about what
                // the heading it sits under is about ("# Amazon and Anthropic: FAQ").
                heading_stack.retain(|(l, _)| *l < level);
                if block_entities.is_empty()
                    && let Some((_, parent)) = heading_stack.last()
                {
                    block_entities = parent.clone();
                }
                heading_stack.push((level, block_entities.clone()));
                heading_entities = block_entities;
                paragraph_entities.clear();
            }
            _ => {
                if !block_entities.is_empty() {
                    // A block that names one party of the pair the paragraph before was
                    // about ("The software giant's stake…" after "Microsoft has invested
                    // … in OpenAI") keeps the other party in reach.
                    let kept = paired_with(facts, &block_entities, &paragraph_entities);
                    block_entities.extend(kept);
                    sort_dedup(&mut block_entities);
                    paragraph_entities = block_entities;
                }
            }
        }
    }
    (claims, oversized)
}

/// Adds to a sentence's `values` (sorted by position) the dates read against the
/// article's date: `dates` gives each one's range in the sentence's text and the days
/// it resolved to (a month of no year, see [`recognize::month`]; a relative phrase,
/// see [`recognize::relative`]). One is added where no value already covers it; a
/// count inside it ("two years ago") is part of the date and gives way. `s` is the
/// sentence's range in the block's text, `to_source` maps a range of the block's text
/// to the file.
fn add_article_dates(
    values: &mut Vec<ValueItem>,
    dates: impl Iterator<Item = (Range<usize>, DateValue)>,
    s: &Range<usize>,
    to_source: impl Fn(&Range<usize>) -> Range<usize>,
) {
    let mut added = false;
    for (pos, date) in dates {
        values.retain(|v| {
            !(matches!(v.value, Value::Count(_))
                && v.pos.start >= pos.start
                && v.pos.end <= pos.end)
        });
        if values
            .iter()
            .any(|v| v.pos.start < pos.end && pos.start < v.pos.end)
        {
            continue;
        }
        values.push(ValueItem {
            span: to_source(&(s.start + pos.start..s.start + pos.end)),
            pos,
            value: Value::Date(date),
            bare_year: false,
            of_article_date: true,
            col: None,
        });
        added = true;
    }
    if added {
        values.sort_by_key(|v| v.pos.start);
    }
}

/// How far beyond a run of checked sentences the recognizers read, when the sentences
/// around it are too long to check: more than the longest value and the hedge words
/// before it ([`recognize`]'s matches are at most 512 bytes long), less than half an
/// oversized sentence, so that two runs' readings never overlap.
pub(super) const VALUE_CONTEXT: usize = 1024;

/// The values of a block's text (see [`recognize::recognize_into`]), appended to `out`
/// sorted by start. A block holding a sentence too long to check
/// ([`MAX_CLAIM_BYTES`]) is read only around each run of the other sentences, with
/// [`VALUE_CONTEXT`] bytes on each side, and only the values that start in the run are
/// kept: values in an oversized sentence are dropped with it, and a run-on sentence of
/// a megabyte of amounts would otherwise hold them all in memory at once.
pub(super) fn values_of_checked(text: &str, sentences: &[Range<usize>], out: &mut Vec<Mention>) {
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
/// The entities the descriptions in sentence `s` of the block's `text` (whose names
/// are `ns`) refer to, with the descriptions' ranges in the block's text. An entity's own description ("the Claude maker")
/// names it wherever it stands. A kind's noun ("the start-up") refers back: to the
/// one entity that lists the noun among those named before it, in the sentence or in
/// `scope` (the paragraph's earlier sentences, the sentence before, the paragraph
/// before); when none or two fit, to none. Also returns the entities a description
/// could refer to when two or more fit: the sentence may be about either, so neither
/// is in reach from the context.
fn described_entities(
    facts: &FactBase,
    text: &str,
    ns: &[NameMatch],
    s: &Range<usize>,
    scope: &[&Vec<usize>],
) -> (Vec<(usize, Range<usize>)>, Vec<usize>) {
    let descriptions = &facts.names.descriptions;
    let mut found = Vec::new();
    facts.names.find_descriptions(&text[s.clone()], &mut found);
    let mut out = Vec::new();
    let mut ambiguous = Vec::new();
    for n in &mut found {
        n.span = s.start + n.span.start..s.start + n.span.end;
    }
    for n in &found {
        let NameKind::Description(d) = n.kind else {
            continue;
        };
        let Some(d) = descriptions.get(d) else {
            continue;
        };
        let fits: Vec<usize> = if d.specific {
            d.entities.clone()
        } else {
            let named_before = |e: usize| {
                scope.iter().any(|v| v.contains(&e))
                    || ns.iter().any(|m| {
                        m.span.end <= n.span.start
                            && matches!(m.kind, NameKind::Entity(x) if x == e)
                    })
            };
            d.entities
                .iter()
                .copied()
                .filter(|&e| named_before(e))
                .collect()
        };
        match fits[..] {
            [] => {}
            [e] => out.push((e, n.span.clone())),
            _ => ambiguous.extend(fits.iter().copied()),
        }
    }
    (out, ambiguous)
}

/// The entities of `before` that share a fact of two or more entities with `own`, all
/// of the fact's entities among `own` and that one: the other party of a pair `own`
/// names one side of.
fn paired_with(facts: &FactBase, own: &[usize], before: &[usize]) -> Vec<usize> {
    before
        .iter()
        .copied()
        .filter(|e| !own.contains(e))
        .filter(|&e| {
            facts.facts_of(e).iter().any(|&f| {
                let ents = &facts.facts[f].entities;
                ents.len() >= 2
                    && ents.iter().any(|x| own.contains(x))
                    && ents.iter().all(|x| *x == e || own.contains(x))
            })
        })
        .collect()
}

pub(super) fn pass_on(
    own: &[usize],
    block_entities: &mut Vec<usize>,
    prev_entities: &mut Vec<usize>,
) {
    block_entities.extend(own);
    prev_entities.clear();
    prev_entities.extend(own);
}

/// The other parties, from the sentence's context (its heading, the paragraphs before,
/// the sentence before), of a pair that the sentence names one party of: each context
/// entity that shares a fact of two or more entities with the named ones, all of the
/// fact's entities among them. None when the sentence names a counterparty the base
/// does not know ("Amazon's $300 million in Adept"): the pair may be another.
fn partners(
    facts: &FactBase,
    own: &[usize],
    context: &[&[usize]],
    sentence: &str,
    names: &[NameMatch],
    offset: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    for &e in context.iter().flat_map(|c| c.iter()) {
        if own.contains(&e) || out.contains(&e) {
            continue;
        }
        let pairs = facts.facts_of(e).iter().any(|&f| {
            let ents = &facts.facts[f].entities;
            ents.len() >= 2
                && ents.iter().any(|x| own.contains(x))
                && ents.iter().all(|x| *x == e || own.contains(x))
        });
        if pairs {
            out.push(e);
        }
    }
    if out.is_empty() || unknown_counterparty(sentence, names, offset) {
        return Vec::new();
    }
    out
}

/// The appositive after a sentence's subject when the subject is a capitalized name
/// (no word that starts sentences) followed by ", a/an/the …," or ", which/who …,": the
/// byte range of the appositive in the sentence. Whether the name is known is for the
/// caller to say.
fn unknown_subject_apposition(sentence: &str) -> Option<Range<usize>> {
    static SUBJECT: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"^\s*((?-i:[A-Z])[\w.&-]*)(?:\s+(?-i:[A-Z])[\w.&-]*){0,3},\s+(?:a|an|the|which|who|whose|itself|once|now|backed|founded|led)\b[^,;.]*,")
            .expect("constant regex")
    });
    let c = SUBJECT.for_text(sentence).captures(sentence)?;
    let first = c.get(1)?.as_str();
    if super::prose::is_starter(first) || super::prose::not_a_name(first) {
        return None;
    }
    let whole = c.get(0)?;
    let comma = sentence[..whole.end() - 1].find(',')?;
    Some(comma..whole.end())
}

/// True when the sentence names, after "in", "into", "with" or "from", a capitalized
/// name the base does not know (not a month, not a day): another company.
fn unknown_counterparty(sentence: &str, names: &[NameMatch], offset: usize) -> bool {
    static AFTER_PREPOSITION: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(
            r"\b(?:in|into|with|from|to|backs|backed|backing|funds|funded)\s+((?-i:[A-Z])[\w.&-]*)",
        )
        .expect("constant regex")
    });
    // Words that open a noun phrase or name a place, not a company.
    const NOT_COMPANIES: &[&str] = &[
        "The", "An", "Its", "Their", "This", "That", "US", "U.S.", "UK", "EU", "Europe", "China",
        "Seattle", "San", "New", "Silicon",
    ];
    AFTER_PREPOSITION
        .for_text(sentence)
        .captures_iter(sentence)
        .filter_map(|c| c.get(1))
        .any(|m| {
            let at = offset + m.start();
            let word = m.as_str().trim_end_matches(['.', ',']);
            !super::prose::not_a_name(word)
                && !NOT_COMPANIES.contains(&word)
                && !names.iter().any(|n| n.span.start <= at && at < n.span.end)
        })
}

pub(super) fn entities_in(names: &[NameMatch], r: &Range<usize>) -> Vec<usize> {
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

pub(super) fn sort_dedup(v: &mut Vec<usize>) {
    v.sort_unstable();
    v.dedup();
}

pub(super) fn table_claims<'a>(
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
                    of_article_date: false,
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
