//! `cargo wasmacro shim`: a native proc-macro crate that exports a component's macros (same
//! names, kinds and helper attributes) and runs the embedded component inside the compiler.
//! Any cargo project can depend on it instead of the native macro crate; it builds on stable.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{CacheOutcome, Kind, Limits, MacroComponent, MacroDecl, Sandbox};

use crate::host_library;
use crate::shadow::write_if_changed;
use crate::ui;

#[derive(clap::Args, Debug)]
#[command(after_help = "The generated crate depends only on the small wasmacro-shim crate (by path, in the wasmacro \
                        sources this tool was built from unless --sources says otherwise). wasmtime is in the wasmacro \
                        host library, which this command builds from the same sources (the first time takes a few \
                        minutes) and installs in the cache folder; the shim loads it inside the compiler \
                        ($WASMACRO_HOST_LIBRARY names another copy). Generating the shim also compiles the component \
                        into the compiled-code cache, so the compiler's first expansion only loads it.\n\nExample:\n  cargo wasmacro build --manifest-path serde_derive/Cargo.toml -o serde_derive.wasm\n  \
                        cargo wasmacro shim serde_derive.wasm --name serde_derive -o shims/serde_derive")]
pub struct ShimArgs {
    /// The component file (as written by `cargo wasmacro build`)
    #[arg(value_name = "COMPONENT")]
    pub component: PathBuf,
    /// Name of the generated crate (usually the macro crate's, so that `use name::Macro` works)
    #[arg(long)]
    pub name: String,
    /// Folder to write the crate into [default: ./NAME]
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Version of the generated crate
    #[arg(long = "crate-version", value_name = "VERSION", default_value = "0.0.0")]
    pub crate_version: String,
    /// The wasmacro sources (a checkout) to take the shim runtime and the host library from
    /// [default: the ones this tool was built from]
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Use this prebuilt host library (`cargo build --release -p wasmacro-host-lib` in the
    /// sources) instead of building it
    #[arg(long, value_name = "FILE")]
    pub host_library: Option<PathBuf>,
    /// Let the macro read this environment variable of the compiler (repeatable; e.g. CARGO_PKG_NAME)
    #[arg(long = "allow-env", value_name = "NAME")]
    pub allow_env: Vec<String>,
    /// Let the macro read files below DIR (repeatable; may start with $VAR, e.g. $CARGO_MANIFEST_DIR)
    #[arg(long = "allow-read", value_name = "DIR")]
    pub allow_read: Vec<String>,
    /// Give the macro the real clocks instead of frozen ones
    #[arg(long)]
    pub real_clock: bool,
    /// Give the macro real randomness instead of a fixed seed
    #[arg(long)]
    pub real_random: bool,
    /// Wall-clock limit of one expansion, in seconds (0: none; the component is then compiled
    /// without the checks a deadline needs, and runs about 10% faster)
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub deadline_secs: u64,
}

impl ShimArgs {
    pub fn exec(self) -> Result<()> {
        if !is_crate_name(&self.name) {
            bail!("`{}` is not a valid crate name (letters, digits, `_` and `-`, not starting with a digit)", self.name);
        }
        let bytes = std::fs::read(&self.component).with_context(|| format!("reading {}", self.component.display()))?;
        // Loading compiles the component into the cache the shim will load it from.
        let component = MacroComponent::from_bytes(&bytes).with_context(|| format!("loading {}", self.component.display()))?;
        match component.cache_outcome {
            Some(CacheOutcome::Hit) => ui::status("Cached", "compiled code of the component"),
            Some(_) => ui::status("Compiled", "the component into the compiled-code cache"),
            None => ui::status("Warning", "no compiled-code cache (WASMACRO_CACHE_DIR is empty): each compiler run compiles the component"),
        }
        let instance = component
            .instantiate(Box::new(StandaloneBackend::new("<shim>", "")), &Sandbox::default(), Limits::default())
            .context("asking the component for its macros")?;
        let macros = instance.macros();
        if macros.is_empty() {
            bail!("the component declares no macros");
        }
        let sources = match &self.sources {
            Some(path) => std::path::absolute(path)?,
            None => host_library::default_sources()
                .context("the wasmacro sources this tool was built from are gone; pass --sources DIR (a wasmacro checkout)")?,
        };
        let runtime = sources.join("shim");
        if !runtime.join("Cargo.toml").is_file() {
            bail!("{} is not a wasmacro checkout (no shim/Cargo.toml)", sources.display());
        }
        let dir = self.out_dir.clone().unwrap_or_else(|| PathBuf::from(&self.name));
        let library = match &self.host_library {
            Some(file) => host_library::install(file, &dir.join("host-library"))?,
            None => host_library::build_and_install(&sources, &dir.join("host-library"))?,
        };
        ui::status("Installed", format!("the wasmacro host library at {}", library.display()));
        std::fs::create_dir_all(dir.join("src")).with_context(|| format!("creating {}", dir.display()))?;
        write_if_changed(&dir.join("Cargo.toml"), self.manifest(&runtime))?;
        write_if_changed(&dir.join("src/component.wasm"), &bytes)?;
        write_if_changed(&dir.join("src/lib.rs"), self.library(macros, &library))?;
        ui::status("Generated", format!("proc-macro crate `{}` in {} ({} {})", self.name, dir.display(), macros.len(), if macros.len() == 1 { "macro" } else { "macros" }));
        Ok(())
    }

    fn manifest(&self, runtime: &Path) -> Vec<u8> {
        format!(
            "# Generated by `cargo wasmacro shim`: runs the embedded component src/component.wasm.\n\
             [package]\nname = {name:?}\nversion = {version:?}\nedition = \"2021\"\npublish = false\n\
             description = \"The macros of `{name}`, run as a sandboxed WebAssembly component\"\n\n\
             [lib]\nproc-macro = true\n\n\
             [dependencies]\nwasmacro-shim = {{ path = {runtime:?} }}\n",
            name = self.name,
            version = self.crate_version,
            runtime = runtime.display().to_string(),
        )
        .into_bytes()
    }

    fn library(&self, macros: &[MacroDecl], host_library: &Path) -> String {
        let strings = |items: &[String]| items.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ");
        let mut out = format!(
            "//! Generated by `cargo wasmacro shim`: the macros of `{name}`, run by the embedded WebAssembly\n\
             //! component in the compiler, sandboxed.\n\n\
             use proc_macro::TokenStream;\n\
             use wasmacro_shim::{{Shim, ShimConfig}};\n\n\
             static SHIM: Shim = Shim::new(\n    include_bytes!(\"component.wasm\"),\n    ShimConfig {{\n        \
             crate_name: {name:?},\n        allow_env: &[{env}],\n        allow_read: &[{read}],\n        \
             real_clock: {clock},\n        real_random: {random},\n        deadline_secs: {deadline},\n        \
             host_library: {library:?},\n    }},\n);\n",
            name = self.name,
            env = strings(&self.allow_env),
            read = strings(&self.allow_read),
            clock = self.real_clock,
            random = self.real_random,
            deadline = self.deadline_secs,
            library = host_library.display().to_string(),
        );
        for (index, m) in macros.iter().enumerate() {
            let name = &m.name;
            let _ = match m.kind {
                Kind::Derive => {
                    let helpers = if m.helpers.is_empty() { String::new() } else { format!(", attributes({})", m.helpers.join(", ")) };
                    write!(
                        out,
                        "\n#[proc_macro_derive({name}{helpers})]\npub fn __wasmacro_derive_{index}(item: TokenStream) -> TokenStream {{\n    \
                         SHIM.derive({name:?}, item)\n}}\n"
                    )
                }
                Kind::Attribute => write!(
                    out,
                    "\n#[proc_macro_attribute]\npub fn {name}(args: TokenStream, item: TokenStream) -> TokenStream {{\n    \
                     SHIM.attribute({name:?}, args, item)\n}}\n"
                ),
                Kind::Function => write!(
                    out,
                    "\n#[proc_macro]\npub fn {name}(input: TokenStream) -> TokenStream {{\n    SHIM.function({name:?}, input)\n}}\n"
                ),
            };
        }
        out
    }
}

fn is_crate_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
