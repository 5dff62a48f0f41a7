//! The scope of a hedge around a product's name: whether the wording makes the
//! product's own existence or release future, hypothetical or denied ("the upcoming
//! X", "once X ships", "OpenAI will release X", "X could arrive next year"), or only
//! hedges something said about a product it presupposes exists ("the recent X launch
//! could reshape pricing", "customers can switch to X if they prefer", "teams that
//! moved to X may save money").
//!
//! Two kinds of words:
//! - words that frame the product itself ("upcoming", "rumoured", "expected", "in
//!   development", "not yet", "said to be"): anywhere in the name's clause, they
//!   frame it;
//! - modal verbs and conditions ("will", "could", "may", "if", "once", "plans to"):
//!   they frame the name only when their predicate is the product's release or
//!   existence: the name is the subject of a modal release verb ("X will launch", "X
//!   may be released", "X, the next model, could arrive"), the object of one
//!   ("could release X", "plans to ship X"), or the subject of a condition's release
//!   verb ("if X ships", "once X is available").
//!
//! A frame carries over: once a draft has framed a product itself as future, its
//! later mentions of the same product are read in that frame ("X is said to launch in
//! August. … X will combine …"); see [`Frames`]. Only a frame of the product itself
//! carries over (a framing word next to the name, or a modal or condition whose verb
//! is its release): a framing word elsewhere in the clause ("X and future generations
//! are being optimized") exempts that mention only.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::base::word_regex::WordRegex;

/// Words that frame the product itself as future, hypothetical, rumoured or denied.
static FRAMING: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:upcoming|forthcoming|impending|imminent|hypothetical|eventual|expected|expects?|expecting|anticipated|awaited|rumou?red|rumou?rs?|reportedly|planned|planning|next|future|soon|coming|in development|under development|set to|slated|due (?:to|in|out|for)|successor|speculat\w*|leak(?:s|ed)?|not yet|yet to|later this|to be released|to launch|preview(?:ed|s)? of|not|no longer|never|in training|being trained|(?:is|are) developing|working on|in the works|teas(?:e|ed|es|ing)|hint(?:s|ed)?|said to be|roadmap|await(?:s|ed|ing)?)\b")
        .expect("constant regex")
});

/// A framing word right before the name ("the upcoming X", "a future X").
static FRAMING_BEFORE_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:upcoming|forthcoming|impending|imminent|expected|anticipated|awaited|long-awaited|rumou?red|reported|planned|next|future|coming|unreleased|unannounced|hypothetical|eventual|potential|possible|prospective|promised|yet-to-be-released)\s+(?:\S+\s+)?$")
        .expect("constant regex")
});

/// A framing word right after the name ("X is expected to", "X, said to launch").
static FRAMING_AFTER_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\s*(?:,\s*)?(?:(?:is|are|was|were|remains|has been|have been)\s+)?(?:still\s+|now\s+|reportedly\s+|widely\s+)?(?:expected|said to|rumou?red|reported to|slated|set to|due|scheduled|planned|poised to|in development|under development|in the works|in training|being trained|not yet|yet to|coming|on the roadmap|to launch|to be released|ahead of (?:its |the )?(?:launch|release|debut|unveiling)|pre-?launch|pre-?release)\b")
        .expect("constant regex")
});

/// Verbs and adjectives of a product's coming into existence.
const RELEASE: &str = r"(?:launch\w*|releas\w*|ship\w*|arriv\w*|debut\w*|come out|comes out|appear\w*|exist\w*|available|unveil\w*|announc\w*|introduc\w*|roll\w* out|land\w*|hit\w*|go(?:es)? live|be out|open\w* up)";

/// The name is the subject of a modal release verb: what follows the name.
static MODAL_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)^\s*(?:\([^)]{{0,40}}\)\s*|,[^,.;]{{0,60}},\s*)?(?:will|would|could|(?-i:may)|might|should|is going to|are going to|is likely to|are likely to)\s+(?:not\s+|also\s+|soon\s+|only\s+|finally\s+)?(?:be\s+(?:made\s+)?|become\s+)?(?:generally\s+|widely\s+|publicly\s+)?{RELEASE}"
    ))
    .expect("constant regex")
});

/// The name is the object of a modal (or intended) release verb: what precedes it.
static MODAL_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)\b(?:will|would|could|(?-i:may)|might|should|plans? to|planning to|aims? to|hopes? to|intends? to|is going to|are going to|is likely to|are likely to|(?:is|are|was|were)\s+(?:widely\s+|reportedly\s+)?(?:said|expected|set|slated|due|poised|rumou?red|reported|scheduled|preparing|planning|getting ready)\s+to)\s+(?:\w+\s+){{0,2}}{RELEASE}\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+|new\s+|first\s+)*(?:\S+\s+){{0,2}}$"
    ))
    .expect("constant regex")
});

/// A condition just before the name ("if", "once", "whether", "unless", "when").
static CONDITION_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:if|once|whether|unless|until|when|before)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|\S+'s\s+|\S+\s+)?$")
        .expect("constant regex")
});

/// After a condition's name: the name is the subject of a release verb.
static RELEASE_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)^\s*(?:\S+\s+)?(?:is\s+|are\s+|gets?\s+|becomes?\s+|finally\s+|actually\s+|does\s+|do\s+)?(?:made\s+|generally\s+|widely\s+|publicly\s+)?{RELEASE}"
    ))
    .expect("constant regex")
});

/// Wording that presupposes the product exists, whatever frame came before: "the
/// recent X launch", "teams that migrated to X", "since X shipped".
static PRESUPPOSED_BEFORE_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:recent|recently (?:released|launched|shipped)|newly (?:released|launched)|existing|since|(?:migrated|moved|switched|upgraded|ported) to|adopted|deployed|benchmarked|(?:have|has) (?:used|tested|deployed|adopted))\s+(?:the\s+|its\s+|their\s+)?(?:\S+\s+)?$")
        .expect("constant regex")
});

/// Wording after the name that states it released, in the present or the past,
/// whatever frame came before: "X is generally available today", "X is now
/// available", "X has shipped", "X became generally available". (A preview, a beta or
/// early access is no release.)
static RELEASED_AFTER_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\s*(?:(?:is|are)\s+(?:now\s+|already\s+)?(?:generally\s+|widely\s+|publicly\s+)?available\s+(?:today|now|to\s+(?:all|every)\b)|(?:is|are)\s+(?:now\s+)?generally\s+available|(?:has|have)\s+(?:now\s+|already\s+)?(?:shipped|launched|been\s+released|become\s+(?:generally\s+)?available)|became\s+generally\s+available)\b")
        .expect("constant regex")
});

/// A release that is not one: a preview, a beta, early access.
static NOT_A_RELEASE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:preview|beta|early\s+access|waitlist|limited)\b")
        .expect("constant regex")
});

/// How a mention of a product is framed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Nothing in the wording: the product is asserted, unless an earlier mention
    /// framed it.
    None,
    /// The wording presupposes the product exists ("the recent X launch"): asserted
    /// even after a frame.
    Presupposed,
    /// A framing word elsewhere in the name's clause: this mention is exempt.
    Clause,
    /// The product itself is framed as future, hypothetical or denied: this mention
    /// and the later ones of the same product are exempt.
    Product,
}

/// How the wording around the name at `pos` of `text` frames the product's own
/// existence or release. `clause` is the part of `text` read as the name's clause (it
/// contains `pos`).
pub fn frame(text: &str, clause: &Range<usize>, pos: &Range<usize>) -> Frame {
    let (Some(whole), Some(before), Some(after)) = (
        text.get(clause.clone()),
        text.get(clause.start..pos.start),
        text.get(pos.end..clause.end),
    ) else {
        return Frame::None;
    };
    if FRAMING_BEFORE_NAME.is_match(before)
        || FRAMING_AFTER_NAME.is_match(after)
        || MODAL_AFTER.is_match(after)
        || MODAL_BEFORE.is_match(before)
        || (CONDITION_BEFORE.is_match(before) && RELEASE_AFTER.is_match(after))
    {
        Frame::Product
    } else if PRESUPPOSED_BEFORE_NAME.is_match(before)
        || (RELEASED_AFTER_NAME.is_match(after) && !NOT_A_RELEASE.is_match(after))
    {
        Frame::Presupposed
    } else if FRAMING.is_match(whole) {
        Frame::Clause
    } else {
        Frame::None
    }
}

/// A question that asks about the future or a possibility ("Will GPT-5 replace it?",
/// "Could Gemini 3 ship this year?", "When will Llama 4 arrive?"): every name in it
/// is framed. Other questions ("Is GPT-5 worth it?") presuppose what they name.
pub fn question_frame(text: &str) -> Frame {
    static MODAL_QUESTION: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)^[\s#>*_\-]*(?:(?:q|question)\s*:\s*)?(?:(?:when|how soon|how|why|what|where|and)\s+)?(?:will|would|could|(?-i:may)|May|might|should|can|shall|is it likely|is .{0,40}\b(?:coming|expected|due|going to)|are .{0,40}\b(?:coming|expected|due|going to)|does .{0,40}\bplan)\b")
            .expect("constant regex")
    });
    if super::is_question(text) && MODAL_QUESTION.is_match(text) {
        Frame::Clause
    } else {
        Frame::None
    }
}

/// The products a draft has framed as future so far, in document order: a later
/// mention of one of them is read in that frame.
#[derive(Debug, Default)]
pub struct Frames {
    framed: HashSet<String>,
}

impl Frames {
    /// Whether the mention of `key` (a product's identity) is framed: by its own
    /// wording, or by an earlier mention that framed the product itself.
    pub fn mention(&mut self, key: &str, own: Frame) -> bool {
        match own {
            Frame::Product => {
                self.framed.insert(key.to_string());
                true
            }
            Frame::Clause => true,
            Frame::Presupposed => false,
            Frame::None => self.framed.contains(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the name `name` in `sentence` is framed, the whole sentence read as its
    /// clause.
    fn frame_of(sentence: &str, name: &str) -> Frame {
        let at = sentence.find(name).expect("the name is in the sentence");
        frame(sentence, &(0..sentence.len()), &(at..at + name.len()))
    }

    fn is_framed(sentence: &str, name: &str) -> bool {
        matches!(frame_of(sentence, name), Frame::Product | Frame::Clause)
    }

    #[test]
    fn words_that_frame_the_product_frame_it_anywhere_in_its_clause() {
        assert!(is_framed(
            "OpenAI's upcoming GPT-5 is said to be faster.",
            "GPT-5"
        ));
        assert!(is_framed("A future Llama 4 would change this.", "Llama 4"));
        assert!(is_framed(
            "OpenAI is expected to launch GPT-4.5 next year.",
            "GPT-4.5"
        ));
        assert!(is_framed("GPT-5 is not available yet.", "GPT-5"));
    }

    #[test]
    fn a_modal_frames_the_name_only_when_its_verb_is_the_release() {
        // The product's release is what is hypothetical or future.
        assert!(is_framed("GPT-5 could arrive in early 2025.", "GPT-5"));
        assert!(is_framed("GPT-5 may be released this winter.", "GPT-5"));
        assert!(is_framed(
            "GPT-5, the successor model, will launch soon.",
            "GPT-5"
        ));
        assert!(is_framed(
            "OpenAI will release GPT-5 in the spring.",
            "GPT-5"
        ));
        assert!(is_framed(
            "OpenAI plans to ship its GPT-5 model in June.",
            "GPT-5"
        ));
        // The product is presupposed; the modal hedges something else.
        assert!(!is_framed(
            "The recent GPT-5 launch could reshape pricing.",
            "GPT-5"
        ));
        assert!(!is_framed(
            "Customers can switch to GPT-5 if they prefer.",
            "GPT-5"
        ));
        assert!(!is_framed(
            "Teams that moved to GPT-5 may save money.",
            "GPT-5"
        ));
        assert!(!is_framed(
            "GPT-5 will combine reasoning and speed.",
            "GPT-5"
        ));
    }

    #[test]
    fn a_condition_frames_the_name_when_the_name_is_what_must_ship() {
        assert!(is_framed(
            "Once Gemini 3 ships, prices will fall.",
            "Gemini 3"
        ));
        assert!(is_framed(
            "If GPT-5 is released this year, we will test it.",
            "GPT-5"
        ));
        assert!(is_framed(
            "Whether Google's Gemini 3 arrives in March is unclear.",
            "Gemini 3"
        ));
        assert!(!is_framed(
            "If you use Gemini 3 today, costs fall.",
            "Gemini 3"
        ));
        assert!(!is_framed(
            "Gemini 3 is cheaper if you batch requests.",
            "Gemini 3"
        ));
    }

    #[test]
    fn presupposition_outranks_a_carried_frame() {
        let mut frames = Frames::default();
        let said = frame_of("OpenAI is said to launch GPT-5 in August.", "GPT-5");
        assert_eq!(said, Frame::Product);
        assert!(frames.mention("gpt-5", said));
        assert!(frames.mention("gpt-5", frame_of("GPT-5 is a big change.", "GPT-5")));
        let recent = frame_of("The recent GPT-5 launch could reshape pricing.", "GPT-5");
        assert_eq!(recent, Frame::Presupposed);
        assert!(!frames.mention("gpt-5", recent));
        assert_eq!(
            frame_of(
                "Teams that migrated to Llama 4 could save money.",
                "Llama 4"
            ),
            Frame::Presupposed
        );
        assert_eq!(
            frame_of("Summary: GPT-5 ahead of launch", "GPT-5"),
            Frame::Product
        );
        assert_eq!(
            frame_of("Meta is expected to release Llama 4 next month.", "Llama 4"),
            Frame::Product
        );
    }

    #[test]
    fn a_question_about_the_future_frames_its_names() {
        assert_eq!(question_frame("Will GPT-5 replace it?"), Frame::Clause);
        assert_eq!(question_frame("When will Llama 4 arrive?"), Frame::Clause);
        assert_eq!(
            question_frame("Q: Could Gemini 3 ship this year?"),
            Frame::Clause
        );
        // A question that presupposes the product, and a statement.
        assert_eq!(question_frame("Is GPT-5 worth it?"), Frame::None);
        assert_eq!(
            question_frame("What does GPT-4.5 mean for developers?"),
            Frame::None
        );
        assert_eq!(question_frame("Will GPT-5 replace it."), Frame::None);
    }

    #[test]
    fn only_a_frame_of_the_product_itself_carries_over() {
        assert_eq!(
            frame_of("The upcoming GPT-5 is faster.", "GPT-5"),
            Frame::Product
        );
        assert_eq!(
            frame_of("GPT-5 is said to launch in August.", "GPT-5"),
            Frame::Product
        );
        assert_eq!(
            frame_of("GPT-5, expected next month, is faster.", "GPT-5"),
            Frame::Product
        );
        assert_eq!(
            frame_of("OpenAI will release GPT-5 soon.", "GPT-5"),
            Frame::Product
        );
        assert_eq!(
            frame_of("Reviewers await the impending GPT-5 eagerly.", "GPT-5"),
            Frame::Product
        );
        assert_eq!(
            frame_of("A hypothetical Gemini 4 would need more chips.", "Gemini 4"),
            Frame::Product
        );
        assert_eq!(
            frame_of(
                "Trainium2 and future generations are being optimized.",
                "Trainium2"
            ),
            Frame::Clause
        );
        let mut frames = Frames::default();
        assert!(!frames.mention("gpt-5", Frame::None), "no frame yet");
        assert!(frames.mention("gpt-5", Frame::Clause));
        assert!(
            !frames.mention("gpt-5", Frame::None),
            "a clause's frame stays there"
        );
        assert!(frames.mention("gpt-5", Frame::Product));
        assert!(frames.mention("gpt-5", Frame::None), "framed earlier");
        assert!(!frames.mention("claude-4", Frame::None), "another product");
    }
}
