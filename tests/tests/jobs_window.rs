//! The job market in the real window on the example network: the map
//! counts the open vacancies of each municipality and a click on one
//! filters the list to it; a recruit's partner is registered as a job
//! seeker (with consent), their page ranks open vacancies with reasons and
//! commuting times, and erasing them leaves nothing in the list.
//! Photographs the job market and the seeker's page in bokmål and English.

use std::time::{Duration, Instant};

use fantoccini::Client;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{ui, window};
use serde_json::Value;

async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client.execute(script, args).await.expect("script failed")
}

fn artifact(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).expect("cannot create tests/artifacts");
    dir.join(name)
}

/// Waits until `script` returns true.
async fn wait_until(harness: &Harness, client: &Client, script: &str, what: &str) {
    let start = Instant::now();
    loop {
        if js(client, script, vec![]).await == Value::Bool(true) {
            return;
        }
        if let Some(error) = ui::error_banner(client).await {
            panic!("waiting for {what}, the app said: {error}");
        }
        if start.elapsed() > Duration::from_secs(20) {
            window::capture(harness.display(), "Kompis", &artifact("jobs-failed.png"));
            panic!(
                "timed out waiting for {what} (photographed in tests/artifacts/jobs-failed.png)"
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The municipality of every vacancy row, as the row shows it.
async fn row_places(client: &Client) -> Vec<String> {
    let v = js(
        client,
        "return Array.from(document.querySelectorAll('[data-testid=vacancy-row] .vacancy-meta'))\
           .map(e => e.textContent.split('·')[1]?.trim() ?? '');",
        vec![],
    )
    .await;
    serde_json::from_value(v).expect("strings")
}

/// The count the map shows on `municipality`.
async fn map_count(client: &Client, municipality: &str) -> u32 {
    js(
        client,
        "const g = document.querySelector(`[data-municipality='${arguments[0]}'] .count`);\
         return g ? Number(g.textContent.replace(/\\s/g, '')) : -1;",
        vec![municipality.into()],
    )
    .await
    .as_u64()
    .expect("a count") as u32
}

#[tokio::test(flavor = "multi_thread")]
async fn the_job_market_filters_by_place_and_ranks_for_a_partner() {
    within(Duration::from_secs(300), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::element(&client, "entry-row").await;

        // The map counts what the list holds.
        js(&client, "location.hash = '#/jobs'", vec![]).await;
        ui::element(&client, "vacancy-row").await;
        let places = row_places(&client).await;
        let in_elverum = places.iter().filter(|p| *p == "Elverum").count() as u32;
        assert!(in_elverum > 0, "vacancies in Elverum: {places:?}");
        assert_eq!(map_count(&client, "Elverum").await, in_elverum);
        window::capture(harness.display(), "Kompis", &artifact("jobs-nb.png"));

        // Clicking Elverum on the map filters the list to it.
        js(
            &client,
            "document.querySelector(\"[data-municipality='Elverum']\").dispatchEvent(new MouseEvent('click', {bubbles: true}));",
            vec![],
        )
        .await;
        wait_until(
            &harness,
            &client,
            "const rows = Array.from(document.querySelectorAll('[data-testid=vacancy-row] .vacancy-meta'));\
             return rows.length > 0 && rows.every(e => e.textContent.includes('Elverum'));",
            "the list filtered to Elverum",
        )
        .await;
        assert_eq!(ui::value(&client, "jobs-municipality").await, "Elverum");
        assert_eq!(row_places(&client).await.len() as u32, in_elverum);

        // A partner registered as a job seeker, with consent.
        js(&client, "location.hash = '#/seekers/new'", vec![]).await;
        ui::element(&client, "field-name")
            .await
            .send_keys("Ingrid Testesen")
            .await
            .expect("could not type the name");
        ui::click(&client, "field-consent").await;
        ui::element(&client, "field-lives")
            .await
            .select_by_value("Elverum")
            .await
            .expect("could not choose where they live");
        ui::element(&client, "field-max-commute")
            .await
            .send_keys("45")
            .await
            .expect("could not type the commute");
        // Craft and related trades, ticked as a person does (scrolled into view first).
        js(
            &client,
            "const c = document.querySelector('[data-testid=seeker-field-7]'); c.scrollIntoView(); c.click(); return c.checked;",
            vec![],
        )
        .await;
        ui::element(&client, "field-experience")
            .await
            .send_keys("Sveiser med ti års erfaring fra verksted, sertifikat i MAG-sveising")
            .await
            .expect("could not type the experience");
        ui::click(&client, "save").await;
        ui::element(&client, "seeker-match").await;
        let first = js(
            &client,
            "return Array.from(document.querySelectorAll('[data-testid=seeker-match]')).slice(0, 3).map(m => m.textContent);",
            vec![],
        )
        .await;
        let first: Vec<String> = serde_json::from_value(first).expect("strings");
        assert!(
            first.iter().any(|m| m.contains("Sveiser")),
            "a welding job is among the first three for a welder: {first:?}"
        );
        let all = js(
            &client,
            "return Array.from(document.querySelectorAll('[data-testid=seeker-match]')).map(m => m.textContent);",
            vec![],
        )
        .await;
        let all: Vec<String> = serde_json::from_value(all).expect("strings");
        assert!(
            all.iter().any(|m| m.contains("min fra Elverum til")),
            "commuting times from where they will live are shown: {all:?}"
        );
        window::capture(harness.display(), "Kompis", &artifact("seeker-nb.png"));

        // The welding vacancy's page ranks the seeker for it, the other way round.
        js(
            &client,
            "Array.from(document.querySelectorAll('[data-testid=seeker-match] a'))\
               .find(a => a.textContent.includes('Sveiser')).click();",
            vec![],
        )
        .await;
        ui::wait_for_text(&client, "vacancy-seekers", "Ingrid Testesen").await;
        js(&client, "history.back()", vec![]).await;
        ui::element(&client, "seeker-match").await;

        // In English.
        ui::element(&client, "language")
            .await
            .select_by_value("en")
            .await
            .expect("could not switch to English");
        ui::wait_for_text(&client, "seeker-match", "min commute").await;
        window::capture(harness.display(), "Kompis", &artifact("seeker-en.png"));
        js(&client, "location.hash = '#/jobs'", vec![]).await;
        ui::element(&client, "vacancy-row").await;
        window::capture(harness.display(), "Kompis", &artifact("jobs-en.png"));
        js(&client, "history.back()", vec![]).await;

        // Erased, they are gone from the list.
        ui::click(&client, "seeker-erase").await;
        ui::click(&client, "erase-confirm").await;
        wait_until(
            &harness,
            &client,
            "return location.hash === '#/seekers' && !!document.querySelector('.empty');",
            "the empty job seeker list",
        )
        .await;
        harness.quit(client).await;
    })
    .await;
}
