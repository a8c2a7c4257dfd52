//! The compiler backend: serves a component's bridge from the `proc_macro` of the rustc that is
//! running the current macro expansion, so spans are the compiler's own (errors point into the
//! user's file) and diagnostics and tracking reach the compiler.
//!
//! It only works inside a proc macro (a [`crate::Shim`] expansion). Where the compiler offers the
//! unstable APIs (a nightly rustc, detected by `build.rs` as `cfg(wasmacro_nightly)`) they are
//! used: `Diagnostic`, `Span::join`/`byte_range`/`parent`/`source`, `def_site`, `expand_expr`,
//! tracked env vars and paths. On stable, error diagnostics become `compile_error!` at their
//! span and the span queries answer what proc-macro2 answers on stable (`join` is `None`).
//!
//! Printing, identifier checks and literal parsing use the standalone model, which follows
//! rustc (the printer needs token spacing that the public `proc_macro` API cannot express).

mod convert;
// The export loop: a crate of its own that `build.rs` compiled optimized, else a module here.
// rustdoc is not given the build script's search path, so documentation takes the module.
#[cfg(all(wasmacro_export_crate, not(doc)))]
extern crate wasmacro_shim_export as export;
#[cfg(any(not(wasmacro_export_crate), doc))]
mod export;

use proc_macro::Span;

use crate::backend::{Backend, Diagnostic, ExpansionSpans, Level};
use crate::standalone::StandaloneBackend;
use crate::tokens::{FlatStream, Literal, SpanId, Token};

/// One expansion's compiler side. Span ids index `spans`.
pub(crate) struct CompilerBackend {
    spans: Vec<Span>,
    expansion: ExpansionSpans,
    /// The standalone model, for what does not need the compiler (printing, identifier checks,
    /// literal forms). Its own span ids never leave this backend.
    model: StandaloneBackend,
    /// Environment variables the embedder lets the macro read through `tracked_env`.
    allowed_env: &'static [&'static str],
    /// Errors to emit as `compile_error!` after the output (stable compilers only).
    pending_errors: Vec<(String, SpanId)>,
    /// The groups of the macro's input as the compiler gave them: an output group that is one
    /// of them, unchanged, is passed back as the original, which keeps spacing and delimiter
    /// spans that the public API cannot rebuild.
    originals: convert::Originals,
    /// A span's `Debug` text while import reads where the span is (one buffer for the whole
    /// input, not a string per token).
    span_text: String,
}

// SAFETY: `proc_macro` handles are `!Send` because they are only valid on the thread that runs
// the expansion, during that expansion. A `CompilerBackend` is created by `Shim::expand`, serves
// the host library's callbacks during one `expand` call on the same thread, and is dropped
// before `Shim::expand` returns. (`Backend` asks for `Send` for the host's own backends, which an
// instance keeps between expansions.)
unsafe impl Send for CompilerBackend {}

impl CompilerBackend {
    pub(crate) fn new(allowed_env: &'static [&'static str]) -> Self {
        let mut backend = CompilerBackend {
            spans: Vec::new(),
            expansion: ExpansionSpans { call_site: 0, def_site: 0, mixed_site: 0 },
            model: StandaloneBackend::new("<compiler>", ""),
            allowed_env,
            pending_errors: Vec::new(),
            originals: convert::Originals::default(),
            span_text: String::new(),
        };
        let call_site = backend.add(Span::call_site());
        let def_site = backend.add(def_site());
        let mixed_site = backend.add(Span::mixed_site());
        backend.expansion = ExpansionSpans { call_site, def_site, mixed_site };
        backend
    }

    pub(crate) fn expansion_spans(&self) -> ExpansionSpans {
        self.expansion
    }

    fn add(&mut self, span: Span) -> SpanId {
        self.spans.push(span);
        (self.spans.len() - 1) as SpanId
    }

    fn get(&self, id: SpanId) -> Span {
        // The host hands the backend only ids it handed out; fall back rather than panic.
        match self.spans.get(id as usize) {
            Some(span) => *span,
            None => Span::call_site(),
        }
    }

    /// Replaces the model's span ids in `stream` (from `parse`) by `span`.
    fn respan(stream: &mut FlatStream, span: SpanId) {
        for token in stream {
            match token {
                Token::Group(g) => (g.open, g.close, g.entire) = (span, span, span),
                Token::Ident(i) => i.span = span,
                Token::Punct(p) => p.span = span,
                Token::Literal(l) => l.span = span,
            }
        }
    }

    /// The errors that stable compilers get as `compile_error!` invocations.
    pub(crate) fn take_pending_errors(&mut self) -> Vec<(String, Span)> {
        let errors = std::mem::take(&mut self.pending_errors);
        errors.into_iter().map(|(message, span)| (message, self.get(span))).collect()
    }
}

#[cfg(wasmacro_nightly)]
fn def_site() -> Span {
    Span::def_site()
}

#[cfg(not(wasmacro_nightly))]
fn def_site() -> Span {
    Span::call_site()
}

impl Backend for CompilerBackend {
    fn parse(&mut self, source: &str) -> Result<FlatStream, String> {
        let reported = self.model.diagnostics().len();
        let parsed = self.model.parse(source);
        if parsed.is_ok() && self.model.diagnostics().len() == reported {
            let mut stream = parsed.unwrap();
            // rustc gives every token of a parsed string the call site's span.
            Self::respan(&mut stream, self.expansion.call_site);
            return Ok(stream);
        }
        // Lexer errors or warnings: the compiler lexes again and reports them in its own words;
        // its answer is the one that counts.
        match source.parse::<proc_macro::TokenStream>() {
            Ok(stream) => Ok(self.import(stream)),
            Err(error) => Err(error.to_string()),
        }
    }

    fn parse_literal(&mut self, source: &str) -> Result<Literal, String> {
        let mut literal = self.model.parse_literal(source)?;
        literal.span = self.expansion.call_site;
        Ok(literal)
    }

    fn print(&mut self, stream: &[Token]) -> String {
        self.model.print(stream)
    }

    fn print_bounded(&mut self, stream: &[Token], max_bytes: usize) -> Option<String> {
        self.model.print_bounded(stream, max_bytes)
    }

    #[cfg(wasmacro_nightly)]
    fn expand_expr(&mut self, stream: FlatStream) -> Result<FlatStream, ()> {
        let (words, text) = wasmacro_backend::packed::encode(&stream).map_err(|_| ())?;
        // Small streams, built token by token (planning is the optimized host library's work).
        let plan = wasmacro_backend::lex_plan::LexPlan::default();
        let stream = self.export(wasmacro_backend::packed::PackedView::new(&words, &text), &plan).map_err(|_| ())?;
        match stream.expand_expr() {
            Ok(expanded) => Ok(self.import(expanded)),
            Err(_) => Err(()),
        }
    }

    #[cfg(not(wasmacro_nightly))]
    fn expand_expr(&mut self, stream: FlatStream) -> Result<FlatStream, ()> {
        self.model.expand_expr(stream)
    }

    fn validate_ident(&mut self, name: &str, is_raw: bool, span: SpanId) -> Result<String, String> {
        self.model.validate_ident(name, is_raw, span)
    }

    fn span_debug(&mut self, span: SpanId) -> String {
        format!("{:?}", self.get(span))
    }
    fn span_source_text(&mut self, span: SpanId) -> Option<String> {
        self.get(span).source_text()
    }
    fn span_line(&mut self, span: SpanId) -> u32 {
        self.get(span).line() as u32
    }
    fn span_column(&mut self, span: SpanId) -> u32 {
        self.get(span).column() as u32
    }
    fn span_file(&mut self, span: SpanId) -> String {
        self.get(span).file()
    }
    fn span_local_file(&mut self, span: SpanId) -> Option<String> {
        self.get(span).local_file().map(|p| p.to_string_lossy().into_owned())
    }
    #[cfg(wasmacro_nightly)]
    fn span_byte_range(&mut self, span: SpanId) -> (u64, u64) {
        let range = self.get(span).byte_range();
        (range.start as u64, range.end as u64)
    }
    #[cfg(not(wasmacro_nightly))]
    fn span_byte_range(&mut self, _span: SpanId) -> (u64, u64) {
        (0, 0)
    }
    #[cfg(wasmacro_nightly)]
    fn span_join(&mut self, first: SpanId, second: SpanId) -> Option<SpanId> {
        let joined = self.get(first).join(self.get(second))?;
        Some(self.add(joined))
    }
    #[cfg(not(wasmacro_nightly))]
    fn span_join(&mut self, _first: SpanId, _second: SpanId) -> Option<SpanId> {
        None
    }
    /// `Literal::subspan` needs the compiler's literal, which the bridge does not keep.
    fn span_subspan(&mut self, _span: SpanId, _start: u64, _end: u64) -> Option<SpanId> {
        None
    }
    fn span_resolved_at(&mut self, location: SpanId, resolution: SpanId) -> SpanId {
        let span = self.get(location).resolved_at(self.get(resolution));
        self.add(span)
    }
    #[cfg(wasmacro_nightly)]
    fn span_parent(&mut self, span: SpanId) -> Option<SpanId> {
        let parent = self.get(span).parent()?;
        Some(self.add(parent))
    }
    #[cfg(not(wasmacro_nightly))]
    fn span_parent(&mut self, _span: SpanId) -> Option<SpanId> {
        None
    }
    #[cfg(wasmacro_nightly)]
    fn span_source(&mut self, span: SpanId) -> SpanId {
        let source = self.get(span).source();
        self.add(source)
    }
    #[cfg(not(wasmacro_nightly))]
    fn span_source(&mut self, span: SpanId) -> SpanId {
        span
    }
    fn span_start(&mut self, span: SpanId) -> SpanId {
        let start = self.get(span).start();
        self.add(start)
    }
    fn span_end(&mut self, span: SpanId) -> SpanId {
        let end = self.get(span).end();
        self.add(end)
    }
    #[cfg(wasmacro_nightly)]
    fn span_eq(&mut self, first: SpanId, second: SpanId) -> bool {
        self.get(first).eq(&self.get(second))
    }
    #[cfg(not(wasmacro_nightly))]
    fn span_eq(&mut self, first: SpanId, second: SpanId) -> bool {
        first == second
    }
    /// `quote!`'s saved spans belong to the compilation of the macro crate, which ran for the
    /// wasm target; like the standalone model, answer with the def site when recovered.
    fn save_span(&mut self, span: SpanId) -> u64 {
        span as u64
    }
    fn recover_proc_macro_span(&mut self, _id: u64) -> SpanId {
        self.expansion.def_site
    }
    fn span_is_valid(&self, span: SpanId) -> bool {
        (span as usize) < self.spans.len()
    }

    #[cfg(wasmacro_nightly)]
    fn emit_diagnostic(&mut self, diagnostic: Diagnostic) {
        let level = |level: Level| match level {
            Level::Error => proc_macro::Level::Error,
            Level::Warning => proc_macro::Level::Warning,
            Level::Note => proc_macro::Level::Note,
            Level::Help => proc_macro::Level::Help,
        };
        let spans: Vec<Span> = diagnostic.spans.iter().map(|&s| self.get(s)).collect();
        let mut out = proc_macro::Diagnostic::spanned(spans, level(diagnostic.level), diagnostic.message);
        for child in diagnostic.children {
            let spans: Vec<Span> = child.spans.iter().map(|&s| self.get(s)).collect();
            out = match (child.level, spans.is_empty()) {
                (Level::Error, true) => out.error(child.message),
                (Level::Error, false) => out.span_error(spans, child.message),
                (Level::Warning, true) => out.warning(child.message),
                (Level::Warning, false) => out.span_warning(spans, child.message),
                (Level::Note, true) => out.note(child.message),
                (Level::Note, false) => out.span_note(spans, child.message),
                (Level::Help, true) => out.help(child.message),
                (Level::Help, false) => out.span_help(spans, child.message),
            };
        }
        out.emit();
    }

    /// Stable compilers have no diagnostics API for macros: errors become `compile_error!` at
    /// their first span (with the notes appended to the message); other levels cannot be shown.
    #[cfg(not(wasmacro_nightly))]
    fn emit_diagnostic(&mut self, diagnostic: Diagnostic) {
        if diagnostic.level != Level::Error {
            return;
        }
        let mut message = diagnostic.message;
        for child in &diagnostic.children {
            message.push_str(&format!("\n{}: {}", level_name(child.level), child.message));
        }
        let span = diagnostic.spans.first().copied().unwrap_or(self.expansion.call_site);
        self.pending_errors.push((message, span));
    }

    fn tracked_env_var(&mut self, name: &str) -> Option<String> {
        if !self.allowed_env.contains(&name) {
            return None;
        }
        #[cfg(wasmacro_nightly)]
        let value = proc_macro::tracked::env_var(name).ok();
        #[cfg(not(wasmacro_nightly))]
        let value = std::env::var(name).ok();
        value
    }

    #[cfg(wasmacro_nightly)]
    fn tracked_path(&mut self, path: &str) {
        proc_macro::tracked::path(path);
    }
    /// Stable compilers cannot track paths for macros.
    #[cfg(not(wasmacro_nightly))]
    fn tracked_path(&mut self, _path: &str) {}
}

#[cfg(not(wasmacro_nightly))]
fn level_name(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
        Level::Help => "help",
    }
}
