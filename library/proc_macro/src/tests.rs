//! Unit tests of the guest-side logic; the host is not involved (spans are bare ids).

use std::ffi::CStr;

use crate::bridge::context::{self, ExpnSpans};
use crate::bridge::flat;
use crate::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// Runs `f` as if inside an expansion whose call site is span 1.
fn expansion<R>(f: impl FnOnce() -> R) -> R {
    let spans = ExpnSpans { call_site: Span(1), def_site: Span(2), mixed_site: Span(3) };
    context::enter(spans, f)
}

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).unwrap_err();
    match payload.downcast_ref::<&str>() {
        Some(s) => s.to_string(),
        None => payload.downcast_ref::<String>().unwrap().clone(),
    }
}

#[test]
fn outside_an_expansion() {
    assert!(!crate::is_available());
    let msg = panic_message(|| {
        let _ = Span::call_site();
    });
    assert_eq!(msg, "procedural macro API is used outside of a procedural macro");
    // Building and displaying plain tokens needs no host.
    assert!(TokenStream::new().is_empty());
    assert_eq!(TokenStream::new().to_string(), "");
}

#[test]
fn inside_an_expansion() {
    expansion(|| {
        assert!(crate::is_available());
        assert_eq!(Span::call_site().0, 1);
        assert_eq!(Span::def_site().0, 2);
        assert_eq!(Span::mixed_site().0, 3);
    });
    assert!(!crate::is_available());
}

#[test]
fn context_is_cleared_on_panic() {
    let _ = std::panic::catch_unwind(|| expansion(|| panic!("boom")));
    assert!(!crate::is_available());
}

#[test]
fn literal_display() {
    expansion(|| {
        let cases: Vec<(Literal, &str)> = vec![
            (Literal::u8_suffixed(1), "1u8"),
            (Literal::i32_suffixed(-5), "-5i32"),
            (Literal::usize_unsuffixed(7), "7"),
            (Literal::u128_suffixed(u128::MAX), "340282366920938463463374607431768211455u128"),
            (Literal::f32_suffixed(1.0), "1f32"),
            (Literal::f32_unsuffixed(1.0), "1.0"),
            (Literal::f64_unsuffixed(0.5), "0.5"),
            (Literal::f64_suffixed(2.5), "2.5f64"),
            (Literal::f64_unsuffixed(1e20), "100000000000000000000.0"),
            (Literal::string("a\n\"b\"'"), "\"a\\n\\\"b\\\"'\""),
            (Literal::character('\''), "'\\''"),
            (Literal::character('"'), "'\"'"),
            (Literal::character('é'), "'é'"),
            (Literal::byte_character(b'\n'), "b'\\n'"),
            (Literal::byte_character(0xff), "b'\\xff'"),
            (Literal::byte_string(b"a\0\xff\""), "b\"a\\0\\xff\\\"\""),
            (Literal::c_string(CStr::from_bytes_with_nul(b"hi\n\0").unwrap()), "c\"hi\\n\""),
        ];
        for (lit, want) in cases {
            assert_eq!(lit.to_string(), want);
            assert_eq!(TokenTree::Literal(lit).to_string(), want);
        }
    });
}

#[test]
fn raw_literal_display_and_padding() {
    use crate::literal::LitKind;
    let raw = Literal::with_span(LitKind::StrRaw(2), "a\"b", None, Span(0));
    assert_eq!(raw.to_string(), "r##\"a\"b\"##");
    let craw = Literal::with_span(LitKind::CStrRaw(0), "x", Some("suf"), Span(0));
    assert_eq!(craw.to_string(), "cr\"x\"suf");
    // std formats every piece with the caller's options, the empty suffix included.
    let int = Literal::with_span(LitKind::Integer, "1", None, Span(0));
    assert_eq!(format!("{int:>2}"), " 1  ");
    assert_eq!(format!("{:?}", LitKind::ByteStrRaw(3)), "ByteStrRaw(3)");
}

#[test]
fn float_literals_refuse_non_finite() {
    let msg = panic_message(|| drop(Literal::f32_unsuffixed(f32::NAN)));
    assert_eq!(msg, "Invalid float literal NaN");
    let msg = panic_message(|| drop(Literal::f64_suffixed(f64::NEG_INFINITY)));
    assert_eq!(msg, "Invalid float literal -inf");
}

#[test]
fn punct_and_ident() {
    expansion(|| {
        let p = Punct::new('+', Spacing::Joint);
        assert_eq!((p.as_char(), p.spacing(), p.to_string()), ('+', Spacing::Joint, "+".into()));
        assert!(p == '+' && '+' == p);
        let msg = panic_message(|| drop(Punct::new('a', Spacing::Alone)));
        assert_eq!(msg, "unsupported character `'a'`");
        assert_eq!(Ident::new("foo", Span::call_site()).to_string(), "foo");
        assert_eq!(Ident::new_raw("fn", Span::call_site()).to_string(), "r#fn");
        assert_eq!(Ident::new("$crate", Span::call_site()).to_string(), "$crate");
        let msg = panic_message(|| drop(Ident::new("", Span(1))));
        assert_eq!(msg, "`\"\"` is not a valid identifier");
    });
}

#[test]
fn stream_building_shares_and_flattens() {
    expansion(|| {
        let a: TokenStream = [TokenTree::from(Ident::new("a", Span::call_site()))].into_iter().collect();
        let mut b = a.clone();
        b.extend([a.clone(), TokenStream::new(), a.clone()]);
        assert_eq!(a.clone().into_iter().count(), 1);
        assert_eq!(b.into_iter().count(), 3);
        let empty: TokenStream = Vec::<TokenTree>::new().into_iter().collect();
        assert!(empty.0.is_none());
        let mut e = TokenStream::new();
        e.extend(Vec::<TokenTree>::new());
        assert!(e.0.is_none());
    });
}

#[test]
fn dropping_a_stream_releases_what_its_trees_own() {
    expansion(|| {
        let literal = Literal::string("shared text");
        let symbol = literal.symbol.clone();
        let inner: TokenStream = [TokenTree::from(literal), TokenTree::from(Ident::new("x", Span::call_site()))].into_iter().collect();
        let body = inner.0.clone().unwrap();
        let outer: TokenStream = [
            TokenTree::from(Punct::new('#', Spacing::Alone)),
            TokenTree::from(Group::new(Delimiter::Bracket, inner)),
            TokenTree::from(Ident::new("y", Span::call_site())),
        ]
        .into_iter()
        .collect();
        // Held by: our handles, and the trees (the group's body; the literal inside it).
        assert_eq!((std::rc::Rc::strong_count(&body), std::rc::Rc::strong_count(&symbol)), (2, 2));
        drop(outer);
        assert_eq!(std::rc::Rc::strong_count(&body), 1, "the group was not dropped");
        drop(body);
        assert_eq!(std::rc::Rc::strong_count(&symbol), 1, "the literal was not dropped");
    });
}

#[test]
fn flat_round_trip() {
    expansion(|| {
        let inner: TokenStream = [
            TokenTree::from(Ident::new("x", Span(5))),
            TokenTree::from(Group::new(Delimiter::Bracket, TokenStream::from(TokenTree::from(Literal::u8_suffixed(1))))),
        ]
        .into_iter()
        .collect();
        let mut group = Group::new(Delimiter::Brace, inner);
        group.span.open = Span(7);
        let stream: TokenStream = [
            TokenTree::from(group),
            TokenTree::from(Punct::new(';', Spacing::Alone)),
            TokenTree::from(Group::new(Delimiter::None, TokenStream::new())),
        ]
        .into_iter()
        .collect();

        let flat = flat::to_flat(&stream);
        // A group's entry has kind 0 in the low bits of its first word, its body's length last.
        let lens: Vec<Option<u32>> =
            flat.words.chunks(flat::WORDS).map(|entry| (entry[0] & 3 == 0).then_some(entry[4])).collect();
        assert_eq!(lens, [Some(3), None, Some(1), None, None, Some(0)]);

        let back = flat::from_flat(flat.clone());
        assert_eq!(flat::to_flat(&back), flat);
        let TokenTree::Group(g) = back.into_iter().next().unwrap() else { panic!() };
        assert_eq!((g.delimiter(), g.span_open().0, g.span_close().0), (Delimiter::Brace, 7, 1));
        assert_eq!(g.stream().into_iter().count(), 2);
    });
}

#[test]
fn negative_literals_split_like_rustc() {
    expansion(|| {
        let lit = Literal::i32_suffixed(-5);
        assert_eq!(lit.to_string(), "-5i32");
        let trees: Vec<TokenTree> = TokenStream::from(TokenTree::from(lit)).into_iter().collect();
        assert_eq!(trees.len(), 2);
        assert!(matches!(&trees[0], TokenTree::Punct(p) if p.as_char() == '-' && p.spacing() == Spacing::Alone));
        assert_eq!(trees[1].to_string(), "5i32");
        let mut ts = TokenStream::new();
        ts.extend([TokenTree::from(Literal::f64_unsuffixed(-0.5)), TokenTree::from(Literal::string("-x"))]);
        let shown: Vec<String> = ts.into_iter().map(|t| t.to_string()).collect();
        assert_eq!(shown, ["-", "0.5", "\"-x\""]);
    });
}

/// `a+b {c}` as the compiler's lexer hands it over: `a` joint (a punct follows), `+` hidden
/// joint (an ident follows), the brace group hidden joint after its `{`.
/// Packed by hand, as `wit/bridge.wit` lays it out: word 0 holds the kind (bits 0-1: 0 group,
/// 1 ident, 2 punct) and spacing (bits 2-3: 0 alone, 1 joint, 2 joint-hidden); a group's
/// delimiter is at bits 4-5 (1: brace) and its body length in word 4; names are `text` ranges.
fn lexed_stream() -> TokenStream {
    use crate::bridge::wit::wasmacro::bridge::types as wt;
    let (joint, hidden) = (1 << 2, 2 << 2);
    let words = vec![
        1 | joint, 0, 0, 1, 0, // a
        2 | hidden, 0, '+' as u32, 0, 0, // +
        1, 0, 1, 1, 0, // b
        0 | hidden | 1 << 4, 0, 0, 0, 1, // { ... }
        1 | hidden, 0, 2, 1, 0, // c
    ];
    flat::from_flat(wt::TokenStream { words, text: "abc".into() })
}

fn spacings(stream: &TokenStream) -> Vec<String> {
    let name = |code: u32| ["Alone", "Joint", "JointHidden"][(code & 3) as usize];
    flat::to_flat(stream)
        .words
        .chunks(flat::WORDS)
        .map(|entry| match entry[0] & 3 {
            0 => format!("{}/{}", name(entry[0] >> 2), name(entry[0] >> 6)),
            _ => name(entry[0] >> 2).to_string(),
        })
        .collect()
}

#[test]
fn hidden_spacing_lives_only_in_streams_nobody_took_apart() {
    expansion(|| {
        let lexed = lexed_stream();
        let kept = ["Joint", "JointHidden", "Alone", "JointHidden/Alone", "JointHidden"];
        // Clones and concatenations of whole streams keep it.
        assert_eq!(spacings(&lexed), kept);
        let mut twice = lexed.clone();
        twice.extend([lexed.clone()]);
        assert_eq!(spacings(&twice)[5..], kept);
        // Trees handed out by iteration show, and keep, only a punct's `Joint`; a group keeps its
        // body as it was.
        let trees: Vec<TokenTree> = lexed.clone().into_iter().collect();
        assert!(matches!(&trees[1], TokenTree::Punct(p) if p.spacing() == Spacing::Alone));
        let rebuilt: TokenStream = trees.into_iter().collect();
        assert_eq!(spacings(&rebuilt), ["Alone", "Alone", "Alone", "Alone/Alone", "JointHidden"]);
        let TokenTree::Group(g) = lexed.into_iter().nth(3).unwrap() else { panic!() };
        assert_eq!(spacings(&g.stream()), ["JointHidden"]);
        // A negative literal put into a stream: `-` hidden joint with the number.
        let negative = TokenStream::from(TokenTree::from(Literal::i32_unsuffixed(-1)));
        assert_eq!(spacings(&negative), ["JointHidden", "Alone"]);
    });
}

#[test]
fn diagnostics_keep_their_parts_and_children_in_order() {
    use crate::{Diagnostic, Level};
    let spanned = Span(4).warning("top");
    assert!(matches!(spanned.level(), Level::Warning));
    assert_eq!((spanned.message(), spanned.spans().len()), ("top", 1));
    for (d, want) in [(Span(4).error("e"), "Error"), (Span(4).note("n"), "Note"), (Span(4).help("h"), "Help")] {
        assert_eq!(format!("{:?}", d.level()), want);
        assert_eq!(d.spans()[0].0, 4);
    }

    let d = Diagnostic::new(Level::Error, "top")
        .span_error(Span(5), "a")
        .error("b")
        .span_warning(vec![Span(6), Span(7)], "c")
        .warning("d")
        .span_note(&[Span(8)][..], "e")
        .note("f")
        .span_help(Span(9), "g")
        .help("h");
    let kids: Vec<(String, &str, Vec<u32>)> = d
        .children()
        .map(|c| (format!("{:?}", c.level()), c.message(), c.spans().iter().map(|s| s.0).collect()))
        .collect();
    let want: Vec<(String, &str, Vec<u32>)> = vec![
        ("Error".into(), "a", vec![5]),
        ("Error".into(), "b", vec![]),
        ("Warning".into(), "c", vec![6, 7]),
        ("Warning".into(), "d", vec![]),
        ("Note".into(), "e", vec![8]),
        ("Note".into(), "f", vec![]),
        ("Help".into(), "g", vec![9]),
        ("Help".into(), "h", vec![]),
    ];
    assert_eq!(kids, want);
    assert!(d.children().all(|c| c.children().next().is_none()));

    // `Debug` has the shape native rustc derives.
    let small = Diagnostic::new(Level::Error, "x").note("y");
    assert_eq!(
        format!("{:?}", small.children()),
        r#"Children(Iter([Diagnostic { level: Note, message: "y", spans: [], children: [] }]))"#
    );
    let mut it = small.children();
    it.next();
    assert_eq!(format!("{it:?}"), "Children(Iter([]))");
}

#[test]
fn extend_by_each_tree_type() {
    expansion(|| {
        let mut ts = TokenStream::new();
        ts.extend([Ident::new("a", Span(5))]);
        ts.extend([Punct::new('+', Spacing::Alone)]);
        ts.extend([Literal::i8_suffixed(-2)]);
        ts.extend([Group::new(Delimiter::Parenthesis, TokenStream::new())]);
        ts.extend(Vec::<Ident>::new());
        let trees: Vec<TokenTree> = ts.into_iter().collect();
        // Groups print through the host, so only the other trees are compared as text.
        let shown: Vec<String> = trees[..4].iter().map(|t| t.to_string()).collect();
        assert_eq!(shown, ["a", "+", "-", "2i8"]);
        assert!(matches!(&trees[4..], [TokenTree::Group(g)] if g.delimiter() == Delimiter::Parenthesis));
    });
}

#[test]
fn lone_tokens_are_lexed_without_the_host() {
    use crate::bridge::api::lone_token;
    use crate::literal::LitKind;
    let call_site = Span(7);
    let ident = |src: &str| match lone_token(src, call_site) {
        Some(TokenTree::Ident(i)) => {
            assert_eq!((i.span.0, i.is_raw), (7, false));
            i.to_string()
        }
        other => panic!("{src:?}: {other:?}"),
    };
    assert_eq!(ident("pub"), "pub");
    assert_eq!(ident("__display_reason"), "__display_reason");
    assert_eq!(ident("_"), "_");
    let literal = |src: &str| match lone_token(src, call_site) {
        Some(TokenTree::Literal(l)) => {
            assert_eq!((l.span.0, l.suffix.is_none()), (7, true));
            (l.kind, l.symbol.to_string())
        }
        other => panic!("{src:?}: {other:?}"),
    };
    assert_eq!(literal("0"), (LitKind::Integer, "0".into()));
    assert_eq!(literal("0042"), (LitKind::Integer, "0042".into()));
    assert_eq!(literal("\"len\""), (LitKind::Str, "len".into()));
    assert_eq!(literal("\"\""), (LitKind::Str, "".into()));
    assert_eq!(literal("\"two\nlines, ünïcode\""), (LitKind::Str, "two\nlines, ünïcode".into()));
    // Everything else is the host's: whitespace, several tokens, raw or non-ASCII identifiers,
    // suffixes, other number forms, escapes, a bare CR, unterminated strings.
    for other in [
        "", " pub", "pub ", "a b", "a::b", "r#type", "$crate", "é", "1u8", "1_000", "0x1f", "1.5", "1e3", "-1",
        "\"a\\\"b\"", "\"a\\nb\"", "\"a\rb\"", "\"open", "\"", "\"a\"s", "\"a\" ", "'c'", "b\"x\"", "// c", "a+",
    ] {
        assert!(lone_token(other, call_site).is_none(), "{other:?}");
    }
}
