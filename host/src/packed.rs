//! The WIT's packed `token-stream` (five `u32` words per token plus one text buffer; the layout
//! is documented on the record in `wit/bridge.wit`) to and from the host's flat token list.
//!
//! Decoding reads what a guest wrote, so every field is checked: an entry that breaks the layout
//! is a [`GuestFault::MalformedEntry`] naming the entry and the field. Text is copied into the
//! tokens' strings, so decoding also enforces the text limit, counting shared text once per
//! token that names it.

use crate::bindings::types::TokenStream as Packed;
use crate::error::GuestFault;
use crate::tokens::{Group, Ident, LitKind, Literal, Punct, Token};
use wasmacro_backend::packed::{delimiter_from, doc_from, spacing_from, GROUP, IDENT, PUNCT};
pub use wasmacro_backend::packed::WORDS;

/// Entries of `packed`, rounded down (a partial entry is refused by `decode`).
pub fn entries(packed: &Packed) -> usize {
    packed.words.len() / WORDS
}

/// Packs `tokens` (the layout is `wasmacro_backend::packed`'s). Fails only when the text would
/// not fit `u32` offsets (4 GiB: more than a guest's whole memory).
pub fn encode(tokens: &[Token]) -> Result<Packed, GuestFault> {
    let (words, text) = wasmacro_backend::packed::encode(tokens)
        .map_err(|_| GuestFault::Limit("a token stream for the macro would hold more than 4 GiB of text".into()))?;
    Ok(Packed { words, text })
}

/// Unpacks a stream the guest sent; returns its tokens and the bytes of text copied into them.
/// `max_text` bounds that text; past it the error is `what` "holds more than `max_text` bytes of
/// text" (the caller's limit message).
pub fn decode(packed: &Packed, max_text: usize, what: &str) -> Result<(Vec<Token>, usize), GuestFault> {
    let Packed { words, text } = packed;
    if words.len() % WORDS != 0 {
        return Err(GuestFault::MalformedEntry {
            index: words.len() / WORDS,
            why: format!("is cut short: the stream has {} words, not a multiple of {WORDS}", words.len()),
        });
    }
    let mut tokens = Vec::with_capacity(words.len() / WORDS);
    let mut copied = 0usize;
    for (index, entry) in words.chunks_exact(WORDS).enumerate() {
        let bad = |why: String| GuestFault::MalformedEntry { index, why };
        let mut slice = |start: u32, len: u32| -> Result<String, GuestFault> {
            let (start, len) = (start as usize, len as usize);
            let Some(s) = start.checked_add(len).and_then(|end| text.get(start..end)) else {
                return Err(bad(format!(
                    "names text bytes {start}..{}, which are not a range of the {} bytes of text on character boundaries",
                    start.saturating_add(len),
                    text.len()
                )));
            };
            copied = copied.saturating_add(len);
            if copied > max_text {
                return Err(GuestFault::Limit(format!(
                    "{what} holds more than {max_text} bytes of text (Limits::max_text_bytes)"
                )));
            }
            Ok(s.to_owned())
        };
        let head = entry[0];
        let spacing = spacing_from(head >> 2 & 3).ok_or_else(|| bad("has spacing code 3, which does not exist".into()))?;
        let (token, used_bits, used_words) = match head & 3 {
            GROUP => {
                let delimiter = delimiter_from(head >> 4);
                let close_spacing =
                    spacing_from(head >> 6 & 3).ok_or_else(|| bad("has close spacing code 3, which does not exist".into()))?;
                let doc_comment = doc_from(head >> 8 & 3).ok_or_else(|| bad("has doc comment code 3, which does not exist".into()))?;
                let group = Group {
                    delimiter,
                    open: entry[1],
                    close: entry[2],
                    entire: entry[3],
                    len: entry[4],
                    open_spacing: spacing,
                    close_spacing,
                    doc_comment,
                };
                (Token::Group(group), 10, 5)
            }
            IDENT => {
                let name = slice(entry[2], entry[3])?;
                (Token::Ident(Ident { name, is_raw: head >> 4 & 1 == 1, span: entry[1], spacing }), 5, 4)
            }
            PUNCT => {
                let ch = char::from_u32(entry[2])
                    .ok_or_else(|| bad(format!("is a punct of code point {:#x}, which is not a Unicode scalar value", entry[2])))?;
                (Token::Punct(Punct { ch, spacing, span: entry[1] }), 4, 3)
            }
            _ => {
                let hashes = (head >> 8 & 0xff) as u8;
                let code = head >> 4 & 0xf;
                let kind = LitKind::from_code(code, hashes)
                    .ok_or_else(|| bad(format!("is a literal of kind code {code}, which does not exist")))?;
                if hashes != 0 && !matches!(kind, LitKind::StrRaw(_) | LitKind::ByteStrRaw(_) | LitKind::CStrRaw(_)) {
                    return Err(bad(format!("gives {hashes} raw hashes to a literal that is not raw")));
                }
                let symbol = slice(entry[2], entry[3])?;
                let suffix = match entry[4] {
                    0 => None,
                    len => Some(slice(entry[2].saturating_add(entry[3]), len)?),
                };
                (Token::Literal(Literal { kind, symbol, suffix, span: entry[1], spacing }), 16, 5)
            }
        };
        if head >> used_bits != 0 {
            return Err(bad(format!("sets bits of word 0 that its kind does not use ({head:#x})")));
        }
        if let Some(word) = entry[used_words..].iter().position(|&w| w != 0) {
            return Err(bad(format!("sets word {}, which its kind does not use", used_words + word)));
        }
        tokens.push(token);
    }
    Ok((tokens, copied))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{CommentKind, Delimiter, Spacing};

    fn sample() -> Vec<Token> {
        vec![
            Token::Group(Group {
                delimiter: Delimiter::Bracket,
                open: 1,
                close: 2,
                entire: 3,
                len: 3,
                open_spacing: Spacing::JointHidden,
                close_spacing: Spacing::Joint,
                doc_comment: Some(CommentKind::Block),
            }),
            Token::Ident(Ident { name: "größe".into(), is_raw: true, span: 4, spacing: Spacing::Alone }),
            Token::Punct(Punct { ch: '=', spacing: Spacing::Joint, span: 5 }),
            Token::Literal(Literal {
                kind: LitKind::StrRaw(2),
                symbol: "a\"b".into(),
                suffix: Some("x".into()),
                span: 6,
                spacing: Spacing::Alone,
            }),
            Token::Literal(Literal { kind: LitKind::Err, symbol: String::new(), suffix: None, span: 7, spacing: Spacing::Alone }),
        ]
    }

    #[test]
    fn every_field_survives_a_round_trip() {
        let tokens = sample();
        let packed = encode(&tokens).unwrap();
        assert_eq!(packed.words.len(), 5 * WORDS);
        assert_eq!(packed.text, "größea\"bx");
        // The group's word 0: bracket (2) at bit 4, joint-hidden (2) at 2, joint (1) at 6, block (2) at 8.
        assert_eq!(packed.words[0], 2 << 2 | 2 << 4 | 1 << 6 | 2 << 8);
        assert_eq!(decode(&packed, usize::MAX, "it").unwrap(), (tokens, "größea\"bx".len()));
    }

    fn refusal(words: Vec<u32>, text: &str) -> String {
        decode(&Packed { words, text: text.into() }, 100, "the stream").unwrap_err().to_string()
    }

    #[test]
    fn malformed_entries_are_named() {
        let cases: [(Vec<u32>, &str, &str); 9] = [
            (vec![1, 0, 0, 0], "", "entry 0 is cut short: the stream has 4 words, not a multiple of 5"),
            (vec![1 | 3 << 2, 0, 0, 0, 0], "", "entry 0 has spacing code 3"),
            (vec![0 | 3 << 8, 0, 0, 0, 0], "", "entry 0 has doc comment code 3"),
            (vec![2, 0, 0xd800, 0, 0], "", "entry 0 is a punct of code point 0xd800"),
            (vec![2, 0, 'a' as u32, 0, 0, 1, 0, 0, 3, 0], "ab", "entry 1 names text bytes 0..3, which are not a range of the 2 bytes"),
            (vec![1, 0, 1, 1, 0], "é", "entry 0 names text bytes 1..2"),
            (vec![3 | 11 << 4, 0, 0, 0, 0], "", "entry 0 is a literal of kind code 11"),
            (vec![3 | 4 << 4 | 1 << 8, 0, 0, 0, 0], "", "entry 0 gives 1 raw hashes to a literal that is not raw"),
            (vec![2 | 1 << 4, 0, 'a' as u32, 0, 0], "", "entry 0 sets bits of word 0 that its kind does not use (0x12)"),
        ];
        for (words, text, expected) in cases {
            let message = refusal(words, text);
            assert!(message.contains(expected), "{message:?} does not contain {expected:?}");
        }
        assert!(refusal(vec![2, 0, 'a' as u32, 7, 0], "").contains("entry 0 sets word 3, which its kind does not use"));
    }

    #[test]
    fn shared_text_counts_against_the_limit_for_each_token() {
        // Ten idents naming the same 20 bytes: 200 bytes copied, over the limit of 100.
        let words: Vec<u32> = (0..10).flat_map(|_| [1, 0, 0, 20, 0]).collect();
        let message = refusal(words, &"x".repeat(20));
        assert_eq!(message, "the stream holds more than 100 bytes of text (Limits::max_text_bytes)");
    }
}
