#[serde(rename_all = "kebab-case", deny_unknown)]
pub struct Settings {
    pub max_size: u64,
}
