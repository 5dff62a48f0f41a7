//! Shared pieces of the numeric recognizers: regex fragments, number parsing with
//! printed precision, and the character-context checks that keep identifiers such as
//! `GPT-4`, `24/7` or `3.5.1` out of the results.

/// A printed number: digits with optional thousands separators and decimals.
/// Digits are ASCII only (`[0-9]`), so full-width or other scripts never match.
pub(crate) const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";

/// One run of horizontal whitespace, or a single line break with optional indentation
/// around it (Markdown paragraphs wrap anywhere).
pub(crate) const SP1: &str =
    r"(?:[ \t\u{a0}\u{202f}]{1,4}|[ \t\u{a0}\u{202f}]{0,4}\r?\n[ \t\u{a0}\u{202f}]{0,4})";

/// A range separator between two numbers: a hyphen or dash, or "to".
pub(crate) fn range_sep() -> String {
    format!(r"(?:{SP1}?[-–—]{SP1}?|{SP1}to{SP1})")
}

/// The length of the [`NUM`] match at the start of `b` (0 if none), with the same
/// leftmost-first choice as the regex: "1,234,567.5" as a grouped number when there
/// is at least one `,ddd` group after 1–3 digits, otherwise digits with decimals.
pub(crate) fn num_prefix_len(b: &[u8]) -> usize {
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let decimals = |at: usize| {
        if b.get(at) == Some(&b'.') {
            let d = digits(at + 1);
            if d > 0 {
                return at + 1 + d;
            }
        }
        at
    };
    let lead = digits(0);
    if lead == 0 {
        return 0;
    }
    if lead <= 3 {
        let mut at = lead;
        let mut groups = 0;
        while b.get(at) == Some(&b',') && digits(at + 1) >= 3 {
            at += 4;
            groups += 1;
        }
        if groups > 0 {
            return decimals(at);
        }
    }
    decimals(lead)
}

/// Numbers longer than this (in digits) are skipped rather than parsed.
pub(crate) const MAX_DIGITS: usize = 30;

/// A number as printed: all its digits as an integer and how many of them are decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Num {
    /// The digits, separators and decimal point removed.
    pub mantissa: u128,
    /// Digits after the decimal point.
    pub decimals: u32,
}

impl Num {
    /// Parses `[0-9,]+(\.[0-9]+)?`; `None` for anything else or more than
    /// [`MAX_DIGITS`] digits.
    pub(crate) fn parse(s: &str) -> Option<Num> {
        let mut mantissa: u128 = 0;
        let mut digits = 0usize;
        let mut decimals = 0u32;
        let mut after_point = false;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    digits += 1;
                    if digits > MAX_DIGITS {
                        return None;
                    }
                    mantissa = mantissa * 10 + u128::from(b - b'0');
                    if after_point {
                        decimals += 1;
                    }
                }
                b',' if !after_point => {}
                b'.' if !after_point => after_point = true,
                _ => return None,
            }
        }
        (digits > 0).then_some(Num { mantissa, decimals })
    }

    /// The value and the unit of its last digit after scaling by `10^scale`.
    pub(crate) fn scaled(self, scale: i32) -> (f64, f64) {
        // `decimals` is at most MAX_DIGITS, so the cast cannot wrap.
        let exp = scale - self.decimals as i32;
        let m = self.mantissa as f64;
        if exp >= 0 {
            let p = 10f64.powi(exp);
            (m * p, p)
        } else {
            let p = 10f64.powi(-exp);
            (m / p, 1.0 / p)
        }
    }

    /// True when the number was printed with a decimal point.
    pub(crate) fn has_decimals(self) -> bool {
        self.decimals > 0
    }
}

/// The power of ten of a scale word or suffix ("billion", "bn", "B", "K"), if it is one.
pub(crate) fn scale_exp(word: &str) -> Option<i32> {
    let w = word.trim_matches(|c: char| c.is_whitespace());
    if w.is_empty() {
        return None;
    }
    match w {
        "K" | "k" => return Some(3),
        "M" | "m" | "MM" => return Some(6),
        "B" | "b" => return Some(9),
        "T" | "t" => return Some(12),
        _ => {}
    }
    // Compared without case, and without allocating.
    [
        ("thousand", 3),
        ("million", 6),
        ("mn", 6),
        ("mln", 6),
        ("billion", 9),
        ("bn", 9),
        ("trillion", 12),
        ("tn", 12),
        ("lakh", 5),
        ("crore", 7),
    ]
    .iter()
    .find(|(s, _)| s.eq_ignore_ascii_case(w))
    .map(|&(_, e)| e)
}

/// The character just before byte `i`, if any.
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The two characters just before byte `i` (nearest first).
pub(crate) fn prev2(text: &str, i: usize) -> (Option<char>, Option<char>) {
    let mut it = text.get(..i).unwrap_or("").chars().rev();
    (it.next(), it.next())
}

/// The two characters from byte `i` on.
pub(crate) fn next2(text: &str, i: usize) -> (Option<char>, Option<char>) {
    let mut it = text.get(i..).unwrap_or("").chars();
    (it.next(), it.next())
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when a number starting at byte `i` is glued to something on its left that
/// makes it part of an identifier, a version, a fraction, a range or an amount:
/// `H100`, `GPT-4`, `3.5`'s `5`, `24/7`'s `7`, `2023-2024`'s `2024`, `$5`, `#1`.
pub(crate) fn glued_left(text: &str, i: usize) -> bool {
    match prev2(text, i) {
        (None, _) => false,
        (Some(c), before) => {
            if is_word(c) {
                return true;
            }
            if matches!(
                c,
                '$' | '€' | '£' | '¥' | '₹' | '#' | '@' | '/' | '\\' | '^' | '.'
            ) {
                return true;
            }
            if is_dash(c) || matches!(c, ',' | ':' | '×') {
                return before.is_some_and(is_word);
            }
            false
        }
    }
}

/// True when a number ending at byte `i` is glued to something on its right:
/// a letter (`3x`, `1st`, `405B`), a fraction or version tail (`24/7`, `3.5.1`),
/// a following range or identifier part (`2023-24`, `3-2`), a time (`10:30`).
pub(crate) fn glued_right(text: &str, i: usize) -> bool {
    match next2(text, i) {
        (None, _) => false,
        (Some(c), after) => {
            if is_word(c) || matches!(c, '/' | '\\' | '×') {
                return true;
            }
            if is_dash(c) || matches!(c, '.' | ',' | ':') {
                return after.is_some_and(|a| a.is_ascii_digit());
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_digits_separators_and_decimals() {
        assert_eq!(
            Num::parse("1,250.75"),
            Some(Num {
                mantissa: 125_075,
                decimals: 2
            })
        );
        assert_eq!(Num::parse(""), None);
        assert_eq!(Num::parse("1.2.3"), None);
        assert_eq!(Num::parse(&"9".repeat(31)), None);
        assert!(Num::parse(&"9".repeat(30)).is_some());
    }

    #[test]
    fn scaling_keeps_the_printed_precision() {
        let n = Num::parse("1.25").expect("valid number");
        let (v, p) = n.scaled(9);
        assert_eq!(v, 1.25e9);
        assert_eq!(p, 1e7);
        let (v, p) = Num::parse("8.10").expect("valid number").scaled(0);
        assert!((v - 8.1).abs() < 1e-12);
        assert!((p - 0.01).abs() < 1e-15);
    }

    #[test]
    fn number_prefix_matches_the_pattern() {
        let re = regex::Regex::new(&format!("^(?:{NUM})")).expect("valid");
        for s in [
            "1,234,567.89x",
            "1234,567",
            "1,2345",
            "12.5.1",
            "1,23",
            "100,000",
            "7",
            "1.",
            "1,234.",
            ",5",
            "",
            "x1",
            "1234567",
            "0.25%",
            "1,234,5678",
            "12,345,67",
        ] {
            let want = re.find(s).map_or(0, |m| m.end());
            assert_eq!(num_prefix_len(s.as_bytes()), want, "{s:?}");
        }
    }

    #[test]
    fn scale_words() {
        assert_eq!(scale_exp("billion"), Some(9));
        assert_eq!(scale_exp(" Bn"), Some(9));
        assert_eq!(scale_exp("K"), Some(3));
        assert_eq!(scale_exp("T"), Some(12));
        assert_eq!(scale_exp("bananas"), None);
        assert_eq!(scale_exp(""), None);
    }

    #[test]
    fn glue_checks() {
        assert!(glued_left("GPT-4", 4));
        assert!(glued_left("H100", 1));
        assert!(!glued_left("over 4", 5));
        assert!(!glued_left("(-4", 2));
        assert!(glued_right("24/7", 2));
        assert!(glued_right("3.5.1", 3));
        assert!(glued_right("3x", 1));
        assert!(!glued_right("3. Next", 1));
        assert!(!glued_right("3, and", 1));
    }
}
