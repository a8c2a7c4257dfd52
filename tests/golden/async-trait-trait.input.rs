/// A store with async methods: a required one, one with a default body, and a generic one.
pub trait Store: Send + Sync {
    async fn get(&self, key: &str) -> Option<Vec<u8>>;

    async fn put(&mut self, key: String, value: Vec<u8>) -> Result<(), String>;

    async fn contains(&self, key: &str) -> bool {
        self.get(key).await.is_some()
    }

    async fn get_all<I>(&self, keys: I) -> Vec<Option<Vec<u8>>>
    where
        I: IntoIterator<Item = String> + Send,
        I::IntoIter: Send;
}
