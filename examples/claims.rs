//! Prints the claims factlint reads in a draft and what attribution decided: a tool
//! for rule and fact authors. `cargo run --example claims -- draft.md`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;

use factlint::analysis::Analysis;
use factlint::facts::FactBase;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: claims DRAFT.md");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 draft");
    let base = FactBase::load(FactBase::builtin_files()).expect("the built-in fact base is valid");
    let doc = factlint::read::markdown::scan(&text);
    let a = Analysis::recording(Path::new(&path), &text, &doc, &base, None);
    for c in &a.claims {
        let ents: Vec<&str> = c
            .entities
            .iter()
            .map(|&e| base.entities[e].id.as_str())
            .collect();
        let cues: Vec<&str> = c
            .cues
            .iter()
            .map(|x| base.names.cues[x.cue].as_str())
            .collect();
        println!("{:?}\n  entities {ents:?} cues {cues:?}", c.text);
        for p in &c.products {
            let what = match &p.found {
                factlint::facts::product::Found::Known(i) => base.products[*i].id.clone(),
                factlint::facts::product::Found::Unknown { name, .. } => {
                    format!("unknown {name:?}")
                }
            };
            println!("  product {:?} = {what}", &text[p.span.clone()]);
        }
        for r in &c.relatives {
            println!("  relative {:?} = {:?}", &text[r.span.clone()], r.phrase);
        }
        for v in &c.values {
            println!(
                "  value {:?} = {}",
                &text[v.span.clone()],
                v.value.describe()
            );
        }
    }
    println!("{:#?}", a.verdicts);
    // What `factlint claims` says of each value and name (the same attribution).
    for o in factlint::analysis::outcome::outcomes(&a) {
        let c = &a.claims[o.claim];
        let span = match o.item {
            factlint::analysis::outcome::Item::Value(i) => c.values[i].span.clone(),
            factlint::analysis::outcome::Item::Product(i) => c.products[i].span.clone(),
        };
        println!("outcome {:?} = {:?}", &text[span], o.outcome);
    }
    for s in factlint::analysis::statements::statements(&a) {
        let v = &a.claims[s.claim].values[s.value];
        println!(
            "statement {:?} = {} key {:?}",
            &text[v.span.clone()],
            v.value.describe(),
            s.key
        );
    }
}
