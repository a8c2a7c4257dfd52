//! The line-breaking printer under rustc's token printing: Oppen's algorithm ("Pretty
//! Printing", 1979) with rustc's parameters (78-column margin, at least 60 columns per line).
//! Token streams longer than a line wrap, so the exact algorithm matters for exact output.
//!
//! Input is a stream of strings, breaks (a space that may become a newline) and boxes around
//! them. A box either fits on the rest of the line, or is broken: a consistent box then breaks
//! at all of its breaks, an inconsistent one only where the next chunk does not fit.

use std::collections::VecDeque;

const MARGIN: isize = 78;
const MIN_SPACE: isize = 60;
/// Size given to anything known not to fit.
const INFINITY: isize = 0xffff;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    Consistent,
    Inconsistent,
}

#[derive(Clone)]
enum Tok {
    Text(String),
    Break { offset: isize, blank: isize },
    Begin { indent: isize, breaks: Breaks },
    End,
}

struct Entry {
    tok: Tok,
    /// Width of the token, or, for boxes and breaks, of what follows up to the matching end or
    /// next break; negative while still unknown.
    size: isize,
}

#[derive(Clone, Copy)]
enum Frame {
    Fits,
    Broken { indent: usize, breaks: Breaks },
}

pub struct Printer {
    out: String,
    /// Columns left on the current line.
    space: isize,
    /// Scanned but not yet printed entries; `first` is the absolute index of `buf[0]`.
    buf: VecDeque<Entry>,
    first: usize,
    left_total: isize,
    right_total: isize,
    /// Absolute indices of boxes and breaks whose size is still open.
    scan_stack: VecDeque<usize>,
    print_stack: Vec<Frame>,
    indent: usize,
    pending_indent: isize,
    /// Most bytes of output; past it the printer only counts (see [`Printer::with_limit`]).
    limit: usize,
    overflowed: bool,
}

impl Default for Printer {
    fn default() -> Self {
        Self::new()
    }
}

impl Printer {
    pub fn new() -> Self {
        Printer {
            out: String::new(),
            space: MARGIN,
            buf: VecDeque::new(),
            first: 0,
            left_total: 0,
            right_total: 0,
            scan_stack: VecDeque::new(),
            print_stack: Vec::new(),
            indent: 0,
            pending_indent: 0,
            limit: usize::MAX,
            overflowed: false,
        }
    }

    /// A printer that gives up (`finish` returns `None`) once its output would exceed `limit`
    /// bytes, without writing (or indenting) any further.
    pub fn with_limit(limit: usize) -> Self {
        Printer {
            limit,
            ..Printer::new()
        }
    }

    fn push(&mut self, tok: Tok, size: isize) -> usize {
        self.buf.push_back(Entry { tok, size });
        self.first + self.buf.len() - 1
    }

    fn entry(&mut self, abs: usize) -> &mut Entry {
        &mut self.buf[abs - self.first]
    }

    fn reset_if_idle(&mut self) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.first += self.buf.len();
            self.buf.clear();
        }
    }

    /// Opens a box whose broken lines are indented by `indent` more than the enclosing ones.
    pub fn begin(&mut self, indent: isize, breaks: Breaks) {
        self.reset_if_idle();
        let size = -self.right_total;
        let i = self.push(Tok::Begin { indent, breaks }, size);
        self.scan_stack.push_back(i);
    }

    pub fn end(&mut self) {
        if self.scan_stack.is_empty() {
            self.print_end();
        } else {
            let i = self.push(Tok::End, -1);
            self.scan_stack.push_back(i);
        }
    }

    /// A break of `blank` spaces; when taken, the new line is indented by `offset` more.
    pub fn break_offset(&mut self, blank: isize, offset: isize) {
        if self.scan_stack.is_empty() {
            self.reset_if_idle();
        } else {
            self.check_stack(0);
        }
        let size = -self.right_total;
        let i = self.push(Tok::Break { offset, blank }, size);
        self.scan_stack.push_back(i);
        self.right_total += blank;
    }

    /// A break that is always taken (rustc's `hardbreak`: a break "infinitely" wide).
    pub fn hardbreak(&mut self) {
        self.break_offset(INFINITY, 0);
    }

    pub fn space(&mut self) {
        self.break_offset(1, 0);
    }

    pub fn word(&mut self, s: &str) {
        if self.scan_stack.is_empty() {
            self.print_text(s);
        } else {
            let len = s.len() as isize;
            self.push(Tok::Text(s.to_string()), len);
            self.right_total += len;
            self.check_stream();
        }
    }

    /// The text; `None` if it exceeded the limit.
    pub fn finish(mut self) -> Option<String> {
        if !self.scan_stack.is_empty() {
            self.check_stack(0);
            self.advance_left();
        }
        (!self.overflowed).then_some(self.out)
    }

    /// Once the pending text is wider than the line, the oldest open size is surely "too big":
    /// mark it infinite and print what can be printed.
    fn check_stream(&mut self) {
        while self.right_total - self.left_total > self.space {
            if self.scan_stack.front() == Some(&self.first) {
                self.scan_stack.pop_front();
                self.buf[0].size = INFINITY;
            }
            self.advance_left();
            if self.buf.is_empty() {
                break;
            }
        }
    }

    fn advance_left(&mut self) {
        while self.buf.front().is_some_and(|e| e.size >= 0) {
            let e = self.buf.pop_front().expect("checked non-empty");
            self.first += 1;
            match e.tok {
                Tok::Text(s) => {
                    self.left_total += s.len() as isize;
                    self.print_text(&s);
                }
                Tok::Break { offset, blank } => {
                    self.left_total += blank;
                    self.print_break(offset, blank, e.size);
                }
                Tok::Begin { indent, breaks } => self.print_begin(indent, breaks, e.size),
                Tok::End => self.print_end(),
            }
        }
    }

    /// Closes sizes on the scan stack now that `right_total` is known up to here.
    fn check_stack(&mut self, mut depth: usize) {
        while let Some(&i) = self.scan_stack.back() {
            let right_total = self.right_total;
            let e = self.entry(i);
            match e.tok {
                Tok::Begin { .. } => {
                    if depth == 0 {
                        break;
                    }
                    e.size += right_total;
                    self.scan_stack.pop_back();
                    depth -= 1;
                }
                Tok::End => {
                    e.size = 1;
                    self.scan_stack.pop_back();
                    depth += 1;
                }
                _ => {
                    e.size += right_total;
                    self.scan_stack.pop_back();
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
    }

    fn print_begin(&mut self, indent: isize, breaks: Breaks, size: isize) {
        if size > self.space {
            self.print_stack.push(Frame::Broken {
                indent: self.indent,
                breaks,
            });
            self.indent = (self.indent as isize + indent).max(0) as usize;
        } else {
            self.print_stack.push(Frame::Fits);
        }
    }

    fn print_end(&mut self) {
        if let Some(Frame::Broken { indent, .. }) = self.print_stack.pop() {
            self.indent = indent;
        }
    }

    fn print_break(&mut self, offset: isize, blank: isize, size: isize) {
        let top = self.print_stack.last().copied();
        let fits = match top.unwrap_or(Frame::Broken {
            indent: 0,
            breaks: Breaks::Inconsistent,
        }) {
            Frame::Fits => true,
            Frame::Broken {
                breaks: Breaks::Consistent,
                ..
            } => false,
            Frame::Broken {
                breaks: Breaks::Inconsistent,
                ..
            } => size <= self.space,
        };
        if fits {
            self.pending_indent += blank;
            self.space -= blank;
        } else {
            if self.out.len() >= self.limit {
                self.overflowed = true;
            }
            if !self.overflowed {
                self.out.push('\n');
            }
            let indent = self.indent as isize + offset;
            self.pending_indent = indent;
            self.space = (MARGIN - indent).max(MIN_SPACE);
        }
    }

    fn print_text(&mut self, s: &str) {
        let indent = self.pending_indent.max(0) as usize;
        if self.overflowed || self.out.len().saturating_add(indent).saturating_add(s.len()) > self.limit {
            self.overflowed = true;
            self.pending_indent = 0;
            self.space -= s.len() as isize;
            return;
        }
        // Indentation is written lazily so that lines never end in spaces.
        for _ in 0..indent {
            self.out.push(' ');
        }
        self.pending_indent = 0;
        self.out.push_str(s);
        self.space -= s.len() as isize;
    }
}
