//! Source text to the flat token list, as rustc's lexer followed by its proc_macro server would
//! present it: operators split into single-char puncts, lifetimes as `'` + ident, doc comments
//! as `#[doc = "..."]`, literals with their raw text. Nesting is handled with an explicit stack.
//!
//! Errors follow rustc's three kinds: fatal ones stop lexing (rustc emits them, then
//! `TokenStream::from_str` fails), recoverable ones are emitted and lexing goes on, and delimiter
//! errors are returned (not emitted) once the whole input has been read.

use std::ops::Range;

use super::cursor::Cursor;
use super::escape::{self, Mode, escaped_char};
use super::raw::{self, RawKind, RawLit, RawStrError};
use crate::tokens::{
    CommentKind, Delimiter, FlatStream, Group, Ident, LitKind, Literal, Punct, Spacing, SpanId,
    Token,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Edition {
    E2015,
    E2018,
    E2021,
    E2024,
}

#[derive(Clone, Copy, Debug)]
pub struct LexOptions {
    pub edition: Edition,
    /// Skip a leading `#!...` line (rustc does for files and `TokenStream::from_str`, not for
    /// `Literal::from_str`).
    pub strip_shebang: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub message: String,
    /// Byte range in the lexed text.
    pub range: Range<usize>,
    pub severity: Severity,
    /// A fatal error stops lexing; rustc emits it and then fails.
    pub fatal: bool,
}

/// The outcome of lexing: the tokens, or the error that ends it (its message is what
/// `TokenStream::from_str` reports), plus every diagnostic rustc would have emitted on the way
/// (a fatal error is emitted too; delimiter errors are not).
#[derive(Debug)]
pub struct Lexed {
    pub result: Result<FlatStream, LexError>,
    pub emitted: Vec<LexError>,
}

/// Gives tokens their spans. `split` picks the span of character `i` of an operator `len`
/// characters long whose whole span is `whole` (rustc splits a span only when its length
/// matches the operator's); `join` covers a group from its open to its close delimiter.
pub trait SpanSink {
    fn span(&mut self, lo: usize, hi: usize) -> SpanId;
    fn split(&mut self, whole: SpanId, i: usize, len: usize) -> SpanId;
    fn join(&mut self, open: SpanId, close: SpanId) -> SpanId;
}

/// Lexes `src` (already BOM-stripped and CRLF-normalized, as rustc's source map does).
pub fn lex(src: &str, opts: LexOptions, sink: &mut dyn SpanSink) -> Lexed {
    let start = if opts.strip_shebang {
        raw::shebang_len(src).unwrap_or(0)
    } else {
        0
    };
    let mut cur = Cursor::new(src);
    cur.reset_to(start);
    let mut lx = Lexer {
        src,
        cur,
        opts,
        sink,
        out: Vec::new(),
        emitted: Vec::new(),
        nbsp_is_whitespace: false,
        swallow: 0,
        emoji_reported: Vec::new(),
    };
    let result = lx.run();
    Lexed {
        result: result.map(|()| lx.out),
        emitted: lx.emitted,
    }
}

/// A cooked token: delimiters are still separate, operators may be glued further.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Open(Delimiter),
    Close(Delimiter),
    Op(String),
    Ident {
        name: String,
        raw: bool,
    },
    /// Name without the quote.
    Lifetime {
        name: String,
        raw: bool,
    },
    Lit {
        kind: LitKind,
        symbol: String,
        suffix: Option<String>,
    },
    Doc {
        inner: bool,
        block: bool,
        text: String,
    },
    Eof,
}

struct CTok {
    tok: Tok,
    lo: usize,
    hi: usize,
    /// Whitespace or a comment came before it.
    ws_before: bool,
}

struct Frame {
    delim: Delimiter,
    /// Index of the group's entry in `out`.
    index: usize,
    open: SpanId,
}

struct Lexer<'a, 's> {
    src: &'a str,
    cur: Cursor<'a>,
    opts: LexOptions,
    sink: &'s mut dyn SpanSink,
    out: FlatStream,
    emitted: Vec<LexError>,
    /// rustc reports a non-breaking space once, then treats it as whitespace.
    nbsp_is_whitespace: bool,
    /// Repeats of an unknown character already covered by one report.
    swallow: usize,
    emoji_reported: Vec<String>,
}

fn delim_char(d: Delimiter, open: bool) -> char {
    match (d, open) {
        (Delimiter::Parenthesis, true) => '(',
        (Delimiter::Parenthesis, false) => ')',
        (Delimiter::Brace, true) => '{',
        (Delimiter::Brace, false) => '}',
        (Delimiter::Bracket, true) => '[',
        (Delimiter::Bracket, false) => ']',
        (Delimiter::None, _) => ' ',
    }
}

/// The spacing of a token followed by `next`, as rustc's token tree lexer computes it.
fn spacing_before(next: &CTok) -> Spacing {
    match next.tok {
        _ if next.ws_before => Spacing::Alone,
        Tok::Op(_) => Spacing::Joint,
        Tok::Eof => Spacing::Alone,
        _ => Spacing::JointHidden,
    }
}

/// rustc's token gluing, restricted to what the lexer meets: an operator and one more char.
fn glue(op: &str, next: char) -> Option<&'static str> {
    Some(match (op, next) {
        ("=", '=') => "==",
        ("=", '>') => "=>",
        ("<", '=') => "<=",
        ("<", '<') => "<<",
        ("<", '-') => "<-",
        (">", '=') => ">=",
        (">", '>') => ">>",
        ("!", '=') => "!=",
        ("+", '=') => "+=",
        ("-", '=') => "-=",
        ("-", '>') => "->",
        ("*", '=') => "*=",
        ("/", '=') => "/=",
        ("%", '=') => "%=",
        ("^", '=') => "^=",
        ("&", '&') => "&&",
        ("&", '=') => "&=",
        ("|", '|') => "||",
        ("|", '=') => "|=",
        ("<<", '=') => "<<=",
        (">>", '=') => ">>=",
        (".", '.') => "..",
        ("..", '.') => "...",
        ("..", '=') => "..=",
        (":", ':') => "::",
        _ => return None,
    })
}

fn nfc(s: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// rustc's `Symbol::can_be_raw`.
pub fn can_be_raw(name: &str) -> bool {
    !matches!(
        name,
        "" | "_" | "super" | "self" | "Self" | "crate" | "$crate" | "{{root}}"
    )
}

impl Lexer<'_, '_> {
    fn error(&mut self, message: String, range: Range<usize>) {
        self.emitted.push(LexError {
            message,
            range,
            severity: Severity::Error,
            fatal: false,
        });
    }

    fn fatal(&mut self, message: String, range: Range<usize>) -> LexError {
        let e = LexError {
            message,
            range,
            severity: Severity::Error,
            fatal: true,
        };
        self.emitted.push(e.clone());
        e
    }

    fn run(&mut self) -> Result<(), LexError> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut mismatches: Vec<LexError> = Vec::new();
        let mut last_mismatch_at: Option<usize> = None;
        let mut tok = self.next_tok()?;
        loop {
            match tok.tok {
                Tok::Open(delim) => {
                    let open = self.sink.span(tok.lo, tok.hi);
                    stack.push(Frame {
                        delim,
                        index: self.out.len(),
                        open,
                    });
                    self.out.push(Token::Group(Group {
                        delimiter: delim,
                        open,
                        close: open,
                        entire: open,
                        len: 0,
                        open_spacing: Spacing::Alone,
                        close_spacing: Spacing::Alone,
                        doc_comment: None,
                    }));
                    tok = self.next_tok()?;
                    let index = self.out.len() - 1;
                    if let Token::Group(g) = &mut self.out[index] {
                        g.open_spacing = spacing_before(&tok);
                    }
                }
                Tok::Close(delim) => {
                    let close_char = delim_char(delim, false);
                    let Some(frame) = stack.pop() else {
                        let e = LexError {
                            message: format!("unexpected closing delimiter: `{close_char}`"),
                            range: tok.lo..tok.hi,
                            severity: Severity::Error,
                            fatal: false,
                        };
                        return Err(mismatches.into_iter().next().unwrap_or(e));
                    };
                    let close = self.sink.span(tok.lo, tok.hi);
                    self.finish_group(&frame, close);
                    if delim == frame.delim {
                        tok = self.next_tok()?;
                        if let Token::Group(g) = &mut self.out[frame.index] {
                            g.close_spacing = spacing_before(&tok);
                        }
                        continue;
                    }
                    // The same stray delimiter may close several groups: report it once.
                    if last_mismatch_at != Some(tok.lo) {
                        last_mismatch_at = Some(tok.lo);
                        mismatches.push(LexError {
                            message: format!("mismatched closing delimiter: `{close_char}`"),
                            range: tok.lo..tok.hi,
                            severity: Severity::Error,
                            fatal: false,
                        });
                    }
                    // Leave it for an outer group that it matches; otherwise drop it.
                    if !stack.iter().any(|f| f.delim == delim) {
                        tok = self.next_tok()?;
                    }
                }
                Tok::Eof => {
                    if !stack.is_empty() {
                        let e = LexError {
                            message: "this file contains an unclosed delimiter".into(),
                            range: tok.lo..tok.hi,
                            severity: Severity::Error,
                            fatal: false,
                        };
                        return Err(mismatches.into_iter().next().unwrap_or(e));
                    }
                    return match mismatches.into_iter().next() {
                        Some(e) => Err(e),
                        None => Ok(()),
                    };
                }
                _ => {
                    let (this, next) = self.glue_run(tok)?;
                    let spacing = spacing_before(&next);
                    self.push_token(this, spacing);
                    tok = next;
                }
            }
        }
    }

    fn finish_group(&mut self, frame: &Frame, close: SpanId) {
        let entire = self.sink.join(frame.open, close);
        let len = (self.out.len() - frame.index - 1) as u32;
        if let Token::Group(g) = &mut self.out[frame.index] {
            g.close = close;
            g.entire = entire;
            g.len = len;
        }
    }

    /// Glues `tok` with following operator chars; returns it and the next token.
    fn glue_run(&mut self, mut tok: CTok) -> Result<(CTok, CTok), LexError> {
        loop {
            let next = self.next_tok()?;
            if next.ws_before {
                return Ok((tok, next));
            }
            if let (Tok::Op(a), Tok::Op(b)) = (&tok.tok, &next.tok)
                && let Some(g) = glue(a, b.chars().next().unwrap_or(' '))
            {
                tok.tok = Tok::Op(g.to_string());
                tok.hi = next.hi;
                continue;
            }
            return Ok((tok, next));
        }
    }

    /// Converts one cooked token, followed by `spacing`, as rustc's proc_macro server presents
    /// it, keeping the spacing a macro does not see for the printer.
    fn push_token(&mut self, tok: CTok, spacing: Spacing) {
        let span = self.sink.span(tok.lo, tok.hi);
        match tok.tok {
            Tok::Op(op) => {
                let n = op.chars().count();
                for (i, ch) in op.chars().enumerate() {
                    let span = self.sink.split(span, i, n);
                    let spacing = if i + 1 < n { Spacing::Joint } else { spacing };
                    self.out.push(Token::Punct(Punct { ch, spacing, span }));
                }
            }
            Tok::Ident { name, raw } => {
                self.out.push(Token::Ident(Ident {
                    name,
                    is_raw: raw,
                    span,
                    spacing,
                }));
            }
            Tok::Lifetime { name, raw } => {
                // One lifetime token in rustc: its spacing is the ident's (the printer glues
                // `'` + ident back together).
                self.out.push(Token::Punct(Punct {
                    ch: '\'',
                    spacing: Spacing::Joint,
                    span,
                }));
                self.out.push(Token::Ident(Ident {
                    name,
                    is_raw: raw,
                    span,
                    spacing,
                }));
            }
            Tok::Lit {
                kind,
                symbol,
                suffix,
            } => {
                self.out.push(Token::Literal(Literal {
                    kind,
                    symbol,
                    suffix,
                    span,
                    spacing,
                }));
            }
            Tok::Doc { inner, block, text } => {
                // `#` [`!`] `[doc = "text"]`, every token with the comment's span. The group is
                // marked: until a macro takes the stream apart, rustc holds (and prints) one
                // doc comment token, whose spacing the group's close spacing keeps.
                let escaped: String = text.chars().flat_map(char::escape_debug).collect();
                let alone = Spacing::Alone;
                self.out.push(Token::Punct(Punct {
                    ch: '#',
                    spacing: alone,
                    span,
                }));
                if inner {
                    self.out.push(Token::Punct(Punct {
                        ch: '!',
                        spacing: alone,
                        span,
                    }));
                }
                self.out.push(Token::Group(Group {
                    delimiter: Delimiter::Bracket,
                    open: span,
                    close: span,
                    entire: span,
                    len: 3,
                    open_spacing: alone,
                    close_spacing: spacing,
                    doc_comment: Some(if block {
                        CommentKind::Block
                    } else {
                        CommentKind::Line
                    }),
                }));
                self.out.push(Token::Ident(Ident {
                    name: "doc".into(),
                    is_raw: false,
                    span,
                    spacing: alone,
                }));
                self.out.push(Token::Punct(Punct {
                    ch: '=',
                    spacing: alone,
                    span,
                }));
                self.out.push(Token::Literal(Literal {
                    kind: LitKind::Str,
                    symbol: escaped,
                    suffix: None,
                    span,
                    spacing: alone,
                }));
            }
            Tok::Open(_) | Tok::Close(_) | Tok::Eof => unreachable!("not a plain token"),
        }
    }

    /// The next non-trivia token, cooked.
    fn next_tok(&mut self) -> Result<CTok, LexError> {
        let mut ws_before = false;
        loop {
            let lo = self.cur.pos();
            let raw = raw::next_token(&mut self.cur);
            let hi = lo + raw.len;
            let tok = match raw.kind {
                RawKind::Whitespace | RawKind::LineComment { doc_inner: None } => {
                    ws_before = true;
                    continue;
                }
                RawKind::BlockComment {
                    doc_inner,
                    terminated,
                } => {
                    if !terminated {
                        let what = if doc_inner.is_some() {
                            "block doc-comment"
                        } else {
                            "block comment"
                        };
                        return Err(self.fatal(format!("unterminated {what}"), lo..hi));
                    }
                    match doc_inner {
                        None => {
                            ws_before = true;
                            continue;
                        }
                        Some(inner) => self.doc(inner, lo + 3, hi - 2, true),
                    }
                }
                RawKind::LineComment {
                    doc_inner: Some(inner),
                } => self.doc(inner, lo + 3, hi, false),
                RawKind::Ident => Tok::Ident {
                    name: nfc(&self.src[lo..hi]),
                    raw: false,
                },
                RawKind::RawIdent => {
                    let name = nfc(&self.src[lo + 2..hi]);
                    if !can_be_raw(&name) {
                        self.error(format!("`{name}` cannot be a raw identifier"), lo..hi);
                    }
                    Tok::Ident { name, raw: true }
                }
                RawKind::UnknownPrefix => {
                    self.unknown_prefix(lo..hi);
                    Tok::Ident {
                        name: nfc(&self.src[lo..hi]),
                        raw: false,
                    }
                }
                RawKind::UnknownPrefixLifetime => {
                    self.unknown_prefix(lo..hi);
                    Tok::Lifetime {
                        name: self.src[lo + 1..hi].to_string(),
                        raw: false,
                    }
                }
                RawKind::InvalidIdent => {
                    let name = nfc(&self.src[lo..hi]);
                    self.emoji_ident(&name, lo..hi);
                    Tok::Ident { name, raw: false }
                }
                RawKind::Literal {
                    kind: RawLit::CStr { .. } | RawLit::RawCStr { .. },
                    ..
                } if self.opts.edition < Edition::E2021 => {
                    // Before 2021, `c"..."` is the identifier `c` followed by a string.
                    let prefix = if self.src[lo..].starts_with("cr") {
                        2
                    } else {
                        1
                    };
                    self.cur.reset_to(lo + prefix);
                    let tok = Tok::Ident {
                        name: self.src[lo..lo + prefix].to_string(),
                        raw: false,
                    };
                    return Ok(CTok {
                        tok,
                        lo,
                        hi: lo + prefix,
                        ws_before,
                    });
                }
                RawKind::GuardedStrPrefix => {
                    if self.opts.edition < Edition::E2024 {
                        // Before 2024 this is a `#` and whatever follows it.
                        self.cur.reset_to(lo + 1);
                        return Ok(CTok {
                            tok: Tok::Op("#".into()),
                            lo,
                            hi: lo + 1,
                            ws_before,
                        });
                    }
                    let (tok, hi) = self.guarded_str(lo)?;
                    return Ok(CTok {
                        tok,
                        lo,
                        hi,
                        ws_before,
                    });
                }
                RawKind::Literal { kind, suffix_start } => {
                    self.literal(kind, lo, lo + suffix_start, hi)?
                }
                RawKind::Lifetime { starts_with_number } => {
                    if starts_with_number {
                        self.error("lifetimes cannot start with a number".into(), lo..hi);
                    }
                    Tok::Lifetime {
                        name: nfc(&self.src[lo + 1..hi]),
                        raw: false,
                    }
                }
                RawKind::RawLifetime => {
                    if self.opts.edition < Edition::E2021 {
                        // Before 2021: `'r` then `#` and an identifier.
                        self.cur.reset_to(lo + 2);
                        let tok = Tok::Lifetime {
                            name: "r".into(),
                            raw: false,
                        };
                        return Ok(CTok {
                            tok,
                            lo,
                            hi: lo + 2,
                            ws_before,
                        });
                    }
                    if self.cur.first() == '\'' {
                        let msg = "character literal may only contain one codepoint".to_string();
                        self.error(msg, lo..hi + 1);
                    }
                    let name = nfc(&self.src[lo + 3..hi]);
                    if !can_be_raw(&name) {
                        self.error(format!("`{name}` cannot be a raw lifetime"), lo..hi);
                    }
                    Tok::Lifetime { name, raw: true }
                }
                RawKind::Punct(c) => match c {
                    '(' => Tok::Open(Delimiter::Parenthesis),
                    '[' => Tok::Open(Delimiter::Bracket),
                    '{' => Tok::Open(Delimiter::Brace),
                    ')' => Tok::Close(Delimiter::Parenthesis),
                    ']' => Tok::Close(Delimiter::Bracket),
                    '}' => Tok::Close(Delimiter::Brace),
                    c => Tok::Op(c.to_string()),
                },
                RawKind::Unknown => {
                    self.unknown(lo, hi);
                    ws_before = true;
                    continue;
                }
                RawKind::Eof => Tok::Eof,
            };
            return Ok(CTok {
                tok,
                lo,
                hi,
                ws_before,
            });
        }
    }

    fn doc(&mut self, inner: bool, from: usize, to: usize, block: bool) -> Tok {
        let text = &self.src[from..to];
        for (i, _) in text.match_indices('\r') {
            let what = if block {
                "block doc-comment"
            } else {
                "doc-comment"
            };
            self.error(
                format!("bare CR not allowed in {what}"),
                from + i..from + i + 1,
            );
        }
        Tok::Doc {
            inner,
            block,
            text: text.to_string(),
        }
    }

    fn unknown_prefix(&mut self, range: Range<usize>) {
        // Reserved prefixes are errors from Rust 2021 on (only a lint before).
        if self.opts.edition >= Edition::E2021 {
            let prefix = self.src[range.clone()].trim_start_matches('\'').to_string();
            let prefix = if self.src[range.clone()].starts_with('\'') {
                format!("'{prefix}")
            } else {
                prefix
            };
            self.error(format!("prefix `{prefix}` is unknown"), range);
        }
    }

    fn emoji_ident(&mut self, name: &str, range: Range<usize>) {
        // rustc gathers these and reports each distinct identifier once.
        if self.emoji_reported.iter().any(|n| n == name) {
            return;
        }
        self.emoji_reported.push(name.to_string());
        let msg = if name == "\u{1f980}" {
            "Ferris cannot be used as an identifier".to_string()
        } else {
            format!("identifiers cannot contain emoji: `{name}`")
        };
        self.error(msg, range);
    }

    fn unknown(&mut self, lo: usize, hi: usize) {
        if self.swallow > 0 {
            self.swallow -= 1;
            return;
        }
        let c = self.src[lo..].chars().next().unwrap_or('\0');
        if c == '\u{a0}' {
            if self.nbsp_is_whitespace {
                return;
            }
            self.nbsp_is_whitespace = true;
        }
        let repeats = self.src[hi..].chars().take_while(|&d| d == c).count();
        self.swallow = repeats;
        let end = hi + repeats * c.len_utf8();
        self.error(
            format!("unknown start of token: {}", escaped_char(c)),
            lo..end,
        );
    }

    /// `#"..."#` or `##` in Rust 2024: reserved, an error literal.
    fn guarded_str(&mut self, lo: usize) -> Result<(Tok, usize), LexError> {
        let mut cur = Cursor::new(self.src);
        cur.reset_to(lo);
        let mut n = 0;
        while cur.first() == '#' {
            n += 1;
            cur.bump();
        }
        let hi = if cur.first() == '"' {
            cur.bump();
            let mut terminated = false;
            while let Some(c) = cur.bump() {
                match c {
                    '"' => {
                        terminated = true;
                        break;
                    }
                    '\\' if matches!(cur.first(), '\\' | '"') => {
                        cur.bump();
                    }
                    _ => {}
                }
            }
            if !terminated {
                let end = cur.pos();
                return Err(self.fatal("unterminated double quote string".into(), lo + n..end));
            }
            let mut closing = 0;
            while cur.first() == '#' && closing < n {
                closing += 1;
                cur.bump();
            }
            if raw::is_id_start(cur.first()) {
                cur.bump();
                cur.eat_while(raw::is_id_continue);
            }
            let hi = cur.pos();
            self.cur.reset_to(hi);
            self.error("invalid string literal".into(), lo..hi);
            hi
        } else {
            let hi = self.cur.pos();
            self.error("reserved multi-hash token is forbidden".into(), lo..hi);
            hi
        };
        let symbol = self.src[lo..hi].to_string();
        Ok((
            Tok::Lit {
                kind: LitKind::Err,
                symbol,
                suffix: None,
            },
            hi,
        ))
    }

    /// Cooks a literal spanning `lo..hi` whose suffix starts at `sfx`.
    fn literal(&mut self, kind: RawLit, lo: usize, sfx: usize, hi: usize) -> Result<Tok, LexError> {
        let unterminated = |what: &str| format!("unterminated {what}");
        let (lit_kind, symbol) = match kind {
            RawLit::Char { terminated } => {
                if !terminated {
                    return Err(self.fatal(unterminated("character literal"), lo..sfx));
                }
                self.quoted(LitKind::Char, Mode::Char, lo, sfx, 1, 1)
            }
            RawLit::Byte { terminated } => {
                if !terminated {
                    return Err(self.fatal(unterminated("byte constant"), lo + 1..sfx));
                }
                self.quoted(LitKind::Byte, Mode::Byte, lo, sfx, 2, 1)
            }
            RawLit::Str { terminated } => {
                if !terminated {
                    return Err(self.fatal(unterminated("double quote string"), lo..sfx));
                }
                self.quoted(LitKind::Str, Mode::Str, lo, sfx, 1, 1)
            }
            RawLit::ByteStr { terminated } => {
                if !terminated {
                    return Err(self.fatal(unterminated("double quote byte string"), lo + 1..sfx));
                }
                self.quoted(LitKind::ByteStr, Mode::ByteStr, lo, sfx, 2, 1)
            }
            RawLit::CStr { terminated } => {
                if !terminated {
                    return Err(self.fatal(unterminated("C string"), lo + 1..sfx));
                }
                self.quoted(LitKind::CStr, Mode::CStr, lo, sfx, 2, 1)
            }
            RawLit::RawStr { n_hashes } => {
                let Some(n) = n_hashes else {
                    return Err(self.raw_str_error(lo, hi, 1));
                };
                let k = n as usize;
                self.quoted(LitKind::StrRaw(n), Mode::RawStr, lo, sfx, 2 + k, 1 + k)
            }
            RawLit::RawByteStr { n_hashes } => {
                let Some(n) = n_hashes else {
                    return Err(self.raw_str_error(lo, hi, 2));
                };
                let k = n as usize;
                self.quoted(
                    LitKind::ByteStrRaw(n),
                    Mode::RawByteStr,
                    lo,
                    sfx,
                    3 + k,
                    1 + k,
                )
            }
            RawLit::RawCStr { n_hashes } => {
                let Some(n) = n_hashes else {
                    return Err(self.raw_str_error(lo, hi, 2));
                };
                let k = n as usize;
                self.quoted(LitKind::CStrRaw(n), Mode::RawCStr, lo, sfx, 3 + k, 1 + k)
            }
            RawLit::Int { base, empty_int } => {
                let mut kind = LitKind::Integer;
                if empty_int {
                    self.error("no valid digits found for number".into(), lo..sfx);
                    kind = LitKind::Err;
                } else if matches!(base, raw::Base::Binary | raw::Base::Octal) {
                    let radix = base as u32;
                    for (i, c) in self.src[lo + 2..sfx].char_indices() {
                        if c != '_' && c.to_digit(radix).is_none() {
                            let at = lo + 2 + i;
                            let msg = format!("invalid digit for a base {radix} literal");
                            self.error(msg, at..at + c.len_utf8());
                            kind = LitKind::Err;
                        }
                    }
                }
                (kind, self.src[lo..sfx].to_string())
            }
            RawLit::Float {
                base,
                empty_exponent,
            } => {
                let mut kind = LitKind::Float;
                if empty_exponent {
                    self.error("expected at least one digit in exponent".into(), lo..hi);
                    kind = LitKind::Err;
                }
                let base_name = match base {
                    raw::Base::Hexadecimal => Some("hexadecimal"),
                    raw::Base::Octal => Some("octal"),
                    raw::Base::Binary => Some("binary"),
                    raw::Base::Decimal => None,
                };
                if let Some(b) = base_name {
                    self.error(format!("{b} float literal is not supported"), lo..sfx);
                    kind = LitKind::Err;
                }
                (kind, self.src[lo..sfx].to_string())
            }
        };
        let suffix = if sfx < hi {
            let s = &self.src[sfx..hi];
            if s == "_" {
                self.error("underscore literal suffix is not allowed".into(), sfx..hi);
                None
            } else {
                Some(s.to_string())
            }
        } else {
            None
        };
        Ok(Tok::Lit {
            kind: lit_kind,
            symbol,
            suffix,
        })
    }

    /// Validates the contents of a quoted literal. On error the literal becomes `LitKind::Err`
    /// and, as in rustc, its symbol keeps the quotes and prefix.
    fn quoted(
        &mut self,
        kind: LitKind,
        mode: Mode,
        lo: usize,
        end: usize,
        prefix: usize,
        postfix: usize,
    ) -> (LitKind, String) {
        let from = lo + prefix;
        let text = &self.src[from..end - postfix];
        let mut found = Vec::new();
        escape::check(text, mode, &mut |range, err| found.push((range, err)));
        let mut failed = false;
        for (range, err) in found {
            let message = escape::message(err, mode, text, &range);
            let range = from + range.start..from + range.end;
            let severity = if err.is_warning() {
                Severity::Warning
            } else {
                Severity::Error
            };
            failed |= !err.is_warning();
            self.emitted.push(LexError {
                message,
                range,
                severity,
                fatal: false,
            });
        }
        if failed {
            (LitKind::Err, self.src[lo..end].to_string())
        } else {
            (kind, text.to_string())
        }
    }

    fn raw_str_error(&mut self, lo: usize, hi: usize, prefix_len: usize) -> LexError {
        match raw::raw_str_error(&self.src[lo..hi], prefix_len) {
            RawStrError::InvalidStarter { bad_char } => self.fatal(
                format!(
                    "found invalid character; only `#` is allowed in raw string delimitation: {}",
                    escaped_char(bad_char)
                ),
                lo..hi,
            ),
            RawStrError::NoTerminator { .. } => self.fatal("unterminated raw string".into(), lo..lo),
            RawStrError::TooManyDelimiters { found } => self.fatal(
                format!(
                    "too many `#` symbols: raw strings may be delimited by up to 255 `#` symbols, but found {found}"
                ),
                lo..hi,
            ),
        }
    }
}
