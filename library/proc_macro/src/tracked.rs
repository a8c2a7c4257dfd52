use std::env::VarError;
use std::ffi::OsStr;
use std::path::Path;

/// Retrieve an environment variable and add it to build dependency info.
/// The build system executing the compiler will know that the variable was accessed during
/// compilation, and will be able to rerun the build when the value of that variable changes.
/// Besides the dependency tracking this function should be equivalent to `env::var` from the
/// standard library, except that the argument must be UTF-8.
#[unstable(feature = "proc_macro_tracked_env", issue = "99515")]
pub fn env_var<K: AsRef<OsStr> + AsRef<str>>(key: K) -> Result<String, VarError> {
    let key: &str = key.as_ref();
    // The sandbox has no environment of its own: the host answers (and records) the lookup.
    crate::bridge::api::env_var(key).ok_or(VarError::NotPresent)
}

/// Track a file or directory explicitly.
///
/// Commonly used for tracking asset preprocessing.
#[unstable(feature = "proc_macro_tracked_path", issue = "99515")]
pub fn path<P: AsRef<Path>>(path: P) {
    let path: &str = path.as_ref().to_str().unwrap();
    crate::bridge::api::track_path(path);
}
