//! Norwegian ordering: æ, ø, å sort after z, in that order; case and
//! accents are folded first with the matcher's one `fold`.

use std::cmp::Ordering;

use kompis_match::text::fold;

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
    fn accents_and_case_do_not_change_the_order() {
        let mut v = vec!["Égil", "eva", "ELVERUM", "Ådal"];
        v.sort_by(|a, b| cmp_nb(a, b));
        assert_eq!(v, ["Égil", "ELVERUM", "eva", "Ådal"]);
    }
}
