//! Recognizers: money, dates, percentages and counts in a piece of prose.
//!
//! One entry point, [`recognize`], scans a text once and returns every value with its
//! byte span, sorted and non-overlapping. The fact loader reads amounts and dates in
//! fact files with the same code ([`parse_money`], [`parse_date`]), so a fact and a
//! draft can never disagree about what "$1.25 billion" means.
//!
//! Numbers written in words ("four billion dollars", "hundreds of thousands of chips",
//! "two-thirds") are read by `words`, after money, at the places no amount in digits
//! covers; they become money, percent or count candidates like the others.
//!
//! Each kind has its own recognizer (`money`, `percent`, `date`, `count`), which scans
//! the whole text with one compiled regex and proposes candidates. Where candidates of
//! different kinds overlap, the higher-ranked kind wins (money, then percent, then
//! date, then count), and within a kind the longer span wins. A recognizer may also
//! propose a *blocker*: a span that is deliberately nothing ("5 percentage points",
//! "2023-2024", "February 30, 2024") and that suppresses lower-ranked candidates inside
//! it without producing a mention.

use std::ops::Range;

use crate::base::value::{Currency, DateValue, Quantity, Value};

mod anchor;
mod count;
mod date;
mod hedge;
mod money;
pub mod month;
mod number;
mod percent;
pub mod relative;
mod words;

/// A value found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span of the value's own text ("$4 billion", "$13B+", "November 22, 2024"),
    /// not including a hedge word before it.
    pub span: Range<usize>,
    /// Byte span of the hedge words before the value ("more than", "up to"), if any.
    pub hedge_span: Option<Range<usize>>,
    /// The value.
    pub value: Value,
    /// True for a bare year ("in 2024"): a weak date that rules use only with care.
    pub bare_year: bool,
}

/// Rank of a recognizer: lower wins where spans overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    Money = 0,
    Percent = 1,
    Date = 2,
    Count = 3,
}

/// A proposal from one recognizer: a mention, or a blocker (`mention: None`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// The span the candidate claims.
    pub span: Range<usize>,
    /// Which recognizer proposed it.
    pub rank: Rank,
    /// The mention, or `None` for a blocker.
    pub mention: Option<Mention>,
    /// The hedge words before the mention are still to be looked up: the candidate
    /// survives whatever they are, and most do not survive (a number inside an
    /// amount or a date is a count candidate too), so they are looked up only for
    /// those that do ([`Candidate::settle_hedge`]).
    pub hedge_later: bool,
}

impl Candidate {
    /// A candidate that becomes `mention` if it survives.
    pub(crate) fn mention(rank: Rank, mention: Mention) -> Candidate {
        Candidate {
            span: mention.span.clone(),
            rank,
            mention: Some(mention),
            hedge_later: false,
        }
    }

    /// A span that is deliberately no value and hides lower-ranked candidates.
    pub(crate) fn blocker(rank: Rank, span: Range<usize>) -> Candidate {
        Candidate {
            span,
            rank,
            mention: None,
            hedge_later: false,
        }
    }

    /// A count that becomes `mention` if it survives, its hedge words looked up then
    /// (see [`Candidate::hedge_later`]): `mention` holds the hedge to use when there
    /// are none (the trailing `+` of "20+").
    pub(crate) fn count_hedged_later(mention: Mention) -> Candidate {
        Candidate {
            hedge_later: true,
            ..Candidate::mention(Rank::Count, mention)
        }
    }

    /// Looks up the hedge words before the count of `text` if that was left for
    /// later: the mention is then what [`hedged`] would have made (a hedge phrase
    /// found wins over the fallback, as there).
    pub(crate) fn settle_hedge(&mut self, text: &str) {
        if !std::mem::take(&mut self.hedge_later) {
            return;
        }
        let Some(m) = self.mention.as_mut() else {
            return;
        };
        let Value::Count(q) = m.value else {
            return;
        };
        if let Some(found) = hedge::hedge_before(text, m.span.start) {
            *m = hedged_with(Some(found), m.span.clone(), q, None, Value::Count);
        }
    }
}

/// Builds a mention for a hedgeable quantity: looks up a hedge phrase left of `span`
/// and, failing that, uses `fallback` (the trailing `+` of "$13B+").
pub(crate) fn hedged(
    text: &str,
    span: Range<usize>,
    q: Quantity,
    fallback: Option<crate::base::value::Hedge>,
    make: impl FnOnce(Quantity) -> Value,
) -> Mention {
    hedged_with(
        hedge::hedge_before(text, span.start),
        span,
        q,
        fallback,
        make,
    )
}

/// As [`hedged`], with the hedge phrase already looked up.
pub(crate) fn hedged_with(
    found: Option<(crate::base::value::Hedge, Range<usize>)>,
    span: Range<usize>,
    mut q: Quantity,
    fallback: Option<crate::base::value::Hedge>,
    make: impl FnOnce(Quantity) -> Value,
) -> Mention {
    let hedge_span = match found {
        Some((h, r)) => {
            q.hedge = h;
            Some(r)
        }
        None => {
            if let Some(h) = fallback {
                q.hedge = h;
            }
            None
        }
    };
    Mention {
        span,
        hedge_span,
        value: make(q),
        bare_year: false,
    }
}

/// Every value in `text`, sorted by span start, non-overlapping (money beats percent beats date beats count where spans overlap; the longest match wins).
pub fn recognize(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    recognize_into(text, &mut out);
    out
}

thread_local! {
    /// The index of the text and the candidates, kept between calls for their memory
    /// (see [`KEEP_CANDIDATES`]).
    static SCRATCH: std::cell::RefCell<(anchor::Index, Vec<Candidate>)> =
        std::cell::RefCell::default();
}

/// Append to `out` instead of allocating (same semantics as `recognize`).
pub fn recognize_into(text: &str, out: &mut Vec<Mention>) {
    SCRATCH.with(|scratch| {
        let mut fresh = Default::default();
        let mut kept = scratch.try_borrow_mut();
        let (idx, cands) = match kept.as_deref_mut() {
            Ok(s) => s,
            Err(_) => &mut fresh,
        };
        idx.fill(text);
        cands.clear();
        money::find_in(text, idx, cands);
        words::find_in(text, &idx.words, cands);
        percent::find_in(text, idx, cands);
        date::find_in(text, idx, cands);
        count::find_in(text, idx, true, cands);
        resolve(text, cands, out);
        // The memory of an unusually long text is not kept for the next ones: it
        // would stay the thread's for the rest of the run (a paragraph of a megabyte
        // of amounts holds a hundred megabytes of candidates).
        if cands.capacity() > KEEP_CANDIDATES {
            *cands = Vec::new();
        }
        idx.release_if_over(KEEP_PLACES);
    });
}

/// The most candidates whose memory a thread keeps between texts (about 450 KB):
/// thousands of times what a paragraph needs.
const KEEP_CANDIDATES: usize = 4096;

/// The most places of each kind whose memory a thread keeps between texts (about
/// 128 KB a list): a text with more is over a hundred kilobytes.
const KEEP_PLACES: usize = 16_384;

/// Keeps the winners among overlapping candidates and appends their mentions to `out`
/// in span order. Candidates are grouped into clusters of transitively overlapping
/// spans; inside a cluster the best rank, then the longest span, then the earliest
/// start is taken greedily.
fn resolve(text: &str, cands: &mut Vec<Candidate>, out: &mut Vec<Mention>) {
    cands.retain(|c| c.span.start < c.span.end);
    cands.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.rank.cmp(&b.rank))
    });
    let mut cluster: Vec<Candidate> = Vec::new();
    let mut kept: Vec<Candidate> = Vec::new();
    let mut iter = cands.drain(..).peekable();
    while let Some(first) = iter.next() {
        let mut end = first.span.end;
        cluster.clear();
        cluster.push(first);
        while let Some(next) = iter.next_if(|c| c.span.start < end) {
            end = end.max(next.span.end);
            cluster.push(next);
        }
        if cluster.len() == 1 {
            if let Some(mut c) = cluster.pop() {
                c.settle_hedge(text);
                out.extend(c.mention);
            }
            continue;
        }
        cluster.sort_by(|a, b| {
            a.rank
                .cmp(&b.rank)
                .then((b.span.end - b.span.start).cmp(&(a.span.end - a.span.start)))
                .then(a.span.start.cmp(&b.span.start))
        });
        kept.clear();
        for c in cluster.drain(..) {
            if kept
                .iter()
                .all(|k| c.span.end <= k.span.start || k.span.end <= c.span.start)
            {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.span.start);
        for mut c in kept.drain(..) {
            c.settle_hedge(text);
            out.extend(c.mention);
        }
    }
}

/// Runs one recognizer on the trimmed `s` and returns the value only when a single
/// mention covers the whole string (its hedge words included).
fn whole(s: &str, find: fn(&str, &mut Vec<Candidate>)) -> Option<Value> {
    let t = s.trim();
    let mut cands = Vec::new();
    find(t, &mut cands);
    let mut found = None;
    for c in cands {
        let Some(m) = c.mention else { continue };
        let start = m.hedge_span.as_ref().map_or(m.span.start, |h| h.start);
        if start == 0 && m.span.end == t.len() {
            found = Some(m.value);
        }
    }
    found
}

/// A whole string that is exactly one money value, e.g. "$2.75 billion", "up to $4 billion", "about $13 billion" (hedge words included). None otherwise.
pub fn parse_money(s: &str) -> Option<(Currency, Quantity)> {
    match whole(s, money::find)? {
        Value::Money { currency, amount } => Some((currency, amount)),
        _ => None,
    }
}

/// A whole string that is exactly one date: "2024-11-22", "2023-10" (month), "2023" (year), "Q3 2023", "November 2024", etc. None otherwise.
pub fn parse_date(s: &str) -> Option<DateValue> {
    if let Some(d) = date::parse_iso_month(s.trim()) {
        return Some(d);
    }
    if let Some(d) = date::parse_iso_day(s.trim()) {
        return d;
    }
    match whole(s, date::find)? {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

/// A whole string that is exactly one percentage ("87%", "about 87 percent").
pub fn parse_percent(s: &str) -> Option<Quantity> {
    match whole(s, percent::find)? {
        Value::Percent(q) => Some(q),
        _ => None,
    }
}

/// A whole string that is exactly one count ("100,000", "over 100,000", "two").
pub fn parse_count(s: &str) -> Option<Quantity> {
    if let Some(q) = count::parse_word(s.trim()) {
        return Some(q);
    }
    match whole(s, count::find)? {
        Value::Count(q) => Some(q),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
