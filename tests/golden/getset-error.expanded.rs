// Golden expansion of tests/golden/getset-error.input.rs by `cargo wasmacro expand --derive Getters`.
// Known difference from native, asserted by tests/golden.rs on every run: `expand` fails
// with `error: #[derive(Getters)] is only defined for structs, not for enums!` (this file is its output), where native rustc fails with `error: macros that expand to items must be delimited with braces or followed by a semicolon`, `error: proc-macro derive produced unparsable tokens`, `error: #[derive(Getters)] is only defined for structs, not for enums!`.
// Why:
// getset reports errors by storing a compile_error! in a thread-local and calling
// std::panic::panic_any(()); its entry point's catch_unwind then returns that
// compile_error!. Panics unwind in the guest, so `expand` gets that output and
// reports getset's message, as native rustc does. Two differences remain, neither
// about unwinding: the compile_error! is spanned at the call site, which for rustc is
// `Getters` in `#[derive(Getters)]` but for `expand` the whole input (the input has no
// derive attribute); and the output lacks the `;` an item-position `compile_error!(..)`
// needs, which rustc reports as two more errors and `expand` does not check.
compile_error!
("#[derive(Getters)] is only defined for structs, not for enums!")
