//! The span table: source files laid out in one address space (as in rustc's source map, each
//! file starts one byte after the previous one ends) and interned spans with a hygiene context.
//! Answers every span query of the bridge the way rustc's proc_macro server does.

use std::collections::HashMap;

use crate::tokens::SpanId;

pub type FileId = usize;

/// The hygiene part of a span (rustc's `SyntaxContext`), reduced to what one expansion sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hygiene {
    /// Written in source, not produced by a macro.
    Root,
    CallSite,
    DefSite,
    MixedSite,
}

/// The numbers printed for each context in `Span` debug output (`#N bytes(..)`). rustc's depend
/// on the crate; these are configurable so a test can match a given compiler run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContextNumbers {
    pub call_site: u32,
    pub def_site: u32,
    pub mixed_site: u32,
}

impl Default for ContextNumbers {
    fn default() -> Self {
        ContextNumbers {
            call_site: 1,
            def_site: 2,
            mixed_site: 3,
        }
    }
}

#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name rustc displays (`Span::file`).
    pub name: String,
    /// Path on disk (`Span::local_file`), when the file is a real one.
    pub local_path: Option<String>,
    /// Text after rustc's normalization (BOM removed, CRLF turned into LF).
    pub text: String,
    /// Absolute position of the file's first byte.
    pub start: u32,
    line_starts: Vec<usize>,
}

/// A location (file-relative bytes) and a hygiene context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpanData {
    pub file: FileId,
    pub lo: u32,
    pub hi: u32,
    pub ctxt: Hygiene,
}

/// What rustc's source map does to a file's text before lexing it.
pub fn normalize_source(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n")
}

#[derive(Default)]
pub struct SpanTable {
    files: Vec<SourceFile>,
    spans: Vec<SpanData>,
    interned: HashMap<SpanData, SpanId>,
    next_start: u32,
    pub contexts: ContextNumbers,
    /// Location of the macro invocation: what `parent`/`source` lead to.
    pub expansion_site: Option<SpanData>,
    saved: Vec<SpanData>,
    recovered: HashMap<u64, SpanId>,
}

impl SpanTable {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file; `text` is normalized as rustc does.
    pub fn add_file(&mut self, name: &str, text: &str, local_path: Option<String>) -> FileId {
        let text = normalize_source(text);
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let start = self.next_start;
        self.next_start = start + text.len() as u32 + 1;
        self.files.push(SourceFile {
            name: name.to_string(),
            local_path,
            text,
            start,
            line_starts,
        });
        self.files.len() - 1
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn intern(&mut self, data: SpanData) -> SpanId {
        if let Some(&id) = self.interned.get(&data) {
            return id;
        }
        let id = self.spans.len() as SpanId;
        self.spans.push(data);
        self.interned.insert(data, id);
        id
    }

    pub fn is_valid(&self, id: SpanId) -> bool {
        (id as usize) < self.spans.len()
    }

    /// Panics on an invalid id: the host checks ids from guests before asking.
    pub fn data(&self, id: SpanId) -> SpanData {
        self.spans[id as usize]
    }

    fn with(&mut self, id: SpanId, f: impl FnOnce(&mut SpanData)) -> SpanId {
        let mut d = self.data(id);
        f(&mut d);
        self.intern(d)
    }

    fn ctxt_number(&self, h: Hygiene) -> u32 {
        match h {
            Hygiene::Root => 0,
            Hygiene::CallSite => self.contexts.call_site,
            Hygiene::DefSite => self.contexts.def_site,
            Hygiene::MixedSite => self.contexts.mixed_site,
        }
    }

    /// `#ctxt bytes(lo..hi)` with absolute positions, as rustc prints a span in proc macros.
    pub fn debug(&self, id: SpanId) -> String {
        let d = self.data(id);
        let start = self.files[d.file].start;
        format!(
            "#{} bytes({}..{})",
            self.ctxt_number(d.ctxt),
            start + d.lo,
            start + d.hi
        )
    }

    pub fn source_text(&self, id: SpanId) -> Option<String> {
        let d = self.data(id);
        self.files[d.file]
            .text
            .get(d.lo as usize..d.hi as usize)
            .map(str::to_string)
    }

    /// 1-based line and 0-based column in characters of a file position.
    fn line_col(&self, file: FileId, pos: u32) -> (u32, u32) {
        let f = &self.files[file];
        let pos = (pos as usize).min(f.text.len());
        let line = f.line_starts.partition_point(|&s| s <= pos) - 1;
        let start = f.line_starts[line];
        let col = f
            .text
            .get(start..pos)
            .map_or(pos - start, |s| s.chars().count());
        (line as u32 + 1, col as u32)
    }

    pub fn line(&self, id: SpanId) -> u32 {
        let d = self.data(id);
        self.line_col(d.file, d.lo).0
    }

    /// 1-based, like `proc_macro::Span::column` since its stabilization.
    pub fn column(&self, id: SpanId) -> u32 {
        let d = self.data(id);
        self.line_col(d.file, d.lo).1 + 1
    }

    pub fn file_name(&self, id: SpanId) -> String {
        self.files[self.data(id).file].name.clone()
    }

    pub fn local_file(&self, id: SpanId) -> Option<String> {
        self.files[self.data(id).file].local_path.clone()
    }

    pub fn byte_range(&self, id: SpanId) -> (u64, u64) {
        let d = self.data(id);
        (d.lo as u64, d.hi as u64)
    }

    /// `Span::join`: `None` across files, else rustc's `Span::to`.
    pub fn join(&mut self, a: SpanId, b: SpanId) -> Option<SpanId> {
        let (da, db) = (self.data(a), self.data(b));
        if da.file != db.file {
            return None;
        }
        Some(self.to(a, b))
    }

    /// rustc's `Span::to`: the smallest span covering both. With different contexts it keeps
    /// the one from a macro rather than build a span mixing two expansions.
    pub fn to(&mut self, a: SpanId, b: SpanId) -> SpanId {
        let (da, db) = (self.data(a), self.data(b));
        if da.file != db.file || da.ctxt != db.ctxt {
            return if da.ctxt == Hygiene::Root { b } else { a };
        }
        self.intern(SpanData {
            lo: da.lo.min(db.lo),
            hi: da.hi.max(db.hi),
            ..da
        })
    }

    /// `[start, end)` inside the span; `None` when empty, out of bounds or not on character
    /// boundaries of the source.
    pub fn subspan(&mut self, id: SpanId, start: u64, end: u64) -> Option<SpanId> {
        let d = self.data(id);
        let len = (d.hi - d.lo) as u64;
        if start >= end || end > len {
            return None;
        }
        let text = &self.files[d.file].text;
        let (lo, hi) = (d.lo as usize + start as usize, d.lo as usize + end as usize);
        if hi <= text.len() && !(text.is_char_boundary(lo) && text.is_char_boundary(hi)) {
            return None;
        }
        Some(self.intern(SpanData {
            lo: lo as u32,
            hi: hi as u32,
            ..d
        }))
    }

    pub fn resolved_at(&mut self, location: SpanId, resolution: SpanId) -> SpanId {
        let ctxt = self.data(resolution).ctxt;
        self.with(location, |d| d.ctxt = ctxt)
    }

    /// The invocation that produced a macro span; `None` for source spans.
    pub fn parent(&mut self, id: SpanId) -> Option<SpanId> {
        if self.data(id).ctxt == Hygiene::Root {
            return None;
        }
        self.expansion_site.map(|site| self.intern(site))
    }

    /// Follows `parent` up to source code (one expansion deep here).
    pub fn source(&mut self, id: SpanId) -> SpanId {
        self.parent(id).unwrap_or(id)
    }

    pub fn start(&mut self, id: SpanId) -> SpanId {
        self.with(id, |d| d.hi = d.lo)
    }

    pub fn end(&mut self, id: SpanId) -> SpanId {
        self.with(id, |d| d.lo = d.hi)
    }

    /// Equal location and context (ids of equal spans are equal anyway: spans are interned).
    pub fn eq(&self, a: SpanId, b: SpanId) -> bool {
        self.data(a) == self.data(b)
    }

    pub fn save(&mut self, id: SpanId) -> u64 {
        self.saved.push(self.data(id));
        (self.saved.len() - 1) as u64
    }

    /// A span saved by `save`, given the def-site context as rustc does (the context of spans
    /// from a proc-macro crate's metadata is not kept); `fallback` for unknown ids.
    pub fn recover(&mut self, id: u64, fallback: SpanId) -> SpanId {
        if let Some(&s) = self.recovered.get(&id) {
            return s;
        }
        let Some(&d) = self.saved.get(id as usize) else {
            return fallback;
        };
        let s = self.intern(SpanData {
            ctxt: Hygiene::DefSite,
            ..d
        });
        self.recovered.insert(id, s);
        s
    }
}
