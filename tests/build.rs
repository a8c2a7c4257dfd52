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
        assert_eq!(interface, "wasmacro:bridge@0.2.0");
        assert_eq!(macros, declared_macros(&dir.join("src/lib.rs")), "macros of {name}");
        assert!(!macros.is_empty());
    }
}

#[test]
fn real_crates_io_crates_build_unmodified() {
    for name in [
        "serde_derive",
        "thiserror-impl",
        "async-trait",
        "pin-project-internal",
        "strum_macros",
        "clap_derive",
        "tokio-macros",
        "tracing-attributes",
        "displaydoc",
        "getset",
    ] {
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

/// derive_more-impl declares its derives through a `macro_rules!`, each behind a feature, so
/// its list is the documented one for the features derive_more's `display`, `from`, `into` and
/// `constructor` enable.
#[test]
fn a_crate_declaring_its_macros_per_feature_lists_those_of_its_features() {
    let manifest = real_crate_manifest("derive_more-impl");
    let (component, _) = build_with_features(&manifest, "derive_more-impl", &["display", "from", "into", "constructor"]);
    assert_valid_component(&component);
    let (_, macros) = inspected_macros(&component);
    let mut listed: Vec<String> = macros.iter().map(|m| format!("{} {} {:?}", m.kind, m.name, m.helpers)).collect();
    listed.sort();
    let mut expected: Vec<String> = [
        ("Constructor", ""),
        ("Display", "display"),
        ("Binary", "binary"),
        ("Octal", "octal"),
        ("LowerHex", "lower_hex"),
        ("UpperHex", "upper_hex"),
        ("LowerExp", "lower_exp"),
        ("UpperExp", "upper_exp"),
        ("Pointer", "pointer"),
        ("From", "from"),
        ("Into", "into"),
    ]
    .iter()
    .map(|(name, helper)| format!("derive {name} {:?}", if helper.is_empty() { vec![] } else { vec![helper.to_string()] }))
    .collect();
    expected.sort();
    assert_eq!(listed, expected);
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

#[test]
fn path_dependencies_features_and_build_scripts_work() {
    let manifest = repo().join("tests/fixtures/with-deps/Cargo.toml");
    let expand = |component: &std::path::Path| {
        let mut cmd = wasmacro();
        cmd.arg("expand").arg("--component").arg(component).args(["--bang", "greeting"]);
        cmd.arg(repo().join("tests/fixtures/with-deps/input.rs"));
        let run = run(&mut cmd);
        assert!(run.status.success(), "{}", run.stderr);
        run.stdout
    };
    let (plain, _) = build(&manifest, "with-deps");
    // The build script ran natively and saw the guest target; the path dependency did the work.
    assert_eq!(expand(&plain).trim(), r#""hello, world (built for wasm32-wasmacro)""#);

    let out = fixtures_target().join("out/with-deps-shout.wasm");
    let run = run(wasmacro()
        .args(["build", "--features", "shout", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(fixtures_target())
        .arg("-o")
        .arg(&out));
    assert!(run.status.success(), "{}", run.stderr);
    assert_eq!(expand(&out).trim(), r#""HELLO, WORLD (built for wasm32-wasmacro)""#);
}

#[test]
fn unstable_api_is_gated_as_on_native() {
    let manifest = repo().join("tests/fixtures/ungated/Cargo.toml");
    let expected = "error[E0658]: use of unstable library feature `proc_macro_def_site`";
    let wasm = run(wasmacro().args(["build", "--manifest-path"]).arg(&manifest).arg("--target-dir").arg(fixtures_target()));
    assert!(!wasm.status.success());
    assert!(wasm.stderr.contains(expected), "{}", wasm.stderr);
    // The same crate against the real proc_macro of the same nightly.
    let native = run(std::process::Command::new("rustup")
        .args(["run", "nightly", "cargo", "build", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(fixtures_target().join("native-ungated")));
    assert!(!native.status.success());
    assert!(native.stderr.contains(expected), "{}", native.stderr);

    // With the gates, the unstable API builds (and works: see tests/expand.rs).
    build(&repo().join("tests/fixtures/nightly-features/Cargo.toml"), "nightly-features");
}

#[test]
fn a_release_build_is_one_lto_unit_and_expands_as_the_debug_build() {
    let manifest = example("derive-syn").join("Cargo.toml");
    let (debug, _) = build(&manifest, "derive-syn");
    // Forget the crate's own release build, so that cargo runs rustc for it and shows how.
    let release_dir = fixtures_target().join("wasmacro/guest/wasm32-wasmacro/release/.fingerprint");
    for entry in std::fs::read_dir(&release_dir).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with("derive-syn-") {
            std::fs::remove_dir_all(entry.path()).unwrap();
        }
    }
    let release = fixtures_target().join("out/derive-syn-release.wasm");
    let built = run(wasmacro()
        .args(["build", "--release", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(fixtures_target())
        .arg("-o")
        .arg(&release)
        .env("CARGO_TERM_VERBOSE", "true"));
    assert!(built.status.success(), "the release build failed:\n{}", built.stderr);
    let rustc = built.stderr.lines().find(|l| l.contains("Running") && l.contains("--crate-name derive_syn"));
    let rustc = rustc.expect("cargo ran rustc for the macro crate");
    for flag in ["-C lto=fat", "-C codegen-units=1", "-Zdylib-lto", "-Cllvm-args=-inline-threshold=250"] {
        assert!(rustc.contains(flag), "{flag} missing from the macro crate's rustc command: {rustc}");
    }
    assert_valid_component(&release);

    // The same output, and the same error, from both builds.
    let scratch = fixtures_target().join("lto-inputs");
    std::fs::create_dir_all(&scratch).unwrap();
    let not_a_struct = scratch.join("enum.rs");
    std::fs::write(&not_a_struct, "#[derive(Builder)]\nenum Config { A }\n").unwrap();
    let builder = repo().join("examples/inputs/builder.rs");
    for input in [&builder, &not_a_struct] {
        let expand = |component: &std::path::Path| {
            run(wasmacro().current_dir(&scratch).arg("expand").arg("--component").arg(component).args(["--derive", "Builder"]).arg(input))
        };
        let (from_debug, from_release) = (expand(&debug), expand(&release));
        assert_eq!(from_debug.status.success(), input == &builder, "expanding {}", input.display());
        assert_eq!((from_debug.stdout, from_debug.stderr), (from_release.stdout, from_release.stderr), "{}", input.display());
    }
}
