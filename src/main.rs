//! The `tulip` binary: the command line (`tulip::cli`) over the library.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc as the global allocator. Interpreted programs allocate and free many small objects
/// (frames, tasks, handles); glibc's malloc spent a large share of an asyncio program's time
/// consolidating free chunks. Allocations go to plain `mi_malloc` whenever the alignment is one
/// it guarantees: the `mimalloc` crate's allocator sends everything through
/// `mi_malloc_aligned`, whose slow path over-allocates into the next size class when a free
/// list runs dry instead of refilling it (measured: 7% more instructions on string-heavy code).
struct Alloc;

/// `mi_malloc` returns blocks aligned to 16 bytes (8 for an 8-byte block).
const MIN_ALIGN: usize = 16;

unsafe impl GlobalAlloc for Alloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= MIN_ALIGN && layout.align() <= layout.size() {
            libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= MIN_ALIGN && layout.align() <= layout.size() {
            libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        libmimalloc_sys::mi_free(ptr as *mut c_void);
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MIN_ALIGN && layout.align() <= new_size {
            libmimalloc_sys::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align())
                as *mut u8
        }
    }
}

#[global_allocator]
static ALLOCATOR: Alloc = Alloc;

#[cfg(target_os = "linux")]
extern "C" {
    /// mimalloc's `mi_option_set` (declared here: `libmimalloc-sys` exports it only with its
    /// `extended` feature, which needs another crate).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_arena_eager_commit` and `mi_option_purge_delay` in mimalloc 3's `mi_option_e`
/// (as vendored by libmimalloc-sys 0.1.49, pinned in Cargo.lock; re-check the enum when
/// upgrading).
#[cfg(target_os = "linux")]
const MI_OPTION_ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
#[cfg(target_os = "linux")]
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Runs from `.init_array`, before Rust's runtime makes its first allocation (which creates
/// mimalloc's first arena):
/// - committing whole arenas up front made every run's resident memory start at 12 MB
///   (CPython starts at 8); committing on demand starts at 7 MB;
/// - freed pages go back to the OS after 10 ms (this mimalloc's default is a second): programs
///   that build and drop big containers in turn kept all of them resident, e.g. benches/dicts.py
///   peaked at 50 MB instead of 30 (CPython: 47), for about 5% more system time.
#[cfg(target_os = "linux")]
extern "C" fn configure_allocator() {
    // SAFETY: plain option stores, before any thread exists.
    unsafe {
        mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        mi_option_set(MI_OPTION_PURGE_DELAY, 10);
    }
}

// ELF's constructor list; elsewhere mimalloc keeps its defaults.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CONFIGURE_ALLOCATOR: extern "C" fn() = configure_allocator;

fn main() {
    let code = tulip::cli::main();
    std::process::exit(code);
}
