//! Loading the host library (`wasmacro-host-lib`) from a file and checking it: what a shim does
//! inside rustc, and what `cargo wasmacro shim --host-library` does before generating a shim.
//! Each caller words the errors with its own advice.

use std::path::Path;

use crate::remote::exports::{self, ExpandFn, OpenFn, WireVersionFn};
use crate::wire::WIRE_VERSION;

/// A loaded host library of this crate's wire version, and its entry points (valid while it is
/// loaded).
pub struct HostLibrary {
    pub open: OpenFn,
    pub expand: ExpandFn,
    _library: libloading::Library,
}

/// Why a file was not taken as the host library.
#[derive(Debug)]
pub enum HostLibraryError {
    /// The system's loader refused the file (its message).
    NotLoadable(String),
    /// A shared library without the host library's exports (the loader's message).
    NotHostLibrary(String),
    /// A host library built from other sources, with this wire version.
    OtherSources { found: u64 },
}

impl HostLibrary {
    pub fn load(path: &Path) -> Result<HostLibrary, HostLibraryError> {
        // A name without a slash would be looked up in the library search path instead.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        // SAFETY: loading runs the library's initializers; a host library has none beyond Rust's
        // standard library, and another library is refused by the checks below before anything
        // of it is called.
        let library = unsafe { libloading::Library::new(&path) }.map_err(|e| HostLibraryError::NotLoadable(e.to_string()))?;
        let missing = |e: libloading::Error| HostLibraryError::NotHostLibrary(e.to_string());
        // SAFETY: in a host library the symbols have these types (`remote::exports`); the wire
        // version check confirms it was built from the same sources before the others are used.
        unsafe {
            let version = *library.get::<WireVersionFn>(exports::WIRE_VERSION).map_err(missing)?;
            let found = version();
            if found != WIRE_VERSION {
                return Err(HostLibraryError::OtherSources { found });
            }
            let open = *library.get::<OpenFn>(exports::OPEN).map_err(missing)?;
            let expand = *library.get::<ExpandFn>(exports::EXPAND).map_err(missing)?;
            Ok(HostLibrary { open, expand, _library: library })
        }
    }
}
