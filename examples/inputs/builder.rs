/// Configuration of a connection; `#[derive(Builder)]` adds `Config::builder()`.
#[derive(Builder, Debug)]
pub struct Config<T: Default> {
    pub name: String,
    #[builder(default)]
    pub retries: u32,
    #[builder(rename = "with_payload")]
    pub payload: T,
}
