// What `#[pin_project]` hands to its derive for a field pinned twice (see pin-project.expanded.rs).
#[pin(__private())]
pub struct Bad<T> {
    #[pin]
    #[pin]
    inner: T,
}
