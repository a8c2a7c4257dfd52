/// Connects, in theory.
pub fn connect(retries: u32) -> Result<(), String> {
    if retries > 3 { Err(format!("gave up after {retries}")) } else { Ok(()) }
}
