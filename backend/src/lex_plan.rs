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

use std::ops::Range;

use crate::packed::{Entry, PackedView};
use crate::standalone::{is_ascii_ident, is_punct_char};
use crate::tokens::{Delimiter, LitKind};

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
    /// compiler's call site. A malformed entry ends the planning where it is (the shim builds
    /// what is not planned, and reports malformed entries itself).
    pub fn of(output: PackedView<'_>, call_site: u32) -> LexPlan {
        // Each entry decoded once: planning and printing look at most of them several times.
        let entries = output.entries();
        let mut planner = Planner { view: output, entries: &entries, call_site, runs: Vec::new(), literals: Vec::new() };
        planner.level(0, output.len());
        let Planner { mut runs, mut literals, .. } = planner;
        // A level's runs are found after those of groups inside it that could not be lexed whole.
        runs.sort_unstable_by_key(|run| run.start);
        literals.sort_unstable();
        let mut text = String::with_capacity(output.text_len() * 2);
        for run in &runs {
            text.push_str("( ");
            print_range(&entries[run.start as usize..run.end as usize], &mut text);
            text.push_str(") ");
        }
        for &at in &literals {
            if let Entry::Literal { kind, symbol, suffix, .. } = entries[at as usize] {
                print_literal(kind, symbol, suffix, &mut text);
            }
        }
        LexPlan { runs, literals, text }
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty() && self.literals.is_empty()
    }
}

struct Planner<'a> {
    view: PackedView<'a>,
    /// The output's entries, up to the first malformed one.
    entries: &'a [Entry<'a>],
    call_site: u32,
    runs: Vec<Range<u32>>,
    literals: Vec<u32>,
}

impl Planner<'_> {
    /// Plans the sibling entries `start..end` and the bodies of their groups. Returns whether
    /// they form one run as a whole, so that their group can be lexed whole.
    fn level(&mut self, start: usize, end: usize) -> bool {
        let mut whole = true;
        // The open run: where it starts, and whether its last entry is a joint punct.
        let mut run: Option<usize> = None;
        let mut last_joint = false;
        let mut i = start;
        while i < end {
            let Some(&entry) = self.entries.get(i) else {
                self.close(&mut run, i);
                return false;
            };
            // The shim's own test for a doc comment it rebuilds (only `#` can start one).
            if let Entry::Punct { ch: '#', .. } = entry
                && let Some(after) = self.view.doc_comment_end(i, end)
            {
                self.close(&mut run, i);
                whole = false;
                i = after;
                continue;
            }
            let next = match entry {
                Entry::Group { len, .. } => i + 1 + len as usize,
                _ => i + 1,
            };
            if next > end {
                self.close(&mut run, i);
                return false;
            }
            let lexable = self.lexable(entry, i, next);
            let follows_joint = match (run, entry) {
                (Some(_), Entry::Punct { ch, .. }) if last_joint => !starts_comment(self.previous_char(i), ch),
                _ => !last_joint || run.is_none(),
            };
            if !(lexable && follows_joint) {
                // A joint punct before what cannot follow it in the run leaves it.
                let kept = self.close(&mut run, i);
                whole &= kept == i;
            }
            if lexable {
                run.get_or_insert(i);
                last_joint = matches!(entry, Entry::Punct { joint: true, .. });
            } else {
                whole = false;
                last_joint = false;
                if let Entry::Literal { kind, symbol, suffix, .. } = entry
                    && plainly_valid(kind, symbol, suffix)
                {
                    self.literals.push(i as u32);
                }
            }
            i = next;
        }
        let kept = self.close(&mut run, end);
        whole && kept == end
    }

    /// Whether `entry` (at `at`, its body up to `next`) may be in a run by itself; the body
    /// of a group that may not is planned here.
    fn lexable(&mut self, entry: Entry<'_>, at: usize, next: usize) -> bool {
        let call_site = self.call_site;
        match entry {
            Entry::Ident { name, is_raw, span } => span == call_site && !is_raw && is_ascii_ident(name),
            Entry::Punct { ch, span, .. } => span == call_site && ch != '\'' && is_punct_char(ch),
            Entry::Literal { kind, symbol, suffix, span } => span == call_site && plainly_valid(kind, symbol, suffix),
            Entry::Group { delimiter, open, close, entire, doc_comment, .. } => {
                let visible = delimiter != Delimiter::None && doc_comment.is_none();
                let spanned = open == call_site && close == call_site && entire == call_site;
                // What the body's planning records is dropped when the group is lexed whole.
                let (runs, literals) = (self.runs.len(), self.literals.len());
                let whole = self.level(at + 1, next) && visible && spanned;
                if whole {
                    self.runs.truncate(runs);
                    self.literals.truncate(literals);
                }
                whole
            }
        }
    }

    fn previous_char(&self, i: usize) -> char {
        match self.entries.get(i.wrapping_sub(1)) {
            Some(Entry::Punct { ch, .. }) => *ch,
            _ => ' ',
        }
    }

    /// Ends the open run before `end`, without its trailing joint puncts, and records it if it
    /// is long enough (else its literals are lexed alone). Returns where the kept run ends
    /// (`end` if no run was open).
    fn close(&mut self, run: &mut Option<usize>, mut end: usize) -> usize {
        let Some(start) = run.take() else { return end };
        while end > start && matches!(self.entries.get(end - 1), Some(Entry::Punct { joint: true, .. })) {
            end -= 1;
        }
        if end - start >= MIN_RUN {
            self.runs.push(start as u32..end as u32);
        } else {
            for at in start..end {
                if let Some(Entry::Literal { .. }) = self.entries.get(at) {
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

/// Prints `entries` (whole groups) for the lexer: a space after every token but a joint
/// punct, and after every delimiter.
fn print_range(entries: &[Entry<'_>], out: &mut String) {
    // Where each open group ends, and its close delimiter.
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, entry) in entries.iter().enumerate() {
        while open.last().is_some_and(|&(end, _)| end == at) {
            out.push(open.pop().map_or(')', |(_, close)| close));
            out.push(' ');
        }
        match *entry {
            Entry::Group { delimiter, len, .. } => {
                let (o, c) = match delimiter {
                    Delimiter::Parenthesis => ('(', ')'),
                    Delimiter::Brace => ('{', '}'),
                    Delimiter::Bracket | Delimiter::None => ('[', ']'),
                };
                out.push(o);
                out.push(' ');
                open.push((at + 1 + len as usize, c));
            }
            Entry::Ident { name, .. } => {
                out.push_str(name);
                out.push(' ');
            }
            Entry::Punct { ch, joint, .. } => {
                out.push(ch);
                if !joint {
                    out.push(' ');
                }
            }
            Entry::Literal { kind, symbol, suffix, .. } => print_literal(kind, symbol, suffix, out),
        }
    }
    while let Some((_, close)) = open.pop() {
        out.push(close);
        out.push(' ');
    }
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
