//! The known vocabulary of a catalogue: compound splitting and spelling repair.
//!
//! Words are known when they occur in the indexed entries or the thesaurus.
//! A word that is not known is split into known parts (`bærekrafts|rapportering`,
//! with the linking `-s-`/`-e-`), given back its `æøå` (`okonomi` → `økonomi`)
//! or mapped to a known word within a small edit distance (`rekrutering`).
//!
//! Splitting and repair try every cut of a word, so their work grows with
//! the square of its length: neither is tried on a word longer than
//! [`MAX_WORD`] (the tokenisers cut longer ones), and the work done is
//! counted ([`Lexicon::work`]) so that tests can bound it without a clock.

use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::{ascii_key, cognate_key, digraph_key, Lang, Stemmers, MAX_WORD};

/// Right-hand parts that are suffixes, not words.
const NOT_HEADS: &[&str] = &[
    "else", "elser", "ende", "ning", "ning", "ling", "heten", "heter", "ings", "ene", "erne",
    "sjon", "sjonen", "sjoner", "ering", "ert", "ane", "ande",
];

/// Generic words (see [`WordInfo::generic`]).
const GENERIC: &str = include_str!("../data/generic.txt");

/// Vocabulary with word and stem frequencies.
pub(crate) struct Lexicon {
    pub(crate) stemmers: Stemmers,
    words: HashMap<String, u32>,
    /// [`base_form`] of every word: `månedlig` makes `måned` known.
    bases: HashSet<String>,
    keys: HashMap<String, String>,
    by_first: HashMap<char, Vec<(String, String)>>,
    /// Single-word thesaurus terms: split no further than these.
    units: HashSet<String>,
    /// Generic words and their stems (`data/generic.txt`).
    generic: HashSet<String>,
    /// Bytes looked up or compared by splitting and repair so far.
    work: AtomicU64,
}

/// How a word of a text was understood.
#[derive(Debug, Clone)]
pub(crate) struct WordInfo {
    /// The word after spelling repair (the input if it was known).
    pub canonical: String,
    /// True if `canonical` differs from the typed word.
    pub repaired: bool,
    /// Stems of `canonical`: Norwegian, English.
    pub stems: [String; 2],
    /// Ids of `stems` in the index's stem table, `u32::MAX` if not interned.
    pub ids: [u32; 2],
    /// [`crate::text::cognate_key`] of `canonical`, and its id.
    pub cognate: Option<String>,
    pub cognate_id: u32,
    /// Compound or hyphen parts with their stems and a weight (0..1).
    pub parts: Vec<Part>,
    /// A generic word (`system`, `jobb`, `utvikling`): low weight in a
    /// query, no concepts of its own.
    pub generic: bool,
}

/// One part of a compound word.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// The head (last part) of its compound, not a modifier.
    pub head: bool,
    /// Ids of `stems` in the index's stem table, `u32::MAX` if not interned.
    pub ids: [u32; 2],
    /// The part as written (for diagnosis).
    #[allow(dead_code)]
    pub surface: String,
    pub stems: [String; 2],
    pub weight: f32,
    /// A generic word (see [`WordInfo::generic`]).
    pub generic: bool,
}

impl Lexicon {
    /// Builds the vocabulary from the words of the catalogue and the thesaurus.
    pub fn new(words: HashMap<String, u32>, units: HashSet<String>) -> Self {
        let stemmers = Stemmers::new();
        let mut bases = HashSet::default();
        let mut keyed: HashMap<String, (u32, String)> = HashMap::default();
        for (w, &n) in &words {
            if w.contains('-') {
                continue;
            }
            bases.insert(base_form(w).to_string());
            let k = ascii_key(w);
            let e = keyed.entry(k).or_insert((0, String::new()));
            // Most frequent spelling wins; ties go to the alphabetically first.
            if n > e.0 || (n == e.0 && (e.1.is_empty() || *w < e.1)) {
                *e = (n, w.clone());
            }
        }
        let mut by_first: HashMap<char, Vec<(String, String)>> = HashMap::default();
        let mut keys = HashMap::default();
        let mut sorted: Vec<_> = keyed.into_iter().collect();
        sorted.sort();
        for (k, (_, w)) in sorted {
            if let Some(c) = k.chars().next() {
                by_first.entry(c).or_default().push((k.clone(), w.clone()));
            }
            keys.insert(k, w);
        }
        let mut generic = HashSet::default();
        for w in GENERIC
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
        {
            generic.insert(w.to_string());
            generic.insert(stemmers.stem(Lang::Norwegian, w));
            generic.insert(stemmers.stem(Lang::English, w));
        }
        Lexicon {
            generic,
            stemmers,
            words,
            bases,
            keys,
            by_first,
            units,
            work: AtomicU64::new(0),
        }
    }

    /// Bytes looked up or compared by compound splitting and spelling repair
    /// since the lexicon was built: a measure of work that does not depend
    /// on the machine.
    pub fn work(&self) -> u64 {
        self.work.load(Ordering::Relaxed)
    }

    fn count(&self, bytes: usize) {
        self.work.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// Every known word.
    pub fn words(&self) -> impl Iterator<Item = &String> {
        self.words.keys()
    }

    fn freq(&self, w: &str) -> u32 {
        self.words.get(w).copied().unwrap_or(0)
    }

    /// A word seen as such, or whose Norwegian stem is the stem of a seen word.
    fn known(&self, w: &str) -> bool {
        self.words.contains_key(w) || self.bases.contains(base_form(w))
    }

    fn known_left(&self, w: &str) -> bool {
        let n = w.chars().count();
        if n < 3 || (n == 3 && !self.units.contains(w)) {
            return false;
        }
        self.known(w)
    }

    fn known_head(&self, w: &str) -> bool {
        w.chars().count() >= 4 && !NOT_HEADS.contains(&w) && self.known(w)
    }

    /// Best split of `w` into modifier and head, linking letter dropped.
    pub fn split2(&self, w: &str) -> Option<(String, String)> {
        self.split2_d(w, 0)
    }

    /// [`Self::split2`]; a head may itself be a compound, one level deep (at
    /// `depth` 1 only whether there is a split counts: the parts are empty).
    fn split2_d(&self, w: &str, depth: u8) -> Option<(String, String)> {
        if w.len() > 4 * MAX_WORD {
            return None;
        }
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        let n = chars.len();
        if !(7..=MAX_WORD).contains(&n) || w.contains('-') || w.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        // Bytes looked up: every cut's modifier, and the head where one is known.
        let mut work = 0;
        // (head known as is, modifier seen as is, min part length, head length):
        // higher is better.
        type Key = (bool, bool, usize, usize);
        let mut best: Option<(Key, &str, &str)> = None;
        for (i, &(at, _)) in chars.iter().enumerate().take(n.saturating_sub(3)).skip(3) {
            let (l, r) = (&w[..at], &w[at..]);
            let rn = n - i;
            // The modifier first: it is rarely known, and the head may cost a
            // recursive split.
            let linked = (l.ends_with('s') || l.ends_with('e')) && i > 3;
            let lefts = [Some(l), linked.then(|| &l[..l.len() - 1])];
            work += 2 * l.len();
            let mut known_lefts = lefts.into_iter().flatten().filter(|x| self.known_left(x));
            let Some(first_left) = known_lefts.next() else {
                continue;
            };
            let second_left = known_lefts.next();
            work += r.len();
            let head_direct = self.known_head(r);
            if depth > 0 && head_direct {
                // Only whether a split exists is asked one level down.
                self.count(work);
                return Some((String::new(), String::new()));
            }
            let head_ok =
                head_direct || (depth == 0 && rn >= 7 && self.split2_d(r, depth + 1).is_some());
            if !head_ok {
                continue;
            }
            for left in std::iter::once(first_left).chain(second_left) {
                let ln = left.chars().count();
                let key = (head_direct, self.words.contains_key(left), ln.min(rn), rn);
                if best.as_ref().is_none_or(|b| key > b.0) {
                    best = Some((key, left, r));
                }
            }
        }
        self.count(work);
        best.map(|(_, l, r)| (l.to_string(), r.to_string()))
    }

    /// All parts of a compound, top-level ones weighted `w`, deeper ones less.
    fn parts_into(&self, w: &str, weight: f32, out: &mut Vec<Part>, depth: u8) {
        if depth > 1 {
            return;
        }
        if let Some((l, r)) = self.split2(w) {
            for (p, head) in [(l, false), (r, true)] {
                out.push(self.part(p.clone(), head, weight));
                if !self.units.contains(&p) {
                    self.parts_into(&p, weight * 0.7, out, depth + 1);
                }
            }
        }
    }

    /// True for a generic word (`data/generic.txt`), by word or stem.
    fn is_generic(&self, w: &str, stems: &[String; 2]) -> bool {
        self.generic.contains(w) || stems.iter().any(|s| self.generic.contains(s))
    }

    fn part(&self, p: String, head: bool, weight: f32) -> Part {
        let stems = self.stems_of(&p);
        Part {
            head,
            ids: [u32::MAX; 2],
            generic: self.is_generic(&p, &stems),
            stems,
            surface: p,
            weight,
        }
    }

    fn stems_of(&self, w: &str) -> [String; 2] {
        [
            self.stemmers.stem(Lang::Norwegian, w),
            self.stemmers.stem(Lang::English, w),
        ]
    }

    /// Analyses one folded word. `repair` allows spelling repair of unknown words.
    pub fn word(&self, w: &str, repair: bool) -> WordInfo {
        let mut canonical = w.to_string();
        let mut repaired = false;
        if repair && !w.contains('-') && !self.known(w) {
            if let Some(c) = self.repair(w) {
                canonical = c;
                repaired = true;
            }
        }
        let mut parts = Vec::new();
        if canonical.contains('-') {
            for p in canonical.split('-').filter(|p| p.chars().count() >= 2) {
                let p = p.to_string();
                parts.push(self.part(p.clone(), true, 0.9));
                self.parts_into(&p, 0.6, &mut parts, 1);
            }
        } else {
            self.parts_into(&canonical, 0.7, &mut parts, 0);
            // An unknown word with no split: try its æøå-less parts.
            if parts.is_empty() && repair && !self.known(&canonical) {
                if let Some((l, r)) = self.split_repaired(&canonical) {
                    canonical = format!("{l}{r}");
                    repaired = true;
                    for p in [l, r] {
                        parts.push(self.part(p, true, 0.7));
                    }
                }
            }
        }
        let stems = self.stems_of(&canonical);
        WordInfo {
            generic: self.is_generic(&canonical, &stems),
            cognate: cognate_key(&canonical).map(|k| format!("~{k}")),
            cognate_id: u32::MAX,
            ids: [u32::MAX; 2],
            stems,
            canonical,
            repaired,
            parts,
        }
    }

    /// Splits a word typed without æøå into two known words (`okonomi|ansvarlig`).
    fn split_repaired(&self, w: &str) -> Option<(String, String)> {
        if w.len() > 4 * MAX_WORD {
            return None;
        }
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        let n = chars.len();
        if !(8..=MAX_WORD).contains(&n) {
            return None;
        }
        let mut work = 0;
        let mut found = None;
        for i in 4..=n - 4 {
            let (l, r) = (&w[..chars[i].0], &w[chars[i].0..]);
            work += 2 * l.len() + r.len();
            let l = self.keys.get(l).cloned().or_else(|| {
                l.strip_suffix('s')
                    .and_then(|x| self.keys.get(x).cloned())
                    .filter(|_| l.len() > 4)
            });
            let r = self.keys.get(r).cloned();
            if let (Some(l), Some(r)) = (l, r) {
                if self.known_left(&l) && self.known_head(&r) {
                    found = Some((l, r));
                    break;
                }
            }
        }
        self.count(work);
        found
    }

    /// A known word for an unknown one: same letters but æøå, or one or two
    /// edits away (longer words allow more), most frequent first.
    pub fn repair(&self, w: &str) -> Option<String> {
        if w.len() > 4 * MAX_WORD {
            return None;
        }
        let n = w.chars().count();
        if !(3..=MAX_WORD).contains(&n) || w.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        self.count(3 * w.len());
        let k = ascii_key(w);
        if let Some(c) = self.keys.get(&k) {
            if c != w {
                return Some(c.clone());
            }
        }
        if let Some(d) = digraph_key(w) {
            if let Some(c) = self.keys.get(&d) {
                return Some(c.clone());
            }
        }
        if n < 6 {
            return None;
        }
        let max = if n >= 9 { 2 } else { 1 };
        let first = k.chars().next()?;
        let kc: Vec<char> = k.chars().collect();
        let mut best: Option<(usize, std::cmp::Reverse<u32>, &str)> = None;
        // Bytes of the candidates scanned, and cells of the distances computed.
        let mut work = 0;
        for (ck, cw) in self.by_first.get(&first).into_iter().flatten() {
            work += ck.len();
            let cn = ck.chars().count();
            // Typos are repaired towards words the catalogue uses, not rare ones.
            if self.freq(cw) < 2 {
                continue;
            }
            if cn + max < n || n + max < cn || cn < 4 {
                continue;
            }
            work += n * cn;
            let d = damerau(&kc, ck, max);
            if d > max {
                continue;
            }
            let cand = (d, std::cmp::Reverse(self.freq(cw)), cw.as_str());
            if best.as_ref().is_none_or(|b| cand < *b) {
                best = Some(cand);
            }
        }
        self.count(work);
        best.map(|(_, _, w)| w.to_string())
    }
}

/// A cheap inflection-stripped form for "is this word known?" checks
/// (`kartleggingen` → `kartlegg`, `månedlig` → `måned`); not a stemmer.
pub(crate) fn base_form(w: &str) -> &str {
    const SUFFIXES: &[&str] = &[
        "ingene", "ingane", "ingen", "inger", "ingar", "inga", "elsen", "heten", "ene", "ane",
        "ende", "ande", "lige", "ing", "else", "het", "lig", "ige", "en", "et", "er", "ar", "ig",
        "a", "e", "s", "t",
    ];
    for s in SUFFIXES {
        if let Some(b) = w.strip_suffix(s) {
            if b.chars().count() >= 4 {
                return b;
            }
        }
    }
    w
}

/// Optimal-string-alignment distance, giving up (returning `max + 1`) early.
fn damerau(a: &[char], b: &str, max: usize) -> usize {
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(words: &[&str], units: &[&str]) -> Lexicon {
        Lexicon::new(
            words.iter().map(|w| (w.to_string(), 2)).collect(),
            units.iter().map(|w| w.to_string()).collect(),
        )
    }

    #[test]
    fn splits_compounds_with_linking_s() {
        let l = lex(
            &["bærekraft", "rapportering", "arbeidsmiljø", "kartlegging"],
            &["arbeidsmiljø"],
        );
        assert_eq!(
            l.split2("bærekraftsrapportering"),
            Some(("bærekraft".into(), "rapportering".into()))
        );
        assert_eq!(
            l.split2("arbeidsmiljøkartlegging"),
            Some(("arbeidsmiljø".into(), "kartlegging".into()))
        );
        assert_eq!(l.split2("rapportering"), None);
    }

    #[test]
    fn repairs_missing_aeoeaa_and_typos() {
        let l = lex(
            &[
                "økonomistyring",
                "lønnsomhet",
                "rekruttering",
                "lærebedrift",
                "safety",
            ],
            &[],
        );
        assert_eq!(
            l.repair("okonomistyring").as_deref(),
            Some("økonomistyring")
        );
        assert_eq!(l.repair("lonnsomhet").as_deref(), Some("lønnsomhet"));
        assert_eq!(l.repair("rekrutering").as_deref(), Some("rekruttering"));
        assert_eq!(l.repair("lærebedrit").as_deref(), Some("lærebedrift"));
        assert_eq!(l.repair("saftey").as_deref(), Some("safety"));
        assert_eq!(l.repair("zzzzzz"), None);
    }

    #[test]
    fn edit_distance() {
        let a: Vec<char> = "saftey".chars().collect();
        assert_eq!(damerau(&a, "safety", 2), 1);
        let a: Vec<char> = "abc".chars().collect();
        assert_eq!(damerau(&a, "xyz", 1), 2);
    }
}
