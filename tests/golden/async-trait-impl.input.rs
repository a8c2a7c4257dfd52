impl Store for MemoryStore {
    async fn get(&self, key: &str) -> Option<Vec<u8>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    async fn put(&mut self, key: String, value: Vec<u8>) -> Result<(), String> {
        if key.is_empty() {
            return Err("empty key".to_string());
        }
        self.entries.push((key, value));
        Ok(())
    }

    async fn get_all<I>(&self, keys: I) -> Vec<Option<Vec<u8>>>
    where
        I: IntoIterator<Item = String> + Send,
        I::IntoIter: Send,
    {
        let mut out = Vec::new();
        for key in keys {
            out.push(self.get(&key).await);
        }
        out
    }
}
