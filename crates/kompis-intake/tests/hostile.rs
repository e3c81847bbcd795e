//! Hostile files for intake, each made here in a temporary folder (nothing
//! large is kept in the repository): zip bombs and billion laughs in XLSX,
//! two cells a sheet apart, formulas, CSV with invalid UTF-8, NUL bytes,
//! BOMs, 10 MB cells, a million columns, and names with right-to-left
//! overrides and control characters. Each is refused with a sentence or
//! read safely, and the peak memory of reading it (VmHWM, reset before each
//! case) stays under a bound.
//!
//! One test, so no other test of this binary runs beside it and moves the
//! peak.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use kompis_intake::{read, Source};
use zip::write::SimpleFileOptions;

/// Most memory reading one hostile file may add, in MiB.
const BOUND_MB: u64 = 200;

/// Peak resident memory of this process since the last reset, in KiB.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:"));
    line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Resets the peak to the memory in use now (Linux's `clear_refs`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Deflate with fixed Huffman codes, written bit by bit (LSB first).
#[derive(Default)]
struct Deflate {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Deflate {
    fn bits(&mut self, value: u32, n: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        self.bits(code.reverse_bits() >> (32 - len), len);
    }

    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + u32::from(b), 8),
            _ => self.code(0x190 + u32::from(b - 144), 9),
        }
    }

    /// `prefix`, then `fill` repeated `n` × 258 + 1 times, then `suffix`:
    /// a few MB that inflate to `n` × 258 bytes.
    fn bomb(prefix: &[u8], fill: u8, n: u64, suffix: &[u8]) -> Vec<u8> {
        let mut d = Deflate::default();
        d.bits(1, 1); // the last block
        d.bits(1, 2); // fixed codes
        prefix.iter().for_each(|&b| d.literal(b));
        d.literal(fill);
        for _ in 0..n {
            d.code(0xC5, 8); // length 258
            d.code(0, 5); // distance 1
        }
        suffix.iter().for_each(|&b| d.literal(b));
        d.code(0, 7); // end of block
        d.bits(0, 7);
        d.out
    }
}

/// A ZIP of one deflated entry whose header declares `declared` bytes.
fn one_entry_zip(name: &str, deflated: &[u8], declared: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    let head = |z: &mut Vec<u8>, central: bool| {
        z.extend_from_slice(&le32(if central { 0x0201_4b50 } else { 0x0403_4b50 }));
        if central {
            z.extend_from_slice(&le16(20));
        }
        for v in [20u16, 0, 8, 0, 0x21] {
            z.extend_from_slice(&le16(v));
        }
        z.extend_from_slice(&le32(0)); // CRC: never reached
        z.extend_from_slice(&le32(deflated.len() as u32));
        z.extend_from_slice(&le32(declared));
        z.extend_from_slice(&le16(name.len() as u16));
        z.extend_from_slice(&le16(0));
        if central {
            for v in [0u16, 0, 0] {
                z.extend_from_slice(&le16(v));
            }
            z.extend_from_slice(&le32(0));
            z.extend_from_slice(&le32(0)); // the local header's offset
        }
        z.extend_from_slice(name.as_bytes());
    };
    head(&mut z, false);
    z.extend_from_slice(deflated);
    let cd = z.len() as u32;
    head(&mut z, true);
    let cd_len = z.len() as u32 - cd;
    z.extend_from_slice(&le32(0x0605_4b50));
    for v in [0u16, 0, 1, 1] {
        z.extend_from_slice(&le16(v));
    }
    z.extend_from_slice(&le32(cd_len));
    z.extend_from_slice(&le32(cd));
    z.extend_from_slice(&le16(0));
    z
}

/// A real workbook (rust_xlsxwriter) with one part replaced: by `xml`, or
/// by the raw entry of a one-entry ZIP.
fn xlsx_with(part: &str, xml: Option<&str>, raw: Option<&[u8]>) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Tilbud").unwrap();
    ws.write_string(0, 0, "Tittel").unwrap();
    ws.write_string(1, 0, "Sveising").unwrap();
    let plain = wb.save_to_buffer().unwrap();
    let mut from = zip::ZipArchive::new(Cursor::new(plain)).unwrap();
    let mut to = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut replaced = false;
    for i in 0..from.len() {
        let entry = from.by_index_raw(i).unwrap();
        if entry.name().unwrap() == part {
            replaced = true;
            continue;
        }
        to.raw_copy_file(entry).unwrap();
    }
    if let Some(xml) = xml {
        to.start_file(part, SimpleFileOptions::default()).unwrap();
        to.write_all(xml.as_bytes()).unwrap();
    }
    if let Some(raw) = raw {
        let mut bomb = zip::ZipArchive::new(Cursor::new(raw)).unwrap();
        to.raw_copy_file(bomb.by_index_raw(0).unwrap()).unwrap();
    }
    assert!(replaced || part == "xl/sharedStrings.xml", "no part {part}");
    to.finish().unwrap().into_inner()
}

fn sheet(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

fn inline(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// An ODS of one table whose rows are `rows` (`table:table-row` elements).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Tilbud">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap().into_inner()
}

fn ods_text(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

/// An XLS (a compound file) whose workbook stream holds a sheet of `records`
/// (type, data) after its BOF.
fn xls(records: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut stream = Vec::new();
    let mut put = |typ: u16, data: &[u8]| {
        stream.extend_from_slice(&typ.to_le_bytes());
        stream.extend_from_slice(&(data.len() as u16).to_le_bytes());
        stream.extend_from_slice(data);
    };
    let bof = [0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    put(0x0809, &bof);
    // BOUNDSHEET: the sheet "Ark1" starts at byte 40, past these records.
    put(0x0085, &[40, 0, 0, 0, 0, 0, 4, 0, b'A', b'r', b'k', b'1']);
    put(0x000A, &[]);
    put(0x0809, &bof);
    for (typ, data) in records {
        put(*typ, data);
    }
    put(0x000A, &[]);
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// A NUMBER record at `row`, `col`.
fn number(row: u16, col: u16) -> (u16, Vec<u8>) {
    let mut d = Vec::new();
    d.extend_from_slice(&row.to_le_bytes());
    d.extend_from_slice(&col.to_le_bytes());
    d.extend_from_slice(&[0, 0]);
    d.extend_from_slice(&1.0f64.to_le_bytes());
    (0x0203, d)
}

const SHEET: &str = "xl/worksheets/sheet1.xml";
const STRINGS: &str = "xl/sharedStrings.xml";

/// What became of one hostile file.
enum Outcome {
    Refused(String),
    Read(Source),
}

struct Case {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    check: fn(&Outcome) -> Result<(), String>,
}

fn refused_with(o: &Outcome, words: &str) -> Result<(), String> {
    match o {
        Outcome::Refused(s) if s.contains(words) => Ok(()),
        Outcome::Refused(s) => Err(format!("refused with «{s}», not «{words}»")),
        Outcome::Read(_) => Err("read, not refused".into()),
    }
}

fn cells(o: &Outcome) -> Result<Vec<Vec<String>>, String> {
    match o {
        Outcome::Read(s) => Ok(s.tables[0].rows.iter().map(|r| r.cells.clone()).collect()),
        Outcome::Refused(s) => Err(format!("refused: {s}")),
    }
}

fn cases() -> Vec<Case> {
    let gib2 = (1u64 << 31) / 258;
    let strings_bomb = Deflate::bomb(
        br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#,
        b'a',
        gib2,
        b"</t></si></sst>",
    );
    let sheet_bomb = Deflate::bomb(
        sheet("").split("</sheetData>").next().unwrap().as_bytes(),
        b' ',
        gib2,
        b"</sheetData></worksheet>",
    );
    let laughs = {
        let mut dtd = String::from(r#"<!ENTITY lol0 "lol">"#);
        for i in 1..10 {
            let refs = format!("&lol{};", i - 1).repeat(10);
            dtd.push_str(&format!(r#"<!ENTITY lol{i} "{refs}">"#));
        }
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE sst [{dtd}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Tittel</t></si><si><t>&lol9;</t></si></sst>"#
        )
    };
    let mut csv_nul = "Tittel\n".to_string() + &"Sveising av stål\n".repeat(600);
    csv_nul.push_str("Lean\u{0} og \u{0}5S\n");
    // The BOM is U+FEFF, encoded like the rest.
    let utf16 = |be: bool| -> Vec<u8> {
        let text = "Tittel;Beskrivelse\nSveising;Bærekraft i Åmot\n";
        std::iter::once(0xFEFF)
            .chain(text.encode_utf16())
            .flat_map(|u: u16| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    vec![
        Case {
            name: "XLSX whose shared strings inflate to 2 GiB",
            file: "bomb.xlsx",
            bytes: xlsx_with(
                STRINGS,
                None,
                Some(&one_entry_zip(STRINGS, &strings_bomb, 1 << 31)),
            ),
            check: |o| refused_with(o, "would unpack to 2048 MB; Kompis reads spreadsheets of at most 100 MB"),
        },
        Case {
            name: "XLSX whose sheet inflates to 2 GiB",
            file: "bomb-sheet.xlsx",
            bytes: xlsx_with(SHEET, None, Some(&one_entry_zip(SHEET, &sheet_bomb, 1 << 31))),
            check: |o| refused_with(o, "would unpack to 2048 MB"),
        },
        Case {
            name: "XLSX whose bomb declares 1 MB and inflates to 2 GiB",
            file: "liar.xlsx",
            bytes: xlsx_with(
                STRINGS,
                None,
                Some(&one_entry_zip(STRINGS, &strings_bomb, 1 << 20)),
            ),
            check: |o| refused_with(o, "Could not read the spreadsheet"),
        },
        Case {
            name: "XLSX with billion laughs in its shared strings",
            file: "laughs.xlsx",
            bytes: xlsx_with(STRINGS, Some(&laughs), None),
            check: |o| match o {
                Outcome::Refused(s) if s.starts_with("Could not read the spreadsheet") => Ok(()),
                Outcome::Refused(s) => Err(format!("refused with «{s}»")),
                Outcome::Read(s) => {
                    let longest = s.tables.iter().flat_map(|t| &t.rows).flat_map(|r| &r.cells);
                    match longest.map(String::len).max() {
                        Some(n) if n > 1_000 => Err(format!("an entity expanded to {n} bytes")),
                        _ => Ok(()),
                    }
                }
            },
        },
        Case {
            name: "XLSX with cells at A1, A2 and XFD1048576",
            file: "far.xlsx",
            bytes: xlsx_with(
                SHEET,
                Some(&sheet(&format!(
                    r#"<row r="1">{}</row><row r="2">{}</row><row r="1048576">{}</row>"#,
                    inline("A1", "Tittel"),
                    inline("A2", "Sveising"),
                    inline("XFD1048576", "langt unna")
                ))),
                None,
            ),
            check: |o| match cells(o)?.as_slice() {
                [row] if row == &["Sveising"] => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
        Case {
            name: "XLSX with formulas",
            file: "formulas.xlsx",
            bytes: xlsx_with(
                SHEET,
                Some(&sheet(&format!(
                    r#"<row r="1">{}{}{}</row><row r="2"><c r="A2" t="str"><f>HYPERLINK("http://x.invalid","klikk")</f><v>klikk</v></c><c r="B2"><f>1+1</f><v>2</v></c>{}</row>"#,
                    inline("A1", "Tittel"),
                    inline("B1", "Beskrivelse"),
                    inline("C1", "Nøkkelord"),
                    inline("C2", "=cmd|' /C calc'!A0")
                ))),
                None,
            ),
            check: |o| match cells(o)?.as_slice() {
                [row] if row == &["klikk", "2", "=cmd|' /C calc'!A0"] => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
        Case {
            // 803 bytes that the reader alone lays out in 6 GB and 20 s.
            name: "ODS of 6,000 rows × 16,384 repeated cells",
            file: "repeat.ods",
            bytes: ods(&format!(
                r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#,
                ods_text("Tittel")
            )),
            check: |o| refused_with(o, "holds more than 2000000 cells"),
        },
        Case {
            name: "ODS with a row a million empty rows below the header",
            file: "gap.ods",
            bytes: ods(&format!(
                r#"<table:table-row>{}{}{}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row>{}</table:table-row>"#,
                ods_text("Tittel"),
                ods_text("Beskrivelse"),
                ods_text("Frist"),
                ods_text("Sveising")
            )),
            check: |o| refused_with(o, "holds more than 2000000 cells"),
        },
        Case {
            name: "ODS, small and plain",
            file: "plain.ods",
            bytes: ods(&format!(
                r#"<table:table-row>{}</table:table-row><table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
                ods_text("Tittel"),
                ods_text("Sveising")
            )),
            check: |o| match cells(o)?.as_slice() {
                [row] if row == &["Sveising"] => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
        Case {
            name: "XLS with cells at (0, 0) and (65535, 65535)",
            file: "far.xls",
            bytes: xls(&[number(0, 0), number(65535, 65535)]),
            check: |o| refused_with(o, "holds more than 2000000 cells"),
        },
        Case {
            name: "XLS whose dimensions declare 4 billion rows",
            file: "dims.xls",
            bytes: xls(&[(
                0x0200,
                [&0u32.to_le_bytes()[..], &u32::MAX.to_le_bytes(), &[0, 0, 0xFF, 0], &[0, 0]].concat(),
            )]),
            check: |o| refused_with(o, "holds more than 2000000 cells"),
        },
        Case {
            name: "CSV in Windows-1252 (invalid UTF-8)",
            file: "latin.csv",
            bytes: b"Tittel;Beskrivelse\nSveis\xE6ing;\xC5mot \xFF\n".to_vec(),
            check: |o| match cells(o)?.as_slice() {
                [row] if row == &["Sveisæing", "Åmot ÿ"] => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
        Case {
            name: "CSV starting with NUL bytes",
            file: "nul.csv",
            bytes: b"Tittel\x00\x00\nA\x00\n".to_vec(),
            check: |o| refused_with(o, "is not a table: it holds binary data"),
        },
        Case {
            name: "CSV with NUL bytes past its first 8 KB",
            file: "late-nul.csv",
            bytes: csv_nul.into_bytes(),
            check: |o| match cells(o)?.last() {
                Some(row) if row == &["Lean og 5S"] => Ok(()),
                other => Err(format!("last row {other:?}")),
            },
        },
        Case {
            name: "CSV with a UTF-8 BOM",
            file: "bom.csv",
            bytes: b"\xEF\xBB\xBFTittel;Frist\nSveising;1.3.2027\n".to_vec(),
            check: |o| match o {
                Outcome::Read(s) if s.tables[0].headers == ["Tittel", "Frist"] => Ok(()),
                _ => Err("the header is not Tittel, Frist".into()),
            },
        },
        Case {
            name: "CSV in UTF-16 LE with BOM",
            file: "utf16le.csv",
            bytes: utf16(false),
            check: |o| match cells(o)?.as_slice() {
                [row] if row == &["Sveising", "Bærekraft i Åmot"] => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
        Case {
            name: "CSV in UTF-16 BE with BOM",
            file: "utf16be.csv",
            bytes: utf16(true),
            check: |o| match cells(o)?.as_slice() {
                [row] if row == &["Sveising", "Bærekraft i Åmot"] => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
        Case {
            name: "CSV with a 10 MB cell",
            file: "big-cell.csv",
            bytes: format!("Tittel;Beskrivelse\nSveising;{}\n", "å".repeat(5 << 20)).into_bytes(),
            check: |o| match cells(o)?.as_slice() {
                [row] if row[1].len() == 10 << 20 => Ok(()),
                _ => Err("the 10 MB cell was not read whole".into()),
            },
        },
        Case {
            name: "CSV with a million columns",
            file: "wide.csv",
            bytes: format!("{}\n{}", "T;".repeat(1 << 20), "x\n".repeat(10)).into_bytes(),
            check: |o| refused_with(o, "holds more than 2000000 cells"),
        },
        Case {
            name: "CSV with right-to-left overrides and control characters in names",
            file: "names.csv",
            bytes: "Navn;E-post\nOla \u{202e}nnamdroN\u{202c}\u{7}\u{1b}[31m;ola@firma.no\n\u{2067}Kari\u{2069}\u{feff};kari@firma.no\n"
                .as_bytes()
                .to_vec(),
            check: |o| match cells(o)?.as_slice() {
                [a, b] if a[0] == "Ola nnamdroN[31m" && b[0] == "Kari" => Ok(()),
                other => Err(format!("rows {other:?}")),
            },
        },
    ]
}

fn outcome(path: &Path) -> Outcome {
    match read(path) {
        Ok(s) => Outcome::Read(s),
        Err(e) => Outcome::Refused(e.to_string()),
    }
}

#[test]
fn hostile_files_are_refused_with_a_sentence_or_read_safely_within_a_memory_bound() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for case in cases() {
        let path: PathBuf = dir.path().join(case.file);
        std::fs::write(&path, &case.bytes).unwrap();
        let size = case.bytes.len();
        drop(case.bytes);
        reset_peak();
        let before = peak_kb();
        let got = outcome(&path);
        let peak_mb = peak_kb().saturating_sub(before) / 1024;
        let what = match &got {
            Outcome::Refused(s) => format!("refused: {s}"),
            Outcome::Read(s) => format!("read {} table(s)", s.tables.len()),
        };
        report.push(format!(
            "{:<70} {:>6} KB file, peak +{peak_mb} MB, {}",
            case.name,
            size / 1024,
            what.chars().take(160).collect::<String>()
        ));
        if let Err(e) = (case.check)(&got) {
            failures.push(format!("{}: {e}", case.name));
        }
        if peak_mb > BOUND_MB {
            failures.push(format!("{}: peak +{peak_mb} MB > {BOUND_MB} MB", case.name));
        }
        // HOSTILE_KEEP=DIR keeps the files, to try them elsewhere.
        if let Some(keep) = std::env::var_os("HOSTILE_KEEP") {
            std::fs::copy(&path, Path::new(&keep).join(case.file)).unwrap();
        }
        std::fs::remove_file(&path).unwrap();
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_bomb_maker_makes_a_real_deflate_stream() {
    // Checks the maker on a small bomb: it inflates to the size built, and
    // only the CRC (left out on purpose) is wrong.
    let n = 1 << 10;
    let d = Deflate::bomb(b"<x>", b'a', n, b"</x>");
    let len = 3 + 1 + 258 * n as u32 + 4;
    let mut z = zip::ZipArchive::new(Cursor::new(one_entry_zip("x.xml", &d, len))).unwrap();
    let mut out = Vec::new();
    let err = z.by_index(0).unwrap().read_to_end(&mut out).unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");
    assert_eq!(out.len(), len as usize);
    assert!(out.starts_with(b"<x>aaaa") && out.ends_with(b"aaa</x>"));
}
