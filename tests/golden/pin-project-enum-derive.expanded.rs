// Golden expansion of tests/golden/pin-project-enum.expanded.rs (without its #[derive] line) by `cargo wasmacro expand --derive __PinProjectInternalDerive`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[pin]) are removed on both sides.
// Known differences from native: none.
#[allow(
    dead_code,
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
    clippy::missing_docs_in_private_items,
    clippy::mut_mut
)]
pub(crate) enum EitherProj<'pin, L, R>
where
    Either<L, R>: 'pin,
{
    Left(::pin_project::__private::Pin<&'pin mut (L)>),
    Right {
        inner: ::pin_project::__private::Pin<&'pin mut (R)>,
        label: &'pin mut (&'static str),
    },
    Done,
}
#[allow(
    dead_code,
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
    clippy::missing_docs_in_private_items,
    clippy::ref_option_ref
)]
pub(crate) enum EitherProjRef<'pin, L, R>
where
    Either<L, R>: 'pin,
{
    Left(::pin_project::__private::Pin<&'pin (L)>),
    Right {
        inner: ::pin_project::__private::Pin<&'pin (R)>,
        label: &'pin (&'static str),
    },
    Done,
}
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
    impl<L, R> Either<L, R> {
        #[allow(dead_code)]
        #[inline]
        pub(crate) fn project<'pin>(
            self: _pin_project::__private::Pin<&'pin mut Self>,
        ) -> EitherProj<'pin, L, R> {
            unsafe {
                match self.get_unchecked_mut() {
                    Self::Left(_0) => {
                        EitherProj::Left(_pin_project::__private::Pin::new_unchecked(_0))
                    }
                    Self::Right { inner, label } => {
                        EitherProj::Right {
                            inner: _pin_project::__private::Pin::new_unchecked(inner),
                            label,
                        }
                    }
                    Self::Done => EitherProj::Done,
                }
            }
        }
        #[allow(dead_code)]
        #[inline]
        pub(crate) fn project_ref<'pin>(
            self: _pin_project::__private::Pin<&'pin Self>,
        ) -> EitherProjRef<'pin, L, R> {
            unsafe {
                match self.get_ref() {
                    Self::Left(_0) => {
                        EitherProjRef::Left(
                            _pin_project::__private::Pin::new_unchecked(_0),
                        )
                    }
                    Self::Right { inner, label } => {
                        EitherProjRef::Right {
                            inner: _pin_project::__private::Pin::new_unchecked(inner),
                            label,
                        }
                    }
                    Self::Done => EitherProjRef::Done,
                }
            }
        }
    }
    #[allow(missing_debug_implementations, unnameable_types)]
    pub struct __Either<'pin, L, R> {
        __pin_project_use_generics: _pin_project::__private::AlwaysUnpin<
            'pin,
            (
                _pin_project::__private::PhantomData<L>,
                _pin_project::__private::PhantomData<R>,
            ),
        >,
        __field0: L,
        __field1: R,
    }
    impl<'pin, L, R> _pin_project::__private::Unpin for Either<L, R>
    where
        _pin_project::__private::PinnedFieldsOf<
            __Either<'pin, L, R>,
        >: _pin_project::__private::Unpin,
    {}
    #[doc(hidden)]
    unsafe impl<'pin, L, R> _pin_project::UnsafeUnpin for Either<L, R>
    where
        _pin_project::__private::PinnedFieldsOf<
            __Either<'pin, L, R>,
        >: _pin_project::__private::Unpin,
    {}
    trait EitherMustNotImplDrop {}
    #[allow(clippy::drop_bounds, drop_bounds)]
    impl<T: _pin_project::__private::Drop> EitherMustNotImplDrop for T {}
    impl<L, R> EitherMustNotImplDrop for Either<L, R> {}
    #[doc(hidden)]
    impl<L, R> _pin_project::__private::PinnedDrop for Either<L, R> {
        unsafe fn drop(self: _pin_project::__private::Pin<&mut Self>) {}
    }
};
