//! Product names in a text, from the one automaton's matches: a known product by any
//! of its names ("Claude 3.5 Sonnet", "Sonnet 3.5", "gpt-4o"), with a size or API
//! suffix ("Llama 3.1 405B", "claude-3-haiku-20240307"), in a slash shorthand
//! ("GPT-4/4o/4.5" names three products), or a name of a family's shape that no
//! product has ("Claude 3.5 Opus"). Family patterns run only where the automaton found
//! a family's first word or a product's name, never over the whole text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::facts::FactBase;
use crate::facts::names::{NameKind, NameMatch, name_ends_at, shape};

/// What a product mention names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A product of the catalog (index into `FactBase::products`).
    Known(usize),
    /// A name of a family's shape that no product has.
    Unknown {
        /// The family (index into `FactBase::families`).
        family: usize,
        /// The name as written (or as the shorthand spells it out).
        name: String,
    },
}

/// A product name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductMention {
    /// Byte range in the text: the name with its suffixes, or the part of a slash
    /// shorthand that names it ("4.5" in "GPT-4/4o/4.5").
    pub span: Range<usize>,
    /// What it names.
    pub found: Found,
    /// For a product named in a slash shorthand, the whole shorthand.
    pub shorthand: Option<Range<usize>>,
}

/// A model size: the same product ("Llama 3.1 405B", "Llama-3-70b").
static SIZE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \-]?\d+(?:\.\d+)?[BbMm]\b").expect("constant regex"));

/// API snapshot and variant suffixes that leave the product the same
/// ("gpt-4-0613", "claude-3-haiku-20240307", "-latest", "-Instruct", ":0").
static API_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[-@:](?:\d{8}|\d{4}-\d{2}-\d{2}|\d{4}|latest|instruct|chat|base|hf|it|exp|v\d+(?::\d+)?)\b")
        .expect("constant regex")
});

/// Words after a name that make it another model ("o1 mini", "GPT-4.1 nano",
/// "Mistral Large 2"): the name alone cannot be dated by the product it starts with.
static VARIANT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^ (?:v?\d|(?:mini|nano|pro|preview|turbo|flash|lite|ultra|max|plus|instant|scout|maverick|behemoth|opus|sonnet|haiku|large|small|medium|codex|omni|vision|realtime|audio)\b)")
        .expect("constant regex")
});

/// How far a family pattern may look from its anchor: names are short.
const NAME_WINDOW: usize = 80;

/// Finds the product names in `text`, given the automaton's matches in it (in order),
/// and appends them to `out` in order.
pub fn find(text: &str, names: &[NameMatch], base: &FactBase, out: &mut Vec<ProductMention>) {
    let mut consumed = 0;
    for nm in names {
        let product = match nm.kind {
            NameKind::Product(p) => Some(p),
            NameKind::Anchor => None,
            _ => continue,
        };
        let s = nm.span.start;
        if s < consumed {
            continue;
        }
        let window = &text[s..text.floor_char_boundary((s + NAME_WINDOW).min(text.len()))];
        let mut shaped: Option<(usize, usize)> = None;
        for &f in base.names.families_at(window) {
            if let Some(len) = base.families[f].longest_at(window)
                && name_ends_at(text, s + len)
                && shaped.is_none_or(|(e, _)| s + len > e)
            {
                shaped = Some((s + len, f));
            }
        }
        let (p, e) = match (product, shaped) {
            (Some(p), Some((fe, _))) if fe <= nm.span.end => (p, nm.span.end),
            (Some(p), None) => (p, nm.span.end),
            (_, Some((fe, f))) => {
                let name = &text[s..fe];
                match base
                    .names
                    .product_named(name)
                    .or_else(|| spelled_like(base, f, name))
                {
                    Some(q) => (q, fe),
                    None => {
                        out.push(ProductMention {
                            span: s..fe,
                            found: Found::Unknown {
                                family: f,
                                name: name.to_string(),
                            },
                            shorthand: None,
                        });
                        consumed = fe;
                        continue;
                    }
                }
            }
            (None, None) => continue,
        };
        consumed = known(text, base, p, s..e, out).max(e);
    }
}

/// Records a known product written at `at`, with its suffixes and any slash shorthand
/// after it; returns where the name ends.
fn known(
    text: &str,
    base: &FactBase,
    p: usize,
    at: Range<usize>,
    out: &mut Vec<ProductMention>,
) -> usize {
    let bytes = text.as_bytes();
    let mut end = at.end;
    if let Some(m) = SIZE.find(&text[end..]) {
        end += m.end();
    }
    while let Some(m) = API_SUFFIX.find(&text[end..]) {
        end += m.end();
    }
    let rest = &text[end..];
    let runs_on = |c: u8| {
        rest.as_bytes().first() == Some(&c)
            && rest
                .as_bytes()
                .get(1)
                .is_some_and(u8::is_ascii_alphanumeric)
    };
    if VARIANT_AFTER.is_match(rest) || runs_on(b'-') || !name_ends_at(text, end) {
        // Another model whose name starts like this one: not this product.
        return end;
    }
    let first = out.len();
    out.push(ProductMention {
        span: at.start..end,
        found: Found::Known(p),
        shorthand: None,
    });
    if end != at.end {
        return end;
    }
    // "GPT-4/4o/4.5": each part after a slash completes the name written before it.
    let written = &text[at.clone()];
    let mut pos = end;
    while runs_on_at(text, pos, b'/') {
        let t_start = pos + 1;
        let mut t_end = t_start
            + text[t_start..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'.')
                .count();
        while t_end > t_start && bytes[t_end - 1] == b'.' {
            t_end -= 1;
        }
        if t_end == t_start || runs_on_at(text, t_end, b'-') || !name_ends_at(text, t_end) {
            break;
        }
        let t = &text[t_start..t_end];
        let Some(found) = complete(base, p, written, t) else {
            break;
        };
        out.push(ProductMention {
            span: t_start..t_end,
            found,
            shorthand: None,
        });
        pos = t_end;
    }
    if out.len() > first + 1 {
        for m in &mut out[first..] {
            m.shorthand = Some(at.start..pos);
        }
    }
    pos
}

fn runs_on_at(text: &str, at: usize, c: u8) -> bool {
    let b = text.as_bytes();
    b.get(at) == Some(&c) && b.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// The product (or the unknown name of the family's shape) that the shorthand part `t`
/// names after `written`: "4o" after "GPT-4" is "GPT-4o"; "Sonnet" after "Claude 3
/// Opus" is "Claude 3 Sonnet"; "3" after "Trainium2" is "Trainium3".
fn complete(base: &FactBase, p: usize, written: &str, t: &str) -> Option<Found> {
    let wb = written.as_bytes();
    let mut cuts: Vec<usize> = (1..wb.len())
        .filter(|&i| {
            matches!(wb[i - 1], b' ' | b'-')
                || (wb[i - 1].is_ascii_alphabetic() && wb[i].is_ascii_digit())
        })
        .filter(|&i| written.is_char_boundary(i))
        .collect();
    cuts.reverse();
    cuts.push(0);
    for &i in &cuts {
        if let Some(q) = base.names.product_named(&format!("{}{t}", &written[..i])) {
            return Some(Found::Known(q));
        }
    }
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let f = base.products[p].family?;
    cuts.iter().find_map(|&i| {
        let name = format!("{}{t}", &written[..i]);
        if !base.families[f].matches_whole(&name) {
            return None;
        }
        Some(match spelled_like(base, f, &name) {
            Some(q) => Found::Known(q),
            None => Found::Unknown { family: f, name },
        })
    })
}

/// A known product whose name has the same shape and version as `name`, spelled
/// otherwise ("GPT-4.0" is GPT-4, "Gemini 2" is Gemini 2.0).
fn spelled_like(base: &FactBase, family: usize, name: &str) -> Option<usize> {
    let (sh, v) = shape(name)?;
    base.families[family]
        .known
        .iter()
        .find(|k| k.shape == sh && k.version == v)
        .map(|k| k.product)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
        let mut names = Vec::new();
        base.names.find(text, &mut names);
        let mut out = Vec::new();
        find(text, &names, &base, &mut out);
        out.into_iter()
            .map(|m| {
                let what = match m.found {
                    Found::Known(p) => base.products[p].id.clone(),
                    Found::Unknown { name, .. } => format!("unknown {name}"),
                };
                (text[m.span].to_string(), what)
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect()
    }

    #[test]
    fn names_aliases_and_spellings() {
        assert_eq!(
            found("Sonnet 3.5, Claude Sonnet 3.5, GPT4o, gpt-4o, GPT 4o, GPT-4o mini, o1-preview."),
            pairs(&[
                ("Sonnet 3.5", "claude-3.5-sonnet"),
                ("Claude Sonnet 3.5", "claude-3.5-sonnet"),
                ("GPT4o", "gpt-4o"),
                ("gpt-4o", "gpt-4o"),
                ("GPT 4o", "gpt-4o"),
                ("GPT-4o mini", "gpt-4o-mini"),
                ("o1-preview", "o1-preview"),
            ])
        );
    }

    #[test]
    fn suffixes_keep_the_product_and_variants_do_not() {
        assert_eq!(
            found("Llama 3.1 405B, Llama-3-70b-Instruct, claude-3-haiku-20240307, GPT-4.0."),
            pairs(&[
                ("Llama 3.1 405B", "llama-3.1"),
                ("Llama-3-70b-Instruct", "llama-3"),
                ("claude-3-haiku-20240307", "claude-3-haiku"),
                ("GPT-4.0", "gpt-4"),
            ])
        );
        assert_eq!(
            found("o1 mini, o1-mini, GPT-4.1 nano, Mistral Large 2, GPT-4-class."),
            vec![]
        );
    }

    #[test]
    fn names_stand_between_dashes_quotes_and_ellipses() {
        assert_eq!(
            found("Azure—GPT-4.5—and «Llama 3.4»; “Claude 3 Opus”… but not Claude 3 Opusé."),
            pairs(&[
                ("GPT-4.5", "gpt-4.5"),
                ("Llama 3.4", "unknown Llama 3.4"),
                ("Claude 3 Opus", "claude-3-opus"),
            ])
        );
    }

    #[test]
    fn slash_shorthands_name_each_product() {
        assert_eq!(
            found("GPT-4/4o/4.5 and Claude 3 Opus/Sonnet and Trainium2/3."),
            pairs(&[
                ("GPT-4", "gpt-4"),
                ("4o", "gpt-4o"),
                ("4.5", "gpt-4.5"),
                ("Claude 3 Opus", "claude-3-opus"),
                ("Sonnet", "claude-3-sonnet"),
                ("Trainium2", "trainium2"),
                ("3", "trainium3"),
            ])
        );
    }

    #[test]
    fn names_of_a_family_shape_that_no_product_has() {
        assert_eq!(
            found(
                "Claude 3.5 Opus, Claude 2.5 Haiku, GPT-4.7, GPT-4o/4.7, Llama 3.4; Claude Monet."
            ),
            pairs(&[
                ("Claude 3.5 Opus", "unknown Claude 3.5 Opus"),
                ("Claude 2.5 Haiku", "unknown Claude 2.5 Haiku"),
                ("GPT-4.7", "unknown GPT-4.7"),
                ("GPT-4o", "gpt-4o"),
                ("4.7", "unknown GPT-4.7"),
                ("Llama 3.4", "unknown Llama 3.4"),
            ])
        );
    }
}
