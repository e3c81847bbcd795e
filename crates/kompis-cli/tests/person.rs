//! `kompis person`: export, erase and retention, through the real binary on
//! a temp catalogue, with the PDF read back through pdftotext.

mod common;

use chrono::{Duration, Local};
use common::{json, kompis, refused, stdout};
use serde_json::json as j;

/// A catalogue where Kari is the contact of an offer and named in a match
/// note; Per has no entry and was last changed years ago.
fn catalogue() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let bundle = j!({
        "format": "kompis-bundle", "version": 1,
        "organisations": [{ "id": "org-a", "name": "Alfa AS", "kind": "company" }],
        "people": [
            { "id": "p-kari", "name": "Kari Ødegård", "organisation": "org-a", "consent": true },
            { "id": "p-per", "name": "Per Gammel", "updated_at": "2020-01-01T00:00:00Z" }
        ],
        "offers": [{ "id": "o-1", "title": "Lean i produksjonen", "kind": "expertise",
                     "organisation": "org-a", "contact": "p-kari" }],
        "needs": [{ "id": "n-1", "title": "Kurs i lean", "kind": "training", "organisation": "org-a" }],
        "matches": [{ "need": "n-1", "offer": "o-1", "status": "contacted",
                      "note": "Kari Ødegård ringer tilbake." }]
    });
    let file = dir.path().join("b.json");
    std::fs::write(&file, bundle.to_string()).unwrap();
    stdout(kompis(&db).arg("import").arg(&file));
    (dir, db)
}

#[test]
fn person_export_writes_json_and_a_readable_pdf_in_either_language() {
    let (dir, db) = catalogue();
    let file = dir.path().join("kari.json");
    stdout(
        kompis(&db)
            .args(["person", "export", "p-kari", "--out"])
            .arg(&file),
    );
    let x: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(x["entries"][0]["entry"]["id"], "o-1");
    assert_eq!(x["matches"][0]["note"], "Kari Ødegård ringer tilbake.");

    let pdf = dir.path().join("kari.pdf");
    for (lang, title) in [
        ("nb", "Dette har Kompis om Kari Ødegård"),
        ("en", "What Kompis holds about Kari Ødegård"),
    ] {
        let said = stdout(
            kompis(&db)
                .args(["person", "export", "p-kari", "--lang", lang, "--out"])
                .arg(&pdf),
        );
        assert!(said.contains("1 pages"), "{said}");
        let out = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs (Debian: poppler-utils)");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(title), "{text}");
        assert!(text.contains("Lean i produksjonen"), "{text}");
        assert!(text.contains("Kari Ødegård ringer tilbake."), "{text}");
    }
    let err = refused(
        kompis(&db)
            .args(["person", "export", "p-kari", "--out"])
            .arg(dir.path().join("k.txt")),
    );
    assert!(err.contains(".json or .pdf"), "{err}");
}

#[test]
fn person_erase_says_when_the_last_backup_holding_them_is_pruned() {
    let (dir, db) = catalogue();
    let said = stdout(kompis(&db).args(["person", "erase", "p-kari"]));
    let by = (Local::now().date_naive() + Duration::days(30)).format("%Y-%m-%d");
    assert!(
        said.contains(&format!(
            "backups are kept 30 days; the last one holding this person is pruned by {by}."
        )),
        "{said}"
    );
    let out = dir.path().join("after.json");
    stdout(kompis(&db).arg("export").arg("--out").arg(&out));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("Kari") && !text.contains("p-kari"), "{text}");
    assert!(text.contains("[slettet person] ringer tilbake."));
    let err = refused(kompis(&db).args(["person", "erase", "p-kari"]));
    assert!(err.contains("p-kari"), "{err}");
}

#[test]
fn person_retention_lists_who_to_renew_or_erase() {
    let (_dir, db) = catalogue();
    let rows = json(kompis(&db).args(["person", "retention", "--json"]));
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], "p-per");
    let table = stdout(kompis(&db).args(["person", "retention", "--months", "1"]));
    assert!(table.contains("Per Gammel"), "{table}");
    assert!(!table.contains("Kari"), "{table}");
}
