//! Import and export through the native file dialogs, which the app opens
//! from Rust (the webview names no path): the catalogue is exported to a
//! file typed into the save dialog, a match sheet is saved the same way
//! and opened (and its folder shown) with the desktop's application, and
//! the exported file is read into a fresh catalogue through the open
//! dialog and the import review.

use std::time::Duration;

use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{dialog, ui};

#[tokio::test(flavor = "multi_thread")]
async fn a_catalogue_goes_out_and_back_in_through_the_native_dialogs() {
    within(Duration::from_secs(300), async {
        let files = tempfile::tempdir().expect("no temporary folder");
        let bundle = files.path().join("nettverket.json");
        let sheet = files.path().join("treffark-test.pdf");

        // Out: the example network, exported through the save dialog.
        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::click(&client, "export").await;
        dialog::answer(harness.display(), "Eksporter katalogen", &bundle);
        ui::wait_for_text(&client, "toast", "nettverket.json").await;
        let text = std::fs::read_to_string(&bundle).expect("no bundle was written");
        assert!(text.contains("\"kompis-bundle\""), "not a bundle");
        assert!(text.contains("Hjelp med vår første bærekraftsrapport"));

        // A match sheet, saved through its save dialog.
        ui::click(&client, "nav-sheets").await;
        ui::element(&client, "sheet-preview").await;
        ui::click(&client, "sheet-save").await;
        dialog::answer(harness.display(), "Lagre treffarket", &sheet);
        ui::wait_for_text(&client, "sheet-done", "treffark-test.pdf").await;
        let pdf = std::fs::read(&sheet).expect("no match sheet was written");
        assert!(pdf.starts_with(b"%PDF"), "the sheet is not a PDF");

        // Saved, the sheet opens in the desktop's PDF reader, and its
        // folder in the file manager.
        let opened = harness.register_opener(&["application/pdf", "inode/directory"]);
        ui::click(&client, "sheet-open").await;
        ui::click(&client, "sheet-folder").await;
        let mut lines = String::new();
        kompis_e2e::wait_until(Duration::from_secs(20), || {
            lines = std::fs::read_to_string(&opened).unwrap_or_default();
            lines.lines().count() >= 2
        });
        let folder = files.path().to_string_lossy().into_owned();
        assert!(
            lines.lines().any(|l| l.ends_with("treffark-test.pdf")),
            "the sheet was not opened: {lines:?}"
        );
        assert!(
            lines.lines().any(|l| l.trim_end_matches('/') == folder),
            "its folder was not opened: {lines:?}"
        );
        harness.quit(client).await;

        // In: a fresh catalogue imports the file through the open dialog.
        let fresh = Harness::start();
        let client = fresh.launch().await;
        ui::click(&client, "demo-skip").await;
        ui::click(&client, "import").await;
        ui::click(&client, "intake-pick").await;
        dialog::answer(fresh.display(), "Velg en fil å lese inn", &bundle);
        // A Kompis file needs no column mapping: straight to the review.
        ui::wait_for_text(&client, "intake-filter-new", "Nye").await;
        ui::click(&client, "intake-apply").await;
        ui::wait_for_text(&client, "intake-done", "lagret").await;
        ui::click(&client, "nav-needs").await;
        ui::wait_for_text(
            &client,
            "entry-row",
            "Hjelp med vår første bærekraftsrapport",
        )
        .await;
        fresh.quit(client).await;
    })
    .await;
}
