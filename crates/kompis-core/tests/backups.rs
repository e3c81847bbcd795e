//! Rolling backups on a real sled store in a temp folder: written beside
//! the catalogue, only when it changed, pruned to the newest ten plus one a
//! day, restored into a new folder and never into one in use; the whole
//! catalogue checked, and a broken reference found.

use kompis_core::api::{self, Catalogue};
use kompis_core::model::{EntityKind, Entry};

fn demo() -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(&dir.path().join("katalog")).unwrap();
    api::load_demo(&cat).unwrap();
    (dir, cat)
}

#[test]
fn a_backup_is_written_beside_the_catalogue_only_when_it_changed() {
    let (dir, cat) = demo();
    let first = api::backup_if_changed(&cat)
        .unwrap()
        .expect("the first one is written");
    assert_eq!(first.folder, dir.path().join("backups").to_string_lossy());
    assert!(first.file.starts_with("katalog-") && first.file.ends_with(".kompis.json"));
    assert!(
        api::backup_if_changed(&cat).unwrap().is_none(),
        "nothing changed"
    );
    let mut entry: Entry = cat.entry(EntityKind::Need, "n-01").unwrap();
    entry.title = "Hjelp med bærekraftsrapporten for 2027".into();
    cat.put_entry(EntityKind::Need, &entry).unwrap();
    let second = api::backup_if_changed(&cat)
        .unwrap()
        .expect("a change is backed up");
    let text =
        std::fs::read_to_string(std::path::Path::new(&second.folder).join(&second.file)).unwrap();
    assert!(text.contains("bærekraftsrapporten for 2027"));
    assert!(
        text.contains("\"history\""),
        "the matches' history is in the backup"
    );
    assert_eq!(api::list_backups(&cat).unwrap().len(), 2);
}

#[test]
fn old_backups_are_pruned_to_ten_plus_one_a_day() {
    let (dir, cat) = demo();
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    // Twelve from one day 40 days ago and one a day for the last 20 days
    // but today, written by an earlier run; and a file that is not ours.
    let today = chrono::Local::now().date_naive();
    let stamp = |days: i64, n: u32| {
        let d = today - chrono::Duration::days(days);
        format!("katalog-{}-10{:02}00.kompis.json", d.format("%Y%m%d"), n)
    };
    for n in 0..12 {
        std::fs::write(folder.join(stamp(40, n)), "{}").unwrap();
    }
    for days in 1..=20 {
        std::fs::write(folder.join(stamp(days, 0)), "{}").unwrap();
    }
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    api::backup_now(&cat).unwrap();
    let left = api::list_backups(&cat).unwrap();
    // Today's, then the 20 daily ones (all within 30 days); the 40-day-old
    // day is outside both the newest ten and the 30 days.
    assert_eq!(left.len(), 21, "{left:#?}");
    assert!(left.iter().all(|b| !b.file.contains(
        &(today - chrono::Duration::days(40))
            .format("%Y%m%d")
            .to_string()
    )));
    assert!(
        folder.join("notes.txt").exists(),
        "other files are left alone"
    );
}

#[test]
fn a_backup_restores_into_a_new_folder_only() {
    let (dir, cat) = demo();
    let b = api::backup_now(&cat).unwrap();
    let file = std::path::Path::new(&b.folder).join(&b.file);
    let to = dir.path().join("restored");
    let s = api::restore_backup_file(&file, &to).unwrap();
    assert_eq!(s.needs, 25);
    let restored = Catalogue::open(&to).unwrap();
    assert_eq!(
        api::check_catalogue(&restored).unwrap(),
        api::check_catalogue(&cat).unwrap(),
        "the same counts, and whole"
    );
    drop(restored);
    let err = api::restore_backup_file(&file, &to).unwrap_err();
    assert_eq!(err.code(), "not_empty");
    assert!(err.to_string().contains("new folder"), "{err}");
}

#[test]
fn the_check_finds_a_missing_record_and_one_that_does_not_read() {
    let (dir, cat) = demo();
    let report = api::check_catalogue(&cat).unwrap();
    assert!(report.ok, "{:?}", report.problems);
    let contact = cat
        .entry(EntityKind::Offer, "o-01")
        .unwrap()
        .contact
        .expect("o-01 has a contact");
    drop(cat);
    // Damage the store the way a crash or a disk might: a record gone, and
    // one that is not JSON.
    let db = sled::open(dir.path().join("katalog")).unwrap();
    db.remove(format!("person:{contact}")).unwrap();
    db.insert("need:n-99", &b"\x00not json"[..]).unwrap();
    db.flush().unwrap();
    drop(db);
    let cat = Catalogue::open(&dir.path().join("katalog")).unwrap();
    let report = api::check_catalogue(&cat).unwrap();
    assert!(!report.ok);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p == &format!("offer o-01 names contact {contact}, who is not there")),
        "{:?}",
        report.problems
    );
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.starts_with("the needs cannot be read")),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_damaged_catalogue_is_refused_and_its_newest_backup_restored_beside_it() {
    let (dir, cat) = demo();
    api::backup_now(&cat).unwrap();
    let contact = cat
        .entry(EntityKind::Offer, "o-01")
        .unwrap()
        .contact
        .unwrap();
    drop(cat);
    let folder = dir.path().join("katalog");
    let db = sled::open(&folder).unwrap();
    db.remove(format!("person:{contact}")).unwrap();
    db.flush().unwrap();
    drop(db);
    let before = std::fs::read_dir(&folder).unwrap().count();

    let err = api::open_checked(&folder)
        .err()
        .expect("a damaged catalogue is refused");
    assert_eq!(err.code(), "damaged");
    assert!(api::backup_can_mend(&err));
    assert!(err.to_string().contains("is damaged"), "{err}");
    let to = api::restore_newest_backup(&folder).unwrap();
    assert!(to
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("katalog-gjenopprettet-"));
    let restored = api::open_checked(&to).expect("the restored catalogue is whole");
    assert_eq!(restored.person(&contact).unwrap().id, contact);
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        before,
        "nothing was written into the damaged folder"
    );
}
