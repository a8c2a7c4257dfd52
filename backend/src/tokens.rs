//! The host's token model: token streams as flat, pre-order lists, where a group is followed by
//! its body. Backends and the wasmtime glue both speak it, so a backend does not depend on
//! wasmtime; it crosses the bridge packed into words and one text buffer (`packed.rs`).

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

/// rustc's `tokenstream::Spacing` of a token: what follows it in the stream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Spacing {
    /// Whitespace follows, or the end of the stream, or the token was built by a macro.
    #[default]
    Alone,
    /// Another punct follows immediately (`Punct::spacing() == Joint`).
    Joint,
    /// A token that is not a punct follows immediately. Proc macros never see it (a punct shows
    /// `Alone`), but streams they do not take apart keep it, and it prints without a space.
    JointHidden,
}

/// How a doc comment was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommentKind {
    /// `///` or `//!`
    Line,
    /// `/** */` or `/*! */`
    Block,
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

impl LitKind {
    /// The kind's code and its raw hashes, as the bridge's packed streams (`wit/bridge.wit`)
    /// and the shim's wire form write them.
    pub fn code(self) -> (u8, u8) {
        match self {
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
            LitKind::Err => (10, 0),
        }
    }

    /// The kind of `code`, with `hashes` for a raw kind; `None` for an unknown code. (Hashes
    /// given to a kind that is not raw are ignored: a caller that must refuse them checks.)
    #[inline]
    pub fn from_code(code: u32, hashes: u8) -> Option<LitKind> {
        Some(match code {
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
            10 => LitKind::Err,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    pub kind: LitKind,
    /// Text between the quotes (escapes unprocessed), or the digits of a number, without suffix.
    pub symbol: String,
    pub suffix: Option<String>,
    pub span: SpanId,
    pub spacing: Spacing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    /// NFC-normalized, without the `r#` prefix.
    pub name: String,
    pub is_raw: bool,
    pub span: SpanId,
    pub spacing: Spacing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Punct {
    pub ch: char,
    /// `Joint`: immediately followed by another punct (what `Punct::spacing()` shows).
    pub spacing: Spacing,
    pub span: SpanId,
}

impl Punct {
    /// `proc_macro::Spacing::Joint`.
    pub fn is_joint(&self) -> bool {
        self.spacing == Spacing::Joint
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub delimiter: Delimiter,
    pub open: SpanId,
    pub close: SpanId,
    pub entire: SpanId,
    /// Number of entries of the flat list that form this group's body (nested bodies included).
    pub len: u32,
    /// rustc's `DelimSpacing`: the spacing after the open and after the close delimiter.
    pub open_spacing: Spacing,
    pub close_spacing: Spacing,
    /// This bracket group, with the `#` (and `!`) before it, is a doc comment of this kind that no
    /// macro has taken apart; its body is the `doc = "text"` a macro sees.
    pub doc_comment: Option<CommentKind>,
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

/// The characters rustc accepts in a `Punct`.
#[inline]
pub fn is_punct_char(ch: char) -> bool {
    matches!(
        ch,
        '=' | '<' | '>' | '!' | '~' | '+' | '-' | '*' | '/' | '%' | '^' | '&' | '|' | '@' | '.' | ',' | ';' | ':' | '#' | '$' | '?' | '\''
    )
}

/// rustc's proc_macro client check for plain ASCII identifiers.
#[inline]
pub fn is_ascii_ident(s: &str) -> bool {
    // A plain loop: the shim runs this for every identifier of every output, and compiles it
    // unoptimized where its export crate could not be built; there an iterator with a closure
    // costs several calls per byte.
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b'_' | b'a'..=b'z' | b'A'..=b'Z')) {
        return false;
    }
    let mut i = 1;
    while i < b.len() {
        if !matches!(b[i], b'_' | b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9') {
            return false;
        }
        i += 1;
    }
    true
}
