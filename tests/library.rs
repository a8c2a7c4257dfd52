//! The guest `proc_macro` library is not a workspace member (it is built for the guest target by
//! `cargo wasmacro build`), so its own checks run from here: its unit tests (pure guest logic,
//! natively) and its harness check (rustc's proc-macro harness and feature gates against it).

mod support;

use std::process::Command;

use support::*;

fn library() -> std::path::PathBuf {
    repo().join("library/proc_macro")
}

#[test]
fn library_unit_tests_pass() {
    let run = run(Command::new("rustup")
        .args(["run", "nightly", "cargo", "test", "--manifest-path"])
        .arg(library().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo().join("target/library-native")));
    assert!(run.status.success(), "{}", run.stderr);
    assert!(run.stdout.contains("test result: ok"), "{}", run.stdout);
}

#[test]
fn rustc_harness_and_feature_gates_accept_the_library() {
    let run = run(Command::new("bash")
        .arg(library().join("harness-check/run.sh"))
        .env("CARGO_TARGET_DIR", repo().join("target/library-native")));
    assert!(run.status.success(), "{}\n{}", run.stdout, run.stderr);
    for line in [
        "ok: harness accepts derive/attribute/bang declarations",
        "ok: gated unstable API (and built-in quote!) compiles",
        "ok: ungated unstable API is refused (E0658 x4)",
    ] {
        assert!(run.stdout.contains(line), "missing {line:?} in {}", run.stdout);
    }
}
