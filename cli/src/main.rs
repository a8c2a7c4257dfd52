//! `cargo wasmacro`: build unmodified proc-macro crates into WebAssembly components, inspect and
//! expand them. The same binary also serves as the rustc wrapper and the linker of guest builds
//! (selected by `WASMACRO_ROLE`, which only `build` sets).

mod cargo_run;
mod commands;
mod componentize;
mod decls_patch;
mod embedded;
mod host_library;
mod link;
mod render;
mod rustc_profile;
mod rustc_wrapper;
mod shadow;
mod sysroot;
mod target_spec;
mod toolchain;
mod ui;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo-wasmacro",
    bin_name = "cargo wasmacro",
    version,
    about = "Run Rust procedural macros as sandboxed WebAssembly components",
    long_about = "Builds unmodified proc-macro crates into WebAssembly components, lists their macros, \
                  and expands code with them in a sandbox."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a proc-macro crate into a component
    Build(commands::build::BuildArgs),
    /// List the macros of a component and the bridge version it was built for
    Inspect(commands::inspect::InspectArgs),
    /// Expand a macro of a component (or of a crate, built first) on a Rust file
    Expand(commands::expand::ExpandArgs),
    /// Generate a native proc-macro crate that runs a component inside the compiler
    Shim(commands::shim::ShimArgs),
    /// Time one expansion natively and as wasm, side by side
    Bench(commands::bench::BenchArgs),
    /// Show the cache folder (compiled components, host libraries); --clean empties it
    Cache(commands::cache::CacheArgs),
}

fn main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match std::env::var(rustc_wrapper::ROLE_VAR).as_deref() {
        Ok("linker") => return link::main(args.split_off(1)),
        Ok("rustc-wrapper") if args.len() > 1 && args[1] != "wasmacro" => return rustc_wrapper::main(args),
        _ => {}
    }
    // `cargo wasmacro ...` runs us as `cargo-wasmacro wasmacro ...`.
    if args.get(1).is_some_and(|a| a == "wasmacro") {
        args.remove(1);
    }
    let cli = Cli::parse_from(args);
    let result = match cli.command {
        Command::Build(args) => args.exec(),
        Command::Inspect(args) => args.exec(),
        Command::Expand(args) => args.exec(),
        Command::Shim(args) => args.exec(),
        Command::Bench(args) => args.exec(),
        Command::Cache(args) => args.exec(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            ui::error(&err);
            ExitCode::FAILURE
        }
    }
}
