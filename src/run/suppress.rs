//! Suppression comments: `<!-- factlint-… -->` in Markdown, `{/* factlint-… */}` in MDX.
//!
//! | comment | hides |
//! |---|---|
//! | `factlint-disable [rule…]` … `factlint-enable [rule…]` | findings between the two (to the end of the file without an `enable`) |
//! | `factlint-disable-next-line [rule…]` | findings on the next non-blank line |
//! | `factlint-disable-line [rule…]` | findings on the comment's own line |
//! | `factlint-disable-file [rule…]` | findings anywhere in the file |
//!
//! Without rule ids a comment hides every rule. Each may carry `reason="…"` and
//! `until=YYYY-MM-DD`: once the run's day is past `until`, the comment hides nothing and
//! is itself reported (`expired-suppression`). A comment that cannot be read hides
//! nothing and is reported (`invalid-suppression`); with `--report-unused-suppressions`
//! a comment that hid nothing is reported too (`unused-suppression`). Suppressions are
//! applied after every rule has run, so every rule honours them; the three findings
//! about comments cannot themselves be suppressed by comments (turn them off in
//! `factlint.toml` instead).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use jiff::civil::Date;

use crate::base::diagnostic::{Diagnostic, LineIndex};
use crate::base::rule_id::RuleId;
use crate::read::markdown;

/// What a comment does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `factlint-disable`: hides findings from here on.
    Disable,
    /// `factlint-enable`: ends a `factlint-disable`.
    Enable,
    /// `factlint-disable-next-line`.
    DisableNextLine,
    /// `factlint-disable-line`.
    DisableLine,
    /// `factlint-disable-file`.
    DisableFile,
}

impl Kind {
    /// The directive as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Disable => "factlint-disable",
            Kind::Enable => "factlint-enable",
            Kind::DisableNextLine => "factlint-disable-next-line",
            Kind::DisableLine => "factlint-disable-line",
            Kind::DisableFile => "factlint-disable-file",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        [
            Kind::Disable,
            Kind::Enable,
            Kind::DisableNextLine,
            Kind::DisableLine,
            Kind::DisableFile,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A suppression comment, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: Kind,
    /// The rules it names; empty for every rule.
    pub rules: Vec<RuleId>,
    /// `reason="…"`.
    pub reason: Option<String>,
    /// `until=YYYY-MM-DD`: the last day it hides findings.
    pub until: Option<Date>,
}

/// Reads a comment body (`factlint-disable-next-line value-mismatch reason="…"`).
pub fn parse(body: &str) -> Result<Directive, String> {
    let tokens = tokenize(body)?;
    let Some((first, rest)) = tokens.split_first() else {
        return Err("empty comment".to_string());
    };
    let kind = Kind::parse(first).ok_or_else(|| {
        format!(
            "unknown directive `{first}` (use factlint-disable, factlint-enable, factlint-disable-next-line, factlint-disable-line or factlint-disable-file)"
        )
    })?;
    let mut d = Directive {
        kind,
        rules: Vec::new(),
        reason: None,
        until: None,
    };
    for t in rest {
        if let Some((key, value)) = t.split_once('=') {
            match key {
                "reason" => d.reason = Some(value.to_string()),
                "until" => {
                    d.until = Some(value.parse::<Date>().map_err(|_| {
                        format!("`until={value}` is not a day: write until=YYYY-MM-DD")
                    })?);
                }
                _ => return Err(format!("unknown key `{key}` (only reason= and until=)")),
            }
        } else {
            let id = RuleId::parse(t).ok_or_else(|| {
                format!(
                    "unknown rule id `{t}`{} (`factlint rules` lists them)",
                    crate::rules::closest(t)
                        .map_or_else(String::new, |id| format!("; did you mean `{id}`?"))
                )
            })?;
            if !d.rules.contains(&id) {
                d.rules.push(id);
            }
        }
    }
    Ok(d)
}

/// Splits on whitespace and commas; `"…"` keeps spaces inside one token.
fn tokenize(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() || c == ',' => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            '"' => loop {
                match chars.next() {
                    Some('"') => break,
                    Some(ch) => cur.push(ch),
                    None => return Err("unclosed quote".to_string()),
                }
            },
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The ids a comment without rule ids hides: every id but the three about comments.
fn suppressible() -> impl Iterator<Item = RuleId> {
    RuleId::ALL.into_iter().filter(|r| !r.is_suppression())
}

enum Scope {
    File,
    /// Inclusive 1-based lines.
    Lines(usize, usize),
    /// Byte ranges per rule (from a `disable` to its `enable`).
    Regions(Vec<(RuleId, Range<usize>)>),
}

struct Active {
    span: Range<usize>,
    directive: Directive,
    scope: Scope,
    used: BTreeSet<RuleId>,
}

impl Active {
    fn covers(&self, d: &Diagnostic, lines: (usize, usize)) -> bool {
        if !self.directive.rules.is_empty() && !self.directive.rules.contains(&d.rule) {
            return false;
        }
        match &self.scope {
            Scope::File => true,
            Scope::Lines(lo, hi) => lines.0 <= *hi && *lo <= lines.1,
            Scope::Regions(r) => r
                .iter()
                .any(|(id, range)| *id == d.rule && range.contains(&d.span.start)),
        }
    }
}

/// Applies a file's suppression comments to its findings. `today` is the run's day
/// (`None`: `until=` dates are not checked). Returns the findings that remain plus the
/// findings about the comments themselves (expired, unreadable, and — with
/// `report_unused` — unused ones).
pub fn apply(
    text: &str,
    directives: &[markdown::Directive],
    diagnostics: Vec<Diagnostic>,
    today: Option<Date>,
    report_unused: bool,
) -> Vec<Diagnostic> {
    if directives.is_empty() {
        return diagnostics;
    }
    let idx = LineIndex::new(text);
    let line_of = |offset: usize| idx.line_col(text, offset).0;
    let last_line_of = |span: &Range<usize>| line_of(span.end.saturating_sub(1).max(span.start));
    let mut reports = Vec::new();
    let mut active: Vec<Active> = Vec::new();
    let mut open: BTreeMap<RuleId, (usize, usize)> = BTreeMap::new();
    for c in directives {
        // The comment itself, without the line end an HTML block's range includes.
        let span = text.get(c.span.clone()).map_or(c.span.clone(), |t| {
            c.span.start..c.span.start + t.trim_end().len()
        });
        let c = markdown::Directive {
            span,
            body: c.body.clone(),
        };
        let directive = match parse(&c.body) {
            Ok(d) => d,
            Err(e) => {
                reports.push(
                    Diagnostic::new(
                        RuleId::InvalidSuppression,
                        c.span.clone(),
                        format!("cannot read this factlint comment: {e}; it hides nothing"),
                    )
                    .with_label("unreadable"),
                );
                continue;
            }
        };
        if let (Some(until), Some(today)) = (directive.until, today)
            && today > until
        {
            let mut d = Diagnostic::new(
                RuleId::ExpiredSuppression,
                c.span.clone(),
                format!(
                    "`{}` expired on {until}: the findings it hid are reported again",
                    directive.kind.as_str()
                ),
            )
            .with_label(format!("expired on {until}"));
            if let Some(r) = &directive.reason {
                d.notes.push(format!("reason given: {r}"));
            }
            d.notes.push(
                "fix what it hid, or move `until=` later if the reason still holds".to_string(),
            );
            reports.push(d);
            continue;
        }
        let ids: Vec<RuleId> = if directive.rules.is_empty() {
            suppressible().collect()
        } else {
            directive.rules.clone()
        };
        let scope = match directive.kind {
            Kind::Enable => {
                for id in ids {
                    if let Some((start, j)) = open.remove(&id)
                        && let Scope::Regions(r) = &mut active[j].scope
                    {
                        r.push((id, start..c.span.start));
                    }
                }
                continue;
            }
            Kind::Disable => {
                let me = active.len();
                for id in ids {
                    if let Some((start, j)) = open.insert(id, (c.span.end, me))
                        && let Scope::Regions(r) = &mut active[j].scope
                    {
                        r.push((id, start..c.span.start));
                    }
                }
                Scope::Regions(Vec::new())
            }
            Kind::DisableFile => Scope::File,
            Kind::DisableLine => Scope::Lines(line_of(c.span.start), last_line_of(&c.span)),
            Kind::DisableNextLine => {
                let after = c.span.end.min(text.len()).max(c.span.start + 1);
                // The next line that is not blank (line starts are sorted: the search
                // begins at the first after the comment).
                let starts = idx.starts();
                let next = starts[starts.partition_point(|&s| s < after)..]
                    .iter()
                    .copied()
                    .find(|&s| {
                        let line = &text[s..];
                        let end = line.find('\n').unwrap_or(line.len());
                        !line[..end].trim().is_empty()
                    })
                    .map_or(usize::MAX, line_of);
                Scope::Lines(next, next)
            }
        };
        active.push(Active {
            span: c.span.clone(),
            directive,
            scope,
            used: BTreeSet::new(),
        });
    }
    for (id, (start, j)) in open {
        if let Scope::Regions(r) = &mut active[j].scope {
            r.push((id, start..text.len()));
        }
    }
    // A finding is hidden by the first comment that covers it, as if every comment
    // were tried in order; they are indexed so that a finding looks only at those
    // that may cover it (trying every one for every finding was quadratic: 40,000
    // `disable-next-line` comments took 5 s). By line, the comments that hide lines;
    // by rule, the first whole-file comment and the regions, in order (a rule's
    // regions never overlap: a `disable` ends the region before it).
    let mut by_line: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut whole_file: BTreeMap<Option<RuleId>, usize> = BTreeMap::new();
    let mut regions: BTreeMap<RuleId, Vec<(Range<usize>, usize)>> = BTreeMap::new();
    for (i, a) in active.iter().enumerate() {
        match &a.scope {
            Scope::Lines(lo, hi) => {
                for line in *lo..=(*hi).min(idx.starts().len()) {
                    by_line.entry(line).or_default().push(i);
                }
            }
            Scope::File if a.directive.rules.is_empty() => {
                whole_file.entry(None).or_insert(i);
            }
            Scope::File => {
                for r in &a.directive.rules {
                    whole_file.entry(Some(*r)).or_insert(i);
                }
            }
            Scope::Regions(rs) => {
                for (id, range) in rs {
                    regions.entry(*id).or_default().push((range.clone(), i));
                }
            }
        }
    }
    for v in regions.values_mut() {
        v.sort_by_key(|(range, _)| range.start);
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let lines = (line_of(d.span.start), last_line_of(&d.span));
        let covers = |i: &usize| active[*i].covers(&d, lines);
        let file = [None, Some(d.rule)]
            .iter()
            .filter_map(|r| whole_file.get(r).copied())
            .min();
        let region = regions.get(&d.rule).and_then(|v| {
            let k = v.partition_point(|(range, _)| range.start <= d.span.start);
            k.checked_sub(1).map(|k| v[k].1)
        });
        let on_lines = by_line
            .range(lines.0..=lines.1)
            .flat_map(|(_, v)| v.iter().copied());
        match file
            .into_iter()
            .chain(region)
            .chain(on_lines)
            .filter(covers)
            .min()
        {
            Some(i) => {
                active[i].used.insert(d.rule);
            }
            None => kept.push(d),
        }
    }
    if report_unused {
        for a in &active {
            let kind = a.directive.kind.as_str();
            let message = if a.directive.rules.is_empty() {
                if !a.used.is_empty() {
                    continue;
                }
                format!("`{kind}` hid no finding; remove it")
            } else {
                let unused: Vec<String> = a
                    .directive
                    .rules
                    .iter()
                    .filter(|r| !a.used.contains(r))
                    .map(|r| format!("`{r}`"))
                    .collect();
                if unused.is_empty() {
                    continue;
                }
                format!(
                    "`{kind}` hid no {} finding; remove {}",
                    unused.join(", "),
                    if unused.len() == a.directive.rules.len() {
                        "it"
                    } else {
                        "those rule ids"
                    }
                )
            };
            reports.push(
                Diagnostic::new(RuleId::UnusedSuppression, a.span.clone(), message)
                    .with_label("hides nothing"),
            );
        }
    }
    kept.extend(reports);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_read() {
        let d = parse(r#"factlint-disable-next-line value-mismatch, stale-value reason="a b, c" until=2026-01-31"#)
            .expect("valid");
        assert_eq!(d.kind, Kind::DisableNextLine);
        assert_eq!(d.rules, vec![RuleId::ValueMismatch, RuleId::StaleValue]);
        assert_eq!(d.reason.as_deref(), Some("a b, c"));
        assert_eq!(d.until, Some(Date::constant(2026, 1, 31)));
        assert_eq!(parse("factlint-enable").expect("valid").rules, vec![]);
        for bad in [
            "factlint-disabel",
            "factlint-disable value-missmatch",
            "factlint-disable until=2026-13-01",
            "factlint-disable why=x",
            "factlint-disable reason=\"open",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    fn diag(text: &str, needle: &str, rule: RuleId) -> Diagnostic {
        let at = text.find(needle).expect("needle in text");
        Diagnostic::new(rule, at..at + needle.len(), "x")
    }

    fn run(
        text: &str,
        diags: Vec<Diagnostic>,
        today: Option<Date>,
        unused: bool,
    ) -> Vec<(RuleId, usize)> {
        let doc = markdown::scan(text);
        let idx = LineIndex::new(text);
        apply(text, &doc.directives, diags, today, unused)
            .iter()
            .map(|d| (d.rule, idx.line_col(text, d.span.start).0))
            .collect()
    }

    #[test]
    fn regions_lines_and_files() {
        let text = "A $1.\n\n<!-- factlint-disable value-mismatch -->\n\nB $2.\n\n<!-- factlint-enable -->\n\nC $3.\n";
        let ds = vec![
            diag(text, "$1", RuleId::ValueMismatch),
            diag(text, "$2", RuleId::ValueMismatch),
            diag(text, "$2", RuleId::StaleValue),
            diag(text, "$3", RuleId::ValueMismatch),
        ];
        assert_eq!(
            run(text, ds, None, false),
            vec![
                (RuleId::ValueMismatch, 1),
                (RuleId::StaleValue, 5),
                (RuleId::ValueMismatch, 9)
            ]
        );
        let text = "<!-- factlint-disable-next-line -->\n\nA $1.\nB $2. <!-- factlint-disable-line stale-value -->\n";
        let ds = vec![
            diag(text, "$1", RuleId::ValueMismatch),
            diag(text, "$2", RuleId::ValueMismatch),
            diag(text, "$2", RuleId::StaleValue),
        ];
        assert_eq!(run(text, ds, None, false), vec![(RuleId::ValueMismatch, 4)]);
        let text = "A $1.\n\n{/* factlint-disable-file */}\n";
        let ds = vec![diag(text, "$1", RuleId::ValueMismatch)];
        assert_eq!(run(text, ds, None, false), vec![]);
    }

    #[test]
    fn a_finding_is_hidden_by_the_first_comment_that_covers_it() {
        // Two comments cover the finding: the first in the text is the one used, and
        // the other is reported unused, whichever kind comes first.
        let line_first = "<!-- factlint-disable-next-line value-mismatch -->\nA $1.\n\n<!-- factlint-disable-file value-mismatch -->\n";
        let file_first = "<!-- factlint-disable-file value-mismatch -->\n\n<!-- factlint-disable-next-line value-mismatch -->\nA $1.\n";
        let region_first = "<!-- factlint-disable value-mismatch -->\n\n<!-- factlint-disable-next-line value-mismatch -->\nA $1.\n";
        let two_lines = "<!-- factlint-disable-next-line value-mismatch -->\nA $1. <!-- factlint-disable-line value-mismatch -->\n";
        for (text, unused_line) in [
            (line_first, 4),
            (file_first, 3),
            (region_first, 3),
            (two_lines, 2),
        ] {
            let ds = vec![diag(text, "$1", RuleId::ValueMismatch)];
            assert_eq!(
                run(text, ds, None, true),
                vec![(RuleId::UnusedSuppression, unused_line)],
                "{text}"
            );
        }
        // Many comments, each hiding the finding on its next line: none is unused.
        let text: String = (0..200)
            .map(|i| format!("<!-- factlint-disable-next-line value-mismatch -->\nA ${i}.\n\n"))
            .collect();
        let ds = (0..200)
            .map(|i| diag(&text, &format!("${i}."), RuleId::ValueMismatch))
            .collect();
        assert_eq!(run(&text, ds, None, true), vec![]);
        // Many regions, each hiding the finding inside it and none after it; many
        // whole-file comments for another rule, hiding nothing.
        let text: String = (0..200)
            .map(|i| format!("<!-- factlint-disable value-mismatch -->\nA ${i}.\n<!-- factlint-enable -->\nB €{i}.\n<!-- factlint-disable-file stale-value -->\n\n"))
            .collect();
        let ds = (0..200)
            .flat_map(|i| {
                [
                    diag(&text, &format!("${i}."), RuleId::ValueMismatch),
                    diag(&text, &format!("€{i}."), RuleId::ValueMismatch),
                ]
            })
            .collect();
        let got = run(&text, ds, None, true);
        let kept: Vec<usize> = got
            .iter()
            .filter(|(r, _)| *r == RuleId::ValueMismatch)
            .map(|(_, line)| *line)
            .collect();
        assert_eq!(kept, (0..200).map(|i| 6 * i + 4).collect::<Vec<_>>());
        assert_eq!(
            got.iter()
                .filter(|(r, _)| *r == RuleId::UnusedSuppression)
                .count(),
            200
        );
    }

    #[test]
    fn expired_comments_hide_nothing_and_are_reported() {
        let text = "<!-- factlint-disable-next-line until=2025-01-31 -->\nA $1.\n";
        let ds = || vec![diag(text, "$1", RuleId::ValueMismatch)];
        assert_eq!(
            run(text, ds(), Some(Date::constant(2025, 1, 31)), false),
            vec![]
        );
        assert_eq!(
            run(text, ds(), Some(Date::constant(2025, 2, 1)), false),
            vec![(RuleId::ValueMismatch, 2), (RuleId::ExpiredSuppression, 1)]
        );
    }

    #[test]
    fn unused_and_invalid_comments_are_reported() {
        let text = "<!-- factlint-disable-next-line value-mismatch stale-value -->\nA $1.\n<!-- factlint-nope -->\n";
        let ds = || vec![diag(text, "$1", RuleId::ValueMismatch)];
        assert_eq!(
            run(text, ds(), None, false),
            vec![(RuleId::InvalidSuppression, 3)]
        );
        assert_eq!(
            run(text, ds(), None, true),
            vec![
                (RuleId::InvalidSuppression, 3),
                (RuleId::UnusedSuppression, 1)
            ]
        );
    }
}
