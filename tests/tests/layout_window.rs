//! Every screen of the real window on the example network, at 1,000, 1,280
//! and 1,920 px wide, in bokmål and English, and at 150 % text size: none
//! may run wider than the window (a page that scrolls sideways has text
//! cut off or running into the next column). Each is photographed to
//! `tests/artifacts/layout/` to be looked at.

use std::time::Duration;

use fantoccini::Client;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{ui, window};
use serde_json::Value;

const WIDTHS: [u32; 3] = [1000, 1280, 1920];
const HEIGHT: u32 = 820;

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("script failed")
}

/// How far the page runs past the window's right edge, in px (0 when it fits).
async fn overflow(client: &Client) -> i64 {
    js(
        client,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    )
    .await
    .as_i64()
    .unwrap_or(0)
}

async fn visit(
    client: &Client,
    harness: &Harness,
    shot: &str,
    hash: &str,
    ready: &str,
) -> Option<String> {
    ui::visit(client, hash, ready).await;
    // Let lists fill and fonts settle.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let artifacts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/layout");
    window::capture(
        harness.display(),
        "Kompis",
        &artifacts.join(format!("{shot}.png")),
    );
    let over = overflow(client).await;
    (over > 1).then(|| format!("{shot}: {over} px wider than the window"))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_at_three_widths_two_languages_and_large_text() {
    within(Duration::from_secs(600), async {
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::element(&client, "entry-row").await;
        let mut problems = Vec::new();
        for lang in ["nb", "en"] {
            ui::element(&client, "language")
                .await
                .select_by_value(lang)
                .await
                .expect("could not change the language");
            for width in WIDTHS {
                client
                    .set_window_rect(0, 0, width, HEIGHT)
                    .await
                    .expect("could not size the window");
                for (name, hash, ready) in ui::SCREENS {
                    let shot = format!("{lang}-{width}-{name}");
                    problems.extend(visit(&client, &harness, &shot, hash, ready).await);
                }
            }
        }
        // 150 % text, as a person with larger text set: the root size the app scales from.
        client
            .set_window_rect(0, 0, 1280, HEIGHT)
            .await
            .expect("could not size the window");
        js(
            &client,
            "document.documentElement.style.fontSize = \
             (parseFloat(getComputedStyle(document.documentElement).fontSize) * 1.5) + 'px';",
        )
        .await;
        for (name, hash, ready) in ui::SCREENS {
            let shot = format!("en-1280-150pct-{name}");
            problems.extend(visit(&client, &harness, &shot, hash, ready).await);
        }
        assert!(problems.is_empty(), "{problems:#?}");
        harness.quit(client).await;
    })
    .await;
}
