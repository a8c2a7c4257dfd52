//! The sandbox: macros get no environment, files, clock or randomness unless `expand` grants
//! them, and a denied access fails inside the macro as an absent resource would.

mod support;

use std::path::PathBuf;

use support::*;

/// A folder with a file the macro may be granted, and one beside it that it never is.
fn secrets() -> (PathBuf, PathBuf) {
    let root = fixtures_target().join("sandbox");
    let granted = root.join("granted");
    let other = root.join("other");
    for dir in [&granted, &other] {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(granted.join("data.txt"), "granted contents\n").unwrap();
    std::fs::write(other.join("key.txt"), "private key\n").unwrap();
    (granted, other)
}

fn reads(file: &std::path::Path, grants: &[&str]) -> String {
    // One input file per call: tests run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let input = fixtures_target().join(format!("sandbox/reads-input-{call}.rs"));
    std::fs::write(&input, format!("\"WASMACRO_TEST_SECRET\", {:?}", file.to_str().unwrap())).unwrap();
    let run = run(wasmacro()
        .arg("expand")
        .arg("--component")
        .arg(misbehaving())
        .args(["--bang", "reads"])
        .args(grants)
        .arg(&input)
        // Set in the host's environment: the macro must still not see it unless granted.
        .env("WASMACRO_TEST_SECRET", "s3cret"));
    assert!(run.status.success(), "{}", run.stderr);
    run.stdout.trim().to_string()
}

#[test]
fn nothing_is_granted_by_default() {
    let (granted, _) = secrets();
    assert_eq!(reads(&granted.join("data.txt"), &[]), r#""env: Err(NotPresent); file: Err(NotFound)""#);
}

#[test]
fn granted_env_vars_and_directories_are_visible_and_nothing_else() {
    let (granted, other) = secrets();
    let dir = granted.to_str().unwrap();
    let grants = ["--allow-env", "WASMACRO_TEST_SECRET", "--allow-read", dir];
    assert_eq!(reads(&granted.join("data.txt"), &grants), r#""env: Ok(s3cret); file: Ok(granted contents)""#);
    // A sibling of the granted folder, and a path escaping it, stay closed.
    assert_eq!(reads(&other.join("key.txt"), &grants), r#""env: Ok(s3cret); file: Err(NotFound)""#);
    // `..` out of a granted folder is refused by the capability, not resolved on the host.
    let escape = granted.join("../other/key.txt");
    assert_eq!(reads(&escape, &grants), r#""env: Ok(s3cret); file: Err(PermissionDenied)""#);
    // An explicit value wins over nothing at all.
    assert_eq!(
        reads(&granted.join("data.txt"), &["--env", "WASMACRO_TEST_SECRET=given"]),
        r#""env: Ok(given); file: Err(NotFound)""#
    );
}

#[test]
fn clock_and_randomness_can_be_granted() {
    let probe = |grants: &[&str]| {
        let run = run(wasmacro()
            .arg("expand")
            .arg("--component")
            .arg(misbehaving())
            .args(["--bang", "sandbox_probe"])
            .args(grants)
            .arg(repo().join("examples/inputs/hex.rs")));
        assert!(run.status.success(), "{}", run.stderr);
        run.stdout
    };
    assert!(probe(&[]).contains("clock: 0;"));
    let real = probe(&["--real-clock"]);
    let secs: u64 = real.split("clock: ").nth(1).unwrap().split(';').next().unwrap().parse().unwrap();
    assert!(secs > 1_700_000_000, "the real clock is granted: {real}");
    // Fresh randomness: two runs hash differently (a fixed seed would repeat).
    assert_ne!(probe(&["--real-random"]), probe(&["--real-random"]));
}

#[test]
fn expand_names_env_vars_the_macro_asked_for_but_was_not_granted() {
    let component = build(&repo().join("tests/fixtures/nightly-features/Cargo.toml"), "nightly-features").0;
    let input = fixtures_target().join("sandbox/tracked-input.rs");
    std::fs::create_dir_all(input.parent().unwrap()).unwrap();
    std::fs::write(&input, "WASMACRO_TRACKED\n").unwrap();
    let denied = run(wasmacro().arg("expand").arg("--component").arg(&component).args(["--bang", "tracked"]).arg(&input).env("WASMACRO_TRACKED", "x"));
    assert!(denied.status.success(), "{}", denied.stderr);
    assert_eq!(denied.stdout.trim(), r#""Err(NotPresent)""#);
    assert!(
        denied.stderr.contains("note: the macro asked for the environment variable `WASMACRO_TRACKED`, which was not granted; grant it with `--env WASMACRO_TRACKED=VALUE` or `--allow-env WASMACRO_TRACKED`"),
        "{}",
        denied.stderr
    );
    let granted = run(wasmacro()
        .arg("expand")
        .arg("--component")
        .arg(&component)
        .args(["--bang", "tracked", "--allow-env", "WASMACRO_TRACKED"])
        .arg(&input)
        .env("WASMACRO_TRACKED", "x"));
    assert_eq!(granted.stdout.trim(), r#""Ok(\"x\")""#);
    assert!(!granted.stderr.contains("not granted"), "{}", granted.stderr);
}
