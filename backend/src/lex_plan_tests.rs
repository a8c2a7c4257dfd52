use super::*;
use crate::backend::Backend;
use crate::packed::encode;
use crate::standalone::{RustEdition, StandaloneBackend};
use crate::tokens::{CommentKind, Group, Ident, Literal, Punct, Spacing, Token};

const CALL_SITE: u32 = 0;
const INPUT: u32 = 7;

fn ident(name: &str, span: u32) -> Token {
    Token::Ident(Ident { name: name.into(), is_raw: false, span, spacing: Spacing::Alone })
}

fn punct(ch: char, joint: bool, span: u32) -> Token {
    Token::Punct(Punct { ch, spacing: if joint { Spacing::Joint } else { Spacing::Alone }, span })
}

fn literal(kind: LitKind, symbol: &str, suffix: Option<&str>, span: u32) -> Token {
    Token::Literal(Literal { kind, symbol: symbol.into(), suffix: suffix.map(Into::into), span, spacing: Spacing::Alone })
}

fn group(delimiter: Delimiter, span: u32, body: Vec<Token>) -> Vec<Token> {
    let head = Token::Group(Group {
        delimiter,
        open: span,
        close: span,
        entire: span,
        len: body.len() as u32,
        open_spacing: Spacing::Alone,
        close_spacing: Spacing::Alone,
        doc_comment: None,
    });
    std::iter::once(head).chain(body).collect()
}

fn plan(tokens: &[Token]) -> LexPlan {
    let (words, text) = encode(tokens).unwrap();
    LexPlan::of(PackedView::new(&words, &text), CALL_SITE)
}

/// `a :: b`, a call-site path of four entries.
fn path(a: &str, b: &str, span: u32) -> Vec<Token> {
    vec![ident(a, span), punct(':', true, span), punct(':', false, span), ident(b, span)]
}

#[test]
fn an_output_all_at_the_call_site_is_one_run() {
    // impl ::serde::Serialize for T { fn f(&self) -> u8 { 1 } }
    let mut tokens = vec![ident("impl", CALL_SITE), punct(':', true, CALL_SITE), punct(':', false, CALL_SITE)];
    tokens.extend(path("serde", "Serialize", CALL_SITE));
    tokens.extend([ident("for", CALL_SITE), ident("T", CALL_SITE)]);
    let mut body = vec![ident("fn", CALL_SITE), ident("f", CALL_SITE)];
    body.extend(group(Delimiter::Parenthesis, CALL_SITE, vec![punct('&', false, CALL_SITE), ident("self", CALL_SITE)]));
    body.extend([punct('-', true, CALL_SITE), punct('>', false, CALL_SITE), ident("u8", CALL_SITE)]);
    body.extend(group(Delimiter::Brace, CALL_SITE, vec![literal(LitKind::Integer, "1", None, CALL_SITE)]));
    tokens.extend(group(Delimiter::Brace, CALL_SITE, body));
    let plan = plan(&tokens);
    assert_eq!(plan.runs, vec![0..tokens.len() as u32]);
    assert_eq!(plan.literals, Vec::<u32>::new());
    assert_eq!(plan.text, "( impl :: serde :: Serialize for T { fn f ( & self ) -> u8 { 1 } } ) ");
}

#[test]
fn tokens_of_another_span_split_runs_and_short_runs_are_built() {
    // `self . f0 . clone ( )` where `f0` is the input's: the run before it is too short, so it
    // is built; `. clone ( )` is four entries (the group counts its delimiters once).
    let mut tokens = vec![ident("self", CALL_SITE), punct('.', false, CALL_SITE), ident("f0", INPUT)];
    tokens.extend([punct('.', false, CALL_SITE), ident("clone", CALL_SITE)]);
    tokens.extend(group(Delimiter::Parenthesis, CALL_SITE, vec![ident("x", CALL_SITE)]));
    let plan = plan(&tokens);
    assert_eq!(plan.runs, vec![3..7]);
    assert_eq!(plan.text, "( . clone ( x ) ) ");
}

#[test]
fn a_group_with_other_spans_inside_is_built_and_its_runs_lexed() {
    let mut body = path("core", "fmt", CALL_SITE);
    body.push(punct(',', false, CALL_SITE));
    body.push(ident("field", INPUT));
    body.push(literal(LitKind::Str, "field", None, CALL_SITE));
    let tokens = group(Delimiter::Brace, CALL_SITE, body);
    let plan = plan(&tokens);
    assert_eq!(plan.runs, vec![1..6]);
    // The string after the input's identifier is a run of one: lexed alone.
    assert_eq!(plan.literals, vec![7]);
    assert_eq!(plan.text, "( core :: fmt , ) \"field\" ");
}

#[test]
fn literals_of_other_spans_are_lexed_alone_when_plainly_valid() {
    let tokens = vec![
        literal(LitKind::Integer, "1", None, INPUT),
        literal(LitKind::Str, "a\\n", None, CALL_SITE),
        literal(LitKind::Float, "2.5", Some("f32"), INPUT),
    ];
    let plan = plan(&tokens);
    assert_eq!(plan.runs, Vec::<std::ops::Range<u32>>::new());
    assert_eq!(plan.literals, vec![0, 2]);
    assert_eq!(plan.text, "1 2.5f32 ");
}

#[test]
fn a_joint_punct_stays_out_of_a_run_unless_a_punct_of_it_follows() {
    // `# [x]` with `#` joint, as `quote!` never makes it but a macro may: lexed, `#[` would be
    // `JointHidden`, so the run stops before the `#`.
    let mut tokens = path("a", "b", CALL_SITE);
    tokens.push(punct('#', true, CALL_SITE));
    tokens.extend(group(Delimiter::Bracket, CALL_SITE, vec![ident("x", CALL_SITE)]));
    let plan = plan(&tokens);
    assert_eq!(plan.runs, vec![0..4]);

    // `=` joint before a `>` of the input's span: both out.
    let mut tokens = path("a", "b", CALL_SITE);
    tokens.extend([punct('=', true, CALL_SITE), punct('>', false, INPUT)]);
    tokens.extend(path("c", "d", CALL_SITE));
    assert_eq!(plan_runs(&tokens), vec![0..4, 6..10]);

    // A chain of joint puncts at the end of a group keeps the group from being lexed whole.
    let tokens = group(Delimiter::Parenthesis, CALL_SITE, vec![ident("a", CALL_SITE), ident("b", CALL_SITE), punct('.', true, CALL_SITE), punct('.', true, CALL_SITE)]);
    assert_eq!(plan_runs(&tokens), Vec::<std::ops::Range<u32>>::new());
}

fn plan_runs(tokens: &[Token]) -> Vec<std::ops::Range<u32>> {
    plan(tokens).runs
}

#[test]
fn no_comment_lifetime_or_raw_identifier_is_lexed() {
    // `a / / b` with the first `/` joint would print as `//`, a comment.
    let mut tokens = vec![ident("a", CALL_SITE); 4];
    tokens.extend([punct('/', true, CALL_SITE), punct('/', false, CALL_SITE), ident("b", CALL_SITE), ident("b", CALL_SITE), ident("b", CALL_SITE)]);
    assert_eq!(plan_runs(&tokens), vec![0..4, 5..9]);
    // `/*` likewise; `*/` is no comment outside one.
    tokens[5] = punct('*', false, CALL_SITE);
    assert_eq!(plan_runs(&tokens), vec![0..4, 5..9]);
    tokens[4] = punct('*', true, CALL_SITE);
    tokens[5] = punct('/', false, CALL_SITE);
    assert_eq!(plan_runs(&tokens), vec![0..9]);
    // `'a` (a lifetime) and `r#type`.
    let tokens = vec![ident("x", CALL_SITE), ident("x", CALL_SITE), ident("x", CALL_SITE), punct('\'', true, CALL_SITE), ident("a", CALL_SITE)];
    assert_eq!(plan_runs(&tokens), Vec::<std::ops::Range<u32>>::new());
    let raw = Token::Ident(Ident { name: "type".into(), is_raw: true, span: CALL_SITE, spacing: Spacing::Alone });
    let tokens = vec![ident("x", CALL_SITE), raw, ident("x", CALL_SITE), ident("x", CALL_SITE), ident("x", CALL_SITE), ident("x", CALL_SITE)];
    assert_eq!(plan_runs(&tokens), vec![2..6]);
}

#[test]
fn a_doc_comment_passed_through_is_never_in_a_run() {
    // `a b c # [doc = "x"] d e f g` where the group is marked as a `///` comment.
    let mut tokens = vec![ident("a", CALL_SITE), ident("b", CALL_SITE), ident("c", CALL_SITE), ident("c", CALL_SITE), punct('#', false, CALL_SITE)];
    let mut comment = group(Delimiter::Bracket, CALL_SITE, vec![ident("doc", CALL_SITE), punct('=', false, CALL_SITE), literal(LitKind::Str, "x", None, CALL_SITE)]);
    if let Token::Group(g) = &mut comment[0] {
        g.doc_comment = Some(CommentKind::Line);
    }
    tokens.extend(comment);
    tokens.extend(path("d", "e", CALL_SITE));
    let plan = plan(&tokens);
    assert_eq!(plan.runs, vec![0..4, 9..13]);
    assert_eq!(plan.literals, Vec::<u32>::new());
}

#[test]
fn invisible_and_input_groups_are_not_lexed_whole() {
    let body = path("a", "b", CALL_SITE);
    assert_eq!(plan_runs(&group(Delimiter::None, CALL_SITE, body.clone())), vec![1..5]);
    assert_eq!(plan_runs(&group(Delimiter::Brace, INPUT, body)), vec![1..5]);
}

/// A small deterministic generator, so that the property test needs no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}

fn random_stream(rng: &mut Lcg, depth: usize, out: &mut Vec<Token>) {
    const NAMES: &[&str] = &["a", "self", "Self", "_", "r", "b", "br", "c", "cr", "k", "u8", "größe", "$crate", "fn", "x1"];
    const LITERALS: &[(LitKind, &str, Option<&str>)] = &[
        (LitKind::Integer, "0", None),
        (LitKind::Integer, "42", Some("usize")),
        (LitKind::Integer, "-1", None),
        (LitKind::Integer, "0x1F", None),
        (LitKind::Float, "1.5", Some("f64")),
        (LitKind::Float, "1.", None),
        (LitKind::Str, "a b", None),
        (LitKind::Str, "", None),
        (LitKind::Str, "a\\\"", None),
        (LitKind::Str, "x", Some("sfx")),
        (LitKind::Char, "'", None),
        (LitKind::Char, " ", None),
        (LitKind::Char, "z", None),
        (LitKind::ByteStr, "b", None),
        (LitKind::StrRaw(1), "r", None),
    ];
    const PUNCTS: &[char] = &['=', '<', '>', '!', '~', '+', '-', '*', '/', '%', '^', '&', '|', '@', '.', ',', ';', ':', '#', '$', '?', '\''];
    for _ in 0..rng.next(9) {
        // Mostly the call site, as in real outputs.
        let span = if rng.next(5) == 0 { INPUT } else { CALL_SITE };
        match rng.next(10) {
            0..=2 => {
                let name = NAMES[rng.next(NAMES.len())];
                let is_raw = rng.next(12) == 0;
                out.push(Token::Ident(Ident { name: name.into(), is_raw, span, spacing: Spacing::Alone }));
            }
            3..=6 => out.push(punct(PUNCTS[rng.next(PUNCTS.len())], rng.next(2) == 0, span)),
            7 => {
                let (kind, symbol, suffix) = LITERALS[rng.next(LITERALS.len())];
                out.push(literal(kind, symbol, suffix, span));
            }
            _ if depth < 4 => {
                let delimiter = [Delimiter::Parenthesis, Delimiter::Brace, Delimiter::Bracket, Delimiter::None][rng.next(4)];
                let at = out.len();
                out.extend(group(delimiter, span, Vec::new()));
                random_stream(rng, depth + 1, out);
                let len = (out.len() - at - 1) as u32;
                if let Token::Group(g) = &mut out[at] {
                    g.len = len;
                    if rng.next(8) == 0 {
                        g.doc_comment = Some(CommentKind::Line);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The tokens rustc records for `tokens` built through `proc_macro` at the call site: every
/// token `Alone` but a joint punct, delimiters `Alone`, and every span the lexer's.
fn as_built(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .map(|token| match token.clone() {
            Token::Group(g) => Token::Group(Group { open: 0, close: 0, entire: 0, open_spacing: Spacing::Alone, close_spacing: Spacing::Alone, ..g }),
            Token::Ident(i) => Token::Ident(Ident { span: 0, spacing: Spacing::Alone, ..i }),
            Token::Punct(p) => Token::Punct(Punct { span: 0, spacing: if p.spacing == Spacing::Joint { Spacing::Joint } else { Spacing::Alone }, ..p }),
            Token::Literal(l) => Token::Literal(Literal { span: 0, spacing: Spacing::Alone, ..l }),
        })
        .collect()
}

#[test]
fn every_run_lexes_back_into_its_tokens_as_built() {
    let mut rng = Lcg(0x5eed);
    let mut lexed_runs = 0;
    let mut lexed_literals = 0;
    for round in 0..20_000 {
        let mut tokens = Vec::new();
        random_stream(&mut rng, 0, &mut tokens);
        let plan = plan(&tokens);
        // `from_str` lexes in the call site's edition.
        let edition = [RustEdition::E2015, RustEdition::E2018, RustEdition::E2021, RustEdition::E2024][round % 4];
        let mut model = StandaloneBackend::new("<test>", "").with_edition(edition);
        let lexed = model.parse(&plan.text).unwrap_or_else(|e| panic!("{:?} does not lex: {e}", plan.text));
        assert!(model.diagnostics().is_empty(), "{:?}: {:?}", plan.text, model.diagnostics());
        // The runs, each a parenthesis, then the literals.
        let mut at = 0;
        let mut previous_end = 0;
        for run in &plan.runs {
            assert!(run.start >= previous_end && run.end - run.start >= MIN_RUN as u32, "{:?}", plan.runs);
            previous_end = run.end;
            let Token::Group(g) = &lexed[at] else { panic!("{:?}", plan.text) };
            assert_eq!(g.delimiter, Delimiter::Parenthesis);
            let body = &lexed[at + 1..at + 1 + g.len as usize];
            let expected = as_built(&tokens[run.start as usize..run.end as usize]);
            assert_eq!(as_built(body), expected, "{:?}", plan.text);
            // The lexer's own spacing, not only after `as_built`'s normalizing.
            assert_eq!(body.iter().map(spacing_of).collect::<Vec<_>>(), expected.iter().map(spacing_of).collect::<Vec<_>>(), "{:?}", plan.text);
            at += 1 + g.len as usize;
            lexed_runs += 1;
        }
        for &literal_at in &plan.literals {
            let Token::Literal(expected) = &tokens[literal_at as usize] else { panic!("{literal_at} is no literal") };
            let Token::Literal(lexed) = &lexed[at] else { panic!("{:?}", plan.text) };
            assert_eq!((lexed.kind, &lexed.symbol, &lexed.suffix), (expected.kind, &expected.symbol, &expected.suffix));
            at += 1;
        }
        assert_eq!(at, lexed.len(), "{:?}", plan.text);
        // An optimized shim's plan: the literals alone.
        let (words, text) = encode(&tokens).unwrap();
        let literals = LexPlan::literals_of(PackedView::new(&words, &text));
        let lexed = model.parse(&literals.text).unwrap_or_else(|e| panic!("{:?} does not lex: {e}", literals.text));
        assert_eq!(lexed.len(), literals.literals.len(), "{:?}", literals.text);
        for (&literal_at, lexed) in literals.literals.iter().zip(&lexed) {
            let Token::Literal(expected) = &tokens[literal_at as usize] else { panic!("{literal_at} is no literal") };
            let Token::Literal(lexed) = lexed else { panic!("{:?}", literals.text) };
            assert_eq!((lexed.kind, &lexed.symbol, &lexed.suffix), (expected.kind, &expected.symbol, &expected.suffix));
        }
        lexed_literals += literals.literals.len();
    }
    assert!(lexed_runs > 2_000, "the generator should make runs: {lexed_runs}");
    assert!(lexed_literals > 2_000, "the generator should make plain literals: {lexed_literals}");
}

#[test]
fn an_optimized_shims_plan_takes_every_plain_literal() {
    // `1 ( "a" x ) # [doc = "d"] 'c' 0x1F` with the literals at other spans than the call site's
    // too; the group after `#` is marked as a `///` comment.
    let mut tokens = vec![literal(LitKind::Integer, "1", None, INPUT)];
    tokens.extend(group(Delimiter::Parenthesis, INPUT, vec![literal(LitKind::Str, "a", None, CALL_SITE), ident("x", INPUT)]));
    tokens.push(punct('#', false, CALL_SITE));
    let mut comment = group(Delimiter::Bracket, CALL_SITE, vec![ident("doc", CALL_SITE), punct('=', false, CALL_SITE), literal(LitKind::Str, "d", None, CALL_SITE)]);
    if let Token::Group(g) = &mut comment[0] {
        g.doc_comment = Some(CommentKind::Line);
    }
    tokens.extend(comment);
    tokens.extend([literal(LitKind::Char, "c", None, INPUT), literal(LitKind::Integer, "0x1F", None, INPUT)]);
    let (words, text) = encode(&tokens).unwrap();
    let plan = LexPlan::literals_of(PackedView::new(&words, &text));
    assert_eq!(plan.runs, Vec::<std::ops::Range<u32>>::new());
    // The doc comment's literal too: unused, as the shim rebuilds the comment from text.
    assert_eq!(plan.literals, vec![0, 2, 8, 9]);
    assert_eq!(plan.text, "1 \"a\" \"d\" 'c' ");
}

/// A token's spacing, and a group's after its delimiters.
fn spacing_of(token: &Token) -> (Spacing, Spacing) {
    match token {
        Token::Group(g) => (g.open_spacing, g.close_spacing),
        Token::Ident(i) => (i.spacing, Spacing::Alone),
        Token::Punct(p) => (p.spacing, Spacing::Alone),
        Token::Literal(l) => (l.spacing, Spacing::Alone),
    }
}

#[test]
fn a_malformed_output_plans_what_comes_before_the_fault() {
    let mut tokens = path("a", "b", CALL_SITE);
    tokens.extend(group(Delimiter::Brace, CALL_SITE, vec![ident("x", CALL_SITE)]));
    let (mut words, text) = encode(&tokens).unwrap();
    // The group claims more body than there is.
    words[4 * crate::packed::WORDS + 4] = 9;
    let plan = LexPlan::of(PackedView::new(&words, &text), CALL_SITE);
    assert_eq!(plan.runs, vec![0..4]);
}

#[test]
fn only_plainly_valid_literals_are_lexed() {
    for (kind, symbol, suffix) in [
        (LitKind::Integer, "0", None),
        (LitKind::Integer, "42", Some("usize")),
        (LitKind::Float, "1.5", Some("f64")),
        (LitKind::Str, "field0", None),
        (LitKind::Str, "", None),
        (LitKind::Char, "a", None),
    ] {
        assert!(plainly_valid(kind, symbol, suffix), "{symbol}");
    }
    for (kind, symbol, suffix) in [
        // Lex errors that would fail the whole text.
        (LitKind::Str, "abc\"def", None),
        (LitKind::Float, "2.5e", None),
        (LitKind::Char, "ab", None),
        // Valid, but left to `Literal::from_str`: escapes, non-ASCII, suffixes, other forms.
        (LitKind::Str, "a\\nb", None),
        (LitKind::Str, "é", None),
        (LitKind::Str, "x", Some("suffix")),
        (LitKind::Integer, "-1", None),
        (LitKind::Integer, "0x1F", None),
        (LitKind::Integer, "1_000", None),
        (LitKind::Integer, "1", Some("f32")),
        (LitKind::Float, "1.", None),
        (LitKind::Char, "'", None),
        (LitKind::ByteStr, "x", None),
        (LitKind::StrRaw(1), "x", None),
    ] {
        assert!(!plainly_valid(kind, symbol, suffix), "{symbol}");
    }
}
