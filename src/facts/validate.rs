//! Resolves raw fact files into a [`FactBase`] and checks that the base agrees with
//! itself: ids, aliases, dates, values, sources and sums.

use foldhash::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::schema::{RawDate, RawFile};
use super::{
    Entity, Fact, FactBase, FactError, FactKind, Origin, Stated, Timed, hedge_of, parse_date,
    parse_value,
};
use crate::base::value::{Hedge, Interval, Value};

struct Ctx<'e> {
    errors: &'e mut Vec<FactError>,
    file: usize,
}

impl Ctx<'_> {
    fn err(&mut self, span: Range<usize>, message: impl Into<String>, label: impl Into<String>) {
        // Ids, names and values are quoted in messages: a TOML string may hold a line
        // break ("op\nai"), which must not break the one-line message.
        self.errors.push(FactError {
            file: self.file,
            span,
            message: escape_controls(&message.into()),
            label: escape_controls(&label.into()),
        });
    }

    fn origin(&self, span: Range<usize>) -> Origin {
        Origin {
            file: self.file,
            span,
        }
    }
}

/// Fills `base` from the raw files, pushing every problem found into `errors`.
pub(super) fn resolve(
    base: &mut FactBase,
    raws: Vec<(usize, RawFile)>,
    errors: &mut Vec<FactError>,
) {
    // Pass 1: ids and entities, so that references can be resolved in any order.
    let mut seen: HashMap<String, Origin> = HashMap::default();
    let mut entity_ids: HashMap<String, usize> = HashMap::default();
    let mut alias_owner: HashMap<String, (usize, Origin)> = HashMap::default();
    for (file, raw) in &raws {
        let mut cx = Ctx {
            errors,
            file: *file,
        };
        if let Some(checked) = raw.meta.as_ref().and_then(|m| m.checked.as_ref()) {
            match parse_date(checked.get_ref()) {
                Some(d) => {
                    base.checked = base.checked.max(Some(d.start));
                    if base.checked_by_file.len() <= *file {
                        base.checked_by_file.resize(*file + 1, None);
                    }
                    base.checked_by_file[*file] = Some(d.start);
                }
                None => cx.err(
                    checked.span(),
                    bad_date_message(checked.get_ref()),
                    "not a date",
                ),
            }
        }
        let ids = raw
            .entity
            .iter()
            .map(|e| &e.id)
            .chain(raw.event.iter().map(|e| &e.id))
            .chain(raw.quantity.iter().map(|q| &q.id))
            .chain(raw.product.iter().map(|p| &p.id))
            .chain(raw.family.iter().map(|f| &f.id))
            .chain(raw.lineup.iter().map(|l| &l.id));
        for id in ids {
            check_id(&mut cx, id, &mut seen);
        }
        for e in &raw.entity {
            let idx = base.entities.len();
            entity_ids.entry(e.id.get_ref().clone()).or_insert(idx);
            if e.names.is_empty() {
                cx.err(
                    e.id.span(),
                    format!("entity `{}` has no names", e.id.get_ref()),
                    "add `names = [\"…\"]`",
                );
            }
            for n in &e.names {
                let key = n.get_ref().trim().to_lowercase();
                if key.is_empty() {
                    cx.err(n.span(), "an empty name", "here");
                    continue;
                }
                if let Some((other, _)) = alias_owner.get(&key) {
                    if *other != idx {
                        let other_id = base.entities[*other].id.clone();
                        cx.err(
                            n.span(),
                            format!(
                                "the name `{}` is already a name of `{other_id}`",
                                n.get_ref()
                            ),
                            "a name must belong to one entity",
                        );
                    }
                } else {
                    alias_owner.insert(key, (idx, cx.origin(n.span())));
                }
            }
            for d in e.descriptions.iter().chain(&e.kinds) {
                if d.get_ref().trim().is_empty() {
                    cx.err(
                        d.span(),
                        "an empty description".to_string(),
                        "a description or kind is a phrase of prose",
                    );
                }
            }
            base.entities.push(Entity {
                id: e.id.get_ref().clone(),
                names: e.names.iter().map(|n| n.get_ref().clone()).collect(),
                descriptions: e
                    .descriptions
                    .iter()
                    .map(|n| n.get_ref().trim().to_string())
                    .collect(),
                kinds: e
                    .kinds
                    .iter()
                    .map(|n| n.get_ref().trim().to_string())
                    .collect(),
                origin: cx.origin(e.id.span()),
            });
        }
    }

    // The product catalog: products, families and line-ups.
    super::catalog::resolve(base, &raws, &entity_ids, errors);

    // Pass 2: facts.
    let mut pending_sums: Vec<(usize, Vec<Spanned<String>>, usize)> = Vec::new();
    for (file, raw) in raws {
        let mut cx = Ctx { errors, file };
        for ev in raw.event {
            let entities = resolve_entities(&mut cx, &ev.id, &ev.entities, &entity_ids);
            let source = require_source(&mut cx, ev.source.as_ref(), &ev.id);
            let Some(date) = parse_date(ev.date.get_ref()) else {
                cx.err(
                    ev.date.span(),
                    bad_date_message(ev.date.get_ref()),
                    "not a date",
                );
                continue;
            };
            let amount = ev.amount.as_ref().and_then(|a| stated(&mut cx, a));
            if ev.amount.is_some() && amount.is_none() {
                continue;
            }
            let valuation = match valuation(&mut cx, &ev, amount.as_ref()) {
                Ok(v) => v,
                Err(()) => continue,
            };
            if !ev.sum_of.is_empty() {
                pending_sums.push((base.facts.len(), ev.sum_of.clone(), file));
            }
            base.by_id.insert(ev.id.get_ref().clone(), base.facts.len());
            base.facts.push(Fact {
                id: ev.id.get_ref().clone(),
                what: ev.what,
                entities,
                cues: lower(ev.cues),
                sum_of: Vec::new(),
                source,
                note: ev.note,
                origin: cx.origin(ev.id.span()),
                kind: FactKind::Event {
                    date,
                    date_origin: cx.origin(ev.date.span()),
                    amount,
                    valuation,
                },
            });
        }
        for q in raw.quantity {
            let entities = resolve_entities(&mut cx, &q.id, &q.entities, &entity_ids);
            let source = require_source(&mut cx, q.source.as_ref(), &q.id);
            let mut values: Vec<Timed> = Vec::new();
            let mut ok = true;
            if q.values.is_empty() {
                cx.err(
                    q.id.span(),
                    format!("quantity `{}` has no values", q.id.get_ref()),
                    "add `values = [{ value = \"…\", from = \"…\" }]`",
                );
                ok = false;
            }
            for v in &q.values {
                let tv = v.get_ref();
                let from = match parse_date(tv.from.get_ref()) {
                    Some(d) => d.start,
                    None => {
                        cx.err(
                            tv.from.span(),
                            bad_date_message(tv.from.get_ref()),
                            "not a date",
                        );
                        ok = false;
                        continue;
                    }
                };
                let Some(st) = stated(&mut cx, &tv.value) else {
                    ok = false;
                    continue;
                };
                if let Some(prev) = values.last()
                    && prev.from >= from
                {
                    cx.err(
                        tv.from.span(),
                        format!(
                            "values of `{}` are out of date order: {} comes after {}",
                            q.id.get_ref(),
                            from,
                            prev.from
                        ),
                        "list values from the earliest to the latest",
                    );
                    ok = false;
                }
                values.push(Timed {
                    stated: st,
                    from,
                    source: tv.source.clone(),
                });
            }
            if !ok {
                continue;
            }
            if !q.sum_of.is_empty() {
                pending_sums.push((base.facts.len(), q.sum_of.clone(), file));
            }
            base.by_id.insert(q.id.get_ref().clone(), base.facts.len());
            base.facts.push(Fact {
                id: q.id.get_ref().clone(),
                what: q.what,
                entities,
                cues: lower(q.cues),
                sum_of: Vec::new(),
                source,
                note: q.note,
                origin: cx.origin(q.id.span()),
                kind: FactKind::Quantity { values },
            });
        }
    }

    // Pass 3: sums.
    for (fact, parts, file) in pending_sums {
        let mut cx = Ctx { errors, file };
        let mut idx = Vec::new();
        for p in &parts {
            match base.by_id.get(p.get_ref()) {
                Some(&i) if base.facts[i].amount().is_some() => idx.push(i),
                Some(_) => cx.err(
                    p.span(),
                    format!("`{}` has no amount to add up", p.get_ref()),
                    "sum-of lists events with amounts",
                ),
                None => cx.err(
                    p.span(),
                    format!("unknown fact id `{}`", p.get_ref()),
                    "no fact has this id",
                ),
            }
        }
        if idx.len() == parts.len() {
            base.facts[fact].sum_of = idx;
            check_sum(&mut cx, base, fact);
        }
    }
}

/// Control characters (line breaks, tabs) escaped: `op\nai` for an id holding a line
/// break.
pub(super) fn escape_controls(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let esc = c.is_control().then(|| c.escape_default());
            let plain = (!c.is_control()).then_some(c);
            esc.into_iter().flatten().chain(plain)
        })
        .collect()
}

fn lower(cues: Vec<String>) -> Vec<String> {
    cues.into_iter()
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty())
        .collect()
}

fn bad_date_message(d: &RawDate) -> String {
    format!(
        "`{}` is not a date (write a day `2024-03-27`, a month `2023-10` or a year `2023`)",
        d.as_text()
    )
}

fn check_id(cx: &mut Ctx<'_>, id: &Spanned<String>, seen: &mut HashMap<String, Origin>) {
    let s = id.get_ref();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_/.".contains(c))
    {
        cx.err(
            id.span(),
            format!("`{s}` is not a valid id"),
            "ids use letters, digits, `-`, `_`, `/` and `.`",
        );
    }
    if seen.contains_key(s) {
        cx.err(
            id.span(),
            format!("duplicate id `{s}`"),
            "this id is already used",
        );
    } else {
        seen.insert(s.clone(), cx.origin(id.span()));
    }
}

fn resolve_entities(
    cx: &mut Ctx<'_>,
    owner: &Spanned<String>,
    ids: &[Spanned<String>],
    known: &HashMap<String, usize>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        match known.get(id.get_ref()) {
            Some(&i) => out.push(i),
            None => cx.err(
                id.span(),
                format!("unknown entity id `{}`", id.get_ref()),
                "no [[entity]] has this id",
            ),
        }
    }
    if ids.is_empty() {
        // A fact with no entity could be attributed to any number: refuse it.
        cx.err(
            owner.span(),
            format!("`{}` names no entity", owner.get_ref()),
            "a fact needs at least one entity: add `entities = [\"…\"]`",
        );
    }
    out
}

fn require_source(
    cx: &mut Ctx<'_>,
    source: Option<&Spanned<String>>,
    id: &Spanned<String>,
) -> String {
    match source {
        Some(s) if !s.get_ref().trim().is_empty() => s.get_ref().clone(),
        Some(s) => {
            cx.err(
                s.span(),
                format!("`{}` has an empty source", id.get_ref()),
                "every fact needs its source",
            );
            String::new()
        }
        None => {
            cx.err(
                id.span(),
                format!("`{}` has no source", id.get_ref()),
                "add `source = \"https://…\"`",
            );
            String::new()
        }
    }
}

fn stated(cx: &mut Ctx<'_>, s: &Spanned<String>) -> Option<Stated> {
    match parse_value(s.get_ref()) {
        Some(value) => Some(Stated {
            value,
            text: s.get_ref().clone(),
            origin: cx.origin(s.span()),
        }),
        None => {
            cx.err(
                s.span(),
                format!(
                    "cannot read `{}` as an amount, count or percentage",
                    s.get_ref()
                ),
                "write it as an article would: \"$2.75 billion\", \"87%\", \"100,000\"",
            );
            None
        }
    }
}

/// An event's valuation, checked: an amount of money, no bound ("up to", "more
/// than": a post-money valuation is a figure), in the amount's currency no smaller
/// than the amount (the post-money valuation includes the round), with a non-empty
/// `valuation-source` only beside a valuation. `Err` when the event is not kept.
fn valuation(
    cx: &mut Ctx<'_>,
    ev: &super::schema::RawEvent,
    amount: Option<&Stated>,
) -> Result<Option<Box<super::Valuation>>, ()> {
    let source = match &ev.valuation_source {
        Some(s) if s.get_ref().trim().is_empty() => {
            cx.err(
                s.span(),
                format!("`{}` has an empty valuation-source", ev.id.get_ref()),
                "give the URL that states the valuation, or leave the field out",
            );
            return Err(());
        }
        Some(s) if ev.valuation.is_none() => {
            cx.err(
                s.span(),
                format!(
                    "`{}` has a valuation-source but no valuation",
                    ev.id.get_ref()
                ),
                "add `valuation = \"…\"` or remove the source",
            );
            return Err(());
        }
        s => s.as_ref().map(|s| s.get_ref().trim().to_string()),
    };
    let Some(raw) = &ev.valuation else {
        return Ok(None);
    };
    let Some(st) = stated(cx, raw) else {
        return Err(());
    };
    let Value::Money {
        currency,
        amount: q,
    } = &st.value
    else {
        cx.err(
            raw.span(),
            format!(
                "the valuation `{}` is not an amount of money",
                raw.get_ref()
            ),
            "write it as an article would: \"$61.5 billion\"",
        );
        return Err(());
    };
    if q.hedge.is_bound() {
        cx.err(
            raw.span(),
            format!("the valuation `{}` is a bound", raw.get_ref()),
            "a post-money valuation is a figure: write it (\"about\" is allowed) or leave it out",
        );
        return Err(());
    }
    if let Some(a) = amount
        && let Value::Money {
            currency: ac,
            amount: aq,
        } = &a.value
        && ac == currency
        && q.fact_interval().hi < aq.with_hedge(Hedge::Exact).fact_interval().lo
    {
        cx.err(
            raw.span(),
            format!(
                "the valuation `{}` of `{}` is less than its amount `{}`",
                raw.get_ref(),
                ev.id.get_ref(),
                a.text
            ),
            "a post-money valuation includes the round",
        );
        return Err(());
    }
    Ok(Some(Box::new(super::Valuation { stated: st, source })))
}

/// The numeric interval a fact's value allows, with a bound read as its value (the
/// parts of "up to $2 billion" add up to $2 billion).
fn sum_interval(v: &Value) -> Option<(crate::base::value::Currency, Interval)> {
    let Value::Money { currency, amount } = v else {
        return None;
    };
    let i = if hedge_of(v).is_bound() {
        amount.with_hedge(Hedge::Exact).fact_interval()
    } else {
        amount.fact_interval()
    };
    Some((*currency, i))
}

fn check_sum(cx: &mut Ctx<'_>, base: &FactBase, fact: usize) {
    let f = &base.facts[fact];
    let parts: Vec<&Fact> = f.sum_of.iter().map(|&i| &base.facts[i]).collect();
    let part_value = |p: &Fact| p.amount().and_then(|a| sum_interval(&a.value));
    let targets: Vec<(Option<jiff::civil::Date>, &Stated)> = match &f.kind {
        FactKind::Event {
            amount: Some(a), ..
        } => vec![(None, a)],
        FactKind::Event { amount: None, .. } => {
            cx.err(
                f.origin.span.clone(),
                format!("`{}` has sum-of but no amount", f.id),
                "add an amount",
            );
            return;
        }
        FactKind::Quantity { values } => values.iter().map(|t| (Some(t.from), &t.stated)).collect(),
    };
    for (day, target) in targets {
        let Some((cur, want)) = sum_interval(&target.value) else {
            continue;
        };
        let (mut lo, mut hi, mut names) = (0.0, 0.0, Vec::new());
        for p in &parts {
            if let (Some(day), FactKind::Event { date, .. }) = (day, &p.kind)
                && date.start > day
            {
                continue;
            }
            let Some((pc, i)) = part_value(p) else {
                continue;
            };
            if pc != cur {
                cx.err(
                    target.origin.span.clone(),
                    format!("`{}` adds up parts in another currency (`{}`)", f.id, p.id),
                    "one currency per sum",
                );
                return;
            }
            lo += i.lo;
            hi += i.hi;
            names.push(p.amount().map_or(String::new(), |a| a.text.clone()));
        }
        if names.is_empty() {
            continue;
        }
        if !(Interval { lo, hi }).overlaps(&want) {
            let when = day.map_or(String::new(), |d| format!(" on {d}"));
            cx.err(
                target.origin.span.clone(),
                format!(
                    "`{}` is {}{when}, but its parts add up to {} ({})",
                    f.id,
                    target.text,
                    crate::base::value::Value::Money {
                        currency: cur,
                        amount: crate::base::value::Quantity::point((lo + hi) / 2.0, 0.0)
                    }
                    .describe(),
                    names.join(" + ")
                ),
                "parts and total disagree",
            );
        }
    }
}
