//! Whose amount it is: the recipient's own funding, valuation or revenue, or one
//! backer's investment in it.
//!
//! "Anthropic's total funding stands at $7.3 billion, with Amazon its largest backer"
//! names both parties of the Amazon–Anthropic investment, but the amount is what
//! Anthropic raised from everyone: a quantity of the recipient alone, which a fact
//! about one backer's stake must not be compared with. The amount is the recipient's
//! when a word of the recipient's side (raised, funding, revenue) stands
//! before it in its clause, the nearest name before that word is the recipient, no
//! backer is named between the word and the amount, and no "from" or "by" ties the
//! amount to a backer right after it ("raised $4 billion from Amazon" is the pair's).

use std::sync::LazyLock;

use crate::base::word_regex::WordRegex;
use crate::facts::Fact;

use super::{Claim, ValueItem};

/// Words that make an amount the recipient's own: what it raised from all sources,
/// what it earns. (A valuation is compared with rounds' valuations only: see
/// `super::valuation`.)
static RECIPIENT_SIDE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:raised|raising|raises|raise|fund-?raising|funding|financing|capital|secured|amassed|revenues?|sales)\b")
        .expect("constant regex")
});

/// "raised its stake to $8 billion": the backer's verb, not the recipient's.
static BACKER_RAISE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\s+(?:its|their|the)\s+(?:\w+\s+){0,2}(?:stake|investment|total|backing|commitment|holding)s?\b")
        .expect("constant regex")
});

/// Between an amount and a backer's name after it: the backer is its source.
static FROM_BACKER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^[^,;.]{0,24}\b(?:from|by|led by)\s+(?:\S+\s+)?$").expect("constant regex")
});

/// True when `v` is an amount of the recipient of `fact` (an investment between two
/// or more entities, the recipient named last) alone, not of the investment.
pub(super) fn recipients_own(claim: &Claim, v: &ValueItem, fact: &Fact) -> bool {
    let Some((&recipient, backers)) = fact.entities.split_last() else {
        return false;
    };
    if backers.is_empty() || v.col.is_some() {
        return false;
    }
    let text = &claim.text;
    // The amount's clause, back to the previous amount or a clause break.
    let previous = claim
        .values
        .iter()
        .filter(|x| x.pos.end <= v.pos.start && x.value.quantity().is_some())
        .map(|x| x.pos.end)
        .max()
        .unwrap_or(0);
    let Some(left) = text.get(previous..v.pos.start) else {
        return false;
    };
    let start = previous + left.rfind([';', ':', '.']).map_or(0, |i| i + 1);
    let Some(left) = text.get(start..v.pos.start) else {
        return false;
    };
    let Some(word) = RECIPIENT_SIDE.for_text(left).find_iter(left).last() else {
        return false;
    };
    let (w_start, w_end) = (start + word.start(), start + word.end());
    if text
        .get(w_end..v.pos.start)
        .is_some_and(|t| BACKER_RAISE.is_match(t))
    {
        return false;
    }
    let nearest_before = claim
        .entity_pos
        .iter()
        .filter(|(_, p)| p.start >= start && p.end <= w_start)
        .max_by_key(|(_, p)| p.end);
    if nearest_before.is_none_or(|(e, _)| *e != recipient) {
        return false;
    }
    if claim
        .entity_pos
        .iter()
        .any(|(e, p)| backers.contains(e) && p.start >= w_end && p.end <= v.pos.start)
    {
        return false;
    }
    // "raised $4 billion from Amazon": the backer is the source.
    !claim.entity_pos.iter().any(|(e, p)| {
        backers.contains(e)
            && p.start >= v.pos.end
            && text
                .get(v.pos.end..p.start)
                .is_some_and(|gap| FROM_BACKER.is_match(gap))
    })
}

/// Words of a company's own finances: an amount they govern is no investment and no
/// round ("AWS revenue rose to $25 billion", "its capital spending of $75 billion").
static FINANCES: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:revenues?|sales|profits?|income|losses|earnings|capex|capital expenditures?|spending|spends?|spent|market (?:cap|capitalization|value)|cash|run-rate|turnover|bookings|backlog)\b")
        .expect("constant regex")
});

/// Investment words: between a finances word and the amount, they make the amount an
/// investment again ("revenue from its $4 billion investment").
static INVESTMENT_WORD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:invest\w*|stake|tranche|round|funding|backing|commitment)\b")
        .expect("constant regex")
});

/// True when `v` is an amount of a company's own finances (revenue, spending, profit):
/// a finances word stands before it in its clause, within 50 bytes, with no investment
/// word between them.
pub(super) fn company_finances(claim: &Claim, v: &ValueItem) -> bool {
    if v.col.is_some() {
        return false;
    }
    let text = &claim.text;
    let from = text.floor_char_boundary(v.pos.start.saturating_sub(50));
    let Some(left) = text.get(from..v.pos.start) else {
        return false;
    };
    let left = &left[left.rfind([';', ':', '.', ',']).map_or(0, |i| i + 1)..];
    let Some(word) = FINANCES.for_text(left).find_iter(left).last() else {
        return false;
    };
    !INVESTMENT_WORD.is_match(&left[word.end()..])
}
