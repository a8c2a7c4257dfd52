//! `hex!("de ad be ef")` expands to the byte array `[0xdeu8, 0xad, 0xbe, 0xef]`.
//! Invalid input becomes a `compile_error!` at the literal's span.

use proc_macro::{Delimiter, Group, Literal, Punct, Spacing, TokenStream, TokenTree};

#[proc_macro]
pub fn hex(input: TokenStream) -> TokenStream {
    let lit = match input.into_iter().next() {
        Some(TokenTree::Literal(lit)) => lit,
        _ => return error("hex! expects a string literal", None),
    };
    let text = lit.to_string();
    let Some(digits) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) else {
        return error("hex! expects a string literal", Some(&lit));
    };
    let digits: String = digits.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() % 2 != 0 {
        return error("hex! needs an even number of digits", Some(&lit));
    }
    let mut elements = TokenStream::new();
    for (index, pair) in digits.as_bytes().chunks(2).enumerate() {
        let Ok(byte) = u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16) else {
            return error("hex! accepts only hexadecimal digits", Some(&lit));
        };
        let mut byte = if index == 0 { Literal::u8_suffixed(byte) } else { Literal::u8_unsuffixed(byte) };
        byte.set_span(lit.span());
        elements.extend([TokenTree::Literal(byte), TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
    }
    TokenTree::Group(Group::new(Delimiter::Bracket, elements)).into()
}

fn error(message: &str, at: Option<&Literal>) -> TokenStream {
    let mut tokens: TokenStream = format!("compile_error!({:?})", message).parse().unwrap();
    if let Some(lit) = at {
        tokens = tokens
            .into_iter()
            .map(|mut tt| {
                tt.set_span(lit.span());
                tt
            })
            .collect();
    }
    tokens
}
