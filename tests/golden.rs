//! Golden expansions, each checked against native rustc on every run.
//!
//! For every case the wasm expansion (through `cargo wasmacro expand`, under the default sandbox:
//! no environment, no files) must equal the golden file in `tests/golden/`, and must be what
//! native rustc produces: `-Zunpretty=expanded` of a crate that applies the native macro to the
//! input (side A) must equal that of the same crate with our expansion pasted in place of the
//! macro (side B), after both are parsed by syn and printed by prettyplease (rustc prints
//! attribute tokens with spacing that depends on where tokens came from) and helper attributes
//! are removed (rustc leaves inert helpers on the item; on side B no derive registers them).
//! Nested macros (`write!`, `format_args!`, `line!`) are expanded by rustc on both sides alike,
//! so they are compared too: side B puts the whole expansion on the line of side A's macro
//! call, so `line!()` agrees, and both sides are the same binary, so `file!()` and
//! `module_path!()` agree.
//!
//! Inputs a macro rejects with `compile_error!` are cases too: then `expand` must fail, and its
//! errors (message, line:column, source snippet) must be the ones native rustc reports for the
//! same input. A known gap is a case whose difference from native is stated in the golden file's
//! header and asserted here exactly, so it cannot silently change.
//!
//! `WASMACRO_BLESS=1` rewrites the golden files from the wasm expansion; the native check still
//! runs, so a blessed file is one native rustc agrees with. `WASMACRO_GOLDEN=substring` runs only
//! the cases whose name contains it.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use support::*;
use syn::visit_mut::VisitMut;

enum Invocation {
    /// Derives applied together (`#[derive(A, B)]`) to one input, each expanded on its own by
    /// `expand`; the golden file holds their outputs in this order. Each is written as native
    /// code names it; the component's macro is the last path segment.
    Derive { paths: &'static [&'static str], helpers: &'static [&'static str] },
    /// `#[path(args)]` (`#[path]` when `args` is empty); the component's macro is the last
    /// path segment (`tokio::main` is tokio-macros' `main`).
    Attr { path: &'static str, args: &'static str },
    /// The macro call becomes the initializer of `before ... after`.
    Bang { name: &'static str, before: &'static str, after: &'static str },
}

enum Input {
    /// `tests/golden/<name>.input.rs`.
    File(&'static str),
    /// The golden output of an earlier case without its `#[derive(...)]` lines, for attributes
    /// that hand their work to a derive of their own crate (pin-project's `#[pin_project]`
    /// expands to `#[derive(__PinProjectInternalDerive)]` on the item).
    OutputOf(&'static str),
}

enum Expect {
    /// The macro expands; native rustc agrees with our output.
    Expands,
    /// The macro rejects the input with `compile_error!`: `expand` fails with native rustc's
    /// errors, and pasting our output gives what native rustc gives (both fail).
    Rejects,
    /// A known difference, asserted exactly: `expand` fails with the error lines `ours`, while
    /// native rustc does `native`; `why` goes into the golden file's header.
    Gap { ours: &'static [&'static str], native: Native, why: &'static str },
    /// A known silent difference, asserted exactly: the macro expands, and native rustc's
    /// expansion differs from ours only by `ours` in place of `native` (after normalization).
    Differs { ours: &'static str, native: &'static str, why: &'static str },
}

enum Native {
    Expands,
    /// Fails with these error lines.
    Rejects(&'static [&'static str]),
}

struct Case {
    /// Golden file stem: `tests/golden/<name>.expanded.rs`.
    name: &'static str,
    input: Input,
    /// The macro crate, as `examples/<dir>` or a crate of `tests/fixtures/real-crates`.
    krate: Crate,
    /// What the native consumer has before the macro call: `use` lines and items the input
    /// needs (the same on both sides, expanded natively on both).
    prelude: &'static str,
    invocation: Invocation,
    /// Environment variables granted to the macro (`expand --env NAME=VALUE`); empty for the
    /// default sandbox.
    grants: &'static [&'static str],
    expect: Expect,
}

enum Crate {
    Example(&'static str),
    /// A crate of `tests/fixtures/real-crates`, with the features its facade crate enables.
    Real(&'static str, &'static [&'static str]),
}

const fn real(name: &'static str) -> Crate {
    Crate::Real(name, &[])
}

const DERIVE_MORE: Crate = Crate::Real("derive_more-impl", &["display", "from", "into", "constructor"]);
const PIN_PROJECT_DERIVE: &[&str] = &["::pin_project::__private::__PinProjectInternalDerive"];
const GETSET_HELPERS: &[&str] = &["getset", "get", "get_copy", "get_clone", "get_mut", "set", "set_with", "with_prefix"];
const CLAP_HELPERS: &[&str] = &["clap", "structopt", "command", "arg", "group", "value"];

const CASES: &[Case] = &[
    Case {
        name: "derive-plain-describe",
        input: Input::File("describe"),
        krate: Crate::Example("derive-plain"),
        prelude: "use derive_plain::Describe;",
        invocation: Invocation::Derive { paths: &["Describe"], helpers: &[] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "derive-syn-builder",
        input: Input::File("builder"),
        krate: Crate::Example("derive-syn"),
        prelude: "use derive_syn::Builder;",
        invocation: Invocation::Derive { paths: &["Builder"], helpers: &["builder"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "attr-macro-tag",
        input: Input::File("tag"),
        krate: Crate::Example("attr-macro"),
        prelude: "use attr_macro::tag;",
        invocation: Invocation::Attr { path: "tag", args: "\"network\", priority = 3" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "bang-macro-hex",
        input: Input::File("hex"),
        krate: Crate::Example("bang-macro"),
        prelude: "use bang_macro::hex;",
        invocation: Invocation::Bang { name: "hex", before: "pub const MAGIC: [u8; 6] = ", after: ";" },
        grants: &[],
        expect: Expect::Expands,
    },
    // serde_derive
    Case {
        name: "serde-serialize",
        input: Input::File("serde"),
        krate: real("serde_derive"),
        prelude: "use serde::Serialize;",
        invocation: Invocation::Derive { paths: &["Serialize"], helpers: &["serde"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "serde-deserialize",
        input: Input::File("serde"),
        krate: real("serde_derive"),
        prelude: "use serde::Deserialize;",
        invocation: Invocation::Derive { paths: &["Deserialize"], helpers: &["serde"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "serde-error",
        input: Input::File("serde-error"),
        krate: real("serde_derive"),
        prelude: "use serde::Deserialize;",
        invocation: Invocation::Derive { paths: &["Deserialize"], helpers: &["serde"] },
        grants: &[],
        expect: Expect::Rejects,
    },
    // thiserror-impl
    Case {
        name: "thiserror-error",
        input: Input::File("thiserror"),
        krate: real("thiserror-impl"),
        prelude: "use thiserror::Error;",
        invocation: Invocation::Derive { paths: &["Error"], helpers: &["error", "from", "source", "backtrace"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "thiserror-missing",
        input: Input::File("thiserror-missing"),
        krate: real("thiserror-impl"),
        prelude: "use thiserror::Error;",
        invocation: Invocation::Derive { paths: &["Error"], helpers: &["error", "from", "source", "backtrace"] },
        grants: &[],
        expect: Expect::Rejects,
    },
    // async-trait
    Case {
        name: "async-trait-trait",
        input: Input::File("async-trait-trait"),
        krate: real("async-trait"),
        prelude: "use async_trait::async_trait;",
        invocation: Invocation::Attr { path: "async_trait", args: "" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "async-trait-impl",
        input: Input::File("async-trait-impl"),
        krate: real("async-trait"),
        prelude: concat!("use async_trait::async_trait;\n", include_str!("golden/store.context.rs")),
        invocation: Invocation::Attr { path: "async_trait", args: "" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "async-trait-error",
        input: Input::File("async-trait-error"),
        krate: real("async-trait"),
        prelude: "use async_trait::async_trait;",
        invocation: Invocation::Attr { path: "async_trait", args: "" },
        grants: &[],
        expect: Expect::Rejects,
    },
    // pin-project-internal: the attribute, then the derive it hands the item to.
    Case {
        name: "pin-project",
        input: Input::File("pin-project"),
        krate: real("pin-project-internal"),
        prelude: "use pin_project::pin_project;",
        invocation: Invocation::Attr { path: "pin_project", args: "" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "pin-project-derive",
        input: Input::OutputOf("pin-project"),
        krate: real("pin-project-internal"),
        prelude: "",
        invocation: Invocation::Derive { paths: PIN_PROJECT_DERIVE, helpers: &["pin"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "pin-project-enum",
        input: Input::File("pin-project-enum"),
        krate: real("pin-project-internal"),
        prelude: "use pin_project::pin_project;",
        invocation: Invocation::Attr { path: "pin_project", args: "project = EitherProj, project_ref = EitherProjRef" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "pin-project-enum-derive",
        input: Input::OutputOf("pin-project-enum"),
        krate: real("pin-project-internal"),
        prelude: "",
        invocation: Invocation::Derive { paths: PIN_PROJECT_DERIVE, helpers: &["pin"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "pin-project-drop",
        input: Input::File("pin-project-drop"),
        krate: real("pin-project-internal"),
        prelude: "use pin_project::{pin_project, pinned_drop};\nuse std::pin::Pin;\n\
                  #[pin_project(PinnedDrop)]\npub struct Guard<T> {\n    #[pin]\n    inner: T,\n    log: Vec<String>,\n}",
        invocation: Invocation::Attr { path: "pinned_drop", args: "" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "pin-project-error",
        input: Input::File("pin-project-error"),
        krate: real("pin-project-internal"),
        prelude: "",
        invocation: Invocation::Derive { paths: PIN_PROJECT_DERIVE, helpers: &["pin"] },
        grants: &[],
        expect: Expect::Rejects,
    },
    // derive_more-impl
    Case {
        name: "derive-more",
        input: Input::File("derive-more"),
        krate: DERIVE_MORE,
        prelude: "use derive_more::{Display, From};",
        invocation: Invocation::Derive { paths: &["Display", "From"], helpers: &["display", "from"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "derive-more-newtype",
        input: Input::File("derive-more-newtype"),
        krate: DERIVE_MORE,
        prelude: "use derive_more::{Constructor, Display, From, Into};",
        invocation: Invocation::Derive { paths: &["Display", "From", "Into", "Constructor"], helpers: &["display", "from", "into"] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "derive-more-error",
        input: Input::File("derive-more-error"),
        krate: DERIVE_MORE,
        prelude: "use derive_more::Display;",
        invocation: Invocation::Derive { paths: &["Display"], helpers: &["display"] },
        grants: &[],
        expect: Expect::Rejects,
    },
    // strum_macros
    Case {
        name: "strum",
        input: Input::File("strum"),
        krate: real("strum_macros"),
        prelude: "use strum::{AsRefStr, Display, EnumCount, EnumIter, EnumString, IntoStaticStr};",
        invocation: Invocation::Derive {
            paths: &["EnumString", "Display", "EnumIter", "AsRefStr", "IntoStaticStr", "EnumCount"],
            helpers: &["strum"],
        },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "strum-error",
        input: Input::File("strum-error"),
        krate: real("strum_macros"),
        prelude: "use strum::EnumString;",
        invocation: Invocation::Derive { paths: &["EnumString"], helpers: &["strum"] },
        grants: &[],
        expect: Expect::Rejects,
    },
    // clap_derive
    Case {
        name: "clap-parser",
        input: Input::File("clap"),
        krate: real("clap_derive"),
        prelude: concat!(
            "use clap::{Parser, Subcommand, ValueEnum};\n#[derive(Subcommand)]\n",
            include_str!("golden/clap-subcommand.input.rs"),
            "#[derive(Clone, ValueEnum)]\n",
            include_str!("golden/clap-value-enum.input.rs")
        ),
        invocation: Invocation::Derive { paths: &["Parser"], helpers: CLAP_HELPERS },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "clap-subcommand",
        input: Input::File("clap-subcommand"),
        krate: real("clap_derive"),
        prelude: concat!("use clap::{Subcommand, ValueEnum};\n#[derive(Clone, ValueEnum)]\n", include_str!("golden/clap-value-enum.input.rs")),
        invocation: Invocation::Derive { paths: &["Subcommand"], helpers: CLAP_HELPERS },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "clap-value-enum",
        input: Input::File("clap-value-enum"),
        krate: real("clap_derive"),
        prelude: "use clap::ValueEnum;",
        invocation: Invocation::Derive { paths: &["ValueEnum"], helpers: CLAP_HELPERS },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "clap-error",
        input: Input::File("clap-error"),
        krate: real("clap_derive"),
        prelude: "use clap::Parser;",
        invocation: Invocation::Derive { paths: &["Parser"], helpers: CLAP_HELPERS },
        grants: &[],
        expect: Expect::Rejects,
    },
    Case {
        name: "clap-cargo",
        input: Input::File("clap-cargo"),
        krate: real("clap_derive"),
        prelude: "use clap::Parser;",
        invocation: Invocation::Derive { paths: &["Parser"], helpers: CLAP_HELPERS },
        grants: &[],
        expect: Expect::Gap {
            ours: &["error: cannot derive `version` from Cargo.toml"],
            native: Native::Expands,
            why: "clap_derive reads cargo's package variables with std::env::var while it expands:\n\
                  CARGO_PKG_VERSION for `version` (an error when missing), CARGO_PKG_DESCRIPTION for\n\
                  `about`, CARGO_PKG_AUTHORS for `author`, and CARGO_PKG_NAME for every Parser (the\n\
                  command's name; silently \"\" when missing). Cargo sets them for native rustc; the\n\
                  default sandbox grants no environment. Granted with the consumer package's values\n\
                  (`--env CARGO_PKG_VERSION=...`, reaching the guest's std::env), it expands like\n\
                  native: see clap-cargo-granted.expanded.rs.",
        },
    },
    Case {
        name: "clap-unnamed",
        input: Input::File("clap-unnamed"),
        krate: real("clap_derive"),
        prelude: "use clap::Parser;",
        invocation: Invocation::Derive { paths: &["Parser"], helpers: CLAP_HELPERS },
        grants: &[],
        expect: Expect::Differs {
            ours: r#"clap::Command::new("")"#,
            native: r#"clap::Command::new({
            let _ = "native-golden";
            "native-golden"
        })"#,
            why: "clap_derive names a Parser's command after CARGO_PKG_NAME, read with std::env::var\n\
                  while it expands; when the variable is missing it silently uses \"\" (no error).\n\
                  Cargo sets it for native rustc; the default sandbox grants no environment, so\n\
                  the command is named \"\". `--env CARGO_PKG_NAME=<package>` gives native's output.",
        },
    },
    Case {
        name: "clap-cargo-granted",
        input: Input::File("clap-cargo"),
        krate: real("clap_derive"),
        prelude: "use clap::Parser;",
        invocation: Invocation::Derive { paths: &["Parser"], helpers: CLAP_HELPERS },
        // What cargo sets for the native consumer crate.
        grants: &[
            "CARGO_PKG_NAME=native-golden",
            "CARGO_PKG_VERSION=0.0.0",
            "CARGO_PKG_DESCRIPTION=The native side of the golden expansions",
        ],
        expect: Expect::Expands,
    },
    // tokio-macros
    Case {
        name: "tokio-main",
        input: Input::File("tokio-main"),
        krate: real("tokio-macros"),
        prelude: "",
        invocation: Invocation::Attr { path: "tokio::main", args: "" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "tokio-main-current-thread",
        input: Input::File("tokio-main"),
        krate: real("tokio-macros"),
        prelude: "",
        invocation: Invocation::Attr { path: "tokio::main", args: "flavor = \"current_thread\"" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "tokio-main-error",
        input: Input::File("tokio-main-error"),
        krate: real("tokio-macros"),
        prelude: "",
        invocation: Invocation::Attr { path: "tokio::main", args: "" },
        grants: &[],
        expect: Expect::Rejects,
    },
    // tracing-attributes
    Case {
        name: "tracing-instrument",
        input: Input::File("tracing"),
        krate: real("tracing-attributes"),
        prelude: "use tracing::instrument;",
        invocation: Invocation::Attr { path: "instrument", args: "skip(password), fields(user.id = id), err, ret, level = \"debug\"" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "tracing-async",
        input: Input::File("tracing-async"),
        krate: real("tracing-attributes"),
        prelude: "use tracing::instrument;",
        invocation: Invocation::Attr { path: "instrument", args: "" },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "tracing-error",
        input: Input::File("tracing-error"),
        krate: real("tracing-attributes"),
        prelude: "use tracing::instrument;",
        invocation: Invocation::Attr { path: "instrument", args: "skip(missing)" },
        grants: &[],
        expect: Expect::Gap {
            ours: &["error: attempting to skip non-existent parameter"],
            native: Native::Rejects(&["error: attempting to skip non-existent parameter"]),
            why: "The same error, at another place: native rustc points at `missing` inside\n\
                  `#[instrument(skip(missing))]`; `expand` takes the attribute's arguments from\n\
                  --args, outside the input file, so their tokens have no place in it and the error\n\
                  points at the call site instead (the whole item).",
        },
    },
    // displaydoc
    Case {
        name: "displaydoc",
        input: Input::File("displaydoc"),
        krate: real("displaydoc"),
        prelude: "use displaydoc::Display;",
        invocation: Invocation::Derive { paths: &["Display"], helpers: &[] },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "displaydoc-error",
        input: Input::File("displaydoc-error"),
        krate: real("displaydoc"),
        prelude: "use displaydoc::Display;",
        invocation: Invocation::Derive { paths: &["Display"], helpers: &[] },
        grants: &[],
        expect: Expect::Rejects,
    },
    // getset
    Case {
        name: "getset",
        input: Input::File("getset"),
        krate: real("getset"),
        prelude: "use getset::{CopyGetters, Getters, MutGetters, Setters};",
        invocation: Invocation::Derive { paths: &["Getters", "CopyGetters", "MutGetters", "Setters"], helpers: GETSET_HELPERS },
        grants: &[],
        expect: Expect::Expands,
    },
    Case {
        name: "getset-error",
        input: Input::File("getset-error"),
        krate: real("getset"),
        prelude: "use getset::Getters;",
        invocation: Invocation::Derive { paths: &["Getters"], helpers: GETSET_HELPERS },
        grants: &[],
        expect: Expect::Gap {
            ours: &["error: #[derive(Getters)] is only defined for structs, not for enums!"],
            // getset's compile_error! lacks a `;`, so rustc first complains about that, then
            // reports the message.
            native: Native::Rejects(&[
                "error: macros that expand to items must be delimited with braces or followed by a semicolon",
                "error: proc-macro derive produced unparsable tokens",
                "error: #[derive(Getters)] is only defined for structs, not for enums!",
            ]),
            why: "getset reports errors by storing a compile_error! in a thread-local and calling\n\
                  std::panic::panic_any(()); its entry point's catch_unwind then returns that\n\
                  compile_error!. Panics unwind in the guest, so `expand` gets that output and\n\
                  reports getset's message, as native rustc does. Two differences remain, neither\n\
                  about unwinding: the compile_error! is spanned at the call site, which for rustc is\n\
                  `Getters` in `#[derive(Getters)]` but for `expand` the whole input (the input has no\n\
                  derive attribute); and the output lacks the `;` an item-position `compile_error!(..)`\n\
                  needs, which rustc reports as two more errors and `expand` does not check.",
        },
    },
];

fn golden_dir() -> PathBuf {
    repo().join("tests/golden")
}

/// Components are built once per test process (and cached on disk by cargo across runs).
fn component(krate: &Crate) -> PathBuf {
    static BUILT: OnceLock<Mutex<Vec<(String, PathBuf)>>> = OnceLock::new();
    let (key, manifest, features) = match krate {
        Crate::Example(dir) => (dir.to_string(), repo().join("examples").join(dir).join("Cargo.toml"), &[][..]),
        Crate::Real(name, features) => (name.to_string(), real_crate_manifest(name), *features),
    };
    let built = BUILT.get_or_init(Default::default);
    let mut built = built.lock().unwrap();
    if let Some((_, path)) = built.iter().find(|(k, _)| *k == key) {
        return path.clone();
    }
    let (path, _) = build_with_features(&manifest, &format!("golden-{key}"), features);
    built.push((key, path.clone()));
    path
}

/// The component's name of a macro written as `path` natively.
fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap()
}

/// The input file (relative to the repository) and its text.
fn input(case: &Case) -> (PathBuf, String) {
    match case.input {
        Input::File(name) => {
            let path = PathBuf::from(format!("tests/golden/{name}.input.rs"));
            let text = std::fs::read_to_string(repo().join(&path)).unwrap();
            (path, text)
        }
        Input::OutputOf(name) => {
            let golden = std::fs::read_to_string(golden_dir().join(format!("{name}.expanded.rs"))).unwrap();
            let text: String = body(&golden).lines().filter(|l| !l.trim_start().starts_with("#[derive(")).map(|l| format!("{l}\n")).collect();
            let dir = fixtures_target().join("golden-inputs");
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("{}.input.rs", case.name));
            std::fs::write(&path, &text).unwrap();
            (path.strip_prefix(repo()).unwrap().to_path_buf(), text)
        }
    }
}

fn input_description(case: &Case) -> String {
    match case.input {
        Input::File(name) => format!("tests/golden/{name}.input.rs"),
        Input::OutputOf(name) => format!("tests/golden/{name}.expanded.rs (without its #[derive] line)"),
    }
}

/// What `expand` printed, on stdout and stderr, and whether every call succeeded.
struct Wasm {
    output: String,
    errors: String,
    success: bool,
}

fn expand_with_wasm(case: &Case, input: &Path) -> Wasm {
    let calls: Vec<Vec<&str>> = match &case.invocation {
        Invocation::Derive { paths, .. } => paths.iter().map(|p| vec!["--derive", last_segment(p)]).collect(),
        Invocation::Attr { path, args } if args.is_empty() => vec![vec!["--attr", last_segment(path)]],
        Invocation::Attr { path, args } => vec![vec!["--attr", last_segment(path), "--args", args]],
        Invocation::Bang { name, .. } => vec![vec!["--bang", name]],
    };
    let mut wasm = Wasm { output: String::new(), errors: String::new(), success: true };
    for args in calls {
        let mut cmd = wasmacro();
        cmd.arg("expand").arg("--component").arg(component(&case.krate)).args(args);
        for grant in case.grants {
            cmd.arg("--env").arg(grant);
        }
        // Relative to the repository, so file names in the output do not depend on the checkout.
        cmd.current_dir(repo()).arg(input);
        let run = run(&mut cmd);
        wasm.output += &run.stdout;
        wasm.errors += &run.stderr;
        wasm.success &= run.status.success();
    }
    wasm
}

fn expand_commands(case: &Case) -> String {
    let grants: String = case.grants.iter().map(|g| format!(" --env '{g}'")).collect();
    let calls: Vec<String> = match &case.invocation {
        Invocation::Derive { paths, .. } => paths.iter().map(|p| format!("--derive {}", last_segment(p))).collect(),
        Invocation::Attr { path, args } if args.is_empty() => vec![format!("--attr {}", last_segment(path))],
        Invocation::Attr { path, args } => vec![format!("--attr {} --args '{args}'", last_segment(path))],
        Invocation::Bang { name, .. } => vec![format!("--bang {name}")],
    };
    let calls: Vec<String> = calls.iter().map(|c| format!("`cargo wasmacro expand {c}{grants}`")).collect();
    if calls.len() == 1 { calls[0].clone() } else { format!("{} (outputs in this order)", calls.join(", ")) }
}

fn helpers(case: &Case) -> &'static [&'static str] {
    match case.invocation {
        Invocation::Derive { helpers, .. } => helpers,
        _ => &[],
    }
}

fn comment(text: &str) -> String {
    text.lines().map(|l| format!("// {l}\n")).collect()
}

fn header(case: &Case) -> String {
    let helpers = helpers(case);
    let helpers = if helpers.is_empty() {
        String::new()
    } else {
        format!(" Helper attributes ({}) are removed on both sides.", helpers.iter().map(|h| format!("#[{h}]")).collect::<Vec<_>>().join(", "))
    };
    let first = format!("// Golden expansion of {} by {}.\n", input_description(case), expand_commands(case));
    match &case.expect {
        Expect::Expands => format!(
            "{first}\
             // Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate\n\
             // using the native macro equals that of the same crate with this expansion pasted in, both\n\
             // normalized by syn + prettyplease.{helpers}\n\
             // Known differences from native: none.\n"
        ),
        Expect::Rejects => format!(
            "{first}\
             // The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:\n\
             // `expand` fails with the errors native rustc reports (message, line:column, snippet), and\n\
             // `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with\n\
             // this output pasted in (both fail), normalized by syn + prettyplease.{helpers}\n\
             // Known differences from native: none.\n"
        ),
        Expect::Differs { ours, native, why } => format!(
            "{first}\
             // Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate\n\
             // using the native macro equals that of the same crate with this expansion pasted in, both\n\
             // normalized by syn + prettyplease.{helpers}\n\
             // Known difference from native, asserted exactly: native has\n{}\
             // where this expansion has\n{}\
             // Why:\n{}",
            comment(native),
            comment(ours),
            comment(why)
        ),
        Expect::Gap { ours, native, why } => {
            let native = match native {
                Native::Expands => "expands it".to_string(),
                Native::Rejects(errors) => format!("fails with `{}`", errors.join("`, `")),
            };
            format!(
                "{first}\
                 // Known difference from native, asserted by tests/golden.rs on every run: `expand` fails\n\
                 // with `{}` (this file is its output), where native rustc {native}.\n\
                 // Why:\n{}",
                ours.join("`, `"),
                comment(why)
            )
        }
    }
}

/// Removes the `// ...` header of a golden file.
fn body(golden: &str) -> &str {
    let mut rest = golden;
    while let Some(line_end) = rest.find('\n').filter(|_| rest.starts_with("// ")) {
        rest = &rest[line_end + 1..];
    }
    rest
}

/// The native side: a crate with one binary per case, built by nightly rustc. Its dependencies
/// are the facade crates of the pinned macro crates, at the versions of the real-crates lock.
fn native_project() -> PathBuf {
    static PROJECT: OnceLock<PathBuf> = OnceLock::new();
    PROJECT
        .get_or_init(|| {
            let dir = fixtures_target().join("native-golden");
            std::fs::create_dir_all(dir.join("src/bin")).unwrap();
            let examples = repo().join("examples");
            let manifest = format!(
                "[package]\nname = \"native-golden\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\
                 description = \"The native side of the golden expansions\"\n\n\
                 [dependencies]\n\
                 serde = {{ version = \"=1.0.229\", features = [\"derive\"] }}\n\
                 thiserror = \"=2.0.21\"\n\
                 async-trait = \"=0.1.92\"\n\
                 pin-project = \"=1.1.13\"\n\
                 derive_more = {{ version = \"=2.1.1\", features = [\"display\", \"from\", \"into\", \"constructor\"] }}\n\
                 strum = {{ version = \"=0.28.0\", features = [\"derive\"] }}\n\
                 clap = {{ version = \"=4.6.7\", default-features = false, features = [\"std\", \"derive\"] }}\n\
                 tokio = {{ version = \"=1.54.1\", features = [\"macros\", \"rt-multi-thread\"] }}\n\
                 tracing = \"=0.1.44\"\n\
                 displaydoc = \"=0.2.7\"\n\
                 getset = \"=0.1.7\"\n\
                 derive-plain = {{ path = {p:?} }}\nderive-syn = {{ path = {s:?} }}\n\
                 attr-macro = {{ path = {a:?} }}\nbang-macro = {{ path = {b:?} }}\n\n[workspace]\n",
                p = examples.join("derive-plain"),
                s = examples.join("derive-syn"),
                a = examples.join("attr-macro"),
                b = examples.join("bang-macro"),
            );
            std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
            // The same versions as the wasm builds of the real crates.
            std::fs::copy(repo().join("tests/fixtures/real-crates/Cargo.lock"), dir.join("Cargo.lock")).unwrap();
            dir
        })
        .clone()
}

struct NativeRun {
    success: bool,
    stdout: String,
    stderr: String,
}

/// `-Zunpretty=expanded` of `source` as the binary `bin`. Both sides of a case use the same
/// binary (one after the other), so `file!()` and `module_path!()` expand alike.
fn native_expanded(bin: &str, source: &str) -> NativeRun {
    let dir = native_project();
    std::fs::write(dir.join("src/bin").join(format!("{bin}.rs")), source).unwrap();
    let out = Command::new("rustup")
        .args(["run", "nightly", "cargo", "rustc", "-q", "--profile", "check", "--bin", bin, "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .args(["--", "-Zunpretty=expanded", "-Awarnings"])
        .output()
        .unwrap();
    NativeRun { success: out.status.success(), stdout: String::from_utf8(out.stdout).unwrap(), stderr: String::from_utf8_lossy(&out.stderr).into() }
}

struct StripHelpers<'a>(&'a [&'a str]);

impl VisitMut for StripHelpers<'_> {
    fn visit_attributes_mut(&mut self, attrs: &mut Vec<syn::Attribute>) {
        attrs.retain(|a| !self.0.iter().any(|h| a.path().is_ident(h)));
    }
    fn visit_field_mut(&mut self, field: &mut syn::Field) {
        self.visit_attributes_mut(&mut field.attrs);
        syn::visit_mut::visit_field_mut(self, field);
    }
    fn visit_variant_mut(&mut self, variant: &mut syn::Variant) {
        self.visit_attributes_mut(&mut variant.attrs);
        syn::visit_mut::visit_variant_mut(self, variant);
    }
    fn visit_item_mut(&mut self, item: &mut syn::Item) {
        if let syn::Item::Struct(s) = item {
            self.visit_attributes_mut(&mut s.attrs);
        }
        if let syn::Item::Enum(e) = item {
            self.visit_attributes_mut(&mut e.attrs);
        }
        syn::visit_mut::visit_item_mut(self, item);
    }
}

fn normalized(source: &str, helpers: &[&str]) -> String {
    let mut file = syn::parse_file(source).unwrap_or_else(|e| panic!("rustc printed code syn cannot parse ({e}):\n{source}"));
    StripHelpers(helpers).visit_file_mut(&mut file);
    prettyplease::unparse(&file)
}

/// Items printed by prettyplease, on one line: doc comments become `#[doc]` attributes. Checked
/// to be the same code (a string literal spanning lines would not survive).
fn one_line(items: &str) -> String {
    let mut out = String::new();
    for line in items.lines() {
        let line = line.trim();
        if let Some(doc) = line.strip_prefix("///") {
            out += &format!("#[doc = {doc:?}] ");
        } else if let Some(doc) = line.strip_prefix("//!") {
            out += &format!("#![doc = {doc:?}] ");
        } else {
            out += line;
            out.push(' ');
        }
    }
    // Output that does not parse (getset's item-position `compile_error!(..)` without `;`)
    // cannot be compared, and rustc rejects it either way.
    if syn::parse_file(items).is_ok() {
        assert_eq!(normalized(&out, &[]), normalized(items, &[]), "putting these items on one line changed them");
    }
    out.trim_end().to_string()
}

/// The errors of rustc's or our rendering, comparable across the two: only `error` blocks,
/// `-->` locations as `line:column` (native lines shifted by `line_offset`, the lines before the
/// input), snippet lines without their line-number gutter, other lines trimmed.
fn error_lines(stderr: &str, line_offset: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_error = false;
    for line in stderr.lines() {
        if !line.starts_with(' ') && !line.is_empty() {
            in_error = line.starts_with("error")
                && !line.starts_with("error: could not compile")
                && !line.starts_with("error: aborting due to")
                && !line.starts_with("error: the expansion failed with");
        }
        let trimmed = line.trim();
        if !in_error || trimmed.is_empty() {
            continue;
        }
        if let Some(location) = trimmed.strip_prefix("--> ") {
            let mut parts = location.rsplitn(3, ':');
            let column = parts.next().unwrap();
            let line: usize = parts.next().unwrap().parse().unwrap();
            lines.push(format!("--> {}:{column}", line - line_offset));
        } else if let Some(snippet) = trimmed.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start().strip_prefix('|') {
            lines.push(format!("|{}", snippet.trim_end()));
        } else {
            lines.push(trimmed.to_string());
        }
    }
    lines
}

fn first_error_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with("error") && !l.starts_with("error: could not compile") && !l.starts_with("error: the expansion failed with"))
        .map(str::to_string)
        .collect()
}

fn check(case: &Case) {
    let (input_path, input) = input(case);
    let wasm = expand_with_wasm(case, &input_path);
    let golden_path = golden_dir().join(format!("{}.expanded.rs", case.name));
    if std::env::var_os("WASMACRO_BLESS").is_some() {
        std::fs::write(&golden_path, header(case) + &wasm.output).unwrap();
    }
    let golden = std::fs::read_to_string(&golden_path).unwrap_or_else(|_| panic!("missing {}; run with WASMACRO_BLESS=1", golden_path.display()));
    assert_eq!(body(&golden), wasm.output, "{}: the wasm expansion differs from the golden file", case.name);
    match &case.expect {
        Expect::Expands | Expect::Differs { .. } => assert!(wasm.success, "{}: expansion failed:\n{}", case.name, wasm.errors),
        Expect::Rejects => assert!(!wasm.success, "{}: the expansion did not fail:\n{}", case.name, wasm.errors),
        Expect::Gap { ours, .. } => {
            assert!(!wasm.success, "{}: the known gap is gone (the expansion succeeded): update the case", case.name);
            assert_eq!(first_error_lines(&wasm.errors), *ours, "{}: the known gap changed:\n{}", case.name, wasm.errors);
        }
    }

    let bin = case.name.replace('-', "_");
    let bang = matches!(case.invocation, Invocation::Bang { .. });
    let main = if !bang && defines_main(&input) { "" } else { "\nfn main() {}\n" };
    let prelude = case.prelude;
    let helpers = helpers(case);
    // Side A applies the native macro; side B has our expansion on the line of that call.
    let (native, pasted, line_offset) = match &case.invocation {
        Invocation::Derive { paths, .. } => {
            let mut item = syn::parse_file(&input).unwrap();
            StripHelpers(helpers).visit_file_mut(&mut item);
            let item = prettyplease::unparse(&item);
            let pasted = if wasm.output.trim().is_empty() { one_line(&item) } else { one_line(&format!("{item}\n{}", wasm.output)) };
            (
                format!("{prelude}\n#[derive({})]\n{input}{main}", paths.join(", ")),
                format!("{prelude}\n{pasted}\n{main}"),
                prelude.matches('\n').count() + 2,
            )
        }
        Invocation::Attr { path, args } => {
            let attr = if args.is_empty() { format!("#[{path}]") } else { format!("#[{path}({args})]") };
            (format!("{prelude}\n{attr}\n{input}{main}"), format!("{prelude}\n{}\n{main}", one_line(&wasm.output)), prelude.matches('\n').count() + 2)
        }
        Invocation::Bang { name, before, after } => (
            format!("{prelude}\n{before}{name}!({}){after}{main}", input.trim()),
            format!("#[allow(unused_imports)]\n{prelude}\n{before}{}{after}{main}", wasm.output.trim()),
            0, // no error cases
        ),
    };

    let side_a = native_expanded(&bin, &native);
    match &case.expect {
        Expect::Gap { native: Native::Expands, .. } => {
            assert!(side_a.success, "{}: native rustc failed:\n{native}\n{}", case.name, side_a.stderr);
            return;
        }
        Expect::Gap { native: Native::Rejects(errors), .. } => {
            assert!(!side_a.success, "{}: native rustc did not fail:\n{native}", case.name);
            assert_eq!(first_error_lines(&side_a.stderr), *errors, "{}: native rustc's errors changed:\n{}", case.name, side_a.stderr);
            return;
        }
        Expect::Expands | Expect::Differs { .. } => assert!(side_a.success, "{}: native rustc failed:\n{native}\n{}", case.name, side_a.stderr),
        Expect::Rejects => {
            assert!(!side_a.success, "{}: native rustc did not fail:\n{native}", case.name);
            assert_eq!(
                error_lines(&wasm.errors, 0),
                error_lines(&side_a.stderr, line_offset),
                "{}: our errors differ from native rustc's\n--- ours\n{}\n--- native\n{}",
                case.name,
                wasm.errors,
                side_a.stderr
            );
        }
    }
    let side_b = native_expanded(&bin, &pasted);
    assert_eq!(side_b.success, side_a.success, "{}: pasting our expansion {} native rustc:\n{pasted}\n{}", case.name, if side_b.success { "satisfied" } else { "failed" }, side_b.stderr);
    let native = normalized(&side_a.stdout, helpers);
    let mut pasted = normalized(&side_b.stdout, helpers);
    if bang {
        // `use` lines differ only by the allow attribute added on side B.
        pasted = pasted.replacen("#[allow(unused_imports)]\n", "", 1);
    }
    if let Expect::Differs { ours, native: theirs, .. } = case.expect {
        assert!(native != pasted, "{}: the known difference is gone: update the case", case.name);
        assert!(pasted.contains(ours), "{}: our expansion lacks {ours}:\n{pasted}", case.name);
        pasted = pasted.replace(ours, theirs);
    }
    assert_eq!(native, pasted, "{}: native rustc expands differently", case.name);
}

fn selected() -> impl Iterator<Item = &'static Case> {
    let filter = std::env::var("WASMACRO_GOLDEN").unwrap_or_default();
    CASES.iter().filter(move |case| case.name.contains(&filter))
}

#[test]
fn golden_expansions_match_native_rustc() {
    let mut failures = Vec::new();
    let mut count = 0;
    for case in selected() {
        count += 1;
        let start = Instant::now();
        if let Err(panic) = std::panic::catch_unwind(|| check(case)) {
            let message = panic.downcast_ref::<String>().cloned().unwrap_or_else(|| "panicked".into());
            failures.push(format!("{}: {message}", case.name));
        }
        eprintln!("golden case {} took {:.1} s", case.name, start.elapsed().as_secs_f64());
    }
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn golden_files_say_how_they_were_checked() {
    for case in CASES {
        let path: &Path = &golden_dir().join(format!("{}.expanded.rs", case.name));
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with(&header(case)), "{} lacks its header", path.display());
    }
}

#[test]
fn every_golden_file_belongs_to_a_case() {
    for entry in std::fs::read_dir(golden_dir()).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = file.strip_suffix(".expanded.rs") {
            assert!(CASES.iter().any(|c| c.name == stem), "{file} has no case in tests/golden.rs");
        } else if let Some(stem) = file.strip_suffix(".input.rs") {
            assert!(CASES.iter().any(|c| matches!(c.input, Input::File(n) if n == stem)), "{file} is no case's input");
        }
    }
}
