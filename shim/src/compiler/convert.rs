//! Token streams between the compiler's `proc_macro` objects and the flat form of the bridge.
//!
//! Import recovers what the public API hides but rustc's printer uses: the spacing after
//! identifiers, literals and delimiters (`JointHidden` when the next token touches it in the
//! source) and doc comments (a `#` whose span covers `///` text). Export rebuilds tokens with
//! their spans; a group the macro passes back unchanged is the compiler's original object.

use std::collections::HashMap;

use proc_macro::{Delimiter as PmDelimiter, Group as PmGroup, Span, TokenStream, TokenTree};

use super::CompilerBackend;
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
    /// already).
    /// `plan` names the parts of the stream lexed from text in one bridge call (the host
    /// library planned them; see `wasmacro_backend::lex_plan`).
    pub(crate) fn export(&mut self, stream: PackedView<'_>, plan: &LexPlan) -> Result<TokenStream, String> {
        let mut lexed = Lexed::of(&stream, plan);
        let mut i = 0;
        self.export_range(&stream, &mut i, stream.len(), &mut lexed, &mut Names::default(), &mut Vec::new())
    }

    // The shim is compiled with the consumer's profile, usually unoptimized: this loop runs for
    // every token not lexed from text, so it reads entries in place and calls little.
    // `built` holds the trees built and not yet made into a stream, for every level being
    // exported: this level's are those past `base`. One buffer, grown once, rather than a vector
    // per group that grows from nothing.
    fn export_range(
        &mut self,
        stream: &PackedView<'_>,
        i: &mut usize,
        end: usize,
        lexed: &mut Lexed,
        names: &mut Names,
        built: &mut Vec<TokenTree>,
    ) -> Result<TokenStream, String> {
        // The level in pieces: lexed runs, doc comments, and batches of trees built here.
        let mut pieces: Vec<TokenStream> = Vec::new();
        let base = built.len();
        while *i < end {
            if let Some((run_end, run)) = lexed.run_at(*i) {
                if run_end > end {
                    return Err(malformed(*i));
                }
                flush(built, base, &mut pieces);
                pieces.push(run);
                *i = run_end;
                continue;
            }
            let entry = stream.entry(*i).ok_or_else(|| malformed(*i))?;
            if let Entry::Punct { ch: '#', .. } = entry
                && let Some(comment) = self.doc_comment_at(stream, *i, end)
            {
                flush(built, base, &mut pieces);
                pieces.push(comment.0);
                *i = comment.1;
                continue;
            }
            *i += 1;
            let tree = match entry {
                Entry::Group { delimiter, entire, len, .. } => {
                    let body_end = *i + len as usize;
                    if body_end > end {
                        return Err(malformed(*i - 1));
                    }
                    if let Some(original) = self.original(entire, stream, *i - 1..body_end) {
                        *i = body_end;
                        TokenTree::Group(original)
                    } else {
                        let body = self.export_range(stream, i, body_end, lexed, names, built)?;
                        let delimiter = match delimiter {
                            Delimiter::Parenthesis => PmDelimiter::Parenthesis,
                            Delimiter::Brace => PmDelimiter::Brace,
                            Delimiter::Bracket => PmDelimiter::Bracket,
                            Delimiter::None => PmDelimiter::None,
                        };
                        let mut group = PmGroup::new(delimiter, body);
                        group.set_span(self.get(entire));
                        TokenTree::Group(group)
                    }
                }
                Entry::Ident { name, is_raw, span } => {
                    let span = self.get(span);
                    if let Some(mut ident) = names.get(name, is_raw) {
                        ident.set_span(span);
                        TokenTree::Ident(ident)
                    } else if !is_raw && crate::standalone::is_ascii_ident(name) {
                        // Checked first, so that an invalid name is an error rather than a panic.
                        let ident = proc_macro::Ident::new(name, span);
                        names.put(name, ident.clone());
                        TokenTree::Ident(ident)
                    } else {
                        use crate::backend::Backend;
                        let name = self.model.validate_ident(name, is_raw, 0)?;
                        TokenTree::Ident(if is_raw { proc_macro::Ident::new_raw(&name, span) } else { proc_macro::Ident::new(&name, span) })
                    }
                }
                Entry::Punct { ch, joint, span } => {
                    if !crate::standalone::is_punct_char(ch) {
                        return Err(format!("unsupported character `{ch:?}` in a punct"));
                    }
                    let mut punct = proc_macro::Punct::new(ch, if joint { proc_macro::Spacing::Joint } else { proc_macro::Spacing::Alone });
                    punct.set_span(self.get(span));
                    TokenTree::Punct(punct)
                }
                Entry::Literal { kind, symbol, suffix, span } => {
                    let mut literal = match lexed.literal_at(*i - 1) {
                        Some(literal) => literal,
                        None => {
                            let text = literal_text(kind, symbol, suffix);
                            text.parse().map_err(|_| format!("the macro produced an invalid literal `{text}`"))?
                        }
                    };
                    literal.set_span(self.get(span));
                    TokenTree::Literal(literal)
                }
            };
            built.push(tree);
        }
        if pieces.is_empty() {
            return Ok(built.drain(base..).collect());
        }
        flush(built, base, &mut pieces);
        Ok(if pieces.len() == 1 { pieces.pop().unwrap_or_default() } else { pieces.into_iter().collect() })
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

/// The identifiers an export made lately, by where their name is in the output's text: the
/// guest writes a repeated name's text once (`wit/bridge.wit`: tokens may share text), and a
/// copy of a made identifier with another span spares the compiler's client validating and
/// interning the name again. Direct-mapped; the same bytes of one text are the same name.
/// Kept for one export only: the compiler's client forgets its symbols after each expansion.
struct Names {
    slots: [Option<(*const u8, usize, proc_macro::Ident)>; NAME_SLOTS],
}

const NAME_SLOTS: usize = 64;

impl Default for Names {
    fn default() -> Names {
        Names { slots: std::array::from_fn(|_| None) }
    }
}

impl Names {
    fn slot(name: &str) -> usize {
        (name.as_ptr() as usize ^ name.len()) % NAME_SLOTS
    }

    /// A plain (not raw) identifier made from these very bytes of the text.
    fn get(&self, name: &str, is_raw: bool) -> Option<proc_macro::Ident> {
        match &self.slots[Self::slot(name)] {
            Some((at, len, ident)) if !is_raw && *at == name.as_ptr() && *len == name.len() => Some(ident.clone()),
            _ => None,
        }
    }

    fn put(&mut self, name: &str, ident: proc_macro::Ident) {
        self.slots[Self::slot(name)] = Some((name.as_ptr(), name.len(), ident));
    }
}

/// A host library that packs what it did not check: a bug, reported as the macro's failure.
fn malformed(index: usize) -> String {
    format!("the host library sent a malformed entry {index}")
}

/// Moves the level's trees built so far (those past `base`) into one piece of the level.
fn flush(built: &mut Vec<TokenTree>, base: usize, pieces: &mut Vec<TokenStream>) {
    if built.len() > base {
        pieces.push(built.drain(base..).collect());
    }
}

/// The compiler's objects for what the plan lexed: the runs' streams and the literals lexed
/// alone, each taken when the export reaches its entry. Plain loops over vectors: this runs in
/// the shim crate, usually unoptimized.
#[derive(Default)]
struct Lexed {
    /// Where each run starts and ends, and its stream.
    runs: Vec<(usize, usize, Option<TokenStream>)>,
    next_run: usize,
    /// Where that run starts (`usize::MAX` past the last run; 0 until first asked): an entry
    /// before it needs no look at the vector, which unoptimized costs several calls.
    next_start: usize,
    /// Index of each literal, with its object.
    literals: Vec<(usize, Option<proc_macro::Literal>)>,
    next_literal: usize,
}

impl Lexed {
    fn of(stream: &PackedView<'_>, plan: &LexPlan) -> Lexed {
        if plan.is_empty() {
            return Lexed::default();
        }
        Self::lex(stream, plan).unwrap_or_default()
    }

    /// `None` (everything is built instead) unless the text lexes into the shape planned: a
    /// parenthesis per run, then a literal for each planned literal entry. A safeguard against a
    /// host library bug, not a check of each token: asking the compiler for a token's text is a
    /// bridge call, which would cost what lexing saves. The host library plans only tokens that
    /// rustc's lexer reads back as they are (`wasmacro_backend::lex_plan`), and `tests/shim.rs`
    /// compares such outputs with the native macro's.
    fn lex(stream: &PackedView<'_>, plan: &LexPlan) -> Option<Lexed> {
        let lexed: TokenStream = plan.text.parse().ok()?;
        let mut trees = lexed.into_iter();
        let mut runs = Vec::with_capacity(plan.runs.len());
        for run in &plan.runs {
            match trees.next()? {
                TokenTree::Group(g) if g.delimiter() == PmDelimiter::Parenthesis => runs.push((run.start as usize, run.end as usize, Some(g.stream()))),
                _ => return None,
            }
        }
        let mut literals = Vec::with_capacity(plan.literals.len());
        for &at in &plan.literals {
            let Some(Entry::Literal { .. }) = stream.entry(at as usize) else { return None };
            match trees.next()? {
                TokenTree::Literal(literal) => literals.push((at as usize, Some(literal))),
                _ => return None,
            }
        }
        trees.next().is_none().then_some(Lexed { runs, next_run: 0, next_start: 0, literals, next_literal: 0 })
    }

    /// The run that starts at entry `i`: where it ends, and its stream. Entries must be asked
    /// in increasing order.
    fn run_at(&mut self, i: usize) -> Option<(usize, TokenStream)> {
        if i < self.next_start {
            return None;
        }
        // Runs the export skipped (inside an input group passed back whole) are passed over.
        while self.next_run < self.runs.len() && self.runs[self.next_run].0 < i {
            self.next_run += 1;
        }
        let found = match self.runs.get_mut(self.next_run) {
            Some((start, end, stream)) if *start == i => {
                self.next_run += 1;
                stream.take().map(|stream| (*end, stream))
            }
            _ => None,
        };
        self.next_start = self.runs.get(self.next_run).map_or(usize::MAX, |run| run.0);
        found
    }

    /// The object for the literal at index `i`, if lexed alone. Indexes must be asked in
    /// increasing order.
    fn literal_at(&mut self, i: usize) -> Option<proc_macro::Literal> {
        while self.next_literal < self.literals.len() && self.literals[self.next_literal].0 < i {
            self.next_literal += 1;
        }
        let (at, literal) = self.literals.get_mut(self.next_literal)?;
        if *at != i {
            return None;
        }
        self.next_literal += 1;
        literal.take()
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
