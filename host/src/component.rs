//! Loading a macro component (with its interface version checked) and expanding with it.

use std::time::Duration;

use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Mutability, Store, Trap, Val, WasmCoreDump};

use crate::cache::{CacheOutcome, ComponentCache};
use crate::backend::{Backend, ExpansionSpans};
use crate::bindings::macros::{self, ExpandRequest, ExpansionSpans as WitSpans, MacroKind};
use crate::bindings::{ProcMacro, ProcMacroPre, BRIDGE_PACKAGE, BRIDGE_VERSION};
use crate::packed::{self, PackedOutput};
use crate::replay::{Recorded, Recorder};
use crate::epoch::EpochTicker;
use crate::error::{ExpandError, GuestFault, LoadError};
use crate::sandbox::Sandbox;
use crate::state::{HostState, MemoryLimit};
use crate::stats::ExpansionStats;
use crate::tokens::{FlatStream, Token};

mod fallback;
use fallback::ends_every_build;

/// Limits for one expansion. Each one that is hit ends the expansion with an [`ExpandError`]
/// naming it; the next expansion gets a fresh instance.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wall-clock time for one expansion (and for instantiating the component), enforced by
    /// epoch interruption: checks compiled into the wasm code, which cost it about 10% (see
    /// BENCHMARKS.md). It never ends an expansion early, and at most a tenth of a second late.
    /// `None`: no deadline; a component loaded with
    /// [`MacroComponent::from_bytes_without_deadline`] runs without the checks, and needs `None`.
    pub deadline: Option<Duration>,
    /// Wasmtime fuel per expansion (roughly one unit per wasm instruction): a deterministic
    /// bound, at the price of slower wasm. Needs a component loaded with
    /// [`MacroComponent::from_bytes_metered`]. `None`: no fuel limit.
    pub fuel: Option<u64>,
    /// Maximum linear memory of an instance, in bytes.
    pub memory_bytes: usize,
    /// Most tokens in a stream that crosses the bridge: the macro's output, a stream it passes
    /// to `print` or `expand-expr`, a stream `parse` returns.
    pub max_tokens: usize,
    /// Most bytes of text (identifiers, literal symbols and suffixes) in such a stream, and of a
    /// string the host reads (`parse`, `validate-ident`) or returns (`print`).
    pub max_text_bytes: usize,
    /// Deepest group nesting of a stream the macro passes to the host (its output, `print`,
    /// `expand-expr`): compilers and printers downstream are allowed to recurse on it.
    pub max_depth: usize,
    /// Most bytes the host keeps on the macro's behalf during one expansion (diagnostics,
    /// tracked paths, saved and derived spans), so that a macro cannot grow the host's memory.
    pub max_host_bytes: usize,
    /// Most bytes of inputs and answers an instance on the component's fast variant (see
    /// [`crate::unwinding`]) keeps for replaying them on the component as built, should a macro
    /// panic. Past it the instance moves to the component as built for good (a replay that long
    /// would take long too). `0`: instances run the component as built from the start.
    pub max_replay_bytes: usize,
}

impl Default for Limits {
    /// Generous for real macros (the largest real expansions are far below), finite for others.
    fn default() -> Self {
        Limits {
            deadline: Some(Duration::from_secs(60)),
            fuel: None,
            memory_bytes: 2 << 30,
            max_tokens: 4_000_000,
            max_text_bytes: 256 << 20,
            max_depth: 512,
            max_host_bytes: 256 << 20,
            max_replay_bytes: 64 << 20,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Derive,
    Attribute,
    Function,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Derive => "a derive macro",
            Kind::Attribute => "an attribute macro",
            Kind::Function => "a function-like macro",
        }
    }
}

/// One macro a component declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MacroDecl {
    pub kind: Kind,
    pub name: String,
    pub helpers: Vec<String>,
}

/// A compiled macro component, ready to instantiate.
pub struct MacroComponent {
    engine: Engine,
    /// The component as built, with its imports already resolved against the bridge and WASI
    /// (once): every instance without a fast variant, and every re-instantiation after a trap,
    /// starts from it. Loaded on first need when there is a fast variant.
    built: std::sync::OnceLock<Result<ProcMacroPre<HostState>, String>>,
    /// The same component without exception handlers (`crate::unwinding`), which instances
    /// start on when their sandbox allows a replay; `None` for a component without handlers
    /// and for fuel-metered loads (fuel would be counted differently).
    fast: Option<ProcMacroPre<HostState>>,
    /// What loading the component as built needs, kept while it is not loaded.
    source: Option<(Vec<u8>, Option<ComponentCache>)>,
    /// Whether the code counts fuel ([`MacroComponent::from_bytes_metered`]).
    metered: bool,
    /// The `wasmacro:bridge` version the component was built for.
    pub bridge_version: String,
    /// Whether the compiled code came from the on-disk cache (`None`: no cache location).
    pub cache_outcome: Option<CacheOutcome>,
    /// Advances the epoch that [`Limits::deadline`] is measured in; `None` when the code has no
    /// epoch checks ([`MacroComponent::from_bytes_without_deadline`]).
    ticker: Option<EpochTicker>,
}

impl MacroComponent {
    /// Loads a component whose expansions are bounded by [`Limits::deadline`] (not by fuel).
    /// Compiled code is cached at [`ComponentCache::default_location`].
    pub fn from_bytes(bytes: &[u8]) -> Result<MacroComponent, LoadError> {
        MacroComponent::load(bytes, false, true, ComponentCache::default_location().map(ComponentCache::new))
    }

    /// As [`MacroComponent::from_bytes`] with the given cache, or none (compile every time).
    pub fn from_bytes_with_cache(bytes: &[u8], cache: Option<&ComponentCache>) -> Result<MacroComponent, LoadError> {
        MacroComponent::load(bytes, false, true, cache.cloned())
    }

    /// As [`MacroComponent::from_bytes`], compiled without the checks a deadline needs, so the
    /// wasm runs about 10% faster; instances then take no [`Limits::deadline`]. For an embedder
    /// that asks for no deadline anyway (a shim generated with `--deadline-secs 0`): a macro
    /// that loops then loops for good.
    pub fn from_bytes_without_deadline(bytes: &[u8]) -> Result<MacroComponent, LoadError> {
        MacroComponent::load(bytes, false, false, ComponentCache::default_location().map(ComponentCache::new))
    }

    /// As [`MacroComponent::from_bytes`], with fuel metering compiled in so that
    /// [`Limits::fuel`] can bound expansions deterministically; the wasm runs slower.
    pub fn from_bytes_metered(bytes: &[u8]) -> Result<MacroComponent, LoadError> {
        MacroComponent::load(bytes, true, true, ComponentCache::default_location().map(ComponentCache::new))
    }

    fn load(bytes: &[u8], metered: bool, deadlines: bool, cache: Option<ComponentCache>) -> Result<MacroComponent, LoadError> {
        let bridge_version = check_interface(bytes)?;
        let mut config = Config::new();
        config.wasm_component_model(true).wasm_exceptions(true).consume_fuel(metered).epoch_interruption(deadlines).coredump_on_trap(true);
        let engine = Engine::new(&config).map_err(anyhow::Error::from)?;
        let fast = match metered {
            true => None,
            false => load_fast(&engine, bytes, cache.as_ref()).map_err(|e| LoadError::Invalid(format!("{e:#}")))?,
        };
        let ticker = match deadlines {
            true => Some(EpochTicker::start(&engine).map_err(|e| anyhow::anyhow!("starting the deadline timer: {e}"))?),
            false => None,
        };
        let mut loaded = MacroComponent {
            engine,
            built: std::sync::OnceLock::new(),
            fast: None,
            source: None,
            metered,
            bridge_version,
            cache_outcome: None,
            ticker,
        };
        match fast {
            Some((component, outcome)) => {
                loaded.fast = Some(pre_instantiate(&loaded.engine, &component)?);
                loaded.cache_outcome = outcome;
                loaded.source = Some((bytes.to_vec(), cache));
            }
            None => {
                let (pre, outcome) = load_built(&loaded.engine, bytes, cache.as_ref())?;
                loaded.built = std::sync::OnceLock::from(Ok(pre));
                loaded.cache_outcome = outcome;
            }
        }
        Ok(loaded)
    }

    /// The component as built, loaded (compiled or from the cache) on first need.
    fn built(&self) -> Result<&ProcMacroPre<HostState>, ExpandError> {
        let loaded = self.built.get_or_init(|| match &self.source {
            Some((bytes, cache)) => load_built(&self.engine, bytes, cache.as_ref()).map(|(pre, _)| pre).map_err(|e| e.to_string()),
            None => Err("the component is not kept (a host bug)".into()),
        });
        loaded.as_ref().map_err(|e| ExpandError::Trap(format!("loading the component as built, to run a panicking expansion: {e}")))
    }

    /// Whether the code checks the epoch, which [`Limits::deadline`] needs (all but
    /// [`MacroComponent::from_bytes_without_deadline`]).
    fn has_deadline_checks(&self) -> bool {
        self.ticker.is_some()
    }

    pub fn from_file(path: &std::path::Path) -> Result<MacroComponent, LoadError> {
        MacroComponent::from_bytes(&read(path)?)
    }

    /// As [`MacroComponent::from_file`], with fuel metering ([`MacroComponent::from_bytes_metered`]).
    pub fn from_file_metered(path: &std::path::Path) -> Result<MacroComponent, LoadError> {
        MacroComponent::from_bytes_metered(&read(path)?)
    }

    /// An instance that serves its bridge calls with `backend`.
    pub fn instantiate(&self, backend: Box<dyn Backend>, sandbox: &Sandbox, limits: Limits) -> anyhow::Result<MacroInstance<'_>> {
        if limits.fuel.is_some() && !self.metered {
            anyhow::bail!("a fuel limit needs a component loaded with fuel metering (MacroComponent::from_bytes_metered)");
        }
        if limits.deadline.is_some() && !self.has_deadline_checks() {
            anyhow::bail!("a deadline needs a component loaded with deadline checks (not MacroComponent::from_bytes_without_deadline)");
        }
        let state = HostState::new(backend, sandbox.wasi(), MemoryLimit { max_bytes: limits.memory_bytes, refused: false }, &limits);
        let mut instance = MacroInstance {
            component: self,
            sandbox: sandbox.clone(),
            limits,
            live: None,
            state: Some(state),
            macros: Vec::new(),
            last_stats: ExpansionStats::default(),
            on_fast: false,
            built_only: false,
            history: Vec::new(),
            history_bytes: 0,
        };
        instance.ensure_live()?;
        instance.macros = instance.call_list_macros()?;
        Ok(instance)
    }
}

/// The component as built, compiled by Cranelift once per component and engine configuration
/// (later loads deserialize), and linked.
fn load_built(engine: &Engine, bytes: &[u8], cache: Option<&ComponentCache>) -> Result<(ProcMacroPre<HostState>, Option<CacheOutcome>), LoadError> {
    let (component, cache_outcome) = match cache {
        Some(cache) => cache.load(engine, bytes).map(|(c, outcome)| (c, Some(outcome))),
        None => Component::new(engine, bytes).map(|c| (c, None)).map_err(anyhow::Error::from),
    }
    .map_err(|e| LoadError::Invalid(format!("{e:#}")))?;
    Ok((pre_instantiate(engine, &component)?, cache_outcome))
}

/// The fast variant of the component (`crate::unwinding`), compiled or from the cache; `None`
/// when the component has no exception handlers to take out.
fn load_fast(engine: &Engine, bytes: &[u8], cache: Option<&ComponentCache>) -> anyhow::Result<Option<(Component, Option<CacheOutcome>)>> {
    const TAG: &str = "without-exception-handlers-1";
    // Checked before the cache key is hashed: a component without exceptions costs nothing more.
    if !crate::unwinding::has_exception_tags(bytes)? {
        return Ok(None);
    }
    let derive = || crate::unwinding::without_exception_handlers(bytes);
    Ok(match cache {
        Some(cache) => cache.load_derived(engine, bytes, TAG, derive)?.map(|(c, outcome)| (c, Some(outcome))),
        None => match derive()? {
            Some(fast) => Some((Component::new(engine, &fast)?, None)),
            None => None,
        },
    })
}

/// Links `component` against the bridge and WASI once, type-checking every import, so that
/// instantiating later only allocates and runs the component's start-up code. Unknown imports
/// are refused here, named, rather than at the first expansion.
fn pre_instantiate(engine: &Engine, component: &Component) -> Result<ProcMacroPre<HostState>, LoadError> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(anyhow::Error::from)?;
    ProcMacro::add_to_linker::<HostState, wasmtime::component::HasSelf<HostState>>(&mut linker, |s| s)
        .map_err(anyhow::Error::from)?;
    let pre = linker.instantiate_pre(component).map_err(|err| {
        let message = format!("{err:#}");
        let missing = component
            .component_type()
            .imports(engine)
            .map(|(name, _)| name.to_string())
            .find(|name| message.contains(&format!("`{name}`")));
        match missing {
            Some(name) => LoadError::UnsupportedImport(name),
            None => LoadError::Invalid(message),
        }
    })?;
    // Checks that the component exports `macros` with the functions and types we call.
    ProcMacroPre::new(pre).map_err(|e| LoadError::Invalid(format!("{e:#}")))
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, LoadError> {
    Ok(std::fs::read(path).map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?)
}

/// The interface version from the component's exports, checked against ours.
fn check_interface(bytes: &[u8]) -> Result<String, LoadError> {
    if !bytes.starts_with(b"\0asm") {
        return Err(LoadError::NotWasm);
    }
    // The header's version and layer: 1/0 is a core module, 0x0d/1 a component.
    match bytes.get(4..8) {
        Some([1, 0, 0, 0]) => return Err(LoadError::CoreModule),
        Some([0x0d, 0, 1, 0]) => {}
        Some(&[v0, v1, l0, l1]) => {
            return Err(LoadError::Invalid(format!(
                "unknown WebAssembly binary version {} (layer {}); components have version 13, layer 1",
                u16::from_le_bytes([v0, v1]),
                u16::from_le_bytes([l0, l1])
            )));
        }
        _ => return Err(LoadError::Invalid("the file ends inside the WebAssembly header".into())),
    }
    // Only the outer component's sections are read: nested modules and components (nearly all
    // of the bytes, on every load) are stepped over, and their exports are not the component's.
    let mut exports = Vec::new();
    let mut parser = wasmparser::Parser::new(0);
    let mut at = 0;
    loop {
        let payload = match parser.parse(&bytes[at..], true).map_err(|e| LoadError::Invalid(e.to_string()))? {
            wasmparser::Chunk::Parsed { consumed, payload } => {
                at += consumed;
                payload
            }
            // With the whole file given (`eof`), the parser errs instead of asking for more.
            wasmparser::Chunk::NeedMoreData(_) => return Err(LoadError::Invalid("the file ends inside a section".into())),
        };
        match payload {
            wasmparser::Payload::ComponentExportSection(reader) => {
                for export in reader {
                    exports.push(export.map_err(|e| LoadError::Invalid(e.to_string()))?.name.0.to_string());
                }
            }
            wasmparser::Payload::ModuleSection { unchecked_range: nested, .. }
            | wasmparser::Payload::ComponentSection { unchecked_range: nested, .. } => {
                if nested.end > bytes.len() {
                    return Err(LoadError::Invalid("unexpected end-of-file: a nested module or component runs past the end of the file".into()));
                }
                at = nested.end;
            }
            wasmparser::Payload::End(_) => break,
            _ => {}
        }
    }
    let ours = format!("{BRIDGE_PACKAGE}/macros@");
    match exports.iter().find_map(|e| e.strip_prefix(&ours)) {
        Some(v) if v == BRIDGE_VERSION => Ok(v.to_string()),
        Some(v) => Err(LoadError::VersionMismatch { found: v.to_string(), expected: BRIDGE_VERSION.to_string() }),
        None => Err(LoadError::NotAMacroComponent {
            exports: if exports.is_empty() { "nothing".into() } else { exports.join(", ") },
        }),
    }
}

/// An instantiated macro component with its backend. A trap (panic, limit, fault) discards the
/// wasm instance; the next expansion starts a fresh one with the same backend.
pub struct MacroInstance<'c> {
    component: &'c MacroComponent,
    sandbox: Sandbox,
    limits: Limits,
    live: Option<(Store<HostState>, ProcMacro)>,
    /// The store data while no instance is live.
    state: Option<HostState>,
    macros: Vec<MacroDecl>,
    last_stats: ExpansionStats,
    /// Whether the live instance is the component's fast variant.
    on_fast: bool,
    /// Set once an expansion needed the component as built: the instance stays on it.
    built_only: bool,
    /// The expansions the live fast instance served, to replay on the component as built.
    history: Vec<Recorded>,
    history_bytes: usize,
}

impl MacroInstance<'_> {
    pub fn macros(&self) -> &[MacroDecl] {
        &self.macros
    }

    /// What crossed the bridge during the last call of [`MacroInstance::expand`] that reached
    /// the guest (one that ended in a panic or trap included): host calls per bridge function,
    /// tokens and text in each direction.
    pub fn last_expansion_stats(&self) -> &ExpansionStats {
        &self.last_stats
    }

    /// Whether expansions currently run on the component's fast variant: the same code without
    /// exception handlers, which instances start on unless their [`Sandbox`] grants real
    /// clocks, randomness or the console, or fuel is metered. The first expansion that traps
    /// there (a panic that would unwind) moves the instance to the component as built for good,
    /// after replaying the earlier expansions on it so that its `static` state is the same.
    pub fn runs_fast_variant(&self) -> bool {
        self.on_fast && self.live.is_some()
    }

    pub fn backend_mut(&mut self) -> &mut dyn Backend {
        match (&mut self.live, &mut self.state) {
            (Some((store, _)), _) => store.data_mut().backend.as_mut(),
            (None, Some(state)) => state.backend.as_mut(),
            (None, None) => unreachable!("an instance always holds its state somewhere"),
        }
    }

    /// Lends the instance another backend and returns the one it held: for embedders whose
    /// compiler side lives for one expansion only (the shim's compiler objects).
    pub fn replace_backend(&mut self, backend: Box<dyn Backend>) -> Box<dyn Backend> {
        match (&mut self.live, &mut self.state) {
            (Some((store, _)), _) => std::mem::replace(&mut store.data_mut().backend, backend),
            (None, Some(state)) => std::mem::replace(&mut state.backend, backend),
            (None, None) => unreachable!("an instance always holds its state somewhere"),
        }
    }

    /// The backend as its concrete type (to read what it collected: diagnostics, tracked paths).
    pub fn backend<B: Backend>(&mut self) -> Option<&mut B> {
        let backend: &mut dyn std::any::Any = self.backend_mut();
        backend.downcast_mut::<B>()
    }

    /// Arms the store for one call into the guest: fuel and deadline start afresh.
    fn arm(store: &mut Store<HostState>, limits: &Limits, component: &MacroComponent) -> anyhow::Result<()> {
        if component.metered {
            store.set_fuel(limits.fuel.unwrap_or(u64::MAX))?;
        }
        if let Some(ticker) = &component.ticker {
            ticker.arm(store, limits.deadline);
        }
        Ok(())
    }

    fn ensure_live(&mut self) -> anyhow::Result<()> {
        if self.live.is_some() {
            return Ok(());
        }
        let mut state = self.state.take().expect("state is parked while no instance is live");
        state.wasi = self.sandbox.wasi();
        state.table = ResourceTable::new();
        state.limits.refused = false;
        let mut store = Store::new(&self.component.engine, state);
        store.limiter(|s| &mut s.limits);
        if self.component.has_deadline_checks() {
            store.epoch_deadline_trap();
        }
        if let Err(err) = Self::arm(&mut store, &self.limits, self.component) {
            self.state = Some(store.into_data());
            return Err(err);
        }
        // The fast variant only where a replay would go as the first run did, and has room.
        let replay_possible = self.sandbox.allows_replay() && self.limits.max_replay_bytes > 0;
        let fast = self.component.fast.as_ref().filter(|_| !self.built_only && replay_possible);
        let pre = match fast {
            Some(fast) => fast,
            None => match self.component.built() {
                Ok(built) => built,
                Err(error) => {
                    self.state = Some(store.into_data());
                    return Err(error.into());
                }
            },
        };
        match pre.instantiate(&mut store) {
            Ok(bindings) => {
                self.live = Some((store, bindings));
                self.on_fast = fast.is_some();
                self.history.clear();
                self.history_bytes = 0;
                Ok(())
            }
            Err(err) => {
                let error = classify_trap(&err, &mut store, &self.limits);
                self.state = Some(store.into_data());
                Err(anyhow::Error::from(error).context("instantiating the macro component"))
            }
        }
    }

    fn call_list_macros(&mut self) -> anyhow::Result<Vec<MacroDecl>> {
        let (store, bindings) = self.live.as_mut().unwrap();
        Self::arm(store, &self.limits, self.component)?;
        let decls = match bindings.wasmacro_bridge_macros().call_list_macros(&mut *store) {
            Ok(decls) => decls,
            Err(err) => {
                let (mut store, _) = self.live.take().unwrap();
                let error = classify_trap(&err, &mut store, &self.limits);
                self.state = Some(store.into_data());
                return Err(anyhow::Error::from(error).context("listing the component's macros"));
            }
        };
        Ok(decls
            .into_iter()
            .map(|d| MacroDecl {
                kind: match d.kind {
                    MacroKind::Derive => Kind::Derive,
                    MacroKind::Attribute => Kind::Attribute,
                    MacroKind::Function => Kind::Function,
                },
                name: d.name,
                helpers: d.helpers,
            })
            .collect())
    }

    /// Expands the macro `name` of kind `kind`. `attribute_input` is the attribute's arguments
    /// (attribute macros only).
    pub fn expand(
        &mut self,
        kind: Kind,
        name: &str,
        input: FlatStream,
        attribute_input: Option<FlatStream>,
        spans: ExpansionSpans,
    ) -> Result<FlatStream, ExpandError> {
        let output = self.expand_packed(kind, name, input, attribute_input, spans)?;
        output.tokens().ok_or_else(|| ExpandError::Fault("the macro's output passed the host's checks but could not be read (a host bug)".into()))
    }

    /// [`MacroInstance::expand`], with the output as the guest packed it (checked just the
    /// same). A compiler's shim takes this form as it is, saving the host a token list.
    pub fn expand_packed(
        &mut self,
        kind: Kind,
        name: &str,
        input: FlatStream,
        attribute_input: Option<FlatStream>,
        spans: ExpansionSpans,
    ) -> Result<PackedOutput, ExpandError> {
        let index = match self.macros.iter().position(|m| m.name == name && m.kind == kind) {
            Some(index) => index,
            None => {
                return Err(match self.macros.iter().find(|m| m.name == name) {
                    Some(other) => ExpandError::WrongKind { name: name.into(), actual: other.kind.describe(), requested: kind.describe() },
                    None => ExpandError::NoSuchMacro(name.into()),
                });
            }
        };
        self.ensure_live().map_err(|e| match e.downcast::<ExpandError>() {
            Ok(error) => error,
            Err(e) => ExpandError::Trap(format!("{e:#}")),
        })?;
        let (store, bindings) = self.live.as_mut().unwrap();
        Self::arm(store, &self.limits, self.component).map_err(|e| ExpandError::Trap(e.to_string()))?;
        let request = ExpandRequest {
            index: index as u32,
            input: packed::encode(&input).map_err(fault_error)?,
            attribute_input: attribute_input.as_deref().map(packed::encode).transpose().map_err(fault_error)?,
            spans: WitSpans { call_site: spans.call_site, def_site: spans.def_site, mixed_site: spans.mixed_site },
        };
        let inputs: Vec<&[Token]> = std::iter::once(&input[..]).chain(attribute_input.as_deref()).collect();
        let call_site = [spans.call_site, spans.def_site, spans.mixed_site];
        store.data_mut().begin_expansion(call_site, &inputs);
        let on_fast = self.on_fast;
        if on_fast {
            Recorder::wrap(&mut store.data_mut().backend);
        }
        let call = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| bindings.wasmacro_bridge_macros().call_expand(&mut *store, &request)));
        let answers = on_fast.then(|| Recorder::unwrap(&mut store.data_mut().backend));
        let call = match call {
            Ok(call) => call,
            // The backend panicked (a shim resumes its compiler side's panics here). The guest's
            // frames were dropped without running its code, so its state may be half-changed,
            // as after a trap: the next expansion gets a fresh instance.
            Err(panic) => {
                let (store, _) = self.live.take().unwrap();
                self.park_after_expansion(store);
                std::panic::resume_unwind(panic);
            }
        };
        // A trap of the fast variant that the component as built may answer otherwise (a panic
        // that it would unwind and maybe catch): redo the expansion there.
        if let (Err(err), Some(_)) = (&call, &answers)
            && !ends_every_build(err, store)
        {
            let (store, _) = self.live.take().unwrap();
            self.park_after_expansion(store);
            self.move_to_built()?;
            return self.expand_packed(kind, name, input, attribute_input, spans);
        }
        if let (Ok(returned), Some(answers)) = (&call, answers) {
            let recorded = Recorded { request, call_site, answers, succeeded: returned.is_ok() };
            self.history_bytes += recorded.size();
            self.history.push(recorded);
        }
        let result = match call {
            // The guest returned: its instance stays usable even when its output is refused.
            Ok(Ok(output)) => store.data_mut().check_output(output).map_err(fault_error),
            Ok(Err(macros::ExpandError::Panicked(message))) => Err(ExpandError::Panicked(message)),
            Ok(Err(macros::ExpandError::NoSuchMacro(_))) => Err(ExpandError::NoSuchMacro(name.into())),
            Ok(Err(macros::ExpandError::WrongArguments(why))) => Err(ExpandError::Fault(why)),
            Err(err) => {
                let (mut store, _) = self.live.take().unwrap();
                let error = classify_trap(&err, &mut store, &self.limits);
                self.park_after_expansion(store);
                return Err(error);
            }
        };
        store.data_mut().end_expansion();
        self.last_stats = std::mem::take(&mut store.data_mut().stats);
        if self.history_bytes > self.limits.max_replay_bytes {
            // This expansion's result stands either way; should the replay fail (it would be a
            // host bug), the next expansion starts a fresh instance of the component as built.
            let _ = self.move_to_built();
        }
        result
    }

    /// Ends the expansion of an instance that is being discarded (after a trap or a panic of
    /// the backend) and keeps its host state for the next instance.
    fn park_after_expansion(&mut self, store: Store<HostState>) {
        let mut state = store.into_data();
        state.end_expansion();
        self.last_stats = std::mem::take(&mut state.stats);
        self.state = Some(state);
    }
}

fn fault_error(fault: GuestFault) -> ExpandError {
    match fault {
        GuestFault::Limit(message) => ExpandError::LimitExceeded(message),
        other => ExpandError::Fault(other.to_string()),
    }
}

fn classify_trap(err: &wasmtime::Error, store: &mut Store<HostState>, limits: &Limits) -> ExpandError {
    let state = store.data();
    if let Some(message) = &state.panic {
        return ExpandError::Panicked(message.clone());
    }
    if let Some(fault) = err.downcast_ref::<GuestFault>() {
        return match fault {
            GuestFault::Limit(message) => ExpandError::LimitExceeded(message.clone()),
            other => ExpandError::Fault(other.to_string()),
        };
    }
    match err.downcast_ref::<Trap>() {
        Some(Trap::OutOfFuel) => return ExpandError::OutOfFuel(limits.fuel.unwrap_or(u64::MAX)),
        Some(Trap::Interrupt) => return ExpandError::DeadlineExceeded(limits.deadline.unwrap_or_default()),
        Some(Trap::StackOverflow) => {
            return ExpandError::StackOverflow("the wasm call stack is exhausted".into());
        }
        Some(Trap::MemoryOutOfBounds) if shadow_stack_overflowed(err, store) => {
            return ExpandError::StackOverflow("its shadow stack (in linear memory) overflowed".into());
        }
        _ => {}
    }
    if store.data().limits.refused {
        return ExpandError::OutOfMemory(limits.memory_bytes >> 20);
    }
    ExpandError::Trap(format!("{err:#}"))
}

/// Whether an out-of-bounds access came from the shadow stack running out. Rust's wasm targets
/// put the stack first in linear memory (`--stack-first`), growing down towards address 0, so
/// overflowing it moves the stack pointer global below zero (a wrapped `i32`) and the next
/// access lands out of bounds. The trap's core dump holds the globals at that moment; no other
/// mutable `i32` global of ours holds a small negative number.
fn shadow_stack_overflowed(err: &wasmtime::Error, store: &mut Store<HostState>) -> bool {
    let Some(dump) = err.downcast_ref::<WasmCoreDump>() else { return false };
    dump.globals().iter().any(|global| {
        global.ty(&*store).mutability() == Mutability::Var
            && matches!(global.get(&mut *store), Val::I32(value) if (-(16 << 20)..0).contains(&value))
    })
}
