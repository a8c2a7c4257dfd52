//! Errors of the host. `GuestFault` is what traps an instance because the guest broke the
//! bridge's rules; `LoadError` and `ExpandError` are what embedders see.

use thiserror::Error;

/// A guest broke the bridge contract; the call traps with this error.
#[derive(Debug, Error)]
pub enum GuestFault {
    #[error("the macro passed span id {0}, which the host never handed out")]
    InvalidSpan(u32),
    /// An id the backend knows but did not give this macro during this expansion: kept from an
    /// earlier expansion, or guessed.
    #[error("the macro passed span id {0}, which the host did not hand out during this expansion (span ids are valid only during the expansion that produced them)")]
    StaleSpan(u32),
    #[error("the macro passed a malformed token stream: the group at entry {index} claims {len} entries that its stream does not have")]
    MalformedStream { index: usize, len: u32 },
    /// An entry of a packed `token-stream` that breaks its layout; `why` names the field.
    #[error("the macro passed a malformed token stream: entry {index} {why}")]
    MalformedEntry { index: usize, why: String },
    /// The guest hit one of the host's [`crate::Limits`]; the message names it.
    #[error("{0}")]
    Limit(String),
}

/// Why a file could not be loaded as a macro component.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("not a WebAssembly file (it does not start with `\\0asm`)")]
    NotWasm,
    #[error("this is a core WebAssembly module, not a component; build proc-macro crates with `cargo wasmacro build`")]
    CoreModule,
    #[error("the component does not export `wasmacro:bridge/macros`, so it is not a macro component (it exports: {exports})")]
    NotAMacroComponent { exports: String },
    #[error("the component was built for wasmacro:bridge@{found}, but this host serves @{expected}; rebuild it with a cargo-wasmacro of the same version as the host")]
    VersionMismatch { found: String, expected: String },
    #[error("the component imports `{0}`, which wasmacro does not provide: macros get the proc_macro bridge and a sandboxed WASI only")]
    UnsupportedImport(String),
    #[error("invalid component: {0}")]
    Invalid(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Why an expansion produced no tokens.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExpandError {
    /// The macro panicked; rustc reports this as "proc macro panicked" with the message.
    #[error("proc macro panicked{}", .0.as_ref().map(|m| format!("\n  = help: message: {m}")).unwrap_or_default())]
    Panicked(Option<String>),
    #[error("the component has no macro named `{0}`")]
    NoSuchMacro(String),
    #[error("the macro `{name}` is {actual}, not {requested}")]
    WrongKind { name: String, actual: &'static str, requested: &'static str },
    #[error("the macro ran out of fuel ({0} units): it may be looping forever; raise the limit if it is just slow")]
    OutOfFuel(u64),
    #[error("the macro ran out of memory (limit {0} MiB)")]
    OutOfMemory(usize),
    #[error("the macro ran past its deadline of {} s: it may be looping forever; raise the limit if it is just slow", .0.as_secs_f64())]
    DeadlineExceeded(std::time::Duration),
    /// Deep recursion; says which stack ran out.
    #[error("the macro overflowed its stack (recursion too deep?): {0}")]
    StackOverflow(String),
    /// The macro's output, or what it asked of the host, exceeded one of the [`crate::Limits`].
    #[error("the macro exceeded a limit: {0}")]
    LimitExceeded(String),
    #[error("the macro broke the bridge contract: {0}")]
    Fault(String),
    #[error("the macro trapped: {0}")]
    Trap(String),
}
