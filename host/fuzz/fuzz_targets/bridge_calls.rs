//! Arbitrary sequences of bridge calls (arbitrary span ids, malformed streams) against the host's
//! bridge over the standalone backend: a call may trap, never panic. See
//! `wasmacro_host::fuzzing::bridge_calls`.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: wasmacro_host::fuzzing::BridgeInput| {
    wasmacro_host::fuzzing::bridge_calls(input)
});
