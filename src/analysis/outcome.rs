//! What was checked: for every value (amount, date, percentage, count) and product
//! name of every claim, the fact attribution tied it to and whether it agrees, or the
//! reason attribution gave up (`factlint claims`, `check --coverage`).
//!
//! Nothing here decides anything: the outcomes are read from the verdicts and
//! agreements of the same attribution `check` runs (`attribute.rs`, `dating.rs`) and
//! of the timeline, and from the reasons attribution notes where it gives up, which it
//! records only in an analysis built with [`Analysis::recording`] (a check run notes
//! nothing and pays one branch per give-up).

use std::sync::Mutex;

use crate::base::rule_id::RuleId;
use crate::base::value::Value;
use crate::facts::FactKind;
use crate::facts::product::Found;

use super::timeline::TimeVerdict;
use super::{Analysis, Claim, ValueItem, Verdict, in_quotes, pinned_date};

/// Why a value or a name is not attributed to a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// No entity of the fact base is named in the claim or its context.
    NoEntity,
    /// The fact base has no fact of the value's kind (money in its currency, a
    /// percentage, a count, a dated event) for the entities named: add one.
    NoFact,
    /// Two or more facts fit and nothing decides between them.
    Ambiguous,
    /// Facts of the kind exist for these entities, but no cue word or date in the
    /// clause ties the value to one of them.
    NoCue,
    /// The sentence is a forecast, a conditional or hearsay, or the value is negated,
    /// compared or of an earlier time ("up from", "rather than").
    Hedged,
    /// The value stands inside quotation marks.
    Quoted,
    /// A product name in a draft (or an update note) with no date to judge it at.
    NoDate,
}

impl Reason {
    /// Every reason, in the order of the summaries.
    pub const ALL: [Reason; 7] = [
        Reason::NoEntity,
        Reason::NoFact,
        Reason::Ambiguous,
        Reason::NoCue,
        Reason::Hedged,
        Reason::Quoted,
        Reason::NoDate,
    ];

    /// The reason's id in machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoEntity => "no-entity",
            Reason::NoFact => "no-fact",
            Reason::Ambiguous => "ambiguous",
            Reason::NoCue => "no-cue",
            Reason::Hedged => "hedged",
            Reason::Quoted => "quoted",
            Reason::NoDate => "no-date",
        }
    }

    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::NoEntity => "no entity in reach",
            Reason::NoFact => "no fact of this kind for these entities",
            Reason::Ambiguous => "two facts fit",
            Reason::NoCue => "no cue word or date ties it to one fact",
            Reason::Hedged => "hedged, forward-looking, negated or of an earlier time",
            Reason::Quoted => "in a quotation",
            Reason::NoDate => "no article date to judge it at",
        }
    }
}

/// What a value or name was tied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An event or a quantity (index into `FactBase::facts`).
    Fact(usize),
    /// A product of the catalog (index into `FactBase::products`).
    Product(usize),
    /// A family of names (index into `FactBase::families`): for a name of its shape
    /// that no product has.
    Family(usize),
}

/// The outcome of one value or name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Tied to one fact, and agrees with it.
    Agrees(Target),
    /// Tied to one fact, which the rule contradicts.
    Contradicts(Target, RuleId),
    /// Not tied to any fact.
    Unattributed(Reason),
}

impl Outcome {
    /// True when tied to a fact.
    pub fn attributed(&self) -> bool {
        !matches!(self, Outcome::Unattributed(_))
    }
}

/// Which item of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// A value (index into [`Claim::values`]).
    Value(usize),
    /// A product name (index into [`Claim::products`]).
    Product(usize),
}

/// The outcome of one item of one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemOutcome {
    /// Claim index.
    pub claim: usize,
    /// The item.
    pub item: Item,
    /// What attribution made of it.
    pub outcome: Outcome,
}

/// What attribution notes about one value of a claim where it does not end in a
/// verdict.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Note {
    /// The value agrees with the one fact it was tied to.
    Agrees {
        claim: usize,
        value: usize,
        fact: usize,
    },
    /// Attribution gave up on the value.
    GaveUp {
        claim: usize,
        value: usize,
        reason: Reason,
    },
    /// Attribution gave up on every value of the claim.
    GaveUpClaim { claim: usize, reason: Reason },
}

/// The notes of an analysis that records them.
pub(crate) type Notes = Option<Mutex<Vec<Note>>>;

impl Analysis<'_> {
    fn note(&self, n: Note) {
        if let Some(m) = &self.notes {
            // A poisoned lock only loses notes (no thread panics while holding it).
            if let Ok(mut v) = m.lock() {
                v.push(n);
            }
        }
    }

    /// Notes that value `value` of claim `claim` agrees with `fact` (no verdict).
    pub(crate) fn note_agrees(&self, claim: usize, value: usize, fact: usize) {
        if self.notes.is_some() {
            self.note(Note::Agrees { claim, value, fact });
        }
    }

    /// Notes why attribution gave up on a value (the reason is worked out only when
    /// notes are recorded).
    pub(crate) fn note_gave_up(&self, claim: usize, value: usize, reason: impl FnOnce() -> Reason) {
        if self.notes.is_some() {
            self.note(Note::GaveUp {
                claim,
                value,
                reason: reason(),
            });
        }
    }

    /// Notes why attribution gave up on every value of a claim.
    pub(crate) fn note_gave_up_claim(&self, claim: usize, reason: Reason) {
        if self.notes.is_some() {
            self.note(Note::GaveUpClaim { claim, reason });
        }
    }
}

/// Why a value that [`super::excluded`] leaves out was left out.
pub(crate) fn why_excluded(claim: &Claim, v: &ValueItem) -> Reason {
    if claim.is_forecast() {
        return Reason::Hedged;
    }
    if in_quotes(&claim.text, v.pos.start) {
        return Reason::Quoted;
    }
    let before = &claim.text[..v.pos.start];
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
    // A stake's worth stated as a fact is not hedged: the base has no such facts (a
    // company's valuation is attributed on its own, see `valuation`).
    if !super::cue_words::EXCLUDED_BEFORE.is_match(window)
        && super::keys::is_valuation(claim, v, window)
    {
        return Reason::NoFact;
    }
    Reason::Hedged
}

/// The outcome of every value and product name of every claim, in claim order (values
/// first, then names, each in the claim's order). Meant for an analysis built with
/// [`Analysis::recording`]; on another, values that were not judged have no reason
/// but the ones read from the claim and are reported as [`Reason::NoCue`].
pub fn outcomes(a: &Analysis<'_>) -> Vec<ItemOutcome> {
    let notes: Vec<Note> = a
        .notes
        .as_ref()
        .and_then(|m| m.lock().ok().map(|v| v.clone()))
        .unwrap_or_default();
    let timeline = a.timeline();
    let framed = super::timeline::framings(a);
    let days = super::timeline::claim_days(a);
    // What names each claim, looked up by claim: a long draft has thousands of claims.
    let n = a.claims.len();
    let mut verdicts_of: Vec<Vec<&Verdict>> = vec![Vec::new(); n];
    for v in &a.verdicts {
        let (Verdict::ValueMismatch { claim, .. }
        | Verdict::Stale { claim, .. }
        | Verdict::DateMismatch { claim, .. }) = *v;
        if let Some(list) = verdicts_of.get_mut(claim) {
            list.push(v);
        }
    }
    let mut times_of: Vec<Vec<&TimeVerdict>> = vec![Vec::new(); n];
    for t in timeline {
        let (TimeVerdict::Anachronism { claim, .. }
        | TimeVerdict::EventAnachronism { claim, .. }
        | TimeVerdict::UnknownModel { claim, .. }
        | TimeVerdict::RelativeDate { claim, .. }
        | TimeVerdict::ProductDate { claim, .. }
        | TimeVerdict::LineupMismatch { claim, .. }) = *t;
        if let Some(list) = times_of.get_mut(claim) {
            list.push(t);
        }
    }
    let mut notes_of: Vec<Vec<Note>> = vec![Vec::new(); n];
    for note in &notes {
        let (Note::Agrees { claim, .. }
        | Note::GaveUp { claim, .. }
        | Note::GaveUpClaim { claim, .. }) = *note;
        if let Some(list) = notes_of.get_mut(claim) {
            list.push(*note);
        }
    }
    let mut out = Vec::new();
    for (ci, claim) in a.claims.iter().enumerate() {
        let mut values: Vec<Option<Outcome>> = vec![None; claim.values.len()];
        // Verdicts first: what check reports.
        for v in &verdicts_of[ci] {
            match **v {
                Verdict::ValueMismatch {
                    claim, value, fact, ..
                } if claim == ci => {
                    values[value] = Some(Outcome::Contradicts(
                        Target::Fact(fact),
                        RuleId::ValueMismatch,
                    ));
                }
                Verdict::Stale {
                    claim, value, fact, ..
                } if claim == ci => {
                    values[value] =
                        Some(Outcome::Contradicts(Target::Fact(fact), RuleId::StaleValue));
                }
                Verdict::DateMismatch {
                    claim, value, fact, ..
                } if claim == ci => {
                    values[value] = Some(Outcome::Contradicts(
                        Target::Fact(fact),
                        RuleId::DateMismatch,
                    ));
                }
                _ => {}
            }
        }
        for t in &times_of[ci] {
            match **t {
                TimeVerdict::EventAnachronism {
                    claim, value, fact, ..
                } if claim == ci && values[value].is_none() => {
                    values[value] = Some(Outcome::Contradicts(
                        Target::Fact(fact),
                        RuleId::Anachronism,
                    ));
                }
                // A wrong date of a product's announcement or release.
                TimeVerdict::ProductDate {
                    claim,
                    value,
                    product,
                    ..
                } if claim == ci && values[value].is_none() => {
                    values[value] = Some(Outcome::Contradicts(
                        Target::Product(product),
                        RuleId::DateMismatch,
                    ));
                }
                _ => {}
            }
        }
        // The amount that named the event of a wrong date agrees with the event.
        for v in &verdicts_of[ci] {
            if let Verdict::DateMismatch {
                claim,
                fact,
                anchor: Some(anchor),
                ..
            } = **v
                && claim == ci
                && values[anchor].is_none()
            {
                values[anchor] = Some(Outcome::Agrees(Target::Fact(fact)));
            }
        }
        let mut reasons: Vec<Option<Reason>> = vec![None; claim.values.len()];
        for note in &notes_of[ci] {
            match *note {
                Note::Agrees { claim, value, fact } if claim == ci && values[value].is_none() => {
                    values[value] = Some(Outcome::Agrees(Target::Fact(fact)));
                }
                Note::GaveUp {
                    claim,
                    value,
                    reason,
                } if claim == ci => {
                    reasons[value].get_or_insert(reason);
                }
                Note::GaveUpClaim { claim, reason } if claim == ci => {
                    for r in &mut reasons {
                        r.get_or_insert(reason);
                    }
                }
                _ => {}
            }
        }
        // A date pinned to an amount tied to a fact was read with it.
        for vi in 0..claim.values.len() {
            if matches!(claim.values[vi].value, Value::Date(_)) {
                continue;
            }
            let target = match values[vi] {
                Some(Outcome::Agrees(t) | Outcome::Contradicts(t, _)) => t,
                _ => continue,
            };
            if let Some(di) = pinned_date(claim, vi)
                && values[di].is_none()
            {
                values[di] = Some(Outcome::Agrees(target));
            }
        }
        // A date read only with its amount shares the amount's reason.
        for vi in 0..claim.values.len() {
            if matches!(claim.values[vi].value, Value::Date(_)) || values[vi].is_some() {
                continue;
            }
            if let (Some(r), Some(di)) = (reasons[vi], pinned_date(claim, vi))
                && values[di].is_none()
                && reasons[di].is_none()
            {
                reasons[di] = Some(r);
            }
        }
        for (vi, v) in claim.values.iter().enumerate() {
            let outcome = values[vi].unwrap_or_else(|| {
                Outcome::Unattributed(reasons[vi].unwrap_or_else(|| date_reason(a, claim, v)))
            });
            out.push(ItemOutcome {
                claim: ci,
                item: Item::Value(vi),
                outcome,
            });
        }
        for (ii, p) in claim.products.iter().enumerate() {
            let judged = times_of[ci].iter().find_map(|t| match **t {
                TimeVerdict::Anachronism {
                    claim,
                    item,
                    product,
                    ..
                } if claim == ci && item == ii => Some(Outcome::Contradicts(
                    Target::Product(product),
                    RuleId::Anachronism,
                )),
                TimeVerdict::RelativeDate {
                    claim,
                    item,
                    product,
                    ..
                } if claim == ci && item == ii => Some(Outcome::Contradicts(
                    Target::Product(product),
                    RuleId::RelativeDate,
                )),
                TimeVerdict::LineupMismatch { claim, item, .. } if claim == ci && item == ii => {
                    match p.found {
                        Found::Known(product) => Some(Outcome::Contradicts(
                            Target::Product(product),
                            RuleId::LineupMismatch,
                        )),
                        Found::Unknown { .. } => None,
                    }
                }
                TimeVerdict::UnknownModel {
                    claim,
                    item,
                    family,
                    ..
                } if claim == ci && item == ii => Some(Outcome::Contradicts(
                    Target::Family(family),
                    RuleId::UnknownModel,
                )),
                _ => None,
            });
            let outcome = judged.unwrap_or(match p.found {
                Found::Unknown { .. } => Outcome::Unattributed(Reason::NoFact),
                Found::Known(_) if framed[ci][ii] => Outcome::Unattributed(Reason::Hedged),
                Found::Known(_) if days[ci].is_none() => Outcome::Unattributed(Reason::NoDate),
                Found::Known(product) => Outcome::Agrees(Target::Product(product)),
            });
            out.push(ItemOutcome {
                claim: ci,
                item: Item::Product(ii),
                outcome,
            });
        }
    }
    out
}

/// Why a value attribution noted nothing about was not tied to a fact: dates (which
/// only the date checks read) and values of an analysis that records no notes.
fn date_reason(a: &Analysis<'_>, claim: &Claim, v: &ValueItem) -> Reason {
    if claim.entities.is_empty() {
        return Reason::NoEntity;
    }
    if claim.is_forecast() || super::excluded(claim, v) {
        return why_excluded(claim, v);
    }
    let dated_event = claim
        .candidates(a.facts)
        .iter()
        .any(|&f| matches!(a.facts.facts[f].kind, FactKind::Event { .. }));
    if matches!(v.value, Value::Date(_)) && !dated_event {
        return Reason::NoFact;
    }
    Reason::NoCue
}

/// Counts of outcomes: claims found, attributed (agreeing, contradicting),
/// unattributed by reason, and what never became a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Coverage {
    /// Values and product names found in claims.
    pub claims: usize,
    /// Tied to a fact that they agree with.
    pub agreeing: usize,
    /// Tied to a fact that a rule says they contradict.
    pub contradicting: usize,
    /// Not tied to a fact, by reason (in the order of [`Reason::ALL`]).
    pub unattributed: [usize; 7],
    /// Sentences and table rows too long to check (see
    /// [`super::MAX_CLAIM_BYTES`]): their values are never read.
    pub oversized: usize,
}

impl Coverage {
    /// The counts of `outcomes` (and of the analysis's oversized sentences).
    pub fn of(a: &Analysis<'_>, outcomes: &[ItemOutcome]) -> Coverage {
        let mut c = Coverage {
            oversized: a.oversized.len(),
            ..Coverage::default()
        };
        for o in outcomes {
            c.add(&o.outcome);
        }
        c
    }

    /// Counts one outcome.
    pub fn add(&mut self, o: &Outcome) {
        self.claims += 1;
        match o {
            Outcome::Agrees(_) => self.agreeing += 1,
            Outcome::Contradicts(..) => self.contradicting += 1,
            Outcome::Unattributed(r) => {
                if let Some(i) = Reason::ALL.iter().position(|x| x == r) {
                    self.unattributed[i] += 1;
                }
            }
        }
    }

    /// Adds another file's counts.
    pub fn merge(&mut self, other: &Coverage) {
        self.claims += other.claims;
        self.agreeing += other.agreeing;
        self.contradicting += other.contradicting;
        for (a, b) in self.unattributed.iter_mut().zip(other.unattributed) {
            *a += b;
        }
        self.oversized += other.oversized;
    }

    /// Tied to a fact.
    pub fn attributed(&self) -> usize {
        self.agreeing + self.contradicting
    }

    /// Not tied to a fact.
    pub fn unattributed_total(&self) -> usize {
        self.unattributed.iter().sum()
    }

    /// The share attributed, in percent to one decimal (none without claims).
    pub fn percent(&self) -> Option<f64> {
        (self.claims > 0)
            .then(|| (self.attributed() as f64 * 1000.0 / self.claims as f64).round() / 10.0)
    }

    /// The one-line summary: "312 claims, 241 checked (77 %)".
    pub fn line(&self) -> String {
        match self.percent() {
            Some(p) => format!(
                "{} claims, {} checked ({} %)",
                self.claims,
                self.attributed(),
                trim_percent(p)
            ),
            None => "0 claims".to_string(),
        }
    }
}

/// "77.0" as "77", "76.5" as "76.5".
pub fn trim_percent(p: f64) -> String {
    let s = format!("{p:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}
