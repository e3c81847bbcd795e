//! A virtual X display for the window, when the environment has none.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::{find_program, send_signal, wait_until};

/// The X display the app draws on: the caller's `DISPLAY`, or an Xvfb
/// started here and stopped when this is dropped.
pub struct Display {
    name: String,
    xvfb: Option<Child>,
}

impl Display {
    /// Uses `DISPLAY` if set, else starts `Xvfb` on the first free display
    /// number from :90 on.
    pub fn ensure() -> Display {
        if let Some(name) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
            return Display { name, xvfb: None };
        }
        let xvfb = find_program("Xvfb").unwrap_or_else(|| {
            panic!("DISPLAY is not set and Xvfb is missing: run `bash scripts/setup.sh` (Debian package xvfb)")
        });
        let number = (90..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .expect("no free X display number between :90 and :199");
        let child = Command::new(xvfb)
            .arg(format!(":{number}"))
            .args([
                "-screen",
                "0",
                "2000x1200x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("could not start Xvfb");
        let socket = format!("/tmp/.X11-unix/X{number}");
        assert!(
            wait_until(Duration::from_secs(10), || Path::new(&socket).exists()),
            "Xvfb :{number} did not come up within 10 s"
        );
        Display {
            name: format!(":{number}"),
            xvfb: Some(child),
        }
    }

    /// The value for `DISPLAY`, e.g. ":90".
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.xvfb {
            send_signal(child.id(), "TERM");
            let _ = child.wait();
        }
    }
}
