//! A peekable character cursor over source text, the bottom layer of the lexer.

use std::str::Chars;

/// Returned by the peek functions past the end of input (like rustc's lexer, `'\0'` doubles as
/// "end"; callers that care check [`Cursor::is_eof`]).
pub const EOF: char = '\0';

#[derive(Clone)]
pub struct Cursor<'a> {
    src: &'a str,
    chars: Chars<'a>,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str) -> Self {
        Cursor {
            src,
            chars: src.chars(),
        }
    }

    /// Byte offset of the next character.
    pub fn pos(&self) -> usize {
        self.src.len() - self.chars.as_str().len()
    }

    pub fn is_eof(&self) -> bool {
        self.chars.as_str().is_empty()
    }

    pub fn first(&self) -> char {
        self.chars.clone().next().unwrap_or(EOF)
    }

    pub fn second(&self) -> char {
        let mut it = self.chars.clone();
        it.next();
        it.next().unwrap_or(EOF)
    }

    pub fn third(&self) -> char {
        let mut it = self.chars.clone();
        it.next();
        it.next();
        it.next().unwrap_or(EOF)
    }

    pub fn bump(&mut self) -> Option<char> {
        self.chars.next()
    }

    pub fn eat_while(&mut self, mut pred: impl FnMut(char) -> bool) {
        while !self.is_eof() && pred(self.first()) {
            self.bump();
        }
    }

    /// Skips to the next occurrence of `ch` (or to the end).
    pub fn eat_until(&mut self, ch: char) {
        let rest = self.chars.as_str();
        let skip = rest.find(ch).unwrap_or(rest.len());
        self.chars = rest[skip..].chars();
    }

    /// Moves the cursor back (or forward) to an absolute byte offset.
    pub fn reset_to(&mut self, pos: usize) {
        self.chars = self.src[pos..].chars();
    }
}
