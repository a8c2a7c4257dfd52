//! The state of the running expansion: which spans `Span::call_site()` and friends return,
//! and whether the API is available at all.

use std::cell::Cell;

use crate::Span;

/// The spans the compiler gave for the running expansion.
#[derive(Copy, Clone)]
pub(crate) struct ExpnSpans {
    pub(crate) call_site: Span,
    pub(crate) def_site: Span,
    pub(crate) mixed_site: Span,
}

thread_local! {
    static CURRENT: Cell<Option<ExpnSpans>> = const { Cell::new(None) };
}

/// The message native rustc's library panics with when used outside a proc macro.
pub(crate) const OUTSIDE: &str = "procedural macro API is used outside of a procedural macro";

pub(crate) fn is_available() -> bool {
    CURRENT.with(|c| c.get().is_some())
}

/// The spans of the running expansion; panics like rustc outside of one.
pub(crate) fn spans() -> ExpnSpans {
    CURRENT.with(|c| c.get()).expect(OUTSIDE)
}

/// Panics like rustc unless an expansion is running.
pub(crate) fn ensure() {
    spans();
}

#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
/// Runs `f` as the expansion with `spans`; the previous state comes back afterwards,
/// also when `f` unwinds.
pub(crate) fn enter<R>(spans: ExpnSpans, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<ExpnSpans>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(Some(spans))));
    f()
}
