//! The compiler side of the bridge. An embedder (the standalone token model, a shim inside a
//! running rustc, a compiler running as wasm) implements [`Backend`]; the host serves every
//! bridge import of a macro component by delegating to it.
//!
//! Span ids are the backend's own: the host passes them through unchanged.

use crate::tokens::{FlatStream, Literal, SpanId};

/// Severity of a diagnostic (`proc_macro::Level`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
    Help,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubDiagnostic {
    pub level: Level,
    pub message: String,
    pub spans: Vec<SpanId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
    pub spans: Vec<SpanId>,
    pub children: Vec<SubDiagnostic>,
}

/// The three spans rustc gives one expansion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpansionSpans {
    pub call_site: SpanId,
    pub def_site: SpanId,
    pub mixed_site: SpanId,
}

/// What rustc's side of the proc_macro bridge answers. Methods mirror the WIT imports of
/// `wasmacro:bridge`; see `wit/bridge.wit` for the meaning of each.
pub trait Backend: Send + std::any::Any {
    // --- tokens ---
    /// `TokenStream::from_str`; `Err` is the compiler's message.
    fn parse(&mut self, source: &str) -> Result<FlatStream, String>;
    /// `Literal::from_str`.
    fn parse_literal(&mut self, source: &str) -> Result<Literal, String>;
    /// `TokenStream::to_string` with rustc's spacing.
    fn print(&mut self, stream: &[crate::tokens::Token]) -> String;
    /// As [`Backend::print`], but `None` once the text would exceed `max_bytes`. The host
    /// prints a macro's streams with this: a printer whose output can grow faster than its
    /// input (indentation of deep nesting) should stop early instead of printing first.
    fn print_bounded(&mut self, stream: &[crate::tokens::Token], max_bytes: usize) -> Option<String> {
        Some(self.print(stream)).filter(|text| text.len() <= max_bytes)
    }
    /// `TokenStream::expand_expr`.
    fn expand_expr(&mut self, stream: FlatStream) -> Result<FlatStream, ()>;
    /// Validate and NFC-normalize an identifier with non-ASCII characters; `Err` is the panic message.
    fn validate_ident(&mut self, name: &str, is_raw: bool, span: SpanId) -> Result<String, String>;

    // --- spans ---
    fn span_debug(&mut self, span: SpanId) -> String;
    fn span_source_text(&mut self, span: SpanId) -> Option<String>;
    fn span_line(&mut self, span: SpanId) -> u32;
    fn span_column(&mut self, span: SpanId) -> u32;
    fn span_file(&mut self, span: SpanId) -> String;
    fn span_local_file(&mut self, span: SpanId) -> Option<String>;
    fn span_byte_range(&mut self, span: SpanId) -> (u64, u64);
    fn span_join(&mut self, first: SpanId, second: SpanId) -> Option<SpanId>;
    fn span_subspan(&mut self, span: SpanId, start: u64, end: u64) -> Option<SpanId>;
    fn span_resolved_at(&mut self, location: SpanId, resolution: SpanId) -> SpanId;
    fn span_parent(&mut self, span: SpanId) -> Option<SpanId>;
    fn span_source(&mut self, span: SpanId) -> SpanId;
    fn span_start(&mut self, span: SpanId) -> SpanId;
    fn span_end(&mut self, span: SpanId) -> SpanId;
    fn span_eq(&mut self, first: SpanId, second: SpanId) -> bool;
    fn save_span(&mut self, span: SpanId) -> u64;
    fn recover_proc_macro_span(&mut self, id: u64) -> SpanId;
    /// Whether `span` is a valid id; the host turns invalid ids from a guest into a trap.
    fn span_is_valid(&self, span: SpanId) -> bool;

    // --- diagnostics and tracking ---
    fn emit_diagnostic(&mut self, diagnostic: Diagnostic);
    /// A granted environment variable (`tracked_env::var`); `None` when absent or not granted.
    fn tracked_env_var(&mut self, name: &str) -> Option<String>;
    fn tracked_path(&mut self, path: &str);
}
