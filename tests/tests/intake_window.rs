//! A spreadsheet read in through the import screen in the real window: a
//! CSV as Norwegian Excel writes it (Windows-1252, `;`) is chosen in the
//! native dialog, its columns are mapped (one changed by hand), the review
//! shows each row as new, and after saving the needs are in the list; read
//! again, the same file shows every row unchanged. The
//! mapping and review screens are photographed in bokmål and English
//! (`tests/artifacts/intake-*.png`).

use std::time::Duration;

use fantoccini::{Client, Locator};
use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{dialog, ui};

/// Rows a company contact typed in Excel; Windows-1252 bytes are written
/// below. "Notat" is read as notes unless the coordinator says otherwise.
const TABLE: &str = "Tittel;Beskrivelse;Stikkord;Bedrift;Type;Frist;Notat\r\n\
Tørking av skurlast med mindre energi;Vi vil halvere energibruken i tørkeanlegget;tørking, energi, sagbruk;Trysil Trelast AS;Studentoppgave;15.03.2027;intern\r\n\
Rekruttering av lærlinger til sagbruket;Hvordan når vi unge i Engerdal og Trysil?;rekruttering, lærlinger;Trysil Trelast AS;Erfaringsdeling;;ring Åse\r\n\
Bærekraftsrapport etter CSRD for en liten bedrift;;bærekraftsrapportering, CSRD;Åmot Aluminium AS;Fagkompetanse;01.06.2027;\r\n";

async fn select(client: &Client, id: &str, nth: usize, value: &str) {
    let all = client
        .find_all(Locator::Css(&ui::test_id(id)))
        .await
        .unwrap_or_else(|e| panic!("no [data-testid={id}]: {e}"));
    all.get(nth)
        .unwrap_or_else(|| panic!("fewer than {} [data-testid={id}]", nth + 1))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("could not choose {value} in [data-testid={id}] #{nth}: {e}"));
}

async fn language(client: &Client, lang: &str) {
    client
        .find(Locator::Css(&ui::test_id("language")))
        .await
        .expect("no language choice")
        .select_by_value(lang)
        .await
        .expect("could not change the language");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_spreadsheet_goes_in_through_mapping_and_review() {
    within(Duration::from_secs(300), async {
        let files = tempfile::tempdir().expect("no temporary folder");
        let csv = files.path().join("behov fra Trysil.csv");
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(TABLE);
        assert!(!unmappable);
        std::fs::write(&csv, &bytes).expect("cannot write the CSV");

        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-skip").await;
        ui::click(&client, "import").await;
        ui::click(&client, "intake-pick").await;
        dialog::answer(harness.display(), "Velg en fil å lese inn", &csv);

        // The mapping step: the sheet's columns with the core's guesses.
        ui::wait_for_text(&client, "intake-sheet", "Tørking av skurlast").await;
        select(&client, "intake-kind", 0, "need").await;
        // "Notat" is the seventh column: leave it out.
        select(&client, "intake-field", 6, "ignore").await;
        harness.screenshot(&client, "intake-map-nb.png").await;
        language(&client, "en").await;
        ui::wait_for_text(&client, "intake-sheet", "The rows are").await;
        harness.screenshot(&client, "intake-map-en.png").await;
        language(&client, "nb").await;

        // The review: three new needs (and their two new organisations).
        ui::click(&client, "intake-review").await;
        ui::wait_for_text(&client, "intake-filter-new", "Nye (5)").await;
        ui::wait_for_text(
            &client,
            "intake-rows",
            "Rekruttering av lærlinger til sagbruket",
        )
        .await;
        harness.screenshot(&client, "intake-review-nb.png").await;
        language(&client, "en").await;
        ui::wait_for_text(&client, "intake-filter-new", "New (5)").await;
        harness.screenshot(&client, "intake-review-en.png").await;
        language(&client, "nb").await;

        ui::click(&client, "intake-apply").await;
        ui::wait_for_text(&client, "intake-done", "5 nye").await;
        ui::click(&client, "nav-needs").await;
        ui::wait_for_text(
            &client,
            "entry-row",
            "Bærekraftsrapport etter CSRD for en liten bedrift",
        )
        .await;
        ui::wait_for_text(
            &client,
            "entry-row",
            "Tørking av skurlast med mindre energi",
        )
        .await;

        // Read again, the same file changes nothing: every row unchanged
        // (the column left out remembered).
        ui::click(&client, "import").await;
        ui::click(&client, "intake-pick").await;
        dialog::answer(harness.display(), "Velg en fil å lese inn", &csv);
        ui::wait_for_text(&client, "intake-sheet", "Tørking av skurlast").await;
        select(&client, "intake-kind", 0, "need").await;
        ui::click(&client, "intake-review").await;
        ui::wait_for_text(&client, "intake-filter-new", "Nye (0)").await;
        // (The organisations the rows only name are no lines of their own.)
        ui::wait_for_text(&client, "intake-filter-unchanged", "Uendret (3)").await;
        ui::wait_for_text(&client, "intake-filter-changed", "Endret (0)").await;

        // The organisation's registration workbook, out through the save dialog.
        let form = files.path().join("registrering Trysil Trelast.xlsx");
        ui::click(&client, "nav-organisations").await;
        ui::wait_for_text(&client, "entry-row", "Trysil Trelast AS")
            .await
            .click()
            .await
            .expect("could not open the organisation");
        ui::click(&client, "org-form").await;
        dialog::answer(harness.display(), "Lagre registreringsskjemaet", &form);
        ui::wait_for_text(&client, "toast", "er lagret").await;
        harness.quit(client).await;

        // Read back unchanged, it changes nothing: the workbook holds what
        // the catalogue holds for the organisation, under hidden ids.
        let mut opened = None;
        // The app's last process lets go of the lock a moment after it ends.
        kompis_e2e::wait_until(Duration::from_secs(20), || {
            opened = kompis_core::api::open(harness.catalogue()).ok();
            opened.is_some()
        });
        let cat = opened.expect("the catalogue did not open after the app quit");
        let review = kompis_core::api::intake_review(&cat, &form, &Default::default())
            .expect("the workbook reads back");
        assert_eq!(review.summary.error, 0, "{:?}", review.rows);
        assert_eq!(
            review.summary.new + review.summary.changed,
            0,
            "{:?}",
            review.rows
        );
        assert!(review.summary.unchanged >= 3, "{:?}", review.summary);
    })
    .await;
}
