//! Reading a packed stream in place: the part of the packed form (`super`) that the shim's
//! export needs. It depends on nothing but the token model, so that `wasmacro-shim` can compile
//! this file into its export crate, optimized whatever the consumer's profile
//! (`shim/src/compiler/export.rs`).

use super::tokens::{CommentKind, Delimiter, Group, Ident, LitKind, Literal, Punct, Spacing, Token};

/// Words per entry.
pub const WORDS: usize = 5;

pub const GROUP: u32 = 0;
pub const IDENT: u32 = 1;
pub const PUNCT: u32 = 2;
pub const LITERAL: u32 = 3;

/// `None` for code 3, which no spacing has.
#[inline]
pub fn spacing_from(code: u32) -> Option<Spacing> {
    [Spacing::Alone, Spacing::Joint, Spacing::JointHidden].get(code as usize).copied()
}

#[inline]
pub fn delimiter_from(code: u32) -> Delimiter {
    [Delimiter::Parenthesis, Delimiter::Brace, Delimiter::Bracket, Delimiter::None][(code & 3) as usize]
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
