use super::*;
use crate::standalone::StandaloneBackend;

#[test]
fn op_codes_are_their_positions() {
    for (code, op) in OPS.iter().enumerate() {
        assert_eq!(*op as usize, code, "{op:?}");
    }
}

/// Every kind of call answers through the wire as the backend answers directly.
#[test]
fn a_remote_backend_answers_as_the_backend() {
    let source = "fn main() { let s = \"text\"; x.y(1u8) }";
    let mut direct = StandaloneBackend::new("src/main.rs", source);
    let mut served = StandaloneBackend::new("src/main.rs", source);
    let mut lent: &mut dyn Backend = &mut served;
    let mut remote = unsafe { RemoteBackend::new(serve_backend, &mut lent as *mut &mut dyn Backend as *mut c_void) };

    let stream = direct.parse(source).unwrap();
    assert_eq!(remote.parse(source).unwrap(), stream);
    assert_eq!(remote.parse("a )").unwrap_err(), direct.parse("a )").unwrap_err());
    assert_eq!(remote.parse_literal("1.5f32"), direct.parse_literal("1.5f32"));
    assert_eq!(remote.print(&stream), direct.print(&stream));
    assert_eq!(remote.print_bounded(&stream, 5), None);
    assert_eq!(remote.expand_expr(stream.clone()), direct.expand_expr(stream.clone()));
    assert_eq!(remote.validate_ident("caf\u{65}\u{301}", false, 1), direct.validate_ident("caf\u{65}\u{301}", false, 1));
    for span in [0, 1, 2] {
        assert_eq!(remote.span_debug(span), direct.span_debug(span));
        assert_eq!(remote.span_source_text(span), direct.span_source_text(span));
        assert_eq!((remote.span_line(span), remote.span_column(span)), (direct.span_line(span), direct.span_column(span)));
        assert_eq!(remote.span_file(span), direct.span_file(span));
        assert_eq!(remote.span_local_file(span), direct.span_local_file(span));
        assert_eq!(remote.span_byte_range(span), direct.span_byte_range(span));
        assert_eq!(remote.span_join(span, 2), direct.span_join(span, 2));
        assert_eq!(remote.span_subspan(span, 0, 1), direct.span_subspan(span, 0, 1));
        assert_eq!(remote.span_resolved_at(span, 2), direct.span_resolved_at(span, 2));
        assert_eq!(remote.span_parent(span), direct.span_parent(span));
        assert_eq!(remote.span_source(span), direct.span_source(span));
        assert_eq!(remote.span_start(span), direct.span_start(span));
        assert_eq!(remote.span_end(span), direct.span_end(span));
        assert_eq!(remote.span_eq(span, 1), direct.span_eq(span, 1));
        assert_eq!(remote.span_is_valid(span), direct.span_is_valid(span));
    }
    assert!(!remote.span_is_valid(1 << 30));
    let saved = remote.save_span(2);
    assert_eq!(saved, direct.save_span(2));
    assert_eq!(remote.recover_proc_macro_span(saved), direct.recover_proc_macro_span(saved));
    let diagnostic = Diagnostic {
        level: crate::Level::Warning,
        message: "look".into(),
        spans: vec![1, 2],
        children: vec![crate::SubDiagnostic { level: crate::Level::Note, message: "here".into(), spans: vec![] }],
    };
    remote.emit_diagnostic(diagnostic.clone());
    assert_eq!(remote.tracked_env_var("PATH"), None);
    remote.tracked_path("a/b");
    assert_eq!(served.diagnostics(), &[diagnostic]);
}

#[test]
fn a_panic_of_the_backend_comes_back_as_a_panic() {
    let mut served = StandaloneBackend::new("a.rs", "x");
    let mut lent: &mut dyn Backend = &mut served;
    let mut remote = unsafe { RemoteBackend::new(serve_backend, &mut lent as *mut &mut dyn Backend as *mut c_void) };
    // The standalone model panics on a span id it never handed out.
    let caught = std::panic::catch_unwind(AssertUnwindSafe(|| remote.span_line(1 << 30))).unwrap_err();
    let message = caught.downcast_ref::<String>().expect("a message");
    assert!(message.contains("out of bounds"), "{message}");
}
