//! The network report: what the network achieved and still lacks, for the
//! board and the politicians, from one [`Insight`] value.
//!
//! - **PDF** ([`pdf`]): A4, a cover with the key figures, charts drawn as
//!   vector paths ([`charts`]), the competence gaps as asks, the agreed
//!   collaborations that may be named, and a note on what the figures count.
//! - **XLSX** ([`xlsx`]): the figures behind it, one sheet per table
//!   ([`tables`]).
//!
//! Both print every count through [`small::shown`]: a count below
//! [`kompis_model::insight::SMALL_COUNT`] and above 0 is "< 3", so no single
//! member can be singled out. The report counts nothing itself; it adds no
//! totals of its own, which could give a hidden count away.

mod charts;
mod labels;
mod pdf;
mod small;
mod tables;
mod xlsx;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kompis_model::insight::Insight;
use serde::{Deserialize, Serialize};

use crate::{write_atomically, Rendered, SheetError, SheetLang};

/// What the network report is made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportInput {
    /// On the cover and in every PDF page header.
    pub network_name: String,
    /// The report's date, shown as dd.mm.åååå.
    pub date: NaiveDate,
    /// The figures, from `kompis_core::api::insight`.
    pub insight: Insight,
    pub lang: SheetLang,
}

/// The report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Pdf,
    Xlsx,
}

impl ReportFormat {
    /// The format a file name asks for: `.pdf` or `.xlsx`, in any case.
    pub fn from_path(path: &Path) -> Result<ReportFormat, SheetError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => Ok(ReportFormat::Pdf),
            Some("xlsx") => Ok(ReportFormat::Xlsx),
            _ => Err(SheetError::Invalid(format!(
                "{}: the network report is written as .pdf or .xlsx",
                path.display()
            ))),
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

/// What [`write_report`] wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ReportSummary {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// A file size fits a JavaScript number.
    #[ts(type = "number")]
    pub bytes: u64,
    /// PDF only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pages: Option<u32>,
    /// Things the reader should know, as sentences (e.g. a list shortened
    /// in the PDF that the spreadsheet has whole).
    pub warnings: Vec<String>,
}

/// The report's bytes, without writing them anywhere.
pub fn render_report(input: &ReportInput, format: ReportFormat) -> Result<Vec<u8>, SheetError> {
    Ok(render(input, format)?.bytes)
}

/// Write the network report to `target`, atomically (temporary file, then
/// rename); on error nothing is left at `target`.
pub fn write_report(
    input: &ReportInput,
    format: ReportFormat,
    target: &Path,
) -> Result<ReportSummary, SheetError> {
    let rendered = render(input, format)?;
    write_atomically(target, &rendered.bytes)?;
    Ok(ReportSummary {
        path: target.to_path_buf(),
        bytes: rendered.bytes.len() as u64,
        pages: rendered.pages,
        warnings: rendered.warnings,
    })
}

fn render(input: &ReportInput, format: ReportFormat) -> Result<Rendered, SheetError> {
    match format {
        ReportFormat::Pdf => pdf::render(input),
        ReportFormat::Xlsx => xlsx::render(input),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension() {
        let f = |p: &str| ReportFormat::from_path(Path::new(p)).ok();
        assert_eq!(f("rapport.pdf"), Some(ReportFormat::Pdf));
        assert_eq!(f("/tmp/Rapport.XLSX"), Some(ReportFormat::Xlsx));
        assert_eq!(f("rapport.csv"), None);
        assert_eq!(f("rapport"), None);
    }
}
