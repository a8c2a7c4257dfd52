// Golden expansion of tests/golden/displaydoc-error.input.rs by `cargo wasmacro expand --derive Display`.
// The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:
// `expand` fails with the errors native rustc reports (message, line:column, snippet), and
// `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with
// this output pasted in (both fail), normalized by syn + prettyplease.
// Known differences from native: none.
::core::compile_error! {
    "missing doc comment"
}
