//! The host as a shared library for generated shim crates (`cargo wasmacro shim`).
//!
//! A shim is a proc-macro crate compiled in the consumer's project; it loads this library at
//! run time and calls the exports below (declared in `wasmacro_backend::remote::exports`). Each
//! shim opens its component once per compiler process; one instance then serves every
//! expansion, so `static` state in the macro behaves as in a native proc-macro library.
//! The compiler side of each expansion is the shim's backend, reached by callbacks
//! (`RemoteBackend`).
//!
//! Nothing unwinds out of an export: a panic (of the host, or of the shim's backend resumed
//! here) becomes an error status.

use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Mutex, TryLockError};
use std::time::Duration;

use wasmacro_host::remote::{self, ANSWER_KEPT_MAX, ExpandRequest, exports, ExpandStatus, MacroKind, OpenRequest, RemoteBackend, Serve, Sink};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{Backend, ExpandError, Kind, Limits, MacroComponent, MacroInstance, PackedOutput, Sandbox, wire};

/// One shim's component and its instance in this process.
struct Opened {
    crate_name: String,
    component: &'static MacroComponent,
    sandbox: Sandbox,
    limits: Limits,
    /// The instance every expansion uses; a nested expansion (through `expand_expr`) that finds
    /// it busy gets an instance of its own.
    instance: Mutex<MacroInstance<'static>>,
    /// The buffer an output is written into for the shim, kept across expansions: a fresh one
    /// of an output's size page-faults on every expansion. A nested expansion finds it busy and
    /// uses a buffer of its own.
    answer: Mutex<Vec<u8>>,
}

// The exports have the types the shim's runtime calls them with.
const _: (exports::WireVersionFn, exports::OpenFn, exports::ExpandFn) = (wasmacro_host_wire_version, wasmacro_host_open, wasmacro_host_expand);

#[unsafe(no_mangle)]
pub extern "C" fn wasmacro_host_wire_version() -> u64 {
    wire::WIRE_VERSION
}

/// # Safety
/// See `wasmacro_backend::remote::exports::OpenFn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wasmacro_host_open(
    request: *const u8,
    request_len: usize,
    component: *const u8,
    component_len: usize,
    sink: Sink,
    sink_ctx: *mut c_void,
) -> *const c_void {
    // SAFETY: the caller passes readable byte ranges.
    let (request, component) = unsafe { (std::slice::from_raw_parts(request, request_len), std::slice::from_raw_parts(component, component_len)) };
    let opened = catch_unwind(|| open(request, component)).unwrap_or_else(|panic| Err(format!("the wasmacro host panicked: {}", panic_message(&*panic))));
    match opened {
        // Shims live as long as the compiler process; so does what they opened.
        Ok(opened) => Box::leak(opened) as *const Opened as *const c_void,
        Err(message) => {
            // SAFETY: the caller's sink; `message` is alive across the call.
            unsafe { sink(sink_ctx, message.as_ptr(), message.len()) };
            std::ptr::null()
        }
    }
}

/// # Safety
/// See `wasmacro_backend::remote::exports::ExpandFn`; `handle` comes from `wasmacro_host_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wasmacro_host_expand(
    handle: *const c_void,
    request: *const u8,
    request_len: usize,
    serve: Serve,
    serve_ctx: *mut c_void,
    sink: Sink,
    sink_ctx: *mut c_void,
) -> u32 {
    // SAFETY: as the caller promises.
    let (opened, request) = unsafe { (&*(handle as *const Opened), std::slice::from_raw_parts(request, request_len)) };
    // SAFETY: the shim's backend stays callable during this call, which is all it is used for.
    let backend = unsafe { RemoteBackend::new(serve, serve_ctx) };
    let mut kept = opened.answer.try_lock().ok();
    let mut own = Vec::new();
    let answer: &mut Vec<u8> = kept.as_deref_mut().unwrap_or(&mut own);
    let result = catch_unwind(AssertUnwindSafe(|| opened.expand(request, backend, answer)));
    let (status, message) = match result {
        Ok(Ok(Ok(()))) => (ExpandStatus::Expanded, None),
        Ok(Ok(Err(ExpandError::Panicked(message)))) => (ExpandStatus::Panicked, Some(wire::encode(&message))),
        Ok(Ok(Err(error))) => (ExpandStatus::Failed, Some(wire::encode(&format!("the macro component of `{}` failed: {error}", opened.crate_name)))),
        Ok(Err(message)) => (ExpandStatus::Failed, Some(wire::encode(&message))),
        // The shim's backend panicked (resumed by `RemoteBackend`): the shim panics with it.
        Err(panic) => (ExpandStatus::Panicked, Some(wire::encode(&Some(panic_message(&*panic))))),
    };
    let payload: &[u8] = message.as_deref().unwrap_or(answer);
    // SAFETY: the caller's sink; `payload` is alive across the call.
    unsafe { sink(sink_ctx, payload.as_ptr(), payload.len()) };
    if answer.capacity() > ANSWER_KEPT_MAX {
        *answer = Vec::new();
    }
    status as u32
}

fn open(request: &[u8], component: &[u8]) -> Result<Box<Opened>, String> {
    let request: OpenRequest = wire::decode(request).map_err(|e| e.to_string())?;
    let crate_name = request.crate_name.clone();
    // Without a deadline, the wasm needs no epoch checks and runs about 10% faster.
    let load = if request.deadline_secs > 0 { MacroComponent::from_bytes } else { MacroComponent::from_bytes_without_deadline };
    let component = load(component).map_err(|e| format!("cannot load the macro component of `{crate_name}`: {e}"))?;
    let sandbox = sandbox(&request);
    let limits = Limits { deadline: (request.deadline_secs > 0).then(|| Duration::from_secs(request.deadline_secs)), ..Limits::default() };
    // The instance borrows the component, which lives as long as the process (leaked below).
    let component: &'static MacroComponent = Box::leak(Box::new(component));
    let instance = component
        .instantiate(parked_backend(), &sandbox, limits.clone())
        .map_err(|e| format!("cannot start the macro component of `{crate_name}`: {e:#}"))?;
    Ok(Box::new(Opened { crate_name, component, sandbox, limits, instance: Mutex::new(instance), answer: Mutex::new(Vec::new()) }))
}

impl Opened {
    /// Writes the expansion's output into `answer` in the shim's byte form, with the plan of what
    /// the compiler lexes (planned here, because this library is optimized and the shim usually
    /// is not); `Err` when no instance could be started for it.
    fn expand(&self, request: &[u8], backend: RemoteBackend, answer: &mut Vec<u8>) -> Result<Result<(), ExpandError>, String> {
        let request: ExpandRequest = match wire::decode(request) {
            Ok(request) => request,
            Err(error) => panic!("{error}"),
        };
        let kind = match request.kind {
            MacroKind::Derive => Kind::Derive,
            MacroKind::Attribute => Kind::Attribute,
            MacroKind::Function => Kind::Function,
        };
        let runs_at = request.lex_runs.then_some(request.spans.call_site);
        let run = |instance: &mut MacroInstance<'static>| {
            // The instance holds the compiler's backend only during this expansion.
            let parked = instance.replace_backend(Box::new(backend));
            let result = instance.expand_packed(kind, &request.name, request.input, request.args, request.spans);
            instance.replace_backend(parked);
            result.map(|output: PackedOutput| output.to_payload_into(runs_at, answer))
        };
        match self.instance.try_lock() {
            Ok(mut instance) => Ok(run(&mut instance)),
            Err(TryLockError::Poisoned(poisoned)) => Ok(run(&mut poisoned.into_inner())),
            Err(TryLockError::WouldBlock) => {
                let mut nested = self
                    .component
                    .instantiate(parked_backend(), &self.sandbox, self.limits.clone())
                    .map_err(|e| format!("cannot start the macro component of `{}`: {e:#}", self.crate_name))?;
                Ok(run(&mut nested))
            }
        }
    }
}

fn sandbox(request: &OpenRequest) -> Sandbox {
    let mut sandbox = Sandbox { real_clocks: request.real_clock, real_randomness: request.real_random, ..Sandbox::default() };
    for name in &request.allow_env {
        if let Ok(value) = std::env::var(name) {
            sandbox.grant_env(name, &value);
        }
    }
    for dir in &request.allow_read {
        if let Some(dir) = expand_env(dir) {
            let _ = sandbox.grant_read_dir(std::path::Path::new(&dir));
        }
    }
    sandbox
}

/// What an instance holds between expansions: the compiler's objects are only valid during one.
fn parked_backend() -> Box<dyn Backend> {
    Box::new(StandaloneBackend::new("<between expansions>", ""))
}

/// `$NAME/rest` with the compiler's `NAME`; `None` when it is not set.
fn expand_env(path: &str) -> Option<String> {
    let Some(rest) = path.strip_prefix('$') else { return Some(path.to_string()) };
    let (name, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let value = std::env::var(name).ok()?;
    Some(if tail.is_empty() { value } else { format!("{value}/{tail}") })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    remote::panic_message(payload).unwrap_or_else(|| "a panic without a message".to_string())
}
