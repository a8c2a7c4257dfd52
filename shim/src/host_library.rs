//! Finding and loading the wasmacro host library, once per compiler process.

use std::sync::OnceLock;

use wasmacro_backend::host_library::{HostLibrary, HostLibraryError};
use wasmacro_backend::wire::WIRE_VERSION;

/// The environment variable that names another host library than the one the shim was
/// generated with.
pub const HOST_LIBRARY_VAR: &str = "WASMACRO_HOST_LIBRARY";

/// Loads the library at `$WASMACRO_HOST_LIBRARY`, else at `generated_path`; the first caller's
/// answer stands for the process (the library stays loaded for it). `Err` says what is wrong
/// and what to do.
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
    HostLibrary::load(path.as_ref()).map_err(|error| match error {
        HostLibraryError::NotLoadable(e) => format!("cannot load the wasmacro host library {path}: {e}"),
        HostLibraryError::NotHostLibrary(e) => format!("{path} is not a wasmacro host library: {e}"),
        HostLibraryError::OtherSources { found } => format!(
            "the wasmacro host library {path} was built from other sources than this shim's runtime \
             (wire version {found:016x}, the shim needs {WIRE_VERSION:016x}): run `cargo wasmacro shim` again with the \
             cargo-wasmacro that built it"
        ),
    })
}
