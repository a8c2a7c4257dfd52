// Golden expansion of tests/golden/derive-more-error.input.rs by `cargo wasmacro expand --derive Display`.
// The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:
// `expand` fails with the errors native rustc reports (message, line:column, snippet), and
// `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with
// this output pasted in (both fail), normalized by syn + prettyplease. Helper attributes (#[display]) are removed on both sides.
// Known differences from native: none.
::core::compile_error! {
    "struct or enum variant with more than 1 field must have `#[display(\"...\", ...)]` attribute"
}
