//! Unsaved changes in the real window: Esc in a form that was typed in
//! asks first; "keep editing" keeps the text; leaving for another screen
//! asks too, and "discard" goes there.

use std::time::Duration;

use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;

/// Esc in a form with typed changes asks before it throws them away.
#[tokio::test(flavor = "multi_thread")]
async fn esc_in_a_changed_form_asks_before_the_changes_are_lost() {
    within(Duration::from_secs(240), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::click(&client, "nav-organisations").await;
        ui::click(&client, "new-organisation").await;
        let name = ui::element(&client, "field-name").await;
        name.send_keys("Rena Aluminium og laserskjæring")
            .await
            .expect("could not type the name");
        name.send_keys(&fantoccini::key::Key::Escape.to_string())
            .await
            .expect("could not press Esc");
        ui::element(&client, "unsaved-dialog").await;
        ui::click(&client, "unsaved-keep").await;
        let kept = ui::value(&client, "field-name").await;
        assert_eq!(kept, "Rena Aluminium og laserskjæring");

        // Another screen asks too; discarding goes there.
        ui::click(&client, "nav-needs").await;
        ui::click(&client, "unsaved-discard").await;
        ui::wait_for_text(
            &client,
            "entry-row",
            "Hjelp med vår første bærekraftsrapport",
        )
        .await;
        harness.quit(client).await;
    })
    .await;
}
