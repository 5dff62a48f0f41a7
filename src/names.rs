//! One automaton for every name, alias and cue word of the fact base, built once per
//! run: the cost of scanning a text does not grow with the number of facts. Product
//! names and aliases (with their space and hyphen spellings) and the first words of
//! product families' name patterns are in the same automaton.

use std::collections::HashMap;
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
        let mut products = HashMap::new();
        let mut seen: std::collections::HashSet<String> =
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
        let mut triggers: HashMap<String, Vec<usize>> = HashMap::new();
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

    /// Every name and cue in `text`, in order, each standing as whole words (a fact
    /// lists the forms of a cue it wants: "commit", "commitment", "committed").
    pub fn find(&self, text: &str, out: &mut Vec<NameMatch>) {
        if let Some(ac) = self.automaton() {
            self.find_with(ac, text, out);
        }
    }

    fn find_with(&self, ac: &AhoCorasick, text: &str, out: &mut Vec<NameMatch>) {
        for m in ac.find_iter(text) {
            let kind = &self.kinds[m.pattern().as_usize()];
            let before_ok = !word_before(text, m.start());
            if !before_ok {
                continue;
            }
            let kind = match kind {
                NameKind::Entity(_) | NameKind::Cue(_) => {
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

/// A name as compared with other names: its [`tokens`] joined by spaces, so that
/// case, hyphens and spaces do not matter ("GPT-4o", "gpt 4o", "GPT4o").
pub fn normalize(name: &str) -> String {
    tokens(name).join(" ")
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
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .expect("fixtures")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("draft"))
            .collect();
        texts.sort();
        let found = |kind: AhoCorasickKind| {
            let ac = build_automaton(&names.patterns, Some(kind)).expect("an automaton");
            let mut out = Vec::new();
            for t in &texts {
                names.find_with(&ac, t, &mut out);
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
