/// Greets someone; the command is named after the package, as clap does by default.
pub struct Greet {
    /// Who to greet
    #[arg(short, long, default_value = "world")]
    pub who: String,
}
