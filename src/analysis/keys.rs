//! The subjects of three kinds of claim that the fact base rarely holds but an article
//! often states twice: a company's **valuation** ("at a $61.5 billion valuation",
//! "valued at $61.5 billion", "a post-money valuation of $61.5 billion"), the size of
//! a funding **round** ("raised $2 billion in its Series C", "its $2.5 billion Series
//! C", "a funding round of $6.6 billion"), and a model's **score** on a benchmark
//! ("scores 86.8% on MMLU", "an MMLU score of 86.8%").
//!
//! Each is a part of a statement's key (see [`super::statements`]), so that
//! `self-contradiction` and `corpus-contradiction` compare a valuation only with a
//! valuation, a round only with a round and a score only with a score of the same
//! benchmark in the same setting: never a valuation with an investment, never a
//! round with a valuation. The recognizers are narrow on purpose (precision first):
//! "a stake worth $X" is no valuation of the company, "raised $4 billion from Amazon"
//! is Amazon's investment, not a round, and "has raised $X" is the funding to date.

use std::sync::LazyLock;

use crate::base::value::Value;
use crate::base::word_regex::WordRegex;
use crate::facts::product::Found;

use super::{Analysis, Claim, ValueItem, prose};

/// What a keyed money or score claim states (`factlint claims` lists it as `subject`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SubjectKind {
    /// A company's valuation.
    Valuation,
    /// The size of a funding round.
    Round,
    /// A model's score on a benchmark.
    Score,
}

impl SubjectKind {
    /// The kind's id in machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Valuation => "valuation",
            SubjectKind::Round => "round",
            SubjectKind::Score => "score",
        }
    }
}

/// "a stake worth $X": what a holding is worth, not the company's valuation (the
/// attribution lists read both as valuations, so neither is compared with a fact).
static STAKE_WORTH: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:stake|shares|holding|equity)\b[^$€£;]{0,20}?\bworth\s*(?:about |around |roughly |nearly |almost |over |more than |less than |up to |just |an? )?$")
        .expect("constant regex")
});

/// True when an amount of money is a valuation in the wide sense of attribution ("at
/// a $157 billion valuation", "valued at $61.5 billion", "a stake worth $X"): such an
/// amount is compared with no investment or round fact. `before` is the text before
/// the value (its last 40 bytes or so).
pub(crate) fn is_valuation(claim: &Claim, v: &ValueItem, before: &str) -> bool {
    if !matches!(v.value, Value::Money { .. }) {
        return false;
    }
    if super::cue_words::VALUATION_BEFORE.is_match(before) {
        return true;
    }
    let after = &claim.text[v.pos.end..];
    let after = &after[..after.floor_char_boundary(after.len().min(24))];
    super::cue_words::VALUATION_AFTER.is_match(after)
}

/// True when an amount of money is a company's valuation: [`is_valuation`], but not
/// the worth of a stake.
pub(crate) fn company_valuation(claim: &Claim, v: &ValueItem) -> bool {
    let before = raw_before(claim, v, 48);
    is_valuation(claim, v, before) && !STAKE_WORTH.is_match(before)
}

/// The text before a value, hedge included ("valued at more than $X").
fn raw_before<'t>(claim: &'t Claim, v: &ValueItem, max: usize) -> &'t str {
    let text = &claim.text[..v.pos.start];
    &text[text.floor_char_boundary(text.len().saturating_sub(max))..]
}

/// Right before an amount: the verb of a round ("raised $2 billion", "closes a $6.6
/// billion", "secured nearly $1 billion"); the hedge is stripped by `prose::before`.
static RAISE_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:raised|raises|raising|raise|closed|closes|closing|secured|secures|securing|landed|lands|landing)\s+(?:a\s+|an\s+|a fresh\s+)?$")
        .expect("constant regex")
});

/// Right after an amount: a round's noun ("a $2 billion round", "its $2.5 billion
/// Series C", "a $6.6 billion funding round", "a $500 million raise").
static ROUND_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\s+(?:(?:seed|funding|financing|fundraising|equity|venture|growth|mega-?|new|fresh)\s+){0,2}(?:round|fundraise|raise)\b|^\s+series\s+[a-h](?:-?\d)?\b")
        .expect("constant regex")
});

/// Right before an amount: "a funding round of $6.6 billion", "its Series C of $2
/// billion".
static ROUND_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:round|series\s+[a-h](?:-?\d)?)\s+(?:of|worth|totaling|totalling|valued at)\s+$",
    )
    .expect("constant regex")
});

/// Before a round's verb: a word of a sequence of rounds ("later raised", "first
/// raised", "also raised"): the article tells of several rounds, and two of them are
/// no contradiction.
static SEQUENCE_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:first|later|then|subsequently|again|also|previously|earlier|once|next|since|eventually|another|additional|further|each|every)\s+(?:\w+\s+)?$")
        .expect("constant regex")
});

/// After an amount: the backer that paid it ("raised $4 billion from Amazon").
static FROM_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"^[^,;.]{0,24}\b(?:from|by)\s+(?:the\s+)?\p{Lu}").expect("constant regex")
});

/// In a sentence: talk of a round or a valuation not yet made ("in talks to raise",
/// "seeking a valuation of"), which states none.
static NOT_MADE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:talks?|discussions?|negotiat\w*|seek\w*|sought|considering|weighing|exploring|pitching|target\w*|would value|would give|hopes?|wants?|valuation cap)\b")
        .expect("constant regex")
});

/// True when a sentence talks of a round or a valuation not yet made ("in talks to
/// raise", "seeking a valuation of"): it states none.
pub(crate) fn not_made(text: &str) -> bool {
    NOT_MADE.is_match(text)
}

/// Labels that tell rounds or valuations apart: "Series C", "seed", "latest",
/// "pre-money".
static LABELS: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:series\s+[a-h](?:-?\d)?|pre-seed|seed|first|second|third|fourth|fifth|latest|newest|new|previous|prior|last|earlier|initial|recent|extension|bridge|tender|secondary|pre-money)\b")
        .expect("constant regex")
});

/// Before a valuation: the past tense ("was valued at", "had been valued at").
static PAST_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:was|were|had been)\b[^,;.$€£]{0,30}$").expect("constant regex")
});

/// The labels of `text`, lowercase, sorted, with inner spaces as one.
fn labels(text: &str, re: &WordRegex) -> Vec<String> {
    let mut out: Vec<String> = re
        .for_text(text)
        .find_iter(text)
        .map(|m| {
            m.as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Benchmarks, as their makers write them (case matters: "MATH" is one, "math" is
/// not; "DROP" is one, a "drop" is not). Variants are part of the name ("MMLU-Pro",
/// "SWE-bench Verified", "GPQA Diamond", "AIME 2024").
const BENCHMARK: &str = r"(?:MMLU(?:-Pro|-Redux)?|MMMU(?:-Pro)?|GPQA(?:\s+Diamond)?|HumanEval\+?|MBPP\+?|MATH(?:-500)?|GSM-?8[Kk]|SWE-[Bb]ench(?:\s+(?:Verified|Lite|Pro|Multilingual))?|ARC-AGI(?:-\d)?|ARC-(?:Challenge|Easy)|HellaSwag|WinoGrande|TruthfulQA|DROP|MGSM|BIG-[Bb]ench(?:\s+Hard)?|BBH|AIME(?:\s+20\d\d)?|LiveCodeBench|Terminal-[Bb]ench|TAU-[Bb]ench|τ-[Bb]ench|Humanity's Last Exam|HLE|SimpleQA|MathVista|ChartQA|DocVQA|AI2D|IFEval|Aider Polyglot|OSWorld|BrowseComp|FrontierMath|MMMLU|Codeforces)";

/// After a score: "on MMLU", "on the MMLU benchmark", "accuracy on GPQA Diamond".
static SCORE_AFTER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"^\s+(?:(?i:accuracy|pass@1|top-1 accuracy)\s+)?(?i:on|in)\s+(?:(?i:the)\s+)?(?P<b>{BENCHMARK})(?-u:\b)"
    ))
    .expect("constant regex")
});

/// After a score: the benchmark's noun ("its 90.2% HumanEval score", "a 71% MMLU
/// result").
static SCORE_NOUN_AFTER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"^\s+(?P<b>{BENCHMARK})\s+(?i:score|result|accuracy|pass rate)(?-u:\b)"
    ))
    .expect("constant regex")
});

/// Before a score: "an MMLU score of", "MMLU: ", "scored on MMLU at".
static SCORE_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?:^|[^\w-])(?P<b>{BENCHMARK})(?:\s+(?i:score|result|accuracy))?(?:\s+(?i:of|at|is|was)|\s*:)\s*$"
    ))
    .expect("constant regex")
});

/// The setting of a score: the shots, chain of thought, the sampling, tools.
static SETTING: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:\d+-shot|zero-shot|one-shot|few-shot|CoT|chain[- ]of[- ]thought|pass@\d+|maj@\d+|cons@\d+|with tools|without tools|no tools|extended thinking|thinking)\b")
        .expect("constant regex")
});

/// A version written after a name ("Claude 3.5", "Gemini 2.0 Flash", "Fjord-2"): what tells two
/// models of one family apart when the catalog does not name them.
static VERSION: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b\p{Lu}[\w.]*(?:\s+|-)(\d+(?:\.\d+)*[a-zA-Z]?)\b").expect("constant regex")
});

/// What a money or score value is a claim of, with the words of its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Keyed {
    /// The kind.
    pub kind: SubjectKind,
    /// The kind part of the statement's key.
    pub key: String,
    /// Words that narrow it (labels, settings), compared loosely.
    pub qualifier: Vec<String>,
    /// The subject as shown in messages.
    pub shown: String,
    /// True when the key names its subject in full (a score of catalog models): the
    /// other names of the clause (a source, a rival) are no part of it.
    pub by_model: bool,
}

/// The kind of a value's subject, by its form alone (no hedge or tense decides it):
/// what `factlint claims` lists. `None` for any other value.
pub fn subject_kind(claim: &Claim, vi: usize) -> Option<SubjectKind> {
    let v = claim.values.get(vi)?;
    match v.value {
        Value::Money { .. } if company_valuation(claim, v) => Some(SubjectKind::Valuation),
        Value::Money { .. } if round_form(claim, v) => Some(SubjectKind::Round),
        Value::Percent(_) if benchmark(claim, v).is_some() => Some(SubjectKind::Score),
        _ => None,
    }
}

/// True when an amount is written as the size of a round, not a total, not the
/// funding to date, not a backer's investment, not a company's own finances.
fn round_form(claim: &Claim, v: &ValueItem) -> bool {
    let before = prose::before(claim, v, 80);
    let after = prose::after(claim, v, 60);
    let form = RAISE_BEFORE.is_match(before)
        || ROUND_AFTER.is_match(after)
        || ROUND_BEFORE.is_match(before);
    if !form {
        return false;
    }
    if super::cue_words::RAISED_SO_FAR.is_match(before)
        || super::cue_words::SEVERAL_EVENTS_BEFORE.is_match(before)
        || super::cue_words::SEVERAL_EVENTS_AFTER.is_match(after)
        || super::funding_scope::company_finances(claim, v)
        || FROM_NAME.is_match(after)
    {
        return false;
    }
    // "later raised $X", "also closed a $X round": one of several rounds.
    let verb_start = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| before[..i].trim_end().len());
    let lead = &before[..verb_start.min(before.len())];
    let lead = lead
        .rfind(|c: char| c.is_whitespace())
        .map_or(lead, |i| &lead[..=i]);
    !SEQUENCE_BEFORE.is_match(lead) && !SEQUENCE_BEFORE.is_match(before)
}

/// The benchmark a percentage is a score on, as written.
fn benchmark<'t>(claim: &'t Claim, v: &ValueItem) -> Option<&'t str> {
    let after = prose::after(claim, v, 60);
    if let Some(c) = SCORE_AFTER
        .captures(after)
        .or_else(|| SCORE_NOUN_AFTER.captures(after))
    {
        return c.name("b").map(|m| m.as_str());
    }
    let before = prose::before(claim, v, 60);
    SCORE_BEFORE
        .captures(before)
        .and_then(|c| c.name("b"))
        .map(|m| m.as_str())
}

/// The benchmark's name for a key: lowercase, one space, no "-" before a variant.
fn bench_key(b: &str) -> String {
    b.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The key of a valuation, a round or a score, or `None` for another value or for
/// one stated of what is not yet made ("in talks to raise at a $X valuation"). The
/// rest of the statement's key (the names, the dates, the scope of the clause) is
/// added by [`super::statements`]; `total` says whether the amount reads as a total.
pub(crate) fn keyed(a: &Analysis<'_>, claim: &Claim, vi: usize, total: bool) -> Option<Keyed> {
    let v = claim.values.get(vi)?;
    let kind = subject_kind(claim, vi)?;
    let clause = prose::clause_between(
        prose::statement_breaks(&claim.text),
        claim.text.len(),
        v.pos.start,
    );
    let clause_text = &claim.text[clause.clone()];
    match (kind, v.value) {
        (SubjectKind::Valuation | SubjectKind::Round, Value::Money { currency, .. }) => {
            if NOT_MADE.is_match(&claim.text) {
                return None;
            }
            if kind == SubjectKind::Round && total {
                return None;
            }
            let mut qualifier = labels(clause_text, &LABELS);
            let (name, shown) = match kind {
                SubjectKind::Valuation => {
                    if PAST_BEFORE.is_match(raw_before(claim, v, 48)) {
                        qualifier.push("past".to_string());
                    }
                    ("valuation", "valuation")
                }
                _ => ("round", "round size"),
            };
            Some(Keyed {
                kind,
                key: format!("money {} {name}", currency.code()),
                qualifier,
                shown: shown.to_string(),
                by_model: false,
            })
        }
        (SubjectKind::Score, Value::Percent(_)) => {
            let bench = benchmark(claim, v)?;
            // The model: the catalog's products of the clause (else of the sentence,
            // when it names one: "with its 90.2% HumanEval score, Claude 3.5 Sonnet
            // leads"), else the versions written after names ("Claude 3.5").
            let in_clause =
                |p: &&super::ProductItem| p.pos.start >= clause.start && p.pos.end <= clause.end;
            let known = |p: &&super::ProductItem| matches!(p.found, Found::Known(_));
            let mut chosen: Vec<_> = claim.products.iter().filter(in_clause).collect();
            if chosen.is_empty() {
                let mut all: Vec<_> = claim.products.iter().filter(known).collect();
                all.sort_unstable_by_key(|p| match p.found {
                    Found::Known(i) => i,
                    Found::Unknown { .. } => usize::MAX,
                });
                all.dedup_by_key(|p| match p.found {
                    Found::Known(i) => i,
                    Found::Unknown { .. } => usize::MAX,
                });
                if all.len() == 1 {
                    chosen = all;
                }
            }
            let by_model = !chosen.is_empty() && chosen.iter().all(known);
            let mut models: Vec<String> = chosen
                .iter()
                .map(|p| match &p.found {
                    Found::Known(i) => a
                        .facts
                        .products
                        .get(*i)
                        .map_or_else(|| format!("#{i}"), |x| x.id.clone()),
                    Found::Unknown { name, .. } => name.to_lowercase(),
                })
                .collect();
            if models.is_empty() {
                models = VERSION
                    .for_text(clause_text)
                    .captures_iter(clause_text)
                    .filter_map(|c| c.get(1))
                    .filter(|m| !bench.contains(m.as_str()))
                    .map(|m| m.as_str().to_string())
                    .collect();
            }
            models.sort_unstable();
            models.dedup();
            Some(Keyed {
                kind,
                key: format!("score {} | {}", bench_key(bench), models.join(" ")),
                qualifier: labels(clause_text, &SETTING),
                shown: if by_model {
                    let mut written: Vec<&str> =
                        chosen.iter().map(|p| &claim.text[p.pos.clone()]).collect();
                    written.dedup();
                    format!("score on {bench} ({})", written.join(", "))
                } else {
                    format!("score on {bench}")
                },
                by_model,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactBase;
    use crate::read::markdown::scan;

    /// The subject kinds of every value of `sentence` (a dated draft of one
    /// paragraph, no fact base), with the values as written.
    fn kinds(sentence: &str) -> Vec<(String, Option<SubjectKind>)> {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let text = format!("---\ndate: 2025-03-01\n---\n{sentence}\n");
        let doc = scan(&text);
        let a = Analysis::new(std::path::Path::new("t.md"), &text, &doc, &base, None);
        let mut out = Vec::new();
        for c in &a.claims {
            for (vi, v) in c.values.iter().enumerate() {
                if !matches!(v.value, Value::Date(_)) {
                    out.push((c.text[v.pos.clone()].to_string(), subject_kind(c, vi)));
                }
            }
        }
        out
    }

    fn kind_of(sentence: &str, value: &str) -> Option<SubjectKind> {
        kinds(sentence)
            .into_iter()
            .find(|(t, _)| t == value)
            .unwrap_or_else(|| panic!("{value} is not read in {sentence:?}"))
            .1
    }

    use SubjectKind::{Round, Score, Valuation};

    #[test]
    fn valuations_are_read_in_each_form() {
        for (s, v) in [
            (
                "Globex raised $3.5 billion at a $61.5 billion valuation.",
                "$61.5 billion",
            ),
            ("Globex is valued at $61.5 billion.", "$61.5 billion"),
            (
                "Globex is now valued at more than $60 billion.",
                "$60 billion",
            ),
            (
                "The round gives Globex a post-money valuation of $61.5 billion.",
                "$61.5 billion",
            ),
            ("Globex now has a $61.5 billion valuation.", "$61.5 billion"),
            (
                "Globex closed at $61.5 billion post-money.",
                "$61.5 billion",
            ),
        ] {
            assert_eq!(kind_of(s, v), Some(Valuation), "{s}");
        }
        // The round of the first sentence is a round, not a valuation.
        assert_eq!(
            kind_of(
                "Globex raised $3.5 billion at a $61.5 billion valuation.",
                "$3.5 billion"
            ),
            Some(Round)
        );
    }

    #[test]
    fn what_is_no_valuation_is_not_read_as_one() {
        for (s, v) in [
            (
                "Hooli holds a stake worth $4 billion in Globex.",
                "$4 billion",
            ),
            (
                "The valuation of its $4 billion stake in Globex rose.",
                "$4 billion",
            ),
            ("Hooli invested $4 billion in Globex.", "$4 billion"),
            ("Globex's market value is $61.5 billion.", "$61.5 billion"),
        ] {
            assert_ne!(kind_of(s, v), Some(Valuation), "{s}");
        }
    }

    #[test]
    fn rounds_are_read_in_each_form() {
        for (s, v) in [
            ("Globex raised $2 billion in its Series C.", "$2 billion"),
            (
                "Globex closed its $2.5 billion Series C in May.",
                "$2.5 billion",
            ),
            (
                "Globex announced a $6.6 billion funding round.",
                "$6.6 billion",
            ),
            (
                "Globex closed a funding round of $6.6 billion.",
                "$6.6 billion",
            ),
            (
                "Globex raised nearly $2 billion from investors.",
                "$2 billion",
            ),
            ("Globex secured a $500 million seed round.", "$500 million"),
        ] {
            assert_eq!(kind_of(s, v), Some(Round), "{s}");
        }
    }

    #[test]
    fn what_is_no_round_is_not_read_as_one() {
        for (s, v) in [
            ("Globex raised $4 billion from Hooli.", "$4 billion"),
            ("Globex has raised $7 billion to date.", "$7 billion"),
            ("Globex later raised $2 billion.", "$2 billion"),
            ("Globex raised $7.6 billion over 10 rounds.", "$7.6 billion"),
            ("Hooli invested $2 billion in Globex.", "$2 billion"),
            (
                "Globex raised its revenue forecast to $2 billion.",
                "$2 billion",
            ),
        ] {
            assert_ne!(kind_of(s, v), Some(Round), "{s}");
        }
    }

    #[test]
    fn scores_are_read_in_each_form() {
        for (s, v) in [
            ("Globex-7 scores 86.8% on MMLU.", "86.8%"),
            ("Globex-7 reaches 88.2% on the MMLU benchmark.", "88.2%"),
            ("Globex-7 posts an MMLU score of 86.8%.", "86.8%"),
            ("Globex-7 scored 59.4% on GPQA Diamond.", "59.4%"),
            ("Globex-7 gets 49% on SWE-bench Verified.", "49%"),
            ("Globex-7 has 92% accuracy on HumanEval.", "92%"),
        ] {
            assert_eq!(kind_of(s, v), Some(Score), "{s}");
        }
    }

    #[test]
    fn what_is_no_score_is_not_read_as_one() {
        assert!(
            kinds("Globex-7 ran a 5-shot MMLU with 14,000 questions.")
                .iter()
                .all(|(_, k)| k.is_none())
        );
        for (s, v) in [
            ("Globex cut costs by 40% on Hooli.", "40%"),
            ("Shares saw a 30% drop on Monday.", "30%"),
            ("Globex spends 20% on math tutoring.", "20%"),
        ] {
            assert_eq!(kind_of(s, v), None, "{s}");
        }
    }

    #[test]
    fn benchmarks_keep_their_variants_and_scores_their_settings() {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let key = |sentence: &str| {
            let text = format!("{sentence}\n");
            let doc = scan(&text);
            let a = Analysis::new(std::path::Path::new("t.md"), &text, &doc, &base, None);
            let c = &a.claims[0];
            let vi = c
                .values
                .iter()
                .position(|v| matches!(v.value, Value::Percent(_)))
                .expect("a percentage");
            keyed(&a, c, vi, false).map(|k| (k.key, k.qualifier))
        };
        assert_eq!(
            key("Globex 3.5 scores 86.8% on MMLU-Pro (5-shot)."),
            Some((
                "score mmlu-pro | 3.5".to_string(),
                vec!["5-shot".to_string()]
            ))
        );
        assert_eq!(
            key("Globex 3 scores 86.8% on MMLU."),
            Some(("score mmlu | 3".to_string(), vec![]))
        );
    }
}
