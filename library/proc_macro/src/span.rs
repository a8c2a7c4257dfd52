use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use crate::bridge::{api, context};
use crate::{Diagnostic, Level};

/// A location in the source, with its hygiene.
///
/// Only a number: the index of the span in the host's table for the running expansion. All
/// questions about it (file, line, joining, ...) go to the host.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
#[derive(Copy, Clone)]
pub struct Span(pub(crate) u32);

#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Send for Span {}
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl !Sync for Span {}

impl Span {
    /// The span the host gave for the macro's definition; names with it resolve inside the
    /// macro's own crate.
    #[unstable(feature = "proc_macro_def_site", issue = "54724")]
    pub fn def_site() -> Span {
        context::spans().def_site
    }

    /// Where the macro was invoked. Names with this span behave as if the caller had written
    /// them: they see the caller's items, and the caller sees them.
    #[stable(feature = "proc_macro_lib2", since = "1.29.0")]
    pub fn call_site() -> Span {
        context::spans().call_site
    }

    /// Located at the invocation, with the hygiene of a `macro_rules!` macro: local variables,
    /// labels and `$crate` belong to the macro, all other names resolve for the caller.
    #[stable(feature = "proc_macro_mixed_site", since = "1.45.0")]
    pub fn mixed_site() -> Span {
        context::spans().mixed_site
    }

    /// One expansion step back: the span that `self` was produced from, or `None` when no
    /// expansion produced it (the host answers).
    #[unstable(feature = "proc_macro_span", issue = "54725")]
    pub fn parent(&self) -> Option<Span> {
        api::span_parent(*self)
    }

    /// All expansion steps back: the span in the written source behind `self`, which is `self`
    /// again when no expansion produced it (the host answers).
    #[unstable(feature = "proc_macro_span", issue = "54725")]
    pub fn source(&self) -> Span {
        api::span_source(*self)
    }

    /// Byte offsets of the span within its file.
    #[unstable(feature = "proc_macro_span", issue = "54725")]
    pub fn byte_range(&self) -> Range<usize> {
        let (start, end) = api::span_byte_range(*self);
        start as usize..end as usize
    }

    /// A zero-width span at the beginning of `self`.
    #[stable(feature = "proc_macro_span_location", since = "1.88.0")]
    pub fn start(&self) -> Span {
        api::span_start(*self)
    }

    /// A zero-width span at the end of `self`.
    #[stable(feature = "proc_macro_span_location", since = "1.88.0")]
    pub fn end(&self) -> Span {
        api::span_end(*self)
    }

    /// Line (counted from 1) on which the span begins; `span.end().line()` gives the last one.
    #[stable(feature = "proc_macro_span_location", since = "1.88.0")]
    pub fn line(&self) -> usize {
        api::span_line(*self) as usize
    }

    /// Column (counted from 1) at which the span begins; `span.end().column()` gives the end.
    #[stable(feature = "proc_macro_span_location", since = "1.88.0")]
    pub fn column(&self) -> usize {
        api::span_column(*self) as usize
    }

    /// The file name rustc shows for the span, after path remapping. It need not name a file
    /// that exists.
    #[stable(feature = "proc_macro_span_file", since = "1.88.0")]
    pub fn file(&self) -> String {
        api::span_file(*self)
    }

    /// The file's real path on this machine, ignoring remapping, or `None` if there is no such
    /// file. Keep it out of generated code; [`file`](Span::file) is the name to show.
    #[stable(feature = "proc_macro_span_file", since = "1.88.0")]
    pub fn local_file(&self) -> Option<PathBuf> {
        api::span_local_file(*self).map(PathBuf::from)
    }

    /// The smallest span covering both `self` and `other`, or `None` when the two lie in
    /// different files.
    #[unstable(feature = "proc_macro_span", issue = "54725")]
    pub fn join(&self, other: Span) -> Option<Span> {
        api::span_join(*self, other)
    }

    /// `self`'s location combined with `other`'s hygiene.
    #[stable(feature = "proc_macro_span_resolved_at", since = "1.45.0")]
    pub fn resolved_at(&self, other: Span) -> Span {
        api::span_resolved_at(*self, other)
    }

    /// `other`'s location combined with `self`'s hygiene.
    #[stable(feature = "proc_macro_span_located_at", since = "1.45.0")]
    pub fn located_at(&self, other: Span) -> Span {
        other.resolved_at(*self)
    }

    /// Whether `self` and `other` are the same span.
    #[unstable(feature = "proc_macro_span", issue = "54725")]
    pub fn eq(&self, other: &Span) -> bool {
        // Two ids can name equal spans, so the host compares.
        self.0 == other.0 || api::span_eq(*self, *other)
    }

    /// The text of the source the span covers, with its whitespace and comments, or `None`
    /// when the span does not come from real source. Meant for messages: the tokens, not this
    /// text, should decide what a macro generates.
    #[stable(feature = "proc_macro_source_text", since = "1.66.0")]
    pub fn source_text(&self) -> Option<String> {
        api::span_source_text(*self)
    }

    // Used by the code that the built-in `quote!` generates.
    #[doc(hidden)]
    #[unstable(feature = "proc_macro_internals", issue = "27812")]
    pub fn save_span(&self) -> usize {
        api::span_save_span(*self) as usize
    }

    // Used by the code that the built-in `quote!` generates.
    #[doc(hidden)]
    #[unstable(feature = "proc_macro_internals", issue = "27812")]
    pub fn recover_proc_macro_span(id: usize) -> Span {
        api::span_recover_proc_macro_span(id as u64)
    }

    /// An error [`Diagnostic`] pointing at this span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn error<T: Into<String>>(self, message: T) -> Diagnostic {
        Diagnostic::spanned(self, Level::Error, message)
    }

    /// A warning [`Diagnostic`] pointing at this span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn warning<T: Into<String>>(self, message: T) -> Diagnostic {
        Diagnostic::spanned(self, Level::Warning, message)
    }

    /// A note [`Diagnostic`] pointing at this span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn note<T: Into<String>>(self, message: T) -> Diagnostic {
        Diagnostic::spanned(self, Level::Note, message)
    }

    /// A help [`Diagnostic`] pointing at this span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn help<T: Into<String>>(self, message: T) -> Diagnostic {
        Diagnostic::spanned(self, Level::Help, message)
    }
}

/// The host's debug rendering of the span.
#[stable(feature = "proc_macro_lib2", since = "1.29.0")]
impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&api::span_debug(*self))
    }
}
