// Golden expansion of tests/golden/tokio-main-error.input.rs by `cargo wasmacro expand --attr main`.
// The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:
// `expand` fails with the errors native rustc reports (message, line:column, snippet), and
// `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with
// this output pasted in (both fail), normalized by syn + prettyplease.
// Known differences from native: none.
fn main() {
    let body = async {
        println!("not async");
    };
    let body = {
        if false {
            let _: &dyn ::core::future::Future<Output = ()> = &body;
        }
        body
    };
    #[allow(
        clippy::expect_used,
        clippy::diverging_sub_expression,
        clippy::needless_return,
        clippy::unwrap_in_result
    )]
    {
        use tokio::runtime::Builder;
        return Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("Failed building the Runtime")
            .block_on(body);
    }
}
::core::compile_error! {
    "the `async` keyword is missing from the function declaration"
}
