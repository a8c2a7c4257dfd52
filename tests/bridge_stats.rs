//! Host calls per expansion: `MacroInstance::last_expansion_stats` counts every call the guest
//! makes into `wasmacro:bridge`, per function, and the tokens and text that cross; `expand
//! --stats` prints them. The numbers below are counted by hand from the macros' source.

mod support;

use support::*;
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{BridgeCall, ExpandError, ExpansionStats, Kind, Limits, MacroComponent, MacroInstance, Sandbox};

fn instance<'c>(component: &'c MacroComponent, source: &str) -> MacroInstance<'c> {
    let backend = StandaloneBackend::new("input.rs", source);
    component.instantiate(Box::new(backend), &Sandbox::default(), Limits::default()).unwrap()
}

/// Expands the whole file with `name` and returns the output as printed by the host.
fn expand(instance: &mut MacroInstance<'_>, kind: Kind, name: &str) -> Result<String, ExpandError> {
    let backend = instance.backend::<StandaloneBackend>().unwrap();
    let input = backend.lex_file().unwrap();
    let spans = backend.expansion_spans();
    let output = instance.expand(kind, name, input, None, spans)?;
    Ok(wasmacro_host::Backend::print(instance.backend_mut(), &output))
}

fn calls(stats: &ExpansionStats) -> Vec<(&'static str, u32)> {
    stats.by_call().map(|(call, n)| (call.name(), n)).collect()
}

#[test]
fn a_derive_that_names_fields_locally_makes_one_parse_call() {
    let (path, _) = build(&repo().join("examples/derive-plain/Cargo.toml"), "stats-derive-plain");
    let component = MacroComponent::from_file(&path).unwrap();
    // 15 tokens: pub struct Point { x : i32 , pub y : Vec < u8 > }, 27 bytes of names.
    let mut instance = instance(&component, "pub struct Point { x: i32, pub y: Vec<u8> }");
    let output = expand(&mut instance, Kind::Derive, "Describe").unwrap();
    // The skeleton was taken apart and rebuilt (`fill_body`), so `&` prints alone, as in rustc.
    assert_eq!(output, "impl Point { pub fn describe() -> & 'static str { \"struct Point { x, y }\" } }");
    let stats = instance.last_expansion_stats();
    // `Ident::to_string` of every name is answered in the guest; the one host call is the
    // `format!(..).parse()` of the impl's skeleton.
    assert_eq!(calls(stats), [("tokens.parse", 1)]);
    assert_eq!(stats.total_calls(), 1);
    assert_eq!(stats.calls(BridgeCall::Print), 0);
    // To the guest: the input, and the 14 tokens of `impl Point { pub fn describe ( ) - > & '
    // static str { } }` (impl, Point, pub, fn, describe, static, str: 31 bytes).
    assert_eq!((stats.tokens_to_guest, stats.text_to_guest), (15 + 14, 27 + 31));
    // From the guest: the 52-byte source it parsed, and its output: those 14 tokens and the
    // string literal `struct Point { x, y }` (21 bytes).
    assert_eq!((stats.tokens_from_guest, stats.text_from_guest), (15, 52 + 31 + 21));
}

#[test]
fn each_group_printed_is_one_call_and_other_trees_print_in_the_guest() {
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    // Seven top-level trees, three of them groups; 11 tokens, 7 bytes of text.
    let mut instance = instance(&component, "a + (b c) [d] 1 \"s\" {e}");
    let output = expand(&mut instance, Kind::Function, "prints_trees").unwrap();
    assert_eq!(output, r#""a|+|(b c)|[d]|1|\"s\"|{ e }""#);
    let stats = instance.last_expansion_stats().clone();
    assert_eq!(calls(&stats), [("tokens.print", 3)]);
    // To the guest: the input, and the printed texts `(b c)`, `[d]`, `{ e }`.
    assert_eq!((stats.tokens_to_guest, stats.text_to_guest), (11, 7 + 5 + 3 + 5));
    // From the guest: the three groups (3 + 2 + 2 tokens, 4 bytes) and the output literal, whose
    // symbol is the joined text with its quotes escaped (27 bytes).
    assert_eq!((stats.tokens_from_guest, stats.text_from_guest), (7 + 1, 4 + 27));

    // Counts belong to one expansion: the next starts from zero.
    assert_eq!(expand(&mut instance, Kind::Function, "echo").unwrap(), "a + (b c) [d] 1 \"s\" {e}");
    let stats = instance.last_expansion_stats();
    assert_eq!(stats.total_calls(), 0);
    assert_eq!((stats.tokens_to_guest, stats.text_to_guest), (11, 7));
    assert_eq!((stats.tokens_from_guest, stats.text_from_guest), (11, 7));
}

#[test]
fn an_expansion_that_traps_still_reports_its_calls() {
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    let mut instance = instance(&component, "x");
    // A panic unwinds to the guest's `expand`, which returns it: no host call.
    assert_eq!(
        expand(&mut instance, Kind::Function, "panics").unwrap_err(),
        ExpandError::Panicked(Some("boom: 42 went wrong".into()))
    );
    assert_eq!(calls(instance.last_expansion_stats()), []);
    // A panic that cannot unwind (one in a destructor during unwinding) reports itself to the
    // host, then the instance traps; the count survives the trap.
    assert_eq!(
        expand(&mut instance, Kind::Function, "panics_while_unwinding").unwrap_err(),
        ExpandError::Panicked(Some("panic in a destructor during cleanup".into()))
    );
    assert_eq!(calls(instance.last_expansion_stats()), [("panics.record-panic", 1)]);
    // The instance re-instantiated from its template expands again.
    assert_eq!(expand(&mut instance, Kind::Function, "prints_trees").unwrap(), "\"x\"");
    assert_eq!(instance.last_expansion_stats().total_calls(), 0);
}

#[test]
fn expand_prints_the_stats_on_request() {
    let input = fixtures_target().join("scratch/prints-trees.rs");
    std::fs::create_dir_all(input.parent().unwrap()).unwrap();
    std::fs::write(&input, "a + (b c) [d] 1 \"s\" {e}\n").unwrap();
    let out = run(wasmacro().arg("expand").arg("--component").arg(misbehaving()).args(["--bang", "prints_trees", "--stats"]).arg(&input));
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(out.stdout.trim(), r#""a|+|(b c)|[d]|1|\"s\"|{ e }""#);
    assert!(
        out.stderr.contains(
            "stats: 3 bridge calls (tokens.print 3); to the guest 11 tokens, 20 bytes of text; \
             from the guest 8 tokens, 31 bytes of text"
        ),
        "{}",
        out.stderr
    );
    // Without --stats, nothing is printed.
    let out = run(wasmacro().arg("expand").arg("--component").arg(misbehaving()).args(["--bang", "prints_trees"]).arg(&input));
    assert!(out.status.success() && !out.stderr.contains("stats:"), "{}", out.stderr);
}

#[test]
fn lone_tokens_are_parsed_in_the_guest_as_the_host_would() {
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    // What real crates parse one at a time (quote!'s literals, names for syn::Ident, `pub`).
    let mut instance = instance(&component, "pub __display_reason _ 0 1 42 \"len\" \"\" \"two words\"");
    assert_eq!(expand(&mut instance, Kind::Function, "parses_alike").unwrap(), "\"9 alike\"");
    // Only the padded texts went to the host's lexer.
    assert_eq!(instance.last_expansion_stats().calls(BridgeCall::Parse), 9);
    // Anything else still goes to the host, alone or padded.
    let mut instance = self::instance(&component, "r#type 1u8 0x1f \"a\\nb\" 'c' b\"x\"");
    assert_eq!(expand(&mut instance, Kind::Function, "parses_alike").unwrap(), "\"6 alike\"");
    assert_eq!(instance.last_expansion_stats().calls(BridgeCall::Parse), 12);
}
