// Golden expansion of tests/golden/pin-project-drop.input.rs by `cargo wasmacro expand --attr pinned_drop`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
#[doc(hidden)]
impl<T> ::pin_project::__private::PinnedDrop for Guard<T> {
    unsafe fn drop(self: Pin<&mut Self>) {
        #[allow(
            clippy::missing_const_for_fn,
            clippy::needless_pass_by_value,
            clippy::single_call_fn
        )]
        fn __drop_inner<T>(__self: Pin<&mut Guard<T>>) {
            fn __drop_inner() {}
            let this = __self.project();
            this.log.push("dropped".to_string());
        }
        __drop_inner(self);
    }
}
