//! Shared helpers of the integration tests: running the real `cargo-wasmacro` binary on real
//! crates, and reading what a crate's source declares (with syn, independently of our code).
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{ExpandError, Kind, MacroInstance};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// One target directory for every fixture build, so the guest sysroot and compiled dependencies
/// (syn, serde) are built once per checkout and reused by every test and CI run.
pub fn fixtures_target() -> PathBuf {
    repo().join("target/fixtures")
}

/// Whether a golden input is a program of its own (`#[tokio::main] async fn main`).
pub fn defines_main(input: &str) -> bool {
    syn::parse_file(input).unwrap().items.iter().any(|item| matches!(item, syn::Item::Fn(f) if f.sig.ident == "main"))
}

pub fn wasmacro() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-wasmacro"));
    cmd.arg("wasmacro");
    // Compiled components are cached with the other fixtures, not in the user's cache folder.
    cmd.env("WASMACRO_CACHE_DIR", fixtures_target().join("compiled"));
    cmd
}

pub struct Run {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let Output { status, stdout, stderr } = cmd.output().expect("cargo-wasmacro runs");
    let run = Run { status, stdout: String::from_utf8_lossy(&stdout).into(), stderr: String::from_utf8_lossy(&stderr).into() };
    // Visible with --nocapture, and in the failure output of the test that called us.
    eprintln!("--- stdout\n{}--- stderr\n{}", run.stdout, run.stderr);
    run
}

/// Builds the proc-macro crate of `manifest` into `<fixtures>/out/<name>.wasm`; panics with
/// cargo's output when the build fails.
pub fn build(manifest: &Path, name: &str) -> (PathBuf, Run) {
    build_with_features(manifest, name, &[])
}

/// [`build`] with `--features` of the crate activated (as a facade crate would activate them).
pub fn build_with_features(manifest: &Path, name: &str, features: &[&str]) -> (PathBuf, Run) {
    let out = fixtures_target().join("out").join(format!("{name}.wasm"));
    let mut cmd = wasmacro();
    cmd.arg("build").arg("--manifest-path").arg(manifest).arg("--target-dir").arg(fixtures_target()).arg("-o").arg(&out);
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    let run = run(&mut cmd);
    assert!(run.status.success(), "building {} failed:\n{}", manifest.display(), run.stderr);
    (out, run)
}

/// The component of `tests/fixtures/misbehaving` (macros that panic, loop, hog memory, probe the
/// sandbox), built once per test process.
pub fn misbehaving() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| build(&repo().join("tests/fixtures/misbehaving/Cargo.toml"), "misbehaving").0).clone()
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Declared {
    pub kind: String,
    pub name: String,
    pub helpers: Vec<String>,
}

/// The macros a proc-macro crate's root file declares, read with syn: `#[proc_macro]`,
/// `#[proc_macro_attribute]` and `#[proc_macro_derive(Name, attributes(...))]` functions.
pub fn declared_macros(lib_rs: &Path) -> BTreeSet<Declared> {
    let source = std::fs::read_to_string(lib_rs).unwrap();
    let file = syn::parse_file(&source).unwrap();
    let mut found = BTreeSet::new();
    for item in file.items {
        let syn::Item::Fn(function) = item else { continue };
        for attr in &function.attrs {
            let path = attr.path();
            if path.is_ident("proc_macro") {
                found.insert(Declared { kind: "function".into(), name: function.sig.ident.to_string(), helpers: vec![] });
            } else if path.is_ident("proc_macro_attribute") {
                found.insert(Declared { kind: "attribute".into(), name: function.sig.ident.to_string(), helpers: vec![] });
            } else if path.is_ident("proc_macro_derive") {
                let mut name = None;
                let mut helpers = Vec::new();
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("attributes") {
                        meta.parse_nested_meta(|helper| {
                            helpers.push(helper.path.get_ident().unwrap().to_string());
                            Ok(())
                        })
                    } else {
                        name = Some(meta.path.get_ident().unwrap().to_string());
                        Ok(())
                    }
                })
                .unwrap();
                found.insert(Declared { kind: "derive".into(), name: name.unwrap(), helpers });
            }
        }
    }
    found
}

/// The macros `cargo wasmacro inspect --json` reports.
pub fn inspected_macros(component: &Path) -> (String, BTreeSet<Declared>) {
    let run = run(wasmacro().arg("inspect").arg("--json").arg(component));
    assert!(run.status.success(), "inspect failed: {}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let macros = doc["macros"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| Declared {
            kind: m["kind"].as_str().unwrap().into(),
            name: m["name"].as_str().unwrap().into(),
            helpers: m["helpers"].as_array().unwrap().iter().map(|h| h.as_str().unwrap().into()).collect(),
        })
        .collect();
    (doc["interface"].as_str().unwrap().to_string(), macros)
}

/// Contents and modification times of every file below `dir` (skipping `target`), to prove a
/// build left a crate untouched.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap() == "target" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
                files.push((path.clone(), std::fs::read(&path).unwrap(), modified));
            }
        }
    }
    files.sort();
    files
}

/// Where cargo keeps the sources of the pinned real crates of `tests/fixtures/real-crates`
/// (downloading them if needed).
pub fn real_crate_manifest(name: &str) -> PathBuf {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(repo().join("tests/fixtures/real-crates/Cargo.toml"))
        .exec()
        .unwrap();
    metadata.packages.iter().find(|p| p.name.as_str() == name).unwrap().manifest_path.clone().into()
}

/// Asserts that a component is valid and is a component, using wasmparser directly.
pub fn assert_valid_component(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(wasmparser::Parser::is_component(&bytes), "{} is not a component", path.display());
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&bytes)
        .unwrap_or_else(|e| panic!("{} does not validate: {e}", path.display()));
}

/// Expands the function-like macro `name` of `instance` on its standalone backend's file, and
/// prints the output as `TokenStream::to_string` would.
pub fn expand_bang(instance: &mut MacroInstance<'_>, name: &str) -> Result<String, ExpandError> {
    let backend = instance.backend::<StandaloneBackend>().unwrap();
    let input = backend.lex_file().unwrap();
    let spans = backend.expansion_spans();
    let output = instance.expand(Kind::Function, name, input, None, spans)?;
    Ok(wasmacro_host::Backend::print(instance.backend_mut(), &output))
}
