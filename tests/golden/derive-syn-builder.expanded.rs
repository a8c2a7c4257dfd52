// Golden expansion of tests/golden/builder.input.rs by `cargo wasmacro expand --derive Builder`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[builder]) are removed on both sides.
// Known differences from native: none.
pub struct ConfigBuilder<'a, T: Default> {
    name: ::core::option::Option<&'a str>,
    retries: ::core::option::Option<u32>,
    payload: ::core::option::Option<T>,
}
impl<'a, T: Default> Config<'a, T> {
    pub fn builder() -> ConfigBuilder<'a, T> {
        ConfigBuilder {
            name: ::core::option::Option::None,
            retries: ::core::option::Option::None,
            payload: ::core::option::Option::None,
        }
    }
}
impl<'a, T: Default> ConfigBuilder<'a, T> {
    pub fn name(mut self, value: &'a str) -> Self {
        self.name = ::core::option::Option::Some(value);
        self
    }
    pub fn retries(mut self, value: u32) -> Self {
        self.retries = ::core::option::Option::Some(value);
        self
    }
    pub fn with_payload(mut self, value: T) -> Self {
        self.payload = ::core::option::Option::Some(value);
        self
    }
    pub fn build(self) -> ::core::result::Result<Config<'a, T>, &'static str> {
        ::core::result::Result::Ok(Config {
            name: self.name.ok_or("field `name` was not set")?,
            retries: self.retries.unwrap_or_default(),
            payload: self.payload.ok_or("field `payload` was not set")?,
        })
    }
}
