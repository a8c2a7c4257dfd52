// Golden expansion of tests/golden/pin-project.input.rs by `cargo wasmacro expand --attr pin_project`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
/// A future wrapper with one pinned and one unpinned field.
#[derive(::pin_project::__private::__PinProjectInternalDerive)]
#[pin(__private())]
pub struct Timed<F, C> {
    #[pin]
    future: F,
    started: Option<C>,
    polls: u32,
}
