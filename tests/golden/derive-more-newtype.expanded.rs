// Golden expansion of tests/golden/derive-more-newtype.input.rs by `cargo wasmacro expand --derive Display`, `cargo wasmacro expand --derive From`, `cargo wasmacro expand --derive Into`, `cargo wasmacro expand --derive Constructor` (outputs in this order).
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[display], #[from], #[into]) are removed on both sides.
// Known differences from native: none.
#[allow(deprecated)]
#[allow(unreachable_code)]
#[automatically_derived]
impl derive_more::core::fmt::Display for Millis {
    fn fmt(
        &self,
        __derive_more_f: &mut derive_more::core::fmt::Formatter<'_>,
    ) -> derive_more::core::fmt::Result {
        let millis = &self.millis;
        derive_more::core::write!(__derive_more_f, "{}ms", millis,)
    }
}
#[allow(deprecated)]
#[allow(unreachable_code)]
#[automatically_derived]
impl derive_more::core::convert::From<(u64)> for Millis {
    #[inline]
    fn from(value: (u64)) -> Self {
        Millis { millis: value }
    }
}
#[allow(clippy::unused_unit)]
#[allow(deprecated)]
#[automatically_derived]
impl derive_more::core::convert::From<Millis> for (u64) {
    #[inline]
    fn from(value: Millis) -> Self {
        (<u64 as derive_more::core::convert::From<_>>::from(value.millis))
    }
}
#[allow(deprecated)]
#[allow(missing_docs)]
#[allow(unreachable_code)]
#[automatically_derived]
impl Millis {
    #[inline]
    pub const fn new(millis: u64) -> Millis {
        Millis { millis: millis }
    }
}
