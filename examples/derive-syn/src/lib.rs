//! `#[derive(Builder)]` with the helper attribute `#[builder(...)]`:
//! `#[builder(default)]` makes a field optional, `#[builder(rename = "name")]` renames its setter.

use proc_macro::TokenStream;
use quote::{format_ident, quote};
use syn::{parse_macro_input, spanned::Spanned, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(Builder, attributes(builder))]
pub fn derive_builder(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.to_compile_error().into(),
    }
}

struct FieldOptions {
    default: bool,
    setter: Option<LitStr>,
}

fn field_options(field: &syn::Field) -> syn::Result<FieldOptions> {
    let mut options = FieldOptions { default: false, setter: None };
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("builder")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                options.default = true;
                Ok(())
            } else if meta.path.is_ident("rename") {
                options.setter = Some(meta.value()?.parse()?);
                Ok(())
            } else {
                Err(meta.error("expected `default` or `rename = \"...\"`"))
            }
        })?;
    }
    Ok(options)
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let builder = format_ident!("{}Builder", name);
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => &named.named,
            other => return Err(syn::Error::new(other.span(), "Builder needs named fields")),
        },
        _ => return Err(syn::Error::new(input.span(), "Builder is only for structs")),
    };
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();

    let mut slots = Vec::new();
    let mut setters = Vec::new();
    let mut finals = Vec::new();
    for field in fields {
        let ident = field.ident.as_ref().unwrap();
        let ty = &field.ty;
        let options = field_options(field)?;
        let setter = match &options.setter {
            Some(lit) => syn::Ident::new(&lit.value(), lit.span()),
            None => ident.clone(),
        };
        slots.push(quote! { #ident: ::core::option::Option<#ty> });
        setters.push(quote! {
            pub fn #setter(mut self, value: #ty) -> Self {
                self.#ident = ::core::option::Option::Some(value);
                self
            }
        });
        let missing = format!("field `{}` was not set", ident);
        finals.push(if options.default {
            quote! { #ident: self.#ident.unwrap_or_default() }
        } else {
            quote! { #ident: self.#ident.ok_or(#missing)? }
        });
    }
    let idents = fields.iter().map(|f| f.ident.as_ref().unwrap());

    Ok(quote! {
        pub struct #builder #impl_generics #where_clause {
            #(#slots,)*
        }

        impl #impl_generics #name #ty_generics #where_clause {
            pub fn builder() -> #builder #ty_generics {
                #builder { #(#idents: ::core::option::Option::None,)* }
            }
        }

        impl #impl_generics #builder #ty_generics #where_clause {
            #(#setters)*

            pub fn build(self) -> ::core::result::Result<#name #ty_generics, &'static str> {
                ::core::result::Result::Ok(#name { #(#finals,)* })
            }
        }
    })
}
