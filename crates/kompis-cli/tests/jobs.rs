//! `kompis jobs`: the contract the checks use, on the example network in a
//! temp catalogue, with the job sheet read back through pdftotext
//! (poppler-utils) and calamine.
//!
//! Map: `list_*`, `seeker_*` (add, refused without consent, erase),
//! `match_*`, `sheet_*`, `no_consent_*` (never named in any export).

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Reader, Xlsx};
use common::{json, kompis, refused, stdout};
use serde_json::Value;

/// The example network in a temp catalogue.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    (dir, db)
}

fn add_welder(db: &Path) -> String {
    stdout(kompis(db).args([
        "jobs",
        "seeker",
        "add",
        "--name",
        "Kari Sveen",
        "--consent",
        "yes",
        "--education",
        "Fagbrev som sveiser",
        "--experience",
        "Åtte år med sveising av stål og aluminium, MIG/MAG",
        "--fields",
        "7,Operatører",
        "--lives",
        "Elverum",
        "--commute",
        "45",
    ]))
    .trim()
    .to_string()
}

fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian: poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Every cell of every sheet, as text.
fn xlsx_text(path: &Path) -> String {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the XLSX");
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                out.push_str(&cell.to_string());
                out.push('\t');
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn list_json_has_id_title_organisation_and_municipality() {
    let (_dir, db) = demo();
    let list = json(kompis(&db).args(["jobs", "list", "--json"]));
    let rows = list.as_array().expect("a list");
    assert!(rows.len() >= 15, "{}", rows.len());
    for r in rows {
        for key in ["id", "title", "organisation", "municipality"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
    }
    // The seasonal food job is past its deadline: not listed.
    assert!(rows.iter().all(|r| r["id"] != "o-48"));
    let trysil = json(kompis(&db).args(["jobs", "list", "--municipality", "Trysil", "--json"]));
    let trysil = trysil.as_array().unwrap();
    assert!(!trysil.is_empty());
    assert!(
        trysil.iter().all(|r| r["municipality"] == "Trysil"),
        "{trysil:?}"
    );
    let by_code = json(kompis(&db).args(["jobs", "list", "--field", "7", "--json"]));
    let by_name = json(kompis(&db).args(["jobs", "list", "--field", "Håndverkere", "--json"]));
    assert_eq!(by_code, by_name);
    assert!(by_code
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["field"] == "7"));
    let err = refused(kompis(&db).args(["jobs", "list", "--field", "bakers"]));
    assert!(err.contains("no occupation field"), "{err}");
    let table = stdout(kompis(&db).args(["jobs", "list"]));
    assert!(table.contains("Sveiser med sertifikat"), "{table}");
}

#[test]
fn seeker_add_prints_the_id_and_refuses_no_consent() {
    let (_dir, db) = demo();
    assert_eq!(add_welder(&db), "js-01");
    let out = json(kompis(&db).args([
        "jobs",
        "seeker",
        "add",
        "--name",
        "Per Haugen",
        "--consent",
        "yes",
        "--json",
    ]));
    assert_eq!(out, serde_json::json!({"id": "js-02"}));
    let err = refused(kompis(&db).args([
        "jobs",
        "seeker",
        "add",
        "--name",
        "Nora Nei",
        "--consent",
        "no",
    ]));
    assert!(
        err.contains("a job seeker is stored only with their consent"),
        "{err}"
    );
    let err = refused(kompis(&db).args([
        "jobs",
        "seeker",
        "add",
        "--name",
        "Nora Nei",
        "--consent",
        "no",
        "--json",
    ]));
    assert!(err.contains("consent"), "{err}");
    let list = json(kompis(&db).args(["jobs", "seeker", "list", "--json"]));
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["seeker"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kari Sveen", "Per Haugen"]);
}

#[test]
fn match_json_is_the_contract_shape() {
    let (_dir, db) = demo();
    let id = add_welder(&db);
    let out = json(kompis(&db).args(["jobs", "match", "--seeker", &id, "--top", "5", "--json"]));
    assert_eq!(out["seeker"], Value::from(id.clone()));
    let matches = out["matches"].as_array().unwrap();
    assert!(!matches.is_empty() && matches.len() <= 5);
    assert_eq!(
        matches[0]["offer"], "o-72",
        "the welding vacancy first: {out}"
    );
    let mut last = f64::INFINITY;
    for m in matches {
        assert!(m["offer"].is_string());
        let score = m["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score) && score <= last, "{m}");
        last = score;
        let reasons = m["reasons"].as_array().unwrap();
        assert!(
            !reasons.is_empty() && reasons.iter().all(Value::is_string),
            "{m}"
        );
        if let Some(minutes) = m.get("commute_minutes") {
            assert!(minutes.is_u64(), "{m}");
        }
    }
    let rena = matches
        .iter()
        .find(|m| m["municipality"] == "Åmot")
        .expect("a vacancy at Rena");
    assert_eq!(rena["commute_minutes"], 35);
    assert!(rena["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "Within commuting distance: 35 min from Elverum to Åmot"));
    let plain = stdout(kompis(&db).args(["jobs", "match", "--seeker", &id]));
    assert!(plain.contains("o-72"), "{plain}");
    let err = refused(kompis(&db).args(["jobs", "match", "--seeker", "js-99"]));
    assert!(err.contains("job seeker js-99 does not exist"), "{err}");
}

#[test]
fn sheet_writes_the_job_market_and_a_package_as_pdf_and_xlsx() {
    let (dir, db) = demo();
    let id = add_welder(&db);
    stdout(kompis(&db).args(["jobs", "region", "--set", "Seks kommuner langs Glomma."]));
    let pdf = dir.path().join("stillinger.pdf");
    let out = stdout(kompis(&db).args(["jobs", "sheet", "--out"]).arg(&pdf));
    assert!(out.contains("vacancies"), "{out}");
    let text = pdf_text(&pdf);
    for want in [
        "Ledige stillinger i nettverket",
        "Seks kommuner langs Glomma.",
        "Håndverkere",
        "Sveiser med sertifikat",
        "Søknadsfrist 01.02.2027",
    ] {
        assert!(text.contains(want), "{want:?} missing:\n{text}");
    }
    let xlsx = dir.path().join("stillinger.xlsx");
    stdout(kompis(&db).args(["jobs", "sheet", "--out"]).arg(&xlsx));
    let cells = xlsx_text(&xlsx);
    assert!(cells.contains("Sveiser med sertifikat"), "{cells}");
    assert!(cells.contains("Grundset Plateverk AS"));
    let package = dir.path().join("pakke.pdf");
    stdout(
        kompis(&db)
            .args(["jobs", "sheet", "--seeker", &id, "--out"])
            .arg(&package),
    );
    let text = pdf_text(&package);
    assert!(text.contains("Jobbpakke for Kari Sveen"), "{text}");
    assert!(text.contains("Hvorfor"), "{text}");
    let package = dir.path().join("package.xlsx");
    stdout(
        kompis(&db)
            .args(["jobs", "sheet", "--lang", "en", "--seeker", &id, "--out"])
            .arg(&package),
    );
    assert!(xlsx_text(&package).contains("Job package for Kari Sveen"));
    let err = refused(
        kompis(&db)
            .args(["jobs", "sheet", "--out"])
            .arg(dir.path().join("x.csv")),
    );
    assert!(err.contains(".pdf or .xlsx"), "{err}");
}

#[test]
fn no_consent_means_never_named_in_any_export_and_erase_is_final() {
    let (dir, db) = demo();
    refused(kompis(&db).args([
        "jobs",
        "seeker",
        "add",
        "--name",
        "Nora Nei",
        "--consent",
        "no",
        "--fields",
        "7",
        "--lives",
        "Elverum",
    ]));
    let id = add_welder(&db);
    let exports = |tag: &str| -> Vec<String> {
        let bundle = dir.path().join(format!("{tag}.json"));
        stdout(kompis(&db).arg("export").arg("--out").arg(&bundle));
        let mut texts = vec![std::fs::read_to_string(&bundle).unwrap()];
        for name in ["jobs.pdf", "jobs.xlsx"] {
            let path = dir.path().join(format!("{tag}-{name}"));
            stdout(kompis(&db).args(["jobs", "sheet", "--out"]).arg(&path));
            texts.push(if name.ends_with("pdf") {
                pdf_text(&path)
            } else {
                xlsx_text(&path)
            });
        }
        texts.push(stdout(
            kompis(&db).args(["jobs", "seeker", "list", "--json"]),
        ));
        texts
    };
    for text in exports("before") {
        assert!(!text.contains("Nora"), "{text}");
    }
    assert!(exports("before")[0].contains("Kari Sveen"));
    let out = stdout(kompis(&db).args(["jobs", "seeker", "erase", &id]));
    assert!(out.contains(&id), "{out}");
    for text in exports("after") {
        assert!(
            !text.contains("Kari Sveen") && !text.contains("Nora"),
            "{text}"
        );
    }
    let trash = json(kompis(&db).args(["trash", "--json"]));
    assert_eq!(trash, serde_json::json!([]));
    refused(kompis(&db).args(["jobs", "match", "--seeker", &id]));
    refused(kompis(&db).args(["jobs", "seeker", "erase", &id]));
}

#[test]
fn reopen_brings_a_closed_vacancy_back() {
    let (_dir, db) = demo();
    let closed = json(kompis(&db).args(["jobs", "list", "--closed", "--json"]));
    let o48 = closed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "o-48")
        .expect("kept, marked closed");
    assert_eq!(o48["closed"], true);
    stdout(kompis(&db).args(["jobs", "reopen", "o-48"]));
    let open = json(kompis(&db).args(["jobs", "list", "--json"]));
    assert!(open.as_array().unwrap().iter().any(|r| r["id"] == "o-48"));
}
