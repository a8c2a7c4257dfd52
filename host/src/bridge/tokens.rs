use crate::bindings::types::{Literal, TokenStream as Packed};
use crate::bindings::wasmacro::bridge::tokens::Host;
use crate::convert::literal_to_wit;
use crate::error::GuestFault;
use crate::packed;
use crate::state::HostState;
use crate::stats::BridgeCall;
use crate::tokens::Token;

impl HostState {
    /// A stream the host made for the guest: within the size limits, handed out, packed.
    fn give_stream(&mut self, stream: Vec<Token>, what: &str) -> wasmtime::Result<Packed> {
        let text = self.check_size(&stream, what)?;
        self.hand_out_stream(&stream);
        self.stats.to_guest(stream.len(), text);
        Ok(packed::encode(&stream)?)
    }
}

impl Host for HostState {
    fn parse(&mut self, source: String) -> wasmtime::Result<Result<Packed, String>> {
        self.stats.count(BridgeCall::Parse);
        self.text_arg(&source, "parse")?;
        self.stats.from_guest(0, source.len());
        match self.backend.parse(&source) {
            Ok(stream) => Ok(Ok(self.give_stream(stream, "the stream `parse` would return")?)),
            Err(message) => Ok(Err(message)),
        }
    }

    fn parse_literal(&mut self, source: String) -> wasmtime::Result<Result<Literal, String>> {
        self.stats.count(BridgeCall::ParseLiteral);
        self.text_arg(&source, "parse-literal")?;
        self.stats.from_guest(0, source.len());
        Ok(self.backend.parse_literal(&source).map(|literal| {
            self.hand_out(literal.span);
            self.stats.to_guest(1, literal.symbol.len() + literal.suffix.as_ref().map_or(0, String::len));
            literal_to_wit(literal)
        }))
    }

    fn print(&mut self, tokens: Packed) -> wasmtime::Result<String> {
        self.stats.count(BridgeCall::Print);
        let tokens = self.stream(&tokens, "the stream passed to `print`")?;
        let max = self.bounds.max_text_bytes;
        match self.backend.print_bounded(&tokens, max) {
            Some(text) => {
                self.stats.to_guest(0, text.len());
                Ok(text)
            }
            None => Err(GuestFault::Limit(format!(
                "`print` would return more than {max} bytes of text (Limits::max_text_bytes)"
            ))
            .into()),
        }
    }

    fn expand_expr(&mut self, tokens: Packed) -> wasmtime::Result<Result<Packed, ()>> {
        self.stats.count(BridgeCall::ExpandExpr);
        let tokens = self.stream(&tokens, "the stream passed to `expand-expr`")?;
        match self.backend.expand_expr(tokens) {
            Ok(stream) => Ok(Ok(self.give_stream(stream, "the stream `expand-expr` would return")?)),
            Err(()) => Ok(Err(())),
        }
    }

    fn validate_ident(&mut self, name: String, is_raw: bool, span: u32) -> wasmtime::Result<Result<String, String>> {
        self.stats.count(BridgeCall::ValidateIdent);
        let span = self.span(span)?;
        self.text_arg(&name, "validate-ident")?;
        Ok(self.backend.validate_ident(&name, is_raw, span))
    }
}
