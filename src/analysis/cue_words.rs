//! The word lists that make a stated value no claim about the present: forecasts,
//! conditionals and hearsay, and the words just before a value that make it a value
//! of another time or of something else ("up from", "rather than"). They are in one
//! file so that the lists that must agree are read side by side; each says which
//! check it serves, and the words they share are written once.
//!
//! The lists differ on purpose where their checks differ: attribution reads "will"
//! as a statement (a deal "will bring the total to $8 billion" states the total),
//! while a ratio or a repeated statement in the future tense is no contradiction.

use std::sync::LazyLock;

use regex::Regex;

use crate::base::word_regex::WordRegex;

/// The modal verbs every list has.
const MODALS: &str = "could|might|(?-i:may)|would|should";
/// The words of a condition every list has.
const CONDITIONS: &str = "if|unless|whether";

/// Attribution: a sentence with one of these states no fact (a forecast, a
/// conditional, hearsay), so its values are attributed to none.
pub(crate) static FORECAST: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)\b({MODALS}|expected to|is expected|are expected|projected|forecast|rumou?red|reportedly|plans? to|planning to|aims? to|{CONDITIONS}|estimates?)\b"
    ))
    .expect("constant regex")
});

/// Attribution: a value just after these (and an optional hedge) belongs to another
/// time or is denied ("up from $4 billion", "not $9 billion").
pub(crate) static EXCLUDED_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)(\bup from|\bdown from|\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bnot|\bnor|\brather than|\binstead of|\bexcept|\b(?:ability|option|right|opportunity|chance) to (?:invest|put|commit|add|spend)(?: in \S+)?(?: another| an additional| a further)?)\s*(?:about |around |roughly |nearly |almost |over |more than |less than |up to |just )?$")
        .expect("constant regex")
});

/// Attribution: an amount just after these is a valuation ("valued at $157 billion",
/// "valuing it at", "a valuation of", "post-money", "a stake worth"). Such an amount
/// is compared with no investment's or round's amount, which is never a company's
/// value: a company's valuation is compared with its rounds' valuations only (see
/// `super::valuation`), a stake's worth with nothing. "Worth" alone is not one: "a deal
/// worth $38 billion" states the deal's size.
pub(crate) static VALUATION_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)(\bvalu(?:ed|ing|es)\b[^$€£;]{0,30}?\bat|\bvaluations?(?:\s+(?:of|to|at))?|\b(?:stake|shares|holding|equity)\b[^$€£;]{0,20}?\bworth|\bpost-money|\bpre-money|\bpost-cash)\s*(?:about |around |roughly |nearly |almost |over |more than |less than |up to |just |an? )?$")
        .expect("constant regex")
});

/// Attribution: an amount just before these is a valuation ("a $157 billion
/// valuation", "$61.5 billion post-money").
pub(crate) static VALUATION_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\s*(?:post-money|pre-money|post-cash|valuation|valued)\b")
        .expect("constant regex")
});

/// Statements (self- and corpus-contradiction): words of sentences that state no fact
/// of the present: forecasts, conditionals, hearsay (the first group), and sentences
/// about an earlier time (the second). One regex, so that a sentence is read once for
/// both.
pub(crate) static NOT_PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:({MODALS}|will|won't|expected|expects?|expecting|projected|projects|forecasts?|forecasted|rumou?red|reportedly|plans?|planned|planning|aims?|aiming|targets?|targeting|goal|{CONDITIONS}|estimates?|estimated|predicts?|predicted|hopes?|likely|potentially)|(ago|previously|formerly|originally|initially|at launch|at the time|back then|used to|last (?:year|month|quarter|week|spring|summer|fall|autumn|winter)|earlier this (?:year|month|quarter)|a year earlier|prior to|until|since|had))(?-u:\b)"
    ))
    .expect("constant regex")
});

/// Statements: a value after these words is not what the sentence states. Wider than
/// [`EXCLUDED_BEFORE`] ("than", "no", "without", "excluding"): a statement compares
/// every value of its key, so a compared value must not count as stated.
pub(crate) static STATEMENT_EXCLUDED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)from|(?-u:\b)up from|(?-u:\b)down from|(?-u:\b)compared (?:with|to)|(?-u:\b)versus|(?-u:\b)vs\.?|(?-u:\b)than|(?-u:\b)rather than|(?-u:\b)instead of|(?-u:\b)not|(?-u:\b)nor|(?-u:\b)no|(?-u:\b)except|(?-u:\b)without|(?-u:\b)excluding)\s*$")
        .expect("constant regex")
});

/// `ratio-mismatch`: a sentence (or the sentence before) with one of these states
/// no ratio between present values ("revenue could double").
pub(crate) static RATIO_FORECAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({MODALS}|will|expected|expects?|projected|forecasts?|plans?|aims?|{CONDITIONS})(?-u:\b)"
    ))
    .expect("constant regex")
});

/// After a cue word: a comparative ("more than", "less than"). "more" there is a
/// bound of the value, not the cue "more" of an additional investment.
pub(crate) static COMPARATIVE_AFTER: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"(?i)^\s+than\b").expect("constant regex"));

/// True when the word ending at byte `cue_end` of `text` opens a comparative ("more
/// than $9 billion"): it bounds the value after it and is no cue of an additional
/// investment. Shared by attribution and the anachronism of events, which must agree.
pub(crate) fn comparative(text: &str, cue_end: usize) -> bool {
    text.get(cue_end..)
        .is_some_and(|t| COMPARATIVE_AFTER.is_match(t))
}

/// Just before a date: words that make it the day of a state, not of an event ("by
/// March 2024", "as of June", "through 2025", "until May"): the running total on that
/// day, which no event's date contradicts.
pub(crate) static AS_OF_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:by|as\s+of|as\s+at|through|thru|until|till|up\s+to)\s+(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)\s+|mid-)?$")
        .expect("constant regex")
});

/// Before a value, in its clause: wording of the state on the article's date (the
/// present perfect of investing, "now stands at", "brings its investment to"),
/// which names a running total even without the word "total".
pub(crate) static STATE_NOW: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?:{PRESENT_PERFECT}|{STATE_WORDING}){STATE_HEDGE}$"
    ))
    .expect("constant regex")
});

/// The present perfect of investing ("has invested", "have now put"): the state on
/// the article's date, but also how a recent event is told ("has invested $4 billion"
/// on the day of a $4 billion tranche). Part of [`STATE_NOW`].
const PRESENT_PERFECT: &str = r"\b(?:has|have)\s+(?:now\s+|so far\s+|already\s+|since\s+)?(?:invested|put|poured|pumped|injected|sunk)\b[^.;:]{0,40}";

/// Wording that names the state itself ("now stands at", "totals", "brings its
/// investment to"), never one event. Part of [`STATE_NOW`] and [`STATE_ITSELF`].
const STATE_WORDING: &str = r"\bnow\s+(?:stands?|totals?|amounts?|sits?|comes?)\s+(?:at\s+|to\s+)?|\b(?:totals|amounts to|adds up to|comes to|stands at)\s+|\b(?:brought|brings|bringing|lifted|lifts|lifting|took|takes|taking|raised|raises|raising)\s+(?:its|their|the|his|her)\s+(?:\w+\s+){0,3}(?:investment|stake|total|backing|funding)s?\s+(?:in\s+\S+\s+)?(?:to\s+)?";

/// The present perfect with a word of the state ("has now invested", "have so far
/// put"): the running total on the article's date, which no event's amount excuses.
pub(crate) static PERFECT_OF_STATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:has|have)\s+(?:now|so\s+far|to\s+date|in\s+total|altogether|cumulatively)\s+(?:invested|put|poured|pumped|injected|sunk|committed)\b")
        .expect("constant regex")
});

/// After an amount, in its clause: the span it was summed over ("has invested $10
/// billion in OpenAI since their partnership began", "… since 2019").
pub(crate) static SINCE_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^[^.;:,$€£]{0,40}\b(?:since|over\s+the\s+(?:years|past\s+\w+\s+years)|to\s+date|so\s+far|in\s+all)\b")
        .expect("constant regex")
});

/// A verb of a past event ("raised", "announced", "launched", "came"): a sentence told
/// in the past tense, whose month with no year is not a coming one.
pub(crate) static PAST_TOLD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:raised|closed|announced|launched|released|unveiled|introduced|invested|came|shipped|debuted|signed|secured|completed|led|poured|agreed|added)\b")
        .expect("constant regex")
});

/// True for a cue that is a round's own label ("series e", "series b-2"; cues are kept
/// lowercase): it names one round, where "round" or "raised" name any. Shared by the
/// attribution of amounts and of valuations, which must pick rounds alike.
pub(crate) fn is_round_label(cue: &str) -> bool {
    static LABEL: LazyLock<WordRegex> =
        LazyLock::new(|| WordRegex::new(r"(?i)^series\s+[a-z](?:-?\d)?$").expect("constant regex"));
    LABEL.is_match(cue)
}

/// The hedge a stated state may carry before its amount.
const STATE_HEDGE: &str =
    r"(?:(?:about|around|roughly|nearly|almost|over|more than|less than|up to|just|some)\s+)?";

/// Before a value, in its clause: wording that names the state on the article's date
/// and no event ([`STATE_WORDING`], or an investment that "is now"): "Amazon's stake
/// now stands at", "Amazon's investment in Anthropic is now more than". Unlike the
/// present perfect, an event whose amount the value is does not make it ambiguous.
pub(crate) static STATE_ITSELF: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?:{STATE_WORDING}|\b(?:investment|stake|backing|funding|total)s?\b[^.;:$€£]{{0,40}}?\b(?:is|are)\s+now\s+){STATE_HEDGE}$"
    ))
    .expect("constant regex")
});

/// Between an amount and a date after it: a comma and a participle clause
/// ("$2 billion, completing the commitment it made in 2023"). The date is about the
/// clause's event, so it does not date the amount. "during", "including" and nouns
/// in -ing are no participle of another event.
pub(crate) fn participle_clause(gap: &str) -> bool {
    static CLAUSE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i),\s+(?:\w+ly\s+)?(\w+ing)\b").expect("constant regex")
    });
    const NOT_PARTICIPLES: &[&str] = &[
        "during",
        "including",
        "according",
        "funding",
        "financing",
        "spring",
        "morning",
        "evening",
        "following",
        "pending",
        "beginning",
        "ending",
    ];
    CLAUSE.for_text(gap).captures_iter(gap).any(|c| {
        c.get(1).is_some_and(|w| {
            !NOT_PARTICIPLES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(w.as_str()))
        })
    })
}

/// Just before a date: words that make it the start of a span of time ("since
/// 2019", "ever since early 2023"), not the day of an event.
pub(crate) static SPAN_START_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\bsince\s+(?:(?:early|mid|late|the\s+start\s+of|the\s+end\s+of)\s+|mid-)?$",
    )
    .expect("constant regex")
});

/// Around an amount: several events summed ("five funding deals worth about $7.3
/// billion", "$7.6 billion over 10 rounds", "across three tranches"): a total, not
/// one event.
pub(crate) static SEVERAL_EVENTS_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|various)\s+(?:\w+\s+){0,2}(?:deals|rounds|investments|tranches|financings|raises)\b[^.;:]{0,24}$")
        .expect("constant regex")
});

/// After an amount: see [`SEVERAL_EVENTS_BEFORE`].
pub(crate) static SEVERAL_EVENTS_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^[^.;:]{0,30}\b(?:over|in|across|from|through)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|various)\s+(?:\w+\s+){0,2}(?:deals|rounds|investments|tranches|financings|raises)\b")
        .expect("constant regex")
});

/// Before an amount: the present perfect of raising ("has raised", "have now
/// secured"), a company's funding to date, not one round.
pub(crate) static RAISED_SO_FAR: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:has|have)\s+(?:now\s+|so far\s+|already\s+)?(?:raised|secured|amassed|collected|brought in)\b[^.;:]{0,30}$")
        .expect("constant regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_read_their_words() {
        assert!(FORECAST.is_match("Revenue could reach $5 billion"));
        assert!(!FORECAST.is_match("The deal will bring the total to $8 billion"));
        assert!(RATIO_FORECAST.is_match("Revenue will double"));
        assert!(NOT_PRESENT.is_match("Two years ago it had 50 staff"));
        assert!(EXCLUDED_BEFORE.is_match("up from about "));
        assert!(EXCLUDED_BEFORE.is_match("its option to invest an additional "));
        assert!(!EXCLUDED_BEFORE.is_match("agreed to invest "));
        assert!(STATEMENT_EXCLUDED_BEFORE.is_match("more than "));
        assert!(!STATEMENT_EXCLUDED_BEFORE.is_match("stands at "));
        assert!(COMPARATIVE_AFTER.is_match(" than $9 billion"));
        assert!(!COMPARATIVE_AFTER.is_match(" money"));
        assert!(STATE_NOW.is_match("Amazon has invested "));
        assert!(STATE_NOW.is_match("Amazon has now invested more than "));
        assert!(STATE_NOW.is_match("Amazon has invested in Anthropic a sum of "));
        assert!(STATE_NOW.is_match("its stake now stands at "));
        assert!(SEVERAL_EVENTS_BEFORE.is_match("closed five different funding deals worth about "));
        assert!(SEVERAL_EVENTS_AFTER.is_match(" in funding over 10 rounds"));
        assert!(!SEVERAL_EVENTS_BEFORE.is_match("closed a funding deal worth "));
        assert!(STATE_NOW.is_match("Amazon's funding of Anthropic totals "));
        assert!(!STATE_NOW.is_match("Amazon's funding of Anthropic totaled "));
        assert!(STATE_NOW.is_match("The deal brings its investment in Anthropic to "));
        assert!(STATE_ITSELF.is_match("its stake now stands at "));
        assert!(STATE_ITSELF.is_match("Amazon's investment in Anthropic is now more than "));
        assert!(STATE_ITSELF.is_match("The deal brings its investment in Anthropic to "));
        assert!(!STATE_ITSELF.is_match("Amazon has invested "));
        assert!(!STATE_ITSELF.is_match("Amazon's investment in Anthropic was "));
        assert!(!STATE_ITSELF.is_match("Anthropic is now worth "));
        assert!(!STATE_NOW.is_match("Amazon invested "));
        assert!(!STATE_NOW.is_match("Amazon has invested in Anthropic since 2023. It paid "));
        assert!(participle_clause(
            " in Anthropic, completing the commitment it made "
        ));
        assert!(participle_clause(", quietly extending the deal of "));
        assert!(!participle_clause(" in Anthropic, in "));
        assert!(!participle_clause(", during "));
        assert!(!participle_clause(", including "));
        assert!(PERFECT_OF_STATE.is_match("Amazon has now invested "));
        assert!(PERFECT_OF_STATE.is_match("Amazon has so far put "));
        assert!(!PERFECT_OF_STATE.is_match("Amazon has invested "));
        assert!(SINCE_AFTER.is_match(" in OpenAI since their partnership began"));
        assert!(SINCE_AFTER.is_match(" in the lab to date"));
        assert!(!SINCE_AFTER.is_match(" in OpenAI, its largest bet since 2019"));
        assert!(!SINCE_AFTER.is_match(" in Anthropic in March"));
        assert!(PAST_TOLD.is_match("OpenAI raised $6.6 billion in October"));
        assert!(!PAST_TOLD.is_match("OpenAI plans a round in October"));
        assert!(is_round_label("series e") && is_round_label("series b-2"));
        assert!(!is_round_label("round") && !is_round_label("series of rounds"));
        assert!(comparative("more than $9 billion", 4));
        assert!(!comparative("more money", 4));
        assert!(AS_OF_BEFORE.is_match("had invested $4 billion by "));
        assert!(AS_OF_BEFORE.is_match("its stake as of "));
        assert!(AS_OF_BEFORE.is_match("funding through the end of "));
        assert!(!AS_OF_BEFORE.is_match("invested $4 billion in "));
        assert!(!AS_OF_BEFORE.is_match("the nearby "));
        assert!(SPAN_START_BEFORE.is_match("have worked together since "));
        assert!(SPAN_START_BEFORE.is_match("ever since early "));
        assert!(!SPAN_START_BEFORE.is_match("invested in "));
    }
}
