//! Opening a file as tables: a spreadsheet (XLSX, XLS, ODS, by its bytes,
//! any sheet, formulas as their cached values) or CSV text, and the marker
//! of a registration workbook.

use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_auto_from_rs, Data, Reader, SheetVisible};

use crate::error::{IntakeError, Result};
use crate::form::{self, FormInfo};
use crate::table::Table;
use crate::text;

/// The largest file intake reads.
pub const MAX_FILE_MB: u64 = 64;

/// What a file holds: its tables, and the form's marker if it is a
/// registration workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Tables with at least one row, in sheet order.
    pub tables: Vec<Table>,
    /// Set when the file is a registration workbook written by Kompis.
    pub form: Option<FormInfo>,
}

/// Read a file as tables. Refuses, with a sentence, a file that is empty,
/// holds only headers, is binary, too large, or a form from a newer Kompis.
pub fn read(path: &Path) -> Result<Source> {
    let io = |source| IntakeError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_MB * 1024 * 1024 {
        return Err(IntakeError::TooLarge {
            path: path.to_path_buf(),
            size: size / (1024 * 1024),
            max: MAX_FILE_MB,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (tables, form) = if is_workbook(&bytes) {
        // A damaged file must not take the program down with it.
        std::panic::catch_unwind(|| workbook(path, &bytes)).unwrap_or_else(|_| {
            Err(IntakeError::Spreadsheet {
                path: path.to_path_buf(),
                reason: "the file is damaged".into(),
            })
        })?
    } else if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        return Err(IntakeError::NotATable {
            path: path.to_path_buf(),
            reason: format!("it is named .{ext} but is not a spreadsheet file"),
        });
    } else {
        (text::read(path, &bytes)?.into_iter().collect(), None)
    };
    if tables.is_empty() {
        return Err(IntakeError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some(f) = &form {
        if f.version > form::VERSION {
            return Err(IntakeError::NewerForm {
                path: path.to_path_buf(),
                found: f.version,
                supported: form::VERSION,
            });
        }
    }
    let (full, header_only): (Vec<Table>, Vec<Table>) =
        tables.into_iter().partition(|t| !t.rows.is_empty());
    if full.is_empty() {
        let sheets = header_only
            .iter()
            .map(|t| format!("sheet {}", t.sheet))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(IntakeError::HeaderOnly {
            path: path.to_path_buf(),
            sheets,
        });
    }
    Ok(Source { tables: full, form })
}

/// A ZIP (XLSX, ODS) or an OLE file (XLS).
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

fn workbook(path: &Path, bytes: &[u8]) -> Result<(Vec<Table>, Option<FormInfo>)> {
    let bad = |e: calamine::Error| IntakeError::Spreadsheet {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(bad)?;
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut tables = Vec::new();
    let mut info = None;
    for (name, visible) in sheets {
        let range = book.worksheet_range(&name).map_err(bad)?;
        let (top, _) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| (top + i as u32 + 1, cells.iter().map(cell_text).collect()));
        if name == form::META_SHEET {
            info = form::read_marker(rows);
        } else if visible {
            tables.extend(Table::from_rows(name, rows));
        }
    }
    Ok((tables, info))
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
