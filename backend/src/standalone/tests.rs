//! Tests of the standalone backend. Printer expectations cite the rustc rule they follow.

use super::*;
use crate::tokens::Delimiter;

/// Compact description of a flat stream: `a` ident, `r#a` raw ident, `+` alone punct,
/// `+~` joint punct, `<Kind:symbol:suffix>` literal, `(...)` groups.
fn describe(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut ends: Vec<(usize, char)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        while let Some(&(end, c)) = ends.last() {
            if end == i {
                out.push(c);
                ends.pop();
            } else {
                break;
            }
        }
        if !out.is_empty() && !out.ends_with(['(', '[', '{', '«']) {
            out.push(' ');
        }
        match t {
            Token::Group(g) => {
                let (o, c) = match g.delimiter {
                    Delimiter::Parenthesis => ('(', ')'),
                    Delimiter::Bracket => ('[', ']'),
                    Delimiter::Brace => ('{', '}'),
                    Delimiter::None => ('«', '»'),
                };
                out.push(o);
                ends.push((i + 1 + g.len as usize, c));
            }
            Token::Ident(id) => {
                if id.is_raw {
                    out.push_str("r#");
                }
                out.push_str(&id.name);
            }
            Token::Punct(p) => {
                out.push(p.ch);
                if p.is_joint() {
                    out.push('~');
                }
            }
            Token::Literal(l) => {
                out.push_str(&format!("<{:?}:{}", l.kind, l.symbol));
                if let Some(s) = &l.suffix {
                    out.push_str(&format!(":{s}"));
                }
                out.push('>');
            }
        }
    }
    while let Some((_, c)) = ends.pop() {
        out.push(c);
    }
    out
}

fn backend(src: &str) -> StandaloneBackend {
    StandaloneBackend::new("src/lib.rs", src)
}

/// Lexes as `TokenStream::from_str` does.
fn lex(src: &str) -> String {
    let mut b = backend("");
    match b.parse(src) {
        Ok(t) => describe(&t),
        Err(e) => format!("ERR {e}"),
    }
}

/// The diagnostics `TokenStream::from_str` would emit.
fn lex_diags(src: &str) -> Vec<String> {
    let mut b = backend("");
    let _ = b.parse(src);
    b.diagnostics().iter().map(|d| d.message.clone()).collect()
}

#[test]
fn integers_and_floats() {
    assert_eq!(
        lex("0 1_000 0x1F 0o17 0b1010_u8 1u8 1f32 0x1f32"),
        "<Integer:0> <Integer:1_000> <Integer:0x1F> <Integer:0o17> <Integer:0b1010_:u8> <Integer:1:u8> <Integer:1:f32> <Integer:0x1f32>"
    );
    assert_eq!(
        lex("1. 1e3 1.0e-3f32 2.5E+10 1_0.0_1"),
        "<Float:1.> <Float:1e3> <Float:1.0e-3:f32> <Float:2.5E+10> <Float:1_0.0_1>"
    );
    // `1.foo` and `1..2` keep the integer whole; `1.e3` is a field access.
    assert_eq!(
        lex("1.foo 1..2 1.e3"),
        "<Integer:1> . foo <Integer:1> .~ . <Integer:2> <Integer:1> . e3"
    );
    assert_eq!(lex("x.0.1"), "x . <Float:0.1>");
}

#[test]
fn quoted_literals() {
    assert_eq!(
        lex(r#"'a' '\n' '\u{1F980}' b'x' b'\xFF'"#),
        r#"<Char:a> <Char:\n> <Char:\u{1F980}> <Byte:x> <Byte:\xFF>"#
    );
    assert_eq!(
        lex(r####""a\"b" r"x" r##"a"#b"## b"x" br#"y"# c"z" cr"w""####),
        r####"<Str:a\"b> <StrRaw(0):x> <StrRaw(2):a"#b> <ByteStr:x> <ByteStrRaw(1):y> <CStr:z> <CStrRaw(0):w>"####
    );
    // Suffixes on every kind.
    assert_eq!(
        lex(r#""s"suf 'c'x b"b"y r"r"z 1.5foo"#),
        "<Str:s:suf> <Char:c:x> <ByteStr:b:y> <StrRaw(0):r:z> <Float:1.5:foo>"
    );
    // Line continuations are valid escapes.
    assert_eq!(lex("\"a\\\n   b\""), "<Str:a\\\n   b>");
}

#[test]
fn identifiers_and_lifetimes() {
    assert_eq!(
        lex("r#fn r#match _ __x ünïcödé"),
        "r#fn r#match _ __x ünïcödé"
    );
    // NFC: `e` + combining acute becomes `é`.
    assert_eq!(lex("e\u{301}"), "\u{e9}");
    // Lifetimes are a joint `'` and an ident with the lifetime's span.
    assert_eq!(lex("'a 'static 'r#fn"), "'~ a '~ static '~ r#fn");
    let mut b = backend("");
    let t = b.parse("'a").unwrap();
    let (Token::Punct(q), Token::Ident(a)) = (&t[0], &t[1]) else {
        panic!()
    };
    assert_eq!(
        (q.span, a.span),
        (b.expansion_spans().call_site, b.expansion_spans().call_site)
    );
}

#[test]
fn punct_spacing() {
    // A punct is joint when the next token is punctuation with nothing in between; the last
    // char of an operator takes the operator's spacing (rustc `calculate_spacing`).
    assert_eq!(lex("a::b"), "a :~ : b");
    assert_eq!(lex("x=-1"), "x =~ - <Integer:1>");
    assert_eq!(lex("&&&x"), "&~ &~ & x");
    assert_eq!(lex("a<-b"), "a <~ - b");
    assert_eq!(lex("+(x)"), "+ (x)");
    assert_eq!(lex("+'a"), "+ '~ a");
    assert_eq!(lex("x+ +y"), "x + + y");
    assert_eq!(lex("a+/**/+b"), "a + + b");
    assert_eq!(lex("a#!x"), "a #~ ! x");
    // At the very start, `#!x` is a shebang line, which `TokenStream::from_str` strips.
    assert_eq!(lex("#!x"), "");
    assert_eq!(lex("..=.."), ".~ .~ =~ .~ .");
}

#[test]
fn doc_comments() {
    assert_eq!(
        lex("/// hi \"there\"\nx"),
        r#"# [doc = <Str: hi \"there\">] x"#
    );
    assert_eq!(lex("//! inner"), "# ! [doc = <Str: inner>]");
    assert_eq!(
        lex("/** block\n it's */"),
        r"# [doc = <Str: block\n it\'s >]"
    );
    assert_eq!(lex("/*! in */"), "# ! [doc = <Str: in >]");
    // Not doc comments: `////`, `/***`, `/**/`; block comments nest.
    assert_eq!(lex("//// no\n/*** no */ /**/ /* a /* b */ c */ x"), "x");
}

#[test]
fn bom_shebang_and_newlines() {
    assert_eq!(lex("\u{feff}x"), "x");
    assert_eq!(lex("#!/usr/bin/env run\nx"), "x");
    // `#![` starts an inner attribute, not a shebang.
    assert_eq!(lex("#![allow(x)]"), "#~ ! [allow (x)]");
    assert_eq!(lex("a\r\nb"), "a b");
    // `Literal::from_str` strips nothing.
    let mut b = backend("");
    assert_eq!(b.parse_literal("#!x\n1").unwrap_err(), "not a literal");
}

#[test]
fn delimiters() {
    assert_eq!(lex("(a [b {c}])"), "(a [b {c}])");
    assert_eq!(lex("(a"), "ERR this file contains an unclosed delimiter");
    assert_eq!(lex("a)"), "ERR unexpected closing delimiter: `)`");
    assert_eq!(lex("(a]"), "ERR mismatched closing delimiter: `]`");
    assert_eq!(lex("{(}"), "ERR mismatched closing delimiter: `}`");
    assert!(
        lex_diags("(a]").is_empty(),
        "delimiter errors are returned, not emitted"
    );
}

#[test]
fn fatal_errors() {
    for (src, msg) in [
        ("\"abc", "unterminated double quote string"),
        ("b\"abc", "unterminated double quote byte string"),
        ("c\"abc", "unterminated C string"),
        ("'\\n", "unterminated character literal"),
        ("b'a", "unterminated byte constant"),
        ("/* a /* b */", "unterminated block comment"),
        ("/** a", "unterminated block doc-comment"),
        ("r#\"a\"", "unterminated raw string"),
        (
            "r##x\"\"##",
            "found invalid character; only `#` is allowed in raw string delimitation: x",
        ),
    ] {
        assert_eq!(lex(src), "ERR failed to parse to tokenstream", "{src}");
        assert_eq!(lex_diags(src), vec![msg.to_string()], "{src}");
    }
}

#[test]
fn recoverable_errors() {
    for (src, tokens, msg) in [
        (
            r#""a\qb""#,
            r#"<Err:"a\qb">"#,
            "unknown character escape: `q`",
        ),
        (
            r#"b"\u{41}""#,
            r#"<Err:b"\u{41}">"#,
            "unicode escape in byte string",
        ),
        (
            "b\"é\"",
            "<Err:b\"é\">",
            "non-ASCII character in byte string literal",
        ),
        ("''", "<Err:''>", "empty character literal"),
        (
            "'ab'",
            "<Err:'ab'>",
            "character literal may only contain one codepoint",
        ),
        (r#""\x80""#, r#"<Err:"\x80">"#, "out of range hex escape"),
        (
            r#""\u{110000}""#,
            r#"<Err:"\u{110000}">"#,
            "invalid unicode character escape",
        ),
        (
            r#""\u{1234567}""#,
            r#"<Err:"\u{1234567}">"#,
            "overlong unicode escape",
        ),
        (
            r#"c"\0""#,
            r#"<Err:c"\0">"#,
            "null characters in C string literals are not supported",
        ),
        ("0x", "<Err:0x>", "no valid digits found for number"),
        ("0b12", "<Err:0b12>", "invalid digit for a base 2 literal"),
        ("1e", "<Err:1e>", "expected at least one digit in exponent"),
        (
            "0x1.5",
            "<Err:0x1.5>",
            "hexadecimal float literal is not supported",
        ),
        (
            "\"a\"_",
            "<Str:a>",
            "underscore literal suffix is not allowed",
        ),
        ("a ` b", "a b", "unknown start of token: `"),
        ("a \u{a0} b", "a b", "unknown start of token: \\u{a0}"),
        ("r#self", "r#self", "`self` cannot be a raw identifier"),
        ("foo\"x\"", "foo <Str:x>", "prefix `foo` is unknown"),
        ("'1a", "'~ 1a", "lifetimes cannot start with a number"),
        (
            "\u{1f980}",
            "\u{1f980}",
            "Ferris cannot be used as an identifier",
        ),
    ] {
        assert_eq!(lex(src), tokens, "{src}");
        assert_eq!(lex_diags(src), vec![msg.to_string()], "{src}");
    }
    // A run of the same unknown character is reported once.
    assert_eq!(
        lex_diags("a ```"),
        vec!["unknown start of token: `".to_string()]
    );
}

#[test]
fn editions() {
    let lex_in = |src: &str, e: Edition| {
        let mut b = backend("").with_edition(e);
        describe(&b.parse(src).unwrap())
    };
    assert_eq!(lex_in("c\"x\"", Edition::E2018), "c <Str:x>");
    assert_eq!(lex_in("'r#a", Edition::E2018), "'~ r # a");
    assert_eq!(lex_in("#\"x\"#", Edition::E2021), "# <Str:x> #");
    assert_eq!(lex_in("#\"x\"#", Edition::E2024), "<Err:#\"x\"#>");
    assert_eq!(lex_in("foo#", Edition::E2018), "foo #");
}

#[test]
fn input_file_spans() {
    let src = "fn f() {\n    é + ab::c\n}";
    let mut b = backend(src);
    let t = b.lex_file().unwrap();
    assert_eq!(describe(&t), "fn f () {é + ab :~ : c}");
    let Token::Ident(e) = &t[4] else { panic!() };
    assert_eq!(b.span_source_text(e.span).as_deref(), Some("é"));
    assert_eq!((b.span_line(e.span), b.span_column(e.span)), (2, 5));
    assert_eq!(b.span_byte_range(e.span), (13, 15));
    assert_eq!(b.span_debug(e.span), "#0 bytes(13..15)");
    // `::` is split into one-byte spans.
    let (Token::Punct(c1), Token::Punct(c2)) = (&t[7], &t[8]) else {
        panic!()
    };
    assert_eq!(
        (b.span_byte_range(c1.span), b.span_byte_range(c2.span)),
        ((20, 21), (21, 22))
    );
    // The group's entire span runs from `{` to `}`.
    let Token::Group(g) = &t[3] else { panic!() };
    assert_eq!(
        b.span_source_text(g.entire).as_deref(),
        Some("{\n    é + ab::c\n}")
    );
    assert_eq!(b.span_file(g.open), "src/lib.rs");
    assert_eq!(b.span_local_file(g.open), None);
    // join, subspan, start/end.
    let j = b.span_join(e.span, c2.span).unwrap();
    assert_eq!(b.span_source_text(j).as_deref(), Some("é + ab::"));
    assert_eq!(b.span_subspan(e.span, 0, 1), None, "not a char boundary");
    let s = b.span_subspan(j, 5, 7).unwrap();
    assert_eq!(b.span_source_text(s).as_deref(), Some("ab"));
    let end = b.span_end(j);
    assert_eq!(b.span_byte_range(end), (22, 22));
    let end2 = b.span_end(j);
    assert!(b.span_eq(end, end2));
    assert_eq!(b.span_parent(e.span), None);
}

#[test]
fn expansion_spans() {
    let mut b = backend("m!(x)");
    b.set_invocation(0..5);
    let s = b.expansion_spans();
    assert_eq!(b.span_debug(s.call_site), "#1 bytes(0..5)");
    assert!(!b.span_eq(s.call_site, s.mixed_site));
    let p = b.span_parent(s.call_site).unwrap();
    assert_eq!(b.span_debug(p), "#0 bytes(0..5)");
    assert_eq!(b.span_source(s.def_site), p);
    let t = b.lex_file().unwrap();
    let Token::Ident(m) = &t[0] else { panic!() };
    let r = b.span_resolved_at(m.span, s.def_site);
    assert_eq!(b.span_debug(r), "#2 bytes(0..1)");
    let id = b.save_span(m.span);
    let rec = b.recover_proc_macro_span(id);
    assert_eq!(b.span_debug(rec), "#2 bytes(0..1)");
}

#[test]
fn parse_literal() {
    let mut b = backend("");
    let ok = |b: &mut StandaloneBackend, s: &str| {
        let l = b.parse_literal(s).unwrap();
        (l.kind, l.symbol, l.suffix)
    };
    assert_eq!(
        ok(&mut b, "-1.5f32"),
        (LitKind::Float, "-1.5".into(), Some("f32".into()))
    );
    assert_eq!(
        ok(&mut b, "r#\"x\"#"),
        (LitKind::StrRaw(1), "x".into(), None)
    );
    for (s, e) in [
        ("", "not a literal"),
        ("x", "not a literal"),
        ("true", "not a literal"),
        (" 1", "comment or whitespace around literal"),
        ("1 2", "comment or whitespace around literal"),
        ("- 1", "comment or whitespace after minus"),
        ("-\"s\"", "non-numeric literal may not be negated"),
        ("\"abc", "failed to parse to literal"),
        ("1)", "unexpected closing delimiter: `)`"),
    ] {
        assert_eq!(b.parse_literal(s).unwrap_err(), e, "{s:?}");
    }
}

#[test]
fn validate_ident() {
    let mut b = backend("");
    assert_eq!(b.validate_ident("foo", false, 0), Ok("foo".into()));
    assert_eq!(b.validate_ident("e\u{301}", false, 0), Ok("\u{e9}".into()));
    assert_eq!(
        b.validate_ident("self", true, 0),
        Err("`self` cannot be a raw identifier".into())
    );
    assert_eq!(
        b.validate_ident("_", true, 0),
        Err("`_` cannot be a raw identifier".into())
    );
    assert_eq!(
        b.validate_ident("a-b", false, 0),
        Err("`\"a-b\"` is not a valid identifier".into())
    );
    assert_eq!(
        b.validate_ident("1ü", false, 0),
        Err("`\"1ü\"` is not a valid identifier".into())
    );
}

#[test]
fn expand_expr_literals() {
    let mut b = backend("");
    let lit = b.parse("\"s\"").unwrap();
    assert_eq!(b.expand_expr(lit.clone()), Ok(lit));
    let neg = b.parse("-1").unwrap();
    assert_eq!(describe(&b.expand_expr(neg).unwrap()), "- <Integer:1>");
    let sum = b.parse("a + 1").unwrap();
    assert_eq!(b.expand_expr(sum), Err(()));
}

// --- printer -------------------------------------------------------------------------------
// Expectations follow rustc's `print_tts`/`space_between` (rustc_ast_pretty pprust/state.rs),
// the proc_macro server's `to_internal` (puncts keep Joint/Alone, everything else is Alone, a
// negative number is `-` with hidden-joint spacing) and token gluing on stream building. They
// were also checked against `TokenStream::to_string` of rustc 1.95.

/// Lexes `src` as `from_str` and prints the result (all non-punct spacing is lost, as when a
/// macro rebuilds a stream from its trees).
/// Parses `src`, takes the stream apart and builds it again as a macro would, then prints it.
fn reprint(src: &str) -> String {
    let mut b = backend("");
    let t = b.parse(src).unwrap();
    b.print(&rebuilt(t))
}

/// What `stream.into_iter().collect()` leaves of a stream, all levels (as if every group were
/// rebuilt too): only the jointness a punct shows, no doc comments.
fn rebuilt(mut tokens: Vec<Token>) -> Vec<Token> {
    use crate::tokens::Spacing;
    for t in &mut tokens {
        match t {
            Token::Group(g) => {
                g.open_spacing = Spacing::Alone;
                g.close_spacing = Spacing::Alone;
                g.doc_comment = None;
            }
            Token::Ident(i) => i.spacing = Spacing::Alone,
            Token::Literal(l) => l.spacing = Spacing::Alone,
            Token::Punct(p) if !p.is_joint() => p.spacing = Spacing::Alone,
            Token::Punct(_) => {}
        }
    }
    tokens
}

/// Parses `src` and prints the stream as parsed (spacing of the source kept).
fn parse_print(src: &str) -> String {
    let mut b = backend("");
    let t = b.parse(src).unwrap();
    b.print(&t)
}

fn id(name: &str) -> Token {
    Token::Ident(crate::tokens::Ident {
        name: name.into(),
        is_raw: false,
        span: 0,
        spacing: Default::default(),
    })
}
fn raw_id(name: &str) -> Token {
    Token::Ident(crate::tokens::Ident {
        name: name.into(),
        is_raw: true,
        span: 0,
        spacing: Default::default(),
    })
}
fn p(ch: char, joint: bool) -> Token {
    let spacing = if joint {
        crate::tokens::Spacing::Joint
    } else {
        crate::tokens::Spacing::Alone
    };
    Token::Punct(crate::tokens::Punct {
        ch,
        spacing,
        span: 0,
    })
}
fn lit(kind: LitKind, symbol: &str, suffix: Option<&str>) -> Token {
    Token::Literal(Literal {
        kind,
        symbol: symbol.into(),
        suffix: suffix.map(Into::into),
        span: 0,
        spacing: Default::default(),
    })
}
fn group(delimiter: Delimiter, body: Vec<Token>) -> Vec<Token> {
    let len = body.len() as u32;
    let mut v = vec![Token::Group(crate::tokens::Group {
        delimiter,
        open: 0,
        close: 0,
        entire: 0,
        len,
        open_spacing: Default::default(),
        close_spacing: Default::default(),
        doc_comment: None,
    })];
    v.extend(body);
    v
}
fn cat(parts: Vec<Vec<Token>>) -> Vec<Token> {
    parts.concat()
}

#[test]
fn print_space_between_rules() {
    // Default: a space after every `Alone` token.
    assert_eq!(reprint("a + b"), "a + b");
    // Joint puncts print together; the last char of `::` is Alone.
    assert_eq!(reprint("a::b::c"), "a :: b :: c");
    // `.` + non-punct, non-punct + `.`/`,`/`;`.
    assert_eq!(reprint("x.y.0"), "x.y.0");
    assert_eq!(reprint("f(x, y);"), "f(x, y);");
    // IDENT + `(` unless a keyword other than `fn`/`Self`/`pub`; raw identifiers never count as
    // keywords.
    assert_eq!(reprint("let (a, b) = (1, 2);"), "let (a, b) = (1, 2);");
    assert_eq!(
        reprint("Self(x) self(x) fn(u8) r#fn(x) pub(crate)"),
        "Self(x) self (x) fn(u8) r#fn(x) pub(crate)"
    );
    // IDENT + `!` unless a keyword; `!` + group is the default (a space).
    assert_eq!(reprint("if !x { y }"), "if ! x { y }");
    assert_eq!(reprint("println!(\"a {}\", b)"), "println! (\"a {}\", b)");
    // `#` + `[`, but `#` `!` `[` keeps both spaces.
    assert_eq!(
        reprint("#[derive(Debug)] #![allow(x)]"),
        "#[derive(Debug)] #! [allow(x)]"
    );
    // `$` + IDENT.
    assert_eq!(reprint("$x $crate::foo"), "$x $crate :: foo");
    // Braces get inner spaces unless empty; other delimiters never do.
    assert_eq!(
        reprint("{} {x} [] () a::<b>()"),
        "{} { x } [] () a ::< b > ()"
    );
    // Edition keywords: `dyn`/`try` are keywords since 2018, `union` never.
    assert_eq!(
        reprint("async fn f() {} dyn(x) try!(x) union(x)"),
        "async fn f() {} dyn (x) try ! (x) union(x)"
    );
    // Doc comments arrive as attributes.
    assert_eq!(reprint("/// doc comment\nx"), "#[doc = \" doc comment\"] x");
    assert_eq!(
        reprint("mod m { //! inner doc\n}"),
        "mod m { # ! [doc = \" inner doc\"] }"
    );
}

#[test]
fn print_gluing() {
    // Joint puncts glue into one token before spacing is decided: `!=` is not `!`, `..` is
    // not `.`, and `'` + ident is a lifetime (not punctuation).
    assert_eq!(
        reprint("x!=y a<-b ..x a..b 'a: loop {} &'a T"),
        "x != y a <- b .. x a .. b 'a : loop {} & 'a T"
    );
    let t = cat(vec![
        vec![p('=', true), id("x"), p('.', true), p('.', false), id("y")],
        vec![p('!', true), p('=', false), id("z")],
    ]);
    assert_eq!(printer::print(&t), "=x .. y != z");
    let t = vec![
        p('&', false),
        p('\'', true),
        id("a"),
        id("T"),
        p(',', false),
    ];
    assert_eq!(printer::print(&t), "& 'a T,");
}

#[test]
fn print_literals_and_idents() {
    assert_eq!(
        reprint(r####"r#"raw"# br"x" c"c" cr#"x"# b'a' '\'' "\u{41}" 1u8 0x1F_u32 1.5e-3 1."####),
        r####"r#"raw"# br"x" c"c" cr#"x"# b'a' '\'' "\u{41}" 1u8 0x1F_u32 1.5e-3 1."####
    );
    // Negative numbers become `-` (hidden-joint) and the number; `<` joint then glues with it.
    let t = vec![
        id("x"),
        p('=', false),
        lit(LitKind::Integer, "-1", Some("i32")),
        p(';', false),
    ];
    assert_eq!(printer::print(&t), "x = -1i32;");
    let t = vec![
        id("x"),
        p('.', false),
        lit(LitKind::Float, "-2.5", None),
        p('.', false),
        p('-', false),
    ];
    assert_eq!(printer::print(&t), "x. -2.5. -");
    let t = vec![
        p('<', true),
        p('-', false),
        lit(LitKind::Integer, "1", None),
        p('<', true),
        lit(LitKind::Integer, "-1", None),
    ];
    assert_eq!(printer::print(&t), "<- 1 <-1");
    let t = cat(vec![
        vec![raw_id("match")],
        group(Delimiter::Parenthesis, vec![]),
        vec![raw_id("r"), p('!', false)],
    ]);
    assert_eq!(printer::print(&t), "r#match() r#r!");
    let t = vec![
        lit(LitKind::Str, "a\\\"b\\n", None),
        lit(LitKind::Char, "\\'", None),
        lit(LitKind::ByteStr, "\\xff", None),
        lit(LitKind::CStrRaw(2), "x", Some("s")),
    ];
    assert_eq!(
        printer::print(&t),
        "\"a\\\"b\\n\" '\\'' b\"\\xff\" cr##\"x\"##s"
    );
}

#[test]
fn print_invisible_groups() {
    // `Delimiter::None` prints empty delimiters that still take part in spacing.
    let t = cat(vec![
        vec![id("a")],
        group(Delimiter::None, vec![id("b"), p('+', false), id("c")]),
        vec![id("d")],
    ]);
    assert_eq!(printer::print(&t), "a b + c d");
    let t = cat(vec![
        vec![id("a")],
        group(Delimiter::None, vec![]),
        vec![id("c")],
    ]);
    assert_eq!(printer::print(&t), "a  c");
}

#[test]
fn print_line_breaking() {
    // Past 78 columns the pretty-printer breaks: inconsistently inside `()`/`[]` and at the top
    // level, consistently (every break) in a `{}` box, indented by 4.
    let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    assert_eq!(
        reprint(&words.join(" ")),
        "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21\nw22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39"
    );
    assert_eq!(
        reprint(
            "struct VeryLongStructName { first_field_name: SomeVeryLongTypeName, second_field_name: AnotherVeryLongTypeName, third: u8 }"
        ),
        "struct VeryLongStructName\n{\n    first_field_name : SomeVeryLongTypeName, second_field_name :\n    AnotherVeryLongTypeName, third : u8\n}"
    );
    let args: Vec<String> = (0..12).map(|i| format!("argument_number_{i}")).collect();
    assert_eq!(
        reprint(&format!("f({})", args.join(", "))),
        "f(argument_number_0, argument_number_1, argument_number_2, argument_number_3,\nargument_number_4, argument_number_5, argument_number_6, argument_number_7,\nargument_number_8, argument_number_9, argument_number_10, argument_number_11)"
    );
    // Every line keeps at least 60 columns however deep the indentation.
    let deep = format!("{}a {}", "{ ".repeat(40), "} ".repeat(40));
    let out = reprint(&deep);
    assert!(out.contains(&format!(
        "\n{}{{ {{ {{ {{ {{ {{ {{ {{ {{ {{ {{ {{ {{ {{ a }}",
        " ".repeat(104)
    )));
}

#[test]
fn print_deep_nesting_without_recursion() {
    // The lexer and the printer walk groups with explicit stacks.
    let src = format!("{}x{}", "(".repeat(20000), ")".repeat(20000));
    let out = reprint(&src);
    assert!(out.starts_with("(((") && out.contains('x'));
}

#[test]
fn lexer_records_hidden_spacing() {
    use crate::tokens::Spacing::{Alone, Joint, JointHidden};
    let mut b = backend("");
    let t = b.parse("a+b (c) {d} 'e,").unwrap();
    let spacing = |t: &Token| match t {
        Token::Ident(i) => (i.spacing, None),
        Token::Punct(p) => (p.spacing, None),
        Token::Literal(l) => (l.spacing, None),
        Token::Group(g) => (g.open_spacing, Some(g.close_spacing)),
    };
    let got: Vec<_> = t.iter().map(spacing).collect();
    assert_eq!(
        got,
        [
            (Joint, None),       // a, then `+`
            (JointHidden, None), // +, then `b`
            (Alone, None),       // b
            (JointHidden, Some(Alone)),
            (JointHidden, None), // c, then `)`
            (JointHidden, Some(Alone)),
            (JointHidden, None), // d, then `}`
            (Joint, None),       // the lifetime's `'`
            (Joint, None),       // `e`, then `,`
            (Alone, None),       // `,` at the end
        ]
    );
}

/// Outputs of rustc 1.95 (recorded by tests/printer_fidelity.rs): a stream straight from the
/// lexer prints with its source spacing, doc comments as comments.
#[test]
fn print_honours_hidden_spacing_and_doc_comments() {
    assert_eq!(parse_print("a+b"), "a+b");
    assert_eq!(reprint("a+b"), "a + b");
    assert_eq!(parse_print("{f; g} { a } {a}"), "{f; g} { a } {a}");
    assert_eq!(parse_print("#![inner] $x:expr"), "#![inner] $x:expr");
    assert_eq!(
        parse_print("/// Outer documentation\n/// on two lines.\nfn documented() {}"),
        "/// Outer documentation\n/// on two lines.\nfn documented() {}"
    );
    assert_eq!(
        parse_print("/// outer\n//! inner\n/** block */ /*! inner block */ x"),
        "/// outer\n//! inner\n/** block */\n /*! inner block */\n x"
    );
    assert_eq!(
        parse_print("mod m { /// doc\nfn f() {} }"),
        "mod m\n{\n    /// doc\n    fn f() {}\n}"
    );
    // Taken apart, a doc comment is the attribute.
    assert_eq!(reprint("/// doc\nx"), "#[doc = \" doc\"] x");
}

#[test]
fn ascii_identifiers_and_punct_characters() {
    for name in ["a", "_", "_x1", "Z9_", "serde"] {
        assert!(is_ascii_ident(name), "{name}");
    }
    for name in ["", "1a", "a-b", "a b", "é", "aé", "$crate"] {
        assert!(!is_ascii_ident(name), "{name}");
    }
    let accepted: String = (' '..='~').filter(|&c| is_punct_char(c)).collect();
    assert_eq!(accepted, "!#$%&'*+,-./:;<=>?@^|~");
    assert!(!is_punct_char('·'));
}
