//! The wasm heap grows geometrically. The standard allocator asks `memory.grow` for what each
//! allocation lacks, a few pages at a time, and in V8 every grow costs time in proportion to the
//! memory already there: the first large input of an instance took quadratic time (a 16 MiB
//! draft of a million tiny objects: 8.4 s on the first call, 0.35 s on the next). When an
//! allocation has just grown memory, this allocates and frees a block as large as the memory
//! there, so memory doubles in one grow and the allocator keeps the block free for what follows.
//! The memory is never given back (wasm cannot shrink), so at most twice what was used is kept.

use std::alloc::{GlobalAlloc, Layout, System};
use std::arch::wasm32::memory_size;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

const PAGE: usize = 65_536;
/// Below this the growth is left to the allocator (the usual calls need less).
const FROM: usize = 4 << 20;

pub struct Geometric;

/// The memory size, in pages, after the last allocation.
static PAGES: AtomicUsize = AtomicUsize::new(0);

impl Geometric {
    /// After an allocation: if memory grew, grow it to twice that at once.
    #[inline(never)]
    unsafe fn after(&self, p: *mut u8) -> *mut u8 {
        let pages = memory_size::<0>();
        if pages != PAGES.load(Relaxed) {
            let bytes = pages.saturating_mul(PAGE);
            if bytes >= FROM {
                if let Ok(block) = Layout::from_size_align(bytes, 16) {
                    let q = System.alloc(block);
                    if !q.is_null() {
                        System.dealloc(q, block);
                    }
                }
            }
            PAGES.store(memory_size::<0>(), Relaxed);
        }
        p
    }
}

unsafe impl GlobalAlloc for Geometric {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.after(System.alloc(layout))
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.after(System.alloc_zeroed(layout))
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.after(System.realloc(ptr, layout, new_size))
    }
}

#[global_allocator]
static HEAP: Geometric = Geometric;
