//! Every call into the host goes through here: each first checks that an expansion is
//! running (panicking with rustc's message otherwise), then converts to the WIT shapes.

use super::context::{self, ensure};
use super::flat;
use super::wit::wasmacro::bridge::{diagnostics, spans, tokens, tracked, types as wt};
use crate::literal::LitKind;
use crate::{Diagnostic, Ident, Level, Literal, Span, TokenStream, TokenTree};

pub(crate) fn parse(src: &str) -> Result<TokenStream, String> {
    let call_site = context::spans().call_site;
    if let Some(tree) = lone_token(src, call_site) {
        return Ok(TokenStream::from_trees(vec![tree]));
    }
    tokens::parse(src).map(flat::from_flat)
}

/// The token tree `src` is when it is exactly one ASCII identifier, one decimal integer without
/// suffix, or one string literal without escapes, suffix or carriage return: what the host's
/// lexer would give (the token with the call-site span, spacing alone), answered here without a
/// host call. Macros parse such strings one at a time (`quote!` does for every literal in its
/// template, `syn::Ident` and `parse_str` callers for names), so they are most of the `parse`
/// calls real crates make. Anything else, surrounding whitespace included, returns `None` and
/// goes to the host.
pub(crate) fn lone_token(src: &str, call_site: Span) -> Option<TokenTree> {
    let bytes = src.as_bytes();
    match bytes.first()? {
        b'0'..=b'9' if bytes.iter().all(u8::is_ascii_digit) => {
            Some(TokenTree::Literal(Literal::with_span(LitKind::Integer, src, None, call_site)))
        }
        b'"' => {
            let body = src[1..].strip_suffix('"')?;
            if body.contains(['"', '\\', '\r']) {
                return None;
            }
            Some(TokenTree::Literal(Literal::with_span(LitKind::Str, body, None, call_site)))
        }
        _ if crate::ident::is_valid_ascii_ident(src) => {
            Some(TokenTree::Ident(Ident { sym: crate::symbol::Symbol::intern(src), is_raw: false, span: call_site, spacing: Default::default() }))
        }
        _ => None,
    }
}

pub(crate) fn parse_literal(src: &str) -> Result<Literal, String> {
    ensure();
    tokens::parse_literal(src).map(flat::literal_from_wit)
}

pub(crate) fn print(stream: &TokenStream) -> String {
    ensure();
    tokens::print(&flat::to_flat(stream))
}

pub(crate) fn expand_expr(stream: &TokenStream) -> Result<TokenStream, ()> {
    ensure();
    tokens::expand_expr(&flat::to_flat(stream)).map(flat::from_flat)
}

pub(crate) fn validate_ident(name: &str, is_raw: bool, span: Span) -> Result<String, String> {
    ensure();
    tokens::validate_ident(name, is_raw, span.0)
}

pub(crate) fn span_debug(span: Span) -> String {
    ensure();
    spans::debug(span.0)
}

pub(crate) fn span_source_text(span: Span) -> Option<String> {
    ensure();
    spans::source_text(span.0)
}

pub(crate) fn span_line(span: Span) -> u32 {
    ensure();
    spans::line(span.0)
}

pub(crate) fn span_column(span: Span) -> u32 {
    ensure();
    spans::column(span.0)
}

pub(crate) fn span_file(span: Span) -> String {
    ensure();
    spans::file(span.0)
}

pub(crate) fn span_local_file(span: Span) -> Option<String> {
    ensure();
    spans::local_file(span.0)
}

pub(crate) fn span_byte_range(span: Span) -> (u64, u64) {
    ensure();
    spans::byte_range(span.0)
}

pub(crate) fn span_join(first: Span, second: Span) -> Option<Span> {
    ensure();
    spans::join(first.0, second.0).map(Span)
}

pub(crate) fn span_subspan(span: Span, start: u64, end: u64) -> Option<Span> {
    ensure();
    spans::subspan(span.0, start, end).map(Span)
}

pub(crate) fn span_resolved_at(location: Span, resolution: Span) -> Span {
    ensure();
    Span(spans::resolved_at(location.0, resolution.0))
}

pub(crate) fn span_parent(span: Span) -> Option<Span> {
    ensure();
    spans::parent(span.0).map(Span)
}

pub(crate) fn span_source(span: Span) -> Span {
    ensure();
    Span(spans::source(span.0))
}

pub(crate) fn span_start(span: Span) -> Span {
    ensure();
    Span(spans::start(span.0))
}

pub(crate) fn span_end(span: Span) -> Span {
    ensure();
    Span(spans::end(span.0))
}

pub(crate) fn span_eq(first: Span, second: Span) -> bool {
    ensure();
    spans::eq(first.0, second.0)
}

pub(crate) fn span_save_span(span: Span) -> u64 {
    ensure();
    spans::save_span(span.0)
}

pub(crate) fn span_recover_proc_macro_span(id: u64) -> Span {
    ensure();
    Span(spans::recover_proc_macro_span(id))
}

fn level(level: Level) -> wt::Level {
    match level {
        Level::Error => wt::Level::Error,
        Level::Warning => wt::Level::Warning,
        Level::Note => wt::Level::Note,
        Level::Help => wt::Level::Help,
    }
}

fn span_ids(spans: &[Span]) -> Vec<wt::Span> {
    spans.iter().map(|s| s.0).collect()
}

pub(crate) fn emit(diag: &Diagnostic) {
    ensure();
    // rustc only attaches one level of children; grandchildren are dropped there too.
    let children = diag
        .children()
        .map(|c| wt::SubDiagnostic {
            level: level(c.level()),
            message: c.message().to_owned(),
            spans: span_ids(c.spans()),
        })
        .collect();
    diagnostics::emit(&wt::Diagnostic {
        level: level(diag.level()),
        message: diag.message().to_owned(),
        spans: span_ids(diag.spans()),
        children,
    });
}

pub(crate) fn env_var(name: &str) -> Option<String> {
    ensure();
    tracked::env_var(name)
}

pub(crate) fn track_path(path: &str) {
    ensure();
    tracked::path(path);
}
