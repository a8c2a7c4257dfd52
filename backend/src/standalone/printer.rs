//! `TokenStream::to_string` as rustc computes it (`pprust::tts_to_string`).
//!
//! The pipeline mirrors rustc: the macro's tokens are first converted the way the proc_macro
//! server converts them (a negative number becomes `-` + number), adjacent tokens are glued as
//! `TokenStream` building does (`=` `=` -> `==`, `'` `a` -> lifetime), a doc comment that no
//! macro took apart becomes its comment token again, then each token is printed with a space
//! after it unless its spacing is not `Alone` or `space_between` says the pair reads better
//! without one, and everything goes through the line-breaking printer (`pp.rs`).
//!
//! Spacing is rustc's: tokens straight from the lexer carry what followed them in the source
//! (`a+b` prints as written); tokens a macro built or took apart are `Alone` unless joint.

use super::lexer::Edition;
use super::pp::{Breaks, Printer};
pub use crate::tokens::Spacing;
use crate::tokens::{CommentKind, Delimiter, LitKind, Literal, Token};

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// An operator, possibly glued (`::`, `..=`).
    Op(String),
    Ident {
        reserved: bool,
        raw: bool,
    },
    Lifetime,
    Literal,
    DocComment(CommentKind),
}

#[derive(Clone, Debug)]
enum Item {
    Tok {
        kind: Kind,
        text: String,
        spacing: Spacing,
    },
    /// A group; its body is the next `len` items.
    Open {
        delim: Delimiter,
        len: usize,
        open_spacing: Spacing,
        close_spacing: Spacing,
    },
}

/// Prints a token stream exactly as rustc's `TokenStream::to_string` (edition 2021 keywords).
pub fn print(tokens: &[Token]) -> String {
    print_with_edition(tokens, Edition::E2021)
}

/// As [`print()`]; `edition` decides which identifiers are keywords (`async`, `dyn`, `try`, `gen`),
/// which changes the spacing before `(` and `!`.
pub fn print_with_edition(tokens: &[Token], edition: Edition) -> String {
    emit(&convert(tokens, edition), Printer::new()).expect("no limit")
}

/// As [`print_with_edition`], but `None` as soon as the text would exceed `max_bytes`: deep
/// nesting indents every broken line further, so the text can grow with the square of the
/// stream, and printing stops there instead of finishing first.
pub fn print_bounded(tokens: &[Token], edition: Edition, max_bytes: usize) -> Option<String> {
    emit(&convert(tokens, edition), Printer::with_limit(max_bytes))
}

/// `proc_macro::Literal`'s source form (rustc's `literal_to_string`).
pub fn print_literal(lit: &Literal) -> String {
    literal_text(lit.kind, &lit.symbol, lit.suffix.as_deref())
}

pub fn literal_text(kind: LitKind, symbol: &str, suffix: Option<&str>) -> String {
    let hashes = |n: u8| "#".repeat(n as usize);
    let mut s = match kind {
        LitKind::Byte => format!("b'{symbol}'"),
        LitKind::Char => format!("'{symbol}'"),
        LitKind::Str => format!("\"{symbol}\""),
        LitKind::StrRaw(n) => format!("r{h}\"{symbol}\"{h}", h = hashes(n)),
        LitKind::ByteStr => format!("b\"{symbol}\""),
        LitKind::ByteStrRaw(n) => format!("br{h}\"{symbol}\"{h}", h = hashes(n)),
        LitKind::CStr => format!("c\"{symbol}\""),
        LitKind::CStrRaw(n) => format!("cr{h}\"{symbol}\"{h}", h = hashes(n)),
        LitKind::Integer | LitKind::Float | LitKind::Err => symbol.to_string(),
    };
    if let Some(suffix) = suffix {
        s.push_str(suffix);
    }
    s
}

/// rustc's `Ident::is_reserved` for the given edition: special names, strict and reserved
/// keywords, and the edition-dependent ones.
pub fn is_reserved(name: &str, edition: Edition) -> bool {
    const ALWAYS: &[&str] = &[
        "", "{{root}}", "$crate", "_", "as", "break", "const", "continue", "crate", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do",
        "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield",
    ];
    ALWAYS.contains(&name)
        || (edition >= Edition::E2018 && matches!(name, "async" | "await" | "dyn" | "try"))
        || (edition >= Edition::E2024 && name == "gen")
}

/// Token gluing as `TokenStream` building does it (`Token::glue`).
fn glue(
    first: &Kind,
    first_text: &str,
    second: &Kind,
    second_text: &str,
) -> Option<(Kind, String)> {
    let Kind::Op(a) = first else { return None };
    match second {
        Kind::Op(b) => {
            let glued = match (a.as_str(), b.as_str()) {
                ("=", "=")
                | ("=", ">")
                | ("<", "=")
                | ("<", "<")
                | ("<", "-")
                | (">", "=")
                | (">", ">")
                | ("!", "=")
                | ("+", "=")
                | ("-", "=")
                | ("-", ">")
                | ("*", "=")
                | ("/", "=")
                | ("%", "=")
                | ("^", "=")
                | ("&", "&")
                | ("&", "=")
                | ("|", "|")
                | ("|", "=")
                | ("<<", "=")
                | (">>", "=")
                | (".", ".")
                | ("..", ".")
                | ("..", "=")
                | (":", ":") => format!("{a}{b}"),
                _ => return None,
            };
            Some((Kind::Op(glued.clone()), glued))
        }
        Kind::Ident { .. } if a == "'" => {
            Some((Kind::Lifetime, format!("{first_text}{second_text}")))
        }
        _ => None,
    }
}

/// Flat proc-macro tokens to printable items, converting and gluing level by level.
fn convert(tokens: &[Token], edition: Edition) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(tokens.len());
    // Per open group: its item index, the input index where it ends, and the index of the last
    // token item at its level (gluing only joins siblings).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut last_tok: Vec<Option<usize>> = vec![None];
    let mut i = 0;
    loop {
        while let Some(&(open, end)) = stack.last()
            && end == i
        {
            let len = items.len() - open - 1;
            if let Item::Open { len: l, .. } = &mut items[open] {
                *l = len;
            }
            stack.pop();
            last_tok.pop();
            *last_tok.last_mut().expect("level") = None;
        }
        let Some(tok) = tokens.get(i) else { break };
        i += 1;
        let (kind, text, spacing) = match tok {
            Token::Group(g) => {
                if let Some(kind) = g.doc_comment
                    && *last_tok.last().expect("level") == items.len().checked_sub(1)
                    && let Some((text, taken)) = doc_comment(&mut items, kind, &tokens[i..], g.len)
                {
                    i += taken;
                    let level = last_tok.last_mut().expect("level");
                    *level = Some(items.len());
                    items.push(Item::Tok {
                        kind: Kind::DocComment(kind),
                        text,
                        spacing: g.close_spacing,
                    });
                    continue;
                }
                stack.push((items.len(), i + g.len as usize));
                items.push(Item::Open {
                    delim: g.delimiter,
                    len: 0,
                    open_spacing: g.open_spacing,
                    close_spacing: g.close_spacing,
                });
                *last_tok.last_mut().expect("level") = None;
                last_tok.push(None);
                continue;
            }
            Token::Punct(p) => (Kind::Op(p.ch.to_string()), p.ch.to_string(), p.spacing),
            Token::Ident(id) => {
                let text = if id.is_raw {
                    format!("r#{}", id.name)
                } else {
                    id.name.clone()
                };
                let reserved = is_reserved(&id.name, edition);
                (
                    Kind::Ident {
                        reserved,
                        raw: id.is_raw,
                    },
                    text,
                    id.spacing,
                )
            }
            Token::Literal(lit) => {
                let negative = matches!(lit.kind, LitKind::Integer | LitKind::Float)
                    && lit.symbol.starts_with('-');
                if negative {
                    // rustc turns a negative number into `-` (hidden-joint) and the number.
                    push_glued(
                        &mut items,
                        &mut last_tok,
                        Kind::Op("-".into()),
                        "-".into(),
                        Spacing::JointHidden,
                    );
                    let text = literal_text(lit.kind, &lit.symbol[1..], lit.suffix.as_deref());
                    (Kind::Literal, text, lit.spacing)
                } else {
                    (Kind::Literal, print_literal(lit), lit.spacing)
                }
            }
        };
        push_glued(&mut items, &mut last_tok, kind, text, spacing);
    }
    items
}

/// A doc comment that no macro took apart: the `#` (and `!`) items just pushed, and the group
/// `[doc = "text"]` whose body is `body` (`len` entries). Removes the puncts and returns the
/// comment as rustc prints it (`///text`, `/*!text*/`) and how many entries the body took;
/// `None` (printing the attribute) if the tokens do not have that shape.
fn doc_comment(
    items: &mut Vec<Item>,
    kind: CommentKind,
    body: &[Token],
    len: u32,
) -> Option<(String, usize)> {
    let [Token::Ident(doc), Token::Punct(eq), Token::Literal(lit)] = body.get(..3)? else {
        return None;
    };
    if len != 3 || doc.name != "doc" || eq.ch != '=' || lit.kind != LitKind::Str {
        return None;
    }
    let inner = match items.as_slice() {
        [.., a, b] if is_op(a, "#") && is_op(b, "!") => true,
        [.., a] if is_op(a, "#") => false,
        _ => return None,
    };
    items.truncate(items.len() - if inner { 2 } else { 1 });
    let text = unescape_debug(&lit.symbol);
    let comment = match (kind, inner) {
        (CommentKind::Line, false) => format!("///{text}"),
        (CommentKind::Line, true) => format!("//!{text}"),
        (CommentKind::Block, false) => format!("/**{text}*/"),
        (CommentKind::Block, true) => format!("/*!{text}*/"),
    };
    Some((comment, 3))
}

/// Undoes `char::escape_debug` (how the doc attribute's string holds the comment's text).
fn unescape_debug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn push_glued(
    items: &mut Vec<Item>,
    last_tok: &mut [Option<usize>],
    kind: Kind,
    text: String,
    spacing: Spacing,
) {
    let level = last_tok.last_mut().expect("level");
    if let Some(prev) = *level
        && let Item::Tok {
            kind: pk,
            text: pt,
            spacing: ps,
        } = &items[prev]
        && *ps != Spacing::Alone
        && let Some((k, t)) = glue(pk, pt, &kind, &text)
    {
        items[prev] = Item::Tok {
            kind: k,
            text: t,
            spacing,
        };
        return;
    }
    *level = Some(items.len());
    items.push(Item::Tok {
        kind,
        text,
        spacing,
    });
}

fn is_punct(item: &Item) -> bool {
    matches!(
        item,
        Item::Tok {
            kind: Kind::Op(_),
            ..
        }
    )
}

fn is_op(item: &Item, op: &str) -> bool {
    matches!(item, Item::Tok { kind: Kind::Op(o), .. } if o == op)
}

/// rustc's `space_between`: whether two adjacent trees, the first one `Alone`, get a space.
fn space_between(a: &Item, b: &Item) -> bool {
    // No space after a line doc comment (a hard break follows it anyway).
    if matches!(
        a,
        Item::Tok {
            kind: Kind::DocComment(CommentKind::Line),
            ..
        }
    ) {
        return false;
    }
    // `x.y`, `tup.0`
    if is_op(a, ".") && !is_punct(b) {
        return false;
    }
    // `$e`
    if is_op(a, "$")
        && matches!(
            b,
            Item::Tok {
                kind: Kind::Ident { .. },
                ..
            }
        )
    {
        return false;
    }
    // `foo,` `x;` `x.y`
    if !is_punct(a) && (is_op(b, ",") || is_op(b, ";") || is_op(b, ".")) {
        return false;
    }
    if let Item::Tok {
        kind: Kind::Ident { reserved, raw },
        text,
        ..
    } = a
    {
        // `println!` but `if !x`
        if is_op(b, "!") && (!reserved || *raw) {
            return false;
        }
        // `f(3)`, `fn(u8)`, `Self()`, `pub(crate)`, but `let (a, b)`
        if matches!(
            b,
            Item::Open {
                delim: Delimiter::Parenthesis,
                ..
            }
        ) && (!reserved || *raw || matches!(text.as_str(), "fn" | "Self" | "pub"))
        {
            return false;
        }
    }
    // `#[attr]`
    if is_op(a, "#")
        && matches!(
            b,
            Item::Open {
                delim: Delimiter::Bracket,
                ..
            }
        )
    {
        return false;
    }
    true
}

fn delims(d: Delimiter) -> (&'static str, &'static str) {
    match d {
        Delimiter::Parenthesis => ("(", ")"),
        Delimiter::Brace => ("{", "}"),
        Delimiter::Bracket => ("[", "]"),
        // Invisible delimiters print as empty words (which still take part in spacing).
        Delimiter::None => ("", ""),
    }
}

/// `print_tts` over the items, iteratively: a stack holds the open groups.
fn emit(items: &[Item], mut pp: Printer) -> Option<String> {
    // (group index, end of its body, whether a space followed its `{`)
    let mut stack: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    loop {
        let level_end = stack.last().map_or(items.len(), |f| f.1);
        if i == level_end {
            let Some((group, end, open_space)) = stack.pop() else {
                break;
            };
            let Item::Open {
                delim,
                close_spacing,
                ..
            } = items[group]
            else {
                unreachable!()
            };
            pp.end();
            if delim == Delimiter::Brace {
                if open_space {
                    pp.break_offset(1, -4);
                }
                pp.word("}");
                pp.end();
            } else {
                pp.word(delims(delim).1);
            }
            space_after(&mut pp, items, group, end, close_spacing, &stack);
            i = end;
            continue;
        }
        match &items[i] {
            Item::Tok {
                text,
                spacing,
                kind,
            } => {
                pp.word(text);
                if matches!(kind, Kind::DocComment(_)) {
                    pp.hardbreak();
                }
                space_after(&mut pp, items, i, i + 1, *spacing, &stack);
                i += 1;
            }
            Item::Open {
                delim,
                len,
                open_spacing,
                ..
            } => {
                // A space after `{` only if its spacing is `Alone` (and it is not empty); the
                // matching break before `}` follows the same choice.
                let open_space =
                    *delim == Delimiter::Brace && *len > 0 && *open_spacing == Spacing::Alone;
                if *delim == Delimiter::Brace {
                    pp.begin(4, Breaks::Consistent);
                    pp.word("{");
                    if open_space {
                        pp.space();
                    }
                } else {
                    pp.word(delims(*delim).0);
                }
                pp.begin(0, Breaks::Inconsistent);
                stack.push((i, i + 1 + len, open_space));
                i += 1;
            }
        }
    }
    pp.finish()
}

fn space_after(
    pp: &mut Printer,
    items: &[Item],
    cur: usize,
    next: usize,
    spacing: Spacing,
    stack: &[(usize, usize, bool)],
) {
    let level_end = stack.last().map_or(items.len(), |f| f.1);
    if next < level_end && spacing == Spacing::Alone && space_between(&items[cur], &items[next]) {
        pp.space();
    }
}
