// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// jemalloc, which gives the pages the caches' builds freed back to the
/// system at once (`.cargo/config.toml` sets the decay); glibc's malloc
/// keeps them, one arena per thread.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    kompis_app::run();
}
