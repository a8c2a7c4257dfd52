// Golden expansion of tests/golden/tokio-main.input.rs by `cargo wasmacro expand --attr main --args 'flavor = "current_thread"'`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
fn main() {
    let body = async {
        let handle = tokio::spawn(async { 40 + 2 });
        let answer = handle.await.unwrap();
        println!("{answer}");
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
