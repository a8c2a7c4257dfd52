use crate::bindings::wasmacro::bridge::panics::Host;
use crate::state::HostState;
use crate::stats::BridgeCall;

impl Host for HostState {
    /// Kept until the expansion ends: with `panic=abort` the trap that follows is how the call
    /// returns, and the message is what the user needs to see.
    fn record_panic(&mut self, message: Option<String>) -> wasmtime::Result<()> {
        self.stats.count(BridgeCall::RecordPanic);
        self.panic = Some(message);
        Ok(())
    }
}
