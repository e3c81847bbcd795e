//! The real Kompis window, driven through WebDriver under Xvfb.
//!
//! Needs the built `kompis-app` binary, `tauri-driver`, `WebKitWebDriver`
//! and (without a `DISPLAY`) `Xvfb`; `scripts/setup.sh` installs them and
//! `cargo test --workspace` builds the app. Missing pieces fail the test.

use std::path::Path;
use std::time::Duration;

use fantoccini::Client;
use kompis_e2e::display::Display;
use kompis_e2e::driver::TauriDriver;
use kompis_e2e::{app, ui};

/// Stops, when dropped, any app still running on the test's catalogue.
struct StopApps<'a>(&'a Path);

impl Drop for StopApps<'_> {
    fn drop(&mut self) {
        app::stop_all_on(self.0);
    }
}

/// Dismisses the first-start dialog if it shows and returns once the main
/// navigation is there.
async fn past_first_start(client: &Client) {
    if ui::first_of(client, &["demo-skip", "nav-needs"]).await == "demo-skip" {
        ui::click(client, "demo-skip").await;
    }
    ui::element(client, "nav-needs").await;
}

/// Ends the session (WebKitWebDriver closes the app) and waits until no
/// process holds the catalogue any more.
async fn quit(client: Client, catalogue: &Path) {
    client
        .close()
        .await
        .expect("could not end the WebDriver session");
    assert!(
        app::wait_for_exit(catalogue, Duration::from_secs(20)),
        "the app on {} did not exit within 20 s of the session's end",
        catalogue.display()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_need_created_in_the_window_is_there_after_a_restart() {
    let app = app::binary();
    let display = Display::ensure();
    let folder = tempfile::tempdir().expect("no temporary folder");
    let catalogue = folder.path().join("catalogue");
    let db = catalogue.to_str().expect("temporary path is not UTF-8");
    let driver = TauriDriver::start(&[
        ("DISPLAY", display.name()),
        ("KOMPIS_DB", db),
        // No accessibility bus and no DMA-BUF renderer under Xvfb.
        ("NO_AT_BRIDGE", "1"),
        ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ]);
    let _stop_apps = StopApps(&catalogue);
    let args = ["--db", db];
    let title = format!("Sveising av aluminium ({})", std::process::id());

    // First start, on an empty catalogue: create a need.
    let client = ui::launch(&driver.url(), &app, &args).await;
    past_first_start(&client).await;
    ui::click(&client, "nav-needs").await;
    ui::click(&client, "new-entry").await;
    ui::element(&client, "field-title")
        .await
        .send_keys(&title)
        .await
        .expect("could not type the title");
    choose_kind_if_empty(&client).await;
    ui::click(&client, "save").await;
    ui::wait_for_text(&client, "entry-row", &title).await;
    quit(client, &catalogue).await;

    // Second start, on the same catalogue: the need is still listed.
    let client = ui::launch(&driver.url(), &app, &args).await;
    past_first_start(&client).await;
    ui::click(&client, "nav-needs").await;
    ui::wait_for_text(&client, "entry-row", &title).await;
    let png = client.screenshot().await.expect("no screenshot");
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&artifacts).expect("cannot create tests/artifacts");
    std::fs::write(artifacts.join("app.png"), png).expect("cannot write tests/artifacts/app.png");
    quit(client, &catalogue).await;
}

/// Picks "expertise" in the kind field if the form left it empty (kind is
/// required by the bundle format).
async fn choose_kind_if_empty(client: &Client) {
    let kind = ui::element(client, "field-kind").await;
    let value = kind.prop("value").await.ok().flatten().unwrap_or_default();
    if value.is_empty() {
        kind.select_by_value("expertise")
            .await
            .expect("could not choose a kind");
    }
}
