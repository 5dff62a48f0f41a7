//! One automaton for every name, alias and cue word of the fact base, built once per
//! run: the cost of scanning a text does not grow with the number of facts. Product
//! names and aliases (with their space and hyphen spellings) and the first words of
//! product families' name patterns are in the same automaton. A small run (a larger one
//! with a large base) builds instead, for each draft, the automaton of the names that can occur in
//! it ([`Names::search_in`]): the same matches, without waiting for the whole one.

use foldhash::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::facts::{FactBase, Version};

/// Up to this many patterns the automaton may be a DFA. Measured with the 10,000-fact
/// generated base (31,000 patterns: names, aliases, cue words, spellings): the DFA
/// takes about 60 MB and 60 ms more to build than the NFA the crate picks, and scans
/// about twice as fast (`examples/names_automaton.rs`), which makes a 200 MB run 1.15
/// times faster (BENCHMARKS.md). Past this many, its memory would grow too much: the
/// crate chooses.
const DFA_MAX_PATTERNS: usize = 50_000;

/// Up to this many patterns a DFA builds in a few milliseconds (the built-in base has
/// about 1,000): it is a DFA whatever the run.
const CHEAP_DFA_PATTERNS: usize = 5_000;

/// A larger automaton is a DFA only when the run is known to scan at least this much
/// text (or is not known): with the 10,000-fact base the NFA scans about 4 ms per MB
/// slower, so the 60 ms of building it saves pays until about 15 MB
/// (`examples/names_automaton.rs`).
pub const DFA_MIN_BYTES: u64 = 16 * 1024 * 1024;

/// A run that scans at most this much text, with a base of more than 5,000 patterns
/// (where a DFA of them all is no longer cheap), does not build the automaton of them
/// all (about 75 ms for the 10,000-fact base's 32,000 patterns): each document builds
/// one of only the patterns that can occur in it ([`Names::search_in`]), 0.5–2 ms for
/// a draft of 10–35 KB. A pre-commit hook's few drafts then do not wait for the whole
/// automaton.
/// Measured on text that names the 10,000-fact base's products (the most patterns
/// can occur): 1.3 times faster at 64 and 256 KB, 1.14 at 1 MB (27 drafts), even at
/// 2 MB (50 drafts) (BENCHMARKS.md, tenth session).
pub const SMALL_RUN_BYTES: u64 = 1024 * 1024;

/// A run that scans at most this much text, with a base of at most 5,000 patterns (the
/// built-in base has about 1,900), also searches each document with its own automaton
/// ([`Names::search_in`]): the DFA of them all takes about 3 ms to build, a
/// pre-commit hook's run of one draft about 20 ms in all (BENCHMARKS.md, "Speed with
/// the larger base"), while a draft's own automaton holds the few dozen patterns that
/// can occur in it. Smaller than [`SMALL_RUN_BYTES`]: the whole DFA is cheap enough to
/// pay for itself sooner.
pub const SMALL_BASE_RUN_BYTES: u64 = 256 * 1024;

/// The automaton's kind for this many patterns and this much text to scan (`None`:
/// not known): a DFA, or the crate's choice (an NFA for this many).
fn automaton_kind(patterns: usize, expected_bytes: Option<u64>) -> Option<AhoCorasickKind> {
    let dfa = patterns <= CHEAP_DFA_PATTERNS
        || (patterns <= DFA_MAX_PATTERNS && expected_bytes.is_none_or(|b| b >= DFA_MIN_BYTES));
    dfa.then_some(AhoCorasickKind::DFA)
}

/// Builds the automaton of `patterns` (none for no patterns).
fn build_automaton(patterns: &[String], kind: Option<AhoCorasickKind>) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(kind)
        .ascii_case_insensitive(true)
        .build(patterns)
        .ok()
}

/// What a pattern of the automaton stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// An entity's name or alias (index into `FactBase::entities`).
    Entity(usize),
    /// A cue word (index into [`Names::cues`]).
    Cue(usize),
    /// A product's name or alias (index into `FactBase::products`), ending where a
    /// name may end.
    Product(usize),
    /// A description of an entity ("the Claude maker", "the start-up"; index into
    /// [`Names::descriptions`]).
    Description(usize),
    /// Where a name of a product family may start: a family's first word, or a
    /// product's name that runs on ("GPT-4" in "GPT-4.7"). The family patterns are
    /// tried here, and only here.
    Anchor,
}

/// A name or cue found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What was found.
    pub kind: NameKind,
}

/// A description of entities found in prose: "the Claude maker" (specific: it names
/// its one entity wherever it stands) or "the start-up" (a kind: it refers back to
/// the one entity of those named before it that lists the noun).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Description {
    /// The entities it can stand for, sorted.
    pub entities: Vec<usize>,
    /// True for an entity's own description; false for a kind's noun.
    pub specific: bool,
}

/// The automaton and what its patterns mean.
#[derive(Debug, Default)]
pub struct Names {
    /// The patterns of the automaton, in the order of `kinds`.
    patterns: Vec<String>,
    /// Built on first use, so that a run that scans no text (`facts check`) never
    /// builds it, and one told how much text it will scan ([`Names::expect_text`])
    /// builds the kind that pays.
    automaton: OnceLock<Option<AhoCorasick>>,
    /// The bytes of text the run will scan, if known.
    expected_bytes: Option<u64>,
    kinds: Vec<NameKind>,
    /// Distinct cue words (lowercase).
    pub cues: Vec<String>,
    /// For each cue, the facts that list it, in fact order.
    pub cue_facts: Vec<Vec<usize>>,
    /// The descriptions of entities, by [`NameKind::Description`] index.
    pub descriptions: Vec<Description>,
    /// Their phrases, searched apart from the names (see [`Names::find_descriptions`]):
    /// "the company" is common, and only the sentences with an amount need it.
    description_patterns: Vec<String>,
    description_automaton: OnceLock<Option<AhoCorasick>>,
    /// Every product name and alias, [`normalize`]d, to its product.
    products: HashMap<String, usize>,
    /// The first word of family patterns (lowercase) to the families.
    triggers: HashMap<String, Vec<usize>>,
}

impl Names {
    /// Builds the automaton from a fact base's entities and cues.
    pub fn build(base: &FactBase) -> Names {
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        for (i, e) in base.entities.iter().enumerate() {
            for n in &e.names {
                patterns.push(n.clone());
                kinds.push(NameKind::Entity(i));
            }
        }
        // Descriptions: an entity's own, then "the" and a kind's noun. A phrase two
        // entities give is one description of both (and specific to neither).
        let mut descriptions: Vec<Description> = Vec::new();
        let mut description_patterns: Vec<String> = Vec::new();
        let mut phrase_of: HashMap<String, usize> = HashMap::default();
        for (i, e) in base.entities.iter().enumerate() {
            let own = e.descriptions.iter().map(|d| (d.clone(), true));
            let nouns = e.kinds.iter().map(|k| (format!("the {k}"), false));
            for (phrase, specific) in own.chain(nouns) {
                let key = phrase.to_ascii_lowercase();
                match phrase_of.get(&key) {
                    Some(&di) => {
                        let d: &mut Description = &mut descriptions[di];
                        if !d.entities.contains(&i) {
                            d.entities.push(i);
                            d.specific = false;
                        }
                    }
                    None => {
                        phrase_of.insert(key, descriptions.len());
                        description_patterns.push(phrase);
                        descriptions.push(Description {
                            entities: vec![i],
                            specific,
                        });
                    }
                }
            }
        }
        let mut cues: Vec<String> = Vec::new();
        let mut cue_facts: Vec<Vec<usize>> = Vec::new();
        for (fi, f) in base.facts.iter().enumerate() {
            for c in &f.cues {
                match cues.iter().position(|x| x == c) {
                    Some(ci) => cue_facts[ci].push(fi),
                    None => {
                        cues.push(c.clone());
                        cue_facts.push(vec![fi]);
                    }
                }
            }
        }
        for (ci, c) in cues.iter().enumerate() {
            patterns.push(c.clone());
            kinds.push(NameKind::Cue(ci));
        }
        // A cue of two words is written with a hyphen as often as with a space ("up
        // front", "up-front"; "multi-year", "multi year"): each spelling is the cue.
        let cue_spellings: foldhash::HashSet<String> =
            cues.iter().map(|c| c.to_ascii_lowercase()).collect();
        for (ci, c) in cues.iter().enumerate() {
            for v in [c.replace(' ', "-"), c.replace('-', " ")] {
                if v != *c && !cue_spellings.contains(&v.to_ascii_lowercase()) {
                    patterns.push(v);
                    kinds.push(NameKind::Cue(ci));
                }
            }
        }
        let mut products = HashMap::default();
        let mut seen: foldhash::HashSet<String> =
            patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
        for (pi, p) in base.products.iter().enumerate() {
            for n in p.all_names() {
                products.entry(normalize(n)).or_insert(pi);
                for v in [n.to_string(), n.replace('-', " "), n.replace(' ', "-")] {
                    if seen.insert(v.to_ascii_lowercase()) {
                        patterns.push(v);
                        kinds.push(NameKind::Product(pi));
                    }
                }
            }
        }
        let mut triggers: HashMap<String, Vec<usize>> = HashMap::default();
        for (fi, f) in base.families.iter().enumerate() {
            for t in &f.triggers {
                triggers.entry(t.clone()).or_default().push(fi);
                // A product named like the trigger ("Llama") anchors it as well.
                if seen.insert(t.clone()) {
                    patterns.push(t.clone());
                    kinds.push(NameKind::Anchor);
                }
            }
        }
        Names {
            patterns,
            automaton: OnceLock::new(),
            expected_bytes: None,
            kinds,
            cues,
            cue_facts,
            descriptions,
            description_patterns,
            description_automaton: OnceLock::new(),
            products,
            triggers,
        }
    }

    /// True when fact `fact` lists cue `cue`. Each list of [`Names::cue_facts`] is in
    /// fact order, so this is a binary search: a cue shared by thousands of facts
    /// ("total") costs no more than a rare one.
    pub fn cue_of(&self, cue: usize, fact: usize) -> bool {
        self.cue_facts
            .get(cue)
            .is_some_and(|facts| facts.binary_search(&fact).is_ok())
    }

    /// The product a name stands for, spelled any way that [`normalize`]s the same.
    pub fn product_named(&self, name: &str) -> Option<usize> {
        self.products.get(&normalize(name)).copied()
    }

    /// The families whose patterns may match a name that starts `text`.
    pub fn families_at(&self, text: &str) -> &[usize] {
        let word: String = text
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        self.triggers.get(&word).map_or(&[], Vec::as_slice)
    }

    /// Tells how many bytes of text the run will scan, before the first [`Names::find`]:
    /// a large automaton (a big fact base) is then built as the kind that pays for so
    /// much text — a one-file run with a 10,000-fact base does not wait for a DFA it
    /// would scan a few kilobytes with. Matches are the same whatever the kind.
    pub fn expect_text(&mut self, bytes: u64) {
        self.expected_bytes = Some(bytes);
    }

    /// How many patterns (names, aliases, their spellings, cue words and the first words
    /// of family patterns) the automaton holds.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// True once the automaton of all the patterns is built: a small run with a large
    /// base searches each draft with its own ([`Names::search_in`]) and never builds it.
    pub fn automaton_is_built(&self) -> bool {
        self.automaton.get().is_some()
    }

    /// Builds the automaton now, if it is not built yet (it is built on first use).
    pub fn build_automaton(&self) {
        self.automaton();
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                let kind = automaton_kind(self.patterns.len(), self.expected_bytes);
                build_automaton(&self.patterns, kind)
            })
            .as_ref()
    }

    /// Every description of an entity ("the Claude maker", "the start-up") standing as
    /// whole words in `text`, in order, appended to `out`.
    pub fn find_descriptions(&self, text: &str, out: &mut Vec<NameMatch>) {
        let ac = self.description_automaton.get_or_init(|| {
            build_automaton(&self.description_patterns, Some(AhoCorasickKind::DFA))
        });
        let Some(ac) = ac else { return };
        for m in ac.find_iter(text) {
            if word_before(text, m.start()) || word_after(text, m.end()) {
                continue;
            }
            out.push(NameMatch {
                span: m.range(),
                kind: NameKind::Description(m.pattern().as_usize()),
            });
        }
    }

    /// Every name and cue in `text`, in order, each standing as whole words (a fact
    /// lists the forms of a cue it wants: "commit", "commitment", "committed").
    pub fn find(&self, text: &str, out: &mut Vec<NameMatch>) {
        if let Some(ac) = self.automaton() {
            self.find_with(ac, None, text, out);
        }
    }

    /// The search for names in one document whose texts are `texts` (every text its
    /// [`NameSearch::find`] will be given must be among them, or inside one of them).
    /// In a small run ([`SMALL_RUN_BYTES`] for a large base, [`SMALL_BASE_RUN_BYTES`]
    /// for a smaller one) it is an automaton of only
    /// the patterns whose every five bytes in a row (ASCII case folded) occur in those
    /// texts: a pattern that does not occur in a text cannot match there, and the
    /// automaton's leftmost-longest matches are decided among the patterns that do, so
    /// the matches are the same as the whole automaton's (a test compares them).
    /// Otherwise it is the run's automaton.
    pub fn search_in<'t>(&self, texts: impl Iterator<Item = &'t str>) -> NameSearch<'_> {
        let limit = if self.patterns.len() > CHEAP_DFA_PATTERNS {
            SMALL_RUN_BYTES
        } else {
            SMALL_BASE_RUN_BYTES
        };
        let small = self.expected_bytes.is_some_and(|b| b <= limit) && !self.automaton_is_built();
        if !small {
            return NameSearch {
                names: self,
                own: None,
            };
        }
        let mut grams = Grams::default();
        for t in texts {
            grams.add(t.as_bytes());
        }
        let mut ids: Vec<usize> = Vec::new();
        let mut patterns: Vec<&str> = Vec::new();
        for (i, p) in self.patterns.iter().enumerate() {
            if grams.may_contain(p.as_bytes()) {
                ids.push(i);
                patterns.push(p);
            }
        }
        let own = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .ok()
        };
        NameSearch {
            names: self,
            own: Some((own, ids)),
        }
    }

    fn find_with(
        &self,
        ac: &AhoCorasick,
        ids: Option<&[usize]>,
        text: &str,
        out: &mut Vec<NameMatch>,
    ) {
        for m in ac.find_iter(text) {
            let id = match ids {
                Some(ids) => ids[m.pattern().as_usize()],
                None => m.pattern().as_usize(),
            };
            let kind = &self.kinds[id];
            let before_ok = !word_before(text, m.start());
            if !before_ok {
                continue;
            }
            let kind = match kind {
                NameKind::Entity(_) | NameKind::Cue(_) | NameKind::Description(_) => {
                    if word_after(text, m.end()) {
                        continue;
                    }
                    kind.clone()
                }
                NameKind::Product(_) if name_ends_at(text, m.end()) => kind.clone(),
                NameKind::Product(_) | NameKind::Anchor => NameKind::Anchor,
            };
            out.push(NameMatch {
                span: m.range(),
                kind,
            });
        }
    }
}

/// The names of one document: see [`Names::search_in`].
#[derive(Debug)]
pub struct NameSearch<'n> {
    names: &'n Names,
    /// The document's own automaton (none when no pattern can occur in it), and the
    /// index in [`Names`] of each of its patterns; `None`: the run's automaton.
    own: Option<(Option<AhoCorasick>, Vec<usize>)>,
}

impl NameSearch<'_> {
    /// Every name and cue in `text`, as [`Names::find`] finds them.
    pub fn find(&self, text: &str, out: &mut Vec<NameMatch>) {
        match &self.own {
            None => self.names.find(text, out),
            Some((Some(ac), ids)) => self.names.find_with(ac, Some(ids), text, out),
            Some((None, _)) => {}
        }
    }
}

/// The length of the byte sequences [`Grams`] holds: with three, a draft of 13 KB that
/// names the 10,000-fact base's products kept 3,800 of its 32,000 patterns (their
/// names share syllables), with five 300.
const GRAM: usize = 5;

/// [`Grams`] holds 2^18 bits (32 KB).
const GRAM_BITS: u32 = 18;

/// The [`GRAM`]-byte sequences of some texts, ASCII case folded, as a set of bits
/// indexed by a hash: a sequence that is in the texts has its bit set (the set may
/// say yes for one that is not, never no for one that is). A pattern shorter than
/// `GRAM` bytes may always occur.
struct Grams {
    bits: Vec<u64>,
}

impl Default for Grams {
    fn default() -> Grams {
        Grams {
            bits: vec![0; (1 << GRAM_BITS) / 64],
        }
    }
}

impl Grams {
    fn index(w: &[u8]) -> usize {
        let mut k = [0u8; 8];
        for (k, b) in k.iter_mut().zip(w) {
            *k = b.to_ascii_lowercase();
        }
        (u64::from_le_bytes(k).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - GRAM_BITS)) as usize
    }

    fn add(&mut self, text: &[u8]) {
        for w in text.windows(GRAM) {
            let i = Grams::index(w);
            self.bits[i / 64] |= 1 << (i % 64);
        }
    }

    /// False only when `pattern` cannot occur in the texts.
    fn may_contain(&self, pattern: &[u8]) -> bool {
        pattern.windows(GRAM).all(|w| {
            let i = Grams::index(w);
            self.bits[i / 64] & (1 << (i % 64)) != 0
        })
    }
}

/// True for a letter, a digit or `_`: a name must not run into one.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when the character before `at` is part of a word ("—Microsoft" is not).
fn word_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word_char)
}

/// True when the character at `at` is part of a word.
fn word_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word_char)
}

/// True when a product name can end at `end`: not inside a word, and not before a
/// further version digit ("GPT-4" does not end before ".7").
pub fn name_ends_at(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('.') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !is_word_char(c),
    }
}

/// The words and numbers of a name, lowercase: "GPT-4o" and "gpt4o" are both
/// `["gpt", "4", "o"]`; "Claude 3.5 Sonnet" is `["claude", "3.5", "sonnet"]`.
pub fn tokens(name: &str) -> Vec<String> {
    token_spans(name).map(|r| name[r].to_lowercase()).collect()
}

/// Where the [`tokens`] of a name are: runs of letters, and runs of digits with at
/// most one point between digits ("3.5").
fn token_spans(name: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = name.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            if c.is_alphabetic() {
                let mut end = start + c.len_utf8();
                while let Some(&(i, c)) = chars.peek()
                    && c.is_alphabetic()
                {
                    end = i + c.len_utf8();
                    chars.next();
                }
                return Some(start..end);
            }
            if c.is_ascii_digit() {
                let bytes = name.as_bytes();
                let digits_from = |i: usize| {
                    i + bytes
                        .get(i..)
                        .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
                };
                let mut end = digits_from(start);
                if bytes.get(end) == Some(&b'.')
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    end = digits_from(end + 1);
                }
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                return Some(start..end);
            }
        }
    })
}

/// A name as compared with other names: its [`tokens`] joined by spaces, so that
/// case, hyphens and spaces do not matter ("GPT-4o", "gpt 4o", "GPT4o"). Built in one
/// string (a fact base's validation normalizes every name of every product).
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, r) in token_spans(name).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let token = &name[r];
        if token.is_ascii() {
            out.extend(token.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&token.to_lowercase());
        }
    }
    out
}

/// The shape of a name and its version: the words sorted, with `#` for the first
/// number ("Claude 3.5 Opus" and "Claude Opus 3.5" are both `#`, `claude`, `opus` at
/// 3.5). None for a name without a number.
pub fn shape(name: &str) -> Option<(Vec<String>, Version)> {
    let mut version = None;
    let mut words = Vec::new();
    for t in tokens(name) {
        if version.is_none() && t.starts_with(|c: char| c.is_ascii_digit()) {
            version = Some(Version::parse(&t)?);
            words.push("#".to_string());
        } else {
            words.push(t);
        }
    }
    words.sort();
    version.map(|v| (words, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the fixture drafts, in the order of their names.
    fn fixture_texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("draft"))
            .collect()
    }

    /// The first `tokens`, a character at a time: the reference the spans and the
    /// one-string `normalize` are compared with.
    fn tokens_by_chars(name: &str) -> Vec<String> {
        let chars: Vec<char> = name.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            if chars[i].is_alphabetic() {
                while i < chars.len() && chars[i].is_alphabetic() {
                    i += 1;
                }
            } else if chars[i].is_ascii_digit() {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                    i += 1;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            } else {
                i += 1;
                continue;
            }
            out.push(chars[start..i].iter().collect::<String>().to_lowercase());
        }
        out
    }

    #[test]
    fn tokens_and_normalize_are_those_of_a_character_at_a_time() {
        // Every name of the built-in base, and names built from pieces that reach each
        // branch: letters that lowercase to more than one (İ) or by their place (Σ),
        // digits of other scripts (not ASCII: not a number here), points before and
        // after digits, separators.
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base loads");
        let mut names: Vec<String> = base.all_names().map(str::to_string).collect();
        let pieces = [
            "GPT", "-", "4", ".", "5", "o", " ", "İ", "ΣΑΣ", "٣", "3.", ".7", "x", "é", "_", "",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut n = String::new();
            for _ in 0..(seed % 7) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                n.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            names.push(n);
        }
        for n in &names {
            let want = tokens_by_chars(n);
            assert_eq!(tokens(n), want, "{n:?}");
            assert_eq!(normalize(n), want.join(" "), "{n:?}");
        }
        assert!(names.iter().any(|n| normalize(n).contains("i\u{307}")));
        assert!(names.iter().any(|n| normalize(n).contains('ς')));
        assert!(names.iter().any(|n| normalize(n).contains("3.5")));
    }

    #[test]
    fn a_large_automaton_is_a_dfa_only_for_enough_text() {
        let dfa = Some(AhoCorasickKind::DFA);
        // The built-in base's size: a DFA whatever the run.
        assert_eq!(automaton_kind(1_000, Some(0)), dfa);
        assert_eq!(automaton_kind(CHEAP_DFA_PATTERNS, Some(0)), dfa);
        // A 10,000-fact base: an NFA for a pre-commit hook's few files, a DFA for a
        // corpus, and a DFA when the run's size is not known.
        assert_eq!(automaton_kind(31_000, Some(40_000)), None);
        assert_eq!(automaton_kind(31_000, Some(DFA_MIN_BYTES - 1)), None);
        assert_eq!(automaton_kind(31_000, Some(DFA_MIN_BYTES)), dfa);
        assert_eq!(automaton_kind(31_000, None), dfa);
        // Past the DFA's limit, the crate's choice whatever the text.
        assert_eq!(automaton_kind(DFA_MAX_PATTERNS + 1, None), None);
    }

    #[test]
    fn every_kind_of_automaton_finds_the_same_names() {
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let names = &base.names;
        let texts = fixture_texts();
        let found = |kind: AhoCorasickKind| {
            let ac = build_automaton(&names.patterns, Some(kind)).expect("an automaton");
            let mut out = Vec::new();
            for t in &texts {
                names.find_with(&ac, None, t, &mut out);
            }
            out
        };
        let dfa = found(AhoCorasickKind::DFA);
        assert!(dfa.len() > 100, "{}", dfa.len());
        assert_eq!(found(AhoCorasickKind::NoncontiguousNFA), dfa);
        assert_eq!(found(AhoCorasickKind::ContiguousNFA), dfa);
        // And the automaton built on first use, as a run builds it.
        let mut out = Vec::new();
        for t in &texts {
            names.find(t, &mut out);
        }
        assert_eq!(out, dfa);
    }

    #[test]
    fn a_documents_own_automaton_finds_what_the_whole_one_finds() {
        // The built-in base's patterns and 6,000 more: a base too large for a small run
        // to build the automaton of them all. The extra names share their first bytes
        // and their endings (most patterns are candidates in some text), run into one
        // another ("Zorbab 1" and "Zorbab 1 Max": the longest wins), differ in case
        // from the text, are shorter than three bytes, or are not ASCII.
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let mut patterns = base.names.patterns.clone();
        let mut kinds = base.names.kinds.clone();
        let word = |i: usize| {
            let l = |k: usize| char::from(b'a' + (k % 26) as u8);
            format!("Zorb{}{}", l(i / 26), l(i))
        };
        for i in 0..6_000 {
            patterns.push(format!("{} {}", word(i / 10), i % 10));
            kinds.push(NameKind::Product(i % base.products.len()));
        }
        for (p, k) in [
            ("ZORBAB 1 MAX", NameKind::Anchor),
            ("Zorbab", NameKind::Anchor),
            ("Zq", NameKind::Entity(0)),
            ("Zörbé 4", NameKind::Entity(1)),
            ("Amazon Web Services Cloud", NameKind::Entity(2)),
        ] {
            patterns.push(p.to_string());
            kinds.push(k);
        }
        let names = Names {
            patterns,
            kinds,
            expected_bytes: Some(20_000),
            ..Names::default()
        };
        let mut texts = fixture_texts();
        texts.push(
            "zorbab 1 max and Zorbab 1 and ZORBAC 3, zorbab, Zq zq, zörbé 4 (ZöRBé 4 is \
             another case), xZorbab 2, Zorbab 22 and amazon web services cloud on AWS."
                .to_string(),
        );
        let whole = build_automaton(&names.patterns, None).expect("an automaton");
        let mut own_sizes = Vec::new();
        for t in &texts {
            let mut want = Vec::new();
            names.find_with(&whole, None, t, &mut want);
            let search = names.search_in(std::iter::once(t.as_str()));
            let own = search.own.as_ref().map(|(_, ids)| ids.len());
            own_sizes.push(own.expect("a document's own automaton"));
            let mut got = Vec::new();
            search.find(t, &mut got);
            assert_eq!(got, want, "{}", &t[..t.len().min(80)]);
        }
        // Every text had an automaton of its own, smaller than the whole one, and the
        // last found the names it was written with.
        assert!(
            own_sizes.iter().all(|&n| n < names.patterns.len() / 2),
            "{own_sizes:?}"
        );
        let mut last = Vec::new();
        names.find_with(&whole, None, texts.last().expect("a text"), &mut last);
        assert!(last.len() >= 8, "{last:?}");
        // A run too large, or of unknown size, searches with the whole automaton.
        for expected_bytes in [Some(SMALL_RUN_BYTES + 1), None] {
            let run = Names {
                patterns: names.patterns.clone(),
                kinds: names.kinds.clone(),
                expected_bytes,
                ..Names::default()
            };
            assert!(run.search_in(std::iter::once("x")).own.is_none());
        }
    }

    #[test]
    fn a_cue_of_two_words_is_found_with_a_hyphen_or_a_space() {
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let names = &base.names;
        let cues_in = |text: &str| -> Vec<String> {
            let mut out = Vec::new();
            names.find(text, &mut out);
            out.iter()
                .filter_map(|m| match m.kind {
                    NameKind::Cue(c) => Some(names.cues[c].clone()),
                    _ => None,
                })
                .collect()
        };
        assert!(cues_in("Google paid $500 million up-front.").contains(&"up front".to_string()));
        assert!(cues_in("Google paid $500 million up front.").contains(&"up front".to_string()));
        // A hyphen inside a word is no cue's space.
        assert!(!cues_in("Google paid $500 million upfronts.").contains(&"up front".to_string()));
    }

    #[test]
    fn a_small_run_with_the_built_in_base_finds_the_same_names_with_its_own_automaton() {
        // A pre-commit hook's run: one draft, the built-in base. Each text gets an
        // automaton of its own, much smaller than the whole one, with the same matches.
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base");
        let whole = build_automaton(&base.names.patterns, None).expect("an automaton");
        let mut names = Names::build(&base);
        assert!(names.pattern_count() <= CHEAP_DFA_PATTERNS);
        names.expect_text(20_000);
        let mut found = 0;
        for t in &fixture_texts() {
            let mut want = Vec::new();
            names.find_with(&whole, None, t, &mut want);
            let search = names.search_in(std::iter::once(t.as_str()));
            let own = search.own.as_ref().map(|(_, ids)| ids.len());
            let own = own.expect("a document's own automaton");
            assert!(own < names.pattern_count() / 4, "{own}");
            let mut got = Vec::new();
            search.find(t, &mut got);
            assert_eq!(got, want, "{}", &t[..t.len().min(80)]);
            found += got.len();
        }
        assert!(found > 100, "{found}");
        assert!(!names.automaton_is_built());
        // Past its limit the run builds the whole automaton.
        names.expect_text(SMALL_BASE_RUN_BYTES + 1);
        assert!(names.search_in(std::iter::once("x")).own.is_none());
    }

    #[test]
    fn names_normalize_across_case_hyphens_and_spaces() {
        assert_eq!(normalize("GPT-4o"), "gpt 4 o");
        assert_eq!(normalize("gpt4o"), normalize("GPT 4o"));
        assert_eq!(normalize("Claude 3.5 Sonnet"), "claude 3.5 sonnet");
        assert_ne!(
            normalize("Claude 3.5 Sonnet"),
            normalize("claude-3-5-sonnet")
        );
    }

    #[test]
    fn shapes_ignore_word_order() {
        let (a, va) = shape("Claude 3.5 Opus").expect("shape");
        let (b, vb) = shape("Claude Opus 3.5").expect("shape");
        assert_eq!(a, b);
        assert_eq!(va, vb);
        assert_eq!(va, Version(3, 5));
        assert!(shape("ChatGPT").is_none());
    }

    #[test]
    fn a_name_does_not_end_before_a_version_digit() {
        assert!(!name_ends_at("GPT-4.7", 5));
        assert!(name_ends_at("GPT-4. Then", 5));
        assert!(name_ends_at("GPT-4/4o", 5));
        assert!(name_ends_at("GPT-4—the", 5));
        assert!(name_ends_at("GPT-4…", 5));
        assert!(!name_ends_at("GPT-4é", 5));
        assert!(!name_ends_at("GPT-4o", 5));
    }
}
