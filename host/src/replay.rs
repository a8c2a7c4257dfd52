//! What the fast variant of a component (see `crate::unwinding`) did, so that the component as
//! built can redo it when the fast variant traps: the expansions it served, each with every
//! answer the backend gave during it.
//!
//! The guest is deterministic when the sandbox gives it no real clock or randomness, so the
//! component as built, given the same inputs and the same answers, makes the same calls and
//! ends in the same `static` state, without the backend being asked twice (no diagnostic is
//! emitted again, no path tracked again).

use std::any::Any;
use std::collections::VecDeque;
use std::sync::Mutex;

use crate::backend::{Backend, Diagnostic};
use crate::bindings::macros::ExpandRequest;
use crate::tokens::{FlatStream, Literal, SpanId, Token};

/// One expansion the fast variant served.
pub(crate) struct Recorded {
    /// What the guest was given, input streams packed (the host's token lists, which tell the
    /// spans handed out, are read back from them at a replay: three times the memory otherwise).
    pub request: ExpandRequest,
    pub call_site: [SpanId; 3],
    pub answers: Vec<Answer>,
    /// Whether the guest returned an output (not an error such as wrong attribute arguments).
    pub succeeded: bool,
}

impl Recorded {
    /// About how much memory this holds (an answer counted as 64 bytes).
    pub fn size(&self) -> usize {
        let streams = std::iter::once(&self.request.input).chain(self.request.attribute_input.as_ref());
        streams.map(|s| s.words.len() * 4 + s.text.len()).sum::<usize>() + self.answers.len() * 64
    }

    /// The input streams as token lists.
    pub fn inputs(&self) -> Option<Vec<FlatStream>> {
        std::iter::once(&self.request.input).chain(self.request.attribute_input.as_ref()).map(crate::packed::read).collect()
    }
}

/// A backend's answer to one call.
pub(crate) type Answer = Box<dyn Any + Send>;

/// The embedder's backend, with every answer kept.
pub(crate) struct Recorder {
    inner: Box<dyn Backend>,
    answers: Vec<Answer>,
}

impl Recorder {
    /// Puts a recorder around the backend in `slot`.
    pub fn wrap(slot: &mut Box<dyn Backend>) {
        let inner = std::mem::replace(slot, Box::new(Replayer::new(Vec::new())));
        *slot = Box::new(Recorder { inner, answers: Vec::new() });
    }

    /// Takes the recorder that [`Recorder::wrap`] put in `slot` off again: the backend goes
    /// back, and the answers it gave come out.
    pub fn unwrap(slot: &mut Box<dyn Backend>) -> Vec<Answer> {
        let recorder: Box<dyn Backend> = std::mem::replace(slot, Box::new(Replayer::new(Vec::new())));
        match (recorder as Box<dyn Any>).downcast::<Recorder>() {
            Ok(recorder) => {
                *slot = recorder.inner;
                recorder.answers
            }
            Err(_) => unreachable!("a fast expansion's backend is a recorder until it is taken back"),
        }
    }

    fn keep<T: Clone + Send + 'static>(&mut self, answer: T) -> T {
        self.answers.push(Box::new(answer.clone()));
        answer
    }
}

/// Answers from a recording, in order. A call that does not match what was recorded means the
/// replay went another way: it panics, and the replay is abandoned.
pub(crate) struct Replayer {
    // A mutex only because `span_is_valid` takes `&self` (and a backend must be `Send`).
    answers: Mutex<VecDeque<Answer>>,
}

impl Replayer {
    pub fn new(answers: Vec<Answer>) -> Replayer {
        Replayer { answers: Mutex::new(answers.into()) }
    }

    pub fn exhausted(&self) -> bool {
        self.answers.lock().is_ok_and(|a| a.is_empty())
    }

    fn next<T: 'static>(&self) -> T {
        let next = self.answers.lock().ok().and_then(|mut a| a.pop_front());
        match next.map(|answer| answer.downcast::<T>()) {
            Some(Ok(answer)) => *answer,
            _ => panic!("replaying an earlier expansion: the macro asked something else than the first time"),
        }
    }
}

/// Both wrappers' methods: the recorder asks its backend and keeps the answer, the replayer
/// gives the next recorded one.
macro_rules! recorded_backend {
    ($( fn $name:ident($($self_mut:ident)?; $($arg:ident: $ty:ty),*) -> $ret:ty; )*) => {
        impl Backend for Recorder {
            $( fn $name(& $($self_mut)? self $(, $arg: $ty)*) -> $ret { recorded_backend!(@record self $name $($self_mut)? ($($arg),*)) } )*
        }
        impl Backend for Replayer {
            $( fn $name(& $($self_mut)? self $(, $arg: $ty)*) -> $ret { $(let _ = $arg;)* recorded_backend!(@replay self $($self_mut)? $ret) } )*
        }
    };
    (@replay $self:ident mut $ret:ty) => { $self.next::<$ret>() };
    // Never asked during a replay: the outputs are not checked again.
    (@replay $self:ident $ret:ty) => { <$ret>::default() };
    (@record $self:ident $name:ident mut ($($arg:ident),*)) => {{ let answer = $self.inner.$name($($arg),*); $self.keep(answer) }};
    // `span_is_valid` (`&self`) is asked only by the host, about a span the guest sent that
    // it did not hand out: the expansion fails at that point, so its answer need not be kept.
    (@record $self:ident $name:ident ($($arg:ident),*)) => {{ $self.inner.$name($($arg),*) }};
}

recorded_backend! {
    fn parse(mut; source: &str) -> Result<FlatStream, String>;
    fn parse_literal(mut; source: &str) -> Result<Literal, String>;
    fn print(mut; stream: &[Token]) -> String;
    fn print_bounded(mut; stream: &[Token], max_bytes: usize) -> Option<String>;
    fn expand_expr(mut; stream: FlatStream) -> Result<FlatStream, ()>;
    fn validate_ident(mut; name: &str, is_raw: bool, span: SpanId) -> Result<String, String>;
    fn span_debug(mut; span: SpanId) -> String;
    fn span_source_text(mut; span: SpanId) -> Option<String>;
    fn span_line(mut; span: SpanId) -> u32;
    fn span_column(mut; span: SpanId) -> u32;
    fn span_file(mut; span: SpanId) -> String;
    fn span_local_file(mut; span: SpanId) -> Option<String>;
    fn span_byte_range(mut; span: SpanId) -> (u64, u64);
    fn span_join(mut; first: SpanId, second: SpanId) -> Option<SpanId>;
    fn span_subspan(mut; span: SpanId, start: u64, end: u64) -> Option<SpanId>;
    fn span_resolved_at(mut; location: SpanId, resolution: SpanId) -> SpanId;
    fn span_parent(mut; span: SpanId) -> Option<SpanId>;
    fn span_source(mut; span: SpanId) -> SpanId;
    fn span_start(mut; span: SpanId) -> SpanId;
    fn span_end(mut; span: SpanId) -> SpanId;
    fn span_eq(mut; first: SpanId, second: SpanId) -> bool;
    fn save_span(mut; span: SpanId) -> u64;
    fn recover_proc_macro_span(mut; id: u64) -> SpanId;
    fn span_is_valid(; span: SpanId) -> bool;
    fn emit_diagnostic(mut; diagnostic: Diagnostic) -> ();
    fn tracked_env_var(mut; name: &str) -> Option<String>;
    fn tracked_path(mut; path: &str) -> ();
}
