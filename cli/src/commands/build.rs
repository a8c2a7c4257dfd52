//! `cargo wasmacro build`: an unmodified proc-macro crate, with its whole dependency tree, into
//! one component file.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use cargo_metadata::MetadataCommand;

use crate::rustc_wrapper::{ROLE_VAR, ROOT_MANIFEST_DIR_VAR, ROOT_PACKAGE_VAR};
use crate::shadow::{self, MacroPackage};
use crate::toolchain::Toolchain;
use crate::{cargo_run, link, sysroot, target_spec, ui, validate};

/// The release profile of a component, as cargo's environment overrides. One LTO unit across the
/// macro, syn, quote, proc-macro2 and the standard library: a macro's time goes largely into
/// small calls between those crates (building tokens), which it can then inline. serde_derive's
/// expansions ran 18-23% faster for a few seconds more of build (BENCHMARKS.md). The guest
/// sysroot carries bitcode for this (`sysroot::build_library`).
const RELEASE_PROFILE: [(&str, &str); 2] = [("CARGO_PROFILE_RELEASE_LTO", "fat"), ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "1")];

/// rustc's flags for a release component:
/// - `-Zdylib-lto`: rustc refuses LTO for the `proc-macro` crate type unless asked.
/// - LLVM's inlining threshold: its own default at `-O3`, stated so that it also applies to call
///   sites LLVM deems cold (given a threshold, LLVM drops the separate and much lower one for
///   those). A call costs more in wasm under wasmtime than natively: no callee-saved registers,
///   a deadline check on entry, an exception edge. Measured: expansions of serde_derive and the
///   derive-syn example mostly 4-11% faster, components about 1% larger (BENCHMARKS.md).
const RELEASE_RUSTFLAGS: [&str; 2] = ["-Zdylib-lto", "-Cllvm-args=-inline-threshold=250"];

#[derive(clap::Args, Debug, Clone, Default)]
#[command(after_help = "\
The crate's sources are not modified: cargo builds it against wasmacro's own proc_macro library for the \
wasm32-wasmacro target (wasm32-wasip2 accepting proc-macro crates). Build scripts still run natively.

On first use this installs, through rustup, rust-src for the guest nightly and the stable wasm32-wasip2 \
target, then builds a guest sysroot once (cached under <target-dir>/wasmacro/).

Environment: WASMACRO_TOOLCHAIN (guest nightly, default `nightly`), WASMACRO_WASI_TOOLCHAIN (default `stable`).")]
pub struct BuildArgs {
    /// Path to the proc-macro crate's Cargo.toml [default: ./Cargo.toml]
    #[arg(long, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,
    /// Build with the release profile, with LTO across all crates, one codegen unit and cold call
    /// sites inlined (faster expansions; CARGO_PROFILE_RELEASE_LTO and _CODEGEN_UNITS in the
    /// environment override)
    #[arg(long, short = 'r')]
    pub release: bool,
    /// Where to write the component [default: <target-dir>/wasmacro/<crate>.wasm]
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Space or comma separated features of the crate to activate
    #[arg(long, short = 'F', value_name = "FEATURES")]
    pub features: Vec<String>,
    /// Activate all features of the crate
    #[arg(long)]
    pub all_features: bool,
    /// Do not activate the crate's `default` feature
    #[arg(long)]
    pub no_default_features: bool,
    /// Directory for all generated artifacts [default: the crate's target directory]
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,
}

/// The manifest of a crate given as its folder or as its `Cargo.toml` (`--crate PATH`).
pub fn crate_manifest(path: &Path) -> PathBuf {
    if path.is_dir() { path.join("Cargo.toml") } else { path.to_path_buf() }
}

/// A finished build.
pub struct Built {
    pub component: PathBuf,
    pub package: String,
}

impl BuildArgs {
    pub fn exec(self) -> Result<()> {
        let built = self.build()?;
        ui::status("Finished", format!("component for `{}` at {}", built.package, built.component.display()));
        Ok(())
    }

    pub fn build(&self) -> Result<Built> {
        let manifest = match &self.manifest_path {
            Some(path) => path.clone(),
            None => std::env::current_dir()?.join("Cargo.toml"),
        };
        if !manifest.is_file() {
            bail!(
                "no Cargo.toml at {}: run in a proc-macro crate's folder or pass --manifest-path",
                manifest.display()
            );
        }
        let manifest = std::path::absolute(&manifest)?;
        let toolchain = Toolchain::provision()?;
        let metadata = MetadataCommand::new()
            .cargo_path(&toolchain.cargo)
            .manifest_path(&manifest)
            .no_deps()
            .env("RUSTUP_TOOLCHAIN", &toolchain.name)
            .exec()
            .with_context(|| format!("reading {} with `cargo metadata`", manifest.display()))?;
        let mac = shadow::locate(&metadata, &manifest)?;
        let target_dir = match &self.target_dir {
            Some(dir) => std::path::absolute(dir)?,
            None => mac.target_directory.clone(),
        };
        let cache = target_dir.join("wasmacro");
        let target_json = target_spec::write(&toolchain, &cache)?;
        let sysroot = sysroot::ensure(&toolchain, &target_json, &cache)?;
        let shadow_manifest = shadow::write(&mac, &cache.join("shadow").join(mac.package.name.as_str()))?;

        let artifact = self.run_cargo(&toolchain, &mac, &shadow_manifest, &target_json, &sysroot, &cache)?;
        let output = match &self.output {
            Some(path) => path.clone(),
            None => cache.join(format!("{}.wasm", mac.lib.name.replace('-', "_"))),
        };
        if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(&artifact, &output).with_context(|| format!("writing {}", output.display()))?;
        validate::component(&std::fs::read(&output)?).context("the built file is not a valid component")?;
        Ok(Built { component: output, package: mac.package.name.to_string() })
    }

    fn run_cargo(
        &self,
        toolchain: &Toolchain,
        mac: &MacroPackage,
        shadow_manifest: &Path,
        target_json: &Path,
        sysroot: &sysroot::GuestSysroot,
        cache: &Path,
    ) -> Result<PathBuf> {
        let package_dir = mac.package.manifest_path.parent().unwrap().as_std_path();
        let mut cmd = toolchain.cargo_command();
        // Run from the crate's folder so its `.cargo/config.toml` (registries, sources) applies.
        cmd.current_dir(package_dir)
            .arg("build")
            .arg("--manifest-path")
            .arg(shadow_manifest)
            .arg("--target")
            .arg(target_json)
            .arg("-Zjson-target-spec")
            .arg("--target-dir")
            .arg(cache.join("guest"));
        if self.release {
            cmd.arg("--release");
            for (var, value) in RELEASE_PROFILE {
                // A setting of the user's own environment wins.
                if std::env::var_os(var).is_none() {
                    cmd.env(var, value);
                }
            }
        }
        for features in &self.features {
            cmd.arg("--features").arg(features);
        }
        if self.all_features {
            cmd.arg("--all-features");
        }
        if self.no_default_features {
            cmd.arg("--no-default-features");
        }
        let mut rustflags = std::ffi::OsString::from("--sysroot=");
        rustflags.push(&sysroot.root);
        rustflags.push("\x1f-Zunstable-options\x1f-L\x1fdependency=");
        rustflags.push(sysroot.host_deps());
        if self.release {
            for flag in RELEASE_RUSTFLAGS {
                rustflags.push("\x1f");
                rustflags.push(flag);
            }
        }
        cmd.env("CARGO_ENCODED_RUSTFLAGS", rustflags)
            .env("RUSTC_WRAPPER", std::env::current_exe()?)
            .env(ROLE_VAR, "rustc-wrapper")
            .env(ROOT_PACKAGE_VAR, mac.package.name.as_str())
            .env(ROOT_MANIFEST_DIR_VAR, package_dir)
            .env(link::COMPONENT_LD_VAR, &toolchain.component_ld);

        let artifacts = cargo_run::run(cmd, &format!("building `{}` for wasm", mac.package.name))?;
        artifacts
            .iter()
            .filter(|a| a.target.name == mac.lib.name.replace('-', "_") || a.target.name == mac.lib.name)
            .flat_map(|a| a.filenames.iter())
            .find(|f| f.extension() == Some("wasm"))
            .map(|f| f.clone().into_std_path_buf())
            .context("cargo finished but reported no .wasm file for the crate")
    }
}
