//! `cargo wasmacro expand`: diagnostics a macro emits render like rustc's, span queries answer
//! from the input file, and output is pretty-printed.

mod support;

use std::path::PathBuf;
use std::sync::OnceLock;

use support::*;

fn nightly_features() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| build(&repo().join("tests/fixtures/nightly-features/Cargo.toml"), "nightly-features").0).clone()
}

const INPUT: &str = "tests/fixtures/nightly-features/input.rs";

fn expand_bang(name: &str) -> Run {
    let mut cmd = wasmacro();
    cmd.current_dir(repo()).arg("expand").arg("--component").arg(nightly_features()).args(["--bang", name, INPUT]);
    run(&mut cmd)
}

#[test]
fn emitted_diagnostics_render_like_rustc() {
    let run = expand_bang("complain");
    assert!(!run.status.success(), "an emitted error fails the expansion");
    let expected_warning = "\
warning: this token looks suspicious
 --> tests/fixtures/nightly-features/input.rs:1:1
  |
1 | let total =
  | ^^^
  |
  = help: consider another one
";
    let expected_error = "\
error: this one is wrong
 --> tests/fixtures/nightly-features/input.rs:2:19
  |
2 |     first + second;
  |                   ^
";
    assert!(run.stderr.contains(expected_warning), "{}", run.stderr);
    assert!(run.stderr.contains(expected_error), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "an empty expansion prints nothing: {:?}", run.stdout);
}

#[test]
fn span_queries_answer_from_the_input_file() {
    let run = expand_bang("locate");
    assert!(run.status.success(), "{}", run.stderr);
    let source = std::fs::read_to_string(repo().join(INPUT)).unwrap();
    let start = source.find("let").unwrap();
    // Computed here from the input text, independently of the host: line and column are 1-based.
    let expected = format!(
        "\"{INPUT}:1:1 bytes {start}..{end} text Some(\\\"let\\\") local true; joined Some({start}..{end}); def_site available true\"",
        end = start + 3
    );
    assert_eq!(run.stdout.trim(), expected);
}

#[test]
fn invalid_input_is_reported_like_rustc_reports_lexer_errors() {
    let misbehaving = misbehaving();
    let expand_stdin = |input: &str| {
        use std::io::Write;
        let mut child = wasmacro()
            .arg("expand")
            .arg("--component")
            .arg(&misbehaving)
            .args(["--bang", "echo", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(!out.status.success(), "invalid input must fail");
        String::from_utf8(out.stderr).unwrap()
    };

    let unterminated = expand_stdin("let s = \"abc;\n");
    let expected = "\
error: unterminated double quote string
 --> <stdin>:1:9
  |
1 | let s = \"abc;
  |         ^^^^^
";
    assert!(unterminated.contains(expected), "{unterminated}");

    // Recoverable errors are all reported, as rustc does, each at its place.
    let recoverable = expand_stdin("let s = \"abc\\q\";\nlet t = `x`;\n");
    assert!(recoverable.contains("error: unknown character escape: `q`\n --> <stdin>:1:13"), "{recoverable}");
    assert!(recoverable.contains("error: unknown start of token: `\n --> <stdin>:2:9"), "{recoverable}");
    assert!(recoverable.contains("error: the expansion failed with 3 errors"), "{recoverable}");
}

#[test]
fn an_attribute_written_on_the_item_keeps_its_spans() {
    let tracing = build(&real_crate_manifest("tracing-attributes"), "tracing-attributes").0;
    let input = fixtures_target().join("scratch/instrument.rs");
    std::fs::create_dir_all(input.parent().unwrap()).unwrap();
    std::fs::write(&input, "/// Works.\n#[instrument(skip(missing))]\nfn work(value: u32) -> u32 { value }\n").unwrap();
    let rejected = run(wasmacro().arg("expand").arg("--component").arg(&tracing).args(["--attr", "instrument"]).arg(&input));
    assert!(!rejected.status.success());
    // As rustc reports it: at `missing`, inside the attribute, in the user's file.
    let expected = "\
error: attempting to skip non-existent parameter
 --> ";
    assert!(rejected.stderr.contains(expected), "{}", rejected.stderr);
    assert!(rejected.stderr.contains("instrument.rs:2:19\n"), "{}", rejected.stderr);

    // The attribute is taken off the item; other attributes stay, as rustc passes them.
    let attr_macro = build(&repo().join("examples/attr-macro/Cargo.toml"), "attr-macro").0;
    std::fs::write(&input, "/// Connects.\n#[tag(\"network\", priority = 3)]\npub fn connect() {}\n").unwrap();
    let run = run(wasmacro().arg("expand").arg("--component").arg(&attr_macro).args(["--attr", "tag"]).arg(&input));
    assert!(run.status.success(), "{}", run.stderr);
    assert_eq!(run.stdout, "/// Connects.\npub fn connect() {}\npub const CONNECT_TAG: (&str, u32) = (\"network\", 3);\n");
}
