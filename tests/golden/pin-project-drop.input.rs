impl<T> PinnedDrop for Guard<T> {
    fn drop(self: Pin<&mut Self>) {
        let this = self.project();
        this.log.push("dropped".to_string());
    }
}
