//! What a store holds for one macro instance: the embedder's backend, the sandboxed WASI
//! context, resource limits, and what the guest reported about a panic.

use wasmtime::component::ResourceTable;
use wasmtime::ResourceLimiter;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use crate::backend::Backend;
use crate::bindings::types as wit;
use crate::component::Limits;
use crate::error::GuestFault;
use crate::packed::{self, PackedOutput};
use crate::stats::ExpansionStats;
use crate::tokens::{SpanId, Token};

pub struct HostState {
    pub(crate) backend: Box<dyn Backend>,
    pub(crate) wasi: WasiCtx,
    pub(crate) table: ResourceTable,
    pub(crate) limits: MemoryLimit,
    /// `Some(message)` once the guest's panic hook has reported a panic.
    pub(crate) panic: Option<Option<String>>,
    pub(crate) bounds: Bounds,
    /// The span ids handed to the guest during this expansion: the only ones it may pass back.
    handed_out: SpanSet,
    /// Bytes the host keeps for the guest during this expansion (see [`Limits::max_host_bytes`]).
    kept_bytes: usize,
    /// What crossed the bridge since the current (or last) expansion began.
    pub(crate) stats: ExpansionStats,
}

/// The size limits of [`Limits`] that the bridge enforces.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bounds {
    pub max_tokens: usize,
    pub max_text_bytes: usize,
    pub max_depth: usize,
    pub max_host_bytes: usize,
}

/// About what the host keeps per span it creates for the guest (a span table entry).
const SPAN_COST: usize = 32;

impl HostState {
    pub(crate) fn new(backend: Box<dyn Backend>, wasi: WasiCtx, limits: MemoryLimit, from: &Limits) -> HostState {
        HostState {
            backend,
            wasi,
            table: ResourceTable::new(),
            limits,
            panic: None,
            bounds: Bounds {
                max_tokens: from.max_tokens,
                max_text_bytes: from.max_text_bytes,
                max_depth: from.max_depth,
                max_host_bytes: from.max_host_bytes,
            },
            handed_out: SpanSet::default(),
            kept_bytes: 0,
            stats: ExpansionStats::default(),
        }
    }

    /// Starts an expansion: what the request carries (its call-site, def-site and mixed-site
    /// spans, its input and attribute input) is what the guest may use.
    pub(crate) fn begin_expansion(&mut self, spans: [SpanId; 3], inputs: &[&[Token]]) {
        self.end_expansion();
        self.stats = ExpansionStats::default();
        for span in spans {
            self.handed_out.insert(span);
        }
        for input in inputs {
            self.hand_out_stream(input);
            self.stats.to_guest(input.len(), stream_text_bytes(input));
        }
    }

    /// Forgets what belonged to the expansion that ended.
    pub(crate) fn end_expansion(&mut self) {
        self.panic = None;
        self.limits.refused = false;
        self.handed_out.clear();
        self.kept_bytes = 0;
    }

    /// Records that the guest now holds `span`.
    pub(crate) fn hand_out(&mut self, span: u32) -> u32 {
        self.handed_out.insert(span);
        span
    }

    pub(crate) fn hand_out_stream(&mut self, stream: &[Token]) {
        for token in stream {
            for_each_span(token, |span| self.handed_out.insert(span));
        }
    }

    /// Traps unless `span` is a span id handed to the guest during this expansion.
    pub(crate) fn span(&self, span: u32) -> wasmtime::Result<u32> {
        if self.handed_out.contains(span) {
            Ok(span)
        } else if self.backend.span_is_valid(span) {
            Err(GuestFault::StaleSpan(span).into())
        } else {
            Err(GuestFault::InvalidSpan(span).into())
        }
    }

    /// Counts `bytes` more kept for the guest; traps past [`Limits::max_host_bytes`].
    pub(crate) fn keep(&mut self, bytes: usize, what: &str) -> wasmtime::Result<()> {
        self.kept_bytes = self.kept_bytes.saturating_add(bytes);
        if self.kept_bytes > self.bounds.max_host_bytes {
            return Err(GuestFault::Limit(format!(
                "{what}: the host would keep more than {} bytes for the macro during one expansion (Limits::max_host_bytes)",
                self.bounds.max_host_bytes
            ))
            .into());
        }
        Ok(())
    }

    /// Counts a span the backend may have created for the guest, and hands it out.
    pub(crate) fn new_span(&mut self, span: u32, what: &str) -> wasmtime::Result<u32> {
        self.keep(SPAN_COST, what)?;
        Ok(self.hand_out(span))
    }

    /// Traps unless a string the guest passes to `what` is within [`Limits::max_text_bytes`].
    pub(crate) fn text_arg(&self, text: &str, what: &str) -> wasmtime::Result<()> {
        if text.len() > self.bounds.max_text_bytes {
            return Err(GuestFault::Limit(format!(
                "the string passed to `{what}` has {} bytes; the limit is {} (Limits::max_text_bytes)",
                text.len(),
                self.bounds.max_text_bytes
            ))
            .into());
        }
        Ok(())
    }

    /// Unpacks `packed`, passed by the guest to `what`; traps unless it is well formed (every
    /// entry follows the layout, group lengths nest), within the size and depth limits, and
    /// carries only span ids of this expansion. Counts it as sent by the guest.
    pub(crate) fn stream(&mut self, packed: &wit::TokenStream, what: &str) -> wasmtime::Result<Vec<Token>> {
        let text = self.check_packed(packed, what)?;
        let tokens = packed::read(packed).ok_or_else(|| GuestFault::MalformedEntry {
            index: 0,
            why: format!("in {what} passed the host's checks but could not be read (a host bug)"),
        })?;
        self.stats.from_guest(tokens.len(), text);
        Ok(tokens)
    }

    /// The checks of [`HostState::stream`] on the macro's output, which stays packed: a
    /// compiler's shim reads it in that form.
    pub(crate) fn check_output(&mut self, packed: wit::TokenStream) -> Result<PackedOutput, GuestFault> {
        let text = self.check_packed(&packed, "the macro's output")?;
        self.stats.from_guest(packed::entries(&packed), text);
        Ok(PackedOutput { words: packed.words, text: packed.text })
    }

    /// The checks of [`HostState::stream`], done in place; returns the bytes of text the tokens
    /// name.
    fn check_packed(&mut self, packed: &wit::TokenStream, what: &str) -> Result<usize, GuestFault> {
        // The cheap limits first, before anything is read.
        self.check_counts(packed::entries(packed), packed.text.len(), what)?;
        let (handed_out, backend) = (&self.handed_out, &self.backend);
        let caps = packed::StreamCaps { max_text: self.bounds.max_text_bytes, max_depth: self.bounds.max_depth };
        packed::check(packed, caps, what, |span| match handed_out.contains(span) {
            true => None,
            false if backend.span_is_valid(span) => Some(GuestFault::StaleSpan(span)),
            false => Some(GuestFault::InvalidSpan(span)),
        })
    }

    /// Token count and text bytes of `stream` against the limits. Returns the text bytes.
    pub(crate) fn check_size(&self, stream: &[Token], what: &str) -> Result<usize, GuestFault> {
        let text = stream_text_bytes(stream);
        self.check_counts(stream.len(), text, what)?;
        Ok(text)
    }

    fn check_counts(&self, tokens: usize, text: usize, what: &str) -> Result<(), GuestFault> {
        if tokens > self.bounds.max_tokens {
            return Err(GuestFault::Limit(format!(
                "{what} has {tokens} tokens; the limit is {} (Limits::max_tokens)",
                self.bounds.max_tokens
            )));
        }
        if text > self.bounds.max_text_bytes {
            return Err(GuestFault::Limit(format!(
                "{what} holds {text} bytes of text; the limit is {} (Limits::max_text_bytes)",
                self.bounds.max_text_bytes
            )));
        }
        Ok(())
    }
}

fn stream_text_bytes(stream: &[Token]) -> usize {
    stream.iter().map(text_bytes).fold(0, usize::saturating_add)
}

fn text_bytes(token: &Token) -> usize {
    match token {
        Token::Group(_) | Token::Punct(_) => 0,
        Token::Ident(i) => i.name.len(),
        Token::Literal(l) => l.symbol.len() + l.suffix.as_ref().map_or(0, String::len),
    }
}

fn for_each_span(token: &Token, mut f: impl FnMut(u32)) {
    match token {
        Token::Group(g) => {
            f(g.open);
            f(g.close);
            f(g.entire);
        }
        Token::Ident(i) => f(i.span),
        Token::Punct(p) => f(p.span),
        Token::Literal(l) => f(l.span),
    }
}

/// A set of span ids: a bitmap for the small dense ids backends hand out, a hash set beyond.
#[derive(Default)]
struct SpanSet {
    dense: Vec<u64>,
    sparse: std::collections::HashSet<u32>,
}

impl SpanSet {
    /// Ids below this live in the bitmap (at most 512 KiB).
    const DENSE: u32 = 1 << 22;

    fn insert(&mut self, id: u32) {
        if id < Self::DENSE {
            let word = (id / 64) as usize;
            if word >= self.dense.len() {
                self.dense.resize((word + 1).next_power_of_two(), 0);
            }
            self.dense[word] |= 1 << (id % 64);
        } else {
            self.sparse.insert(id);
        }
    }

    fn contains(&self, id: u32) -> bool {
        if id < Self::DENSE {
            self.dense.get((id / 64) as usize).is_some_and(|word| word & (1 << (id % 64)) != 0)
        } else {
            self.sparse.contains(&id)
        }
    }

    fn clear(&mut self) {
        self.dense.fill(0);
        self.sparse.clear();
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

/// Caps linear memory and remembers a refusal, so that the trap that follows (Rust aborts on a
/// failed allocation) can be reported as "out of memory" instead of an opaque `unreachable`.
pub(crate) struct MemoryLimit {
    pub max_bytes: usize,
    pub refused: bool,
}

impl ResourceLimiter for MemoryLimit {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        let allowed = desired <= self.max_bytes;
        self.refused |= !allowed;
        Ok(allowed)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 1_000_000)
    }
}
