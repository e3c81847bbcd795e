//! "Innsyn": everything the catalogue holds about one person as a readable
//! A4 PDF, from a [`PersonExport`] (the person and their consent history,
//! the entries they are the contact of, the match notes that name them).
//! Pages, header, footer and fonts are the match sheets' ([`crate::pdf`]);
//! the file is written atomically.

mod labels;
mod pdf;

use std::path::Path;

use chrono::NaiveDate;
use kompis_model::privacy::PersonExport;

use crate::{write_atomically, ReportSummary, SheetError, SheetLang};

/// What a person's sheet is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSheetInput {
    /// In every page header.
    pub network_name: String,
    /// The sheet's date, shown as dd.mm.åååå.
    pub date: NaiveDate,
    pub lang: SheetLang,
    pub export: PersonExport,
}

/// The person's sheet as PDF bytes, without writing them anywhere.
pub fn render_person_sheet(input: &PersonSheetInput) -> Result<Vec<u8>, SheetError> {
    Ok(pdf::render(input)?.bytes)
}

/// Write the person's sheet as a PDF to `target`, atomically; on error
/// nothing is left at `target`.
pub fn write_person_sheet(
    input: &PersonSheetInput,
    target: &Path,
) -> Result<ReportSummary, SheetError> {
    let rendered = pdf::render(input)?;
    write_atomically(target, &rendered.bytes)?;
    Ok(ReportSummary {
        path: target.to_path_buf(),
        bytes: rendered.bytes.len() as u64,
        pages: rendered.pages,
        warnings: rendered.warnings,
    })
}
