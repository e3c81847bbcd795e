//! A table as read: one per sheet, its header row, and its rows as text
//! with the spreadsheet's own 1-based row numbers.

use crate::clean::{clean, clean_in_place};
use crate::error::{IntakeError, Result};
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
    /// The cells as text, trimmed and [`clean`]ed, one per header (missing
    /// ones empty).
    pub cells: Vec<String>,
}

/// How many more cells the tables of one file may hold.
#[derive(Debug, Clone)]
pub struct Budget {
    left: usize,
    max: usize,
}

impl Budget {
    /// A budget of `max` cells.
    pub fn new(max: usize) -> Self {
        Budget { left: max, max }
    }

    /// Spends `n` cells of sheet `sheet`, or refuses the file.
    pub fn take(&mut self, n: usize, sheet: &str) -> Result<()> {
        match self.left.checked_sub(n) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(IntakeError::TooManyCells {
                sheet: sheet.to_string(),
                max: self.max,
            }),
        }
    }
}

impl Table {
    /// Build a table from rows of text (`number`, cells); empty rows are
    /// left out. The header is the first of the first rows with a header
    /// Kompis knows, else the first with two cells or more (so a title
    /// above the table, merged across it, is passed over), else the first.
    /// Filling short rows to the header's width spends `budget`.
    pub fn from_rows(
        sheet: String,
        rows: impl IntoIterator<Item = (u32, Vec<String>)>,
        budget: &mut Budget,
    ) -> Result<Option<Table>> {
        let mut rows: Vec<(u32, Vec<String>)> = rows
            .into_iter()
            .map(|(n, mut cells)| {
                cells.iter_mut().for_each(clean_in_place);
                (n, cells)
            })
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
        let Some((header_row, headers)) = rows.next() else {
            return Ok(None);
        };
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
        let mut kept = Vec::new();
        for (number, cells) in rows {
            let mut cells: Vec<String> = cells
                .into_iter()
                .take(width)
                .map(|c| c.trim().to_string())
                .collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            budget.take(width - cells.len(), &sheet)?;
            cells.resize(width, String::new());
            kept.push(Row { number, cells });
        }
        Ok(Some(Table {
            sheet: clean(&sheet).into_owned(),
            header_row,
            headers,
            rows: kept,
        }))
    }
}
