//! A file dropped on the window from outside (as a file manager drops it,
//! over XDND) opens the import screen with that file: 20,000 rows of needs
//! are mapped, reviewed with a progress bar counting the rows, and saved;
//! a need of the file is then in the list. The progress bar is
//! photographed (`tests/artifacts/intake-progress-nb.png`).

use std::time::{Duration, Instant};

use fantoccini::Locator;
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{ui, window};

const ROWS: usize = 20_000;

#[tokio::test(flavor = "multi_thread")]
async fn a_file_dropped_on_the_window_is_read_in_with_its_progress_shown() {
    within(Duration::from_secs(300), async {
        let files = tempfile::tempdir().expect("no temporary folder");
        let csv = files.path().join("behov.csv");
        let mut text = String::from("Tittel;Beskrivelse;Bedrift\r\n");
        for i in 0..ROWS {
            text.push_str(&format!(
                "Behov nummer {i} om tørking;Skurlast {i};Bedrift {} AS\r\n",
                i % 40
            ));
        }
        std::fs::write(&csv, text).expect("cannot write the CSV");

        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-skip").await;
        ui::element(&client, "nav-needs").await;

        let display = harness.display().to_string();
        let path = csv.clone();
        tokio::task::spawn_blocking(move || window::drop_file(&display, "Kompis", &path))
            .await
            .expect("the drop failed");

        // The import screen opens on the dropped file's columns.
        ui::wait_for_text(&client, "intake-sheet", "Behov nummer 0 om tørking").await;
        client
            .find(Locator::Css(&ui::test_id("intake-kind")))
            .await
            .expect("no kind choice")
            .select_by_value("need")
            .await
            .expect("could not say the rows are needs");
        ui::click(&client, "intake-review").await;

        // While the core reviews, the bar counts rows done of all.
        let start = Instant::now();
        let mut counted = None;
        while counted.is_none() && start.elapsed() < Duration::from_secs(60) {
            let v = client
                .execute(
                    "const b = document.querySelector('progress');\
                     return b ? [b.value, b.max] : null;",
                    vec![],
                )
                .await
                .expect("could not read the page");
            counted = serde_json::from_value::<(f64, f64)>(v).ok();
            if counted.is_none() {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let (done, all) = counted.expect("no progress bar while 20,000 rows were reviewed");
        assert_eq!(all as usize, ROWS);
        assert!(done <= all);
        harness.screenshot(&client, "intake-progress-nb.png").await;

        ui::wait_for_text(&client, "intake-filter-new", "Nye").await;
        ui::click(&client, "intake-apply").await;
        let done = Duration::from_secs(120);
        let start = Instant::now();
        while client
            .find(Locator::Css(&ui::test_id("intake-done")))
            .await
            .is_err()
        {
            assert!(
                start.elapsed() < done,
                "20,000 rows were not saved in {done:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        ui::click(&client, "nav-needs").await;
        ui::wait_for_text(&client, "entry-row", "Behov nummer").await;
        harness.quit(client).await;
    })
    .await;
}
