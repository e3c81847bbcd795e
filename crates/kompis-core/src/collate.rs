//! Norwegian ordering and folding: æ, ø, å sort after z, in that order, and
//! case is folded with Unicode rules (not ASCII only).

use std::cmp::Ordering;

/// Fold for comparison and search: Unicode lowercase.
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// Fold and spell æ, ø, å the way people type without them (ae, o, a).
pub fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            other => out.push(other),
        }
    }
    out
}

fn rank(c: char) -> u32 {
    match c {
        'æ' | 'ä' => 'z' as u32 + 1,
        'ø' | 'ö' => 'z' as u32 + 2,
        'å' => 'z' as u32 + 3,
        other => other as u32,
    }
}

/// Compare two strings in Norwegian order, case-insensitively first.
pub fn cmp_nb(a: &str, b: &str) -> Ordering {
    let fa = fold(a);
    let fb = fold(b);
    fa.chars()
        .map(rank)
        .cmp(fb.chars().map(rank))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aeoa_sort_after_z_in_norwegian_order() {
        let mut v = vec!["Åmot", "Zebra", "Ørsta", "Ærfugl", "aure", "Elverum"];
        v.sort_by(|a, b| cmp_nb(a, b));
        assert_eq!(v, ["aure", "Elverum", "Zebra", "Ærfugl", "Ørsta", "Åmot"]);
    }

    #[test]
    fn folds_non_ascii_case() {
        assert_eq!(fold("ÆØÅ Sag"), "æøå sag");
        assert_eq!(
            fold_ascii("Økonomistyring på Rena"),
            "okonomistyring pa rena"
        );
    }
}
