//! Time: what the article's date says about the products, events and line-ups a draft
//! names. One pass over the claims (whose product names and relative dates were found
//! in the same pass as everything else), deciding for each name at most one finding:
//!
//! - a product named before it was announced, or an event named (by its amount) before
//!   it happened: `anachronism`;
//! - a relative date ("earlier this year") attached to a product whose dates
//!   contradict it: `relative-date`;
//! - a product listed in a line-up it did not belong to on the day:
//!   `lineup-mismatch`;
//! - a product announced but not yet released, stated as available: `anachronism`
//!   (unless one of the two findings above already says so);
//! - a name of a family's shape that no product has: `unknown-model`.
//!
//! The day is the article's date; in an update note ("Update, March 2025: …", a
//! section headed "Update" or "What came later") it is the note's own date or the
//! front matter's `updated`, and with neither the note is not judged. Forward-looking
//! wording around a name ("the upcoming Gemini 2", "expected to launch", "X could arrive
//! next year") exempts it, and the mentions of the same product after it; a modal that
//! hedges something else ("the recent X launch could reshape pricing") does not
//! (see [`hedge_scope`]).

use std::ops::Range;
use std::sync::LazyLock;

use crate::base::word_regex::WordRegex;
use jiff::civil::Date;

use crate::analysis::hedge_scope;
use crate::analysis::{
    Analysis, Claim, ClaimKind, excluded, fits, fits_loosely, in_quotes, values_during,
};
use crate::base::value::{DateValue, Value};
use crate::facts::names::shape;
use crate::facts::product::Found;
use crate::facts::{FactKind, Product};
use crate::read::markdown::BlockKind;

/// Why a product was named too early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Early {
    /// Named before it was announced.
    Unannounced,
    /// Stated as available before it was released.
    Unreleased,
}

/// Which of a product's dates a relative date was compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dates {
    /// The announcement ("announced last year").
    Announced,
    /// The release ("available since last month").
    Released,
    /// Both ("launched earlier this year" can mean either).
    Both,
}

/// A finding about time.
#[derive(Clone, Debug)]
pub enum TimeVerdict {
    /// A product named too early.
    Anachronism {
        /// Claim index.
        claim: usize,
        /// Index in the claim's products.
        item: usize,
        /// Product index.
        product: usize,
        /// The day that matters.
        day: Date,
        /// Named before its announcement, or stated as available before its release.
        early: Early,
    },
    /// An event named by its amount before it happened.
    EventAnachronism {
        /// Claim index.
        claim: usize,
        /// Index of the amount in the claim's values.
        value: usize,
        /// Fact index.
        fact: usize,
        /// The day that matters.
        day: Date,
    },
    /// A name of a family's shape that no product has.
    UnknownModel {
        /// Claim index.
        claim: usize,
        /// Index in the claim's products.
        item: usize,
        /// Family index.
        family: usize,
        /// For a name newer than any the catalog knows: the newest product of its shape,
        /// which came after the day that matters.
        newest: Option<usize>,
        /// The day that matters, if known.
        day: Option<Date>,
    },
    /// A relative date attached to a product that its dates contradict.
    RelativeDate {
        /// Claim index.
        claim: usize,
        /// Index in the claim's relative dates.
        relative: usize,
        /// Index in the claim's products.
        item: usize,
        /// Product index.
        product: usize,
        /// The day that matters.
        day: Date,
        /// What the phrase means on that day.
        range: DateValue,
        /// The dates it was compared with.
        dates: Dates,
    },
    /// A date stated for a product's announcement or release that its dates
    /// contradict at the stated grain.
    ProductDate {
        /// Claim index.
        claim: usize,
        /// Index of the date in the claim's values.
        value: usize,
        /// Index in the claim's products.
        item: usize,
        /// Product index.
        product: usize,
        /// The dates it was compared with.
        dates: Dates,
    },
    /// A product listed in a line-up it was not in on the day.
    LineupMismatch {
        /// Claim index.
        claim: usize,
        /// Index in the claim's products.
        item: usize,
        /// Line-up index.
        lineup: usize,
        /// Index in the line-up's members.
        member: usize,
        /// The day that matters.
        day: Date,
        /// True when the member had already left.
        left: bool,
    },
}

/// Words that state a product as available.
static AVAILABLE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:available|availability|launched|released|ships|shipping|shipped|in production|went live|now live|rolled out|generally available)\b")
        .expect("constant regex")
});

/// Words that tie a relative date to a product's launch (an event: "is available
/// today" is a state, and says nothing about when it began).
static LAUNCH: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:announced|announcement|unveiled|unveiling|introduced|introduction|revealed|previewed|launched|launches|launch|released|releases|release|shipped|ships|debuted|debut|arrived|came out|went live|became available|made available|available since|rolled out|generally available|general availab\w*)\b")
        .expect("constant regex")
});

static ANNOUNCED_ONLY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:announced|announcement|unveiled|unveiling|introduced|introduction|revealed|previewed)\b")
        .expect("constant regex")
});

/// Wording of a general release, even after "announced": "announced the general
/// availability of X", "X is now generally available".
static GENERALLY_AVAILABLE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:general availab\w*|generally available)\b").expect("constant regex")
});

static RELEASED_ONLY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:became available|made available|available since|shipped|ships|went live|rolled out)\b")
        .expect("constant regex")
});

/// Between a launch verb and a name: the name is what the launched thing rests on.
static BASIS: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:(?:built|based|running|runs|powered|trained|hosted|fine-tuned|trained)\s+(?:on|by|with|atop)|on top of|atop|using|uses|via|with|powered by|driven by)\b")
        .expect("constant regex")
});

/// Words that present a list as a line-up ("Bedrock offers …", "available on …").
static LINEUP_CUE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:offers?|offering|includes?|including|hosts?|hosting|supports?|provides? access to|gives? (?:\w+ )?access to|line-?ups?|roster|available (?:on|in|through|via|from)|models (?:on|in|available))\b")
        .expect("constant regex")
});

/// The start of an update note in a paragraph.
static UPDATE_NOTE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\W*(?:update[ds]?|editor'?s note|postscript|addendum|later developments|what came (?:later|next)|since (?:publication|then|this (?:article|story|post|piece) was (?:published|written)))\b")
        .expect("constant regex")
});

/// How far around a name its clause is read, in bytes.
const BEFORE: usize = 60;
const AFTER: usize = 80;

/// Judges the time of every claim of an analysed draft.
pub fn judge(a: &Analysis<'_>) -> Vec<TimeVerdict> {
    let days = claim_days(a);
    let listings = lineup_listings(a);
    let framed = framings(a);
    let mut out = Vec::new();
    for (ci, claim) in a.claims.iter().enumerate() {
        let day = days[ci];
        for (ii, item) in claim.products.iter().enumerate() {
            if let Found::Unknown { family, name } = &item.found
                && !framed[ci][ii]
                && let Some(newest) = unknown(a, *family, name, day)
            {
                out.push(TimeVerdict::UnknownModel {
                    claim: ci,
                    item: ii,
                    family: *family,
                    newest,
                    day,
                });
            }
        }
        let dated = product_dates(a, ci, &framed[ci], &mut out);
        let Some(day) = day else { continue };
        let known: Vec<(usize, usize)> = claim
            .products
            .iter()
            .enumerate()
            .filter_map(|(ii, it)| match it.found {
                Found::Known(p) if !framed[ci][ii] => Some((ii, p)),
                _ => None,
            })
            .collect();
        let mut done = dated;
        for &(ii, p) in &known {
            if a.facts.products[p].unannounced_on(day) {
                done[ii] = true;
                out.push(TimeVerdict::Anachronism {
                    claim: ci,
                    item: ii,
                    product: p,
                    day,
                    early: Early::Unannounced,
                });
            }
        }
        for (ri, r) in claim.relatives.iter().enumerate() {
            let Some(range) = r.phrase.resolve(day) else {
                continue;
            };
            let Some((ii, dates)) = attached(claim, &r.pos) else {
                continue;
            };
            let Found::Known(p) = claim.products[ii].found else {
                continue;
            };
            if done[ii] || framed[ci][ii] {
                continue;
            }
            // "X is generally available today" before X's release: the article's own
            // day, so a product stated available too early (`anachronism`, below).
            if range == DateValue::day(day) && a.facts.products[p].unreleased_on(day) {
                continue;
            }
            if contradicts(&a.facts.products[p], dates, &range) {
                done[ii] = true;
                out.push(TimeVerdict::RelativeDate {
                    claim: ci,
                    relative: ri,
                    item: ii,
                    product: p,
                    day,
                    range,
                    dates,
                });
            }
        }
        for &l in &listings[ci] {
            let lineup = &a.facts.lineups[l];
            for &(ii, p) in &known {
                if done[ii] {
                    continue;
                }
                let Some(mi) = lineup.members.iter().position(|m| m.product == p) else {
                    continue;
                };
                let m = &lineup.members[mi];
                let early = m.from.as_ref().is_some_and(|f| day < f.date.start);
                let left = m.until.as_ref().is_some_and(|u| day >= u.date.start);
                if early || left {
                    done[ii] = true;
                    out.push(TimeVerdict::LineupMismatch {
                        claim: ci,
                        item: ii,
                        lineup: l,
                        member: mi,
                        day,
                        left: !early,
                    });
                }
            }
        }
        for &(ii, p) in &known {
            let item = &claim.products[ii];
            if !done[ii]
                && a.facts.products[p].unreleased_on(day)
                && stated_available(claim, &item.pos)
                && !in_quotes(&claim.text, item.pos.start)
            {
                out.push(TimeVerdict::Anachronism {
                    claim: ci,
                    item: ii,
                    product: p,
                    day,
                    early: Early::Unreleased,
                });
            }
        }
        event_anachronisms(a, ci, day, &mut out);
    }
    out
}

/// Dates stated for a product's announcement or release ("OpenAI released GPT-4 in
/// March 2022", "Trainium2, announced in 2022, …") that the catalog contradicts at
/// the grain the draft states: pushed as [`TimeVerdict::ProductDate`]. Returns which
/// of the claim's products got one. A date is attached only by a launch word between
/// it and the name (see [`attached`]), with no other date between; a date that opens
/// a span ("since 2023"), a forecast, a quote or a framed product is left alone, and
/// so is a product the catalog gives no day for.
fn product_dates(
    a: &Analysis<'_>,
    ci: usize,
    framed: &[bool],
    out: &mut Vec<TimeVerdict>,
) -> Vec<bool> {
    let claim = &a.claims[ci];
    let mut dated = vec![false; claim.products.len()];
    if let ClaimKind::Row { table, .. } = claim.kind {
        row_dates(a, ci, table, framed, &mut dated, out);
        return dated;
    }
    if !matches!(claim.kind, ClaimKind::Sentence { .. }) || claim.products.is_empty() {
        return dated;
    }
    for (vi, v) in claim.values.iter().enumerate() {
        let Value::Date(d) = v.value else { continue };
        if excluded(claim, v) || super::attribute::starts_span(&claim.text, v) {
            continue;
        }
        let Some((ii, dates)) = attached(claim, &v.pos) else {
            continue;
        };
        let Found::Known(p) = claim.products[ii].found else {
            continue;
        };
        let item = &claim.products[ii];
        let (lo, hi) = if item.pos.end <= v.pos.start {
            (item.pos.end, v.pos.start)
        } else {
            (v.pos.end, item.pos.start)
        };
        let date_between = claim
            .values
            .iter()
            .any(|x| matches!(x.value, Value::Date(_)) && x.pos.start >= lo && x.pos.end <= hi);
        if framed[ii] || dated[ii] || date_between {
            continue;
        }
        // "GPT-4.5 became available to Plus users in March", "Claude 3 Opus launched
        // on Bedrock in April": a rollout to a platform, a tier or a region is not
        // the product's release.
        let around = lo.min(v.pos.start)..(v.pos.end + 40).min(claim.text.len());
        let around = claim.text.floor_char_boundary(around.start)
            ..claim.text.floor_char_boundary(around.end);
        // The rollout's words are in the date's own clause: "Claude 3.7 Sonnet,
        // released in February 2024, remains available for existing users" names no
        // rollout of the release.
        let around = around.start
            ..claim.text[v.pos.end..around.end]
                .find([',', ';', '('])
                .map_or(around.end, |i| v.pos.end + i);
        if rollout(&claim.text[around]) {
            continue;
        }
        if contradicts(&a.facts.products[p], dates, &d) {
            dated[ii] = true;
            out.push(TimeVerdict::ProductDate {
                claim: ci,
                value: vi,
                item: ii,
                product: p,
                dates,
            });
        }
    }
    dated
}

/// Which of a product's dates a table column's header names: "Announced",
/// "Announcement date", "Unveiled" the announcement; "Released", "Release date",
/// "Available", "General availability", "GA", "Shipped" the release; "Launched",
/// "Launch date", "Debut" either. None for any other header, and for a rollout ("Released
/// on Bedrock", "Available in Europe").
fn header_dates(header: &str) -> Option<Dates> {
    static HEADER: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)^\s*(?:(?P<ann>announced|announcement(?:\s+date)?|unveiled|date\s+announced)|(?P<rel>released|release(?:\s+date)?|available|availability|general(?:ly)?\s+availab\w*|ga(?:\s+date)?|shipped|shipping\s+date|date\s+released)|(?P<both>launched|launch(?:\s+date)?|debut(?:ed)?|introduced|date))\s*$")
            .expect("constant regex")
    });
    let c = HEADER.for_text(header).captures(header)?;
    Some(if c.name("ann").is_some() {
        Dates::Announced
    } else if c.name("rel").is_some() {
        Dates::Released
    } else {
        Dates::Both
    })
}

/// Dates in a table's row, under a header that names a launch ("| Claude 3.5 Haiku |
/// August 2024 |" under "| Model | Announced |"), for the row's one known product:
/// compared with the catalog at the row's grain, as a sentence's are.
fn row_dates(
    a: &Analysis<'_>,
    ci: usize,
    table: usize,
    framed: &[bool],
    dated: &mut [bool],
    out: &mut Vec<TimeVerdict>,
) {
    let claim = &a.claims[ci];
    let Some(t) = a.doc.tables.get(table) else {
        return;
    };
    // One product in the row: the row is about it.
    let [ii] = (0..claim.products.len())
        .filter(|&i| matches!(claim.products[i].found, Found::Known(_)))
        .collect::<Vec<_>>()[..]
    else {
        return;
    };
    if claim.products.len() != 1 || framed[ii] {
        return;
    }
    let Found::Known(p) = claim.products[ii].found else {
        return;
    };
    for (vi, v) in claim.values.iter().enumerate() {
        let Value::Date(d) = v.value else { continue };
        let Some(col) = v.col else { continue };
        if claim.products[ii].col == Some(col) {
            continue;
        }
        let Some(dates) = t.header.get(col).and_then(|h| header_dates(h)) else {
            continue;
        };
        if contradicts(&a.facts.products[p], dates, &d) {
            dated[ii] = true;
            out.push(TimeVerdict::ProductDate {
                claim: ci,
                value: vi,
                item: ii,
                product: p,
                dates,
            });
            return;
        }
    }
}

/// True when `text` names where or to whom a product was rolled out: "on Bedrock",
/// "to Plus users", "for enterprise customers", "in Europe", "via the API".
fn rollout(text: &str) -> bool {
    static TO: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"\b(?:[Oo]n|[Tt]o|[Ff]or|[Vv]ia|[Tt]hrough|[Aa]cross|[Ii]nside|[Ww]ithin|[Ii]n)\s+(?:the\s+|all\s+|more\s+|its\s+|their\s+|paying\s+|paid\s+|free\s+)?([A-Z][\w.-]*|(?:\w+\s+)?(?:users|customers|developers|subscribers|enterprises?|businesses|teams|regions?|countries|markets?|API)\b)")
            .expect("constant regex")
    });
    TO.for_text(text).captures_iter(text).any(|c| {
        c.get(1)
            .is_some_and(|w| !super::prose::not_a_name(w.as_str().trim_end_matches(['.', ','])))
    })
}

/// The text around a name that belongs with it: its cell of a table row, and not past
/// a semicolon, a colon or a dash.
fn clause(text: &str, pos: &Range<usize>, before: usize, after: usize) -> Range<usize> {
    let lo = text.floor_char_boundary(pos.start.saturating_sub(before));
    let hi = text.floor_char_boundary((pos.end + after).min(text.len()));
    let is_break = |c: char| matches!(c, ';' | ':' | '|' | '—' | '–');
    let start = text[lo..pos.start].rfind(is_break).map_or(lo, |i| {
        lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[pos.end..hi].find(is_break).map_or(hi, |i| pos.end + i);
    start..end
}

/// For every product name of every claim, whether it stands in wording that makes the
/// product future, hypothetical or denied ([`hedge_scope::frame`]), or follows a
/// mention of the same product that did ([`hedge_scope::Frames`]), in document order.
pub(crate) fn framings(a: &Analysis<'_>) -> Vec<Vec<bool>> {
    let mut order: Vec<usize> = (0..a.claims.len()).collect();
    order.sort_by_key(|&ci| (a.claims[ci].span.start, ci));
    let mut out: Vec<Vec<bool>> = a
        .claims
        .iter()
        .map(|c| vec![false; c.products.len()])
        .collect();
    let mut frames = hedge_scope::Frames::default();
    for ci in order {
        let claim = &a.claims[ci];
        let mut items: Vec<usize> = (0..claim.products.len()).collect();
        items.sort_by_key(|&ii| claim.products[ii].pos.start);
        for ii in items {
            let item = &claim.products[ii];
            let key = match &item.found {
                Found::Known(p) => format!("#{p}"),
                Found::Unknown { name, .. } => name.to_lowercase(),
            };
            let within = clause(&claim.text, &item.pos, BEFORE, AFTER);
            let mut own = hedge_scope::frame(&claim.text, &within, &item.pos);
            if own == hedge_scope::Frame::None {
                own = hedge_scope::question_frame(&claim.text);
            }
            out[ci][ii] = frames.mention(&key, own);
        }
    }
    out
}

/// True when the clause states the product at `pos` as available.
fn stated_available(claim: &Claim, pos: &Range<usize>) -> bool {
    // "in addition to announcing Trainium 2, AWS also released Graviton 4": the name
    // is the object of its own verb, an announcement's.
    static OWN_VERB: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:announc(?:ing|ed|es)|unveil(?:ing|ed|s)|preview(?:s|ed|ing)|introduc(?:ing|ed|es)|teas(?:ing|ed|es)|reveal(?:ing|ed|s))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|new\s+|next-generation\s+)*(?:\S+\s+)?$")
            .expect("constant regex")
    });
    let text = &claim.text;
    let from = text.floor_char_boundary(pos.start.saturating_sub(40));
    if OWN_VERB.is_match(&text[from..pos.start]) {
        return false;
    }
    let whole = &text[clause(text, pos, 50, 50)];
    AVAILABLE.is_match(whole) || in_use_now(whole, &text[from..pos.start])
}

/// True when the words before the name put it in customers' hands now: a verb of use
/// right before it ("can rent X", "can use X", "customers buy X") and "today",
/// "now" or "already" in its clause. Not a preview, a beta or a plan.
fn in_use_now(clause: &str, before: &str) -> bool {
    static USE_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:can\s+(?:now\s+|already\s+)?(?:rent|buy|order|use|access|deploy|try|get)|rent(?:s|ing)?|buy(?:s|ing)?|order(?:s|ing)?)\s+(?:the\s+|its\s+|their\s+|new\s+)?$")
            .expect("constant regex")
    });
    static NOW: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:today|now|already|currently)\b").expect("constant regex")
    });
    static NOT_YET: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:preview|beta|early\s+access|waitlist|will|would|could|might|plan\w*|soon|once|when|if|not)\b")
            .expect("constant regex")
    });
    USE_BEFORE.is_match(before) && NOW.is_match(clause) && !NOT_YET.is_match(clause)
}

/// A gap between a name and a year that names an event of that year: "previewed
/// Trainium2 at re:Invent 2022", "at GTC 2024", "at its DevDay 2023" (lowercase).
static AT_EVENT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"^(?:at|during)\s+(?:the\s+|its\s+|their\s+)?[a-z][\w:./-]*(?:\s+[a-z][\w:./-]*)?$",
    )
    .expect("constant regex")
});

/// Nouns that may follow a product's name and name the product itself ("the Claude 3
/// family", "the Trainium2 chips").
const PRODUCT_NOUNS: &[&str] = &[
    "family",
    "models",
    "model",
    "line-up",
    "lineup",
    "series",
    "chips",
    "chip",
    "accelerators",
    "accelerator",
    "gpus",
    "gpu",
];

/// The product a relative date is attached to, and which of its dates the wording
/// points at: "Trainium2, launched earlier this year", "Earlier this year, AWS launched
/// Trainium2", "Anthropic released Claude 3.5 Sonnet last year". Only with a launch
/// word between them (or right before a name the phrase follows), near, with no other
/// name between.
fn attached(claim: &Claim, r: &Range<usize>) -> Option<(usize, Dates)> {
    let text = &claim.text;
    let mut best: Option<(usize, usize, Dates)> = None;
    let mut tie = false;
    for (ii, item) in claim.products.iter().enumerate() {
        let (gap, words) = if item.pos.end <= r.start && r.start - item.pos.end <= 48 {
            let gap = item.pos.end..r.start;
            // "released Claude 3.5 Sonnet last year", "released Llama 3 in April
            // 2024": the verb before the name.
            // A noun after the name does not break the link ("unveiled the Claude 3
            // family in February", "the GPT-4o models, launched in May").
            let gap_words = text[gap.clone()].trim().to_ascii_lowercase();
            let gap_words = PRODUCT_NOUNS
                .iter()
                .find_map(|n| {
                    gap_words
                        .strip_prefix(n)
                        .filter(|rest| rest.is_empty() || rest.starts_with(' '))
                })
                .map_or(gap_words.as_str(), str::trim);
            let words = if matches!(gap_words, "" | "in" | "on" | "during" | "back in")
                || AT_EVENT.is_match(gap_words)
            {
                let from = text.floor_char_boundary(item.pos.start.saturating_sub(48));
                let before = &text[from..item.pos.start];
                let cut = before
                    .rfind([',', ';', ':', '|', '.', '—', '–'])
                    .map_or(0, |i| {
                        i + before[i..].chars().next().map_or(1, char::len_utf8)
                    });
                from + cut..item.pos.start
            } else {
                gap.clone()
            };
            (gap, words)
        } else if r.end <= item.pos.start && item.pos.start - r.end <= 50 {
            (r.end..item.pos.start, r.end..item.pos.start)
        } else {
            continue;
        };
        let between = &text[words.clone()];
        // "Globex today launched agents built on GPT-4o": what was launched is
        // another thing, which the name is the basis of.
        if r.end <= item.pos.start && BASIS.is_match(between) {
            continue;
        }
        // (A colon inside a word is part of a name: "re:Invent".)
        let g = &text[gap.clone()];
        if g.contains([';', '|', '.', '—', '–'])
            || g.match_indices(':')
                .any(|(i, _)| !g[i + 1..].starts_with(|c: char| c.is_alphanumeric()))
            || !LAUNCH.is_match(between)
            || claim.products.iter().any(|o| {
                o.pos.start >= words.start.min(gap.start)
                    && o.pos.end <= gap.end
                    && o.pos != item.pos
            })
        {
            continue;
        }
        // "announced the general availability of Trainium2 today": the release.
        let dates = if GENERALLY_AVAILABLE.is_match(between) {
            Dates::Released
        } else if ANNOUNCED_ONLY.is_match(between) {
            Dates::Announced
        } else if RELEASED_ONLY.is_match(between) {
            Dates::Released
        } else {
            Dates::Both
        };
        let len = gap.len();
        match best {
            Some((b, _, _)) if b == len => tie = true,
            Some((b, _, _)) if b < len => {}
            _ => {
                best = Some((len, ii, dates));
                tie = false;
            }
        }
    }
    if tie {
        return None;
    }
    best.map(|(_, ii, d)| (ii, d))
}

/// True when none of the product's dates that the wording points at falls in `range`
/// (and there is at least one such date).
fn contradicts(p: &Product, dates: Dates, range: &DateValue) -> bool {
    let mut compared = Vec::new();
    if matches!(dates, Dates::Announced | Dates::Both) {
        compared.extend(p.announced.as_ref().map(|d| d.date));
    }
    if matches!(dates, Dates::Released | Dates::Both) {
        compared.extend(p.released.as_ref().map(|d| d.date));
    }
    !compared.is_empty() && compared.iter().all(|d| !d.overlaps(range))
}

/// For an unknown name: `Some(None)` when a product of the same shape has a higher
/// version (the name falls inside what the catalog knows: "Claude 3.5 Opus"),
/// `Some(Some(p))` when the name is newer than every product of its shape and the day
/// is before even the newest one `p` ("Claude 5 Opus" in 2024), None when nothing can
/// be said (a newer model the catalog may not know yet, or a shape it has no product
/// of).
fn unknown(
    a: &Analysis<'_>,
    family: usize,
    name: &str,
    day: Option<Date>,
) -> Option<Option<usize>> {
    let fam = &a.facts.families[family];
    let (sh, v) = shape(name)?;
    let same: Vec<_> = fam.known.iter().filter(|k| k.shape == sh).collect();
    if same.is_empty() {
        return None;
    }
    if same.iter().any(|k| k.version > v) {
        return Some(None);
    }
    let newest = same
        .iter()
        .filter(|k| !a.facts.products[k.product].secondary)
        .max_by_key(|k| k.version)?;
    let p = &a.facts.products[newest.product];
    let first = p
        .announced
        .as_ref()
        .or(p.released.as_ref())
        .map(|d| d.date.start)?;
    (day? < first).then_some(Some(newest.product))
}

/// Events named by their amount before they happened: the amount fits exactly one
/// event of the claim's entities, a cue of that event is in the claim, the event's
/// date is after the day, and no other fact the claim may mean fits the amount.
fn event_anachronisms(a: &Analysis<'_>, ci: usize, day: Date, out: &mut Vec<TimeVerdict>) {
    let claim = &a.claims[ci];
    if claim.entities.is_empty() || claim.values.is_empty() {
        return;
    }
    let facts = a.facts;
    let cands = claim.candidates(facts);
    // Only events after the day can be named too early.
    let later: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&f| match &facts.facts[f].kind {
            FactKind::Event {
                date,
                amount: Some(_),
                ..
            } => day < date.start,
            _ => false,
        })
        .collect();
    if later.is_empty() {
        return;
    }
    for (vi, v) in claim.values.iter().enumerate() {
        if matches!(v.value, Value::Date(_))
            || !later.iter().any(|&f| {
                facts.facts[f]
                    .amount()
                    .is_some_and(|am| fits(&v.value, &am.value))
            })
            || excluded(claim, v)
        {
            continue;
        }
        let named: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&f| {
                facts.facts[f]
                    .amount()
                    .is_some_and(|am| fits(&v.value, &am.value))
                    && claim.cues.iter().any(|c| {
                        facts.names.cue_of(c.cue, f)
                            && !super::cue_words::comparative(&claim.text, c.pos.end)
                    })
            })
            .collect();
        let [e] = named[..] else { continue };
        let FactKind::Event { date, .. } = &facts.facts[e].kind else {
            continue;
        };
        if day >= date.start {
            continue;
        }
        let other_fits = cands.iter().any(|&f| {
            f != e
                && values_during(&facts.facts[f], None)
                    .iter()
                    .any(|fv| fits_loosely(&v.value, fv))
        });
        if !other_fits {
            out.push(TimeVerdict::EventAnachronism {
                claim: ci,
                value: vi,
                fact: e,
                day,
            });
        }
    }
}

/// The day that matters for each claim: the article's date, or an update note's.
pub(crate) fn claim_days(a: &Analysis<'_>) -> Vec<Option<Date>> {
    let notes = note_blocks(a);
    a.claims
        .iter()
        .map(
            |c| match block_of(a, c).and_then(|b| notes.get(b).copied().flatten()) {
                Some(note_day) => note_day,
                None => a.article_date,
            },
        )
        .collect()
}

/// The block a claim stands in (a table row: its first cell).
fn block_of(a: &Analysis<'_>, c: &Claim) -> Option<usize> {
    match c.kind {
        ClaimKind::Sentence { block } => Some(block),
        ClaimKind::Row { table, row } => a
            .doc
            .tables
            .get(table)?
            .rows
            .get(row.checked_sub(1)?)?
            .iter()
            .copied()
            .find(|&b| b < a.doc.blocks.len()),
    }
}

/// For each block: `None` outside update notes; `Some(day)` inside one, with the
/// note's day if it has one.
fn note_blocks(a: &Analysis<'_>) -> Vec<Option<Option<Date>>> {
    let updated = a.doc.front_matter.as_ref().and_then(|f| f.updated);
    let mut section: Option<(u8, Option<Date>)> = None;
    let mut out = Vec::with_capacity(a.doc.blocks.len());
    for b in &a.doc.blocks {
        let note = match b.kind {
            BlockKind::Heading(level) => {
                if section.is_some_and(|(l, _)| level <= l) {
                    section = None;
                }
                if update_note(&b.text) {
                    section = Some((level, date_in(&b.text).or(updated)));
                }
                section.map(|(_, d)| d)
            }
            _ => match section {
                Some((_, d)) => Some(d),
                None if update_note(&b.text) => Some(date_in(&b.text).or(updated)),
                None => None,
            },
        };
        out.push(note);
    }
    out
}

/// True when a block opens an update note. The pattern is anchored at the start and
/// skips only non-word characters before its words (at most 40 bytes long), so it
/// reads no further than 64 bytes past the first ASCII letter: only that much of the
/// text is looked at (the ASCII-or-Unicode choice of [`WordRegex`] scans what it is
/// given).
fn update_note(text: &str) -> bool {
    let first_letter = text.bytes().position(|b| b.is_ascii_alphabetic());
    // Most blocks are ruled out by their first word's first letter: when only ASCII
    // bytes that are no word characters stand before it, the pattern's words start
    // there, and they start with one of these letters (a test checks the list
    // against the pattern).
    if let Some(i) = first_letter
        && text.as_bytes()[..i]
            .iter()
            .all(|&b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'_')
        && !UPDATE_NOTE_FIRST_LETTERS.contains(&text.as_bytes()[i].to_ascii_lowercase())
    {
        return false;
    }
    let head = match first_letter {
        Some(i) => &text[..text.floor_char_boundary((i + 64).min(text.len()))],
        None => text,
    };
    UPDATE_NOTE.is_match(head)
}

/// The first letters of the words [`UPDATE_NOTE`] opens with.
const UPDATE_NOTE_FIRST_LETTERS: &[u8] = b"uepalws";

/// The last day of the first date near the start of a note ("Update, March 2025:").
fn date_in(text: &str) -> Option<Date> {
    let head = &text[..text.floor_char_boundary(text.len().min(60))];
    crate::recognize::recognize(head)
        .into_iter()
        .find_map(|m| match m.value {
            Value::Date(d) => Some(d.last_day()),
            _ => None,
        })
}

/// For each claim, the line-ups it lists: a sentence that names the line-up's entities
/// with a line-up word ("Bedrock offers …"); a table row or list item under an
/// introduction that does ("The Claude line-up on Bedrock includes:").
fn lineup_listings(a: &Analysis<'_>) -> Vec<Vec<usize>> {
    let lineups = &a.facts.lineups;
    let mut out = vec![Vec::new(); a.claims.len()];
    if lineups.is_empty() {
        return out;
    }
    // Which line-ups a block introduces or lists, from its sentences.
    let mut by_block: Vec<Vec<usize>> = vec![Vec::new(); a.doc.blocks.len()];
    for (ci, c) in a.claims.iter().enumerate() {
        let ClaimKind::Sentence { block } = c.kind else {
            continue;
        };
        let names_one = lineups
            .iter()
            .any(|l| l.entities.iter().all(|e| c.own_entities.contains(e)));
        if !names_one || !LINEUP_CUE.is_match(&c.text) {
            continue;
        }
        for (li, l) in lineups.iter().enumerate() {
            if l.entities.iter().all(|e| c.own_entities.contains(e)) {
                out[ci].push(li);
                if let Some(v) = by_block.get_mut(block)
                    && !v.contains(&li)
                {
                    v.push(li);
                }
            }
        }
    }
    // Tables introduced by the block before them.
    for (ci, c) in a.claims.iter().enumerate() {
        let ClaimKind::Row { table, .. } = c.kind else {
            continue;
        };
        let Some(t) = a.doc.tables.get(table) else {
            continue;
        };
        if let Some(intro) = t.first_block.checked_sub(1) {
            out[ci].extend(by_block[intro].iter().copied());
        }
    }
    // List items after a paragraph that ends with a colon.
    let mut intro: Vec<usize> = Vec::new();
    let mut item_lineups: Vec<Vec<usize>> = vec![Vec::new(); a.doc.blocks.len()];
    for (bi, b) in a.doc.blocks.iter().enumerate() {
        if b.list_item {
            item_lineups[bi] = intro.clone();
        } else if matches!(b.kind, BlockKind::Paragraph) && b.text.trim_end().ends_with(':') {
            intro = by_block[bi].clone();
        } else if !matches!(b.kind, BlockKind::TableCell { .. }) {
            intro.clear();
        }
    }
    for (ci, c) in a.claims.iter().enumerate() {
        if let ClaimKind::Sentence { block } = c.kind {
            for &l in &item_lineups[block] {
                if !out[ci].contains(&l) {
                    out[ci].push(l);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{UPDATE_NOTE, update_note};

    #[test]
    fn the_first_letter_test_misses_no_update_note() {
        // One text for each alternative of the pattern, after each kind of lead-in.
        let openings = [
            "Update: the deal closed",
            "UPDATED, March 2025 — the deal closed",
            "Updates",
            "Editor's note: corrected",
            "editors note",
            "Postscript",
            "Addendum",
            "Later developments",
            "What came later",
            "What came next",
            "Since publication",
            "Since then",
            "Since this story was published",
        ];
        for o in openings {
            for lead in ["", "**", "> ", "— ", "1. ", "_", "É ", "ſ"] {
                let t = format!("{lead}{o}");
                assert_eq!(update_note(&t), UPDATE_NOTE.is_match(&t), "{t}");
            }
            assert!(update_note(o), "{o}");
        }
        // Every first letter, with and without a lead-in: the quick test and the
        // pattern agree.
        for c in ('a'..='z').chain('A'..='Z') {
            for rest in [
                "pdate: x",
                "ditor's note",
                "ince then",
                "ostscript",
                "ddendum",
            ] {
                for lead in ["", "## ", "*", "9 "] {
                    let t = format!("{lead}{c}{rest}");
                    let head = &t[..t.floor_char_boundary(t.len().min(80))];
                    assert_eq!(update_note(&t), UPDATE_NOTE.is_match(head), "{t}");
                }
            }
        }
    }
}
