//! The match workflow in the real window, on the example network: a match
//! that was contacted and then declined comes back contacted, with its own
//! note and its decline kept apart; agreeing at once lights only "Avtalt";
//! a saved note says so; a past deadline is refused with a sentence.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;
use serde_json::Value;

/// The match row of the offer titled `title`.
async fn row(client: &Client, title: &str) -> Element {
    ui::wait_for_text(client, "match-row", title).await
}

/// Runs `script` with `args` in the page and returns its value.
async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client.execute(script, args).await.expect("script failed")
}

/// The statuses pressed in the match row whose text holds `title`, or None
/// while there is no such row.
async fn pressed(client: &Client, title: &str) -> Option<Vec<String>> {
    let v = js(
        client,
        "const r = Array.from(document.querySelectorAll('[data-testid=match-row]'))\
           .find(e => e.textContent.includes(arguments[0]));\
         return r ? Array.from(r.querySelectorAll('[aria-pressed=true]'))\
           .map(b => b.dataset.testid) : null;",
        vec![title.into()],
    )
    .await;
    serde_json::from_value(v).ok()
}

/// Waits until the row of `title` shows exactly the pressed `statuses`.
async fn wait_pressed(client: &Client, title: &str, statuses: &[&str]) {
    let want: Vec<String> = statuses.iter().map(|s| format!("status-{s}")).collect();
    let start = Instant::now();
    loop {
        let now = pressed(client, title).await;
        if now.as_ref() == Some(&want) {
            return;
        }
        if let Some(error) = ui::error_banner(client).await {
            panic!("waiting for {want:?} on {title:?}, the app said: {error}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{title:?} shows {now:?}, not {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text of the element `css` inside the match row of `title`.
async fn text_in_row(client: &Client, title: &str, css: &str) -> String {
    js(
        client,
        "const r = Array.from(document.querySelectorAll('[data-testid=match-row]'))\
           .find(e => e.textContent.includes(arguments[0]));\
         const e = r && r.querySelector(arguments[1]);\
         return e ? (e.value !== undefined && e.tagName === 'INPUT' ? e.value : e.textContent) : '';",
        vec![title.into(), css.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// The title of the first match row with no status pressed.
async fn undecided(client: &Client) -> String {
    ui::element(client, "match-row").await;
    let v = js(
        client,
        "const rows = Array.from(document.querySelectorAll('[data-testid=match-row]'));\
         const i = rows.findIndex(r => !r.querySelector('[aria-pressed=true]'));\
         return i < 0 ? null : [i, rows[i].querySelector('.match-title').textContent.trim()];",
        vec![],
    )
    .await;
    let (_, title): (usize, String) =
        serde_json::from_value(v).expect("a match with no decision yet");
    title
}

/// Clicks `id` inside `element`, again while a closing dialog still covers it.
async fn click_in(element: &Element, id: &str) {
    let start = Instant::now();
    loop {
        let error = match element.find(Locator::Css(&ui::test_id(id))).await {
            Ok(button) => match button.click().await {
                Ok(()) => return,
                Err(e) => e,
            },
            Err(e) => e,
        };
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "could not click [data-testid={id}] in the row: {error}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declined_match_comes_back_where_it_stood() {
    within(Duration::from_secs(300), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::element(&client, "entry-row").await;
        js(&client, "location.hash = '#/needs/n-01'", vec![]).await;

        // Shortlist, contact, then decline with a reason and a note.
        let title = undecided(&client).await;
        click_in(&row(&client, &title).await, "status-shortlisted").await;
        wait_pressed(&client, &title, &["shortlisted"]).await;
        click_in(&row(&client, &title).await, "status-contacted").await;
        wait_pressed(&client, &title, &["contacted"]).await;
        click_in(&row(&client, &title).await, "status-decline").await;
        ui::element(&client, "decline-dialog").await;
        ui::element(&client, "decline-reason")
            .await
            .select_by_value("bad_timing")
            .await
            .expect("could not choose a reason");
        ui::element(&client, "decline-note")
            .await
            .send_keys("Tar det opp igjen til høsten")
            .await
            .expect("could not type the note");
        ui::click(&client, "decline-confirm").await;
        let declined = ui::wait_for_text(&client, "declined-row", &title).await;
        let shown = declined.text().await.unwrap_or_default();
        assert!(
            shown.contains("Tar det opp igjen til høsten"),
            "the decline's note shows with the decline: {shown:?}"
        );

        // Bringing it back restores "Kontaktet", not "foreslått".
        click_in(&declined, "bring-back").await;
        wait_pressed(&client, &title, &["contacted"]).await;
        let history = text_in_row(&client, &title, "[data-testid=match-history]").await;
        for step in ["På kortliste", "Kontaktet", "Avslått", "tatt tilbake"] {
            assert!(history.contains(step), "{step:?} missing in {history:?}");
        }
        row(&client, &title)
            .await
            .find(Locator::Css(".match-history"))
            .await
            .expect("no history")
            .click()
            .await
            .expect("could not scroll to the history");
        harness.screenshot(&client, "match-brought-back.png").await;
        let note = text_in_row(&client, &title, "[data-testid=match-note]").await;
        assert_eq!(note, "", "the decline's note did not become the match's note");

        // A note saved says so, and stays said until it is edited.
        let input = row(&client, &title)
            .await
            .find(Locator::Css(&ui::test_id("match-note")))
            .await
            .expect("no note field");
        input
            .send_keys("Ring Kari mandag\u{E007}")
            .await
            .expect("could not type the note");
        ui::element(&client, "match-note-saved").await;

        // Agreeing at once lights "Avtalt" only, and its history has one step.
        let other = undecided(&client).await;
        click_in(&row(&client, &other).await, "status-agreed").await;
        wait_pressed(&client, &other, &["agreed"]).await;
        let history = text_in_row(&client, &other, "[data-testid=match-history]").await;
        assert!(
            history.contains("Avtalt")
                && !history.contains("Kontaktet")
                && !history.contains("kortliste"),
            "{history:?}"
        );

        // A past deadline is refused with a sentence under the field.
        js(&client, "location.hash = '#/needs/n-01/edit'", vec![]).await;
        let deadline = ui::element(&client, "field-deadline").await;
        deadline.clear().await.expect("could not clear the deadline");
        deadline
            .send_keys("15.03.2026")
            .await
            .expect("could not type the deadline");
        ui::click(&client, "save").await;
        let start = Instant::now();
        loop {
            let msg = js(
                &client,
                "const e = document.getElementById('field-deadline-msg'); return e ? e.textContent : '';",
                vec![],
            )
            .await;
            if msg.as_str().unwrap_or_default().contains("15.03.2026") {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no word on the past deadline: {msg:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        harness.quit(client).await;
    })
    .await;
}
