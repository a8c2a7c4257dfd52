use attr_macro::tag;
use bang_macro::hex;
use derive_plain::Describe;
use derive_syn::Builder;

#[derive(Builder, Debug)]
pub struct Config<T: Default> {
    pub name: String,
    #[builder(default)]
    pub retries: u32,
    #[builder(rename = "with_payload")]
    pub payload: T,
}

#[derive(Describe)]
pub struct Point(pub i32, pub i32);

#[derive(Describe)]
pub enum Shape {
    Circle(f64),
    Square { side: f64 },
}

#[tag("network", priority = 3)]
fn connect() -> &'static str {
    "connected"
}

const MAGIC: [u8; 4] = hex!("de ad be ef");

fn main() {
    let config = Config::<Vec<u8>>::builder()
        .name("demo".to_string())
        .with_payload(MAGIC.to_vec())
        .build()
        .unwrap();
    println!("{config:?}");
    println!("{}", Point::describe());
    println!("{}", Shape::describe());
    println!("{} {:?}", connect(), CONNECT_TAG);
}
