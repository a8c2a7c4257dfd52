//! Finds, and installs through rustup when missing, the toolchain pieces a guest build needs:
//! a nightly with `rust-src` (std is rebuilt for our target with `-Zbuild-std`) and the stable
//! `wasm32-wasip2` target (its wasi-libc objects, which nightly cannot download here).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::ui;

/// The nightly used for guests; `WASMACRO_TOOLCHAIN` overrides it.
pub const DEFAULT_NIGHTLY: &str = "nightly";
/// The toolchain whose `wasm32-wasip2` target provides wasi-libc; `WASMACRO_WASI_TOOLCHAIN` overrides it.
pub const DEFAULT_WASI_TOOLCHAIN: &str = "stable";

#[derive(Debug, Clone)]
pub struct Toolchain {
    /// The rustup name, as in `+nightly`.
    pub name: String,
    pub rustc: PathBuf,
    pub cargo: PathBuf,
    /// `rustc -vV` output: part of every cache key.
    pub version: String,
    /// `lib/rustlib/wasm32-wasip2/lib/self-contained` of the wasi toolchain.
    pub wasi_self_contained: PathBuf,
    /// `wasm-component-ld` shipped with the nightly.
    pub component_ld: PathBuf,
}

impl Toolchain {
    /// Locates the toolchains, installing what is missing through rustup (and saying so).
    pub fn provision() -> Result<Toolchain> {
        let name = std::env::var("WASMACRO_TOOLCHAIN").unwrap_or_else(|_| DEFAULT_NIGHTLY.to_string());
        let wasi = std::env::var("WASMACRO_WASI_TOOLCHAIN").unwrap_or_else(|_| DEFAULT_WASI_TOOLCHAIN.to_string());
        check_rustup()?;

        let sysroot = match sysroot_of(&name) {
            Some(path) => path,
            None => {
                ui::status("Installing", format!("toolchain `{name}` with rust-src through rustup (guests are built with it)"));
                rustup(&["toolchain", "install", &name, "--profile", "minimal", "--component", "rust-src"], &name)?;
                sysroot_of(&name).with_context(|| format!("rustup installed `{name}` but `rustc +{name}` does not run"))?
            }
        };
        if !sysroot.join("lib/rustlib/src/rust/library/std/Cargo.toml").exists() {
            ui::status("Installing", format!("rust-src for `{name}` through rustup (the guest std is built from it)"));
            rustup(&["component", "add", "rust-src", "--toolchain", &name], &name)?;
        }

        let wasi_sysroot = match sysroot_of(&wasi) {
            Some(path) => path,
            None => {
                ui::status("Installing", format!("toolchain `{wasi}` through rustup (for its wasm32-wasip2 target)"));
                rustup(&["toolchain", "install", &wasi, "--profile", "minimal"], &wasi)?;
                sysroot_of(&wasi).with_context(|| format!("rustup installed `{wasi}` but `rustc +{wasi}` does not run"))?
            }
        };
        let wasi_self_contained = wasi_sysroot.join("lib/rustlib/wasm32-wasip2/lib/self-contained");
        if !wasi_self_contained.join("libc.a").exists() {
            ui::status("Installing", format!("target wasm32-wasip2 for `{wasi}` through rustup (its wasi-libc links guests)"));
            rustup(&["target", "add", "wasm32-wasip2", "--toolchain", &wasi], &wasi)?;
        }

        let host_bin = sysroot.join("lib/rustlib").join(host_triple(&sysroot)?).join("bin");
        let component_ld = host_bin.join("wasm-component-ld");
        if !component_ld.exists() {
            bail!("toolchain `{name}` has no wasm-component-ld at {} (a nightly from 2024 or later ships it)", component_ld.display());
        }
        let rustc = sysroot.join("bin/rustc");
        let version = run_stdout(Command::new(&rustc).arg("-vV"))?;
        Ok(Toolchain {
            name,
            cargo: sysroot.join("bin/cargo"),
            rustc,
            version,
            wasi_self_contained,
            component_ld,
        })
    }

    /// A `cargo` command of this toolchain, with rustup pointed at it for anything cargo spawns.
    pub fn cargo_command(&self) -> Command {
        let mut cmd = Command::new(&self.cargo);
        cmd.env("RUSTUP_TOOLCHAIN", &self.name)
            .env("RUSTC", &self.rustc)
            .env_remove("RUSTC_WRAPPER")
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_BUILD_TARGET")
            .env_remove("CARGO_TARGET_DIR");
        cmd
    }
}

fn check_rustup() -> Result<()> {
    match Command::new("rustup").arg("--version").output() {
        Ok(out) if out.status.success() => Ok(()),
        _ => bail!(
            "rustup was not found on PATH: wasmacro installs a nightly toolchain and the wasm32-wasip2 target \
             through it (see https://rustup.rs)"
        ),
    }
}

fn sysroot_of(toolchain: &str) -> Option<PathBuf> {
    let out = Command::new("rustup")
        .args(["run", toolchain, "rustc", "--print", "sysroot"])
        .env("RUSTUP_AUTO_INSTALL", "0")
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(PathBuf::from(String::from_utf8(out.stdout).ok()?.trim()))
}

fn rustup(args: &[&str], toolchain: &str) -> Result<()> {
    // rustup prints a backtrace with its errors when RUST_BACKTRACE is set; the user needs the error.
    let out = Command::new("rustup").args(args).env("RUST_BACKTRACE", "0").output().context("running rustup")?;
    if !out.status.success() {
        bail!(
            "could not install a toolchain piece: `rustup {command}` failed:\n{}\n\
             Run `rustup {command}` yourself and try again, or choose another toolchain with \
             WASMACRO_TOOLCHAIN (the guest nightly, now `{toolchain}`) or WASMACRO_WASI_TOOLCHAIN (the one \
             providing wasm32-wasip2).",
            String::from_utf8_lossy(&out.stderr).trim(),
            command = args.join(" "),
        );
    }
    Ok(())
}

fn host_triple(sysroot: &Path) -> Result<String> {
    let out = run_stdout(Command::new(sysroot.join("bin/rustc")).arg("-vV"))?;
    out.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .context("`rustc -vV` printed no host triple")
}

pub fn run_stdout(cmd: &mut Command) -> Result<String> {
    let out = cmd.output().with_context(|| format!("running {cmd:?}"))?;
    if !out.status.success() {
        bail!("{cmd:?} failed:\n{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8(out.stdout)?)
}
