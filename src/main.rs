//! The `tulip` binary: the command line (`tulip::cli`) over the library.

// Interpreted programs allocate and free many small objects (frames, tasks, handles); glibc's
// malloc spends a large share of an asyncio program's time consolidating free chunks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = tulip::cli::main();
    std::process::exit(code);
}
