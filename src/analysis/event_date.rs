//! A date bound to an event by a noun phrase, with no amount to name the event
//! (issue 23, class 3).
//!
//! - "Google's October 2022 deal with Anthropic", "the 2019 first investment",
//!   "Microsoft's first investment was in 2017", "the retailer's second tranche, in
//!   March 2023": the date modifies an event noun ("deal", "investment", "tranche",
//!   …). The event is the one the noun phrase's ordinal names ("first", "second",
//!   "latest"), or the one its cue words name ("commitment"), or, with neither, the
//!   pair's only event (all its events up to the article's date share one date).
//! - "The deal, signed on November 12, 2024, lifted Amazon's total investment to $8
//!   billion": the date of the appositive dates the event that brought the total to
//!   the stated value, the day that value began.
//!
//! Precision first: only events between two named parties are read (a company's
//! rounds are many, and the base knows only some); nothing is said when any event of
//! the pair falls on the stated date, when the words name no single event, or when
//! the claim is a forecast.

use std::sync::LazyLock;

use crate::base::value::{DateValue, Value};
use crate::base::word_regex::WordRegex;
use crate::facts::FactKind;

use super::{Analysis, Claim, Verdict, excluded, fits};

/// The nouns of an event of money between two parties.
const EVENT_NOUNS: &str = r"deals?|investments?|tranches?|commitments?|agreements?|infusions?|injections?|pledges?|stakes?|fundings?|financings?|rounds?";

/// A date right before its event noun, at most two words between ("October 2022
/// deal", "2019 first investment", "March 2024 cash infusion").
static NOUN_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)^(?:'s|’s)?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?(?P<noun>{EVENT_NOUNS})\b"
    ))
    .expect("constant regex")
});

/// An event noun right before its date: "the deal, signed in October 2022,", "the
/// second tranche, in March 2023", "the first investment in OpenAI was in 2017", "the
/// deal of October 2022".
static NOUN_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)\b(?P<noun>{EVENT_NOUNS})(?:[ \t]+(?:in|into|with|of|from)[ \t]+(?-i:[A-Z])[\w.&-]*)?,?[ \t]+(?:(?:which[ \t]+)?(?:was|were|is|came|happened|took[ \t]+place)[ \t]+)?(?:(?:first[ \t]+)?(?:signed|agreed|announced|struck|closed|made|completed|reached|unveiled|finalized|finalised)[ \t]+)?(?:in|on|of|from)[ \t]+$"
    ))
    .expect("constant regex")
});

/// The ordinal or marker in an event's noun phrase (the words before the noun).
static ORDINAL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?P<first>first|initial|original|earliest|maiden)|(?P<second>second)|(?P<third>third)|(?P<fourth>fourth)|(?P<latest>latest|most[ \t]+recent|newest))\b",
    )
    .expect("constant regex")
});

/// Words in the noun phrase that make the event relative to another (which the
/// paragraph, not the article's date, decides): "an additional deal", "another".
static RELATIVE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:additional|another|fresh|further|next|previous|prior|earlier|later|new|proposed|planned|possible|potential|rumou?red)\b")
        .expect("constant regex")
});

/// Which event of the pair the noun phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    /// The n-th date of the pair's events (0 is the first).
    Nth(usize),
    /// The newest as of the article's date.
    Latest,
    /// No ordinal: by cue words, or the pair's only date.
    Any,
}

/// The noun phrase a date binds to: the words before the noun (for its ordinal), or
/// none when the date modifies no event noun.
fn noun_phrase(text: &str, pos: &std::ops::Range<usize>) -> Option<(usize, usize)> {
    let after = text.get(pos.end..)?;
    let after = &after[..after.floor_char_boundary(after.len().min(48))];
    if let Some(c) = NOUN_AFTER.for_text(after).captures(after) {
        let noun = c.name("noun")?;
        // The phrase: from the clause's start before the date to the noun.
        return Some((clause_start(text, pos.start), pos.end + noun.start()));
    }
    let from = text.floor_char_boundary(pos.start.saturating_sub(96));
    let before = text.get(from..pos.start)?;
    let c = NOUN_BEFORE.for_text(before).captures(before)?;
    let noun = c.name("noun")?;
    let at = from + noun.start();
    Some((clause_start(text, at), at))
}

/// The start of the clause that holds `at`: after the last comma, semicolon, colon,
/// dash or parenthesis before it (the sentence's start at most).
fn clause_start(text: &str, at: usize) -> usize {
    let before = &text[..text.floor_char_boundary(at)];
    let from = before.floor_char_boundary(before.len().saturating_sub(48));
    before[from..]
        .rfind([',', ';', ':', '(', '—', '–'])
        .map_or(from, |i| from + i + 1)
}

/// What the words before the noun pick.
fn pick(words: &str) -> Option<Pick> {
    if RELATIVE.is_match(words) {
        return None;
    }
    let Some(c) = ORDINAL.for_text(words).captures(words) else {
        return Some(Pick::Any);
    };
    Some(if c.name("first").is_some() {
        Pick::Nth(0)
    } else if c.name("second").is_some() {
        Pick::Nth(1)
    } else if c.name("third").is_some() {
        Pick::Nth(2)
    } else if c.name("fourth").is_some() {
        Pick::Nth(3)
    } else {
        Pick::Latest
    })
}

/// The events of the pair the claim names, up to the article's date, in date order.
fn pair_events(a: &Analysis<'_>, claim: &Claim, cands: &[usize]) -> Vec<(usize, DateValue)> {
    let mut out: Vec<(usize, DateValue)> = cands
        .iter()
        .filter_map(|&f| {
            let fact = &a.facts.facts[f];
            let FactKind::Event { date, .. } = &fact.kind else {
                return None;
            };
            // Both parties named (or in reach): an event of the pair.
            (fact.entities.len() >= 2
                && fact.entities.iter().all(|e| claim.entities.contains(e))
                && a.article_date.is_none_or(|day| date.start <= day))
            .then_some((f, *date))
        })
        .collect();
    out.sort_by_key(|(f, d)| (d.start, *f));
    out
}

/// The date check for a date in an event's noun phrase, in a claim with no amount of
/// money ("Google's October 2022 deal with Anthropic was a convertible note").
pub(super) fn noun_date(
    a: &Analysis<'_>,
    ci: usize,
    di: usize,
    cands: &[usize],
) -> Option<Verdict> {
    let claim = &a.claims[ci];
    if claim
        .values
        .iter()
        .any(|v| matches!(v.value, Value::Money { .. }))
    {
        return None;
    }
    let date = &claim.values[di];
    let Value::Date(d) = date.value else {
        return None;
    };
    if excluded(claim, date) || date.col.is_some() {
        return None;
    }
    let (phrase_start, noun_at) = noun_phrase(&claim.text, &date.pos)?;
    let words = claim.text.get(phrase_start..noun_at)?;
    let order = pick(words)?;
    let events = pair_events(a, claim, cands);
    // A stated date that any event of the pair falls on: the writer may mean it.
    if events.iter().any(|(_, e)| e.overlaps(&d)) {
        if let [(f, _)] = events
            .iter()
            .filter(|(_, e)| e.overlaps(&d))
            .collect::<Vec<_>>()[..]
        {
            a.note_agrees(ci, di, *f);
        }
        return None;
    }
    // The distinct dates of the pair's events, in order.
    let mut days: Vec<DateValue> = Vec::new();
    for (_, e) in &events {
        if !days.iter().any(|x| x == e) {
            days.push(*e);
        }
    }
    let meant = match order {
        Pick::Nth(n) => *days.get(n)?,
        Pick::Latest => *days.last()?,
        Pick::Any => {
            // The cue words of the claim name some of the pair's events; else all.
            let cued: Vec<DateValue> = events
                .iter()
                .filter(|(f, _)| claim.cues.iter().any(|c| a.facts.names.cue_of(c.cue, *f)))
                .map(|(_, e)| *e)
                .collect();
            let pool = if cued.is_empty() { days.clone() } else { cued };
            match pool[..] {
                [one, ref rest @ ..] if rest.iter().all(|x| *x == one) => one,
                _ => return None,
            }
        }
    };
    // The fact to name: of the events on that date, the one the cues name, else the
    // first written (a commitment before the tranches that make it up).
    let on_day: Vec<usize> = events
        .iter()
        .filter(|(_, e)| *e == meant)
        .map(|(f, _)| *f)
        .collect();
    let fact = on_day
        .iter()
        .copied()
        .find(|&f| claim.cues.iter().any(|c| a.facts.names.cue_of(c.cue, f)))
        .or_else(|| on_day.first().copied())?;
    Some(Verdict::DateMismatch {
        claim: ci,
        value: di,
        fact,
        anchor: None,
        other: None,
    })
}

/// "The deal, signed on November 12, 2024, lifted Amazon's total investment to $8
/// billion": the date in an appositive of the event noun dates the event that brought
/// the pair's total to the stated value. Compared with the day that value began; the
/// finding names the event of that day.
pub(super) fn step_date(
    a: &Analysis<'_>,
    ci: usize,
    di: usize,
    cands: &[usize],
) -> Option<Verdict> {
    static APPOSITIVE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(&format!(
            r"(?i)\b(?:{EVENT_NOUNS}),[ \t]*(?:which[ \t]+was[ \t]+)?(?:first[ \t]+)?\w+ed[ \t]+(?:on|in)?[ \t]*$"
        ))
        .expect("constant regex")
    });
    static TO_TOTAL: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)^,[^,;.]{0,60}\b(?:lift(?:s|ed)?|rais(?:es|ed)|brought|brings?|took|takes|pushed|pushes|increased|increases)\b[^,;.]{0,60}\bto[ \t]+$")
            .expect("constant regex")
    });
    let claim = &a.claims[ci];
    let date = &claim.values[di];
    let Value::Date(d) = date.value else {
        return None;
    };
    if excluded(claim, date) || date.col.is_some() {
        return None;
    }
    let before = &claim.text[..claim.text.floor_char_boundary(date.pos.start)];
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(60))..];
    if !APPOSITIVE.is_match(before) {
        return None;
    }
    // The amount right after "… to": the total the event led to.
    let (vi, v) = claim
        .values
        .iter()
        .enumerate()
        .skip(di + 1)
        .find(|(_, x)| matches!(x.value, Value::Money { .. }))?;
    let between = claim.text.get(date.pos.end..v.pos.start)?;
    if !TO_TOTAL.is_match(between) || !super::statements::is_total(claim, vi) {
        return None;
    }
    let events = pair_events(a, claim, cands);
    // The pair's total that the value is one of, and the day that value began.
    let mut steps = cands.iter().filter_map(|&f| {
        let fact = &a.facts.facts[f];
        let FactKind::Quantity { values } = &fact.kind else {
            return None;
        };
        if fact.entities.len() < 2 || !fact.entities.iter().all(|e| claim.entities.contains(e)) {
            return None;
        }
        let t = values.iter().find(|t| fits(&v.value, &t.stated.value))?;
        Some(t.from)
    });
    let from = steps.next()?;
    if steps.next().is_some() {
        return None;
    }
    if d.contains(from) {
        return None;
    }
    let [fact] = events
        .iter()
        .filter(|(_, e)| e.contains(from) && e.start == from)
        .filter(|(f, _)| a.facts.facts[*f].amount().is_some())
        .filter(|(f, _)| !a.facts.facts[*f].is_bound())
        .map(|(f, _)| *f)
        .collect::<Vec<_>>()[..]
    else {
        return None;
    };
    Some(Verdict::DateMismatch {
        claim: ci,
        value: di,
        fact,
        anchor: None,
        other: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(text: &str, date: &str) -> Option<String> {
        let at = text.find(date)?;
        let (s, e) = noun_phrase(text, &(at..at + date.len()))?;
        Some(text[s..e].to_string())
    }

    #[test]
    fn a_date_binds_to_the_event_noun_it_modifies() {
        assert_eq!(
            phrase(
                "Google's October 2022 deal with Anthropic was a note.",
                "October 2022"
            )
            .as_deref(),
            Some("Google's October 2022 ")
        );
        assert!(phrase("Microsoft's first investment was in 2017.", "2017").is_some());
        assert!(
            phrase(
                "The retailer's second tranche, in March 2023, was small.",
                "March 2023"
            )
            .is_some()
        );
        assert!(phrase("The deal, signed in May 2023, gave AWS a role.", "May 2023").is_some());
    }

    #[test]
    fn a_date_of_something_else_binds_to_no_event_noun() {
        // The date of a partnership, of a report, of a product.
        assert!(phrase("The two have worked together since 2019.", "2019").is_none());
        assert!(phrase("In October 2022 the company hired staff.", "October 2022").is_none());
        assert!(phrase("A 2024 filing says the deal is done.", "2024").is_none());
    }

    #[test]
    fn ordinals_pick_an_event_and_relative_markers_pick_none() {
        assert_eq!(pick("Microsoft's first "), Some(Pick::Nth(0)));
        assert_eq!(pick("the retailer's second "), Some(Pick::Nth(1)));
        assert_eq!(pick("Amazon's latest "), Some(Pick::Latest));
        assert_eq!(pick("Google's "), Some(Pick::Any));
        // "another deal" is relative to the paragraph; a planned deal is not made.
        assert_eq!(pick("another "), None);
        assert_eq!(pick("a planned "), None);
    }
}
