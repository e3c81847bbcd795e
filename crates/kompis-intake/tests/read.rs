//! Reading files as tables and records, on files written by
//! rust_xlsxwriter and by the crate's own registration workbook.

use std::path::Path;

use kompis_intake::form::{self, FormContent, FormEntry, FormLang};
use kompis_intake::{field::Overrides, read, records, IntakeError};
use kompis_model::{EntityKind, Entry, EntryKind, OrgKind, Organisation, Person};
use rust_xlsxwriter::{Formula, Workbook};

fn records_of(path: &Path, kind: Option<EntityKind>) -> Vec<kompis_intake::Record> {
    let source = read(path).unwrap();
    let plans = records::plan(&source, &|_| Overrides::default(), kind).unwrap();
    records::records(&source, &plans)
}

#[test]
fn a_registration_workbook_reads_back_with_its_ids_and_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let org = Organisation {
        id: "org-a".into(),
        name: "Åmot Sag AS".into(),
        kind: OrgKind::Company,
        municipality: Some("Åmot".into()),
        org_number: Some("974760673".into()),
        website: None,
        member: Some(true),
        in_report: None,
        notes: None,
    };
    let person = Person {
        id: "p-1".into(),
        name: "Kari Ødegård".into(),
        email: Some("kari@sag.no".into()),
        phone: None,
        organisation: Some("org-a".into()),
        role: Some("Daglig leder".into()),
        consent: Some(true),
        notes: None,
        ..Default::default()
    };
    let need = Entry {
        id: "n-1".into(),
        title: "Tørking av tømmer".into(),
        kind: EntryKind::StudentProject,
        description: Some("Masteroppgave".into()),
        keywords: vec!["CAD/CAM".into(), "tre".into()],
        organisation: Some("org-a".into()),
        contact: Some("p-1".into()),
        language: None,
        created_at: None,
        updated_at: None,
        active: None,
        deadline: chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
        vacancy: None,
    };
    for lang in [FormLang::Nb, FormLang::En] {
        let content = FormContent {
            lang,
            organisation: Some(org.clone()),
            people: vec![person.clone()],
            needs: vec![FormEntry {
                entry: need.clone(),
                contact_name: Some(person.name.clone()),
            }],
            offers: Vec::new(),
            municipalities: vec!["Elverum".into(), "Åmot".into()],
        };
        let path = dir.path().join(format!("{lang:?}.xlsx"));
        std::fs::write(&path, form::workbook(&content).unwrap()).unwrap();
        let source = read(&path).unwrap();
        let info = source.form.clone().unwrap();
        assert_eq!(
            (info.version, info.organisation.as_deref()),
            (form::VERSION, Some("org-a"))
        );
        let recs = records_of(&path, None);
        let kinds: Vec<EntityKind> = recs.iter().map(|r| r.target).collect();
        assert_eq!(
            kinds,
            [
                EntityKind::Organisation,
                EntityKind::Person,
                EntityKind::Need
            ],
            "{lang:?}"
        );
        let n = recs[2].entry.as_ref().unwrap();
        assert_eq!(n.id.as_deref(), Some("n-1"));
        assert_eq!(n.kind, Some(EntryKind::StudentProject));
        assert_eq!(n.keywords, ["CAD/CAM", "tre"], "a form keeps CAD/CAM whole");
        assert_eq!(
            n.deadline, need.deadline,
            "a date cell comes back as the date"
        );
        assert_eq!(
            recs[2].organisation.as_ref().unwrap().id.as_deref(),
            Some("org-a")
        );
        assert_eq!(
            recs[2].person.as_ref().unwrap().name.as_deref(),
            Some("Kari Ødegård")
        );
        assert_eq!(recs[1].person.as_ref().unwrap().consent, Some(true));
        assert_eq!(
            recs[0].organisation.as_ref().unwrap().org_number.as_deref(),
            Some("974760673")
        );
        assert!(recs.iter().all(|r| r.problems.is_empty()), "{recs:#?}");
    }
}

#[test]
fn hidden_sheets_are_left_out_and_formulas_read_as_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let mut book = Workbook::new();
    // The first sheet is the active one, which a workbook cannot hide.
    let sheet = book.add_worksheet();
    sheet.set_name("Tilbud").unwrap();
    sheet.write(0, 0, "Tittel").unwrap();
    sheet.write(0, 1, "Frist").unwrap();
    sheet
        .write_formula(
            1,
            0,
            Formula::new("=\"Kurs\"&\" i lean\"").set_result("Kurs i lean"),
        )
        .unwrap();
    sheet.write(1, 1, "#DIV/0!").unwrap();
    let hidden = book.add_worksheet();
    hidden.set_name("Skjult").unwrap();
    hidden.write(0, 0, "Tittel").unwrap();
    hidden.write(1, 0, "Hemmelig").unwrap();
    hidden.set_hidden(true);
    book.save(&path).unwrap();
    let source = read(&path).unwrap();
    assert_eq!(source.tables.len(), 1);
    let recs = records_of(&path, None);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].row, 2);
    assert_eq!(
        recs[0].entry.as_ref().unwrap().title.as_deref(),
        Some("Kurs i lean")
    );
    assert!(
        recs[0].problems[0]
            .what
            .to_string()
            .contains("expected a date"),
        "{recs:?}"
    );
}

#[test]
fn a_text_file_named_xlsx_and_a_damaged_zip_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("fake.xlsx");
    std::fs::write(&fake, "Tittel\nA\n").unwrap();
    assert!(matches!(read(&fake), Err(IntakeError::NotATable { .. })));
    let zip = dir.path().join("zip.ods");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x00\x00broken").unwrap();
    let err = read(&zip).unwrap_err().to_string();
    assert!(err.starts_with("Could not read the spreadsheet"), "{err}");
}
