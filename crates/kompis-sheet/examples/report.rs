//! Writes the network report for hand-built figures into a folder, to look
//! at: `cargo run -p kompis-sheet --example report -- OUT`. Then
//! `pdftoppm -r 60 -png OUT/rapport.pdf OUT/rapport` renders the pages.

#[path = "../tests/insight/mod.rs"]
mod insight;

use kompis_model::insight::Insight;
use kompis_sheet::{write_report, ReportFormat, SheetLang};

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "report".into()));
    std::fs::create_dir_all(&out).expect("create the output folder");
    let runs = [
        ("rapport", insight::sample(), SheetLang::Nb),
        ("report-en", insight::sample(), SheetLang::En),
        ("elverum", insight::filtered(), SheetLang::Nb),
        ("tom", Insight::default(), SheetLang::Nb),
        ("stor", insight::large(), SheetLang::Nb),
        ("fiendtlig", insight::hostile(), SheetLang::Nb),
    ];
    for (name, ins, lang) in runs {
        let input = insight::input(ins, lang);
        for format in [ReportFormat::Pdf, ReportFormat::Xlsx] {
            let path = out.join(format!("{name}.{}", format.extension()));
            let summary = write_report(&input, format, &path).expect("the report is written");
            println!(
                "{} ({} bytes, {} pages) {:?}",
                path.display(),
                summary.bytes,
                summary.pages.map_or("-".to_string(), |p| p.to_string()),
                summary.warnings
            );
        }
    }
}
