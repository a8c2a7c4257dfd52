//! Which parts of an expansion's output the shim has rustc lex from text, in one
//! `TokenStream::from_str` per output, instead of building them token by token.
//!
//! Why: a token the shim builds through rustc's `proc_macro` costs a client object, its encoding
//! on the bridge, and the compiler's decoding and interning; a lexed token costs the lexing and
//! interning alone. Most of a macro's output carries the call site's span (`quote!`'s default),
//! and that is the span `from_str` gives every token it lexes.
//!
//! A *run* is a range of sibling entries that lexes back into the very tokens the shim would
//! build, with the same spacing. The text prints each token followed by a space, except a joint
//! punct, so the lexer records every token as `Alone`, which is what rustc records for a token
//! built through `proc_macro`, and a joint punct as `Joint`. So every entry of a run must:
//! - carry the call site's span (a group: its open, close and entire spans);
//! - be a plain ASCII identifier (not raw), a literal no lexer reads differently
//!   ([`plainly_valid`]), a punct other than `'` (a lifetime would glue differently), or a
//!   group with a visible delimiter, no doc comment, and a body that is one run as a whole;
//! - as a joint punct, be followed by a punct of the same run that does not start a comment
//!   with it (`//`, `/*`): a joint punct before anything else lexes as `JointHidden`.
//!
//! A doc comment the macro passed through (`#`, `!`, a group marked as a comment) is never in
//! a run: the shim rebuilds it as the compiler's comment token.
//!
//! The text is each run in parentheses, then every other literal that is plainly valid (the
//! shim sets its span afterwards): `( run ) ( run ) lit lit`.
//!
//! An optimized shim builds the other tokens for less than the lexer takes to read them, but
//! not literals: `Literal::from_str` is a bridge call and a parse of its own for each. So it
//! gets a plan of literals only ([`LexPlan::literals_of`]).

use std::ops::Range;

use crate::packed::{delimiter_from, doc_from, spacing_from, PackedView, GROUP, IDENT, LITERAL, PUNCT, WORDS};
use crate::tokens::{is_ascii_ident, is_punct_char};
use crate::tokens::{Delimiter, LitKind, Spacing};

/// Entries a run must cover to be worth its own stream: each run costs the shim a bridge call
/// (taking its stream out of the lexed parenthesis), a token built alone costs about one.
pub const MIN_RUN: usize = 4;

/// What the shim lexes of an output, and where it goes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LexPlan {
    /// Entry ranges of the output lexed as runs, in order; a run never contains another.
    pub runs: Vec<Range<u32>>,
    /// Entries that are literals lexed alone, in order.
    pub literals: Vec<u32>,
    /// The text for `from_str`: the runs, each in parentheses, then the literals.
    pub text: String,
}

impl LexPlan {
    /// The plan for `output`, an expansion's output whose tokens spanned `call_site` are the
    /// compiler's call site. A malformed entry is never lexed, and a group that claims more
    /// than its level holds ends the planning there (the shim reports malformed entries).
    pub fn of(output: PackedView<'_>, call_site: u32) -> LexPlan {
        let packed = Words(output);
        let mut planner = Planner { packed, call_site, runs: Vec::new(), literals: Vec::new() };
        planner.level(0, packed.len());
        let Planner { mut runs, mut literals, .. } = planner;
        // A level's runs are found after those of groups inside it that could not be lexed whole.
        runs.sort_unstable_by_key(|run| run.start);
        literals.sort_unstable();
        LexPlan::printed(packed, runs, literals)
    }

    /// The plan that lexes only the literals of `output`: every [`plainly_valid`] one, whatever
    /// its span. One test per entry, as this runs for every output: a literal inside a doc
    /// comment the shim rebuilds from text is lexed too, and not used.
    pub fn literals_of(output: PackedView<'_>) -> LexPlan {
        let packed = Words(output);
        let mut literals = Vec::new();
        for (i, w) in output.words().chunks_exact(WORDS).enumerate() {
            if w[0] & 3 == LITERAL && packed.plain_literal(w) {
                literals.push(i as u32);
            }
        }
        LexPlan::printed(packed, Vec::new(), literals)
    }

    /// The plan of `runs` and `literals` (in order) with its text.
    fn printed(packed: Words<'_>, runs: Vec<Range<u32>>, literals: Vec<u32>) -> LexPlan {
        let mut text = String::with_capacity(packed.0.text().len() * 2);
        for run in &runs {
            text.push_str("( ");
            packed.print(run.start as usize..run.end as usize, &mut text);
            text.push_str(") ");
        }
        for &at in &literals {
            packed.print(at as usize..at as usize + 1, &mut text);
        }
        LexPlan { runs, literals, text }
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty() && self.literals.is_empty()
    }
}

/// An output's entries read field by field in place (the layout is [`crate::packed`]'s): the
/// planner looks at every entry of every output, and decoding each whole into an
/// [`crate::packed::Entry`] cost as much as the planning itself.
#[derive(Clone, Copy)]
struct Words<'a>(PackedView<'a>);

impl<'a> Words<'a> {
    fn len(&self) -> usize {
        self.0.len()
    }

    /// The words of entry `i < len()`.
    #[inline]
    fn at(&self, i: usize) -> &'a [u32] {
        &self.0.words()[i * WORDS..i * WORDS + WORDS]
    }

    #[inline]
    fn is_joint_punct(&self, i: usize) -> bool {
        let head = self.at(i)[0];
        head & 3 == PUNCT && spacing_from(head >> 2 & 3) == Some(Spacing::Joint)
    }

    /// The character of a punct entry (`None` for another entry, or no character).
    #[inline]
    fn punct_char(&self, i: usize) -> Option<char> {
        let w = self.at(i);
        if w[0] & 3 == PUNCT { char::from_u32(w[2]) } else { None }
    }

    /// Whether the literal entry of words `w` is well formed and [`plainly_valid`].
    #[inline]
    fn plain_literal(&self, w: &[u32]) -> bool {
        self.0.literal_fields(w).is_some_and(|(kind, symbol, suffix)| plainly_valid(kind, symbol, suffix))
    }

    /// Whether the token at `i` may be in a run by itself (not a group).
    #[inline]
    fn token_lexable(&self, i: usize, call_site: u32) -> bool {
        let w = self.at(i);
        if w[1] != call_site {
            return false;
        }
        match w[0] & 3 {
            IDENT => w[0] >> 4 & 1 == 0 && self.0.text_at(w[2], w[3]).is_some_and(is_ascii_ident),
            PUNCT => char::from_u32(w[2]).is_some_and(|ch| ch != '\'' && is_punct_char(ch)),
            _ => self.plain_literal(w),
        }
    }

    /// Prints the entries of `range` (whole groups, every entry well formed) for the lexer: a
    /// space after every token but a joint punct, and after every delimiter.
    fn print(&self, range: Range<usize>, out: &mut String) {
        // Where each open group ends, and its close delimiter.
        let mut open: Vec<(usize, char)> = Vec::new();
        for at in range {
            while open.last().is_some_and(|&(end, _)| end == at) {
                out.push(open.pop().map_or(')', |(_, close)| close));
                out.push(' ');
            }
            let w = self.at(at);
            match w[0] & 3 {
                GROUP => {
                    let (o, c) = match delimiter_from(w[0] >> 4) {
                        Delimiter::Parenthesis => ('(', ')'),
                        Delimiter::Brace => ('{', '}'),
                        Delimiter::Bracket | Delimiter::None => ('[', ']'),
                    };
                    out.push(o);
                    out.push(' ');
                    open.push((at + 1 + w[4] as usize, c));
                }
                IDENT => {
                    out.push_str(self.0.text_at(w[2], w[3]).unwrap_or_default());
                    out.push(' ');
                }
                PUNCT => {
                    out.push(char::from_u32(w[2]).unwrap_or(' '));
                    if !self.is_joint_punct(at) {
                        out.push(' ');
                    }
                }
                _ => {
                    if let Some((kind, symbol, suffix)) = self.0.literal_fields(w) {
                        print_literal(kind, symbol, suffix, out);
                    }
                }
            }
        }
        while let Some((_, close)) = open.pop() {
            out.push(close);
            out.push(' ');
        }
    }
}

struct Planner<'a> {
    packed: Words<'a>,
    call_site: u32,
    runs: Vec<Range<u32>>,
    literals: Vec<u32>,
}

impl Planner<'_> {
    /// Plans the sibling entries `start..end` and the bodies of their groups. Returns whether
    /// they form one run as a whole, so that their group can be lexed whole.
    fn level(&mut self, start: usize, end: usize) -> bool {
        let packed = self.packed;
        let mut whole = true;
        // The open run: where it starts, and whether its last entry is a joint punct.
        let mut run: Option<usize> = None;
        let mut last_joint = false;
        let mut i = start;
        while i < end {
            let w = packed.at(i);
            let kind = w[0] & 3;
            // The shim's own test for a doc comment it rebuilds (only `#` can start one).
            if kind == PUNCT
                && w[2] == '#' as u32
                && let Some(after) = packed.0.doc_comment_end(i, end)
            {
                self.close(&mut run, i);
                whole = false;
                i = after;
                continue;
            }
            let next = if kind == GROUP { (i + 1).saturating_add(w[4] as usize) } else { i + 1 };
            if next > end {
                self.close(&mut run, i);
                return false;
            }
            let lexable = if kind == GROUP { self.group_lexable(w, i, next) } else { packed.token_lexable(i, self.call_site) };
            let follows_joint = match run {
                Some(_) if last_joint => packed.punct_char(i).is_some_and(|ch| !starts_comment(packed.punct_char(i - 1).unwrap_or(' '), ch)),
                _ => true,
            };
            if !(lexable && follows_joint) {
                // A joint punct before what cannot follow it in the run leaves it.
                let kept = self.close(&mut run, i);
                whole &= kept == i;
            }
            if lexable {
                run.get_or_insert(i);
                last_joint = packed.is_joint_punct(i);
            } else {
                whole = false;
                last_joint = false;
                if kind == LITERAL && packed.plain_literal(w) {
                    self.literals.push(i as u32);
                }
            }
            i = next;
        }
        let kept = self.close(&mut run, end);
        whole && kept == end
    }

    /// Whether the group of words `w` (at `at`, its body up to `next`) may be in a run by
    /// itself; if not, its body is planned here.
    fn group_lexable(&mut self, w: &[u32], at: usize, next: usize) -> bool {
        let call_site = self.call_site;
        let visible = delimiter_from(w[0] >> 4) != Delimiter::None && doc_from(w[0] >> 8 & 3) == Some(None);
        let spanned = w[1] == call_site && w[2] == call_site && w[3] == call_site;
        // What the body's planning records is dropped when the group is lexed whole.
        let (runs, literals) = (self.runs.len(), self.literals.len());
        let whole = self.level(at + 1, next) && visible && spanned;
        if whole {
            self.runs.truncate(runs);
            self.literals.truncate(literals);
        }
        whole
    }

    /// Ends the open run before `end`, without its trailing joint puncts, and records it if it
    /// is long enough (else its literals are lexed alone). Returns where the kept run ends
    /// (`end` if no run was open).
    fn close(&mut self, run: &mut Option<usize>, mut end: usize) -> usize {
        let Some(start) = run.take() else { return end };
        while end > start && self.packed.is_joint_punct(end - 1) {
            end -= 1;
        }
        if end - start >= MIN_RUN {
            self.runs.push(start as u32..end as u32);
        } else {
            for at in start..end {
                if self.packed.at(at)[0] & 3 == LITERAL {
                    self.literals.push(at as u32);
                }
            }
        }
        end
    }
}

/// Whether `first` written right before `second` starts a comment.
fn starts_comment(first: char, second: char) -> bool {
    first == '/' && (second == '/' || second == '*')
}

/// A [`plainly_valid`] literal as written, and a space.
fn print_literal(kind: LitKind, symbol: &str, suffix: Option<&str>, out: &mut String) {
    let quote = match kind {
        LitKind::Str => Some('"'),
        LitKind::Char => Some('\''),
        _ => None,
    };
    out.extend(quote);
    out.push_str(symbol);
    out.extend(quote);
    out.push_str(suffix.unwrap_or(""));
    out.push(' ');
}

/// Whether a literal is one no lexer could refuse or read differently: a decimal number, or an
/// ASCII string or character without escapes, with no suffix or a number type's. Any other is
/// built by `Literal::from_str`, which fails alone and names it, where an invalid literal in
/// `TokenStream::from_str` is a compile error (on stable rustc) for the whole text. A negative
/// number would lex as `-` and a literal.
pub fn plainly_valid(kind: LitKind, symbol: &str, suffix: Option<&str>) -> bool {
    let symbol = symbol.as_bytes();
    let plain_text = |forbidden: u8| symbol.iter().all(|&b| (b' '..=b'~').contains(&b) && b != b'\\' && b != forbidden);
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let number_suffix = |allowed: &[&str]| suffix.is_none_or(|s| allowed.contains(&s));
    const INTEGER: &[&str] = &["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"];
    match kind {
        LitKind::Integer => digits(symbol) && number_suffix(INTEGER),
        LitKind::Float => {
            symbol.split(|&b| b == b'.').count() == 2 && symbol.split(|&b| b == b'.').all(digits) && number_suffix(&["f32", "f64"])
        }
        LitKind::Str => suffix.is_none() && plain_text(b'"'),
        LitKind::Char => suffix.is_none() && symbol.len() == 1 && plain_text(b'\''),
        _ => false,
    }
}

#[cfg(test)]
#[path = "lex_plan_tests.rs"]
mod tests;
