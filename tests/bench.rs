//! `cargo wasmacro bench` end to end on the bang-macro example: the native macro and the
//! component through its shim both run inside a nightly rustc, and the times come from rustc's
//! self-profile. Only that every side was measured is checked, not how fast it was.

mod support;

use support::*;

/// The row of `macro` in the per-expansion table: its cells, split on runs of two spaces.
fn row<'a>(stdout: &'a str, macro_name: &str) -> Vec<&'a str> {
    let line = stdout.lines().find(|l| l.trim_start().starts_with(&format!("{macro_name} "))).expect("a row for the macro");
    line.split("  ").map(str::trim).filter(|cell| !cell.is_empty()).collect()
}

fn micros(cell: &str) -> f64 {
    cell.parse().unwrap_or_else(|_| panic!("`{cell}` is not a time in µs"))
}

#[test]
fn times_a_macro_natively_and_as_a_component_inside_rustc() {
    let example = repo().join("examples/bang-macro");
    let input = repo().join("examples/inputs/hex.rs");
    let run = run(wasmacro()
        .arg("bench")
        .arg("--crate")
        .arg(&example)
        .args(["--bang", "hex", "--use", "use bang_macro::hex;", "--native", "release", "--samples", "2", "--copies", "2"])
        .arg("--target-dir")
        .arg(fixtures_target())
        .arg(&input));
    assert!(run.status.success(), "bench failed");
    assert!(run.stdout.contains("Inside rustc"), "the table says how it was measured");
    // Columns: macro, input, tokens in, tokens out, bridge calls, native debug, native release,
    // component, overhead vs release, component/release, component/debug, host alone.
    let cells = row(&run.stdout, "hex");
    assert_eq!(cells.len(), 12, "{cells:?}");
    assert_eq!((cells[2], cells[3]), ("1", "9"), "one string literal in, nine tokens out (`[0xdeu8, 0xad, 0xbe, 0xef]`)");
    assert_eq!(cells[5], "-", "the debug build was not asked for");
    let (native, component, host_alone) = (micros(cells[6]), micros(cells[7]), micros(cells[11]));
    assert!(native > 0.0 && component > 0.0 && host_alone > 0.0, "{cells:?}");
    // The overhead is the difference of the two, signed.
    assert!((micros(cells[8]) - (component - native)).abs() < 0.2, "{cells:?}");
}
