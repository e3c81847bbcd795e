//! What a sheet preview holds: the first page's lines or the first table
//! rows. Shared by the preview builder and the PDF layout, which records
//! the lines as it draws them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the export screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SheetPreview {
    /// "Treffark – Nettverk – 27.11.2026".
    pub title: String,
    /// The first PDF page, line by line, as printed (already wrapped and
    /// shortened); empty for XLSX and CSV.
    pub lines: Vec<PreviewLine>,
    /// The match table's first rows (XLSX and CSV).
    pub table: Option<PreviewTable>,
    /// PDF only.
    pub pages: Option<u32>,
    pub needs: usize,
    pub offers: usize,
    pub matches: usize,
    /// Set when the options do not fit the catalogue (e.g. an unknown need id).
    pub error: Option<String>,
}

/// One line of the first page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewLine {
    pub style: PreviewStyle,
    pub text: String,
}

/// The role of a preview line, for styling it on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PreviewStyle {
    Header,
    Label,
    Title,
    Heading,
    Body,
    Muted,
    Footer,
}

/// The first rows of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewTable {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// All rows the file will hold.
    pub total_rows: usize,
}
