// Golden expansion of tests/golden/describe.input.rs by `cargo wasmacro expand --derive Describe`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
impl Shape {
    pub fn describe() -> &'static str {
        "enum Shape { Circle, Square, Empty }"
    }
}
