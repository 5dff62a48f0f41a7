//! `ratio-mismatch`: "doubling", "tripling", "halved", "three-fold", "2x" between two
//! stated values that do not have that ratio.

use foldhash::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::prose::{self, show};
use crate::analysis::ratio_forms;
use crate::analysis::statements::{is_total, reported_values};
use crate::analysis::{Analysis, Claim, ClaimKind, ValueItem};
use crate::base::diagnostic::{Diagnostic, FileKey, Label};
use crate::base::value::{Interval, Quantity, Value, trim_number};
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct RatioMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::RatioMismatch,
    summary: "\"doubling\", \"tripling\", \"halved\", \"three-fold\" between two stated values that do not have that ratio",
    explanation: "\
## What it finds
A ratio word — \"doubled\", \"a doubling\", \"tripled\", \"quadrupled\", \"halved\",
\"three-fold\", \"3x\" — between two values the same passage states, when the second
value is not that multiple of the first. The two values must be identified with
confidence, in the ratio word's clause: \"from $X to $Y\", \"to $Y, up from $X\", or \"a
doubling of its previous $X\" with \"to $Y\" after it, or with a total stated in the
sentence before (\"the total now stands at $Y. This is a doubling of the previous
$X\"). Writers round: a plain ratio word allows 10% either way, \"nearly\" or \"about\"
more, \"more than doubled\" any larger ratio; the values count with their printed
precision. It needs no fact base.

Nothing is said when the ratio word describes something the passage does not state as
two numbers (\"the team doubled its headcount\"), when the two values cannot be told
apart from others in the sentence, or for idioms (\"doubling down\", \"double-digit\").

## Why it matters
\"Tripling\" for a rise from $4 billion to $8 billion is an arithmetic error in plain
sight; ratio words are edited less carefully than the numbers around them.

## Example that fires
    Amazon's stake grew from $4 billion to $8 billion, a tripling.

## Example that does not fire
    Amazon's total investment now stands at $8 billion. This represents a doubling of
    its previous $4 billion stake.
",
};

/// Ratio words and their ratios. Idioms are excluded after matching.
static RATIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<two>doubl(?:ed|es|ing))|(?P<three>tripl(?:ed|es|ing))|(?P<four>quadrupl(?:ed|es|ing))|(?P<half>halv(?:ed|es|ing)|cut (?:[a-z0-9'’]+ ){0,4}in half)|(?P<n>two|three|four|five|six|seven|eight|nine|ten|[0-9]+(?:\.[0-9]+)?)[- ]?fold|(?P<x>[0-9]+(?:\.[0-9]+)?)x(?-u:\b))")
        .expect("constant regex")
});

/// Words of which every match of [`RATIO`] holds one, unless it is a digit followed by
/// an `x`, each with the place of its one `l` (a test checks both). Their letters have
/// no case forms in Unicode but their ASCII two (a test checks it), so a search that
/// ignores ASCII case finds them wherever the regex's Unicode one would: a quick,
/// exact test before the regex.
const RATIO_WORD_LIST: [(&str, usize); 6] = [
    ("doubl", 4),
    ("tripl", 4),
    ("quadrupl", 7),
    ("halv", 2),
    ("half", 2),
    ("fold", 2),
];

/// False when `text` cannot hold a match of [`RATIO`]: none of [`RATIO_WORD_LIST`]
/// (ASCII case ignored), and no digit just before an `x`. Most sentences name no
/// ratio; this is much faster than the regex to say so, and than an automaton of the
/// words (which has no prefilter when it ignores case, and reads every byte through
/// its transition table: 6 % of a run's instructions): the `l`s are found with
/// `memchr`, and the byte before one rules out almost all of them.
fn may_name_ratio(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'l', b'L', b).any(|i| ratio_word_around(b, i))
        || memchr::memchr2_iter(b'x', b'X', b).any(|i| i > 0 && b[i - 1].is_ascii_digit())
}

/// False when `text` cannot hold a ratio adjective of
/// [`ratio_forms::appositions`] ("double", "triple", "twice", "half", "three times").
fn may_name_apposition(text: &str) -> bool {
    [&b"doubl"[..], b"tripl", b"twice", b"half", b"times"]
        .iter()
        .any(|w| prose::contains_ignore_ascii_case(text, w))
}

/// True when the `l` at byte `i` of `b` is the `l` of one of [`RATIO_WORD_LIST`].
fn ratio_word_around(b: &[u8], i: usize) -> bool {
    let Some(&before) = i.checked_sub(1).and_then(|j| b.get(j)) else {
        return false;
    };
    let before = before.to_ascii_lowercase();
    RATIO_WORD_LIST.iter().any(|&(w, at)| {
        let w = w.as_bytes();
        at > 0
            && w.get(at - 1) == Some(&before)
            && i.checked_sub(at)
                .and_then(|start| b.get(start..start + w.len()))
                .is_some_and(|s| s.eq_ignore_ascii_case(w))
    })
}

static IDIOM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*down(?-u:\b)|\s*up on(?-u:\b)|-digit|\s+digits?(?-u:\b)|\s+as(?-u:\b)|-check|\s+check|-edged|\s+standard|\s+count|-a(?-u:\b)|\s+crown)")
        .expect("constant regex")
});

/// Hedges on the ratio word: "more than doubled", "nearly tripled".
static RATIO_HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<more>more than|over|at least|over a|more than a)|(?P<nearly>nearly|almost|close to|just under|not quite)|(?P<about>about|around|roughly|approximately|some|effectively|essentially|more or less|a roughly|an approximately))\s+(?:an?\s+)?$")
        .expect("constant regex")
});

/// A value the change starts from.
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)from|(?-u:\b)up from|(?-u:\b)down from|(?-u:\b)compared (?:with|to)|(?-u:\b)versus|(?-u:\b)vs\.?|(?-u:\b)previous|(?-u:\b)prior|(?-u:\b)earlier|(?-u:\b)original|(?-u:\b)former)\s*$")
        .expect("constant regex")
});

/// A range that is a change: "rose from $4 billion to $8 billion".
static FROM_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)from\s*$").expect("constant regex"));

/// A value the change arrives at.
static TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)to|(?-u:\b)reaching|(?-u:\b)reach(?:es|ed)?|(?-u:\b)now at|(?-u:\b)stands? at|(?-u:\b)total(?:ing|ling)? of|(?-u:\b)total of)\s*$")
        .expect("constant regex")
});

/// "a doubling of its $4 billion stake": the object of the ratio noun.
static OF_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+of\s+(?:[a-z0-9'’-]+\s+){0,3}$").expect("constant regex")
});

impl Rule for RatioMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        let mut reported = None;
        for (ci, c) in a.claims.iter().enumerate() {
            if !matches!(c.kind, ClaimKind::Sentence { .. }) {
                continue;
            }
            // A ratio is checked between an amount of the sentence and another: a
            // sentence without one has nothing to check (see `ends`).
            if amounts(c).next().is_none() {
                continue;
            }
            // "$8 billion, double the $4 billion": ratio adjectives between two amounts.
            if may_name_apposition(&c.text)
                && !crate::analysis::cue_words::RATIO_FORECAST.is_match(&c.text)
            {
                for ap in ratio_forms::appositions(c) {
                    let (Some(from), Some(to)) = (End::of(a, ci, ap.from), End::of(a, ci, ap.to))
                    else {
                        continue;
                    };
                    let reported = reported.get_or_insert_with(|| reported_values(a));
                    judge(a, reported, ci, ap.word, ap.factor, from, to, out);
                }
            }
            // Most sentences name no ratio: a literal search says so without the regex.
            if !may_name_ratio(&c.text) {
                continue;
            }
            for m in RATIO.captures_iter(&c.text) {
                let Some(whole) = m.get(0) else { continue };
                if IDIOM_AFTER.is_match(&c.text[whole.end()..])
                    || prose::in_quotes(&c.text, whole.start())
                {
                    continue;
                }
                let Some(ratio) = ratio_of(&m) else { continue };
                let reported = reported.get_or_insert_with(|| reported_values(a));
                check_ratio(a, reported, ci, whole.range(), ratio, out);
            }
        }
    }
}

fn ratio_of(m: &regex::Captures<'_>) -> Option<f64> {
    if m.name("two").is_some() {
        return Some(2.0);
    }
    if m.name("three").is_some() {
        return Some(3.0);
    }
    if m.name("four").is_some() {
        return Some(4.0);
    }
    if m.name("half").is_some() {
        return Some(0.5);
    }
    let n = m.name("n").or_else(|| m.name("x"))?.as_str().to_lowercase();
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let r = match words.iter().position(|w| *w == n) {
        Some(i) => i as f64,
        None => n.parse::<f64>().ok()?,
    };
    (1.5..=100.0).contains(&r).then_some(r)
}

/// The ratio's hedge: the range of ratios the words allow.
fn allowed(c: &Claim, at: usize, ratio: f64) -> Interval {
    let before = &c.text[..at];
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(30))..];
    // Ratios below one (halving) are hedged the other way round.
    let (lo, hi) = match RATIO_HEDGE.captures(before) {
        Some(h) if h.name("more").is_some() => (1.0, f64::INFINITY),
        Some(h) if h.name("nearly").is_some() => (0.75, 1.0),
        Some(_) => (0.75, 1.3),
        None => (1.0 / 1.1, 1.1),
    };
    if ratio >= 1.0 {
        Interval {
            lo: ratio * lo,
            hi: ratio * hi,
        }
    } else {
        Interval {
            lo: ratio / hi,
            hi: ratio / lo,
        }
    }
}

fn amounts<'c>(c: &'c Claim<'_>) -> impl Iterator<Item = (usize, &'c ValueItem)> {
    c.values.iter().enumerate().filter(|(_, v)| {
        !matches!(v.value, Value::Date(_)) && !prose::in_quotes(&c.text, v.pos.start)
    })
}

/// One end of a change: where its value stands and the values it allows.
struct End {
    claim: usize,
    value: usize,
    /// The value, when it is no range (read again at the other end's precision).
    quantity: Option<Quantity>,
    interval: Interval,
    point: f64,
    text: String,
}

impl End {
    /// A value that is not a range or a bound.
    fn of(a: &Analysis<'_>, claim: usize, value: usize) -> Option<End> {
        let v = &a.claims[claim].values[value];
        let q = v.value.quantity()?;
        if q.hedge.is_bound() || q.is_range() {
            return None;
        }
        Some(End {
            claim,
            value,
            quantity: Some(q),
            interval: q.interval(),
            point: q.value(),
            text: a.source_text(&v.span).to_string(),
        })
    }

    /// The two ends of a range written "from $4 billion to $8 billion".
    fn of_range(a: &Analysis<'_>, claim: usize, value: usize) -> Option<(End, End)> {
        let v = &a.claims[claim].values[value];
        let q = v.value.quantity()?;
        if q.hedge.is_bound() || !q.is_range() {
            return None;
        }
        let half = q.precision / 2.0;
        let end = |x: f64| End {
            claim,
            value,
            quantity: None,
            interval: Interval {
                lo: x - half,
                hi: x + half,
            },
            point: x,
            text: show(&v.value, x),
        };
        Some((end(q.low), end(q.high)))
    }
}

/// The two values a ratio word stands between, when they can be told with confidence.
/// One of them (the one the change starts from, or the range) is always an amount of
/// the ratio word's own sentence ([`amounts`]).
fn ends(a: &Analysis<'_>, ci: usize, word: &std::ops::Range<usize>) -> Option<(End, End)> {
    let c = &a.claims[ci];
    let clause = prose::clause(&c.text, word.start);
    let in_clause = |v: &ValueItem| v.pos.start >= clause.start && v.pos.end <= clause.end;
    // "from $4 billion to $8 billion" is one value, a range.
    let ranges: Vec<usize> = amounts(c)
        .filter(|(_, v)| in_clause(v) && v.value.quantity().is_some_and(|q| q.is_range()))
        .filter(|(_, v)| FROM_RANGE.is_match(prose::before(c, v, 20)))
        .map(|(i, _)| i)
        .collect();
    // The value the change starts from: after "from", "previous", or the object of
    // "a doubling of".
    let froms: Vec<usize> = amounts(c)
        .filter(|(_, v)| in_clause(v))
        .filter(|(_, v)| {
            FROM.is_match(prose::before(c, v, 40))
                || (v.pos.start >= word.end && OF_OBJECT.is_match(&c.text[word.end..v.pos.start]))
        })
        .map(|(i, _)| i)
        .collect();
    // Values marked as the end of a change, of any kind: "doubled its headcount to
    // 1,000 people, from $2 million …" does not say which change doubled.
    let tos: Vec<usize> = amounts(c)
        .filter(|(i, v)| !froms.contains(i) && in_clause(v))
        .filter(|(_, v)| TO.is_match(prose::before(c, v, 40)))
        .map(|(i, _)| i)
        .collect();
    if let [r] = ranges[..] {
        return if froms == [r] && tos.is_empty() {
            End::of_range(a, ci, r)
        } else {
            None
        };
    }
    if froms.is_empty() && ranges.is_empty() {
        return other_ends(a, ci, word, &clause, &tos);
    }
    let [from] = froms[..] else { return None };
    let fv = &c.values[from];
    if tos
        .iter()
        .any(|&t| !c.values[t].value.same_kind(&fv.value))
    {
        return None;
    }
    let (to_claim, to) = match tos[..] {
        [t] => (ci, t),
        [] => total_before(a, ci, &fv.value)?,
        _ => return None,
    };
    Some((End::of(a, ci, from)?, End::of(a, to_claim, to)?))
}

/// The ends of a change with no "from": the object of a ratio verb ("tripled its
/// upfront $500 million"), or the object of "a tripling of" restated from the sentence
/// before (see `analysis::ratio_forms`).
fn other_ends(
    a: &Analysis<'_>,
    ci: usize,
    word: &std::ops::Range<usize>,
    clause: &std::ops::Range<usize>,
    tos: &[usize],
) -> Option<(End, End)> {
    let c = &a.claims[ci];
    if let Some((from, to)) = ratio_forms::verb_object(c, word, clause) {
        return match tos {
            [] => Some((End::of(a, ci, from)?, End::of(a, ci, to)?)),
            _ => None,
        };
    }
    let prev = ci.checked_sub(1)?;
    let p = &a.claims[prev];
    let (ClaimKind::Sentence { block: pb }, ClaimKind::Sentence { block: cb }) = (p.kind, c.kind)
    else {
        return None;
    };
    if !tos.is_empty()
        || cb > pb + 1
        || crate::analysis::cue_words::RATIO_FORECAST.is_match(&p.text)
    {
        return None;
    }
    let (to, from) = ratio_forms::restated_object(c, word, p)?;
    Some((End::of(a, prev, from)?, End::of(a, ci, to)?))
}

fn check_ratio(
    a: &Analysis<'_>,
    reported: &HashSet<(usize, usize)>,
    ci: usize,
    word: std::ops::Range<usize>,
    ratio: f64,
    out: &mut Vec<Diagnostic>,
) {
    let c = &a.claims[ci];
    if crate::analysis::cue_words::RATIO_FORECAST.is_match(&c.text) {
        return;
    }
    let Some((from, to)) = ends(a, ci, &word) else {
        return;
    };
    judge(a, reported, ci, word, ratio, from, to, out);
}

/// Reports a ratio word between two ends that do not have its ratio.
#[allow(clippy::too_many_arguments)]
fn judge(
    a: &Analysis<'_>,
    reported: &HashSet<(usize, usize)>,
    ci: usize,
    word: std::ops::Range<usize>,
    ratio: f64,
    from: End,
    to: End,
    out: &mut Vec<Diagnostic>,
) {
    let c = &a.claims[ci];
    if reported.contains(&(from.claim, from.value)) || reported.contains(&(to.claim, to.value)) {
        return;
    }
    // Both ends at the finer precision printed: "$1 billion" beside "$500 million".
    let (fi, ti) = match (from.quantity, to.quantity) {
        (Some(f), Some(t)) => {
            let finest = f.precision.min(t.precision);
            (
                prose::at_precision(f, &from.text, finest),
                prose::at_precision(t, &to.text, finest),
            )
        }
        _ => (from.interval, to.interval),
    };
    if fi.lo <= 0.0 {
        return;
    }
    let actual = Interval {
        lo: ti.lo / fi.hi,
        hi: ti.hi / fi.lo,
    };
    if actual.overlaps(&allowed(c, word.start, ratio)) {
        return;
    }
    let span = map_span(a, c, &word);
    let found = a.source_text(&span).to_string();
    let times = format!("{}x", trim_number(to.point / from.point));
    let mut d = Diagnostic::new(
        RuleId::RatioMismatch,
        span,
        format!(
            "\"{found}\" from {} to {}, but that is {times}, not {}x",
            from.text,
            to.text,
            trim_number(ratio)
        ),
    )
    .with_label(format!("{times}, not {}x", trim_number(ratio)));
    let fspan = a.claims[from.claim].values[from.value].span.clone();
    let tspan = a.claims[to.claim].values[to.value].span.clone();
    if fspan == tspan {
        d.related.push(Label {
            file: FileKey::Draft,
            span: fspan,
            message: "from … to".to_string(),
        });
    } else {
        d.related.push(Label {
            file: FileKey::Draft,
            span: fspan,
            message: "from".to_string(),
        });
        d.related.push(Label {
            file: FileKey::Draft,
            span: tspan,
            message: "to".to_string(),
        });
    }
    d.expected = Some(times);
    d.found = Some(found);
    out.push(d);
}

/// Maps a byte range of a sentence claim's text to the file.
pub(crate) fn map_span(
    a: &Analysis<'_>,
    c: &Claim,
    r: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let ClaimKind::Sentence { block } = c.kind else {
        return c.span.clone();
    };
    let Some(b) = a.doc.blocks.get(block) else {
        return c.span.clone();
    };
    // The claim is one of the block's sentences: the one that maps to its span.
    let Some(s) = crate::analysis::prose::sentences(&b.text)
        .into_iter()
        .find(|s| b.to_source(s) == c.span)
    else {
        return c.span.clone();
    };
    b.to_source(&(s.start + r.start..s.start + r.end))
}

/// The total stated in the sentence before, in the same block: "the total now stands
/// at $8 billion. This represents a doubling of …". Exactly one such value of the kind.
fn total_before(a: &Analysis<'_>, ci: usize, like: &Value) -> Option<(usize, usize)> {
    let c = &a.claims[ci];
    let prev = ci.checked_sub(1)?;
    let p = &a.claims[prev];
    if p.kind != c.kind || crate::analysis::cue_words::RATIO_FORECAST.is_match(&p.text) {
        return None;
    }
    let totals: Vec<usize> = amounts(p)
        .filter(|(i, v)| v.value.same_kind(like) && is_total(p, *i))
        .map(|(i, _)| i)
        .collect();
    match totals[..] {
        [t] => Some((prev, t)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{RATIO, RATIO_WORD_LIST, may_name_ratio};
    use crate::facts::FactBase;
    use crate::run::{CheckOptions, check_text};

    #[test]
    fn the_quick_test_misses_no_ratio() {
        // Each letter of the words, and `x`, matches under the regex's case-insensitive
        // Unicode rules no character but its ASCII two: an ASCII case-insensitive search
        // finds every spelling the regex would.
        // Each word holds one `l`, at the place the list gives.
        for (w, at) in RATIO_WORD_LIST {
            assert_eq!(w.matches('l').count(), 1, "{w}");
            assert_eq!(w.find('l'), Some(at), "{w}");
        }
        let mut letters: Vec<char> = RATIO_WORD_LIST
            .iter()
            .flat_map(|(w, _)| w.chars())
            .collect();
        letters.push('x');
        for l in letters {
            let re = regex::Regex::new(&format!("(?i)^{l}$")).expect("a letter");
            let mut buf = [0u8; 4];
            let forms: Vec<char> = (0..=0x10FFFF_u32)
                .filter_map(char::from_u32)
                .filter(|c| re.is_match(c.encode_utf8(&mut buf)))
                .collect();
            assert_eq!(
                forms,
                vec![l.to_ascii_uppercase(), l.to_ascii_lowercase()],
                "{l}"
            );
        }
        // Every spelling the regex matches passes the quick test, and texts without
        // one fail it.
        for t in [
            "doubled",
            "Tripling",
            "QUADRUPLES",
            "halved",
            "cut costs in half",
            "ten-fold",
            "3.5 fold",
            "2x",
            "10X faster",
            "1.5x",
        ] {
            assert!(RATIO.is_match(t), "{t}");
            assert!(may_name_ratio(t), "{t}");
        }
        for t in ["x2", "six times", "box 4", "an 8 x 8 grid", "twice as many"] {
            assert!(!RATIO.is_match(t), "{t}");
            assert!(!may_name_ratio(t), "{t}");
        }
        // Every text of up to four of these pieces: where the regex matches, the quick
        // test passes.
        let pieces = [
            "dou", "bl", "ED", "tri", "pl", "hal", "v", "f", "old", "3", ".", "x", "X", " ", "-",
            "in ", "—", "É",
        ];
        let mut texts = vec![String::new()];
        let mut matched = 0;
        for _ in 0..4 {
            let mut longer = Vec::new();
            for t in &texts {
                for p in pieces {
                    let t = format!("{t}{p}");
                    if RATIO.is_match(&t) {
                        matched += 1;
                        assert!(may_name_ratio(&t), "{t}");
                    }
                    longer.push(t);
                }
            }
            texts = longer;
        }
        assert!(matched > 500, "{matched}");
    }

    fn found(body: &str) -> Vec<String> {
        let base = FactBase::load(Vec::new()).expect("an empty base");
        let r = check_text(
            std::path::Path::new("t.md"),
            body,
            &base,
            &CheckOptions::default(),
        );
        r.diagnostics
            .iter()
            .filter(|d| d.rule == crate::rules::RuleId::RatioMismatch)
            .map(|d| body[d.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn ratio_words_and_their_hedges() {
        assert_eq!(
            found("Sales rose from $2 million to $10 million, a three-fold rise."),
            ["three-fold"]
        );
        assert_eq!(
            found("Sales grew 3x, from $2 million to $10 million."),
            ["3x"]
        );
        assert_eq!(
            found("Sales quadrupled to $20 million from $2 million."),
            ["quadrupled"]
        );
        assert_eq!(
            found("Sales grew 5x, from $2 million to $10 million."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Sales more than doubled, from $2 million to $10 million."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Sales nearly doubled, from $2 million to $3.9 million."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Sales nearly doubled, from $2 million to $6 million."),
            ["doubled"]
        );
        assert_eq!(
            found("Sales halved to $5.1 million from $10.2 million."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ratio_adjectives_in_apposition() {
        assert_eq!(
            found("Globex's stake now stands at $8 billion, triple the $4 billion of March."),
            ["triple"]
        );
        assert_eq!(
            found("Globex's stake now stands at $8 billion, double the $4 billion of March."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Globex paid $1.5 billion, half of the $2 billion it had pledged."),
            ["half"]
        );
        // Hedged: "roughly double" allows more; a forecast is not checked.
        assert_eq!(
            found("Globex's stake stands at $9 billion, roughly double the $4 billion of March."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Globex's stake could reach $12 billion, double the $4 billion of March."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_object_of_a_ratio_verb() {
        assert_eq!(
            found("Globex's new investment of about $1 billion tripled its upfront $500 million."),
            ["tripled"]
        );
        assert_eq!(
            found("Globex's new investment of about $1 billion doubled its upfront $500 million."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Globex's new investment of $1 billion could triple its upfront $500 million."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_restated_amount_and_the_sentence_before() {
        let body = "Globex's stake now stands at $8 billion, double the $4 billion of March.\n\nThe $8 billion is a tripling of the stake Globex held after March.\n";
        assert_eq!(found(body), ["tripling"]);
        let right = body.replace("tripling", "doubling");
        assert_eq!(found(&right), Vec::<String>::new());
        // Paragraphs apart: the stake may be another one.
        let far = body.replace("\n\nThe", "\n\nGlobex hired staff.\n\nInitech grew.\n\nThe");
        assert_eq!(found(&far), Vec::<String>::new());
        let hedged = body.replace("is a tripling", "would be a tripling");
        assert_eq!(found(&hedged), Vec::<String>::new());
    }

    #[test]
    fn idioms_and_unstated_values_are_silent() {
        for t in [
            "Hooli is doubling down on Initech with $4 billion, up from $2 billion.",
            "Initech posted double-digit growth, from $2 million to $10 million.",
            "Trainium offers 4x faster training than before.",
            "Initech doubled its headcount while revenue rose from $2 million to $10 million.",
            "Initech doubled its headcount to 1,000 people, from $2 million to $10 million.",
            "Analysts expect sales to triple from $2 million to $10 million.",
            "Sales doubled to $10 million.",
            "Globex doubled down on AI, spending $4 billion after $1 billion in 2023.",
            "Globex posted a double-digit rise to $4 billion from $3 billion.",
            "Globex spent $3 billion and now owns half of the company, valued at $2 billion.",
        ] {
            assert_eq!(found(t), Vec::<String>::new(), "{t}");
        }
    }
}
