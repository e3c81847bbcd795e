//! Helpers for the end-to-end tests of the real Kompis window.
//!
//! A test starts a virtual X display when there is none ([`display`]),
//! starts `tauri-driver` in front of WebKitWebDriver ([`driver`]), launches
//! the built `kompis-app` binary on a catalogue in a temporary folder
//! ([`app`]) and drives the window through the UI's `data-testid` hooks
//! ([`ui`]); [`harness::Harness`] puts these together. Whatever is missing (the app binary, `tauri-driver`,
//! `WebKitWebDriver`, `Xvfb`) makes the test fail with a sentence saying
//! what to install or build: these tests never pass quietly.

pub mod app;
pub mod dialog;
pub mod display;
pub mod driver;
pub mod harness;
pub mod ui;
pub mod window;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Finds `name` in `PATH`, then in `~/.cargo/bin`.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let cargo_bin = std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo/bin"));
    std::env::split_paths(&path)
        .chain(cargo_bin)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Polls `done` every 100 ms until it holds or `timeout` has passed;
/// says whether it held.
pub fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if done() {
            return true;
        }
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A TCP port on the loopback interface that nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("no free TCP port on 127.0.0.1")
}

/// Sends `signal` (e.g. "TERM") to process `pid` with kill(1).
pub fn send_signal(pid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status();
}
