//! The host's token model: the flat, pre-order form in which token streams cross the bridge
//! (mirrors `wasmacro:bridge/types`). Backends and the wasmtime glue both speak it, so a backend
//! does not depend on wasmtime.

/// Index into a backend's span table.
pub type SpanId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delimiter {
    Parenthesis,
    Brace,
    Bracket,
    /// An invisible group (`Delimiter::None`).
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    Byte,
    Char,
    Integer,
    Float,
    Str,
    /// Raw string with this many `#`.
    StrRaw(u8),
    ByteStr,
    ByteStrRaw(u8),
    CStr,
    CStrRaw(u8),
    Err,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    pub kind: LitKind,
    /// Text between the quotes (escapes unprocessed), or the digits of a number, without suffix.
    pub symbol: String,
    pub suffix: Option<String>,
    pub span: SpanId,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    /// NFC-normalized, without the `r#` prefix.
    pub name: String,
    pub is_raw: bool,
    pub span: SpanId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Punct {
    pub ch: char,
    /// `Spacing::Joint`: immediately followed by another punct.
    pub joint: bool,
    pub span: SpanId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub delimiter: Delimiter,
    pub open: SpanId,
    pub close: SpanId,
    pub entire: SpanId,
    /// Number of entries of the flat list that form this group's body (nested bodies included).
    pub len: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Group(Group),
    Ident(Ident),
    Punct(Punct),
    Literal(Literal),
}

/// A token stream in pre-order: each `Token::Group` is followed by the `len` entries of its body.
pub type FlatStream = Vec<Token>;
