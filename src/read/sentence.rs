//! Sentence splitting that knows the abbreviations of news prose ("Sept.", "U.S.",
//! "Inc.") so that "Nov. 22, 2024" stays in one sentence.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "corp", "ltd", "co", "mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "approx", "no",
    "jr", "sr", "u.s", "u.k", "e.u", "fig", "est", "dept",
];

/// Splits `text` into sentences; returns their byte ranges, trimmed of surrounding
/// white space. Every byte of non-space text is in exactly one sentence.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_into(text, &mut out);
    out
}

/// [`split`] into `out` (cleared first), reusing its memory: the analysis splits
/// every block of a document.
pub fn split_into(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // Only '.', '!' and '?' can end a sentence: jump from one to the next.
    while let Some(off) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += off;
        if ends_sentence(text, i) {
            let mut end = i + 1;
            // Keep closing quotes and brackets with the sentence.
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            push_trimmed(text, start..end, out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..bytes.len(), out);
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    // Must be followed by white space (or the end), then an upper-case letter, a digit,
    // a quote, a currency sign or the end.
    let mut j = i + 1;
    while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
        j += 1;
    }
    if j >= bytes.len() {
        return true;
    }
    if !bytes[j].is_ascii_whitespace() {
        // "…” and multi-byte closing quotes.
        let rest = &text[j..];
        if !(rest.starts_with('\u{201d}') || rest.starts_with('\u{2019}')) {
            return false;
        }
    }
    let next = text[j..].trim_start().chars().next();
    let starts_new = match next {
        None => true,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "\"'$€£“‘(".contains(c),
    };
    if !starts_new || bytes[i] != b'.' {
        return starts_new;
    }
    // An abbreviation or an initial before the period does not end a sentence. The
    // separator before the word may be more than one byte (a no-break space).
    let word_start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    // Compared without allocating: ASCII case folding does not change which
    // characters are alphanumeric.
    let word = text[word_start..i].trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_alphabetic()
    {
        return false;
    }
    // Most words are longer than any abbreviation: compared with none.
    word.len() > MAX_ABBREVIATION || !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The length of the longest of [`ABBREVIATIONS`] (a test checks it).
const MAX_ABBREVIATION: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_longest() {
        let longest = ABBREVIATIONS.iter().map(|a| a.len()).max();
        assert_eq!(longest, Some(MAX_ABBREVIATION));
    }

    #[test]
    fn split_into_reuses_its_buffer_and_splits_alike() {
        let mut out = vec![0..1, 5..9];
        let t = "One. Two! Three? Four";
        split_into(t, &mut out);
        assert_eq!(out, split(t));
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Amazon invested on Nov. 22, 2024. The U.S. firm said so. Done!"),
            vec![
                "Amazon invested on Nov. 22, 2024.",
                "The U.S. firm said so.",
                "Done!"
            ]
        );
    }

    #[test]
    fn a_multi_byte_space_before_an_abbreviation_does_not_panic() {
        // Found by the `recognize` fuzz target: a no-break space is two bytes.
        assert_eq!(
            sents("Made in the\u{a0}U.S. By Amazon.\u{a0}x. Done."),
            vec!["Made in the\u{a0}U.S. By Amazon.\u{a0}x. Done."]
        );
        assert_eq!(
            sents("It rose\u{2003}5. Then"),
            vec!["It rose\u{2003}5.", "Then"]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sents("It was $1.25 billion. Then more."),
            vec!["It was $1.25 billion.", "Then more."]
        );
    }
}
