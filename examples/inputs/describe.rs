#[derive(Describe)]
pub enum Shape {
    Circle(f64),
    Square { side: f64 },
}
