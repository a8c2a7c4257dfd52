// Golden expansion of tests/golden/tracing.input.rs by `cargo wasmacro expand --attr instrument --args 'skip(password), fields(user.id = id), err, ret, level = "debug"'`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
/// Loads a user; the password is skipped, the id recorded, errors and the return value logged.
pub fn load_user(
    id: u64,
    password: &str,
    retries: usize,
) -> Result<String, std::io::Error> {
    {}
    let __tracing_attr_span;
    let __tracing_attr_guard;
    if ::tracing::level_enabled!(::tracing::Level::DEBUG)
        || ::tracing::if_log_enabled!(::tracing::Level::DEBUG, { true } else { false })
    {
        __tracing_attr_span = ::tracing::span!(
            target : module_path!(), ::tracing::Level::DEBUG, "load_user", id = id,
            retries = retries, user.id = id
        );
        __tracing_attr_guard = __tracing_attr_span.enter();
    }
    #[allow(clippy::redundant_closure_call)]
    match (move || {
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
            let __tracing_attr_fake_return: Result<String, std::io::Error> = loop {};
            return __tracing_attr_fake_return;
        }
        {
            if password.is_empty() {
                return Err(std::io::Error::other("no password"));
            }
            Ok(format!("user-{id}-{retries}"))
        }
    })() {
        #[allow(clippy::unit_arg)]
        Ok(x) => {
            ::tracing::event!(
                target : module_path!(), ::tracing::Level::DEBUG, return = ? x
            );
            Ok(x)
        }
        Err(e) => {
            ::tracing::event!(
                target : module_path!(), ::tracing::Level::ERROR, error = % e
            );
            Err(e)
        }
    }
}
