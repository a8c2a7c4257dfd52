//! The WASI a macro sees: nothing unless the embedder grants it. No files, no network, no
//! environment, no arguments; clocks stand still at the epoch and random numbers come from a
//! fixed seed, so output cannot depend on time or chance (a `HashMap`'s order included).
//!
//! Grants: environment variables by name and value (cargo's `CARGO_*` variables are the common
//! case), read-only directories (seen by the guest at their host path, so paths built from
//! `CARGO_MANIFEST_DIR` work), stdio, real clocks, real randomness. A denied access fails in the
//! guest as an absent resource would: `std::env::var` says `NotPresent`, a file open says
//! `NotFound`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use wasmtime_wasi::{FsPerms, HostMonotonicClock, HostWallClock, WasiCtx, WasiCtxBuilder};

/// What an embedder lets macros reach beyond the bridge. `Sandbox::default()` grants nothing.
#[derive(Clone, Debug, Default)]
pub struct Sandbox {
    /// Show the macro's writes to stdout/stderr (`println!` debugging) on the host's; otherwise discard them.
    pub inherit_stdio: bool,
    /// Environment variables the macro sees (`std::env::var`); see [`Sandbox::grant_env`].
    pub env: Vec<(String, String)>,
    /// Directories the macro may read (and list), at the same path as on the host; see
    /// [`Sandbox::grant_read_dir`].
    pub read_dirs: Vec<PathBuf>,
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
    /// Lets the macro see the environment variable `name` with `value`.
    /// Whether the fast variant of a component may serve this sandbox's expansions
    /// (`crate::unwinding`): a macro without real clocks or randomness does the same again
    /// given the same inputs and answers, so the component as built can replay it; and with
    /// the console not shown, the replay prints nothing twice.
    pub(crate) fn allows_replay(&self) -> bool {
        !self.inherit_stdio && !self.real_clocks && !self.real_randomness
    }

    pub fn grant_env(&mut self, name: &str, value: &str) -> &mut Self {
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    /// Lets the macro read files below `dir` (which must exist), at its absolute host path.
    pub fn grant_read_dir(&mut self, dir: &Path) -> std::io::Result<&mut Self> {
        let dir = std::fs::canonicalize(dir)?;
        if !dir.is_dir() {
            return Err(std::io::Error::new(std::io::ErrorKind::NotADirectory, format!("{} is not a directory", dir.display())));
        }
        self.read_dirs.push(dir);
        Ok(self)
    }

    pub(crate) fn wasi(&self) -> WasiCtx {
        let mut builder = WasiCtxBuilder::new();
        builder.envs(&self.env);
        for dir in &self.read_dirs {
            // A directory that vanished since it was granted stays closed: failing closed is safe.
            let _ = builder.preopened_dir(dir, dir.to_string_lossy(), FsPerms::ReadOnly);
        }
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
