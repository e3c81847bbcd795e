//! XLSX: five sheets (matches, needs, offers, organisations, people; the
//! network report writes its own tables through [`workbook`]), each with
//! a bold, frozen, filterable header row and set column widths. Text is always
//! written with `write_string`, so nothing from the catalogue becomes a formula;
//! dates are dates and scores are numbers.

use chrono::{Datelike, NaiveDate, Timelike};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError,
};

use crate::rows::{self, Cell, Table};
use crate::select::{Lookup, Selection};
use crate::{Rendered, SheetError};

/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;

fn err(e: XlsxError) -> SheetError {
    SheetError::Render {
        format: "XLSX",
        message: e.to_string(),
    }
}

struct Formats {
    header: Format,
    date: Format,
    datetime: Format,
    score: Format,
}

pub(crate) fn render(cat: &Lookup, sel: &Selection) -> Result<Rendered, SheetError> {
    let tables = [
        rows::matches(cat, sel, rows::History::Column),
        rows::needs(cat, sel),
        rows::offers(cat, sel),
        rows::organisations(cat, sel),
        rows::people(cat, sel),
    ];
    workbook(&cat.input.network_name, cat.input.date, &tables)
}

/// A workbook of `tables`, one sheet each, titled with the network's name
/// and the date (the match sheets' and the network report's).
pub(crate) fn workbook(
    network_name: &str,
    date: NaiveDate,
    tables: &[Table],
) -> Result<Rendered, SheetError> {
    let mut workbook = Workbook::new();
    let props = DocProperties::new()
        .set_title(format!("{network_name} – {}", crate::text::date(date)))
        .set_company(network_name);
    workbook.set_properties(&props);
    let f = Formats {
        header: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDCE6F0))
            .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
        date: Format::new().set_num_format("dd.mm.yyyy"),
        datetime: Format::new().set_num_format("dd.mm.yyyy hh:mm"),
        score: Format::new().set_num_format("0.00"),
    };
    let mut warnings = Vec::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        write_table(sheet, table, &f, &mut warnings).map_err(err)?;
    }
    let bytes = workbook.save_to_buffer().map_err(err)?;
    Ok(Rendered {
        bytes,
        pages: None,
        warnings,
    })
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    f: &Formats,
    warnings: &mut Vec<String>,
) -> Result<(), XlsxError> {
    sheet.set_name(table.name)?;
    for (col, (header, width)) in table.columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *header, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    if s.chars().count() > MAX_CELL_CHARS {
                        let cut: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
                        warnings.push(format!(
                            "{} row {r}: a text longer than Excel's 32,767 characters was shortened",
                            table.name
                        ));
                        sheet.write_string(r, c, format!("{cut}…"))?;
                    } else {
                        sheet.write_string(r, c, s.as_str())?;
                    }
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, c, *n, &f.score)?;
                }
                Cell::Int(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Date(d) => {
                    sheet.write_datetime_with_format(r, c, excel_date(*d)?, &f.date)?;
                }
                Cell::DateTime(d) => {
                    let n = d.naive_utc();
                    let dt = excel_date(n.date())?.and_hms(
                        n.hour() as u16,
                        n.minute() as u8,
                        n.second(),
                    )?;
                    sheet.write_datetime_with_format(r, c, dt, &f.datetime)?;
                }
                Cell::Empty => {}
            }
        }
    }
    let last_col = table.columns.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    // Printed: A4 landscape with the header on every page. (Fitting all
    // columns to one page width made 4-point text; the PDF is for printing.)
    sheet.set_paper_size(9).set_landscape();
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        d.year().clamp(1900, 9999) as u16,
        d.month() as u8,
        d.day() as u8,
    )
}
