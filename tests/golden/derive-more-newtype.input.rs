#[display("{}ms", millis)]
pub struct Millis {
    millis: u64,
}
