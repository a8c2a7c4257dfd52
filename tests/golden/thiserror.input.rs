pub enum FetchError {
    #[error("request to {url} failed with status {status}")]
    Status { url: String, status: u16 },
    #[error("I/O error while fetching")]
    Io(#[from] std::io::Error),
    #[error("invalid payload: {reason}")]
    Payload {
        reason: String,
        #[source]
        cause: std::num::ParseIntError,
    },
}
