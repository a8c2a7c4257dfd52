use crate::bindings::types::{Literal, Token};
use crate::bindings::wasmacro::bridge::tokens::Host;
use crate::convert::{literal_to_wit, stream_from_wit, stream_to_wit};
use crate::error::GuestFault;
use crate::state::HostState;
use crate::stats::BridgeCall;

impl HostState {
    /// A stream the host made for the guest: within the size limits, and handed out.
    fn give_stream(&mut self, stream: Vec<Token>, what: &str) -> wasmtime::Result<Vec<Token>> {
        let text = self.check_size(&stream, what)?;
        self.hand_out_stream(&stream);
        self.stats.to_guest(stream.len(), text);
        Ok(stream)
    }
}

impl Host for HostState {
    fn parse(&mut self, source: String) -> wasmtime::Result<Result<Vec<Token>, String>> {
        self.stats.count(BridgeCall::Parse);
        self.text_arg(&source, "parse")?;
        self.stats.from_guest(0, source.len());
        match self.backend.parse(&source).map(stream_to_wit) {
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

    fn print(&mut self, tokens: Vec<Token>) -> wasmtime::Result<String> {
        self.stats.count(BridgeCall::Print);
        let sent = self.stream(&tokens, "the stream passed to `print`")?;
        self.stats.from_guest(tokens.len(), sent);
        let max = self.bounds.max_text_bytes;
        match self.backend.print_bounded(&stream_from_wit(tokens), max) {
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

    fn expand_expr(&mut self, tokens: Vec<Token>) -> wasmtime::Result<Result<Vec<Token>, ()>> {
        self.stats.count(BridgeCall::ExpandExpr);
        let sent = self.stream(&tokens, "the stream passed to `expand-expr`")?;
        self.stats.from_guest(tokens.len(), sent);
        match self.backend.expand_expr(stream_from_wit(tokens)).map(stream_to_wit) {
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
