//! One automaton for every name, alias and cue word of the fact base, built once per
//! run: the cost of scanning a text does not grow with the number of facts.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::facts::FactBase;

/// What a pattern of the automaton stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// An entity's name or alias (index into `FactBase::entities`).
    Entity(usize),
    /// A cue word (index into [`Names::cues`]).
    Cue(usize),
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
    automaton: Option<AhoCorasick>,
    kinds: Vec<NameKind>,
    /// Distinct cue words (lowercase).
    pub cues: Vec<String>,
    /// For each cue, the facts that list it.
    pub cue_facts: Vec<Vec<usize>>,
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
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .ok()
        };
        Names {
            automaton,
            kinds,
            cues,
            cue_facts,
        }
    }

    /// Every name and cue in `text`, in order, each standing as whole words (a fact
    /// lists the forms of a cue it wants: "commit", "commitment", "committed").
    pub fn find(&self, text: &str, out: &mut Vec<NameMatch>) {
        let Some(ac) = &self.automaton else { return };
        let bytes = text.as_bytes();
        for m in ac.find_iter(text) {
            let kind = &self.kinds[m.pattern().as_usize()];
            let before_ok = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let after_ok = m.end() >= bytes.len() || !is_word_byte(bytes[m.end()]);
            if before_ok && after_ok {
                out.push(NameMatch {
                    span: m.range(),
                    kind: kind.clone(),
                });
            }
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}
