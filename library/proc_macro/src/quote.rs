//! Support items for `quote!`.
//!
//! `quote!` is a compiler built-in: rustc expands it with its own quoter, whose output
//! names items of this crate (`TokenStream::new`, `ToTokens::to_tokens`, `Punct::new`,
//! `Span::recover_proc_macro_span`, the repetition helpers below, ...). Those names and
//! behaviours are what this module keeps compatible.

use std::ops::BitOr;

use crate::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, ToTokens, TokenStream, TokenTree};

/// Type-level "true": some variable of a `$(...)*` repetition is an iterator.
#[doc(hidden)]
#[unstable(feature = "proc_macro_quote", issue = "54722")]
pub struct HasIterator;

/// Type-level "false": no variable of a `$(...)*` repetition is an iterator yet.
#[doc(hidden)]
#[unstable(feature = "proc_macro_quote", issue = "54722")]
pub struct ThereIsNoIteratorInRepetition;

// `has_iter | i` over all repeated variables: an "or" on the two types above.
macro_rules! type_or {
    ($($l:ident | $r:ident => $out:ident;)*) => {$(
        #[unstable(feature = "proc_macro_quote", issue = "54722")]
        impl BitOr<$r> for $l {
            type Output = $out;
            fn bitor(self, _: $r) -> $out {
                $out
            }
        }
    )*};
}

type_or! {
    ThereIsNoIteratorInRepetition | ThereIsNoIteratorInRepetition => ThereIsNoIteratorInRepetition;
    ThereIsNoIteratorInRepetition | HasIterator => HasIterator;
    HasIterator | ThereIsNoIteratorInRepetition => HasIterator;
    HasIterator | HasIterator => HasIterator;
}

/// Extension traits that give every interpolated value a `quote_into_iter` method: iterators
/// and collections yield their items, any other `ToTokens` value repeats itself.
#[doc(hidden)]
#[unstable(feature = "proc_macro_quote", issue = "54722")]
pub mod ext {
    use std::collections::btree_set::{self, BTreeSet};
    use std::slice;

    use super::{HasIterator, RepInterp, ThereIsNoIteratorInRepetition};
    use crate::ToTokens;

    /// `quote_into_iter` for iterators.
    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    pub trait RepIteratorExt: Iterator + Sized {
        /// The iterator itself, marked as an iterator.
        #[unstable(feature = "proc_macro_quote", issue = "54722")]
        fn quote_into_iter(self) -> (Self, HasIterator) {
            (self, HasIterator)
        }
    }

    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    impl<T: Iterator> RepIteratorExt for T {}

    /// `quote_into_iter` for single values, which repeat in every round.
    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    pub trait RepToTokensExt {
        /// Acts like `Iterator::next` that never ends, so re-binding the value works.
        #[unstable(feature = "proc_macro_quote", issue = "54722")]
        fn next(&self) -> Option<&Self> {
            Some(self)
        }

        /// The value itself, marked as not an iterator.
        #[unstable(feature = "proc_macro_quote", issue = "54722")]
        fn quote_into_iter(&self) -> (&Self, ThereIsNoIteratorInRepetition) {
            (self, ThereIsNoIteratorInRepetition)
        }
    }

    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    impl<T: ToTokens + ?Sized> RepToTokensExt for T {}

    /// `quote_into_iter` for collections iterated by reference.
    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    pub trait RepAsIteratorExt<'q> {
        /// The iterator over the collection.
        #[unstable(feature = "proc_macro_quote", issue = "54722")]
        type Iter: Iterator;

        /// Iterates the collection, marked as an iterator.
        #[unstable(feature = "proc_macro_quote", issue = "54722")]
        fn quote_into_iter(&'q self) -> (Self::Iter, HasIterator);
    }

    macro_rules! by_ref {
        ($($ptr:ty),*) => {$(
            #[unstable(feature = "proc_macro_quote", issue = "54722")]
            impl<'q, T: RepAsIteratorExt<'q> + ?Sized> RepAsIteratorExt<'q> for $ptr {
                type Iter = T::Iter;
                fn quote_into_iter(&'q self) -> (Self::Iter, HasIterator) {
                    <T as RepAsIteratorExt>::quote_into_iter(*self)
                }
            }
        )*};
    }

    by_ref!(&T, &mut T);

    macro_rules! slice_like {
        ($([$($gen:tt)*] $coll:ty => $iter:ty),*) => {$(
            #[unstable(feature = "proc_macro_quote", issue = "54722")]
            impl<'q, T: 'q $($gen)*> RepAsIteratorExt<'q> for $coll {
                type Iter = $iter;
                fn quote_into_iter(&'q self) -> (Self::Iter, HasIterator) {
                    (self.iter(), HasIterator)
                }
            }
        )*};
    }

    slice_like!(
        [] [T] => slice::Iter<'q, T>,
        [, const N: usize] [T; N] => slice::Iter<'q, T>,
        [] Vec<T> => slice::Iter<'q, T>,
        [] BTreeSet<T> => btree_set::Iter<'q, T>
    );

    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    impl<'q, T: RepAsIteratorExt<'q>> RepAsIteratorExt<'q> for RepInterp<T> {
        type Iter = T::Iter;

        fn quote_into_iter(&'q self) -> (Self::Iter, HasIterator) {
            self.0.quote_into_iter()
        }
    }
}

/// One round's value of a repeated variable. Its `next` keeps working after the variable was
/// re-bound to it, so a variable used twice in a round advances only once.
#[derive(Copy, Clone)]
#[doc(hidden)]
#[unstable(feature = "proc_macro_quote", issue = "54722")]
pub struct RepInterp<T>(#[unstable(feature = "proc_macro_quote", issue = "54722")] pub T);

impl<T> RepInterp<T> {
    /// The wrapped value, as if from an iterator.
    #[unstable(feature = "proc_macro_quote", issue = "54722")]
    pub fn next(self) -> Option<T> {
        Some(self.0)
    }
}

#[unstable(feature = "proc_macro_quote", issue = "54722")]
impl<T: Iterator> Iterator for RepInterp<T> {
    type Item = T::Item;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }
}

#[unstable(feature = "proc_macro_quote", issue = "54722")]
impl<T: ToTokens> ToTokens for RepInterp<T> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.0.to_tokens(tokens);
    }
}

/// Tokens of an expression that gives back `span` when the generated code runs:
/// `<proc_macro_crate>::Span::recover_proc_macro_span(<id>)`, where `id` is the number under
/// which the span was saved for the macro crate's metadata.
#[unstable(feature = "proc_macro_quote", issue = "54722")]
pub fn quote_span(proc_macro_crate: TokenStream, span: Span) -> TokenStream {
    let id = span.save_span();
    let def = Span::def_site();
    let path_sep = || {
        let mut first = Punct::new(':', Spacing::Joint);
        let mut second = Punct::new(':', Spacing::Alone);
        first.set_span(def);
        second.set_span(def);
        [TokenTree::Punct(first), TokenTree::Punct(second)]
    };
    let mut out = proc_macro_crate;
    out.extend(path_sep());
    out.extend([TokenTree::Ident(Ident::new("Span", def))]);
    out.extend(path_sep());
    out.extend([TokenTree::Ident(Ident::new("recover_proc_macro_span", def))]);
    let arg = TokenStream::from(TokenTree::Literal(Literal::usize_unsuffixed(id)));
    out.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, arg))]);
    out
}
