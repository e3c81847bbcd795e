//! Plain aligned text tables for people at a terminal.

/// Longest cell shown before it is cut with "…".
const MAX_CELL: usize = 60;

fn cut(s: &str) -> String {
    let one_line = s.replace(['\n', '\r', '\t'], " ");
    if one_line.chars().count() > MAX_CELL {
        let mut c: String = one_line.chars().take(MAX_CELL - 1).collect();
        c.push('…');
        c
    } else {
        one_line
    }
}

/// Print a header and rows with columns aligned by character count.
pub fn print(header: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        say!("(none)");
        return;
    }
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        say!("{}", padded.join("  ").trim_end());
    };
    line(header.to_vec());
    for r in &rows {
        line(r.iter().map(String::as_str).collect());
    }
}
