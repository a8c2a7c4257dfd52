use crate::{TokenStream, TokenTree};

/// Yields the top-level trees of a [`TokenStream`] by value. A group comes out as one tree;
/// use [`Group::stream`](crate::Group::stream) to look inside it.
#[derive(Clone)]
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub struct IntoIter {
    trees: std::vec::IntoIter<TokenTree>,
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl Iterator for IntoIter {
    type Item = TokenTree;

    /// Trees come out as rustc's proc_macro server hands them out: without the spacing that
    /// only a stream keeps (a group's body keeps it).
    fn next(&mut self) -> Option<TokenTree> {
        let mut tree = self.trees.next()?;
        tree.forget_hidden();
        Some(tree)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.trees.size_hint()
    }

    fn count(self) -> usize {
        self.trees.count()
    }

    fn nth(&mut self, n: usize) -> Option<TokenTree> {
        let mut tree = self.trees.nth(n)?;
        tree.forget_hidden();
        Some(tree)
    }
}

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl IntoIterator for TokenStream {
    type Item = TokenTree;
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        // Take the trees without copying when this stream is their only owner.
        IntoIter { trees: self.into_trees().into_iter() }
    }
}
