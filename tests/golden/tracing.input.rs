/// Loads a user; the password is skipped, the id recorded, errors and the return value logged.
pub fn load_user(id: u64, password: &str, retries: usize) -> Result<String, std::io::Error> {
    if password.is_empty() {
        return Err(std::io::Error::other("no password"));
    }
    Ok(format!("user-{id}-{retries}"))
}
