pub enum Format {
    Plain,
    #[value(name = "json", alias = "js")]
    Json,
    #[value(skip)]
    Internal,
}
