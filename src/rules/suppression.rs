//! The descriptions of the three ids reported while applying suppression comments
//! (`run/suppress.rs` reports them; they are not rules that read an analysis).

use crate::base::rule_id::RuleId;
use crate::rules::RuleMeta;

/// The descriptions of the ids reported here.
pub static META: [&RuleMeta; 3] = [&EXPIRED, &UNUSED, &INVALID];

static EXPIRED: RuleMeta = RuleMeta {
    id: RuleId::ExpiredSuppression,
    summary: "a suppression comment whose `until=` date has passed",
    explanation: "\
## What it finds
A `factlint-disable…` comment with `until=YYYY-MM-DD` when the day factlint runs is
after that date. The comment stops hiding findings: they are reported again, and so is
the comment.

## Why it matters
A suppression is a promise to come back (\"the fact base will have the new tranche by
then\"). An expiry date keeps the promise from being forgotten.

## Example that fires (run after 2025-01-31)
    <!-- factlint-disable-next-line stale-value reason=\"waiting for the filing\" until=2025-01-31 -->

## Example that does not fire
    <!-- factlint-disable-next-line stale-value reason=\"quoted from the 2023 release\" -->
A comment without `until`, or with a date that has not passed, never expires.
",
};

static UNUSED: RuleMeta = RuleMeta {
    id: RuleId::UnusedSuppression,
    summary: "a suppression comment that hid nothing (with --report-unused-suppressions)",
    explanation: "\
## What it finds
With `--report-unused-suppressions`: a `factlint-disable…` comment that hid no finding,
or a rule id listed in one that hid no finding of that rule.

## Why it matters
A suppression left behind after the text was fixed hides the next real error on that
line.

## Example that fires
    <!-- factlint-disable-next-line value-mismatch -->
    Amazon invested $1.25 billion in Anthropic in September 2023.
The value is right, so there is nothing to hide.

## Example that does not fire (article dated 2024-11-22)
    <!-- factlint-disable-next-line value-mismatch reason=\"quoting the first report\" -->
    Early reports said Amazon's total investment in Anthropic stood at $9 billion.
",
};

static INVALID: RuleMeta = RuleMeta {
    id: RuleId::InvalidSuppression,
    summary: "a `factlint-…` comment that cannot be read, so it hides nothing",
    explanation: "\
## What it finds
A comment that starts with `factlint` but is not one of `factlint-disable`,
`factlint-enable`, `factlint-disable-next-line`, `factlint-disable-line`,
`factlint-disable-file`; or that names an unknown rule id, an unknown key (only
`reason=` and `until=` exist), an `until=` that is not a day, or an unclosed quote.

## Why it matters
A misspelt suppression silently does nothing. factlint hides nothing on its behalf
(so no real finding is lost) and says why.

## Example that fires
    <!-- factlint-disable-next-line value-missmatch -->

## Example that does not fire
    <!-- factlint-disable-next-line value-mismatch until=2026-06-30 -->
",
};
