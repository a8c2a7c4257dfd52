use crate::bindings::wasmacro::bridge::tracked::Host;
use crate::state::HostState;

impl Host for HostState {
    fn env_var(&mut self, name: String) -> wasmtime::Result<Option<String>> {
        Ok(self.backend.tracked_env_var(&name))
    }

    fn path(&mut self, path: String) -> wasmtime::Result<()> {
        self.backend.tracked_path(&path);
        Ok(())
    }
}
