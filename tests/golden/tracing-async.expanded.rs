// Golden expansion of tests/golden/tracing-async.input.rs by `cargo wasmacro expand --attr instrument`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
pub async fn fetch(url: &str, attempts: &mut u32) -> usize {
    {}
    let __tracing_attr_span = ::tracing::span!(
        target : module_path!(), ::tracing::Level::INFO, "fetch", url = url, attempts =
        attempts,
    );
    let __tracing_instrument_future = async move {
        #[allow(
            unknown_lints,
            unreachable_code,
            clippy::diverging_sub_expression,
            clippy::empty_loop,
            clippy::let_unit_value,
            clippy::let_with_type_underscore,
            clippy::needless_return,
            clippy::unreachable
        )]
        if false {
            let __tracing_attr_fake_return: usize = loop {};
            return __tracing_attr_fake_return;
        }
        {
            *attempts += 1;
            url.len()
        }
    };
    if !__tracing_attr_span.is_disabled() {
        ::tracing::Instrument::instrument(
                __tracing_instrument_future,
                __tracing_attr_span,
            )
            .await
    } else {
        __tracing_instrument_future.await
    }
}
