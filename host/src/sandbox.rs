//! The WASI a macro sees: nothing unless the embedder grants it. No files, no network, no
//! environment, no arguments; clocks stand still at the epoch and random numbers come from a
//! fixed seed, so output cannot depend on time or chance (a `HashMap`'s order included).

use std::time::Duration;

use wasmtime_wasi::{HostMonotonicClock, HostWallClock, WasiCtx, WasiCtxBuilder};

/// What an embedder lets macros reach beyond the bridge.
#[derive(Clone, Debug, Default)]
pub struct Sandbox {
    /// Show the macro's writes to stdout/stderr (`println!` debugging) on the host's; otherwise discard them.
    pub inherit_stdio: bool,
    /// Give the macro the real clocks instead of ones fixed at zero.
    pub real_clocks: bool,
    /// Give the macro fresh randomness instead of a fixed seed.
    pub real_randomness: bool,
}

struct FrozenClock;

impl HostWallClock for FrozenClock {
    fn resolution(&self) -> Duration {
        Duration::from_secs(1)
    }
    fn now(&self) -> Duration {
        Duration::ZERO
    }
}

impl HostMonotonicClock for FrozenClock {
    fn resolution(&self) -> u64 {
        1_000_000_000
    }
    fn now(&self) -> u64 {
        0
    }
}

impl Sandbox {
    pub(crate) fn wasi(&self) -> WasiCtx {
        let mut builder = WasiCtxBuilder::new();
        if self.inherit_stdio {
            builder.inherit_stdout().inherit_stderr();
        }
        if !self.real_clocks {
            builder.wall_clock(FrozenClock).monotonic_clock(FrozenClock);
        }
        if !self.real_randomness {
            use rand::SeedableRng;
            builder
                .secure_random(rand::rngs::StdRng::seed_from_u64(0))
                .insecure_random(rand::rngs::StdRng::seed_from_u64(1))
                .insecure_random_seed(2);
        }
        builder.allow_tcp(false).allow_udp(false).allow_ip_name_lookup(false);
        builder.build()
    }
}
