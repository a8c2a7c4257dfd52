/// A connection's settings.
pub struct Config<'a, T: Default> {
    pub name: &'a str,
    #[builder(default)]
    pub retries: u32,
    #[builder(rename = "with_payload")]
    pub payload: T,
}
