pub enum Either<L, R> {
    Left(#[pin] L),
    Right {
        #[pin]
        inner: R,
        label: &'static str,
    },
    Done,
}
