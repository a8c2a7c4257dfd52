//! `#[tag("label", priority = 3)]` on a function: keeps the function and adds
//! `pub const <NAME>_TAG: (&str, u32) = ("label", 3);` next to it.

use proc_macro::{Ident, Literal, Span, TokenStream, TokenTree};

#[proc_macro_attribute]
pub fn tag(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut label = None;
    let mut priority = 0u32;
    let args: Vec<TokenTree> = args.into_iter().collect();
    for (index, tt) in args.iter().enumerate() {
        match tt {
            TokenTree::Literal(lit) if label.is_none() => label = Some(lit.clone()),
            TokenTree::Ident(ident) if ident.to_string() == "priority" => {
                if let Some(TokenTree::Literal(value)) = args.get(index + 2) {
                    priority = value.to_string().parse().expect("priority must be a u32 literal");
                }
            }
            _ => {}
        }
    }
    let label = label.unwrap_or_else(|| panic!("#[tag] needs a label, as in #[tag(\"label\")]"));

    let fn_name = fn_name(&item).expect("#[tag] goes on a function");
    let const_name = Ident::new(&format!("{}_TAG", fn_name.to_string().to_uppercase()), Span::call_site());
    let priority = Literal::u32_unsuffixed(priority);
    let extra: TokenStream = format!("pub const {const_name}: (&str, u32) = ({label}, {priority});")
        .parse()
        .unwrap();
    let mut out = item;
    out.extend(extra);
    out
}

fn fn_name(item: &TokenStream) -> Option<Ident> {
    let mut iter = item.clone().into_iter();
    while let Some(tt) = iter.next() {
        if matches!(&tt, TokenTree::Ident(i) if i.to_string() == "fn") {
            if let Some(TokenTree::Ident(name)) = iter.next() {
                return Some(name);
            }
        }
    }
    None
}
