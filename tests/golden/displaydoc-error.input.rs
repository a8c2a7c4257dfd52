pub enum Missing {
    /// documented
    Documented,
    Undocumented,
}
