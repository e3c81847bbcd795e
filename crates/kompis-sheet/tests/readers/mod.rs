//! Real readers for the written files: poppler's pdftotext, pdfinfo and
//! pdffonts (Debian package poppler-utils), LibreOffice headless (Debian
//! package libreoffice-calc-nogui), calamine, and a strict RFC 4180 parser.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Run a tool; fail with a sentence naming the Debian package when it is missing.
fn run(tool: &str, package: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} could not be run ({e}): install the Debian package {package} (apt-get install -y {package})")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tool output is UTF-8")
}

/// The PDF's text as pdftotext reads it.
pub fn pdf_text(pdf: &Path) -> String {
    run(
        "pdftotext",
        "poppler-utils",
        &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )
}

/// The PDF's text as pdftotext lays it out (`-layout`): a table row or a
/// bar's label and number on one line.
pub fn pdf_text_layout(pdf: &Path) -> String {
    run(
        "pdftotext",
        "poppler-utils",
        &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )
}

/// pdfimages' list of the images in the PDF (one row each, headers left out).
pub fn pdf_images(pdf: &Path) -> Vec<String> {
    let out = run(
        "pdfimages",
        "poppler-utils",
        &["-list", pdf.to_str().unwrap()],
    );
    out.lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// pdfinfo's "Pages:".
pub fn pdf_pages(pdf: &Path) -> u32 {
    let info = run("pdfinfo", "poppler-utils", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo prints Pages:")
        .trim()
        .parse()
        .unwrap()
}

/// pdffonts' rows: (name, embedded, subset, unicode map).
pub fn pdf_fonts(pdf: &Path) -> Vec<(String, bool, bool, bool)> {
    let out = run("pdffonts", "poppler-utils", &[pdf.to_str().unwrap()]);
    out.lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // name type... emb sub uni object ID: the flags are the 5th..3rd from the end.
            let n = cols.len();
            (
                cols[0].to_string(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
                cols[n - 3] == "yes",
            )
        })
        .collect()
}

/// Whitespace runs collapsed to one space, so wrapped lines compare equal.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every sheet of an XLSX converted to CSV by LibreOffice headless, as
/// (file name, parsed rows). Fails with the package name when LibreOffice is absent.
pub fn libreoffice_csv(xlsx: &Path, out_dir: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let profile = out_dir.join("lo-profile");
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    // 44 = ',', 34 = '"', 76 = UTF-8, 1 = from row 1; 9th true = as shown, 12th -1 = every sheet.
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
    run(
        "libreoffice",
        "libreoffice-calc-nogui",
        &[
            &profile_url,
            "--headless",
            "--convert-to",
            filter,
            "--outdir",
            out_dir.to_str().unwrap(),
            xlsx.to_str().unwrap(),
        ],
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "LibreOffice wrote no CSV into {}",
        out_dir.display()
    );
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                parse_csv(&text, b','),
            )
        })
        .collect()
}

/// A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF rows).
/// Panics on a stray quote inside an unquoted field.
pub fn parse_csv(text: &str, sep: u8) -> Vec<Vec<String>> {
    let sep = sep as char;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("stray quote in unquoted field {field:?}"),
            c if c == sep => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
