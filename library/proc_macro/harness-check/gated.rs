#![feature(proc_macro_span, proc_macro_def_site, proc_macro_diagnostic, proc_macro_quote, proc_macro_tracked_env, proc_macro_tracked_path, proc_macro_expand, proc_macro_totokens, track_path)]
extern crate proc_macro;
use proc_macro::*;

#[proc_macro]
pub fn spans(input: TokenStream) -> TokenStream {
    let s = Span::call_site();
    let _ = (s.start(), s.end(), s.line(), s.column(), s.file(), s.local_file(), s.source_text());
    let _ = (s.join(Span::def_site()), s.parent(), s.source(), s.byte_range(), s.eq(&s));
    let _ = Literal::string("x").subspan(1..);
    s.error("bad").span_note(s, "here").help("try").emit();
    Diagnostic::spanned(vec![s], Level::Warning, "w").emit();
    let _ = tracked_env::var("X");
    let _ = tracked::env_var("X");
    tracked::path("a.txt");
    tracked_path::path("b.txt");
    let _ = input.expand_expr();
    let x = 5u8;
    let v = vec![1, 2, 3];
    let q = quote!(let a = $x + 1; fn $$ f() {} $( $v )+*);
    let _ = quote_span(quote!(proc_macro), s);
    let mut ts = TokenStream::new();
    x.to_tokens(&mut ts);
    q
}
