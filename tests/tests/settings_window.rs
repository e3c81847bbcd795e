//! The settings in the real window: a second backup folder (a stand-in
//! for a USB stick) chosen in the native folder dialog gets the backup;
//! pulled out, the next backup beside the catalogue is still written and
//! the settings say the copy failed; a folder with other files is refused
//! as the catalogue, and an empty one is kept in the app's settings file
//! (opened at the next start without `--db`, which this test starts with).

use std::time::Duration;

use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{dialog, ui};

/// The Kompis backups in `folder`.
fn backups_in(folder: &std::path::Path) -> usize {
    std::fs::read_dir(folder)
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".kompis.json"))
                .count()
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_backup_folder_and_another_catalogue_are_chosen_in_the_settings() {
    within(Duration::from_secs(300), async {
        let files = tempfile::tempdir().expect("no temporary folder");
        let usb = files.path().join("PINNE");
        std::fs::create_dir(&usb).unwrap();
        let papers = files.path().join("papirer");
        std::fs::create_dir(&papers).unwrap();
        std::fs::write(papers.join("budsjett.txt"), "mine").unwrap();
        let fresh = files.path().join("ny-katalog");
        std::fs::create_dir(&fresh).unwrap();

        let harness = Harness::start();
        let client = harness.launch().await;
        ui::click(&client, "demo-skip").await;
        ui::click(&client, "nav-settings").await;
        let catalogue = harness.catalogue().to_string_lossy().into_owned();
        ui::wait_for_text(&client, "settings-catalogue-folder", &catalogue).await;

        // The second folder, chosen in the folder dialog, gets a backup at once.
        ui::click(&client, "choose-second").await;
        dialog::answer_folder(
            harness.display(),
            "Velg en ekstra mappe for sikkerhetskopiene",
            &usb,
        );
        ui::wait_for_text(&client, "settings-second-folder", "PINNE").await;
        ui::wait_for_text(&client, "second-ok", "PINNE").await;
        assert_eq!(backups_in(&usb), 1, "the backup is on the stick");
        ui::wait_for_text(&client, "settings-backup-list", "ekstra mappen").await;

        // The stick is pulled out: the backup beside the catalogue is still
        // written, and the failure is a sentence.
        std::fs::remove_dir_all(&usb).unwrap();
        let beside = harness.catalogue().with_file_name("backups");
        let before = backups_in(&beside);
        ui::click(&client, "settings-backup-now").await;
        ui::wait_for_text(&client, "second-failed", "mislyktes").await;
        assert_eq!(backups_in(&beside), before + 1);
        assert!(!usb.exists(), "the missing folder is not made");

        // A folder holding other files is refused as the catalogue.
        ui::click(&client, "choose-catalogue").await;
        dialog::answer_folder(harness.display(), "Velg katalogmappe", &papers);
        let mut refusal = None;
        for _ in 0..100 {
            refusal = ui::error_banner(&client).await;
            if refusal.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let refusal = refusal.expect("the folder is refused with a sentence");
        assert!(refusal.contains("ikke er en Kompis-katalog"), "{refusal}");
        assert!(!papers.join("db").exists(), "nothing was written there");

        // An empty one is kept for the next start (this one has --db).
        ui::click(&client, "choose-catalogue").await;
        dialog::answer_folder(harness.display(), "Velg katalogmappe", &fresh);
        ui::wait_for_text(&client, "toast", "neste gang").await;
        let config = harness
            .env()
            .into_iter()
            .find(|(k, _)| *k == "XDG_CONFIG_HOME")
            .map(|(_, v)| std::path::PathBuf::from(v))
            .unwrap();
        let settings = std::fs::read_to_string(config.join("kompis").join("settings.json"))
            .expect("the settings file is written");
        assert!(settings.contains("ny-katalog"), "{settings}");
        harness.quit(client).await;
    })
    .await;
}
