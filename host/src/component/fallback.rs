//! Moving an instance from the component's fast variant (`crate::unwinding`) to the component
//! as built: when the fast variant traps where the built one might unwind, and when the history
//! of what the fast one served grows past its limit.

use wasmtime::{Store, Trap};

use super::MacroInstance;
use crate::error::{ExpandError, GuestFault};
use crate::replay::Replayer;
use crate::state::HostState;

impl MacroInstance<'_> {
    /// Replaces the live fast instance (or, after its trap, none) by the component as built,
    /// brought to the same state by replaying the expansions the fast one served. The instance
    /// stays on the component as built from then on.
    pub(super) fn move_to_built(&mut self) -> Result<(), ExpandError> {
        let history = std::mem::take(&mut self.history);
        self.history_bytes = 0;
        self.built_only = true;
        if let Some((store, _)) = self.live.take() {
            self.state = Some(store.into_data());
        }
        let replay_error = |e: String| ExpandError::Trap(format!("replaying the earlier expansions on the component as built: {e}"));
        self.ensure_live().map_err(|e| replay_error(format!("{e:#}")))?;
        self.call_list_macros().map_err(|e| replay_error(format!("{e:#}")))?;
        let (store, bindings) = self.live.as_mut().unwrap();
        let embedder = std::mem::replace(&mut store.data_mut().backend, Box::new(Replayer::new(Vec::new())));
        let mut outcome = Ok(());
        for recorded in history {
            let _ = Self::arm(store, &self.limits, self.component);
            let Some(inputs) = recorded.inputs() else {
                outcome = Err("a recorded input could not be read back (a host bug)".to_string());
                break;
            };
            store.data_mut().backend = Box::new(Replayer::new(recorded.answers));
            store.data_mut().begin_expansion(recorded.call_site, &inputs.iter().map(|i| &i[..]).collect::<Vec<_>>());
            let call = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| bindings.wasmacro_bridge_macros().call_expand(&mut *store, &recorded.request)));
            store.data_mut().end_expansion();
            let backend: &dyn std::any::Any = store.data().backend.as_ref();
            let replayed_all = backend.downcast_ref::<Replayer>().is_some_and(Replayer::exhausted);
            outcome = match call {
                Ok(Ok(returned)) if returned.is_ok() != recorded.succeeded => Err("an expansion ended otherwise than the first time".to_string()),
                Ok(Ok(_)) if replayed_all => Ok(()),
                Ok(Ok(_)) => Err("an expansion asked the compiler less than the first time".to_string()),
                Ok(Err(err)) => Err(format!("{err:#}")),
                Err(panic) => Err(crate::remote::panic_message(&*panic).unwrap_or_else(|| "the replay panicked".into())),
            };
            if outcome.is_err() {
                break;
            }
        }
        store.data_mut().backend = embedder;
        if let Err(message) = outcome {
            let (store, _) = self.live.take().unwrap();
            self.state = Some(store.into_data());
            return Err(replay_error(message));
        }
        Ok(())
    }
}

/// Whether a trap of the fast variant would end the component as built the same way: a limit,
/// a deadline, or a fault the host found (the fast variant runs the same code until a panic
/// starts to unwind).
pub(super) fn ends_every_build(err: &wasmtime::Error, store: &Store<HostState>) -> bool {
    err.downcast_ref::<GuestFault>().is_some()
        || matches!(err.downcast_ref::<Trap>(), Some(Trap::Interrupt | Trap::OutOfFuel))
        || store.data().limits.refused
}
