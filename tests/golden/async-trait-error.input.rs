/// Not a trait or an impl: async-trait rejects it.
pub async fn standalone() -> u32 {
    7
}
