//! A structured preview of a sheet's first page (PDF) or first rows (XLSX,
//! CSV), for the export screen to show before the coordinator saves.

use crate::preview_types::{PreviewTable, SheetPreview};
use crate::select::{Lookup, Selection};
use crate::{pdf, rows, Format, SheetInput, SheetOptions};

/// How many table rows the preview of a spreadsheet shows.
const PREVIEW_ROWS: usize = 20;

/// Longest cell text in a preview table; the file itself keeps all of it.
const PREVIEW_CELL_CHARS: usize = 300;

pub(crate) fn build(input: &SheetInput, opts: &SheetOptions) -> SheetPreview {
    let cat = Lookup::new(input, opts.lang);
    let title = format!(
        "{} – {} – {}",
        match opts.lang {
            crate::SheetLang::Nb => "Treffark",
            crate::SheetLang::En => "Match sheet",
        },
        input.network_name,
        crate::text::date(input.date)
    );
    let sel = match Selection::new(&cat, &opts.scope) {
        Ok(sel) => sel,
        Err(e) => {
            return SheetPreview {
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
            let history = match opts.format {
                Format::Xlsx => rows::History::Column,
                _ => rows::History::Left,
            };
            let t = rows::matches(&cat, &sel, history);
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
    SheetPreview {
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
