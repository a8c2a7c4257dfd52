/// A future wrapper with one pinned and one unpinned field.
pub struct Timed<F, C> {
    #[pin]
    future: F,
    started: Option<C>,
    polls: u32,
}
