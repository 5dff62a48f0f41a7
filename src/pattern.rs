//! Patterns written by users (in fact files: a family's name shapes), compiled with
//! limits, so that a pattern can neither exhaust memory nor take long to build, and a
//! bad one gives a one-line error instead of a multi-line regex report.

use regex::{Regex, RegexBuilder};

/// The most memory one compiled user pattern may take (the regex crate's default is
/// 10 MiB; a name shape needs a few KiB).
pub const USER_PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// The most memory the lazy DFA of one user pattern may take while matching.
pub const USER_PATTERN_DFA_SIZE_LIMIT: usize = 1 << 20;

/// The deepest nesting of groups and repetitions a user pattern may have.
pub const USER_PATTERN_NEST_LIMIT: u32 = 32;

/// Compiles a user-supplied pattern with size and nesting limits. The error is one
/// line that names the pattern and what is wrong with it.
pub fn compile_user_pattern(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(USER_PATTERN_SIZE_LIMIT)
        .dfa_size_limit(USER_PATTERN_DFA_SIZE_LIMIT)
        .nest_limit(USER_PATTERN_NEST_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => format!(
                "the pattern `{pattern}` is too big: it compiles to more than {limit} bytes"
            ),
            regex::Error::Syntax(report) => {
                // The report has the pattern, a caret line and "error: …"; keep the last.
                let why = report
                    .lines()
                    .rev()
                    .find_map(|l| l.strip_prefix("error:"))
                    .unwrap_or(report.as_str())
                    .trim();
                format!("the pattern `{pattern}` is not a valid regex: {why}")
            }
            other => format!("the pattern `{pattern}` cannot be compiled: {other}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_shape_compiles() {
        let re = compile_user_pattern(r"Claude \d(\.\d)? (Opus|Sonnet|Haiku)").expect("valid");
        assert!(re.is_match("Claude 3.5 Opus"));
    }

    #[test]
    fn a_pattern_that_compiles_too_big_is_refused_in_one_line() {
        let e = compile_user_pattern(r"\w{1000}{1000}").expect_err("too big");
        assert_eq!(
            e,
            format!(
                "the pattern `\\w{{1000}}{{1000}}` is too big: it compiles to more than {USER_PATTERN_SIZE_LIMIT} bytes"
            )
        );
    }

    #[test]
    fn deep_nesting_and_bad_syntax_are_refused_in_one_line() {
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        let e = compile_user_pattern(&deep).expect_err("too deep");
        assert!(e.contains("is not a valid regex: exceed"), "{e}");
        assert!(!e.contains('\n'));
        let e = compile_user_pattern("Claude (Opus").expect_err("unclosed");
        assert_eq!(
            e,
            "the pattern `Claude (Opus` is not a valid regex: unclosed group"
        );
    }
}
