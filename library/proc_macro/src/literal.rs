use std::ffi::CStr;
use std::fmt;
use std::ops::{Bound, RangeBounds};
use std::rc::Rc;
use std::str::FromStr;

use crate::bridge::api;
use crate::escape::{self, escape};
use crate::{LexError, Span};

/// The kind of a literal, as rustc's lexer distinguishes them. The variant names are what
/// `Debug for Literal` shows, as with native rustc.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum LitKind {
    Byte,
    Char,
    Integer,
    Float,
    Str,
    StrRaw(u8),
    ByteStr,
    ByteStrRaw(u8),
    CStr,
    CStrRaw(u8),
    ErrWithGuar,
}

/// A literal token: a number such as `7`, `7u8` or `0.5f32`, or a quoted `'c'`, `b'c'`,
/// `"text"`, `b"bytes"` or `c"text"` (raw forms included), possibly with a suffix.
///
/// `true` and `false` are keywords, hence [`Ident`](crate::Ident)s.
#[derive(Clone)]
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub struct Literal {
    pub(crate) kind: LitKind,
    /// Text between the quotes, escapes unprocessed; the digits of a number.
    pub(crate) symbol: Rc<str>,
    pub(crate) suffix: Option<Rc<str>>,
    pub(crate) span: Span,
    /// Only set inside a stream from the compiler (see `TokSpacing`).
    pub(crate) spacing: crate::token_tree::TokSpacing,
}

macro_rules! int_literals {
    ($($suffixed:ident $unsuffixed:ident => $ty:ident,)*) => {$(
        #[doc = concat!("`n` as an integer literal with its type as suffix: `5", stringify!($ty), "`.")]
        ///
        /// The span is `Span::call_site()`. A negative value prints as one token, but a
        /// `TokenStream` holds it as a `-` punct followed by the positive literal, as rustc does.
        #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
        pub fn $suffixed(n: $ty) -> Literal {
            Literal::new(LitKind::Integer, &n.to_string(), Some(stringify!($ty)))
        }

        /// `n` as an integer literal without suffix, such as `5`, so the compiler infers its
        /// type: every `*_unsuffixed` constructor gives the same token for the same number.
        ///
        /// The span is `Span::call_site()`. Negative values are split in a `TokenStream` as
        /// with the suffixed constructors.
        #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
        pub fn $unsuffixed(n: $ty) -> Literal {
            Literal::new(LitKind::Integer, &n.to_string(), None)
        }
    )*};
}

/// The digits of a float literal; unsuffixed ones need a `.` to stay floats.
fn float_symbol(repr: String, unsuffixed: bool) -> String {
    if unsuffixed && !repr.contains('.') { repr + ".0" } else { repr }
}

impl Literal {
    fn new(kind: LitKind, symbol: &str, suffix: Option<&str>) -> Literal {
        Literal::with_span(kind, symbol, suffix, Span::call_site())
    }

    pub(crate) fn with_span(kind: LitKind, symbol: &str, suffix: Option<&str>, span: Span) -> Literal {
        Literal { kind, symbol: Rc::from(symbol), suffix: suffix.map(Rc::from), span, spacing: Default::default() }
    }

    int_literals! {
        u8_suffixed u8_unsuffixed => u8,
        u16_suffixed u16_unsuffixed => u16,
        u32_suffixed u32_unsuffixed => u32,
        u64_suffixed u64_unsuffixed => u64,
        u128_suffixed u128_unsuffixed => u128,
        usize_suffixed usize_unsuffixed => usize,
        i8_suffixed i8_unsuffixed => i8,
        i16_suffixed i16_unsuffixed => i16,
        i32_suffixed i32_unsuffixed => i32,
        i64_suffixed i64_unsuffixed => i64,
        i128_suffixed i128_unsuffixed => i128,
        isize_suffixed isize_unsuffixed => isize,
    }

    /// `n` as a float literal without suffix, with `.0` appended to a whole number (`2.0`,
    /// `0.25`); its type is left to inference. Panics for NaN and infinities.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f32_unsuffixed(n: f32) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), true), None)
    }

    /// `n` as a float literal with the `f32` suffix (`2f32`, `0.25f32`). Panics for NaN and
    /// infinities.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f32_suffixed(n: f32) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), false), Some("f32"))
    }

    /// `n` as a float literal without suffix, with `.0` appended to a whole number (`2.0`,
    /// `0.25`); its type is left to inference. Panics for NaN and infinities.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f64_unsuffixed(n: f64) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), true), None)
    }

    /// `n` as a float literal with the `f64` suffix (`2f64`, `0.25f64`). Panics for NaN and
    /// infinities.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f64_suffixed(n: f64) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), false), Some("f64"))
    }

    /// A `"..."` literal of `string`, with quotes, backslashes and control characters escaped.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn string(string: &str) -> Literal {
        Literal::new(LitKind::Str, &escape(string.as_bytes(), escape::STR), None)
    }

    /// A `'...'` literal of `ch`, escaped where needed.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn character(ch: char) -> Literal {
        let symbol = escape(ch.encode_utf8(&mut [0; 4]).as_bytes(), escape::CHAR);
        Literal::new(LitKind::Char, &symbol, None)
    }

    /// A `b'...'` literal of `byte`; bytes outside printable ASCII are written as escapes.
    #[stable(feature = "proc_macro_byte_character", since = "1.79.0")]
    pub fn byte_character(byte: u8) -> Literal {
        Literal::new(LitKind::Byte, &escape(&[byte], escape::BYTE), None)
    }

    /// A `b"..."` literal of `bytes`; bytes outside printable ASCII are written as escapes.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn byte_string(bytes: &[u8]) -> Literal {
        Literal::new(LitKind::ByteStr, &escape(bytes, escape::BYTE_STR), None)
    }

    /// A `c"..."` literal of `string` (without its closing nul).
    #[stable(feature = "proc_macro_c_str_literals", since = "1.79.0")]
    pub fn c_string(string: &CStr) -> Literal {
        Literal::new(LitKind::CStr, &escape(string.to_bytes(), escape::STR), None)
    }

    /// The literal's span.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Replaces the span.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }

    /// The host's span for bytes `range` of the literal's source text (offsets from its
    /// start), or `None` when the range does not fit inside the literal.
    #[unstable(feature = "proc_macro_span", issue = "54725")]
    pub fn subspan<R: RangeBounds<usize>>(&self, range: R) -> Option<Span> {
        let start = match range.start_bound() {
            Bound::Included(&n) => n,
            Bound::Excluded(&n) => n.checked_add(1)?,
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&n) => n.checked_add(1)?,
            Bound::Excluded(&n) => n,
            // Only the host knows how long the literal's source is.
            Bound::Unbounded => {
                let (lo, hi) = api::span_byte_range(self.span);
                usize::try_from(hi - lo).ok()?
            }
        };
        api::span_subspan(self.span, start as u64, end as u64)
    }

    /// The literal's source form as consecutive pieces. Display formats each piece on its
    /// own (so width/fill apply per piece, empty suffix included), which is what std does.
    fn pieces(&self) -> Vec<&str> {
        let sym = &*self.symbol;
        let suffix = self.suffix.as_deref().unwrap_or("");
        let quoted = |prefix| vec![prefix, sym, "\"", suffix];
        let raw = |prefix, n: u8| {
            let hashes = &HASHES[..usize::from(n)];
            vec![prefix, hashes, "\"", sym, "\"", hashes, suffix]
        };
        match self.kind {
            LitKind::Byte => vec!["b'", sym, "'", suffix],
            LitKind::Char => vec!["'", sym, "'", suffix],
            LitKind::Str => quoted("\""),
            LitKind::ByteStr => quoted("b\""),
            LitKind::CStr => quoted("c\""),
            LitKind::StrRaw(n) => raw("r", n),
            LitKind::ByteStrRaw(n) => raw("br", n),
            LitKind::CStrRaw(n) => raw("cr", n),
            LitKind::Integer | LitKind::Float | LitKind::ErrWithGuar => vec![sym, suffix],
        }
    }
}

/// Enough `#` for any raw literal (the count is a `u8`).
const HASHES: &str = concat!(
    "################################################################",
    "################################################################",
    "################################################################",
    "################################################################",
);

/// Lexes `src` through the host. It must hold exactly one literal, which for a number may
/// start with `-`, and nothing else: no spaces, no comments. The literal gets the call-site
/// span.
#[stable(feature = "proc_macro_literal_parse", since = "1.54.0")]
impl FromStr for Literal {
    type Err = LexError;

    fn from_str(src: &str) -> Result<Self, LexError> {
        api::parse_literal(src).map_err(LexError)
    }
}

/// The literal as source text: prefix, quotes or `#`s, contents and suffix.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Each piece goes through the caller's formatter options, as in std.
        for part in self.pieces() {
            fmt::Display::fmt(part, f)?;
        }
        Ok(())
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Debug for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Literal")
            // `kind` and `suffix` stay on one line even with `{:#?}`, as in std.
            .field("kind", &format_args!("{:?}", self.kind))
            .field("symbol", &&*self.symbol)
            .field("suffix", &format_args!("{:?}", self.suffix.as_deref()))
            .field("span", &self.span)
            .finish()
    }
}
