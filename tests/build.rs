//! `cargo wasmacro build` and `inspect` on real crates: the examples, pinned crates.io crates,
//! and crates that must be refused with a clear error.

mod support;

use support::*;

fn example(name: &str) -> std::path::PathBuf {
    repo().join("examples").join(name)
}

#[test]
fn examples_build_into_components_listing_exactly_their_declared_macros() {
    for name in ["derive-plain", "derive-syn", "attr-macro", "bang-macro"] {
        let dir = example(name);
        let before = snapshot(&dir);
        let (component, _) = build(&dir.join("Cargo.toml"), name);
        assert_eq!(before, snapshot(&dir), "building {name} changed its sources");
        assert_valid_component(&component);
        let (interface, macros) = inspected_macros(&component);
        assert_eq!(interface, "wasmacro:bridge@0.1.0");
        assert_eq!(macros, declared_macros(&dir.join("src/lib.rs")), "macros of {name}");
        assert!(!macros.is_empty());
    }
}

#[test]
fn real_crates_io_crates_build_unmodified() {
    for name in ["serde_derive", "thiserror-impl"] {
        let manifest = real_crate_manifest(name);
        let dir = manifest.parent().unwrap();
        let before = snapshot(dir);
        let (component, _) = build(&manifest, name);
        assert_eq!(before, snapshot(dir), "building {name} changed its sources");
        assert_valid_component(&component);
        let (_, macros) = inspected_macros(&component);
        assert_eq!(macros, declared_macros(&dir.join("src/lib.rs")), "macros of {name}");
    }
    // The declarations as their documentation states them, so the syn reading above is checked too.
    let (_, serde) = inspected_macros(&fixtures_target().join("out/serde_derive.wasm"));
    let names: Vec<_> = serde.iter().map(|m| (m.name.as_str(), m.helpers.clone())).collect();
    assert_eq!(names, [("Deserialize", vec!["serde".to_string()]), ("Serialize", vec!["serde".to_string()])]);
}

#[test]
fn a_second_build_with_nothing_changed_compiles_nothing() {
    let manifest = example("attr-macro").join("Cargo.toml");
    build(&manifest, "attr-macro-again");
    let (_, again) = build(&manifest, "attr-macro-again");
    assert!(!again.stderr.contains("Compiling"), "the second build recompiled:\n{}", again.stderr);
    assert!(!again.stderr.contains("Building guest sysroot"), "the sysroot was rebuilt");
}

#[test]
fn a_crate_that_is_not_a_proc_macro_is_refused() {
    let run = run(wasmacro()
        .args(["build", "--manifest-path"])
        .arg(repo().join("tests/fixtures/not-a-macro/Cargo.toml"))
        .arg("--target-dir")
        .arg(fixtures_target()));
    assert!(!run.status.success());
    assert!(run.stderr.contains("`not-a-macro` is not a proc-macro crate (has a `lib` library)"), "{}", run.stderr);
    assert!(run.stderr.contains("proc-macro = true"), "the error says what is expected");
}

#[test]
fn a_missing_manifest_is_reported() {
    let run = run(wasmacro().args(["build", "--manifest-path", "/nonexistent/Cargo.toml"]));
    assert!(!run.status.success());
    assert!(run.stderr.contains("no Cargo.toml at /nonexistent/Cargo.toml"), "{}", run.stderr);
}

#[test]
fn compile_errors_are_shown_as_cargo_shows_them() {
    let run = run(wasmacro()
        .args(["build", "--manifest-path"])
        .arg(repo().join("tests/fixtures/broken-macro/Cargo.toml"))
        .arg("--target-dir")
        .arg(fixtures_target()));
    assert!(!run.status.success());
    // rustc's own rendering, with the file and line of the user's source.
    assert!(run.stderr.contains("error[E0308]: mismatched types"), "{}", run.stderr);
    assert!(run.stderr.contains("broken-macro/src/lib.rs:5:22"), "{}", run.stderr);
    assert!(run.stderr.contains("error: building `broken-macro` for wasm failed"), "{}", run.stderr);
    assert!(!run.stderr.contains("panic=abort"), "the misleading panic=abort warning is filtered");
}

#[test]
fn a_toolchain_piece_that_cannot_be_installed_is_named() {
    let run = run(wasmacro()
        .args(["build", "--manifest-path"])
        .arg(example("bang-macro").join("Cargo.toml"))
        .env("WASMACRO_TOOLCHAIN", "nightly-1999-01-01"));
    assert!(!run.status.success());
    assert!(run.stderr.contains("Installing toolchain `nightly-1999-01-01`"), "says what it installs: {}", run.stderr);
    assert!(run.stderr.contains("`rustup toolchain install nightly-1999-01-01"), "{}", run.stderr);
    assert!(run.stderr.contains("no release found"), "rustup's reason is shown: {}", run.stderr);
    assert!(run.stderr.contains("WASMACRO_TOOLCHAIN"), "says how to choose another: {}", run.stderr);
    assert!(!run.stderr.contains("Stack backtrace"), "{}", run.stderr);
}
