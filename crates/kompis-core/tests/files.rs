//! Files are chosen on the Rust side: a command asks the shell's picker and
//! hands out a one-time handle; the commands that read or write take only
//! handles. The picker here stands for the person in the dialog: it answers
//! with the file it was told to choose, and records what it was asked.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use kompis_core::api::{self, wire::*, Catalogue};

#[derive(Default)]
struct Person {
    answers: Mutex<Vec<Option<PathBuf>>>,
    asked: Mutex<Vec<PickRequest>>,
}

impl FilePicker for Person {
    fn pick(&self, request: &PickRequest) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(request.clone());
        self.answers.lock().unwrap().remove(0)
    }
}

fn setup() -> (tempfile::TempDir, Catalogue, Arc<Person>) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(&dir.path().join("catalogue")).unwrap();
    let person = Arc::new(Person::default());
    api::set_file_picker(&cat, person.clone());
    (dir, cat, person)
}

fn request(purpose: FilePurpose, suggested: Option<&str>) -> FileRequest {
    FileRequest {
        purpose,
        title: "Velg fil".into(),
        filter_name: "Kompis-katalog".into(),
        suggested_name: suggested.map(str::to_string),
    }
}

#[test]
fn an_export_goes_to_the_chosen_file_and_its_handle_works_once() {
    let (dir, cat, person) = setup();
    api::load_demo(&cat).unwrap();
    let out = dir.path().join("ut").join("katalog");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    person.answers.lock().unwrap().push(Some(out.clone()));

    let choice = api::choose_file(
        &cat,
        request(FilePurpose::ExportBundle, Some("kompis.json")),
    )
    .unwrap()
    .expect("the person chose a file");
    // The extension the dialog's filter stands for is added; only the name
    // reaches the webview.
    assert_eq!(choice.name, "katalog.json");
    assert!(choice.handle.len() >= 32 && !choice.handle.contains('/'));
    let asked = person.asked.lock().unwrap()[0].clone();
    assert!(!asked.open);
    assert_eq!(asked.extensions, ["json"]);
    assert_eq!(asked.suggested_name.as_deref(), Some("kompis.json"));

    let summary = api::export_bundle(&cat, choice.handle.clone()).unwrap();
    assert!(summary.offers > 0);
    let written = out.with_extension("json");
    assert!(api::read_bundle(&written).is_ok(), "a bundle was written");

    let again = api::export_bundle(&cat, choice.handle).unwrap_err();
    assert_eq!(again.code(), "file_choice");
    assert!(
        again.to_string().contains("choose the file again"),
        "{again}"
    );

    // The next dialog for the same purpose starts in the folder used last.
    person.answers.lock().unwrap().push(None);
    let cancelled = api::choose_file(&cat, request(FilePurpose::ExportBundle, None)).unwrap();
    assert!(cancelled.is_none());
    assert_eq!(
        person.asked.lock().unwrap()[1].folder.as_deref(),
        out.parent()
    );
}

#[test]
fn a_handle_is_used_only_for_what_it_was_chosen_for() {
    let (dir, cat, person) = setup();
    let target = dir.path().join("overwrite-me.json");
    std::fs::write(&target, "keep").unwrap();
    person.answers.lock().unwrap().push(Some(target.clone()));
    let import = api::choose_file(&cat, request(FilePurpose::IntakeTable, None))
        .unwrap()
        .unwrap();
    assert!(person.asked.lock().unwrap()[0].open);

    let wrong = api::export_bundle(&cat, import.handle.clone()).unwrap_err();
    assert_eq!(wrong.code(), "file_choice");
    assert!(wrong.to_string().contains("read a table in"), "{wrong}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");

    let sheet = SheetRequest {
        format: SheetFormat::Pdf,
        separator: None,
        layout: None,
        scope: SheetScope::All,
        lang: SheetLang::Nb,
    };
    let wrong = api::export_sheet(&cat, sheet, import.handle).unwrap_err();
    assert_eq!(wrong.code(), "file_choice");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
}

#[test]
fn a_path_or_a_made_up_handle_is_refused_and_nothing_is_written() {
    let (dir, cat, _person) = setup();
    let path = dir.path().join("x.json");
    for attempt in [path.display().to_string(), "0".repeat(32), String::new()] {
        let err = api::export_bundle(&cat, attempt.clone()).unwrap_err();
        assert_eq!(err.code(), "file_choice", "{attempt}");
        let err = api::apply_intake(&cat, attempt.clone(), IntakeOptions::default()).unwrap_err();
        assert_eq!(err.code(), "file_choice", "{attempt}");
    }
    assert!(!path.exists());
}

#[test]
fn a_suggested_name_with_a_folder_or_a_huge_title_is_refused_before_the_dialog() {
    let (_dir, cat, person) = setup();
    for name in ["../../.bashrc", "/etc/passwd", "a/b.json", ""] {
        let err =
            api::choose_file(&cat, request(FilePurpose::ExportBundle, Some(name))).unwrap_err();
        assert_eq!(err.code(), "invalid", "{name}");
        assert_eq!(err.field(), Some("suggestedName"));
    }
    let mut huge = request(FilePurpose::IntakeTable, None);
    huge.title = "x".repeat(10_000);
    let err = api::choose_file(&cat, huge).unwrap_err();
    assert_eq!(err.field(), Some("title"));
    assert!(
        person.asked.lock().unwrap().is_empty(),
        "no dialog was opened"
    );
}

#[test]
fn without_a_dialog_the_preview_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    let err = api::choose_file(&cat, request(FilePurpose::IntakeTable, None)).unwrap_err();
    assert_eq!(err.code(), "no_file_dialog");
    assert!(err.to_string().contains("desktop app"), "{err}");
}

#[test]
fn an_import_error_never_echoes_the_file() {
    let (dir, cat, person) = setup();
    let secret = "SECRET-4711-do-not-show";
    let files = [
        format!("root:x:0:0:{secret}:/root:/bin/bash\n"),
        format!(r#"{{"format":"{secret}","version":1}}"#),
        format!(r#"{{"format":"kompis-bundle","version":1,"needs":"{secret}"}}"#),
        format!(
            r#"{{"format":"kompis-bundle","version":1,"needs":[{{"id":"n-1","title":"T","kind":"{secret}"}}]}}"#
        ),
        format!(
            r#"{{"format":"kompis-bundle","version":1,"needs":[{{"id":"n-1","title":"T","kind":"expertise","deadline":"{secret}"}}]}}"#
        ),
        format!(
            r#"{{"format":"kompis-bundle","version":1,"needs":[{{"id":"{secret} with spaces","title":"T","kind":"expertise","deadline":7}}]}}"#
        ),
        format!(
            r#"{{"format":"kompis-bundle","version":1,"offers":[{{"id":"o-1","title":"T","kind":"expertise","{secret}":1}}]}}"#
        ),
    ];
    for (i, text) in files.iter().enumerate() {
        let file = dir.path().join(format!("f{i}.json"));
        std::fs::write(&file, text).unwrap();
        person.answers.lock().unwrap().push(Some(file));
        let choice = api::choose_file(&cat, request(FilePurpose::IntakeTable, None))
            .unwrap()
            .unwrap();
        let review = api::review_intake(&cat, choice.handle.clone(), IntakeOptions::default());
        if let Err(err) = review {
            let ipc = IpcError::from(err);
            assert!(!ipc.message.contains("SECRET"), "file {i}: {}", ipc.message);
        }
        match api::apply_intake(&cat, choice.handle, IntakeOptions::default()) {
            Ok(_) => {} // a file the format accepts (unknown keys may be ignored)
            Err(err) => {
                let ipc = IpcError::from(err);
                assert!(!ipc.message.contains("SECRET"), "file {i}: {}", ipc.message);
                assert!(ipc.message.len() < 400, "file {i}: {}", ipc.message);
            }
        }
    }
    assert_eq!(api::catalogue_info(&cat).unwrap().counts.needs, 0);
}

#[test]
fn a_dropped_file_is_read_in_through_its_handle_and_the_review() {
    let (dir, cat, person) = setup();
    let table = dir.path().join("behov.csv");
    std::fs::write(
        &table,
        "Tittel;Bedrift;Type\nSveising av aluminium;Rena Aluminium AS;Fagkompetanse\n",
    )
    .unwrap();
    let dropped = api::grant_dropped_file(&cat, table);
    assert_eq!(dropped.name, "behov.csv");
    assert!(
        person.asked.lock().unwrap().is_empty(),
        "no dialog for a drop"
    );
    let review =
        api::review_intake(&cat, dropped.handle.clone(), IntakeOptions::default()).unwrap();
    assert_eq!(review.summary.error, 0, "{:?}", review.rows);
    assert!(review.summary.new >= 1);
    assert_eq!(
        api::catalogue_info(&cat).unwrap().counts.needs,
        0,
        "the review wrote nothing"
    );
    api::apply_intake(&cat, dropped.handle.clone(), IntakeOptions::default()).unwrap();
    assert_eq!(api::catalogue_info(&cat).unwrap().counts.needs, 1);
    let used = api::apply_intake(&cat, dropped.handle, IntakeOptions::default()).unwrap_err();
    assert_eq!(used.code(), "file_choice");
}
