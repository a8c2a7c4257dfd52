/// A config with getters, setters and a copy getter.
#[getset(set = "pub")]
pub struct Config {
    #[getset(get = "pub")]
    name: String,
    #[getset(get_copy = "pub")]
    port: u16,
    #[getset(get_mut = "pub(crate)", get = "pub")]
    tags: Vec<String>,
    #[getset(skip)]
    secret: String,
}
