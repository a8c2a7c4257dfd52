//! wasmacro's implementation of the `proc_macro` API.
//!
//! Procedural macros compiled for wasmacro's wasm target link against this crate instead of
//! the standard distribution's `proc_macro`. Token trees live in the guest's own memory; the
//! compiler side (spans, parsing, printing, diagnostics) is reached through the WIT imports
//! of `wasmacro:bridge`. Public items carry the same stability attributes as the standard
//! library's, so feature gates behave as with native rustc.

#![stable(feature = "proc_macro_lib", since = "1.15.0")]
#![deny(missing_docs)]
#![feature(staged_api)]
#![feature(allow_internal_unstable)]
#![feature(decl_macro)]
#![feature(negative_impls)]
#![feature(rustc_attrs)]
#![feature(extend_one)]
#![feature(mem_conjure_zst)]
#![allow(internal_features)]
#![deny(unsafe_op_in_unsafe_fn)]

#[unstable(feature = "proc_macro_internals", issue = "27812")]
#[doc(hidden)]
pub mod bridge;

mod diagnostic;
mod escape;
mod group;
mod ident;
mod literal;
mod punct;
mod span;
mod stream;
mod to_tokens;
mod token_tree;

/// Public implementation details for the `TokenStream` type, such as iterators.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub mod token_stream;

/// Functionality for adding environment state to the build dependency info.
#[unstable(feature = "proc_macro_tracked_path", issue = "99515", implied_by = "proc_macro_tracked_env")]
pub mod tracked;

/// Tracked access to environment variables (the older name of [`tracked::env_var`]).
#[unstable(feature = "proc_macro_tracked_env", issue = "99515")]
pub mod tracked_env {
    use std::env::VarError;
    use std::ffi::OsStr;

    /// Retrieve an environment variable and add it to build dependency info.
    /// The build system executing the compiler will know that the variable was accessed during
    /// compilation, and will be able to rerun the build when the value of that variable changes.
    /// Besides the dependency tracking this function should be equivalent to `env::var` from the
    /// standard library, except that the argument must be UTF-8.
    #[unstable(feature = "proc_macro_tracked_env", issue = "99515")]
    pub fn var<K: AsRef<OsStr> + AsRef<str>>(key: K) -> Result<String, VarError> {
        crate::tracked::env_var(key)
    }
}

/// Tracked access to files (the older name of [`tracked::path`]).
#[unstable(feature = "track_path", issue = "99515")]
pub mod tracked_path {
    /// Track a file explicitly.
    ///
    /// Commonly used for tracking asset preprocessing.
    #[unstable(feature = "track_path", issue = "99515")]
    pub fn path<P: AsRef<str>>(path: P) {
        crate::bridge::api::track_path(path.as_ref());
    }
}

#[unstable(feature = "proc_macro_internals", issue = "27812")]
#[doc(hidden)]
mod quote;

#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
pub use diagnostic::{Diagnostic, Level, MultiSpan};
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub use group::{Delimiter, Group};
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub use ident::Ident;
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub use literal::Literal;
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub use punct::{Punct, Spacing};
#[unstable(feature = "proc_macro_quote", issue = "54722")]
pub use quote::{ext, quote_span, HasIterator, RepInterp, ThereIsNoIteratorInRepetition};
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub use span::Span;
#[unstable(feature = "proc_macro_totokens", issue = "130977")]
pub use to_tokens::ToTokens;
#[stable(feature = "proc_macro_lib", since = "1.15.0")]
pub use stream::{LexError, TokenStream};
#[unstable(feature = "proc_macro_expand", issue = "90765")]
pub use stream::ExpandError;
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub use token_tree::TokenTree;

/// Determines whether proc_macro has been made accessible to the currently
/// running program.
///
/// Returns true only while a procedural macro is being expanded: in a build
/// script, a unit test or any other program the API is unavailable and its
/// functions panic.
#[stable(feature = "proc_macro_is_available", since = "1.57.0")]
pub fn is_available() -> bool {
    bridge::context::is_available()
}

/// `quote!(..)` accepts arbitrary tokens and expands into a `TokenStream` describing the input.
/// For example, `quote!(a + b)` will produce an expression, that, when evaluated, constructs
/// the `TokenStream` `[Ident("a"), Punct('+', Alone), Ident("b")]`.
///
/// Unquoting is done with `$`, and works by taking the single next ident as the unquoted term.
/// To quote `$` itself, use `$$`.
#[unstable(feature = "proc_macro_quote", issue = "54722")]
#[allow_internal_unstable(proc_macro_def_site, proc_macro_internals, proc_macro_totokens)]
#[rustc_builtin_macro]
pub macro quote($($t:tt)*) {
    /* compiler built-in */
}

#[cfg(test)]
mod tests;
