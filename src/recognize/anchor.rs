//! Searching a recognizer's regex only where a value can start.
//!
//! Every amount, percentage and date holds an ASCII digit, a bounded number of bytes
//! after its start ("USD 4", "early March 2024"), and starts at one of a few kinds of
//! byte (a digit, a currency sign, the first letter of a month or a part of a year).
//! So instead of running each regex over the whole text, one pass over the bytes
//! ([`Index`]) lists the digits and the places where a value of each kind can start,
//! and a [`Finder`] runs its regex's lazy DFA anchored at those places that have a
//! digit close enough after them, in order: the first place that matches gives exactly
//! the match an unanchored search would find (the leftmost start, and there the match
//! the pattern prefers). Prose has a digit every fifty bytes or so and a value every
//! two hundred; the regexes now read a small part of it.
//!
//! A pattern's alternatives are separate patterns of one regex (leftmost-first across
//! patterns is the same as across alternatives), so that capture groups are read with
//! the one alternative that matched, not with all of them.
//!
//! A walk from one place reads at most [`MAX_MATCH`] bytes: a match longer than that
//! is no value anyone writes, and without the bound a long run of digits (a line of
//! a million digits) would cost the square of its length, each of its digits being a
//! place where an amount can start. With it a text costs at most `MAX_MATCH` bytes of
//! walking per place.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::start;
use regex_automata::{Anchored, Input, PatternID};

/// The most bytes a recognizer's match can span. The longest values written are
/// ranges of amounts with a currency and a scale on both ends ("between US$1.25
/// billion and US$1.5 billion U.S. dollars", under a hundred bytes even with the most
/// white space [`super::number::SP1`] allows); a walk that reaches this many bytes
/// without ending finds no match at its place.
pub(crate) const MAX_MATCH: usize = 512;

/// The places in a text where the recognizers' matches can start, and its digits.
/// Each list is sorted and a superset of the real starts.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Every ASCII digit.
    pub digits: Vec<usize>,
    /// Digits that start a word: where `(?-u:\b)` and a number can match
    /// (percentages and counts).
    pub numbers: Vec<usize>,
    /// Where an amount of money can start: any digit (a number with a currency after
    /// it has no `\b` before), `$`, `€`, `£`, `¥`, `₹`, and the first letter of a
    /// currency code at the start of a word ("US$", "U.S.$", "C$", "CA$", "CAN$",
    /// "A$", "AU$", "CN¥", "USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CNY", "RMB",
    /// "INR").
    pub money: Vec<usize>,
    /// Where a date can start: a digit that starts a word, a word that starts like a
    /// month ("Jan", case as written), a part of a year or an ordinal ("early", "mid",
    /// "late", "end", "start", "beginning", "first", "second", "third", "fourth", any
    /// case), "Q1"–"Q4", "H1", "H2", and a long s (`ſ`, which `(?i)` reads as an `s`:
    /// `(?-u:\b)` before it depends on the byte before, so the regex decides).
    pub dates: Vec<usize>,
    /// Where a number word can start ("two", "Twenty", "a dozen"): a word that is a
    /// number word, "a" or "an", or starts a number in words ("half", "tens",
    /// "dozens", "hundreds", "thousands", "millions", "billions", "single", "double",
    /// "triple"; see `words`), in any case, and a long s ("ſix", "ſeven").
    pub words: Vec<usize>,
}

/// Byte classes for [`Index::fill`]: not part of a word, a letter or `_`, a digit, or
/// a byte that may start a currency sign or a long s.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SIGN: u8 = 3;

/// For a word's first letter: whether the word may start a currency code, a date or
/// a number word (so that most words are not looked at more closely).
const FIRST_MONEY: u8 = 1;
const FIRST_DATE: u8 = 2;
const FIRST_NUMBER: u8 = 4;

static FIRST: [u8; 256] = {
    let mut t = [0u8; 256];
    let money: &[u8] = b"UCAEGJRI";
    let date: &[u8] = b"EeMmLlSsBbFfTtJANODQH";
    let number: &[u8] = b"aAoOtTfFsSeEnNhHdDmMbB";
    let mut i = 0;
    while i < money.len() {
        t[money[i] as usize] |= FIRST_MONEY;
        i += 1;
    }
    let mut i = 0;
    while i < date.len() {
        t[date[i] as usize] |= FIRST_DATE;
        i += 1;
    }
    let mut i = 0;
    while i < number.len() {
        t[number[i] as usize] |= FIRST_NUMBER;
        i += 1;
    }
    t
};

static CLASSES: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_digit() {
            t[c] = DIGIT;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            t[c] = LETTER;
        } else if matches!(b, b'$' | 0xC2 | 0xE2 | 0xC5) {
            t[c] = SIGN;
        }
        c += 1;
    }
    t
};

/// True when a word starting with these three bytes may begin a date (see
/// [`Index::dates`]): the `(?i)` words in any case, the months as written.
fn starts_date(three: [u8; 3]) -> bool {
    let l = three.map(|x| x.to_ascii_lowercase());
    let any_case = match l[0] {
        b'e' => &l == b"ear" || &l == b"end",
        b'm' => &l == b"mid",
        b'l' => &l == b"lat",
        b's' => &l == b"sta" || &l == b"sec",
        b'b' => &l == b"beg",
        b'f' => &l == b"fir" || &l == b"fou",
        b't' => &l == b"thi",
        _ => false,
    };
    any_case
        || match three[0] {
            b'J' => matches!(&three, b"Jan" | b"Jun" | b"Jul"),
            b'F' => &three == b"Feb",
            b'M' => matches!(&three, b"Mar" | b"May"),
            b'A' => matches!(&three, b"Apr" | b"Aug"),
            b'S' => &three == b"Sep",
            b'O' => &three == b"Oct",
            b'N' => &three == b"Nov",
            b'D' => &three == b"Dec",
            b'Q' => matches!(three[1], b'1'..=b'4'),
            b'H' => matches!(three[1], b'1' | b'2'),
            _ => false,
        }
}

/// True when a word starting with these two bytes may begin a currency code written
/// before a number ("US$", "U.S.$", "C$", "CA$", "CAN$", "CN¥", "A$", "AU$", "USD",
/// "EUR", "GBP", "CAD", "AUD", "JPY", "CNY", "RMB", "INR").
fn starts_money(two: [u8; 2]) -> bool {
    matches!(
        &two,
        b"US"
            | b"U."
            | b"C$"
            | b"CA"
            | b"CN"
            | b"A$"
            | b"AU"
            | b"EU"
            | b"GB"
            | b"JP"
            | b"RM"
            | b"IN"
    )
}

impl Index {
    /// Indexes `text` in one pass.
    pub(crate) fn new(text: &str) -> Index {
        let mut idx = Index::default();
        idx.fill(text);
        idx
    }

    /// Gives back the memory of the lists that can hold more than `places` (they are
    /// kept between texts for their memory).
    pub(crate) fn release_if_over(&mut self, places: usize) {
        for list in [
            &mut self.digits,
            &mut self.numbers,
            &mut self.money,
            &mut self.dates,
            &mut self.words,
        ] {
            if list.capacity() > places {
                *list = Vec::new();
            }
        }
    }

    /// Indexes `text` in one pass, reusing the lists' memory.
    pub(crate) fn fill(&mut self, text: &str) {
        self.digits.clear();
        self.numbers.clear();
        self.money.clear();
        self.dates.clear();
        self.words.clear();
        let b = text.as_bytes();
        let at = |i: usize| b.get(i).copied().unwrap_or(0);
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match CLASSES[usize::from(c)] {
                OTHER => {
                    i += 1;
                    continue;
                }
                SIGN => {
                    match c {
                        b'$' => self.money.push(i),
                        // `£` C2 A3, `¥` C2 A5; `€` E2 82 AC, `₹` E2 82 B9.
                        0xC2 if matches!(at(i + 1), 0xA3 | 0xA5) => self.money.push(i),
                        0xE2 if at(i + 1) == 0x82 && matches!(at(i + 2), 0xAC | 0xB9) => {
                            self.money.push(i)
                        }
                        // `ſ` C5 BF.
                        0xC5 if at(i + 1) == 0xBF => {
                            self.dates.push(i);
                            self.words.push(i);
                        }
                        _ => {}
                    }
                    i += 1;
                    continue;
                }
                DIGIT => {
                    self.numbers.push(i);
                    self.dates.push(i);
                }
                _ => {
                    // A word that starts with a letter.
                    let first = FIRST[usize::from(c)];
                    if first & FIRST_MONEY != 0 && starts_money([c, at(i + 1)]) {
                        self.money.push(i);
                    }
                    if first & FIRST_DATE != 0 && starts_date([c, at(i + 1), at(i + 2)]) {
                        self.dates.push(i);
                    }
                }
            }
            // The rest of the word: its digits (an amount may start at any of them).
            let start = i;
            loop {
                // Eight ASCII letters at a time, up to the first other byte.
                if let Some(&eight) = b.get(i..).and_then(|r| r.first_chunk::<8>()) {
                    let others = crate::base::swar::not_letters(eight);
                    if others == 0 {
                        i += 8;
                        continue;
                    }
                    i += (others.trailing_zeros() / 8) as usize;
                }
                let Some(&d) = b.get(i) else {
                    break;
                };
                match CLASSES[usize::from(d)] {
                    DIGIT => {
                        self.digits.push(i);
                        self.money.push(i);
                    }
                    LETTER => {}
                    _ => break,
                }
                i += 1;
            }
            if FIRST[usize::from(c)] & FIRST_NUMBER != 0 && number_word(&b[start..i]) {
                self.words.push(start);
            }
        }
    }
}

/// True for "a", "an" and the number words that can start a count ("two", "a dozen")
/// or a number in words ("half a million", "hundreds of", "double-digit"), in any
/// case: a word-character run equal to one of them (the count pattern wants white
/// space right after the word; a hyphen ends the run, so "two-thirds" starts at "two").
fn number_word(w: &[u8]) -> bool {
    let is = |x: &[u8]| w.eq_ignore_ascii_case(x);
    match w.len() {
        1 => is(b"a"),
        2 => is(b"an"),
        3 => is(b"one") || is(b"two") || is(b"six") || is(b"ten"),
        4 => is(b"four") || is(b"five") || is(b"nine") || is(b"half") || is(b"tens"),
        5 => {
            is(b"three")
                || is(b"seven")
                || is(b"eight")
                || is(b"forty")
                || is(b"fifty")
                || is(b"sixty")
        }
        6 => {
            is(b"eleven")
                || is(b"twelve")
                || is(b"twenty")
                || is(b"thirty")
                || is(b"eighty")
                || is(b"ninety")
                || is(b"dozens")
                || is(b"double")
                || is(b"single")
                || is(b"triple")
        }
        7 => is(b"fifteen") || is(b"sixteen") || is(b"seventy"),
        8 => {
            is(b"thirteen")
                || is(b"fourteen")
                || is(b"eighteen")
                || is(b"nineteen")
                || is(b"hundreds")
                || is(b"millions")
                || is(b"billions")
        }
        9 => is(b"seventeen") || is(b"thousands"),
        _ => false,
    }
}

/// What a search needs per thread: the lazy DFA's cache and capture slots.
pub(crate) struct Scratch {
    /// The lazy DFA's cache.
    pub cache: Cache,
    /// The groups of the match read last.
    pub slots: Slots,
}

pub(crate) type NewScratch = Box<dyn Fn() -> Scratch + Send + Sync + std::panic::RefUnwindSafe>;

/// A regex of one or more patterns whose every match holds an ASCII digit.
pub(crate) struct Finder {
    patterns: Vec<String>,
    /// One lazy DFA for all patterns, to find matches.
    dfa: DFA,
    scratch: Pool<Scratch, NewScratch>,
    /// Each pattern on its own, to read capture groups (compiled when first needed).
    each: Vec<OnceLock<Regex>>,
    /// The most bytes from the start of any match to its first ASCII digit.
    lead: usize,
    /// No match is made of [`NUMBER_BYTES`] alone (see [`number_bytes_can_match`]): a
    /// walk over [`MAX_MATCH`] of them finds nothing, and is not taken.
    skips_long_numbers: bool,
}

/// The bytes of a written number: digits, separators and the decimal point. Inside a
/// long run of them (a number of a thousand digits) every digit is a place where an
/// amount can start, and a walk from each would read [`MAX_MATCH`] bytes.
const NUMBER_BYTES: &[u8] = b"0123456789,.";

/// [`NUMBER_BYTES`] as a table, for [`is_number_byte`].
static IS_NUMBER_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < NUMBER_BYTES.len() {
        t[NUMBER_BYTES[i] as usize] = true;
        i += 1;
    }
    t
};

/// True for the bytes of [`NUMBER_BYTES`].
fn is_number_byte(c: u8) -> bool {
    IS_NUMBER_BYTE[usize::from(c)]
}

/// True when some match of `dfa`'s patterns, after any byte or none, is made of
/// [`NUMBER_BYTES`] alone (or when that cannot be told): every state the lazy DFA
/// reaches from an anchored start over those bytes is visited, and none may be a
/// match. (A pattern that needs a currency or a scale word never matches a run of
/// digits.)
fn number_bytes_can_match(dfa: &DFA) -> bool {
    let mut cache = dfa.create_cache();
    let clears = cache.clear_count();
    let mut seen = std::collections::HashSet::new();
    let mut todo = Vec::new();
    for before in (0..=255u8).map(Some).chain([None]) {
        let config = start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(before);
        let Ok(sid) = dfa.start_state(&mut cache, &config) else {
            return true;
        };
        if seen.insert(sid) {
            todo.push(sid);
        }
    }
    while let Some(sid) = todo.pop() {
        // A match ending at the end of the text.
        match dfa.next_eoi_state(&mut cache, sid) {
            Ok(eoi) if !eoi.is_match() => {}
            _ => return true,
        }
        for &byte in NUMBER_BYTES {
            let Ok(next) = dfa.next_state(&mut cache, sid, byte) else {
                return true;
            };
            // A match state is one byte late: a match ended before `byte`.
            if next.is_match() || next.is_quit() {
                return true;
            }
            if !next.is_dead() && seen.insert(next) {
                todo.push(next);
            }
        }
        // The states' ids are valid only while the cache is not cleared.
        if cache.clear_count() != clears {
            return true;
        }
    }
    false
}

/// A match: its span and the pattern (alternative) that matched.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: PatternID,
}

impl Finder {
    /// Compiles `patterns` (in priority order), whose every match holds an ASCII digit
    /// at most `lead` bytes after its start.
    pub(crate) fn new<P: AsRef<str>>(patterns: &[P], lead: usize) -> Finder {
        // With its capture groups, so that their names are known (the DFA ignores
        // them).
        let nfa = NFA::new_many(patterns).expect("a recognizer's pattern is valid");
        let dfa = DFA::builder()
            .build_from_nfa(nfa)
            .expect("a recognizer's pattern is valid");
        let for_cache = dfa.clone();
        let n = patterns.len();
        let new_scratch: NewScratch = Box::new(move || Scratch {
            cache: for_cache.create_cache(),
            slots: Slots {
                pattern: None,
                caps: (0..n).map(|_| None).collect(),
            },
        });
        Finder {
            patterns: patterns.iter().map(|p| p.as_ref().to_string()).collect(),
            skips_long_numbers: !number_bytes_can_match(&dfa),
            dfa,
            scratch: Pool::new(new_scratch),
            each: patterns.iter().map(|_| OnceLock::new()).collect(),
            lead,
        }
    }

    /// Whether a place inside a long run of number bytes is passed over (see
    /// [`Finder::skips_long_numbers`](Finder)).
    #[cfg(test)]
    pub(crate) fn skips_long_numbers(&self) -> bool {
        self.skips_long_numbers
    }

    /// The names of the patterns' groups.
    pub(crate) fn group_info(&self) -> &GroupInfo {
        self.dfa.get_nfa().group_info()
    }

    /// Pattern `pid` on its own.
    fn pattern(&self, pid: PatternID) -> &Regex {
        self.each[pid.as_usize()].get_or_init(|| {
            Regex::new(&self.patterns[pid.as_usize()]).expect("a recognizer's pattern is valid")
        })
    }

    /// The cache and slots for this thread, for [`Finder::find`] and
    /// [`Finder::captures`]: get them once per text.
    pub(crate) fn scratch(&self) -> PoolGuard<'_, Scratch, NewScratch> {
        self.scratch.get()
    }

    /// The match an unanchored search from `from` finds (the text before `from` is
    /// context for look-behind, as in `regex::Regex::find_at`), given where matches
    /// can start (`starts`, a superset) and the text's `digits`: no match starts more
    /// than `lead` bytes before the next digit.
    pub(crate) fn find(
        &self,
        cache: &mut Cache,
        text: &str,
        starts: &[usize],
        digits: &[usize],
        from: usize,
    ) -> Option<Found> {
        let mut d = digits.partition_point(|&x| x < from);
        // Where the run of number bytes that holds the last place measured ends.
        let mut run_end = 0;
        for &q in &starts[starts.partition_point(|&x| x < from)..] {
            while digits.get(d).is_some_and(|&x| x < q) {
                d += 1;
            }
            // No digit at or after `q`: no match starts here or later.
            let &digit = digits.get(d)?;
            if digit - q > self.lead {
                continue;
            }
            let b = text.as_bytes();
            // Only where the byte at the walk's bound is one of a number (most places
            // are passed at once).
            if self.skips_long_numbers
                && b.get(q + MAX_MATCH - 1).is_some_and(|&c| is_number_byte(c))
            {
                // Every byte is read once: a place inside the last run knows its end.
                if q >= run_end {
                    run_end = q + b[q..].iter().take_while(|&&c| is_number_byte(c)).count();
                }
                // The walk would read number bytes alone to its bound: no match.
                if run_end - q >= MAX_MATCH {
                    continue;
                }
            }
            if let Some(m) = self.anchored_at(cache, text, q) {
                return Some(m);
            }
        }
        None
    }

    /// The first match that starts at one of `starts` (a superset of the places
    /// where a match can start) at or after `from`: what an unanchored search from
    /// `from` finds.
    pub(crate) fn find_at_starts(
        &self,
        cache: &mut Cache,
        text: &str,
        starts: &[usize],
        from: usize,
    ) -> Option<Found> {
        starts[starts.partition_point(|&x| x < from)..]
            .iter()
            .find_map(|&q| self.anchored_at(cache, text, q))
    }

    /// The match that starts at `q`, if any: the lazy DFA walked from `q` until it
    /// dies (matches are seen one byte late, as in the regex crate's own search).
    fn anchored_at(&self, cache: &mut Cache, text: &str, q: usize) -> Option<Found> {
        match self.walk(cache, text.as_bytes(), q) {
            Ok(m) => m.map(|(end, pattern)| Found {
                start: q,
                end,
                pattern,
            }),
            // The lazy DFA gave up (it does not on these patterns): ask the regexes,
            // in priority order, over the same bytes.
            Err(()) => (0..self.patterns.len()).find_map(|i| {
                let pid = PatternID::must(i);
                let end = text.len().min(q.saturating_add(MAX_MATCH));
                let input = Input::new(text).range(q..end).anchored(Anchored::Yes);
                self.pattern(pid).search(&input).map(|m| Found {
                    start: q,
                    end: m.end(),
                    pattern: pid,
                })
            }),
        }
    }

    fn walk(
        &self,
        cache: &mut Cache,
        b: &[u8],
        q: usize,
    ) -> Result<Option<(usize, PatternID)>, ()> {
        let dfa = &self.dfa;
        let config = start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(q.checked_sub(1).map(|i| b[i]));
        let mut sid = dfa.start_state(cache, &config).map_err(drop)?;
        let mut mat = None;
        // At most `MAX_MATCH` bytes: a walk still going there is no value.
        let end = b.len().min(q.saturating_add(MAX_MATCH));
        for (at, &byte) in (q..).zip(&b[q.min(end)..end]) {
            sid = dfa.next_state(cache, sid, byte).map_err(drop)?;
            if sid.is_tagged() {
                if sid.is_match() {
                    mat = Some((at, dfa.match_pattern(cache, sid, 0)));
                } else if sid.is_dead() {
                    return Ok(mat);
                } else if sid.is_quit() {
                    return Err(());
                }
            }
        }
        if end < b.len() {
            return Ok(None);
        }
        sid = dfa.next_eoi_state(cache, sid).map_err(drop)?;
        if sid.is_match() {
            mat = Some((b.len(), dfa.match_pattern(cache, sid, 0)));
        }
        Ok(mat)
    }

    /// Reads the groups of the match `m` into `slots`. False if there is none (never,
    /// for a match [`Finder::find`] gave).
    pub(crate) fn captures(&self, text: &str, m: Found, slots: &mut Slots) -> bool {
        slots.pattern = None;
        let re = self.pattern(m.pattern);
        let caps = slots.caps[m.pattern.as_usize()].get_or_insert_with(|| re.create_captures());
        // Anchored on the match's span, with the text around as context: the groups
        // of the one match the pattern prefers there, as the regex crate reads them.
        let input = Input::new(text)
            .range(m.start..m.end)
            .anchored(Anchored::Yes);
        re.search_captures(&input, caps);
        let found = caps.get_match().is_some_and(|x| x.end() == m.end);
        slots.pattern = found.then_some(m.pattern);
        found
    }
}

/// The capture groups of the match read last by [`Finder::captures`].
pub(crate) struct Slots {
    pattern: Option<PatternID>,
    caps: Vec<Option<Captures>>,
}

impl Slots {
    /// The pattern that matched.
    pub(crate) fn pattern(&self) -> Option<PatternID> {
        self.pattern
    }

    /// Group `i` of the matched pattern (0 is the whole match).
    pub(crate) fn get(&self, i: usize) -> Option<Range<usize>> {
        let p = self.pattern?;
        let s = self.caps[p.as_usize()].as_ref()?.get_group(i)?;
        Some(s.start..s.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_digits_inside_long_words() {
        let t = "abcdefgh12ijklmnopq3 xyz_7 \u{e9}t\u{e9}9 Qwertyuiop";
        let idx = Index::new(t);
        let at = |w: &str| t.find(w).expect("in the text");
        assert_eq!(
            idx.digits,
            [at("12"), at("12") + 1, at("3 "), at("7"), at("9")]
        );
        // "9" follows a non-ASCII letter, which ends a word for the index: a number
        // starts there.
        assert_eq!(idx.numbers, [at("9")]);
    }

    #[test]
    fn no_match_is_longer_than_max_match() {
        let f = Finder::new(&[r"[0-9]+ dollars"], 0);
        let mut cache = f.dfa.create_cache();
        let find = |cache: &mut Cache, t: &str| {
            let idx = Index::new(t);
            f.find(cache, t, &idx.digits, &idx.digits, 0)
                .map(|m| m.start..m.end)
        };
        assert_eq!(find(&mut cache, "20 dollars"), Some(0..10));
        // A run of digits longer than any value: an unbounded walk would match it
        // whole from its first digit, reading the whole run from each of its digits
        // in turn; the bounded one finds only what fits in `MAX_MATCH` bytes.
        let t = format!("{} dollars", "1".repeat(MAX_MATCH + 10));
        let m = find(&mut cache, &t).expect("the end of the run matches");
        assert_eq!(m.end, t.len());
        assert!(m.len() <= MAX_MATCH, "{m:?}");
        // What a walk reads is bounded: the first place, too far from the end.
        assert_eq!(f.walk(&mut cache, t.as_bytes(), 0), Ok(None));
        assert!(
            f.walk(&mut cache, t.as_bytes(), 30)
                .is_ok_and(|x| x.is_some())
        );
    }

    #[test]
    fn only_patterns_that_never_match_number_bytes_alone_skip_long_numbers() {
        assert!(Finder::new(&[r"[0-9]+ dollars"], 0).skips_long_numbers);
        assert!(Finder::new(&[r"\$[0-9]+", r"[0-9,.]+ ?(?:billion|€)"], 1).skips_long_numbers);
        assert!(!Finder::new(&[r"[0-9]+"], 0).skips_long_numbers);
        assert!(!Finder::new(&[r"x", r"[0-9]+(?: dollars)?"], 0).skips_long_numbers);
        // A match at the end of the text, or after a look-behind.
        assert!(!Finder::new(&[r"[0-9]{2}$"], 0).skips_long_numbers);
        assert!(!Finder::new(&[r"(?-u:\b)1,5(?-u:\b)"], 0).skips_long_numbers);
        assert!(!Finder::new(&[r"\.5"], 0).skips_long_numbers);
    }

    /// Every match `f` finds in `t`, one after the other.
    fn all_matches(f: &Finder, t: &str) -> Vec<(usize, usize, usize)> {
        let idx = Index::new(t);
        let mut cache = f.dfa.create_cache();
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(m) = f.find(&mut cache, t, &idx.money, &idx.digits, from) {
            out.push((m.start, m.end, m.pattern.as_usize()));
            from = m.end.max(m.start + 1);
        }
        out
    }

    proptest::proptest! {
        /// Passing over the places deep inside long runs of digits, separators and
        /// points finds what walking from each of them finds (amounts written like
        /// the money recognizer's, around runs of up to three times `MAX_MATCH`).
        #[test]
        fn passing_over_long_numbers_finds_what_walking_finds(
            parts in proptest::collection::vec(
                (0usize..6, 0usize..1600, proptest::sample::select(vec![b'1', b'0', b'7'])),
                1..8,
            ),
        ) {
            let num = super::super::number::NUM;
            let sp = super::super::number::SP1;
            let f = Finder::new(
                &[
                    format!(r"\$(?:{num})(?:{sp}billion)?"),
                    format!(r"(?:{num}){sp}?(?:billion|million|dollars|€)"),
                ],
                1,
            );
            proptest::prop_assert!(f.skips_long_numbers);
            let mut t = String::new();
            for (kind, len, digit) in parts {
                let run: String = (0..len)
                    .map(|i| match (kind, i % 4) {
                        (1, 3) => ',',
                        (2, 3) if i == 3 => '.',
                        _ => char::from(digit),
                    })
                    .collect();
                match kind {
                    3 => t.push('$'),
                    4 => t.push_str("US "),
                    _ => {}
                }
                t.push_str(&run);
                t.push_str(match kind {
                    0 => " billion ",
                    1 => " dollars. ",
                    2 => "€ and ",
                    _ => " ",
                });
            }
            let mut walking = Finder::new(&f.patterns, 1);
            walking.skips_long_numbers = false;
            proptest::prop_assert_eq!(all_matches(&f, &t), all_matches(&walking, &t));
        }
    }
}
