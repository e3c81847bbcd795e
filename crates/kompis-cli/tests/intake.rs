//! `kompis intake` end to end: the JSON contract of `review`, `apply`
//! refusing rows in error, and registration workbooks written by
//! `kompis intake form`, filled by openpyxl (skipped, saying so, where
//! Python has no openpyxl) and read back through review and apply.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

fn counts(db: &Path) -> Value {
    json(kompis(db).args(["info", "--json"]))["counts"].clone()
}

/// A demo catalogue in a temp folder.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    (dir, db)
}

/// The review's JSON has exactly the issue's shape.
fn assert_contract(review: &Value) {
    let top: Vec<&str> = review
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, ["rows", "summary"]);
    let summary: Vec<&str> = review["summary"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = vec!["new", "changed", "unchanged", "duplicate", "error"];
    let mut got = summary.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want);
    for row in review["rows"].as_array().unwrap() {
        let o = row.as_object().unwrap();
        for k in o.keys() {
            assert!(
                [
                    "sheet",
                    "row",
                    "action",
                    "entity",
                    "id",
                    "duplicate_of",
                    "changes",
                    "message"
                ]
                .contains(&k.as_str()),
                "unexpected key {k} in {row}"
            );
        }
        assert!(
            row["sheet"].is_string() && row["row"].as_u64().unwrap() >= 1,
            "{row}"
        );
        assert!(["new", "changed", "unchanged", "duplicate", "error"]
            .contains(&row["action"].as_str().unwrap()));
        assert!(
            ["need", "offer", "person", "organisation"].contains(&row["entity"].as_str().unwrap())
        );
        if let Some(changes) = row.get("changes") {
            for (_, pair) in changes.as_object().unwrap() {
                assert_eq!(pair.as_array().unwrap().len(), 2, "[old, new]: {row}");
            }
        }
    }
}

fn rows_of<'a>(review: &'a Value, sheet: &str) -> Vec<&'a Value> {
    review["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["sheet"] == sheet)
        .collect()
}

#[test]
fn every_intake_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["form", "review", "apply"] {
        let text = stdout(kompis(dir.path()).args(["intake", cmd, "--help"]));
        assert!(text.contains("--db"), "{cmd}: {text}");
    }
}

#[test]
fn review_prints_the_contract_and_apply_refuses_rows_in_error() {
    let (dir, db) = demo();
    let csv = dir.path().join("behov.csv");
    std::fs::write(
        &csv,
        "Tittel;Bedrift;Frist;Type\nKurs i sveising;Trysil Stål AS;1.3.27;Kurs\nUten dato;Trysil Stål AS;32.13.2027;Kurs\n",
    )
    .unwrap();
    let before = counts(&db);
    let review = json(
        kompis(&db)
            .args(["intake", "review"])
            .arg(&csv)
            .arg("--json"),
    );
    assert_contract(&review);
    assert_eq!(review["summary"]["error"], 1);
    let error = &review["rows"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (error["row"].as_u64(), error["action"].as_str()),
        (Some(3), Some("error"))
    );
    assert!(
        error["message"].as_str().unwrap().contains("column Frist"),
        "{error}"
    );

    let out = kompis(&db)
        .args(["intake", "apply"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nothing was saved") && stderr.contains("Sheet behov, row 3, column Frist"),
        "{stderr}"
    );
    assert_eq!(counts(&db), before, "a refused apply writes nothing");

    std::fs::write(
        &csv,
        "Tittel;Bedrift;Frist;Type\nKurs i sveising;Trysil Stål AS;1.3.27;Kurs\n",
    )
    .unwrap();
    let text = stdout(kompis(&db).args(["intake", "apply"]).arg(&csv));
    assert!(text.contains("Saved 2 new"), "{text}");
    let again = json(
        kompis(&db)
            .args(["intake", "apply"])
            .arg(&csv)
            .arg("--json"),
    );
    assert_eq!(again["summary"]["unchanged"], 1, "{again}");
    assert_eq!(again["summary"]["new"], 0);
}

#[test]
fn map_and_kind_options() {
    let (dir, db) = demo();
    let csv = dir.path().join("liste.csv");
    std::fs::write(&csv, "Ting,Sort\nLaserskjæring,Kurs\n").unwrap();
    let out = kompis(&db)
        .args(["intake", "review"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--map"));
    let review = json(kompis(&db).args(["intake", "review"]).arg(&csv).args([
        "--kind",
        "offer",
        "--map",
        "Ting=title",
        "--map",
        "Sort=kind",
        "--json",
    ]));
    assert_contract(&review);
    assert_eq!(review["rows"][0]["entity"], "offer");
    assert_eq!(review["rows"][0]["action"], "new");
}

/// A Python with openpyxl, or `None` (the test says it skips).
fn python() -> Option<&'static str> {
    for py in ["python3", "/usr/bin/python3"] {
        let ok = Process::new(py)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(py);
        }
    }
    println!("skipped: no python3 with openpyxl (apt-get install python3-openpyxl)");
    None
}

fn run_python(py: &str, script: &str, args: &[&Path]) -> String {
    let out = Process::new(py)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Edit the workbook as a contact would: change a need's description, add a
/// need under the last row, delete the offer row, add a person with an
/// e-mail already in the catalogue.
const FILL: &str = r#"
import sys, openpyxl
path, email = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
assert wb["_kompis"].sheet_state == "hidden"
needs = wb["Behov"]
assert needs.column_dimensions["A"].hidden
assert [c.value for c in needs[1]][:3] == ["ID", "Tittel", "Type"]
assert any("B2:B" in str(v.sqref) or "C2:C" in str(v.sqref) for v in needs.data_validations.dataValidation)
assert any("Kontaktpersoner" in str(v.formula1) for v in needs.data_validations.dataValidation)
assert needs.column_dimensions["D"].width >= 50
assert needs["A1"].comment is None and needs["B1"].comment is not None
needs["D2"] = "Ny beskrivelse skrevet i regnearket"
needs.append([None, "Hjelp med varmegjenvinning", "Fagkompetanse", "Fra ovnene", "energi, varme", None, None])
wb["Tilbud"].delete_rows(2)
people = wb["Kontaktpersoner"]
people.append([None, "Ny Person", email, "123", "Daglig leder", "Ja"])
wb.save(path)
"#;

#[test]
fn a_registration_workbook_filled_by_openpyxl_comes_back_as_edits() {
    let (dir, db) = demo();
    let orgs = json(kompis(&db).args(["list", "organisations", "--json"]));
    let org = orgs[0]["id"].as_str().unwrap().to_string();
    let form = dir.path().join("skjema.xlsx");
    let text = stdout(
        kompis(&db)
            .args(["intake", "form", "--organisation", &org, "--out"])
            .arg(&form),
    );
    assert!(text.contains(&org), "{text}");
    let untouched = json(
        kompis(&db)
            .args(["intake", "review"])
            .arg(&form)
            .arg("--json"),
    );
    assert_contract(&untouched);
    assert_eq!(
        untouched["summary"]["unchanged"].as_u64(),
        Some(untouched["rows"].as_array().unwrap().len() as u64)
    );

    let Some(py) = python() else { return };
    let people = json(kompis(&db).args(["list", "people", "--json"]));
    let other = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["organisation"] != org.as_str() && p["email"].is_string())
        .unwrap();
    let email = Path::new(other["email"].as_str().unwrap());
    run_python(py, FILL, &[&form, email]);
    let offers_before = counts(&db)["offers"].clone();

    let review = json(
        kompis(&db)
            .args(["intake", "review"])
            .arg(&form)
            .arg("--json"),
    );
    assert_contract(&review);
    let needs = rows_of(&review, "Behov");
    assert_eq!(needs[0]["action"], "changed", "{review}");
    assert_eq!(
        needs[0]["changes"]["description"][1],
        "Ny beskrivelse skrevet i regnearket"
    );
    assert_eq!(
        (needs[1]["row"].as_u64(), needs[1]["action"].as_str()),
        (Some(3), Some("new"))
    );
    assert!(
        rows_of(&review, "Tilbud").is_empty(),
        "the deleted row is not in the file"
    );
    let dup = rows_of(&review, "Kontaktpersoner")
        .into_iter()
        .find(|r| r["action"] == "duplicate")
        .unwrap();
    assert_eq!(dup["duplicate_of"], other["id"]);

    let text = stdout(
        kompis(&db)
            .args(["intake", "apply"])
            .arg(&form)
            .arg("--skip-duplicates"),
    );
    assert!(text.contains("1 new and 1 changed"), "{text}");
    assert_eq!(
        counts(&db)["offers"],
        offers_before,
        "a deleted row deletes nothing"
    );
    let needs = json(kompis(&db).args(["list", "needs", "--json"]));
    let new = needs
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["title"] == "Hjelp med varmegjenvinning")
        .unwrap();
    assert_eq!(new["organisation"], org.as_str());
    assert_eq!(new["keywords"], serde_json::json!(["energi", "varme"]));
    let again = json(
        kompis(&db)
            .args(["intake", "review"])
            .arg(&form)
            .arg("--json"),
    );
    assert_eq!(
        again["summary"]["new"], 0,
        "re-reading changes nothing: {again}"
    );
    assert_eq!(again["summary"]["changed"], 0, "{again}");
}

const FILL_BLANK: &str = r#"
import sys, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
assert wb.sheetnames == ["Instructions", "Organisation", "Contact people", "Needs", "Offers", "_kompis"], wb.sheetnames
org = wb["Organisation"]
org["B2"] = "Nytt Firma AS"
org["C2"] = "974 760 673"
org["D2"] = "Trysil"
wb["Contact people"].append([None, "Eva Ny", "eva@nytt.no", None, "CEO", "Yes"])
wb["Needs"].append([None, "Help with welding", "Expertise", None, "welding", "2027-05-01", "Eva Ny"])
wb.save(path)
"#;

#[test]
fn a_blank_english_workbook_brings_a_new_member() {
    let (dir, db) = demo();
    let form = dir.path().join("blank.xlsx");
    let text = stdout(
        kompis(&db)
            .args(["intake", "form", "--blank", "--lang", "en", "--out"])
            .arg(&form),
    );
    assert!(text.contains("blank"), "{text}");
    let Some(py) = python() else { return };
    run_python(py, FILL_BLANK, &[&form]);
    let review = json(
        kompis(&db)
            .args(["intake", "review"])
            .arg(&form)
            .arg("--json"),
    );
    assert_contract(&review);
    assert_eq!(review["summary"]["new"], 3, "{review}");
    assert_eq!(review["summary"]["error"], 0);
    stdout(kompis(&db).args(["intake", "apply"]).arg(&form));
    let orgs = json(kompis(&db).args(["list", "organisations", "--json"]));
    let firm = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Nytt Firma AS")
        .unwrap();
    assert_eq!(firm["org_number"], "974760673");
    let needs = json(kompis(&db).args(["list", "needs", "--json"]));
    let need = needs
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["title"] == "Help with welding")
        .unwrap();
    assert_eq!(need["organisation"], firm["id"]);
    assert_eq!(need["deadline"], "2027-05-01");
    let people = json(kompis(&db).args(["list", "people", "--json"]));
    let eva = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Eva Ny")
        .unwrap();
    assert_eq!(need["contact"], eva["id"]);
    assert_eq!(eva["consent"], true);
}
