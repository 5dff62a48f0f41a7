//! The output of a run does not depend on the number of threads: the same drafts
//! checked in a rayon pool of one thread and in a pool of several give byte-identical
//! JSON and short output. A correctness test, not a timed one.

use std::path::{Path, PathBuf};

use factlint::facts::FactBase;
use factlint::report;
use factlint::run::{CheckOptions, Report, check_paths};

#[allow(dead_code)]
#[path = "../examples/gencorpus/generate.rs"]
mod generate;

/// Writes generated articles (about `bytes` in all, some with planted errors) and the
/// fixture drafts into `dir`, in nested folders.
fn write_corpus(dir: &Path, base: &FactBase, bytes: usize) {
    let catalog = generate::Catalog::new(base);
    let mut r = generate::Rng(7);
    let mut total = 0;
    let mut n = 0;
    while total < bytes {
        let target = (1024.0 * 10f64.powf(r.unit())) as usize;
        let text = generate::article(&mut r, &catalog, target);
        let sub = dir.join(format!("{:02}", n % 7));
        std::fs::create_dir_all(&sub).expect("create a folder");
        std::fs::write(sub.join(format!("a{n:04}.md")), &text).expect("write an article");
        total += text.len();
        n += 1;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts");
    for e in std::fs::read_dir(&fixtures).expect("the fixtures folder") {
        let p = e.expect("a fixture").path();
        if p.extension().is_some_and(|x| x == "md") {
            let name = p.file_name().expect("a file name");
            std::fs::copy(&p, dir.join(name)).expect("copy a fixture");
        }
    }
}

fn run(threads: usize, paths: &[PathBuf], base: &FactBase) -> (Report, String, String) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let opts = CheckOptions::default();
    let report = pool.install(|| check_paths(paths, base, &opts));
    let mut json = Vec::new();
    report::json::write(&report, std::slice::from_ref(base), &mut json).expect("render JSON");
    let mut short = Vec::new();
    report::short::write(&report, &mut short).expect("render short output");
    (
        report,
        String::from_utf8(json).expect("UTF-8 JSON"),
        String::from_utf8(short).expect("UTF-8 output"),
    )
}

#[test]
fn output_is_the_same_with_one_thread_and_with_many() {
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_corpus(dir.path(), &base, 300_000);
    let paths = vec![dir.path().to_path_buf()];
    let many = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .max(4);
    let (one, json1, short1) = run(1, &paths, &base);
    let (all, json_n, short_n) = run(many, &paths, &base);
    // Enough work that threads interleave, and findings to compare.
    assert!(one.files_checked() > 40, "{} files", one.files_checked());
    let findings = one.diagnostics().count();
    assert!(findings > 10, "{findings} findings");
    assert_eq!(json1, json_n);
    assert_eq!(short1, short_n);
    assert_eq!(format!("{:?}", one.files), format!("{:?}", all.files));
    // Files come out sorted by path.
    let order: Vec<&PathBuf> = one.files.iter().map(|f| &f.path).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

/// Texts are not kept through a run: a file with findings is read again to render
/// them, and only if it has not changed since it was checked.
#[test]
fn findings_are_rendered_from_the_file_as_it_was_checked() {
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in base is valid");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let draft = dir.path().join("draft.md");
    let text =
        "---\ndate: 2024-11-22\n---\nAmazon has now invested a total of $9 billion in Anthropic.\n";
    std::fs::write(&draft, text).expect("write the draft");
    let report = check_paths(
        std::slice::from_ref(&draft),
        &base,
        &CheckOptions::default(),
    );
    let f = &report.files[0];
    assert!(f.text.is_none());
    assert_eq!(f.result.diagnostics.len(), 1);
    assert_eq!(f.source().as_deref(), Some(text));
    let mut short = Vec::new();
    report::short::write(&report, &mut short).expect("render");
    let short = String::from_utf8(short).expect("UTF-8");
    assert!(short.contains("draft.md:4:"), "{short}");
    // Changed since: not rendered against the wrong text.
    std::fs::write(&draft, format!("{text}More.\n")).expect("change the draft");
    assert_eq!(f.source(), None);
    // ... and the run says so, as an error, instead of rendering them.
    let mut report = report;
    report.drop_changed();
    assert!(report.files.is_empty());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].path, draft);
    assert!(
        report.errors[0]
            .message
            .contains("changed while factlint ran"),
        "{}",
        report.errors[0].message
    );
}
