async fn main() {
    let handle = tokio::spawn(async { 40 + 2 });
    let answer = handle.await.unwrap();
    println!("{answer}");
}
