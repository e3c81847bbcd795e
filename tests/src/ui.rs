//! Driving the Kompis window through its `data-testid` hooks.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// How long the UI may take to show something.
pub const UI_TIMEOUT: Duration = Duration::from_secs(30);

/// Starts `app` with `args` through the WebDriver at `driver_url` and
/// returns the session on its main window.
pub async fn launch(driver_url: &str, app: &Path, args: &[&str]) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({ "application": app, "args": args }),
    );
    ClientBuilder::native()
        .capabilities(caps)
        .connect(driver_url)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "could not start {} through tauri-driver: {e}",
                app.display()
            )
        })
}

/// The CSS selector for a `data-testid`.
pub fn test_id(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Waits for the element with `data-testid` `id`.
pub async fn element(client: &Client, id: &str) -> Element {
    client
        .wait()
        .at_most(UI_TIMEOUT)
        .for_element(Locator::Css(&test_id(id)))
        .await
        .unwrap_or_else(|e| panic!("no element [data-testid={id}] within {UI_TIMEOUT:?}: {e}"))
}

/// The value of the field with `data-testid` `id` as the page holds it.
pub async fn value(client: &Client, id: &str) -> String {
    client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.value : null;",
            vec![test_id(id).into()],
        )
        .await
        .unwrap_or_else(|e| panic!("could not read [data-testid={id}]: {e}"))
        .as_str()
        .unwrap_or_else(|| panic!("no field [data-testid={id}]"))
        .to_string()
}

/// Clicks the element with `data-testid` `id` once it shows and takes the
/// click (a closing dialog may still cover it for a moment).
pub async fn click(client: &Client, id: &str) {
    let start = Instant::now();
    loop {
        let error = match element(client, id).await.click().await {
            Ok(()) => return,
            Err(e) => e,
        };
        assert!(
            start.elapsed() < UI_TIMEOUT,
            "could not click [data-testid={id}] within {UI_TIMEOUT:?}: {error:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits for an element with `data-testid` `id` whose text contains `text`.
pub async fn wait_for_text(client: &Client, id: &str, text: &str) -> Element {
    let start = Instant::now();
    loop {
        // The DOM's textContent, not WebDriver's rendered text: WebKit
        // leaves out text in clipped grid cells that the window does show.
        let found = client
            .execute(
                "return Array.from(document.querySelectorAll(arguments[0]))\
                 .findIndex(e => e.textContent.includes(arguments[1]));",
                vec![test_id(id).into(), text.into()],
            )
            .await
            .ok()
            .and_then(|v| v.as_i64())
            .filter(|i| *i >= 0);
        if let Some(i) = found {
            if let Ok(elements) = client.find_all(Locator::Css(&test_id(id))).await {
                if let Some(element) = elements.into_iter().nth(i as usize) {
                    return element;
                }
            }
        }
        if let Some(error) = error_banner(client).await {
            panic!("waiting for [data-testid={id}] containing {text:?}, the app said: {error}");
        }
        if start.elapsed() >= UI_TIMEOUT {
            let shot = failure_screenshot(client, id).await;
            panic!(
                "no [data-testid={id}] containing {text:?} within {UI_TIMEOUT:?} (window: {shot})"
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text of the error banner, if one shows.
pub async fn error_banner(client: &Client) -> Option<String> {
    let banner = client
        .find(Locator::Css(&test_id("error-banner")))
        .await
        .ok()?;
    if !banner.is_displayed().await.unwrap_or(false) {
        return None;
    }
    banner
        .text()
        .await
        .ok()
        .filter(|text| !text.trim().is_empty())
}

/// Saves what the window shows to `tests/artifacts/failed-ID.png` and says
/// where, so a failed wait can be looked at.
pub async fn failure_screenshot(client: &Client, id: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    let path = dir.join(format!("failed-{id}.png"));
    match client.screenshot().await {
        Ok(png) if std::fs::create_dir_all(&dir).is_ok() && std::fs::write(&path, &png).is_ok() => {
            path.display().to_string()
        }
        _ => "no screenshot".into(),
    }
}

/// Every screen of the example network, by its name in photographs, its
/// address, and (CSS) what it shows once it is ready.
pub const SCREENS: &[(&str, &str, &str)] = &[
    ("needs", "#/needs", "[data-testid=entry-row]"),
    ("offers", "#/offers", "[data-testid=entry-row]"),
    (
        "organisations",
        "#/organisations",
        "[data-testid=entry-row]",
    ),
    ("people", "#/people", "[data-testid=entry-row]"),
    ("gaps", "#/gaps", "[data-testid=gap-row], .empty"),
    (
        "followup",
        "#/followup",
        "[data-testid=followup-row], .empty",
    ),
    ("insight", "#/insight", "[data-testid=key-figures]"),
    ("jobs", "#/jobs", "[data-testid=vacancy-row], .empty"),
    ("seekers", "#/seekers", "[data-testid=seeker-row], .empty"),
    ("thesaurus", "#/thesaurus", "[data-testid=concept]"),
    ("sheets", "#/sheets", "[data-testid=sheet-preview]"),
    ("intake", "#/intake", "[data-testid=intake-choose]"),
    ("settings", "#/settings", "[data-testid=settings-backups]"),
    ("trash", "#/trash", "[data-testid=entry-row], .empty"),
    ("need", "#/needs/n-01", "[data-testid=match-row]"),
    ("offer", "#/offers/o-01", "[data-testid=edit]"),
    (
        "organisation",
        "#/organisations/org-hinn-rena",
        "[data-testid=edit]",
    ),
    ("person", "#/people/p-ingrid-haugen", "[data-testid=edit]"),
    ("need-edit", "#/needs/n-01/edit", "[data-testid=save]"),
    (
        "organisation-edit",
        "#/organisations/org-hinn-rena/edit",
        "[data-testid=save]",
    ),
];

/// Goes to the address `hash` and waits until the page shows `ready` (CSS).
pub async fn visit(client: &Client, hash: &str, ready: &str) {
    client
        .execute(&format!("location.hash = '{hash}'"), vec![])
        .await
        .unwrap_or_else(|e| panic!("could not go to {hash}: {e}"));
    client
        .wait()
        .at_most(UI_TIMEOUT)
        .for_element(Locator::Css(ready))
        .await
        .unwrap_or_else(|e| panic!("nothing like {ready} on {hash}: {e}"));
}
