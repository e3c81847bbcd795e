//! `kompis report` end to end on the example network: the PDF (read with
//! pdftotext, pdffonts and pdfimages) and the XLSX (read with calamine)
//! hold the same key figures, which agree with the catalogue's own lists;
//! a municipality with a single member shows "< 3"; another file type is
//! refused with a sentence and nothing is written.

mod common;
use common::*;

use std::path::Path;
use std::process::Command as Process;

use calamine::{open_workbook_auto, Data, Reader};
use serde_json::Value;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Process::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (poppler-utils): {e}"));
    assert!(out.status.success(), "{name} failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The demo network in a temp catalogue.
fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalogue");
    stdout(kompis(&db).arg("demo"));
    (dir, db)
}

/// The key figures sheet's rows (the second sheet, after "Om tallene") as
/// (label, shown value).
fn key_figures(xlsx: &Path) -> Vec<(String, String)> {
    let mut wb = open_workbook_auto(xlsx).unwrap();
    let sheet = wb.sheet_names()[1].clone();
    assert!(sheet == "Nøkkeltall" || sheet == "Key figures", "{sheet}");
    let range = wb.worksheet_range(&sheet).unwrap();
    range
        .rows()
        .skip(1)
        .filter_map(|r| match (r.first(), r.get(1)) {
            (Some(Data::String(label)), Some(v)) => Some((
                label.clone(),
                match v {
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    other => other.to_string(),
                },
            )),
            _ => None,
        })
        .collect()
}

/// Active entries of a side, counted from `kompis list --json`.
fn active(db: &Path, what: &str) -> usize {
    let list: Value =
        serde_json::from_str(&stdout(kompis(db).args(["list", what, "--json"]))).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["active"] != Value::Bool(false))
        .count()
}

/// The value on the PDF line that starts with `label` (layout mode).
fn pdf_value(text: &str, label: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in the PDF"));
    line[label.len()..].trim().replace('\u{2002}', " ")
}

#[test]
fn the_pdf_and_the_spreadsheet_tell_the_same_figures() {
    let (dir, db) = demo();
    let pdf = dir.path().join("rapport.pdf");
    let xlsx = dir.path().join("rapport.xlsx");
    stdout(kompis(&db).arg("report").arg("--out").arg(&pdf));
    stdout(kompis(&db).arg("report").arg("--out").arg(&xlsx));

    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let figures = key_figures(&xlsx);
    assert!(
        figures.len() >= 8,
        "key figures in the spreadsheet: {figures:?}"
    );
    for (label, value) in &figures {
        assert_eq!(&pdf_value(&text, label), value, "{label}");
    }
    let get = |label: &str| {
        figures
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no {label:?} in {figures:?}"))
            .1
            .clone()
    };
    assert_eq!(get("Aktive tilbud"), active(&db, "offers").to_string());
    assert_eq!(get("Aktive behov"), active(&db, "needs").to_string());

    // Fonts embedded, charts drawn as paths: no images at all.
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "a font not embedded: {row}");
    }
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(
        images.lines().count(),
        2,
        "no images in the report:\n{images}"
    );
}

#[test]
fn a_municipality_with_one_member_shows_less_than_three() {
    let (dir, db) = demo();
    // Engerdal has one organisation in the example network.
    let orgs: Value = serde_json::from_str(&stdout(kompis(&db).args([
        "list",
        "organisations",
        "--json",
    ])))
    .unwrap();
    let in_engerdal = orgs
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["municipality"] == "Engerdal")
        .count();
    assert_eq!(in_engerdal, 1);
    let xlsx = dir.path().join("engerdal.xlsx");
    let pdf = dir.path().join("engerdal.pdf");
    for out in [&xlsx, &pdf] {
        stdout(
            kompis(&db)
                .args(["report", "--municipality", "Engerdal", "--out"])
                .arg(out),
        );
    }
    let figures = key_figures(&xlsx);
    let members = figures.iter().find(|(l, _)| l == "Medlemmer").unwrap();
    assert_eq!(members.1, "< 3");
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    assert_eq!(pdf_value(&text, "Medlemmer"), "< 3");
}

#[test]
fn another_file_type_is_refused_and_nothing_written() {
    let (dir, db) = demo();
    let csv = dir.path().join("rapport.csv");
    let out = kompis(&db)
        .arg("report")
        .arg("--out")
        .arg(&csv)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".pdf or .xlsx"), "{err}");
    assert!(!csv.exists());
}

#[test]
fn the_english_report_has_english_headings() {
    let (dir, db) = demo();
    let pdf = dir.path().join("report.pdf");
    stdout(
        kompis(&db)
            .args([
                "report",
                "--lang",
                "en",
                "--from",
                "2026-01-01",
                "--to",
                "2026-12-01",
                "--out",
            ])
            .arg(&pdf),
    );
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("Key figures"), "{text}");
    assert!(text.contains("01.01.2026 – 01.12.2026"), "{text}");
}
