// Golden expansion of tests/golden/derive-more.input.rs by `cargo wasmacro expand --derive Display`, `cargo wasmacro expand --derive From` (outputs in this order).
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[display], #[from]) are removed on both sides.
// Known differences from native: none.
#[allow(deprecated)]
#[allow(unreachable_code)]
#[automatically_derived]
impl derive_more::core::fmt::Display for Shape {
    fn fmt(
        &self,
        __derive_more_f: &mut derive_more::core::fmt::Formatter<'_>,
    ) -> derive_more::core::fmt::Result {
        match self {
            Self::Circle(_0) => {
                derive_more::core::write!(__derive_more_f, "circle of radius {_0}",)
            }
            Self::Rect { width, height } => {
                derive_more::core::write!(__derive_more_f, "{width}x{height} rectangle",)
            }
            Self::Empty => derive_more::core::write!(__derive_more_f, "nothing",),
        }
    }
}
#[allow(deprecated)]
#[allow(unreachable_code)]
#[automatically_derived]
impl derive_more::core::convert::From<(f64)> for Shape {
    #[inline]
    fn from(value: (f64)) -> Self {
        Shape::Circle(value)
    }
}
#[allow(deprecated)]
#[allow(unreachable_code)]
#[automatically_derived]
impl derive_more::core::convert::From<(u32, u32)> for Shape {
    #[inline]
    fn from(value: (u32, u32)) -> Self {
        Shape::Rect {
            width: value.0,
            height: value.1,
        }
    }
}
