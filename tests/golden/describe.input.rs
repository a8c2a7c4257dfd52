pub enum Shape {
    Circle(f64),
    Square { side: f64 },
    /// Unit variants are members too.
    Empty,
}
