//! A [`Backend`] across a C interface: the host library (a `cdylib` with wasmtime, see the
//! `wasmacro-host-lib` crate) runs the component and calls back into the shim, whose backend
//! is the running rustc's `proc_macro`. The two are separate Rust builds (the shim is compiled
//! by the consumer's rustc, the library by `cargo wasmacro shim`), so nothing but C types and
//! bytes in the [`crate::wire`] form crosses, and each side frees only what it allocated: an
//! answer is handed over by calling the receiver's [`Sink`], which copies it.
//!
//! A panic never unwinds across the interface: [`serve`] catches the backend's panic and reports
//! it, and [`RemoteBackend`] resumes it on the host's side (the host library catches it again
//! at its entry point and reports it as the expansion's panic).

use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::backend::{Backend, Diagnostic, ExpansionSpans};
use crate::tokens::{FlatStream, Literal, SpanId, Token};
use crate::wire::{self, Reader, Wire, WireError};

/// Receives bytes: copies `len` bytes at `bytes` into what `ctx` points to.
pub type Sink = unsafe extern "C" fn(ctx: *mut c_void, bytes: *const u8, len: usize);

/// Serves one Backend call (`call`, in the wire form) and hands the answer to `sink`.
/// Returns [`SERVED`] or [`SERVE_PANICKED`] (the answer is then the panic message).
pub type Serve = unsafe extern "C" fn(ctx: *mut c_void, call: *const u8, len: usize, sink: Sink, sink_ctx: *mut c_void) -> u32;

pub const SERVED: u32 = 0;
pub const SERVE_PANICKED: u32 = 1;

/// The host library's exports (names and types).
pub mod exports {
    use super::{Serve, Sink};
    use std::ffi::c_void;

    /// `fn() -> u64`: the library's [`crate::wire::WIRE_VERSION`].
    pub const WIRE_VERSION: &[u8] = b"wasmacro_host_wire_version\0";
    pub type WireVersionFn = unsafe extern "C" fn() -> u64;

    /// Loads a component for one shim: `request` is an [`super::OpenRequest`], `component` the
    /// component's bytes (copied). Returns a handle that lives as long as the process, or null
    /// with the error message given to `sink`.
    pub const OPEN: &[u8] = b"wasmacro_host_open\0";
    pub type OpenFn = unsafe extern "C" fn(
        request: *const u8,
        request_len: usize,
        component: *const u8,
        component_len: usize,
        sink: Sink,
        sink_ctx: *mut c_void,
    ) -> *const c_void;

    /// Runs one expansion (`request`: an [`super::ExpandRequest`]) with the shim's backend
    /// behind `serve`. Returns an [`super::ExpandStatus`] code; `sink` gets its payload.
    pub const EXPAND: &[u8] = b"wasmacro_host_expand\0";
    pub type ExpandFn = unsafe extern "C" fn(
        handle: *const c_void,
        request: *const u8,
        request_len: usize,
        serve: Serve,
        serve_ctx: *mut c_void,
        sink: Sink,
        sink_ctx: *mut c_void,
    ) -> u32;
}

/// What an expansion ended with; the payload `sink` received is given with each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum ExpandStatus {
    /// The output stream, in [`crate::packed::to_payload`]'s form.
    Expanded = 0,
    /// The macro panicked: its message (`Option<String>`), to be resumed as the shim's panic.
    Panicked = 1,
    /// The component failed otherwise (trap, limit, broken bridge rule): the message (`String`).
    Failed = 2,
}

impl ExpandStatus {
    pub fn from_code(code: u32) -> Option<ExpandStatus> {
        [ExpandStatus::Expanded, ExpandStatus::Panicked, ExpandStatus::Failed].into_iter().find(|s| *s as u32 == code)
    }
}

/// How a shim wants its component run, fixed when the shim was generated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenRequest {
    /// The macro crate's name, for messages.
    pub crate_name: String,
    /// Environment variables the macro may read, with their values in the compiler's environment.
    pub allow_env: Vec<String>,
    /// Directories the macro may read; an entry may start with `$NAME` (an environment variable).
    pub allow_read: Vec<String>,
    pub real_clock: bool,
    pub real_random: bool,
    /// Wall-clock limit of one expansion, in seconds (0: none).
    pub deadline_secs: u64,
}

impl Wire for OpenRequest {
    fn put(&self, out: &mut Vec<u8>) {
        self.crate_name.put(out);
        self.allow_env.put(out);
        self.allow_read.put(out);
        self.real_clock.put(out);
        self.real_random.put(out);
        self.deadline_secs.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(OpenRequest {
            crate_name: r.take()?,
            allow_env: r.take()?,
            allow_read: r.take()?,
            real_clock: r.take()?,
            real_random: r.take()?,
            deadline_secs: r.take()?,
        })
    }
}

/// Which kind of macro an expansion runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MacroKind {
    Derive,
    Attribute,
    Function,
}

crate::wire::wire_enum!(MacroKind { Derive, Attribute, Function });

/// One expansion a shim asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpandRequest {
    pub kind: MacroKind,
    pub name: String,
    pub input: FlatStream,
    /// An attribute's arguments.
    pub args: Option<FlatStream>,
    pub spans: ExpansionSpans,
    /// Whether the host library plans runs of the output for the shim to have the compiler lex
    /// from text ([`crate::lex_plan`]), or only its literals: a shim whose export loop runs
    /// unoptimized (cargo's default profile for proc macros, where the shim's `build.rs` could
    /// not compile the loop optimized on its own) builds tokens one by one slowly, and lexing
    /// saves it most of that; optimized code builds identifiers and puncts for less than the
    /// compiler's lexer takes to read them.
    pub lex_runs: bool,
}

impl Wire for ExpandRequest {
    fn put(&self, out: &mut Vec<u8>) {
        self.kind.put(out);
        self.name.put(out);
        self.input.put(out);
        self.args.put(out);
        self.spans.put(out);
        self.lex_runs.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(ExpandRequest { kind: r.take()?, name: r.take()?, input: r.take()?, args: r.take()?, spans: r.take()?, lex_runs: r.take()? })
    }
}

/// A [`Sink`] that appends to the `Vec<u8>` that `ctx` points to.
///
/// # Safety
/// `ctx` must point to a live `Vec<u8>`, and `bytes` to `len` readable bytes.
pub unsafe extern "C" fn vec_sink(ctx: *mut c_void, bytes: *const u8, len: usize) {
    // SAFETY: as the caller promises.
    unsafe {
        let out = &mut *(ctx as *mut Vec<u8>);
        out.extend_from_slice(std::slice::from_raw_parts(bytes, len));
    }
}

/// Calls `f` with a [`Sink`] that collects into a buffer, and returns `f`'s result with the
/// bytes the sink received.
pub fn collect<R>(f: impl FnOnce(Sink, *mut c_void) -> R) -> (R, Vec<u8>) {
    let mut bytes = Vec::new();
    let result = collect_into(&mut bytes, f);
    (result, bytes)
}

/// Above this capacity, a buffer for the host library's answers (its own and the shim's) is not
/// kept for the next expansion.
pub const ANSWER_KEPT_MAX: usize = 8 << 20;

/// As [`collect`], appending to `bytes` (a buffer kept across calls keeps its pages).
pub fn collect_into<R>(bytes: &mut Vec<u8>, f: impl FnOnce(Sink, *mut c_void) -> R) -> R {
    f(vec_sink, bytes as *mut Vec<u8> as *mut c_void)
}

/// Declares [`Op`] and [`OPS`] from one list, so that a code is its position.
macro_rules! ops {
    ($($op:ident),* $(,)?) => {
        /// One call of the Backend, by code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        enum Op {
            $($op),*
        }

        /// Every [`Op`], indexed by its code.
        const OPS: &[Op] = &[$(Op::$op),*];
    };
}

ops! {
    Parse,
    ParseLiteral,
    Print,
    PrintBounded,
    ExpandExpr,
    ValidateIdent,
    SpanDebug,
    SpanSourceText,
    SpanLine,
    SpanColumn,
    SpanFile,
    SpanLocalFile,
    SpanByteRange,
    SpanJoin,
    SpanSubspan,
    SpanResolvedAt,
    SpanParent,
    SpanSource,
    SpanStart,
    SpanEnd,
    SpanEq,
    SaveSpan,
    RecoverProcMacroSpan,
    SpanIsValid,
    EmitDiagnostic,
    TrackedEnvVar,
    TrackedPath,
}

/// Answers one call from the host library with `backend` and returns the answer's bytes.
/// `Err` is a panic of the backend, as its message.
pub fn serve(backend: &mut dyn Backend, call: &[u8]) -> Result<Vec<u8>, String> {
    catch_unwind(AssertUnwindSafe(|| answer(backend, call)))
        .map_err(|payload| panic_message(&*payload).unwrap_or_else(|| "the compiler backend panicked".to_string()))
}

/// The message of a panic, when its payload is a string (as `panic!` with a message makes it).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<String> {
    payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned())
}

fn answer(b: &mut dyn Backend, call: &[u8]) -> Vec<u8> {
    let mut r = Reader::new(call);
    let result = (|| -> Result<Vec<u8>, WireError> {
        let code = u8::take(&mut r)?;
        let op = *OPS.get(code as usize).ok_or_else(|| WireError(format!("backend call {code}")))?;
        let span = |r: &mut Reader<'_>| r.take::<SpanId>();
        let out = match op {
            Op::Parse => wire::encode(&b.parse(&r.take::<String>()?)),
            Op::ParseLiteral => wire::encode(&b.parse_literal(&r.take::<String>()?)),
            Op::Print => wire::encode(&b.print(&r.take::<Vec<Token>>()?)),
            Op::PrintBounded => {
                let stream: Vec<Token> = r.take()?;
                wire::encode(&b.print_bounded(&stream, r.take()?))
            }
            Op::ExpandExpr => wire::encode(&b.expand_expr(r.take()?)),
            Op::ValidateIdent => {
                let (name, is_raw): (String, bool) = r.take()?;
                wire::encode(&b.validate_ident(&name, is_raw, span(&mut r)?))
            }
            Op::SpanDebug => wire::encode(&b.span_debug(span(&mut r)?)),
            Op::SpanSourceText => wire::encode(&b.span_source_text(span(&mut r)?)),
            Op::SpanLine => wire::encode(&b.span_line(span(&mut r)?)),
            Op::SpanColumn => wire::encode(&b.span_column(span(&mut r)?)),
            Op::SpanFile => wire::encode(&b.span_file(span(&mut r)?)),
            Op::SpanLocalFile => wire::encode(&b.span_local_file(span(&mut r)?)),
            Op::SpanByteRange => wire::encode(&b.span_byte_range(span(&mut r)?)),
            Op::SpanJoin => wire::encode(&b.span_join(span(&mut r)?, span(&mut r)?)),
            Op::SpanSubspan => {
                let s = span(&mut r)?;
                let (start, end) = r.take()?;
                wire::encode(&b.span_subspan(s, start, end))
            }
            Op::SpanResolvedAt => wire::encode(&b.span_resolved_at(span(&mut r)?, span(&mut r)?)),
            Op::SpanParent => wire::encode(&b.span_parent(span(&mut r)?)),
            Op::SpanSource => wire::encode(&b.span_source(span(&mut r)?)),
            Op::SpanStart => wire::encode(&b.span_start(span(&mut r)?)),
            Op::SpanEnd => wire::encode(&b.span_end(span(&mut r)?)),
            Op::SpanEq => wire::encode(&b.span_eq(span(&mut r)?, span(&mut r)?)),
            Op::SaveSpan => wire::encode(&b.save_span(span(&mut r)?)),
            Op::RecoverProcMacroSpan => wire::encode(&b.recover_proc_macro_span(r.take()?)),
            Op::SpanIsValid => wire::encode(&b.span_is_valid(span(&mut r)?)),
            Op::EmitDiagnostic => wire::encode(&b.emit_diagnostic(r.take()?)),
            Op::TrackedEnvVar => wire::encode(&b.tracked_env_var(&r.take::<String>()?)),
            Op::TrackedPath => wire::encode(&b.tracked_path(&r.take::<String>()?)),
        };
        Ok(out)
    })();
    match result.and_then(|out| r.finish().map(|()| out)) {
        Ok(out) => out,
        Err(error) => panic!("{error}"),
    }
}

/// The shim's [`Serve`]: `ctx` points to a `&mut dyn Backend`.
///
/// # Safety
/// `ctx` must point to a live `&mut dyn Backend`, `call` to `len` readable bytes, and `sink`
/// with `sink_ctx` must be callable.
pub unsafe extern "C" fn serve_backend(ctx: *mut c_void, call: *const u8, len: usize, sink: Sink, sink_ctx: *mut c_void) -> u32 {
    // SAFETY: as the caller promises.
    let (backend, call) = unsafe { (&mut **(ctx as *mut &mut dyn Backend), std::slice::from_raw_parts(call, len)) };
    let (status, answer) = match serve(backend, call) {
        Ok(answer) => (SERVED, answer),
        Err(message) => (SERVE_PANICKED, message.into_bytes()),
    };
    // SAFETY: as the caller promises; `answer` is alive across the call.
    unsafe { sink(sink_ctx, answer.as_ptr(), answer.len()) };
    status
}

/// The host library's side: a [`Backend`] whose every call is served by the shim.
pub struct RemoteBackend {
    serve: Serve,
    ctx: *mut c_void,
}

// SAFETY: the backend is only used on the thread of the expansion that lent it (the compiler's
// thread that called into the host library), for the duration of that call.
unsafe impl Send for RemoteBackend {}

impl RemoteBackend {
    /// # Safety
    /// `serve` with `ctx` must stay callable for as long as this backend is used.
    pub unsafe fn new(serve: Serve, ctx: *mut c_void) -> RemoteBackend {
        RemoteBackend { serve, ctx }
    }

    fn call<R: Wire>(&self, op: Op, args: impl FnOnce(&mut Vec<u8>)) -> R {
        let mut message = vec![op as u8];
        args(&mut message);
        // SAFETY: `new`'s contract; `collect`'s sink and buffer are alive across the call.
        let (status, reply) = collect(|sink, sink_ctx| unsafe { (self.serve)(self.ctx, message.as_ptr(), message.len(), sink, sink_ctx) });
        if status == SERVE_PANICKED {
            // Unwinds through wasmtime to the host library's entry point, which reports it.
            std::panic::resume_unwind(Box::new(String::from_utf8_lossy(&reply).into_owned()));
        }
        match wire::decode(&reply) {
            Ok(value) => value,
            Err(error) => panic!("{error}"),
        }
    }
}

impl Backend for RemoteBackend {
    fn parse(&mut self, source: &str) -> Result<FlatStream, String> {
        self.call(Op::Parse, |w| source.put(w))
    }
    fn parse_literal(&mut self, source: &str) -> Result<Literal, String> {
        self.call(Op::ParseLiteral, |w| source.put(w))
    }
    fn print(&mut self, stream: &[Token]) -> String {
        self.call(Op::Print, |w| stream.put(w))
    }
    fn print_bounded(&mut self, stream: &[Token], max_bytes: usize) -> Option<String> {
        self.call(Op::PrintBounded, |w| {
            stream.put(w);
            max_bytes.put(w);
        })
    }
    fn expand_expr(&mut self, stream: FlatStream) -> Result<FlatStream, ()> {
        self.call(Op::ExpandExpr, |w| stream.put(w))
    }
    fn validate_ident(&mut self, name: &str, is_raw: bool, span: SpanId) -> Result<String, String> {
        self.call(Op::ValidateIdent, |w| {
            name.put(w);
            is_raw.put(w);
            span.put(w);
        })
    }
    fn span_debug(&mut self, span: SpanId) -> String {
        self.call(Op::SpanDebug, |w| span.put(w))
    }
    fn span_source_text(&mut self, span: SpanId) -> Option<String> {
        self.call(Op::SpanSourceText, |w| span.put(w))
    }
    fn span_line(&mut self, span: SpanId) -> u32 {
        self.call(Op::SpanLine, |w| span.put(w))
    }
    fn span_column(&mut self, span: SpanId) -> u32 {
        self.call(Op::SpanColumn, |w| span.put(w))
    }
    fn span_file(&mut self, span: SpanId) -> String {
        self.call(Op::SpanFile, |w| span.put(w))
    }
    fn span_local_file(&mut self, span: SpanId) -> Option<String> {
        self.call(Op::SpanLocalFile, |w| span.put(w))
    }
    fn span_byte_range(&mut self, span: SpanId) -> (u64, u64) {
        self.call(Op::SpanByteRange, |w| span.put(w))
    }
    fn span_join(&mut self, first: SpanId, second: SpanId) -> Option<SpanId> {
        self.call(Op::SpanJoin, |w| (first, second).put(w))
    }
    fn span_subspan(&mut self, span: SpanId, start: u64, end: u64) -> Option<SpanId> {
        self.call(Op::SpanSubspan, |w| {
            span.put(w);
            (start, end).put(w);
        })
    }
    fn span_resolved_at(&mut self, location: SpanId, resolution: SpanId) -> SpanId {
        self.call(Op::SpanResolvedAt, |w| (location, resolution).put(w))
    }
    fn span_parent(&mut self, span: SpanId) -> Option<SpanId> {
        self.call(Op::SpanParent, |w| span.put(w))
    }
    fn span_source(&mut self, span: SpanId) -> SpanId {
        self.call(Op::SpanSource, |w| span.put(w))
    }
    fn span_start(&mut self, span: SpanId) -> SpanId {
        self.call(Op::SpanStart, |w| span.put(w))
    }
    fn span_end(&mut self, span: SpanId) -> SpanId {
        self.call(Op::SpanEnd, |w| span.put(w))
    }
    fn span_eq(&mut self, first: SpanId, second: SpanId) -> bool {
        self.call(Op::SpanEq, |w| (first, second).put(w))
    }
    fn save_span(&mut self, span: SpanId) -> u64 {
        self.call(Op::SaveSpan, |w| span.put(w))
    }
    fn recover_proc_macro_span(&mut self, id: u64) -> SpanId {
        self.call(Op::RecoverProcMacroSpan, |w| id.put(w))
    }
    fn span_is_valid(&self, span: SpanId) -> bool {
        self.call(Op::SpanIsValid, |w| span.put(w))
    }
    fn emit_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.call(Op::EmitDiagnostic, |w| diagnostic.put(w))
    }
    fn tracked_env_var(&mut self, name: &str) -> Option<String> {
        self.call(Op::TrackedEnvVar, |w| name.put(w))
    }
    fn tracked_path(&mut self, path: &str) {
        self.call(Op::TrackedPath, |w| path.put(w))
    }
}

// The tests are in their own file, so that changing them does not change [`crate::wire::WIRE_VERSION`].
#[cfg(test)]
#[path = "remote_tests.rs"]
mod tests;
