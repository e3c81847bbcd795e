//! What a spreadsheet would make its reader allocate, found before it is
//! opened: the reader (calamine) unpacks whole parts and lays each sheet out
//! as a full rectangle, so a file of a few KB can ask for GBs. Three checks:
//!
//! - a ZIP (XLSX, XLSB, ODS): the unpacked sizes its entries declare, and
//!   how many entries (the ZIP reader stops an entry that inflates past its
//!   declared size, so a bomb cannot lie about it);
//! - an ODS: the cells its repeated rows and columns stand for, and the
//!   rectangle between its first and last filled rows, by one pass over
//!   `content.xml` that keeps nothing;
//! - an XLS: the rectangle its cell records and dimensions span, sheet by
//!   sheet, by one pass over its records.

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

/// Which reader a workbook needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Xls,
    Xlsx,
    Xlsb,
    Ods,
}

/// Why a workbook is refused before it is read.
#[derive(Debug, Clone)]
pub(crate) enum Refusal {
    /// Not a readable container.
    Damaged(&'static str),
    /// More than allowed: what was found and the limit, as words.
    Unpacked { what: String, max: String },
    /// More cells than allowed.
    Cells,
}

/// The limits the checks apply.
pub(crate) struct Limits {
    pub unzipped: u64,
    pub entries: usize,
    pub cells: u64,
}

/// The reader a ZIP needs, once its entries are found within `limits`.
pub(crate) fn zip(bytes: &[u8], limits: &Limits) -> Result<Kind, Refusal> {
    let damaged = |_| Refusal::Damaged("the file is damaged (not a readable ZIP archive)");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if zip.len() > limits.entries {
        return Err(Refusal::Unpacked {
            what: format!("{} parts", zip.len()),
            max: format!("{} parts", limits.entries),
        });
    }
    let (mut total, mut xlsb, mut ods) = (0u64, false, false);
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        total = total.saturating_add(entry.size());
        let name = entry.name().map_err(damaged)?;
        xlsb |= name.ends_with("workbook.bin");
        ods |= name == "content.xml";
    }
    if total > limits.unzipped {
        return Err(Refusal::Unpacked {
            what: format!("{} MB", total / (1024 * 1024)),
            max: format!("{} MB", limits.unzipped / (1024 * 1024)),
        });
    }
    if ods {
        ods_cells(bytes, limits.cells)?;
    }
    Ok(if xlsb {
        Kind::Xlsb
    } else if ods {
        Kind::Ods
    } else {
        Kind::Xlsx
    })
}

/// The reader's caps on a sheet, which bound what repeats may ask for.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// One ODS table as the reader would lay it out.
#[derive(Default)]
struct OdsTable {
    /// Rows so far (the reader caps them).
    rows: u64,
    /// Rows from the first filled one to the last, repeats counted.
    span: u64,
    /// Empty rows since the last filled one.
    pending: u64,
    /// Widest filled row.
    width: u64,
}

/// Refuses an ODS whose tables would make more than `max` cells.
fn ods_cells(bytes: &[u8], max: u64) -> Result<(), Refusal> {
    let damaged = Refusal::Damaged("the file is damaged (its content.xml cannot be read)");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged.clone())?;
    let content = zip.by_name("content.xml").map_err(|_| damaged.clone())?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let (mut total, mut table) = (0u64, OdsTable::default());
    // The row being read: its repeat, its width so far, its filled width.
    let (mut in_row, mut row_rep, mut row_w, mut filled_w) = (false, 1u64, 0u64, 0u64);
    let over = |n: u64| if n > max { Err(Refusal::Cells) } else { Ok(()) };
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|_| damaged.clone())?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:table" => table = OdsTable::default(),
                "table:table-row" => {
                    let rep = repeat(e, "table:number-rows-repeated");
                    row_rep = rep.min(MAX_ROWS.saturating_sub(table.rows));
                    table.rows = table.rows.saturating_add(row_rep);
                    (in_row, row_w, filled_w) = (true, 0, 0);
                }
                "table:table-cell" | "table:covered-table-cell" if in_row => {
                    let rep = repeat(e, "table:number-columns-repeated");
                    row_w = row_w.saturating_add(rep).min(MAX_COLUMNS);
                    // A cell with content, or one that may have some.
                    if !empty
                        || e.try_get_attribute("office:value-type")
                            .ok()
                            .flatten()
                            .is_some()
                    {
                        filled_w = row_w;
                    }
                    // The reader holds the row's cells up to its last filled one.
                    over(total.saturating_add(filled_w))?;
                }
                _ => {}
            }
        }
        let ends_row = match &event {
            Event::End(e) => e.name().as_ref() == "table:table-row",
            Event::Empty(e) => e.name().as_ref() == "table:table-row",
            _ => false,
        };
        if ends_row && in_row {
            in_row = false;
            total = total.saturating_add(filled_w);
            if filled_w > 0 {
                table.span = table.span.saturating_add(table.pending + row_rep);
                table.pending = 0;
                table.width = table.width.max(filled_w);
            } else if table.span > 0 {
                table.pending = table.pending.saturating_add(row_rep);
            }
            // The rectangle so far, on top of what was read.
            over(total.saturating_add(table.span.saturating_mul(table.width)))?;
        }
        match event {
            Event::End(e) if e.name().as_ref() == "table:table" => {
                total = total.saturating_add(table.span.saturating_mul(table.width));
                over(total)?;
                table = OdsTable::default();
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// A repeat count attribute (1 when absent or not a number).
fn repeat(e: &BytesStart<'_>, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
}

/// Refuses an XLS whose sheets would make more than `max` cells.
pub(crate) fn xls(bytes: &[u8], max: u64) -> Result<(), Refusal> {
    let damaged = |_| Refusal::Damaged("the file is damaged (not a readable Excel 97–2003 file)");
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or(Refusal::Damaged("it has no workbook inside"))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(damaged)?;
    let mut total = 0u64;
    let mut sheet = Rect::default();
    let mut at = 0usize;
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let r = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        let u16_at = |i: usize| {
            r.get(i..i + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        let u32_at = |i: usize| {
            r.get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        match typ {
            // BOF: a new substream (the globals, a sheet, a chart …).
            0x0809 => {
                total = total.saturating_add(sheet.cells());
                sheet = Rect::default();
            }
            // DIMENSIONS: the reader reserves the rectangle it declares.
            0x0200 => {
                let (rf, rl, cf, cl) = match r.len() {
                    10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
                    _ => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
                };
                if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) {
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    // As the reader computes it, wrapping where it would.
                    let (rows, cols) = if rl >= 1 && cl >= 1 {
                        let span = |a: u32, b: u32| (a - 1).wrapping_sub(b).wrapping_add(1);
                        (span(rl, rf), span(cl, cf))
                    } else {
                        (1, 1)
                    };
                    sheet.reserved = u64::from(rows).saturating_mul(u64::from(cols));
                }
            }
            // Cell records: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(0), u16_at(2)) {
                    sheet.add(row, col);
                }
            }
            // MULRK: a row's run of columns.
            0x00BD => {
                if let (Some(row), Some(first), Some(last)) = (
                    u16_at(0),
                    u16_at(2),
                    r.len().checked_sub(2).and_then(u16_at),
                ) {
                    sheet.add(row, first);
                    sheet.add(row, last);
                }
            }
            _ => {}
        }
        if total.saturating_add(sheet.cells()) > max {
            return Err(Refusal::Cells);
        }
    }
    Ok(())
}

/// The rectangle of one XLS sheet's cells, and what its dimensions reserve.
#[derive(Default)]
struct Rect {
    span: Option<(u32, u32, u32, u32)>,
    reserved: u64,
}

impl Rect {
    fn add(&mut self, row: u32, col: u32) {
        self.span = Some(match self.span {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    /// Cells the reader allocates for the sheet: the rectangle (its value
    /// and formula layers) and the reservation.
    fn cells(&self) -> u64 {
        let rect = self.span.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1).saturating_mul(u64::from(c1 - c0 + 1))
        });
        rect.saturating_mul(2).saturating_add(self.reserved)
    }
}
