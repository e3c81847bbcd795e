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
