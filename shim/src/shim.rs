//! [`Shim`]: what a generated shim crate's macros call. Each expansion turns the compiler's
//! tokens into the token model, has the host library run the component on them (serving its
//! bridge calls from [`CompilerBackend`]), and turns the output back.
//!
//! One rustc process loads the shim once: its component is opened in the host library (from the
//! compiled-code cache after the first time) on its first expansion, and one instance serves
//! every expansion after it, so `static` state in the macro behaves as in a native proc-macro
//! library.

use std::cell::Cell;
use std::ffi::c_void;
use std::sync::OnceLock;

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use wasmacro_backend::Backend;
use wasmacro_backend::host_library::HostLibrary;
use wasmacro_backend::remote::{ANSWER_KEPT_MAX, ExpandRequest, ExpandStatus, MacroKind, OpenRequest, collect, collect_into, serve_backend};
use wasmacro_backend::packed::{self, PackedView};
use wasmacro_backend::wire;

use crate::compiler::CompilerBackend;
use crate::host_library::host_library;

thread_local! {
    /// The buffer the host library's answer is collected into, kept across expansions: a fresh
    /// one of an output's size page-faults on every expansion, and the output is read from it
    /// in place.
    static ANSWER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// What a shim lets its macros reach, fixed when the shim is generated.
#[derive(Clone, Copy, Debug)]
pub struct ShimConfig {
    /// The macro crate's name, for messages.
    pub crate_name: &'static str,
    /// Environment variables the macro may read (`std::env::var` and `tracked_env`), with the
    /// values they have in the compiler's environment (cargo's `CARGO_PKG_*`, for example).
    pub allow_env: &'static [&'static str],
    /// Directories the macro may read. An entry may start with `$NAME`, an environment variable
    /// of the compiler (`$CARGO_MANIFEST_DIR/assets`); one that does not exist is skipped.
    pub allow_read: &'static [&'static str],
    /// Real clocks and randomness instead of frozen ones.
    pub real_clock: bool,
    pub real_random: bool,
    /// Wall-clock limit of one expansion, in seconds (0: none).
    pub deadline_secs: u64,
    /// The host library `cargo wasmacro shim` built for this shim (`$WASMACRO_HOST_LIBRARY`
    /// names another).
    pub host_library: &'static str,
}

/// The component as opened in the host library.
struct Opened {
    host: &'static HostLibrary,
    handle: *const c_void,
}

// SAFETY: the handle names state of the host library that lives as long as the process and
// guards its instance with a lock.
unsafe impl Send for Opened {}
unsafe impl Sync for Opened {}

/// An embedded macro component and its one instance in this compiler process.
pub struct Shim {
    bytes: &'static [u8],
    config: ShimConfig,
    opened: OnceLock<Result<Opened, String>>,
}

impl Shim {
    pub const fn new(bytes: &'static [u8], config: ShimConfig) -> Shim {
        Shim { bytes, config, opened: OnceLock::new() }
    }

    /// `#[derive(name)]` on `item`.
    pub fn derive(&'static self, name: &str, item: TokenStream) -> TokenStream {
        self.expand(MacroKind::Derive, name, item, None)
    }

    /// `#[name(args)]` on `item`.
    pub fn attribute(&'static self, name: &str, args: TokenStream, item: TokenStream) -> TokenStream {
        self.expand(MacroKind::Attribute, name, item, Some(args))
    }

    /// `name!(input)`.
    pub fn function(&'static self, name: &str, input: TokenStream) -> TokenStream {
        self.expand(MacroKind::Function, name, input, None)
    }

    fn open(&self) -> Result<Opened, String> {
        let host = host_library(self.config.host_library)?;
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        let request = wire::encode(&OpenRequest {
            crate_name: self.config.crate_name.to_string(),
            allow_env: strings(self.config.allow_env),
            allow_read: strings(self.config.allow_read),
            real_clock: self.config.real_clock,
            real_random: self.config.real_random,
            deadline_secs: self.config.deadline_secs,
        });
        // SAFETY: the byte ranges are alive across the call, and `collect`'s sink with them.
        let (handle, message) = collect(|sink, ctx| unsafe {
            (host.open)(request.as_ptr(), request.len(), self.bytes.as_ptr(), self.bytes.len(), sink, ctx)
        });
        if handle.is_null() {
            return Err(String::from_utf8_lossy(&message).into_owned());
        }
        Ok(Opened { host, handle })
    }

    fn expand(&'static self, kind: MacroKind, name: &str, input: TokenStream, args: Option<TokenStream>) -> TokenStream {
        let call_site = Span::call_site();
        let opened = match self.opened.get_or_init(|| self.open()) {
            Ok(opened) => opened,
            Err(message) => return compile_error(message, call_site),
        };
        let mut backend = CompilerBackend::new(self.config.allow_env);
        let request = ExpandRequest {
            kind,
            name: name.to_string(),
            input: backend.import(input),
            args: args.map(|a| backend.import(a)),
            spans: backend.expansion_spans(),
            lex_runs: cfg!(wasmacro_unoptimized),
        };
        let request = wire::encode(&request);
        // A nested expansion (the macro's `expand_expr` reaching this shim again) finds the kept
        // buffer taken and starts an empty one.
        let mut payload = ANSWER.take();
        payload.clear();
        let status = {
            let mut lent: &mut dyn Backend = &mut backend;
            let serve_ctx = &mut lent as *mut &mut dyn Backend as *mut c_void;
            // SAFETY: `request` and the lent backend are alive across the call, which is the
            // only time the host library uses them.
            collect_into(&mut payload, |sink, ctx| unsafe {
                (opened.host.expand)(opened.handle, request.as_ptr(), request.len(), serve_backend, serve_ctx, sink, ctx)
            })
        };
        let stream = self.finish(kind, status, &payload, backend, call_site);
        if payload.capacity() <= ANSWER_KEPT_MAX {
            ANSWER.set(payload);
        }
        stream
    }

    /// The compiler's stream for the host library's answer to an expansion.
    fn finish(&self, kind: MacroKind, status: u32, payload: &[u8], mut backend: CompilerBackend, call_site: Span) -> TokenStream {
        let output = match ExpandStatus::from_code(status) {
            Some(ExpandStatus::Expanded) => match packed::from_payload(payload) {
                Some(output) => output,
                None => panic!("the wasmacro host library sent an output that is not in the packed form"),
            },
            // As a native macro's panic: rustc reports "proc macro panicked" with the message.
            Some(ExpandStatus::Panicked) => {
                drop(backend);
                match decode::<Option<String>>(payload) {
                    Some(message) => std::panic::resume_unwind(Box::new(message)),
                    None => std::panic::resume_unwind(Box::new(())),
                }
            }
            Some(ExpandStatus::Failed) => return compile_error(&decode::<String>(payload), call_site),
            None => return compile_error(&format!("the wasmacro host library answered with status {status}"), call_site),
        };
        let mut stream = match backend.export(PackedView::new(&output.words, output.text), &output.plan) {
            Ok(stream) => stream,
            Err(message) => return compile_error(&format!("the macro component of `{}` failed: {message}", self.config.crate_name), call_site),
        };
        let errors = backend.take_pending_errors();
        if !errors.is_empty() {
            let errors: TokenStream = errors.iter().map(|(message, span)| compile_error(message, *span)).collect();
            // Several `compile_error!` calls after an expression would not parse.
            if kind == MacroKind::Function {
                return errors;
            }
            stream.extend(errors);
        }
        stream
    }
}

/// A payload of the host library, built from the same wire sources (checked when it was loaded).
fn decode<T: wire::Wire>(payload: &[u8]) -> T {
    match wire::decode(payload) {
        Ok(value) => value,
        Err(error) => panic!("{error}"),
    }
}

/// `::core::compile_error! { "message" }` at `span`.
fn compile_error(message: &str, span: Span) -> TokenStream {
    let punct = |ch, spacing| {
        let mut p = Punct::new(ch, spacing);
        p.set_span(span);
        TokenTree::Punct(p)
    };
    let mut literal = Literal::string(message);
    literal.set_span(span);
    let mut body = Group::new(Delimiter::Brace, TokenTree::Literal(literal).into());
    body.set_span(span);
    [
        punct(':', Spacing::Joint),
        punct(':', Spacing::Alone),
        TokenTree::Ident(Ident::new("core", span)),
        punct(':', Spacing::Joint),
        punct(':', Spacing::Alone),
        TokenTree::Ident(Ident::new("compile_error", span)),
        punct('!', Spacing::Alone),
        TokenTree::Group(body),
    ]
    .into_iter()
    .collect()
}
