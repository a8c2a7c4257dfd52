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

/// A literal string (`"hello"`), byte string (`b"hello"`), C string (`c"hello"`),
/// character (`'a'`), byte character (`b'a'`), an integer or floating point number
/// with or without a suffix (`1`, `1u8`, `2.3`, `2.3f32`).
/// Boolean literals like `true` and `false` do not belong here, they are `Ident`s.
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
        /// Creates a new suffixed integer literal with the specified value.
        ///
        /// This function will create an integer like `1u32` where the integer
        /// value specified is the first part of the token and the integral is
        /// also suffixed at the end.
        /// Literals created from negative numbers might not survive round-trips through
        /// `TokenStream` or strings and may be broken into two tokens (`-` and positive literal).
        ///
        /// Literals created through this method have the `Span::call_site()`
        /// span by default, which can be configured with the `set_span` method
        /// below.
        #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
        pub fn $suffixed(n: $ty) -> Literal {
            Literal::new(LitKind::Integer, &n.to_string(), Some(stringify!($ty)))
        }

        /// Creates a new unsuffixed integer literal with the specified value.
        ///
        /// This function will create an integer like `1` where the integer
        /// value specified is the first part of the token. No suffix is
        /// specified on this token, meaning that invocations like
        /// `Literal::i8_unsuffixed(1)` are equivalent to
        /// `Literal::u32_unsuffixed(1)`.
        /// Literals created from negative numbers might not survive round-trips through
        /// `TokenStream` or strings and may be broken into two tokens (`-` and positive literal).
        ///
        /// Literals created through this method have the `Span::call_site()`
        /// span by default, which can be configured with the `set_span` method
        /// below.
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

    /// Creates a new unsuffixed floating-point literal.
    ///
    /// This constructor is similar to those like `Literal::i8_unsuffixed` where
    /// the float's value is emitted directly into the token but no suffix is
    /// used, so it may be inferred to be a `f64` later in the compiler.
    ///
    /// # Panics
    ///
    /// This function requires that the specified float is finite, for
    /// example if it is infinity or NaN this function will panic.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f32_unsuffixed(n: f32) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), true), None)
    }

    /// Creates a new suffixed floating-point literal.
    ///
    /// This constructor will create a literal like `1.0f32` where the value
    /// specified is the preceding part of the token and `f32` is the suffix of
    /// the token. This token will always be inferred to be an `f32` in the
    /// compiler.
    ///
    /// # Panics
    ///
    /// This function requires that the specified float is finite, for
    /// example if it is infinity or NaN this function will panic.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f32_suffixed(n: f32) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), false), Some("f32"))
    }

    /// Creates a new unsuffixed floating-point literal.
    ///
    /// This constructor is similar to those like `Literal::i8_unsuffixed` where
    /// the float's value is emitted directly into the token but no suffix is
    /// used, so it may be inferred to be a `f64` later in the compiler.
    ///
    /// # Panics
    ///
    /// This function requires that the specified float is finite, for
    /// example if it is infinity or NaN this function will panic.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f64_unsuffixed(n: f64) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), true), None)
    }

    /// Creates a new suffixed floating-point literal.
    ///
    /// This constructor will create a literal like `1.0f64` where the value
    /// specified is the preceding part of the token and `f64` is the suffix of
    /// the token. This token will always be inferred to be an `f64` in the
    /// compiler.
    ///
    /// # Panics
    ///
    /// This function requires that the specified float is finite, for
    /// example if it is infinity or NaN this function will panic.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn f64_suffixed(n: f64) -> Literal {
        if !n.is_finite() {
            panic!("Invalid float literal {n}");
        }
        Literal::new(LitKind::Float, &float_symbol(n.to_string(), false), Some("f64"))
    }

    /// String literal.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn string(string: &str) -> Literal {
        Literal::new(LitKind::Str, &escape(string.as_bytes(), escape::STR), None)
    }

    /// Character literal.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn character(ch: char) -> Literal {
        let symbol = escape(ch.encode_utf8(&mut [0; 4]).as_bytes(), escape::CHAR);
        Literal::new(LitKind::Char, &symbol, None)
    }

    /// Byte character literal.
    #[stable(feature = "proc_macro_byte_character", since = "1.79.0")]
    pub fn byte_character(byte: u8) -> Literal {
        Literal::new(LitKind::Byte, &escape(&[byte], escape::BYTE), None)
    }

    /// Byte string literal.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn byte_string(bytes: &[u8]) -> Literal {
        Literal::new(LitKind::ByteStr, &escape(bytes, escape::BYTE_STR), None)
    }

    /// C string literal.
    #[stable(feature = "proc_macro_c_str_literals", since = "1.79.0")]
    pub fn c_string(string: &CStr) -> Literal {
        Literal::new(LitKind::CStr, &escape(string.to_bytes(), escape::STR), None)
    }

    /// Returns the span encompassing this literal.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Configures the span associated for this literal.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }

    /// Returns a `Span` that is a subset of `self.span()` containing only the
    /// source bytes in range `range`. Returns `None` if the would-be trimmed
    /// span is outside the bounds of `self`.
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

/// Parse a single literal from its stringified representation.
///
/// In order to parse successfully, the input string must not contain anything
/// but the literal token. Specifically, it must not contain whitespace or
/// comments in addition to the literal.
///
/// The resulting literal token will have a `Span::call_site()` span.
#[stable(feature = "proc_macro_literal_parse", since = "1.54.0")]
impl FromStr for Literal {
    type Err = LexError;

    fn from_str(src: &str) -> Result<Self, LexError> {
        api::parse_literal(src).map_err(LexError)
    }
}

/// Prints the literal as a string that should be losslessly convertible
/// back into the same literal (except for possible rounding for floating point literals).
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
