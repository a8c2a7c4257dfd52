//! The export loop: the compiler's `proc_macro` objects for an expansion's output, read in place
//! from its packed form.
//!
//! It runs for every token of every output, and cargo compiles proc macros and their
//! dependencies unoptimized by default (in release builds too). So `build.rs` compiles this file
//! on its own, as the crate `wasmacro_shim_export`, optimized whatever the consumer's profile.
//! Where that crate cannot be built, the file is a module of the shim instead, and an unoptimized
//! shim then asks the host library for runs of tokens to have rustc lex (`cfg(wasmacro_unoptimized)`,
//! `wasmacro_backend::lex_plan`).
//!
//! So it uses nothing but `std`, `proc_macro` and the two files of the token model included
//! below. What is rare and needs the rest of the shim (a group passed back whole, a name that is
//! not plain ASCII, a literal not lexed, a doc comment) it asks of [`Rare`].

extern crate proc_macro;

#[allow(dead_code)]
#[path = "../../../backend/src/tokens.rs"]
mod tokens;
#[allow(dead_code)]
#[path = "../../../backend/src/packed/view.rs"]
mod view;

use std::ops::Range;

use proc_macro::{Delimiter as PmDelimiter, Group as PmGroup, Ident as PmIdent, Literal as PmLiteral, Span, TokenStream, TokenTree};

use self::tokens::Delimiter;
use self::view::{Entry, PackedView};

/// What the export asks of the rest of the shim.
pub trait Rare {
    /// The compiler's own group, if the entries in `range` (a group, entire span `entire`, and its
    /// body) are an input group passed back unchanged.
    fn original(&mut self, entire: u32, range: Range<usize>) -> Option<PmGroup>;
    /// An identifier whose name is not plain ASCII, or raw; `Err` if the compiler would refuse it.
    fn odd_ident(&mut self, name: &str, is_raw: bool, span: Span) -> Result<PmIdent, String>;
    /// The literal of entry `at`, which the plan did not lex.
    fn literal(&mut self, at: usize) -> Result<PmLiteral, String>;
    /// A doc comment the macro passed through, starting at `at` (a `#` entry) and ending by `end`,
    /// as the compiler's comment token, and where it ends.
    fn doc_comment(&mut self, at: usize, end: usize) -> Option<(TokenStream, usize)>;
}

/// One output, as the host library sent it.
pub struct Output<'a> {
    /// The packed entries and their text (`wasmacro_backend::packed`).
    pub words: &'a [u32],
    pub text: &'a str,
    /// The compiler's span of each span id.
    pub spans: &'a [Span],
    /// The lowest entire-span id of the input's groups (`u32::MAX` without any): a group spanned
    /// lower (most output groups, at the call site) is not one of them, and needs no lookup.
    pub lowest_original: u32,
    /// What the host library planned for rustc to lex (`wasmacro_backend::lex_plan::LexPlan`).
    pub plan_text: &'a str,
    pub plan_runs: &'a [Range<u32>],
    pub plan_literals: &'a [u32],
}

/// The compiler's objects for `output`. `Err` names a token the compiler would refuse (the host
/// checked the stream's shape already).
pub fn export(output: &Output<'_>, rare: &mut dyn Rare) -> Result<TokenStream, String> {
    let stream = PackedView::new(output.words, output.text);
    let mut export = Export {
        stream,
        spans: output.spans,
        lowest_original: output.lowest_original,
        lexed: Lexed::of(&stream, output),
        names: Names::default(),
        built: Vec::new(),
        rare,
    };
    let mut i = 0;
    export.range(&mut i, stream.len())
}

struct Export<'a, 'r> {
    stream: PackedView<'a>,
    spans: &'a [Span],
    lowest_original: u32,
    lexed: Lexed,
    names: Names,
    /// The trees built and not yet made into a stream, for every level being exported: a level's
    /// are those past the length it found. One buffer, grown once, rather than a vector per group.
    built: Vec<TokenTree>,
    rare: &'r mut dyn Rare,
}

impl Export<'_, '_> {
    fn span(&self, id: u32) -> Span {
        // The host hands out only ids it was given; fall back rather than panic.
        self.spans.get(id as usize).copied().unwrap_or_else(Span::call_site)
    }

    /// The stream of the entries from `*i` to `end`, one level: `*i` ends at `end`.
    fn range(&mut self, i: &mut usize, end: usize) -> Result<TokenStream, String> {
        // The level in pieces: lexed runs, doc comments, and batches of trees built here.
        let mut pieces: Vec<TokenStream> = Vec::new();
        let base = self.built.len();
        while *i < end {
            if let Some((run_end, run)) = self.lexed.run_at(*i) {
                if run_end > end {
                    return Err(malformed(*i));
                }
                flush(&mut self.built, base, &mut pieces);
                pieces.push(run);
                *i = run_end;
                continue;
            }
            let entry = self.stream.entry(*i).ok_or_else(|| malformed(*i))?;
            if let Entry::Punct { ch: '#', .. } = entry
                && let Some((comment, after)) = self.rare.doc_comment(*i, end)
            {
                flush(&mut self.built, base, &mut pieces);
                pieces.push(comment);
                *i = after;
                continue;
            }
            *i += 1;
            let tree = match entry {
                Entry::Group { delimiter, entire, len, .. } => {
                    let body_end = *i + len as usize;
                    if body_end > end {
                        return Err(malformed(*i - 1));
                    }
                    let original = match entire >= self.lowest_original {
                        true => self.rare.original(entire, *i - 1..body_end),
                        false => None,
                    };
                    if let Some(original) = original {
                        *i = body_end;
                        TokenTree::Group(original)
                    } else {
                        let body = self.range(i, body_end)?;
                        let delimiter = match delimiter {
                            Delimiter::Parenthesis => PmDelimiter::Parenthesis,
                            Delimiter::Brace => PmDelimiter::Brace,
                            Delimiter::Bracket => PmDelimiter::Bracket,
                            Delimiter::None => PmDelimiter::None,
                        };
                        let mut group = PmGroup::new(delimiter, body);
                        group.set_span(self.span(entire));
                        TokenTree::Group(group)
                    }
                }
                Entry::Ident { name, is_raw, span } => {
                    let span = self.span(span);
                    if let Some(mut ident) = self.names.get(name, is_raw) {
                        ident.set_span(span);
                        TokenTree::Ident(ident)
                    } else if !is_raw && tokens::is_ascii_ident(name) {
                        // Checked first, so that an invalid name is an error rather than a panic.
                        let ident = PmIdent::new(name, span);
                        self.names.put(name, ident.clone());
                        TokenTree::Ident(ident)
                    } else {
                        TokenTree::Ident(self.rare.odd_ident(name, is_raw, span)?)
                    }
                }
                Entry::Punct { ch, joint, span } => {
                    if !tokens::is_punct_char(ch) {
                        return Err(format!("unsupported character `{ch:?}` in a punct"));
                    }
                    let mut punct = proc_macro::Punct::new(ch, if joint { proc_macro::Spacing::Joint } else { proc_macro::Spacing::Alone });
                    punct.set_span(self.span(span));
                    TokenTree::Punct(punct)
                }
                Entry::Literal { span, .. } => {
                    let mut literal = match self.lexed.literal_at(*i - 1) {
                        Some(literal) => literal,
                        None => self.rare.literal(*i - 1)?,
                    };
                    literal.set_span(self.span(span));
                    TokenTree::Literal(literal)
                }
            };
            self.built.push(tree);
        }
        if pieces.is_empty() {
            return Ok(self.built.drain(base..).collect());
        }
        flush(&mut self.built, base, &mut pieces);
        Ok(if pieces.len() == 1 { pieces.pop().unwrap_or_default() } else { pieces.into_iter().collect() })
    }
}

/// The identifiers an export made lately, by where their name is in the output's text: the
/// guest writes a repeated name's text once (`wit/bridge.wit`: tokens may share text), and a
/// copy of a made identifier with another span spares the compiler's client validating and
/// interning the name again. Direct-mapped; the same bytes of one text are the same name.
/// Kept for one export only: the compiler's client forgets its symbols after each expansion.
struct Names {
    slots: [Option<(*const u8, usize, PmIdent)>; NAME_SLOTS],
}

const NAME_SLOTS: usize = 64;

impl Default for Names {
    fn default() -> Names {
        Names { slots: std::array::from_fn(|_| None) }
    }
}

impl Names {
    fn slot(name: &str) -> usize {
        (name.as_ptr() as usize ^ name.len()) % NAME_SLOTS
    }

    /// A plain (not raw) identifier made from these very bytes of the text.
    fn get(&self, name: &str, is_raw: bool) -> Option<PmIdent> {
        match &self.slots[Self::slot(name)] {
            Some((at, len, ident)) if !is_raw && *at == name.as_ptr() && *len == name.len() => Some(ident.clone()),
            _ => None,
        }
    }

    fn put(&mut self, name: &str, ident: PmIdent) {
        self.slots[Self::slot(name)] = Some((name.as_ptr(), name.len(), ident));
    }
}

/// A host library that packs what it did not check: a bug, reported as the macro's failure.
fn malformed(index: usize) -> String {
    format!("the host library sent a malformed entry {index}")
}

/// Moves the level's trees built so far (those past `base`) into one piece of the level.
fn flush(built: &mut Vec<TokenTree>, base: usize, pieces: &mut Vec<TokenStream>) {
    if built.len() > base {
        pieces.push(built.drain(base..).collect());
    }
}

/// The compiler's objects for what the plan lexed: the runs' streams and the literals lexed
/// alone, each taken when the export reaches its entry. Plain loops over vectors: without the
/// export crate, this runs unoptimized.
#[derive(Default)]
struct Lexed {
    /// Where each run starts and ends, and its stream.
    runs: Vec<(usize, usize, Option<TokenStream>)>,
    next_run: usize,
    /// Where that run starts (`usize::MAX` past the last run; 0 until first asked): an entry
    /// before it needs no look at the vector, which unoptimized costs several calls.
    next_start: usize,
    /// Index of each literal, with its object.
    literals: Vec<(usize, Option<PmLiteral>)>,
    next_literal: usize,
}

impl Lexed {
    fn of(stream: &PackedView<'_>, output: &Output<'_>) -> Lexed {
        if output.plan_runs.is_empty() && output.plan_literals.is_empty() {
            return Lexed::default();
        }
        Self::lex(stream, output).unwrap_or_default()
    }

    /// `None` (everything is built instead) unless the text lexes into the shape planned: a
    /// parenthesis per run, then a literal for each planned literal entry. A safeguard against a
    /// host library bug, not a check of each token: asking the compiler for a token's text is a
    /// bridge call, which would cost what lexing saves. The host library plans only tokens that
    /// rustc's lexer reads back as they are (`wasmacro_backend::lex_plan`), and `tests/shim.rs`
    /// compares such outputs with the native macro's.
    fn lex(stream: &PackedView<'_>, output: &Output<'_>) -> Option<Lexed> {
        let lexed: TokenStream = output.plan_text.parse().ok()?;
        let mut trees = lexed.into_iter();
        let mut runs = Vec::with_capacity(output.plan_runs.len());
        for run in output.plan_runs {
            match trees.next()? {
                TokenTree::Group(g) if g.delimiter() == PmDelimiter::Parenthesis => runs.push((run.start as usize, run.end as usize, Some(g.stream()))),
                _ => return None,
            }
        }
        let mut literals = Vec::with_capacity(output.plan_literals.len());
        for &at in output.plan_literals {
            let Some(Entry::Literal { .. }) = stream.entry(at as usize) else { return None };
            match trees.next()? {
                TokenTree::Literal(literal) => literals.push((at as usize, Some(literal))),
                _ => return None,
            }
        }
        trees.next().is_none().then_some(Lexed { runs, next_run: 0, next_start: 0, literals, next_literal: 0 })
    }

    /// The run that starts at entry `i`: where it ends, and its stream. Entries must be asked
    /// in increasing order.
    fn run_at(&mut self, i: usize) -> Option<(usize, TokenStream)> {
        if i < self.next_start {
            return None;
        }
        // Runs the export skipped (inside an input group passed back whole) are passed over.
        while self.next_run < self.runs.len() && self.runs[self.next_run].0 < i {
            self.next_run += 1;
        }
        let found = match self.runs.get_mut(self.next_run) {
            Some((start, end, stream)) if *start == i => {
                self.next_run += 1;
                stream.take().map(|stream| (*end, stream))
            }
            _ => None,
        };
        self.next_start = self.runs.get(self.next_run).map_or(usize::MAX, |run| run.0);
        found
    }

    /// The object for the literal at index `i`, if lexed alone. Indexes must be asked in
    /// increasing order.
    fn literal_at(&mut self, i: usize) -> Option<PmLiteral> {
        while self.next_literal < self.literals.len() && self.literals[self.next_literal].0 < i {
            self.next_literal += 1;
        }
        let (at, literal) = self.literals.get_mut(self.next_literal)?;
        if *at != i {
            return None;
        }
        self.next_literal += 1;
        literal.take()
    }
}
