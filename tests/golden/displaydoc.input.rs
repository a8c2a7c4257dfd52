/// Errors of the config loader.
pub enum ConfigError {
    /// could not read {path}: {source}
    Read { path: String, source: std::io::Error },
    /// line {0}: unknown key `{1}`
    UnknownKey(usize, String),
    /// the config is empty
    Empty,
}
