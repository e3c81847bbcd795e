//! A reason through a related concept in the real window, in bokmål and
//! English: on the example network the need for legal help with a
//! restructuring (`omstilling`, change management) is also offered an
//! organisation-culture course that knows mergers (`fusjon`), a related
//! topic. Photographed as `tests/artifacts/related-nb.png` and
//! `related-en.png`.

use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::Client;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;

/// A need of the example network (`crates/kompis-core/src/demo`), `n-15`.
const NEED: &str = "Juridisk bistand ved omstilling";

/// Scrolls `row` to the middle of the window, for the photograph.
async fn centre(client: &Client, row: &Element) {
    let arg = serde_json::to_value(row).expect("an element reference");
    client
        .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
        .await
        .expect("could not scroll to the match");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_related_topic_is_said_as_such_in_both_languages() {
    within(Duration::from_secs(240), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::element(&client, "entry-row").await;
        ui::visit(&client, "#/needs/n-15", &ui::test_id("match-row")).await;
        let page = client
            .execute("return document.body.textContent;", vec![])
            .await
            .expect("the page's text");
        assert!(
            page.as_str().is_some_and(|t| t.contains(NEED)),
            "not the need {NEED:?}"
        );

        let row = ui::wait_for_text(
            &client,
            "match-row",
            "Beslektede temaer: endringsledelse i behovet",
        )
        .await;
        let text = row.text().await.unwrap_or_default();
        assert!(text.contains("fusjon i tilbudet"), "{text}");
        centre(&client, &row).await;
        harness.screenshot(&client, "related-nb.png").await;

        ui::element(&client, "language")
            .await
            .select_by_value("en")
            .await
            .expect("could not switch to English");
        let row =
            ui::wait_for_text(&client, "match-row", "Related topics: change management").await;
        let text = row.text().await.unwrap_or_default();
        assert!(
            text.contains("mergers and acquisitions in the offer"),
            "{text}"
        );
        centre(&client, &row).await;
        harness.screenshot(&client, "related-en.png").await;
        harness.quit(client).await;
    })
    .await;
}
