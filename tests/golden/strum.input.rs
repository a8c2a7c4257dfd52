/// Log levels, parsed case-insensitively and printed in lower case.
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Level {
    Trace,
    Debug,
    #[strum(serialize = "information", serialize = "info")]
    Info,
    #[strum(to_string = "warning")]
    Warn,
    Error,
}
