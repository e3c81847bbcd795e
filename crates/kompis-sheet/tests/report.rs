//! The network report read back through real readers: pdftotext, pdfinfo,
//! pdffonts and pdfimages (Debian: poppler-utils), calamine for the XLSX,
//! and the PDF's own content streams (flate2).
//!
//! Map: `figures_*` (the PDF and the XLSX hold the same numbers), `small_*`
//! (counts below 3), `pdf_*` (fonts, vector charts, cover, footer, gaps,
//! collaborations), `xlsx_*`, `english_*`, `empty_*`, `hostile_*`, `write_*`.

mod insight;
mod readers;

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use kompis_model::insight::Insight;
use kompis_sheet::{render_report, write_report, ReportFormat, ReportInput, SheetError, SheetLang};
use readers::{pdf_fonts, pdf_images, pdf_pages, pdf_text, pdf_text_layout, squash};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Write the report for `ins` in `lang` to `dir/name` (format from the name).
fn write(ins: Insight, lang: SheetLang, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let format = ReportFormat::from_path(&path).unwrap();
    write_report(&insight::input(ins, lang), format, &path).expect("the report is written");
    path
}

/// One sheet's rows as calamine reads them.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the XLSX");
    let range = wb
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.sheet_names()
}

/// A count cell as the PDF prints it: a number grouped as `lang` writes
/// it, or the text ("< 3") as it is.
fn as_printed(d: &Data, lang: SheetLang) -> String {
    let n = match d {
        Data::Float(f) => *f as u64,
        Data::Int(i) => *i as u64,
        Data::String(s) => return s.clone(),
        other => panic!("a count cell holds {other:?}"),
    };
    let digits = n.to_string();
    let sep = if lang == SheetLang::En { "," } else { " " };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Whether a line of the laid-out text is exactly `label` then `value`
/// (spaces aside), as a key figure's row or a bar's label and number are.
fn has_row(layout: &str, label: &str, value: &str) -> bool {
    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let want = bare(&format!("{label}{value}"));
    layout.lines().any(|l| bare(l) == want)
}

/// The sheets that hold the key figures (key figures, outcomes by kind,
/// theses by level), in each language.
fn key_sheets(lang: SheetLang) -> [&'static str; 3] {
    match lang {
        SheetLang::Nb => ["Nøkkeltall", "Utfall", "Studentoppgaver"],
        SheetLang::En => ["Key figures", "Outcomes", "Theses"],
    }
}

// ---- The same figures in both formats ---------------------------------------

#[test]
fn figures_every_key_figure_of_the_xlsx_is_in_the_pdf_with_the_same_number() {
    for lang in [SheetLang::Nb, SheetLang::En] {
        let dir = tmp();
        let pdf = write(insight::sample(), lang, dir.path(), "r.pdf");
        let xlsx = write(insight::sample(), lang, dir.path(), "r.xlsx");
        let layout = pdf_text_layout(&pdf);
        let mut checked = 0;
        for name in key_sheets(lang) {
            for row in sheet(&xlsx, name).iter().skip(1) {
                let (label, value) = (text_of(&row[0]), as_printed(&row[1], lang));
                assert!(
                    has_row(&layout, &label, &value),
                    "{lang:?}: {name}: «{label} {value}» is not a line of the PDF:\n{layout}"
                );
                checked += 1;
            }
        }
        // 8 key figures, 9 outcome kinds, 4 thesis levels.
        assert_eq!(checked, 8 + 9 + 4, "{lang:?}");
    }
}

#[test]
fn figures_the_xlsx_holds_numbers_as_numbers() {
    let dir = tmp();
    let xlsx = write(insight::sample(), SheetLang::Nb, dir.path(), "r.xlsx");
    let key = sheet(&xlsx, "Nøkkeltall");
    assert_eq!(text_of(&key[0][0]), "Nøkkeltall");
    assert_eq!(text_of(&key[1][0]), "Medlemmer");
    assert_eq!(key[1][1], Data::Float(42.0));
    assert_eq!(text_of(&key[3][0]), "Aktive tilbud");
    assert_eq!(key[3][1], Data::Float(1234.0));
    // Two open vacancies: hidden.
    assert_eq!(text_of(&key[8][0]), "Ledige stillinger");
    assert_eq!(key[8][1], Data::String("< 3".into()));
    // A kind with no outcome is 0, a number.
    let outcomes = sheet(&xlsx, "Utfall");
    let internship = outcomes
        .iter()
        .find(|r| text_of(&r[0]) == "Praksis eller trainee")
        .unwrap();
    assert_eq!(internship[1], Data::Float(0.0));
}

#[test]
fn figures_every_chart_table_is_a_sheet_and_the_pdf_shows_its_rows() {
    let dir = tmp();
    let pdf = write(insight::sample(), SheetLang::Nb, dir.path(), "r.pdf");
    let xlsx = write(insight::sample(), SheetLang::Nb, dir.path(), "r.xlsx");
    assert_eq!(
        sheet_names(&xlsx),
        [
            "Om rapporten",
            "Nøkkeltall",
            "Utfall",
            "Studentoppgaver",
            "Etter type",
            "Etter kommune",
            "Temaer",
            "Treffløpet",
            "Utfall per kvartal",
            "Avslagsgrunner",
            "Gir og spør",
            "Kompetansegap",
            "Samarbeid",
        ]
    );
    // One-series charts: each row is a line "label number" in the PDF.
    let layout = pdf_text_layout(&pdf);
    for name in ["Treffløpet", "Avslagsgrunner", "Gir og spør"] {
        for row in sheet(&xlsx, name).iter().skip(1) {
            let (label, value) = (text_of(&row[0]), as_printed(&row[1], SheetLang::Nb));
            assert!(has_row(&layout, &label, &value), "{name}: {label} {value}");
        }
    }
    // Grouped and stacked charts: every label and every number is printed.
    let text = squash(&pdf_text(&pdf));
    for name in ["Etter type", "Etter kommune", "Temaer"] {
        for row in sheet(&xlsx, name).iter().skip(1) {
            assert!(text.contains(&text_of(&row[0])), "{name}: {:?}", row[0]);
        }
    }
    // A stacked bar: its parts in the legend's order, no total.
    assert!(has_row(&layout, "3. kvartal 2025", "10 · < 3"), "{layout}");
}

/// The words of a line, a number grouped with spaces ("1 234") as one.
fn numbers(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in line.split(|c: char| c.is_whitespace() || c == '·') {
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        match out.last_mut() {
            Some(last) if digits(last) && token.len() == 3 && digits(token) => last.push_str(token),
            _ => out.push(token.to_string()),
        }
    }
    out
}

// ---- Small counts -----------------------------------------------------------

#[test]
fn small_a_municipality_with_one_organisation_shows_less_than_three_never_one() {
    let dir = tmp();
    let pdf = write(insight::sample(), SheetLang::Nb, dir.path(), "r.pdf");
    let xlsx = write(insight::sample(), SheetLang::Nb, dir.path(), "r.xlsx");
    // The chart: Våler's three bars, one a line, are "< 3" organisations,
    // 4 needs and 0 offers.
    let layout = pdf_text_layout(&pdf);
    let lines: Vec<String> = layout.lines().map(squash).collect();
    let at = lines
        .iter()
        .position(|l| l == "Våler 4")
        .expect("Våler is a row");
    assert_eq!(lines[at - 1..=at + 1], ["< 3", "Våler 4", "0"]);
    let text = pdf_text(&pdf);
    // Nowhere in the PDF is a count of 1 or 2 (page numbers aside).
    for line in text.lines().filter(|l| !l.contains("Side ")) {
        for token in numbers(line) {
            assert!(token != "1" && token != "2", "a small count in {line:?}");
        }
    }
    // The sheet: the cell is the text "< 3", and no cell anywhere is 1 or 2.
    let places = sheet(&xlsx, "Etter kommune");
    let valer = places.iter().find(|r| text_of(&r[0]) == "Våler").unwrap();
    assert_eq!(valer[1], Data::String("< 3".into()));
    assert_eq!(valer[2], Data::Float(4.0));
    assert_eq!(valer[3], Data::Float(0.0));
    for name in sheet_names(&xlsx) {
        for row in sheet(&xlsx, &name) {
            for cell in row {
                assert!(
                    cell != Data::Float(1.0) && cell != Data::Float(2.0),
                    "{name}: a small count"
                );
            }
        }
    }
}

#[test]
fn small_a_gap_asked_by_one_member_says_less_than_three() {
    let dir = tmp();
    let pdf = write(insight::sample(), SheetLang::Nb, dir.path(), "r.pdf");
    let text = squash(&pdf_text(&pdf));
    assert!(text.contains("7 medlemmer trenger «Hydrogen»; ingen i nettverket tilbyr det."));
    assert!(text.contains("< 3 medlemmer trenger «Laserskanning»; ingen i nettverket tilbyr det."));
    let xlsx = write(insight::sample(), SheetLang::Nb, dir.path(), "r.xlsx");
    let gaps = sheet(&xlsx, "Kompetansegap");
    assert_eq!(text_of(&gaps[2][0]), "Laserskanning");
    assert_eq!(gaps[2][1], Data::String("< 3".into()));
    assert_eq!(gaps[2][2], Data::Float(3.0));
}

// ---- PDF ---------------------------------------------------------------------

#[test]
fn pdf_embeds_its_fonts() {
    let dir = tmp();
    let pdf = write(insight::sample(), SheetLang::Nb, dir.path(), "r.pdf");
    let fonts = pdf_fonts(&pdf);
    assert!(!fonts.is_empty());
    for (name, embedded, subset, unicode) in &fonts {
        assert!(*embedded && *subset && *unicode, "{name}: {fonts:?}");
        assert!(name.contains("DejaVuSans"), "{name}");
    }
}

/// Every content stream of the PDF, inflated.
fn content_streams(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).unwrap();
    let mut out = Vec::new();
    let mut rest = &bytes[..];
    while let Some(start) = find(rest, b"stream\n") {
        let body = &rest[start + 7..];
        let Some(end) = find(body, b"endstream") else {
            break;
        };
        let mut inflated = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut inflated)
            .is_ok()
        {
            out.push(String::from_utf8_lossy(&inflated).into_owned());
        }
        rest = &body[end + b"endstream".len()..];
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn pdf_charts_are_vector_paths_not_images() {
    let dir = tmp();
    let pdf = write(insight::large(), SheetLang::Nb, dir.path(), "r.pdf");
    assert_eq!(
        pdf_images(&pdf),
        Vec::<String>::new(),
        "no image in the PDF"
    );
    let raw = std::fs::read(&pdf).unwrap();
    assert!(find(&raw, b"/Subtype/Image").is_none() && find(&raw, b"/Subtype /Image").is_none());
    assert!(
        find(&raw, b"/XObject").is_none(),
        "nothing drawn as an object"
    );
    // The pages draw closed paths (bars: m l l l h), fill them, clip to
    // them and stroke lines across (hatches) and around (outlines).
    let streams = content_streams(&pdf).join("\n");
    let ops = |op: &str| streams.split_whitespace().filter(|t| *t == op).count();
    let counts: Vec<(&str, usize)> = ["m", "l", "h", "f", "W", "S"]
        .iter()
        .map(|op| (*op, ops(op)))
        .collect();
    for (op, at_least) in [
        ("m", 1_000),
        ("l", 2_000),
        ("h", 300),
        ("f", 200),
        ("W", 100),
        ("S", 300),
    ] {
        assert!(ops(op) >= at_least, "{op}: {counts:?}");
    }
}

#[test]
fn pdf_cover_has_the_network_the_period_the_municipality_and_the_date() {
    let dir = tmp();
    let pdf = write(insight::filtered(), SheetLang::Nb, dir.path(), "r.pdf");
    let text = pdf_text(&pdf);
    let first = squash(text.split('\u{c}').next().unwrap());
    for want in [
        "NETTVERKSRAPPORT",
        "Industrinettverket Elverumsregionen",
        "Periode 01.01.2025 – 31.12.2025",
        "Kommune Elverum",
        "Dato 27.11.2026",
        "Nøkkeltall",
        "Det nettverket mangler",
    ] {
        assert!(first.contains(want), "{want:?} not on the cover: {first}");
    }
    let unfiltered = write(insight::sample(), SheetLang::Nb, dir.path(), "u.pdf");
    assert!(!squash(&pdf_text(&unfiltered)).contains("Kommune Elverum"));
    // The methods note names the filter.
    assert!(squash(&text).contains("Kommune: bare organisasjoner i Elverum"));
}

#[test]
fn pdf_every_page_says_side_p_av_n_and_the_summary_counts_them() {
    let dir = tmp();
    let path = dir.path().join("r.pdf");
    let input = insight::input(insight::large(), SheetLang::Nb);
    let summary = write_report(&input, ReportFormat::Pdf, &path).unwrap();
    let n = pdf_pages(&path);
    assert_eq!(summary.pages, Some(n));
    assert_eq!(summary.bytes, std::fs::metadata(&path).unwrap().len());
    let text = pdf_text(&path);
    for p in 1..=n {
        assert!(text.contains(&format!("Side {p} av {n}")), "page {p}");
    }
    // 200 collaborations: the PDF lists 50 and says where the others are.
    assert!(squash(&text).contains("+ 150 flere i regnearket."));
    assert!(summary
        .warnings
        .iter()
        .any(|w| w.contains("50 av 200 samarbeid")));
}

#[test]
fn pdf_lists_the_collaborations_with_their_organisations_and_outcomes() {
    let dir = tmp();
    let pdf = write(insight::sample(), SheetLang::Nb, dir.path(), "r.pdf");
    let text = squash(&pdf_text(&pdf));
    for want in [
        "Robotcelle for palletering → Automasjon og robotikk",
        "Moelven Elverum AS ↔ Høgskolen i Innlandet · avtalt 14.09.2025 · Møte holdt, \
         Samarbeid eller prosjekt startet",
        "Trysil Trelast ↔ NTNU Gjøvik · avtalt 02.03.2025 · ingen utfall registrert ennå",
        "Om tallene",
    ] {
        assert!(text.contains(want), "{want:?}");
    }
}

#[test]
fn pdf_an_empty_chart_says_so_in_words() {
    let dir = tmp();
    let mut ins = insight::sample();
    ins.outcomes.clear();
    ins.outcomes_by_quarter
        .iter_mut()
        .for_each(|q| q.outcomes.clear());
    let pdf = write(ins, SheetLang::Nb, dir.path(), "r.pdf");
    let text = squash(&pdf_text(&pdf));
    assert_eq!(
        text.matches("Ingen utfall registrert i perioden.").count(),
        2,
        "by kind and by quarter"
    );
}

// ---- XLSX --------------------------------------------------------------------

#[test]
fn xlsx_every_sheet_has_a_frozen_header_row() {
    let dir = tmp();
    let xlsx = write(insight::sample(), SheetLang::Nb, dir.path(), "r.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut sheets = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if !name.starts_with("xl/worksheets/sheet") {
            continue;
        }
        let mut xml = String::new();
        f.read_to_string(&mut xml).unwrap();
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
            "{name}"
        );
        assert!(!xml.contains("<f>"), "{name} holds a formula");
        sheets += 1;
    }
    assert_eq!(sheets, 13);
}

#[test]
fn xlsx_collaborations_have_dates_and_outcomes_in_words() {
    let dir = tmp();
    let xlsx = write(insight::sample(), SheetLang::En, dir.path(), "r.xlsx");
    let rows = sheet(&xlsx, "Collaborations");
    assert_eq!(text_of(&rows[0][0]), "Agreed");
    assert!(matches!(rows[1][0], Data::DateTime(_)), "{:?}", rows[1][0]);
    assert_eq!(text_of(&rows[1][1]), "Robotcelle for palletering");
    assert_eq!(text_of(&rows[1][5]), "Meeting held, Project started");
    assert_eq!(text_of(&rows[2][5]), "");
}

// ---- English -----------------------------------------------------------------

#[test]
fn english_report_has_english_headings_and_labels() {
    let dir = tmp();
    let pdf = write(insight::sample(), SheetLang::En, dir.path(), "r.pdf");
    let text = squash(&pdf_text(&pdf));
    for want in [
        "NETWORK REPORT",
        "Period 01.01.2025 – 31.12.2025",
        "Key figures",
        "Members 42",
        "Active offers 1,234",
        "What the network lacks",
        "7 members need “Hydrogen”; no one in the network offers it.",
        "What the matches achieved",
        "Outcomes by kind",
        "Outcomes by quarter",
        "Q3 2025",
        "Meeting held",
        "Needs and offers by kind",
        "The match funnel: how far the pairs got",
        "Why matches were declined",
        "Selected collaborations",
        "About the figures",
        "Page 1 of",
    ] {
        assert!(text.contains(want), "{want:?} missing: {text}");
    }
    for nb in ["Nøkkeltall", "Side 1 av", "Utfall", "Møte holdt", "kvartal"] {
        assert!(!text.contains(nb), "{nb:?} in the English report");
    }
    let xlsx = write(insight::sample(), SheetLang::En, dir.path(), "r.xlsx");
    assert!(sheet_names(&xlsx).contains(&"Key figures".to_string()));
}

// ---- Nothing yet -------------------------------------------------------------

#[test]
fn empty_insight_gives_a_valid_report_that_says_there_is_nothing_yet() {
    let dir = tmp();
    let pdf = write(Insight::default(), SheetLang::Nb, dir.path(), "r.pdf");
    assert!(pdf_pages(&pdf) >= 1);
    let text = squash(&pdf_text(&pdf));
    for want in [
        "Ingen tall ennå",
        "Periode (ikke oppgitt)",
        "Medlemmer 0",
        "Ingen utfall registrert i perioden.",
        "Ingen aktive behov eller tilbud.",
        "Ingen behov med kjente temaer ennå, så ingen gap å vise.",
        "Ingen avtalte samarbeid som kan nevnes i perioden.",
    ] {
        assert!(text.contains(want), "{want:?} missing: {text}");
    }
    let xlsx = write(Insight::default(), SheetLang::Nb, dir.path(), "r.xlsx");
    let key = sheet(&xlsx, "Nøkkeltall");
    assert_eq!(key.len(), 9);
    assert!(key.iter().skip(1).all(|r| r[1] == Data::Float(0.0)));
    assert_eq!(sheet(&xlsx, "Samarbeid").len(), 1, "header only");
    let en = write(Insight::default(), SheetLang::En, dir.path(), "e.pdf");
    assert!(squash(&pdf_text(&en)).contains("Nothing to show yet"));
}

// ---- Hostile text --------------------------------------------------------------

#[test]
fn hostile_text_is_written_as_text_and_shortened_only_in_the_pdf() {
    let dir = tmp();
    let pdf_path = dir.path().join("r.pdf");
    let input = insight::input(insight::hostile(), SheetLang::Nb);
    let summary = write_report(&input, ReportFormat::Pdf, &pdf_path).unwrap();
    assert!(summary.warnings.iter().any(|w| w.contains("forkortet")));
    let text = squash(&pdf_text(&pdf_path));
    assert!(text.contains("=HYPERLINK"));
    assert!(
        text.contains("c-auto"),
        "a theme without a label shows its id"
    );
    assert!(text.contains("not a quarter"));
    assert!(text.contains("Periode garbage – 31.12.2025"));
    let xlsx = write(insight::hostile(), SheetLang::Nb, dir.path(), "r.xlsx");
    let themes = sheet(&xlsx, "Temaer");
    assert_eq!(
        themes[1][0],
        Data::String("=HYPERLINK(\"http://x\")".into())
    );
    let collabs = sheet(&xlsx, "Samarbeid");
    assert_eq!(text_of(&collabs[1][1]).len(), "Sveis ".len() * 2_000);
    assert_eq!(collabs[2][0], Data::String("31.02.2025".into()));
    assert_eq!(collabs[2][4], Data::String("+47 900 00 000".into()));
}

// ---- Writing -------------------------------------------------------------------

#[test]
fn write_refuses_an_unknown_extension_and_leaves_nothing() {
    let dir = tmp();
    let path = dir.path().join("rapport.csv");
    let err = ReportFormat::from_path(&path).unwrap_err();
    assert!(matches!(err, SheetError::Invalid(_)));
    assert!(err.to_string().contains(".pdf or .xlsx"), "{err}");
    assert!(!path.exists());
}

#[test]
fn write_replaces_a_file_atomically_and_renders_the_same_bytes_twice() {
    let dir = tmp();
    let path = dir.path().join("rapport.xlsx");
    std::fs::write(&path, b"old").unwrap();
    let input: ReportInput = insight::input(insight::sample(), SheetLang::Nb);
    write_report(&input, ReportFormat::Xlsx, &path).unwrap();
    assert_ne!(std::fs::read(&path).unwrap(), b"old");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let a = render_report(&input, ReportFormat::Pdf).unwrap();
    let b = render_report(&input, ReportFormat::Pdf).unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a.len(), b.len());
}
