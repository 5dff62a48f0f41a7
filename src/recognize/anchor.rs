//! Searching a recognizer's regex only where a value can start.
//!
//! Every amount, percentage and date holds an ASCII digit, a bounded number of bytes
//! after its start ("USD 4", "early March 2024"), and starts at one of a few kinds of
//! byte (a digit, a currency sign, the first letter of a month or a part of a year).
//! So instead of running each regex over the whole text, a [`Finder`] finds the
//! digits (a cheap byte scan) and runs the regex's lazy DFA anchored at the few places
//! before each digit where a match can start, in order: the first place that matches
//! gives exactly the match an unanchored search would find (the leftmost start, and
//! there the match the pattern prefers). Prose has a digit every fifty bytes or so and
//! a value every two hundred; the regexes now read a small part of it.
//!
//! A pattern's alternatives are separate patterns of one regex (leftmost-first across
//! patterns is the same as across alternatives), so that capture groups are read with
//! the one alternative that matched, not with all of them.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::start;
use regex_automata::{Anchored, Input, PatternID};

/// Where the matches of a pattern can start.
pub(crate) struct Starts {
    /// The most bytes from the start of any match to its first ASCII digit.
    pub lead: usize,
    /// For each byte value: whether a match can start at such a byte (`Never`), at
    /// any of them (`Always`), or only where the byte starts an ASCII word
    /// (`WordStart`, for patterns that begin with `(?-u:\b)`). A superset of the real
    /// starts.
    pub first: [First; 256],
}

/// See [`Starts::first`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum First {
    /// No match starts at this byte.
    Never,
    /// A match may start at this byte.
    Always,
    /// A match may start at this byte when it starts an ASCII word.
    WordStart,
}

impl Starts {
    /// A table where the bytes of `always` may start a match, and those of
    /// `word_start` where they start a word.
    pub(crate) const fn new(lead: usize, always: &[u8], word_start: &[u8]) -> Starts {
        let mut first = [First::Never; 256];
        let mut i = 0;
        while i < always.len() {
            first[always[i] as usize] = First::Always;
            i += 1;
        }
        let mut i = 0;
        while i < word_start.len() {
            first[word_start[i] as usize] = First::WordStart;
            i += 1;
        }
        Starts { lead, first }
    }

    fn may_start(&self, b: &[u8], i: usize) -> bool {
        match self.first[usize::from(b[i])] {
            First::Never => false,
            First::Always => true,
            First::WordStart => word_start(b, i),
        }
    }
}

/// The ASCII digits.
pub(crate) const DIGITS: &[u8] = b"0123456789";

pub(crate) type NewCache = Box<dyn Fn() -> Cache + Send + Sync + std::panic::RefUnwindSafe>;

/// A regex of one or more patterns whose every match holds an ASCII digit.
pub(crate) struct Finder {
    patterns: Vec<String>,
    /// One lazy DFA for all patterns, to find matches.
    dfa: DFA,
    caches: Pool<Cache, NewCache>,
    /// Each pattern on its own, to read capture groups (compiled when first needed).
    each: Vec<OnceLock<Regex>>,
    starts: Starts,
}

/// A match: its span and the pattern (alternative) that matched.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: PatternID,
}

impl Finder {
    /// Compiles `patterns` (in priority order) for searches from `starts`.
    pub(crate) fn new<P: AsRef<str>>(patterns: &[P], starts: Starts) -> Finder {
        // With its capture groups, so that their names are known (the DFA ignores
        // them).
        let nfa = NFA::new_many(patterns).expect("a recognizer's pattern is valid");
        let dfa = DFA::builder()
            .build_from_nfa(nfa)
            .expect("a recognizer's pattern is valid");
        let for_cache = dfa.clone();
        let new_cache: NewCache = Box::new(move || for_cache.create_cache());
        Finder {
            patterns: patterns.iter().map(|p| p.as_ref().to_string()).collect(),
            dfa,
            caches: Pool::new(new_cache),
            each: patterns.iter().map(|_| OnceLock::new()).collect(),
            starts,
        }
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

    /// Fresh capture slots for [`Finder::captures`].
    pub(crate) fn slots(&self) -> Slots {
        Slots {
            pattern: None,
            caps: self.each.iter().map(|_| None).collect(),
        }
    }

    /// The lazy DFA's cache for this thread, for [`Finder::find`]: get it once per
    /// text.
    pub(crate) fn cache(&self) -> PoolGuard<'_, Cache, NewCache> {
        self.caches.get()
    }

    /// The match an unanchored search from `from` finds (the text before `from` is
    /// context for look-behind, as in `regex::Regex::find_at`).
    pub(crate) fn find(&self, cache: &mut Cache, text: &str, from: usize) -> Option<Found> {
        let b = text.as_bytes();
        let mut p = from;
        while p < b.len() {
            // The next digit: no match starts more than `lead` bytes before it.
            let digit = p + b[p..].iter().position(u8::is_ascii_digit)?;
            for q in p.max(digit.saturating_sub(self.starts.lead))..=digit {
                if self.starts.may_start(b, q)
                    && let Some(m) = self.anchored_at(cache, text, q)
                {
                    return Some(m);
                }
            }
            p = digit + 1;
        }
        None
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
            // in priority order.
            Err(()) => (0..self.patterns.len()).find_map(|i| {
                let pid = PatternID::must(i);
                let input = Input::new(text).range(q..).anchored(Anchored::Yes);
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
        for (at, &byte) in b.iter().enumerate().skip(q) {
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
        sid = dfa.next_eoi_state(cache, sid).map_err(drop)?;
        if sid.is_match() {
            mat = Some((b.len(), dfa.match_pattern(cache, sid, 0)));
        }
        Ok(mat)
    }

    /// Reads the groups of the match `m` into `slots`. False if there is none (never,
    /// for a match [`Finder::find`] gave).
    pub(crate) fn captures(&self, text: &str, m: Found, slots: &mut Slots) -> bool {
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

/// True for a letter, digit or `_` in ASCII: the word characters of `(?-u:\b)`.
pub(crate) fn ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when byte `i` starts an ASCII word: an ASCII word character with none before
/// it (`(?-u:\b)` holds there).
pub(crate) fn word_start(b: &[u8], i: usize) -> bool {
    ascii_word(b[i]) && (i == 0 || !ascii_word(b[i - 1]))
}
