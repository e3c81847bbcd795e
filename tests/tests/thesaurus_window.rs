//! Thesaurus proposals from the coordinator's decisions in the real window
//! (issue 11): on a catalogue where two needs about "kapptap" were agreed
//! with two offers about "skurutbytte", "Begreper" proposes the pair with
//! its evidence; rejecting one proposal removes it for good, accepting
//! another puts the words in one concept group. Photographed in bokmål and
//! English.

use std::time::Duration;

use kompis_core::api;
use kompis_core::Catalogue;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;

/// Two needs that say "kapptap", two offers that say "skurutbytte", each
/// need agreed with a different offer (the catalogue of the CLI's test).
fn catalogue(at: &std::path::Path) {
    let bundle = include_str!("../../crates/kompis-core/tests/data/decided_kapptap.json");
    let cat = Catalogue::open(at).expect("the test's catalogue opens");
    let bundle = api::parse_bundle(bundle).expect("the bundle is valid");
    cat.import(&bundle).expect("the bundle imports");
}

#[tokio::test(flavor = "multi_thread")]
async fn begreper_proposes_word_pairs_from_agreed_matches() {
    within(Duration::from_secs(300), async {
        let harness = Harness::start();
        catalogue(harness.catalogue());
        let client = harness.launch().await;
        // The first screen (the needs list) is painted before going on, so
        // the start's own navigation cannot come after ours.
        ui::element(&client, "entry-row").await;
        ui::click(&client, "nav-thesaurus").await;
        let first = ui::wait_for_text(&client, "proposal", "kapptap").await;
        let text = first.text().await.unwrap();
        assert!(
            text.contains("skurutbytte") && text.contains("sammen i 2 treff (2 avtalt)"),
            "{text}"
        );
        harness
            .screenshot(&client, "thesaurus/proposals-nb.png")
            .await;
        ui::element(&client, "language")
            .await
            .select_by_value("en")
            .await
            .expect("could not change the language");
        ui::wait_for_text(&client, "proposal", "together in 2 matches (2 agreed)").await;
        harness
            .screenshot(&client, "thesaurus/proposals-en.png")
            .await;
        ui::element(&client, "language")
            .await
            .select_by_value("nb")
            .await
            .expect("could not change the language");

        // Every proposal but kapptap ↔ skurutbytte is rejected, that one accepted.
        loop {
            let rows = client
                .find_all(fantoccini::Locator::Css("[data-testid=proposal]"))
                .await
                .unwrap();
            let mut other = None;
            for (i, r) in rows.iter().enumerate() {
                let t = r.text().await.unwrap();
                if !(t.contains("«kapptap»") && t.contains("«skurutbytte»")) {
                    other = Some(i);
                    break;
                }
            }
            let Some(i) = other else { break };
            let before = rows.len();
            let buttons = client
                .find_all(fantoccini::Locator::Css("[data-testid=proposal-reject]"))
                .await
                .unwrap();
            buttons[i].click().await.unwrap();
            for _ in 0..50 {
                let now = client
                    .find_all(fantoccini::Locator::Css("[data-testid=proposal]"))
                    .await
                    .unwrap()
                    .len();
                if now < before {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        ui::click(&client, "proposal-accept").await;
        ui::wait_for_text(&client, "proposals-empty", "Ingen forslag").await;
        ui::click(&client, "search").await;
        ui::element(&client, "search")
            .await
            .send_keys("kapptap")
            .await
            .unwrap();
        let group = ui::wait_for_text(&client, "concept", "skurutbytte").await;
        assert!(group.text().await.unwrap().contains("kapptap"));
        harness
            .screenshot(&client, "thesaurus/accepted-nb.png")
            .await;
        harness.quit(client).await;

        // Rejected proposals stay out after a restart; the store says so.
        let cat = Catalogue::open(harness.catalogue()).expect("reopens");
        assert!(api::thesaurus_suggestions(&cat).unwrap().is_empty());
    })
    .await;
}
