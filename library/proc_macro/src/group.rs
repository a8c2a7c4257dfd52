use std::fmt;

use crate::token_tree::{CommentKind, TokSpacing};
use crate::{Span, TokenStream, TokenTree};

/// A [`TokenStream`] between a pair of [`Delimiter`]s: `(...)`, `[...]`, `{...}` or invisible ones.
#[derive(Clone)]
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub struct Group {
    pub(crate) delimiter: Delimiter,
    pub(crate) stream: TokenStream,
    pub(crate) span: DelimSpan,
    /// rustc's `DelimSpacing` (after the open and after the close delimiter) and whether this
    /// group is a doc comment's `[doc = "..."]`; only set inside a stream from the compiler.
    pub(crate) open_spacing: TokSpacing,
    pub(crate) close_spacing: TokSpacing,
    pub(crate) doc_comment: Option<CommentKind>,
}

/// The three spans of a group: each delimiter and the whole.
#[derive(Copy, Clone)]
pub(crate) struct DelimSpan {
    pub(crate) open: Span,
    pub(crate) close: Span,
    pub(crate) entire: Span,
}

impl DelimSpan {
    pub(crate) fn single(span: Span) -> DelimSpan {
        DelimSpan { open: span, close: span, entire: span }
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Send for Group {}
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Sync for Group {}

/// The kind of brackets around a [`Group`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub enum Delimiter {
    /// Parentheses, `(` and `)`.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Parenthesis,
    /// Curly braces, `{` and `}`.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Brace,
    /// Square brackets, `[` and `]`.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Bracket,
    /// No visible brackets. rustc uses these, for instance, to keep the tokens of a
    /// `macro_rules!` fragment such as `$e:expr` together as one operand. They print as
    /// nothing, so re-parsing the printed text does not bring them back.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    None,
}

impl Group {
    /// A group of `stream` inside `delimiter`; all its spans are `Span::call_site()`.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn new(delimiter: Delimiter, stream: TokenStream) -> Group {
        Group {
            delimiter,
            stream,
            span: DelimSpan::single(Span::call_site()),
            open_spacing: TokSpacing::Alone,
            close_spacing: TokSpacing::Alone,
            doc_comment: None,
        }
    }

    /// The kind of brackets.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    /// The tokens between the brackets, without the brackets. The trees are shared, not copied.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn stream(&self) -> TokenStream {
        self.stream.clone()
    }

    /// The span of the whole group, from its opening to its closing bracket.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn span(&self) -> Span {
        self.span.entire
    }

    /// The span of the opening bracket alone.
    #[stable(feature = "proc_macro_group_span", since = "1.55.0")]
    pub fn span_open(&self) -> Span {
        self.span.open
    }

    /// The span of the closing bracket alone.
    #[stable(feature = "proc_macro_group_span", since = "1.55.0")]
    pub fn span_close(&self) -> Span {
        self.span.close
    }

    /// Gives the brackets and the whole group the span `span`. The tokens inside keep their
    /// own spans.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn set_span(&mut self, span: Span) {
        self.span = DelimSpan::single(span);
    }
}

/// The group as source text, printed by the host like a one-tree [`TokenStream`].
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", TokenStream::from(TokenTree::Group(self.clone())))
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Debug for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Group")
            .field("delimiter", &self.delimiter())
            .field("stream", &self.stream())
            .field("span", &self.span())
            .finish()
    }
}
