pub enum Mode {
    /// Copy once and stop
    Once,
    /// Keep copying
    Watch {
        /// Seconds between copies
        #[arg(long, default_value = "5")]
        interval: u64,
        #[arg(value_enum)]
        format: Format,
    },
}
