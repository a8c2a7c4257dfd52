use crate::bindings::wasmacro::bridge::spans::Host;
use crate::state::HostState;
use crate::stats::BridgeCall;

/// About what the host keeps per saved span.
const SAVED_SPAN_COST: usize = 32;

impl Host for HostState {
    fn debug(&mut self, span: u32) -> wasmtime::Result<String> {
        self.stats.count(BridgeCall::SpanDebug);
        let span = self.span(span)?;
        Ok(self.backend.span_debug(span))
    }

    fn source_text(&mut self, span: u32) -> wasmtime::Result<Option<String>> {
        self.stats.count(BridgeCall::SpanSourceText);
        let span = self.span(span)?;
        Ok(self.backend.span_source_text(span))
    }

    fn line(&mut self, span: u32) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::SpanLine);
        let span = self.span(span)?;
        Ok(self.backend.span_line(span))
    }

    fn column(&mut self, span: u32) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::SpanColumn);
        let span = self.span(span)?;
        Ok(self.backend.span_column(span))
    }

    fn file(&mut self, span: u32) -> wasmtime::Result<String> {
        self.stats.count(BridgeCall::SpanFile);
        let span = self.span(span)?;
        Ok(self.backend.span_file(span))
    }

    fn local_file(&mut self, span: u32) -> wasmtime::Result<Option<String>> {
        self.stats.count(BridgeCall::SpanLocalFile);
        let span = self.span(span)?;
        Ok(self.backend.span_local_file(span))
    }

    fn byte_range(&mut self, span: u32) -> wasmtime::Result<(u64, u64)> {
        self.stats.count(BridgeCall::SpanByteRange);
        let span = self.span(span)?;
        Ok(self.backend.span_byte_range(span))
    }

    fn join(&mut self, first: u32, second: u32) -> wasmtime::Result<Option<u32>> {
        self.stats.count(BridgeCall::SpanJoin);
        let (first, second) = (self.span(first)?, self.span(second)?);
        self.backend.span_join(first, second).map(|s| self.new_span(s, "`join`")).transpose()
    }

    fn subspan(&mut self, span: u32, start: u64, end: u64) -> wasmtime::Result<Option<u32>> {
        self.stats.count(BridgeCall::SpanSubspan);
        let span = self.span(span)?;
        self.backend.span_subspan(span, start, end).map(|s| self.new_span(s, "`subspan`")).transpose()
    }

    fn resolved_at(&mut self, location: u32, resolution: u32) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::SpanResolvedAt);
        let (location, resolution) = (self.span(location)?, self.span(resolution)?);
        let span = self.backend.span_resolved_at(location, resolution);
        self.new_span(span, "`resolved-at`")
    }

    fn parent(&mut self, span: u32) -> wasmtime::Result<Option<u32>> {
        self.stats.count(BridgeCall::SpanParent);
        let span = self.span(span)?;
        self.backend.span_parent(span).map(|s| self.new_span(s, "`parent`")).transpose()
    }

    fn source(&mut self, span: u32) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::SpanSource);
        let span = self.span(span)?;
        let span = self.backend.span_source(span);
        self.new_span(span, "`source`")
    }

    fn start(&mut self, span: u32) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::SpanStart);
        let span = self.span(span)?;
        let span = self.backend.span_start(span);
        self.new_span(span, "`start`")
    }

    fn end(&mut self, span: u32) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::SpanEnd);
        let span = self.span(span)?;
        let span = self.backend.span_end(span);
        self.new_span(span, "`end`")
    }

    fn eq(&mut self, first: u32, second: u32) -> wasmtime::Result<bool> {
        self.stats.count(BridgeCall::SpanEq);
        let (first, second) = (self.span(first)?, self.span(second)?);
        Ok(self.backend.span_eq(first, second))
    }

    fn save_span(&mut self, span: u32) -> wasmtime::Result<u64> {
        self.stats.count(BridgeCall::SaveSpan);
        let span = self.span(span)?;
        self.keep(SAVED_SPAN_COST, "`save-span`")?;
        Ok(self.backend.save_span(span))
    }

    fn recover_proc_macro_span(&mut self, id: u64) -> wasmtime::Result<u32> {
        self.stats.count(BridgeCall::RecoverProcMacroSpan);
        let span = self.backend.recover_proc_macro_span(id);
        self.new_span(span, "`recover-proc-macro-span`")
    }
}
