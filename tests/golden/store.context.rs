#[async_trait]
pub trait Store: Send + Sync {
    async fn get(&self, key: &str) -> Option<Vec<u8>>;
    async fn put(&mut self, key: String, value: Vec<u8>) -> Result<(), String>;
    async fn get_all<I>(&self, keys: I) -> Vec<Option<Vec<u8>>>
    where
        I: IntoIterator<Item = String> + Send,
        I::IntoIter: Send;
}

pub struct MemoryStore {
    entries: Vec<(String, Vec<u8>)>,
}
