/// Two fields and no format: derive_more cannot tell which one to display.
pub struct Point {
    x: i32,
    y: i32,
}
