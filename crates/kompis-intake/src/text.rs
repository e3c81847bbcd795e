//! CSV and tab-separated text: UTF-8 (with or without BOM), UTF-16 with a
//! BOM (Excel's "Unicode text") or Windows-1252 (Norwegian Excel's "CSV
//! (semikolonseparert)"); the separator `;`, `,` or tab sniffed from the
//! header line.

use std::path::Path;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::{IntakeError, Result};
use crate::table::{Budget, Table};
use crate::workbook::MAX_CELLS;

/// Decode the bytes of a text table into a string.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if bytes.starts_with(b"\xFF\xFE") {
        UTF_16LE.decode_with_bom_removal(bytes).0.into_owned()
    } else if bytes.starts_with(b"\xFE\xFF") {
        UTF_16BE.decode_with_bom_removal(bytes).0.into_owned()
    } else if looks_binary(bytes) {
        return Err(IntakeError::NotATable {
            path: path.to_path_buf(),
            reason: "it holds binary data, not text".into(),
        });
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    };
    Ok(text)
}

/// NUL bytes or many control characters in the first 8 KB: not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    head.contains(&0) || control * 20 > head.len().max(1)
}

/// The separator the header line uses most: `;`, tab or `,`.
pub fn sniff_separator(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut in_quotes = false;
    let mut counts = [0usize; 3];
    for c in first.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => counts[0] += 1,
            '\t' if !in_quotes => counts[1] += 1,
            ',' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b';', b'\t', b','];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(2);
    if counts[best] == 0 {
        b','
    } else {
        seps[best]
    }
}

/// Read a text table; rows are numbered by record, as a spreadsheet
/// opening the file would number them.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Option<Table>> {
    let text = decode(path, bytes)?;
    let sep = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let numbers = row_numbers(&text);
    let sheet = path
        .file_stem()
        .map_or_else(|| "CSV".to_string(), |s| s.to_string_lossy().into_owned());
    let mut budget = Budget::new(MAX_CELLS);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| IntakeError::Csv {
            path: path.to_path_buf(),
            line: e.position().map_or(i as u64 + 1, |p| p.line()),
            reason: e.to_string(),
        })?;
        let number = numbers.get(i).copied().unwrap_or(i as u32 + 1);
        budget.take(record.len(), &sheet)?;
        rows.push((number, record.iter().map(str::to_string).collect()));
    }
    Table::from_rows(sheet, rows, &mut budget)
}

/// The row number a spreadsheet shows for each line that is not blank, as
/// the CSV reader meets them: a blank line is an empty row, and a quoted
/// line break stays inside its cell.
fn row_numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut row, mut in_quotes, mut blank) = (1u32, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                blank = false;
            }
            '\r' | '\n' if !in_quotes => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if !blank {
                    out.push(row);
                }
                row += 1;
                blank = true;
            }
            _ => blank = false,
        }
    }
    if !blank {
        out.push(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_sniffed_outside_quotes() {
        assert_eq!(sniff_separator("Tittel;Beskrivelse;\"a,b\"\n"), b';');
        assert_eq!(sniff_separator("Title\tDescription\n"), b'\t');
        assert_eq!(sniff_separator("Title,Description\n"), b',');
        assert_eq!(sniff_separator("Title\n"), b',');
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        assert_eq!(row_numbers("a;b\r\nc\r\n\r\n\"g\nh\";i\r\nj"), [1, 2, 4, 5]);
    }

    #[test]
    fn windows_1252_is_decoded() {
        let (bytes, _, _) = WINDOWS_1252.encode("Tittel;Beskrivelse\nSveising;Bærekraft i Åmot\n");
        let text = decode(Path::new("x.csv"), &bytes).unwrap();
        assert!(text.contains("Bærekraft i Åmot"), "{text}");
    }

    #[test]
    fn binary_is_refused() {
        let err = decode(Path::new("x.csv"), b"\x00\x01\x02PNG\x00").unwrap_err();
        assert!(err.to_string().contains("not a table"), "{err}");
    }
}
