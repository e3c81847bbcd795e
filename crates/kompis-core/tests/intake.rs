//! Intake end to end on a real sled store in a temp folder, with files
//! written by real tools: encoding_rs (Windows-1252 CSV), rust_xlsxwriter,
//! LibreOffice headless (XLSX, ODS and XLS; skipped, saying so, without
//! `soffice`). Each bad input gets a sentence and leaves the catalogue as
//! it was.

use std::path::{Path, PathBuf};
use std::process::Command;

use kompis_core::api::wire::{
    ColumnChoice, IntakeAction, IntakeOptions, IntakeReview, Side, Stage,
};
use kompis_core::api::{self, Catalogue, Error};
use kompis_core::model::EntityKind;
use rust_xlsxwriter::{Formula, Workbook};

struct Setup {
    dir: tempfile::TempDir,
    cat: Catalogue,
}

fn demo() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let cat = api::open(&dir.path().join("db")).unwrap();
    api::load_demo(&cat).unwrap();
    Setup { dir, cat }
}

impl Setup {
    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The whole catalogue as JSON, without the export time.
    fn snapshot(&self) -> serde_json::Value {
        let out = self.file("snapshot.json");
        api::export_bundle_file(&self.cat, &out).unwrap();
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    }
}

fn options() -> IntakeOptions {
    IntakeOptions::default()
}

fn actions(r: &IntakeReview) -> Vec<(u32, IntakeAction, EntityKind)> {
    r.rows.iter().map(|x| (x.row, x.action, x.entity)).collect()
}

/// What a coordinator's needs list looks like, as Norwegian Excel saves it.
const NEEDS_CSV: &str = "Tittel;Beskrivelse;Stikkord;Bedrift;Org.nr.;Kontaktperson;E-post;Frist;Type\r\n\
Sveising av aluminium;Vi trenger hjelp med TIG-sveising;sveising, aluminium / TIG;Trysil Stål AS;974 760 673;Kari Ødegård;kari@trysilstal.no;1.3.27;Fagkompetanse\r\n\
Bærekraftsrapport for små bedrifter;Hjelp med ESG-rapportering;ESG;Trysil Stål AS;;Kari Ødegård;;31.12.2027;Erfaringsdeling\r\n\
\r\n\
Masteroppgave om skogsdrift;Droner i skogen;\"droner\nskog\";Åmot Sag;;;;2027-06-01;Studentoppgave\r\n";

fn write_cp1252(path: &Path, text: &str) {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn windows_1252_csv_with_semicolons_reviews_applies_and_rereads_unchanged() {
    let s = demo();
    let csv = s.file("behov.csv");
    write_cp1252(&csv, NEEDS_CSV);
    let before = s.snapshot();
    let review = api::intake_review(&s.cat, &csv, &options()).unwrap();
    assert_eq!(
        actions(&review),
        [
            (2, IntakeAction::New, EntityKind::Organisation),
            (2, IntakeAction::New, EntityKind::Person),
            (2, IntakeAction::New, EntityKind::Need),
            (3, IntakeAction::New, EntityKind::Need),
            (5, IntakeAction::New, EntityKind::Organisation),
            (5, IntakeAction::New, EntityKind::Need),
        ],
        "{review:#?}"
    );
    assert_eq!(review.rows[0].sheet, "behov");
    assert_eq!(s.snapshot(), before, "review writes nothing");

    let applied = api::intake_apply(&s.cat, &csv, &options()).unwrap();
    assert_eq!(applied.summary.new, 6);
    let orgs = api::all_organisations(&s.cat).unwrap();
    let stal = orgs.iter().find(|o| o.name == "Trysil Stål AS").unwrap();
    assert_eq!(stal.org_number.as_deref(), Some("974760673"));
    let needs = api::all_entries(&s.cat, Side::Need, Default::default()).unwrap();
    let weld = needs
        .iter()
        .find(|r| r.entry.title == "Sveising av aluminium")
        .unwrap();
    assert_eq!(weld.entry.keywords, ["sveising", "aluminium", "TIG"]);
    assert_eq!(weld.entry.deadline.unwrap().to_string(), "2027-03-01");
    assert_eq!(weld.entry.organisation.as_deref(), Some(stal.id.as_str()));
    let kari = api::get_person(&s.cat, weld.entry.contact.clone().unwrap()).unwrap();
    assert_eq!(kari.name, "Kari Ødegård");
    let thesis = needs
        .iter()
        .find(|r| r.entry.title.starts_with("Masteroppgave"))
        .unwrap();
    assert_eq!(thesis.entry.keywords, ["droner", "skog"]);

    let after = s.snapshot();
    let again = api::intake_review(&s.cat, &csv, &options()).unwrap();
    assert!(
        again
            .rows
            .iter()
            .all(|r| r.action == IntakeAction::Unchanged),
        "{again:#?}"
    );
    api::intake_apply(&s.cat, &csv, &options()).unwrap();
    assert_eq!(
        s.snapshot(),
        after,
        "re-reading the same file changes nothing"
    );
}

#[test]
fn an_edited_row_shows_old_and_new_and_a_near_identical_title_is_a_duplicate() {
    let s = demo();
    let csv = s.file("behov.csv");
    write_cp1252(&csv, NEEDS_CSV);
    api::intake_apply(&s.cat, &csv, &options()).unwrap();
    let edited = NEEDS_CSV
        .replace("Vi trenger hjelp med TIG-sveising", "TIG og MIG")
        .replace(
            "Bærekraftsrapport for små bedrifter",
            "Bærekraftrapport for små bedrifter",
        );
    write_cp1252(&csv, &edited);
    let r = api::intake_review(&s.cat, &csv, &options()).unwrap();
    let changed = r
        .rows
        .iter()
        .find(|x| x.action == IntakeAction::Changed)
        .unwrap();
    assert_eq!(changed.row, 2);
    assert_eq!(
        changed.changes.as_ref().unwrap()["description"],
        (
            Some("Vi trenger hjelp med TIG-sveising".into()),
            Some("TIG og MIG".into())
        )
    );
    let dup = r
        .rows
        .iter()
        .find(|x| x.action == IntakeAction::Duplicate)
        .unwrap();
    assert_eq!((dup.row, dup.entity), (3, EntityKind::Need));
    assert!(dup.duplicate_of.is_some());
    assert!(
        dup.message.as_ref().unwrap().contains("near-identical"),
        "{dup:?}"
    );

    let before = api::catalogue_info(&s.cat).unwrap().counts.needs;
    let skip = IntakeOptions {
        skip_duplicates: true,
        ..options()
    };
    api::intake_apply(&s.cat, &csv, &skip).unwrap();
    assert_eq!(api::catalogue_info(&s.cat).unwrap().counts.needs, before);
}

#[test]
fn a_staff_list_becomes_people_and_their_offers_and_a_shared_email_is_a_duplicate() {
    let s = demo();
    let csv = s.file("ansatte.csv");
    let existing = api::all_people(&s.cat)
        .unwrap()
        .into_iter()
        .find(|p| p.email.is_some())
        .unwrap();
    std::fs::write(
        &csv,
        format!(
            "Name,Email,Department,Fields of expertise\n\
             Ola Nordmann,ola@inn.no,Institutt for ingeniørfag,\"maskinlæring; robotikk\"\n\
             Someone Else,{},Biologi,skogøkologi\n",
            existing.email.as_deref().unwrap()
        ),
    )
    .unwrap();
    let r = api::intake_review(&s.cat, &csv, &options()).unwrap();
    assert_eq!(
        actions(&r),
        [
            (2, IntakeAction::New, EntityKind::Person),
            (2, IntakeAction::New, EntityKind::Offer),
            (3, IntakeAction::Duplicate, EntityKind::Person),
            (3, IntakeAction::New, EntityKind::Offer),
        ],
        "{r:#?}"
    );
    assert_eq!(
        r.rows[2].duplicate_of.as_deref(),
        Some(existing.id.as_str())
    );
    let skip = IntakeOptions {
        skip_duplicates: true,
        ..options()
    };
    api::intake_apply(&s.cat, &csv, &skip).unwrap();
    let offers = api::all_entries(&s.cat, Side::Offer, Default::default()).unwrap();
    let ola = offers
        .iter()
        .find(|o| o.entry.title == "maskinlæring, robotikk")
        .unwrap();
    assert_eq!(ola.entry.kind, kompis_core::model::EntryKind::Expertise);
    let eco = offers
        .iter()
        .find(|o| o.entry.title == "skogøkologi")
        .unwrap();
    assert_eq!(
        eco.entry.contact.as_deref(),
        Some(existing.id.as_str()),
        "a skipped duplicate's row points at the person it duplicates"
    );
}

#[test]
fn a_mapping_is_remembered_per_header_set() {
    let s = demo();
    let csv = s.file("liste.csv");
    std::fs::write(&csv, "Ting;Sort\nLaserskjæring av stål;Kurs\n").unwrap();
    let err = api::intake_review(&s.cat, &csv, &options())
        .unwrap_err()
        .to_string();
    assert!(err.contains("No column of sheet liste"), "{err}");
    let mapped = IntakeOptions {
        kind: Some(EntityKind::Offer),
        map: vec![
            ColumnChoice {
                header: "Ting".into(),
                field: "title".into(),
            },
            ColumnChoice {
                header: "Sort".into(),
                field: "kind".into(),
            },
        ],
        ..options()
    };
    let r = api::intake_apply(&s.cat, &csv, &mapped).unwrap();
    assert_eq!(actions(&r), [(2, IntakeAction::New, EntityKind::Offer)]);
    let remembered = IntakeOptions {
        kind: Some(EntityKind::Offer),
        ..options()
    };
    let again = api::intake_review(&s.cat, &csv, &remembered).unwrap();
    assert_eq!(
        actions(&again),
        [(2, IntakeAction::Unchanged, EntityKind::Offer)]
    );
    let m = api::intake_mapping(&s.cat, &csv, &remembered).unwrap();
    assert_eq!(m.tables[0].columns[0].field.as_deref(), Some("title"));
    assert_eq!(m.tables[0].preview[0][0], "Laserskjæring av stål");

    let bad = IntakeOptions {
        map: vec![ColumnChoice {
            header: "Ting".into(),
            field: "tittel".into(),
        }],
        ..options()
    };
    let err = api::intake_review(&s.cat, &csv, &bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("there is no field tittel"), "{err}");
}

#[test]
fn xlsx_from_rust_xlsxwriter_with_formulas_merged_cells_and_dates() {
    let s = demo();
    let path = s.file("tilbud.xlsx");
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notater").unwrap();
    notes.write(0, 0, "Dette arket er bare notater").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Tilbud").unwrap();
    sheet
        .merge_range(0, 0, 0, 3, "Kompetansetilbud 2027", &Default::default())
        .unwrap();
    for (i, h) in ["Tittel", "Stikkord", "Organisasjon", "Org.nr."]
        .iter()
        .enumerate()
    {
        sheet.write(2, i as u16, *h).unwrap();
    }
    sheet.write(3, 0, "Kurs i lean").unwrap();
    sheet
        .write_formula(
            3,
            1,
            Formula::new("=\"lean\"&\", \"&\"5S\"").set_result("lean, 5S"),
        )
        .unwrap();
    sheet.write(3, 2, "Elverum Lean AS").unwrap();
    sheet.write(3, 3, 974760673).unwrap();
    book.save(&path).unwrap();

    let r = api::intake_review(&s.cat, &path, &options()).unwrap();
    assert_eq!(
        r.rows
            .iter()
            .map(|x| (x.sheet.as_str(), x.row, x.action, x.entity))
            .collect::<Vec<_>>(),
        [
            ("Tilbud", 4, IntakeAction::New, EntityKind::Organisation),
            ("Tilbud", 4, IntakeAction::New, EntityKind::Offer),
        ],
        "{r:#?}"
    );
    api::intake_apply(&s.cat, &path, &options()).unwrap();
    let offers = api::all_entries(&s.cat, Side::Offer, Default::default()).unwrap();
    let lean = offers
        .iter()
        .find(|o| o.entry.title == "Kurs i lean")
        .unwrap();
    assert_eq!(
        lean.entry.keywords,
        ["lean", "5S"],
        "a formula is read as its value"
    );
}

/// Convert `from` with LibreOffice headless into `to_ext` beside it.
fn soffice(from: &Path, to_ext: &str) -> Option<PathBuf> {
    if Command::new("soffice").arg("--version").output().is_err() {
        println!("skipped: soffice (LibreOffice) is not installed");
        return None;
    }
    let dir = from.parent().unwrap();
    let profile = dir.join("lo-profile");
    let mut cmd = Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .arg("--headless");
    if from.extension().is_some_and(|e| e == "csv") {
        // `;` separated, `"` quoted, UTF-8, from line 1.
        cmd.arg("--infilter=CSV:59,34,76,1");
    }
    let out = cmd
        .args(["--convert-to", to_ext, "--outdir"])
        .arg(dir)
        .arg(from)
        .output()
        .unwrap();
    let target = from.with_extension(to_ext);
    assert!(
        target.exists(),
        "soffice did not write {}: {}",
        target.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(target)
}

#[test]
fn xlsx_ods_and_xls_written_by_libreoffice_read_like_the_csv() {
    let s = demo();
    let csv = s.file("behov.csv");
    // LibreOffice reads UTF-8 CSV by default; the rows are the same.
    std::fs::write(&csv, NEEDS_CSV).unwrap();
    let from_csv = api::intake_review(&s.cat, &csv, &options()).unwrap();
    for ext in ["xlsx", "ods", "xls"] {
        let Some(book) = soffice(&csv, ext) else {
            return;
        };
        let r = api::intake_review(&s.cat, &book, &options()).unwrap();
        assert_eq!(actions(&r), actions(&from_csv), "{ext}: {r:#?}");
        assert_eq!(r.rows[0].sheet, "behov", "{ext}");
    }
    let ods = s.file("behov.ods");
    api::intake_apply(&s.cat, &ods, &options()).unwrap();
    let again = api::intake_review(&s.cat, &csv, &options()).unwrap();
    assert!(
        again
            .rows
            .iter()
            .all(|r| r.action == IntakeAction::Unchanged),
        "the CSV finds what the ODS saved: {again:#?}"
    );
}

#[test]
fn a_bundle_goes_through_the_same_review() {
    let s = demo();
    let out = s.file("b.json");
    api::export_bundle_file(&s.cat, &out).unwrap();
    let mut b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    b["needs"][0]["title"] = "En ny tittel".into();
    let mut copy = b["offers"][0].clone();
    copy["id"] = "o-new".into();
    b["offers"].as_array_mut().unwrap().push(copy);
    std::fs::write(&out, b.to_string()).unwrap();
    let r = api::intake_review(&s.cat, &out, &options()).unwrap();
    assert_eq!(r.summary.changed, 1, "{:#?}", r.summary);
    assert_eq!(r.summary.duplicate, 1);
    let changed = r
        .rows
        .iter()
        .find(|x| x.action == IntakeAction::Changed)
        .unwrap();
    assert_eq!((changed.sheet.as_str(), changed.row), ("needs", 1));
    assert_eq!(
        changed.changes.as_ref().unwrap()["title"].1.as_deref(),
        Some("En ny tittel")
    );
    let skip = IntakeOptions {
        skip_duplicates: true,
        ..options()
    };
    api::intake_apply(&s.cat, &out, &skip).unwrap();
    assert!(api::get_entry(&s.cat, Side::Offer, "o-new".into()).is_err());
}

/// Each bad input: a sentence, and the catalogue as it was.
fn refused(s: &Setup, path: &Path, expect: &str) {
    let before = s.snapshot();
    let review = api::intake_review(&s.cat, path, &options());
    let apply = api::intake_apply(&s.cat, path, &options());
    let err = apply.expect_err("apply must refuse").to_string();
    assert!(err.contains(expect), "expected {expect:?} in: {err}");
    if let Ok(r) = review {
        assert!(r.summary.error > 0, "{r:#?}");
    }
    assert_eq!(s.snapshot(), before, "{}", path.display());
}

#[test]
fn bad_inputs_each_get_a_sentence_and_change_nothing() {
    let s = demo();
    let f = |name: &str, bytes: &[u8]| {
        let p = s.file(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    refused(&s, &f("tom.csv", b""), "is empty");
    refused(&s, &f("blank.csv", b"\n\n ; \n"), "is empty");
    refused(
        &s,
        &f("header.csv", b"Tittel;Beskrivelse\n"),
        "has a header row but no rows",
    );
    refused(
        &s,
        &f("bilde.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        "is not a table",
    );
    refused(
        &s,
        &f("falsk.xlsx", b"Tittel;Beskrivelse\nA;B\n"),
        "is not a spreadsheet file",
    );
    refused(
        &s,
        &f("zip.xlsx", b"PK\x03\x04garbage"),
        "Could not read the spreadsheet",
    );
    let long = format!("Tittel;Beskrivelse\nKort tittel;{}\n", "x".repeat(100_000));
    let p = f("behov-lang.csv", long.as_bytes());
    refused(
        &s,
        &p,
        "Sheet behov-lang, row 2, column Beskrivelse: is 100000 characters long; at most 50000",
    );
    let long_title = format!("Tittel;Frist\n{};\n", "å".repeat(100_000));
    refused(
        &s,
        &f("behov-lang2.csv", long_title.as_bytes()),
        "column Tittel: is 100000 characters long; at most 300",
    );
    let many: Vec<String> = (0..60).map(|i| format!("ord{i}")).collect();
    let kw = format!("Tittel;Stikkord;Frist\nA;{};\n", many.join(","));
    refused(
        &s,
        &f("behov-ord.csv", kw.as_bytes()),
        "has 60 keywords; at most 50",
    );
    let huge_header = format!("{};Z\nA;B\n", "x".repeat(100_000));
    let p = f("hode.csv", huge_header.as_bytes());
    refused(&s, &p, "No column of sheet hode is one Kompis knows");
    let err = api::intake_review(&s.cat, &p, &options())
        .unwrap_err()
        .to_string();
    assert!(
        err.len() < 1_000,
        "a sentence, not the cell: {} bytes",
        err.len()
    );
    refused(
        &s,
        &f("ukjent.csv", b"Tittel;Beskrivelse\nA;B\n"),
        "cannot tell whether its rows are needs or offers",
    );
}

#[test]
fn fifty_thousand_rows_are_reviewed_and_one_bad_row_refuses_them_all() {
    let s = demo();
    let mut text = String::from("Tittel;Beskrivelse;Bedrift;Type\n");
    for i in 0..50_000 {
        text.push_str(&format!(
            "Behov nummer {i};Beskrivelse {i};Bedrift {};Kurs\n",
            i % 500
        ));
    }
    text.push_str("Siste;x;Bedrift 1;Sykkel\n");
    let p = s.file("store-behov.csv");
    std::fs::write(&p, &text).unwrap();
    let started = std::time::Instant::now();
    let opts = IntakeOptions {
        kind: Some(EntityKind::Need),
        ..options()
    };
    let before = s.snapshot();
    // Watched from another thread, as the page asks while it waits.
    let (r, seen) = std::thread::scope(|scope| {
        let review = scope.spawn(|| api::intake_review(&s.cat, &p, &opts));
        let mut seen = Vec::new();
        while !review.is_finished() {
            seen.push(api::intake_progress(&s.cat).unwrap());
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        (review.join().unwrap().unwrap(), seen)
    });
    let reviewing: Vec<_> = seen
        .iter()
        .filter(|p| p.stage == Stage::Reviewing)
        .collect();
    assert!(
        reviewing
            .iter()
            .any(|p| p.total == 50_001 && p.done > 0 && p.done < p.total),
        "the review reported rows done of 50,001 as it went ({} samples, last {:?})",
        seen.len(),
        seen.last()
    );
    assert!(
        reviewing.windows(2).all(|w| w[0].done <= w[1].done),
        "rows done only grow"
    );
    assert_eq!(
        api::intake_progress(&s.cat).unwrap().stage,
        Stage::Idle,
        "idle once done"
    );
    assert_eq!(r.summary.new, 50_000 + 500);
    assert_eq!(r.summary.error, 1);
    let err = api::intake_apply(&s.cat, &p, &opts).unwrap_err();
    assert!(
        matches!(err, Error::IntakeRefused { errors: 1, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("row 50002, column Type"), "{err}");
    assert_eq!(s.snapshot(), before);
    println!(
        "50,000 rows: review and refused apply in {:?}",
        started.elapsed()
    );
}

#[test]
fn a_form_from_a_newer_kompis_and_a_copied_hidden_id_are_refused() {
    let s = demo();
    let org = api::all_organisations(&s.cat).unwrap()[0].clone();
    let form = s.file("skjema.xlsx");
    api::intake_form(&s.cat, Some(&org.id), Default::default(), &form).unwrap();
    let r = api::intake_review(&s.cat, &form, &options()).unwrap();
    assert!(
        r.summary.unchanged > 0 && r.summary.new + r.summary.changed + r.summary.error == 0,
        "{r:#?}"
    );

    // A newer form: the same workbook with the marker's version raised.
    let newer = s.file("nyere.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Behov")
        .unwrap()
        .write(0, 0, "Tittel")
        .unwrap()
        .write(1, 0, "A")
        .unwrap();
    let meta = book.add_worksheet();
    meta.set_name("_kompis").unwrap();
    meta.write(0, 0, "kompis-registration-form").unwrap();
    meta.write(0, 1, 2).unwrap();
    meta.set_hidden(true);
    book.save(&newer).unwrap();
    refused(
        &s,
        &newer,
        "is a registration workbook of form version 2; this Kompis reads up to version 1",
    );

    // Two rows with the same hidden id.
    let need = api::all_entries(&s.cat, Side::Need, Default::default())
        .unwrap()
        .into_iter()
        .find(|r| r.entry.organisation.as_deref() == Some(&org.id))
        .unwrap();
    let copied = s.file("kopi.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Behov").unwrap();
    for (i, h) in ["ID", "Tittel", "Type"].iter().enumerate() {
        sheet.write(0, i as u16, *h).unwrap();
    }
    for row in [1, 2] {
        sheet.write(row, 0, &need.entry.id).unwrap();
        sheet.write(row, 1, format!("Kopi {row}")).unwrap();
        sheet.write(row, 2, "Kurs").unwrap();
    }
    let meta = book.add_worksheet();
    meta.set_name("_kompis").unwrap();
    meta.write(0, 0, "kompis-registration-form").unwrap();
    meta.write(0, 1, 1).unwrap();
    meta.write(1, 0, "organisation").unwrap();
    meta.write(1, 1, &org.id).unwrap();
    meta.set_hidden(true);
    book.save(&copied).unwrap();
    refused(
        &s,
        &copied,
        "Sheet Behov, row 3, column ID: has the same hidden id",
    );
}

#[test]
fn a_row_the_coordinator_skips_is_read_as_if_it_were_not_there() {
    let s = demo();
    let csv = s.file("behov.csv");
    write_cp1252(&csv, NEEDS_CSV);
    let skip = IntakeOptions {
        skip: vec![kompis_core::api::wire::IntakeRowRef {
            sheet: "behov".into(),
            row: 2,
        }],
        ..options()
    };
    let r = api::intake_apply(&s.cat, &csv, &skip).unwrap();
    assert!(r.rows.iter().all(|x| x.row != 2), "{r:#?}");
    let needs = api::all_entries(&s.cat, Side::Need, Default::default()).unwrap();
    assert!(!needs
        .iter()
        .any(|n| n.entry.title == "Sveising av aluminium"));
    let sustain = needs
        .iter()
        .find(|n| n.entry.title.starts_with("Bærekraftsrapport"))
        .unwrap();
    let org = api::get_organisation(&s.cat, sustain.entry.organisation.clone().unwrap()).unwrap();
    assert_eq!(
        org.name, "Trysil Stål AS",
        "row 3 makes the organisation row 2 would have"
    );
}

#[test]
fn a_row_repeating_an_earlier_row_of_the_file_is_a_duplicate_of_it() {
    let s = demo();
    let csv = s.file("behov.csv");
    std::fs::write(
        &csv,
        "Tittel;Bedrift;Frist\nKurs i sveising;Trysil Stål AS;1.3.27\nKURS I SVEISING;trysil stål as;1.3.27\n",
    )
    .unwrap();
    let r = api::intake_review(&s.cat, &csv, &options()).unwrap();
    let dup = r.rows.last().unwrap();
    assert_eq!(
        (dup.row, dup.action),
        (3, IntakeAction::Duplicate),
        "{r:#?}"
    );
    assert!(
        dup.message.as_ref().unwrap().contains("sheet behov, row 2"),
        "{dup:?}"
    );
    assert_eq!(r.summary.new, 2, "one organisation, one need: {r:#?}");
}

#[test]
fn a_registration_workbook_saved_again_by_libreoffice_reads_back_unchanged() {
    let s = demo();
    let org = api::all_organisations(&s.cat)
        .unwrap()
        .into_iter()
        .find(|o| o.id == "org-trysil-tre")
        .unwrap_or_else(|| api::all_organisations(&s.cat).unwrap()[0].clone());
    let form = s.file("skjema.xlsx");
    let summary = api::intake_form(&s.cat, Some(&org.name), Default::default(), &form).unwrap();
    assert_eq!(
        summary.organisation.as_deref(),
        Some(org.id.as_str()),
        "found by name"
    );
    let Some(ods) = soffice(&form, "ods") else {
        return;
    };
    let r = api::intake_review(&s.cat, &ods, &options()).unwrap();
    assert!(!r.rows.is_empty());
    assert!(
        r.rows.iter().all(|x| x.action == IntakeAction::Unchanged),
        "{r:#?}"
    );
}

#[test]
fn an_error_row_carries_each_column_problem_typed_for_the_window() {
    use kompis_core::api::wire::{CellProblem, Problem};
    let s = demo();
    let p = s.file("feil.csv");
    std::fs::write(
        &p,
        "Tittel;Bedrift;Org.nr.;Frist\nTørking;Trysil Trelast AS;974 760 674;31.02.2027\n",
    )
    .unwrap();
    let opts = IntakeOptions {
        kind: Some(EntityKind::Need),
        ..options()
    };
    let r = api::intake_review(&s.cat, &p, &opts).unwrap();
    let row = r
        .rows
        .iter()
        .find(|r| r.action == IntakeAction::Error)
        .expect("an error row");
    assert_eq!(
        row.problems,
        [
            CellProblem {
                column: "Org.nr.".into(),
                problem: Problem::OrgNumberCheck {
                    text: "974 760 674".into()
                },
            },
            CellProblem {
                column: "Frist".into(),
                problem: Problem::NotADate {
                    text: "31.02.2027".into()
                },
            },
        ]
    );
    let message = row.message.as_deref().unwrap_or_default();
    assert!(
        message.contains("column Org.nr.: \"974 760 674\" is not a valid organisation number"),
        "{message}"
    );
    assert!(
        message.contains("; column Frist: expected a date"),
        "{message}"
    );
}
