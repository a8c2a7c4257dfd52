use crate::bindings::types::{Literal, Token};
use crate::bindings::wasmacro::bridge::tokens::Host;
use crate::convert::{literal_to_wit, stream_from_wit, stream_to_wit};
use crate::state::HostState;

impl Host for HostState {
    fn parse(&mut self, source: String) -> wasmtime::Result<Result<Vec<Token>, String>> {
        Ok(self.backend.parse(&source).map(stream_to_wit))
    }

    fn parse_literal(&mut self, source: String) -> wasmtime::Result<Result<Literal, String>> {
        Ok(self.backend.parse_literal(&source).map(literal_to_wit))
    }

    fn print(&mut self, tokens: Vec<Token>) -> wasmtime::Result<String> {
        self.stream(&tokens)?;
        Ok(self.backend.print(&stream_from_wit(tokens)))
    }

    fn expand_expr(&mut self, tokens: Vec<Token>) -> wasmtime::Result<Result<Vec<Token>, ()>> {
        self.stream(&tokens)?;
        Ok(self.backend.expand_expr(stream_from_wit(tokens)).map(stream_to_wit))
    }

    fn validate_ident(&mut self, name: String, is_raw: bool, span: u32) -> wasmtime::Result<Result<String, String>> {
        let span = self.span(span)?;
        Ok(self.backend.validate_ident(&name, is_raw, span))
    }
}
