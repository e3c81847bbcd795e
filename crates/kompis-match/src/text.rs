//! Text normalisation: folding, tokenising, stopwords, language guess, stemming.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Unicode lowercase that keeps `æ`, `ø` and `å`, maps their Swedish/German
/// cousins onto them (`ä`→`æ`, `ö`→`ø`) and strips other accents (`é`→`e`).
///
/// Used before fuzzy-matcher, whose case folding is ASCII-only, and as the
/// first step of the token pipeline.
pub fn fold(s: &str) -> String {
    if s.is_ascii() && !s.contains("--") {
        return s.to_ascii_lowercase();
    }
    // Bytes: ASCII and the Norwegian letters (most of any text) directly,
    // anything else through `fold_char`.
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            // Runs of hyphens become one (`--` in typed text).
            if !(c == b'-' && out.last() == Some(&b'-')) {
                out.push(c.to_ascii_lowercase());
            }
            i += 1;
        } else if c == 0xC3 && matches!(b.get(i + 1), Some(0x85 | 0x86 | 0x98 | 0xA5 | 0xA6 | 0xB8))
        {
            // å æ ø and their capitals (which differ by 0x20 in the second byte).
            out.extend_from_slice(&[0xC3, b[i + 1] | 0x20]);
            i += 2;
        } else {
            let ch = s[i..].chars().next().expect("a char starts here");
            fold_char(ch, &mut out);
            i += ch.len_utf8();
        }
    }
    String::from_utf8(out).expect("folding keeps UTF-8")
}

/// [`fold`] of one character that is not ASCII, appended to `out`.
fn fold_char(c: char, out: &mut Vec<u8>) {
    let mut push = |c: char| {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    };
    // Combining marks (decomposed input): a + ring → å, o + stroke → ø.
    if ('\u{300}'..='\u{36f}').contains(&c) {
        if c == '\u{30a}' && out.last() == Some(&b'a') {
            out.pop();
            out.extend_from_slice("å".as_bytes());
        } else if c == '\u{338}' && out.last() == Some(&b'o') {
            out.pop();
            out.extend_from_slice("ø".as_bytes());
        }
        return;
    }
    for l in c.to_lowercase() {
        match l {
            'ä' => push('æ'),
            'ö' => push('ø'),
            'á' | 'à' | 'â' | 'ã' => push('a'),
            'é' | 'è' | 'ê' | 'ë' => push('e'),
            'í' | 'ì' | 'î' | 'ï' => push('i'),
            'ó' | 'ò' | 'ô' | 'õ' => push('o'),
            'ú' | 'ù' | 'û' | 'ü' => push('u'),
            'ç' => push('c'),
            'ñ' => push('n'),
            'ß' => {
                push('s');
                push('s');
            }
            '\u{2010}' | '\u{2011}' => push('-'),
            _ => push(l),
        }
    }
}

/// The form of a folded word typed without `æøå`: `æ`,`å`→`a`, `ø`→`o`.
/// Words that differ only in those letters share a key.
pub fn ascii_key(folded: &str) -> String {
    folded
        .chars()
        .map(|c| match c {
            'æ' | 'å' => 'a',
            'ø' => 'o',
            c => c,
        })
        .collect()
}

/// Alternative keys for a word typed with the digraph spellings `aa`, `ae`, `oe`.
pub fn digraph_key(folded: &str) -> Option<String> {
    if folded.contains("aa") || folded.contains("ae") || folded.contains("oe") {
        Some(
            folded
                .replace("aa", "a")
                .replace("ae", "a")
                .replace("oe", "o"),
        )
    } else {
        None
    }
}

/// Longest word the matcher analyses, in characters. A longer run of
/// letters and digits (pasted data without spaces, a hash) is cut to its
/// first `MAX_WORD` characters (a hyphen left at the cut is dropped), so
/// stemming, compound splitting and spelling repair do bounded work per
/// word whatever the text. Real words are far shorter: the longest of the
/// built-in thesaurus has 31 letters.
pub const MAX_WORD: usize = 64;

/// `w` cut to [`MAX_WORD`] characters, without a hyphen at the cut.
pub(crate) fn cut_word(w: &str) -> &str {
    if w.len() <= MAX_WORD {
        return w;
    }
    match w.char_indices().nth(MAX_WORD) {
        Some((at, _)) => w[..at].trim_end_matches('-'),
        None => w,
    }
}

/// Letters, digits and the hyphen make words.
pub(crate) fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '-'
    } else {
        c.is_alphanumeric()
    }
}

/// Splits a text into folded words. Letters and digits make words; a hyphen
/// inside a word is kept (`it-sikkerhet`), at its ends dropped; a word
/// longer than [`MAX_WORD`] characters is cut.
pub fn tokenize(s: &str) -> Vec<String> {
    let folded = fold(s);
    folded
        .split(|c: char| !word_char(c))
        .filter_map(|w| {
            let w = cut_word(w.trim_matches('-'));
            if w.is_empty() {
                None
            } else if w.contains("--") {
                let mut out = String::with_capacity(w.len());
                for c in w.chars() {
                    if !(c == '-' && out.ends_with('-')) {
                        out.push(c);
                    }
                }
                Some(out)
            } else {
                Some(w.to_string())
            }
        })
        .collect()
}

/// Language family of a text, for choosing the stemmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Bokmål or nynorsk.
    Norwegian,
    /// English.
    English,
}

const NO_STOP: &str = include_str!("../data/stopwords_no.txt");
const EN_STOP: &str = include_str!("../data/stopwords_en.txt");

/// The words of a word list, leaving out `#` comment lines.
fn set(src: &'static str) -> HashSet<&'static str> {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

fn no_stop() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| set(NO_STOP))
}

fn en_stop() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| set(EN_STOP))
}

/// True for a folded word that carries no meaning for matching, in any of
/// bokmål, nynorsk or English (also their `æøå`-less spellings).
pub fn is_stopword(w: &str) -> bool {
    no_stop().contains(w) || en_stop().contains(w)
}

/// Guesses the language from the share of English function words.
pub fn detect_lang<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Lang {
    let (mut en, mut no) = (0usize, 0usize);
    for t in tokens {
        // Function words are short; long words need no look-up.
        if t.len() > 5 {
            continue;
        }
        let e = en_stop().contains(t);
        let n = no_stop().contains(t);
        if e && !n {
            en += 1;
        } else if n && !e {
            no += 1;
        }
    }
    if en > no {
        Lang::English
    } else {
        Lang::Norwegian
    }
}

/// Snowball stemmers for Norwegian and English, plus a light derivational step
/// for Norwegian that Snowball leaves out (`rekruttering` ~ `rekruttere`).
pub struct Stemmers {
    no: Stemmer,
    en: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Self::new()
    }
}

impl Stemmers {
    /// Creates both stemmers.
    pub fn new() -> Self {
        Self {
            no: Stemmer::create(Algorithm::Norwegian),
            en: Stemmer::create(Algorithm::English),
        }
    }

    /// Stem of one folded word (no hyphens) in `lang`.
    pub fn stem(&self, lang: Lang, w: &str) -> String {
        if w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() <= 3 {
            return w.to_string();
        }
        if let Some(&(_, s)) = STEM_OVERRIDES.iter().find(|x| x.0 == w) {
            return s.to_string();
        }
        let s = match lang {
            Lang::English => self.en.stem(w).into_owned(),
            Lang::Norwegian => derive_no(&self.no.stem(w)),
        };
        // Very short stems conflate unrelated words (`ledig`, `leder` → `led`).
        if s.chars().count() < 4 {
            w.to_string()
        } else {
            s
        }
    }
}

/// Words whose stem would meet an unrelated word's (a stemmer override
/// list, as Lucene's): `felles` (common) is not `felling` (of trees),
/// `styring` (management) is not `styre` (a board), `personal` (staff) is
/// not `person`, `international` is not `internal` (Porter's `intern`),
/// `customers` are not `customs` (Porter's `custom`).
const STEM_OVERRIDES: &[(&str, &str)] = &[
    ("felles", "felles"),
    ("styring", "styring"),
    ("styringa", "styring"),
    ("styringen", "styring"),
    ("styringer", "styring"),
    ("styringar", "styring"),
    ("personal", "personal"),
    ("personalet", "personal"),
    ("customer", "customer"),
    ("customers", "customer"),
];

/// Norwegian derivational endings folded after Snowball, so that verb,
/// verbal noun and adjective meet: `rekrutter|ing`, `omstill|ing`,
/// `ansett|else`, `digital|t`.
fn derive_no(s: &str) -> String {
    let n = s.chars().count();
    for (suf, keep) in [
        ("ering", "er"),
        ("eringa", "er"),
        ("ingen", ""),
        ("inga", ""),
        ("ing", ""),
        ("else", ""),
        ("elsen", ""),
        ("leg", ""),
        ("lege", ""),
        ("sjonen", "sjon"),
        ("sjonar", "sjon"),
    ] {
        if let Some(base) = s.strip_suffix(suf) {
            if base.chars().count() >= 4 || (n >= 7 && base.chars().count() >= 3) {
                return format!("{base}{keep}");
            }
        }
    }
    if let Some(base) = s.strip_suffix("alt") {
        if base.chars().count() >= 4 {
            return format!("{base}al");
        }
    }
    s.to_string()
}

/// A spelling key that lets English and Norwegian cognates meet
/// (`export`/`eksport`, `strategy`/`strategi`, `logistics`/`logistikk`,
/// `digitalisation`/`digitalisering`). `None` for short or non-alphabetic words.
pub fn cognate_key(w: &str) -> Option<String> {
    if w.chars().count() < 5 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut s = w.to_string();
    for (a, b) in [
        ("tion", "sjon"),
        ("sion", "sjon"),
        ("ph", "f"),
        ("th", "t"),
        ("ch", "k"),
        ("ck", "k"),
        ("qu", "kv"),
        ("x", "ks"),
        ("ce", "se"),
        ("ci", "si"),
        ("cy", "si"),
        ("c", "k"),
        ("w", "v"),
        ("z", "s"),
        ("y", "i"),
    ] {
        if s.contains(a) {
            s = s.replace(a, b);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    for suf in [
        "isering", "isasjon", "ering", "asjon", "ing", "ene", "er", "en", "et", "es", "s", "e",
    ] {
        if let Some(b) = out.strip_suffix(suf) {
            if b.chars().count() >= 4 {
                return Some(b.to_string());
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_norwegian_letters_and_lowercases() {
        assert_eq!(fold("ØKONOMI Æres Åmot"), "økonomi æres åmot");
        assert_eq!(fold("Värmland Café"), "værmland cafe");
        assert_eq!(fold("a\u{30a}r"), "år");
    }

    #[test]
    fn seasons_and_months_are_stopwords_in_every_language() {
        for w in [
            "hausten", "høsten", "sommaren", "januar", "veker", "winter", "months",
        ] {
            assert!(is_stopword(w), "{w}");
        }
        assert!(!is_stopword("truckkurs"));
        assert!(!is_stopword("sommerjobb"));
    }

    #[test]
    fn comment_lines_of_the_stopword_lists_are_no_stopwords() {
        // Words of the lists' `#` lines ("Bokmål and nynorsk function words").
        for w in ["nynorsk", "function", "spelled", "topic"] {
            assert!(!is_stopword(w), "{w}");
        }
        assert!(is_stopword("og") && is_stopword("the"));
    }

    #[test]
    fn overridden_stems_keep_unrelated_words_apart() {
        let st = Stemmers::new();
        for lang in [Lang::Norwegian, Lang::English] {
            assert_ne!(st.stem(lang, "felles"), st.stem(lang, "felling"));
            assert_ne!(st.stem(lang, "styringen"), st.stem(lang, "styret"));
            assert_ne!(st.stem(lang, "personal"), st.stem(lang, "person"));
            assert_ne!(st.stem(lang, "customers"), st.stem(lang, "customs"));
        }
        assert_eq!(
            st.stem(Lang::Norwegian, "styringa"),
            st.stem(Lang::Norwegian, "styring")
        );
    }

    #[test]
    fn tokenize_keeps_inner_hyphens() {
        assert_eq!(
            tokenize("HMS-arbeidet, CSRD/ESRS og tre- og metall"),
            vec!["hms-arbeidet", "csrd", "esrs", "og", "tre", "og", "metall"]
        );
    }

    #[test]
    fn long_words_are_cut_at_a_character() {
        let ae = "æ".repeat(10_000);
        assert_eq!(tokenize(&ae), vec!["æ".repeat(MAX_WORD)]);
        let w = format!("{}-{}", "a".repeat(MAX_WORD - 1), "b".repeat(100));
        assert_eq!(tokenize(&w), vec!["a".repeat(MAX_WORD - 1)]);
        assert_eq!(cut_word("bærekraft"), "bærekraft");
    }

    #[test]
    fn ascii_key_merges_words_without_aeoeaa() {
        assert_eq!(ascii_key("økonomistyring"), "okonomistyring");
        assert_eq!(ascii_key("bærekraft"), "barekraft");
        assert_eq!(digraph_key("baerekraft").as_deref(), Some("barekraft"));
    }

    #[test]
    fn stemming_meets_verb_and_noun() {
        let s = Stemmers::new();
        let no = Lang::Norwegian;
        assert_eq!(s.stem(no, "rekruttere"), s.stem(no, "rekruttering"));
        assert_eq!(s.stem(no, "omstille"), s.stem(no, "omstilling"));
        assert_eq!(s.stem(no, "investere"), s.stem(no, "investeringer"));
        assert_eq!(s.stem(no, "lønnsomheten"), s.stem(no, "lønnsom"));
        assert_eq!(s.stem(Lang::English, "recruiting"), "recruit");
    }

    #[test]
    fn cognates_meet() {
        for (a, b) in [
            ("export", "eksport"),
            ("strategy", "strategi"),
            ("logistics", "logistikk"),
            ("digitalisation", "digitalisering"),
            ("innovation", "innovasjon"),
        ] {
            assert_eq!(cognate_key(a), cognate_key(b), "{a} / {b}");
        }
        assert_ne!(cognate_key("export"), cognate_key("import"));
    }

    #[test]
    fn language_guess() {
        let t = tokenize("We need help with the supply chain and our suppliers");
        assert_eq!(detect_lang(t.iter().map(String::as_str)), Lang::English);
        let t = tokenize("Vi treng hjelp med leverandørkjeda og innkjøp");
        assert_eq!(detect_lang(t.iter().map(String::as_str)), Lang::Norwegian);
    }
}
