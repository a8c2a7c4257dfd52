//! Bad input becomes a clear error that names the cause, and the host survives it: files that
//! are not macro components, unknown macros, and guests that panic, loop, exhaust memory or
//! forge a handle.

mod support;

use std::path::PathBuf;

use support::*;
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{ExpandError, Limits, MacroComponent, MacroInstance, Sandbox};

fn scratch(name: &str) -> PathBuf {
    let dir = fixtures_target().join("scratch");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn inspect_error(path: &std::path::Path) -> String {
    let run = run(wasmacro().arg("inspect").arg(path));
    assert!(!run.status.success(), "inspect accepted {}", path.display());
    run.stderr
}

#[test]
fn a_file_that_is_not_wasm_is_refused() {
    let path = scratch("notes.txt");
    std::fs::write(&path, "just some text\n").unwrap();
    let stderr = inspect_error(&path);
    assert!(stderr.contains("not a WebAssembly file"), "{stderr}");
}

#[test]
fn a_core_module_is_refused_with_what_to_do() {
    let path = scratch("core.wasm");
    // The smallest core module: magic and version 1.
    std::fs::write(&path, b"\0asm\x01\0\0\0").unwrap();
    let stderr = inspect_error(&path);
    assert!(stderr.contains("a core WebAssembly module, not a component"), "{stderr}");
    assert!(stderr.contains("cargo wasmacro build"), "says how to make one: {stderr}");
}

#[test]
fn a_truncated_component_is_refused() {
    let bytes = std::fs::read(misbehaving()).unwrap();
    let path = scratch("truncated.wasm");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let stderr = inspect_error(&path);
    assert!(stderr.contains("invalid component: unexpected end-of-file"), "{stderr}");
    std::fs::write(&path, &bytes[..6]).unwrap();
    let stderr = inspect_error(&path);
    assert!(stderr.contains("invalid component: the file ends inside the WebAssembly header"), "{stderr}");
}

#[test]
fn wrong_magic_or_version_bytes_are_refused() {
    let mut bytes = std::fs::read(misbehaving()).unwrap();
    let path = scratch("bad-magic.wasm");
    bytes[1] = b'A';
    std::fs::write(&path, &bytes).unwrap();
    assert!(inspect_error(&path).contains("not a WebAssembly file"));
    bytes[1] = b'a';
    bytes[4] = 0x0e;
    let path = scratch("bad-version.wasm");
    std::fs::write(&path, &bytes).unwrap();
    let stderr = inspect_error(&path);
    assert!(stderr.contains("unknown WebAssembly binary version 14 (layer 1); components have version 13, layer 1"), "{stderr}");
}

#[test]
fn a_component_of_another_world_is_refused() {
    // A real component of another world: a WASI command, compiled by the stable wasm32-wasip2
    // target that `cargo wasmacro build` installs (built first so that it has).
    misbehaving();
    let source = scratch("hello.rs");
    std::fs::write(&source, "fn main() { println!(\"hello\"); }\n").unwrap();
    let path = scratch("hello.wasm");
    let status = std::process::Command::new("rustup")
        .args(["run", "stable", "rustc", "--target", "wasm32-wasip2", "-o"])
        .arg(&path)
        .arg(&source)
        .status()
        .unwrap();
    assert!(status.success());
    let stderr = inspect_error(&path);
    assert!(stderr.contains("does not export `wasmacro:bridge/macros`, so it is not a macro component"), "{stderr}");
    assert!(stderr.contains("wasi:cli/run@0.2"), "names what it exports instead: {stderr}");
}

#[test]
fn a_component_for_another_bridge_version_is_refused() {
    let mut bytes = std::fs::read(misbehaving()).unwrap();
    // Same length, so the binary stays well formed: the interface names now say 0.9.0.
    let (from, to) = (b"wasmacro:bridge/macros@0.2.0", b"wasmacro:bridge/macros@0.9.0");
    let mut replaced = 0;
    for start in 0..bytes.len() - from.len() {
        if &bytes[start..start + from.len()] == from {
            bytes[start..start + from.len()].copy_from_slice(to);
            replaced += 1;
        }
    }
    assert!(replaced > 0);
    let path = scratch("other-version.wasm");
    std::fs::write(&path, bytes).unwrap();
    let stderr = inspect_error(&path);
    assert!(stderr.contains("built for wasmacro:bridge@0.9.0, but this host serves @0.2.0"), "{stderr}");
}

#[test]
fn unknown_macro_names_and_kinds_are_reported() {
    let component = misbehaving();
    let run1 = run(wasmacro().arg("expand").arg("--component").arg(&component).args(["--bang", "nothere", "-"]));
    assert!(!run1.status.success());
    assert!(run1.stderr.contains("the component has no macro named `nothere`"), "{}", run1.stderr);
    let run2 = run(wasmacro().arg("expand").arg("--component").arg(&component).args(["--derive", "echo", "-"]));
    assert!(!run2.status.success());
    assert!(run2.stderr.contains("the macro `echo` is a function-like macro, not a derive macro"), "{}", run2.stderr);
}

#[test]
fn a_panicking_macro_is_reported_as_rustc_reports_it() {
    let mut cmd = wasmacro();
    cmd.arg("expand").arg("--component").arg(misbehaving()).args(["--bang", "panics"]).arg(repo().join("examples/inputs/hex.rs"));
    let run = run(&mut cmd);
    assert!(!run.status.success());
    // rustc: "error: proc macro panicked" at the invocation, then "= help: message: ...".
    assert!(run.stderr.contains("error: proc macro panicked\n"), "{}", run.stderr);
    assert!(run.stderr.contains("= help: message: boom: 42 went wrong"), "{}", run.stderr);
    assert!(run.stderr.contains("examples/inputs/hex.rs:1:1"), "{}", run.stderr);
}

fn instance(component: &MacroComponent, limits: Limits) -> MacroInstance<'_> {
    let backend = StandaloneBackend::new("input.rs", "a + b");
    component.instantiate(Box::new(backend), &Sandbox::default(), limits).unwrap()
}

#[test]
fn every_guest_failure_is_named_and_the_next_expansion_still_works() {
    let component = MacroComponent::from_file_metered(&misbehaving()).unwrap();
    let limits = Limits { fuel: Some(500_000_000), memory_bytes: 64 << 20, ..Limits::default() };
    let mut instance = instance(&component, limits);
    assert_eq!(expand_bang(&mut instance, "echo").unwrap(), "a + b");

    let cases: [(&str, ExpandError); 5] = [
        ("panics", ExpandError::Panicked(Some("boom: 42 went wrong".into()))),
        ("panics_with_number", ExpandError::Panicked(None)),
        ("loops", ExpandError::OutOfFuel(500_000_000)),
        ("hogs_memory", ExpandError::OutOfMemory(64)),
        (
            "forges_span",
            ExpandError::Fault("the macro passed span id 11259375, which the host never handed out".into()),
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(expand_bang(&mut instance, name).unwrap_err(), expected, "{name}");
        // The trapped instance was replaced: the same MacroInstance expands again.
        assert_eq!(expand_bang(&mut instance, "echo").unwrap(), "a + b", "after {name}");
    }
}

#[test]
fn panics_unwind_so_a_macro_can_catch_its_own() {
    let component = MacroComponent::from_file_metered(&misbehaving()).unwrap();
    let limits = Limits { fuel: Some(500_000_000), ..Limits::default() };
    let mut instance = instance(&component, limits);
    // A panic caught by the macro itself is no error (getset and proc-macro-error work so).
    assert_eq!(expand_bang(&mut instance, "catches_its_panic").unwrap(), "\"caught 3 tokens\" a + b");
    // ... and is not what a later failure of the same expansion is blamed on.
    assert_eq!(expand_bang(&mut instance, "catches_then_loops").unwrap_err(), ExpandError::OutOfFuel(500_000_000));
    let cases: [(&str, ExpandError); 3] = [
        // An uncaught panic is reported as before.
        ("panics", ExpandError::Panicked(Some("boom: 42 went wrong".into()))),
        // The payload panics when dropped: `expand` caught the first panic and contains the second.
        ("panics_with_a_bad_payload", ExpandError::Panicked(None)),
        // A panic while unwinding aborts: the instance traps, the message is Rust's.
        ("panics_while_unwinding", ExpandError::Panicked(Some("panic in a destructor during cleanup".into()))),
    ];
    for (name, expected) in cases {
        assert_eq!(expand_bang(&mut instance, name).unwrap_err(), expected, "{name}");
        assert_eq!(expand_bang(&mut instance, "catches_its_panic").unwrap(), "\"caught 3 tokens\" a + b", "after {name}");
    }
}

/// Without fuel, instances start on the component's fast variant, whose panics trap instead of
/// unwinding. A panic moves the instance to the component as built: the expansion runs again
/// there, after the earlier ones are replayed, so that a macro that catches its own panic works
/// and `static` state goes on from where it was, as in a native proc-macro library.
#[test]
fn a_panic_on_the_fast_variant_runs_again_where_panics_unwind() {
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    let mut inst = instance(&component, Limits::default());
    assert!(inst.runs_fast_variant());
    // Earlier expansions that change a static and ask the host (`parse`) to answer.
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "0");
    assert_eq!(expand_bang(&mut inst, "parses_alike").unwrap(), "\"3 alike\"");
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "1");
    // An expansion the guest refuses without a trap (arguments for a function-like macro) is
    // part of the history too, and ends the same way in the replay.
    let backend = inst.backend::<StandaloneBackend>().unwrap();
    let (input, spans) = (backend.lex_file().unwrap(), backend.expansion_spans());
    let refused = inst.expand(wasmacro_host::Kind::Function, "counts", input.clone(), Some(input), spans).unwrap_err();
    assert!(refused.to_string().contains("takes no attribute arguments"), "{refused}");
    assert!(inst.runs_fast_variant());
    assert_eq!(expand_bang(&mut inst, "catches_its_panic").unwrap(), "\"caught 3 tokens\" a + b");
    assert!(!inst.runs_fast_variant());
    // The bridge counts are the expansion's own, not the replay's (each expansion starts them afresh).
    assert_eq!(inst.last_expansion_stats().tokens_to_guest, 3);
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "2");
    // An uncaught panic unwinds out of the macro now: no trap, the instance and its static live on.
    assert_eq!(expand_bang(&mut inst, "panics").unwrap_err(), ExpandError::Panicked(Some("boom: 42 went wrong".into())));
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "3");
    assert!(!inst.runs_fast_variant());

    // An uncaught panic as the first failure: reported as before, with the message.
    let mut inst = instance(&component, Limits::default());
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "0");
    assert_eq!(expand_bang(&mut inst, "panics").unwrap_err(), ExpandError::Panicked(Some("boom: 42 went wrong".into())));
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "1");

    // A deadline ends the fast variant as it would end any: no second run, and the fresh
    // instance that follows is a fast one again.
    let limits = Limits { deadline: Some(std::time::Duration::from_millis(300)), ..Limits::default() };
    let mut inst = instance(&component, limits);
    let started = std::time::Instant::now();
    assert_eq!(expand_bang(&mut inst, "loops").unwrap_err(), ExpandError::DeadlineExceeded(std::time::Duration::from_millis(300)));
    // Not early (a deadline waits one epoch tick more than it holds), nor stuck.
    let took = started.elapsed();
    assert!(took >= std::time::Duration::from_millis(300) && took < std::time::Duration::from_millis(3000), "{took:?}");
    assert_eq!(expand_bang(&mut inst, "echo").unwrap(), "a + b");
    assert!(inst.runs_fast_variant());

    // A sandbox with real randomness would not replay the same: the component as built serves it.
    let sandbox = Sandbox { real_randomness: true, ..Sandbox::default() };
    let inst = component.instantiate(Box::new(StandaloneBackend::new("input.rs", "a + b")), &sandbox, Limits::default()).unwrap();
    assert!(!inst.runs_fast_variant());
}

/// Past its replay limit an instance leaves the fast variant by itself, after bringing the
/// component as built to the same state; with no room for a history it never starts there.
#[test]
fn past_its_replay_limit_an_instance_moves_to_the_component_as_built() {
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    // Any expansion passes a limit of one byte.
    let mut inst = instance(&component, Limits { max_replay_bytes: 1, ..Limits::default() });
    assert!(inst.runs_fast_variant());
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "0");
    assert!(!inst.runs_fast_variant());
    // The expansion was replayed: a fresh instance of the component as built would say "0".
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "1");
    assert_eq!(expand_bang(&mut inst, "parses_alike").unwrap(), "\"3 alike\"");
    assert!(!inst.runs_fast_variant());
    assert_eq!(expand_bang(&mut inst, "catches_its_panic").unwrap(), "\"caught 3 tokens\" a + b");
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "2");

    let mut inst = instance(&component, Limits { max_replay_bytes: 0, ..Limits::default() });
    assert!(!inst.runs_fast_variant());
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "0");
    assert_eq!(expand_bang(&mut inst, "catches_its_panic").unwrap(), "\"caught 3 tokens\" a + b");
    assert_eq!(expand_bang(&mut inst, "counts").unwrap(), "1");
}

/// The fast variant is the component with each `try_table` made a `block` and each throw a
/// trap: valid, with the same functions, and with no exception handling left.
#[test]
fn the_fast_variant_is_the_component_without_exception_handling() {
    use wasmacro_host::unwinding::{has_exception_tags, without_exception_handlers};
    use wasmparser::{Operator, Payload};
    // (functions, exception instructions) of every module in a component.
    fn census(component: &[u8]) -> (usize, usize) {
        let (mut functions, mut exceptions) = (0, 0);
        for payload in wasmparser::Parser::new(0).parse_all(component) {
            if let Payload::CodeSectionEntry(body) = payload.unwrap() {
                functions += 1;
                for op in body.get_operators_reader().unwrap() {
                    exceptions += usize::from(matches!(op.unwrap(), Operator::TryTable { .. } | Operator::Throw { .. } | Operator::ThrowRef));
                }
            }
        }
        (functions, exceptions)
    }
    let built = std::fs::read(misbehaving()).unwrap();
    assert!(has_exception_tags(&built).unwrap());
    let fast = without_exception_handlers(&built).unwrap().expect("the component has handlers to take out");
    let (functions, exceptions) = census(&built);
    assert!(exceptions > 100, "{exceptions}");
    assert_eq!(census(&fast), (functions, 0));
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all()).validate_all(&fast).unwrap();
    // Nothing to take out of a module without exception tags.
    let plain = empty_component();
    assert!(!has_exception_tags(&plain).unwrap());
    assert_eq!(without_exception_handlers(&plain).unwrap(), None);
}

/// The smallest component: no modules, so no tags.
fn empty_component() -> Vec<u8> {
    b"\0asm\x0d\0\x01\0".to_vec()
}

#[test]
fn a_loop_runs_into_the_deadline_without_fuel_metering() {
    // The default: no fuel (full speed), a wall-clock deadline.
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    let limits = Limits { deadline: Some(std::time::Duration::from_millis(500)), ..Limits::default() };
    let mut instance = instance(&component, limits);
    let started = std::time::Instant::now();
    assert_eq!(expand_bang(&mut instance, "loops").unwrap_err(), ExpandError::DeadlineExceeded(std::time::Duration::from_millis(500)));
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    assert_eq!(expand_bang(&mut instance, "echo").unwrap(), "a + b");
    // Fuel needs metering compiled in.
    let backend = StandaloneBackend::new("input.rs", "a + b");
    let error = component.instantiate(Box::new(backend), &Sandbox::default(), Limits { fuel: Some(1), ..Limits::default() }).err().unwrap();
    assert!(error.to_string().contains("needs a component loaded with fuel metering"), "{error}");
}

#[test]
fn a_deadline_ends_a_loop_after_the_clock_has_slept() {
    // The epoch's thread ticks only while an armed deadline needs it: after a quick expansion
    // it parks within the deadline, and the next expansion must wake it.
    let component = MacroComponent::from_file(&misbehaving()).unwrap();
    let deadline = std::time::Duration::from_millis(200);
    let mut instance = instance(&component, Limits { deadline: Some(deadline), ..Limits::default() });
    assert_eq!(expand_bang(&mut instance, "echo").unwrap(), "a + b");
    std::thread::sleep(std::time::Duration::from_secs(1));
    let started = std::time::Instant::now();
    assert_eq!(expand_bang(&mut instance, "loops").unwrap_err(), ExpandError::DeadlineExceeded(deadline));
    assert!(started.elapsed() >= deadline, "{:?}", started.elapsed());
}

/// Without a deadline the epoch checks are not compiled in: the macros run as before, and an
/// instance that asks for a deadline is refused, named, instead of silently never stopping.
#[test]
fn a_component_without_deadline_checks_takes_no_deadline() {
    let bytes = std::fs::read(misbehaving()).unwrap();
    let component = MacroComponent::from_bytes_without_deadline(&bytes).unwrap();
    let mut instance = instance(&component, Limits { deadline: None, ..Limits::default() });
    assert_eq!(expand_bang(&mut instance, "echo").unwrap(), "a + b");
    assert_eq!(expand_bang(&mut instance, "panics").unwrap_err(), ExpandError::Panicked(Some("boom: 42 went wrong".into())));
    assert_eq!(expand_bang(&mut instance, "echo").unwrap(), "a + b");
    let backend = StandaloneBackend::new("input.rs", "a + b");
    let error = component.instantiate(Box::new(backend), &Sandbox::default(), Limits::default()).err().unwrap();
    assert!(error.to_string().contains("a deadline needs a component loaded with deadline checks"), "{error}");
}

#[test]
fn error_messages_read_well() {
    assert_eq!(
        ExpandError::Panicked(Some("oops".into())).to_string(),
        "proc macro panicked\n  = help: message: oops"
    );
    assert_eq!(ExpandError::OutOfMemory(64).to_string(), "the macro ran out of memory (limit 64 MiB)");
}

#[test]
fn macros_are_sandboxed_and_deterministic_by_default() {
    let probe = || {
        let run = run(wasmacro().arg("expand").arg("--component").arg(misbehaving()).args(["--bang", "sandbox_probe"]).arg(repo().join("examples/inputs/hex.rs")));
        assert!(run.status.success(), "{}", run.stderr);
        run.stdout
    };
    let first = probe();
    assert!(first.contains("files: NotFound; env vars: 0; clock: 0; hash: "), "{first}");
    // A fresh process, a fresh instance: the same "random" numbers, so the same output.
    assert_eq!(first, probe());
}

#[test]
fn compiled_components_are_cached_on_disk_and_reused() {
    let cache = fixtures_target().join("compiled-once");
    let _ = std::fs::remove_dir_all(&cache);
    let inspect = || {
        let run = run(wasmacro().arg("inspect").arg(misbehaving()).env("WASMACRO_CACHE_DIR", &cache));
        assert!(run.status.success(), "{}", run.stderr);
    };
    let entries = || -> Vec<(PathBuf, std::time::SystemTime)> {
        std::fs::read_dir(&cache)
            .map(|d| d.map(|e| e.unwrap().path()).map(|p| (p.clone(), std::fs::metadata(&p).unwrap().modified().unwrap())).collect())
            .unwrap_or_default()
    };
    inspect();
    let mut first = entries();
    first.sort();
    let extensions: Vec<_> = first.iter().map(|(p, _)| p.extension().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(extensions, ["check", "cwasm"], "one compiled entry and its check record: {first:?}");
    inspect();
    let mut second = entries();
    second.sort();
    assert_eq!(second, first, "the second load read the entry instead of writing a new one");
}

#[test]
fn the_cache_command_lists_and_cleans_only_what_wasmacro_wrote() {
    let cache = fixtures_target().join("cache-command");
    let _ = std::fs::remove_dir_all(&cache);
    let cache_command = |clean: bool| {
        let mut cmd = wasmacro();
        cmd.arg("cache").env("WASMACRO_CACHE_DIR", &cache);
        if clean {
            cmd.arg("--clean");
        }
        let run = run(&mut cmd);
        assert!(run.status.success(), "{}", run.stderr);
        run
    };
    assert!(cache_command(false).stdout.contains("compiled code: 0 components (0.0 MB)"));
    // One real compiled entry, one installed host library (its name is what counts), and files
    // of someone else's in the same folders.
    let inspected = run(wasmacro().arg("inspect").arg(misbehaving()).env("WASMACRO_CACHE_DIR", &cache));
    assert!(inspected.status.success(), "{}", inspected.stderr);
    let libraries = cache.join("host-library");
    std::fs::create_dir_all(&libraries).unwrap();
    let (prefix, suffix) = (std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    std::fs::write(libraries.join(format!("{prefix}wasmacro_host-0123456789abcdef{suffix}")), vec![0u8; 300_000]).unwrap();
    let foreign = [cache.join("notes.txt"), libraries.join(format!("{prefix}other{suffix}")), cache.join("0123-4567.cwasm")];
    for file in &foreign {
        std::fs::write(file, "not ours").unwrap();
    }

    let listed = cache_command(false).stdout;
    assert!(listed.contains(&format!("cache folder: {}", cache.display())), "{listed}");
    assert!(listed.contains("compiled code: 1 component ("), "{listed}");
    assert!(listed.contains("host libraries: 1 (0.3 MB)"), "{listed}");

    let cleaned = cache_command(true);
    assert!(cleaned.stderr.contains("Removed 3 files"), "an entry, its check record and the library: {}", cleaned.stderr);
    let mut left: Vec<PathBuf> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    left.extend(std::fs::read_dir(&libraries).unwrap().map(|e| e.unwrap().path()));
    left.sort();
    let mut expected = foreign.to_vec();
    expected.sort();
    assert_eq!(left, expected);
    assert!(cache_command(false).stdout.contains("compiled code: 0 components"));

    let disabled = run(wasmacro().arg("cache").env("WASMACRO_CACHE_DIR", ""));
    assert!(disabled.status.success() && disabled.stdout.contains("no cache: WASMACRO_CACHE_DIR is set and empty"), "{}", disabled.stdout);
}
