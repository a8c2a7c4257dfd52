// Golden expansion of tests/golden/strum-error.input.rs by `cargo wasmacro expand --derive EnumString`.
// The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:
// `expand` fails with the errors native rustc reports (message, line:column, snippet), and
// `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with
// this output pasted in (both fail), normalized by syn + prettyplease. Helper attributes (#[strum]) are removed on both sides.
// Known differences from native: none.
::core::compile_error! {
    "expected one of: `message`, `detailed_message`, `serialize`, `to_string`, `transparent`, `disabled`, `default`, `default_with`, `ascii_case_insensitive`, `props`"
}
