//! Entry points for the fuzz targets in `host/fuzz/` (see `FUZZING.md`), also used by this
//! crate's tests to replay the checked-in regression inputs. Compiled only with the `fuzzing`
//! feature or in tests; not part of the host's API.
//!
//! - [`lexer_printer`]: text is lexed as `TokenStream::from_str` lexes it; if that succeeds the
//!   stream is printed and the printout lexed again, which must give the same tokens (spans and
//!   spacing aside).
//! - [`bridge_calls`]: a [`BridgeInput`] is a sequence of [`Op`]s, each one import of
//!   `wasmacro:bridge` called the way a guest calls it (with arbitrary, possibly invalid span ids
//!   and malformed streams) on a [`HostState`] over a [`StandaloneBackend`]. A call may fail: that
//!   is the trap that stops a misbehaving guest, and ends the sequence. It must not panic, and
//!   whatever it hands to the guest must be valid to pass back (streams nest, span ids exist).
//!
//! A panic anywhere is a bug of the host.

use arbitrary::Arbitrary;
use wasmtime_wasi::WasiCtx;

use crate::bindings::types::{self as wit, TokenStream as Packed};
use crate::bindings::wasmacro::bridge::{diagnostics, panics, spans, tokens, tracked};
use crate::component::Limits;
use crate::error::GuestFault;
use crate::packed;
use crate::standalone::lexer::{self, LexOptions, SpanSink};
use crate::standalone::{RustEdition, StandaloneBackend};
use crate::state::{HostState, MemoryLimit};
use crate::tokens::{CommentKind, Delimiter, Group, Ident, LitKind, Literal, Punct, Spacing, SpanId, Token};

/// The edition a fuzz input's selector byte picks.
pub fn edition(selector: u8) -> RustEdition {
    match selector % 4 {
        0 => RustEdition::E2015,
        1 => RustEdition::E2018,
        2 => RustEdition::E2021,
        _ => RustEdition::E2024,
    }
}

// --- lexer_printer -------------------------------------------------------------------------

/// A token as far as the round trip must keep it: no spans, no spacing.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shape {
    Open(Delimiter, bool),
    Close,
    Ident(String, bool),
    Punct(char),
    Literal(LitKind, String, Option<String>),
    /// A number, or numbers and dots written together (see [`numeric_runs`]).
    Numeric(String),
}

/// The tokens of a flat stream with group ends made explicit. Panics if group lengths do not
/// nest, which a stream from the lexer must never do.
fn shapes(stream: &[Token]) -> Vec<Shape> {
    let mut out = Vec::with_capacity(stream.len());
    let mut ends: Vec<usize> = Vec::new();
    for (i, token) in stream.iter().enumerate() {
        while ends.last() == Some(&i) {
            ends.pop();
            out.push(Shape::Close);
        }
        out.push(match token {
            Token::Group(g) => {
                let end = i + 1 + g.len as usize;
                assert!(
                    end <= ends.last().copied().unwrap_or(stream.len()),
                    "the lexer made a group at {i} longer than its parent"
                );
                ends.push(end);
                Shape::Open(g.delimiter, g.doc_comment.is_some())
            }
            Token::Ident(id) => Shape::Ident(id.name.clone(), id.is_raw),
            Token::Punct(p) => Shape::Punct(p.ch),
            Token::Literal(l) => Shape::Literal(l.kind, l.symbol.clone(), l.suffix.clone()),
        });
    }
    out.extend(ends.iter().map(|_| Shape::Close));
    out
}

struct NoSpans;

impl SpanSink for NoSpans {
    fn span(&mut self, _lo: usize, _hi: usize) -> SpanId {
        0
    }
    fn split(&mut self, whole: SpanId, _i: usize, _len: usize) -> SpanId {
        whole
    }
    fn join(&mut self, open: SpanId, _close: SpanId) -> SpanId {
        open
    }
}

/// Whether `shape` is a number literal (rustc's lexer decides its kind from its text alone).
fn numeric_text(shape: &Shape) -> Option<String> {
    match shape {
        Shape::Literal(LitKind::Integer | LitKind::Float | LitKind::Err, symbol, suffix)
            if symbol.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Some(format!("{symbol}{}", suffix.as_deref().unwrap_or("")))
        }
        _ => None,
    }
}

/// Replaces each number literal, with the dots and number literals right after it, by their
/// text. rustc prints no space between a number and a `.` or between a `.` and a number (its
/// `space_between`, made for `x.0.1`), so `x.0 .1` prints as `x.0.1`, which reads back as `x`
/// `.` `0.1`, and `(0 .)` as `(0.)`: one float literal where there were an integer and a dot.
/// Both sides of the round trip are compared in this form.
fn numeric_runs(shapes: Vec<Shape>) -> Vec<Shape> {
    let mut out: Vec<Shape> = Vec::with_capacity(shapes.len());
    for shape in shapes {
        let in_run = matches!(out.last(), Some(Shape::Numeric(_)));
        match (numeric_text(&shape), &shape, out.last_mut()) {
            (Some(text), _, Some(Shape::Numeric(run))) if in_run => run.push_str(&text),
            (None, Shape::Punct('.'), Some(Shape::Numeric(run))) if in_run => run.push('.'),
            (Some(text), _, _) => out.push(Shape::Numeric(text)),
            _ => out.push(shape),
        }
    }
    out
}

/// The `lexer_printer` target: the first byte picks the edition, the rest is the text (ignored
/// unless UTF-8). Panics when lexing or printing panics or the round trip changes the tokens.
///
/// The round trip is only required of text that lexes without errors. After an error rustc's
/// lexer recovers in ways that printing cannot undo, and ours does the same: `'''_'` is the
/// literal `'''` with a suffix `_` that is reported and dropped, so it prints as `'''` and the
/// next quote joins other tokens.
///
/// The printout is read back without the file-level shebang rule: `TokenStream::from_str` (in
/// rustc as here) drops a first line `#!...`, so tokens `# ! x` print as `#!x` and would vanish
/// on the way back; that is rustc's behaviour, not a printing bug. For the same reason numbers
/// and dots are compared as text ([`numeric_runs`]).
pub fn lexer_printer(data: &[u8]) {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let edition = edition(selector);
    let mut backend = StandaloneBackend::new("fuzz.rs", "").with_edition(edition);
    let Ok(tokens) = crate::backend::Backend::parse(&mut backend, text) else {
        return;
    };
    let first = numeric_runs(shapes(&tokens));
    let clean = !backend.diagnostics().iter().any(|d| d.level == crate::backend::Level::Error);
    let printed = crate::backend::Backend::print(&mut backend, &tokens);
    let opts = LexOptions { edition, strip_shebang: false };
    let again = match lexer::lex(&printed, opts, &mut NoSpans).result {
        Ok(again) => again,
        Err(_) if !clean => return,
        Err(e) => panic!("the printout does not lex again: {}\ninput: {text:?}\nprinted: {printed:?}", e.message),
    };
    if !clean {
        return;
    }
    let second = numeric_runs(shapes(&again));
    if first != second {
        let at = first.iter().zip(&second).position(|(a, b)| a != b).unwrap_or(first.len().min(second.len()));
        panic!(
            "printing changed the tokens at {at}: {:?} became {:?}\ninput: {text:?}\nprinted: {printed:?}",
            first.get(at),
            second.get(at)
        );
    }
}

// --- bridge_calls --------------------------------------------------------------------------

/// A span id as a guest may pass it: usually one of the first ids the host handed out, or any
/// number at all.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum SpanArg {
    Low(u8),
    Any(u32),
}

impl SpanArg {
    fn id(self) -> u32 {
        match self {
            SpanArg::Low(n) => n as u32,
            SpanArg::Any(n) => n,
        }
    }
}

/// A number a guest passes (a group length, a subspan offset): small or anything.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Num {
    Small(u8),
    Any(u64),
}

impl Num {
    fn get(self) -> u64 {
        match self {
            Num::Small(n) => n as u64,
            Num::Any(n) => n,
        }
    }
}

/// A token of a `wasmacro:bridge/types.token-stream`; enumerations are picked by a byte.
#[derive(Arbitrary, Clone, Debug)]
pub enum FuzzToken {
    Group {
        delimiter: u8,
        open: SpanArg,
        close: SpanArg,
        entire: SpanArg,
        len: Num,
        open_spacing: u8,
        close_spacing: u8,
        doc_comment: Option<bool>,
    },
    Ident {
        name: String,
        is_raw: bool,
        span: SpanArg,
        spacing: u8,
    },
    Punct {
        ch: char,
        spacing: u8,
        span: SpanArg,
    },
    Literal {
        kind: u8,
        raw_hashes: u8,
        symbol: String,
        suffix: Option<String>,
        span: SpanArg,
        spacing: u8,
    },
}

fn spacing(b: u8) -> Spacing {
    [Spacing::Alone, Spacing::Joint, Spacing::JointHidden][b as usize % 3]
}

fn level(b: u8) -> wit::Level {
    [wit::Level::Error, wit::Level::Warning, wit::Level::Note, wit::Level::Help][b as usize % 4]
}

impl FuzzToken {
    fn to_token(&self) -> Token {
        match self {
            FuzzToken::Group { delimiter, open, close, entire, len, open_spacing, close_spacing, doc_comment } => {
                use Delimiter as D;
                Token::Group(Group {
                    delimiter: [D::Parenthesis, D::Brace, D::Bracket, D::None][*delimiter as usize % 4],
                    open: open.id(),
                    close: close.id(),
                    entire: entire.id(),
                    len: len.get() as u32,
                    open_spacing: spacing(*open_spacing),
                    close_spacing: spacing(*close_spacing),
                    doc_comment: doc_comment.map(|block| if block { CommentKind::Block } else { CommentKind::Line }),
                })
            }
            FuzzToken::Ident { name, is_raw, span, spacing: s } => {
                Token::Ident(Ident { name: name.clone(), is_raw: *is_raw, span: span.id(), spacing: spacing(*s) })
            }
            FuzzToken::Punct { ch, spacing: s, span } => Token::Punct(Punct { ch: *ch, spacing: spacing(*s), span: span.id() }),
            FuzzToken::Literal { kind, raw_hashes, symbol, suffix, span, spacing: s } => {
                use LitKind as K;
                let n = *raw_hashes;
                let kinds =
                    [K::Byte, K::Char, K::Integer, K::Float, K::Str, K::StrRaw(n), K::ByteStr, K::ByteStrRaw(n), K::CStr, K::CStrRaw(n), K::Err];
                Token::Literal(Literal {
                    kind: kinds[*kind as usize % kinds.len()],
                    symbol: symbol.clone(),
                    suffix: suffix.clone(),
                    span: span.id(),
                    spacing: spacing(*s),
                })
            }
        }
    }
}

/// A token stream for `print` or `expand-expr`.
#[derive(Arbitrary, Clone, Debug)]
pub enum StreamArg {
    /// Made up entirely.
    Tokens(Vec<FuzzToken>),
    /// One the host handed out before (the input, or a result of `parse` or `expand-expr`; picked
    /// modulo their number), optionally with one entry replaced.
    Known { which: u8, replace: Option<(u16, FuzzToken)> },
    /// Packed by hand: any words, any text.
    Packed { words: Vec<u32>, text: String },
}

#[derive(Arbitrary, Clone, Debug)]
pub struct FuzzDiagnostic {
    pub level: u8,
    pub message: String,
    pub spans: Vec<SpanArg>,
    pub children: Vec<(u8, String, Vec<SpanArg>)>,
}

/// One call of a bridge import.
#[derive(Arbitrary, Clone, Debug)]
pub enum Op {
    Parse(String),
    ParseLiteral(String),
    Print(StreamArg),
    ExpandExpr(StreamArg),
    ValidateIdent { name: String, is_raw: bool, span: SpanArg },
    Debug(SpanArg),
    SourceText(SpanArg),
    Line(SpanArg),
    Column(SpanArg),
    File(SpanArg),
    LocalFile(SpanArg),
    ByteRange(SpanArg),
    Join(SpanArg, SpanArg),
    Subspan(SpanArg, Num, Num),
    ResolvedAt(SpanArg, SpanArg),
    Parent(SpanArg),
    Source(SpanArg),
    Start(SpanArg),
    End(SpanArg),
    Eq(SpanArg, SpanArg),
    SaveSpan(SpanArg),
    RecoverProcMacroSpan(Num),
    Emit(FuzzDiagnostic),
    EnvVar(String),
    Path(String),
    RecordPanic(Option<String>),
    /// The expansion ends and the same instance serves the next one (with the same input).
    NextExpansion,
}

/// One expansion's worth of bridge calls: the input file (lexed first, as an expansion's input
/// is, so its spans exist), its edition, granted environment variables and the calls.
#[derive(Arbitrary, Clone, Debug)]
pub struct BridgeInput {
    pub edition: u8,
    pub source: String,
    pub local_file: bool,
    pub env: Vec<(String, String)>,
    pub ops: Vec<Op>,
}

/// A [`HostState`] over a [`StandaloneBackend`], called as a guest would call it.
pub struct Session {
    state: HostState,
    /// What `expand` would send: its spans (call site, def site, mixed site) and input are what
    /// the guest may use.
    spans: [SpanId; 3],
    input: Vec<Token>,
    /// Streams the host handed out, for `StreamArg::Known`.
    streams: Vec<Vec<Token>>,
}

/// Limits far below the defaults, so that short inputs reach them too.
fn limits() -> Limits {
    Limits { max_tokens: 4096, max_text_bytes: 16 << 10, max_depth: 64, max_host_bytes: 16 << 10, ..Limits::default() }
}

impl Session {
    pub fn new(input: &BridgeInput) -> Session {
        let mut backend = StandaloneBackend::new("src/lib.rs", &input.source).with_edition(edition(input.edition));
        if input.local_file {
            backend = backend.with_local_path("/fuzz/src/lib.rs");
        }
        for (name, value) in &input.env {
            backend = backend.with_env(name, value);
        }
        let lexed = backend.lex_file().unwrap_or_default();
        let spans = backend.expansion_spans();
        let spans = [spans.call_site, spans.def_site, spans.mixed_site];
        let memory = MemoryLimit { max_bytes: 1 << 20, refused: false };
        let mut state = HostState::new(Box::new(backend), WasiCtx::builder().build(), memory, &limits());
        state.begin_expansion(spans, &[&lexed]);
        let mut session = Session { state, spans, input: lexed.clone(), streams: Vec::new() };
        // The input crosses packed too; within the limits, `encode` cannot fail.
        if let Ok(packed) = packed::encode(&lexed) {
            session.handed_out(packed);
        }
        session
    }

    /// Panics unless the guest could pass `stream` back (a limit aside: a stream can be within
    /// the limits on the way out, as `parse` checks them, and too deep to come back); keeps it
    /// for `StreamArg::Known`.
    fn handed_out(&mut self, stream: Packed) {
        match self.state.stream(&stream, "fuzz") {
            Ok(tokens) => self.streams.push(tokens),
            Err(e) if matches!(e.downcast_ref::<GuestFault>(), Some(GuestFault::Limit(_))) => {
                packed::validate(&stream, usize::MAX, "fuzz").expect("the host packs what it checks");
                self.streams.push(packed::read(&stream).expect("the host reads what it packs"));
            }
            Err(e) => panic!("the host handed out a stream it would refuse: {e}"),
        }
    }

    /// Panics unless `span` is a valid id.
    fn span_out(&self, span: u32) {
        if let Err(e) = self.state.span(span) {
            panic!("the host handed out a span it would refuse: {e}");
        }
    }

    fn stream(&self, arg: StreamArg) -> Packed {
        let tokens = match arg {
            StreamArg::Tokens(tokens) => tokens.iter().map(FuzzToken::to_token).collect(),
            StreamArg::Known { which, replace } => {
                if self.streams.is_empty() {
                    Vec::new()
                } else {
                    let mut stream = self.streams[which as usize % self.streams.len()].clone();
                    if let Some((at, token)) = replace
                        && !stream.is_empty()
                    {
                        let at = at as usize % stream.len();
                        stream[at] = token.to_token();
                    }
                    stream
                }
            }
            StreamArg::Packed { words, text } => return Packed { words, text },
        };
        packed::encode(&tokens).expect("fuzz streams are far below 4 GiB of text")
    }

    /// Makes one call. `Err` is a trap (the guest broke a rule of the bridge).
    pub fn apply(&mut self, op: Op) -> wasmtime::Result<()> {
        let s = &mut self.state;
        match op {
            Op::Parse(source) => {
                if let Ok(stream) = tokens::Host::parse(s, source)? {
                    self.handed_out(stream);
                }
            }
            Op::ParseLiteral(source) => {
                if let Ok(lit) = tokens::Host::parse_literal(s, source)? {
                    self.span_out(lit.span);
                }
            }
            Op::Print(arg) => {
                let stream = self.stream(arg);
                tokens::Host::print(&mut self.state, stream)?;
            }
            Op::ExpandExpr(arg) => {
                let stream = self.stream(arg);
                if let Ok(stream) = tokens::Host::expand_expr(&mut self.state, stream)? {
                    self.handed_out(stream);
                }
            }
            Op::ValidateIdent { name, is_raw, span } => {
                let _ = tokens::Host::validate_ident(s, name, is_raw, span.id())?;
            }
            Op::Debug(a) => drop(spans::Host::debug(s, a.id())?),
            Op::SourceText(a) => drop(spans::Host::source_text(s, a.id())?),
            Op::Line(a) => drop(spans::Host::line(s, a.id())?),
            Op::Column(a) => drop(spans::Host::column(s, a.id())?),
            Op::File(a) => drop(spans::Host::file(s, a.id())?),
            Op::LocalFile(a) => drop(spans::Host::local_file(s, a.id())?),
            Op::ByteRange(a) => drop(spans::Host::byte_range(s, a.id())?),
            Op::Join(a, b) => {
                if let Some(span) = spans::Host::join(s, a.id(), b.id())? {
                    self.span_out(span);
                }
            }
            Op::Subspan(a, start, end) => {
                if let Some(span) = spans::Host::subspan(s, a.id(), start.get(), end.get())? {
                    self.span_out(span);
                }
            }
            Op::ResolvedAt(a, b) => {
                let span = spans::Host::resolved_at(s, a.id(), b.id())?;
                self.span_out(span);
            }
            Op::Parent(a) => {
                if let Some(span) = spans::Host::parent(s, a.id())? {
                    self.span_out(span);
                }
            }
            Op::Source(a) => {
                let span = spans::Host::source(s, a.id())?;
                self.span_out(span);
            }
            Op::Start(a) => {
                let span = spans::Host::start(s, a.id())?;
                self.span_out(span);
            }
            Op::End(a) => {
                let span = spans::Host::end(s, a.id())?;
                self.span_out(span);
            }
            Op::Eq(a, b) => drop(spans::Host::eq(s, a.id(), b.id())?),
            Op::SaveSpan(a) => drop(spans::Host::save_span(s, a.id())?),
            Op::RecoverProcMacroSpan(id) => {
                let span = spans::Host::recover_proc_macro_span(s, id.get())?;
                self.span_out(span);
            }
            Op::Emit(d) => {
                let spans = |v: &[SpanArg]| v.iter().map(|a| a.id()).collect();
                let diagnostic = wit::Diagnostic {
                    level: level(d.level),
                    message: d.message,
                    spans: spans(&d.spans),
                    children: d
                        .children
                        .iter()
                        .map(|(l, message, s)| wit::SubDiagnostic { level: level(*l), message: message.clone(), spans: spans(s) })
                        .collect(),
                };
                diagnostics::Host::emit(s, diagnostic)?;
            }
            Op::EnvVar(name) => drop(tracked::Host::env_var(s, name)?),
            Op::Path(path) => tracked::Host::path(s, path)?,
            Op::RecordPanic(message) => panics::Host::record_panic(s, message)?,
            Op::NextExpansion => {
                // The instance serves another expansion: only its spans are valid now.
                s.end_expansion();
                s.begin_expansion(self.spans, &[&self.input]);
                self.streams.truncate(1);
            }
        }
        Ok(())
    }
}

/// The `bridge_calls` target: runs the calls until the first trap. Panics on a host bug.
pub fn bridge_calls(input: BridgeInput) {
    let mut session = Session::new(&input);
    for op in input.ops {
        if session.apply(op).is_err() {
            break;
        }
    }
}

/// The `bridge_calls` target on raw fuzzer bytes, decoded as `cargo fuzz` decodes them.
pub fn bridge_calls_bytes(data: &[u8]) {
    if let Ok(input) = BridgeInput::arbitrary_take_rest(arbitrary::Unstructured::new(data)) {
        bridge_calls(input);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file in `fuzz/regressions/<target>/` (inputs that once failed, and seeds).
    fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").path())
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|path| (path.display().to_string(), std::fs::read(&path).expect("readable")))
            .collect()
    }

    /// Runs `f` on every regression input, naming the input that fails.
    fn replay(target: &str, f: fn(&[u8])) {
        let inputs = regressions(target);
        assert!(!inputs.is_empty(), "no regression inputs for {target}");
        for (name, data) in inputs {
            if std::panic::catch_unwind(|| f(&data)).is_err() {
                panic!("{name} fails again");
            }
        }
    }

    #[test]
    fn lexer_printer_regressions_replay() {
        replay("lexer_printer", lexer_printer);
    }

    #[test]
    fn bridge_calls_regressions_replay() {
        replay("bridge_calls", bridge_calls_bytes);
    }

    fn round_trip(edition: u8, text: &str) {
        let mut data = vec![edition];
        data.extend_from_slice(text.as_bytes());
        lexer_printer(&data);
    }

    #[test]
    fn lexer_printer_accepts_ordinary_code() {
        for edition in 0..4 {
            round_trip(edition, "fn main() { let x: Vec<u8> = vec![1, 2u8, 0x3_f]; x.iter().map(|v| v + 1); }");
            round_trip(edition, "/// doc\n//! inner\n/** block */ #[derive(Debug)] struct S<'a> { r: &'a str }");
            round_trip(edition, "r#type 'static b'x' b\"y\" r##\"z\"## 1.5e3f64 a::<b>::c ..= ... => -> <<= >>=");
            // Printed `s.0.0` and `(0.)`: read back as float literals (see `numeric_runs`).
            round_trip(edition, "s.0 .0 (0 .) 0x1 .0 1 .. 2");
        }
    }

    #[test]
    fn bridge_calls_survive_invalid_arguments() {
        let input = BridgeInput {
            edition: 2,
            source: "fn f() { x + 1 }".into(),
            local_file: true,
            env: vec![("A".into(), "1".into())],
            ops: vec![
                Op::Parse("a (b [c {d}])".into()),
                Op::Print(StreamArg::Known { which: 1, replace: None }),
                Op::Print(StreamArg::Known { which: 0, replace: Some((3, FuzzToken::Punct { ch: '+', spacing: 1, span: SpanArg::Low(0) })) }),
                Op::Subspan(SpanArg::Low(4), Num::Any(u64::MAX), Num::Any(u64::MAX)),
                Op::Subspan(SpanArg::Low(4), Num::Small(0), Num::Any(u64::MAX)),
                Op::Join(SpanArg::Low(0), SpanArg::Low(5)),
                Op::SaveSpan(SpanArg::Low(1)),
                Op::RecoverProcMacroSpan(Num::Small(0)),
                Op::RecoverProcMacroSpan(Num::Any(u64::MAX)),
                Op::EnvVar("A".into()),
                Op::ExpandExpr(StreamArg::Tokens(vec![FuzzToken::Literal {
                    kind: 2,
                    raw_hashes: 0,
                    symbol: "-1".into(),
                    suffix: None,
                    span: SpanArg::Low(0),
                    spacing: 0,
                }])),
                // Traps: a group longer than the stream.
                Op::Print(StreamArg::Tokens(vec![FuzzToken::Group {
                    delimiter: 0,
                    open: SpanArg::Low(0),
                    close: SpanArg::Low(0),
                    entire: SpanArg::Low(0),
                    len: Num::Any(u64::MAX),
                    open_spacing: 0,
                    close_spacing: 0,
                    doc_comment: Some(true),
                }])),
            ],
        };
        let mut session = Session::new(&input);
        let results: Vec<bool> = input.ops.iter().map(|op| session.apply(op.clone()).is_ok()).collect();
        assert_eq!(results.iter().filter(|ok| !**ok).count(), 1, "{results:?}");
        assert!(!results.last().unwrap());
    }
}
