//! Text from outside made safe to store and show: the invisible characters
//! that would corrupt a list or reorder the window's text are removed.
//!
//! Removed everywhere: C0 controls but tab, line feed and carriage return
//! (so NUL, bell, escape, vertical tab…), DEL and the C1 controls; the
//! bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069), which in a name would reverse the text shown after it;
//! and the byte order mark U+FEFF. Right-to-left letters themselves are
//! kept (Unicode's own ordering shows them right), and so are the
//! direction marks U+200E/U+200F, which reorder nothing beyond their
//! neighbours.

use std::borrow::Cow;

/// True for a character [`clean`] removes.
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' => true,
        _ => false,
    }
}

/// `s` without the characters [`is_unsafe`] names; borrowed when it has none.
pub fn clean(s: &str) -> Cow<'_, str> {
    // Every unsafe character is a C0/C1 control, or starts with byte
    // 0xE2 or 0xEF: most texts pass on one scan of the bytes.
    let suspect = s
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef);
    if !suspect || !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !is_unsafe(c)).collect())
}

/// [`clean`] in place.
pub fn clean_in_place(s: &mut String) {
    if let Cow::Owned(c) = clean(s) {
        *s = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_go_letters_stay() {
        assert_eq!(clean("Ola\u{0}\u{7} Nordmann\u{1b}"), "Ola Nordmann");
        assert_eq!(
            clean("Firma \u{202e}AS\u{202c} og \u{2067}x\u{2069}"),
            "Firma AS og x"
        );
        assert_eq!(clean("\u{feff}Tittel\u{85}"), "Tittel");
        assert_eq!(clean("linje 1\r\nlinje 2\tto"), "linje 1\r\nlinje 2\tto");
        assert_eq!(clean("שלום and æøå \u{200f}"), "שלום and æøå \u{200f}");
        assert!(matches!(clean("Sveising – «lean»"), Cow::Borrowed(_)));
    }
}
