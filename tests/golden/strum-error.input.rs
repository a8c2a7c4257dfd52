pub enum Color {
    Red,
    #[strum(serialise = "verde")]
    Green,
}
