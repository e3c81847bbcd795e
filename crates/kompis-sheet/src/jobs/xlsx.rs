//! The job sheet as a workbook: one row per vacancy (a package's ranked,
//! with the match, the driving time and why) and a sheet about the region,
//! through the match sheets' writer (bold frozen header row, filter, text
//! never a formula, deadlines as dates).

use super::rows::tables;
use super::JobSheetInput;
use crate::{Rendered, SheetError};

pub(crate) fn render(input: &JobSheetInput) -> Result<Rendered, SheetError> {
    crate::xlsx::workbook(&input.network_name, input.date, &tables(input))
}
