//! Discourse reference to one event of a pair of entities: the words in an amount's
//! noun phrase that pick which tranche it is (issue 23, class 4).
//!
//! - "Amazon's latest $4 billion infusion", "its most recent investment of $4
//!   billion": the newest event of the pair as of the article's date.
//! - "an additional / another / a fresh / a further $2 billion": the event after the
//!   one the paragraph last named (by its amount or its date), or with none named
//!   before, the newest as of the article's date.
//! - "its initial $1.25 billion", "Amazon first invested $1.25 billion": the earliest.
//! - "its second tranche of $2.75 billion", "the third investment": the n-th event of
//!   the pair, in date order (none when two events share the n-th day).
//! - The marker may stand in the subject of a copula whose complement is the amount:
//!   "Amazon's latest investment in the Claude maker was $4 billion", "the second
//!   tranche was $2.75 billion".
//!
//! A marker names one tranche, not the running total: the total that happened to be
//! that amount does not excuse a tranche that was another. Where the stated amount is
//! another event's amount, the writer may have the marker or the amount wrong: for
//! "latest" (a statement about the present) this is reported without a certain fix;
//! for "additional" and "initial", which a narrative uses relative to its own time,
//! nothing is said. An ordinal ("second") counts from the first event, so it is
//! reported as "latest" is. A cap ("up to $4 billion", a commitment) the amount fits is
//! another reading of "the first $4 billion": nothing is said either.

use std::sync::LazyLock;

use jiff::civil::Date;

use crate::base::value::Value;
use crate::base::word_regex::WordRegex;
use crate::facts::{FactBase, FactKind};

use super::{Analysis, ClaimKind, ValueItem, fits, fits_loosely, pinned_date};

/// Which event of the pair a marker names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// "latest", "most recent", "newest": the newest as of the article's date.
    Latest,
    /// "additional", "another", "a fresh", "a further": the next after the one named
    /// before.
    Next,
    /// "initial", "first", "original": the earliest.
    Earliest,
    /// "second", "third", "fourth": the n-th (counted from 1) in date order.
    Nth(usize),
}

/// A marker before the amount, in its noun phrase: at most two words between, none of
/// them a number.
static BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?P<latest>latest|most[ \t]+recent|newest)|(?P<next>an[ \t]+additional|additional|another|a[ \t]+fresh|a[ \t]+further|further)|(?P<first>initial|initially|first|original|originally))(?:[ \t]+[A-Za-z][\w'’-]*){0,2}[ \t]+$",
    )
    .expect("constant regex")
});

/// A marker in the subject of a copula whose complement is the amount: a possessive
/// or a determiner ("Amazon's", "the", "its": not "the second and third"), the marker,
/// at most one word, an event's noun, an optional "in/into/of" and up to four words
/// (the other party), and the verb ("was", "is", "came to", "amounted to", "totaled"),
/// with an optional hedge: "Amazon's latest investment in the Claude maker was ".
static SUBJECT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?:['’]s|\bthe|\bits|\btheir|\bhis|\bher)[ \t]+(?:(?P<latest>latest|most[ \t]+recent|newest)|(?P<next>additional|further|fresh)|(?P<first>initial|first|original)|(?P<nth>second|third|fourth))[ \t]+(?:[A-Za-z][\w'’-]*[ \t]+)?(?:investments?|tranches?|infusions?|checks?|cheques?|injections?|payments?|installments?|instalments?)[ \t]+(?:(?:in|into|of|for)[ \t]+(?:[\w'’.-]+[ \t]+){1,4})?(?:was|is|came[ \t]+to|amounted[ \t]+to|totaled|totalled|totals)[ \t]+(?:(?:about|around|roughly|nearly|almost|just|some|over|more[ \t]+than|less[ \t]+than|under)[ \t]+)?$",
    )
    .expect("constant regex")
});

/// [`SUBJECT`] with the amount in apposition instead of after a verb: "Google's
/// latest investment in Anthropic, about $2 billion, came in January".
static APPOSED: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?:['’]s|\bthe|\bits|\btheir|\bhis|\bher)[ \t]+(?:(?P<latest>latest|most[ \t]+recent|newest)|(?P<next>additional|further|fresh)|(?P<first>initial|first|original)|(?P<nth>second|third|fourth))[ \t]+(?:[A-Za-z][\w'’-]*[ \t]+)?(?:investments?|tranches?|infusions?|checks?|cheques?|injections?|payments?|installments?|instalments?)(?:[ \t]+(?:in|into|of|for)(?:[ \t]+[\w'’.-]+){1,4})?[ \t]*,[ \t]*(?:(?:about|around|roughly|nearly|almost|just|some)[ \t]+)?$",
    )
    .expect("constant regex")
});

/// An ordinal after a possessive or a determiner, right before the amount or its
/// event's noun and "of": "the second $2.75
/// billion tranche", "its third tranche of $4 billion". An ordinal further from the
/// amount is as often part of a sum or a sequence ("the second and third tranches").
static NTH_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?:['’]s|\bthe|\bits|\btheir)[ \t]+(?P<nth>second|third|fourth)[ \t]+(?:(?:investment|tranche|infusion|check|cheque|injection|payment|installment|instalment)[ \t]+of[ \t]+)?(?:(?:about|around|roughly|nearly|almost|just|some)[ \t]+)?$",
    )
    .expect("constant regex")
});

/// The order a match of [`BEFORE`] or [`SUBJECT`] names.
fn order_of(c: &regex::Captures<'_>) -> Order {
    if c.name("latest").is_some() {
        return Order::Latest;
    }
    if c.name("next").is_some() {
        return Order::Next;
    }
    if let Some(m) = c.name("nth") {
        let n = match m.as_str().to_ascii_lowercase().as_str() {
            "second" => 2,
            "third" => 3,
            _ => 4,
        };
        return Order::Nth(n);
    }
    Order::Earliest
}

/// A marker right after the amount: "$2 billion in additional funding".
static AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^[ \t]+(?:in|of)[ \t]+(?:additional|fresh|further|new)[ \t]+(?:funding|investment|capital|money)\b")
        .expect("constant regex")
});

/// Words between a marker and the amount that make the amount something else than
/// the marked event's ("the first lab to receive", "first time", "than").
static NOT_OF_EVENT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:than|time|times|to|total|totals|cumulative|lab|company|startup|start-up|quarter|half|year|week|month|day)\b")
        .expect("constant regex")
});

/// The marker of a value, if one stands in its noun phrase.
pub(crate) fn marker(text: &str, v: &ValueItem) -> Option<Order> {
    if !matches!(v.value, Value::Money { .. }) || v.col.is_some() {
        return None;
    }
    let from = text.floor_char_boundary(v.pos.start.saturating_sub(48));
    let before = text.get(from..v.pos.start)?;
    // The clause of the value: from its last break.
    let start = before
        .rfind([',', ';', ':', '(', '—', '–', '.'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = before.get(start..)?;
    if let Some(c) = BEFORE.for_text(clause).captures(clause) {
        let whole = c.get(0)?;
        let tail = &clause[whole.start()..];
        let marker_end = ["latest", "next", "first"]
            .iter()
            .find_map(|g| c.name(g))
            .map_or(0, |m| m.end() - whole.start());
        if !NOT_OF_EVENT
            .for_text(&tail[marker_end..])
            .is_match(&tail[marker_end..])
        {
            return Some(order_of(&c));
        }
    }
    if let Some(c) = NTH_BEFORE.for_text(clause).captures(clause) {
        return Some(order_of(&c));
    }
    // The subject of a copula reaches further back than a noun phrase: the clause
    // from the last break in the 96 bytes before the value.
    let wide = text.floor_char_boundary(v.pos.start.saturating_sub(96));
    let wide = text.get(wide..v.pos.start)?;
    let start = wide
        .rfind([',', ';', ':', '(', '—', '–', '.'])
        .map_or(0, |i| {
            i + wide[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = wide.get(start..)?;
    if let Some(c) = SUBJECT.for_text(clause).captures(clause) {
        return Some(order_of(&c));
    }
    // The amount in apposition: the noun phrase is the clause before the comma.
    if start > 0 && wide[..start].ends_with(',') {
        let head = &wide[..start - 1];
        let from = head
            .rfind([',', ';', ':', '(', '—', '–', '.'])
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let apposed = &wide[from..];
        if let Some(c) = APPOSED.for_text(apposed).captures(apposed) {
            return Some(order_of(&c));
        }
    }
    let after = text.get(v.pos.end..)?;
    let after = &after[..after.floor_char_boundary(after.len().min(48))];
    AFTER.for_text(after).is_match(after).then_some(Order::Next)
}

/// What a marker decides about a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Picked {
    /// The value is the named event's amount.
    Agrees {
        /// Fact index.
        fact: usize,
    },
    /// The value is not the named event's amount; `other` is another event whose
    /// amount it is (then either may be wrong).
    Contradicts {
        /// Fact index.
        fact: usize,
        /// Another event of the pair that the value fits.
        other: Option<usize>,
    },
    /// Nothing is said.
    Silent,
}

/// The events of money of the pair the value is about (the facts of `kinded`), in
/// date order, that are no caps and happened by the article's date.
fn events_of(facts: &FactBase, kinded: &[usize], day: Option<Date>) -> Vec<(Date, usize)> {
    let mut out: Vec<(Date, usize)> = kinded
        .iter()
        .filter_map(|&f| {
            let fact = &facts.facts[f];
            match &fact.kind {
                FactKind::Event { date, amount, .. }
                    if amount.is_some()
                        && !fact.is_bound()
                        && day.is_none_or(|d| date.start <= d) =>
                {
                    Some((date.start, f))
                }
                _ => None,
            }
        })
        .collect();
    out.sort_unstable();
    out
}

/// The day of the amount named last before the value, in the claim or the claims of
/// its paragraph before it: the date of the one event it is, or the date pinned to it.
fn narrative_day(a: &Analysis<'_>, ci: usize, vi: usize, events: &[(Date, usize)]) -> Option<Date> {
    let claim = &a.claims[ci];
    let block = match claim.kind {
        ClaimKind::Sentence { block } => block,
        ClaimKind::Row { .. } => return None,
    };
    let day_of = |c: usize, j: usize| -> Option<Date> {
        let x = &a.claims[c].values[j];
        if !matches!(x.value, Value::Money { .. }) {
            return None;
        }
        let fitting: Vec<Date> = events
            .iter()
            .filter(|(_, f)| {
                a.facts.facts[*f]
                    .amount()
                    .is_some_and(|am| fits(&x.value, &am.value))
            })
            .map(|(d, _)| *d)
            .collect();
        if let [d] = fitting[..] {
            return Some(d);
        }
        pinned_date(&a.claims[c], j).and_then(|p| match a.claims[c].values[p].value {
            Value::Date(d) => Some(d.start),
            _ => None,
        })
    };
    if let Some(d) = (0..vi).rev().find_map(|j| day_of(ci, j)) {
        return Some(d);
    }
    (0..ci)
        .rev()
        .take_while(|&c| matches!(a.claims[c].kind, ClaimKind::Sentence { block: b } if b == block))
        .find_map(|c| {
            (0..a.claims[c].values.len())
                .rev()
                .find_map(|j| day_of(c, j))
        })
}

/// True when `order` names `fact` among the events of `kinded` (as [`pick`] counts
/// them): a date and a marker that name the same event together.
pub(crate) fn names(a: &Analysis<'_>, order: Order, kinded: &[usize], fact: usize) -> bool {
    let events = events_of(a.facts, kinded, a.article_date);
    let Some(at) = events.iter().position(|(_, f)| *f == fact) else {
        return false;
    };
    // Two events of one day: the marker does not tell them apart.
    if events.iter().filter(|(d, _)| *d == events[at].0).count() > 1 {
        return false;
    }
    match order {
        Order::Earliest => at == 0,
        Order::Nth(n) => at + 1 == n,
        Order::Latest => a.article_date.is_some() && at + 1 == events.len(),
        Order::Next => at > 0,
    }
}

/// The event a marker names, and whether the value is its amount. `kinded` are the
/// facts of the value's kind whose entities the value is about.
pub(crate) fn pick(
    a: &Analysis<'_>,
    ci: usize,
    vi: usize,
    order: Order,
    kinded: &[usize],
) -> Picked {
    let v = &a.claims[ci].values[vi];
    let events = events_of(a.facts, kinded, a.article_date);
    let named = match order {
        Order::Earliest => events.first().copied(),
        Order::Nth(n) => events.get(n.saturating_sub(1)).copied(),
        Order::Latest => a.article_date.and(events.last().copied()),
        Order::Next => match narrative_day(a, ci, vi, &events) {
            Some(day) => events.iter().find(|(d, _)| *d > day).copied(),
            None => a.article_date.and(events.last().copied()),
        },
    };
    let Some((day, fact)) = named else {
        return Picked::Silent;
    };
    // "An additional" investment is never the first.
    if order == Order::Next && events.first().is_some_and(|(_, f)| *f == fact) {
        return Picked::Silent;
    }
    // Two events of one day: the marker does not tell them apart.
    if events.iter().filter(|(d, _)| *d == day).count() > 1 {
        return Picked::Silent;
    }
    let amount_of = |f: usize| a.facts.facts[f].amount().map(|am| &am.value);
    if amount_of(fact).is_some_and(|am| fits(&v.value, am)) {
        return Picked::Agrees { fact };
    }
    // The value may be an event's after the article's date, which a narrative's
    // "additional" may mean: `anachronism` says what is wrong then.
    if order != Order::Latest
        && events_of(a.facts, kinded, None).iter().any(|(d, f)| {
            a.article_date.is_some_and(|day| *d > day)
                && amount_of(*f).is_some_and(|am| fits(&v.value, am))
        })
    {
        return Picked::Silent;
    }
    let other = events
        .iter()
        .map(|(_, f)| *f)
        .find(|&f| f != fact && amount_of(f).is_some_and(|am| fits(&v.value, am)));
    // A cap the amount fits ("the first $4 billion" of an up-to-$4-billion deal).
    let cap = order == Order::Earliest
        && kinded.iter().any(|&f| {
            a.facts.facts[f].is_bound() && amount_of(f).is_some_and(|am| fits_loosely(&v.value, am))
        });
    match order {
        // "latest" and an ordinal count from the article's date and the first event,
        // not from a narrative's time: another event's amount only makes the fix
        // uncertain.
        Order::Latest | Order::Nth(_) if !cap => Picked::Contradicts { fact, other },
        _ if other.is_none() && !cap => Picked::Contradicts { fact, other },
        _ => Picked::Silent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::value::Value;

    fn order_of(text: &str) -> Option<Order> {
        let at = text.find('$').expect("an amount");
        let end = text[at..]
            .find(" billion")
            .map_or(text.len(), |i| at + i + 8);
        let v = ValueItem {
            span: at..end,
            pos: at..end,
            value: {
                let (currency, amount) =
                    crate::recognize::parse_money(&text[at..end]).expect("money");
                Value::Money { currency, amount }
            },
            bare_year: false,
            of_article_date: false,
            col: None,
        };
        marker(text, &v)
    }

    #[test]
    fn markers_in_the_amounts_noun_phrase() {
        for (text, want) in [
            ("Amazon's latest $4 billion infusion", Order::Latest),
            ("its most recent investment of $4 billion", Order::Latest),
            ("An additional $2 billion investment", Order::Next),
            ("Amazon added another $4 billion", Order::Next),
            ("a further $2 billion came", Order::Next),
            ("Amazon put $2 billion in additional funding", Order::Next),
            ("Amazon's initial $1.25 billion", Order::Earliest),
            ("Amazon first invested $1.25 billion", Order::Earliest),
            ("its second tranche of $2.75 billion", Order::Nth(2)),
            ("the third $4 billion tranche", Order::Nth(3)),
            (
                "Amazon's latest investment in the Claude maker was $4 billion",
                Order::Latest,
            ),
            ("the second tranche was about $2.75 billion", Order::Nth(2)),
            (
                "its initial investment in Anthropic was $1.25 billion",
                Order::Earliest,
            ),
            (
                "Google's latest investment in Anthropic, about $2 billion",
                Order::Latest,
            ),
        ] {
            assert_eq!(order_of(text), Some(want), "{text:?}");
        }
    }

    #[test]
    fn words_that_name_no_tranche() {
        for text in [
            "Amazon invested $4 billion",
            "the first lab to receive $4 billion",
            "for the first time, Amazon invested $4 billion",
            "the latest total is $8 billion",
            "first, Amazon invested $4 billion",
            "Amazon was first. It invested $4 billion",
            "another company raised $2 billion",
            "the second and third tranches came to $6.75 billion",
            "after the second tranche the total was $4 billion",
            "the second quarter was $4 billion",
            "its investment in a second data center was $4 billion",
        ] {
            assert_eq!(order_of(text), None, "{text:?}");
        }
    }
}
