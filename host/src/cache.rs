//! Compiled-code cache: Cranelift compiles a component once; later loads deserialize the
//! machine code. Entries are keyed by the component's BLAKE3 hash, the wasmtime version and the
//! engine's configuration (`Engine::precompile_compatibility_hash`). An entry is two files: the
//! compiled code exactly as `Component::serialize` wrote it (`.cwasm`), which wasmtime maps
//! instead of copying (`deserialize_file`: about 0.3 ms for serde_derive where copying took
//! 10 ms), and beside it its length and CRC-32 (`.check`, taken over a mapping of the entry): a
//! corrupt, truncated or foreign entry is detected and rebuilt, never handed to wasmtime
//! unchecked. (The key is cryptographic, so that no component can be made to find another's
//! code; the integrity check only has to catch damage, and CRC-32 does so at memory speed, which
//! matters because it runs on every load. So does the key: BLAKE3 hashes serde_derive's 1.9 MB
//! in 0.3 ms where SHA-256 took 1.05 ms, on a CPU with SHA instructions.)

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use wasmtime::component::Component;
use wasmtime::Engine;

/// The `.check` file: this, then the code's length (u64) and CRC-32 (u32), little-endian.
const MAGIC: &[u8; 16] = b"wasmacro-check1\n";

/// A folder of compiled components.
#[derive(Clone, Debug)]
pub struct ComponentCache {
    dir: PathBuf,
}

/// How a load went, for benchmarks and diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheOutcome {
    Hit,
    /// Compiled and stored.
    Miss,
    /// An entry existed but failed its checks; compiled and stored again.
    Rebuilt,
}

impl ComponentCache {
    pub fn new(dir: impl Into<PathBuf>) -> ComponentCache {
        ComponentCache { dir: dir.into() }
    }

    /// `$WASMACRO_CACHE_DIR` (empty: no cache), else the platform's cache folder: `$XDG_CACHE_HOME/wasmacro` or
    /// `~/.cache/wasmacro` on Linux, `~/Library/Caches/wasmacro` on macOS,
    /// `%LOCALAPPDATA%\wasmacro` on Windows.
    pub fn default_location() -> Option<PathBuf> {
        // Set but empty: no cache.
        if let Some(dir) = std::env::var_os("WASMACRO_CACHE_DIR") {
            return (!dir.is_empty()).then(|| PathBuf::from(dir));
        }
        let home = || std::env::var_os("HOME").map(PathBuf::from);
        if cfg!(target_os = "macos") {
            return home().map(|h| h.join("Library/Caches/wasmacro"));
        }
        if cfg!(windows) {
            return std::env::var_os("LOCALAPPDATA").map(|d| PathBuf::from(d).join("wasmacro"));
        }
        match std::env::var_os("XDG_CACHE_HOME") {
            Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir).join("wasmacro")),
            _ => home().map(|h| h.join(".cache/wasmacro")),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file an entry for `bytes` compiled by `engine` lives in.
    pub fn entry_path(&self, engine: &Engine, bytes: &[u8]) -> PathBuf {
        self.entry_for_key(engine, blake3::hash(bytes).as_bytes())
    }

    /// The file an entry for a component derived from `bytes` (named by `tag`) lives in.
    fn derived_entry_path(&self, engine: &Engine, bytes: &[u8], tag: &str) -> PathBuf {
        self.entry_for_key(engine, blake3::Hasher::new().update(bytes).update(&[0]).update(tag.as_bytes()).finalize().as_bytes())
    }

    /// The file of the entry with key `key` (a BLAKE3 hash), for code compiled by `engine`.
    fn entry_for_key(&self, engine: &Engine, key: &[u8]) -> PathBuf {
        let mut engine_hash = std::hash::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut engine_hash);
        self.dir.join(format!("{}-{:016x}.cwasm", &hex(key)[..32], engine_hash.finish()))
    }

    /// The files of this cache's entries (compiled code and check records), found by their
    /// names: other files in the folder are left out. None when the folder does not exist.
    pub fn entry_files(&self) -> std::io::Result<Vec<PathBuf>> {
        files_named(&self.dir, is_entry_name)
    }

    /// The compiled component for `bytes`, from the cache when a sound entry exists.
    pub fn load(&self, engine: &Engine, bytes: &[u8]) -> Result<(Component, CacheOutcome)> {
        let compile = || Ok(Some(Component::new(engine, bytes)?));
        self.load_entry(engine, &self.entry_path(engine, bytes), compile)?.context("compiling the component gave nothing")
    }

    /// The compiled form of a component that `derive` makes from `bytes` (`tag` names the
    /// derivation), from the cache when a sound entry exists, so that `derive` runs only when
    /// compiling. `None` when `derive` makes nothing.
    pub fn load_derived(
        &self,
        engine: &Engine,
        bytes: &[u8],
        tag: &str,
        derive: impl FnOnce() -> Result<Option<Vec<u8>>>,
    ) -> Result<Option<(Component, CacheOutcome)>> {
        let compile = || -> Result<Option<Component>> {
            let Some(derived) = derive()? else { return Ok(None) };
            Ok(Some(Component::new(engine, &derived)?))
        };
        self.load_entry(engine, &self.derived_entry_path(engine, bytes, tag), compile)
    }

    /// The entry at `path` when it is sound; otherwise what `compile` gives, stored there.
    fn load_entry(&self, engine: &Engine, path: &Path, compile: impl FnOnce() -> Result<Option<Component>>) -> Result<Option<(Component, CacheOutcome)>> {
        let existed = path.exists();
        if let Some(component) = read_entry(engine, path) {
            return Ok(Some((component, CacheOutcome::Hit)));
        }
        let Some(component) = compile()? else { return Ok(None) };
        // A cache that cannot be written only costs speed.
        let _ = write_entry(path, &component.serialize()?);
        Ok(Some((component, if existed { CacheOutcome::Rebuilt } else { CacheOutcome::Miss })))
    }
}

/// The files in `dir` whose names `ours` accepts, sorted; none when `dir` does not exist. (The
/// cache folder may be shared: what wasmacro did not name is not listed, so not removed.)
pub fn files_named(dir: &Path, ours: impl Fn(&str) -> bool) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let listing = match std::fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(files),
        Err(e) => return Err(e),
    };
    for item in listing {
        let path = item?.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(&ours) && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// `<32 hex digits>-<16 hex digits>.cwasm` or `.check`, as [`ComponentCache::entry_path`] names
/// them.
fn is_entry_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".cwasm").or_else(|| name.strip_suffix(".check")) else { return false };
    let hex = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
    matches!(stem.split_once('-'), Some((key, engine)) if hex(key, 32) && hex(engine, 16))
}

/// The file beside an entry that holds its length and checksum.
fn check_path(entry: &Path) -> PathBuf {
    entry.with_extension("check")
}

fn check_record(code: &[u8]) -> Vec<u8> {
    let mut record = MAGIC.to_vec();
    record.extend_from_slice(&(code.len() as u64).to_le_bytes());
    record.extend_from_slice(&crc32fast::hash(code).to_le_bytes());
    record
}

fn read_entry(engine: &Engine, path: &Path) -> Option<Component> {
    let check = std::fs::read(check_path(path)).ok()?;
    let file = std::fs::File::open(path).ok()?;
    // The checksum is taken over a mapping of the file, not a copy: reading it into a buffer
    // cost as much as the checksum itself, on every load.
    // SAFETY: writers replace entries by renaming, so the file is not modified while mapped (a
    // concurrent writer of the same key writes a new file with the same code).
    let code = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    if check != check_record(&code) {
        return None;
    }
    drop(code);
    // SAFETY: the file holds exactly what `Component::serialize` wrote into this entry (its
    // length and checksum match), and wasmtime itself rejects code from another version or
    // configuration; it is not modified while mapped (above).
    unsafe { Component::deserialize_file(engine, path) }.ok()
}

fn write_entry(path: &Path, code: &[u8]) -> Result<()> {
    let dir = path.parent().context("cache entry without a folder")?;
    std::fs::create_dir_all(dir)?;
    // Write then rename, so a concurrent reader never sees half a file; the code first, so a
    // check record never describes code that is not there yet.
    let write = |target: &Path, data: &[u8]| -> Result<()> {
        let temp = dir.join(format!(".{}.{}", target.file_name().unwrap().to_string_lossy(), std::process::id()));
        std::fs::write(&temp, data)?;
        std::fs::rename(&temp, target)?;
        Ok(())
    };
    write(path, code)?;
    write(&check_path(path), &check_record(code))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny real component: an empty one.
    const EMPTY_COMPONENT: &[u8] = b"\0asm\x0d\0\x01\0";

    fn cache() -> ComponentCache {
        let dir = std::env::temp_dir().join(format!("wasmacro-cache-test-{}-{:?}", std::process::id(), std::thread::current().id()));
        let _ = std::fs::remove_dir_all(&dir);
        ComponentCache::new(dir)
    }

    #[test]
    fn compiles_once_then_hits() {
        let engine = Engine::default();
        let cache = cache();
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Miss);
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Hit);
    }

    #[test]
    fn entry_files_are_the_entries_and_nothing_else() {
        let engine = Engine::default();
        let cache = cache();
        assert!(cache.entry_files().unwrap().is_empty(), "a missing folder has no entries");
        cache.load(&engine, EMPTY_COMPONENT).unwrap();
        let entry = cache.entry_path(&engine, EMPTY_COMPONENT);
        for other in ["notes.txt", "0123-4567.cwasm", "host-library"] {
            std::fs::write(cache.dir().join(other), "not an entry").unwrap();
        }
        assert_eq!(cache.entry_files().unwrap(), vec![check_path(&entry), entry]);
    }

    #[test]
    fn corrupt_and_truncated_entries_are_rebuilt() {
        let engine = Engine::default();
        let cache = cache();
        cache.load(&engine, EMPTY_COMPONENT).unwrap();
        let path = cache.entry_path(&engine, EMPTY_COMPONENT);
        let mut data = std::fs::read(&path).unwrap();
        let last = data.len() - 1;
        data[last] ^= 0xff;
        std::fs::write(&path, &data).unwrap();
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Rebuilt);
        std::fs::write(&path, &data[..data.len() / 2]).unwrap();
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Rebuilt);
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Hit);
        // A missing check record is not trusted either.
        std::fs::remove_file(check_path(&path)).unwrap();
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Rebuilt);
        assert_eq!(cache.load(&engine, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Hit);
    }

    #[test]
    fn an_entry_of_another_engine_configuration_is_not_used() {
        let cache = cache();
        let plain = Engine::default();
        let mut config = wasmtime::Config::new();
        config.consume_fuel(true);
        let metered = Engine::new(&config).unwrap();
        cache.load(&plain, EMPTY_COMPONENT).unwrap();
        assert_ne!(cache.entry_path(&plain, EMPTY_COMPONENT), cache.entry_path(&metered, EMPTY_COMPONENT));
        // Even planted under the other key (checksum included), wasmtime's own check refuses it
        // and we rebuild.
        let (from, to) = (cache.entry_path(&plain, EMPTY_COMPONENT), cache.entry_path(&metered, EMPTY_COMPONENT));
        std::fs::copy(&from, &to).unwrap();
        std::fs::copy(check_path(&from), check_path(&to)).unwrap();
        assert_eq!(cache.load(&metered, EMPTY_COMPONENT).unwrap().1, CacheOutcome::Rebuilt);
    }
}
