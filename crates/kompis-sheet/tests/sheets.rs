//! Match sheets read back through real readers.
//!
//! - PDF: pdftotext, pdfinfo, pdffonts (Debian: poppler-utils)
//! - XLSX: calamine, the raw package XML, and LibreOffice headless
//!   (Debian: libreoffice-calc-nogui)
//! - CSV: a strict RFC 4180 parser
//!
//! Map: `pdf_*` (layouts, fonts, header and footer), `xlsx_*`, `csv_*`,
//! `consent_*` (personal data in every format), `hostile_*` (formulas, markup,
//! 10,000-character titles, emoji, right-to-left text, empty fields),
//! `scope_*`, `write_*` (atomic writes), `preview_*`, `track_*` (status
//! dates, outcomes and history in every format).

mod common;
mod readers;

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use kompis_model::MatchStatus;
use kompis_sheet::{
    preview, write_sheet, Format, PdfLayout, PreviewStyle, Scope, SheetError, SheetInput,
    SheetLang, SheetOptions,
};
use readers::{parse_csv, pdf_fonts, pdf_pages, pdf_text, squash};

fn opts(format: Format, layout: PdfLayout, lang: SheetLang, scope: Scope) -> SheetOptions {
    SheetOptions {
        format,
        scope,
        lang,
        pdf_layout: layout,
    }
}

fn write(input: &SheetInput, o: &SheetOptions, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    write_sheet(input, o, &path).expect("the sheet is written");
    path
}

fn pdf(input: &SheetInput, layout: PdfLayout, lang: SheetLang, dir: &Path) -> PathBuf {
    write(
        input,
        &opts(Format::Pdf, layout, lang, Scope::All),
        dir,
        "sheet.pdf",
    )
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// All cells of every sheet as strings (numbers as calamine shows them).
fn xlsx_cells(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the XLSX");
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

/// The XML parts of the XLSX package, by name.
fn xlsx_parts(path: &Path) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

// ---- PDF ------------------------------------------------------------------

#[test]
fn pdf_per_need_has_one_page_per_need_and_every_title_with_aeoeaa() {
    let dir = tmp();
    let input = common::demo();
    let path = pdf(&input, PdfLayout::PerNeed, SheetLang::Nb, dir.path());
    assert_eq!(pdf_pages(&path), input.needs.len() as u32);
    let text = squash(&pdf_text(&path));
    for need in &input.needs {
        assert!(
            text.contains(&squash(&need.title)),
            "missing {:?}",
            need.title
        );
    }
    assert!(text.contains("æ") && text.contains("ø") && text.contains("å"));
    assert!(text.contains("Ø") && text.contains("Å"));
}

#[test]
fn pdf_embeds_subset_fonts_with_unicode_maps() {
    let dir = tmp();
    let path = pdf(
        &common::demo(),
        PdfLayout::PerNeed,
        SheetLang::Nb,
        dir.path(),
    );
    let fonts = pdf_fonts(&path);
    assert_eq!(fonts.len(), 2, "DejaVu Sans and its bold: {fonts:?}");
    for (name, emb, sub, uni) in fonts {
        assert!(emb && sub && uni, "{name}: emb {emb} sub {sub} uni {uni}");
        assert!(name.contains("DejaVuSans"), "{name}");
    }
    // Emoji bring in the symbol font, embedded and subset as well.
    let path = pdf(
        &common::hostile(),
        PdfLayout::PerNeed,
        SheetLang::Nb,
        dir.path(),
    );
    let fonts = pdf_fonts(&path);
    assert!(fonts.iter().any(|f| f.0.contains("Symbola")), "{fonts:?}");
    assert!(fonts.iter().all(|f| f.1 && f.2 && f.3), "{fonts:?}");
}

#[test]
fn pdf_pages_carry_network_date_and_page_numbers() {
    let dir = tmp();
    let input = common::demo();
    let path = pdf(&input, PdfLayout::PerNeed, SheetLang::Nb, dir.path());
    let text = pdf_text(&path);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 6);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Industrinettverket Sør-Østerdal"),
            "page {}",
            i + 1
        );
        assert!(page.contains("27.11.2026"), "page {}", i + 1);
        assert!(
            page.contains(&format!("Side {} av 6", i + 1)),
            "page {}",
            i + 1
        );
    }
    // The first need's page shows its matches with organisation, why and status.
    let first = squash(pages[0]);
    for want in [
        "Forslag til samarbeid (3)",
        "Sveiseteknisk rådgivning",
        "Hamar Sveis & Stål AS",
        "Hvorfor: begge nevner sveising",
        "Avtalt",
        "91 %",
        "Kari Østby",
        "Notater fra møtet",
    ] {
        assert!(first.contains(want), "first page lacks {want:?}:\n{first}");
    }
}

#[test]
fn pdf_in_english_uses_english_labels() {
    let dir = tmp();
    let path = pdf(
        &common::demo(),
        PdfLayout::PerNeed,
        SheetLang::En,
        dir.path(),
    );
    let text = squash(&pdf_text(&path));
    for want in [
        "Page 1 of 6",
        "Suggested partners",
        "Why:",
        "Agreed",
        "DEADLINE 15.01.2027",
    ] {
        assert!(text.contains(want), "lacks {want:?}");
    }
    assert!(!text.contains("Side 1 av"));
}

#[test]
fn pdf_per_organisation_lists_needs_offers_and_their_matches() {
    let dir = tmp();
    let input = common::demo();
    let path = pdf(
        &input,
        PdfLayout::PerOrganisation,
        SheetLang::Nb,
        dir.path(),
    );
    let text = squash(&pdf_text(&path));
    assert!(text.contains("DINE TREFF"));
    assert!(text.contains("Våre behov (2)") && text.contains("Våre tilbud (4)"));
    assert!(text.contains("Høgskolen i Innlandet"));
    for need in &input.needs {
        assert!(
            text.contains(&squash(&need.title)),
            "missing {:?}",
            need.title
        );
    }
    // Each organisation with entries starts its own page.
    assert!(pdf_pages(&path) >= 6);
}

#[test]
fn pdf_summary_counts_kinds_and_municipalities_and_lists_agreed_and_lonely() {
    let dir = tmp();
    let path = pdf(
        &common::demo(),
        PdfLayout::Summary,
        SheetLang::Nb,
        dir.path(),
    );
    let text = squash(&pdf_text(&path));
    for want in [
        "Oversikt over nettverket",
        "8 organisasjoner · 6 behov · 7 tilbud · 7 treff · 2 avtalt",
        "Etter type",
        "Etter kommune",
        "Elverum 3 2 5",
        "Avtalte samarbeid (2)",
        "Behov uten treff (1)",
        "Erfaringer med å søke Innovasjon Norge",
    ] {
        assert!(text.contains(want), "lacks {want:?}:\n{text}");
    }
}

// ---- XLSX -----------------------------------------------------------------

#[test]
fn xlsx_has_five_sheets_with_typed_cells_read_by_calamine() {
    let dir = tmp();
    let input = common::demo();
    let path = write(
        &input,
        &SheetOptions::new(Format::Xlsx),
        dir.path(),
        "s.xlsx",
    );
    let sheets = xlsx_cells(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Treff", "Behov", "Tilbud", "Organisasjoner", "Personer"]
    );
    let (_, matches) = &sheets[0];
    assert_eq!(text_of(&matches[0][0]), "Behov-ID");
    assert_eq!(matches.len(), input.matches.len() + 1);
    // Scores are numbers; declined matches come last for their need.
    assert_eq!(matches[1][8], Data::Float(0.91));
    assert_eq!(text_of(&matches[3][9]), "Avslått");
    let (_, needs) = &sheets[1];
    let deadline_col = needs[0].iter().position(|h| text_of(h) == "Frist").unwrap();
    match &needs[1][deadline_col] {
        Data::DateTime(d) => assert_eq!(
            d.as_datetime().unwrap().date(),
            chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()
        ),
        other => panic!("deadline is not a date: {other:?}"),
    }
    for (i, need) in input.needs.iter().enumerate() {
        assert_eq!(text_of(&needs[i + 1][1]), need.title);
    }
    // Org numbers stay text (leading zeros would survive).
    let (_, orgs) = &sheets[3];
    assert_eq!(orgs[1][4], Data::String("912345678".into()));
}

#[test]
fn xlsx_header_is_frozen_filterable_and_nothing_is_a_formula() {
    let dir = tmp();
    let path = write(
        &common::hostile(),
        &SheetOptions::new(Format::Xlsx),
        dir.path(),
        "s.xlsx",
    );
    let parts = xlsx_parts(&path);
    let sheets: Vec<&(String, String)> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/sheet"))
        .collect();
    assert_eq!(sheets.len(), 5);
    for (name, xml) in sheets {
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
            "{name}: no frozen header"
        );
        assert!(xml.contains("<autoFilter"), "{name}: no autofilter");
        assert!(xml.contains("<cols>"), "{name}: no column widths");
        assert!(
            xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#),
            "{name}: not A4 landscape"
        );
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "{name} holds a formula"
        );
    }
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has formulas"
        );
    }
}

#[test]
fn xlsx_converted_by_libreoffice_matches_the_catalogue() {
    let dir = tmp();
    let input = common::demo();
    let path = write(
        &input,
        &SheetOptions::new(Format::Xlsx),
        dir.path(),
        "s.xlsx",
    );
    let out = dir.path().join("lo");
    std::fs::create_dir_all(&out).unwrap();
    let csvs = readers::libreoffice_csv(&path, &out);
    let find = |sheet: &str| {
        csvs.iter()
            .find(|(n, _)| n.contains(sheet))
            .unwrap_or_else(|| {
                panic!(
                    "no CSV for {sheet}: {:?}",
                    csvs.iter().map(|c| &c.0).collect::<Vec<_>>()
                )
            })
            .1
            .clone()
    };
    let matches = find("Treff");
    assert_eq!(matches.len(), input.matches.len() + 1);
    assert_eq!(matches[1][1], input.needs[0].title);
    assert_eq!(
        matches[1][5],
        "Sveiseteknisk rådgivning og prosedyrekvalifisering (NS-EN ISO 15614)"
    );
    assert_eq!(matches[1][8], "0.91");
    assert_eq!(matches[1][12], "05.03.2026", "status date shown as a date");
    let needs = find("Behov");
    for (i, need) in input.needs.iter().enumerate() {
        assert_eq!(needs[i + 1][0], need.id);
        assert_eq!(needs[i + 1][1], need.title);
    }
    assert_eq!(needs[1][9], "15.01.2027", "deadline shown as a date");
    let orgs = find("Organisasjoner");
    assert_eq!(orgs[2][1], "Høgskolen i Innlandet");
}

// ---- CSV ------------------------------------------------------------------

#[test]
fn csv_has_bom_semicolons_crlf_and_parses_back() {
    let dir = tmp();
    let input = common::demo();
    let path = write(&input, &SheetOptions::new(Format::CSV), dir.path(), "s.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\n"));
    let rows = parse_csv(&text, b';');
    assert_eq!(rows.len(), input.matches.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 14));
    assert_eq!(rows[0][0], "Behov-ID");
    assert_eq!(rows[1][1], input.needs[0].title);
    assert_eq!(rows[1][8], "0,910", "decimal comma with ';'");
}

#[test]
fn csv_with_commas_on_request() {
    let dir = tmp();
    let input = common::demo();
    let path = write(
        &input,
        &SheetOptions::new(Format::Csv { separator: b',' }),
        dir.path(),
        "s.csv",
    );
    let rows = parse_csv(&std::fs::read_to_string(&path).unwrap(), b',');
    assert_eq!(rows.len(), input.matches.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 14));
    assert_eq!(rows[1][8], "0.910");
    // The role with a comma is quoted and survives.
    assert!(rows
        .iter()
        .any(|r| r[7].contains("Førsteamanuensis, skog og utmark")));
}

#[test]
fn csv_rejects_other_separators() {
    let dir = tmp();
    let err = write_sheet(
        &common::demo(),
        &SheetOptions::new(Format::Csv { separator: b'|' }),
        &dir.path().join("s.csv"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid");
}

// ---- consent --------------------------------------------------------------

#[test]
fn consent_people_without_it_appear_by_role_and_organisation_only_in_every_format() {
    let dir = tmp();
    let input = common::demo();
    // p-3 said no, p-4 and p-7 never answered; p-1 said yes.
    let hidden = [
        "Siri Hågensen",
        "Jørn Ødegård",
        "Bjørg Løvås",
        "p-3@example.no",
        "p-4@example.no",
        "p-7@example.no",
        "Privat notat om Siri",
    ];
    let mut texts = Vec::new();
    for layout in [
        PdfLayout::PerNeed,
        PdfLayout::PerOrganisation,
        PdfLayout::Summary,
    ] {
        let p = write(
            &input,
            &opts(Format::Pdf, layout, SheetLang::Nb, Scope::All),
            dir.path(),
            "c.pdf",
        );
        texts.push(squash(&pdf_text(&p)));
    }
    let p = write(&input, &SheetOptions::new(Format::CSV), dir.path(), "c.csv");
    texts.push(std::fs::read_to_string(p).unwrap());
    let p = write(
        &input,
        &SheetOptions::new(Format::Xlsx),
        dir.path(),
        "c.xlsx",
    );
    let cells: Vec<String> = xlsx_cells(&p)
        .iter()
        .flat_map(|(_, rows)| rows.iter().flatten().map(text_of))
        .collect();
    texts.push(cells.join("\n"));
    for text in &texts {
        for h in hidden {
            assert!(!text.contains(h), "{h:?} leaked");
        }
    }
    // Shown by role and organisation instead; the consenting person by name.
    assert!(texts[0].contains("Produksjonssjef, Løiten Mekaniske Verksted AS"));
    assert!(texts[0].contains("Kari Østby"));
    assert!(texts[3].contains("Sveiseingeniør, Hamar Sveis & Stål AS"));
    assert!(texts[4].contains("(ikke oppført med navn)"));
    assert!(texts[4].contains("Kari Østby"));
}

// ---- hostile catalogue ----------------------------------------------------

/// Every piece of catalogue text that a table cell holds verbatim.
fn hostile_texts(input: &SheetInput) -> Vec<String> {
    let mut v: Vec<String> = input.needs.iter().map(|e| e.title.clone()).collect();
    v.extend(input.needs.iter().filter_map(|e| e.description.clone()));
    v.extend(input.offers.iter().map(|e| e.title.clone()));
    v.extend(input.organisations.iter().map(|o| o.name.clone()));
    v.retain(|s| !s.is_empty());
    v
}

#[test]
fn hostile_pdf_keeps_one_page_per_need_and_its_letters() {
    let dir = tmp();
    let input = common::hostile();
    let path = pdf(&input, PdfLayout::PerNeed, SheetLang::Nb, dir.path());
    assert_eq!(
        pdf_pages(&path),
        input.needs.len() as u32,
        "a long title broke the one-page-per-need layout"
    );
    let text = squash(&pdf_text(&path));
    for want in [
        "=HYPERLINK(\"http://evil.example\";\"Klikk\")",
        "Ærlig talt: øøøø",
        "Trenger hjelp 🚀🌲 med emoji 👩🔧 og æøå",
        "<img src=x onerror=alert(1)>",
        "Tab først og CR",
        "- minus førstsnudd tekst",
        "(uten tittel)",
    ] {
        assert!(text.contains(want), "lacks {want:?}");
    }
    // Right-to-left letters are drawn and extractable (order is the reader's business).
    for letter in ['ש', 'ל', 'ו', 'ם', 'م', 'ر', 'ح'] {
        assert!(text.contains(letter), "lacks {letter}");
    }
    for layout in [PdfLayout::PerOrganisation, PdfLayout::Summary] {
        let p = write(
            &input,
            &opts(Format::Pdf, layout, SheetLang::En, Scope::All),
            dir.path(),
            "h.pdf",
        );
        assert!(pdf_pages(&p) >= 1);
        assert!(squash(&pdf_text(&p)).contains("Trenger hjelp"));
    }
}

#[test]
fn hostile_pdf_text_is_shortened_with_an_ellipsis_and_a_warning() {
    let dir = tmp();
    let input = common::hostile();
    let summary = write_sheet(
        &input,
        &SheetOptions::new(Format::Pdf),
        &dir.path().join("h.pdf"),
    )
    .unwrap();
    assert!(summary.warnings.iter().any(|w| w.contains("forkortet")));
    let text = pdf_text(&dir.path().join("h.pdf"));
    assert!(text.contains('…'));
}

#[test]
fn hostile_xlsx_keeps_every_character_and_writes_no_formula() {
    let dir = tmp();
    let input = common::hostile();
    let path = write(
        &input,
        &SheetOptions::new(Format::Xlsx),
        dir.path(),
        "h.xlsx",
    );
    let cells: Vec<String> = xlsx_cells(&path)
        .iter()
        .flat_map(|(_, rows)| rows.iter().flatten().map(text_of))
        .collect();
    for t in hostile_texts(&input) {
        assert!(
            cells.contains(&t),
            "lost {:?}",
            t.chars().take(60).collect::<String>()
        );
    }
    let long = common::long_title();
    assert_eq!(long.chars().count(), 10_000);
    assert!(cells.contains(&long));
    // Reasons joined, with the long one whole.
    assert!(cells
        .iter()
        .any(|c| c.starts_with("=1+1; <b>fet</b>; @kilde; Ærlig") && c.ends_with(&long)));
    let out = dir.path().join("lo");
    std::fs::create_dir_all(&out).unwrap();
    let csvs = readers::libreoffice_csv(&path, &out);
    let behov = &csvs.iter().find(|(n, _)| n.contains("Behov")).unwrap().1;
    let titles: Vec<&String> = behov.iter().map(|r| &r[1]).collect();
    for need in &input.needs {
        assert!(
            titles.contains(&&need.title),
            "LibreOffice lost {:?}",
            need.title.chars().take(40).collect::<String>()
        );
    }
}

#[test]
fn hostile_csv_neutralises_formulas_and_keeps_all_text() {
    let dir = tmp();
    let input = common::hostile();
    for sep in [b';', b','] {
        let path = write(
            &input,
            &SheetOptions::new(Format::Csv { separator: sep }),
            dir.path(),
            "h.csv",
        );
        let rows = parse_csv(&std::fs::read_to_string(&path).unwrap(), sep);
        assert!(rows.iter().all(|r| r.len() == 14), "a field broke a row");
        for row in &rows {
            for cell in row {
                assert!(
                    !matches!(
                        cell.chars().next(),
                        Some('=' | '+' | '-' | '@' | '\t' | '\r')
                    ),
                    "formula-like cell {cell:?}"
                );
            }
        }
        let cells: Vec<&String> = rows.iter().flatten().collect();
        let has = |t: &str| {
            let quoted = format!("'{t}");
            cells
                .iter()
                .any(|c| c.as_str() == t || c.as_str() == quoted)
        };
        for t in input.matches.iter().flat_map(|m| {
            [
                cat_title(&input, &m.need, true),
                cat_title(&input, &m.offer, false),
            ]
        }) {
            if let Some(t) = t.filter(|t| !t.is_empty()) {
                assert!(has(&t), "lost {:?}", t.chars().take(60).collect::<String>());
            }
        }
        assert!(has("=HYPERLINK(\"http://evil.example\";\"Klikk\")"));
        assert!(cells
            .iter()
            .any(|c| c.as_str() == "'=HYPERLINK(\"http://evil.example\";\"Klikk\")"));
        assert!(has("-notat med 🚀"));
        assert!(cells.iter().any(|c| c.contains(&common::long_title())));
    }
}

fn cat_title(input: &SheetInput, id: &str, need: bool) -> Option<String> {
    let list = if need { &input.needs } else { &input.offers };
    list.iter().find(|e| e.id == id).map(|e| e.title.clone())
}

// ---- scope ----------------------------------------------------------------

#[test]
fn scope_selected_needs_get_one_page_each() {
    let dir = tmp();
    let input = common::demo();
    let scope = Scope::Needs(vec!["n-3".into(), "n-1".into()]);
    let path = write(
        &input,
        &opts(Format::Pdf, PdfLayout::PerNeed, SheetLang::Nb, scope),
        dir.path(),
        "s.pdf",
    );
    assert_eq!(pdf_pages(&path), 2);
    let text = squash(&pdf_text(&path));
    assert!(text.contains("Sveising av høyfast stål") && text.contains("måling av fuktighet"));
    assert!(!text.contains("Rekruttering av ingeniør"));
}

#[test]
fn scope_one_organisation_has_only_its_matches() {
    let dir = tmp();
    let input = common::demo();
    let scope = Scope::Organisation("o-3".into());
    let path = write(
        &input,
        &opts(
            Format::CSV,
            PdfLayout::PerNeed,
            SheetLang::Nb,
            scope.clone(),
        ),
        dir.path(),
        "s.csv",
    );
    let rows = parse_csv(&std::fs::read_to_string(&path).unwrap(), b';');
    // o-3 owns n-4, n-5 and offer t-6: three matches.
    let mut ids: Vec<(String, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[4].clone()))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            ("n-1".into(), "t-6".into()),
            ("n-4".into(), "t-4".into()),
            ("n-5".into(), "t-7".into())
        ]
    );
    let path = write(
        &input,
        &opts(
            Format::Pdf,
            PdfLayout::PerOrganisation,
            SheetLang::Nb,
            scope,
        ),
        dir.path(),
        "s.pdf",
    );
    let text = squash(&pdf_text(&path));
    assert!(text.contains("Løiten Mekaniske Verksted AS"));
    assert!(text.contains("Våre behov (2)") && text.contains("Våre tilbud (1)"));
    assert!(
        !text.contains("Elverum Tre AS Bedrift"),
        "another organisation's page"
    );
}

#[test]
fn scope_by_status_keeps_only_that_status() {
    let dir = tmp();
    let input = common::demo();
    let o = opts(
        Format::CSV,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Status(MatchStatus::Agreed),
    );
    let path = write(&input, &o, dir.path(), "s.csv");
    let rows = parse_csv(&std::fs::read_to_string(&path).unwrap(), b';');
    assert_eq!(rows.len(), 3);
    assert!(rows[1..].iter().all(|r| r[9] == "Avtalt"));
}

#[test]
fn scope_unknown_ids_are_refused_with_a_sentence() {
    let dir = tmp();
    let o = opts(
        Format::Pdf,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Needs(vec!["n-404".into()]),
    );
    let err = write_sheet(&common::demo(), &o, &dir.path().join("x.pdf")).unwrap_err();
    assert!(matches!(err, SheetError::Invalid(_)));
    assert_eq!(err.to_string(), "need n-404: not in the catalogue");
    let o = opts(
        Format::Pdf,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Organisation("o-404".into()),
    );
    assert_eq!(err_code(&o), "invalid");
}

fn err_code(o: &SheetOptions) -> &'static str {
    let dir = tmp();
    write_sheet(&common::demo(), o, &dir.path().join("x"))
        .unwrap_err()
        .code()
}

#[test]
fn scope_with_nothing_in_it_still_makes_a_readable_pdf() {
    let dir = tmp();
    let o = opts(
        Format::Pdf,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Status(MatchStatus::Declined),
    );
    let mut input = common::demo();
    input.matches.retain(|m| m.status != MatchStatus::Declined);
    let path = write(&input, &o, dir.path(), "e.pdf");
    assert_eq!(pdf_pages(&path), 1);
    assert!(pdf_text(&path).contains("Ingen behov i utvalget."));
}

// ---- atomic writes --------------------------------------------------------

#[test]
fn write_replaces_atomically_and_leaves_no_temporary_files() {
    let dir = tmp();
    let target = dir.path().join("treffark.pdf");
    std::fs::write(&target, b"old").unwrap();
    let summary = write_sheet(&common::demo(), &SheetOptions::new(Format::Pdf), &target).unwrap();
    assert_eq!(summary.pages, Some(6));
    assert_eq!(summary.bytes, std::fs::metadata(&target).unwrap().len());
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    // A failed export leaves the old file as it was.
    let bad = opts(
        Format::Pdf,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Needs(vec!["n-404".into()]),
    );
    assert!(write_sheet(&common::demo(), &bad, &target).is_err());
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["treffark.pdf"]);
}

/// Regression: sheets were written with the temporary file's private 0600 mode.
#[cfg(unix)]
#[test]
fn write_gives_an_ordinary_file_mode_not_a_private_temp_one() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    let target = dir.path().join("ny.csv");
    write_sheet(&common::demo(), &SheetOptions::new(Format::CSV), &target).unwrap();
    let reference = dir.path().join("reference");
    std::fs::File::create(&reference).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&target),
        mode(&reference),
        "not the mode File::create gives"
    );
}

#[test]
fn write_to_a_missing_folder_is_an_io_error() {
    let dir = tmp();
    let err = write_sheet(
        &common::demo(),
        &SheetOptions::new(Format::CSV),
        &dir.path().join("nope/x.csv"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("nope/x.csv"));
}

// ---- preview --------------------------------------------------------------

#[test]
fn preview_of_a_pdf_is_its_first_page() {
    let input = common::demo();
    let p = preview(&input, &SheetOptions::new(Format::Pdf));
    assert_eq!(p.pages, Some(6));
    assert_eq!(p.needs, 6);
    let texts: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.contains(&"Sveising av høyfast stål til tømmerhengere"));
    assert!(p.lines.iter().any(|l| l.style == PreviewStyle::Title));
    assert_eq!(p.lines.last().unwrap().text, "Side 1 av 6");
    assert!(
        !texts.iter().any(|t| t.contains("Økt kompetanse")),
        "second page leaked in"
    );
}

#[test]
fn preview_of_a_spreadsheet_is_its_first_rows() {
    let input = common::demo();
    let p = preview(&input, &SheetOptions::new(Format::Xlsx));
    let t = p.table.expect("a table");
    assert_eq!(t.total_rows, input.matches.len());
    assert_eq!(t.columns[1], "Behov");
    assert_eq!(t.rows[0][8], "0.91");
    let bad = preview(
        &input,
        &opts(
            Format::CSV,
            PdfLayout::PerNeed,
            SheetLang::Nb,
            Scope::Organisation("o-404".into()),
        ),
    );
    assert_eq!(
        bad.error.as_deref(),
        Some("organisation o-404: not in the catalogue")
    );
}

#[test]
fn preview_cells_of_a_hostile_catalogue_are_short_but_the_file_is_whole() {
    let input = common::hostile();
    let p = preview(&input, &SheetOptions::new(Format::CSV));
    let t = p.table.unwrap();
    let longest = t
        .rows
        .iter()
        .flatten()
        .map(|c| c.chars().count())
        .max()
        .unwrap();
    assert_eq!(longest, 301, "300 characters and an ellipsis");
    let pdf = preview(&input, &SheetOptions::new(Format::Pdf));
    assert_eq!(pdf.pages, Some(input.needs.len() as u32));
}

#[test]
fn pdf_need_with_many_matches_stays_on_one_page_and_says_how_many_more() {
    let dir = tmp();
    let input = common::many_matches();
    let o = opts(
        Format::Pdf,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Needs(vec!["n-1".into()]),
    );
    let path = write(&input, &o, dir.path(), "many.pdf");
    assert_eq!(pdf_pages(&path), 1);
    let text = squash(&pdf_text(&path));
    assert!(text.contains("Forslag til samarbeid (30)"));
    let shown = (1..=30)
        .filter(|i| text.contains(&format!("forslag {}", i - 1)))
        .count();
    assert!((4..30).contains(&shown), "{shown} cards");
    assert!(
        text.contains(&format!("+ {} flere treff i regnearket.", 30 - shown)),
        "{text}"
    );
}

// ---- status dates, outcomes, history -------------------------------------
//
// In the demo, n-1 · t-1 was shortlisted 10.02.2026, contacted 20.02.2026
// and agreed 05.03.2026, and has two outcomes; n-4 · t-4 is agreed with
// neither a history nor an outcome.

const OUTCOMES_NB: &str = "Ansettelse 01.10.2026; Studentoppgave startet (master) 15.04.2026";
const OUTCOMES_EN: &str = "Hire 01.10.2026; Thesis started (master) 15.04.2026";
const HISTORY_NB: &str = "På kortliste 10.02.2026 → Kontaktet 20.02.2026 → Avtalt 05.03.2026";

/// The index of the row for `need` · `offer` in a match table whose
/// first column is the need id and fifth the offer id.
fn row_of<T>(rows: &[Vec<T>], need: &str, offer: &str, text: impl Fn(&T) -> String) -> usize {
    rows.iter()
        .position(|r| text(&r[0]) == need && text(&r[4]) == offer)
        .unwrap_or_else(|| panic!("no row for {need} · {offer}"))
}

/// Every dd.mm.åååå in `text`, in order.
fn dates_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let shape = |w: &[char]| {
        w.iter().enumerate().all(|(i, c)| {
            if i == 2 || i == 5 {
                *c == '.'
            } else {
                c.is_ascii_digit()
            }
        })
    };
    chars
        .windows(10)
        .filter(|w| shape(w))
        .map(|w| w.iter().collect())
        .collect()
}

#[test]
fn track_xlsx_has_status_date_outcomes_and_history_columns() {
    let dir = tmp();
    let input = common::demo();
    for (lang, headers, outcomes) in [
        (
            SheetLang::Nb,
            ["Statusdato", "Utfall", "Historikk"],
            OUTCOMES_NB,
        ),
        (
            SheetLang::En,
            ["Status date", "Outcomes", "History"],
            OUTCOMES_EN,
        ),
    ] {
        let o = opts(Format::Xlsx, PdfLayout::PerNeed, lang, Scope::All);
        let path = write(&input, &o, dir.path(), "t.xlsx");
        let sheets = xlsx_cells(&path);
        let rows = &sheets[0].1;
        let header: Vec<String> = rows[0].iter().map(text_of).collect();
        assert_eq!(header.len(), 15, "{header:?}");
        assert_eq!(header[12..], headers, "new columns at the end");
        let full = &rows[row_of(rows, "n-1", "t-1", text_of)];
        match &full[12] {
            Data::DateTime(d) => assert_eq!(
                d.as_datetime().unwrap().date(),
                chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()
            ),
            other => panic!("the status date is not a date: {other:?}"),
        }
        assert_eq!(text_of(&full[13]), outcomes);
        if lang == SheetLang::Nb {
            assert_eq!(text_of(&full[14]), HISTORY_NB);
        } else {
            assert!(text_of(&full[14]).starts_with("Shortlisted 10.02.2026 → Contacted"));
        }
        let bare = &rows[row_of(rows, "n-4", "t-4", text_of)];
        assert_eq!(
            text_of(&bare[9]),
            if lang == SheetLang::Nb {
                "Avtalt"
            } else {
                "Agreed"
            }
        );
        for (i, cell) in bare.iter().enumerate().skip(12) {
            assert_eq!(cell, &Data::Empty, "column {} is not empty", header[i]);
        }
    }
}

#[test]
fn track_csv_has_status_date_and_outcomes_at_the_end() {
    let dir = tmp();
    let input = common::demo();
    for (lang, sep, headers, outcomes) in [
        (SheetLang::Nb, b';', ["Statusdato", "Utfall"], OUTCOMES_NB),
        (
            SheetLang::En,
            b',',
            ["Status date", "Outcomes"],
            OUTCOMES_EN,
        ),
    ] {
        let o = opts(
            Format::Csv { separator: sep },
            PdfLayout::PerNeed,
            lang,
            Scope::All,
        );
        let path = write(&input, &o, dir.path(), "t.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let rows = parse_csv(&text, sep);
        assert_eq!(rows[0].len(), 14, "{:?}", rows[0]);
        assert_eq!(rows[0][12..], headers);
        let full = &rows[row_of(&rows, "n-1", "t-1", String::clone)];
        assert_eq!(full[12], "05.03.2026");
        assert_eq!(full[13], outcomes);
        let bare = &rows[row_of(&rows, "n-4", "t-4", String::clone)];
        assert_eq!(bare[12..], ["", ""]);
        assert!(!text.to_lowercase().contains("null"));
    }
}

#[test]
fn track_pdf_shows_the_status_date_and_outcomes_under_the_status() {
    use PdfLayout::{PerNeed, PerOrganisation, Summary};
    let input = common::demo();
    let dir = tmp();
    for layout in [PerNeed, PerOrganisation, Summary] {
        for lang in [SheetLang::Nb, SheetLang::En] {
            let (status, outcomes) = match lang {
                SheetLang::Nb => ("Avtalt", format!("Utfall: {OUTCOMES_NB}")),
                SheetLang::En => ("Agreed", format!("Outcomes: {OUTCOMES_EN}")),
            };
            // The summary writes the day after the status, on the outcomes' line.
            let want = match layout {
                Summary => vec![format!("{status} 05.03.2026 · {outcomes}")],
                _ => vec![status.to_string(), "05.03.2026".into(), outcomes],
            };
            let text = squash(&pdf_text(&pdf(&input, layout, lang, dir.path())));
            for w in want {
                assert!(
                    text.contains(&w),
                    "{layout:?} {lang:?} lacks {w:?}:\n{text}"
                );
            }
        }
    }
    // The agreed pair with neither: its page shows the status, and no date
    // or outcome line.
    let o = opts(
        Format::Pdf,
        PdfLayout::PerNeed,
        SheetLang::Nb,
        Scope::Needs(vec!["n-4".into()]),
    );
    let text = squash(&pdf_text(&write(&input, &o, dir.path(), "n4.pdf")));
    assert!(text.contains("Avtalt"), "{text}");
    assert!(!text.contains("Utfall"), "{text}");
    assert_eq!(dates_in(&text), ["27.11.2026"], "only the header's date");
    assert!(!text.to_lowercase().contains("null"));
}

#[test]
fn track_preview_shows_what_the_file_holds() {
    let input = common::demo();
    let xlsx = preview(&input, &SheetOptions::new(Format::Xlsx))
        .table
        .unwrap();
    assert_eq!(xlsx.columns[12..], ["Statusdato", "Utfall", "Historikk"]);
    assert_eq!(xlsx.rows[0][12..], ["05.03.2026", OUTCOMES_NB, HISTORY_NB]);
    let csv = preview(&input, &SheetOptions::new(Format::CSV))
        .table
        .unwrap();
    assert_eq!(csv.columns[12..], ["Statusdato", "Utfall"]);
    let pdf = preview(&input, &SheetOptions::new(Format::Pdf));
    let texts: Vec<&str> = pdf.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.contains(&"Avtalt 05.03.2026 · 91 %"), "{texts:?}");
    assert!(texts.contains(&"Kontaktet · 74 %"), "{texts:?}");
}
