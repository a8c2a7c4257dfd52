//! Printer fidelity: how token streams print, compared with what rustc itself prints.
//!
//! rustc's side is recorded at test time by compiling `tests/fixtures/print-corpus` natively:
//! it applies the macros of `tests/fixtures/print-probe` (which return `TokenStream::to_string`
//! of their input, taken apart in various ways, or of streams built with the API) to every
//! case of `corpus.txt`. Our side builds the same print-probe crate with `cargo wasmacro build`
//! and expands the same calls through the host with the standalone backend. Every difference is
//! reported with both strings.

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use support::*;
use wasmacro_host::standalone::{StandaloneBackend, printer};
use wasmacro_host::tokens::{LitKind, Token};
use wasmacro_host::{Kind, Limits, MacroComponent, Sandbox};

/// Must match the modes of print-corpus's build.rs.
const MODES: &[&str] = &["printed", "rebuilt", "restreamed", "doubled", "trees", "inner", "regrouped", "reparsed"];

fn corpus_dir() -> PathBuf {
    repo().join("tests/fixtures/print-corpus")
}

struct Case {
    label: String,
    body: String,
}

/// The cases of corpus.txt, parsed as print-corpus's build.rs parses them.
fn corpus() -> Vec<Case> {
    let text = std::fs::read_to_string(corpus_dir().join("corpus.txt")).unwrap();
    let mut cases: Vec<Case> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(label) = line.strip_prefix("@@ ") {
            cases.push(Case { label: label.trim_end_matches('\n').into(), body: String::new() });
        } else if let Some(case) = cases.last_mut() {
            case.body.push_str(line);
        }
    }
    for case in &mut cases {
        if case.body.ends_with('\n') {
            case.body.pop();
        }
    }
    cases
}

/// The calls of one case: (mode, the macro invocation's source).
fn calls(case: &Case) -> Vec<(&'static str, String)> {
    match case.label.strip_prefix("built ") {
        Some(name) => vec![("built", format!("built!({name})"))],
        None => MODES.iter().map(|m| (*m, format!("{m}!({})", case.body))).collect(),
    }
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// rustc's answers: (case, mode) -> printed, from running print-corpus compiled natively.
fn native() -> (String, BTreeMap<(usize, String), String>) {
    let version = Command::new("rustc").arg("-V").output().unwrap();
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    let out = cargo()
        .args(["run", "--quiet", "--manifest-path"])
        .arg(corpus_dir().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(fixtures_target().join("native"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "the native print-corpus failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let mut answers = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let case = v["case"].as_u64().unwrap() as usize;
        answers.insert((case, v["mode"].as_str().unwrap().to_string()), v["printed"].as_str().unwrap().to_string());
    }
    (version, answers)
}

/// The value of a string literal token as the guest's `Literal::string` escaped it.
fn unescape(symbol: &str) -> String {
    let mut out = String::new();
    let mut chars = symbol.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            'u' => {
                let hex: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => out.push(other),
        }
    }
    out
}

/// The macro's input: the body of the group of `name!( ... )`, lexed as rustc lexes the call
/// (so the last token knows that `)` follows it).
fn macro_input(backend: &mut StandaloneBackend) -> Vec<Token> {
    let tokens = backend.lex_file().expect("the call lexes");
    let Token::Group(g) = &tokens[2] else { panic!("not a macro call: {tokens:?}") };
    tokens[3..3 + g.len as usize].to_vec()
}

struct Mismatch {
    label: String,
    mode: String,
    source: String,
    rustc: String,
    ours: String,
}

fn report(what: &str, version: &str, total: usize, mismatches: &[Mismatch]) -> String {
    let mut out = format!("{} of {total} {what} differ from {version}:\n", mismatches.len());
    for m in mismatches {
        out.push_str(&format!(
            "\n--- case `{}`, mode {}\nsource: {}\nrustc:  {:?}\nours:   {:?}\n",
            m.label, m.mode, m.source, m.rustc, m.ours
        ));
    }
    out
}

#[test]
fn token_streams_print_as_rustc_prints_them() {
    let started = std::time::Instant::now();
    let cases = corpus();
    let (version, rustc) = native();
    let expected_calls: usize = cases.iter().map(|c| calls(c).len()).sum();
    assert_eq!(rustc.len(), expected_calls, "print-corpus ran every call of the corpus");
    eprintln!("native side: {:?}", started.elapsed());

    let (wasm, _) = build(&repo().join("tests/fixtures/print-probe/Cargo.toml"), "print-probe");
    eprintln!("component built: {:?}", started.elapsed());
    let component = MacroComponent::from_file(&wasm).unwrap();
    let sandbox = Sandbox::default();

    let mut component_mismatches = Vec::new();
    let mut printer_mismatches = Vec::new();
    let mut printer_total = 0;
    for (index, case) in cases.iter().enumerate() {
        for (mode, source) in calls(case) {
            let expected = &rustc[&(index, mode.to_string())];
            let mismatch = |ours: String| Mismatch {
                label: case.label.clone(),
                mode: mode.into(),
                source: source.clone(),
                rustc: expected.clone(),
                ours,
            };

            let mut backend = StandaloneBackend::new("case.rs", &source);
            let input = macro_input(&mut backend);
            let spans = backend.expansion_spans();
            if mode == "printed" {
                // Cheaper, host only: the printer over the lexed input.
                printer_total += 1;
                let printed = printer::print(&input);
                if &printed != expected {
                    printer_mismatches.push(mismatch(printed));
                }
            }
            let mut instance = component.instantiate(Box::new(backend), &sandbox, Limits::default()).unwrap();
            let ours = match instance.expand(Kind::Function, mode, input, None, spans) {
                Ok(output) => match output.as_slice() {
                    [Token::Literal(lit)] if lit.kind == LitKind::Str => unescape(&lit.symbol),
                    other => format!("<not a string literal: {}>", instance.backend_mut().print(other)),
                },
                Err(e) => format!("<expansion failed: {e}>"),
            };
            if &ours != expected {
                component_mismatches.push(mismatch(ours));
            }
        }
    }
    eprintln!("compared {expected_calls} calls in {:?}", started.elapsed());
    let mut failures = String::new();
    if !printer_mismatches.is_empty() {
        failures.push_str(&report("host printer results (printer::print of the lexed input)", &version, printer_total, &printer_mismatches));
    }
    if !component_mismatches.is_empty() {
        failures.push_str(&report("expansions through the component", &version, expected_calls, &component_mismatches));
    }
    assert!(failures.is_empty(), "{failures}");
}
