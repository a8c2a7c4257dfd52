fn main() {
    println!("not async");
}
