//! Kompis intake: tables in, registration workbooks out and back, as plain
//! data (no store; the core compares and saves).
//!
//! Layers, lowest first: `error`, `clean` (controls and bidi overrides
//! removed from every cell), `words` (keys through the matcher's
//! folding), `field` (headers → fields, overrides), `values` (cells as
//! people type them), `table`, `text` (CSV), `form` (the registration
//! workbook), `guard` (what a spreadsheet would make its reader allocate),
//! `workbook` (a spreadsheet's bytes, within bounds a hostile file cannot
//! break), `source` (a file as tables), `records` (rows → the
//! organisation, person and entry each names).

pub mod clean;
mod error;
pub mod field;
pub mod form;
mod guard;
pub mod records;
pub mod source;
pub mod table;
mod text;
pub mod values;
mod words;
pub mod workbook;

pub use error::{IntakeError, Result};
pub use field::{Field, Overrides};
pub use form::{FormContent, FormEntry, FormInfo, FormLang};
pub use records::{EntryValues, OrgValues, PersonValues, Problem, Record, TablePlan};
pub use source::{read, read_bytes, Source};
pub use table::{Row, Table};
pub use words::key;
