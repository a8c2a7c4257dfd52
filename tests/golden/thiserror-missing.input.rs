pub enum ParseError {
    #[error("unexpected end of input")]
    Eof,
    Unexpected(char),
}
