use std::fmt;

use crate::Span;
use crate::token_tree::TokSpacing;

/// A punctuation token of one character, like `;`, `!` or `'`.
///
/// An operator of several characters, like `->` or `<<=`, is a run of `Punct`s in which every
/// one but the last has [`Spacing::Joint`].
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
#[derive(Clone)]
pub struct Punct {
    pub(crate) ch: char,
    /// `Joint` is what `spacing()` shows; `JointHidden` only lives inside a stream.
    pub(crate) spacing: TokSpacing,
    pub(crate) span: Span,
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Send for Punct {}
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Sync for Punct {}

/// Whether a [`Punct`] and the token after it belong to one operator.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub enum Spacing {
    /// The operator goes on with the next token, as the `-` of `->` does.
    ///
    /// In lexed source, rustc gives this spacing to a punct written right before another punct,
    /// and to the `'` that starts a lifetime.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Joint,
    /// The operator ends here; the next token stands on its own.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Alone,
}

/// The characters the language accepts as punctuation tokens.
pub(crate) fn is_legal_punct(ch: char) -> bool {
    matches!(
        ch,
        '=' | '<' | '>' | '!' | '~' | '+' | '-' | '*' | '/' | '%' | '^' | '&' | '|' | '@' | '.'
            | ',' | ';' | ':' | '#' | '$' | '?' | '\''
    )
}

// The panic out of line, so that `Punct::new` stays small enough to inline into proc-macro2's
// path for every punct it passes on.
#[cold]
#[inline(never)]
fn unsupported(ch: char) -> ! {
    panic!("unsupported character `{:?}`", ch);
}

impl Punct {
    /// The punct `ch` with `spacing` and the span `Span::call_site()`.
    ///
    /// Panics unless `ch` is one of the characters Rust's punctuation is made of:
    /// `= < > ! ~ + - * / % ^ & | @ . , ; : # $ ? '`.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    #[inline]
    pub fn new(ch: char, spacing: Spacing) -> Punct {
        if !is_legal_punct(ch) {
            unsupported(ch);
        }
        let spacing = if spacing == Spacing::Joint { TokSpacing::Joint } else { TokSpacing::Alone };
        Punct { ch, spacing, span: Span::call_site() }
    }

    /// The character.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn as_char(&self) -> char {
        self.ch
    }

    /// `Joint` if the operator continues with the next token, `Alone` if it ends here.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn spacing(&self) -> Spacing {
        if self.spacing == TokSpacing::Joint { Spacing::Joint } else { Spacing::Alone }
    }

    /// The punct's span.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Replaces the span.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

/// Just the character.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Display for Punct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.ch)
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Debug for Punct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Punct")
            .field("ch", &self.as_char())
            .field("spacing", &self.spacing())
            .field("span", &self.span())
            .finish()
    }
}

#[stable(feature = "proc_macro_punct_eq", since = "1.50.0")]
impl PartialEq<char> for Punct {
    fn eq(&self, rhs: &char) -> bool {
        self.ch == *rhs
    }
}

#[stable(feature = "proc_macro_punct_eq_flipped", since = "1.52.0")]
impl PartialEq<Punct> for char {
    fn eq(&self, rhs: &Punct) -> bool {
        *self == rhs.ch
    }
}
