//! Writes every kind of sheet for the example (or hostile) catalogue into a
//! folder, to look at: `cargo run -p kompis-sheet --example render -- OUT [hostile|many|big [NEEDS]]`.

#[path = "../tests/common/mod.rs"]
mod common;

use kompis_sheet::{write_sheet, Format, PdfLayout, Scope, SheetLang, SheetOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "sheets".into()));
    let input = match args.next().as_deref() {
        Some("hostile") => common::hostile(),
        Some("many") => common::many_matches(),
        Some("big") => {
            let n = args.next().and_then(|n| n.parse().ok()).unwrap_or(40);
            common::big(n, 5)
        }
        _ => common::demo(),
    };
    std::fs::create_dir_all(&out).expect("create the output folder");
    let runs = [
        (
            "per-need.pdf",
            Format::Pdf,
            PdfLayout::PerNeed,
            SheetLang::Nb,
            Scope::All,
        ),
        (
            "per-org.pdf",
            Format::Pdf,
            PdfLayout::PerOrganisation,
            SheetLang::Nb,
            Scope::All,
        ),
        (
            "summary.pdf",
            Format::Pdf,
            PdfLayout::Summary,
            SheetLang::Nb,
            Scope::All,
        ),
        (
            "per-need-en.pdf",
            Format::Pdf,
            PdfLayout::PerNeed,
            SheetLang::En,
            Scope::All,
        ),
        (
            "one-org.pdf",
            Format::Pdf,
            PdfLayout::PerOrganisation,
            SheetLang::Nb,
            Scope::Organisation("o-2".into()),
        ),
        (
            "sheet.xlsx",
            Format::Xlsx,
            PdfLayout::PerNeed,
            SheetLang::Nb,
            Scope::All,
        ),
        (
            "sheet.csv",
            Format::CSV,
            PdfLayout::PerNeed,
            SheetLang::Nb,
            Scope::All,
        ),
    ];
    for (name, format, pdf_layout, lang, scope) in runs {
        let opts = SheetOptions {
            format,
            scope,
            lang,
            pdf_layout,
        };
        let t = std::time::Instant::now();
        let _ = kompis_sheet::preview(&input, &opts);
        let preview_time = t.elapsed();
        let t = std::time::Instant::now();
        let summary = write_sheet(&input, &opts, &out.join(name)).expect("write the sheet");
        println!(
            "{name}: {} bytes, pages {:?}, preview (layout only) {preview_time:.2?}, write {:.2?}, warnings {:?}",
            summary.bytes,
            summary.pages,
            t.elapsed(),
            summary.warnings
        );
    }
}
