//! The real Kompis window, driven through WebDriver under Xvfb.
//!
//! Needs the built `kompis-app` binary, `tauri-driver`, `WebKitWebDriver`
//! and (without a `DISPLAY`) `Xvfb`; `scripts/setup.sh` installs them and
//! `cargo test --workspace` builds the app. Missing pieces fail the test.

use std::time::Duration;

use fantoccini::Client;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;

#[tokio::test(flavor = "multi_thread")]
async fn a_need_created_in_the_window_is_there_after_a_restart() {
    within(Duration::from_secs(240), async {
        let harness = Harness::start();
        let title = format!("Sveising av aluminium ({})", std::process::id());

        // First start, on an empty catalogue: create a need.
        let client = harness.launch().await;
        eprintln!("e2e: first start on {}", harness.catalogue().display());
        // An empty catalogue offers the example network; decline it.
        ui::click(&client, "demo-skip").await;
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
        // In the first session: WebKitWebDriver's snapshot of a second
        // session's window never returns while WebKit composites in
        // software (WEBKIT_DISABLE_COMPOSITING_MODE, set by the app); the
        // window itself paints (tests/README.md).
        let shot = harness.screenshot(&client, "app.png").await;
        eprintln!(
            "e2e: the new need is listed (screenshot in {}); quitting",
            shot.display()
        );
        harness.quit(client).await;

        // Second start, on the same catalogue: the need is still listed.
        let client = harness.launch().await;
        ui::click(&client, "nav-needs").await;
        ui::wait_for_text(&client, "entry-row", &title).await;
        eprintln!("e2e: the need is listed after the restart");
        harness.quit(client).await;
    })
    .await;
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
