//! `cargo wasmacro bench`: the cost of one expansion, native and as a component side by side,
//! and of loading a component.
//!
//! Inside rustc: rustc cannot run a proc macro alone, so we run `rustc -Zunpretty=expanded` on
//! a generated crate that applies the macro to several copies of the input, with rustc's
//! self-profiler on, and read how long each expansion took (`rustc_profile`). The same is done
//! with the native macro built twice (as cargo builds proc macros by default, debug, and
//! optimized: `build-override` with `opt-level = 3`) and with the component through a shim
//! generated for it (`cargo wasmacro shim`, the shim crate optimized): the compiler's whole
//! call into the macro, measured the same way on every side.
//! Host alone: the same expansion through the host on a warm instance, reused as a compiler
//! would reuse it, without the compiler's side; the host's conversions and checks count. The
//! output is taken in the checked packed form a compiler's shim reads (`expand_packed`).
//! Load: a first load compiling with Cranelift, and loads from the on-disk cache.
//! Baseline (`--baseline`): another build of the component, timed in turn with this one (inside
//! rustc through a shim of its own, round by round; in the host, sample by sample), so that
//! both see the same machine load (how a library, build or host change is measured).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{ComponentCache, ExpansionStats, Kind, Limits, MacroComponent, Sandbox};

use crate::commands::bench_check;
use crate::commands::build::{crate_manifest, BuildArgs};
use crate::toolchain::Toolchain;
use crate::ui;

#[derive(clap::Args, Debug)]
#[command(
    group(clap::ArgGroup::new("which").required(true).args(["derive", "bang"])),
    group(clap::ArgGroup::new("inputs").required(true).multiple(true).args(["input", "fields"])),
    after_help = "\
Every macro runs on every input; each pair is one row, timed inside rustc (nightly, its self-profile)
natively and through a shim of the component, and in the wasmacro host alone. Example (serde_derive, 1 and 1000 fields):
  cargo wasmacro bench --release --target-dir target/bench --crate ~/.cargo/registry/src/*/serde_derive-1.0.229 \\
    --derive Serialize --derive Deserialize --use 'use serde::{Serialize, Deserialize};' \\
    --dep 'serde = { version = \"=1.0.229\", features = [\"derive\"] }' --fields 1,1000
With --check 300 it also times `cargo check` of 300 copies of the first input (1 field here): native
optimized, native debug, and the component through a generated shim (the shim crate optimized, and
debug), in turn, --samples rounds.
Run the tool built with --release: the shim's host library is built with the tool's own profile."
)]
pub struct BenchArgs {
    /// The proc-macro crate (folder or Cargo.toml); built natively and as a component
    #[arg(long = "crate", value_name = "PATH")]
    pub krate: PathBuf,
    /// Benchmark the derive macro NAME (INPUT is the item, without the derive attribute)
    /// [repeatable]
    #[arg(long, value_name = "NAME")]
    pub derive: Vec<String>,
    /// Benchmark the function-like macro NAME (INPUT is its input; used in expression position)
    #[arg(long, value_name = "NAME", conflicts_with = "derive")]
    pub bang: Option<String>,
    /// `use` line that brings the macros into scope natively, e.g. "use serde::Serialize;"
    #[arg(long = "use", value_name = "PATH")]
    pub use_line: String,
    /// Extra dependency lines for the native crate, e.g. 'serde = { version = "1", features = ["derive"] }'
    /// [default: the macro crate by path]
    #[arg(long = "dep", value_name = "TOML")]
    pub deps: Vec<String>,
    /// The macro's input [repeatable]
    #[arg(value_name = "INPUT")]
    pub input: Vec<PathBuf>,
    /// Also use generated inputs: a struct with N named fields (of types u32, String,
    /// Option<u64>, Vec<u8> in turn), for each N given, e.g. --fields 1,1000
    #[arg(long, value_name = "N,...", value_delimiter = ',', conflicts_with = "bang")]
    pub fields: Vec<usize>,
    /// Expansions per sample for an input of 64 tokens; smaller inputs get proportionally more
    /// (up to 10 times as many), larger ones fewer (at least 5), so that every sample does
    /// about as much work
    #[arg(long, default_value_t = 50)]
    pub copies: usize,
    /// Samples per side (the median is reported)
    #[arg(long, default_value_t = 5)]
    pub samples: usize,
    /// Which native builds of the macro to time: `debug` (cargo's default for proc macros),
    /// `release` (opt-level 3), or `both`
    #[arg(long, value_name = "WHICH", default_value = "both", value_parser = ["debug", "release", "both"])]
    pub native: String,
    /// Build the component with the release profile
    #[arg(long)]
    pub release: bool,
    /// Directory for generated artifacts: the component, the guest sysroot, the native crate
    /// [default: the crate's target directory]
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,
    /// Also time `cargo check` of a crate applying the derives to N copies of the first input, four
    /// ways: the native macro optimized and as cargo builds it by default (unoptimized), and the
    /// component through a shim (`cargo wasmacro shim`) with the shim crate built either way
    #[arg(long, value_name = "N", conflicts_with = "bang")]
    pub check: Option<usize>,
    /// Also time this component (the same crate built another way, e.g. by another version of
    /// wasmacro) in turn with the one built here, inside rustc through a shim of its own and in
    /// the host alone, and report the ratios. Its expansions must print the same
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

/// One macro on one input.
struct Case {
    macro_name: String,
    input_name: String,
    input: String,
    copies: usize,
    /// The component's output, printed: pasted in place of the macro on the native side.
    expansion: String,
    tokens_in: usize,
    tokens_out: usize,
    stats: ExpansionStats,
    /// Per expansion, one entry per sample.
    component: Vec<Duration>,
    baseline: Vec<Duration>,
    native_debug: Vec<Duration>,
    native_release: Vec<Duration>,
    /// The component through its shim, inside rustc.
    in_rustc: Vec<Duration>,
    baseline_in_rustc: Vec<Duration>,
}

/// One way of running the macro inside rustc, in the generated project `dir`.
struct RustcSide {
    side: Side,
    dir: PathBuf,
}

#[derive(Clone, Copy)]
enum Side {
    /// The native macro, built with this profile.
    Native(NativeProfile),
    /// The component, through a shim of its own.
    Component,
    /// The `--baseline` component, through a shim of its own.
    Baseline,
}

impl Side {
    fn label(self) -> &'static str {
        match self {
            Side::Native(profile) => profile.name(),
            Side::Component => "component through its shim",
            Side::Baseline => "baseline through its shim",
        }
    }

    /// The profile of the macro crate: a shim crate is optimized, like the native macro it is
    /// compared with.
    fn profile(self) -> NativeProfile {
        match self {
            Side::Native(profile) => profile,
            Side::Component | Side::Baseline => NativeProfile::Release,
        }
    }

    /// The path the generated code names the macro by (after which comes its name).
    fn prefix(self) -> String {
        match self {
            Side::Native(_) => String::new(),
            Side::Component | Side::Baseline => format!("{}::", bench_check::SHIM),
        }
    }
}

fn median(samples: &[Duration]) -> Option<Duration> {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied()
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn us(d: Option<Duration>) -> String {
    d.map_or_else(|| "-".into(), |d| format!("{:.1}", d.as_secs_f64() * 1e6))
}

/// `a / b` as `0.52x`.
fn ratio(a: Option<Duration>, b: Option<Duration>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if !b.is_zero() => format!("{:.2}x", a.as_secs_f64() / b.as_secs_f64()),
        _ => "-".into(),
    }
}

/// `a - b` in µs, signed.
fn overhead(a: Option<Duration>, b: Option<Duration>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{:+.1}", (a.as_secs_f64() - b.as_secs_f64()) * 1e6),
        _ => "-".into(),
    }
}

/// `pub struct FieldsN { pub f0: u32, pub f1: String, ... }`.
fn struct_with_fields(n: usize) -> String {
    const TYPES: [&str; 4] = ["u32", "String", "Option<u64>", "Vec<u8>"];
    let fields: String = (0..n).map(|i| format!("    pub f{i}: {},\n", TYPES[i % TYPES.len()])).collect();
    format!("pub struct Fields{n} {{\n{fields}}}\n")
}

impl BenchArgs {
    pub fn exec(self) -> Result<()> {
        if self.samples == 0 || self.copies == 0 {
            bail!("--samples and --copies must be at least 1");
        }
        let manifest = std::path::absolute(crate_manifest(&self.krate))?;
        let built = BuildArgs { manifest_path: Some(manifest.clone()), release: self.release, target_dir: self.target_dir.clone(), ..Default::default() }
            .build()?;
        let (kind, names) = match &self.bang {
            Some(name) => (Kind::Function, vec![name.clone()]),
            None => (Kind::Derive, self.derive.clone()),
        };
        let mut inputs = Vec::new();
        for path in &self.input {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            inputs.push((path.display().to_string(), text));
        }
        for &n in &self.fields {
            inputs.push((format!("{n} field{}", if n == 1 { "" } else { "s" }), struct_with_fields(n)));
        }

        // Load: without a cache (Cranelift), then from a warm cache.
        let bytes = std::fs::read(&built.component)?;
        ui::status("Measuring", format!("component load, {} samples", self.samples));
        let started = Instant::now();
        drop(MacroComponent::from_bytes_with_cache(&bytes, None)?);
        let cold_load = started.elapsed();
        let cache = ComponentCache::new(built.component.parent().unwrap().join("bench-cache"));
        drop(MacroComponent::from_bytes_with_cache(&bytes, Some(&cache))?);
        let mut cached_loads = Vec::new();
        for _ in 0..self.samples {
            let started = Instant::now();
            drop(MacroComponent::from_bytes_with_cache(&bytes, Some(&cache))?);
            cached_loads.push(started.elapsed());
        }
        let component = MacroComponent::from_bytes_with_cache(&bytes, Some(&cache))?;
        let baseline = match &self.baseline {
            Some(path) => Some(
                MacroComponent::from_bytes_with_cache(&std::fs::read(path).with_context(|| format!("reading {}", path.display()))?, Some(&cache))
                    .with_context(|| format!("loading the baseline {}", path.display()))?,
            ),
            None => None,
        };
        let mut instantiations = Vec::new();
        for _ in 0..self.samples {
            let started = Instant::now();
            drop(component.instantiate(Box::new(StandaloneBackend::new("input.rs", "")), &Sandbox::default(), Limits::default())?);
            instantiations.push(started.elapsed());
        }

        // Component side: every case on one warm instance per input.
        let mut cases = Vec::new();
        for (input_name, input) in &inputs {
            let backend = StandaloneBackend::new("input.rs", input);
            let mut instance = component.instantiate(Box::new(backend), &Sandbox::default(), Limits::default())?;
            let mut baseline_instance = match &baseline {
                Some(b) => Some(b.instantiate(Box::new(StandaloneBackend::new("input.rs", input)), &Sandbox::default(), Limits::default())?),
                None => None,
            };
            for name in &names {
                if !instance.macros().iter().any(|m| &m.name == name && m.kind == kind) {
                    bail!("{} has no {} named `{name}`", built.component.display(), kind.describe());
                }
                ui::status("Measuring", format!("component, `{name}` on {input_name}, {} samples", self.samples));
                let mut case = Case {
                    macro_name: name.clone(),
                    input_name: input_name.clone(),
                    input: input.clone(),
                    copies: 0,
                    expansion: String::new(),
                    tokens_in: 0,
                    tokens_out: 0,
                    stats: ExpansionStats::default(),
                    component: Vec::new(),
                    baseline: Vec::new(),
                    native_debug: Vec::new(),
                    native_release: Vec::new(),
                    in_rustc: Vec::new(),
                    baseline_in_rustc: Vec::new(),
                };
                for _ in 0..self.samples {
                    let timed = time_expansions(&mut instance, kind, name, input_name, self.copies)?;
                    (case.tokens_in, case.tokens_out, case.expansion) = (timed.tokens_in, timed.tokens_out, timed.expansion);
                    case.component.push(timed.per_expansion);
                    if let Some(other) = &mut baseline_instance {
                        let timed = time_expansions(other, kind, name, input_name, self.copies)?;
                        if timed.expansion != case.expansion {
                            bail!("the baseline expands `{name}` on {input_name} differently: comparing their times would mean nothing");
                        }
                        case.baseline.push(timed.per_expansion);
                    }
                }
                case.stats = instance.last_expansion_stats().clone();
                // Many expansions of small inputs per rustc run, few of large ones, to keep a
                // sample in seconds.
                case.copies = (self.copies * 64 / case.tokens_in.max(1)).clamp(5.min(self.copies), 10 * self.copies);
                cases.push(case);
            }
        }

        // Native side, and the component inside rustc through a shim: rustc's self-profile
        // records each expansion (see `rustc_profile`).
        let toolchain = Toolchain::provision()?;
        let bench_dir = built.component.parent().unwrap().join("bench");
        let dir = bench_dir.join(&built.package);
        let deps = if self.deps.is_empty() {
            vec![format!("{} = {{ path = {:?} }}", built.package, manifest.parent().unwrap())]
        } else {
            self.deps.clone()
        };
        write_bench_crate(&dir, &deps)?;
        let mut sides: Vec<RustcSide> = self
            .native_profiles()
            .into_iter()
            .map(|profile| RustcSide { side: Side::Native(profile), dir: dir.clone() })
            .collect();
        let mut shims = vec![(built.component.clone(), "", Side::Component)];
        if let Some(path) = &self.baseline {
            shims.push((path.clone(), "-baseline", Side::Baseline));
        }
        for (component, suffix, side) in shims {
            ui::status("Generating", format!("a shim of {}, to run it inside rustc", component.display()));
            let crate_dir = bench_dir.join(format!("{}{suffix}-shim-crate", built.package));
            let shim_dep = bench_check::write_shim(&component, &crate_dir)?;
            let shim_dir = bench_dir.join(format!("{}{suffix}-shim", built.package));
            write_bench_crate(&shim_dir, &[deps.clone(), vec![shim_dep]].concat())?;
            sides.push(RustcSide { side, dir: shim_dir });
        }
        let profiles_dir = bench_dir.join("profiles");
        for case in &mut cases {
            let name = &case.macro_name;
            for side in &sides {
                let prefix = side.side.prefix();
                let with_macro = copies(case.copies, |i| match kind {
                    Kind::Derive => format!("mod m{i} {{ #![allow(warnings)] {} #[derive({prefix}{name})] {} }}", self.use_line, case.input),
                    _ => format!("mod m{i} {{ #![allow(warnings)] {} pub fn f() {{ let _ = {prefix}{name}!({}); }} }}", self.use_line, case.input),
                });
                write_bin(&side.dir, "with_macro", &with_macro)?;
                // Untimed: builds the macro and dependencies, brings the files into the page cache.
                run_unpretty(&toolchain, &side.dir, side.side.profile(), "with_macro", None)?;
            }
            let labels: Vec<&str> = sides.iter().map(|side| side.side.label()).collect();
            ui::status("Measuring", format!("inside rustc ({}), `{name}` on {}, {} rounds of {} expansions each", labels.join(", "), case.input_name, self.samples, case.copies));
            // Round by round, every side in turn, so that a slow minute of a shared machine
            // does not favour one.
            for _ in 0..self.samples {
                for side in &sides {
                    let _ = std::fs::remove_dir_all(&profiles_dir);
                    run_unpretty(&toolchain, &side.dir, side.side.profile(), "with_macro", Some(&profiles_dir))?;
                    let times = crate::rustc_profile::expansion_times(&profiles_dir)?;
                    let Some(per_expansion) = times.get(name.as_str()).and_then(|t| median(t)) else {
                        bail!("rustc's profile of the {} has no expansion of `{name}`: {times:?}", side.side.label());
                    };
                    match side.side {
                        Side::Native(NativeProfile::Debug) => case.native_debug.push(per_expansion),
                        Side::Native(NativeProfile::Release) => case.native_release.push(per_expansion),
                        Side::Component => case.in_rustc.push(per_expansion),
                        Side::Baseline => case.baseline_in_rustc.push(per_expansion),
                    }
                }
            }
        }

        self.report(&built.component, &cases, cold_load, &cached_loads, &instantiations);
        if let Some(copies) = self.check {
            let (_, item) = inputs.first().context("--check needs an input")?;
            let check = crate::commands::bench_check::CheckBench {
                component: &built.component,
                deps: &deps,
                use_line: &self.use_line,
                derives: &names,
                item,
                copies,
                runs: self.samples,
                dir: built.component.parent().unwrap().join("bench-check").join(&built.package),
            };
            let variants = check.run()?;
            let (base, native_default) = (variants[0].median, variants[1].median);
            let cpu_base = variants[0].cpu_median;
            println!(
                "`cargo check` of {copies} copies of the first input with #[derive({})], {} rounds of the variants in turn \
                 (after a touch of the source; and with nothing to do, cargo alone):",
                names.join(", "),
                self.samples
            );
            let mut rows = vec![
                ["variant", "median", "min", "vs native optimized", "vs native default", "CPU (median)", "CPU vs native optimized", "nothing to do (median)"]
                    .map(String::from)
                    .to_vec(),
            ];
            for v in &variants {
                rows.push(vec![
                    v.label.to_string(),
                    ms(v.median),
                    ms(v.min),
                    ratio(Some(v.median), Some(base)),
                    ratio(Some(v.median), Some(native_default)),
                    v.cpu_median.map_or_else(|| "-".into(), ms),
                    ratio(v.cpu_median, cpu_base),
                    ms(v.noop_median),
                ]);
            }
            print_table(&rows);
        }
        Ok(())
    }

    fn native_profiles(&self) -> Vec<NativeProfile> {
        match self.native.as_str() {
            "debug" => vec![NativeProfile::Debug],
            "release" => vec![NativeProfile::Release],
            _ => vec![NativeProfile::Debug, NativeProfile::Release],
        }
    }

    fn report(&self, component: &Path, cases: &[Case], cold_load: Duration, cached_loads: &[Duration], instantiations: &[Duration]) {
        println!("One expansion, median of {} samples, in µs. Inside rustc (its self-profile, `expand_proc_macro`): the native", self.samples);
        println!("macro, and the component through a generated shim (the compiler's whole call into the macro on both sides).");
        println!("Host alone: {} in the wasmacro host, warm instance, without the compiler's side:", component.display());
        let mut header = [
            "macro", "input", "tokens in", "tokens out", "bridge calls", "native debug", "native release", "component",
            "overhead vs release", "component/release", "component/debug", "host alone",
        ]
        .map(String::from)
        .to_vec();
        if self.baseline.is_some() {
            header.extend(["baseline", "component/baseline", "baseline (host alone)", "host alone/baseline"].map(String::from));
        }
        let mut rows = vec![header];
        for case in cases {
            let (debug, release, in_rustc, host) =
                (median(&case.native_debug), median(&case.native_release), median(&case.in_rustc), median(&case.component));
            rows.push(vec![
                case.macro_name.clone(),
                case.input_name.clone(),
                case.tokens_in.to_string(),
                case.tokens_out.to_string(),
                case.stats.total_calls().to_string(),
                us(debug),
                us(release),
                us(in_rustc),
                overhead(in_rustc, release),
                ratio(in_rustc, release),
                ratio(in_rustc, debug),
                us(host),
            ]);
            if self.baseline.is_some() {
                let (base, base_host) = (median(&case.baseline_in_rustc), median(&case.baseline));
                rows.last_mut().unwrap().extend([us(base), ratio(in_rustc, base), us(base_host), ratio(host, base_host)]);
            }
        }
        print_table(&rows);
        if let Some(path) = &self.baseline {
            println!("baseline: {} (timed in turn with the component: inside rustc round by round, in the host sample by sample)", path.display());
        }
        for case in cases {
            println!("  bridge, `{}` on {}: {}", case.macro_name, case.input_name, case.stats);
        }
        let cached = median(cached_loads).unwrap_or_default();
        println!(
            "Component load: compile (Cranelift) {}, from cache {} (median of {}; {} faster); instantiate {}",
            ms(cold_load),
            ms(cached),
            cached_loads.len(),
            ratio(Some(cold_load), Some(cached)),
            ms(median(instantiations).unwrap_or_default()),
        );
    }
}

struct Timed {
    per_expansion: Duration,
    tokens_in: usize,
    tokens_out: usize,
    /// The output, printed.
    expansion: String,
}

/// `copies` expansions of the input on `instance`, timed.
fn time_expansions(instance: &mut wasmacro_host::MacroInstance<'_>, kind: Kind, name: &str, input_name: &str, copies: usize) -> Result<Timed> {
    let mut spent = Duration::ZERO;
    let mut output = None;
    let mut tokens_in = 0;
    for _ in 0..copies {
        // Only the expansion is timed: lexing the input and printing the output are the
        // compiler's work, on the native side too.
        let backend = instance.backend::<StandaloneBackend>().unwrap();
        let tokens = backend.lex_file().map_err(|e| anyhow::anyhow!("lexing {input_name}: {e}"))?;
        let spans = backend.expansion_spans();
        tokens_in = tokens.len();
        let started = Instant::now();
        output = Some(instance.expand_packed(kind, name, tokens, None, spans)?);
        spent += started.elapsed();
    }
    let output = output.and_then(|packed| packed.tokens()).context("no expansion was timed, or its output could not be read")?;
    let expansion = instance.backend_mut().print(&output);
    Ok(Timed { per_expansion: spent / copies as u32, tokens_in, tokens_out: output.len(), expansion })
}

/// Columns aligned: the first two left, the numbers right.
fn print_table(rows: &[Vec<String>]) {
    let widths: Vec<usize> = (0..rows[0].len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, &w))| if c < 2 { format!("{cell:<w$}") } else { format!("{cell:>w$}") })
            .collect();
        println!("  {}", cells.join("  ").trim_end());
    }
}

#[derive(Clone, Copy)]
enum NativeProfile {
    /// As cargo builds proc macros by default (`cargo check`, `cargo build`).
    Debug,
    /// The macro and its dependencies optimized (`build-override`, opt-level 3).
    Release,
}

impl NativeProfile {
    fn name(self) -> &'static str {
        match self {
            NativeProfile::Debug => "debug",
            NativeProfile::Release => "release",
        }
    }
}

fn copies(n: usize, item: impl Fn(usize) -> String) -> String {
    let mut text: String = (0..n).map(|i| item(i) + "\n").collect();
    text.push_str("fn main() {}\n");
    text
}

/// The manifest of a generated project (native or shim) with these dependencies; its binaries
/// are written by [`write_bin`].
fn write_bench_crate(dir: &Path, deps: &[String]) -> Result<()> {
    std::fs::create_dir_all(dir.join("src/bin"))?;
    let manifest = format!(
        "[package]\nname = \"wasmacro-bench\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{}\n\n[workspace]\n",
        deps.join("\n")
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    Ok(())
}

/// Writes the generated binary `bin` (unless it is already there, unchanged).
fn write_bin(dir: &Path, bin: &str, source: &str) -> Result<()> {
    let path: PathBuf = dir.join("src/bin").join(format!("{bin}.rs"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(source) {
        std::fs::write(&path, source)?;
    }
    Ok(())
}

/// `cargo rustc -- -Zunpretty=expanded` on one generated binary (expansion without the checks
/// after it), writing rustc's self-profile into `profile_into` if given.
fn run_unpretty(toolchain: &Toolchain, dir: &Path, profile: NativeProfile, bin: &str, profile_into: Option<&Path>) -> Result<()> {
    let mut cmd = toolchain.cargo_command();
    cmd.current_dir(dir).args(["rustc", "-q", "--profile", "check", "--bin", bin]);
    // One target folder per profile, so that neither rebuilds the other's macro.
    cmd.arg("--target-dir").arg(dir.join("target").join(profile.name()));
    if let NativeProfile::Release = profile {
        for setting in ["opt-level=3", "debug-assertions=false", "overflow-checks=false"] {
            cmd.arg("--config").arg(format!("profile.dev.build-override.{setting}"));
        }
    }
    cmd.args(["--", "-Zunpretty=expanded"]);
    if let Some(dir) = profile_into {
        cmd.args(crate::rustc_profile::rustc_args(dir));
    }
    let out = cmd.output()?;
    if !out.status.success() {
        bail!("rustc ({}) failed on {bin} in {}:\n{}", profile.name(), dir.display(), String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}
