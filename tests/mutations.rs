//! Mutation and paraphrase tests generated from the built-in fact base (FactCC's
//! NumberSwap / DateSwap idea): a true sentence about each fact, rewritten in other
//! forms, must stay silent; the same sentence with one number or one date changed must
//! give exactly one finding, of the right rule, on the changed span.

use std::path::Path;

use factlint::base::value::{Currency, DateValue, Grain, Value};
use factlint::facts::{Fact, FactBase, FactKind};
use factlint::run::{CheckOptions, check_text};
use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn base() -> FactBase {
    FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid")
}

fn names(base: &FactBase, f: &Fact) -> (String, String) {
    let n = |i: usize| base.entities[f.entities[i]].names[0].clone();
    (n(0), n(1))
}

/// "$2.75 billion" in several styles, all meaning the same value.
fn money_styles(v: f64) -> Vec<String> {
    let b = v / 1e9;
    if b >= 1.0 {
        let t = trim(b);
        vec![
            format!("${t} billion"),
            format!("${t}B"),
            format!("US${t}bn"),
            format!("USD {t} billion"),
            format!("${} million", factlint::base::value::format_count(v / 1e6)),
        ]
    } else {
        let m = trim(v / 1e6);
        vec![
            format!("${m} million"),
            format!("${m}M"),
            format!("US${m}m"),
        ]
    }
}

fn trim(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn date_styles(d: &DateValue) -> Vec<String> {
    let m = MONTHS[(d.start.month() - 1) as usize];
    let y = d.start.year();
    match d.grain {
        Grain::Day => {
            let day = d.start.day();
            vec![
                format!("on {m} {day}, {y}"),
                format!("on {day} {m} {y}"),
                format!("on {}", d.start),
                format!("on {}. {day}, {y}", &m[..3]),
                format!("in {m} {y}"),
            ]
        }
        _ => vec![format!("in {m} {y}")],
    }
}

fn shifted_month(d: &DateValue) -> String {
    let s = d.start;
    let month = (s.month() + 2) % 12 + 1; // three months later, wrapping
    format!("in {} {}", MONTHS[(month - 1) as usize], s.year())
}

fn findings(base: &FactBase, text: &str, date: Date) -> Vec<(String, String)> {
    let opts = CheckOptions {
        default_date: Some(date),
        ..CheckOptions::default()
    };
    check_text(Path::new("t.md"), text, base, &opts)
        .diagnostics
        .iter()
        .map(|d| (d.rule.to_string(), text[d.span.clone()].to_string()))
        .collect()
}

struct Case {
    fact: String,
    sentence: String,
    amount: String,
    when: String,
}

/// A true sentence per event with a money amount and a cue word.
fn event_cases(base: &FactBase) -> Vec<(Case, f64, DateValue, bool)> {
    let mut out = Vec::new();
    for f in &base.facts {
        let FactKind::Event {
            date,
            amount: Some(a),
            ..
        } = &f.kind
        else {
            continue;
        };
        let Value::Money {
            currency: Currency::Usd,
            amount,
        } = a.value
        else {
            continue;
        };
        if amount.hedge != factlint::base::value::Hedge::Exact && !amount.hedge.is_bound() {
            continue;
        }
        let bound = amount.hedge.is_bound();
        let cue = f
            .cues
            .iter()
            .find(|c| c.as_str() != "up to")
            .cloned()
            .unwrap_or_default();
        let (e1, e2) = names(base, f);
        for (i, styled) in money_styles(amount.low).into_iter().enumerate() {
            for (j, when) in date_styles(date).into_iter().enumerate() {
                if i > 0 && j > 0 {
                    continue; // vary one thing at a time
                }
                let amount_text = if bound {
                    format!("up to {styled}")
                } else {
                    styled.clone()
                };
                let sentence =
                    format!("{e1} made a {cue} investment of {amount_text} in {e2} {when}.");
                out.push((
                    Case {
                        fact: f.id.clone(),
                        sentence,
                        amount: styled.clone(),
                        when,
                    },
                    amount.low,
                    *date,
                    bound,
                ));
            }
        }
    }
    out
}

#[test]
fn paraphrases_of_true_event_statements_stay_silent() {
    let base = base();
    let cases = event_cases(&base);
    assert!(
        cases.len() >= 30,
        "too few generated cases: {}",
        cases.len()
    );
    for (c, ..) in &cases {
        let found = findings(&base, &c.sentence, Date::constant(2026, 1, 1));
        assert_eq!(found, vec![], "{}: {}", c.fact, c.sentence);
    }
}

#[test]
fn a_changed_amount_is_one_value_mismatch_on_the_amount() {
    let base = base();
    let mut caught = 0;
    let mut total = 0;
    for (c, value, _, _) in event_cases(&base) {
        let wrong = money_styles(value * 1.6)
            .into_iter()
            .next()
            .expect("a style");
        let text = c.sentence.replacen(&c.amount, &wrong, 1);
        total += 1;
        let found = findings(&base, &text, Date::constant(2026, 1, 1));
        if found == vec![("value-mismatch".to_string(), wrong.clone())] {
            caught += 1;
        } else {
            assert!(
                found.is_empty(),
                "{}: wrong finding {found:?} for {text}",
                c.fact
            );
        }
    }
    // Every generated mutation names its fact by a cue and a date: all are caught.
    assert_eq!(caught, total, "value-mismatch catch rate {caught}/{total}");
}

#[test]
fn a_changed_date_is_one_date_mismatch_on_the_date() {
    let base = base();
    let (mut caught, mut total) = (0, 0);
    for (c, _, date, _) in event_cases(&base) {
        if !c.when.starts_with("in ") || !c.sentence.contains(&c.amount) {
            continue;
        }
        let wrong = shifted_month(&date);
        if wrong == c.when {
            continue;
        }
        let text = c.sentence.replacen(&c.when, &wrong, 1);
        total += 1;
        let found = findings(&base, &text, Date::constant(2026, 1, 1));
        let wrong_span = wrong.trim_start_matches("in ").to_string();
        if found == vec![("date-mismatch".to_string(), wrong_span)] {
            caught += 1;
        } else {
            assert!(
                found.is_empty(),
                "{}: wrong finding {found:?} for {text}",
                c.fact
            );
        }
    }
    assert!(total > 0);
    assert_eq!(caught, total, "date-mismatch catch rate {caught}/{total}");
}

#[test]
fn totals_are_right_in_their_time_and_stale_after() {
    let base = base();
    let mut checked = 0;
    for f in &base.facts {
        let FactKind::Quantity { values } = &f.kind else {
            continue;
        };
        let (e1, e2) = names(&base, f);
        for (i, t) in values.iter().enumerate() {
            let Value::Money { amount, .. } = t.stated.value else {
                continue;
            };
            if amount.hedge != factlint::base::value::Hedge::Exact {
                continue;
            }
            for styled in money_styles(amount.low) {
                let text = format!("{e1}'s total investment in {e2} stands at {styled}.");
                // True on the day it started to hold.
                assert_eq!(
                    findings(&base, &text, t.from),
                    vec![],
                    "{text} on {}",
                    t.from
                );
                // Stale once the next value holds.
                if let Some(next) = values.get(i + 1) {
                    assert_eq!(
                        findings(&base, &text, next.from),
                        vec![("stale-value".to_string(), styled.clone())],
                        "{text} on {}",
                        next.from
                    );
                }
                checked += 1;
            }
            let wrong = money_styles(amount.low * 1.6)
                .into_iter()
                .next()
                .expect("a style");
            let text = format!("{e1}'s total investment in {e2} stands at {wrong}.");
            assert_eq!(
                findings(&base, &text, t.from),
                vec![("value-mismatch".to_string(), wrong.clone())],
                "{text}"
            );
        }
    }
    assert!(checked >= 10);
}
