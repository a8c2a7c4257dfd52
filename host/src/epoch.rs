//! The clock behind [`Limits::deadline`](crate::Limits::deadline): a thread that advances the
//! engine's epoch while some armed deadline may still need it, and sleeps otherwise.
//!
//! Each expansion asks for the ticks its deadline counts ([`EpochTicker::arm`]); the thread
//! ticks until the furthest tick any expansion asked for, then parks until the next request.
//! There is no count of running expansions to keep right on every exit path: an expansion that
//! ends early leaves ticks that run out by themselves, so the ticker may tick too long (at most
//! one deadline after the last expansion), never too short.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use wasmtime::{Engine, Store};

/// How often the engine's epoch advances: the deadline's granularity. Coarse, because while a
/// compiler expands (in a shim, most of its run) every wake-up is a context switch that the
/// compiler pays for; deadlines are seconds.
const EPOCH_TICK: Duration = Duration::from_millis(100);

/// The epoch deadline for `deadline`, in ticks beyond the current epoch. One tick more than the
/// deadline holds, because the first tick may come at once: the deadline never ends an
/// expansion early, and at most one tick late.
fn deadline_ticks(deadline: Duration) -> u64 {
    (deadline.as_nanos().div_ceil(EPOCH_TICK.as_nanos()) as u64).saturating_add(1)
}

/// What the ticking thread and the expansions share.
struct Shared {
    /// Ticks made so far. Raised before the engine's epoch, so that it is never behind it.
    ticks: AtomicU64,
    /// The tick up to which some armed deadline needs the epoch to advance.
    until: AtomicU64,
    /// The thread is parked (or about to be), and a request must wake it.
    parked: AtomicBool,
    stop: AtomicBool,
}

impl Shared {
    /// Every tick asked for is made.
    fn caught_up(&self) -> bool {
        self.ticks.load(Ordering::SeqCst) >= self.until.load(Ordering::SeqCst)
    }
}

/// Advances an engine's epoch every [`EPOCH_TICK`] while an armed deadline needs it.
pub(crate) struct EpochTicker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl EpochTicker {
    pub(crate) fn start(engine: &Engine) -> std::io::Result<EpochTicker> {
        let shared = Arc::new(Shared {
            ticks: AtomicU64::new(0),
            until: AtomicU64::new(0),
            parked: AtomicBool::new(false),
            stop: AtomicBool::new(false),
        });
        let (engine, ticking) = (engine.clone(), shared.clone());
        let thread = std::thread::Builder::new().name("wasmacro-epoch".into()).spawn(move || tick(&engine, &ticking))?;
        Ok(EpochTicker { shared, thread: Some(thread) })
    }

    /// Sets `store`'s epoch deadline `deadline` from now and makes sure the ticks it needs come.
    /// `None`: no deadline, and no ticks asked for.
    pub(crate) fn arm<T>(&self, store: &mut Store<T>, deadline: Option<Duration>) {
        let Some(deadline) = deadline else {
            // Far enough never to come, small enough not to overflow the current epoch.
            store.set_epoch_deadline(u64::MAX / 4);
            return;
        };
        let ticks = deadline_ticks(deadline);
        store.set_epoch_deadline(ticks);
        // Counted from the ticks made, read after the store took the engine's epoch. The count
        // is raised first, so it is not behind the epoch; the one tick more covers a store that
        // saw the epoch ahead anyway (two atomics, which a weakly ordered CPU may show out of
        // order). Ticking on past the deadline is harmless; stopping short of it is not.
        let needed = self.shared.ticks.load(Ordering::SeqCst).saturating_add(ticks).saturating_add(1);
        self.shared.until.fetch_max(needed, Ordering::SeqCst);
        // Paired with the thread's own check after it announced parking: either it sees the new
        // `until`, or this sees `parked` and wakes it (an unpark before the park is not lost).
        if self.shared.parked.load(Ordering::SeqCst)
            && let Some(thread) = &self.thread
        {
            thread.thread().unpark();
        }
    }

    /// Ticks made so far (for tests).
    #[cfg(test)]
    fn ticks(&self) -> u64 {
        self.shared.ticks.load(Ordering::SeqCst)
    }

    #[cfg(test)]
    fn is_parked(&self) -> bool {
        self.shared.parked.load(Ordering::SeqCst)
    }
}

/// The ticking thread: a tick every [`EPOCH_TICK`] (never sooner) while one is needed.
fn tick(engine: &Engine, shared: &Shared) {
    let mut next = Instant::now() + EPOCH_TICK;
    while !shared.stop.load(Ordering::SeqCst) {
        if shared.caught_up() {
            shared.parked.store(true, Ordering::SeqCst);
            // Checked again after announcing the park: a request that came in between is seen
            // here, or it saw `parked` and will unpark.
            if shared.caught_up() && !shared.stop.load(Ordering::SeqCst) {
                std::thread::park();
            }
            shared.parked.store(false, Ordering::SeqCst);
            // A full tick after waking: the first tick of a deadline is counted as possibly
            // immediate anyway, and an early one would end a deadline early.
            next = Instant::now() + EPOCH_TICK;
            continue;
        }
        let now = Instant::now();
        if now < next {
            // Woken early (spuriously, or to stop): the loop checks again.
            std::thread::park_timeout(next - now);
            continue;
        }
        shared.ticks.fetch_add(1, Ordering::SeqCst);
        engine.increment_epoch();
        next = now + EPOCH_TICK;
    }
}

impl Drop for EpochTicker {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        let mut config = wasmtime::Config::new();
        config.epoch_interruption(true);
        Engine::new(&config).unwrap()
    }

    /// Waits (up to 10 s) for `done`.
    fn wait_for(what: &str, done: impl Fn() -> bool) {
        let started = Instant::now();
        while !done() {
            assert!(started.elapsed() < Duration::from_secs(10), "waited 10 s for {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn ticks_only_while_an_armed_deadline_needs_them() {
        let engine = engine();
        let ticker = EpochTicker::start(&engine).unwrap();
        let mut store = Store::new(&engine, ());
        // Nothing armed, or armed without a deadline: no tick.
        wait_for("the ticker to park", || ticker.is_parked());
        ticker.arm(&mut store, None);
        std::thread::sleep(EPOCH_TICK * 3);
        assert_eq!(ticker.ticks(), 0);

        // 250 ms are three ticks, one for a first tick that may come at once, and one for the
        // count's margin over the epoch.
        ticker.arm(&mut store, Some(Duration::from_millis(250)));
        wait_for("five ticks", || ticker.ticks() >= 5);
        wait_for("the ticker to park again", || ticker.is_parked());
        std::thread::sleep(EPOCH_TICK * 3);
        assert_eq!(ticker.ticks(), 5, "ticks beyond what the deadline asked for");

        // Woken again from its park by the next request, which counts from the ticks made.
        ticker.arm(&mut store, Some(Duration::from_millis(100)));
        wait_for("three more ticks", || ticker.ticks() >= 8);
        wait_for("the ticker to park again", || ticker.is_parked());
        assert_eq!(ticker.ticks(), 8);
    }

    #[test]
    fn ticks_are_a_full_tick_apart() {
        let engine = engine();
        let ticker = EpochTicker::start(&engine).unwrap();
        let mut store = Store::new(&engine, ());
        let started = Instant::now();
        ticker.arm(&mut store, Some(Duration::from_millis(200)));
        wait_for("three ticks", || ticker.ticks() >= 3);
        assert!(started.elapsed() >= EPOCH_TICK * 3, "{:?}", started.elapsed());
    }

    #[test]
    fn dropping_a_ticker_ends_its_thread_whether_it_ticks_or_sleeps() {
        let engine = engine();
        let parked = EpochTicker::start(&engine).unwrap();
        wait_for("the ticker to park", || parked.is_parked());
        let ticking = EpochTicker::start(&engine).unwrap();
        ticking.arm(&mut Store::new(&engine, ()), Some(Duration::from_secs(60)));
        // Dropped on a thread of its own, so that a drop that never returns fails the test
        // instead of hanging it.
        let (done, dropped) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            drop((parked, ticking));
            let _ = done.send(());
        });
        dropped.recv_timeout(Duration::from_secs(10)).expect("dropping the tickers did not return within 10 s");
    }
}
