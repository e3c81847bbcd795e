//! `kompis backup` and `kompis check` on the real binary: a backup written
//! beside the catalogue, listed, restored into a new folder (never into one
//! that holds something), and the restored catalogue checked whole.

mod common;
use common::*;

#[test]
fn a_backup_is_written_listed_restored_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("katalog");
    stdout(kompis(&db).arg("demo"));
    let said = stdout(kompis(&db).args(["backup", "now"]));
    assert!(said.contains("katalog-"), "{said}");
    let list = json(kompis(&db).args(["backup", "list", "--json"]));
    let file = list[0]["file"].as_str().unwrap().to_string();
    let backup = dir.path().join("backups").join(&file);
    assert!(backup.exists());
    let to = dir.path().join("gjenopprettet");
    let said = stdout(
        kompis(&db)
            .args(["backup", "restore"])
            .arg(&backup)
            .arg("--to")
            .arg(&to),
    );
    assert!(said.contains("25 needs"), "{said}");
    let report = json(kompis(&to).args(["check", "--json"]));
    assert_eq!(report["ok"], true);
    assert_eq!(report["needs"], 25);
    let err = refused(
        kompis(&db)
            .args(["backup", "restore"])
            .arg(&backup)
            .arg("--to")
            .arg(&to),
    );
    assert!(err.contains("new folder"), "{err}");
    let said = stdout(kompis(&db).arg("check"));
    assert!(said.contains("The catalogue is whole"), "{said}");
}

#[test]
fn a_second_folder_gets_the_backups_and_a_missing_one_is_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("katalog");
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    stdout(kompis(&db).arg("demo"));
    let said = stdout(kompis(&db).args(["backup", "second"]).arg(&usb));
    assert!(said.contains("also written to"), "{said}");
    let list = json(kompis(&db).args(["backup", "list", "--json"]));
    let list = list.as_array().unwrap();
    assert!(list.iter().any(|b| b["second"] == true), "{list:?}");
    assert!(list.iter().any(|b| b["second"] == false), "{list:?}");
    let table = stdout(kompis(&db).args(["backup", "list"]));
    assert!(
        table.contains("second") && table.contains("beside"),
        "{table}"
    );
    std::fs::remove_dir_all(&usb).unwrap();
    let said = stdout(kompis(&db).args(["backup", "now"]));
    assert!(said.contains("The last backup to"), "{said}");
    assert!(said.contains("failed"), "{said}");
    let said = stdout(kompis(&db).args(["backup", "second", "--clear"]));
    assert!(said.contains("beside the catalogue only"), "{said}");
}
