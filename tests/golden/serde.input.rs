/// Generics, a lifetime, a renamed field and a defaulted one.
pub struct Event<'a, T> {
    #[serde(rename = "eventName")]
    pub name: &'a str,
    #[serde(default)]
    pub count: u32,
    pub payload: Vec<T>,
}
