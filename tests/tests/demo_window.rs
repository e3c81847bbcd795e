//! The example network in the real window: loaded from the first-start
//! dialog, and a need's page ranks offers for it. Its screenshot
//! (`tests/artifacts/demo.png`) is the one the README shows.

use std::time::Duration;

use fantoccini::Locator;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;

/// A need of the example network (`crates/kompis-core/src/demo`).
const NEED: &str = "Hjelp med vår første bærekraftsrapport";

#[tokio::test(flavor = "multi_thread")]
async fn the_example_network_loads_and_a_need_lists_ranked_offers() {
    within(Duration::from_secs(240), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::click(&client, "nav-needs").await;
        ui::wait_for_text(&client, "entry-row", NEED)
            .await
            .click()
            .await
            .expect("could not open the need");
        ui::element(&client, "match-row").await;
        let rows = client
            .find_all(Locator::Css(&ui::test_id("match-row")))
            .await
            .expect("no match rows");
        assert!(!rows.is_empty(), "the need {NEED:?} lists no offers");
        let first = rows[0].text().await.unwrap_or_default();
        eprintln!("e2e: {} offers ranked; first: {first:?}", rows.len());
        // Cosmetic, for the README's picture: let the "loaded" notice go.
        for _ in 0..40 {
            let toasts = client.find_all(Locator::Css(".toasts .toast")).await;
            if toasts.map_or(true, |t| t.is_empty()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        harness.screenshot(&client, "demo.png").await;
        harness.quit(client).await;
    })
    .await;
}
