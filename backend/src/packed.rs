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

use crate::lex_plan::LexPlan;
use crate::tokens::{CommentKind, Delimiter, Group, Ident, LitKind, Literal, Punct, Spacing, Token};

/// Words per entry.
pub const WORDS: usize = 5;

pub const GROUP: u32 = 0;
pub const IDENT: u32 = 1;
pub const PUNCT: u32 = 2;
pub const LITERAL: u32 = 3;

pub fn spacing_code(s: Spacing) -> u32 {
    match s {
        Spacing::Alone => 0,
        Spacing::Joint => 1,
        Spacing::JointHidden => 2,
    }
}

/// `None` for code 3, which no spacing has.
#[inline]
pub fn spacing_from(code: u32) -> Option<Spacing> {
    [Spacing::Alone, Spacing::Joint, Spacing::JointHidden].get(code as usize).copied()
}

pub fn delimiter_code(d: Delimiter) -> u32 {
    match d {
        Delimiter::Parenthesis => 0,
        Delimiter::Brace => 1,
        Delimiter::Bracket => 2,
        Delimiter::None => 3,
    }
}

#[inline]
pub fn delimiter_from(code: u32) -> Delimiter {
    [Delimiter::Parenthesis, Delimiter::Brace, Delimiter::Bracket, Delimiter::None][(code & 3) as usize]
}

pub fn doc_code(doc: Option<CommentKind>) -> u32 {
    match doc {
        None => 0,
        Some(CommentKind::Line) => 1,
        Some(CommentKind::Block) => 2,
    }
}

/// The doc comment of code 0-2 (`Some(None)` for none); `None` for code 3, which is unused.
#[inline]
pub fn doc_from(code: u32) -> Option<Option<CommentKind>> {
    match code {
        0 => Some(None),
        1 => Some(Some(CommentKind::Line)),
        2 => Some(Some(CommentKind::Block)),
        _ => None,
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

/// One entry of a packed stream, its text borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry<'a> {
    /// `len` entries of body follow.
    Group { delimiter: Delimiter, open: u32, close: u32, entire: u32, len: u32, doc_comment: Option<CommentKind> },
    Ident { name: &'a str, is_raw: bool, span: u32 },
    Punct { ch: char, joint: bool, span: u32 },
    Literal { kind: LitKind, symbol: &'a str, suffix: Option<&'a str>, span: u32 },
}

/// Reads entries of a packed stream in place. Meant for streams the host packed itself (the
/// shim's side): a malformed entry reads as `None`, and the spacing the shim does not need is
/// not checked.
#[derive(Clone, Copy)]
pub struct PackedView<'a> {
    words: &'a [u32],
    text: &'a str,
}

impl<'a> PackedView<'a> {
    pub fn new(words: &'a [u32], text: &'a str) -> PackedView<'a> {
        PackedView { words, text }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.words.len() / WORDS
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The words, five per entry (the layout above).
    pub fn words(&self) -> &'a [u32] {
        self.words
    }

    /// The text the entries name.
    pub fn text(&self) -> &'a str {
        self.text
    }

    // Inlined into the shim's loop over the output (another crate): one call per token costs
    // more there than the decoding. `always`: LLVM keeps it out of line in that loop otherwise.
    #[inline(always)]
    pub fn entry(&self, index: usize) -> Option<Entry<'a>> {
        let at = index.checked_mul(WORDS)?;
        let w = self.words.get(at..at + WORDS)?;
        let head = w[0];
        Some(match head & 3 {
            GROUP => Entry::Group {
                delimiter: delimiter_from(head >> 4),
                open: w[1],
                close: w[2],
                entire: w[3],
                len: w[4],
                doc_comment: doc_from(head >> 8 & 3)?,
            },
            IDENT => Entry::Ident { name: self.text_at(w[2], w[3])?, is_raw: head >> 4 & 1 == 1, span: w[1] },
            PUNCT => Entry::Punct { ch: char::from_u32(w[2])?, joint: spacing_from(head >> 2 & 3) == Some(Spacing::Joint), span: w[1] },
            _ => {
                let (kind, symbol, suffix) = self.literal_fields(w)?;
                Entry::Literal { kind, symbol, suffix, span: w[1] }
            }
        })
    }

    /// The kind, symbol and suffix of the literal entry of words `w`, if well formed.
    #[inline(always)]
    pub(crate) fn literal_fields(&self, w: &[u32]) -> Option<(LitKind, &'a str, Option<&'a str>)> {
        let kind = LitKind::from_code(w[0] >> 4 & 0xf, (w[0] >> 8) as u8)?;
        let suffix = match w[4] {
            0 => None,
            len => Some(self.text_at(w[2].checked_add(w[3])?, len)?),
        };
        Some((kind, self.text_at(w[2], w[3])?, suffix))
    }

    #[inline]
    pub(crate) fn text_at(&self, start: u32, len: u32) -> Option<&'a str> {
        let start = start as usize;
        self.text.get(start..start.checked_add(len as usize)?)
    }

    /// Where a doc comment the macro passed through ends, if one starts at `i` and ends by
    /// `end`: `#`, an optional `!`, and a group marked as a comment (the shim rebuilds it as the
    /// compiler's comment token).
    #[inline]
    pub fn doc_comment_end(&self, i: usize, end: usize) -> Option<usize> {
        let Some(Entry::Punct { ch: '#', .. }) = self.entry(i) else { return None };
        let bang = matches!(self.entry(i + 1), Some(Entry::Punct { ch: '!', .. }));
        let group_at = i + 1 + usize::from(bang);
        let Some(Entry::Group { len, doc_comment: Some(_), .. }) = self.entry(group_at) else { return None };
        let after = group_at + 1 + len as usize;
        (after <= end).then_some(after)
    }

    /// The entries in `range` as tokens, spacing included.
    pub fn tokens(&self, range: std::ops::Range<usize>) -> Option<Vec<Token>> {
        range
            .map(|index| {
                let head = *self.words.get(index.checked_mul(WORDS)?)?;
                let spacing = spacing_from(head >> 2 & 3)?;
                Some(match self.entry(index)? {
                    Entry::Group { delimiter, open, close, entire, len, doc_comment } => Token::Group(Group {
                        delimiter,
                        open,
                        close,
                        entire,
                        len,
                        open_spacing: spacing,
                        close_spacing: spacing_from(head >> 6 & 3)?,
                        doc_comment,
                    }),
                    Entry::Ident { name, is_raw, span } => Token::Ident(Ident { name: name.to_string(), is_raw, span, spacing }),
                    Entry::Punct { ch, span, .. } => Token::Punct(Punct { ch, spacing, span }),
                    Entry::Literal { kind, symbol, suffix, span } => Token::Literal(Literal {
                        kind,
                        symbol: symbol.to_string(),
                        suffix: suffix.map(str::to_string),
                        span,
                        spacing,
                    }),
                })
            })
            .collect()
    }
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
    let count = |n: usize| u32::try_from(n).map(u32::to_ne_bytes).map_err(|_| TextTooLong);
    let plan_words = 2 + 2 * plan.runs.len() + plan.literals.len();
    let mut out = Vec::with_capacity(8 + (words.len() + plan_words) * 4 + text.len() + plan.text.len());
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
    Ok(out)
}

/// A [`to_payload`] form read back.
pub struct Payload<'a> {
    pub words: Vec<u32>,
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

    /// `count` words, copied once into aligned memory (one copy of the whole block, cheap even
    /// unoptimized).
    fn words(&mut self, count: usize) -> Option<Vec<u32>> {
        let bytes = self.take(count.checked_mul(4)?)?;
        let mut words = vec![0u32; count];
        // SAFETY: `words` has room for exactly `bytes.len()` bytes, and every bit pattern is a u32.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), words.as_mut_ptr().cast::<u8>(), bytes.len()) };
        Some(words)
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
