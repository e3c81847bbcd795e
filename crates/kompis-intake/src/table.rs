//! A table as read: one per sheet, its header row, and its rows as text
//! with the spreadsheet's own 1-based row numbers.

use crate::field::recognise;

/// The longest header kept.
const MAX_HEADER: usize = 100;
/// How many rows from the top may hold the header.
const HEADER_SEARCH: usize = 10;

/// One sheet (or the one table of a CSV file).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name (a CSV file's name without extension).
    pub sheet: String,
    /// The header row's number.
    pub header_row: u32,
    /// The header texts, trimmed, one per column.
    pub headers: Vec<String>,
    /// Rows under the header that hold anything, in order.
    pub rows: Vec<Row>,
}

/// One row under the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's number as the spreadsheet shows it (1-based).
    pub number: u32,
    /// The cells as text, trimmed, one per header (missing ones empty).
    pub cells: Vec<String>,
}

impl Table {
    /// Build a table from rows of text (`number`, cells); empty rows are
    /// left out. The header is the first of the first rows with a header
    /// Kompis knows, else the first with two cells or more (so a title
    /// above the table, merged across it, is passed over), else the first.
    pub fn from_rows(
        sheet: String,
        rows: impl IntoIterator<Item = (u32, Vec<String>)>,
    ) -> Option<Table> {
        let mut rows: Vec<(u32, Vec<String>)> = rows
            .into_iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        let head = &rows[..rows.len().min(HEADER_SEARCH)];
        let filled = |cells: &[String]| cells.iter().filter(|c| !c.trim().is_empty()).count();
        let at = head
            .iter()
            .position(|(_, cells)| cells.iter().any(|c| recognise(c).is_some()))
            .or_else(|| head.iter().position(|(_, cells)| filled(cells) >= 2))
            .unwrap_or(0);
        let mut rows = rows.drain(at.min(rows.len())..);
        let (header_row, headers) = rows.next()?;
        // A header is a name: one longer than this is cut, so no sentence
        // quotes a whole cell.
        let mut headers: Vec<String> = headers
            .iter()
            .map(|h| h.trim().chars().take(MAX_HEADER).collect())
            .collect();
        while headers.last().is_some_and(String::is_empty) {
            headers.pop();
        }
        let width = headers.len();
        let rows = rows
            .map(|(number, cells)| {
                let mut cells: Vec<String> =
                    cells.into_iter().map(|c| c.trim().to_string()).collect();
                cells.resize(width, String::new());
                Row { number, cells }
            })
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
            .collect();
        Some(Table {
            sheet,
            header_row,
            headers,
            rows,
        })
    }
}
