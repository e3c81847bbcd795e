//! Everything one real-window test needs, started in order and stopped in
//! reverse: a display, `tauri-driver`, and a catalogue in a temp folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::Client;

use crate::display::Display;
use crate::driver::TauriDriver;
use crate::{app, ui};

/// A display, a driver and a fresh catalogue for launching the app.
pub struct Harness {
    // Fields drop in order: apps first, then the driver, then the display.
    catalogue: PathBuf,
    app: PathBuf,
    driver: TauriDriver,
    display: Display,
    _folder: tempfile::TempDir,
}

impl Harness {
    /// Finds the app binary (failing if it is missing), then starts a
    /// display if needed and `tauri-driver`.
    pub fn start() -> Harness {
        Harness::start_with(app::binary())
    }

    /// As [`Harness::start`], but launching the app binary at `app` (e.g. a
    /// release build, for the benchmark).
    pub fn start_with(app: PathBuf) -> Harness {
        Harness::start_on(app, None)
    }

    /// As [`Harness::start`], with the app on the session bus at `bus` and
    /// its accessibility bridge on, so that its accessibility tree (what a
    /// screen reader reads) can be walked over AT-SPI.
    pub fn start_accessible(bus: &str) -> Harness {
        Harness::start_on(app::binary(), Some(bus))
    }

    fn start_on(app: PathBuf, bus: Option<&str>) -> Harness {
        assert!(
            crate::driver::is_executable(&app),
            "the app binary {} is missing or not executable",
            app.display()
        );
        let display = Display::ensure();
        let folder = tempfile::tempdir().expect("no temporary folder");
        let catalogue = folder.path().join("catalogue");
        let mut env = app_env(&display, &catalogue);
        if let Some(bus) = bus {
            env.retain(|(k, _)| *k != "NO_AT_BRIDGE");
            env.push(("DBUS_SESSION_BUS_ADDRESS", bus.to_string()));
        }
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let driver = TauriDriver::start(&env);
        Harness {
            catalogue,
            app,
            driver,
            display,
            _folder: folder,
        }
    }

    /// The environment the app runs in (display, `KOMPIS_DB`), for
    /// starting it without the driver.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        app_env(&self.display, &self.catalogue)
    }

    /// The X display the app draws on (for answering its native dialogs).
    pub fn display(&self) -> &str {
        self.display.name()
    }

    /// The test's catalogue folder.
    pub fn catalogue(&self) -> &Path {
        &self.catalogue
    }

    /// Starts the app on the test's catalogue (`--db`) and returns the
    /// WebDriver session on its window.
    pub async fn launch(&self) -> Client {
        let db = self
            .catalogue
            .to_str()
            .expect("temporary path is not UTF-8");
        ui::launch(&self.driver.url(), &self.app, &["--db", db]).await
    }

    /// Ends the session (WebKitWebDriver closes the app) and waits until no
    /// process holds the catalogue any more.
    pub async fn quit(&self, client: Client) {
        client
            .close()
            .await
            .expect("could not end the WebDriver session");
        assert!(
            app::wait_for_exit(&self.catalogue, Duration::from_secs(20)),
            "the app on {} did not exit within 20 s of the session's end",
            self.catalogue.display()
        );
    }

    /// Makes a desktop application, in the app's own XDG folders, the one
    /// that opens files of `mimes` (as a person's PDF reader or file
    /// manager is): it writes each path it is asked to open to the returned
    /// file, one per line.
    pub fn register_opener(&self, mimes: &[&str]) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let home = self.catalogue.with_file_name("xdg");
        let apps = home.join("data/applications");
        std::fs::create_dir_all(&apps).expect("cannot make the applications folder");
        std::fs::create_dir_all(home.join("config")).expect("cannot make the config folder");
        let opened = home.join("opened.txt");
        let script = home.join("kompis-test-opener");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
        )
        .expect("cannot write the opener");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("cannot make the opener runnable");
        std::fs::write(
            apps.join("kompis-test-opener.desktop"),
            format!(
                "[Desktop Entry]\nType=Application\nName=Test opener\nExec={} %f\nMimeType={};\n",
                script.display(),
                mimes.join(";")
            ),
        )
        .expect("cannot write the desktop file");
        let defaults: String = mimes
            .iter()
            .map(|m| format!("{m}=kompis-test-opener.desktop\n"))
            .collect();
        std::fs::write(
            home.join("config/mimeapps.list"),
            format!("[Default Applications]\n{defaults}"),
        )
        .expect("cannot write mimeapps.list");
        opened
    }

    /// Saves a screenshot of the window as `tests/artifacts/NAME`.
    pub async fn screenshot(&self, client: &Client, name: &str) -> PathBuf {
        let png = tokio::time::timeout(Duration::from_secs(30), client.screenshot())
            .await
            .expect("the screenshot took longer than 30 s")
            .expect("no screenshot");
        let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
        std::fs::create_dir_all(&artifacts).expect("cannot create tests/artifacts");
        let path = artifacts.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).expect("cannot create the screenshot's folder");
        }
        std::fs::write(&path, png).expect("cannot write the screenshot");
        path
    }
}

/// The app's environment: the display, the test's catalogue as
/// `KOMPIS_DB`, XDG folders inside the test's temp folder (so the webview's
/// local storage and caches are the test's own, not the person's), and no
/// accessibility bus (there is none under Xvfb).
fn app_env(display: &Display, catalogue: &Path) -> Vec<(&'static str, String)> {
    let home = catalogue.with_file_name("xdg");
    let xdg = |sub: &str| home.join(sub).to_string_lossy().into_owned();
    vec![
        ("DISPLAY", display.name().to_string()),
        ("KOMPIS_DB", catalogue.to_string_lossy().into_owned()),
        ("XDG_DATA_HOME", xdg("data")),
        ("XDG_CONFIG_HOME", xdg("config")),
        ("XDG_CACHE_HOME", xdg("cache")),
        ("NO_AT_BRIDGE", "1".to_string()),
    ]
}

impl Drop for Harness {
    fn drop(&mut self) {
        // After a failed assertion a session may still have the app open.
        app::stop_all_on(&self.catalogue);
    }
}

/// Runs a real-window scenario with a time limit, so a hung WebDriver call
/// fails the test instead of stalling the run.
pub async fn within(limit: Duration, scenario: impl std::future::Future<Output = ()>) {
    tokio::time::timeout(limit, scenario)
        .await
        .unwrap_or_else(|_| panic!("the scenario took longer than {limit:?}"));
}
