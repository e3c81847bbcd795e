//! The `kompis-app` binary under test and its processes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::driver::is_executable;
use crate::{send_signal, wait_until};

/// The built app: `KOMPIS_APP_BIN` if set, else `kompis-app` in the cargo
/// profile folder this test was built into. Panics with what to run if the
/// binary is not there.
pub fn binary() -> PathBuf {
    let path = match std::env::var_os("KOMPIS_APP_BIN") {
        Some(path) => PathBuf::from(path),
        None => {
            // target/<profile>/deps/<this test> -> target/<profile>/kompis-app
            let exe = std::env::current_exe().expect("no path for the test executable");
            let profile_dir = exe
                .parent()
                .and_then(Path::parent)
                .expect("test executable outside a cargo target folder");
            profile_dir.join("kompis-app")
        }
    };
    assert!(
        is_executable(&path),
        "the app binary {} is missing: build it with `cargo build -p kompis-app` \
         (or `cargo test --workspace`, which builds it), or set KOMPIS_APP_BIN",
        path.display()
    );
    path
}

/// Ids of the processes whose command line mentions `catalogue` (the app
/// is started with `--db <catalogue>`, a fresh temporary folder).
pub fn processes_on(catalogue: &Path) -> Vec<u32> {
    let needle = catalogue.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            cmdline.contains(&needle).then_some(pid)
        })
        .collect()
}

/// Waits until no app runs on `catalogue` any more, so that a restart
/// does not find the catalogue still locked. Returns whether that happened
/// within `timeout`.
pub fn wait_for_exit(catalogue: &Path, timeout: Duration) -> bool {
    wait_until(timeout, || processes_on(catalogue).is_empty())
}

/// Ends, with SIGTERM, every app this test started on `catalogue` that is
/// still running (e.g. after a failed assertion left a session open).
pub fn stop_all_on(catalogue: &Path) {
    for pid in processes_on(catalogue) {
        send_signal(pid, "TERM");
    }
}
