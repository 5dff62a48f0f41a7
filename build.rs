//! Compiles every `facts/*.toml` into the binary as the built-in fact base, each named
//! `<built-in>/NAME.toml`: a name no user's fact file has, so that output never
//! suggests a `facts/` folder of the user's repository.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=facts");
    // Read when the script runs, not when it is compiled: a build script compiled for
    // one checkout is reused for another that shares the target folder (worktrees),
    // and would list the first one's facts, or none once it is gone.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("facts");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for n in &names {
        println!("cargo::rerun-if-changed=facts/{n}");
        let path = dir.join(n);
        writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            format!("<built-in>/{n}"),
            path.display().to_string()
        )
        .expect("write to a String");
    }
    out.push(']');
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("builtin_facts.rs"), out).expect("write OUT_DIR file");
}
