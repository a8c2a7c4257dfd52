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
#![cfg_attr(target_family = "wasm", feature(panic_can_unwind))]
#![cfg_attr(all(target_family = "wasm", panic = "unwind"), feature(asm_experimental_arch, link_llvm_intrinsics))]
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
#[cfg(target_family = "wasm")]
mod malloc;
mod punct;
mod span;
mod stream;
mod symbol;
mod to_tokens;
mod token_tree;
#[cfg(all(target_family = "wasm", panic = "unwind"))]
mod unwind;

/// Companion types of [`TokenStream`]; today just its iterator.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
pub mod token_stream;

/// Environment variables and files read by a macro, recorded by the host as build inputs.
#[unstable(feature = "proc_macro_tracked_path", issue = "99515", implied_by = "proc_macro_tracked_env")]
pub mod tracked;

/// Tracked access to environment variables (the older name of [`tracked::env_var`]).
#[unstable(feature = "proc_macro_tracked_env", issue = "99515")]
pub mod tracked_env {
    use std::env::VarError;
    use std::ffi::OsStr;

    /// Same as [`tracked::env_var`](crate::tracked::env_var).
    #[unstable(feature = "proc_macro_tracked_env", issue = "99515")]
    pub fn var<K: AsRef<OsStr> + AsRef<str>>(key: K) -> Result<String, VarError> {
        crate::tracked::env_var(key)
    }
}

/// Tracked access to files (the older name of [`tracked::path`]).
#[unstable(feature = "track_path", issue = "99515")]
pub mod tracked_path {
    /// Has the host record the file at `path` as a build input (a rebuild follows its changes).
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

/// `true` while the host is running one of this crate's macros, `false` anywhere else (a build
/// script, a unit test, an ordinary binary). Where it is `false`, every call that needs the
/// compiler panics.
#[stable(feature = "proc_macro_is_available", since = "1.57.0")]
pub fn is_available() -> bool {
    bridge::context::is_available()
}

/// Builds a [`TokenStream`] out of the tokens written between its delimiters.
///
/// `$name` inserts the value of a variable through [`ToTokens`], `$( ... )*` (optionally with a
/// separator) repeats over iterable variables, and `$$` stands for a plain `$`. rustc expands
/// the macro itself; the code it generates calls items of this crate.
#[unstable(feature = "proc_macro_quote", issue = "54722")]
#[allow_internal_unstable(proc_macro_def_site, proc_macro_internals, proc_macro_totokens)]
#[rustc_builtin_macro]
pub macro quote($($t:tt)*) {
    /* expanded by rustc, not by this definition */
}

#[cfg(test)]
mod tests;
