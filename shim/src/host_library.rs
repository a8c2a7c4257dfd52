//! Finding and loading the wasmacro host library, once per compiler process.

use std::ffi::c_void;
use std::sync::OnceLock;

use wasmacro_backend::remote::exports::{self, ExpandFn, OpenFn, WireVersionFn};
use wasmacro_backend::wire::WIRE_VERSION;

/// The environment variable that names another host library than the one the shim was
/// generated with.
pub const HOST_LIBRARY_VAR: &str = "WASMACRO_HOST_LIBRARY";

/// The host library's entry points.
pub struct HostLibrary {
    pub open: OpenFn,
    pub expand: ExpandFn,
}

/// Loads the library at `$WASMACRO_HOST_LIBRARY`, else at `generated_path`; the first caller's
/// answer stands for the process. `Err` says what is wrong and what to do.
pub fn host_library(generated_path: &str) -> Result<&'static HostLibrary, String> {
    static LOADED: OnceLock<Result<HostLibrary, String>> = OnceLock::new();
    LOADED.get_or_init(|| load(generated_path)).as_ref().map_err(Clone::clone)
}

fn load(generated_path: &str) -> Result<HostLibrary, String> {
    let from_env = std::env::var(HOST_LIBRARY_VAR).ok().filter(|path| !path.is_empty());
    let path = from_env.clone().unwrap_or_else(|| generated_path.to_string());
    if !std::path::Path::new(&path).is_file() {
        return Err(match from_env {
            Some(_) => format!(
                "the wasmacro host library {path} named by ${HOST_LIBRARY_VAR} does not exist: point the variable at a host \
                 library, or unset it to use the one this shim was generated with"
            ),
            None => format!(
                "the wasmacro host library {path} that this shim was generated with does not exist (was the cache folder \
                 cleared?): run `cargo wasmacro shim` again to rebuild it, or set ${HOST_LIBRARY_VAR} to a copy"
            ),
        });
    }
    // A name without a slash would be looked up in the library search path instead.
    let path = std::path::absolute(&path).map(|p| p.display().to_string()).unwrap_or(path);
    // SAFETY: loading runs the library's initializers; the host library is ours and has none
    // beyond Rust's standard library.
    let library = unsafe { libloading::Library::new(&path) }.map_err(|e| format!("cannot load the wasmacro host library {path}: {e}"))?;
    // SAFETY: the symbols have these types in every host library (`wasmacro_backend::remote::exports`),
    // which the wire version check below confirms is built from the same sources as this shim.
    let host = unsafe {
        let version = *library.get::<WireVersionFn>(exports::WIRE_VERSION).map_err(|e| format!("{path} is not a wasmacro host library: {e}"))?;
        let found = version();
        if found != WIRE_VERSION {
            return Err(format!(
                "the wasmacro host library {path} was built from other sources than this shim's runtime \
                 (wire version {found:016x}, the shim needs {WIRE_VERSION:016x}): run `cargo wasmacro shim` again with the \
                 cargo-wasmacro that built it"
            ));
        }
        HostLibrary {
            open: *library.get::<OpenFn>(exports::OPEN).map_err(|e| format!("{path}: {e}"))?,
            expand: *library.get::<ExpandFn>(exports::EXPAND).map_err(|e| format!("{path}: {e}"))?,
        }
    };
    // The entry points stay valid while the library is loaded: for the rest of the process.
    std::mem::forget(library);
    Ok(host)
}

/// Calls `f` with a sink that collects bytes, and returns them with `f`'s result.
pub fn collect<R>(f: impl FnOnce(wasmacro_backend::remote::Sink, *mut c_void) -> R) -> (R, Vec<u8>) {
    let mut bytes = Vec::new();
    let result = f(wasmacro_backend::remote::vec_sink, &mut bytes as *mut Vec<u8> as *mut c_void);
    (result, bytes)
}
