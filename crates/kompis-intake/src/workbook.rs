//! A spreadsheet's bytes as rows of text, within bounds a hostile file
//! cannot break: a ZIP (XLSX, XLSB, ODS) whose entries declare more than
//! [`MAX_UNZIPPED_MB`] unpacked, or has more than [`MAX_ENTRIES`] entries,
//! is refused before anything is unpacked, and an ODS or XLS that would
//! lay out more than [`MAX_CELLS`] cells before it is opened
//! ([`crate::guard`]); XLSX and XLSB sheets are read cell by cell, so two cells far
//! apart (A1 and XFD1048576) cost two cells, not the rectangle between
//! them; and tables of more than [`MAX_CELLS`] cells are refused. Formulas arrive as the
//! values the spreadsheet saved for them, never evaluated. XML entities
//! other than the five of XML and character references are not expanded
//! (the reader refuses them), so "billion laughs" is refused too.

use std::io::{Cursor, Read, Seek};
use std::path::Path;

use calamine::{Cell, Data, DataRef, Ods, Reader, SheetVisible, Xls, Xlsb, Xlsx};

use crate::error::{IntakeError, Result};
use crate::form::{self, FormInfo};
use crate::guard::{self, Kind, Limits, Refusal};
use crate::table::{Budget, Table};

/// Most bytes all entries of a spreadsheet's ZIP may unpack to, in MiB.
pub const MAX_UNZIPPED_MB: u64 = 100;
/// Most entries in a spreadsheet's ZIP.
pub const MAX_ENTRIES: usize = 10_000;
/// Most cells read from one file (rows × columns of its tables).
pub const MAX_CELLS: usize = 2_000_000;

/// A ZIP (XLSX, ODS) or an OLE file (XLS).
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(OLE)
}

const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The tables and form marker of a workbook's bytes.
pub(crate) fn read(path: &Path, bytes: &[u8]) -> Result<(Vec<Table>, Option<FormInfo>)> {
    let bad = |reason: String| IntakeError::Spreadsheet {
        path: path.to_path_buf(),
        reason,
    };
    let limits = Limits {
        unzipped: MAX_UNZIPPED_MB * 1024 * 1024,
        entries: MAX_ENTRIES,
        cells: MAX_CELLS as u64,
    };
    let checked = if bytes.starts_with(OLE) {
        guard::xls(bytes, limits.cells).map(|()| Kind::Xls)
    } else {
        guard::zip(bytes, &limits)
    };
    let kind = checked.map_err(|r| match r {
        Refusal::Damaged(reason) => bad(reason.into()),
        Refusal::Unpacked { what, max } => IntakeError::Unpacked {
            path: path.to_path_buf(),
            what,
            max,
        },
        Refusal::Cells => IntakeError::TooManyCells {
            sheet: path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            max: MAX_CELLS,
        },
    })?;
    let cur = Cursor::new(bytes);
    let mut budget = Budget::new(MAX_CELLS);
    match kind {
        Kind::Xlsx => {
            let mut book = Xlsx::new(cur).map_err(|e| bad(e.to_string()))?;
            tables(&mut book, &mut budget, xlsx_rows)
        }
        Kind::Xlsb => {
            let mut book = Xlsb::new(cur).map_err(|e| bad(e.to_string()))?;
            tables(&mut book, &mut budget, xlsb_rows)
        }
        Kind::Ods => {
            let mut book = Ods::new(cur).map_err(|e| bad(e.to_string()))?;
            tables(&mut book, &mut budget, dense_rows)
        }
        Kind::Xls => {
            let mut book = Xls::new(cur).map_err(|e| bad(e.to_string()))?;
            tables(&mut book, &mut budget, dense_rows)
        }
    }
    .map_err(|e| match e {
        Failure::Intake(e) => e,
        Failure::Reader(reason) => bad(reason),
    })
}

/// What reading a sheet can fail with: the reader's own words, or a limit.
enum Failure {
    Reader(String),
    Intake(IntakeError),
}

impl From<IntakeError> for Failure {
    fn from(e: IntakeError) -> Self {
        Failure::Intake(e)
    }
}

type Rows = Vec<(u32, Vec<String>)>;

/// Every visible sheet as a table, and the form's marker sheet.
fn tables<RS, R>(
    book: &mut R,
    budget: &mut Budget,
    mut rows_of: impl FnMut(&mut R, &str, &mut Budget) -> std::result::Result<Rows, Failure>,
) -> std::result::Result<(Vec<Table>, Option<FormInfo>), Failure>
where
    RS: Read + Seek,
    R: Reader<RS>,
{
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut tables = Vec::new();
    let mut info = None;
    for (name, visible) in sheets {
        if name != form::META_SHEET && !visible {
            continue;
        }
        let rows = rows_of(book, &name, budget)?;
        if name == form::META_SHEET {
            info = form::read_marker(rows.into_iter());
        } else {
            tables.extend(Table::from_rows(name, rows, budget)?);
        }
    }
    Ok((tables, info))
}

/// A sheet through the reader's whole range (XLS, ODS: counted before).
fn dense_rows<RS, R>(
    book: &mut R,
    name: &str,
    budget: &mut Budget,
) -> std::result::Result<Rows, Failure>
where
    RS: Read + Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let range = book
        .worksheet_range(name)
        .map_err(|e| Failure::Reader(e.to_string()))?;
    let (top, _) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        budget.take(cells.len(), name)?;
        rows.push((top + i as u32 + 1, cells.iter().map(cell_text).collect()));
    }
    Ok(rows)
}

/// An XLSX sheet cell by cell: only the cells it holds cost memory.
fn xlsx_rows<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    budget: &mut Budget,
) -> std::result::Result<Rows, Failure> {
    let failed = |e: calamine::XlsxError| Failure::Reader(e.to_string());
    let mut cells = book.worksheet_cells_reader(name).map_err(failed)?;
    sparse_rows(name, budget, || cells.next_cell().map_err(failed))
}

/// [`xlsx_rows`] for XLSB.
fn xlsb_rows<RS: Read + Seek>(
    book: &mut Xlsb<RS>,
    name: &str,
    budget: &mut Budget,
) -> std::result::Result<Rows, Failure> {
    let failed = |e: calamine::XlsbError| Failure::Reader(e.to_string());
    let mut cells = book.worksheet_cells_reader(name).map_err(failed)?;
    sparse_rows(name, budget, || cells.next_cell().map_err(failed))
}

type NextCell<'a> = std::result::Result<Option<Cell<DataRef<'a>>>, Failure>;

/// Rows of the cells `next` yields, each filled cell and each gap before
/// one spending `budget`.
fn sparse_rows<'a>(
    name: &str,
    budget: &mut Budget,
    mut next: impl FnMut() -> NextCell<'a>,
) -> std::result::Result<Rows, Failure> {
    let mut found: Vec<(u32, u32, String)> = Vec::new();
    while let Some(cell) = next()? {
        let (row, col) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        budget.take(1, name)?;
        found.push((row, col, text));
    }
    found.sort_by_key(|c| (c.0, c.1));
    let mut rows: Rows = Vec::new();
    for (row, col, text) in found {
        if rows.last().is_none_or(|r| r.0 != row + 1) {
            rows.push((row + 1, Vec::new()));
        }
        let cells = &mut rows.last_mut().expect("a row was pushed").1;
        let col = col as usize;
        if cells.len() <= col {
            // The gap before a cell costs its width.
            budget.take(col + 1 - cells.len(), name)?;
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
    }
    Ok(rows)
}

/// A cell as text: numbers without a needless `.0`, dates as ISO, errors
/// as the spreadsheet shows them. Formulas arrive as their cached values.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "Ja" } else { "Nei" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::Error(e) => e.to_string(),
    }
}
