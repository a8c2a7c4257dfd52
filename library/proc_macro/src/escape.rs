//! How `Literal::string` and friends spell their contents (the literal's symbol).

/// Which escapes a literal kind needs.
#[derive(Copy, Clone)]
pub(crate) struct Escapes {
    /// `'` becomes `\'` (char-like literals).
    pub(crate) single_quote: bool,
    /// `"` becomes `\"` (string-like literals).
    pub(crate) double_quote: bool,
    /// Every byte is escaped on its own, non-ASCII as `\xNN` (byte literals); otherwise
    /// valid UTF-8 is kept as characters.
    pub(crate) bytes: bool,
}

pub(crate) const STR: Escapes = Escapes { single_quote: false, double_quote: true, bytes: false };
pub(crate) const CHAR: Escapes = Escapes { single_quote: true, double_quote: false, bytes: false };
pub(crate) const BYTE: Escapes = Escapes { single_quote: true, double_quote: false, bytes: true };
pub(crate) const BYTE_STR: Escapes =
    Escapes { single_quote: false, double_quote: true, bytes: true };

pub(crate) fn escape(input: &[u8], how: Escapes) -> String {
    let mut out = String::with_capacity(input.len());
    if how.bytes {
        input.iter().for_each(|&b| push_byte(&mut out, b, how));
        return out;
    }
    // Only C strings can carry invalid UTF-8 here; those bytes fall back to `\xNN`.
    for chunk in input.utf8_chunks() {
        chunk.valid().chars().for_each(|c| push_char(&mut out, c, how));
        chunk.invalid().iter().for_each(|&b| push_byte(&mut out, b, how));
    }
    out
}

fn push_byte(out: &mut String, b: u8, how: Escapes) {
    match b {
        // `escape_ascii` would say `\x00`; rustc's literals say `\0`.
        0 => out.push_str("\\0"),
        b'\'' if !how.single_quote => out.push('\''),
        b'"' if !how.double_quote => out.push('"'),
        _ => out.extend(b.escape_ascii().map(char::from)),
    }
}

fn push_char(out: &mut String, c: char, how: Escapes) {
    match c {
        '\'' if !how.single_quote => out.push('\''),
        '"' if !how.double_quote => out.push('"'),
        // Per character, so combining marks are escaped wherever they appear.
        _ => out.extend(c.escape_debug()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> String {
        escape(x.as_bytes(), STR)
    }

    #[test]
    fn strings() {
        assert_eq!(s("a\n"), "a\\n");
        assert_eq!(s("it's \"q\""), "it's \\\"q\\\"");
        assert_eq!(s("\0\t\r\\"), "\\0\\t\\r\\\\");
        assert_eq!(s("é☃"), "é☃");
        assert_eq!(s("\u{7f}\u{1}"), "\\u{7f}\\u{1}");
        assert_eq!(s("e\u{301}"), "e\\u{301}");
    }

    #[test]
    fn chars_and_bytes() {
        assert_eq!(escape("'".as_bytes(), CHAR), "\\'");
        assert_eq!(escape("\"".as_bytes(), CHAR), "\"");
        assert_eq!(escape(&[b'\''], BYTE), "\\'");
        assert_eq!(escape(&[0xff], BYTE), "\\xff");
        assert_eq!(escape(&[0], BYTE), "\\0");
        assert_eq!(escape(&[0x7f, b'"', b'a'], BYTE_STR), "\\x7f\\\"a");
        assert_eq!(escape(b"\xffok\xc3\xa9", STR), "\\xffoké");
    }
}
