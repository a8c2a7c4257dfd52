/// Copies files, maybe many times.
#[command(name = "copier", version = "1.4.0", long_about = None)]
pub struct Cli {
    /// Source file
    pub source: String,
    /// How many copies to make
    #[arg(short = 'n', long, default_value_t = 1)]
    pub count: u32,
    /// Print each copy
    #[arg(short, long)]
    pub verbose: bool,
    /// Where the copies go
    #[arg(long, value_name = "DIR", env = "COPIER_DEST")]
    pub dest: Option<std::path::PathBuf>,
    #[command(subcommand)]
    pub mode: Option<Mode>,
}
