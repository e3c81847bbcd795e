//! CSV: the match table (without the history column the XLSX has), UTF-8
//! with a byte-order mark, RFC 4180 quoting, and OWASP formula
//! neutralisation of every text cell.

use crate::rows::{self, Cell};
use crate::select::{Lookup, Selection};
use crate::text::{date, neutralise};
use crate::{Rendered, SheetError};

pub(crate) fn render(cat: &Lookup, sel: &Selection, separator: u8) -> Result<Rendered, SheetError> {
    if !matches!(separator, b';' | b',') {
        return Err(SheetError::Invalid(format!(
            "CSV separator {:?} is not supported: use ';' or ','",
            separator as char
        )));
    }
    let table = rows::matches(cat, sel, rows::History::Left);
    let sep = separator as char;
    let mut out = String::with_capacity(64 + table.rows.len() * 256);
    out.push('\u{FEFF}');
    let header: Vec<Cell> = table
        .columns
        .iter()
        .map(|(h, _)| Cell::Text(h.to_string()))
        .collect();
    for row in std::iter::once(&header).chain(table.rows.iter()) {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            push_cell(&mut out, cell, sep);
        }
        out.push_str("\r\n");
    }
    Ok(Rendered {
        bytes: out.into_bytes(),
        pages: None,
        warnings: Vec::new(),
    })
}

fn push_cell(out: &mut String, cell: &Cell, sep: char) {
    match cell {
        Cell::Text(s) => push_field(out, &neutralise(s), sep),
        Cell::Number(n) => {
            let s = format!("{n:.3}");
            // With `;` between fields the reader expects a decimal comma.
            if sep == ';' {
                out.push_str(&s.replace('.', ","));
            } else {
                out.push_str(&s);
            }
        }
        Cell::Int(n) => out.push_str(&n.to_string()),
        Cell::Date(d) => out.push_str(&date(*d)),
        Cell::DateTime(d) => out.push_str(&d.format("%d.%m.%Y %H:%M").to_string()),
        Cell::Empty => {}
    }
}

/// RFC 4180: quote fields holding the separator, a quote or a line break;
/// double the quotes inside.
fn push_field(out: &mut String, s: &str, sep: char) {
    if s.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        let mut s = String::new();
        push_field(&mut s, "a;b \"c\"\nd", ';');
        assert_eq!(s, "\"a;b \"\"c\"\"\nd\"");
        let mut s = String::new();
        push_field(&mut s, "a,b", ';');
        assert_eq!(s, "a,b");
    }

    #[test]
    fn text_cells_are_neutralised_then_quoted() {
        let mut s = String::new();
        push_cell(&mut s, &Cell::Text("=HYPERLINK(\"x\";\"y\")".into()), ';');
        assert_eq!(s, "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"");
    }
}
