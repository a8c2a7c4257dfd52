// Golden expansion of tests/golden/strum.input.rs by `cargo wasmacro expand --derive EnumString`, `cargo wasmacro expand --derive Display`, `cargo wasmacro expand --derive EnumIter`, `cargo wasmacro expand --derive AsRefStr`, `cargo wasmacro expand --derive IntoStaticStr`, `cargo wasmacro expand --derive EnumCount` (outputs in this order).
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[strum]) are removed on both sides.
// Known differences from native: none.
#[allow(clippy::use_self)]
#[automatically_derived]
impl ::core::str::FromStr for Level {
    type Err = ::strum::ParseError;
    #[inline]
    fn from_str(
        s: &str,
    ) -> ::core::result::Result<Level, <Self as ::core::str::FromStr>::Err> {
        <Self as ::core::convert::TryFrom<&str>>::try_from(s)
    }
}
#[allow(clippy::use_self)]
#[automatically_derived]
impl ::core::convert::TryFrom<&str> for Level {
    type Error = ::strum::ParseError;
    #[inline]
    fn try_from(
        s: &str,
    ) -> ::core::result::Result<Level, <Self as ::core::convert::TryFrom<&str>>::Error> {
        Ok({
            match s {
                s if s.eq_ignore_ascii_case("trace") => Level::Trace,
                s if s.eq_ignore_ascii_case("debug") => Level::Debug,
                s if s.eq_ignore_ascii_case("information") => Level::Info,
                s if s.eq_ignore_ascii_case("info") => Level::Info,
                s if s.eq_ignore_ascii_case("warning") => Level::Warn,
                s if s.eq_ignore_ascii_case("error") => Level::Error,
                _ => {
                    return ::core::result::Result::Err(
                        ::strum::ParseError::VariantNotFound,
                    );
                }
            }
        })
    }
}
#[automatically_derived]
impl ::core::fmt::Display for Level {
    fn fmt(
        &self,
        f: &mut ::core::fmt::Formatter,
    ) -> ::core::result::Result<(), ::core::fmt::Error> {
        match *self {
            Level::Trace => ::core::fmt::Display::fmt("trace", f),
            Level::Debug => ::core::fmt::Display::fmt("debug", f),
            Level::Info => ::core::fmt::Display::fmt("information", f),
            Level::Warn => ::core::fmt::Display::fmt("warning", f),
            Level::Error => ::core::fmt::Display::fmt("error", f),
        }
    }
}
///An iterator over the variants of [Level]
#[allow(missing_copy_implementations)]
pub struct LevelIter {
    idx: usize,
    back_idx: usize,
    marker: ::core::marker::PhantomData<fn() -> ()>,
}
#[automatically_derived]
impl ::core::fmt::Debug for LevelIter {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("LevelIter").field("len", &self.len()).finish()
    }
}
#[automatically_derived]
impl LevelIter {
    fn get(&self, idx: usize) -> ::core::option::Option<Level> {
        match idx {
            0usize => ::core::option::Option::Some(Level::Trace),
            1usize => ::core::option::Option::Some(Level::Debug),
            2usize => ::core::option::Option::Some(Level::Info),
            3usize => ::core::option::Option::Some(Level::Warn),
            4usize => ::core::option::Option::Some(Level::Error),
            _ => ::core::option::Option::None,
        }
    }
}
#[automatically_derived]
impl ::strum::IntoEnumIterator for Level {
    type Iterator = LevelIter;
    #[inline]
    fn iter() -> LevelIter {
        LevelIter {
            idx: 0,
            back_idx: 0,
            marker: ::core::marker::PhantomData,
        }
    }
}
#[automatically_derived]
impl ::core::iter::Iterator for LevelIter {
    type Item = Level;
    #[inline]
    fn next(&mut self) -> ::core::option::Option<<Self as Iterator>::Item> {
        self.nth(0)
    }
    #[inline]
    fn size_hint(&self) -> (usize, ::core::option::Option<usize>) {
        let t = if self.idx + self.back_idx >= 5usize {
            0
        } else {
            5usize - self.idx - self.back_idx
        };
        (t, ::core::option::Option::Some(t))
    }
    #[inline]
    fn nth(&mut self, n: usize) -> ::core::option::Option<<Self as Iterator>::Item> {
        let idx = self.idx + n + 1;
        if idx + self.back_idx > 5usize {
            self.idx = 5usize;
            ::core::option::Option::None
        } else {
            self.idx = idx;
            LevelIter::get(self, idx - 1)
        }
    }
}
#[automatically_derived]
impl ::core::iter::ExactSizeIterator for LevelIter {
    #[inline]
    fn len(&self) -> usize {
        self.size_hint().0
    }
}
#[automatically_derived]
impl ::core::iter::DoubleEndedIterator for LevelIter {
    #[inline]
    fn next_back(&mut self) -> ::core::option::Option<<Self as Iterator>::Item> {
        let back_idx = self.back_idx + 1;
        if self.idx + back_idx > 5usize {
            self.back_idx = 5usize;
            ::core::option::Option::None
        } else {
            self.back_idx = back_idx;
            LevelIter::get(self, 5usize - self.back_idx)
        }
    }
}
#[automatically_derived]
impl ::core::iter::FusedIterator for LevelIter {}
#[automatically_derived]
impl ::core::clone::Clone for LevelIter {
    #[inline]
    fn clone(&self) -> LevelIter {
        LevelIter {
            idx: self.idx,
            back_idx: self.back_idx,
            marker: self.marker.clone(),
        }
    }
}
#[automatically_derived]
impl ::core::convert::AsRef<str> for Level {
    #[inline]
    fn as_ref(&self) -> &str {
        match *self {
            Level::Trace => "trace",
            Level::Debug => "debug",
            Level::Info => "information",
            Level::Warn => "warning",
            Level::Error => "error",
        }
    }
}
#[automatically_derived]
impl ::core::convert::From<Level> for &'static str {
    #[inline]
    fn from(x: Level) -> &'static str {
        match x {
            Level::Trace => "trace",
            Level::Debug => "debug",
            Level::Info => "information",
            Level::Warn => "warning",
            Level::Error => "error",
        }
    }
}
#[automatically_derived]
impl<'_derivative_strum> ::core::convert::From<&'_derivative_strum Level>
for &'static str {
    #[inline]
    fn from(x: &'_derivative_strum Level) -> &'static str {
        match *x {
            Level::Trace => "trace",
            Level::Debug => "debug",
            Level::Info => "information",
            Level::Warn => "warning",
            Level::Error => "error",
        }
    }
}
#[automatically_derived]
impl ::strum::EnumCount for Level {
    const COUNT: usize = 5usize;
}
