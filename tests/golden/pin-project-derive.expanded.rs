// Golden expansion of tests/golden/pin-project.expanded.rs (without its #[derive] line) by `cargo wasmacro expand --derive __PinProjectInternalDerive`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[pin]) are removed on both sides.
// Known differences from native: none.
#[allow(
    unused_qualifications,
    deprecated,
    explicit_outlives_requirements,
    single_use_lifetimes,
    unreachable_pub,
    unused_tuple_struct_fields,
    clippy::unknown_clippy_lints,
    clippy::absolute_paths,
    clippy::min_ident_chars,
    clippy::pattern_type_mismatch,
    clippy::pub_with_shorthand,
    clippy::redundant_pub_crate,
    clippy::single_char_lifetime_names,
    clippy::type_repetition_in_bounds,
    clippy::elidable_lifetime_names,
    clippy::missing_const_for_fn,
    clippy::needless_lifetimes,
    clippy::semicolon_if_nothing_returned,
    clippy::use_self,
    clippy::used_underscore_binding
)]
const _: () = {
    #[allow(unused_extern_crates)]
    extern crate pin_project as _pin_project;
    #[allow(dead_code, clippy::missing_docs_in_private_items, clippy::mut_mut)]
    pub(crate) struct __TimedProjection<'pin, F, C>
    where
        Timed<F, C>: 'pin,
    {
        future: ::pin_project::__private::Pin<&'pin mut (F)>,
        started: &'pin mut (Option<C>),
        polls: &'pin mut (u32),
    }
    #[allow(dead_code, clippy::missing_docs_in_private_items, clippy::ref_option_ref)]
    pub(crate) struct __TimedProjectionRef<'pin, F, C>
    where
        Timed<F, C>: 'pin,
    {
        future: ::pin_project::__private::Pin<&'pin (F)>,
        started: &'pin (Option<C>),
        polls: &'pin (u32),
    }
    impl<F, C> Timed<F, C> {
        #[allow(dead_code)]
        #[inline]
        pub(crate) fn project<'pin>(
            self: _pin_project::__private::Pin<&'pin mut Self>,
        ) -> __TimedProjection<'pin, F, C> {
            unsafe {
                let Self { future, started, polls } = self.get_unchecked_mut();
                __TimedProjection {
                    future: _pin_project::__private::Pin::new_unchecked(future),
                    started,
                    polls,
                }
            }
        }
        #[allow(dead_code)]
        #[inline]
        pub(crate) fn project_ref<'pin>(
            self: _pin_project::__private::Pin<&'pin Self>,
        ) -> __TimedProjectionRef<'pin, F, C> {
            unsafe {
                let Self { future, started, polls } = self.get_ref();
                __TimedProjectionRef {
                    future: _pin_project::__private::Pin::new_unchecked(future),
                    started,
                    polls,
                }
            }
        }
    }
    #[forbid(unaligned_references, safe_packed_borrows)]
    fn __assert_not_repr_packed<F, C>(this: &Timed<F, C>) {
        let _ = &this.future;
        let _ = &this.started;
        let _ = &this.polls;
    }
    #[allow(missing_debug_implementations, unnameable_types)]
    pub struct __Timed<'pin, F, C> {
        __pin_project_use_generics: _pin_project::__private::AlwaysUnpin<
            'pin,
            (
                _pin_project::__private::PhantomData<F>,
                _pin_project::__private::PhantomData<C>,
            ),
        >,
        __field0: F,
    }
    impl<'pin, F, C> _pin_project::__private::Unpin for Timed<F, C>
    where
        _pin_project::__private::PinnedFieldsOf<
            __Timed<'pin, F, C>,
        >: _pin_project::__private::Unpin,
    {}
    #[doc(hidden)]
    unsafe impl<'pin, F, C> _pin_project::UnsafeUnpin for Timed<F, C>
    where
        _pin_project::__private::PinnedFieldsOf<
            __Timed<'pin, F, C>,
        >: _pin_project::__private::Unpin,
    {}
    trait TimedMustNotImplDrop {}
    #[allow(clippy::drop_bounds, drop_bounds)]
    impl<T: _pin_project::__private::Drop> TimedMustNotImplDrop for T {}
    impl<F, C> TimedMustNotImplDrop for Timed<F, C> {}
    #[doc(hidden)]
    impl<F, C> _pin_project::__private::PinnedDrop for Timed<F, C> {
        unsafe fn drop(self: _pin_project::__private::Pin<&mut Self>) {}
    }
};
