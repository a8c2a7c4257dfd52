// Golden expansion of tests/golden/getset-error.input.rs by `cargo wasmacro expand --derive Getters`.
// Known difference from native, asserted by tests/golden.rs on every run: `expand` fails
// with `error: proc macro panicked` (this file is its output), where native rustc fails with `error: macros that expand to items must be delimited with braces or followed by a semicolon`, `error: proc-macro derive produced unparsable tokens`, `error: #[derive(Getters)] is only defined for structs, not for enums!`.
// Why:
// getset reports errors by storing a compile_error! in a thread-local and calling
// std::panic::panic_any(()); its entry point's catch_unwind then returns that
// compile_error!. Guests are built with panic=abort (unwinding is unsolved, see
// TOOLCHAIN-NOTES), so the panic traps the instance: the stored error is lost, the
// payload `()` carries no message, and `expand` can only say that the macro
// panicked, at the input's first token.
