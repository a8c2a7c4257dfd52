//! The packed form of a flat token list: five `u32` words per token plus one text buffer. The
//! WIT's `token-stream` record has this layout (documented in `wit/bridge.wit`), and the host
//! library hands an expansion's output to the shim in it.
//!
//! The shim is compiled with the consumer's profile, unoptimized by default, so its side reads
//! the words in place ([`PackedView`]) rather than decoding a token list first: per token that is
//! a few slice reads, where the general wire form costs dozens of unoptimized calls and a string
//! allocation.
//!
//! Word 0 of an entry holds the kind (bits 0-1) and the spacing (bits 2-3); word 1 the span.
//! - group: delimiter (bits 4-5), close spacing (6-7), doc comment (8-9); words 1-4: open,
//!   close and entire spans, and the number of entries of its body, which follow it;
//! - ident: raw (bit 4); words 2-3: start and length of the name in the text;
//! - punct: word 2, the character;
//! - literal: kind code (bits 4-7) and raw hashes (8-15); words 2-4: start of the symbol, its
//!   length, and the length of the suffix, which follows it in the text.

mod view;

pub use view::{delimiter_from, doc_from, spacing_from, Entry, PackedView, GROUP, IDENT, LITERAL, PUNCT, WORDS};

use crate::lex_plan::LexPlan;
// `view` reads the token model as `super::tokens`.
use crate::tokens;
use crate::tokens::{CommentKind, Delimiter, Spacing, Token};

pub fn spacing_code(s: Spacing) -> u32 {
    match s {
        Spacing::Alone => 0,
        Spacing::Joint => 1,
        Spacing::JointHidden => 2,
    }
}

pub fn delimiter_code(d: Delimiter) -> u32 {
    match d {
        Delimiter::Parenthesis => 0,
        Delimiter::Brace => 1,
        Delimiter::Bracket => 2,
        Delimiter::None => 3,
    }
}

pub fn doc_code(doc: Option<CommentKind>) -> u32 {
    match doc {
        None => 0,
        Some(CommentKind::Line) => 1,
        Some(CommentKind::Block) => 2,
    }
}

/// The text would not fit `u32` offsets.
#[derive(Debug)]
pub struct TextTooLong;

/// Packs `tokens` into words and text.
pub fn encode(tokens: &[Token]) -> Result<(Vec<u32>, String), TextTooLong> {
    let mut words = Vec::with_capacity(tokens.len() * WORDS);
    let mut text = String::new();
    for token in tokens {
        let entry = match token {
            Token::Group(g) => {
                let head = GROUP
                    | spacing_code(g.open_spacing) << 2
                    | delimiter_code(g.delimiter) << 4
                    | spacing_code(g.close_spacing) << 6
                    | doc_code(g.doc_comment) << 8;
                [head, g.open, g.close, g.entire, g.len]
            }
            Token::Ident(i) => {
                let (start, len) = push_text(&mut text, &i.name)?;
                [IDENT | spacing_code(i.spacing) << 2 | u32::from(i.is_raw) << 4, i.span, start, len, 0]
            }
            Token::Punct(p) => [PUNCT | spacing_code(p.spacing) << 2, p.span, p.ch as u32, 0, 0],
            Token::Literal(l) => {
                let (kind, hashes) = l.kind.code();
                let (start, symbol_len) = push_text(&mut text, &l.symbol)?;
                let suffix_len = match &l.suffix {
                    Some(suffix) => push_text(&mut text, suffix)?.1,
                    None => 0,
                };
                let head = LITERAL | spacing_code(l.spacing) << 2 | u32::from(kind) << 4 | u32::from(hashes) << 8;
                [head, l.span, start, symbol_len, suffix_len]
            }
        };
        words.extend_from_slice(&entry);
    }
    Ok((words, text))
}

/// Appends `s` to `text`; returns its start and length.
fn push_text(text: &mut String, s: &str) -> Result<(u32, u32), TextTooLong> {
    let start = u32::try_from(text.len()).map_err(|_| TextTooLong)?;
    text.push_str(s);
    Ok((start, u32::try_from(s.len()).map_err(|_| TextTooLong)?))
}

/// The host library's byte form of an expanded stream, for the shim: the number of words, the
/// words (both in the machine's byte order: the shim reads them in the same process), the
/// length of the text and the text, then the [`LexPlan`]: the number of runs, the number of
/// literals lexed alone, the runs' ranges (start and end), the literals' entries, and the
/// plan's text.
pub fn to_payload(tokens: &[Token]) -> Result<Vec<u8>, TextTooLong> {
    let (words, text) = encode(tokens)?;
    words_to_payload(&words, &text, &LexPlan::default())
}

/// [`to_payload`] of a stream already packed, with the plan the shim follows.
pub fn words_to_payload(words: &[u32], text: &str, plan: &LexPlan) -> Result<Vec<u8>, TextTooLong> {
    let mut out = Vec::new();
    words_to_payload_into(&mut out, words, text, plan)?;
    Ok(out)
}

/// [`words_to_payload`] into `out`, which it empties first. A buffer kept across expansions
/// keeps its pages: a fresh one of an output's size (tens of KiB) page-faults on every
/// expansion, which cost more than the copy itself.
pub fn words_to_payload_into(out: &mut Vec<u8>, words: &[u32], text: &str, plan: &LexPlan) -> Result<(), TextTooLong> {
    let count = |n: usize| u32::try_from(n).map(u32::to_ne_bytes).map_err(|_| TextTooLong);
    let plan_words = 2 + 2 * plan.runs.len() + plan.literals.len();
    out.clear();
    out.reserve(8 + (words.len() + plan_words) * 4 + text.len() + plan.text.len());
    out.extend_from_slice(&count(words.len())?);
    // SAFETY: the words' memory, read as bytes (any bit pattern is a byte); native byte order,
    // as `from_payload` reads it. One copy instead of a bounds-checked push per word.
    out.extend_from_slice(unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), std::mem::size_of_val(words)) });
    out.extend_from_slice(&count(text.len())?);
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&count(plan.runs.len())?);
    out.extend_from_slice(&count(plan.literals.len())?);
    for run in &plan.runs {
        out.extend_from_slice(&run.start.to_ne_bytes());
        out.extend_from_slice(&run.end.to_ne_bytes());
    }
    for literal in &plan.literals {
        out.extend_from_slice(&literal.to_ne_bytes());
    }
    out.extend_from_slice(plan.text.as_bytes());
    Ok(())
}

/// A [`to_payload`] form read back.
pub struct Payload<'a> {
    /// Read in place when the payload's words are aligned (they are in a buffer from the
    /// allocator, whose blocks are aligned for any primitive), copied otherwise.
    pub words: std::borrow::Cow<'a, [u32]>,
    pub text: &'a str,
    pub plan: LexPlan,
}

/// Reads a [`to_payload`] form; `None` if the bytes do not have that form.
pub fn from_payload(payload: &[u8]) -> Option<Payload<'_>> {
    let mut at = PayloadCursor(payload);
    let count = at.number()? as usize;
    let words = at.words(count)?;
    let text_len = at.number()? as usize;
    let text = std::str::from_utf8(at.take(text_len)?).ok()?;
    let (runs, literals) = (at.number()? as usize, at.number()? as usize);
    let numbers = at.words(runs.checked_mul(2)?.checked_add(literals)?)?;
    let (starts_and_ends, literals) = numbers.split_at(runs * 2);
    let mut plan = LexPlan { runs: Vec::with_capacity(runs), literals: literals.to_vec(), text: String::new() };
    let mut i = 0;
    while i < starts_and_ends.len() {
        plan.runs.push(starts_and_ends[i]..starts_and_ends[i + 1]);
        i += 2;
    }
    plan.text = std::str::from_utf8(at.0).ok()?.to_string();
    Some(Payload { words, text, plan })
}

/// What is left of a payload to read.
struct PayloadCursor<'a>(&'a [u8]);

impl<'a> PayloadCursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = tail;
        Some(head)
    }

    fn number(&mut self) -> Option<u32> {
        Some(u32::from_ne_bytes(self.take(4)?.try_into().ok()?))
    }

    /// `count` words: the payload's own bytes when they are aligned for `u32`, else a copy.
    fn words(&mut self, count: usize) -> Option<std::borrow::Cow<'a, [u32]>> {
        let bytes = self.take(count.checked_mul(4)?)?;
        // SAFETY: every bit pattern is a u32.
        if let ([], words, []) = unsafe { bytes.align_to::<u32>() } {
            return Some(std::borrow::Cow::Borrowed(words));
        }
        let mut words = vec![0u32; count];
        // SAFETY: `words` has room for exactly `bytes.len()` bytes, and every bit pattern is a u32.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), words.as_mut_ptr().cast::<u8>(), bytes.len()) };
        Some(std::borrow::Cow::Owned(words))
    }
}

/// The tokens of a [`to_payload`] form (tests and tools; the shim reads it in place).
pub fn tokens_from_payload(payload: &[u8]) -> Option<Vec<Token>> {
    let payload = from_payload(payload)?;
    let view = PackedView::new(&payload.words, payload.text);
    view.tokens(0..view.len())
}

// The tests are in their own file, so that changing them does not change [`crate::wire::WIRE_VERSION`].
#[cfg(test)]
#[path = "packed_tests.rs"]
mod tests;
