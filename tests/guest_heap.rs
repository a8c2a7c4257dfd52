//! The guest's C heap (`library/proc_macro/src/malloc`: small blocks from per-size free lists,
//! large ones from dlmalloc), exercised by a real macro component through std's allocator.

mod support;

use std::path::PathBuf;

use support::*;
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{ExpandError, Limits, MacroComponent, MacroInstance, Sandbox};

fn heap_workout() -> PathBuf {
    build(&repo().join("tests/fixtures/heap-workout/Cargo.toml"), "heap-workout").0
}

fn instance<'c>(component: &'c MacroComponent, input: &str, memory_mib: usize) -> MacroInstance<'c> {
    let backend = StandaloneBackend::new("input.rs", input);
    let limits = Limits { memory_bytes: memory_mib << 20, ..Limits::default() };
    component.instantiate(Box::new(backend), &Sandbox::default(), limits).unwrap()
}

#[test]
fn random_allocations_keep_their_contents_and_alignment() {
    let component = MacroComponent::from_file(&heap_workout()).unwrap();
    for seed in [1, 2, 3] {
        let mut instance = instance(&component, &seed.to_string(), 256);
        // The macro panics, naming the step, on any overwritten byte, misaligned block or
        // non-zero zeroed block; otherwise it expands to how many blocks it made.
        let made: u32 = expand_bang(&mut instance, "churn").unwrap().parse().unwrap();
        assert!(made > 5_000, "seed {seed}: only {made} blocks");
    }
}

#[test]
fn freed_small_blocks_are_reused_across_expansions() {
    let component = MacroComponent::from_file(&heap_workout()).unwrap();
    // 8 MiB of small blocks per expansion in a 32 MiB memory: without reuse the fourth
    // expansion could not grow memory any more.
    let mut reused = instance(&component, "8", 32);
    let first = expand_bang(&mut reused, "small_blocks").unwrap();
    for round in 1..12 {
        assert_eq!(expand_bang(&mut reused, "small_blocks").unwrap(), first, "round {round}");
    }
    // The limit is real: a single expansion needing more than it fails, naming it.
    let mut too_big = instance(&component, "40", 32);
    assert_eq!(expand_bang(&mut too_big, "small_blocks").unwrap_err(), ExpandError::OutOfMemory(32));
}

#[test]
fn a_macro_with_its_own_global_allocator_builds_and_uses_it() {
    let component = build(&repo().join("tests/fixtures/own-allocator/Cargo.toml"), "own-allocator").0;
    let component = MacroComponent::from_file(&component).unwrap();
    let mut instance = instance(&component, "", 16);
    // 100 boxes and the vector holding them (collected from an exact-size iterator: one).
    assert_eq!(expand_bang(&mut instance, "count_allocations").unwrap(), "101");
}
