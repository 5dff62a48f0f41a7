//! `sum-mismatch`: listed parts that do not add up to the stated whole, or a stated
//! number of parts that does not match the parts listed.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::prose;
use crate::analysis::{Analysis, Claim, ClaimKind, ValueItem};
use crate::base::diagnostic::{Diagnostic, FileKey, Label};
use crate::base::value::{Currency, Hedge, Interval, Quantity, Value};
use crate::rules::{Rule, RuleId, RuleMeta};

/// The rule.
pub struct SumMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::SumMismatch,
    summary: "parts that do not add up to the stated total",
    explanation: "\
## What it finds
A sentence that states a whole and lists its parts, where the parts cannot add up to
the whole within the precision they were printed with, or where the number of parts
announced (\"two tranches\", \"three rounds\") is not the number listed. It reads:

- a whole, then its parts after a colon, a dash, \"consisting of\", \"made up of\",
  \"split into\" or \"two tranches of\": \"the initial $4 billion came in two tranches:
  $1.25 billion and $2.75 billion\";
- parts, then the whole after \"a total of\", \"totaling\", \"combined\": \"$1.25 billion
  and $2.75 billion, a total of $4 billion\";
- parts, then the whole with \"in all\", \"in total\", \"altogether\" after it: \"$1.25
  billion and $2.75 billion, for $4 billion in all\".

Parts must be one list (joined by commas, \"and\", \"plus\"). A list that may go on
with a part stated without an amount (\"…, and the rest in 2025\"), parts \"each\" or \"a
year\", and values after \"from\" or \"up from\" are not added. After words that do not
close a list — \"bringing its total to\", \"including\", \"such as\" — the parts may add up
to less than the whole, never to more. It needs no fact base.

## Why it matters
A total that does not match its tranches is the first thing a careful reader checks
and the last thing a writer re-adds after editing one number.

## Example that fires
    The $4 billion came in two tranches: $1.25 billion and $2.25 billion.
    Globex raised $10 million and $15 million, for $30 million in all.

## Example that does not fire
    The $4 billion came in two tranches: $1.25 billion and $2.75 billion.
    Microsoft invested $1 billion and $2 billion, bringing its total to $13 billion.
",
};

static PARTS_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(tranches|rounds|parts|installments|instalments|payments|stages|phases|investments|deals|steps)(?-u:\b)")
        .expect("constant regex")
});

/// Words that open a list of parts after a whole.
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i):|—|\s–\s|(?-u:\b)consist(?:s|ed|ing)? of(?-u:\b)|(?-u:\b)(?:was |were |is |are )?made up of(?-u:\b)|(?-u:\b)compris(?:es|ed|ing)(?: of)?(?-u:\b)|(?-u:\b)split (?:into|between|across)(?-u:\b)|(?-u:\b)divided (?:into|between)(?-u:\b)|(?-u:\b)broken (?:down )?into(?-u:\b)|(?-u:\b)(?:tranches|rounds|installments|instalments|payments|stages|phases)\s+of(?-u:\b)|^\s*(?:was|were|is|are)\s*$")
        .expect("constant regex")
});

/// Between a whole and the colon that opens its parts: words that say the parts follow.
static LIST_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tranches|rounds|parts|installments|instalments|payments|stages|phases|came|comes|was|were|paid|deployed|disbursed|delivered|arrived|split|divided|broken|structured|consist[a-z]*|break[a-z]*)(?-u:\b)")
        .expect("constant regex")
});

/// Before a whole that closes a list: "a total of", "totaling".
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:,\s*)?(?:(?-u:\b)(?:for|with|or)\s+)?(?:(?-u:\b)(?:a|an)\s+)?(?-u:\b)(?:(?P<full>total(?:ing|ling|ed)?(?: of)?|in all|combined|altogether|together|sum of)|(?P<partial>(?:bringing|brings|brought|taking) (?:[a-z0-9'’]+ ){0,3}to|out of|of an?))\s*$")
        .expect("constant regex")
});

/// After a whole that closes a list: "for $4 billion in all".
static TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:in all|in total|altogether|combined|total)(?-u:\b)")
        .expect("constant regex")
});

/// The gap between the last part and a whole with a cue after it.
static GAP_TO_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:,|—|–)\s*(?:for|or|making|to make|that is|i\.e\.,?)?|(?-u:\b)(?:for|or))\s*(?:a|an|some)?\s*$")
        .expect("constant regex")
});

/// Between two parts of one list.
static LIST_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),|;|(?-u:\b)and(?-u:\b)|(?-u:\b)plus(?-u:\b)|&").expect("constant regex")
});

/// Lists that need not be complete.
static PARTIAL_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:including|includes|included|such as|among them|among others|for example|e\.g\.)(?-u:\b)")
        .expect("constant regex")
});

/// A list that goes on with a part stated without an amount.
static MORE_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:,|;|(?-u:\b)and(?-u:\b)|(?-u:\b)plus(?-u:\b))\s+(?:the|a|an|another|one|its|their|remaining|rest|final|last|balance|other|further|more)(?-u:\b)|(?-u:\b)(?:the rest|remainder|the balance|remaining)(?-u:\b))")
        .expect("constant regex")
});

static SKIP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(up from|down from|from|compared|versus|each|per|a year|annually|could|might|would|expected|than)\s*$")
        .expect("constant regex")
});

static SKIP_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:each|apiece|a year|a month|per year|per month|per quarter|a quarter|annually|monthly|yearly|a piece)(?-u:\b)")
        .expect("constant regex")
});

impl Rule for SumMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, a: &Analysis<'_>, out: &mut Vec<Diagnostic>) {
        for c in &a.claims {
            if matches!(c.kind, ClaimKind::Sentence { .. }) {
                check_sentence(a, c, out);
            }
        }
    }
}

fn money(v: &ValueItem) -> Option<(Currency, Quantity)> {
    match v.value {
        Value::Money { currency, amount } => Some((currency, amount)),
        _ => None,
    }
}

/// How a whole is tied to its parts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Closure {
    /// The parts are all of the whole.
    Full,
    /// The parts are some of the whole: they may add up to less.
    Partial,
}

fn check_sentence(a: &Analysis<'_>, c: &Claim, out: &mut Vec<Diagnostic>) {
    let amounts: Vec<usize> = c
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| money(v).is_some() && !prose::in_quotes(&c.text, v.pos.start))
        .map(|(i, _)| i)
        .collect();
    if amounts.len() < 2 {
        return;
    }
    let closure = if PARTIAL_LIST.is_match(&c.text) {
        Closure::Partial
    } else {
        Closure::Full
    };
    // A whole, then its parts.
    for (k, &w) in amounts.iter().enumerate() {
        let rest = &amounts[k + 1..];
        let Some(&first) = rest.first() else { break };
        let gap = &c.text[c.values[w].pos.end..c.values[first].pos.start];
        let Some(op) = OPENER.find(gap) else { continue };
        let lead = &gap[..op.start()];
        if lead.contains([',', ';']) || lead.len() > 80 {
            continue;
        }
        if op.as_str() == ":" && lead.trim().len() > 25 && !LIST_LEAD.is_match(lead) {
            continue;
        }
        // Nothing but the list's first part after the opener.
        let head = &gap[op.end()..];
        if LIST_JOIN.is_match(head) || MORE_ITEMS.is_match(head) {
            return;
        }
        let Some(parts) = list_from(c, rest) else {
            return;
        };
        if goes_on(c, &parts, c.text.len()) {
            return;
        }
        let count_from = c.values[w].pos.end;
        let count_to = c.values[first].pos.start;
        check_count(a, c, count_from..count_to, &parts, out);
        compare(a, c, w, &parts, closure, out);
        return;
    }
    // Parts, then the whole.
    let &w = amounts.last().expect("two amounts at least");
    let before = prose::before(c, &c.values[w], 60);
    let cue_before = TOTAL_BEFORE.captures(before).map(|m| {
        // `before` ends before the whole's hedge ("a total of more than"): where it
        // starts in the claim's text, not the whole's start, places the cue.
        let window = before.as_ptr() as usize - c.text.as_ptr() as usize;
        let at = window + m.get(0).map_or(0, |x| x.start());
        let cl = if m.name("partial").is_some() {
            Closure::Partial
        } else {
            closure
        };
        (cl, at)
    });
    let cue_after = TOTAL_AFTER.is_match(&c.text[c.values[w].pos.end..]);
    if cue_before.is_none() && !cue_after {
        return;
    }
    let Some(parts) = list_before(c, &amounts[..amounts.len() - 1]) else {
        return;
    };
    let &last = parts.last().expect("a list has parts");
    let gap = &c.text[c.values[last].pos.end..c.values[w].pos.start];
    let (closure, tail_end) = match cue_before {
        Some((cl, at)) => (cl, at),
        None => match GAP_TO_WHOLE.find(gap) {
            Some(m) => (closure, c.values[last].pos.end + m.start()),
            None => return,
        },
    };
    if goes_on(c, &parts, tail_end.max(c.values[last].pos.end)) {
        return;
    }
    let first = parts[0];
    check_count(a, c, 0..c.values[first].pos.start, &parts, out);
    compare(a, c, w, &parts, closure, out);
}

/// The list of parts that starts with the first of `rest`: amounts joined by commas,
/// "and", "plus". None when it is no list of two or more, or it may go on with a
/// part stated without an amount.
fn list_from(c: &Claim, rest: &[usize]) -> Option<Vec<usize>> {
    let mut parts = vec![rest[0]];
    for pair in rest.windows(2) {
        let gap = between(c, pair[0], pair[1]);
        if !is_join(&gap) {
            break;
        }
        parts.push(pair[1]);
    }
    finish(c, parts)
}

/// The list of parts that ends with the last of `before`.
fn list_before(c: &Claim, before: &[usize]) -> Option<Vec<usize>> {
    let (&last, earlier) = before.split_last()?;
    let mut parts = vec![last];
    for &p in earlier.iter().rev() {
        let gap = between(c, p, parts[0]);
        if !is_join(&gap) {
            break;
        }
        parts.insert(0, p);
    }
    finish(c, parts)
}

fn finish(c: &Claim, parts: Vec<usize>) -> Option<Vec<usize>> {
    if parts.len() < 2 {
        return None;
    }
    for &p in &parts {
        let v = &c.values[p];
        if SKIP_BEFORE.is_match(prose::before(c, v, 40))
            || SKIP_AFTER.is_match(prose::after(c, v, 20))
        {
            return None;
        }
    }
    Some(parts)
}

/// True when the text after the last part (up to `until`, other values left out)
/// goes on with a part stated without an amount.
fn goes_on(c: &Claim, parts: &[usize], until: usize) -> bool {
    let Some(&last) = parts.last() else {
        return false;
    };
    let from = c.values[last].pos.end;
    MORE_ITEMS.is_match(&without_values(c, from..until.max(from)))
}

/// The text between two values, other values left out.
fn between(c: &Claim, x: usize, y: usize) -> String {
    without_values(c, c.values[x].pos.end..c.values[y].pos.start)
}

fn without_values(c: &Claim, r: Range<usize>) -> String {
    let mut s = String::new();
    let mut at = r.start;
    for v in &c.values {
        if v.pos.start >= at && v.pos.end <= r.end {
            s.push_str(&c.text[at..v.pos.start]);
            s.push(' ');
            at = v.pos.end;
        }
    }
    s.push_str(&c.text[at.min(r.end)..r.end]);
    s
}

/// Two parts of one list: a separator between them, and nothing that opens or closes
/// a list.
fn is_join(gap: &str) -> bool {
    gap.len() <= 60
        && LIST_JOIN.is_match(gap)
        && !OPENER.is_match(gap)
        && !TOTAL_BEFORE.is_match(gap)
        && !gap.contains('.')
}

/// "two tranches" must name the number of parts listed.
fn check_count(
    a: &Analysis<'_>,
    c: &Claim,
    within: Range<usize>,
    parts: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    let listed = parts.len();
    for v in &c.values {
        if v.pos.start < within.start || v.pos.end > within.end {
            continue;
        }
        let Value::Count(q) = v.value else { continue };
        if q.is_range() || q.hedge != Hedge::Exact {
            continue;
        }
        let Some(noun) = PARTS_NOUN.find(&c.text[v.pos.end..]) else {
            continue;
        };
        let n = q.value();
        if (n - listed as f64).abs() > 0.5 {
            let noun = noun.as_str().trim();
            let mut d = Diagnostic::new(
                RuleId::SumMismatch,
                v.span.clone(),
                format!(
                    "stated {} {noun}, but {listed} are listed",
                    a.source_text(&v.span)
                ),
            )
            .with_label(format!("{} {noun}", a.source_text(&v.span)));
            for &p in parts {
                d.related.push(Label {
                    file: FileKey::Draft,
                    span: c.values[p].span.clone(),
                    message: "listed part".to_string(),
                });
            }
            d.expected = Some(listed.to_string());
            d.found = Some(a.source_text(&v.span).to_string());
            out.push(d);
        }
    }
}

/// The interval of an exact value, read at `finest` (see [`prose::at_precision`]).
fn at_precision(a: &Analysis<'_>, v: &ValueItem, q: Quantity, finest: f64) -> Interval {
    if q.hedge != Hedge::Exact {
        return q.interval();
    }
    prose::at_precision(q, a.source_text(&v.span), finest)
}

/// What the whole allows, as an interval. A bound is compared as one ("more than $3
/// billion" is any amount above it), except "up to", "as much as": that names the
/// ceiling itself ("a commitment of up to $2 billion"), and parts listed in full
/// break down that ceiling, so they add up to it.
fn whole_interval(a: &Analysis<'_>, v: &ValueItem, q: Quantity, finest: f64) -> Interval {
    match q.hedge {
        Hedge::UpTo => at_precision(
            a,
            v,
            Quantity {
                hedge: Hedge::Exact,
                ..q
            },
            finest,
        ),
        _ => at_precision(a, v, q, finest),
    }
}

fn compare(
    a: &Analysis<'_>,
    c: &Claim,
    w: usize,
    parts: &[usize],
    closure: Closure,
    out: &mut Vec<Diagnostic>,
) {
    let Some((cur, whole)) = money(&c.values[w]) else {
        return;
    };
    // Every value is read at the finest precision printed among them: "$4 billion"
    // beside "$1.25 billion" is no rounding of $3.5 billion (as in `table-arithmetic`).
    let finest = std::iter::once(w)
        .chain(parts.iter().copied())
        .filter_map(|i| money(&c.values[i]))
        .map(|(_, q)| q.precision)
        .fold(f64::INFINITY, f64::min);
    let (mut lo, mut hi, mut sum) = (0.0, 0.0, 0.0);
    for &p in parts {
        let Some((pc, q)) = money(&c.values[p]) else {
            return;
        };
        if pc != cur || q.hedge != Hedge::Exact || q.is_range() {
            return;
        }
        let i = at_precision(a, &c.values[p], q, finest);
        lo += i.lo;
        hi += i.hi;
        sum += q.value();
    }
    let wi = whole_interval(a, &c.values[w], whole, finest);
    let wrong = match closure {
        Closure::Full => !(Interval { lo, hi }).overlaps(&wi),
        Closure::Partial => lo > wi.hi,
    };
    if !wrong {
        return;
    }
    let listed: Vec<&str> = parts
        .iter()
        .map(|&p| a.source_text(&c.values[p].span))
        .collect();
    let total = Value::Money {
        currency: cur,
        amount: Quantity::point(sum, 0.0),
    }
    .describe();
    let wspan = c.values[w].span.clone();
    let message = match closure {
        Closure::Full => format!(
            "stated {}, but the parts listed add up to {total} ({})",
            a.source_text(&wspan),
            listed.join(" + ")
        ),
        Closure::Partial => format!(
            "stated {}, but the parts listed already add up to {total} ({})",
            a.source_text(&wspan),
            listed.join(" + ")
        ),
    };
    let mut d =
        Diagnostic::new(RuleId::SumMismatch, wspan.clone(), message).with_label("the whole");
    for &p in parts {
        d.related.push(Label {
            file: FileKey::Draft,
            span: c.values[p].span.clone(),
            message: "a part".to_string(),
        });
    }
    d.expected = Some(total);
    d.found = Some(a.source_text(&wspan).to_string());
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::facts::FactBase;
    use crate::run::{CheckOptions, check_text};

    /// The text of each `sum-mismatch` finding of `body`, with no fact base.
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
            .filter(|d| d.rule == crate::rules::RuleId::SumMismatch)
            .map(|d| body[d.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_whole_printed_coarser_than_its_parts_is_read_at_their_precision() {
        // $1.25 billion + $2.25 billion is $3.5 billion, which "$4 billion" does not
        // round: a writer who prints cents of a billion in the parts prints the total so.
        assert_eq!(
            found("Globex's $4 billion came in two tranches: $1.25 billion and $2.25 billion."),
            ["$4 billion"]
        );
        assert_eq!(
            found("Globex's $4 billion came in two tranches: $1.25 billion and $2.75 billion."),
            Vec::<String>::new()
        );
        // "about" keeps its own tolerance.
        assert_eq!(
            found("Globex raised $1.25 billion and $2.6 billion, for about $4 billion in all."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_whole_then_its_parts_after_was() {
        assert_eq!(
            found("Globex's commitment of $2 billion was $500 million upfront and $1 billion over time."),
            ["$2 billion"]
        );
        assert_eq!(
            found("Globex's commitment of $2 billion was $500 million upfront and $1.5 billion over time."),
            Vec::<String>::new()
        );
        // One amount after "was" is no list.
        assert_eq!(
            found("Globex's $2 billion was $500 million more than Initech's $1.5 billion."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn bounds_are_compared_as_intervals() {
        // "up to" names the ceiling that the parts break down.
        assert_eq!(
            found("Globex's commitment of up to $2 billion was $500 million upfront and $1 billion over time."),
            ["$2 billion"]
        );
        assert_eq!(
            found("Globex's commitment of up to $2 billion was $500 million upfront and $1.5 billion over time."),
            Vec::<String>::new()
        );
        // "more than $3 billion" holds any sum above it, and no sum below it.
        assert_eq!(
            found("Globex raised $1.25 billion and $2.25 billion, a total of more than $3 billion."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Globex raised $1.25 billion and $2.25 billion, a total of more than $4 billion."),
            ["$4 billion"]
        );
    }
}
