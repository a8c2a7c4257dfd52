// Golden expansion of tests/golden/tracing-error.input.rs by `cargo wasmacro expand --attr instrument --args 'skip(missing)'`.
// Known difference from native, asserted by tests/golden.rs on every run: `expand` fails
// with `error: attempting to skip non-existent parameter` (this file is its output), where native rustc fails with `error: attempting to skip non-existent parameter`.
// Why:
// The same error, at another place: native rustc points at `missing` inside
// `#[instrument(skip(missing))]`; `expand` takes the attribute's arguments from
// --args, outside the input file, so their tokens have no place in it and the error
// points at the call site instead (the whole item).
pub fn skipped(id: u64) -> u64 {
    {}
    #[allow(clippy::suspicious_else_formatting)]
    {
        let __tracing_attr_span;
        let __tracing_attr_guard;
        if ::tracing::level_enabled!(::tracing::Level::INFO)
            || ::tracing::if_log_enabled!(
                ::tracing::Level::INFO, { true } else { false }
            )
        {
            __tracing_attr_span = compile_error!(
                "attempting to skip non-existent parameter"
            );
            __tracing_attr_guard = __tracing_attr_span.enter();
        }
        #[warn(clippy::suspicious_else_formatting)]
        {
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
                let __tracing_attr_fake_return: u64 = loop {};
                return __tracing_attr_fake_return;
            }
            { id }
        }
    }
}
