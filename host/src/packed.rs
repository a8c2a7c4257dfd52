//! The WIT's packed `token-stream` (five `u32` words per token plus one text buffer; the layout
//! is documented on the record in `wit/bridge.wit`) to and from the host's flat token list.
//!
//! What a guest wrote is checked in place ([`validate`]), every field: an entry that breaks the
//! layout is a [`GuestFault::MalformedEntry`] naming the entry and the field. The text limit
//! counts shared text once per token that names it, as if each token held its own copy. Checked
//! streams are then read as tokens ([`read`]) or passed on packed ([`PackedOutput`]).

use crate::bindings::types::TokenStream as Packed;
use crate::error::GuestFault;
use crate::tokens::{LitKind, Token};
use wasmacro_backend::lex_plan::LexPlan;
use wasmacro_backend::packed::{doc_from, spacing_from, PackedView, IDENT, PUNCT};
pub use wasmacro_backend::packed::{GROUP, WORDS};

/// Entries of `packed`, rounded down (a partial entry is refused by [`validate`]).
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

/// Checks every entry of a stream the guest sent, in place: each follows the layout and names
/// text on character boundaries. Returns the bytes of text its tokens name, counting shared
/// text once per token that names it; past `max_text` the error is `what` "holds more than
/// `max_text` bytes of text" (the caller's limit message). Group lengths are the caller's to
/// check (they need the whole stream).
pub fn validate(packed: &Packed, max_text: usize, what: &str) -> Result<usize, GuestFault> {
    let Packed { words, text } = packed;
    if words.len() % WORDS != 0 {
        return Err(GuestFault::MalformedEntry {
            index: words.len() / WORDS,
            why: format!("is cut short: the stream has {} words, not a multiple of {WORDS}", words.len()),
        });
    }
    let mut named = 0usize;
    for (index, entry) in words.chunks_exact(WORDS).enumerate() {
        let bad = |why: String| GuestFault::MalformedEntry { index, why };
        let mut text_at = |start: u32, len: u32| -> Result<(), GuestFault> {
            let (start, len) = (start as usize, len as usize);
            if start.checked_add(len).and_then(|end| text.get(start..end)).is_none() {
                return Err(bad(format!(
                    "names text bytes {start}..{}, which are not a range of the {} bytes of text on character boundaries",
                    start.saturating_add(len),
                    text.len()
                )));
            }
            named = named.saturating_add(len);
            if named > max_text {
                return Err(GuestFault::Limit(format!(
                    "{what} holds more than {max_text} bytes of text (Limits::max_text_bytes)"
                )));
            }
            Ok(())
        };
        let head = entry[0];
        spacing_from(head >> 2 & 3).ok_or_else(|| bad("has spacing code 3, which does not exist".into()))?;
        let (used_bits, used_words) = match head & 3 {
            GROUP => {
                spacing_from(head >> 6 & 3).ok_or_else(|| bad("has close spacing code 3, which does not exist".into()))?;
                doc_from(head >> 8 & 3).ok_or_else(|| bad("has doc comment code 3, which does not exist".into()))?;
                (10, 5)
            }
            IDENT => {
                text_at(entry[2], entry[3])?;
                (5, 4)
            }
            PUNCT => {
                char::from_u32(entry[2])
                    .ok_or_else(|| bad(format!("is a punct of code point {:#x}, which is not a Unicode scalar value", entry[2])))?;
                (4, 3)
            }
            _ => {
                let hashes = (head >> 8 & 0xff) as u8;
                let code = head >> 4 & 0xf;
                let kind = LitKind::from_code(code, hashes)
                    .ok_or_else(|| bad(format!("is a literal of kind code {code}, which does not exist")))?;
                if hashes != 0 && !matches!(kind, LitKind::StrRaw(_) | LitKind::ByteStrRaw(_) | LitKind::CStrRaw(_)) {
                    return Err(bad(format!("gives {hashes} raw hashes to a literal that is not raw")));
                }
                text_at(entry[2], entry[3])?;
                if entry[4] != 0 {
                    text_at(entry[2].saturating_add(entry[3]), entry[4])?;
                }
                (16, 5)
            }
        };
        if head >> used_bits != 0 {
            return Err(bad(format!("sets bits of word 0 that its kind does not use ({head:#x})")));
        }
        if let Some(word) = entry[used_words..].iter().position(|&w| w != 0) {
            return Err(bad(format!("sets word {}, which its kind does not use", used_words + word)));
        }
    }
    Ok(named)
}

/// The limits [`check`] holds a stream to: bytes of text its tokens name (shared text counted
/// once per token), and group nesting.
#[derive(Clone, Copy, Debug)]
pub struct StreamCaps {
    pub max_text: usize,
    pub max_depth: usize,
}

/// Every check the host makes of a stream the guest sent: [`validate`], then group lengths that
/// nest ([`check_nesting`]) within `caps.max_depth`, then each span against `span_fault`
/// (`Some`: the fault that span is). Returns the bytes of text the tokens name. A well-formed
/// stream is accepted by one pass ([`accept`]); only a stream that fails it is checked again
/// step by step, so that what is reported, and which fault first, is the same either way.
pub fn check(packed: &Packed, caps: StreamCaps, what: &str, span_fault: impl Fn(u32) -> Option<GuestFault>) -> Result<usize, GuestFault> {
    match accept(packed, caps, |span| span_fault(span).is_none()) {
        Some(text) => Ok(text),
        None => check_by_steps(packed, caps, what, span_fault),
    }
}

/// [`check`]'s checks one after another, each with its messages: the first fault found is the
/// one reported.
fn check_by_steps(packed: &Packed, caps: StreamCaps, what: &str, span_fault: impl Fn(u32) -> Option<GuestFault>) -> Result<usize, GuestFault> {
    let StreamCaps { max_text, max_depth } = caps;
    let text = validate(packed, max_text, what)?;
    let depth = check_nesting(&packed.words)?;
    if depth > max_depth {
        return Err(GuestFault::Limit(format!("{what} nests groups {depth} deep; the limit is {max_depth} (Limits::max_depth)")));
    }
    for entry in packed.words.chunks_exact(WORDS) {
        if let Some(fault) = entry_spans(entry).iter().find_map(|&span| span_fault(span)) {
            return Err(fault);
        }
    }
    Ok(text)
}

/// Whether `packed` passes all of [`check`]'s checks (`known` says which span ids are the
/// guest's), in one pass over the words with no message built: the path of every output. `Some`
/// gives the bytes of text the tokens name; `None` says only that something is wrong.
/// (On `Deserialize`'s output, the three passes with their error paths took about 91
/// instructions per entry; this one takes about 67.)
pub fn accept(packed: &Packed, caps: StreamCaps, known: impl Fn(u32) -> bool) -> Option<usize> {
    let (Packed { words, text }, StreamCaps { max_text, max_depth }) = (packed, caps);
    let (entries, []) = words.as_chunks::<WORDS>() else { return None };
    let mut named = 0usize;
    let mut text_fits = |start: u32, len: u32| {
        let (start, len) = (start as usize, len as usize);
        named = named.saturating_add(len);
        named <= max_text && start.checked_add(len).is_some_and(|end| text.get(start..end).is_some())
    };
    // Where each open group ends (an entry index), innermost last.
    let mut open_ends: Vec<usize> = Vec::new();
    for (index, &[head, w1, w2, w3, w4]) in entries.iter().enumerate() {
        while open_ends.last() == Some(&index) {
            open_ends.pop();
        }
        if head >> 2 & 3 == 3 {
            return None;
        }
        let sound = match head & 3 {
            GROUP => {
                let limit = open_ends.last().copied().unwrap_or(entries.len());
                let fits = (index + 1).checked_add(w4 as usize).filter(|&end| end <= limit);
                let Some(end) = fits else { return None };
                open_ends.push(end);
                head >> 10 == 0
                    && head >> 6 & 3 != 3
                    && head >> 8 & 3 != 3
                    && open_ends.len() <= max_depth
                    && known(w1)
                    && known(w2)
                    && known(w3)
            }
            IDENT => head >> 5 == 0 && w4 == 0 && text_fits(w2, w3) && known(w1),
            PUNCT => head >> 4 == 0 && w3 | w4 == 0 && char::from_u32(w2).is_some() && known(w1),
            _ => {
                let hashes = (head >> 8 & 0xff) as u8;
                let kind_fits = LitKind::from_code(head >> 4 & 0xf, hashes).is_some_and(|kind| {
                    hashes == 0 || matches!(kind, LitKind::StrRaw(_) | LitKind::ByteStrRaw(_) | LitKind::CStrRaw(_))
                });
                kind_fits
                    && head >> 16 == 0
                    && text_fits(w2, w3)
                    && (w4 == 0 || text_fits(w2.saturating_add(w3), w4))
                    && known(w1)
            }
        };
        if !sound {
            return None;
        }
    }
    Some(named)
}

/// Each group's `len` must fit inside its parent's body (`words` is a packed stream whose entries
/// passed [`validate`]). Returns the deepest nesting.
pub fn check_nesting(words: &[u32]) -> Result<usize, GuestFault> {
    let entries = words.len() / WORDS;
    let mut open_ends: Vec<usize> = Vec::new();
    let mut deepest = 0;
    for (index, entry) in words.chunks_exact(WORDS).enumerate() {
        while open_ends.last() == Some(&index) {
            open_ends.pop();
        }
        if entry[0] & 3 == GROUP {
            let len = entry[4];
            let end = index + 1 + len as usize;
            let limit = open_ends.last().copied().unwrap_or(entries);
            if end > limit {
                return Err(GuestFault::MalformedStream { index, len });
            }
            open_ends.push(end);
            deepest = deepest.max(open_ends.len());
        }
    }
    Ok(deepest)
}

/// The tokens of a stream that passed [`validate`]. `None` only if the two disagree (a host bug).
pub fn read(packed: &Packed) -> Option<Vec<Token>> {
    let view = PackedView::new(&packed.words, &packed.text);
    view.tokens(0..view.len())
}

/// The spans an entry carries: a group's open, close and whole spans, another token's one.
pub fn entry_spans(entry: &[u32]) -> &[u32] {
    match entry[0] & 3 {
        GROUP => &entry[1..4],
        _ => &entry[1..2],
    }
}

/// A macro's output as the guest packed it, after the host's checks: every entry well formed,
/// groups nested, within the limits, and only spans of its expansion. A compiler's shim takes
/// it as it is ([`PackedOutput::to_payload`]); other embedders read its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedOutput {
    pub(crate) words: Vec<u32>,
    pub(crate) text: String,
}

impl PackedOutput {
    /// Reads the entries in place.
    pub fn view(&self) -> PackedView<'_> {
        PackedView::new(&self.words, &self.text)
    }

    /// Number of entries (tokens and groups).
    pub fn len(&self) -> usize {
        self.words.len() / WORDS
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The tokens, spacing included. `None` only on a host bug (its checks and its reader
    /// disagreeing).
    pub fn tokens(&self) -> Option<Vec<Token>> {
        self.view().tokens(0..self.len())
    }

    /// The host library's byte form for a compiler's shim: the stream, and the plan of what the
    /// shim has the compiler lex from text ([`wasmacro_backend::packed::from_payload`] reads both
    /// back). With the span id of the compiler's call site, the plan takes runs of tokens
    /// ([`LexPlan::of`]); without, only literals ([`LexPlan::literals_of`]).
    pub fn to_payload(&self, runs_at: Option<u32>) -> Vec<u8> {
        let mut out = Vec::new();
        self.to_payload_into(runs_at, &mut out);
        out
    }

    /// [`PackedOutput::to_payload`] into `out`, which it empties first (see
    /// [`wasmacro_backend::packed::words_to_payload_into`]).
    pub fn to_payload_into(&self, runs_at: Option<u32>, out: &mut Vec<u8>) {
        let plan = match runs_at {
            Some(call_site) => LexPlan::of(self.view(), call_site),
            None => LexPlan::literals_of(self.view()),
        };
        // The guest's text lives in its 32-bit memory, so its offsets always fit.
        wasmacro_backend::packed::words_to_payload_into(out, &self.words, &self.text, &plan).expect("a guest's text is under 4 GiB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{CommentKind, Delimiter, Group, Ident, Literal, Punct, Spacing};

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
        assert_eq!(validate(&packed, usize::MAX, "it").unwrap(), "größea\"bx".len());
        assert_eq!(read(&packed).unwrap(), tokens);
    }

    fn refusal(words: Vec<u32>, text: &str) -> String {
        validate(&Packed { words, text: text.into() }, 100, "the stream").unwrap_err().to_string()
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

    #[test]
    fn a_checked_output_reads_and_pays_out_the_same_tokens() {
        let tokens = sample();
        let Packed { words, text } = encode(&tokens).unwrap();
        let output = PackedOutput { words, text };
        assert_eq!(output.len(), tokens.len());
        assert_eq!(output.tokens().unwrap(), tokens);
        // The shim's reader gets the same tokens from the payload, spacing included.
        let payload = output.to_payload(Some(0));
        assert_eq!(wasmacro_backend::packed::tokens_from_payload(&payload).unwrap(), tokens);
        // With the plan for that call site, or the literals' alone.
        let read = wasmacro_backend::packed::from_payload(&payload).unwrap();
        assert_eq!(read.plan, LexPlan::of(output.view(), 0));
        let read = wasmacro_backend::packed::from_payload(&output.to_payload(None)).unwrap().plan;
        assert_eq!(read, LexPlan::literals_of(output.view()));
    }

    fn group(len: u32) -> Token {
        Token::Group(Group {
            delimiter: Delimiter::Brace,
            open: 0,
            close: 0,
            entire: 0,
            len,
            open_spacing: Spacing::Alone,
            close_spacing: Spacing::Alone,
            doc_comment: None,
        })
    }

    fn punct() -> Token {
        Token::Punct(Punct { ch: ';', spacing: Spacing::Alone, span: 0 })
    }

    fn nesting(tokens: &[Token]) -> Result<usize, GuestFault> {
        check_nesting(&encode(tokens).unwrap().words)
    }

    #[test]
    fn nesting_accepts_well_formed_and_rejects_overlong_groups() {
        assert_eq!(nesting(&[group(2), group(1), punct(), punct()]).unwrap(), 2);
        assert_eq!(nesting(&[group(0), punct()]).unwrap(), 1);
        assert!(nesting(&[group(3), punct()]).is_err());
        // The inner group claims more than its parent's body.
        assert!(nesting(&[group(2), group(2), punct(), punct()]).is_err());
    }

    /// The one-pass check and the step-by-step one agree, on streams damaged in every field.
    #[test]
    fn the_fast_check_accepts_exactly_what_the_steps_accept() {
        let mut base = sample();
        base.extend([group(2), group(1), punct(), punct()]);
        let Packed { words, text } = encode(&base).unwrap();
        // Spans 0..=7 are the guest's; 8 is not.
        let fault = |span: u32| (span > 7).then_some(GuestFault::InvalidSpan(span));
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..100_000 {
            let mut words = words.clone();
            let mut text = text.clone();
            for _ in 0..=next(4) / 3 {
                match next(6) {
                    // A small value, a flipped bit or a neighbour in any word.
                    0 => {
                        let at = next(words.len() as u64) as usize;
                        words[at] = next(10) as u32;
                    }
                    1 => {
                        let at = next(words.len() as u64) as usize;
                        // Most fields are in the low bits of word 0.
                        let bits = if next(2) == 0 { 17 } else { 32 };
                        words[at] ^= 1 << next(bits);
                    }
                    2 => {
                        let at = next(words.len() as u64) as usize;
                        words[at] = words[at].wrapping_add(1);
                    }
                    3 => {
                        let at = next(words.len() as u64) as usize;
                        words[at] = words[at].wrapping_sub(1);
                    }
                    4 => {
                        words.truncate(words.len() - 1 - next(6) as usize);
                    }
                    _ => text = text.replacen('ö', "o", 1),
                }
                if words.is_empty() {
                    break;
                }
            }
            let packed = Packed { words, text };
            let caps = StreamCaps { max_text: 10 + next(16) as usize, max_depth: 1 + next(4) as usize };
            let fast = accept(&packed, caps, |span| fault(span).is_none());
            let steps = check_by_steps(&packed, caps, "it", fault).ok();
            assert_eq!(fast, steps, "the checks disagree on {packed:?} ({caps:?})");
            if fast.is_some() {
                accepted += 1;
            } else {
                refused += 1;
            }
        }
        // Both outcomes were exercised often.
        assert!(accepted > 10_000 && refused > 10_000, "{accepted} accepted, {refused} refused");
    }

    #[test]
    fn entry_spans_are_a_groups_three_and_a_tokens_one() {
        let packed = encode(&sample()).unwrap();
        let spans: Vec<&[u32]> = packed.words.chunks_exact(WORDS).map(entry_spans).collect();
        assert_eq!(spans, [&[1, 2, 3][..], &[4], &[5], &[6], &[7]]);
    }
}
