//! Target (a): any bytes as a draft, through Markdown scanning, recognizers,
//! attribution, rules and every emitter. Asserts that every span a diagnostic carries
//! is inside its file and on character boundaries.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use codespan_reporting::term::termcolor::NoColor;
use factlint::base::diagnostic::FileKey;
use factlint::facts::FactBase;
use factlint::run::{CheckOptions, CheckedFile, Report, check_text};
use libfuzzer_sys::fuzz_target;

static BASE: LazyLock<FactBase> = LazyLock::new(|| {
    FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid")
});

fn assert_span(text: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start),
        "{what}: start {span:?} off a char boundary"
    );
    assert!(
        text.is_char_boundary(span.end),
        "{what}: end {span:?} off a char boundary"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(Some(text)) = factlint::run::decode(data.to_vec()) else {
        return;
    };
    let path = Path::new("fuzz.md");
    for date in [None, Some(jiff::civil::date(2024, 11, 22))] {
        let opts = CheckOptions {
            default_date: date,
            ..CheckOptions::default()
        };
        let result = check_text(path, &text, &BASE, &opts);
        for d in &result.diagnostics {
            assert_span(&text, &d.span, "primary");
            assert!(!d.message.contains(['\n', '\r']), "one-line message: {d:?}");
            for l in &d.related {
                match &l.file {
                    FileKey::Draft => assert_span(&text, &l.span, "related"),
                    FileKey::Fact(i) => assert_span(&BASE.files[*i].text, &l.span, "fact"),
                    FileKey::Other(_) => {}
                }
            }
            if let Some(found) = &d.found {
                assert!(!found.is_empty(), "empty `found`");
            }
        }
        let report = Report {
            files: vec![CheckedFile {
                path: path.to_path_buf(),
                text: Some(text.clone()),
                result,
                base: 0,
            }],
            ..Report::default()
        };
        let mut out = Vec::new();
        factlint::report::json::write(&report, std::slice::from_ref(&*BASE), &mut out).expect("json to memory");
        factlint::report::short::write(&report, &mut out).expect("short to memory");
        let mut human = NoColor::new(Vec::new());
        factlint::report::human::write(&report, std::slice::from_ref(&*BASE), &mut human).expect("human to memory");
    }
});
