//! Target (c): every recognizer on any string. Asserts that mentions are inside the
//! text, on character boundaries, sorted and non-overlapping, with hedge words before
//! their value; the whole-string parsers and the sentence splitter must not panic and
//! must agree with the text's bounds.
#![no_main]

use factlint::recognize::{self, parse_count, parse_date, parse_money, parse_percent};
use libfuzzer_sys::fuzz_target;

fn boundary(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ms = recognize::recognize(text);
    let mut last_end = 0;
    for m in &ms {
        assert!(m.span.start < m.span.end, "empty span {m:?}");
        assert!(boundary(text, &m.span), "span off bounds {m:?}");
        assert!(m.span.start >= last_end, "overlap or disorder {ms:?}");
        last_end = m.span.end;
        if let Some(h) = &m.hedge_span {
            assert!(h.start < h.end && h.end <= m.span.start, "hedge {m:?}");
            assert!(boundary(text, h), "hedge off bounds {m:?}");
        }
    }
    let _ = parse_money(text);
    let _ = parse_date(text);
    let _ = parse_percent(text);
    let _ = parse_count(text);
    let _ = factlint::facts::parse_value(text);
    let mut last = 0;
    for s in factlint::read::sentence::split(text) {
        assert!(boundary(text, &s) && s.start >= last, "sentence {s:?}");
        last = s.end;
    }
});
