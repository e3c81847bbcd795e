//! A person's data under GDPR on a real store in a temp folder: consent
//! kept with its history, "Innsyn" (JSON and PDF), erasing a person
//! everywhere, and the retention view.

use chrono::{Duration, Local, Utc};
use kompis_core::api;
use kompis_core::api::wire::SheetLang;
use kompis_core::model::EntityKind;
use kompis_core::{Catalogue, Error};
use serde_json::{json, Value};

/// An RFC 3339 time `days` days before now.
fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339()
}

/// Kari is the contact of an active offer and a need (trashed in the
/// tests); a match's notes name her. Per and Ola have no active entry and
/// no change for years; Nina was saved last week.
fn bundle() -> Value {
    json!({
        "format": "kompis-bundle",
        "version": 1,
        "organisations": [
            { "id": "org-a", "name": "Alfa Mekaniske AS", "kind": "company" }
        ],
        "people": [
            { "id": "p-kari", "name": "Kari Ødegård", "organisation": "org-a", "consent": true,
              "email": "kari@alfa.no", "updated_at": ago(900) },
            { "id": "p-per", "name": "Per Gammel", "updated_at": ago(800) },
            { "id": "p-ola", "name": "Ola Inaktiv", "updated_at": ago(1200) },
            { "id": "p-nina", "name": "Nina Ny", "updated_at": ago(7) },
            { "id": "p-tom", "name": "Tom Trash" }
        ],
        "offers": [
            { "id": "o-1", "title": "Lean i produksjonen", "kind": "expertise", "organisation": "org-a",
              "contact": "p-kari", "keywords": ["lean"] },
            { "id": "o-2", "title": "Sveisekurs", "kind": "training", "organisation": "org-a",
              "contact": "p-ola", "active": false, "updated_at": ago(1100) }
        ],
        "needs": [
            { "id": "n-1", "title": "Hjelp med lean", "kind": "expertise", "organisation": "org-a",
              "contact": "p-kari" },
            { "id": "n-2", "title": "Kurs i lean", "kind": "training", "organisation": "org-a" }
        ],
        "matches": [
            { "need": "n-2", "offer": "o-1", "status": "declined", "decline_reason": "bad_timing",
              "note": "Ring KARI ØDEGÅRD etter jul.",
              "history": [
                { "status": "contacted", "at": ago(30), "note": "Snakket med kari ødegård" },
                { "status": "declined", "at": ago(20), "reason": "bad_timing", "note": "Karianne sier nei" }
              ] }
        ]
    })
}

fn open() -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(&dir.path().join("db")).unwrap();
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, serde_json::to_string_pretty(&bundle()).unwrap()).unwrap();
    api::import_bundle_file(&cat, &file).unwrap();
    (dir, cat)
}

#[test]
fn a_change_of_consent_is_dated_kept_in_the_history_and_round_trips() {
    let (dir, cat) = open();
    let mut p = api::get_person(&cat, "p-kari".into()).unwrap();
    p.consent = Some(false);
    p.consent_how = Some("e-post".into());
    let saved = api::save_person(&cat, p).unwrap();
    assert_eq!(saved.consent_date, Some(Local::now().date_naive()));
    assert_eq!(saved.consent_history.len(), 1);
    assert_eq!(saved.consent_history[0].consent, Some(false));
    assert_eq!(saved.consent_history[0].how.as_deref(), Some("e-post"));
    // Saving again unchanged adds nothing; a form cannot rewrite the history.
    let mut again = saved.clone();
    again.consent_history.clear();
    let again = api::save_person(&cat, again).unwrap();
    assert_eq!(again.consent_history, saved.consent_history);

    let out = dir.path().join("out.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let other = Catalogue::open(&dir.path().join("db2")).unwrap();
    api::import_bundle_file(&other, &out).unwrap();
    let back = api::get_person(&other, "p-kari".into()).unwrap();
    assert_eq!(back.consent_history, saved.consent_history);
    assert_eq!(back.consent_how.as_deref(), Some("e-post"));
}

#[test]
fn the_export_holds_the_persons_entries_and_the_notes_that_name_them() {
    let (dir, cat) = open();
    api::delete_entity(&cat, EntityKind::Need, "n-1".into()).unwrap();
    let x = api::person_export(&cat, "p-kari".into()).unwrap();
    assert_eq!(x.person.name, "Kari Ødegård");
    assert_eq!(x.organisation_name.as_deref(), Some("Alfa Mekaniske AS"));
    let ids: Vec<(&str, bool)> = x
        .entries
        .iter()
        .map(|e| (e.entry.id.as_str(), e.trashed))
        .collect();
    assert_eq!(ids, [("o-1", false), ("n-1", true)]);
    assert_eq!(x.matches.len(), 1);
    assert_eq!(x.matches[0].need, "n-2");

    let json_file = dir.path().join("kari.json");
    api::export_person_file(&cat, "p-kari", SheetLang::Nb, &json_file).unwrap();
    let text = std::fs::read_to_string(&json_file).unwrap();
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["person"]["id"], "p-kari");
    assert!(text.contains("Ring KARI ØDEGÅRD"));

    let pdf = dir.path().join("kari.pdf");
    let s = api::export_person_file(&cat, "p-kari", SheetLang::Nb, &pdf).unwrap();
    assert_eq!(s.pages, Some(1));
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian: poppler-utils)");
    let read = String::from_utf8(out.stdout).unwrap();
    for want in [
        "Dette har Kompis om Kari Ødegård",
        "Lean i produksjonen",
        "Hjelp med lean",
        "i papirkurven",
        "Ring KARI ØDEGÅRD etter jul.",
        "Snakket med kari ødegård",
    ] {
        assert!(read.contains(want), "{want} missing in:\n{read}");
    }

    let refused = api::export_person_file(&cat, "p-kari", SheetLang::Nb, &dir.path().join("k.txt"));
    assert!(refused.is_err());
    assert!(matches!(
        api::person_export(&cat, "p-none".into()),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn erasing_a_person_leaves_no_trace_in_the_store_the_trash_or_a_later_bundle() {
    let (dir, cat) = open();
    api::delete_entity(&cat, EntityKind::Need, "n-1".into()).unwrap();
    // Warm the search so a stale cache would show.
    assert!(!api::search(&cat, "Kari".into()).unwrap().is_empty());
    let s = api::erase_person(&cat, "p-kari".into()).unwrap();
    assert_eq!((s.entries, s.matches), (2, 1));
    let by = (Local::now().date_naive() + Duration::days(30)).format("%Y-%m-%d");
    assert!(
        s.message.contains(&format!(
            "backups are kept 30 days; the last one holding this person is pruned by {by}"
        )),
        "{}",
        s.message
    );

    assert!(matches!(
        api::get_person(&cat, "p-kari".into()),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        api::get_entry(&cat, api::wire::Side::Offer, "o-1".into())
            .unwrap()
            .contact,
        None
    );
    let m = cat.match_record("n-2", "o-1").unwrap().unwrap();
    assert_eq!(m.note.as_deref(), Some("Ring [slettet person] etter jul."));
    assert_eq!(
        m.history[0].note.as_deref(),
        Some("Snakket med [slettet person]")
    );
    assert_eq!(m.history[1].note.as_deref(), Some("Karianne sier nei"));
    let trash = serde_json::to_string(&cat.trash().unwrap()).unwrap();
    assert!(!trash.contains("p-kari"), "{trash}");
    assert!(api::search(&cat, "Ødegård".into())
        .unwrap()
        .iter()
        .all(|h| !h.title.contains("Ødegård")));

    let out = dir.path().join("after.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let text = std::fs::read_to_string(&out).unwrap().to_lowercase();
    for trace in ["ødegård", "kari ", "kari@", "p-kari"] {
        assert!(!text.contains(trace), "{trace} in the bundle");
    }

    // A person only in the trash is erased from it.
    api::delete_entity(&cat, EntityKind::Person, "p-tom".into()).unwrap();
    api::erase_person(&cat, "p-tom".into()).unwrap();
    assert!(cat.trash().unwrap().iter().all(|t| t.id != "p-tom"));
    assert!(matches!(
        api::erase_person(&cat, "p-tom".into()),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn retention_lists_people_without_an_active_entry_or_a_change_oldest_first() {
    let (_dir, cat) = open();
    let ids = |months| -> Vec<String> {
        api::retention(&cat, months)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    // Tom has never been changed (no time recorded): first.
    assert_eq!(ids(None), ["p-tom", "p-ola", "p-per"]);
    assert_eq!(ids(Some(30)), ["p-tom", "p-ola"]);
    assert_eq!(ids(Some(0)), ["p-tom", "p-ola", "p-per", "p-nina"]);
    // A save is a change.
    let per = api::get_person(&cat, "p-per".into()).unwrap();
    api::save_person(&cat, per).unwrap();
    assert_eq!(ids(None), ["p-tom", "p-ola"]);
}
