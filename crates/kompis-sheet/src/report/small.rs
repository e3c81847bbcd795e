//! The small-count rule, once for both formats: a count below
//! [`SMALL_COUNT`] and above 0 is shown as "< 3"; 0 stays 0.

use kompis_model::insight::SMALL_COUNT;

use crate::rows::Cell;
use crate::SheetLang;

/// A count as the report may show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    /// Shown as it is (0, or [`SMALL_COUNT`] and above).
    Count(u32),
    /// Hidden: 1 up to [`SMALL_COUNT`] − 1.
    Few,
}

/// How the report may show `n`.
pub(crate) fn shown(n: u32) -> Shown {
    if n > 0 && n < SMALL_COUNT {
        Shown::Few
    } else {
        Shown::Count(n)
    }
}

/// "< 3".
pub(crate) fn few_text() -> String {
    format!("< {SMALL_COUNT}")
}

/// `n` as the PDF prints it: grouped as the language writes numbers
/// ("1 200", "1,200"), or "< 3".
pub(crate) fn count_text(n: u32, lang: SheetLang) -> String {
    match shown(n) {
        Shown::Count(n) => grouped(n, lang),
        Shown::Few => few_text(),
    }
}

/// `n` as the XLSX holds it: a number, or the text "< 3".
pub(crate) fn count_cell(n: u32) -> Cell {
    match shown(n) {
        Shown::Count(n) => Cell::Int(i64::from(n)),
        Shown::Few => Cell::Text(few_text()),
    }
}

/// Thousands grouped with a no-break space (bokmål) or a comma (English).
fn grouped(n: u32, lang: SheetLang) -> String {
    let sep = match lang {
        SheetLang::Nb => '\u{A0}',
        SheetLang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_below_three_are_hidden_and_zero_is_not() {
        assert_eq!(shown(0), Shown::Count(0));
        assert_eq!(shown(1), Shown::Few);
        assert_eq!(shown(2), Shown::Few);
        assert_eq!(shown(3), Shown::Count(3));
        assert_eq!(count_text(2, SheetLang::Nb), "< 3");
        assert_eq!(count_cell(1), Cell::Text("< 3".into()));
        assert_eq!(count_cell(0), Cell::Int(0));
        assert_eq!(count_cell(7), Cell::Int(7));
    }

    #[test]
    fn thousands_are_grouped_as_each_language_writes_them() {
        assert_eq!(count_text(20_000, SheetLang::Nb), "20\u{A0}000");
        assert_eq!(count_text(1_234_567, SheetLang::En), "1,234,567");
        assert_eq!(count_text(999, SheetLang::En), "999");
        assert_eq!(count_text(u32::MAX, SheetLang::En), "4,294,967,295");
    }
}
