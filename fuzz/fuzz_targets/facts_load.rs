//! Target (b): any text as a fact file, alone and beside the built-in base. Asserts
//! that every error points inside its file, on character boundaries, and that errors
//! render; a base that loads is then used to check a draft.
#![no_main]

use std::path::Path;

use codespan_reporting::term::termcolor::NoColor;
use factlint::facts::{FactBase, FactFile};
use factlint::run::{CheckOptions, check_text};
use libfuzzer_sys::fuzz_target;

const DRAFT: &str = "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic, \
after an initial $1.25 billion in September 2023. Initech raised 40% more, about 100,000 users.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let own = FactFile {
        name: "fuzz.toml".to_string(),
        text: text.to_string(),
    };
    let mut with_builtin = FactBase::builtin_files();
    with_builtin.push(own.clone());
    for files in [vec![own], with_builtin] {
        let kept = files.clone();
        match FactBase::load(files) {
            Ok(base) => {
                let r = check_text(Path::new("d.md"), DRAFT, &base, &CheckOptions::default());
                for d in &r.diagnostics {
                    assert!(d.span.end <= DRAFT.len());
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty());
                for e in &errors {
                    let file = &kept[e.file].text;
                    assert!(e.span.start <= e.span.end, "{e:?}");
                    assert!(e.span.end <= file.len(), "{e:?}");
                    assert!(file.is_char_boundary(e.span.start), "{e:?}");
                    assert!(file.is_char_boundary(e.span.end), "{e:?}");
                    assert!(!e.message.contains('\n'), "one-line message: {e:?}");
                }
                let mut human = NoColor::new(Vec::new());
                factlint::report::human::write_fact_errors(&errors, &kept, &mut human)
                    .expect("render to memory");
                let mut json = Vec::new();
                factlint::report::json::write_fact_errors(&errors, &kept, &mut json)
                    .expect("json to memory");
            }
        }
    }
});
