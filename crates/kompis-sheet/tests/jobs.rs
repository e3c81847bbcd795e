//! The job sheet read back through real readers: pdftotext (poppler-utils)
//! for the PDF, calamine for the XLSX.
//!
//! Map: `pdf_*` (title, region text, grouping by field, terms, deadline,
//! contacts by consent, a package's ranking and why), `xlsx_*`,
//! `package_*` (a job seeker named only with consent), `empty_*`.

mod readers;

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;
use kompis_model::{Consent, EntryKind, JobReason, JobSeeker, Person, Vacancy};
use kompis_sheet::{write_job_sheet, JobSheetInput, JobSheetVacancy, ReportFormat, SheetLang};
use readers::{pdf_text, squash};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn person(id: &str, name: &str, role: &str, consent: bool) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        email: Some(format!("{id}@example.no")),
        phone: Some("+47 900 00 000".into()),
        organisation: None,
        role: Some(role.into()),
        consent: Some(consent),
        notes: None,
        ..Default::default()
    }
}

fn vacancy(id: &str, title: &str, field: Option<&str>, contact: Person) -> JobSheetVacancy {
    JobSheetVacancy {
        id: id.into(),
        title: title.into(),
        kind: EntryKind::Position,
        description: Some(format!("Om stillingen {title}.")),
        organisation: Some("Grundset Plateverk AS".into()),
        municipality: Some("Elverum".into()),
        vacancy: Vacancy {
            field: field.map(Into::into),
            percent: Some(80),
            permanent: Some(true),
            apply_by: Some(day(2027, 1, 15)),
            link: Some("https://example.no/jobb".into()),
            ..Vacancy::default()
        },
        contact: Some(contact),
        score: None,
        reasons: Vec::new(),
        commute_minutes: None,
    }
}

/// A market of three vacancies in two fields; one contact without consent.
fn market(lang: SheetLang) -> JobSheetInput {
    JobSheetInput {
        network_name: "Industrinettverket i Elverumsregionen".into(),
        date: day(2026, 12, 1),
        lang,
        region_text: Some("Seks kommuner langs Glomma og Trysilelva.".into()),
        filter: None,
        vacancies: vec![
            vacancy(
                "o-72",
                "Sveiser med sertifikat",
                Some("7"),
                person("p-1", "Trond Hagen", "Produksjonssjef", true),
            ),
            vacancy(
                "o-33",
                "Prosessingeniør",
                Some("2"),
                person("p-2", "Hemmelig Person", "HR-leder", false),
            ),
            vacancy(
                "o-63",
                "CNC-operatør",
                Some("7"),
                person("p-3", "Stian Myrvang", "Verkstedleder", true),
            ),
        ],
        seeker: None,
    }
}

/// A package for a job seeker (consent as given).
fn package(lang: SheetLang, consent: bool) -> JobSheetInput {
    let mut input = market(lang);
    input.vacancies.truncate(1);
    let v = &mut input.vacancies[0];
    v.score = Some(0.87);
    v.commute_minutes = Some(35);
    v.reasons = vec![
        JobReason::FieldFits { code: "7".into() },
        JobReason::CommuteWithin {
            from: "Åmot".into(),
            to: "Elverum".into(),
            minutes: 35,
            max: Some(45),
        },
    ];
    input.seeker = Some(JobSeeker {
        id: "js-07".into(),
        name: "Kari Sveen".into(),
        consent: Consent {
            given: consent,
            date: Some(day(2026, 11, 20)),
            how: None,
        },
        lives: Some("Åmot".into()),
        max_commute: Some(45),
        fields: vec!["7".into()],
        ..JobSeeker::default()
    });
    input
}

fn write(input: &JobSheetInput, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let format = ReportFormat::from_path(&path).unwrap();
    let s = write_job_sheet(input, format, &path).expect("the job sheet is written");
    assert_eq!(s.vacancies as usize, input.vacancies.len());
    path
}

fn rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the XLSX");
    let range = wb.worksheet_range(sheet).expect("the sheet is there");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    Data::DateTime(d) => d
                        .as_datetime()
                        .map_or_else(|| d.to_string(), |t| t.date().to_string()),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn pdf_lists_the_vacancies_by_field_with_terms_deadline_and_contact() {
    let dir = tempfile::tempdir().unwrap();
    let text = squash(&pdf_text(&write(
        &market(SheetLang::Nb),
        dir.path(),
        "jobb.pdf",
    )));
    for want in [
        "Ledige stillinger i nettverket",
        "Seks kommuner langs Glomma og Trysilelva.",
        "Akademiske yrker (1)",
        "Håndverkere (2)",
        "Deltid 80 % · Fast · Søknadsfrist 15.01.2027",
        "Trond Hagen, Produksjonssjef",
        "Les mer: https://example.no/jobb",
        "HR-leder, Grundset Plateverk AS",
    ] {
        assert!(text.contains(want), "{want:?} missing in:\n{text}");
    }
    // Academic professions (2) come before craft (7).
    assert!(text.find("Akademiske yrker").unwrap() < text.find("Håndverkere").unwrap());
    assert!(
        !text.contains("Hemmelig"),
        "a contact without consent is named"
    );
    assert!(!text.contains("p-2@example.no"));
}

#[test]
fn pdf_in_english_has_english_labels() {
    let dir = tempfile::tempdir().unwrap();
    let text = squash(&pdf_text(&write(
        &market(SheetLang::En),
        dir.path(),
        "jobs.pdf",
    )));
    for want in [
        "Open positions in the network",
        "Craft and related trades (2)",
        "Part time 80 % · Permanent · Apply by 15.01.2027",
        "About the region",
    ] {
        assert!(text.contains(want), "{want:?} missing in:\n{text}");
    }
}

#[test]
fn package_ranks_with_why_and_names_a_consenting_seeker() {
    let dir = tempfile::tempdir().unwrap();
    let text = squash(&pdf_text(&write(
        &package(SheetLang::Nb, true),
        dir.path(),
        "pakke.pdf",
    )));
    for want in [
        "Jobbpakke for Kari Sveen",
        "1. Sveiser med sertifikat",
        "87 %",
        "I et fagfelt du ønsker: håndverkere",
        "Innenfor pendleavstand: 35 min fra Åmot til Elverum",
        "45 min hver vei",
    ] {
        assert!(text.contains(want), "{want:?} missing in:\n{text}");
    }
}

#[test]
fn package_never_names_a_seeker_without_consent() {
    let dir = tempfile::tempdir().unwrap();
    let input = package(SheetLang::Nb, false);
    let pdf = squash(&pdf_text(&write(&input, dir.path(), "pakke.pdf")));
    assert!(pdf.contains("Jobbpakke for jobbsøker js-07"), "{pdf}");
    let xlsx = write(&input, dir.path(), "pakke.xlsx");
    for sheet in ["Stillinger", "Om"] {
        let all = format!("{:?}", rows(&xlsx, sheet));
        assert!(!all.contains("Kari"), "{sheet}: {all}");
    }
    assert!(!pdf.contains("Kari"), "{pdf}");
}

#[test]
fn xlsx_has_one_row_per_vacancy_with_dates_and_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&market(SheetLang::Nb), dir.path(), "jobb.xlsx");
    let table = rows(&path, "Stillinger");
    assert_eq!(table.len(), 4, "{table:?}");
    let header = &table[0];
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    assert_eq!(table[1][col("ID")], "o-33", "grouped by field: 2 before 7");
    assert_eq!(table[1][col("Fagfelt")], "Akademiske yrker");
    assert_eq!(table[2][col("Tittel")], "Sveiser med sertifikat");
    assert_eq!(table[2][col("Stillingsprosent")], "80");
    assert_eq!(table[2][col("Type")], "Deltid 80 %, Fast");
    assert!(
        table[2][col("Søknadsfrist")].starts_with("2027-01-15"),
        "{:?}",
        table[2]
    );
    assert!(table[2][col("Kontakt")].starts_with("Trond Hagen, Produksjonssjef, p-1@example.no"));
    assert_eq!(table[1][col("Kontakt")], "HR-leder, Grundset Plateverk AS");
    let about = rows(&path, "Om");
    assert!(about
        .iter()
        .any(|r| r.first().map(String::as_str) == Some("Om regionen")));
}

#[test]
fn xlsx_package_has_rank_match_minutes_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&package(SheetLang::En, true), dir.path(), "package.xlsx");
    let table = rows(&path, "Positions");
    let header = &table[0];
    assert_eq!(&header[..3], ["Rank", "Match", "Driving (min)"]);
    assert_eq!(table[1][0], "1");
    assert_eq!(table[1][2], "35");
    let why = header.iter().position(|h| h == "Why").unwrap();
    assert!(table[1][why].contains("Within commuting distance: 35 min from Åmot to Elverum"));
}

#[test]
fn empty_sheets_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = market(SheetLang::Nb);
    input.vacancies.clear();
    let text = squash(&pdf_text(&write(&input, dir.path(), "tom.pdf")));
    assert!(
        text.contains("Ingen ledige stillinger akkurat nå."),
        "{text}"
    );
    let mut input = package(SheetLang::En, true);
    input.vacancies.clear();
    let text = squash(&pdf_text(&write(&input, dir.path(), "empty.pdf")));
    assert!(text.contains("No open position fits yet"), "{text}");
}
