// Golden expansion of tests/golden/thiserror-missing.input.rs by `cargo wasmacro expand --derive Error`.
// The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:
// `expand` fails with the errors native rustc reports (message, line:column, snippet), and
// `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with
// this output pasted in (both fail), normalized by syn + prettyplease. Helper attributes (#[error], #[from], #[source], #[backtrace]) are removed on both sides.
// Known differences from native: none.
::core::compile_error! {
    "missing #[error(\"...\")] display attribute"
}
#[allow(unused_qualifications)]
#[automatically_derived]
impl ::thiserror::__private21::Error for ParseError
where
    for<'workaround> ParseError: ::core::fmt::Debug,
{}
#[allow(unused_qualifications)]
#[automatically_derived]
impl ::core::fmt::Display for ParseError {
    fn fmt(&self, __formatter: &mut ::core::fmt::Formatter) -> ::core::fmt::Result {
        ::core::unreachable!()
    }
}
