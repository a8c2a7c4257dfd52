// Golden expansion of tests/golden/tag.input.rs by `cargo wasmacro expand --attr tag --args '"network", priority = 3'`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
/// Connects, in theory.
pub fn connect(retries: u32) -> Result<(), String> {
    if retries > 3 { Err(format!("gave up after {retries}")) } else { Ok(()) }
}
pub const CONNECT_TAG: (&str, u32) = ("network", 3);
