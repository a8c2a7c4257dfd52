//! Golden expansions, each checked against native rustc on every run.
//!
//! For every case the wasm expansion (through `cargo wasmacro expand`) must equal the golden file
//! in `tests/golden/`, and must be what native rustc produces: `-Zunpretty=expanded` of a crate
//! that applies the native macro to the input (side A) must equal that of the same crate with
//! our expansion pasted in place of the macro (side B), after both are parsed by syn and printed
//! by prettyplease (rustc prints attribute tokens with spacing that depends on where tokens came
//! from) and helper attributes are removed (rustc leaves inert helpers on the item; on side B no
//! derive registers them). Nested macros (`write!`, `format_args!`) are expanded by rustc on
//! both sides alike, so they are compared too.
//!
//! `WASMACRO_BLESS=1` rewrites the golden files from the wasm expansion; the native check still
//! runs, so a blessed file is one native rustc agrees with.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use support::*;
use syn::visit_mut::VisitMut;

enum Invocation {
    Derive { name: &'static str, helpers: &'static [&'static str] },
    Attr { name: &'static str, args: &'static str },
    /// The macro call becomes the initializer of `before ... after`.
    Bang { name: &'static str, before: &'static str, after: &'static str },
}

struct Case {
    /// Golden file stem: `tests/golden/<name>.expanded.rs`.
    name: &'static str,
    /// `tests/golden/<input>.input.rs`.
    input: &'static str,
    /// The macro crate, as `examples/<dir>` or a crate of `tests/fixtures/real-crates`.
    krate: Crate,
    /// `use` lines of the native consumer.
    prelude: &'static str,
    invocation: Invocation,
}

enum Crate {
    Example(&'static str),
    Real(&'static str),
}

const CASES: &[Case] = &[
    Case {
        name: "derive-plain-describe",
        input: "describe",
        krate: Crate::Example("derive-plain"),
        prelude: "use derive_plain::Describe;",
        invocation: Invocation::Derive { name: "Describe", helpers: &[] },
    },
    Case {
        name: "derive-syn-builder",
        input: "builder",
        krate: Crate::Example("derive-syn"),
        prelude: "use derive_syn::Builder;",
        invocation: Invocation::Derive { name: "Builder", helpers: &["builder"] },
    },
    Case {
        name: "attr-macro-tag",
        input: "tag",
        krate: Crate::Example("attr-macro"),
        prelude: "use attr_macro::tag;",
        invocation: Invocation::Attr { name: "tag", args: "\"network\", priority = 3" },
    },
    Case {
        name: "bang-macro-hex",
        input: "hex",
        krate: Crate::Example("bang-macro"),
        prelude: "use bang_macro::hex;",
        invocation: Invocation::Bang { name: "hex", before: "pub const MAGIC: [u8; 6] = ", after: ";" },
    },
    Case {
        name: "serde-serialize",
        input: "serde",
        krate: Crate::Real("serde_derive"),
        prelude: "use serde::Serialize;",
        invocation: Invocation::Derive { name: "Serialize", helpers: &["serde"] },
    },
    Case {
        name: "serde-deserialize",
        input: "serde",
        krate: Crate::Real("serde_derive"),
        prelude: "use serde::Deserialize;",
        invocation: Invocation::Derive { name: "Deserialize", helpers: &["serde"] },
    },
    Case {
        name: "thiserror-error",
        input: "thiserror",
        krate: Crate::Real("thiserror-impl"),
        prelude: "use thiserror::Error;",
        invocation: Invocation::Derive { name: "Error", helpers: &["error", "from", "source", "backtrace"] },
    },
];

fn golden_dir() -> PathBuf {
    repo().join("tests/golden")
}

/// Components are built once per test process (and cached on disk by cargo across runs).
fn component(krate: &Crate) -> PathBuf {
    static BUILT: OnceLock<Mutex<Vec<(String, PathBuf)>>> = OnceLock::new();
    let (key, manifest) = match krate {
        Crate::Example(dir) => (dir.to_string(), repo().join("examples").join(dir).join("Cargo.toml")),
        Crate::Real(name) => (name.to_string(), real_crate_manifest(name)),
    };
    let built = BUILT.get_or_init(Default::default);
    let mut built = built.lock().unwrap();
    if let Some((_, path)) = built.iter().find(|(k, _)| *k == key) {
        return path.clone();
    }
    let (path, _) = build(&manifest, &format!("golden-{key}"));
    built.push((key, path.clone()));
    path
}

fn expand_with_wasm(case: &Case) -> String {
    let input = golden_dir().join(format!("{}.input.rs", case.input));
    let mut cmd = wasmacro();
    cmd.arg("expand").arg("--component").arg(component(&case.krate));
    match &case.invocation {
        Invocation::Derive { name, .. } => cmd.args(["--derive", name]),
        Invocation::Attr { name, args } => cmd.args(["--attr", name, "--args", args]),
        Invocation::Bang { name, .. } => cmd.args(["--bang", name]),
    };
    // Relative to the repository, so file names in the output do not depend on the checkout.
    cmd.current_dir(repo()).arg(input.strip_prefix(repo()).unwrap());
    let run = run(&mut cmd);
    assert!(run.status.success(), "{}: expansion failed:\n{}", case.name, run.stderr);
    run.stdout
}

fn header(case: &Case) -> String {
    let (what, helpers) = match &case.invocation {
        Invocation::Derive { name, helpers } => (format!("--derive {name}"), helpers.to_vec()),
        Invocation::Attr { name, args } => (format!("--attr {name} --args '{args}'"), vec![]),
        Invocation::Bang { name, .. } => (format!("--bang {name}"), vec![]),
    };
    let helpers = if helpers.is_empty() {
        String::new()
    } else {
        format!(" Helper attributes ({}) are removed on both sides.", helpers.iter().map(|h| format!("#[{h}]")).collect::<Vec<_>>().join(", "))
    };
    format!(
        "// Golden expansion of tests/golden/{input}.input.rs by `cargo wasmacro expand {what}`.\n\
         // Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate\n\
         // using the native macro equals that of the same crate with this expansion pasted in, both\n\
         // normalized by syn + prettyplease.{helpers}\n\
         // Known differences from native: none.\n",
        input = case.input
    )
}

/// Removes the `// ...` header of a golden file.
fn body(golden: &str) -> &str {
    let mut rest = golden;
    while let Some(line_end) = rest.find('\n').filter(|_| rest.starts_with("// ")) {
        rest = &rest[line_end + 1..];
    }
    rest
}

/// The native side: a crate with one binary per case and side, built by nightly rustc.
fn native_project() -> PathBuf {
    static PROJECT: OnceLock<PathBuf> = OnceLock::new();
    PROJECT
        .get_or_init(|| {
            let dir = fixtures_target().join("native-golden");
            std::fs::create_dir_all(dir.join("src/bin")).unwrap();
            let examples = repo().join("examples");
            let manifest = format!(
                "[package]\nname = \"native-golden\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [dependencies]\n\
                 serde = {{ version = \"=1.0.229\", features = [\"derive\"] }}\n\
                 thiserror = \"=2.0.21\"\n\
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

fn native_expanded(bin: &str, source: &str) -> String {
    let dir = native_project();
    std::fs::write(dir.join("src/bin").join(format!("{bin}.rs")), source).unwrap();
    let out = Command::new("rustup")
        .args(["run", "nightly", "cargo", "rustc", "-q", "--profile", "check", "--bin", bin, "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .args(["--", "-Zunpretty=expanded", "-Awarnings"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "native rustc failed on {bin}:\n{source}\n{stderr}");
    String::from_utf8(out.stdout).unwrap()
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

fn check(case: &Case) {
    let ours = expand_with_wasm(case);
    let golden_path = golden_dir().join(format!("{}.expanded.rs", case.name));
    if std::env::var_os("WASMACRO_BLESS").is_some() {
        std::fs::write(&golden_path, header(case) + &ours).unwrap();
    }
    let golden = std::fs::read_to_string(&golden_path).unwrap_or_else(|_| panic!("missing {}; run with WASMACRO_BLESS=1", golden_path.display()));
    assert_eq!(body(&golden), ours, "{}: the wasm expansion differs from the golden file", case.name);

    let input = std::fs::read_to_string(golden_dir().join(format!("{}.input.rs", case.input))).unwrap();
    let bin = case.name.replace('-', "_");
    let (native, pasted, helpers) = match &case.invocation {
        Invocation::Derive { name, helpers } => {
            let mut item = syn::parse_file(&input).unwrap();
            StripHelpers(helpers).visit_file_mut(&mut item);
            (
                format!("{}\n#[derive({name})]\n{input}\nfn main() {{}}\n", case.prelude),
                format!("{}\n{}\n{ours}\nfn main() {{}}\n", case.prelude, prettyplease::unparse(&item)),
                helpers.to_vec(),
            )
        }
        Invocation::Attr { name, args } => (
            format!("{}\n#[{name}({args})]\n{input}\nfn main() {{}}\n", case.prelude),
            format!("{}\n{ours}\nfn main() {{}}\n", case.prelude),
            vec![],
        ),
        Invocation::Bang { name, before, after } => (
            format!("{}\n{before}{name}!({}){after}\nfn main() {{}}\n", case.prelude, input.trim()),
            format!("#[allow(unused_imports)]\n{}\n{before}{}{after}\nfn main() {{}}\n", case.prelude, ours.trim()),
            vec![],
        ),
    };
    let native = normalized(&native_expanded(&format!("{bin}_native"), &native), &helpers);
    let pasted = normalized(&native_expanded(&format!("{bin}_wasm"), &pasted), &helpers);
    // `use` lines differ only by the allow attribute added on side B.
    let pasted = pasted.replace("#[allow(unused_imports)]\n", "");
    assert_eq!(native, pasted, "{}: native rustc expands differently", case.name);
}

#[test]
fn golden_expansions_match_native_rustc() {
    let mut failures = Vec::new();
    for case in CASES {
        if let Err(panic) = std::panic::catch_unwind(|| check(case)) {
            let message = panic.downcast_ref::<String>().cloned().unwrap_or_else(|| "panicked".into());
            failures.push(format!("{}: {message}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n\n"));
}

#[test]
fn golden_files_say_how_they_were_checked() {
    for case in CASES {
        let path: &Path = &golden_dir().join(format!("{}.expanded.rs", case.name));
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with(&header(case)), "{} lacks its header", path.display());
    }
}
