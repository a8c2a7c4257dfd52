//! Lexing never panics or hangs; printing what the lexer made never panics and reads back as
//! the same tokens. The first byte picks the edition. See `wasmacro_host::fuzzing::lexer_printer`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| wasmacro_host::fuzzing::lexer_printer(data));
