// Golden expansion of tests/golden/hex.input.rs by `cargo wasmacro expand --bang hex`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
[222u8, 173, 190, 239, 0, 127,]
