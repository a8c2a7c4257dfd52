//! `#[derive(Describe)]`: implements `fn describe() -> &'static str` naming the item and its
//! fields. Written against `proc_macro` alone, walking the token trees by hand.

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

#[proc_macro_derive(Describe)]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let (kind, name, body) = match item_parts(&tokens) {
        Some(parts) => parts,
        None => return compile_error("#[derive(Describe)] expects a struct or an enum"),
    };
    let names = match &body {
        Some(group) => member_names(group, kind == "enum"),
        None => Vec::new(),
    };
    let text = if names.is_empty() {
        format!("{kind} {name}")
    } else {
        format!("{kind} {name} {{ {} }}", names.join(", "))
    };
    let mut out: TokenStream = format!("impl {name} {{ pub fn describe() -> &'static str {{ }} }}")
        .parse()
        .unwrap();
    // Put the literal into the body by rebuilding the innermost group: exercises Group::new/stream.
    out = fill_body(out, Literal::string(&text));
    out
}

/// Returns ("struct" | "enum", name, braced or parenthesized body).
fn item_parts(tokens: &[TokenTree]) -> Option<(String, Ident, Option<Group>)> {
    let mut iter = tokens.iter();
    while let Some(tt) = iter.next() {
        if let TokenTree::Ident(ident) = tt {
            let word = ident.to_string();
            if word == "struct" || word == "enum" {
                let name = match iter.next()? {
                    TokenTree::Ident(name) => name.clone(),
                    _ => return None,
                };
                let body = iter.find_map(|tt| match tt {
                    TokenTree::Group(g) if g.delimiter() != Delimiter::Bracket => Some(g.clone()),
                    _ => None,
                });
                return Some((word, name, body));
            }
        }
    }
    None
}

/// Field or variant names: the identifier before each top-level `:` (fields) or starting each
/// comma-separated entry (variants); tuple fields are numbered.
fn member_names(body: &Group, is_enum: bool) -> Vec<String> {
    let entries = split_top_level_commas(body.stream());
    entries
        .iter()
        .enumerate()
        .filter(|(_, entry)| !entry.is_empty())
        .map(|(index, entry)| {
            let idents: Vec<String> = entry
                .iter()
                .skip_while(|tt| matches!(tt, TokenTree::Punct(p) if p.as_char() == '#'))
                .filter_map(|tt| match tt {
                    TokenTree::Ident(i) if i.to_string() != "pub" => Some(i.to_string()),
                    _ => None,
                })
                .collect();
            let named = is_enum || entry.iter().any(|tt| matches!(tt, TokenTree::Punct(p) if p.as_char() == ':'));
            if named { idents.first().cloned().unwrap_or_default() } else { index.to_string() }
        })
        .collect()
}

fn split_top_level_commas(stream: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut entries = vec![Vec::new()];
    let mut angle_depth = 0usize;
    for tt in stream {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == '<' => angle_depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' => angle_depth = angle_depth.saturating_sub(1),
            TokenTree::Punct(p) if p.as_char() == ',' && angle_depth == 0 => {
                entries.push(Vec::new());
                continue;
            }
            // Attributes on members are not names.
            TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => continue,
            _ => {}
        }
        entries.last_mut().unwrap().push(tt);
    }
    entries
}

fn fill_body(stream: TokenStream, literal: Literal) -> TokenStream {
    stream
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace && g.stream().is_empty() => {
                let mut filled = Group::new(Delimiter::Brace, TokenTree::Literal(literal.clone()).into());
                filled.set_span(g.span());
                TokenTree::Group(filled)
            }
            TokenTree::Group(g) => {
                let mut rebuilt = Group::new(g.delimiter(), fill_body(g.stream(), literal.clone()));
                rebuilt.set_span(g.span());
                TokenTree::Group(rebuilt)
            }
            other => other,
        })
        .collect()
}

fn compile_error(message: &str) -> TokenStream {
    let span = Span::call_site();
    let mut bang = Punct::new('!', Spacing::Alone);
    bang.set_span(span);
    [
        TokenTree::Ident(Ident::new("compile_error", span)),
        TokenTree::Punct(bang),
        TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            TokenTree::Literal(Literal::string(message)).into(),
        )),
        TokenTree::Punct(Punct::new(';', Spacing::Alone)),
    ]
    .into_iter()
    .collect()
}
