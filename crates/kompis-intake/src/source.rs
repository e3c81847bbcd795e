//! Opening a file as tables: a spreadsheet (XLSX, XLS, ODS, by its bytes,
//! any sheet, formulas as their cached values, within the bounds of
//! [`crate::workbook`]) or CSV text, and the marker of a registration
//! workbook.

use std::path::Path;

use crate::error::{IntakeError, Result};
use crate::form::{self, FormInfo};
use crate::table::Table;
use crate::text;
use crate::workbook::{self, is_workbook};

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
    read_bytes(path, &bytes)
}

/// [`read`] of bytes already in memory; `path` names the file in sentences
/// and its extension says what it should be.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Source> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (tables, form) = if is_workbook(bytes) {
        // A damaged file must not take the program down with it.
        std::panic::catch_unwind(|| workbook::read(path, bytes)).unwrap_or_else(|_| {
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
        (text::read(path, bytes)?.into_iter().collect(), None)
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
