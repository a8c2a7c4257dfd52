//! Conversion between guest token trees and the WIT's flat pre-order list, where a group
//! entry is followed by the `len` entries of its body.

use std::rc::Rc;

use super::wit::wasmacro::bridge::types as wt;
use crate::group::DelimSpan;
use crate::literal::LitKind;
use crate::token_tree::{CommentKind, TokSpacing};
use crate::{Delimiter, Group, Ident, Literal, Punct, Span, TokenStream, TokenTree};

pub(crate) fn to_flat(stream: &TokenStream) -> Vec<wt::Token> {
    let mut out = Vec::new();
    push_trees(stream.trees(), &mut out);
    out
}

fn push_trees(trees: &[TokenTree], out: &mut Vec<wt::Token>) {
    for tree in trees {
        match tree {
            TokenTree::Group(g) => {
                let at = out.len();
                out.push(wt::Token::Group(wt::Group {
                    delimiter: delimiter_to_wit(g.delimiter),
                    open: g.span.open.0,
                    close: g.span.close.0,
                    entire: g.span.entire.0,
                    len: 0,
                    open_spacing: spacing_to_wit(g.open_spacing),
                    close_spacing: spacing_to_wit(g.close_spacing),
                    doc_comment: g.doc_comment.map(comment_to_wit),
                }));
                push_trees(g.stream.trees(), out);
                let body = u32::try_from(out.len() - at - 1).expect("token stream too long");
                if let wt::Token::Group(header) = &mut out[at] {
                    header.len = body;
                }
            }
            TokenTree::Ident(i) => out.push(wt::Token::Ident(wt::Ident {
                name: i.sym.as_str().to_string(),
                is_raw: i.is_raw,
                span: i.span.0,
                spacing: spacing_to_wit(i.spacing),
            })),
            TokenTree::Punct(p) => out.push(wt::Token::Punct(wt::Punct {
                ch: p.ch,
                spacing: spacing_to_wit(p.spacing),
                span: p.span.0,
            })),
            TokenTree::Literal(l) => out.push(wt::Token::Literal(literal_to_wit(l))),
        }
    }
}

pub(crate) fn from_flat(tokens: Vec<wt::Token>) -> TokenStream {
    let count = tokens.len();
    let mut iter = tokens.into_iter();
    let trees = read_trees(&mut iter, count);
    TokenStream::from_trees(trees)
}

/// Reads trees covering exactly `count` flat entries (group bodies included).
fn read_trees(iter: &mut std::vec::IntoIter<wt::Token>, count: usize) -> Vec<TokenTree> {
    let mut trees = Vec::new();
    let mut left = count;
    while left > 0 {
        let token = iter.next().expect("malformed token stream from the host: group too long");
        left -= 1;
        trees.push(match token {
            wt::Token::Group(g) => {
                let len = g.len as usize;
                assert!(len <= left, "malformed token stream from the host: group too long");
                left -= len;
                TokenTree::Group(Group {
                    delimiter: delimiter_from_wit(g.delimiter),
                    stream: TokenStream::from_trees(read_trees(iter, len)),
                    span: DelimSpan { open: Span(g.open), close: Span(g.close), entire: Span(g.entire) },
                    open_spacing: spacing_from_wit(g.open_spacing),
                    close_spacing: spacing_from_wit(g.close_spacing),
                    doc_comment: g.doc_comment.map(comment_from_wit),
                })
            }
            wt::Token::Ident(i) => TokenTree::Ident(Ident {
                sym: crate::symbol::Symbol::intern(&i.name),
                is_raw: i.is_raw,
                span: Span(i.span),
                spacing: spacing_from_wit(i.spacing),
            }),
            wt::Token::Punct(p) => {
                TokenTree::Punct(Punct { ch: p.ch, spacing: spacing_from_wit(p.spacing), span: Span(p.span) })
            }
            wt::Token::Literal(l) => TokenTree::Literal(literal_from_wit(l)),
        });
    }
    trees
}

fn spacing_to_wit(s: TokSpacing) -> wt::Spacing {
    match s {
        TokSpacing::Alone => wt::Spacing::Alone,
        TokSpacing::Joint => wt::Spacing::Joint,
        TokSpacing::JointHidden => wt::Spacing::JointHidden,
    }
}

fn spacing_from_wit(s: wt::Spacing) -> TokSpacing {
    match s {
        wt::Spacing::Alone => TokSpacing::Alone,
        wt::Spacing::Joint => TokSpacing::Joint,
        wt::Spacing::JointHidden => TokSpacing::JointHidden,
    }
}

fn comment_to_wit(k: CommentKind) -> wt::CommentKind {
    match k {
        CommentKind::Line => wt::CommentKind::Line,
        CommentKind::Block => wt::CommentKind::Block,
    }
}

fn comment_from_wit(k: wt::CommentKind) -> CommentKind {
    match k {
        wt::CommentKind::Line => CommentKind::Line,
        wt::CommentKind::Block => CommentKind::Block,
    }
}

fn delimiter_to_wit(d: Delimiter) -> wt::Delimiter {
    match d {
        Delimiter::Parenthesis => wt::Delimiter::Parenthesis,
        Delimiter::Brace => wt::Delimiter::Brace,
        Delimiter::Bracket => wt::Delimiter::Bracket,
        Delimiter::None => wt::Delimiter::None,
    }
}

fn delimiter_from_wit(d: wt::Delimiter) -> Delimiter {
    match d {
        wt::Delimiter::Parenthesis => Delimiter::Parenthesis,
        wt::Delimiter::Brace => Delimiter::Brace,
        wt::Delimiter::Bracket => Delimiter::Bracket,
        wt::Delimiter::None => Delimiter::None,
    }
}

pub(crate) fn literal_to_wit(l: &Literal) -> wt::Literal {
    use wt::LiteralKind as K;
    let (kind, raw_hashes) = match l.kind {
        LitKind::Byte => (K::Byte, 0),
        LitKind::Char => (K::Char, 0),
        LitKind::Integer => (K::Integer, 0),
        LitKind::Float => (K::Float, 0),
        LitKind::Str => (K::Str, 0),
        LitKind::StrRaw(n) => (K::StrRaw, n),
        LitKind::ByteStr => (K::ByteStr, 0),
        LitKind::ByteStrRaw(n) => (K::ByteStrRaw, n),
        LitKind::CStr => (K::CStr, 0),
        LitKind::CStrRaw(n) => (K::CStrRaw, n),
        LitKind::ErrWithGuar => (K::Err, 0),
    };
    wt::Literal {
        kind,
        raw_hashes,
        symbol: l.symbol.to_string(),
        suffix: l.suffix.as_deref().map(str::to_owned),
        span: l.span.0,
        spacing: spacing_to_wit(l.spacing),
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
