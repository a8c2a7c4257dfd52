//! Conversion between guest token trees and the WIT's packed `token-stream`: five words per
//! token in pre-order (a group's entry is followed by the `len` entries of its body) plus one
//! text buffer for names and literal text. `wit/bridge.wit` documents the layout; the host
//! mirrors it in its `packed.rs`.

use std::rc::Rc;

use super::wit::wasmacro::bridge::types as wt;
use crate::group::DelimSpan;
use crate::literal::LitKind;
use crate::symbol::Symbol;
use crate::token_tree::{CommentKind, TokSpacing};
use crate::{Delimiter, Group, Ident, Literal, Punct, Span, TokenStream, TokenTree};

/// Words per entry.
pub(crate) const WORDS: usize = 5;

const GROUP: u32 = 0;
const IDENT: u32 = 1;
const PUNCT: u32 = 2;
const LITERAL: u32 = 3;

pub(crate) fn to_flat(stream: &TokenStream) -> wt::TokenStream {
    let mut out = wt::TokenStream { words: Vec::new(), text: String::new() };
    Symbol::with_names(|names| {
        let mut packer = Packer { out: &mut out, names, recent: [(u32::MAX, 0); RECENT_NAMES] };
        packer.push_trees(stream.trees());
    });
    out
}

/// Names whose text an output holds already, by symbol (direct-mapped): a macro's output
/// repeats its identifiers, and the format lets tokens share text.
const RECENT_NAMES: usize = 64;

/// Writes one output: the interned names, and where recent names' text starts.
struct Packer<'a> {
    out: &'a mut wt::TokenStream,
    names: &'a [&'static str],
    /// `(symbol index, start in text)`; `u32::MAX`: none.
    recent: [(u32, u32); RECENT_NAMES],
}

/// Appends `s` to the text; returns its start and length.
fn push_text(out: &mut wt::TokenStream, s: &str) -> (u32, u32) {
    let start = out.text.len();
    out.text.push_str(s);
    (offset(start), offset(s.len()))
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("token stream too long")
}

impl Packer<'_> {
    /// The start and length of `sym`'s name in the text, written there unless it is recent.
    fn name(&mut self, sym: Symbol) -> (u32, u32) {
        let index = sym.index();
        let name = self.names[index];
        let slot = &mut self.recent[index % RECENT_NAMES];
        if slot.0 == index as u32 {
            return (slot.1, offset(name.len()));
        }
        let (start, len) = push_text(self.out, name);
        *slot = (index as u32, start);
        (start, len)
    }

    fn push_trees(&mut self, trees: &[TokenTree]) {
        for tree in trees {
            match tree {
                TokenTree::Group(g) => {
                    let at = self.out.words.len();
                    let doc = match g.doc_comment {
                        None => 0,
                        Some(CommentKind::Line) => 1,
                        Some(CommentKind::Block) => 2,
                    };
                    let head = GROUP
                        | spacing_code(g.open_spacing) << 2
                        | delimiter_code(g.delimiter) << 4
                        | spacing_code(g.close_spacing) << 6
                        | doc << 8;
                    self.out.words.extend_from_slice(&[head, g.span.open.0, g.span.close.0, g.span.entire.0, 0]);
                    self.push_trees(g.stream.trees());
                    self.out.words[at + 4] = offset((self.out.words.len() - at) / WORDS - 1);
                }
                TokenTree::Ident(i) => {
                    let (start, len) = self.name(i.sym);
                    let head = IDENT | spacing_code(i.spacing) << 2 | u32::from(i.is_raw) << 4;
                    self.out.words.extend_from_slice(&[head, i.span.0, start, len, 0]);
                }
                TokenTree::Punct(p) => {
                    self.out.words.extend_from_slice(&[PUNCT | spacing_code(p.spacing) << 2, p.span.0, p.ch as u32, 0, 0]);
                }
                TokenTree::Literal(l) => {
                    let (kind, hashes) = literal_code(l.kind);
                    let (start, symbol_len) = push_text(self.out, &l.symbol);
                    let suffix_len = l.suffix.as_deref().map_or(0, |suffix| push_text(self.out, suffix).1);
                    let head = LITERAL | spacing_code(l.spacing) << 2 | kind << 4 | u32::from(hashes) << 8;
                    self.out.words.extend_from_slice(&[head, l.span.0, start, symbol_len, suffix_len]);
                }
            }
        }
    }
}

pub(crate) fn from_flat(stream: wt::TokenStream) -> TokenStream {
    let mut reader = Reader { words: &stream.words, text: &stream.text, next: 0 };
    let count = stream.words.len() / WORDS;
    TokenStream::from_trees(reader.trees(count))
}

/// Reads entries in order. The host checks what it sends, so a malformed entry is a host bug:
/// it panics (inside an expansion, reported as the macro's panic).
struct Reader<'a> {
    words: &'a [u32],
    text: &'a str,
    /// Index of the next entry.
    next: usize,
}

impl Reader<'_> {
    /// Reads trees covering exactly `count` entries (group bodies included).
    fn trees(&mut self, count: usize) -> Vec<TokenTree> {
        let mut trees = Vec::new();
        let mut left = count;
        while left > 0 {
            let entry = self.words.get(self.next * WORDS..(self.next + 1) * WORDS).expect(MALFORMED);
            self.next += 1;
            left -= 1;
            let head = entry[0];
            let spacing = spacing_from(head >> 2);
            trees.push(match head & 3 {
                GROUP => {
                    let len = entry[4] as usize;
                    assert!(len <= left, "{MALFORMED}");
                    left -= len;
                    TokenTree::Group(Group {
                        delimiter: delimiter_from(head >> 4),
                        stream: TokenStream::from_trees(self.trees(len)),
                        span: DelimSpan { open: Span(entry[1]), close: Span(entry[2]), entire: Span(entry[3]) },
                        open_spacing: spacing,
                        close_spacing: spacing_from(head >> 6),
                        doc_comment: match head >> 8 & 3 {
                            0 => None,
                            1 => Some(CommentKind::Line),
                            _ => Some(CommentKind::Block),
                        },
                    })
                }
                IDENT => TokenTree::Ident(Ident {
                    sym: crate::symbol::Symbol::intern(self.text(entry[2], entry[3])),
                    is_raw: head >> 4 & 1 == 1,
                    span: Span(entry[1]),
                    spacing,
                }),
                PUNCT => {
                    let ch = char::from_u32(entry[2]).expect(MALFORMED);
                    TokenTree::Punct(Punct { ch, spacing, span: Span(entry[1]) })
                }
                _ => {
                    let suffix = match entry[4] {
                        0 => None,
                        len => Some(Rc::from(self.text(entry[2] + entry[3], len))),
                    };
                    TokenTree::Literal(Literal {
                        kind: literal_from(head >> 4 & 0xf, (head >> 8) as u8),
                        symbol: Rc::from(self.text(entry[2], entry[3])),
                        suffix,
                        span: Span(entry[1]),
                        spacing,
                    })
                }
            });
        }
        trees
    }

    fn text(&self, start: u32, len: u32) -> &str {
        let start = start as usize;
        self.text.get(start..start + len as usize).expect(MALFORMED)
    }
}

const MALFORMED: &str = "malformed token stream from the host";

fn spacing_code(s: TokSpacing) -> u32 {
    match s {
        TokSpacing::Alone => 0,
        TokSpacing::Joint => 1,
        TokSpacing::JointHidden => 2,
    }
}

fn spacing_from(code: u32) -> TokSpacing {
    match code & 3 {
        0 => TokSpacing::Alone,
        1 => TokSpacing::Joint,
        _ => TokSpacing::JointHidden,
    }
}

fn delimiter_code(d: Delimiter) -> u32 {
    match d {
        Delimiter::Parenthesis => 0,
        Delimiter::Brace => 1,
        Delimiter::Bracket => 2,
        Delimiter::None => 3,
    }
}

fn delimiter_from(code: u32) -> Delimiter {
    match code & 3 {
        0 => Delimiter::Parenthesis,
        1 => Delimiter::Brace,
        2 => Delimiter::Bracket,
        _ => Delimiter::None,
    }
}

fn literal_code(kind: LitKind) -> (u32, u8) {
    match kind {
        LitKind::Byte => (0, 0),
        LitKind::Char => (1, 0),
        LitKind::Integer => (2, 0),
        LitKind::Float => (3, 0),
        LitKind::Str => (4, 0),
        LitKind::StrRaw(n) => (5, n),
        LitKind::ByteStr => (6, 0),
        LitKind::ByteStrRaw(n) => (7, n),
        LitKind::CStr => (8, 0),
        LitKind::CStrRaw(n) => (9, n),
        LitKind::ErrWithGuar => (10, 0),
    }
}

fn literal_from(code: u32, hashes: u8) -> LitKind {
    match code {
        0 => LitKind::Byte,
        1 => LitKind::Char,
        2 => LitKind::Integer,
        3 => LitKind::Float,
        4 => LitKind::Str,
        5 => LitKind::StrRaw(hashes),
        6 => LitKind::ByteStr,
        7 => LitKind::ByteStrRaw(hashes),
        8 => LitKind::CStr,
        9 => LitKind::CStrRaw(hashes),
        10 => LitKind::ErrWithGuar,
        _ => panic!("{MALFORMED}"),
    }
}

fn spacing_from_wit(s: wt::Spacing) -> TokSpacing {
    match s {
        wt::Spacing::Alone => TokSpacing::Alone,
        wt::Spacing::Joint => TokSpacing::Joint,
        wt::Spacing::JointHidden => TokSpacing::JointHidden,
    }
}

pub(crate) fn literal_from_wit(l: wt::Literal) -> Literal {
    use wt::LiteralKind as K;
    let n = l.raw_hashes;
    let kind = match l.kind {
        K::Byte => LitKind::Byte,
        K::Char => LitKind::Char,
        K::Integer => LitKind::Integer,
        K::Float => LitKind::Float,
        K::Str => LitKind::Str,
        K::StrRaw => LitKind::StrRaw(n),
        K::ByteStr => LitKind::ByteStr,
        K::ByteStrRaw => LitKind::ByteStrRaw(n),
        K::CStr => LitKind::CStr,
        K::CStrRaw => LitKind::CStrRaw(n),
        K::Err => LitKind::ErrWithGuar,
    };
    Literal {
        kind,
        symbol: Rc::from(l.symbol),
        suffix: l.suffix.map(Rc::from),
        span: Span(l.span),
        spacing: spacing_from_wit(l.spacing),
    }
}
