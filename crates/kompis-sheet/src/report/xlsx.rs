//! The figures behind the report as a workbook, one sheet per table, through
//! the match sheets' writer (bold frozen header row, filter, widths): counts
//! as numbers, a hidden small count as the text "< 3".

use super::tables::{about, collaborations, figures, gaps};
use super::ReportInput;
use crate::{Rendered, SheetError};

pub(crate) fn render(input: &ReportInput) -> Result<Rendered, SheetError> {
    let f = figures(input);
    let tables = [
        about(input),
        f.key.table(),
        f.outcomes.table(),
        f.theses.table(),
        f.by_kind.table(),
        f.by_municipality.table(),
        f.themes.table(),
        f.funnel.table(),
        f.quarters.table(),
        f.declines.table(),
        f.balance.table(),
        gaps(input),
        collaborations(input),
    ];
    crate::xlsx::workbook(&input.network_name, input.date, &tables)
}
