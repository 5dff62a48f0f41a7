//! Hedge words before a value: "more than $13 billion", "up to 40%", "nearly 100,000".
//!
//! [`hedge_before`] looks at the text immediately left of a value and returns the
//! longest known phrase that ends there (case-insensitively, any whitespace between
//! its words, at most one whitespace character between the phrase and the value).

use std::ops::Range;
use std::sync::LazyLock;

use crate::base::value::Hedge;

/// Known hedge phrases, lowercase ASCII, words separated by one space.
const PHRASES: &[(&str, Hedge)] = &[
    // About
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("approx.", Hedge::About),
    ("some", Hedge::About),
    ("circa", Hedge::About),
    ("an estimated", Hedge::About),
    ("~", Hedge::About),
    ("≈", Hedge::About),
    // Nearly
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("just below", Hedge::Nearly),
    ("just shy of", Hedge::Nearly),
    ("shy of", Hedge::Nearly),
    // MoreThan
    ("more than", Hedge::MoreThan),
    ("over", Hedge::MoreThan),
    ("exceeding", Hedge::MoreThan),
    ("above", Hedge::MoreThan),
    ("greater than", Hedge::MoreThan),
    ("in excess of", Hedge::MoreThan),
    ("upwards of", Hedge::MoreThan),
    ("upward of", Hedge::MoreThan),
    ("north of", Hedge::MoreThan),
    ("just over", Hedge::MoreThan),
    ("well over", Hedge::MoreThan),
    ("well above", Hedge::MoreThan),
    (">", Hedge::MoreThan),
    // AtLeast
    ("at least", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("no fewer than", Hedge::AtLeast),
    ("not less than", Hedge::AtLeast),
    ("a minimum of", Hedge::AtLeast),
    ("≥", Hedge::AtLeast),
    // UpTo
    ("up to", Hedge::UpTo),
    ("as much as", Hedge::UpTo),
    ("as many as", Hedge::UpTo),
    ("as high as", Hedge::UpTo),
    ("at most", Hedge::UpTo),
    ("no more than", Hedge::UpTo),
    ("not more than", Hedge::UpTo),
    ("a maximum of", Hedge::UpTo),
    ("≤", Hedge::UpTo),
    // LessThan
    ("less than", Hedge::LessThan),
    ("fewer than", Hedge::LessThan),
    ("under", Hedge::LessThan),
    ("below", Hedge::LessThan),
    ("well under", Hedge::LessThan),
    ("well below", Hedge::LessThan),
    ("<", Hedge::LessThan),
];

/// Each phrase with its last word and its place in [`PHRASES`].
type LastWord = (&'static [u8], &'static str, Hedge, usize);

/// The phrases whose last word is all letters, by that word in lower case (a word
/// before a value is looked up once), and the others (symbols, "approx."), with
/// those of them that end in a letter apart.
struct LastWords {
    by_word: foldhash::HashMap<Vec<u8>, Vec<LastWord>>,
    others: Vec<LastWord>,
    others_ending_in_a_letter: Vec<LastWord>,
}

/// The longest word [`hedge_before`] reads before a value.
const MAX_WORD: usize = 16;

static LAST_WORDS: LazyLock<LastWords> = LazyLock::new(|| {
    let mut words = LastWords {
        by_word: foldhash::HashMap::default(),
        others: Vec::new(),
        others_ending_in_a_letter: Vec::new(),
    };
    for (i, &(phrase, hedge)) in PHRASES.iter().enumerate() {
        let last = phrase.rsplit(' ').next().unwrap_or(phrase).as_bytes();
        let entry = (last, phrase, hedge, i);
        if last.iter().all(u8::is_ascii_alphabetic) {
            words
                .by_word
                .entry(last.to_ascii_lowercase())
                .or_default()
                .push(entry);
        } else {
            if last.last().is_some_and(u8::is_ascii_alphabetic) {
                words.others_ending_in_a_letter.push(entry);
            }
            words.others.push(entry);
        }
    }
    words
});

/// Most whitespace characters accepted between two words of a phrase.
const MAX_GAP: usize = 8;

/// The hedge phrase ending right before byte `pos` of `text` (at most one whitespace
/// character between the phrase and `pos`), with the phrase's byte span. The longest
/// phrase wins ("just under" over "under"). `None` when there is none, or when `pos`
/// is not a char boundary of `text`.
pub(crate) fn hedge_before(text: &str, pos: usize) -> Option<(Hedge, Range<usize>)> {
    let head = text.get(..pos)?;
    let mut end = pos;
    let mut last = head.chars().next_back()?;
    if last.is_whitespace() {
        end -= last.len_utf8();
        last = text.get(..end)?.chars().next_back()?;
    }
    // Fast exit: every phrase ends in an ASCII letter, '.', or a symbol.
    if !(last.is_ascii_alphabetic() || matches!(last, '.' | '~' | '≈' | '>' | '<' | '≥' | '≤'))
    {
        return None;
    }
    // The last word before the value, to skip phrases that cannot match.
    let bytes = text.as_bytes();
    let mut word_start = end;
    while word_start > 0
        && word_start + MAX_WORD > end
        && bytes[word_start - 1].is_ascii_alphabetic()
    {
        word_start -= 1;
    }
    let word = &bytes[word_start..end];
    let mut buf = [0u8; MAX_WORD];
    let n = word.len().min(MAX_WORD);
    let lower = &mut buf[..n];
    lower.copy_from_slice(&word[..n]);
    lower.make_ascii_lowercase();
    let same_word = LAST_WORDS
        .by_word
        .get(&*lower)
        .map_or(&[][..], Vec::as_slice);
    // A phrase whose last byte is no letter cannot end where a letter does.
    let others = if last.is_ascii_alphabetic() {
        &LAST_WORDS.others_ending_in_a_letter
    } else {
        &LAST_WORDS.others
    };
    // The others whose last word the text ends with, in any case, as the phrase is
    // matched ("Approx." as "approx.").
    let ends_with = |&&(w, ..): &&LastWord| {
        end.checked_sub(w.len())
            .is_some_and(|from| bytes[from..end].eq_ignore_ascii_case(w))
    };
    // The earliest start wins, ties to the phrase listed first in `PHRASES`.
    let mut best: Option<(usize, usize, Hedge)> = None;
    for &(_, phrase, hedge, i) in same_word.iter().chain(others.iter().filter(ends_with)) {
        if let Some(start) = match_back(text, end, phrase)
            && best.is_none_or(|b| (start, i) < (b.0, b.1))
        {
            best = Some((start, i, hedge));
        }
    }
    best.map(|(start, _, hedge)| (hedge, start..end))
}

/// Where `phrase` starts if it ends exactly at byte `end` of `text`, matched
/// case-insensitively with any whitespace (1..=MAX_GAP chars) between its words, and
/// not preceded by a letter or digit when it starts with one.
fn match_back(text: &str, end: usize, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut cursor = end;
    for (k, word) in phrase.rsplit(' ').enumerate() {
        if k > 0 {
            // At least one whitespace character between words.
            let head = text.get(..cursor)?;
            let mut gap = 0;
            for c in head.chars().rev() {
                if !c.is_whitespace() || gap == MAX_GAP {
                    break;
                }
                cursor -= c.len_utf8();
                gap += 1;
            }
            if gap == 0 {
                return None;
            }
        }
        let w = word.as_bytes();
        let from = cursor.checked_sub(w.len())?;
        if !bytes.get(from..cursor)?.eq_ignore_ascii_case(w) {
            return None;
        }
        // The matched bytes equal an ASCII or whole-UTF-8 word, so `from` is a boundary.
        cursor = from;
    }
    let starts_with_word = phrase.chars().next().is_some_and(|c| c.is_alphanumeric());
    if starts_with_word
        && text
            .get(..cursor)?
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        return None;
    }
    Some(cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedge_of(text: &str) -> Option<(Hedge, &str)> {
        hedge_before(text, text.len()).map(|(h, r)| (h, &text[r]))
    }

    #[test]
    fn finds_each_kind_of_hedge() {
        assert_eq!(hedge_of("more than "), Some((Hedge::MoreThan, "more than")));
        assert_eq!(hedge_of("Over "), Some((Hedge::MoreThan, "Over")));
        assert_eq!(hedge_of("at least "), Some((Hedge::AtLeast, "at least")));
        assert_eq!(hedge_of("UP TO "), Some((Hedge::UpTo, "UP TO")));
        assert_eq!(hedge_of("less than "), Some((Hedge::LessThan, "less than")));
        assert_eq!(hedge_of("roughly "), Some((Hedge::About, "roughly")));
        assert_eq!(hedge_of("~"), Some((Hedge::About, "~")));
        assert_eq!(hedge_of("close to "), Some((Hedge::Nearly, "close to")));
    }

    /// Every phrase is found whole, as written and in capitals, before a space or
    /// right before the value.
    #[test]
    fn every_phrase_is_found() {
        for &(phrase, hedge) in PHRASES {
            for written in [phrase.to_string(), phrase.to_uppercase()] {
                for text in [format!("{written} "), format!("It was {written}")] {
                    let at = text.len() - written.len() - usize::from(text.ends_with(' '));
                    assert_eq!(
                        hedge_before(&text, text.len()),
                        Some((hedge, at..at + written.len())),
                        "{text:?}"
                    );
                }
            }
        }
        assert_eq!(hedge_of("approx. "), Some((Hedge::About, "approx.")));
        assert_eq!(hedge_of("≈"), Some((Hedge::About, "≈")));
        assert_eq!(hedge_of("≥ "), Some((Hedge::AtLeast, "≥")));
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(hedge_of("just under "), Some((Hedge::Nearly, "just under")));
        assert_eq!(
            hedge_of("no more than "),
            Some((Hedge::UpTo, "no more than"))
        );
        assert_eq!(
            hedge_of("no less than "),
            Some((Hedge::AtLeast, "no less than"))
        );
    }

    #[test]
    fn whitespace_inside_and_around() {
        assert_eq!(
            hedge_of("raised more \n than "),
            Some((Hedge::MoreThan, "more \n than"))
        );
        assert_eq!(hedge_of("over"), Some((Hedge::MoreThan, "over")));
        // Two spaces before the value: not adjacent.
        assert_eq!(hedge_of("over  "), None);
    }

    #[test]
    fn rejects_partial_words_and_bad_positions() {
        assert_eq!(hedge_of("moreover "), None);
        assert_eq!(hedge_of("takeover "), None);
        assert_eq!(hedge_of("handsome "), None);
        assert_eq!(hedge_of("the "), None);
        assert_eq!(hedge_of(""), None);
        assert_eq!(hedge_before("é", 1), None);
        assert_eq!(hedge_before("about", 99), None);
    }
}
