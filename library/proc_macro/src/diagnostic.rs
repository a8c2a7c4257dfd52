use std::fmt;

use crate::bridge::api;
use crate::Span;

/// How severe a [`Diagnostic`] is.
#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
#[derive(Copy, Clone, Debug)]
#[non_exhaustive]
pub enum Level {
    /// Reported as `error`; the compilation fails.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    Error,
    /// Reported as `warning`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    Warning,
    /// Reported as `note`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    Note,
    /// Reported as `help`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    Help,
}

/// What a diagnostic can point at: one `Span`, a `Vec<Span>` or a `&[Span]`.
#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
pub trait MultiSpan {
    /// The spans, as a vector.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    fn into_spans(self) -> Vec<Span>;
}

#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
impl MultiSpan for Span {
    fn into_spans(self) -> Vec<Span> {
        vec![self]
    }
}

#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
impl MultiSpan for Vec<Span> {
    fn into_spans(self) -> Vec<Span> {
        self
    }
}

#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
impl<'a> MultiSpan for &'a [Span] {
    fn into_spans(self) -> Vec<Span> {
        self.to_vec()
    }
}

/// A compiler message built by the macro: a level, a text, the spans it points at and any
/// attached sub-messages. Nothing is reported until [`emit`](Diagnostic::emit).
#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
#[derive(Clone, Debug)]
pub struct Diagnostic {
    // The field order is what `Debug` shows.
    level: Level,
    message: String,
    spans: Vec<Span>,
    children: Vec<Diagnostic>,
}

/// The iterator [`Diagnostic::children`] returns.
#[derive(Clone)]
#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
pub struct Children<'a> {
    rest: &'a [Diagnostic],
}

#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
impl<'a> Iterator for Children<'a> {
    type Item = &'a Diagnostic;

    fn next(&mut self) -> Option<&'a Diagnostic> {
        let (first, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(first)
    }
}

// Shown as native rustc shows it: `Children(Iter([..]))`. (A hand-written impl needs the
// stability attribute that a derived one takes from the type.)
#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
impl fmt::Debug for Children<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Children").field(&self.rest.iter()).finish()
    }
}

#[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
impl Diagnostic {
    /// A diagnostic that points at no span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn new<T: Into<String>>(level: Level, message: T) -> Diagnostic {
        Diagnostic { level, message: message.into(), spans: vec![], children: vec![] }
    }

    /// A diagnostic that points at `spans`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn spanned<S, T>(spans: S, level: Level, message: T) -> Diagnostic
    where
        S: MultiSpan,
        T: Into<String>,
    {
        Diagnostic { level, message: message.into(), spans: spans.into_spans(), children: vec![] }
    }

    /// Appends `child` to the sub-messages; the builder methods below all end here.
    fn with_child(mut self, child: Diagnostic) -> Diagnostic {
        self.children.push(child);
        self
    }

    /// Attaches an error sub-message pointing at `spans`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn span_error<S, T>(self, spans: S, message: T) -> Diagnostic
    where
        S: MultiSpan,
        T: Into<String>,
    {
        self.with_child(Diagnostic::spanned(spans, Level::Error, message))
    }

    /// Attaches an error sub-message without a span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn error<T: Into<String>>(self, message: T) -> Diagnostic {
        self.with_child(Diagnostic::new(Level::Error, message))
    }

    /// Attaches a warning sub-message pointing at `spans`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn span_warning<S, T>(self, spans: S, message: T) -> Diagnostic
    where
        S: MultiSpan,
        T: Into<String>,
    {
        self.with_child(Diagnostic::spanned(spans, Level::Warning, message))
    }

    /// Attaches a warning sub-message without a span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn warning<T: Into<String>>(self, message: T) -> Diagnostic {
        self.with_child(Diagnostic::new(Level::Warning, message))
    }

    /// Attaches a note pointing at `spans`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn span_note<S, T>(self, spans: S, message: T) -> Diagnostic
    where
        S: MultiSpan,
        T: Into<String>,
    {
        self.with_child(Diagnostic::spanned(spans, Level::Note, message))
    }

    /// Attaches a note without a span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn note<T: Into<String>>(self, message: T) -> Diagnostic {
        self.with_child(Diagnostic::new(Level::Note, message))
    }

    /// Attaches a help message pointing at `spans`.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn span_help<S, T>(self, spans: S, message: T) -> Diagnostic
    where
        S: MultiSpan,
        T: Into<String>,
    {
        self.with_child(Diagnostic::spanned(spans, Level::Help, message))
    }

    /// Attaches a help message without a span.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn help<T: Into<String>>(self, message: T) -> Diagnostic {
        self.with_child(Diagnostic::new(Level::Help, message))
    }

    /// The level.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn level(&self) -> Level {
        self.level
    }

    /// Replaces the level.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn set_level(&mut self, level: Level) {
        self.level = level;
    }

    /// The main text.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Replaces the main text.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn set_message<T: Into<String>>(&mut self, message: T) {
        self.message = message.into();
    }

    /// The spans the diagnostic points at (empty for none).
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Replaces the spans the diagnostic points at.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn set_spans<S: MultiSpan>(&mut self, spans: S) {
        self.spans = spans.into_spans();
    }

    /// The attached sub-messages, oldest first.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn children(&self) -> Children<'_> {
        Children { rest: &self.children }
    }

    /// Hands the diagnostic to the host, which reports it through rustc.
    #[unstable(feature = "proc_macro_diagnostic", issue = "54140")]
    pub fn emit(self) {
        api::emit(&self);
    }
}
