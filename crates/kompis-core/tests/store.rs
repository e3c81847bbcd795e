//! The catalogue on a real sled store in a temp folder: schema versions and
//! migrations, the lock sentence, crash safety, atomic and idempotent
//! imports, export against the format's JSON Schema, and the trash.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use kompis_core::api::{
    self,
    wire::{EntryQuery, Side},
};
use kompis_core::model::{EntityKind, Entry, EntryKind, OrgKind, Organisation};
use kompis_core::{Catalogue, Error};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn need(title: &str) -> Entry {
    serde_json::from_value(serde_json::json!({"id": "", "title": title, "kind": "expertise"}))
        .unwrap()
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.exists().then_some(p)
}

#[test]
fn new_catalogue_is_at_the_current_schema() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    assert_eq!(cat.schema_version().unwrap(), api::SCHEMA_VERSION);
}

#[test]
fn schema_1_catalogue_is_migrated_and_keeps_its_entries() {
    let dir = temp();
    {
        // A catalogue as schema 1 wrote it: no `created_at` on entries.
        let db = sled::open(dir.path()).unwrap();
        db.insert("meta:schema", serde_json::to_vec(&1u32).unwrap())
            .unwrap();
        let old = serde_json::json!({"id": "n-1", "title": "Gammelt behov", "kind": "training"});
        db.insert("need:n-1", serde_json::to_vec(&old).unwrap())
            .unwrap();
        db.flush().unwrap();
    }
    let cat = Catalogue::open(dir.path()).unwrap();
    assert_eq!(cat.schema_version().unwrap(), 2);
    let n = cat.entry(EntityKind::Need, "n-1").unwrap();
    assert_eq!(n.title, "Gammelt behov");
    assert!(n.created_at.is_some(), "migration 1→2 backfills created_at");
}

#[test]
fn catalogue_from_a_newer_version_is_refused_with_a_sentence() {
    let dir = temp();
    {
        let db = sled::open(dir.path()).unwrap();
        db.insert("meta:schema", serde_json::to_vec(&99u32).unwrap())
            .unwrap();
        db.flush().unwrap();
    }
    let err = Catalogue::open(dir.path()).err().expect("refused");
    assert!(matches!(err, Error::TooNew { found: 99, .. }));
    let msg = err.to_string();
    assert!(msg.contains("written by a newer Kompis"), "{msg}");
    assert!(msg.contains("schema version 99"), "{msg}");
}

#[test]
fn second_open_gets_the_lock_sentence() {
    let dir = temp();
    let _first = Catalogue::open(dir.path()).unwrap();
    let err = Catalogue::open(dir.path())
        .err()
        .expect("second open refused");
    assert_eq!(err.code(), "locked");
    assert_eq!(
        err.to_string(),
        format!(
            "The catalogue in {} is open in another Kompis window; close that window first.",
            dir.path().display()
        )
    );
}

/// Child half of `saved_need_survives_a_kill`: saves, says so, then waits
/// to be killed.
#[test]
#[ignore = "run as a child process by saved_need_survives_a_kill"]
fn crash_child() {
    let Some(dir) = std::env::var_os("KOMPIS_CRASH_DIR") else {
        return;
    };
    let cat = Catalogue::open(Path::new(&dir)).unwrap();
    let saved = api::save_entry(&cat, Side::Need, need("Overlever krasj")).unwrap();
    println!("SAVED {}", saved.id);
    std::thread::sleep(std::time::Duration::from_secs(60));
}

#[test]
fn saved_need_survives_a_kill() {
    use std::io::{BufRead, BufReader};
    let dir = temp();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--ignored", "--nocapture"])
        .env("KOMPIS_CRASH_DIR", dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    let id = out
        .lines()
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("SAVED ").map(str::to_string))
        .expect("child saved");
    child.kill().unwrap(); // SIGKILL: no destructors, no flush on drop
    child.wait().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    assert_eq!(
        cat.entry(EntityKind::Need, &id).unwrap().title,
        "Overlever krasj"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const GOOD: &str = r#"{"format":"kompis-bundle","version":1,
  "organisations":[{"id":"org-a","name":"Åmot Sag AS","kind":"company","municipality":"Åmot"}],
  "people":[{"id":"p-1","name":"Kari Nordmann","organisation":"org-a","consent":true}],
  "offers":[{"id":"o-1","title":"Lean i produksjon","kind":"experience","organisation":"org-a"}],
  "needs":[{"id":"n-1","title":"Hjelp med bærekraftsrapport","kind":"expertise","contact":"p-1","deadline":"2027-03-01"}],
  "matches":[{"need":"n-1","offer":"o-1","status":"contacted","note":"Møte uke 3"}]}"#;

#[test]
fn failed_import_writes_nothing() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    // Valid entities first, a broken reference last.
    let bad = GOOD.replace(r#""contact":"p-1""#, r#""contact":"p-missing""#);
    let file = write(dir.path(), "bad.json", &bad);
    let err = api::import_bundle_file(&cat, &file).unwrap_err();
    assert_eq!(
        err.to_string(),
        "need n-1: field `contact`: no person with id `p-missing` in the bundle or the catalogue"
    );
    let info = api::catalogue_info(&cat).unwrap();
    assert_eq!(
        (
            info.counts.organisations,
            info.counts.people,
            info.counts.offers
        ),
        (0, 0, 0)
    );
    assert!(cat.match_records().unwrap().is_empty());
}

#[test]
fn importing_twice_changes_nothing() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let file = write(dir.path(), "good.json", GOOD);
    let first = api::import_bundle_file(&cat, &file).unwrap();
    assert_eq!((first.organisations, first.needs, first.matches), (1, 1, 1));
    let once = cat.export().unwrap();
    api::import_bundle_file(&cat, &file).unwrap();
    let twice = cat.export().unwrap();
    assert_eq!(once.needs, twice.needs);
    assert_eq!(once.organisations, twice.organisations);
    assert_eq!(once.matches, twice.matches);
    assert_eq!(cat.count(EntityKind::Need).unwrap(), 1);
}

#[test]
fn export_import_export_gives_the_same_entities() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    let out = dir.path().join("a.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let dir2 = temp();
    let cat2 = Catalogue::open(dir2.path()).unwrap();
    api::import_bundle_file(&cat2, &out).unwrap();
    let out2 = dir2.path().join("b.json");
    api::export_bundle_file(&cat2, &out2).unwrap();
    let a = api::read_bundle(&out).unwrap();
    let b = api::read_bundle(&out2).unwrap();
    assert_eq!(a.organisations, b.organisations);
    assert_eq!(a.people, b.people);
    assert_eq!(a.offers, b.offers);
    assert_eq!(a.needs, b.needs);
    assert_eq!(a.matches, b.matches);
}

#[test]
fn export_validates_against_the_bundle_schema() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (the format's JSON Schema) is not beside the checkout");
        return;
    };
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("formats/bundle-v1.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    api::import_bundle_file(&cat, &write(dir.path(), "g.json", GOOD)).unwrap();
    let out = dir.path().join("export.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&exported)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the eval catalogue imports whole.
    let cat2_dir = temp();
    let cat2 = Catalogue::open(cat2_dir.path()).unwrap();
    let s = api::import_bundle_file(&cat2, &shared.join("eval/dev/bundle.json")).unwrap();
    assert_eq!((s.offers, s.needs), (90, 39));
}

#[test]
fn delete_moves_to_trash_and_restore_brings_back() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let saved = api::save_entry(&cat, Side::Need, need("Kurs i HMS")).unwrap();
    api::delete_entity(&cat, EntityKind::Need, saved.id.clone()).unwrap();
    assert!(!cat.exists(EntityKind::Need, &saved.id).unwrap());
    let trash = api::all_trash(&cat).unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].label, "Kurs i HMS");
    api::restore_entity(&cat, EntityKind::Need, saved.id.clone()).unwrap();
    assert_eq!(
        cat.entry(EntityKind::Need, &saved.id).unwrap().title,
        "Kurs i HMS"
    );
    assert!(api::all_trash(&cat).unwrap().is_empty());
}

#[test]
fn organisation_in_use_is_not_deleted() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let org = api::save_organisation(
        &cat,
        Organisation {
            id: String::new(),
            name: "Trysil Tre AS".into(),
            kind: OrgKind::Company,
            municipality: Some("Trysil".into()),
            org_number: None,
            website: None,
            member: Some(true),
            in_report: None,
            notes: None,
        },
    )
    .unwrap();
    let mut n = need("Rekruttering av ingeniører");
    n.organisation = Some(org.id.clone());
    n.kind = EntryKind::Position;
    let n = api::save_entry(&cat, Side::Need, n).unwrap();
    let err = api::delete_entity(&cat, EntityKind::Organisation, org.id.clone()).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("is still used by need «{}»", n.title)),
        "{err}"
    );
    assert!(cat.exists(EntityKind::Organisation, &org.id).unwrap());
}

#[test]
fn invalid_save_names_the_field_and_keeps_the_old_entry() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let saved = api::save_entry(&cat, Side::Need, need("Første tittel")).unwrap();
    let mut edit = saved.clone();
    edit.title = "   ".into();
    let err = api::save_entry(&cat, Side::Need, edit).unwrap_err();
    let ipc = kompis_core::api::wire::IpcError::from(err);
    assert_eq!(ipc.code, "invalid");
    assert_eq!(ipc.field.as_deref(), Some("title"));
    assert_eq!(
        cat.entry(EntityKind::Need, &saved.id).unwrap().title,
        "Første tittel"
    );
}

#[test]
fn list_entries_filters_and_sorts_in_norwegian_order() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    for t in [
        "Ørret i Trysil",
        "Årsregnskap",
        "Ærlig talt",
        "Zink",
        "Aluminium",
    ] {
        api::save_entry(&cat, Side::Offer, need(t)).unwrap();
    }
    let all = api::list_entries(&cat, Side::Offer, Default::default()).unwrap();
    assert_eq!(all.total, 5);
    let titles: Vec<_> = all.rows.iter().map(|r| r.entry.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Aluminium",
            "Zink",
            "Ærlig talt",
            "Ørret i Trysil",
            "Årsregnskap"
        ]
    );
    let filter = EntryQuery {
        text: Some("orret".into()),
        ..Default::default()
    };
    let hits = api::list_entries(&cat, Side::Offer, filter).unwrap();
    assert_eq!(hits.total, 1, "{hits:?}");
    assert_eq!(hits.rows[0].entry.title, "Ørret i Trysil");
    assert_eq!(hits.rows[0].marks, ["Ørret"]);
}

#[test]
fn search_finds_titles_as_typed_and_new_entries_at_once() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    let first = api::search(&cat, "bærekraft".into()).unwrap();
    assert!(!first.is_empty());
    assert!(first.len() <= 50);
    // Typed in capitals and without æøå: the same entries come back.
    let plain = api::search(&cat, "BAEREKRAFT".into()).unwrap();
    assert!(plain.iter().any(|h| h.id == first[0].id), "{plain:?}");
    // A new need is found by its title right after the save.
    let saved = api::save_entry(&cat, Side::Need, need("Snøbrøyting med droner")).unwrap();
    let hits = api::search(&cat, "snøbrøyt".into()).unwrap();
    assert_eq!(hits[0].id, saved.id);
    assert_eq!(hits[0].kind, EntityKind::Need);
    // A hit names the organisation it belongs to.
    for h in first.iter().filter(|h| h.kind != EntityKind::Organisation) {
        let org = match h.kind {
            EntityKind::Person => api::get_person(&cat, h.id.clone()).unwrap().organisation,
            EntityKind::Need => {
                api::get_entry(&cat, Side::Need, h.id.clone())
                    .unwrap()
                    .organisation
            }
            _ => {
                api::get_entry(&cat, Side::Offer, h.id.clone())
                    .unwrap()
                    .organisation
            }
        };
        let name = org.map(|o| api::get_organisation(&cat, o).unwrap().name);
        assert_eq!(h.organisation, name, "{h:?}");
    }
    assert!(first.iter().any(|h| h.organisation.is_some()), "{first:?}");
    // Words only in a description are found too, and a word no entity
    // holds finds nothing.
    let mut quiet = need("Kurs for nye ansatte");
    quiet.description = Some("Motvektstruck og sertifikat T4".into());
    let quiet = api::save_entry(&cat, Side::Need, quiet).unwrap();
    let d = api::search(&cat, "motvektstr".into()).unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        (d[0].kind, d[0].id.as_str()),
        (EntityKind::Need, quiet.id.as_str())
    );
    let d = api::search(&cat, "ingenting-som-finnes-xyz".into()).unwrap();
    assert!(d.is_empty());
}

#[test]
fn a_bundle_with_several_bad_entries_names_each_by_title_and_reads_nothing() {
    use kompis_core::api::wire::Problem;
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let file = dir.path().join("feil.json");
    std::fs::write(
        &file,
        r#"{"format":"kompis-bundle","version":1,
  "organisations":[{"id":"o-1","name":"Trysil Trelast AS","kind":"company","org_number":"12345"}],
  "needs":[
    {"id":"n-01","title":"Tørking av skurlast","kind":"expertise"},
    {"id":"n-02","title":"Rekruttering av lærlinger","kind":"expertise","deadline":"2027-02-31"},
    {"id":"n-03","title":"   ","kind":"expertise"}
  ]}"#,
    )
    .unwrap();
    let err = api::import_bundle_file(&cat, &file).unwrap_err();
    let ipc = kompis_core::IpcError::from(err);
    assert_eq!(ipc.code, "bad_entries");
    assert_eq!(ipc.count, Some(3), "all three problems, not only the first");
    let seen: Vec<_> = ipc
        .entries
        .iter()
        .map(|p| (p.label.as_deref(), p.field.as_str(), &p.problem))
        .collect();
    assert_eq!(
        seen,
        // What cannot be read first, then what breaks a rule.
        [
            (
                Some("Rekruttering av lærlinger"),
                "deadline",
                &Problem::BundleDate {
                    found: ", got a text".into()
                }
            ),
            (Some("Trysil Trelast AS"), "org_number", &Problem::OrgNumber),
            (Some("   "), "title", &Problem::Required),
        ]
    );
    assert!(
        ipc.message
            .starts_with("3 entries of the file have problems"),
        "{}",
        ipc.message
    );
    assert!(
        ipc.message.contains("need n-02: field `deadline`"),
        "{}",
        ipc.message
    );
    assert_eq!(
        api::catalogue_info(&cat).unwrap().counts.needs,
        0,
        "nothing read"
    );

    // Past twenty, the rest are counted.
    let many: Vec<String> = (0..25)
        .map(|i| format!(r#"{{"id":"n-{i}","title":"Behov {i}","kind":"sykkel"}}"#))
        .collect();
    std::fs::write(
        &file,
        format!(
            r#"{{"format":"kompis-bundle","version":1,"needs":[{}]}}"#,
            many.join(",")
        ),
    )
    .unwrap();
    let ipc = kompis_core::IpcError::from(api::import_bundle_file(&cat, &file).unwrap_err());
    assert_eq!((ipc.entries.len(), ipc.count), (20, Some(25)));
    assert!(ipc.message.contains("… and 5 more"), "{}", ipc.message);
}
