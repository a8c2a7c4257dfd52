extern crate proc_macro;
use proc_macro::{TokenStream, TokenTree, Ident, Span, Punct, Spacing, Literal, Group, Delimiter};

#[proc_macro_derive(MyDerive, attributes(helper))]
pub fn my_derive(input: TokenStream) -> TokenStream {
    let _ = input.into_iter().count();
    TokenStream::new()
}

#[proc_macro_attribute]
pub fn my_attr(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut out = item;
    out.extend(args);
    out
}

#[proc_macro]
pub fn my_bang(_input: TokenStream) -> TokenStream {
    let mut ts: TokenStream = [TokenTree::Ident(Ident::new("x", Span::call_site())),
        TokenTree::Punct(Punct::new('+', Spacing::Alone)),
        TokenTree::Literal(Literal::u8_suffixed(1))].into_iter().collect();
    ts.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, TokenStream::new()))]);
    ts
}
