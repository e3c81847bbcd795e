//! `tauri-driver`, the WebDriver server in front of WebKitWebDriver.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::{find_program, free_port, send_signal, wait_until};

/// A running `tauri-driver`; stopped with SIGTERM when dropped, so that it
/// also stops its WebKitWebDriver (after SIGKILL that one keeps its port).
pub struct TauriDriver {
    child: Child,
    port: u16,
}

impl TauriDriver {
    /// Starts `tauri-driver` on free ports; `env` is passed on to
    /// WebKitWebDriver and so to the app it launches.
    pub fn start(env: &[(&str, &str)]) -> TauriDriver {
        let driver = find_program("tauri-driver").unwrap_or_else(|| {
            panic!("tauri-driver is missing: run `cargo install tauri-driver --locked` (or `bash scripts/setup.sh`)")
        });
        if find_program("WebKitWebDriver").is_none() {
            panic!("WebKitWebDriver is missing: run `bash scripts/setup.sh` (Debian package webkit2gtk-driver)");
        }
        let port = free_port();
        let native_port = free_port();
        let mut command = Command::new(driver);
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command.spawn().expect("could not start tauri-driver");
        let mut driver = TauriDriver { child, port };
        let up = wait_until(Duration::from_secs(20), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
                && std::net::TcpStream::connect(("127.0.0.1", native_port)).is_ok()
        });
        if !up {
            let status = driver.child.try_wait().ok().flatten();
            panic!(
                "tauri-driver did not listen on port {port} within 20 s (exit status: {status:?})"
            );
        }
        driver
    }

    /// The WebDriver URL to connect to.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        send_signal(self.child.id(), "TERM");
        let stopped = wait_until(Duration::from_secs(10), || {
            matches!(self.child.try_wait(), Ok(Some(_)))
        });
        if !stopped {
            eprintln!("tauri-driver ignored SIGTERM for 10 s; killing it");
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Whether `path` looks like an executable file.
pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}
