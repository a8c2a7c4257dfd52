pub async fn fetch(url: &str, attempts: &mut u32) -> usize {
    *attempts += 1;
    url.len()
}
