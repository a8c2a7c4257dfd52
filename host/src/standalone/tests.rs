//! Tests of the standalone backend. Printer expectations cite the rustc rule they follow.

use super::*;
use crate::tokens::{Delimiter, Group, Ident, Punct};

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
                if p.joint {
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
fn smoke() {
    println!("{}", lex("a + b::c => 'a r#x 1.0e-3f32 1.foo 1..2 \"x\\n\" /// doc\n { x } ( [ ] )"));
}
