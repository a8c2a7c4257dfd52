//! The host library's C interface, driven the way a shim drives it but outside rustc, with the
//! standalone backend behind the callbacks: what the macro returns, its panics, its faults and
//! a broken request each come back as the status and message a shim turns into rustc's answer,
//! and nothing unwinds out of the library.

mod support;

use std::ffi::c_void;
use std::path::PathBuf;
use std::sync::OnceLock;

use wasmacro_host::host_library::HostLibrary;
use wasmacro_host::remote::{self, ExpandRequest, ExpandStatus, MacroKind, OpenRequest, collect, serve_backend};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::tokens::Token;
use wasmacro_backend::packed;
use wasmacro_host::{Backend, wire};

use support::*;

/// The host library `cargo wasmacro shim` installs, found in the shim it generates for the
/// misbehaving fixture, and loaded into this process.
fn host() -> &'static HostLibrary {
    static HOST: OnceLock<HostLibrary> = OnceLock::new();
    HOST.get_or_init(|| {
        let out = fixtures_target().join("host-library-shim");
        let run = run(wasmacro().arg("shim").arg(misbehaving()).args(["--name", "misbehaving", "-o"]).arg(&out));
        assert!(run.status.success(), "{}", run.stderr);
        let lib_rs = std::fs::read_to_string(out.join("src/lib.rs")).unwrap();
        let path = lib_rs.split("host_library: \"").nth(1).and_then(|rest| rest.split('"').next()).expect("the shim names its host library");
        let path = PathBuf::from(path);
        assert!(path.is_file(), "{}", path.display());
        HostLibrary::load(&path).unwrap()
    })
}

/// Opens the misbehaving component with a 2-second deadline; returns its handle.
fn open() -> *const c_void {
    open_with(2)
}

fn open_with(deadline_secs: u64) -> *const c_void {
    let request = wire::encode(&OpenRequest { crate_name: "misbehaving".into(), deadline_secs, ..OpenRequest::default() });
    let component = std::fs::read(misbehaving()).unwrap();
    let (handle, message) =
        collect(|sink, ctx| unsafe { (host().open)(request.as_ptr(), request.len(), component.as_ptr(), component.len(), sink, ctx) });
    assert!(!handle.is_null(), "{}", String::from_utf8_lossy(&message));
    handle
}

/// Sends `request` bytes with `serve` and `serve_ctx` behind the callbacks.
fn call_expand(handle: *const c_void, request: &[u8], serve: remote::Serve, serve_ctx: *mut c_void) -> (ExpandStatus, Vec<u8>) {
    let (status, payload) =
        collect(|sink, ctx| unsafe { (host().expand)(handle, request.as_ptr(), request.len(), serve, serve_ctx, sink, ctx) });
    (ExpandStatus::from_code(status).expect("a known status"), payload)
}

/// Sends `request` bytes with `backend` behind the callbacks.
fn expand_raw(handle: *const c_void, backend: &mut StandaloneBackend, request: &[u8]) -> (ExpandStatus, Vec<u8>) {
    let mut lent: &mut dyn Backend = backend;
    call_expand(handle, request, serve_backend, &mut lent as *mut &mut dyn Backend as *mut c_void)
}

/// The request to expand the function-like macro `name` on `backend`'s file.
fn request(name: &str, backend: &mut StandaloneBackend) -> Vec<u8> {
    wire::encode(&ExpandRequest {
        kind: MacroKind::Function,
        name: name.into(),
        input: backend.lex_file().unwrap(),
        args: None,
        spans: backend.expansion_spans(),
        lex_runs: true,
    })
}

fn expand(handle: *const c_void, name: &str, source: &str) -> (StandaloneBackend, ExpandStatus, Vec<u8>) {
    let mut backend = StandaloneBackend::new("input.rs", source);
    let request = request(name, &mut backend);
    let (status, payload) = expand_raw(handle, &mut backend, &request);
    (backend, status, payload)
}

#[test]
fn outputs_panics_and_faults_cross_as_statuses() {
    let handle = open();

    let (mut backend, status, payload) = expand(handle, "echo", "a + \"b\" (c)");
    assert_eq!(status, ExpandStatus::Expanded);
    let output: Vec<Token> = packed::tokens_from_payload(&payload).unwrap();
    assert_eq!(output, backend.lex_file().unwrap(), "echo returns its input, spans included");

    let (_, status, payload) = expand(handle, "panics", "");
    assert_eq!((status, wire::decode::<Option<String>>(&payload).unwrap()), (ExpandStatus::Panicked, Some("boom: 42 went wrong".into())));

    let (_, status, payload) = expand(handle, "panics_with_number", "");
    assert_eq!((status, wire::decode::<Option<String>>(&payload).unwrap()), (ExpandStatus::Panicked, None));

    // The host asks the backend, through a callback, whether the forged span is valid.
    let (_, status, payload) = expand(handle, "forges_span", "x");
    let message: String = wire::decode(&payload).unwrap();
    assert_eq!(status, ExpandStatus::Failed, "{message}");
    assert!(message.starts_with("the macro component of `misbehaving` failed: the macro broke the bridge contract"), "{message}");

    let (_, status, payload) = expand(handle, "loops", "");
    let message: String = wire::decode(&payload).unwrap();
    assert_eq!(status, ExpandStatus::Failed, "{message}");
    assert!(message.contains("ran past its deadline of 2 s"), "{message}");

    let (_, status, payload) = expand(handle, "no_such_macro", "");
    let message: String = wire::decode(&payload).unwrap();
    assert!(status == ExpandStatus::Failed && message.contains("has no macro named `no_such_macro`"), "{message}");

    // A request the library cannot read is a bug of the shim: reported, not unwound.
    let (status, payload) = expand_raw(handle, &mut StandaloneBackend::new("input.rs", ""), b"\x07garbage");
    let message = wire::decode::<Option<String>>(&payload).unwrap().unwrap();
    assert_eq!(status, ExpandStatus::Panicked);
    assert!(message.starts_with("malformed message between the shim and the wasmacro host library"), "{message}");

    // After all that, the instance still serves.
    let (_, status, _) = expand(handle, "echo", "still here");
    assert_eq!(status, ExpandStatus::Expanded);
}

/// A shim generated with `--deadline-secs 0` opens its component without deadline checks.
#[test]
fn without_a_deadline_the_component_still_expands() {
    let handle = open_with(0);
    let (mut backend, status, payload) = expand(handle, "echo", "x y");
    assert_eq!(status, ExpandStatus::Expanded);
    assert_eq!(packed::tokens_from_payload(&payload).unwrap(), backend.lex_file().unwrap());
    let (_, status, _) = expand(handle, "panics", "");
    assert_eq!(status, ExpandStatus::Panicked);
}

#[test]
fn a_component_that_does_not_load_is_an_error_message() {
    let request = wire::encode(&OpenRequest { crate_name: "broken".into(), ..OpenRequest::default() });
    let bytes = b"\0asm not really";
    let (handle, message) = collect(|sink, ctx| unsafe { (host().open)(request.as_ptr(), request.len(), bytes.as_ptr(), bytes.len(), sink, ctx) });
    let message = String::from_utf8(message).unwrap();
    assert!(handle.is_null());
    assert!(message.starts_with("cannot load the macro component of `broken`: "), "{message}");
}

/// A [`remote::Serve`] whose every answer is a panic of the backend.
unsafe extern "C" fn serve_panicking(_: *mut c_void, _: *const u8, _: usize, sink: remote::Sink, sink_ctx: *mut c_void) -> u32 {
    let message = b"the backend gave up";
    unsafe { sink(sink_ctx, message.as_ptr(), message.len()) };
    remote::SERVE_PANICKED
}

/// Runs the misbehaving `forges_span`, whose span question reaches the backend, with a backend
/// that panics: the expansion ends as that panic.
fn interrupt(handle: *const c_void) {
    let request = request("forges_span", &mut StandaloneBackend::new("input.rs", "x"));
    let (status, payload) = call_expand(handle, &request, serve_panicking, std::ptr::null_mut());
    assert_eq!(status, ExpandStatus::Panicked);
    assert_eq!(wire::decode::<Option<String>>(&payload).unwrap().as_deref(), Some("the backend gave up"));
}

/// A panic of the compiler's side, in the middle of an expansion, is that expansion's panic;
/// the next expansion gets a fresh instance instead of one left inside an interrupted call.
#[test]
fn a_backend_panic_ends_only_its_expansion() {
    let handle = open();
    interrupt(handle);
    for _ in 0..2 {
        let (mut backend, status, payload) = expand(handle, "echo", "after the panic");
        assert_eq!(status, ExpandStatus::Expanded, "{}", String::from_utf8_lossy(&payload));
        assert_eq!(packed::tokens_from_payload(&payload).unwrap(), backend.lex_file().unwrap());
    }
}

/// One instance serves every expansion, so a macro's statics carry over, as in a native proc
/// macro library; a backend panic in the middle of an expansion replaces the instance (its
/// state may be half-changed), so they start over.
#[test]
fn statics_carry_over_until_an_expansion_is_interrupted() {
    let handle = open();
    let count = || {
        let (_, status, payload) = expand(handle, "counts", "");
        assert_eq!(status, ExpandStatus::Expanded, "{}", String::from_utf8_lossy(&payload));
        match packed::tokens_from_payload(&payload).unwrap().as_slice() {
            [Token::Literal(literal)] => literal.symbol.clone(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!((count(), count(), count()), ("0".into(), "1".into(), "2".into()));
    interrupt(handle);
    assert_eq!((count(), count()), ("0".into(), "1".into()));
    // A panic the macro catches traps on the fast variant the library starts on; the expansion
    // runs again on the component as built after a replay of the earlier ones (with the
    // answers the shim gave then), so it succeeds and the static goes on.
    let (_, status, payload) = expand(handle, "catches_its_panic", "x");
    assert_eq!(status, ExpandStatus::Expanded, "{}", String::from_utf8_lossy(&payload));
    assert_eq!((count(), count()), ("2".into(), "3".into()));
}
