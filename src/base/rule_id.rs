//! Rule ids, from the one list of rules ([`rule_list`]): the enum, its order, its
//! kebab-case names and its default severities are all generated from that list, and
//! `rules/` generates its modules and its registry from the same list.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::base::diagnostic::Severity;

/// The one list of rules. Adding a rule is one line here (variant, id, default
/// severity, the module in `src/rules/` that holds it, and one line of doc) plus the
/// rule's own file. The suppression ids are reported while applying suppression
/// comments (`run/suppress.rs`) and have no module.
///
/// The list is handed to the macro named `$then`, which expands it as it needs.
macro_rules! rule_list {
    ($then:ident) => {
        $then! {
            rules: [
                (ValueMismatch, "value-mismatch", Error, value_mismatch,
                    "A stated amount, count or percentage that contradicts the fact it is about."),
                (StaleValue, "stale-value", Error, stale_value,
                    "A value that was true once but not on the article's date."),
                (DateMismatch, "date-mismatch", Error, date_mismatch,
                    "A stated date for an event that contradicts the fact's date."),
                (SumMismatch, "sum-mismatch", Error, sum_mismatch,
                    "Parts that do not add up to the stated or known total."),
                (Anachronism, "anachronism", Error, anachronism,
                    "A product or event named before it existed."),
                (UnknownModel, "unknown-model", Warning, unknown_model,
                    "A name of a known family's shape that no product has."),
                (RelativeDate, "relative-date", Warning, relative_date,
                    "\"last year\", \"earlier this year\" that the fact's date contradicts."),
                (LineupMismatch, "lineup-mismatch", Warning, lineup_mismatch,
                    "A line-up listed with a member it did not have on the article's date."),
                (SelfContradiction, "self-contradiction", Error, self_contradiction,
                    "The same claim made twice in one document with values that cannot both hold."),
                (TableArithmetic, "table-arithmetic", Error, table_arithmetic,
                    "A running-total or total row that does not equal the sum of its column."),
                (RatioMismatch, "ratio-mismatch", Error, ratio_mismatch,
                    "\"doubling\", \"tripling\" between two values that do not have that ratio."),
                (CorpusContradiction, "corpus-contradiction", Warning, corpus_contradiction,
                    "Two documents of one run that state the same claim differently."),
                (MissingDate, "missing-date", Warning, missing_date,
                    "A draft with no article date factlint can read: the time-dependent checks were skipped."),
            ],
            suppression: [
                (ExpiredSuppression, "expired-suppression", Warning,
                    "A suppression comment whose `until=` date has passed."),
                (UnusedSuppression, "unused-suppression", Warning,
                    "A suppression comment that hid nothing (with `--report-unused-suppressions`)."),
                (InvalidSuppression, "invalid-suppression", Warning,
                    "A `factlint-…` comment that cannot be read (unknown directive, rule id or key)."),
            ],
        }
    };
}
pub(crate) use rule_list;

/// Expands the list into [`RuleId`] and its methods.
macro_rules! define_rule_ids {
    (
        rules: [$(($v:ident, $id:literal, $sev:ident, $module:ident, $doc:literal)),* $(,)?],
        suppression: [$(($sv:ident, $sid:literal, $ssev:ident, $sdoc:literal)),* $(,)?] $(,)?
    ) => {
        /// Every rule id factlint knows. Ids are part of the interface (JSON, SARIF,
        /// config, suppression comments): never rename one.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum RuleId {
            $(#[doc = $doc] #[serde(rename = $id)] $v,)*
            $(#[doc = $sdoc] #[serde(rename = $sid)] $sv,)*
        }

        impl RuleId {
            /// How many ids there are.
            pub const COUNT: usize = [$($id,)* $($sid,)*].len();

            /// Every id, in a stable order: the rules, then the suppression ids.
            pub const ALL: [RuleId; RuleId::COUNT] = [$(RuleId::$v,)* $(RuleId::$sv,)*];

            /// The kebab-case id.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$v => $id,)*
                    $(RuleId::$sv => $sid,)*
                }
            }

            /// The severity a finding of this rule has unless configured otherwise.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(RuleId::$v => Severity::$sev,)*
                    $(RuleId::$sv => Severity::$ssev,)*
                }
            }

            /// Whether the id is reported while applying suppression comments (and so
            /// cannot itself be hidden by one).
            pub fn is_suppression(self) -> bool {
                match self {
                    $(RuleId::$v => false,)*
                    $(RuleId::$sv => true,)*
                }
            }
        }
    };
}

rule_list!(define_rule_ids);

impl RuleId {
    /// Parses a kebab-case id.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_serialize_as_written() {
        let mut seen = std::collections::BTreeSet::new();
        for id in RuleId::ALL {
            let s = id.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{s}");
            assert_eq!(
                serde_json::to_string(&id).expect("JSON"),
                format!("\"{s}\"")
            );
            assert_eq!(RuleId::parse(s), Some(id));
        }
        assert_eq!(RuleId::parse("value_mismatch"), None);
    }

    #[test]
    fn suppression_ids_come_last_and_are_warnings() {
        let first = RuleId::ALL
            .iter()
            .position(|r| r.is_suppression())
            .expect("some");
        assert!(RuleId::ALL[first..].iter().all(|r| r.is_suppression()));
        assert_eq!(RuleId::ALL.len() - first, 3);
        assert!(
            RuleId::ALL[first..]
                .iter()
                .all(|r| r.default_severity() == Severity::Warning)
        );
    }
}
