//! How long each proc-macro expansion took inside rustc, read from rustc's self-profiler
//! (`-Zself-profile`, nightly). rustc records one `expand_proc_macro` activity per macro call,
//! around the whole call into the macro's client: the input handed over, the macro's own work,
//! its bridge calls and the output taken back. That is the same span of work for a native macro
//! and for a shim of a component, so the two compare directly, per expansion, without the
//! noise of timing whole rustc runs.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};

/// The arguments that make rustc write a profile into `dir` with each event's macro path.
pub fn rustc_args(dir: &Path) -> [String; 2] {
    [format!("-Zself-profile={}", dir.display()), "-Zself-profile-events=default,args".to_string()]
}

/// The duration of every expansion recorded in the profiles in `dir`, by macro name (the last
/// segment of the path the code used: `serde::Serialize` and `Serialize` are both `Serialize`).
pub fn expansion_times(dir: &Path) -> Result<BTreeMap<String, Vec<Duration>>> {
    let mut times: BTreeMap<String, Vec<Duration>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "mm_profdata") {
            continue;
        }
        let data = analyzeme::ProfilingData::new(&path).map_err(|e| {
            anyhow::anyhow!("reading rustc's profile {}: {e} (a nightly whose profile format this tool does not know?)", path.display())
        })?;
        for event in data.iter_full() {
            if event.label != "expand_proc_macro" {
                continue;
            }
            let (Some(duration), Some(call)) = (event.duration(), event.additional_data.first()) else { continue };
            if let Some(name) = macro_name(call) {
                times.entry(name.to_string()).or_default().push(duration);
            }
        }
    }
    Ok(times)
}

/// The macro's name in rustc's description of a call: `#[derive(a::B)]`, `a::b!` or `#[a::b]`.
fn macro_name(call: &str) -> Option<&str> {
    let path = call
        .strip_prefix("#[derive(")
        .and_then(|p| p.strip_suffix(")]"))
        .or_else(|| call.strip_suffix('!'))
        .or_else(|| call.strip_prefix("#[").and_then(|p| p.strip_suffix(']')))?;
    Some(path.rsplit("::").next().unwrap_or(path).trim())
}

#[cfg(test)]
mod tests {
    use super::{expansion_times, macro_name, rustc_args};
    use std::process::Command;

    /// A real nightly rustc's profile: a derive used three times and a function-like macro
    /// twice give three and two expansions, under their names, and nothing else.
    #[test]
    fn reads_each_expansion_from_a_nightly_profile() {
        let dir = std::env::temp_dir().join(format!("wasmacro-rustc-profile-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let macros = "extern crate proc_macro; use proc_macro::TokenStream;\n\
            #[proc_macro_derive(Nothing)] pub fn nothing(_: TokenStream) -> TokenStream { TokenStream::new() }\n\
            #[proc_macro] pub fn zero(_: TokenStream) -> TokenStream { \"0\".parse().unwrap() }\n";
        let user = "#[derive(m::Nothing)] struct A; #[derive(m::Nothing)] struct B; #[derive(m::Nothing)] struct C;\n\
            pub fn f() -> u8 { m::zero!() + m::zero!(x y) }\n";
        std::fs::write(dir.join("m.rs"), macros).unwrap();
        std::fs::write(dir.join("user.rs"), user).unwrap();
        let nightly = std::env::var("WASMACRO_TOOLCHAIN").unwrap_or_else(|_| crate::toolchain::DEFAULT_NIGHTLY.into());
        let rustc = |args: &[&str]| {
            let out = Command::new("rustup").args(["run", &nightly, "rustc", "--edition=2021"]).args(args).current_dir(&dir).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        };
        rustc(&["--crate-type=proc-macro", "m.rs"]);
        let profile = dir.join("profile");
        let [a, b] = rustc_args(&profile);
        let extern_m = format!("m={}", dir.join(format!("{}m{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX)).display());
        rustc(&["--crate-type=lib", "--emit=metadata", "--extern", &extern_m, &a, &b, "user.rs"]);
        let times = expansion_times(&profile).unwrap();
        assert_eq!(times.keys().collect::<Vec<_>>(), ["Nothing", "zero"]);
        assert_eq!((times["Nothing"].len(), times["zero"].len()), (3, 2));
        assert!(times.values().flatten().all(|d| !d.is_zero()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn names_from_rustc_call_descriptions() {
        assert_eq!(macro_name("#[derive(Deserialize)]"), Some("Deserialize"));
        assert_eq!(macro_name("#[derive(wasmacro_bench_shim::Serialize)]"), Some("Serialize"));
        assert_eq!(macro_name("bang_macro::hex!"), Some("hex"));
        assert_eq!(macro_name("#[route]"), Some("route"));
        assert_eq!(macro_name("something else"), None);
    }
}
