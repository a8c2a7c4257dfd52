//! First lexing stage: split text into raw tokens (kind + length), deciding only where tokens
//! end. Like rustc's `rustc_lexer`, this stage reports no errors: problems are recorded as
//! flags (`terminated: false`, `n_hashes: None`, ...) and judged by the cooking stage.

use super::cursor::{Cursor, EOF};
use unicode_properties::UnicodeEmoji;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Binary = 2,
    Octal = 8,
    Decimal = 10,
    Hexadecimal = 16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawLit {
    Int {
        base: Base,
        empty_int: bool,
    },
    Float {
        base: Base,
        empty_exponent: bool,
    },
    Char {
        terminated: bool,
    },
    Byte {
        terminated: bool,
    },
    Str {
        terminated: bool,
    },
    ByteStr {
        terminated: bool,
    },
    CStr {
        terminated: bool,
    },
    /// `None`: malformed (see [`raw_str_error`]).
    RawStr {
        n_hashes: Option<u8>,
    },
    RawByteStr {
        n_hashes: Option<u8>,
    },
    RawCStr {
        n_hashes: Option<u8>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawKind {
    /// `inner`: `//!`; `None` for a plain comment.
    LineComment {
        doc_inner: Option<bool>,
    },
    BlockComment {
        doc_inner: Option<bool>,
        terminated: bool,
    },
    Whitespace,
    Ident,
    /// Identifier containing emoji, lexed only to report it well.
    InvalidIdent,
    RawIdent,
    /// `foo` in `foo"..."`, `foo#`, `foo'`: reserved prefix.
    UnknownPrefix,
    /// `'foo` in `'foo#`.
    UnknownPrefixLifetime,
    RawLifetime,
    /// `#"` or `##`: reserved guarded-string syntax.
    GuardedStrPrefix,
    Literal {
        kind: RawLit,
        suffix_start: usize,
    },
    Lifetime {
        starts_with_number: bool,
    },
    /// A one-character punctuation or delimiter token.
    Punct(char),
    Unknown,
    Eof,
}

#[derive(Clone, Copy, Debug)]
pub struct RawToken {
    pub kind: RawKind,
    pub len: usize,
}

/// Why a raw string with `n_hashes: None` is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawStrError {
    InvalidStarter { bad_char: char },
    NoTerminator { expected: u32 },
    TooManyDelimiters { found: u32 },
}

/// Rust's `Pattern_White_Space`.
pub fn is_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{b}'
            | '\u{c}'
            | '\r'
            | ' '
            | '\u{85}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub fn is_id_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

pub fn is_id_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

/// Whether `s` is lexically one identifier (keywords included).
pub fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if is_id_start(c)) && chars.all(is_id_continue)
}

fn is_emoji(c: char) -> bool {
    !c.is_ascii() && c.is_emoji_char()
}

/// Length of a leading shebang line, if `src` has one. `#![` (after optional whitespace and
/// comments) starts an inner attribute instead, so it is not a shebang.
pub fn shebang_len(src: &str) -> Option<usize> {
    let tail = src.strip_prefix("#!")?;
    let mut cur = Cursor::new(tail);
    loop {
        let tok = next_token(&mut cur);
        match tok.kind {
            RawKind::Whitespace
            | RawKind::LineComment { doc_inner: None }
            | RawKind::BlockComment {
                doc_inner: None, ..
            } => continue,
            RawKind::Punct('[') => return None,
            _ => break,
        }
    }
    Some(2 + tail.lines().next().unwrap_or("").len())
}

/// Lexes the token at the cursor.
pub fn next_token(cur: &mut Cursor<'_>) -> RawToken {
    let start = cur.pos();
    let Some(c) = cur.bump() else {
        return RawToken {
            kind: RawKind::Eof,
            len: 0,
        };
    };
    let kind = match c {
        '/' if cur.first() == '/' => line_comment(cur),
        '/' if cur.first() == '*' => block_comment(cur),
        c if is_whitespace(c) => {
            cur.eat_while(is_whitespace);
            RawKind::Whitespace
        }
        'r' => match (cur.first(), cur.second()) {
            ('#', c1) if is_id_start(c1) => {
                cur.bump();
                eat_identifier(cur);
                RawKind::RawIdent
            }
            ('#', _) | ('"', _) => raw_str_literal(cur, start, |n| RawLit::RawStr { n_hashes: n }),
            _ => ident_or_unknown_prefix(cur),
        },
        'b' => prefixed_literal(
            cur,
            start,
            true,
            |t| RawLit::ByteStr { terminated: t },
            |n| RawLit::RawByteStr { n_hashes: n },
        ),
        'c' => prefixed_literal(
            cur,
            start,
            false,
            |t| RawLit::CStr { terminated: t },
            |n| RawLit::RawCStr { n_hashes: n },
        ),
        c if is_id_start(c) => ident_or_unknown_prefix(cur),
        c @ '0'..='9' => {
            let kind = number(cur, c);
            let suffix_start = cur.pos() - start;
            eat_identifier(cur);
            RawKind::Literal { kind, suffix_start }
        }
        '#' if matches!(cur.first(), '"' | '#') => {
            cur.bump();
            RawKind::GuardedStrPrefix
        }
        '\'' => lifetime_or_char(cur, start),
        '"' => {
            let terminated = double_quoted(cur);
            let suffix_start = cur.pos() - start;
            if terminated {
                eat_identifier(cur);
            }
            RawKind::Literal {
                kind: RawLit::Str { terminated },
                suffix_start,
            }
        }
        ';' | ',' | '.' | '(' | ')' | '{' | '}' | '[' | ']' | '@' | '#' | '~' | '?' | ':' | '$'
        | '=' | '!' | '<' | '>' | '-' | '&' | '|' | '+' | '*' | '/' | '^' | '%' => {
            RawKind::Punct(c)
        }
        c if is_emoji(c) => invalid_ident(cur),
        _ => RawKind::Unknown,
    };
    RawToken {
        kind,
        len: cur.pos() - start,
    }
}

fn line_comment(cur: &mut Cursor<'_>) -> RawKind {
    cur.bump();
    // `//!` is inner doc, `///` outer doc, but `////...` is a plain comment.
    let doc_inner = match cur.first() {
        '!' => Some(true),
        '/' if cur.second() != '/' => Some(false),
        _ => None,
    };
    cur.eat_until('\n');
    RawKind::LineComment { doc_inner }
}

fn block_comment(cur: &mut Cursor<'_>) -> RawKind {
    cur.bump();
    // `/*!` is inner doc, `/**` outer doc, but `/***` and `/**/` are plain comments.
    let doc_inner = match cur.first() {
        '!' => Some(true),
        '*' if !matches!(cur.second(), '*' | '/') => Some(false),
        _ => None,
    };
    let mut depth = 1usize;
    while let Some(c) = cur.bump() {
        if c == '/' && cur.first() == '*' {
            cur.bump();
            depth += 1;
        } else if c == '*' && cur.first() == '/' {
            cur.bump();
            depth -= 1;
            if depth == 0 {
                break;
            }
        }
    }
    RawKind::BlockComment {
        doc_inner,
        terminated: depth == 0,
    }
}

fn eat_identifier(cur: &mut Cursor<'_>) {
    if is_id_start(cur.first()) {
        cur.bump();
        cur.eat_while(is_id_continue);
    }
}

fn ident_or_unknown_prefix(cur: &mut Cursor<'_>) -> RawKind {
    cur.eat_while(is_id_continue);
    match cur.first() {
        '#' | '"' | '\'' => RawKind::UnknownPrefix,
        c if is_emoji(c) => invalid_ident(cur),
        _ => RawKind::Ident,
    }
}

fn invalid_ident(cur: &mut Cursor<'_>) -> RawKind {
    cur.eat_while(|c| is_id_continue(c) || is_emoji(c) || c == '\u{200d}');
    RawKind::InvalidIdent
}

/// `b'x'`, `b"x"`, `br"x"` (or `c"x"`, `cr"x"`), else an identifier starting with the prefix.
fn prefixed_literal(
    cur: &mut Cursor<'_>,
    start: usize,
    allow_byte: bool,
    quoted: fn(bool) -> RawLit,
    raw: fn(Option<u8>) -> RawLit,
) -> RawKind {
    match (cur.first(), cur.second()) {
        ('\'', _) if allow_byte => {
            cur.bump();
            let terminated = single_quoted(cur);
            let suffix_start = cur.pos() - start;
            if terminated {
                eat_identifier(cur);
            }
            RawKind::Literal {
                kind: RawLit::Byte { terminated },
                suffix_start,
            }
        }
        ('"', _) => {
            cur.bump();
            let terminated = double_quoted(cur);
            let suffix_start = cur.pos() - start;
            if terminated {
                eat_identifier(cur);
            }
            RawKind::Literal {
                kind: quoted(terminated),
                suffix_start,
            }
        }
        ('r', '"') | ('r', '#') => {
            cur.bump();
            raw_str_literal(cur, start, raw)
        }
        _ => ident_or_unknown_prefix(cur),
    }
}

/// With the cursor after the `r`: eats `#*"..."#*` and a suffix when well formed.
fn raw_str_literal(cur: &mut Cursor<'_>, start: usize, mk: fn(Option<u8>) -> RawLit) -> RawKind {
    let n = raw_str_body(cur).ok();
    let suffix_start = cur.pos() - start;
    if n.is_some() {
        eat_identifier(cur);
    }
    RawKind::Literal {
        kind: mk(n),
        suffix_start,
    }
}

fn raw_str_body(cur: &mut Cursor<'_>) -> Result<u8, RawStrError> {
    let mut n_start = 0u32;
    while cur.first() == '#' {
        n_start += 1;
        cur.bump();
    }
    match cur.bump() {
        Some('"') => {}
        c => {
            return Err(RawStrError::InvalidStarter {
                bad_char: c.unwrap_or(EOF),
            });
        }
    }
    loop {
        cur.eat_until('"');
        if cur.is_eof() {
            return Err(RawStrError::NoTerminator { expected: n_start });
        }
        cur.bump();
        // Extra trailing `#`s are left for the next token.
        let mut n_end = 0;
        while cur.first() == '#' && n_end < n_start {
            n_end += 1;
            cur.bump();
        }
        if n_end == n_start {
            return u8::try_from(n_start)
                .map_err(|_| RawStrError::TooManyDelimiters { found: n_start });
        }
    }
}

/// Re-lexes a malformed raw string (`text` starts at its `r`, `br` or `cr`) to say why.
pub fn raw_str_error(text: &str, prefix_len: usize) -> RawStrError {
    let mut cur = Cursor::new(&text[prefix_len..]);
    raw_str_body(&mut cur)
        .err()
        .unwrap_or(RawStrError::NoTerminator { expected: 0 })
}

/// With the cursor after the opening quote; true when the closing quote was found.
fn double_quoted(cur: &mut Cursor<'_>) -> bool {
    while let Some(c) = cur.bump() {
        match c {
            '"' => return true,
            '\\' if matches!(cur.first(), '\\' | '"') => {
                cur.bump();
            }
            _ => {}
        }
    }
    false
}

/// With the cursor after the opening `'`; true when the closing quote was found.
fn single_quoted(cur: &mut Cursor<'_>) -> bool {
    if cur.second() == '\'' && cur.first() != '\\' {
        cur.bump();
        cur.bump();
        return true;
    }
    loop {
        match cur.first() {
            '\'' => {
                cur.bump();
                return true;
            }
            // Likely a comment start: keep it out of the error.
            '/' => return false,
            '\n' if cur.second() != '\'' => return false,
            EOF if cur.is_eof() => return false,
            '\\' => {
                cur.bump();
                cur.bump();
            }
            _ => {
                cur.bump();
            }
        }
    }
}

fn lifetime_or_char(cur: &mut Cursor<'_>, start: usize) -> RawKind {
    let can_be_lifetime =
        cur.second() != '\'' && (is_id_start(cur.first()) || cur.first().is_ascii_digit());
    if !can_be_lifetime {
        let terminated = single_quoted(cur);
        let suffix_start = cur.pos() - start;
        if terminated {
            eat_identifier(cur);
        }
        return RawKind::Literal {
            kind: RawLit::Char { terminated },
            suffix_start,
        };
    }
    if cur.first() == 'r' && cur.second() == '#' && is_id_start(cur.third()) {
        cur.bump();
        cur.bump();
        cur.bump();
        cur.eat_while(is_id_continue);
        return RawKind::RawLifetime;
    }
    let starts_with_number = cur.first().is_ascii_digit();
    cur.bump();
    cur.eat_while(is_id_continue);
    match cur.first() {
        // `'abc'`: a (bad) char literal with several characters.
        '\'' => {
            cur.bump();
            RawKind::Literal {
                kind: RawLit::Char { terminated: true },
                suffix_start: cur.pos() - start,
            }
        }
        '#' if !starts_with_number => RawKind::UnknownPrefixLifetime,
        _ => RawKind::Lifetime { starts_with_number },
    }
}

fn eat_digits(cur: &mut Cursor<'_>, hex: bool) -> bool {
    let mut any = false;
    loop {
        match cur.first() {
            '_' => {}
            '0'..='9' => any = true,
            'a'..='f' | 'A'..='F' if hex => any = true,
            _ => return any,
        }
        cur.bump();
    }
}

fn eat_exponent(cur: &mut Cursor<'_>) -> bool {
    if matches!(cur.first(), '-' | '+') {
        cur.bump();
    }
    eat_digits(cur, false)
}

fn number(cur: &mut Cursor<'_>, first: char) -> RawLit {
    let mut base = Base::Decimal;
    if first == '0' {
        let prefixed = match cur.first() {
            'b' => Some(Base::Binary),
            'o' => Some(Base::Octal),
            'x' => Some(Base::Hexadecimal),
            _ => None,
        };
        if let Some(b) = prefixed {
            base = b;
            cur.bump();
            // Binary and octal eat all decimal digits; the cooking stage rejects bad ones.
            if !eat_digits(cur, b == Base::Hexadecimal) {
                return RawLit::Int {
                    base,
                    empty_int: true,
                };
            }
        } else {
            match cur.first() {
                '0'..='9' | '_' => {
                    eat_digits(cur, false);
                }
                '.' | 'e' | 'E' => {}
                _ => {
                    return RawLit::Int {
                        base,
                        empty_int: false,
                    };
                }
            }
        }
    } else {
        eat_digits(cur, false);
    }
    match cur.first() {
        // `1..2` and `1.foo` keep the integer whole.
        '.' if cur.second() != '.' && !is_id_start(cur.second()) => {
            cur.bump();
            let mut empty_exponent = false;
            if cur.first().is_ascii_digit() {
                eat_digits(cur, false);
                if matches!(cur.first(), 'e' | 'E') {
                    cur.bump();
                    empty_exponent = !eat_exponent(cur);
                }
            }
            RawLit::Float {
                base,
                empty_exponent,
            }
        }
        'e' | 'E' => {
            cur.bump();
            RawLit::Float {
                base,
                empty_exponent: !eat_exponent(cur),
            }
        }
        _ => RawLit::Int {
            base,
            empty_int: false,
        },
    }
}
