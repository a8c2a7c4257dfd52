//! `cargo wasmacro bench`: the cost of one expansion, native and wasm side by side.
//!
//! Native: rustc cannot run a proc macro alone, so we time `rustc -Zunpretty=expanded` of a
//! generated crate that applies the native macro `--copies` times, and of the same crate with
//! the expansion pasted in instead; the difference divided by the copies is the macro's own
//! cost (parsing and printing included on both sides, so they cancel out).
//! Wasm: the same expansion through the host, with the instance reused as a compiler would.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{ComponentCache, Kind, Limits, MacroComponent, Sandbox};

use crate::commands::build::{crate_manifest, BuildArgs};
use crate::toolchain::Toolchain;
use crate::ui;

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["derive", "bang"])))]
pub struct BenchArgs {
    /// The proc-macro crate (folder or Cargo.toml); built natively and as a component
    #[arg(long = "crate", value_name = "PATH")]
    pub krate: PathBuf,
    /// Benchmark the derive macro NAME (INPUT is the item, without the derive attribute)
    #[arg(long, value_name = "NAME")]
    pub derive: Option<String>,
    /// Benchmark the function-like macro NAME (INPUT is its input; used in expression position)
    #[arg(long, value_name = "NAME")]
    pub bang: Option<String>,
    /// `use` line that brings the macro into scope natively, e.g. "use serde::Serialize;"
    #[arg(long = "use", value_name = "PATH")]
    pub use_line: String,
    /// Extra dependency lines for the native crate, e.g. 'serde = { version = "1", features = ["derive"] }'
    /// [default: the macro crate by path]
    #[arg(long = "dep", value_name = "TOML")]
    pub deps: Vec<String>,
    /// The macro's input
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Expansions per sample
    #[arg(long, default_value_t = 50)]
    pub copies: usize,
    /// Samples per side
    #[arg(long, default_value_t = 5)]
    pub samples: usize,
    /// Build the component with the release profile
    #[arg(long)]
    pub release: bool,
}

struct Stats {
    median: Duration,
    min: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    Stats { median: samples[samples.len() / 2], min: samples[0] }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

impl BenchArgs {
    pub fn exec(self) -> Result<()> {
        let manifest = std::path::absolute(crate_manifest(&self.krate))?;
        let built = BuildArgs { manifest_path: Some(manifest.clone()), release: self.release, ..Default::default() }.build()?;
        let input = std::fs::read_to_string(&self.input).with_context(|| format!("reading {}", self.input.display()))?;
        let (kind, name) = match (&self.derive, &self.bang) {
            (Some(n), _) => (Kind::Derive, n.clone()),
            (_, Some(n)) => (Kind::Function, n.clone()),
            _ => unreachable!("clap requires one"),
        };

        // Wasm side: first load without a cache (Cranelift) and with a warm one (deserialize).
        let bytes = std::fs::read(&built.component)?;
        let started = Instant::now();
        drop(MacroComponent::from_bytes_with_cache(&bytes, None)?);
        let cold_load = started.elapsed();
        let cache = ComponentCache::new(built.component.parent().unwrap().join("bench-cache"));
        drop(MacroComponent::from_bytes_with_cache(&bytes, Some(&cache))?);
        let started = Instant::now();
        let component = MacroComponent::from_bytes_with_cache(&bytes, Some(&cache))?;
        let cached_load = started.elapsed();
        let mut instance = component.instantiate(Box::new(StandaloneBackend::new("input.rs", &input)), &Sandbox::default(), Limits::default())?;
        let helpers = instance.macros().iter().find(|m| m.name == name).map(|m| m.helpers.clone()).unwrap_or_default();
        let mut expansion = String::new();
        let mut wasm = Vec::new();
        for _ in 0..self.samples {
            let mut spent = Duration::ZERO;
            for _ in 0..self.copies {
                // Only the expansion is timed: lexing the input and printing the output are the
                // compiler's work, on the native side too.
                let backend = instance.backend::<StandaloneBackend>().unwrap();
                let tokens = backend.lex_file().map_err(|e| anyhow::anyhow!("lexing the input: {e}"))?;
                let spans = backend.expansion_spans();
                let started = Instant::now();
                let output = instance.expand(kind, &name, tokens, None, spans)?;
                spent += started.elapsed();
                expansion = instance.backend_mut().print(&output);
            }
            wasm.push(spent / self.copies as u32);
        }

        // Native side.
        let toolchain = Toolchain::provision()?;
        let dir = built.component.parent().unwrap().join("bench").join(&built.package);
        let deps = if self.deps.is_empty() {
            vec![format!("{} = {{ path = {:?} }}", built.package, manifest.parent().unwrap())]
        } else {
            self.deps.clone()
        };
        write_native_crate(&dir, &deps)?;
        let with_macro = copies(self.copies, |i| match kind {
            Kind::Derive => format!("mod m{i} {{ #![allow(warnings)] {} #[derive({name})] {input} }}", self.use_line),
            _ => format!("mod m{i} {{ #![allow(warnings)] {} pub fn f() {{ let _ = {name}!({input}); }} }}", self.use_line),
        });
        let bare_input = without_helper_attributes(&input, &helpers)?;
        let pasted = copies(self.copies, |i| match kind {
            Kind::Derive => format!("mod m{i} {{ #![allow(warnings)] {} {bare_input} {expansion} }}", self.use_line),
            _ => format!("mod m{i} {{ #![allow(warnings)] {} pub fn f() {{ let _ = {expansion}; }} }}", self.use_line),
        });
        ui::status("Measuring", format!("native rustc, {} samples of {} expansions", self.samples, self.copies));
        let mut native = Vec::new();
        for _ in 0..self.samples {
            let a = time_unpretty(&toolchain, &dir, "with_macro", &with_macro)?;
            let b = time_unpretty(&toolchain, &dir, "pasted", &pasted)?;
            native.push(a.saturating_sub(b) / self.copies as u32);
        }

        let (native, wasm) = (stats(native), stats(wasm));
        println!("{} `{name}` on {}: one expansion", if kind == Kind::Derive { "derive" } else { "macro" }, self.input.display());
        println!("  {:<28} {:>12} {:>12}", "", "median", "min");
        println!("  {:<28} {:>12} {:>12}", "native (rustc, by difference)", ms(native.median), ms(native.min));
        println!("  {:<28} {:>12} {:>12}", "wasm (wasmacro host)", ms(wasm.median), ms(wasm.min));
        println!("  wasm first load: compile {} / from cache {}", ms(cold_load), ms(cached_load));
        Ok(())
    }
}

/// Without the derive nothing registers its helper attributes, so the pasted side drops them.
fn without_helper_attributes(input: &str, helpers: &[String]) -> Result<String> {
    use syn::visit_mut::VisitMut;
    struct Strip<'a>(&'a [String]);
    impl VisitMut for Strip<'_> {
        fn visit_attribute_mut(&mut self, _: &mut syn::Attribute) {}
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
    }
    let mut file = syn::parse_file(input).context("the input must be an item for --derive")?;
    Strip(helpers).visit_file_mut(&mut file);
    Ok(prettyplease::unparse(&file))
}

fn copies(n: usize, item: impl Fn(usize) -> String) -> String {
    let mut text: String = (0..n).map(|i| item(i) + "\n").collect();
    text.push_str("fn main() {}\n");
    text
}

fn write_native_crate(dir: &Path, deps: &[String]) -> Result<()> {
    std::fs::create_dir_all(dir.join("src/bin"))?;
    let manifest = format!(
        "[package]\nname = \"wasmacro-bench\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{}\n\n[workspace]\n",
        deps.join("\n")
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    Ok(())
}

/// Wall time of `cargo rustc -- -Zunpretty=expanded` on one generated binary (dependencies are
/// built by a first, untimed run).
fn time_unpretty(toolchain: &Toolchain, dir: &Path, bin: &str, source: &str) -> Result<Duration> {
    let path: PathBuf = dir.join("src/bin").join(format!("{bin}.rs"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(source) {
        std::fs::write(&path, source)?;
        run_unpretty(toolchain, dir, bin)?;
    }
    let started = Instant::now();
    run_unpretty(toolchain, dir, bin)?;
    Ok(started.elapsed())
}

fn run_unpretty(toolchain: &Toolchain, dir: &Path, bin: &str) -> Result<()> {
    let out = toolchain
        .cargo_command()
        .current_dir(dir)
        .args(["rustc", "-q", "--profile", "check", "--bin", bin, "--", "-Zunpretty=expanded"])
        .output()?;
    if !out.status.success() {
        bail!("native rustc failed on {bin}:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}
