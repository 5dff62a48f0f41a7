//! Which two values a ratio word relates, for the forms beyond "from $X to $Y"
//! (issue 25, item 5): the object of a ratio verb ("tripled its upfront $500 million"),
//! an amount in apposition ("$8 billion, double the $4 billion of March") and an
//! amount restated from the sentence before ("The $8 billion is a tripling of the stake
//! …"). Each function gives the indexes of the values in the claim (or in the claim
//! before), the factor and where the ratio word stands; `rules/ratio_mismatch.rs`
//! judges them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Claim, ValueItem, prose};
use crate::base::value::Value;

/// A ratio stated as an adjective between two amounts: "$8 billion, double the $4
/// billion", "$1 billion, twice its $500 million", "$1 billion, half of the $2 billion".
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Apposition {
    /// Where the ratio word stands in the claim's text.
    pub word: Range<usize>,
    /// The factor the word names: the second value times it is the first.
    pub factor: f64,
    /// The value that is the multiple (the first).
    pub to: usize,
    /// The value it is a multiple of (the second).
    pub from: usize,
}

/// Between the two amounts of an apposition: a comma (or "is", "was"), the ratio word,
/// then at most three words of a noun phrase that hold no comma or verb of their own.
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:,\s*(?:or\s+|which is\s+|that is\s+|itself\s+)?|\s(?:is|was|are|were)\s+)(?:(?:about|roughly|around|nearly|almost|more than|over|less than|under|some|just over|just under)\s+)?(?P<w>double|triple|twice|half|(?P<n>two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+(?:of\s+)?(?:the|its|their|his|her|our|a|an|that)\s+(?:[a-z][a-z'’-]*\s+){0,2}$")
        .expect("constant regex")
});

/// After a ratio verb, its direct object up to the amount: "tripled its upfront ",
/// "doubling the initial ".
static VERB_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:its|their|his|her|our|the|that)\s+(?:[a-z][a-z'’-]*\s+){0,2}$")
        .expect("constant regex")
});

/// A ratio word that is a verb ("doubled", "tripling"), not a noun ("a doubling").
static VERB_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:doubl|tripl|quadrupl|halv)(?:ed|es|ing)$").expect("constant regex")
});

/// A noun ratio with an object: "a tripling of", "a doubling of".
static NOUN_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)an?\s+(?:[a-z]+[- ])?$").expect("constant regex"));

/// A definite restatement of an amount: "The $8 billion is …".
static DEFINITE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)(?:the|this|that)\s*$").expect("constant regex"));

fn amount(v: &ValueItem) -> bool {
    matches!(
        v.value,
        Value::Money { .. } | Value::Count(_) | Value::Percent(_)
    )
}

/// Apposition ratios of a claim: each pair of neighbouring amounts of one kind with a
/// ratio adjective between them. Amounts in quotes are left out.
pub(crate) fn appositions(c: &Claim) -> Vec<Apposition> {
    let idx: Vec<usize> = (0..c.values.len())
        .filter(|&i| amount(&c.values[i]) && !prose::in_quotes(&c.text, c.values[i].pos.start))
        .collect();
    let mut out = Vec::new();
    for (k, &i) in idx.iter().enumerate() {
        // The next amount of the kind: "three" in "three times" is a count between.
        let x = &c.values[i];
        let Some(&j) = idx[k + 1..]
            .iter()
            .find(|&&j| c.values[j].value.same_kind(&x.value))
        else {
            continue;
        };
        let y = &c.values[j];
        if y.pos.start < x.pos.end {
            continue;
        }
        let gap = &c.text[x.pos.end..y.pos.start];
        let Some(m) = APPOSITION.captures(gap) else {
            continue;
        };
        let Some(w) = m.name("w") else { continue };
        let word = w.as_str().to_ascii_lowercase();
        let factor = match word.as_str() {
            "double" | "twice" => 2.0,
            "triple" => 3.0,
            "half" => 0.5,
            _ => match m
                .name("n")
                .map(|n| n.as_str().to_ascii_lowercase())
                .as_deref()
            {
                Some("two") => 2.0,
                Some("three") => 3.0,
                Some("four") => 4.0,
                Some("five") => 5.0,
                Some("six") => 6.0,
                Some("seven") => 7.0,
                Some("eight") => 8.0,
                Some("nine") => 9.0,
                Some("ten") => 10.0,
                _ => continue,
            },
        };
        out.push(Apposition {
            word: x.pos.end + w.start()..x.pos.end + w.end(),
            factor,
            to: i,
            from: j,
        });
    }
    out
}

/// The direct object of a ratio verb at `word`: "tripled its upfront $500 million"
/// (the value the change starts from), with the value it arrives at, the one amount of
/// the kind before the verb in `clause` ("Google's new investment of about $1 billion
/// tripled …"). None when the word is no verb, the object holds no amount, or the
/// subject holds none or more than one.
pub(crate) fn verb_object(
    c: &Claim,
    word: &Range<usize>,
    clause: &Range<usize>,
) -> Option<(usize, usize)> {
    if !VERB_FORM.is_match(c.text.get(word.clone())?) {
        return None;
    }
    let from = (0..c.values.len()).find(|&i| {
        let v = &c.values[i];
        v.pos.start >= word.end
            && v.pos.end <= clause.end
            && amount(v)
            && VERB_OBJECT.is_match(&c.text[word.end..v.pos.start])
    })?;
    let like = &c.values[from].value;
    let subjects: Vec<usize> = (0..c.values.len())
        .filter(|&i| {
            let v = &c.values[i];
            v.pos.start >= clause.start
                && v.pos.end <= word.start
                && v.value.same_kind(like)
                && !prose::in_quotes(&c.text, v.pos.start)
        })
        .collect();
    match subjects[..] {
        [to] => Some((from, to)),
        _ => None,
    }
}

/// "The $8 billion is a tripling of the stake …": a noun ratio whose object states no
/// amount, in a sentence whose one amount of the kind is a definite restatement ("the
/// $8 billion") of an amount of `prev`, the sentence before. The object is then the
/// one other amount of that kind in `prev` ("… now stands at $8 billion, double the $4
/// billion of March"). Gives the index of the restated amount in `c` and of the other
/// amount in `prev`.
pub(crate) fn restated_object(
    c: &Claim,
    word: &Range<usize>,
    prev: &Claim,
) -> Option<(usize, usize)> {
    if !NOUN_OF.is_match(&c.text[..word.start]) {
        return None;
    }
    let after = &c.text[word.end..];
    let of = after.strip_prefix(" of ")?;
    let object_end = word.end + 4 + of.find(['.', ',', ';']).unwrap_or(of.len());
    let mine: Vec<usize> = (0..c.values.len())
        .filter(|&i| amount(&c.values[i]))
        .collect();
    let [to] = mine[..] else { return None };
    let tv = &c.values[to];
    if tv.pos.end > word.start
        || (word.end..object_end).contains(&tv.pos.start)
        || !DEFINITE.is_match(&c.text[..tv.pos.start])
    {
        return None;
    }
    let same: Vec<usize> = (0..prev.values.len())
        .filter(|&i| amount(&prev.values[i]) && prev.values[i].value.same_kind(&tv.value))
        .collect();
    let [p, q] = same[..] else { return None };
    let (restated, other) = if prev.values[p].value == tv.value {
        (p, q)
    } else if prev.values[q].value == tv.value {
        (q, p)
    } else {
        return None;
    };
    if prev.values[other].value == tv.value
        || prose::in_quotes(&prev.text, prev.values[restated].pos.start)
    {
        return None;
    }
    Some((to, other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, ClaimKind};
    use crate::facts::FactBase;
    use crate::read::markdown;
    use std::path::Path;

    /// Runs `f` on the sentence claims of `text`, each with the one before.
    fn with_claims<T>(text: &str, f: impl Fn(&Claim, Option<&Claim>) -> T) -> Vec<T> {
        let base = FactBase::empty();
        let doc = markdown::scan(text);
        let a = Analysis::new(Path::new("d.md"), text, &doc, &base, None);
        let sentences: Vec<&Claim> = a
            .claims
            .iter()
            .filter(|c| matches!(c.kind, ClaimKind::Sentence { .. }))
            .collect();
        (0..sentences.len())
            .map(|i| f(sentences[i], i.checked_sub(1).map(|p| sentences[p])))
            .collect()
    }

    /// (factor, the multiple's text, the base's text) of each apposition.
    fn appositions_of(text: &str) -> Vec<(f64, String, String)> {
        with_claims(text, |c, _| {
            appositions(c)
                .into_iter()
                .map(|ap| {
                    let show = |i: usize| c.text[c.values[i].pos.clone()].to_string();
                    (ap.factor, show(ap.to), show(ap.from))
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    #[test]
    fn appositions_are_read_with_their_factor_and_operands() {
        let t = |f: f64, x: &str, y: &str| vec![(f, x.to_string(), y.to_string())];
        assert_eq!(
            appositions_of("Globex's stake stands at $8 billion, double the $4 billion of March."),
            t(2.0, "$8 billion", "$4 billion")
        );
        assert_eq!(
            appositions_of("Globex paid $1 billion, half of the $2 billion it had pledged."),
            t(0.5, "$1 billion", "$2 billion")
        );
        assert_eq!(
            appositions_of("Globex raised $12 million, three times its earlier $4 million."),
            t(3.0, "$12 million", "$4 million")
        );
        assert_eq!(
            appositions_of("Initech's $6 billion is twice the $3 billion Hooli put in."),
            t(2.0, "$6 billion", "$3 billion")
        );
    }

    #[test]
    fn ratio_adjectives_without_two_amounts_are_not_read() {
        for s in [
            "Globex invested $2 billion and now owns half of the company.",
            "Globex posted $2 billion, a double-digit rise over $1 billion.",
            "Globex doubled down on AI with $2 billion, and Initech spent $1 billion.",
            "Globex raised $2 billion; double that, $4 billion, is the target.",
            "Globex raised $8 billion, double the 4,000 staff it had.",
        ] {
            assert_eq!(appositions_of(s), [], "{s}");
        }
    }

    /// The (from, to) texts that `verb_object` reads at the ratio word `word`.
    fn verb_object_of(text: &str, word: &str) -> Vec<Option<(String, String)>> {
        with_claims(text, |c, _| {
            let at = c.text.find(word)?;
            let w = at..at + word.len();
            let (from, to) = verb_object(c, &w, &(0..c.text.len()))?;
            let show = |i: usize| c.text[c.values[i].pos.clone()].to_string();
            Some((show(from), show(to)))
        })
    }

    #[test]
    fn the_object_of_a_ratio_verb_is_where_the_change_starts() {
        assert_eq!(
            verb_object_of(
                "Globex's new investment of about $1 billion tripled its upfront $500 million.",
                "tripled"
            ),
            [Some(("$500 million".to_string(), "$1 billion".to_string()))]
        );
        // No amount in the object, or a noun: not read.
        assert_eq!(
            verb_object_of("Globex's $1 billion doubled its headcount.", "doubled"),
            [None]
        );
        assert_eq!(
            verb_object_of(
                "Globex's $1 billion is a doubling of the $500 million.",
                "doubling"
            ),
            [None]
        );
    }

    #[test]
    fn a_restated_amount_takes_its_companion_from_the_sentence_before() {
        let text = "Globex's stake now stands at $8 billion, double the $4 billion of March.\n\nThe $8 billion is a tripling of the stake Globex held after March.\n";
        let read = with_claims(text, |c, prev| {
            let at = c.text.find("tripling")?;
            let (to, from) = restated_object(c, &(at..at + 8), prev?)?;
            let p = prev?;
            Some((
                c.text[c.values[to].pos.clone()].to_string(),
                p.text[p.values[from].pos.clone()].to_string(),
            ))
        });
        assert_eq!(
            read,
            [
                None,
                Some(("$8 billion".to_string(), "$4 billion".to_string()))
            ]
        );
        // The sentence before does not state the restated amount: nothing is read.
        let other = "Globex's stake now stands at $9 billion, double the $4.5 billion of March.\n\nThe $8 billion is a tripling of the stake Globex held after March.\n";
        let read = with_claims(other, |c, prev| {
            let at = c.text.find("tripling")?;
            restated_object(c, &(at..at + 8), prev?)
        });
        assert_eq!(read, [None, None]);
    }
}
