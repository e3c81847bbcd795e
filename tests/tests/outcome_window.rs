//! What came of a match, in the real window on the example network: an
//! agreed match gets an outcome (with a note), which is listed on the match;
//! an agreed match without one is on the follow-up list and the one with an
//! outcome is not; the insight screen counts the outcome and draws it, and
//! clicking a municipality's bars filters the figures. Photographs the
//! insight screen in bokmål and English.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{dialog, ui, window};
use serde_json::Value;

/// Runs `script` with `args` in the page and returns its value.
async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client.execute(script, args).await.expect("script failed")
}

/// The titles of the match rows with no status pressed, in page order.
async fn undecided(client: &Client) -> Vec<String> {
    ui::element(client, "match-row").await;
    let v = js(
        client,
        "return Array.from(document.querySelectorAll('[data-testid=match-row]'))\
           .filter(r => !r.querySelector('[aria-pressed=true]'))\
           .map(r => r.querySelector('.match-title').textContent.trim());",
        vec![],
    )
    .await;
    serde_json::from_value(v).expect("a list of titles")
}

/// Clicks `id` inside the match row whose text holds `title`.
async fn click_in_row(client: &Client, title: &str, id: &str) {
    let start = Instant::now();
    loop {
        let row = ui::wait_for_text(client, "match-row", title).await;
        if let Ok(button) = row.find(Locator::Css(&ui::test_id(id))).await {
            if button.click().await.is_ok() {
                return;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "could not click [data-testid={id}] in the row of {title:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until `script` (which returns a boolean) holds, failing with `what`.
async fn wait_until(
    harness: &Harness,
    client: &Client,
    script: &str,
    args: Vec<Value>,
    what: &str,
) {
    let start = Instant::now();
    loop {
        if js(client, script, args.clone()).await == Value::Bool(true) {
            return;
        }
        if let Some(error) = ui::error_banner(client).await {
            panic!("waiting for {what}, the app said: {error}");
        }
        if start.elapsed() > Duration::from_secs(20) {
            window::capture(harness.display(), "Kompis", &artifact("outcome-failed.png"));
            panic!(
                "timed out waiting for {what} (photographed in tests/artifacts/outcome-failed.png)"
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text of the key figure whose label holds `label`.
async fn key_figure(client: &Client, label: &str) -> String {
    js(
        client,
        "const li = Array.from(document.querySelectorAll('[data-testid=key-figures] li'))\
           .find(l => l.textContent.includes(arguments[0]));\
         return li ? li.querySelector('strong').textContent.trim() : '';",
        vec![label.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Where a photograph to be looked at goes: `tests/artifacts/NAME`.
fn artifact(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).expect("cannot create tests/artifacts");
    dir.join(name)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_outcome_is_recorded_followed_up_and_counted() {
    within(Duration::from_secs(300), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::element(&client, "entry-row").await;

        // The figures before: the example network has outcomes of its own.
        js(&client, "location.hash = '#/insight'", vec![]).await;
        ui::element(&client, "key-figures").await;
        let count = |text: String| -> u32 { text.parse().unwrap_or_else(|_| panic!("not a count: {text:?}")) };
        let outcomes_before = count(key_figure(&client, "utfall registrert").await);
        let agreed_before = count(key_figure(&client, "avtalte treff").await);
        js(&client, "location.hash = '#/needs/n-01'", vec![]).await;

        // Agree two matches; record an outcome on the first.
        let open = undecided(&client).await;
        assert!(open.len() >= 2, "two undecided matches on n-01: {open:?}");
        let (with, without) = (open[0].clone(), open[1].clone());
        for title in [&with, &without] {
            click_in_row(&client, title, "status-agreed").await;
            wait_until(
                &harness,
                &client,
                "const r = Array.from(document.querySelectorAll('[data-testid=match-row]'))\
                   .find(e => e.textContent.includes(arguments[0]));\
                 return !!(r && r.querySelector('[data-testid=outcome-add]'));",
                vec![title.as_str().into()],
                "the outcome button on an agreed match",
            )
            .await;
        }
        click_in_row(&client, &with, "outcome-add").await;
        ui::element(&client, "outcome-kind")
            .await
            .select_by_value("hire")
            .await
            .expect("could not choose the outcome");
        ui::element(&client, "outcome-note")
            .await
            .send_keys("Ansatt som prosessingeniør")
            .await
            .expect("could not type the note");
        ui::click(&client, "outcome-save").await;
        let row = ui::wait_for_text(&client, "match-row", "Ansatt som prosessingeniør").await;
        let shown = row.text().await.unwrap_or_default();
        assert!(shown.contains("Ansettelse"), "the outcome is listed: {shown:?}");

        // The follow-up list (every agreed match) holds the one without an outcome only.
        js(&client, "location.hash = '#/followup'", vec![]).await;
        ui::element(&client, "followup-weeks")
            .await
            .select_by_value("0")
            .await
            .expect("could not choose the weeks");
        ui::wait_for_text(&client, "followup-row", &without).await;
        let rows = js(
            &client,
            "return Array.from(document.querySelectorAll('[data-testid=followup-row]')).map(r => r.textContent);",
            vec![],
        )
        .await;
        let rows: Vec<String> = serde_json::from_value(rows).expect("rows");
        assert!(
            !rows.iter().any(|r| r.contains(&with)),
            "a match with an outcome is not followed up: {rows:?}"
        );

        // The insight screen counts it and draws it.
        js(&client, "location.hash = '#/insight'", vec![]).await;
        ui::element(&client, "key-figures").await;
        wait_until(
            &harness,
            &client,
            "return !document.querySelector('[data-testid=chart-outcomes] [data-testid=chart-empty]')\
               && !!document.querySelector('[data-testid=chart-outcomes] svg rect');",
            vec![],
            "the outcomes chart drawn",
        )
        .await;
        wait_until(
            &harness,
            &client,
            "return !!document.querySelector('[data-testid=key-figures]');",
            vec![],
            "the key figures",
        )
        .await;
        assert_eq!(
            count(key_figure(&client, "utfall registrert").await),
            outcomes_before + 1,
            "the new outcome is counted"
        );
        assert_eq!(
            count(key_figure(&client, "avtalte treff").await),
            agreed_before + 2,
            "both agreements count in the period"
        );
        window::capture(harness.display(), "Kompis", &artifact("insight-nb.png"));

        // Clicking a municipality's bars filters the figures to it.
        let before = key_figure(&client, "aktive behov").await;
        js(
            &client,
            "Array.from(document.querySelectorAll('[data-testid=chart-municipality] [role=button]'))\
               .find(g => g.getAttribute('aria-label').startsWith('Trysil')).dispatchEvent(new MouseEvent('click', {bubbles: true}));",
            vec![],
        )
        .await;
        wait_until(
            &harness,
            &client,
            "return document.querySelector('[data-testid=insight-period]').textContent.includes('Trysil');",
            vec![],
            "the period line to name Trysil",
        )
        .await;
        let after = key_figure(&client, "aktive behov").await;
        assert_ne!(before, after, "filtering to Trysil changes the needs counted");
        assert_eq!(ui::value(&client, "insight-municipality").await, "Trysil");

        // The network report, saved through the native save dialog, holds the same figure.
        ui::element(&client, "insight-municipality")
            .await
            .select_by_value("")
            .await
            .expect("could not clear the municipality");
        let files = tempfile::tempdir().expect("no temporary folder");
        let report = files.path().join("nettverksrapport-test.pdf");
        ui::click(&client, "report-pdf").await;
        dialog::answer(harness.display(), "Lagre nettverksrapporten", &report);
        ui::wait_for_text(&client, "report-saved", "nettverksrapport-test.pdf").await;
        let text = std::process::Command::new("pdftotext")
            .args(["-layout", &report.to_string_lossy(), "-"])
            .output()
            .expect("pdftotext is needed");
        let text = String::from_utf8_lossy(&text.stdout);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("Utfall registrert i perioden"))
            .unwrap_or_else(|| panic!("no outcomes line in the report:\n{text}"));
        assert!(
            line.trim_end().ends_with(&(outcomes_before + 1).to_string()),
            "the report counts the new outcome: {line:?}"
        );

        // In English.
        ui::element(&client, "language")
            .await
            .select_by_value("en")
            .await
            .expect("could not switch to English");
        ui::wait_for_text(&client, "chart-outcomes", "Outcomes by quarter").await;
        window::capture(harness.display(), "Kompis", &artifact("insight-en.png"));
        harness.quit(client).await;
    })
    .await;
}
