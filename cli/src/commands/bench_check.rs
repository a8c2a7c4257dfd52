//! `cargo wasmacro bench --check N`: `cargo check` of a generated crate that applies derives to N
//! copies of an item (the input item, renamed per copy), four ways: the native macro built with
//! optimizations, the native macro as cargo builds it by default (unoptimized), and the
//! component through a shim (`cargo wasmacro shim`) with and without optimizations for the shim
//! crate. The component's code and the host library (built with this tool's profile: optimized
//! for a release build of the tool) are the same in both shim variants. Each variant is its own
//! project;
//! dependencies are built by an untimed first check. Then, in each round, every variant in turn
//! is checked after a touch of its source (the crate alone is checked again), and once more
//! with nothing to do (cargo's own time: reading and fingerprinting the dependency graph). Besides
//! the wall clock, the CPU time of each check after a touch is taken (on Unix), which other work
//! on a shared machine disturbs less.
//! Interleaving the variants keeps a slow minute of a shared machine from favouring one.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::shadow::write_if_changed;
use crate::ui;

/// Name of the generated shim crate.
pub const SHIM: &str = "wasmacro_bench_shim";

/// Generates the shim crate of `component` in `dir` (`cargo wasmacro shim`, with the default
/// deadline), and returns the dependency line that uses it.
pub fn write_shim(component: &Path, dir: &Path) -> Result<String> {
    let shim = crate::commands::shim::ShimArgs {
        component: component.to_path_buf(),
        name: SHIM.to_string(),
        out_dir: Some(dir.to_path_buf()),
        crate_version: "0.0.0".into(),
        sources: None,
        host_library: None,
        allow_env: Vec::new(),
        allow_read: Vec::new(),
        real_clock: false,
        real_random: false,
        deadline_secs: 60,
    };
    shim.exec()?;
    Ok(format!("{SHIM} = {{ path = {:?} }}", std::path::absolute(dir)?))
}

pub struct CheckBench<'a> {
    pub component: &'a Path,
    /// Dependency lines that give the native macro (and what its expansions refer to).
    pub deps: &'a [String],
    pub use_line: &'a str,
    /// Derives applied together to each copy.
    pub derives: &'a [String],
    /// The item the derive is applied to.
    pub item: &'a str,
    pub copies: usize,
    pub runs: usize,
    /// Where the projects go.
    pub dir: PathBuf,
}

pub struct Variant {
    pub label: &'static str,
    pub median: Duration,
    pub min: Duration,
    /// Median of the checks with nothing to do.
    pub noop_median: Duration,
    /// Median CPU time (user and system, cargo and rustc) of the checks after a touch; `None`
    /// where the platform does not report it. Other work on the machine disturbs it less than
    /// the wall clock.
    pub cpu_median: Option<Duration>,
}

impl CheckBench<'_> {
    pub fn run(&self) -> Result<Vec<Variant>> {
        let shim_dep = write_shim(self.component, &self.dir.join("shim-crate"))?;
        const OPTIMIZED: &str = "[profile.dev.build-override]\nopt-level = 3\n";
        let native_paths = self.derives.join(", ");
        let shim_paths = self.derives.iter().map(|d| format!("{SHIM}::{d}")).collect::<Vec<_>>().join(", ");
        let shim_deps = [self.deps, &[shim_dep]].concat();
        // (label, folder, dependencies, derive paths, build-override profile)
        let variants: [(&str, &str, &[String], &str, &str); 4] = [
            ("native, macro optimized", "native-release", self.deps, &native_paths, OPTIMIZED),
            ("native, cargo's default (unoptimized)", "native-debug", self.deps, &native_paths, ""),
            ("shim, optimized", "shim", &shim_deps, &shim_paths, OPTIMIZED),
            // The shim crate is compiled like any proc macro: unoptimized unless the consumer
            // says otherwise. The component and the host library are optimized either way.
            ("shim, cargo's default", "shim-debug", &shim_deps, &shim_paths, ""),
        ];
        let mut projects = Vec::new();
        for (label, folder, deps, path, profile) in variants {
            let dir = self.dir.join(folder);
            self.write_project(&dir, deps, profile, path)?;
            ui::status("Building", format!("`cargo check` of {} copies, `{folder}` (untimed: dependencies)", self.copies));
            check(&dir)?;
            projects.push((label, dir));
        }
        ui::status("Measuring", format!("`cargo check` of the {} projects in turn, {} rounds", projects.len(), self.runs));
        let mut samples = vec![(Vec::new(), Vec::new(), Vec::new()); projects.len()];
        for _ in 0..self.runs {
            for ((_, dir), (touched, noop, cpu)) in projects.iter().zip(&mut samples) {
                touch(&dir.join("src/lib.rs"))?;
                let cpu_before = children_cpu();
                touched.push(timed(|| check(dir))?);
                if let (Some(before), Some(after)) = (cpu_before, children_cpu()) {
                    cpu.push(after.saturating_sub(before));
                }
                noop.push(timed(|| check(dir))?);
            }
        }
        let median = |mut v: Vec<Duration>| {
            v.sort();
            v[v.len() / 2]
        };
        Ok(projects
            .into_iter()
            .zip(samples)
            .map(|((label, _), (touched, noop, cpu))| Variant {
                label,
                min: *touched.iter().min().unwrap(),
                median: median(touched),
                noop_median: median(noop),
                cpu_median: (!cpu.is_empty()).then(|| median(cpu)),
            })
            .collect())
    }

    fn write_project(&self, dir: &Path, deps: &[String], profile: &str, derive_paths: &str) -> Result<()> {
        std::fs::create_dir_all(dir.join("src"))?;
        let manifest = format!(
            "[package]\nname = \"wasmacro-bench-check\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\n{}\n\n{profile}\n[workspace]\n",
            deps.join("\n")
        );
        write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
        let mut item = syn::parse_file(self.item).context("the input must be one item for --check")?;
        let name = item_name(&mut item)?.to_string();
        let mut source = format!("#![allow(warnings)]\n{}\n", self.use_line);
        for i in 0..self.copies {
            let ident = item_name(&mut item)?;
            *ident = syn::Ident::new(&format!("{name}_{i}"), ident.span());
            source += &format!("#[derive({derive_paths})]\n{}\n", prettyplease::unparse(&item));
        }
        write_if_changed(&dir.join("src/lib.rs"), &source)
    }
}

/// The name of the file's (first) item, which `--check` renames per copy.
fn item_name(file: &mut syn::File) -> Result<&mut syn::Ident> {
    Ok(match file.items.first_mut() {
        Some(syn::Item::Struct(s)) => &mut s.ident,
        Some(syn::Item::Enum(e)) => &mut e.ident,
        Some(syn::Item::Union(u)) => &mut u.ident,
        _ => bail!("--check needs a struct, enum or union as input"),
    })
}

fn timed(f: impl FnOnce() -> Result<()>) -> Result<Duration> {
    let started = Instant::now();
    f()?;
    Ok(started.elapsed())
}

fn check(dir: &Path) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo).current_dir(dir).args(["check", "-q"]).output()?;
    if !out.status.success() {
        bail!("cargo check failed in {}:\n{}", dir.display(), String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

/// CPU time (user and system) of the child processes waited for so far, and of theirs: cargo
/// waits for rustc.
#[cfg(unix)]
fn children_cpu() -> Option<Duration> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `getrusage` fills the struct it is given, and returns 0 when it did.
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) } != 0 {
        return None;
    }
    // SAFETY: filled above (and zeroed before, so any field it skipped is 0).
    let usage = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    Some(time(usage.ru_utime) + time(usage.ru_stime))
}

#[cfg(not(unix))]
fn children_cpu() -> Option<Duration> {
    None
}

/// A new modification time, so that cargo checks the crate again.
fn touch(path: &Path) -> Result<()> {
    let text = std::fs::read(path)?;
    std::fs::write(path, text)?;
    Ok(())
}
