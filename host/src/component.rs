//! Loading a macro component (with its interface version checked) and expanding with it.

use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Store, Trap};

use crate::backend::{Backend, ExpansionSpans};
use crate::bindings::macros::{self, ExpandRequest, ExpansionSpans as WitSpans, MacroKind};
use crate::bindings::{ProcMacro, BRIDGE_PACKAGE, BRIDGE_VERSION};
use crate::convert::{stream_from_wit, stream_to_wit};
use crate::error::{ExpandError, GuestFault, LoadError};
use crate::sandbox::Sandbox;
use crate::state::{HostState, MemoryLimit};
use crate::tokens::FlatStream;

/// Limits for one expansion.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wasmtime fuel per expansion (roughly one unit per wasm instruction).
    pub fuel: u64,
    /// Maximum linear memory of an instance, in bytes.
    pub memory_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { fuel: 20_000_000_000, memory_bytes: 2 << 30 }
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
    component: Component,
    linker: Linker<HostState>,
    /// The `wasmacro:bridge` version the component was built for.
    pub bridge_version: String,
}

impl MacroComponent {
    pub fn from_bytes(bytes: &[u8]) -> Result<MacroComponent, LoadError> {
        let bridge_version = check_interface(bytes)?;
        let mut config = Config::new();
        config.wasm_component_model(true).consume_fuel(true);
        let engine = Engine::new(&config).map_err(anyhow::Error::from)?;
        let component = Component::new(&engine, bytes).map_err(|e| LoadError::Invalid(format!("{e:#}")))?;
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(anyhow::Error::from)?;
        ProcMacro::add_to_linker::<HostState, wasmtime::component::HasSelf<HostState>>(&mut linker, |s| s)
            .map_err(anyhow::Error::from)?;
        // Refuse unknown imports now, naming them, rather than at the first expansion.
        if let Err(err) = linker.instantiate_pre(&component) {
            let message = format!("{err:#}");
            let missing = component
                .component_type()
                .imports(&engine)
                .map(|(name, _)| name.to_string())
                .find(|name| message.contains(&format!("`{name}`")));
            return Err(match missing {
                Some(name) => LoadError::UnsupportedImport(name),
                None => LoadError::Invalid(message),
            });
        }
        Ok(MacroComponent { engine, component, linker, bridge_version })
    }

    pub fn from_file(path: &std::path::Path) -> Result<MacroComponent, LoadError> {
        let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
        MacroComponent::from_bytes(&bytes)
    }

    /// An instance that serves its bridge calls with `backend`.
    pub fn instantiate(&self, backend: Box<dyn Backend>, sandbox: &Sandbox, limits: Limits) -> anyhow::Result<MacroInstance<'_>> {
        let state = HostState {
            backend,
            wasi: sandbox.wasi(),
            table: ResourceTable::new(),
            limits: MemoryLimit { max_bytes: limits.memory_bytes, refused: false },
            panic: None,
        };
        let mut instance = MacroInstance { component: self, sandbox: sandbox.clone(), limits, live: None, state: Some(state), macros: Vec::new() };
        instance.ensure_live()?;
        instance.macros = instance.call_list_macros()?;
        Ok(instance)
    }
}

/// The interface version from the component's exports, checked against ours.
fn check_interface(bytes: &[u8]) -> Result<String, LoadError> {
    if !bytes.starts_with(b"\0asm") {
        return Err(LoadError::NotWasm);
    }
    if !wasmparser::Parser::is_component(bytes) {
        return Err(LoadError::CoreModule);
    }
    let mut exports = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| LoadError::Invalid(e.to_string()))?;
        if let wasmparser::Payload::ComponentExportSection(reader) = payload {
            for export in reader {
                exports.push(export.map_err(|e| LoadError::Invalid(e.to_string()))?.name.0.to_string());
            }
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
}

impl MacroInstance<'_> {
    pub fn macros(&self) -> &[MacroDecl] {
        &self.macros
    }

    pub fn backend_mut(&mut self) -> &mut dyn Backend {
        match (&mut self.live, &mut self.state) {
            (Some((store, _)), _) => store.data_mut().backend.as_mut(),
            (None, Some(state)) => state.backend.as_mut(),
            (None, None) => unreachable!("an instance always holds its state somewhere"),
        }
    }

    /// The backend as its concrete type (to read what it collected: diagnostics, tracked paths).
    pub fn backend<B: Backend>(&mut self) -> Option<&mut B> {
        let backend: &mut dyn std::any::Any = self.backend_mut();
        backend.downcast_mut::<B>()
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
        store.set_fuel(self.limits.fuel)?;
        match ProcMacro::instantiate(&mut store, &self.component.component, &self.component.linker) {
            Ok(bindings) => {
                self.live = Some((store, bindings));
                Ok(())
            }
            Err(err) => {
                self.state = Some(store.into_data());
                Err(anyhow::Error::from(err).context("instantiating the macro component"))
            }
        }
    }

    fn call_list_macros(&mut self) -> anyhow::Result<Vec<MacroDecl>> {
        let (store, bindings) = self.live.as_mut().unwrap();
        let decls = bindings.wasmacro_bridge_macros().call_list_macros(&mut *store)?;
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
        let index = match self.macros.iter().position(|m| m.name == name && m.kind == kind) {
            Some(index) => index,
            None => {
                return Err(match self.macros.iter().find(|m| m.name == name) {
                    Some(other) => ExpandError::WrongKind { name: name.into(), actual: other.kind.describe(), requested: kind.describe() },
                    None => ExpandError::NoSuchMacro(name.into()),
                });
            }
        };
        self.ensure_live().map_err(|e| ExpandError::Trap(format!("{e:#}")))?;
        let (store, bindings) = self.live.as_mut().unwrap();
        store.set_fuel(self.limits.fuel).map_err(|e| ExpandError::Trap(e.to_string()))?;
        store.data_mut().panic = None;
        let request = ExpandRequest {
            index: index as u32,
            input: stream_to_wit(input),
            attribute_input: attribute_input.map(stream_to_wit),
            spans: WitSpans { call_site: spans.call_site, def_site: spans.def_site, mixed_site: spans.mixed_site },
        };
        match bindings.wasmacro_bridge_macros().call_expand(&mut *store, &request) {
            Ok(Ok(output)) => Ok(stream_from_wit(output)),
            Ok(Err(macros::ExpandError::Panicked(message))) => Err(ExpandError::Panicked(message)),
            Ok(Err(macros::ExpandError::NoSuchMacro(_))) => Err(ExpandError::NoSuchMacro(name.into())),
            Ok(Err(macros::ExpandError::WrongArguments(why))) => Err(ExpandError::Fault(why)),
            Err(err) => {
                let (store, _) = self.live.take().unwrap();
                let state = store.into_data();
                let error = classify_trap(&err, &state, &self.limits);
                self.state = Some(state);
                Err(error)
            }
        }
    }
}

fn classify_trap(err: &wasmtime::Error, state: &HostState, limits: &Limits) -> ExpandError {
    if let Some(message) = &state.panic {
        return ExpandError::Panicked(message.clone());
    }
    if let Some(fault) = err.downcast_ref::<GuestFault>() {
        return ExpandError::Fault(fault.to_string());
    }
    if err.downcast_ref::<Trap>() == Some(&Trap::OutOfFuel) {
        return ExpandError::OutOfFuel(limits.fuel);
    }
    if state.limits.refused {
        return ExpandError::OutOfMemory(limits.memory_bytes >> 20);
    }
    ExpandError::Trap(format!("{err:#}"))
}
