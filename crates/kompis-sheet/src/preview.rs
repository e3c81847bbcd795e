//! A structured preview of a sheet's first page (PDF) or first rows (XLSX,
//! CSV), for the export screen to show before the coordinator saves.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::select::{Catalogue, Selection};
use crate::{pdf, rows, Format, SheetInput, SheetOptions};

/// How many table rows the preview of a spreadsheet shows.
const PREVIEW_ROWS: usize = 20;

/// Longest cell text in a preview table; the file itself keeps all of it.
const PREVIEW_CELL_CHARS: usize = 300;

/// What the export screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Preview {
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

pub(crate) fn build(input: &SheetInput, opts: &SheetOptions) -> Preview {
    let cat = Catalogue::new(input, opts.lang);
    let title = format!(
        "{} – {} – {}",
        match opts.lang {
            crate::Lang::Nb => "Treffark",
            crate::Lang::En => "Match sheet",
        },
        input.network_name,
        crate::text::date(input.date)
    );
    let sel = match Selection::new(&cat, &opts.scope) {
        Ok(sel) => sel,
        Err(e) => {
            return Preview {
                title,
                lines: Vec::new(),
                table: None,
                pages: None,
                needs: 0,
                offers: 0,
                matches: 0,
                error: Some(e.to_string()),
            }
        }
    };
    let counts = sel.counts();
    let (lines, table, pages) = match opts.format {
        Format::Pdf => {
            let (lines, pages) = pdf::first_page(&cat, &sel, opts.pdf_layout);
            (lines, None, Some(pages))
        }
        Format::Xlsx | Format::Csv { .. } => {
            let t = rows::matches(&cat, &sel);
            let table = PreviewTable {
                name: t.name.to_string(),
                columns: t.columns.iter().map(|(c, _)| c.to_string()).collect(),
                rows: t
                    .rows
                    .iter()
                    .take(PREVIEW_ROWS)
                    .map(|r| r.iter().map(|c| shorten(c.display())).collect())
                    .collect(),
                total_rows: t.rows.len(),
            };
            (Vec::new(), Some(table), None)
        }
    };
    Preview {
        title,
        lines,
        table,
        pages,
        needs: counts.needs,
        offers: counts.offers,
        matches: counts.matches,
        error: None,
    }
}

/// A cell for the preview table: at most [`PREVIEW_CELL_CHARS`] characters.
fn shorten(s: String) -> String {
    match s.char_indices().nth(PREVIEW_CELL_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}
