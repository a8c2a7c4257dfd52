//! A hostile guest (`tests/fixtures/hostile-guest`, written against the WIT directly) breaks every
//! rule of the bridge and exhausts every resource it can. Each case must end in an
//! [`ExpandError`] that names the cause, the host must keep working (the next expansion
//! succeeds), and nothing may panic, hang or grow the host's memory without bound.
//!
//! What the cases cannot include, by construction of `wasmacro:bridge`:
//! - Re-entrancy: the WIT has no callbacks into the guest (imports return plain data), and
//!   wasmtime refuses to re-enter a component instance that is already running anyway.
//! - Double drops or use-after-free of handles: the WIT has no resources. Token streams cross
//!   by value; spans are plain ids into a host table, checked on every use (the forged, stale
//!   and foreign span cases below).
//! - Invalid UTF-8, invalid `char`s or enum discriminants: the canonical ABI validates them
//!   when wasmtime lifts the guest's values, and a failed lift is a trap like any other.

mod support;

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use support::*;
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::tokens::FlatStream;
use wasmacro_host::{Backend, ExpandError, Kind, Limits, LoadError, MacroComponent, MacroInstance, Sandbox};

/// Builds the hostile guest (with `--features unknown-import` for its variant that imports an
/// interface no host provides) with the stable toolchain's wasm32-wasip2 target, which makes a
/// component directly; cached under `target/fixtures`.
fn build_guest(unknown_import: bool) -> PathBuf {
    static BUILDING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
    let status = Command::new("rustup").args(["target", "add", "--toolchain", "stable", "wasm32-wasip2"]).output().unwrap();
    assert!(status.status.success(), "rustup target add: {}", String::from_utf8_lossy(&status.stderr));
    let target_dir = fixtures_target().join("hostile-guest");
    let mut cargo = Command::new("rustup");
    cargo
        .args(["run", "stable", "cargo", "build", "--release", "--target", "wasm32-wasip2", "--manifest-path"])
        .arg(repo().join("tests/fixtures/hostile-guest/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    if unknown_import {
        cargo.args(["--features", "unknown-import"]);
    }
    let build = cargo.output().unwrap();
    assert!(build.status.success(), "building the hostile guest failed:\n{}", String::from_utf8_lossy(&build.stderr));
    let name = if unknown_import { "hostile-guest-unknown-import.wasm" } else { "hostile-guest.wasm" };
    let out = fixtures_target().join("out").join(name);
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::copy(target_dir.join("wasm32-wasip2/release/hostile_guest.wasm"), &out).unwrap();
    out
}

fn hostile_wasm() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| build_guest(false)).clone()
}

fn hostile() -> &'static MacroComponent {
    static LOADED: OnceLock<MacroComponent> = OnceLock::new();
    LOADED.get_or_init(|| MacroComponent::from_file(&hostile_wasm()).unwrap())
}

/// Small limits, so that every case hits its limit fast.
fn limits() -> Limits {
    Limits {
        deadline: Some(Duration::from_secs(2)),
        fuel: None,
        memory_bytes: 64 << 20,
        max_tokens: 100_000,
        max_text_bytes: 1 << 20,
        max_depth: 512,
        max_host_bytes: 4 << 20,
        max_replay_bytes: 4 << 20,
    }
}

/// An instance on the input `a + b`, with `env` granted to `tracked::env-var` (the guest reads
/// its sizes and span ids there).
fn instance(limits: Limits, env: &[(&str, String)]) -> MacroInstance<'static> {
    let mut backend = StandaloneBackend::new("input.rs", "a + b");
    for (name, value) in env {
        backend = backend.with_env(name, value);
    }
    hostile().instantiate(Box::new(backend), &Sandbox::default(), limits).unwrap()
}

fn expand_stream(instance: &mut MacroInstance<'_>, name: &str) -> Result<FlatStream, ExpandError> {
    let backend = instance.backend::<StandaloneBackend>().unwrap();
    let input = backend.lex_file().unwrap();
    let spans = backend.expansion_spans();
    instance.expand(Kind::Function, name, input, None, spans)
}

fn expand(instance: &mut MacroInstance<'_>, name: &str) -> Result<String, ExpandError> {
    let output = expand_stream(instance, name)?;
    Ok(instance.backend_mut().print_bounded(&output, 1 << 20).expect("small output"))
}

/// Runs `name`, expecting `expected`, then checks that the same instance still expands.
fn expect(instance: &mut MacroInstance<'_>, name: &str, expected: ExpandError) {
    let started = Instant::now();
    assert_eq!(expand(instance, name).unwrap_err(), expected, "{name}");
    assert!(started.elapsed() < Duration::from_secs(20), "{name} took {:?}", started.elapsed());
    assert_eq!(expand(instance, "echo").unwrap(), "a + b", "the host works after {name}");
}

fn limit(message: &str) -> ExpandError {
    ExpandError::LimitExceeded(message.into())
}

fn fault(message: &str) -> ExpandError {
    ExpandError::Fault(message.into())
}

#[test]
fn span_ids_not_handed_out_in_this_expansion_are_refused() {
    let mut inst = instance(limits(), &[]);
    // Kept from an earlier expansion of the same instance (that one succeeded).
    assert_eq!(expand(&mut inst, "stash_span").unwrap(), "");
    let stale = "the macro passed span id {}, which the host did not hand out during this expansion \
                 (span ids are valid only during the expansion that produced them)";
    let message = |id: u32| stale.replace("{}", &id.to_string());
    match expand(&mut inst, "use_stashed_span").unwrap_err() {
        ExpandError::Fault(m) => assert!(m.starts_with("the macro passed span id ") && m.ends_with("(span ids are valid only during the expansion that produced them)"), "{m}"),
        other => panic!("use_stashed_span: {other:?}"),
    }
    assert_eq!(expand(&mut inst, "echo").unwrap(), "a + b");

    // A span the backend has but never gave the guest: "foreign" to it. The id is the next one
    // the backend creates (after the input's tokens, lexed again by each expansion).
    let foreign = {
        let mut probe = StandaloneBackend::new("input.rs", "a + b");
        probe.lex_file().unwrap();
        probe.span_start(probe.expansion_spans().call_site)
    };
    let mut inst = instance(limits(), &[("HOSTILE_SPAN", foreign.to_string())]);
    let backend = inst.backend::<StandaloneBackend>().unwrap();
    backend.lex_file().unwrap();
    assert_eq!(backend.span_start(backend.expansion_spans().call_site), foreign);
    for case in ["span_from_env", "output_span_from_env", "diagnostic_span_from_env"] {
        expect(&mut inst, case, fault(&message(foreign)));
    }
    let mut inst = instance(limits(), &[("HOSTILE_SPAN", "4000000000".into())]);
    for case in ["span_from_env", "output_span_from_env", "diagnostic_span_from_env"] {
        expect(&mut inst, case, fault("the macro passed span id 4000000000, which the host never handed out"));
    }
}

#[test]
fn malformed_streams_are_refused_in_calls_and_output() {
    let mut inst = instance(limits(), &[]);
    let claims = |len: u32| format!("the macro passed a malformed token stream: the group at entry 0 claims {len} entries that its stream does not have");
    expect(&mut inst, "print_malformed", fault(&claims(5)));
    expect(&mut inst, "output_malformed", fault(&claims(5)));
    expect(&mut inst, "output_overlong_group", fault(&claims(u32::MAX)));

    // Entries that break the packed layout, each named with the field at fault.
    let entry = |index: usize, why: &str| fault(&format!("the macro passed a malformed token stream: entry {index} {why}"));
    expect(&mut inst, "output_partial_entry", entry(0, "is cut short: the stream has 4 words, not a multiple of 5"));
    expect(&mut inst, "output_bad_spacing", entry(0, "has spacing code 3, which does not exist"));
    let outside = "names text bytes 1..6, which are not a range of the 2 bytes of text on character boundaries";
    expect(&mut inst, "output_text_out_of_range", entry(1, outside));
    let mid_char = "names text bytes 1..2, which are not a range of the 2 bytes of text on character boundaries";
    expect(&mut inst, "output_text_mid_char", entry(0, mid_char));
    expect(&mut inst, "output_bad_char", entry(0, "is a punct of code point 0x110000, which is not a Unicode scalar value"));
    expect(&mut inst, "print_bad_literal_kind", entry(0, "is a literal of kind code 12, which does not exist"));
    // 10 000 tokens naming the same 1 KiB: 1 KiB sent, 10 MiB the host would copy.
    expect(
        &mut inst,
        "output_shared_text",
        limit("the macro's output holds more than 1048576 bytes of text (Limits::max_text_bytes)"),
    );
}

#[test]
fn deep_nesting_is_refused_and_the_printer_stays_bounded() {
    // 1,000,000 nested groups, sent to `print` and returned (about 80 MiB in the guest).
    let roomy = Limits { memory_bytes: 512 << 20, max_tokens: 2_000_000, ..limits() };
    let mut inst = instance(roomy.clone(), &[]);
    expect(&mut inst, "print_deep", limit("the stream passed to `print` nests groups 1000000 deep; the limit is 512 (Limits::max_depth)"));
    expect(&mut inst, "output_deep", limit("the macro's output nests groups 1000000 deep; the limit is 512 (Limits::max_depth)"));

    // Without a depth limit, the printer itself must stop: nested braces indent every line
    // further, so the text grows with the square of the depth.
    let unlimited = Limits { max_depth: usize::MAX, ..roomy };
    let mut inst = instance(unlimited, &[]);
    expect(&mut inst, "print_deep", limit("`print` would return more than 1048576 bytes of text (Limits::max_text_bytes)"));
    let started = Instant::now();
    let output = expand_stream(&mut inst, "output_deep").unwrap();
    assert_eq!(output.len(), 1_000_001);
    assert_eq!(inst.backend_mut().print_bounded(&output, 1 << 20), None);
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn huge_strings_and_outputs_hit_the_size_limits() {
    let mut inst = instance(limits(), &[("HOSTILE_BYTES", (2 << 20).to_string()), ("HOSTILE_TOKENS", "200000".into())]);
    expect(&mut inst, "parse_huge", limit("the string passed to `parse` has 2097152 bytes; the limit is 1048576 (Limits::max_text_bytes)"));
    expect(&mut inst, "validate_huge", limit("the string passed to `validate-ident` has 2097152 bytes; the limit is 1048576 (Limits::max_text_bytes)"));
    expect(&mut inst, "print_huge", limit("the stream passed to `print` holds 2097152 bytes of text; the limit is 1048576 (Limits::max_text_bytes)"));
    expect(&mut inst, "output_huge_string", limit("the macro's output holds 2097152 bytes of text; the limit is 1048576 (Limits::max_text_bytes)"));
    expect(&mut inst, "output_many_tokens", limit("the macro's output has 200000 tokens; the limit is 100000 (Limits::max_tokens)"));

    // Within the byte limit, but lexing into more tokens than a stream may have.
    let mut inst = instance(limits(), &[("HOSTILE_BYTES", (1 << 20).to_string())]);
    expect(&mut inst, "parse_huge", limit("the stream `parse` would return has 524288 tokens; the limit is 100000 (Limits::max_tokens)"));
    // Small enough: the same cases work.
    let mut inst = instance(limits(), &[("HOSTILE_BYTES", "1000".into()), ("HOSTILE_TOKENS", "3".into())]);
    assert_eq!(expand(&mut inst, "parse_huge").unwrap(), "parsed_500");
    assert_eq!(expand(&mut inst, "print_huge").unwrap(), "printed_1002");
    assert_eq!(expand(&mut inst, "output_many_tokens").unwrap(), "x x x");
}

#[test]
fn what_the_host_keeps_for_a_macro_is_bounded() {
    let mut inst = instance(limits(), &[]);
    let kept = |what: &str| {
        limit(&format!("{what}: the host would keep more than 4194304 bytes for the macro during one expansion (Limits::max_host_bytes)"))
    };
    expect(&mut inst, "save_span_flood", kept("`save-span`"));
    expect(&mut inst, "diagnostic_flood", kept("emitting diagnostics"));
}

#[test]
fn traps_panics_and_exhaustion_are_named() {
    let mut inst = instance(limits(), &[]);
    // A panic the macro reported and then caught: the expansion succeeds, and the report does
    // not leak into the next failure.
    assert_eq!(expand(&mut inst, "panic_then_return").unwrap(), "a + b");
    match expand(&mut inst, "unreachable").unwrap_err() {
        ExpandError::Trap(message) => assert!(message.contains("unreachable"), "{message}"),
        other => panic!("unreachable: {other:?}"),
    }
    assert_eq!(expand(&mut inst, "echo").unwrap(), "a + b");

    let started = Instant::now();
    expect(&mut inst, "loop_forever", ExpandError::DeadlineExceeded(Duration::from_secs(2)));
    assert!(started.elapsed() >= Duration::from_millis(1900), "{:?}", started.elapsed());

    expect(&mut inst, "recurse_wasm", ExpandError::StackOverflow("the wasm call stack is exhausted".into()));
    expect(&mut inst, "recurse_shadow", ExpandError::StackOverflow("its shadow stack (in linear memory) overflowed".into()));
    expect(&mut inst, "alloc_bomb", ExpandError::OutOfMemory(64));

    // A refused `memory.grow` that the guest survives is not held against a later trap.
    assert_eq!(expand(&mut inst, "grow_memory").unwrap(), "refused");
    assert!(matches!(expand(&mut inst, "unreachable").unwrap_err(), ExpandError::Trap(_)));
}

#[test]
fn error_messages_name_the_limit() {
    assert_eq!(
        ExpandError::DeadlineExceeded(Duration::from_millis(1500)).to_string(),
        "the macro ran past its deadline of 1.5 s: it may be looping forever; raise the limit if it is just slow"
    );
    assert_eq!(
        ExpandError::StackOverflow("the wasm call stack is exhausted".into()).to_string(),
        "the macro overflowed its stack (recursion too deep?): the wasm call stack is exhausted"
    );
}

#[test]
fn a_component_importing_an_unknown_interface_is_refused_naming_it() {
    let path = build_guest(true);
    match MacroComponent::from_file(&path) {
        Err(error @ LoadError::UnsupportedImport(_)) => {
            assert!(error.to_string().starts_with("the component imports `example:unknown/thing`, which wasmacro does not provide"), "{error}");
        }
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("loaded a component with an unknown import"),
    }
    let run = run(wasmacro().arg("inspect").arg(&path));
    assert!(!run.status.success());
    assert!(run.stderr.contains("imports `example:unknown/thing`, which wasmacro does not provide"), "{}", run.stderr);
}

/// The command line survives the same guests: an error, never a crash.
#[test]
fn the_cli_reports_hostile_guests() {
    let cli = |case: &str, extra: &[&str]| {
        let run = run(wasmacro()
            .arg("expand")
            .arg("--component")
            .arg(hostile_wasm())
            .args(["--bang", case])
            .args(extra)
            .arg(repo().join("examples/inputs/hex.rs")));
        assert_eq!(run.status.code(), Some(1), "{case}: {}", run.stderr);
        run.stderr
    };
    // `expand` traps on entry.
    assert!(cli("unreachable", &[]).contains("the macro trapped"));
    assert!(cli("output_deep", &[]).contains("the macro's output nests groups 1000000 deep"));
    assert!(cli("loop_forever", &["--deadline-secs", "0.5"]).contains("the macro ran past its deadline of 0.5 s"));
    assert!(cli("loop_forever", &["--fuel", "1000000"]).contains("the macro ran out of fuel (1000000 units)"));
}



/// A core module that implements the `macros` export by hand: one function-like macro, `throws`,
/// whose `expand` throws a wasm exception that nothing in the guest catches.
const THROWING_GUEST: &str = r#"
(module
  (memory (export "memory") 1)
  (tag $escape (param i32))
  (global $next (mut i32) (i32.const 4096))
  ;; The name, the one macro-decl (kind, name pointer and length, empty helpers), and the
  ;; list's pointer and length that `list-macros` returns.
  (data (i32.const 100) "throws")
  (data (i32.const 200) "\02\00\00\00\64\00\00\00\06\00\00\00\00\00\00\00\00\00\00\00")
  (data (i32.const 300) "\c8\00\00\00\01\00\00\00")
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $at i32)
    (local.set $at (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
    (global.set $next (i32.add (local.get $at) (local.get 3)))
    (local.get $at))
  (func (export "wasmacro:bridge/macros@0.2.0#list-macros") (result i32)
    (i32.const 300))
  ;; The request, flattened: index; input (words, text); attribute input (present, words,
  ;; text); the three spans.
  (func (export "wasmacro:bridge/macros@0.2.0#expand")
    (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (throw $escape (i32.const 42)))
)
"#;

/// An exception that leaves the guest (here thrown past every export; a Rust guest cannot do
/// that, its exports abort instead) is an error of that expansion, not a crash of the host.
#[test]
fn an_exception_thrown_out_of_expand_is_an_error() {
    let mut module = wat::parse_str(THROWING_GUEST).unwrap();
    let mut resolve = wit_parser::Resolve::default();
    let package = resolve.push_str("bridge.wit", &std::fs::read_to_string(repo().join("wit/bridge.wit")).unwrap()).unwrap();
    let world = resolve.select_world(&[package], Some("proc-macro")).unwrap();
    wit_component::embed_component_metadata(&mut module, &resolve, world, wit_component::StringEncoding::UTF8).unwrap();
    let component = wit_component::ComponentEncoder::default().validate(true).module(&module).unwrap().encode().unwrap();

    let component = MacroComponent::from_bytes_with_cache(&component, None).unwrap();
    let backend = StandaloneBackend::new("input.rs", "a + b");
    let mut inst = component.instantiate(Box::new(backend), &Sandbox::default(), limits()).unwrap();
    for _ in 0..2 {
        // The second time on a fresh instance, as after any trap.
        match expand(&mut inst, "throws").unwrap_err() {
            ExpandError::Trap(message) => assert!(message.contains("exception"), "{message}"),
            other => panic!("throws: {other:?}"),
        }
    }
}
