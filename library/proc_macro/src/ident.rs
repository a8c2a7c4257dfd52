use std::fmt;

use crate::bridge::api;
use crate::symbol::Symbol;
use crate::Span;

/// A name or keyword token, such as `foo`, `Self` or `r#type`.
#[derive(Clone)]
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub struct Ident {
    /// The name, already validated and NFC-normalized, without any `r#`.
    pub(crate) sym: Symbol,
    pub(crate) is_raw: bool,
    pub(crate) span: Span,
    /// Only set inside a stream from the compiler (see `TokSpacing`).
    pub(crate) spacing: crate::token_tree::TokSpacing,
}

/// Whether `s` is an identifier made of ASCII letters, digits and `_` only; such names need
/// neither the host's Unicode tables nor normalization.
pub(crate) fn is_valid_ascii_ident(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(b'_' | b'a'..=b'z' | b'A'..=b'Z'))
        && b[1..].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Keywords usable in paths, which rustc refuses to write as raw identifiers.
pub(crate) fn can_be_raw(s: &str) -> bool {
    !matches!(s, "_" | "super" | "self" | "Self" | "crate" | "$crate")
}

/// Checks `name` the way rustc's `Ident::new` does: ASCII here, anything else by the host.
fn make_symbol(name: &str, is_raw: bool, span: Span) -> Symbol {
    if let Some(symbol) = Symbol::recent(name) {
        check_raw(name, is_raw);
        return symbol;
    }
    if is_valid_ascii_ident(name) || name == "$crate" {
        check_raw(name, is_raw);
        return Symbol::intern(name);
    }
    if name.is_ascii() {
        panic!("`{:?}` is not a valid identifier", name);
    }
    match api::validate_ident(name, is_raw, span) {
        Ok(normalized) => Symbol::intern(&normalized),
        Err(message) => panic!("{message}"),
    }
}

#[inline]
fn check_raw(name: &str, is_raw: bool) {
    if is_raw && !can_be_raw(name) {
        not_raw(name);
    }
}

// The panic out of line, so that the check inlines into every `Ident::new`.
#[cold]
#[inline(never)]
fn not_raw(name: &str) -> ! {
    panic!("`{}` cannot be a raw identifier", name);
}

impl Ident {
    /// The identifier `string` (a keyword such as `fn` or `self` is fine too) with `span`,
    /// whose hygiene decides what the name resolves to.
    ///
    /// Panics if `string` is not an identifier. ASCII names are checked here; any other name is
    /// checked, and brought to Unicode NFC form, by the host.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn new(string: &str, span: Span) -> Ident {
        Ident { sym: make_symbol(string, false, span), is_raw: false, span, spacing: Default::default() }
    }

    /// The raw identifier `r#string`, otherwise as [`Ident::new`].
    ///
    /// Also panics for the names rustc never accepts as raw: `_`, `self`, `Self`, `super`,
    /// `crate` and `$crate`.
    #[stable(feature = "proc_macro_raw_ident", since = "1.47.0")]
    pub fn new_raw(string: &str, span: Span) -> Ident {
        Ident { sym: make_symbol(string, true, span), is_raw: true, span, spacing: Default::default() }
    }

    /// The identifier's span.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Replaces the span, and with it the hygiene.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

/// The name as written in source, `r#` included for a raw identifier.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_raw {
            f.write_str("r#")?;
        }
        fmt::Display::fmt(self.sym.as_str(), f)
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Debug for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ident")
            .field("ident", &self.to_string())
            .field("span", &self.span())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_idents() {
        for ok in ["a", "_", "_x1", "Foo_Bar9", "r"] {
            assert!(is_valid_ascii_ident(ok), "{ok}");
        }
        for bad in ["", "1a", "a-b", "a b", "é", "$crate", "r#a"] {
            assert!(!is_valid_ascii_ident(bad), "{bad}");
        }
    }

    #[test]
    fn raw_rules() {
        assert!(can_be_raw("fn") && can_be_raw("r#") && can_be_raw("async"));
        for kw in ["_", "super", "self", "Self", "crate", "$crate"] {
            assert!(!can_be_raw(kw));
        }
    }

    #[test]
    fn invalid_ascii_panics_like_rustc() {
        let err = std::panic::catch_unwind(|| make_symbol("a-b", false, Span(0))).unwrap_err();
        assert_eq!(err.downcast_ref::<String>().unwrap(), "`\"a-b\"` is not a valid identifier");
        let err = std::panic::catch_unwind(|| make_symbol("self", true, Span(0))).unwrap_err();
        assert_eq!(err.downcast_ref::<String>().unwrap(), "`self` cannot be a raw identifier");
        // Also when the name was just interned as a plain identifier (found among the recent).
        let plain = "self";
        make_symbol(plain, false, Span(0));
        let err = std::panic::catch_unwind(|| make_symbol(plain, true, Span(0))).unwrap_err();
        assert_eq!(err.downcast_ref::<String>().unwrap(), "`self` cannot be a raw identifier");
    }
}
