use std::fmt;

use crate::{Group, Ident, Literal, Punct, Span};

/// rustc's spacing of a token inside a stream: what follows it. Streams from the compiler's
/// lexer (macro input, `TokenStream::from_str`) carry it while the macro does not take them
/// apart, and the printer honours it (`a+b` prints as written). A tree the macro gets by
/// iterating, or builds, keeps only what the API shows: a punct's `Spacing::Joint`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum TokSpacing {
    #[default]
    Alone,
    /// Followed immediately by a punct (`Spacing::Joint` for a punct).
    Joint,
    /// Followed immediately by something that is not a punct (shown as `Spacing::Alone`).
    JointHidden,
}

/// How a doc comment was written: rustc keeps the comment as one token until a macro takes the
/// stream apart into `#`, (`!`,) `[doc = "..."]`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum CommentKind {
    Line,
    Block,
}

/// One element of a [`TokenStream`](crate::TokenStream): a bracketed group, which holds a
/// stream of its own, or a single identifier, punct or literal.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
#[derive(Clone)]
pub enum TokenTree {
    /// A bracketed group of trees.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Group(#[stable(feature = "proc_macro_lib2", since = "1.29.0")] Group),
    /// An identifier or keyword.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Ident(#[stable(feature = "proc_macro_lib2", since = "1.29.0")] Ident),
    /// One punctuation character.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Punct(#[stable(feature = "proc_macro_lib2", since = "1.29.0")] Punct),
    /// A number, string, character or byte literal.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    Literal(#[stable(feature = "proc_macro_lib2", since = "1.29.0")] Literal),
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Send for TokenTree {}
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Sync for TokenTree {}

impl TokenTree {
    /// Drops what rustc keeps only inside a stream nobody took apart: the tree as the proc_macro
    /// server hands it out when iterating (and how it stores a tree the macro passes in).
    /// A group keeps its body untouched.
    pub(crate) fn forget_hidden(&mut self) {
        match self {
            TokenTree::Group(g) => {
                g.open_spacing = TokSpacing::Alone;
                g.close_spacing = TokSpacing::Alone;
                g.doc_comment = None;
            }
            TokenTree::Ident(i) => i.spacing = TokSpacing::Alone,
            TokenTree::Literal(l) => l.spacing = TokSpacing::Alone,
            TokenTree::Punct(p) => {
                if p.spacing == TokSpacing::JointHidden {
                    p.spacing = TokSpacing::Alone;
                }
            }
        }
    }

    /// The span of the token, or of the whole group.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn span(&self) -> Span {
        match self {
            TokenTree::Group(t) => t.span(),
            TokenTree::Ident(t) => t.span(),
            TokenTree::Punct(t) => t.span(),
            TokenTree::Literal(t) => t.span(),
        }
    }

    /// Replaces the span of the token. A group changes only its own spans, not those of the
    /// trees inside it (see [`Group::set_span`]).
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn set_span(&mut self, span: Span) {
        match self {
            TokenTree::Group(t) => t.set_span(span),
            TokenTree::Ident(t) => t.set_span(span),
            TokenTree::Punct(t) => t.set_span(span),
            TokenTree::Literal(t) => t.set_span(span),
        }
    }
}

/// The contained value's `Debug` output; the variant name is not shown.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Debug for TokenTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The inner types already name themselves, as in std.
        match self {
            TokenTree::Group(t) => fmt::Debug::fmt(t, f),
            TokenTree::Ident(t) => fmt::Debug::fmt(t, f),
            TokenTree::Punct(t) => fmt::Debug::fmt(t, f),
            TokenTree::Literal(t) => fmt::Debug::fmt(t, f),
        }
    }
}

/// The contained value's `Display` output: the token, or the group, as source text.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Display for TokenTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // `write!` drops the caller's width/fill, exactly as std does here.
            TokenTree::Group(t) => write!(f, "{t}"),
            TokenTree::Ident(t) => write!(f, "{t}"),
            TokenTree::Punct(t) => write!(f, "{t}"),
            TokenTree::Literal(t) => write!(f, "{t}"),
        }
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl From<Group> for TokenTree {
    fn from(g: Group) -> TokenTree {
        TokenTree::Group(g)
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl From<Ident> for TokenTree {
    fn from(g: Ident) -> TokenTree {
        TokenTree::Ident(g)
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl From<Punct> for TokenTree {
    fn from(g: Punct) -> TokenTree {
        TokenTree::Punct(g)
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl From<Literal> for TokenTree {
    fn from(g: Literal) -> TokenTree {
        TokenTree::Literal(g)
    }
}
