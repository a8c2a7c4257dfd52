//! The runtime of a generated shim crate (`cargo wasmacro shim`): an ordinary proc-macro crate
//! whose macros hand their input to an embedded component, served by the running compiler.
//!
//! One rustc process loads the shim once: the component is loaded (from the compiled-code
//! cache after the first time, see [`crate::ComponentCache`]) on its first expansion, and one
//! instance serves every expansion after it, so `static` state in the macro behaves as in a
//! native proc-macro library.

use std::sync::{Mutex, OnceLock, TryLockError};
use std::time::Duration;

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

use super::CompilerBackend;
use crate::component::{Kind, Limits, MacroComponent, MacroInstance};
use crate::error::ExpandError;
use crate::sandbox::Sandbox;
use crate::standalone::StandaloneBackend;

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
}

struct Loaded {
    component: &'static MacroComponent,
    sandbox: Sandbox,
    limits: Limits,
    /// The instance every expansion uses; a nested expansion (through `expand_expr`) that finds
    /// it busy gets an instance of its own.
    instance: Mutex<MacroInstance<'static>>,
}

/// An embedded macro component and its one instance in this compiler process.
pub struct Shim {
    bytes: &'static [u8],
    config: ShimConfig,
    loaded: OnceLock<Result<Loaded, String>>,
}

impl Shim {
    pub const fn new(bytes: &'static [u8], config: ShimConfig) -> Shim {
        Shim { bytes, config, loaded: OnceLock::new() }
    }

    /// `#[derive(name)]` on `item`.
    pub fn derive(&'static self, name: &str, item: TokenStream) -> TokenStream {
        self.expand(Kind::Derive, name, item, None)
    }

    /// `#[name(args)]` on `item`.
    pub fn attribute(&'static self, name: &str, args: TokenStream, item: TokenStream) -> TokenStream {
        self.expand(Kind::Attribute, name, item, Some(args))
    }

    /// `name!(input)`.
    pub fn function(&'static self, name: &str, input: TokenStream) -> TokenStream {
        self.expand(Kind::Function, name, input, None)
    }

    fn load(&self) -> Result<Loaded, String> {
        let component = MacroComponent::from_bytes(self.bytes)
            .map_err(|e| format!("cannot load the macro component of `{}`: {e}", self.config.crate_name))?;
        let component: &'static MacroComponent = Box::leak(Box::new(component));
        let sandbox = self.sandbox();
        let limits = Limits {
            deadline: (self.config.deadline_secs > 0).then(|| Duration::from_secs(self.config.deadline_secs)),
            ..Limits::default()
        };
        let instance = component
            .instantiate(parked_backend(), &sandbox, limits.clone())
            .map_err(|e| format!("cannot start the macro component of `{}`: {e:#}", self.config.crate_name))?;
        Ok(Loaded { component, sandbox, limits, instance: Mutex::new(instance) })
    }

    fn sandbox(&self) -> Sandbox {
        let mut sandbox = Sandbox { real_clocks: self.config.real_clock, real_randomness: self.config.real_random, ..Sandbox::default() };
        for name in self.config.allow_env {
            if let Ok(value) = std::env::var(name) {
                sandbox.grant_env(name, &value);
            }
        }
        for dir in self.config.allow_read {
            if let Some(dir) = expand_env(dir) {
                let _ = sandbox.grant_read_dir(std::path::Path::new(&dir));
            }
        }
        sandbox
    }

    fn expand(&'static self, kind: Kind, name: &str, input: TokenStream, args: Option<TokenStream>) -> TokenStream {
        let loaded = match self.loaded.get_or_init(|| self.load()) {
            Ok(loaded) => loaded,
            Err(message) => return compile_error(message, Span::call_site()),
        };
        let mut backend = CompilerBackend::new(self.config.allow_env);
        let input = backend.import(input);
        let args = args.map(|a| backend.import(a));
        let spans = backend.expansion_spans();

        let (result, mut backend) = match loaded.instance.try_lock() {
            Ok(mut instance) => run(&mut *instance, backend, kind, name, input, args, spans),
            Err(TryLockError::Poisoned(poisoned)) => run(&mut *poisoned.into_inner(), backend, kind, name, input, args, spans),
            Err(TryLockError::WouldBlock) => match loaded.component.instantiate(parked_backend(), &loaded.sandbox, loaded.limits.clone()) {
                Ok(mut nested) => run(&mut nested, backend, kind, name, input, args, spans),
                Err(e) => return compile_error(&format!("cannot start the macro component of `{}`: {e:#}", self.config.crate_name), Span::call_site()),
            },
        };
        let call_site = Span::call_site();
        let output = match result {
            Ok(output) => output,
            // As a native macro's panic: rustc reports "proc macro panicked" with the message.
            Err(ExpandError::Panicked(message)) => {
                drop(backend);
                match message {
                    Some(message) => std::panic::resume_unwind(Box::new(message)),
                    None => std::panic::resume_unwind(Box::new(())),
                }
            }
            Err(error) => return compile_error(&format!("the macro component of `{}` failed: {error}", self.config.crate_name), call_site),
        };
        let mut stream = match backend.export(output) {
            Ok(stream) => stream,
            Err(message) => return compile_error(&format!("the macro component of `{}` failed: {message}", self.config.crate_name), call_site),
        };
        let errors = backend.take_pending_errors();
        if !errors.is_empty() {
            let errors: TokenStream = errors.iter().map(|(message, span)| compile_error(message, *span)).collect();
            // Several `compile_error!` calls after an expression would not parse.
            if kind == Kind::Function {
                return errors;
            }
            stream.extend(errors);
        }
        stream
    }
}

/// Lends `backend` to `instance` for one expansion and takes it back.
fn run(
    instance: &mut MacroInstance<'static>,
    backend: CompilerBackend,
    kind: Kind,
    name: &str,
    input: crate::tokens::FlatStream,
    args: Option<crate::tokens::FlatStream>,
    spans: crate::backend::ExpansionSpans,
) -> (Result<crate::tokens::FlatStream, ExpandError>, Box<CompilerBackend>) {
    let parked = instance.replace_backend(Box::new(backend));
    let result = instance.expand(kind, name, input, args, spans);
    let lent: Box<dyn std::any::Any> = instance.replace_backend(parked);
    let backend = lent.downcast::<CompilerBackend>().expect("the instance returns the backend it was lent");
    (result, backend)
}

/// What an instance holds between expansions: the compiler's objects are only valid during one.
fn parked_backend() -> Box<dyn crate::Backend> {
    Box::new(StandaloneBackend::new("<between expansions>", ""))
}

/// `$NAME/rest` with the compiler's `NAME`; `None` when it is not set.
fn expand_env(path: &str) -> Option<String> {
    let Some(rest) = path.strip_prefix('$') else { return Some(path.to_string()) };
    let (name, tail) = rest.split_once('/').map_or((rest, ""), |(n, t)| (n, t));
    let value = std::env::var(name).ok()?;
    Some(if tail.is_empty() { value } else { format!("{value}/{tail}") })
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
