//! The real compiler: components run inside rustc through generated shim crates
//! (`cargo wasmacro shim`), compared with the native macros byte for byte.
//!
//! For every macro crate of the corpus (the examples and eleven crates.io macro crates, pinned in
//! `tests/fixtures/real-crates`) the component is built and a shim generated under
//! `target/fixtures/shims/`. Two consumer projects, both named `consumer`, hold one binary per
//! case with the same source: `native/` depends on the native macro crates, `shim/` on the shims
//! of the same names. Each case is compiled by nightly rustc on both sides with
//! `-Zunpretty=expanded`: a passing input must give the same expanded program byte for byte; an
//! input meant to fail must give the same errors, byte for byte (messages, file:line:column,
//! snippets).
//!
//! `real_consumer_with_serde_json` is a real crate whose serde derives come from the shim and
//! whose own tests (JSON round trips) pass, built with stable cargo.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use support::*;

/// A macro crate of the corpus.
struct MacroCrate {
    /// Package name (the shim gets the same).
    name: &'static str,
    /// Its folder in this repository (`examples/...`, `tests/fixtures/...`), or `None` for a
    /// pinned crate of `tests/fixtures/real-crates`.
    local: Option<&'static str>,
    /// Features its facade crate enables (the component is built with them).
    features: &'static [&'static str],
    /// The native dependency line (after `name = `).
    native: &'static str,
    /// Environment variables the shim lets the macro read (what native macros read from cargo).
    allow_env: &'static [&'static str],
}

const CRATES: &[MacroCrate] = &[
    local("derive-plain", "examples/derive-plain"),
    local("derive-syn", "examples/derive-syn"),
    local("attr-macro", "examples/attr-macro"),
    local("bang-macro", "examples/bang-macro"),
    // Diagnostics and span queries of the nightly API.
    local("span-probe", "tests/fixtures/span-probe"),
    real("serde_derive", "\"=1.0.229\""),
    real("thiserror-impl", "\"=2.0.21\""),
    real("async-trait", "\"=0.1.92\""),
    real("pin-project-internal", "\"=1.1.13\""),
    MacroCrate {
        name: "derive_more-impl",
        local: None,
        features: &["display", "from", "into", "constructor"],
        native: "{ version = \"=2.1.1\", features = [\"display\", \"from\", \"into\", \"constructor\"] }",
        allow_env: &[],
    },
    real("strum_macros", "\"=0.28.0\""),
    MacroCrate {
        name: "clap_derive",
        local: None,
        features: &[],
        native: "\"=4.6.7\"",
        allow_env: &["CARGO_PKG_NAME", "CARGO_PKG_VERSION", "CARGO_PKG_DESCRIPTION", "CARGO_PKG_AUTHORS"],
    },
    real("tokio-macros", "\"=2.7.2\""),
    real("tracing-attributes", "\"=0.1.31\""),
    real("displaydoc", "\"=0.2.7\""),
    real("getset", "\"=0.1.7\""),
];

const fn local(name: &'static str, dir: &'static str) -> MacroCrate {
    MacroCrate { name, local: Some(dir), features: &[], native: "", allow_env: &[] }
}

const fn real(name: &'static str, native: &'static str) -> MacroCrate {
    MacroCrate { name, local: None, features: &[], native, allow_env: &[] }
}

/// Runtime crates the expansions refer to (`serde::Serialize`, `::thiserror::__private`, ...),
/// without their derive features: the macros come from the crates above on both sides.
const RUNTIME_DEPS: &str = "serde = \"=1.0.229\"\n\
    thiserror = \"=2.0.21\"\n\
    pin-project = \"=1.1.13\"\n\
    derive_more = { version = \"=2.1.1\", features = [\"display\", \"from\", \"into\", \"constructor\"] }\n\
    strum = \"=0.28.0\"\n\
    clap = { version = \"=4.6.7\", default-features = false, features = [\"std\"] }\n\
    tokio = { version = \"=1.54.1\", features = [\"rt-multi-thread\"] }\n\
    tracing = { version = \"=0.1.44\", default-features = false, features = [\"std\"] }\n";

struct Case {
    /// Binary name.
    name: &'static str,
    /// `use` lines and items the input needs.
    prelude: &'static str,
    /// The line before the input (`#[derive(...)]`, an attribute); for a function-like macro,
    /// `before{}after` around `name!(input)`.
    apply: Apply,
    /// `tests/golden/<input>.input.rs`.
    input: &'static str,
    /// The input is meant to fail: compare errors instead of expansions.
    fails: bool,
}

enum Apply {
    Line(&'static str),
    /// The whole program (`input` unused).
    Program(&'static str),
    Bang { name: &'static str, before: &'static str, after: &'static str },
}

const fn pass(name: &'static str, prelude: &'static str, line: &'static str, input: &'static str) -> Case {
    Case { name, prelude, apply: Apply::Line(line), input, fails: false }
}

const fn fail(name: &'static str, prelude: &'static str, line: &'static str, input: &'static str) -> Case {
    Case { name, prelude, apply: Apply::Line(line), input, fails: true }
}

const CLAP_SUBCOMMANDS: &str = concat!(
    "use clap_derive::{Parser, Subcommand, ValueEnum};\n#[derive(Subcommand)]\n",
    include_str!("golden/clap-subcommand.input.rs"),
    "#[derive(Clone, ValueEnum)]\n",
    include_str!("golden/clap-value-enum.input.rs")
);

/// span-probe's error with a note, at `second` (4:9); compared natively and, on stable, alone.
const COMPLAIN: &str = "use span_probe::complain;\nfn main() {\n    complain!(first +\n        second);\n}\n";

const CASES: &[Case] = &[
    pass("derive_plain", "use derive_plain::Describe;", "#[derive(Describe)]", "describe"),
    pass("derive_syn", "use derive_syn::Builder;", "#[derive(Builder)]", "builder"),
    pass("attr_macro", "use attr_macro::tag;", "#[tag(\"network\", priority = 3)]", "tag"),
    Case {
        // `tag` passes the function through: its body is the compiler's own group, which keeps
        // the spacing `stringify!` prints (rebuilt, it would print `x + 1`, `- x`, `:: w`).
        name: "attr_macro_passthrough",
        prelude: "",
        apply: Apply::Program(concat!(
            "use attr_macro::tag;\n#[tag(\"t\")]\nfn f() -> &'static str {\n",
            "    stringify!(x+1, a.b, c(d), -x, & &y, #[z] ::w, 'l: loop {}, \"s\".len())\n}\nfn main() {}\n"
        )),
        input: "",
        fails: false,
    },
    Case {
        name: "bang_macro",
        prelude: "use bang_macro::hex;",
        apply: Apply::Bang { name: "hex", before: "pub const MAGIC: [u8; 6] = ", after: ";" },
        input: "hex",
        fails: false,
    },
    pass("serde", "use serde_derive::{Deserialize, Serialize};", "#[derive(Serialize, Deserialize)]", "serde"),
    fail("serde_error", "use serde_derive::Deserialize;", "#[derive(Deserialize)]", "serde-error"),
    pass("thiserror", "use thiserror_impl::Error;", "#[derive(Error, Debug)]", "thiserror"),
    fail("thiserror_missing", "use thiserror_impl::Error;", "#[derive(Error, Debug)]", "thiserror-missing"),
    pass("async_trait_trait", "use async_trait::async_trait;", "#[async_trait]", "async-trait-trait"),
    pass(
        "async_trait_impl",
        concat!("use async_trait::async_trait;\n", include_str!("golden/store.context.rs")),
        "#[async_trait]",
        "async-trait-impl",
    ),
    fail("async_trait_error", "use async_trait::async_trait;", "#[async_trait]", "async-trait-error"),
    pass("pin_project", "use pin_project_internal::pin_project;", "#[pin_project]", "pin-project"),
    pass(
        "pin_project_enum",
        "use pin_project_internal::pin_project;",
        "#[pin_project(project = EitherProj, project_ref = EitherProjRef)]",
        "pin-project-enum",
    ),
    pass(
        "pin_project_drop",
        "use pin_project_internal::{pin_project, pinned_drop};\nuse std::pin::Pin;\n\
         #[pin_project(PinnedDrop)]\npub struct Guard<T> {\n    #[pin]\n    inner: T,\n    log: Vec<String>,\n}",
        "#[pinned_drop]",
        "pin-project-drop",
    ),
    fail("pin_project_error", "use pin_project_internal::pin_project;", "#[pin_project]", "pin-project-error"),
    pass("derive_more", "use derive_more_impl::{Display, From};", "#[derive(Display, From)]", "derive-more"),
    pass(
        "derive_more_newtype",
        "use derive_more_impl::{Constructor, Display, From, Into};",
        "#[derive(Display, From, Into, Constructor)]",
        "derive-more-newtype",
    ),
    fail("derive_more_error", "use derive_more_impl::Display;", "#[derive(Display)]", "derive-more-error"),
    pass(
        "strum",
        "use strum_macros::{AsRefStr, Display, EnumCount, EnumIter, EnumString, IntoStaticStr};",
        "#[derive(EnumString, Display, EnumIter, AsRefStr, IntoStaticStr, EnumCount)]",
        "strum",
    ),
    fail("strum_error", "use strum_macros::EnumString;", "#[derive(EnumString)]", "strum-error"),
    pass("clap_parser", CLAP_SUBCOMMANDS, "#[derive(Parser)]", "clap"),
    pass("clap_cargo", "use clap_derive::Parser;", "#[derive(Parser)]", "clap-cargo"),
    pass("clap_unnamed", "use clap_derive::Parser;", "#[derive(Parser)]", "clap-unnamed"),
    fail("clap_error", "use clap_derive::Parser;", "#[derive(Parser)]", "clap-error"),
    pass("tokio_main", "", "#[tokio_macros::main]", "tokio-main"),
    pass("tokio_main_current_thread", "", "#[tokio_macros::main(flavor = \"current_thread\")]", "tokio-main"),
    fail("tokio_main_error", "", "#[tokio_macros::main]", "tokio-main-error"),
    pass(
        "tracing_instrument",
        "use tracing_attributes::instrument;",
        "#[instrument(skip(password), fields(user.id = id), err, ret, level = \"debug\")]",
        "tracing",
    ),
    pass("tracing_async", "use tracing_attributes::instrument;", "#[instrument]", "tracing-async"),
    fail("tracing_error", "use tracing_attributes::instrument;", "#[instrument(skip(missing))]", "tracing-error"),
    pass("displaydoc", "use displaydoc::Display;", "#[derive(Display)]", "displaydoc"),
    fail("displaydoc_error", "use displaydoc::Display;", "#[derive(Display)]", "displaydoc-error"),
    pass(
        "getset",
        "use getset::{CopyGetters, Getters, MutGetters, Setters};",
        "#[derive(Getters, CopyGetters, MutGetters, Setters)]",
        "getset",
    ),
    fail("getset_error", "use getset::Getters;", "#[derive(Getters)]", "getset-error"),
    Case {
        name: "span_probe_locate",
        prelude: "",
        apply: Apply::Program(
            "use span_probe::locate;\npub const WHERE: &str = locate!(first + second.field * (3 - x) // c\n    , \"s\" 'a' {});\nfn main() {}\n",
        ),
        input: "",
        fails: false,
    },
    Case {
        name: "span_probe_complain",
        prelude: "",
        apply: Apply::Program(COMPLAIN),
        input: "",
        fails: true,
    },
];

fn shims_dir() -> PathBuf {
    fixtures_target().join("shims")
}

/// Builds each corpus crate into a component and generates its shim (once per test process).
fn shims() -> &'static Path {
    static DONE: OnceLock<PathBuf> = OnceLock::new();
    DONE.get_or_init(|| {
        for krate in CRATES {
            let manifest = match krate.local {
                Some(dir) => repo().join(dir).join("Cargo.toml"),
                None => real_crate_manifest(krate.name),
            };
            let (component, _) = build_with_features(&manifest, &format!("shim-{}", krate.name), krate.features);
            let mut cmd = wasmacro();
            cmd.arg("shim").arg(&component).arg("--name").arg(krate.name).arg("-o").arg(shims_dir().join(krate.name));
            for name in krate.allow_env {
                cmd.arg("--allow-env").arg(name);
            }
            let run = run(&mut cmd);
            assert!(run.status.success(), "generating the shim of {} failed:\n{}", krate.name, run.stderr);
        }
        shims_dir()
    })
}

/// `target/fixtures/shim-diff/<side>`: the consumer project of one side.
fn consumer(side: &str) -> PathBuf {
    let dir = fixtures_target().join("shim-diff").join(side);
    std::fs::create_dir_all(dir.join("src/bin")).unwrap();
    let mut deps = String::from(RUNTIME_DEPS);
    for krate in CRATES {
        let line = match (side, krate.local) {
            ("shim", _) => format!("{{ path = {:?} }}", shims_dir().join(krate.name)),
            (_, Some(dir)) => format!("{{ path = {:?} }}", repo().join(dir)),
            (_, None) => krate.native.to_string(),
        };
        deps += &format!("{} = {line}\n", krate.name);
    }
    let manifest = format!(
        "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\
         description = \"Applies the corpus macros (tests/shim.rs)\"\n\n[dependencies]\n{deps}\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(repo().join("tests/fixtures/real-crates/Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
}

fn source(case: &Case) -> String {
    let input = || std::fs::read_to_string(repo().join(format!("tests/golden/{}.input.rs", case.input))).unwrap();
    match &case.apply {
        Apply::Program(text) => text.to_string(),
        Apply::Line(line) => {
            let input = input();
            let main = if defines_main(&input) { "" } else { "\nfn main() {}\n" };
            format!("{}\n{line}\n{input}{main}", case.prelude)
        }
        Apply::Bang { name, before, after } => format!("{}\n{before}{name}!({}){after}\nfn main() {{}}\n", case.prelude, input().trim()),
    }
}

struct Compiled {
    success: bool,
    stdout: String,
    stderr: String,
}

/// How the consumer's proc macros are compiled: as cargo does by default (unoptimized), or
/// optimized as `cargo wasmacro shim` suggests. In both, the shim's export loop runs optimized
/// (by default its `build.rs` compiles it as a crate of its own) and the host library plans only
/// the literals for rustc to lex. `Fallback` is the default profile where that crate is not
/// built: the loop runs unoptimized and the host library plans runs of tokens for rustc to lex
/// (`wasmacro_backend::lex_plan`).
#[derive(Clone, Copy)]
enum Profile {
    Default,
    Optimized,
    Fallback,
}

fn expanded(dir: &Path, bin: &str, profile: Profile) -> Compiled {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", "nightly", "cargo", "rustc", "-q", "--profile", "check", "--bin", bin, "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .args(["--", "-Zunpretty=expanded", "-Awarnings"])
        // The shims load compiled components from the cache `cargo wasmacro shim` filled.
        .env("WASMACRO_CACHE_DIR", fixtures_target().join("compiled"));
    // A folder of its own for each, so that the profiles do not rebuild each other's artifacts.
    match profile {
        Profile::Default => {
            cmd.env("CARGO_TARGET_DIR", dir.join("target"));
        }
        Profile::Optimized => {
            cmd.env("CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL", "3").env("CARGO_TARGET_DIR", dir.join("target-optimized"));
        }
        Profile::Fallback => {
            cmd.env("WASMACRO_SHIM_EXPORT_UNOPTIMIZED", "1").env("CARGO_TARGET_DIR", dir.join("target-fallback"));
        }
    }
    let out = cmd.output().unwrap();
    Compiled { success: out.status.success(), stdout: String::from_utf8(out.stdout).unwrap(), stderr: String::from_utf8_lossy(&out.stderr).into() }
}

#[test]
fn shims_expand_like_native_macros() {
    shims();
    let native = consumer("native");
    let shim = consumer("shim");
    // `WASMACRO_SHIM_CASE=a,b`: only the cases whose names contain one of these.
    let only: Option<Vec<String>> = std::env::var("WASMACRO_SHIM_CASE").ok().map(|o| o.split(',').map(str::to_string).collect());
    let mut failures = Vec::new();
    for case in CASES.iter().filter(|c| only.as_ref().is_none_or(|o| o.iter().any(|o| c.name.contains(o.as_str())))) {
        let text = source(case);
        for dir in [&native, &shim] {
            std::fs::write(dir.join("src/bin").join(format!("{}.rs", case.name)), &text).unwrap();
        }
        let a = expanded(&native, case.name, Profile::Default);
        let profiles = [("shim", Profile::Default), ("optimized shim", Profile::Optimized), ("fallback shim", Profile::Fallback)];
        for (which, profile) in profiles {
            let b = expanded(&shim, case.name, profile);
            eprintln!("{}: native {}, {which} {}", case.name, status(&a), status(&b));
            let problem = match (case.fails, a.success, b.success) {
                (false, true, true) if a.stdout == b.stdout => None,
                (false, true, true) => Some(format!("expansions differ:\n{}", diff(&a.stdout, &b.stdout))),
                (false, false, _) => Some(format!("the native build failed, fix the case:\n{}", a.stderr)),
                (false, true, false) => Some(format!("the {which} build failed:\n{}", b.stderr)),
                (true, true, _) => Some("the input meant to fail expands natively: fix the case".to_string()),
                (true, false, true) => Some(format!("native rejects the input, the {which} does not:\n{}", a.stderr)),
                (true, false, false) if a.stderr == b.stderr => None,
                (true, false, false) => Some(format!("errors differ:\n{}", diff(&a.stderr, &b.stderr))),
            };
            if let Some(problem) = problem {
                failures.push(format!("== {} ({which}): {problem}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of the cases differ:\n{}", failures.len(), failures.join("\n"));
    // The default profile's shim ran its export loop as the optimized crate, the fallback's did not.
    assert_eq!(export_crate_built(&shim.join("target")), Some(true), "the shim's build.rs did not build its export crate");
    assert_eq!(export_crate_built(&shim.join("target-fallback")), Some(false), "the fallback shim built its export crate");
}

/// Whether the newest run of the shim crate's `build.rs` in a target folder told it to use its
/// optimized export crate; `None` if it never ran there.
fn export_crate_built(target: &Path) -> Option<bool> {
    let profiles = std::fs::read_dir(target).ok()?.filter_map(Result::ok);
    let runs = profiles.filter_map(|profile| std::fs::read_dir(profile.path().join("build")).ok()).flatten().filter_map(Result::ok);
    let newest = runs
        .filter(|run| run.file_name().to_string_lossy().starts_with("wasmacro-shim-"))
        .filter_map(|run| {
            let output = run.path().join("output");
            Some((std::fs::metadata(&output).ok()?.modified().ok()?, output))
        })
        .max()?;
    Some(std::fs::read_to_string(newest.1).ok()?.lines().any(|line| line == "cargo:rustc-cfg=wasmacro_export_crate"))
}

/// A shim exports what the component lists (`inspect`) and, where the native crate's `lib.rs`
/// declares its macros plainly (derive_more-impl declares them through `cfg_attr`), what that
/// declares: the same kinds, names and helper attributes, read from both files with syn.
#[test]
fn shims_declare_the_native_macros() {
    shims();
    for krate in CRATES {
        let shim = declared_macros(&shims_dir().join(krate.name).join("src/lib.rs"));
        let (_, listed) = inspected_macros(&shims_dir().join(krate.name).join("src/component.wasm"));
        assert_eq!(shim, listed, "the {} shim against its component", krate.name);
        let native_root = match krate.local {
            Some(dir) => repo().join(dir),
            None => real_crate_manifest(krate.name).parent().unwrap().to_path_buf(),
        };
        let native = declared_macros(&native_root.join("src/lib.rs"));
        if krate.name != "derive_more-impl" {
            assert_eq!(shim, native, "the {} shim against the native crate's source", krate.name);
        }
    }
}

#[test]
fn real_consumer_with_serde_json() {
    shims();
    let project = repo().join("tests/fixtures/serde-consumer");
    let out = Command::new("rustup")
        .args(["run", "stable", "cargo", "test", "--manifest-path"])
        .arg(project.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", fixtures_target().join("stable-consumers"))
        .env("WASMACRO_CACHE_DIR", fixtures_target().join("compiled"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the consumer's tests failed:\n{stdout}\n{stderr}");
    // All seven of its tests ran (the derives compiled and every round trip passed).
    assert!(stdout.contains("test result: ok. 7 passed; 0 failed"), "{stdout}");
    // And the derives were the shim's: cargo compiled the generated crate.
    let built = std::fs::read_dir(fixtures_target().join("stable-consumers/debug/deps"))
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("libserde_derive-"));
    assert!(built, "no serde_derive library in the consumer's target folder");
    let metadata = cargo_metadata::MetadataCommand::new().manifest_path(project.join("Cargo.toml")).exec().unwrap();
    let resolve = metadata.resolve.as_ref().unwrap();
    let root = resolve.nodes.iter().find(|n| Some(&n.id) == resolve.root.as_ref()).unwrap();
    let derive = root.deps.iter().find(|d| d.name == "serde_derive").expect("the consumer depends on serde_derive");
    let package = &metadata[&derive.pkg];
    assert!(package.manifest_path.starts_with(shims_dir().join("serde_derive")), "serde_derive is {}", package.manifest_path);
    // `cargo doc` documents the shim crate too: rustdoc must find the shim runtime's export
    // crate, which its `build.rs` compiled (`shim/build.rs`, `copy_to_deps`).
    let doc = Command::new("rustup")
        .args(["run", "stable", "cargo", "doc", "--no-deps", "-p", "serde_derive@0.0.0", "--manifest-path"])
        .arg(project.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", fixtures_target().join("stable-consumers"))
        .output()
        .unwrap();
    assert!(doc.status.success(), "cargo doc of the shim crate failed:\n{}", String::from_utf8_lossy(&doc.stderr));
}

/// On stable rustc the shim has no diagnostics API: a macro's error diagnostic becomes a
/// `compile_error!` at the error's span, its notes appended to the message. (span-probe itself
/// needs nightly to build natively; its component runs on stable through the shim.)
#[test]
fn stable_compilers_get_diagnostics_as_compile_errors() {
    shims();
    let dir = fixtures_target().join("shim-stable");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"shim-stable\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nspan-probe = {{ path = {:?} }}\n\n[workspace]\n",
            shims_dir().join("span-probe")
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/main.rs"), COMPLAIN).unwrap();
    let out = Command::new("rustup")
        .args(["run", "stable", "cargo", "check", "-q", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", fixtures_target().join("stable-consumers"))
        .env("WASMACRO_CACHE_DIR", fixtures_target().join("compiled"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the error did not fail the build:\n{stderr}");
    let expected = "error: this one is wrong\n       note: the expression starts here\n --> src/main.rs:4:9\n";
    assert!(stderr.starts_with(expected), "expected the error at `second` (4:9):\n{stderr}");
    // The warning has no stable form; nothing else is reported.
    assert!(!stderr.contains("suspicious"), "{stderr}");
}

/// The host library is found at run time: a missing one, or a file that is not one, becomes a
/// compile error at the macro call that says what to do, not a compiler crash.
#[test]
fn a_missing_or_foreign_host_library_is_a_clear_error() {
    shims();
    let dir = fixtures_target().join("shim-host-library");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"shim-host-library\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nspan-probe = {{ path = {:?} }}\n\n[workspace]\n",
            shims_dir().join("span-probe")
        ),
    )
    .unwrap();
    let not_a_library = dir.join("Cargo.toml");
    let missing = dir.join("no-such-library.so");
    let cases: [(&Path, &[&str]); 2] = [
        (&missing, &["no-such-library.so named by $WASMACRO_HOST_LIBRARY does not exist", "unset it"]),
        (&not_a_library, &["cannot load the wasmacro host library", "Cargo.toml"]),
    ];
    for (round, (library, expected)) in cases.into_iter().enumerate() {
        // A different source each round, so that cargo runs rustc (and the macro) again.
        std::fs::write(dir.join("src/main.rs"), format!("{COMPLAIN}// round {round}\n")).unwrap();
        let out = Command::new("rustup")
            .args(["run", "stable", "cargo", "check", "-q", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", fixtures_target().join("stable-consumers"))
            .env("WASMACRO_CACHE_DIR", fixtures_target().join("compiled"))
            .env("WASMACRO_HOST_LIBRARY", library)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: the build did not fail:\n{stderr}", library.display());
        assert!(stderr.contains("error: the wasmacro host library") || stderr.contains("error: cannot load"), "{stderr}");
        for part in expected {
            assert!(stderr.contains(part), "{}: expected `{part}` in:\n{stderr}", library.display());
        }
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // `shim --host-library` checks the file before generating anything with it.
    let out_dir = fixtures_target().join("shim-foreign-library");
    let run = run(wasmacro()
        .arg("shim")
        .arg(shims_dir().join("span-probe/src/component.wasm"))
        .args(["--name", "span-probe", "--host-library"])
        .arg(&not_a_library)
        .arg("-o")
        .arg(&out_dir));
    assert!(!run.status.success(), "a non-library was accepted:\n{}", run.stderr);
    assert!(run.stderr.contains("cannot be loaded as a shared library"), "{}", run.stderr);
    assert!(!out_dir.join("src/lib.rs").exists(), "a shim was generated anyway");
}

fn status(c: &Compiled) -> &'static str {
    if c.success { "expands" } else { "fails" }
}

/// The first differing lines, with a little context.
fn diff(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let first = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let from = first.saturating_sub(3);
    let mut out = format!("first difference at line {}:\n", first + 1);
    for line in a.iter().skip(from).take(10) {
        out += &format!("native| {line}\n");
    }
    for line in b.iter().skip(from).take(10) {
        out += &format!("shim  | {line}\n");
    }
    out
}
