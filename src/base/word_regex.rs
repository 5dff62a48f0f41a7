//! Regexes with Unicode word boundaries, run at the speed of ASCII ones.
//!
//! A Unicode `\b` or `\w` makes the regex crate's fast engine (a lazy DFA) give up on
//! the first non-ASCII byte, and the search falls back to a slower one: one em dash in
//! a paragraph makes every such search over it several times slower. But where every
//! non-ASCII character of the text is one that no Unicode `\w` matches (dashes, curly
//! quotes, no-break spaces, currency signs, arrows, emoji), a Unicode `\b` and `\w`
//! decide exactly as their ASCII forms do. [`WordRegex`] compiles both forms and picks
//! the ASCII one for such texts, so results never change; only the time does.

use std::sync::OnceLock;

use regex::Regex;

/// A regex whose `\b`, `\w` and `\W` are Unicode-aware, with a twin whose are ASCII.
#[derive(Debug)]
pub struct WordRegex {
    pattern: String,
    /// Compiled on first use: most texts never need it.
    unicode: OnceLock<Regex>,
    ascii: Regex,
}

impl WordRegex {
    /// Compiles `pattern` both ways. The pattern must not contain `\\b`, `\\w` or
    /// `\\W` as escaped backslashes followed by a letter.
    pub fn new(pattern: &str) -> Result<WordRegex, regex::Error> {
        let ascii = pattern
            .replace(r"\b", r"(?-u:\b)")
            .replace(r"\w", r"(?-u:\w)")
            .replace(r"\W", r"[^0-9A-Za-z_]");
        // The Unicode form compiles whenever the ASCII one does (it is the same pattern
        // with wider classes); compiling it here would cost every run its time.
        Ok(WordRegex {
            pattern: pattern.to_string(),
            unicode: OnceLock::new(),
            ascii: Regex::new(&ascii)?,
        })
    }

    /// The regex to run on `text`: the ASCII twin when it decides the same.
    pub fn for_text(&self, text: &str) -> &Regex {
        if ascii_words_only(text) {
            &self.ascii
        } else {
            self.unicode()
        }
    }

    fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| {
            Regex::new(&self.pattern).expect("the ASCII form of the pattern compiled")
        })
    }

    /// True when the regex matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_match(text)
    }
}

/// True when every character of `text` is ASCII or a character that no Unicode `\w`
/// matches (the private `non_word`: dashes, quotes, signs, arrows, emoji).
pub fn ascii_words_only(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Skip ASCII eight bytes at a time; decode only the non-ASCII characters.
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && u64::from_ne_bytes(chunk.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080
                == 0
        {
            i += 8;
            continue;
        }
        if bytes[i].is_ascii() {
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            return false;
        };
        if !non_word(c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Non-ASCII characters that are certainly not word characters (not alphabetic, no
/// mark, no decimal digit, no connector punctuation, no join control): Latin-1
/// punctuation and symbols, general punctuation (dashes, quotes, spaces, the
/// ellipsis), currency signs, arrows, mathematical and technical symbols, box drawing,
/// shapes, dingbats and emoji. A test checks every one of them against the regex
/// crate's own `\w`.
fn non_word(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{a9}'
        | '\u{ab}'..='\u{b4}'
        | '\u{b6}'..='\u{b9}'
        | '\u{bb}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2000}'..='\u{200b}'
        | '\u{200e}'..='\u{203e}'
        | '\u{2041}'..='\u{2053}'
        | '\u{2055}'..='\u{206f}'
        | '\u{20a0}'..='\u{20cf}'
        | '\u{2190}'..='\u{23ff}'
        | '\u{2500}'..='\u{2775}'
        | '\u{2794}'..='\u{27bf}'
        | '\u{1f300}'..='\u{1faff}'
    ) && !c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_non_word_characters_are_not_unicode_word_characters() {
        let w = Regex::new(r"^\w$").expect("valid");
        let mut checked = 0;
        for c in (0x80u32..=0x1_ffff).filter_map(char::from_u32) {
            if non_word(c) {
                assert!(!w.is_match(&c.to_string()), "{c:?} U+{:04X}", c as u32);
                checked += 1;
            }
        }
        assert!(checked > 1000);
        for c in [
            '—', '–', '’', '“', '”', '…', '\u{a0}', '\u{202f}', '€', '£', '•',
        ] {
            assert!(non_word(c), "{c:?}");
        }
        for c in ['é', 'ß', 'ª', 'µ', '\u{200d}', '\u{2040}', '\u{301}', '٣'] {
            assert!(!non_word(c), "{c:?}");
        }
    }

    #[test]
    fn both_forms_agree_where_the_ascii_one_is_used() {
        let re = WordRegex::new(r"(?i)\b(?:later this|not)\b|\w+ing\b").expect("valid");
        for t in [
            "not — later this year",
            "“not” yet",
            "knot nothing … rising",
            "not\u{a0}now",
            "naïve not",
            "résumé noté",
        ] {
            let ours: Vec<_> = re.for_text(t).find_iter(t).map(|m| m.range()).collect();
            let unicode: Vec<_> = re.unicode().find_iter(t).map(|m| m.range()).collect();
            assert_eq!(ours, unicode, "{t:?}");
        }
        assert!(ascii_words_only("a — b “c” d…"));
        assert!(!ascii_words_only("naïve"));
    }
}
