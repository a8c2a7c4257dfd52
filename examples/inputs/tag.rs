fn connect() -> &'static str {
    "connected"
}
