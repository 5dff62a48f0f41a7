//! Tests of the recognizers together (each recognizer has its own in its file).

use super::*;

#[test]
fn a_long_text_does_not_leave_its_memory_to_the_thread() {
    let capacity = || {
        SCRATCH.with(|s| {
            let s = s.borrow();
            (
                s.1.capacity(),
                s.0.digits.capacity().max(s.0.money.capacity()),
            )
        })
    };
    // A paragraph's memory is kept for the next text...
    let short = "It raised $4 billion in 2024 and $2 billion in 2025.";
    assert_eq!(recognize(short).len(), 4);
    let (cands, places) = capacity();
    assert!(cands > 0 && places > 0, "{cands} {places}");
    // ... not that of 300 KB of amounts.
    let long = "$1 and 2 ".repeat(100_000);
    assert_eq!(recognize(&long).len(), 200_000);
    let (cands, places) = capacity();
    assert!(cands <= KEEP_CANDIDATES, "{cands}");
    assert!(places <= KEEP_PLACES, "{places}");
}
use crate::base::value::{Grain, Hedge};
use jiff::civil::Date;

fn texts<'a>(text: &'a str, ms: &[Mention]) -> Vec<&'a str> {
    ms.iter().map(|m| &text[m.span.clone()]).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Spans on char boundaries, inside the text, sorted and non-overlapping; hedge
/// spans end at or before their value.
#[track_caller]
fn assert_well_formed(text: &str, ms: &[Mention]) {
    let mut last_end = 0;
    for m in ms {
        assert!(m.span.start < m.span.end, "{text:?}: empty span {m:?}");
        assert!(m.span.end <= text.len(), "{text:?}: span past end {m:?}");
        assert!(text.is_char_boundary(m.span.start), "{text:?}: {m:?}");
        assert!(text.is_char_boundary(m.span.end), "{text:?}: {m:?}");
        assert!(
            m.span.start >= last_end,
            "{text:?}: overlap or disorder {ms:?}"
        );
        last_end = m.span.end;
        if let Some(h) = &m.hedge_span {
            assert!(h.start < h.end && h.end <= m.span.start, "{text:?}: {m:?}");
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }
    }
}

#[test]
fn amazon_sentence() {
    let t = "Amazon invested $1.25 billion in September 2023 and $2.75 billion in March 2024.";
    let ms = recognize(t);
    assert_well_formed(t, &ms);
    assert_eq!(
        texts(t, &ms),
        [
            "$1.25 billion",
            "September 2023",
            "$2.75 billion",
            "March 2024"
        ]
    );
    assert_eq!(ms[0].span, 16..29);
    let Value::Money { currency, amount } = ms[0].value else {
        panic!("{:?}", ms[0]);
    };
    assert_eq!(currency, Currency::Usd);
    assert!(close(amount.low, 1.25e9) && close(amount.precision, 1e7));
    assert_eq!(
        ms[1].value,
        Value::Date(DateValue {
            start: Date::constant(2023, 9, 1),
            end: Date::constant(2023, 10, 1),
            grain: Grain::Month,
        })
    );
    assert!(!ms[1].bare_year && !ms[3].bare_year);
    let Value::Money { amount, .. } = ms[2].value else {
        panic!("{:?}", ms[2]);
    };
    assert!(close(amount.low, 2.75e9) && close(amount.precision, 1e7));
}

#[test]
fn amounts_compared_in_a_sentence() {
    let t = "The $8 billion total, up from $4 billion, came in over $13B+ bids.";
    let ms = recognize(t);
    assert_well_formed(t, &ms);
    assert_eq!(texts(t, &ms), ["$8 billion", "$4 billion", "$13B+"]);
    let Value::Money { amount, .. } = ms[2].value else {
        panic!("{:?}", ms[2]);
    };
    // A hedge word before the value wins over the trailing `+`.
    assert_eq!(amount.hedge, Hedge::MoreThan);
    assert_eq!(&t[ms[2].hedge_span.clone().expect("hedge")], "over");
}

#[test]
fn a_count_that_survives_gets_its_hedge_looked_up_late() {
    // The counts' hedge words are looked up after the overlaps are settled: the
    // same mentions as the recognizer alone gives, hedge and all.
    let t = "It has more than 500 employees, over 20+ partners and about 3 million users, \
             up from nearly $2 billion in 2023.";
    let ms = recognize(t);
    assert_well_formed(t, &ms);
    let counts: Vec<Mention> = ms
        .iter()
        .filter(|m| matches!(m.value, Value::Count(_)))
        .cloned()
        .collect();
    let mut alone = Vec::new();
    count::find(t, &mut alone);
    let alone: Vec<Mention> = alone
        .into_iter()
        .filter_map(|c| c.mention)
        .filter(|m| counts.iter().any(|c| c.span == m.span))
        .collect();
    assert_eq!(counts, alone);
    let hedges: Vec<(&str, Hedge)> = counts
        .iter()
        .map(|m| {
            let Value::Count(q) = m.value else {
                unreachable!()
            };
            (&t[m.hedge_span.clone().expect("hedged")], q.hedge)
        })
        .collect();
    assert_eq!(
        hedges,
        [
            ("more than", Hedge::MoreThan),
            ("over", Hedge::MoreThan),
            ("about", Hedge::About)
        ]
    );
}

#[test]
fn a_year_range_is_nothing() {
    assert_eq!(recognize("In 2023-2024 the firm grew"), []);
    assert_eq!(recognize("In 2023–24 the firm grew"), []);
    assert_eq!(recognize("the 2023/2024 season"), []);
}

#[test]
fn a_grouped_amount_is_no_year() {
    let t = "It cost $2,023 in total.";
    let ms = recognize(t);
    assert_eq!(texts(t, &ms), ["$2,023"]);
    let Value::Money { amount, .. } = ms[0].value else {
        panic!("{:?}", ms[0]);
    };
    assert!(close(amount.low, 2023.0) && close(amount.precision, 1.0));
    let ms = recognize("2,023 people");
    assert_eq!(ms.len(), 1);
    assert!(matches!(ms[0].value, Value::Count(q) if close(q.low, 2023.0)));
    // "12023" is a number (a count), never a year; "v2023" is an identifier.
    let t = "v2023 and 12023";
    let ms = recognize(t);
    assert_eq!(texts(t, &ms), ["12023"]);
    assert!(matches!(ms[0].value, Value::Count(_)));
}

#[test]
fn hedged_counts_in_sentences() {
    for (t, v) in [
        ("Over 100,000 customers use it.", 1e5),
        ("It has over 50,000 customers.", 5e4),
    ] {
        let ms = recognize(t);
        assert_eq!(ms.len(), 1, "{t:?} gave {ms:?}");
        let Value::Count(q) = ms[0].value else {
            panic!("{:?}", ms[0]);
        };
        assert!(close(q.low, v));
        assert_eq!(q.hedge, Hedge::MoreThan);
        assert_eq!(
            &t[ms[0].hedge_span.clone().expect("hedge")].to_lowercase(),
            "over"
        );
    }
}

#[test]
fn kinds_win_over_each_other() {
    // Money over count: "4 billion" inside "$4 billion" is not a second value.
    assert_eq!(
        texts("$4 billion", &recognize("$4 billion")),
        ["$4 billion"]
    );
    // Percent over count.
    let ms = recognize("60-70%");
    assert_eq!(ms.len(), 1);
    assert!(matches!(ms[0].value, Value::Percent(q) if q.low == 60.0 && q.high == 70.0));
    // Date over count and over a bare year.
    for t in ["22 November 2024", "March 2024", "Q3 2023", "mid-2024"] {
        let ms = recognize(t);
        assert_eq!(texts(t, &ms), [t], "{t:?}");
        assert!(matches!(ms[0].value, Value::Date(_)) && !ms[0].bare_year);
    }
    // Blockers hide counts but produce nothing.
    assert_eq!(recognize("up 5 percentage points"), []);
    assert_eq!(recognize("February 30, 2024"), []);
}

#[test]
fn a_paragraph_with_every_kind() {
    let t = "Anthropic raised $4 billion from Amazon in two tranches (Q3 2023 and \
             early 2024), roughly 87% of its funding. Claude 3.5 now serves over \
             100,000 customers on H100 and GPT-4-class hardware, 24/7, since 2023.";
    let ms = recognize(t);
    assert_well_formed(t, &ms);
    assert_eq!(
        texts(t, &ms),
        [
            "$4 billion",
            "two",
            "Q3 2023",
            "early 2024",
            "87%",
            "100,000",
            "2023"
        ]
    );
    assert!(ms[6].bare_year);
    assert!(matches!(ms[4].value, Value::Percent(q) if q.hedge == Hedge::About));
    assert!(matches!(ms[5].value, Value::Count(q) if q.hedge == Hedge::MoreThan));
}

#[test]
fn recognize_into_appends() {
    let mut out = recognize("$1 billion");
    recognize_into("in 2024", &mut out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].span, 3..7);
}

#[test]
fn parse_money_whole_strings() {
    let (c, q) = parse_money("$2.75 billion").expect("money");
    assert_eq!(c, Currency::Usd);
    assert!(close(q.low, 2.75e9) && close(q.precision, 1e7) && q.hedge == Hedge::Exact);
    let (_, q) = parse_money("up to $4 billion").expect("money");
    assert!(close(q.high, 4e9) && q.hedge == Hedge::UpTo);
    let (_, q) = parse_money("  about $13 billion ").expect("money");
    assert!(close(q.low, 13e9) && q.hedge == Hedge::About);
    let (c, q) = parse_money("€2bn").expect("money");
    assert_eq!(c, Currency::Eur);
    assert!(close(q.low, 2e9));
    let (_, q) = parse_money("$1-2 billion").expect("money");
    assert!(close(q.low, 1e9) && close(q.high, 2e9));
    for bad in [
        "",
        "$",
        "4 billion",
        "$4 billion and $5 billion",
        "raised $4 billion",
        "$4 billion raised",
        "87%",
        "billion-dollar",
    ] {
        assert_eq!(parse_money(bad), None, "{bad:?}");
    }
}

#[test]
fn iso_days_read_without_the_pattern_are_read_as_with_it() {
    let by_pattern = |s: &str| match whole(s, date::find) {
        Some(Value::Date(d)) => Some(d),
        _ => None,
    };
    let (mut days, mut no_day) = (0, 0);
    for y in (1890..=2110).chain([0, 999, 1000, 9999]) {
        for m in 0..=13 {
            for d in 0..=32 {
                let s = format!("{y:04}-{m:02}-{d:02}");
                let want = by_pattern(&s);
                let fast = date::parse_iso_day(&s);
                if let Some(f) = fast {
                    assert_eq!(f, want, "{s}");
                    if f.is_some() { days += 1 } else { no_day += 1 }
                }
                assert_eq!(parse_date(&s), want, "{s}");
            }
        }
    }
    // Every day of the two centuries, and the 31sts and February days that do not
    // exist, were read without the pattern.
    assert_eq!(days, 73_049);
    assert_eq!(no_day, 200 * 12 * 31 - 73_049);
    // Other shapes are left to the pattern.
    for s in [
        "2024-11-2",
        "2024-11-222",
        "2024/11/22",
        "2024-1x-22",
        "22-11-2024",
    ] {
        assert_eq!(date::parse_iso_day(s), None, "{s}");
    }
}

#[test]
fn parse_date_whole_strings() {
    let day = parse_date("2024-11-22").expect("date");
    assert_eq!(day, DateValue::day(Date::constant(2024, 11, 22)));
    let month = parse_date("2023-10").expect("date");
    assert_eq!(
        (month.start, month.end, month.grain),
        (
            Date::constant(2023, 10, 1),
            Date::constant(2023, 11, 1),
            Grain::Month
        )
    );
    let year = parse_date("2023").expect("date");
    assert_eq!(
        (year.start, year.end, year.grain),
        (
            Date::constant(2023, 1, 1),
            Date::constant(2024, 1, 1),
            Grain::Year
        )
    );
    let q = parse_date("Q3 2023").expect("date");
    assert_eq!(
        (q.start, q.grain),
        (Date::constant(2023, 7, 1), Grain::Quarter)
    );
    let m = parse_date(" November 2024 ").expect("date");
    assert_eq!(
        (m.start, m.grain),
        (Date::constant(2024, 11, 1), Grain::Month)
    );
    for bad in [
        "",
        "May",
        "in 2024",
        "2023-2024",
        "February 30, 2024",
        "2024-13",
        "1850",
        "$2024",
    ] {
        assert_eq!(parse_date(bad), None, "{bad:?}");
    }
}

#[test]
fn parse_percent_whole_strings() {
    let q = parse_percent("87%").expect("percent");
    assert!(close(q.low, 87.0) && close(q.precision, 1.0) && q.hedge == Hedge::Exact);
    let q = parse_percent("about 87 percent").expect("percent");
    assert!(close(q.low, 87.0) && q.hedge == Hedge::About);
    for bad in ["87", "87% of", "5 percentage points", ""] {
        assert_eq!(parse_percent(bad), None, "{bad:?}");
    }
}

#[test]
fn parse_count_whole_strings() {
    let q = parse_count("100,000").expect("count");
    assert!(close(q.low, 1e5) && close(q.precision, 1.0) && q.hedge == Hedge::Exact);
    let q = parse_count("over 100,000").expect("count");
    assert!(close(q.low, 1e5) && q.hedge == Hedge::MoreThan);
    let q = parse_count("two").expect("count");
    assert!(close(q.low, 2.0) && q.hedge == Hedge::Exact);
    let q = parse_count("3 million").expect("count");
    assert!(close(q.low, 3e6) && close(q.precision, 1e6));
    for bad in ["GPT-4", "H100", "$5", "two things", "", "3.5"] {
        assert_eq!(parse_count(bad), None, "{bad:?}");
    }
}

#[test]
fn tricky_inputs_never_panic() {
    let long = "9".repeat(500);
    let cases = [
        String::new(),
        "$".to_string(),
        "$$$".to_string(),
        "€".to_string(),
        "£".to_string(),
        "US$".to_string(),
        "$ billion".to_string(),
        "１２３ and ＄４ billion".to_string(),
        "🚀 $4 billion 🚀 in 2024 👍🏽".to_string(),
        "e\u{301}2024 a\u{301} 2024\u{301}".to_string(),
        "\u{a0}$4\u{a0}billion\u{a0}".to_string(),
        long.clone(),
        format!("${long}B"),
        format!("${long}.{long} billion"),
        format!("{long}%"),
        format!("over {long} users"),
        "~".to_string(),
        "more than".to_string(),
        "Q5 2023 H3 2024 0Q23".to_string(),
        "9999-99-99 2024-00-00 2024-02-29".to_string(),
        "\u{0}\u{feff}$\u{200b}4B".to_string(),
        "₹".repeat(100),
    ];
    for t in &cases {
        let ms = recognize(t);
        assert_well_formed(t, &ms);
        let _ = (
            parse_money(t),
            parse_date(t),
            parse_percent(t),
            parse_count(t),
        );
    }
    // Numbers longer than 30 digits are skipped, not parsed.
    assert_eq!(recognize(&long), []);
    assert_eq!(recognize(&format!("${long}B")), []);
}

#[test]
fn random_mixtures_are_well_formed() {
    const PIECES: &[&str] = &[
        "$",
        "4",
        "1.25",
        ",",
        "000",
        " ",
        "billion",
        "B",
        "bn",
        "%",
        "percent",
        "-",
        "–",
        "to",
        "over ",
        "about ",
        "~",
        "+",
        "Q3",
        "2023",
        "2024",
        "November",
        "Nov.",
        "22",
        "é",
        "🚀",
        "\u{301}",
        "€",
        "£",
        "C$",
        "US",
        "\n",
        "two",
        " tranches",
        "H",
        "100",
        "GPT",
        "/",
        ".",
        "mid",
        "early ",
        "of ",
        "K",
        "M",
        "１",
        "x",
        "st",
        "'",
        "’",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    for _ in 0..3000 {
        text.clear();
        let n = (next() % 12) as usize;
        for _ in 0..n {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        let ms = recognize(&text);
        assert_well_formed(&text, &ms);
        let _ = (parse_money(&text), parse_date(&text), parse_count(&text));
    }
}

/// The recognizers search only where a value can start (see `anchor`); they must
/// find exactly what the first versions found with an unanchored search over the
/// whole text. Checked on texts made of the pieces values are made of, in every
/// order, with the white space and the letters that make the patterns' corner
/// cases (no-break and narrow no-break spaces, line breaks, the long s that `(?i)`
/// reads as an `s`).
#[test]
fn anchored_searches_find_what_unanchored_ones_do() {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "3",
        "7",
        "12",
        "24",
        "99",
        "100",
        "2023",
        "2024",
        "1999",
        "12023",
        "1,250",
        "100,000",
        "1,2345",
        "3.5",
        "4.0",
        "1.25",
        "22nd",
        "1st",
        "3rd",
        "$",
        "US$",
        "U.S.$",
        "C$",
        "A$",
        "HK$",
        "€",
        "£",
        "¥",
        "₹",
        "CN¥",
        "USD",
        "EUR",
        "GBP",
        "INR",
        "RMB",
        "billion",
        "bn",
        "B",
        "M",
        "K",
        "k",
        "MM",
        "T",
        "million",
        "thousand",
        "trillion",
        "crore",
        "lakh",
        "mn",
        "mln",
        "tn",
        "dollars",
        "US dollars",
        "euros",
        "pounds",
        "yen",
        "%",
        "percent",
        "per cent",
        "5%",
        "60-70%",
        "87 percent",
        "5 %",
        "12.5%",
        "percentage",
        "points",
        "point",
        "January",
        "Jan.",
        "Sept.",
        "Sep",
        "May",
        "March",
        "Q3",
        "Q1",
        "H1",
        "H2",
        "3Q23",
        "1H24",
        "2023Q3",
        "first",
        "second",
        "third",
        "fourth",
        "quarter",
        "half",
        "of",
        "in",
        "early",
        "mid",
        "late",
        "end",
        "beginning",
        "middle",
        "start",
        "two",
        "Three",
        "a dozen",
        "a hundred",
        "seventeen",
        "ſeven",
        "ſix",
        "ſecond",
        "tranches",
        "rounds",
        "is",
        "the",
        "GPT-4",
        "v2023",
        "H100",
        "over",
        "about",
        "up to",
        "more than",
        "nearly",
        "~",
        "+",
        "-plus",
        "-",
        "–",
        "—",
        " to ",
        ",",
        ".",
        "'",
        "’",
        "/",
        ":",
        "x",
        "e",
        "s",
        "(",
        ")",
        "[",
        "]",
        "#",
    ];
    const GAPS: &[&str] = &[
        "",
        " ",
        " ",
        " ",
        "  ",
        "\u{a0}",
        "\u{202f}",
        "\n",
        " \n ",
        "\r\n",
        "\t",
        "    ",
        "\u{202f}\u{202f}\u{202f}\u{202f}\n\u{202f}\u{202f}\u{202f}\u{202f}",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    type Find = fn(&str, &mut Vec<Candidate>);
    let pairs: [(&str, Find, Find); 4] = [
        ("money", money::find, money::find_unanchored),
        ("percent", percent::find, percent::find_unanchored),
        ("date", date::find, date::find_unanchored),
        ("count", count::find, count::find_unanchored),
    ];
    let mut texts: Vec<String> = vec![
        "USD\u{202f}\u{202f}\u{202f}\u{202f}\r\n\u{202f}\u{202f}\u{202f}\u{202f}5 billion"
            .to_string(),
        "second quarter\u{202f}\u{202f}\u{202f}\u{202f}\r\n\u{202f}\u{202f}\u{202f}\u{202f}of\u{202f}\u{202f}\u{202f}\u{202f}\r\n\u{202f}\u{202f}\u{202f}\u{202f}2023"
            .to_string(),
        "xſix tranches, 1234,567 dollars and $5".to_string(),
    ];
    for _ in 0..12_000 {
        let mut t = String::new();
        for _ in 0..2 + next(14) {
            t.push_str(PIECES[next(PIECES.len())]);
            t.push_str(GAPS[next(GAPS.len())]);
        }
        texts.push(t);
    }
    let mut found = [0usize; 4];
    for t in &texts {
        for (k, (name, new, old)) in pairs.iter().enumerate() {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            new(t, &mut a);
            old(t, &mut b);
            assert_eq!(a, b, "{name} in {t:?}");
            found[k] += a.len();
        }
    }
    // The texts hold plenty of each kind.
    assert!(found.iter().all(|&n| n > 1000), "{found:?}");
    // The worst cases of the bounds in `anchor` are found.
    let mut c = Vec::new();
    money::find(&texts[0], &mut c);
    assert_eq!(c.len(), 1);
    c.clear();
    date::find(&texts[1], &mut c);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].span, 0..texts[1].len());
}
