// Golden expansion of tests/golden/async-trait-trait.input.rs by `cargo wasmacro expand --attr async_trait`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
/// A store with async methods: a required one, one with a default body, and a generic one.
pub trait Store: Send + Sync {
    #[allow(
        elided_named_lifetimes,
        clippy::type_complexity,
        clippy::type_repetition_in_bounds
    )]
    fn get<'life0, 'life1, 'async_trait>(
        &'life0 self,
        key: &'life1 str,
    ) -> ::core::pin::Pin<
        Box<
            dyn ::core::future::Future<
                Output = Option<Vec<u8>>,
            > + ::core::marker::Send + 'async_trait,
        >,
    >
    where
        'life0: 'async_trait,
        'life1: 'async_trait,
        Self: 'async_trait;
    #[allow(
        elided_named_lifetimes,
        clippy::type_complexity,
        clippy::type_repetition_in_bounds
    )]
    fn put<'life0, 'async_trait>(
        &'life0 mut self,
        key: String,
        value: Vec<u8>,
    ) -> ::core::pin::Pin<
        Box<
            dyn ::core::future::Future<
                Output = Result<(), String>,
            > + ::core::marker::Send + 'async_trait,
        >,
    >
    where
        'life0: 'async_trait,
        Self: 'async_trait;
    #[allow(
        elided_named_lifetimes,
        clippy::async_yields_async,
        clippy::diverging_sub_expression,
        clippy::let_unit_value,
        clippy::needless_arbitrary_self_type,
        clippy::no_effect_underscore_binding,
        clippy::shadow_same,
        clippy::type_complexity,
        clippy::type_repetition_in_bounds,
        clippy::used_underscore_binding
    )]
    fn contains<'life0, 'life1, 'async_trait>(
        &'life0 self,
        key: &'life1 str,
    ) -> ::core::pin::Pin<
        Box<
            dyn ::core::future::Future<
                Output = bool,
            > + ::core::marker::Send + 'async_trait,
        >,
    >
    where
        'life0: 'async_trait,
        'life1: 'async_trait,
        Self: 'async_trait,
    {
        Box::pin(async move {
            if let ::core::option::Option::Some(__ret) = ::core::option::Option::None::<
                bool,
            > {
                #[allow(unreachable_code)] return __ret;
            }
            let __self = self;
            let __ret: bool = { __self.get(key).await.is_some() };
            #[allow(unreachable_code)] __ret
        })
    }
    #[allow(
        elided_named_lifetimes,
        clippy::type_complexity,
        clippy::type_repetition_in_bounds
    )]
    fn get_all<'life0, 'async_trait, I>(
        &'life0 self,
        keys: I,
    ) -> ::core::pin::Pin<
        Box<
            dyn ::core::future::Future<
                Output = Vec<Option<Vec<u8>>>,
            > + ::core::marker::Send + 'async_trait,
        >,
    >
    where
        I: IntoIterator<Item = String> + Send,
        I::IntoIter: Send,
        I: 'async_trait,
        'life0: 'async_trait,
        Self: 'async_trait;
}
