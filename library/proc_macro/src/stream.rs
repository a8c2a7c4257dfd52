use std::rc::Rc;
use std::str::FromStr;
use std::{error, fmt};

use crate::bridge::api;
use crate::literal::LitKind;
use crate::token_tree::TokSpacing;
use crate::{Group, Ident, Literal, Punct, TokenTree};

/// A sequence of [`TokenTree`]s: what every procedural macro takes in and gives back.
///
/// Iterate it to take it apart; collect or extend to build one. Clones share the trees until
/// one of them is changed.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
#[derive(Clone)]
pub struct TokenStream(
    // Shared, copy-on-write trees: cloning (as `Group::stream` does) costs nothing.
    // `None` is the empty stream.
    pub(crate) Option<Rc<Trees>>,
);

/// A stream's trees. Dropping them calls a destructor only for the trees that own something
/// (groups and literals): most trees are identifiers and puncts, and in wasm a call per tree
/// to find that out is a measurable part of dropping a macro's output.
#[derive(Clone, Default)]
pub(crate) struct Trees(pub(crate) Vec<TokenTree>);

impl Drop for Trees {
    fn drop(&mut self) {
        // The trees skipped below must stay plain data.
        const { assert!(!std::mem::needs_drop::<Ident>() && !std::mem::needs_drop::<Punct>()) };
        let len = self.0.len();
        let base = self.0.as_mut_ptr();
        // SAFETY: the vector forgets its trees first, so that it only frees its buffer after
        // this, and a destructor that panicked could not lead to a tree dropped twice (the
        // rest would leak). Each of the `len` trees is then dropped at most once, in place.
        unsafe {
            self.0.set_len(0);
            for i in 0..len {
                let tree = base.add(i);
                if matches!(*tree, TokenTree::Group(_) | TokenTree::Literal(_)) {
                    std::ptr::drop_in_place(tree);
                }
            }
        }
    }
}

#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl !Send for TokenStream {}
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl !Sync for TokenStream {}

/// Text could not be lexed (`TokenStream::from_str`, `Literal::from_str`). The message is
/// rustc's wording and nothing to match on.
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

/// [`TokenStream::expand_expr`] failed.
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
    /// A stream without trees.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn new() -> TokenStream {
        TokenStream(None)
    }

    /// `true` if the stream has no trees.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn is_empty(&self) -> bool {
        self.trees().is_empty()
    }

    /// Asks the host to read the stream as one expression and expand the macro calls in it,
    /// returning the result.
    ///
    /// Success is only promised when the result is a literal (rustc's rule today). On failure
    /// the host decides between `Err`, a compile error, or both; an empty stream gives `Err`
    /// without asking.
    #[unstable(feature = "proc_macro_expand", issue = "90765")]
    pub fn expand_expr(&self) -> Result<TokenStream, ExpandError> {
        if self.is_empty() {
            return Err(ExpandError);
        }
        api::expand_expr(self).map_err(|()| ExpandError)
    }

    pub(crate) fn from_trees(trees: Vec<TokenTree>) -> TokenStream {
        TokenStream(if trees.is_empty() { None } else { Some(Rc::new(Trees(trees))) })
    }

    pub(crate) fn trees(&self) -> &[TokenTree] {
        self.0.as_deref().map_or(&[], |v| v.0.as_slice())
    }

    /// The trees for appending; copied only if another stream shares them.
    fn trees_mut(&mut self) -> &mut Vec<TokenTree> {
        &mut Rc::make_mut(self.0.get_or_insert_with(Default::default)).0
    }

    /// The trees by value: taken when this stream is their only owner, copied otherwise.
    pub(crate) fn into_trees(self) -> Vec<TokenTree> {
        match self.0 {
            None => Vec::new(),
            Some(trees) => match Rc::try_unwrap(trees) {
                Ok(mut owned) => std::mem::take(&mut owned.0),
                Err(shared) => shared.0.clone(),
            },
        }
    }

    fn push(&mut self, tree: TokenTree) {
        push_normalized(self.trees_mut(), tree);
    }

    fn append(&mut self, other: TokenStream) {
        match other.0 {
            None => {}
            Some(trees) if self.0.is_none() => self.0 = Some(trees),
            Some(trees) => match Rc::try_unwrap(trees) {
                Ok(mut owned) => self.trees_mut().append(&mut owned.0),
                Err(shared) => self.trees_mut().extend(shared.0.iter().cloned()),
            },
        }
    }
}

/// Lexes `src` into trees through the host, as rustc would lex a source file. Unmatched
/// brackets or characters no Rust token uses give a [`LexError`]. Every token gets the
/// call-site span.
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
impl FromStr for TokenStream {
    type Err = LexError;

    fn from_str(src: &str) -> Result<TokenStream, LexError> {
        api::parse(src).map_err(LexError)
    }
}

/// Source text for the stream, spaced the way rustc's printer spaces it (the host prints).
///
/// Lexing the text again is meant to give the same tokens back, except for spans and
/// invisible delimiters.
/// The spacing may differ between compiler versions, so macros should inspect the trees, not
/// this text.
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

/// `TokenStream [..]` with the `Debug` output of each top-level tree.
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

/// A stream holding just `tree`.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl From<TokenTree> for TokenStream {
    fn from(tree: TokenTree) -> TokenStream {
        let mut trees = Vec::with_capacity(1);
        push_normalized(&mut trees, tree);
        TokenStream(Some(Rc::new(Trees(trees))))
    }
}

/// Adds a tree the macro passes in the way rustc stores it: with only the spacing the API shows
/// (a punct's `Joint`; everything else `Alone`), and a negative number literal
/// (`Literal::i32_suffixed(-1)`) as a `-` punct followed by the positive literal, both with the
/// literal's span (the `-` with hidden joint spacing: it prints as `-1`). Native macros observe
/// the split as soon as such a literal is put into a stream.
///
/// Kept out of line, with the rare case (a negative literal) in a function of its own, so that
/// the common case needs no stack frame.
#[inline(never)]
pub(crate) fn push_normalized(trees: &mut Vec<TokenTree>, mut tree: TokenTree) {
    tree.forget_hidden();
    // Checked through a reference and handed over whole: matching the literal out by value
    // leaves it live across the push, which costs the common case an unwinding cleanup block.
    let negative = match &tree {
        TokenTree::Literal(lit) => matches!(lit.kind, LitKind::Integer | LitKind::Float) && lit.symbol.starts_with('-'),
        _ => false,
    };
    if negative {
        return push_negative_literal(trees, tree);
    }
    trees.push(tree);
}

#[cold]
#[inline(never)]
fn push_negative_literal(trees: &mut Vec<TokenTree>, tree: TokenTree) {
    let TokenTree::Literal(lit) = tree else { unreachable!("only called with a literal") };
    let span = lit.span;
    let positive = Literal { symbol: Rc::from(&lit.symbol[1..]), ..lit };
    trees.push(TokenTree::Punct(Punct { ch: '-', spacing: TokSpacing::JointHidden, span }));
    trees.push(TokenTree::Literal(positive));
}

/// A stream of the given trees, in order.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl FromIterator<TokenTree> for TokenStream {
    fn from_iter<I: IntoIterator<Item = TokenTree>>(trees: I) -> Self {
        let iter = trees.into_iter();
        let mut out = Vec::with_capacity(iter.size_hint().0);
        iter.for_each(|tree| push_normalized(&mut out, tree));
        TokenStream::from_trees(out)
    }
}

/// The given streams one after another, as one stream.
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
        let mut trees = trees.into_iter();
        // Extending by nothing must not turn `None` into an empty vector.
        let Some(first) = trees.next() else { return };
        let out = self.trees_mut();
        out.reserve(trees.size_hint().0.saturating_add(1));
        push_normalized(out, first);
        trees.for_each(|tree| push_normalized(out, tree));
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

// Extending by groups, idents, puncts or literals goes through `Extend<TokenTree>`.
impl TokenStream {
    fn extend_with<T: Into<TokenTree>>(&mut self, items: impl IntoIterator<Item = T>) {
        self.extend(items.into_iter().map(Into::<TokenTree>::into));
    }
}

#[stable(feature = "token_stream_extend_ts_items", since = "1.92.0")]
impl Extend<Group> for TokenStream {
    fn extend<T: IntoIterator<Item = Group>>(&mut self, groups: T) {
        self.extend_with(groups);
    }
}

#[stable(feature = "token_stream_extend_ts_items", since = "1.92.0")]
impl Extend<Literal> for TokenStream {
    fn extend<T: IntoIterator<Item = Literal>>(&mut self, literals: T) {
        self.extend_with(literals);
    }
}

#[stable(feature = "token_stream_extend_ts_items", since = "1.92.0")]
impl Extend<Punct> for TokenStream {
    fn extend<T: IntoIterator<Item = Punct>>(&mut self, puncts: T) {
        self.extend_with(puncts);
    }
}

#[stable(feature = "token_stream_extend_ts_items", since = "1.92.0")]
impl Extend<Ident> for TokenStream {
    fn extend<T: IntoIterator<Item = Ident>>(&mut self, idents: T) {
        self.extend_with(idents);
    }
}
