use super::*;
use crate::tokens::{Group, Ident, LitKind, Literal, Punct};

fn sample() -> Vec<Token> {
    vec![
        Token::Group(Group {
            delimiter: Delimiter::Bracket,
            open: 1,
            close: 2,
            entire: 3,
            len: 4,
            open_spacing: Spacing::JointHidden,
            close_spacing: Spacing::Joint,
            doc_comment: Some(CommentKind::Block),
        }),
        Token::Ident(Ident { name: "größe".into(), is_raw: true, span: 4, spacing: Spacing::JointHidden }),
        Token::Punct(Punct { ch: '=', spacing: Spacing::Joint, span: 5 }),
        Token::Literal(Literal { kind: LitKind::StrRaw(2), symbol: "a\"b".into(), suffix: Some("x".into()), span: 6, spacing: Spacing::Alone }),
        Token::Literal(Literal { kind: LitKind::Err, symbol: String::new(), suffix: None, span: 7, spacing: Spacing::Alone }),
    ]
}

#[test]
fn the_payload_gives_back_every_field() {
    let tokens = sample();
    let payload = to_payload(&tokens).unwrap();
    // The count, five words per token, the text's length and the text, then an empty plan
    // (no runs, no literals, no text).
    assert_eq!(payload.len(), 4 + 5 * WORDS * 4 + 4 + "größea\"bx".len() + 4 + 4);
    assert_eq!(tokens_from_payload(&payload).unwrap(), tokens);
}

#[test]
fn the_payload_gives_back_the_lex_plan() {
    let (words, text) = encode(&sample()).unwrap();
    let plan = LexPlan { runs: vec![0..2, 7..12], literals: vec![3, 4], text: "( a b ) 1 2 ".to_string() };
    let payload = words_to_payload(&words, &text, &plan).unwrap();
    let read = from_payload(&payload).unwrap();
    assert_eq!((&*read.words, read.text, read.plan), (words.as_slice(), text.as_str(), plan));
}

#[test]
fn payload_words_are_borrowed_when_aligned_and_copied_when_not() {
    let (words, text) = encode(&sample()).unwrap();
    let mut payload = Vec::new();
    words_to_payload_into(&mut payload, &words, &text, &LexPlan::default()).unwrap();
    // The same bytes at an address that is a multiple of 4, and at one that is not.
    let mut backing = vec![0u32; payload.len() / 4 + 2];
    // SAFETY: the `u32`s' memory as bytes.
    let bytes = unsafe { std::slice::from_raw_parts_mut(backing.as_mut_ptr().cast::<u8>(), backing.len() * 4) };
    bytes[..payload.len()].copy_from_slice(&payload);
    let aligned = from_payload(&bytes[..payload.len()]).unwrap();
    assert!(matches!(aligned.words, std::borrow::Cow::Borrowed(_)));
    assert_eq!(&*aligned.words, words.as_slice());
    bytes.copy_within(..payload.len(), 1);
    let unaligned = from_payload(&bytes[1..payload.len() + 1]).unwrap();
    assert!(matches!(unaligned.words, std::borrow::Cow::Owned(_)));
    assert_eq!((&*unaligned.words, unaligned.text), (words.as_slice(), text.as_str()));
}

#[test]
fn writing_into_a_used_buffer_replaces_its_content() {
    let (words, text) = encode(&sample()).unwrap();
    let mut buffer = b"left over from an earlier expansion".to_vec();
    words_to_payload_into(&mut buffer, &words, &text, &LexPlan::default()).unwrap();
    assert_eq!(buffer, words_to_payload(&words, &text, &LexPlan::default()).unwrap());
}

#[test]
fn entries_read_in_place() {
    let (words, text) = encode(&sample()).unwrap();
    let view = PackedView::new(&words, &text);
    assert_eq!(view.len(), 5);
    assert_eq!(
        view.entry(0),
        Some(Entry::Group { delimiter: Delimiter::Bracket, open: 1, close: 2, entire: 3, len: 4, doc_comment: Some(CommentKind::Block) })
    );
    assert_eq!(view.entry(1), Some(Entry::Ident { name: "größe", is_raw: true, span: 4 }));
    // Only a visible `Joint` makes a punct joint.
    assert_eq!(view.entry(2), Some(Entry::Punct { ch: '=', joint: true, span: 5 }));
    assert_eq!(view.entry(3), Some(Entry::Literal { kind: LitKind::StrRaw(2), symbol: "a\"b", suffix: Some("x"), span: 6 }));
    assert_eq!(view.entry(5), None);
}

/// Whether entry `index` reads.
fn view(words: &[u32], text: &str, index: usize) -> bool {
    PackedView::new(words, text).entry(index).is_some()
}

#[test]
fn malformed_entries_and_payloads_read_as_none() {
    assert!(view(&[IDENT, 0, 0, 2, 0], "ab", 0));
    // Text out of range, or not on a character boundary.
    assert!(!view(&[IDENT, 0, 0, 3, 0], "ab", 0));
    assert!(!view(&[IDENT, 0, 1, 1, 0], "é", 0));
    // A punct that is no character, a literal kind that does not exist, doc comment code 3.
    assert!(!view(&[PUNCT, 0, 0xd800, 0, 0], "", 0));
    assert!(!view(&[LITERAL | 11 << 4, 0, 0, 0, 0], "", 0));
    assert!(!view(&[GROUP | 3 << 8, 0, 0, 0, 0], "", 0));
    // A cut entry.
    assert!(!view(&[IDENT, 0, 0, 0], "", 0));
    // Spacing code 3 only matters where tokens are rebuilt.
    assert_eq!(PackedView::new(&[PUNCT | 3 << 2, 0, '+' as u32, 0, 0], "").tokens(0..1), None);

    let payload = to_payload(&sample()).unwrap();
    assert!(from_payload(&payload[..3]).is_none());
    assert!(from_payload(&payload[..20]).is_none(), "fewer words than counted");
    let mut bad_text = payload.clone();
    let text_at = 4 + 5 * WORDS * 4 + 4;
    bad_text[text_at] = 0xff;
    assert!(from_payload(&bad_text).is_none(), "text that is not UTF-8");
    assert!(from_payload(&payload[..payload.len() - 1]).is_none(), "a cut plan");
}
