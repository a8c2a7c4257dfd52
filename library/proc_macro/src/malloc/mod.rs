//! The guest's C heap: `malloc` and its family, defined here in place of wasi-libc's.
//!
//! On WASI, std's system allocator is libc's `malloc`/`free`. A macro makes and drops a great
//! many small objects (token trees, syn's syntax nodes, strings), and wasi-libc's dlmalloc spent
//! about a quarter of a serde derive's guest time on them. Here requests of up to 512 bytes come
//! from per-size free lists (`pool`), the rest from dlmalloc's Rust port, and a block's page
//! tells `free` which of the two it belongs to.
//!
//! Why beneath std rather than a `#[global_allocator]`: a macro crate may declare its own global
//! allocator, and two would not link. Every symbol of wasi-libc's allocator object is defined
//! below (including the `__libc_*` names its locale code calls), so the linker never takes that
//! object and the two cannot clash either.
//!
//! Blocks from the pool are 16-byte aligned (C's `max_align_t`); larger ones only 8-byte, as
//! dlmalloc aligns on wasm32. std asks for more than 8 through `posix_memalign`, which honours any
//! alignment. `errno` is not set on failure: std does not read it, and wasi-libc's callers check
//! for null. A guest instance runs one thread, so there are no locks.

mod pool;

use core::cell::UnsafeCell;
use core::ptr;

use dlmalloc::Dlmalloc;

use pool::{Pool, GRAIN, LARGEST};

/// WASI's `EINVAL` and `ENOMEM`, what `posix_memalign` returns instead of setting `errno`.
const EINVAL: i32 = 28;
const ENOMEM: i32 = 48;

static SMALL: Pool = Pool::new();

struct Large(UnsafeCell<Dlmalloc>);
// SAFETY: a guest instance runs one thread.
unsafe impl Sync for Large {}
static LARGE: Large = Large(UnsafeCell::new(Dlmalloc::new()));

fn large() -> &'static mut Dlmalloc {
    // SAFETY: one thread, and no allocator function calls another while holding this.
    unsafe { &mut *LARGE.0.get() }
}

/// `malloc` under another name: LLVM recognizes calls to `malloc` by name and may rewrite a
/// `malloc` followed by zeroing into `calloc`, which inside `calloc` itself would recurse.
unsafe fn allocate(size: usize) -> *mut u8 {
    if size <= LARGEST {
        // SAFETY: one thread; the pool is not reentered.
        unsafe { SMALL.allocate(size) }
    } else {
        // SAFETY: dlmalloc's C-shaped entry has no preconditions.
        unsafe { large().c_malloc(size) }
    }
}

unsafe fn release(block: *mut u8) {
    if block.is_null() {
        return;
    }
    match SMALL.owned_size(block) {
        // SAFETY: the caller frees a live block; its page says the pool made it.
        Some(size) => unsafe { SMALL.release(block, size) },
        // SAFETY: not the pool's, so dlmalloc's (the caller frees a live block).
        None => unsafe { large().c_free(block) },
    }
}

unsafe fn allocate_aligned(align: usize, size: usize) -> *mut u8 {
    if align <= GRAIN && size <= LARGEST {
        // SAFETY: as in `allocate`; pool blocks are `GRAIN`-aligned.
        unsafe { SMALL.allocate(size) }
    } else {
        // SAFETY: `align` is a power of two (checked by the callers).
        unsafe { large().c_memalign(align, size) }
    }
}

/// # Safety
/// C's `malloc`.
#[unsafe(no_mangle)]
unsafe extern "C" fn malloc(size: usize) -> *mut u8 {
    // SAFETY: forwarded.
    unsafe { allocate(size) }
}

/// # Safety
/// C's `free`: `block` is null or a live block of this heap.
#[unsafe(no_mangle)]
unsafe extern "C" fn free(block: *mut u8) {
    // SAFETY: forwarded.
    unsafe { release(block) }
}

/// # Safety
/// C's `calloc`.
#[unsafe(no_mangle)]
unsafe extern "C" fn calloc(count: usize, size: usize) -> *mut u8 {
    let Some(total) = count.checked_mul(size) else {
        return ptr::null_mut();
    };
    if total > LARGEST {
        // dlmalloc knows when its memory is fresh from the system, and so already zero.
        // SAFETY: `GRAIN / 2` is dlmalloc's own alignment on wasm32.
        return unsafe { large().calloc(total, GRAIN / 2) };
    }
    // SAFETY: forwarded; pool blocks are recycled, so they are cleared.
    unsafe {
        let block = allocate(total);
        if !block.is_null() {
            ptr::write_bytes(block, 0, total);
        }
        block
    }
}

/// # Safety
/// C's `realloc`: `block` is null or a live block of this heap.
#[unsafe(no_mangle)]
unsafe extern "C" fn realloc(block: *mut u8, size: usize) -> *mut u8 {
    if block.is_null() {
        // SAFETY: forwarded.
        return unsafe { allocate(size) };
    }
    let Some(capacity) = SMALL.owned_size(block) else {
        // SAFETY: a live dlmalloc block; dlmalloc moves it (even into the pool's size range)
        // or resizes it in place.
        return unsafe { large().c_realloc(block, size) };
    };
    if size <= capacity {
        return block;
    }
    // SAFETY: `block` holds `capacity` bytes and the new block more; on failure the old block
    // stays valid, as C requires.
    unsafe {
        let moved = allocate(size);
        if !moved.is_null() {
            ptr::copy_nonoverlapping(block, moved, capacity);
            SMALL.release(block, capacity);
        }
        moved
    }
}

/// # Safety
/// C's `posix_memalign`: `out` is writable.
#[unsafe(no_mangle)]
unsafe extern "C" fn posix_memalign(out: *mut *mut u8, align: usize, size: usize) -> i32 {
    if !align.is_power_of_two() || align < size_of::<usize>() {
        return EINVAL;
    }
    // SAFETY: `align` checked; `out` is writable (caller's promise).
    unsafe {
        let block = allocate_aligned(align, size);
        if block.is_null() {
            return ENOMEM;
        }
        *out = block;
    }
    0
}

/// # Safety
/// C's `aligned_alloc`.
#[unsafe(no_mangle)]
unsafe extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut u8 {
    if !align.is_power_of_two() {
        return ptr::null_mut();
    }
    // SAFETY: `align` checked.
    unsafe { allocate_aligned(align, size) }
}

/// # Safety
/// `block` is null or a live block of this heap.
#[unsafe(no_mangle)]
unsafe extern "C" fn malloc_usable_size(block: *const u8) -> usize {
    if block.is_null() {
        return 0;
    }
    if let Some(size) = SMALL.owned_size(block) {
        return size;
    }
    // dlmalloc-rs has no call for this. Its chunk header (the version is pinned in Cargo.toml)
    // is the word before the block: the chunk's size with three flag bits, where both low bits
    // clear mark a chunk taken straight from the system, which has one more word of overhead.
    // SAFETY: a live dlmalloc block is preceded by its header.
    let head = unsafe { block.cast::<usize>().sub(1).read() };
    let word = size_of::<usize>();
    let overhead = if head & 0b11 == 0 { 2 * word } else { word };
    (head & !0b111) - overhead
}

// wasi-libc's own code (locales, `atexit`) calls the allocator by these names.

/// # Safety
/// As `malloc`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __libc_malloc(size: usize) -> *mut u8 {
    // SAFETY: forwarded.
    unsafe { allocate(size) }
}

/// # Safety
/// As `free`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __libc_free(block: *mut u8) {
    // SAFETY: forwarded.
    unsafe { release(block) }
}

/// # Safety
/// As `calloc`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __libc_calloc(count: usize, size: usize) -> *mut u8 {
    // SAFETY: forwarded.
    unsafe { calloc(count, size) }
}
