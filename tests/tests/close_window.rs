//! Closing the window with typed changes in a form (the ✕ of the title
//! bar) asks first: "keep editing" keeps the window and the text,
//! "discard" closes it; with nothing typed it closes at once.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{app, ui, window};

/// Whether the "discard changes?" dialog is open.
async fn asking(client: &Client) -> bool {
    client
        .execute(
            "const d = document.querySelector('[data-testid=unsaved-dialog]'); return !!d && d.open;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Clicks ✕ until the window asks (GTK now and then drops a close request
/// that arrives with no window manager; a person would click again).
async fn close_until_asked(harness: &Harness, client: &Client) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        assert!(
            window::ask_to_close(harness.display(), "Kompis") > 0,
            "no Kompis window"
        );
        for _ in 0..15 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if asking(client).await {
                return;
            }
        }
        assert!(
            !app::processes_on(harness.catalogue()).is_empty(),
            "the window closed without asking about the typed changes"
        );
    }
    panic!("the window did not ask about its unsaved changes");
}

/// Clicks ✕ until the app has ended.
fn close_until_gone(harness: &Harness) {
    for _ in 0..10 {
        window::ask_to_close(harness.display(), "Kompis");
        if app::wait_for_exit(harness.catalogue(), Duration::from_secs(3)) {
            return;
        }
    }
    panic!("the app did not end when its window was closed");
}

async fn new_organisation(client: &Client) {
    ui::click(client, "nav-organisations").await;
    ui::click(client, "new-organisation").await;
    ui::element(client, "field-name").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_the_window_asks_only_about_unsaved_changes() {
    within(Duration::from_secs(240), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        new_organisation(&client).await;
        ui::element(&client, "field-name")
            .await
            .send_keys("Trysil Treindustri AS")
            .await
            .expect("could not type the name");

        close_until_asked(&harness, &client).await;
        ui::click(&client, "unsaved-keep").await;
        let kept = ui::value(&client, "field-name").await;
        assert_eq!(kept, "Trysil Treindustri AS");
        assert!(!app::processes_on(harness.catalogue()).is_empty());

        // Asked again, "discard" closes the window and the app ends (the
        // click's own reply may be lost with the window).
        close_until_asked(&harness, &client).await;
        let discard = client
            .find(Locator::Css(&ui::test_id("unsaved-discard")))
            .await
            .expect("no discard button");
        let _ = discard.click().await;
        assert!(
            app::wait_for_exit(harness.catalogue(), Duration::from_secs(20)),
            "the app did not end after discarding"
        );
        // End the session of the window that is gone, to start another.
        let _ = client.close().await;

        // With nothing typed, the window closes at once.
        let client = harness.launch().await;
        new_organisation(&client).await;
        close_until_gone(&harness);
        drop(client);
    })
    .await;
}
