extern crate proc_macro;
use proc_macro::*;

#[proc_macro]
pub fn spans(input: TokenStream) -> TokenStream {
    let s = Span::call_site();
    let _ = s.start();           // stable since 1.88
    let _ = s.join(s);           // proc_macro_span
    let _ = Span::def_site();    // proc_macro_def_site
    let _ = tracked_env::var("X"); // proc_macro_tracked_env
    let _ = input.expand_expr(); // proc_macro_expand
    input
}
