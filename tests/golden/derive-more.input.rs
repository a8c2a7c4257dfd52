/// A shape whose Display comes from per-variant formats, with conversions from its payloads.
pub enum Shape {
    #[display("circle of radius {_0}")]
    Circle(f64),
    #[display("{width}x{height} rectangle")]
    Rect { width: u32, height: u32 },
    #[display("nothing")]
    #[from(ignore)]
    Empty,
}
