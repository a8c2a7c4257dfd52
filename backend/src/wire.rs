//! The byte form of what crosses between a shim and the host library: Backend calls and their
//! answers ([`crate::remote`]), and the shim's requests ([`crate::remote::OpenRequest`],
//! [`crate::remote::ExpandRequest`]).
//!
//! Both sides compile this crate from the same sources; [`WIRE_VERSION`] is a hash of the files
//! that define the form, and the shim refuses a host library whose hash differs. A decoding
//! error therefore means a broken build, not bad input, and is reported as such.

use crate::backend::{Diagnostic, ExpansionSpans, Level, SubDiagnostic};
use crate::tokens::{CommentKind, Delimiter, Group, Ident, LitKind, Literal, Punct, Spacing, Token};

/// Identifies the wire form: a hash of the sources that define it.
pub const WIRE_VERSION: u64 = fnv1a(&[
    include_str!("wire.rs").as_bytes(),
    include_str!("remote.rs").as_bytes(),
    include_str!("tokens.rs").as_bytes(),
    include_str!("backend.rs").as_bytes(),
    include_str!("packed.rs").as_bytes(),
    include_str!("packed/view.rs").as_bytes(),
    include_str!("lex_plan.rs").as_bytes(),
]);

const fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut p = 0;
    while p < parts.len() {
        let bytes = parts[p];
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            i += 1;
        }
        p += 1;
    }
    hash
}

/// Why bytes did not decode.
#[derive(Debug)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed message between the shim and the wasmacro host library: {}", self.0)
    }
}

impl std::error::Error for WireError {}

pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    fn take_bytes(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        if self.bytes.len() < n {
            return Err(WireError(format!("needed {n} more bytes, {} left", self.bytes.len())));
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    pub fn take<T: Wire>(&mut self) -> Result<T, WireError> {
        T::take(self)
    }

    /// Checks that nothing is left over.
    pub fn finish(self) -> Result<(), WireError> {
        match self.bytes.len() {
            0 => Ok(()),
            n => Err(WireError(format!("{n} bytes left over"))),
        }
    }
}

/// Decodes a whole message as one `T`.
pub fn decode<T: Wire>(bytes: &[u8]) -> Result<T, WireError> {
    let mut reader = Reader::new(bytes);
    let value = reader.take()?;
    reader.finish()?;
    Ok(value)
}

pub fn encode<T: Wire + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// A value with a byte form.
pub trait Wire {
    fn put(&self, out: &mut Vec<u8>);
    fn take(reader: &mut Reader<'_>) -> Result<Self, WireError>
    where
        Self: Sized;
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(r.take_bytes(1)?[0])
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(u32::from_le_bytes(r.take_bytes(4)?.try_into().unwrap()))
    }
}

impl Wire for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(u64::from_le_bytes(r.take_bytes(8)?.try_into().unwrap()))
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u64).put(out)
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        usize::try_from(u64::take(r)?).map_err(|_| WireError("a size beyond this platform's".into()))
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self as u8)
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        match u8::take(r)? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(WireError(format!("boolean {b}"))),
        }
    }
}

impl Wire for char {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u32).put(out)
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let code = u32::take(r)?;
        char::from_u32(code).ok_or_else(|| WireError(format!("character {code:#x}")))
    }
}

impl Wire for () {
    fn put(&self, _: &mut Vec<u8>) {}
    fn take(_: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(())
    }
}

impl Wire for str {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.as_str().put(out)
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let len = usize::take(r)?;
        let bytes = r.take_bytes(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| WireError("a string that is not UTF-8".into()))
    }
}

impl<T: Wire> Wire for [T] {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.as_slice().put(out)
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let len = usize::take(r)?;
        // Each item takes at least one byte: a length beyond what is left is malformed, and
        // must not reserve memory for it.
        if len > r.bytes.len() {
            return Err(WireError(format!("a list of {len} items in {} bytes", r.bytes.len())));
        }
        (0..len).map(|_| T::take(r)).collect()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(if bool::take(r)? { Some(T::take(r)?) } else { None })
    }
}

impl<T: Wire, E: Wire> Wire for Result<T, E> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Ok(value) => {
                out.push(0);
                value.put(out);
            }
            Err(error) => {
                out.push(1);
                error.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(if bool::take(r)? { Err(E::take(r)?) } else { Ok(T::take(r)?) })
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

/// Fieldless enums as one byte, in the order listed.
macro_rules! wire_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let code = u8::take(r)?;
                ALL.get(code as usize).copied().ok_or_else(|| WireError(format!("{} code {code}", stringify!($ty))))
            }
        }
    };
}

pub(crate) use wire_enum;

wire_enum!(Delimiter { Parenthesis, Brace, Bracket, None });
wire_enum!(Spacing { Alone, Joint, JointHidden });
wire_enum!(CommentKind { Line, Block });
wire_enum!(Level { Error, Warning, Note, Help });

impl Wire for LitKind {
    fn put(&self, out: &mut Vec<u8>) {
        let (code, hashes) = self.code();
        out.extend_from_slice(&[code, hashes]);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        let [code, hashes] = [u8::take(r)?, u8::take(r)?];
        LitKind::from_code(code.into(), hashes).ok_or_else(|| WireError(format!("literal kind {code}")))
    }
}

impl Wire for Literal {
    fn put(&self, out: &mut Vec<u8>) {
        self.kind.put(out);
        self.symbol.put(out);
        self.suffix.put(out);
        self.span.put(out);
        self.spacing.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Literal { kind: r.take()?, symbol: r.take()?, suffix: r.take()?, span: r.take()?, spacing: r.take()? })
    }
}

impl Wire for Token {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Token::Group(g) => {
                out.push(0);
                g.delimiter.put(out);
                for span in [g.open, g.close, g.entire, g.len] {
                    span.put(out);
                }
                g.open_spacing.put(out);
                g.close_spacing.put(out);
                g.doc_comment.put(out);
            }
            Token::Ident(i) => {
                out.push(1);
                i.name.put(out);
                i.is_raw.put(out);
                i.span.put(out);
                i.spacing.put(out);
            }
            Token::Punct(p) => {
                out.push(2);
                p.ch.put(out);
                p.spacing.put(out);
                p.span.put(out);
            }
            Token::Literal(l) => {
                out.push(3);
                l.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(match u8::take(r)? {
            0 => Token::Group(Group {
                delimiter: r.take()?,
                open: r.take()?,
                close: r.take()?,
                entire: r.take()?,
                len: r.take()?,
                open_spacing: r.take()?,
                close_spacing: r.take()?,
                doc_comment: r.take()?,
            }),
            1 => Token::Ident(Ident { name: r.take()?, is_raw: r.take()?, span: r.take()?, spacing: r.take()? }),
            2 => Token::Punct(Punct { ch: r.take()?, spacing: r.take()?, span: r.take()? }),
            3 => Token::Literal(r.take()?),
            tag => return Err(WireError(format!("token tag {tag}"))),
        })
    }
}

impl Wire for SubDiagnostic {
    fn put(&self, out: &mut Vec<u8>) {
        self.level.put(out);
        self.message.put(out);
        self.spans.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(SubDiagnostic { level: r.take()?, message: r.take()?, spans: r.take()? })
    }
}

impl Wire for Diagnostic {
    fn put(&self, out: &mut Vec<u8>) {
        self.level.put(out);
        self.message.put(out);
        self.spans.put(out);
        self.children.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(Diagnostic { level: r.take()?, message: r.take()?, spans: r.take()?, children: r.take()? })
    }
}

impl Wire for ExpansionSpans {
    fn put(&self, out: &mut Vec<u8>) {
        for span in [self.call_site, self.def_site, self.mixed_site] {
            span.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, WireError> {
        Ok(ExpansionSpans { call_site: r.take()?, def_site: r.take()?, mixed_site: r.take()? })
    }
}

// The tests are in their own file, so that changing them does not change [`WIRE_VERSION`].
#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
