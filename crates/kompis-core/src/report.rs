//! The network report: the insight figures for a period and a municipality,
//! written by `kompis-sheet` as a PDF for the board and the politicians or
//! as an XLSX with the figures behind it.

use std::path::Path;

use chrono::Local;
use kompis_model::insight::Insight;
use kompis_sheet::{ReportFormat, ReportInput, ReportSummary, SheetLang};

use crate::error::Result;
use crate::sheets::NETWORK_NAME;

/// Writes the report of `insight` to `path` (PDF or XLSX by its
/// extension), atomically; refuses any other extension with a sentence.
pub(crate) fn write_report(
    insight: Insight,
    lang: SheetLang,
    path: &Path,
) -> Result<ReportSummary> {
    let format = ReportFormat::from_path(path)?;
    let input = ReportInput {
        network_name: NETWORK_NAME.into(),
        date: Local::now().date_naive(),
        insight,
        lang,
    };
    Ok(kompis_sheet::write_report(&input, format, path)?)
}
