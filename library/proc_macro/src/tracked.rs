use std::env::VarError;
use std::ffi::OsStr;
use std::path::Path;

/// The value of the compiler's environment variable `key`, or `Err(VarError::NotPresent)`.
///
/// The host looks the variable up and notes it in the crate's dep-info, so a change of its
/// value makes cargo rebuild. The key has to be a `str`.
#[unstable(feature = "proc_macro_tracked_env", issue = "99515")]
pub fn env_var<K: AsRef<OsStr> + AsRef<str>>(key: K) -> Result<String, VarError> {
    let key: &str = key.as_ref();
    // The sandbox has no environment of its own: the host answers (and records) the lookup.
    crate::bridge::api::env_var(key).ok_or(VarError::NotPresent)
}

/// Has the host note `path` (a file or a directory) in the crate's dep-info, so that a change
/// to it makes cargo rebuild. Panics if `path` is not UTF-8.
#[unstable(feature = "proc_macro_tracked_path", issue = "99515")]
pub fn path<P: AsRef<Path>>(path: P) {
    let path: &str = path.as_ref().to_str().unwrap();
    crate::bridge::api::track_path(path);
}
