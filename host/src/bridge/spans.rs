use crate::bindings::wasmacro::bridge::spans::Host;
use crate::state::HostState;

impl Host for HostState {
    fn debug(&mut self, span: u32) -> wasmtime::Result<String> {
        let span = self.span(span)?;
        Ok(self.backend.span_debug(span))
    }

    fn source_text(&mut self, span: u32) -> wasmtime::Result<Option<String>> {
        let span = self.span(span)?;
        Ok(self.backend.span_source_text(span))
    }

    fn line(&mut self, span: u32) -> wasmtime::Result<u32> {
        let span = self.span(span)?;
        Ok(self.backend.span_line(span))
    }

    fn column(&mut self, span: u32) -> wasmtime::Result<u32> {
        let span = self.span(span)?;
        Ok(self.backend.span_column(span))
    }

    fn file(&mut self, span: u32) -> wasmtime::Result<String> {
        let span = self.span(span)?;
        Ok(self.backend.span_file(span))
    }

    fn local_file(&mut self, span: u32) -> wasmtime::Result<Option<String>> {
        let span = self.span(span)?;
        Ok(self.backend.span_local_file(span))
    }

    fn byte_range(&mut self, span: u32) -> wasmtime::Result<(u64, u64)> {
        let span = self.span(span)?;
        Ok(self.backend.span_byte_range(span))
    }

    fn join(&mut self, first: u32, second: u32) -> wasmtime::Result<Option<u32>> {
        let (first, second) = (self.span(first)?, self.span(second)?);
        Ok(self.backend.span_join(first, second))
    }

    fn subspan(&mut self, span: u32, start: u64, end: u64) -> wasmtime::Result<Option<u32>> {
        let span = self.span(span)?;
        Ok(self.backend.span_subspan(span, start, end))
    }

    fn resolved_at(&mut self, location: u32, resolution: u32) -> wasmtime::Result<u32> {
        let (location, resolution) = (self.span(location)?, self.span(resolution)?);
        Ok(self.backend.span_resolved_at(location, resolution))
    }

    fn parent(&mut self, span: u32) -> wasmtime::Result<Option<u32>> {
        let span = self.span(span)?;
        Ok(self.backend.span_parent(span))
    }

    fn source(&mut self, span: u32) -> wasmtime::Result<u32> {
        let span = self.span(span)?;
        Ok(self.backend.span_source(span))
    }

    fn start(&mut self, span: u32) -> wasmtime::Result<u32> {
        let span = self.span(span)?;
        Ok(self.backend.span_start(span))
    }

    fn end(&mut self, span: u32) -> wasmtime::Result<u32> {
        let span = self.span(span)?;
        Ok(self.backend.span_end(span))
    }

    fn eq(&mut self, first: u32, second: u32) -> wasmtime::Result<bool> {
        let (first, second) = (self.span(first)?, self.span(second)?);
        Ok(self.backend.span_eq(first, second))
    }

    fn save_span(&mut self, span: u32) -> wasmtime::Result<u64> {
        let span = self.span(span)?;
        Ok(self.backend.save_span(span))
    }

    fn recover_proc_macro_span(&mut self, id: u64) -> wasmtime::Result<u32> {
        Ok(self.backend.recover_proc_macro_span(id))
    }
}
