use crate::bindings::types::Diagnostic;
use crate::bindings::wasmacro::bridge::diagnostics::Host;
use crate::convert::diagnostic_from_wit;
use crate::state::HostState;
use crate::stats::BridgeCall;

impl Host for HostState {
    fn emit(&mut self, diagnostic: Diagnostic) -> wasmtime::Result<()> {
        self.stats.count(BridgeCall::Emit);
        for span in diagnostic.spans.iter().chain(diagnostic.children.iter().flat_map(|c| &c.spans)) {
            self.span(*span)?;
        }
        // The backend keeps it: count it against what the host keeps for the macro.
        let size = diagnostic.message.len()
            + 4 * diagnostic.spans.len()
            + diagnostic.children.iter().map(|c| 64 + c.message.len() + 4 * c.spans.len()).sum::<usize>();
        self.keep(64 + size, "emitting diagnostics")?;
        self.backend.emit_diagnostic(diagnostic_from_wit(diagnostic));
        Ok(())
    }
}
