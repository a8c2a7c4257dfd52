//! Validation of escapes inside quoted literals. rustc rejects bad escapes while lexing, so the
//! lexer runs this over every literal's contents; the literal keeps its raw text either way.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Char,
    Byte,
    Str,
    ByteStr,
    CStr,
    RawStr,
    RawByteStr,
    RawCStr,
}

impl Mode {
    fn is_byte(self) -> bool {
        matches!(self, Mode::Byte | Mode::ByteStr | Mode::RawByteStr)
    }
    fn in_double_quotes(self) -> bool {
        !matches!(self, Mode::Char | Mode::Byte)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EscErr {
    ZeroChars,
    MoreThanOneChar,
    LoneSlash,
    InvalidEscape,
    BareCarriageReturn,
    BareCarriageReturnInRawString,
    EscapeOnlyChar,
    TooShortHexEscape,
    InvalidCharInHexEscape,
    OutOfRangeHexEscape,
    NoBraceInUnicodeEscape,
    InvalidCharInUnicodeEscape,
    EmptyUnicodeEscape,
    UnclosedUnicodeEscape,
    LeadingUnderscoreUnicodeEscape,
    OverlongUnicodeEscape,
    LoneSurrogateUnicodeEscape,
    OutOfRangeUnicodeEscape,
    UnicodeEscapeInByte,
    NonAsciiCharInByte,
    NulInCStr,
    /// Warnings: the literal stays valid.
    UnskippedWhitespaceWarning,
    MultipleSkippedLinesWarning,
}

impl EscErr {
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            EscErr::UnskippedWhitespaceWarning | EscErr::MultipleSkippedLinesWarning
        )
    }
}

/// `c` as rustc shows it in messages: printable ASCII as is, anything else escaped.
pub fn escaped_char(c: char) -> String {
    match c {
        ' '..='~' => c.to_string(),
        _ => c.escape_default().to_string(),
    }
}

/// rustc's message for `err`; `text` is the literal's contents and `range` the error's range.
pub fn message(err: EscErr, mode: Mode, text: &str, range: &Range<usize>) -> String {
    let last = || text[range.clone()].chars().next_back().unwrap_or('\0');
    match err {
        EscErr::ZeroChars => "empty character literal".into(),
        EscErr::MoreThanOneChar => "character literal may only contain one codepoint".into(),
        EscErr::LoneSlash => "invalid trailing slash in literal".into(),
        EscErr::InvalidEscape => {
            let what = if matches!(mode, Mode::Byte | Mode::ByteStr) {
                "byte"
            } else {
                "character"
            };
            format!("unknown {what} escape: `{}`", escaped_char(last()))
        }
        EscErr::BareCarriageReturn if mode.in_double_quotes() => {
            "bare CR not allowed in string, use `\\r` instead".into()
        }
        EscErr::BareCarriageReturn => "character constant must be escaped: `\\r`".into(),
        EscErr::BareCarriageReturnInRawString => "bare CR not allowed in raw string".into(),
        EscErr::EscapeOnlyChar => {
            let what = if mode == Mode::Byte {
                "byte"
            } else {
                "character"
            };
            format!(
                "{what} constant must be escaped: `{}`",
                escaped_char(last())
            )
        }
        EscErr::TooShortHexEscape => "numeric character escape is too short".into(),
        EscErr::InvalidCharInHexEscape => {
            format!(
                "invalid character in numeric character escape: `{}`",
                escaped_char(last())
            )
        }
        EscErr::InvalidCharInUnicodeEscape => {
            format!(
                "invalid character in unicode escape: `{}`",
                escaped_char(last())
            )
        }
        EscErr::OutOfRangeHexEscape => "out of range hex escape".into(),
        EscErr::NoBraceInUnicodeEscape => "incorrect unicode escape sequence".into(),
        EscErr::EmptyUnicodeEscape => "empty unicode escape".into(),
        EscErr::UnclosedUnicodeEscape => "unterminated unicode escape".into(),
        EscErr::LeadingUnderscoreUnicodeEscape => "invalid start of unicode escape: `_`".into(),
        EscErr::OverlongUnicodeEscape => "overlong unicode escape".into(),
        EscErr::LoneSurrogateUnicodeEscape | EscErr::OutOfRangeUnicodeEscape => {
            "invalid unicode character escape".into()
        }
        EscErr::UnicodeEscapeInByte => "unicode escape in byte string".into(),
        EscErr::NonAsciiCharInByte => {
            let desc = match mode {
                Mode::Byte => "byte literal",
                Mode::ByteStr => "byte string literal",
                _ => "raw byte string literal",
            };
            format!("non-ASCII character in {desc}")
        }
        EscErr::NulInCStr => "null characters in C string literals are not supported".into(),
        EscErr::UnskippedWhitespaceWarning => {
            format!(
                "whitespace symbol '{}' is not skipped",
                escaped_char(last())
            )
        }
        EscErr::MultipleSkippedLinesWarning => "multiple lines skipped by escaped newline".into(),
    }
}

/// Reports every problem in the contents `text` of a literal of `mode`.
pub fn check(text: &str, mode: Mode, report: &mut dyn FnMut(Range<usize>, EscErr)) {
    match mode {
        Mode::Char | Mode::Byte => {
            if let Err(e) = check_single(text, mode) {
                report(0..text.len(), e.1);
            }
        }
        Mode::Str | Mode::ByteStr | Mode::CStr => check_cooked_str(text, mode, report),
        Mode::RawStr | Mode::RawByteStr | Mode::RawCStr => {
            for (i, c) in text.char_indices() {
                let err = match c {
                    '\r' => Some(EscErr::BareCarriageReturnInRawString),
                    '\0' if mode == Mode::RawCStr => Some(EscErr::NulInCStr),
                    c if mode == Mode::RawByteStr && !c.is_ascii() => {
                        Some(EscErr::NonAsciiCharInByte)
                    }
                    _ => None,
                };
                if let Some(err) = err {
                    report(i..i + c.len_utf8(), err);
                }
            }
        }
    }
}

/// Char and byte literals: exactly one (possibly escaped) character. The whole literal is the
/// error range, except where rustc points at the last character (kept simple here).
fn check_single(text: &str, mode: Mode) -> Result<(), (usize, EscErr)> {
    let mut chars = text.chars();
    let c = chars.next().ok_or((0, EscErr::ZeroChars))?;
    match c {
        '\\' => {
            scan_escape(&mut chars, mode).map_err(|e| (0, e))?;
        }
        '\n' | '\t' | '\'' => return Err((0, EscErr::EscapeOnlyChar)),
        '\r' => return Err((0, EscErr::BareCarriageReturn)),
        c if mode.is_byte() && !c.is_ascii() => return Err((0, EscErr::NonAsciiCharInByte)),
        _ => {}
    }
    if chars.next().is_some() {
        return Err((0, EscErr::MoreThanOneChar));
    }
    Ok(())
}

fn check_cooked_str(text: &str, mode: Mode, report: &mut dyn FnMut(Range<usize>, EscErr)) {
    let mut chars = text.chars();
    loop {
        let start = text.len() - chars.as_str().len();
        let Some(c) = chars.next() else { break };
        let res = match c {
            '\\' => {
                if chars.clone().next() == Some('\n') {
                    skip_ascii_whitespace(&mut chars, start, report);
                    continue;
                }
                scan_escape(&mut chars, mode)
            }
            '\r' => Err(EscErr::BareCarriageReturn),
            c if mode.is_byte() && !c.is_ascii() => Err(EscErr::NonAsciiCharInByte),
            c => Ok(c as u32),
        };
        let end = text.len() - chars.as_str().len();
        match res {
            Ok(0) if mode == Mode::CStr => report(start..end, EscErr::NulInCStr),
            Ok(_) => {}
            Err(e) => report(start..end, e),
        }
    }
}

/// A `\` followed by a newline skips the following ASCII whitespace (warning on oddities).
fn skip_ascii_whitespace(
    chars: &mut std::str::Chars<'_>,
    start: usize,
    report: &mut dyn FnMut(Range<usize>, EscErr),
) {
    let tail = chars.as_str();
    let skip = tail
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(tail.len());
    if tail[1..skip].contains('\n') {
        report(start..start + skip + 1, EscErr::MultipleSkippedLinesWarning);
    }
    let rest = &tail[skip..];
    if let Some(c) = rest.chars().next()
        && c.is_whitespace()
    {
        report(
            start..start + skip + c.len_utf8() + 1,
            EscErr::UnskippedWhitespaceWarning,
        );
    }
    *chars = rest.chars();
}

/// After a `\`: validates one escape and returns its value.
fn scan_escape(chars: &mut std::str::Chars<'_>, mode: Mode) -> Result<u32, EscErr> {
    let c = chars.next().ok_or(EscErr::LoneSlash)?;
    Ok(match c {
        '"' | 'n' | 'r' | 't' | '\\' | '\'' => 1,
        '0' => 0,
        'x' => {
            let hi = chars.next().ok_or(EscErr::TooShortHexEscape)?;
            let hi = hi.to_digit(16).ok_or(EscErr::InvalidCharInHexEscape)?;
            let lo = chars.next().ok_or(EscErr::TooShortHexEscape)?;
            let lo = lo.to_digit(16).ok_or(EscErr::InvalidCharInHexEscape)?;
            let value = hi * 16 + lo;
            // Only byte-ish literals may name bytes above 0x7F.
            if value > 0x7f && !matches!(mode, Mode::Byte | Mode::ByteStr | Mode::CStr) {
                return Err(EscErr::OutOfRangeHexEscape);
            }
            value
        }
        'u' => scan_unicode(chars, !mode.is_byte())?,
        _ => return Err(EscErr::InvalidEscape),
    })
}

fn scan_unicode(chars: &mut std::str::Chars<'_>, allowed: bool) -> Result<u32, EscErr> {
    if chars.next() != Some('{') {
        return Err(EscErr::NoBraceInUnicodeEscape);
    }
    let mut n_digits = 1;
    let mut value = match chars.next().ok_or(EscErr::UnclosedUnicodeEscape)? {
        '_' => return Err(EscErr::LeadingUnderscoreUnicodeEscape),
        '}' => return Err(EscErr::EmptyUnicodeEscape),
        c => c.to_digit(16).ok_or(EscErr::InvalidCharInUnicodeEscape)?,
    };
    loop {
        match chars.next() {
            None => return Err(EscErr::UnclosedUnicodeEscape),
            Some('_') => {}
            Some('}') => {
                if n_digits > 6 {
                    return Err(EscErr::OverlongUnicodeEscape);
                }
                if !allowed {
                    return Err(EscErr::UnicodeEscapeInByte);
                }
                return match char::from_u32(value) {
                    Some(c) => Ok(c as u32),
                    None if value > 0x10ffff => Err(EscErr::OutOfRangeUnicodeEscape),
                    None => Err(EscErr::LoneSurrogateUnicodeEscape),
                };
            }
            Some(c) => {
                let digit = c.to_digit(16).ok_or(EscErr::InvalidCharInUnicodeEscape)?;
                n_digits += 1;
                // Past six digits the value no longer matters: it is overlong anyway.
                if n_digits <= 6 {
                    value = value * 16 + digit;
                }
            }
        }
    }
}
