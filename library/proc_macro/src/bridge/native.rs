//! Native stand-in for the WIT bindings: the same types and functions as the code that
//! `wit_bindgen::generate!` produces for wasm, so that everything above compiles and the pure
//! parts can be unit-tested natively. There is no host here; `api` refuses every call before
//! it would reach these functions.
#![allow(dead_code, unreachable_pub)]

pub(crate) mod wasmacro {
    pub(crate) mod bridge {
        pub(crate) mod types {
            pub(crate) type Span = u32;

            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub(crate) enum Spacing {
                Alone,
                Joint,
                JointHidden,
            }

            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub(crate) enum LiteralKind {
                Byte,
                Char,
                Integer,
                Float,
                Str,
                StrRaw,
                ByteStr,
                ByteStrRaw,
                CStr,
                CStrRaw,
                Err,
            }

            #[derive(Clone, Debug, PartialEq)]
            pub(crate) struct Literal {
                pub(crate) kind: LiteralKind,
                pub(crate) raw_hashes: u8,
                pub(crate) symbol: String,
                pub(crate) suffix: Option<String>,
                pub(crate) span: Span,
                pub(crate) spacing: Spacing,
            }

            #[derive(Clone, Debug, PartialEq, Eq)]
            pub(crate) struct TokenStream {
                pub(crate) words: Vec<u32>,
                pub(crate) text: String,
            }

            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub(crate) enum Level {
                Error,
                Warning,
                Note,
                Help,
            }

            #[derive(Clone, Debug)]
            pub(crate) struct SubDiagnostic {
                pub(crate) level: Level,
                pub(crate) message: String,
                pub(crate) spans: Vec<Span>,
            }

            #[derive(Clone, Debug)]
            pub(crate) struct Diagnostic {
                pub(crate) level: Level,
                pub(crate) message: String,
                pub(crate) spans: Vec<Span>,
                pub(crate) children: Vec<SubDiagnostic>,
            }
        }

        fn no_host() -> ! {
            panic!("{}", crate::bridge::context::OUTSIDE)
        }

        pub(crate) mod tokens {
            use super::no_host;
            use super::types::{Literal, Span, TokenStream};
            pub(crate) fn parse(_: &str) -> Result<TokenStream, String> { no_host() }
            pub(crate) fn parse_literal(_: &str) -> Result<Literal, String> { no_host() }
            pub(crate) fn print(_: &TokenStream) -> String { no_host() }
            pub(crate) fn expand_expr(_: &TokenStream) -> Result<TokenStream, ()> { no_host() }
            pub(crate) fn validate_ident(_: &str, _: bool, _: Span) -> Result<String, String> { no_host() }
        }

        pub(crate) mod spans {
            use super::no_host;
            use super::types::Span;
            pub(crate) fn debug(_: Span) -> String { no_host() }
            pub(crate) fn source_text(_: Span) -> Option<String> { no_host() }
            pub(crate) fn line(_: Span) -> u32 { no_host() }
            pub(crate) fn column(_: Span) -> u32 { no_host() }
            pub(crate) fn file(_: Span) -> String { no_host() }
            pub(crate) fn local_file(_: Span) -> Option<String> { no_host() }
            pub(crate) fn byte_range(_: Span) -> (u64, u64) { no_host() }
            pub(crate) fn join(_: Span, _: Span) -> Option<Span> { no_host() }
            pub(crate) fn subspan(_: Span, _: u64, _: u64) -> Option<Span> { no_host() }
            pub(crate) fn resolved_at(_: Span, _: Span) -> Span { no_host() }
            pub(crate) fn parent(_: Span) -> Option<Span> { no_host() }
            pub(crate) fn source(_: Span) -> Span { no_host() }
            pub(crate) fn start(_: Span) -> Span { no_host() }
            pub(crate) fn end(_: Span) -> Span { no_host() }
            pub(crate) fn eq(_: Span, _: Span) -> bool { no_host() }
            pub(crate) fn save_span(_: Span) -> u64 { no_host() }
            pub(crate) fn recover_proc_macro_span(_: u64) -> Span { no_host() }
        }

        pub(crate) mod diagnostics {
            use super::no_host;
            use super::types::Diagnostic;
            pub(crate) fn emit(_: &Diagnostic) { no_host() }
        }

        pub(crate) mod tracked {
            use super::no_host;
            pub(crate) fn env_var(_: &str) -> Option<String> { no_host() }
            pub(crate) fn path(_: &str) { no_host() }
        }
    }
}
