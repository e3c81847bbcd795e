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

#[test]
fn a_second_folder_gets_every_backup_and_is_pruned_by_the_same_rule() {
    let (dir, cat) = demo();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    // An earlier run's backups on the stick, 40 days old, and a file of the person's.
    let old = chrono::Local::now().date_naive() - chrono::Duration::days(40);
    for n in 0..12 {
        let name = format!("katalog-{}-10{n:02}00.kompis.json", old.format("%Y%m%d"));
        std::fs::write(usb.join(name), "{}").unwrap();
    }
    std::fs::write(usb.join("bilder.txt"), "mine").unwrap();
    let view = api::set_second_backup_folder(&cat, Some(&usb)).unwrap();
    assert_eq!(view.second.as_deref(), Some(usb.to_str().unwrap()));
    let copy = view.second_copy.expect("choosing it writes a backup there");
    assert_eq!(copy.failed, None, "{copy:?}");
    let written = view.last.expect("and beside the catalogue");
    let on_stick = usb.join(&written.file);
    assert_eq!(
        std::fs::read(&on_stick).unwrap(),
        std::fs::read(dir.path().join("backups").join(&written.file)).unwrap(),
        "the same backup in both folders"
    );
    // The stick was pruned like the folder beside the catalogue: ten kept.
    let on_usb = |f: &std::path::Path| {
        std::fs::read_dir(f)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".kompis.json"))
            .count()
    };
    assert_eq!(on_usb(&usb), 10);
    assert!(
        usb.join("bilder.txt").exists(),
        "other files are left alone"
    );
    // The list names both folders' backups and which folder each is in.
    let list = api::list_backups(&cat).unwrap();
    assert_eq!(list.iter().filter(|b| b.second).count(), 10);
    assert_eq!(list.iter().filter(|b| !b.second).count(), 1);
    assert!(list
        .iter()
        .filter(|b| b.second)
        .all(|b| b.folder == usb.to_string_lossy()));
    // Restore from the stick's copy.
    let to = dir.path().join("fra-pinnen");
    let s = api::restore_backup_file(&on_stick, &to).unwrap();
    assert_eq!(s.needs, 25);
    // Forgetting the folder stops the copies; its backups stay.
    let view = api::set_second_backup_folder(&cat, None).unwrap();
    assert_eq!(view.second, None);
    api::backup_now(&cat).unwrap();
    assert_eq!(on_usb(&usb), 10);
}

#[test]
fn a_missing_or_unwritable_second_folder_does_not_stop_the_backup_beside_the_catalogue() {
    let (dir, cat) = demo();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    api::set_second_backup_folder(&cat, Some(&usb)).unwrap();
    // The stick is pulled out.
    std::fs::remove_dir_all(&usb).unwrap();
    let b = api::backup_now(&cat).expect("the backup beside the catalogue is written");
    assert!(std::path::Path::new(&b.folder).join(&b.file).exists());
    let copy = api::settings(&cat).unwrap().second_copy.unwrap();
    let reason = copy.failed.expect("the failure is kept as a sentence");
    assert!(reason.contains("not there"), "{reason}");
    assert!(!usb.exists(), "the missing folder is not made");
    // A "folder" that cannot be written into (a file stands there).
    std::fs::write(&usb, "a file, not a folder").unwrap();
    api::backup_now(&cat).unwrap();
    assert!(api::settings(&cat)
        .unwrap()
        .second_copy
        .unwrap()
        .failed
        .is_some());
    // Back in: the next backup reaches it and the failure is gone.
    std::fs::remove_file(&usb).unwrap();
    std::fs::create_dir(&usb).unwrap();
    api::backup_now(&cat).unwrap();
    assert_eq!(
        api::settings(&cat).unwrap().second_copy.unwrap().failed,
        None
    );
    // The catalogue's own folders are refused as the second one.
    let err = api::set_second_backup_folder(&cat, Some(&dir.path().join("backups"))).unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
}

#[test]
fn the_second_folder_is_kept_with_the_catalogue_through_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let db = dir.path().join("katalog");
    {
        let cat = Catalogue::open(&db).unwrap();
        api::set_second_backup_folder(&cat, Some(&usb)).unwrap();
    }
    let cat = Catalogue::open(&db).unwrap();
    let view = api::settings(&cat).unwrap();
    assert_eq!(view.second.as_deref(), Some(usb.to_str().unwrap()));
    assert!(!view.can_choose, "no shell here to choose a catalogue");
    assert_eq!(view.second_copy, None, "nothing tried yet in this session");
    api::backup_if_changed(&cat)
        .unwrap()
        .expect("written on open");
    assert!(api::list_backups(&cat).unwrap().iter().any(|b| b.second));
}

#[test]
fn choosing_the_catalogue_folder_keeps_it_in_the_app_settings_and_refuses_other_files() {
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let settings_file = dir.path().join("config").join("settings.json");
    let cat = Catalogue::open(&dir.path().join("katalog")).unwrap();
    let reopened = Arc::new(AtomicU32::new(0));
    let count = reopened.clone();
    let launch = api::launch(Some(dir.path().join("katalog")), settings_file.clone());
    let launch = api::Launch {
        fixed_by: None,
        ..launch
    };
    api::set_app_shell(
        &cat,
        launch,
        Arc::new(move || {
            count.fetch_add(1, Ordering::SeqCst);
        }),
    );
    struct Picks(std::sync::Mutex<Vec<std::path::PathBuf>>);
    impl api::wire::FilePicker for Picks {
        fn pick(&self, r: &api::wire::PickRequest) -> Option<std::path::PathBuf> {
            assert!(r.pick_folder);
            self.0.lock().unwrap().pop()
        }
    }
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    std::fs::write(papers.join("budsjett.xlsx"), "x").unwrap();
    let empty = dir.path().join("ny");
    std::fs::create_dir(&empty).unwrap();
    api::set_file_picker(
        &cat,
        Arc::new(Picks(std::sync::Mutex::new(vec![empty.clone(), papers]))),
    );
    let choose = || {
        api::choose_file(
            &cat,
            api::wire::FileRequest {
                purpose: api::wire::FilePurpose::CatalogueFolder,
                title: "Velg katalog".into(),
                filter_name: String::new(),
                suggested_name: None,
            },
        )
        .unwrap()
        .unwrap()
        .handle
    };
    let err = api::set_catalogue(&cat, choose()).unwrap_err();
    assert_eq!(err.code(), "not_a_catalogue", "{err}");
    assert_eq!(reopened.load(Ordering::SeqCst), 0);
    assert!(!settings_file.exists(), "nothing kept on a refusal");
    let change = api::set_catalogue(&cat, choose()).unwrap();
    assert!(change.created && change.reopening, "{change:?}");
    assert_eq!(reopened.load(Ordering::SeqCst), 1);
    let kept = api::load_app_settings(&settings_file).unwrap();
    assert_eq!(kept.catalogue.as_deref(), Some(empty.as_path()));
    // The next start without --db opens it.
    if std::env::var_os(api::ENV_DB).is_none() {
        assert_eq!(api::launch(None, settings_file).catalogue, empty);
    }
}
