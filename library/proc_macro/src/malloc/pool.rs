//! Small blocks from per-size free lists.
//!
//! Every block size (16, 32, ... 512 bytes) has its own 64 KiB wasm pages. A page serves one
//! size only, so the size of a block is known from its address: `PAGE_CLASS` maps each page of
//! the 4 GiB wasm32 address space to the size class it serves, or to 0 when the pool does not
//! own it. Pages are cut into blocks as they are needed, and freed blocks go onto their size's
//! list; memory is not returned to the large allocator, so a size's footprint is its peak use.

use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr;

/// A wasm page: the unit memory grows by, and the pool's unit of ownership.
const PAGE: usize = 64 * 1024;
/// Block sizes step by this much; every block is aligned to it (C's `max_align_t` on wasm32).
pub(super) const GRAIN: usize = 16;
/// The largest request the pool serves.
pub(super) const LARGEST: usize = 512;
const CLASSES: usize = LARGEST / GRAIN;
/// wasm32 has 65 536 pages of memory at most.
const PAGES: usize = 1 << 16;

/// A free block's first word: the next free block of its size.
struct FreeBlock {
    next: *mut FreeBlock,
}

struct SizeClass {
    free: *mut FreeBlock,
    /// The next block never handed out in this size's newest page, and how many are left there.
    fresh: usize,
    fresh_left: usize,
}

pub(super) struct Pool {
    classes: UnsafeCell<[SizeClass; CLASSES]>,
}

/// Zero-initialized (so it costs the module no data segment); read only through `Pool`.
struct PageClasses(UnsafeCell<[u8; PAGES]>);

// SAFETY (both): a guest instance runs one thread; nothing here is reached concurrently.
unsafe impl Sync for Pool {}
unsafe impl Sync for PageClasses {}

static PAGE_CLASS: PageClasses = PageClasses(UnsafeCell::new([0; PAGES]));

/// The size class of a request of `size` bytes (at most `LARGEST`); 0 bytes take the smallest.
fn class_of(size: usize) -> usize {
    size.saturating_sub(1) / GRAIN
}

fn block_size(class: usize) -> usize {
    (class + 1) * GRAIN
}

impl Pool {
    pub(super) const fn new() -> Pool {
        const EMPTY: SizeClass = SizeClass { free: ptr::null_mut(), fresh: 0, fresh_left: 0 };
        Pool { classes: UnsafeCell::new([EMPTY; CLASSES]) }
    }

    /// A block of at least `size` (at most `LARGEST`) bytes, or null when memory cannot grow.
    ///
    /// # Safety
    /// Not reentrant: the caller is the only one using the pool during the call.
    pub(super) unsafe fn allocate(&self, size: usize) -> *mut u8 {
        debug_assert!(size <= LARGEST);
        let class = class_of(size);
        // SAFETY: single-threaded and not reentrant (caller's promise).
        let entry = unsafe { &mut (*self.classes.get())[class] };
        if !entry.free.is_null() {
            let block = entry.free;
            // SAFETY: blocks on a free list are ours and hold their successor in the first word.
            entry.free = unsafe { (*block).next };
            return block.cast();
        }
        if entry.fresh_left == 0 {
            let page = wasm32::memory_grow(0, 1);
            if page == usize::MAX {
                return ptr::null_mut();
            }
            // SAFETY: as above; `page` is below `PAGES` on wasm32.
            unsafe { (*PAGE_CLASS.0.get())[page] = class as u8 + 1 };
            entry.fresh = page * PAGE;
            entry.fresh_left = PAGE / block_size(class);
        }
        let block = entry.fresh;
        entry.fresh = entry.fresh.wrapping_add(block_size(class));
        entry.fresh_left -= 1;
        block as *mut u8
    }

    /// The usable size of `block` if the pool owns it; `None` for memory of anyone else.
    pub(super) fn owned_size(&self, block: *const u8) -> Option<usize> {
        // SAFETY: a read of the table; single-threaded.
        let tag = unsafe { (*PAGE_CLASS.0.get())[block as usize / PAGE] };
        (tag != 0).then(|| block_size(usize::from(tag) - 1))
    }

    /// Puts `block` of usable size `size` (as `owned_size` told) back on its list.
    ///
    /// # Safety
    /// `block` came from `allocate` and is not used after this; not reentrant.
    pub(super) unsafe fn release(&self, block: *mut u8, size: usize) {
        let block = block.cast::<FreeBlock>();
        // SAFETY: single-threaded; the block is ours and free, so its first word is ours to use.
        unsafe {
            let entry = &mut (*self.classes.get())[class_of(size)];
            (*block).next = entry.free;
            entry.free = block;
        }
    }
}
