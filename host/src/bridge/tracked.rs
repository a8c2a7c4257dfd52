use crate::bindings::wasmacro::bridge::tracked::Host;
use crate::state::HostState;
use crate::stats::BridgeCall;

impl Host for HostState {
    fn env_var(&mut self, name: String) -> wasmtime::Result<Option<String>> {
        self.stats.count(BridgeCall::EnvVar);
        // Backends may record what was asked (dependency tracking).
        self.keep(32 + name.len(), "`tracked::env-var`")?;
        Ok(self.backend.tracked_env_var(&name))
    }

    fn path(&mut self, path: String) -> wasmtime::Result<()> {
        self.stats.count(BridgeCall::TrackPath);
        self.keep(32 + path.len(), "`tracked::path`")?;
        self.backend.tracked_path(&path);
        Ok(())
    }
}
