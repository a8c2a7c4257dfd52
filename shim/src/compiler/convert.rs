//! Token streams between the compiler's `proc_macro` objects and the flat form of the bridge.
//!
//! Import recovers what the public API hides but rustc's printer uses: the spacing after
//! identifiers, literals and delimiters (`JointHidden` when the next token touches it in the
//! source) and doc comments (a `#` whose span covers `///` text). Export rebuilds tokens with
//! their spans (the loop is in `export.rs`, compiled optimized); a group the macro passes back
//! unchanged is the compiler's original object.

use std::collections::HashMap;

use proc_macro::{Delimiter as PmDelimiter, Group as PmGroup, Span, TokenStream, TokenTree};

use super::{export, CompilerBackend};
use crate::standalone::printer::literal_text;
use wasmacro_backend::lex_plan::LexPlan;
use wasmacro_backend::packed::{Entry, PackedView};
use crate::tokens::{CommentKind, Delimiter, FlatStream, Group, Ident, Literal, Punct, Spacing, SpanId, Token};

/// The input's groups as the compiler gave them, with their flat form at import.
#[derive(Default)]
pub(crate) struct Originals {
    /// Every imported token, in import order.
    arena: Vec<Token>,
    /// Entire-span id of an imported group (ids are fresh per import, so unique) to its range in
    /// `arena` (the group token and its body) and the compiler's object.
    groups: HashMap<SpanId, (std::ops::Range<usize>, PmGroup)>,
    /// The lowest of those ids: output groups spanned at the call site (most of them) have a
    /// lower one, and need no lookup.
    lowest_group: Option<SpanId>,
}

/// A place in the source, to tell which tokens touch: the compiler's byte position, or a line
/// and column where its span's `Debug` form does not show bytes (`-Zspan-debug`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Byte(u32),
    LineColumn(usize, usize),
}

/// Where `span` starts and ends. rustc's `Debug` of a span is `#ctxt bytes(lo..hi)`: one bridge
/// call answers both ends, where `start()`/`end()` and their `line()`/`column()` take six.
/// `text` is a buffer for that form.
fn bounds(span: Span, text: &mut String) -> (Position, Position) {
    use std::fmt::Write;
    text.clear();
    let _ = write!(text, "{span:?}");
    match byte_range_in_debug(text) {
        Some((lo, hi)) => (Position::Byte(lo), Position::Byte(hi)),
        None => {
            let (s, e) = (span.start(), span.end());
            (Position::LineColumn(s.line(), s.column()), Position::LineColumn(e.line(), e.column()))
        }
    }
}

/// `lo` and `hi` from rustc's `Debug` form of a span, `#ctxt bytes(lo..hi)`. Read from the end
/// with slice patterns: this runs for every input token, in a shim usually compiled
/// unoptimized, where `str`'s pattern search and `parse`, and even indexing, are calls.
fn byte_range_in_debug(text: &str) -> Option<(u32, u32)> {
    let [rest @ .., b')'] = text.as_bytes() else { return None };
    let (hi, rest) = number_at_end(rest)?;
    let [rest @ .., b'.', b'.'] = rest else { return None };
    let (lo, rest) = number_at_end(rest)?;
    rest.ends_with(b"bytes(").then_some((lo, hi))
}

/// The decimal number at the end of `b`, and what comes before it.
fn number_at_end(mut b: &[u8]) -> Option<(u32, &[u8])> {
    // At most 10 digits (a `u32`'s), so neither `n` nor `scale` overflows.
    let (mut n, mut scale, mut digits) = (0u64, 1u64, 0);
    while let [rest @ .., digit @ b'0'..=b'9'] = b {
        if digits == 10 {
            return None;
        }
        n += (*digit - b'0') as u64 * scale;
        scale *= 10;
        digits += 1;
        b = rest;
    }
    if digits == 0 {
        return None;
    }
    Some((u32::try_from(n).ok()?, b))
}

/// rustc's spacing of a token that ends at `end`, followed by a token starting at `next` (`None`:
/// nothing follows in this stream): touching tokens are joint, visibly so before a punct.
fn spacing_between(end: Position, next: Option<(Position, bool)>) -> Spacing {
    match next {
        Some((start, next_is_punct)) if start == end => {
            if next_is_punct {
                Spacing::Joint
            } else {
                Spacing::JointHidden
            }
        }
        _ => Spacing::Alone,
    }
}

impl CompilerBackend {
    /// The flat form of a stream the compiler gave the macro.
    pub(crate) fn import(&mut self, stream: TokenStream) -> FlatStream {
        let mut out = Vec::new();
        self.import_into(stream, None, &mut out);
        out
    }

    /// Appends the flat form of `stream`; `close` is where the enclosing group's close delimiter
    /// starts (what its last token may touch). Returns where the first token starts, and whether
    /// it is a punct (what the open delimiter may touch).
    fn import_into(&mut self, stream: TokenStream, close: Option<Position>, out: &mut FlatStream) -> Option<(Position, bool)> {
        let trees: Vec<TokenTree> = stream.into_iter().collect();
        // Where each tree starts and ends (a group: its open delimiter), and whether it is a
        // punct: what the tree before it may touch.
        let mut starts: Vec<(Position, bool)> = Vec::with_capacity(trees.len());
        let mut ends: Vec<Position> = Vec::with_capacity(trees.len());
        for tree in &trees {
            let span = match tree {
                TokenTree::Group(g) => g.span_open(),
                other => other.span(),
            };
            let (start, end) = bounds(span, &mut self.span_text);
            starts.push((start, matches!(tree, TokenTree::Punct(_))));
            ends.push(end);
        }
        let mut i = 0;
        while i < trees.len() {
            let next = starts.get(i + 1).copied().or(close.map(|c| (c, false)));
            // A doc comment reaches macros as `#` (`!`) `[doc = "..."]`, all with the comment's span.
            if let Some(consumed) = self.import_doc_comment(&trees[i..], &starts[i..], &ends[i..], close, out) {
                i += consumed;
                continue;
            }
            match &trees[i] {
                TokenTree::Group(g) => self.import_group(g, ends[i], next, None, out),
                TokenTree::Ident(ident) => {
                    let span = ident.span();
                    let text = ident.to_string();
                    let (name, is_raw) = match text.strip_prefix("r#") {
                        Some(rest) => (rest.to_string(), true),
                        None => (text, false),
                    };
                    let spacing = spacing_between(ends[i], next);
                    let span = self.add(span);
                    out.push(Token::Ident(Ident { name, is_raw, span, spacing }));
                }
                TokenTree::Punct(punct) => {
                    let span = punct.span();
                    let spacing = match punct.spacing() {
                        proc_macro::Spacing::Joint => Spacing::Joint,
                        // The API shows `Alone` for a punct touching an identifier or literal.
                        _ => match spacing_between(ends[i], next) {
                            Spacing::JointHidden => Spacing::JointHidden,
                            _ => Spacing::Alone,
                        },
                    };
                    let span = self.add(span);
                    out.push(Token::Punct(Punct { ch: punct.as_char(), spacing, span }));
                }
                TokenTree::Literal(literal) => {
                    let span = literal.span();
                    let spacing = spacing_between(ends[i], next);
                    let mut lit = self.model_literal(&literal.to_string());
                    lit.span = self.add(span);
                    lit.spacing = spacing;
                    out.push(Token::Literal(lit));
                }
            }
            i += 1;
        }
        starts.first().copied()
    }

    /// Appends `g` and its body; `open_end` is where its open delimiter ends.
    fn import_group(&mut self, g: &PmGroup, open_end: Position, next: Option<(Position, bool)>, doc: Option<CommentKind>, out: &mut FlatStream) {
        let (open_span, close_span) = (g.span_open(), g.span_close());
        let (close_start, close_end) = bounds(close_span, &mut self.span_text);
        let at = out.len();
        out.push(Token::Group(Group {
            delimiter: match g.delimiter() {
                PmDelimiter::Parenthesis => Delimiter::Parenthesis,
                PmDelimiter::Brace => Delimiter::Brace,
                PmDelimiter::Bracket => Delimiter::Bracket,
                PmDelimiter::None => Delimiter::None,
            },
            open: self.add(open_span),
            close: self.add(close_span),
            entire: self.add(g.span()),
            len: 0,
            open_spacing: Spacing::Alone,
            close_spacing: spacing_between(close_end, next),
            doc_comment: doc,
        }));
        let close = (g.delimiter() != PmDelimiter::None).then_some(close_start);
        let first = self.import_into(g.stream(), close, out);
        let open_spacing = spacing_between(open_end, first.or(Some((close_start, false))));
        let len = (out.len() - at - 1) as u32;
        if let Token::Group(group) = &mut out[at] {
            group.len = len;
            group.open_spacing = open_spacing;
            let entire = group.entire;
            let range = self.originals.arena.len()..self.originals.arena.len() + out.len() - at;
            self.originals.arena.extend_from_slice(&out[at..]);
            self.originals.groups.insert(entire, (range, g.clone()));
            self.originals.lowest_group = Some(self.originals.lowest_group.map_or(entire, |low| low.min(entire)));
        }
    }

    /// `#` (`!`) `[doc = "..."]` whose `#` covers a doc comment's text: one doc-comment group in
    /// the flat form, as rustc keeps it. Returns how many trees it took.
    fn import_doc_comment(
        &mut self,
        trees: &[TokenTree],
        starts: &[(Position, bool)],
        ends: &[Position],
        close: Option<Position>,
        out: &mut FlatStream,
    ) -> Option<usize> {
        let TokenTree::Punct(hash) = trees.first()? else { return None };
        if hash.as_char() != '#' {
            return None;
        }
        let inner = matches!(trees.get(1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        let group_at = 1 + usize::from(inner);
        let TokenTree::Group(group) = trees.get(group_at)? else { return None };
        if group.delimiter() != PmDelimiter::Bracket {
            return None;
        }
        let text = hash.span().source_text()?;
        let kind = if text.starts_with("///") || text.starts_with("//!") {
            CommentKind::Line
        } else if text.starts_with("/**") || text.starts_with("/*!") {
            CommentKind::Block
        } else {
            return None;
        };
        let span = self.add(hash.span());
        out.push(Token::Punct(Punct { ch: '#', spacing: Spacing::Alone, span }));
        if inner {
            let span = self.add(trees[1].span());
            out.push(Token::Punct(Punct { ch: '!', spacing: Spacing::Alone, span }));
        }
        let after = starts.get(group_at + 1).copied().or(close.map(|c| (c, false)));
        self.import_group(group, ends[group_at], after, Some(kind), out);
        Some(group_at + 1)
    }

    /// `kind`, `symbol` and `suffix` of a literal from its text.
    fn model_literal(&mut self, text: &str) -> Literal {
        use crate::backend::Backend;
        self.model.parse_literal(text).unwrap_or(Literal {
            kind: crate::tokens::LitKind::Err,
            symbol: text.to_string(),
            suffix: None,
            span: 0,
            spacing: Spacing::Alone,
        })
    }

    /// The compiler's objects for the stream the macro produced, packed by the host library.
    /// `Err` names a token the compiler would refuse (the host checked the stream's shape
    /// already). `plan` names the parts of the stream lexed from text in one bridge call (the
    /// host library planned them; see `wasmacro_backend::lex_plan`).
    pub(crate) fn export(&mut self, stream: PackedView<'_>, plan: &LexPlan) -> Result<TokenStream, String> {
        // The rare tokens do not need the span table, so it is lent to the export loop.
        let spans = std::mem::take(&mut self.spans);
        let output = export::Output {
            words: stream.words(),
            text: stream.text(),
            spans: &spans,
            lowest_original: self.originals.lowest_group.unwrap_or(SpanId::MAX),
            plan_text: &plan.text,
            plan_runs: &plan.runs,
            plan_literals: &plan.literals,
        };
        let result = export::export(&output, &mut RareTokens { backend: self, stream });
        self.spans = spans;
        result
    }

    /// A doc comment the macro passed through (`#`, `!`, and a group marked as a comment) as
    /// the compiler's doc-comment token, and where it ends. As separate trees it would be an
    /// ordinary `#[doc]` attribute, which rustc prints differently; a stream parsed from the
    /// comment's text keeps the comment token as long as it is not taken apart. (Its span is
    /// the call site: a parsed stream's spans cannot be set.)
    fn doc_comment_at(&mut self, stream: &PackedView<'_>, i: usize, end: usize) -> Option<(TokenStream, usize)> {
        let after = stream.doc_comment_end(i, end)?;
        use crate::backend::Backend;
        let text = self.model.print(&stream.tokens(i..after)?);
        let comment: TokenStream = text.parse().ok()?;
        Some((comment, after))
    }

    /// The compiler's own group, if `range` of `stream` (a group and its body) is an input group
    /// unchanged.
    fn original(&self, entire: SpanId, stream: &PackedView<'_>, range: std::ops::Range<usize>) -> Option<PmGroup> {
        match self.originals.lowest_group {
            Some(lowest) if entire >= lowest => {}
            _ => return None,
        }
        let (imported, group) = self.originals.groups.get(&entire)?;
        if imported.len() != range.len() {
            return None;
        }
        (self.originals.arena.get(imported.clone())? == stream.tokens(range)?.as_slice()).then(|| group.clone())
    }
}

/// What the export loop leaves to the backend: tokens that need the standalone model or the
/// input's groups.
struct RareTokens<'b> {
    backend: &'b mut CompilerBackend,
    stream: PackedView<'b>,
}

impl export::Rare for RareTokens<'_> {
    fn original(&mut self, entire: SpanId, range: std::ops::Range<usize>) -> Option<PmGroup> {
        self.backend.original(entire, &self.stream, range)
    }

    fn odd_ident(&mut self, name: &str, is_raw: bool, span: Span) -> Result<proc_macro::Ident, String> {
        use crate::backend::Backend;
        let name = self.backend.model.validate_ident(name, is_raw, 0)?;
        Ok(if is_raw { proc_macro::Ident::new_raw(&name, span) } else { proc_macro::Ident::new(&name, span) })
    }

    fn literal(&mut self, at: usize) -> Result<proc_macro::Literal, String> {
        let Some(Entry::Literal { kind, symbol, suffix, .. }) = self.stream.entry(at) else {
            return Err(format!("the host library sent a malformed entry {at}"));
        };
        let text = literal_text(kind, symbol, suffix);
        text.parse().map_err(|_| format!("the macro produced an invalid literal `{text}`"))
    }

    fn doc_comment(&mut self, at: usize, end: usize) -> Option<(TokenStream, usize)> {
        self.backend.doc_comment_at(&self.stream, at, end)
    }
}

#[cfg(test)]
mod tests {
    use super::byte_range_in_debug;

    #[test]
    fn byte_range_from_span_debug() {
        // What rustc 1.95 and nightly 1.97 print for spans in a proc macro's input.
        assert_eq!(byte_range_in_debug("#0 bytes(64..66)"), Some((64, 66)));
        assert_eq!(byte_range_in_debug("#12 bytes(0..0)"), Some((0, 0)));
        // `-Zspan-debug` prints places instead: the caller falls back to lines and columns.
        assert_eq!(byte_range_in_debug("src/lib.rs:2:11: 2:13 (#0)"), None);
        assert_eq!(byte_range_in_debug("#0 bytes(64..)"), None);
        assert_eq!(byte_range_in_debug("#0 bytes(1..2) trailing"), None);
        assert_eq!(byte_range_in_debug("#0 bytes(..2)"), None);
        assert_eq!(byte_range_in_debug("#0 bytes(1.2)"), None);
        assert_eq!(byte_range_in_debug("#0 (1..2)"), None);
        assert_eq!(byte_range_in_debug("bytes(4294967295..4294967296)"), None);
        assert_eq!(byte_range_in_debug(")"), None);
        assert_eq!(byte_range_in_debug(""), None);
    }
}
