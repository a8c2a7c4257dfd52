//! The wasmacro host library a shim loads (`wasmacro-host-lib`, a `cdylib` holding wasmtime):
//! built from the wasmacro sources with cargo, then copied under a content-addressed name into
//! the cache folder, where every shim generated from the same build shares it (one copy loaded
//! per compiler process, whatever the number of shims).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use wasmacro_host::ComponentCache;
use wasmacro_host::host_library::{HostLibrary, HostLibraryError};
use wasmacro_host::wire::WIRE_VERSION;

use crate::ui;

/// The wasmacro workspace this tool was built from, if it is still there.
pub fn default_sources() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?.to_path_buf();
    root.join("host-lib/Cargo.toml").is_file().then_some(root)
}

/// Builds the host library from `sources` (a wasmacro checkout) with this tool's own profile
/// (release for an installed or `--release` tool) and installs it; returns its installed path.
/// `fallback_dir` holds it when the cache is disabled.
pub fn build_and_install(sources: &Path, fallback_dir: &Path) -> Result<PathBuf> {
    if !sources.join("host-lib/Cargo.toml").is_file() {
        bail!("{} is not a wasmacro checkout (no host-lib/Cargo.toml)", sources.display());
    }
    let release = !cfg!(debug_assertions);
    ui::status(
        "Building",
        format!("the wasmacro host library ({}; the first build compiles wasmtime and takes a few minutes)", if release { "release" } else { "debug" }),
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("-p")
        .arg("wasmacro-host-lib")
        .arg("--manifest-path")
        .arg(sources.join("Cargo.toml"))
        // Its own folder: the workspace's may be locked by the cargo that runs this tool.
        .arg("--target-dir")
        .arg(sources.join("target/host-library"))
        // Without debug info a debug build is a tenth of the size (it is copied and hashed).
        .args(["--config", "profile.dev.debug=0"])
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET");
    if release {
        cmd.arg("--release");
    }
    let artifacts = crate::cargo_run::run(cmd, "building the wasmacro host library")?;
    let built = artifacts
        .iter()
        .filter(|a| a.target.name == "wasmacro_host_lib")
        .flat_map(|a| a.filenames.iter())
        .find(|f| f.as_str().ends_with(std::env::consts::DLL_SUFFIX))
        .context("cargo built wasmacro-host-lib but reported no shared library")?;
    install(built.as_std_path(), fallback_dir)
}

/// Copies `library` into `<cache>/host-library/` (or `fallback_dir`) under a name made of its
/// hash, unless that copy exists, after checking that it is a host library built from the
/// sources of this tool (the shim's runtime would refuse it only inside the compiler). A
/// running compiler may have the previous copy mapped, so a file is never rewritten in place:
/// a new one appears by rename.
pub fn install(library: &Path, fallback_dir: &Path) -> Result<PathBuf> {
    check(library)?;
    let bytes = std::fs::read(library).with_context(|| format!("reading {}", library.display()))?;
    let hash = Sha256::digest(&bytes);
    let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    let dir = match ComponentCache::default_location() {
        Some(cache) => installed_dir(&cache),
        None => fallback_dir.to_path_buf(),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = format!("{}{INSTALLED_STEM}{hex}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let path = std::path::absolute(dir.join(name))?;
    if !path.is_file() {
        let temporary = dir.join(format!(".{hex}.{}.tmp", std::process::id()));
        std::fs::write(&temporary, &bytes).with_context(|| format!("writing {}", temporary.display()))?;
        std::fs::rename(&temporary, &path).with_context(|| format!("installing {}", path.display()))?;
    }
    Ok(path)
}

/// Installed copies are named `<DLL prefix>wasmacro_host-<16 hex digits><DLL suffix>`.
const INSTALLED_STEM: &str = "wasmacro_host-";

/// Where `install` puts copies in the cache folder `cache`.
pub fn installed_dir(cache: &Path) -> PathBuf {
    cache.join("host-library")
}

/// The installed copies in `dir` (and copies an interrupted install left half-written), found
/// by their names: other files are left out. None when the folder does not exist.
pub fn installed(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let hex = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let is_installed = |name: &str| {
        let copy = name
            .strip_prefix(std::env::consts::DLL_PREFIX)
            .and_then(|n| n.strip_prefix(INSTALLED_STEM))
            .and_then(|n| n.strip_suffix(std::env::consts::DLL_SUFFIX));
        // `.<hex>.<pid>.tmp`
        let partial = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")).and_then(|n| n.split_once('.'));
        copy.is_some_and(hex) || partial.is_some_and(|(h, pid)| hex(h) && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
    };
    wasmacro_host::files_named(dir, is_installed)
}

/// Loads `library` and compares its wire version with this tool's.
fn check(library: &Path) -> Result<()> {
    match HostLibrary::load(library) {
        Ok(_) => Ok(()),
        Err(HostLibraryError::NotLoadable(e)) => bail!("{} cannot be loaded as a shared library: {e}", library.display()),
        Err(HostLibraryError::NotHostLibrary(e)) => bail!("{} is not a wasmacro host library: {e}", library.display()),
        Err(HostLibraryError::OtherSources { found }) => bail!(
            "{} was built from other wasmacro sources than this tool (wire version {found:016x}, this tool's is \
             {WIRE_VERSION:016x}): build it from the same checkout, or leave out --host-library",
            library.display()
        ),
    }
}
