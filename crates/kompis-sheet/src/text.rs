//! Small text helpers shared by the writers.

use chrono::NaiveDate;

/// dd.mm.åååå, as Norwegians write dates.
pub(crate) fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A score 0..1 as a whole percentage: "87 %" (bokmål and English alike).
pub(crate) fn percent(score: f64) -> String {
    let p = if score.is_finite() {
        (score * 100.0).round().clamp(0.0, 100.0)
    } else {
        0.0
    };
    format!("{p:.0} %")
}

/// Whether a spreadsheet program could read the cell as a formula (OWASP's
/// list: `=`, `+`, `-`, `@`, tab, carriage return).
pub(crate) fn looks_like_formula(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// OWASP CSV-injection defence: a leading `'` on cells that could start a formula.
pub(crate) fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Text for the PDF: control and bidi-override characters dropped (they have
/// no glyph and an override could reorder what the reader sees); tabs and line
/// ends become spaces unless `keep_newlines`.
pub(crate) fn clean_for_pdf(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len().min(64 * 1024));
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {}
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(date(d), "05.01.2027");
    }

    #[test]
    fn formulas_get_a_leading_quote() {
        for s in ["=1+1", "+47 900", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
        assert_eq!(neutralise("Sveising"), "Sveising");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn percent_is_clamped_and_rounded() {
        assert_eq!(percent(0.874), "87 %");
        assert_eq!(percent(1.7), "100 %");
        assert_eq!(percent(f64::NAN), "0 %");
    }

    #[test]
    fn pdf_text_loses_overrides_not_letters() {
        assert_eq!(clean_for_pdf("a\u{202E}bæ\tø\nå", false), "abæ ø å");
        assert_eq!(clean_for_pdf("a\r\nb", true), "a\nb");
    }
}
