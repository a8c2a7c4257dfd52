use std::rc::Rc;
use std::str::FromStr;
use std::{error, fmt};

use crate::bridge::api;
use crate::literal::LitKind;
use crate::token_tree::TokSpacing;
use crate::{Group, Ident, Literal, Punct, TokenTree};

/// The main type provided by this crate, representing an abstract stream of
/// tokens, or, more specifically, a sequence of token trees.
/// The type provides interfaces for iterating over those token trees and, conversely,
/// collecting a number of token trees into one stream.
///
/// This is both the input and output of `#[proc_macro]`, `#[proc_macro_attribute]`
/// and `#[proc_macro_derive]` definitions.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
#[derive(Clone)]
pub struct TokenStream(
    // Shared, copy-on-write trees: cloning (as `Group::stream` does) costs nothing.
    // `None` is the empty stream.
    pub(crate) Option<Rc<Vec<TokenTree>>>,
);

#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl !Send for TokenStream {}
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl !Sync for TokenStream {}

/// Error returned from `TokenStream::from_str`.
///
/// The contained error message is explicitly not guaranteed to be stable in any way,
/// and may change between Rust versions or across compilations.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
#[non_exhaustive]
#[derive(Debug)]
pub struct LexError(pub(crate) String);

#[stable(feature = "proc_macro_lexerror_impls", since = "1.44.0")]
impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[stable(feature = "proc_macro_lexerror_impls", since = "1.44.0")]
impl error::Error for LexError {}

#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl !Send for LexError {}
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl !Sync for LexError {}

/// Error returned from `TokenStream::expand_expr`.
#[unstable(feature = "proc_macro_expand", issue = "90765")]
#[non_exhaustive]
#[derive(Debug)]
pub struct ExpandError;

#[unstable(feature = "proc_macro_expand", issue = "90765")]
impl fmt::Display for ExpandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("macro expansion failed")
    }
}

#[unstable(feature = "proc_macro_expand", issue = "90765")]
impl error::Error for ExpandError {}

#[unstable(feature = "proc_macro_expand", issue = "90765")]
impl !Send for ExpandError {}

#[unstable(feature = "proc_macro_expand", issue = "90765")]
impl !Sync for ExpandError {}

impl TokenStream {
    /// Returns an empty `TokenStream` containing no token trees.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn new() -> TokenStream {
        TokenStream(None)
    }

    /// Checks if this `TokenStream` is empty.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn is_empty(&self) -> bool {
        self.trees().is_empty()
    }

    /// Parses this `TokenStream` as an expression and attempts to expand any
    /// macros within it. Returns the expanded `TokenStream`.
    ///
    /// Currently only expressions expanding to literals will succeed, although
    /// this may be relaxed in the future.
    ///
    /// NOTE: In error conditions, `expand_expr` may leave macros unexpanded,
    /// report an error, failing compilation, and/or return an `Err(..)`. The
    /// specific behavior for any error condition, and what conditions are
    /// considered errors, is unspecified and may change in the future.
    #[unstable(feature = "proc_macro_expand", issue = "90765")]
    pub fn expand_expr(&self) -> Result<TokenStream, ExpandError> {
        if self.is_empty() {
            return Err(ExpandError);
        }
        api::expand_expr(self).map_err(|()| ExpandError)
    }

    pub(crate) fn from_trees(trees: Vec<TokenTree>) -> TokenStream {
        TokenStream(if trees.is_empty() { None } else { Some(Rc::new(trees)) })
    }

    pub(crate) fn trees(&self) -> &[TokenTree] {
        self.0.as_deref().map_or(&[], |v| v.as_slice())
    }

    /// The trees for appending; copied only if another stream shares them.
    fn trees_mut(&mut self) -> &mut Vec<TokenTree> {
        Rc::make_mut(self.0.get_or_insert_with(Default::default))
    }

    fn push(&mut self, tree: TokenTree) {
        push_normalized(self.trees_mut(), tree);
    }

    fn append(&mut self, other: TokenStream) {
        match other.0 {
            None => {}
            Some(trees) if self.0.is_none() => self.0 = Some(trees),
            Some(trees) => match Rc::try_unwrap(trees) {
                Ok(owned) => self.trees_mut().extend(owned),
                Err(shared) => self.trees_mut().extend(shared.iter().cloned()),
            },
        }
    }
}

/// Attempts to break the string into tokens and parse those tokens into a token stream.
/// May fail for a number of reasons, for example, if the string contains unbalanced delimiters
/// or characters not existing in the language.
/// All tokens in the parsed stream get `Span::call_site()` spans.
///
/// NOTE: some errors may cause panics instead of returning `LexError`. We reserve the right to
/// change these errors into `LexError`s later.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl FromStr for TokenStream {
    type Err = LexError;

    fn from_str(src: &str) -> Result<TokenStream, LexError> {
        api::parse(src).map_err(LexError)
    }
}

/// Prints the token stream as a string that is supposed to be losslessly convertible back
/// into the same token stream (modulo spans), except for possibly `TokenTree::Group`s
/// with `Delimiter::None` delimiters and negative numeric literals.
///
/// Note: the exact form of the output is subject to change, e.g. there might
/// be changes in the whitespace used between tokens. Therefore, you should
/// *not* do any kind of simple substring matching on the output string (as
/// produced by `to_string`) to implement a proc macro, because that matching
/// might stop working if such changes happen. Instead, you should work at the
/// `TokenTree` level, e.g. matching against `TokenTree::Ident`,
/// `TokenTree::Punct`, or `TokenTree::Literal`.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl fmt::Display for TokenStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // rustc's pretty-printer decides the spacing, so printing goes to the host.
        if self.is_empty() {
            return Ok(());
        }
        write!(f, "{}", api::print(self))
    }
}

/// Prints tokens in a form convenient for debugging.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl fmt::Debug for TokenStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenStream ")?;
        f.debug_list().entries(self.trees()).finish()
    }
}

#[stable(feature = "proc_macro_token_stream_default", since = "1.45.0")]
impl Default for TokenStream {
    fn default() -> Self {
        TokenStream::new()
    }
}

/// Creates a token stream containing a single token tree.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl From<TokenTree> for TokenStream {
    fn from(tree: TokenTree) -> TokenStream {
        let mut trees = Vec::with_capacity(1);
        push_normalized(&mut trees, tree);
        TokenStream(Some(Rc::new(trees)))
    }
}

/// Adds a tree the macro passes in the way rustc stores it: with only the spacing the API shows
/// (a punct's `Joint`; everything else `Alone`), and a negative number literal
/// (`Literal::i32_suffixed(-1)`) as a `-` punct followed by the positive literal, both with the
/// literal's span (the `-` with hidden joint spacing: it prints as `-1`). Native macros observe
/// the split as soon as such a literal is put into a stream.
pub(crate) fn push_normalized(trees: &mut Vec<TokenTree>, mut tree: TokenTree) {
    tree.forget_hidden();
    if let TokenTree::Literal(lit) = &tree {
        if matches!(lit.kind, LitKind::Integer | LitKind::Float) {
            if let Some(positive) = lit.symbol.strip_prefix('-') {
                let span = lit.span;
                let positive = Literal { symbol: Rc::from(positive), ..lit.clone() };
                trees.push(TokenTree::Punct(Punct { ch: '-', spacing: TokSpacing::JointHidden, span }));
                trees.push(TokenTree::Literal(positive));
                return;
            }
        }
    }
    trees.push(tree);
}

/// Collects a number of token trees into a single stream.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl FromIterator<TokenTree> for TokenStream {
    fn from_iter<I: IntoIterator<Item = TokenTree>>(trees: I) -> Self {
        let iter = trees.into_iter();
        let mut out = Vec::with_capacity(iter.size_hint().0);
        iter.for_each(|tree| push_normalized(&mut out, tree));
        TokenStream::from_trees(out)
    }
}

/// A "flattening" operation on token streams, collects token trees
/// from multiple token streams into a single stream.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl FromIterator<TokenStream> for TokenStream {
    fn from_iter<I: IntoIterator<Item = TokenStream>>(streams: I) -> Self {
        let mut out = TokenStream::new();
        out.extend(streams);
        out
    }
}

#[stable(feature = "token_stream_extend", since = "1.30.0")]
impl Extend<TokenTree> for TokenStream {
    fn extend<I: IntoIterator<Item = TokenTree>>(&mut self, trees: I) {
        let mut trees = trees.into_iter().peekable();
        // Extending by nothing must not turn `None` into an empty vector.
        if trees.peek().is_some() {
            let out = self.trees_mut();
            trees.for_each(|tree| push_normalized(out, tree));
        }
    }

    fn extend_one(&mut self, tree: TokenTree) {
        self.push(tree);
    }
}

#[stable(feature = "token_stream_extend", since = "1.30.0")]
impl Extend<TokenStream> for TokenStream {
    fn extend<I: IntoIterator<Item = TokenStream>>(&mut self, streams: I) {
        streams.into_iter().for_each(|s| self.append(s));
    }
}

macro_rules! extend_items {
    ($($item:ident)*) => {$(
        #[stable(feature = "token_stream_extend_ts_items", since = "1.92.0")]
        impl Extend<$item> for TokenStream {
            fn extend<T: IntoIterator<Item = $item>>(&mut self, iter: T) {
                self.extend(iter.into_iter().map(TokenTree::$item));
            }
        }
    )*};
}

extend_items!(Group Literal Punct Ident);
