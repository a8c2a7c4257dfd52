use crate::bindings::types::Diagnostic;
use crate::bindings::wasmacro::bridge::diagnostics::Host;
use crate::convert::diagnostic_from_wit;
use crate::state::HostState;

impl Host for HostState {
    fn emit(&mut self, diagnostic: Diagnostic) -> wasmtime::Result<()> {
        for span in diagnostic.spans.iter().chain(diagnostic.children.iter().flat_map(|c| &c.spans)) {
            self.span(*span)?;
        }
        self.backend.emit_diagnostic(diagnostic_from_wit(diagnostic));
        Ok(())
    }
}
