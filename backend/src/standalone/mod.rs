//! The standalone backend: a self-contained model of what rustc answers on the compiler side of
//! the proc_macro bridge, for running macros without a compiler.
//!
//! One backend serves one expansion of one input file: the file is lexed into the macro's input
//! tokens with real spans, and the expansion's call-site, def-site and mixed-site spans point at
//! the invocation (by default the whole file).

mod cursor;
mod escape;
pub mod lexer;
mod pp;
pub mod printer;
mod raw;
pub mod spans;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;

use crate::backend::{Backend, Diagnostic, ExpansionSpans, Level};
pub use crate::tokens::{is_ascii_ident, is_punct_char};
use crate::tokens::{FlatStream, LitKind, Literal, SpanId, Token};
use lexer::{Edition, LexError, LexOptions, Severity, SpanSink};
use spans::{FileId, Hygiene, SpanData, SpanTable};

pub use lexer::Edition as RustEdition;

/// Gives lexed tokens real spans in a file of the table.
struct FileSink<'t> {
    table: &'t mut SpanTable,
    file: FileId,
    /// Offset of the lexed text in the file.
    base: usize,
}

/// Splits an operator's span per character only when its length matches the operator's, as
/// rustc's proc_macro server does (so an overriding span is split too if it happens to fit).
fn split_span(table: &mut SpanTable, whole: SpanId, i: usize, len: usize) -> SpanId {
    let d = table.data(whole);
    if (d.hi - d.lo) as usize != len {
        return whole;
    }
    table.intern(SpanData {
        lo: d.lo + i as u32,
        hi: d.lo + i as u32 + 1,
        ..d
    })
}

impl SpanSink for FileSink<'_> {
    fn span(&mut self, lo: usize, hi: usize) -> SpanId {
        let (lo, hi) = ((self.base + lo) as u32, (self.base + hi) as u32);
        self.table.intern(SpanData {
            file: self.file,
            lo,
            hi,
            ctxt: Hygiene::Root,
        })
    }
    fn split(&mut self, whole: SpanId, i: usize, len: usize) -> SpanId {
        split_span(self.table, whole, i, len)
    }
    fn join(&mut self, open: SpanId, close: SpanId) -> SpanId {
        self.table.to(open, close)
    }
}

/// Gives every token one span, as `TokenStream::from_str` does with the call site.
struct OverrideSink<'t> {
    table: &'t mut SpanTable,
    span: SpanId,
}

impl SpanSink for OverrideSink<'_> {
    fn span(&mut self, _lo: usize, _hi: usize) -> SpanId {
        self.span
    }
    fn split(&mut self, whole: SpanId, i: usize, len: usize) -> SpanId {
        split_span(self.table, whole, i, len)
    }
    fn join(&mut self, open: SpanId, close: SpanId) -> SpanId {
        self.table.to(open, close)
    }
}

/// Records source ranges, for `Literal::from_str`'s checks on token positions.
struct RangeSink {
    ranges: Vec<Range<usize>>,
}

impl SpanSink for RangeSink {
    fn span(&mut self, lo: usize, hi: usize) -> SpanId {
        self.ranges.push(lo..hi);
        (self.ranges.len() - 1) as SpanId
    }
    fn split(&mut self, whole: SpanId, i: usize, len: usize) -> SpanId {
        let r = self.ranges[whole as usize].clone();
        if r.len() != len {
            return whole;
        }
        self.span(r.start + i, r.start + i + 1)
    }
    fn join(&mut self, open: SpanId, close: SpanId) -> SpanId {
        let (a, b) = (
            self.ranges[open as usize].clone(),
            self.ranges[close as usize].clone(),
        );
        self.span(a.start, b.end)
    }
}

pub struct StandaloneBackend {
    table: SpanTable,
    input: FileId,
    spans: ExpansionSpans,
    edition: Edition,
    env: HashMap<String, String>,
    diagnostics: Vec<Diagnostic>,
    tracked_paths: Vec<String>,
    tracked_env: Vec<(String, Option<String>)>,
}

impl StandaloneBackend {
    /// A backend for one expansion in `file_name`, whose text is `source`. The invocation
    /// covers the whole file until [`Self::set_invocation`] says otherwise.
    pub fn new(file_name: &str, source: &str) -> Self {
        let mut table = SpanTable::new();
        let input = table.add_file(file_name, source, None);
        let len = table.file(input).text.len();
        let dummy = ExpansionSpans {
            call_site: 0,
            def_site: 0,
            mixed_site: 0,
        };
        let mut b = StandaloneBackend {
            table,
            input,
            spans: dummy,
            edition: Edition::E2021,
            env: HashMap::new(),
            diagnostics: Vec::new(),
            tracked_paths: Vec::new(),
            tracked_env: Vec::new(),
        };
        b.set_invocation(0..len);
        b
    }

    /// Marks the input file as a real file on disk (`Span::local_file`).
    pub fn with_local_path(mut self, path: &str) -> Self {
        let name = self.table.file(self.input).name.clone();
        let text = self.table.file(self.input).text.clone();
        let mut table = SpanTable::new();
        table.contexts = self.table.contexts;
        self.input = table.add_file(&name, &text, Some(path.to_string()));
        self.table = table;
        let len = text.len();
        self.set_invocation(0..len);
        self
    }

    /// The edition of the call site: decides reserved prefixes, C strings, raw lifetimes,
    /// guarded strings and which identifiers are keywords when printing.
    pub fn with_edition(mut self, edition: Edition) -> Self {
        self.edition = edition;
        self
    }

    /// Grants an environment variable to `tracked_env::var`.
    pub fn with_env(mut self, name: &str, value: &str) -> Self {
        self.env.insert(name.to_string(), value.to_string());
        self
    }

    /// Sets the macro invocation to a byte range of the (normalized) input file and creates the
    /// expansion's spans there. Spans created before stay valid.
    pub fn set_invocation(&mut self, range: Range<usize>) {
        let site = SpanData {
            file: self.input,
            lo: range.start as u32,
            hi: range.end as u32,
            ctxt: Hygiene::Root,
        };
        self.table.expansion_site = Some(site);
        let mut with = |ctxt| self.table.intern(SpanData { ctxt, ..site });
        self.spans = ExpansionSpans {
            call_site: with(Hygiene::CallSite),
            def_site: with(Hygiene::DefSite),
            mixed_site: with(Hygiene::MixedSite),
        };
    }

    pub fn expansion_spans(&self) -> ExpansionSpans {
        self.spans
    }

    /// The normalized text of the input file.
    pub fn source(&self) -> &str {
        &self.table.file(self.input).text
    }

    /// Lexes `range` of the input file (e.g. a macro's input) into tokens with source spans.
    /// Lexing errors are recorded as diagnostics; the `Err` is the first message.
    pub fn lex_input(&mut self, range: Range<usize>) -> Result<FlatStream, String> {
        let text = self.table.file(self.input).text[range.clone()].to_string();
        let opts = LexOptions {
            edition: self.edition,
            strip_shebang: range.start == 0,
        };
        let mut sink = FileSink {
            table: &mut self.table,
            file: self.input,
            base: range.start,
        };
        let lexed = lexer::lex(&text, opts, &mut sink);
        let base = range.start;
        for e in &lexed.emitted {
            let span = self.table.intern(SpanData {
                file: self.input,
                lo: (base + e.range.start) as u32,
                hi: (base + e.range.end) as u32,
                ctxt: Hygiene::Root,
            });
            self.push_lex_diagnostic(e, span);
        }
        lexed.result.map_err(|e| e.message)
    }

    /// Lexes the whole input file.
    pub fn lex_file(&mut self) -> Result<FlatStream, String> {
        let len = self.source().len();
        self.lex_input(0..len)
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn tracked_paths(&self) -> &[String] {
        &self.tracked_paths
    }

    /// Every variable the macro asked for, with the value it got.
    pub fn tracked_env(&self) -> &[(String, Option<String>)] {
        &self.tracked_env
    }

    pub fn span_table(&self) -> &SpanTable {
        &self.table
    }

    pub fn span_table_mut(&mut self) -> &mut SpanTable {
        &mut self.table
    }

    fn push_lex_diagnostic(&mut self, e: &LexError, span: SpanId) {
        let level = match e.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        self.diagnostics.push(Diagnostic {
            level,
            message: e.message.clone(),
            spans: vec![span],
            children: vec![],
        });
    }
}

impl Backend for StandaloneBackend {
    fn parse(&mut self, source: &str) -> Result<FlatStream, String> {
        let text = spans::normalize_source(source);
        let opts = LexOptions {
            edition: self.edition,
            strip_shebang: true,
        };
        let call_site = self.spans.call_site;
        let mut sink = OverrideSink {
            table: &mut self.table,
            span: call_site,
        };
        let lexed = lexer::lex(&text, opts, &mut sink);
        for e in &lexed.emitted {
            self.push_lex_diagnostic(e, call_site);
        }
        lexed.result.map_err(|e| {
            if e.fatal {
                "failed to parse to tokenstream".to_string()
            } else {
                e.message
            }
        })
    }

    fn parse_literal(&mut self, source: &str) -> Result<Literal, String> {
        let text = spans::normalize_source(source);
        let opts = LexOptions {
            edition: self.edition,
            strip_shebang: false,
        };
        let mut sink = RangeSink { ranges: Vec::new() };
        let lexed = lexer::lex(&text, opts, &mut sink);
        let call_site = self.spans.call_site;
        for e in &lexed.emitted {
            self.push_lex_diagnostic(e, call_site);
        }
        let tokens = lexed.result.map_err(|e| {
            if e.fatal {
                "failed to parse to literal".to_string()
            } else {
                e.message
            }
        })?;
        let range = |t: &Token| match t {
            Token::Group(g) => sink.ranges[g.open as usize].clone(),
            Token::Ident(i) => sink.ranges[i.span as usize].clone(),
            Token::Punct(p) => sink.ranges[p.span as usize].clone(),
            Token::Literal(l) => sink.ranges[l.span as usize].clone(),
        };
        let Some(first) = tokens.first() else {
            return Err("not a literal".into());
        };
        // A lone `-` (not the start of `->` or `-=`) may precede the literal.
        let minus = matches!(first, Token::Punct(p) if p.ch == '-'
            && !(p.is_joint() && matches!(tokens.get(1), Some(Token::Punct(q)) if matches!(q.ch, '>' | '='))));
        let lit_index = usize::from(minus);
        let Some(Token::Literal(lit)) = tokens.get(lit_index) else {
            return Err("not a literal".into());
        };
        let (first_range, lit_range) = (range(first), range(&tokens[lit_index]));
        if lit_range.end - first_range.start != text.len() {
            return Err("comment or whitespace around literal".into());
        }
        let mut lit = lit.clone();
        if minus {
            if first_range.end != lit_range.start {
                return Err("comment or whitespace after minus".into());
            }
            if !matches!(lit.kind, LitKind::Integer | LitKind::Float) {
                return Err("non-numeric literal may not be negated".into());
            }
            lit.symbol = format!("-{}", lit.symbol);
        }
        lit.span = call_site;
        lit.spacing = crate::tokens::Spacing::Alone;
        Ok(lit)
    }

    fn print(&mut self, stream: &[Token]) -> String {
        printer::print_with_edition(stream, self.edition)
    }

    fn print_bounded(&mut self, stream: &[Token], max_bytes: usize) -> Option<String> {
        printer::print_bounded(stream, self.edition, max_bytes)
    }

    /// Only what needs no expansion: a literal, `-` and a number, or `true`/`false`, which
    /// rustc returns as is (a negative number as a `-` punct and the number, both with the
    /// number's span). Anything else is `Err(())`, including macro calls rustc would expand.
    fn expand_expr(&mut self, stream: FlatStream) -> Result<FlatStream, ()> {
        match stream.as_slice() {
            [Token::Literal(lit)] => {
                let numeric = matches!(lit.kind, LitKind::Integer | LitKind::Float);
                match lit.symbol.strip_prefix('-') {
                    Some(rest) if numeric => Ok(negated(lit, rest, lit.span)),
                    _ => Ok(stream),
                }
            }
            [Token::Punct(p), Token::Literal(lit)]
                if p.ch == '-'
                    && matches!(lit.kind, LitKind::Integer | LitKind::Float)
                    && !lit.symbol.starts_with('-') =>
            {
                Ok(negated(lit, &lit.symbol, lit.span))
            }
            [Token::Ident(id)] if !id.is_raw && (id.name == "true" || id.name == "false") => {
                Ok(stream)
            }
            _ => Err(()),
        }
    }

    fn validate_ident(
        &mut self,
        name: &str,
        is_raw: bool,
        _span: SpanId,
    ) -> Result<String, String> {
        if is_ascii_ident(name) || name == "$crate" {
            if is_raw && matches!(name, "_" | "super" | "self" | "Self" | "crate" | "$crate") {
                return Err(format!("`{name}` cannot be a raw identifier"));
            }
            return Ok(name.to_string());
        }
        let invalid = || format!("`{name:?}` is not a valid identifier");
        if name.is_ascii() {
            return Err(invalid());
        }
        use unicode_normalization::UnicodeNormalization;
        let normalized: String = name.nfc().collect();
        if raw::is_ident(&normalized) {
            Ok(normalized)
        } else {
            Err(invalid())
        }
    }

    fn span_debug(&mut self, span: SpanId) -> String {
        self.table.debug(span)
    }
    fn span_source_text(&mut self, span: SpanId) -> Option<String> {
        self.table.source_text(span)
    }
    fn span_line(&mut self, span: SpanId) -> u32 {
        self.table.line(span)
    }
    fn span_column(&mut self, span: SpanId) -> u32 {
        self.table.column(span)
    }
    fn span_file(&mut self, span: SpanId) -> String {
        self.table.file_name(span)
    }
    fn span_local_file(&mut self, span: SpanId) -> Option<String> {
        self.table.local_file(span)
    }
    fn span_byte_range(&mut self, span: SpanId) -> (u64, u64) {
        self.table.byte_range(span)
    }
    fn span_join(&mut self, first: SpanId, second: SpanId) -> Option<SpanId> {
        self.table.join(first, second)
    }
    fn span_subspan(&mut self, span: SpanId, start: u64, end: u64) -> Option<SpanId> {
        self.table.subspan(span, start, end)
    }
    fn span_resolved_at(&mut self, location: SpanId, resolution: SpanId) -> SpanId {
        self.table.resolved_at(location, resolution)
    }
    fn span_parent(&mut self, span: SpanId) -> Option<SpanId> {
        self.table.parent(span)
    }
    fn span_source(&mut self, span: SpanId) -> SpanId {
        self.table.source(span)
    }
    fn span_start(&mut self, span: SpanId) -> SpanId {
        self.table.start(span)
    }
    fn span_end(&mut self, span: SpanId) -> SpanId {
        self.table.end(span)
    }
    fn span_eq(&mut self, first: SpanId, second: SpanId) -> bool {
        self.table.eq(first, second)
    }
    fn save_span(&mut self, span: SpanId) -> u64 {
        self.table.save(span)
    }
    fn recover_proc_macro_span(&mut self, id: u64) -> SpanId {
        let def_site = self.spans.def_site;
        self.table.recover(id, def_site)
    }
    fn span_is_valid(&self, span: SpanId) -> bool {
        self.table.is_valid(span)
    }

    fn emit_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
    fn tracked_env_var(&mut self, name: &str) -> Option<String> {
        let value = self.env.get(name).cloned();
        self.tracked_env.push((name.to_string(), value.clone()));
        value
    }
    fn tracked_path(&mut self, path: &str) {
        self.tracked_paths.push(path.to_string());
    }
}

/// `-` and a number, as rustc's `expand_expr` returns a negated literal.
fn negated(lit: &Literal, digits: &str, span: SpanId) -> FlatStream {
    vec![
        Token::Punct(crate::tokens::Punct {
            ch: '-',
            spacing: crate::tokens::Spacing::Alone,
            span,
        }),
        Token::Literal(Literal {
            symbol: digits.to_string(),
            span,
            spacing: crate::tokens::Spacing::Alone,
            ..lit.clone()
        }),
    ]
}
