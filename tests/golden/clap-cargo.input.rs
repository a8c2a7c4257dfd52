/// Version and description come from Cargo.toml, as most clap programs do it.
#[command(version, about)]
pub struct Tool {
    /// Input file
    pub input: String,
}
