//! Turning one entry into weighted features: stems, compound parts and concepts.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{Lexicon, WordInfo};
use crate::text::{cut_word, detect_lang, fold, is_stopword, tokenize, word_char, Lang};
use crate::thesaurus::Thesaurus;
use crate::Doc;

/// A feature of a text: a stem (by its id in the [`StemTable`]), or a
/// concept of the thesaurus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FeatKey {
    /// Stem of a whole word.
    Word(u32),
    /// Stem of a part of a compound or hyphenated word.
    Part(u32),
    /// A thesaurus concept.
    Concept(u32),
    /// A cognate spelling key (by its id in the stem table; the top bit says
    /// English), shared only between texts in different languages.
    Cognate(u32),
}

/// One feature with its weight and the words of the text that carried it
/// (indices into [`Analysis::surf`]).
#[derive(Debug, Clone)]
pub(crate) struct Feat {
    pub key: FeatKey,
    pub weight: f32,
    pub surfaces: Surfs,
}

/// Up to [`Surfs::MAX`] distinct surface indices, inline (enough to explain).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Surfs {
    ix: [u32; Surfs::MAX],
    n: u8,
    /// Whether a whole word or phrase of the text carried the feature (not
    /// only a compound's part).
    pub whole: bool,
}

impl Surfs {
    const MAX: usize = 4;

    fn push(&mut self, si: u32) {
        let n = usize::from(self.n);
        if n < Self::MAX && !self.ix[..n].contains(&si) {
            self.ix[n] = si;
            self.n += 1;
        }
    }

    /// The indices, in order of first appearance.
    pub fn as_slice(&self) -> &[u32] {
        &self.ix[..usize::from(self.n)]
    }
}

/// The features of one entry.
#[derive(Debug, Clone)]
pub(crate) struct Analysis<'f> {
    pub feats: Vec<Feat>,
    /// Words (borrowed from the fields) and phrases of the text that carried
    /// features.
    pub surf: Vec<Cow<'f, str>>,
    /// Number of content words (for length normalisation).
    pub len: f32,
    /// Per surface: whether it is a word of the title (the first field).
    pub title_surf: Vec<bool>,
}

impl Analysis<'_> {
    /// Whether a word of the title carried feature `fi`.
    pub fn in_title(&self, fi: usize) -> bool {
        self.feats[fi]
            .surfaces
            .as_slice()
            .iter()
            .any(|&i| self.title_surf.get(i as usize).copied().unwrap_or(false))
    }
}

/// Stems interned to ids. Stems a query brings that the index never saw get
/// ids past the table, local to that query.
#[derive(Default)]
pub(crate) struct StemTable {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl StemTable {
    /// Id of `s`, adding it.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.ids.insert(s.to_string(), i);
        self.names.push(s.to_string());
        i
    }

    /// The stem of an id (`?` for a query-local one).
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("?", String::as_str)
    }
}

/// Resolves stems to ids while analysing one text.
pub(crate) enum Stems<'a> {
    /// Building the index: every stem gets a permanent id.
    Build(&'a mut StemTable),
    /// A query: known stems keep their id, others get a local one.
    Query(&'a StemTable, HashMap<String, u32>),
}

impl Stems<'_> {
    fn id(&mut self, s: &str) -> u32 {
        match self {
            Stems::Build(t) => t.intern(s),
            Stems::Query(t, local) => {
                if let Some(&i) = t.ids.get(s) {
                    return i;
                }
                let next = t.ids.len() as u32 + local.len() as u32;
                *local.entry(s.to_string()).or_insert(next)
            }
        }
    }
}

/// Tokenised fields of an entry with their weights, a gap between fields and
/// between keywords so several-word terms do not match across them.
pub(crate) fn fields(doc: &Doc, fw: FieldWeights) -> Vec<Field> {
    let mut fields = vec![Field::new(&doc.title, fw.title)];
    for k in &doc.keywords {
        fields.push(Field::new(k, fw.keywords));
    }
    fields.push(Field::new(&doc.description, fw.description));
    fields
}

/// Subject pronouns (and `som`): a homograph after one is the verb.
const SUBJECTS: &[&str] = &[
    "vi", "me", "de", "dei", "jeg", "eg", "du", "han", "hun", "ho", "som", "man",
];
/// Words that may follow the noun (or the wood) in a list or phrase.
const AFTER_NOUN: &[&str] = &[
    "og", "eller", "and", "or", "er", "var", "i", "pa", "på", "for", "til", "av", "med", "fra",
    "som", "kan", "blir", "ble",
];

/// Whether word `i` of `text` (`spans`) is the function-word reading of a
/// homograph that also names a topic: `tre` as the numeral (`tre nye
/// operatører`, not wood) and `lager`/`lagar` as the verb (`vi lager`, not a
/// warehouse), told by the neighbouring words in the same phrase. Such a
/// word is left out like a stopword.
fn function_use(text: &str, spans: &[(u32, u32)], i: usize) -> bool {
    let word = |j: usize| &text[spans[j].0 as usize..spans[j].1 as usize];
    let joined = |a: usize, b: usize| {
        text[spans[a].1 as usize..spans[b].0 as usize]
            .chars()
            .all(char::is_whitespace)
    };
    let next = (i + 1 < spans.len() && joined(i, i + 1)).then(|| word(i + 1));
    let prev = (i > 0 && joined(i - 1, i)).then(|| word(i - 1));
    match word(i) {
        "tre" => next.is_some_and(|n| !AFTER_NOUN.contains(&n)),
        "lager" | "lagar" => {
            prev.is_some_and(|p| SUBJECTS.contains(&p))
                || next.is_some_and(|n| !AFTER_NOUN.contains(&n))
        }
        _ => false,
    }
}

/// One field of an entry, folded, with the byte spans of its words (see
/// [`tokenize`], which this matches without a `String` per word; a word
/// longer than [`crate::text::MAX_WORD`] is cut the same way).
pub(crate) struct Field {
    text: String,
    spans: Vec<(u32, u32)>,
    pub weight: f32,
}

impl Field {
    fn new(raw: &str, weight: f32) -> Self {
        let text = fold(raw);
        let mut spans = Vec::new();
        let mut start: Option<usize> = None;
        let push = |a: usize, b: usize, spans: &mut Vec<(u32, u32)>| {
            let w = &text[a..b];
            let lead = w.len() - w.trim_start_matches('-').len();
            let w2 = cut_word(w.trim_matches('-'));
            if !w2.is_empty() {
                spans.push(((a + lead) as u32, (a + lead + w2.len()) as u32));
            }
        };
        // Bytes: ASCII and `æøå` without decoding (`word_char` otherwise).
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (word, len) = match b[i] {
                c if c < 0x80 => (c.is_ascii_alphanumeric() || c == b'-', 1),
                0xC3 if matches!(b.get(i + 1), Some(0xA5 | 0xA6 | 0xB8)) => (true, 2),
                _ => {
                    let c = text[i..].chars().next().expect("a char starts here");
                    (word_char(c), c.len_utf8())
                }
            };
            if word {
                start.get_or_insert(i);
            } else if let Some(a) = start.take() {
                push(a, i, &mut spans);
            }
            i += len;
        }
        if let Some(a) = start {
            push(a, text.len(), &mut spans);
        }
        let keep: Vec<bool> = (0..spans.len())
            .map(|i| !function_use(&text, &spans, i))
            .collect();
        let mut k = keep.iter();
        spans.retain(|_| *k.next().expect("one per span"));
        Field {
            text,
            spans,
            weight,
        }
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(a, b)| &self.text[a as usize..b as usize])
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

/// A term of several stems.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MultiTerm {
    stems: Vec<u32>,
    concept: u32,
    /// From a compound `modifier+head`: matches `head … modifier` only
    /// (`rapportering av bærekraft` for `bærekraftsrapportering`).
    head_first: bool,
}

/// Concept terms indexed by stem.
pub(crate) struct ConceptIndex {
    /// Stem → concepts having it as a one-word term.
    single: HashMap<u32, Vec<u32>>,
    /// Lead stem → several-word terms having it.
    multi: HashMap<u32, Vec<MultiTerm>>,
    /// Concept ids, by index.
    pub ids: Vec<String>,
}

impl ConceptIndex {
    /// Indexes every term of `thes` under its Norwegian and English stems; a
    /// one-word compound term is also indexed as its parts (so
    /// `bærekraftsrapportering` finds `rapportering av bærekraft`).
    pub fn new(thes: &Thesaurus, lex: &Lexicon, table: &mut StemTable) -> Self {
        let mut single: HashMap<u32, Vec<u32>> = HashMap::default();
        let mut multi: HashMap<u32, Vec<MultiTerm>> = HashMap::default();
        let mut ids = Vec::new();
        for (ci, g) in thes.groups().iter().enumerate() {
            let ci = ci as u32;
            ids.push(g.id.clone());
            for term in &g.terms {
                let all = tokenize(term);
                let toks: Vec<String> = all.iter().filter(|t| !is_stopword(t)).cloned().collect();
                // A phrase reduced to one word by its stopwords (`få tak i`) is too vague.
                if toks.is_empty() || (toks.len() == 1 && all.len() > 1) {
                    continue;
                }
                let mut variants: Vec<(Vec<String>, bool)> = Vec::new();
                for lang in [Lang::Norwegian, Lang::English] {
                    let stems: Vec<String> =
                        toks.iter().map(|t| lex.stemmers.stem(lang, t)).collect();
                    variants.push((stems, false));
                    if toks.len() == 1 {
                        let t = &toks[0];
                        if t.contains('-') {
                            let parts: Vec<String> = t
                                .split('-')
                                .filter(|p| p.chars().count() >= 2)
                                .map(|p| lex.stemmers.stem(lang, p))
                                .collect();
                            if parts.len() >= 2 {
                                variants.push((parts, false));
                            }
                        } else if let Some((l, r)) = lex.split2(t) {
                            let parts =
                                vec![lex.stemmers.stem(lang, &l), lex.stemmers.stem(lang, &r)];
                            variants.push((parts, true));
                            // `ledelse`, `leiing` and `styring` name the same
                            // idea as a compound's head (`miljøledelse` =
                            // `miljøstyring` = `miljøleiing`).
                            if MANAGEMENT_HEADS.contains(&r.as_str()) {
                                for h in MANAGEMENT_HEADS.iter().filter(|h| **h != r) {
                                    for link in ["", "s"] {
                                        let w = format!("{l}{link}{h}");
                                        variants.push((vec![lex.stemmers.stem(lang, &w)], false));
                                    }
                                    let parts = vec![
                                        lex.stemmers.stem(lang, &l),
                                        lex.stemmers.stem(lang, h),
                                    ];
                                    variants.push((parts, true));
                                }
                            }
                        }
                    }
                }
                variants.sort();
                variants.dedup();
                for (v, head_first) in variants {
                    let v: Vec<u32> = v.iter().map(|x| table.intern(x)).collect();
                    if v.len() == 1 {
                        let e = single.entry(v[0]).or_default();
                        if !e.contains(&ci) {
                            e.push(ci);
                        }
                    } else {
                        let m = MultiTerm {
                            stems: v,
                            concept: ci,
                            head_first,
                        };
                        let e = multi.entry(m.stems[0]).or_default();
                        if !e.contains(&m) {
                            e.push(m);
                        }
                    }
                }
            }
        }
        ConceptIndex { single, multi, ids }
    }
}

/// Compound heads that name the same idea: management of the modifier.
const MANAGEMENT_HEADS: &[&str] = &["ledelse", "leiing", "styring"];

/// A query word matching part of an indexed compound (`rapportering` in
/// `bærekraftsrapportering`) counts this much of a whole-word match.
const PART_OF_WORD: f32 = 0.7;
/// Part against part (`måneds|rapportering` vs `bærekrafts|rapportering`).
const PART_OF_PART: f32 = 0.35;
/// Concepts of a compound's modifier, relative to those of its head.
const MODIFIER: f32 = 0.5;
/// Weight of a shared cognate key (`export`/`eksport`) relative to a shared word.
const COGNATE: f32 = 0.7;
/// Weight of a generic query word or part (`system`, `jobb`, `utvikling`:
/// `data/generic.txt`) relative to a specific one.
const GENERIC: f32 = 0.3;
/// Weight of a shared concept relative to a shared word, on the query side.
const CONCEPT_BOOST: f32 = 2.0;

/// Field weights: title, keywords, description.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldWeights {
    pub title: f32,
    pub keywords: f32,
    pub description: f32,
}

struct Pos<'f, 'i> {
    surface: &'f str,
    info: &'i WordInfo,
    field_w: f32,
    /// Generic words count less: the word is generic and its field has a
    /// specific word too (`Vi trenger folk` keeps `folk`).
    damp: bool,
}

/// Cache of analysed words, shared by all entries of an index.
pub(crate) type WordCache = HashMap<String, WordInfo>;

/// Analyses one entry. For an indexed entry (`query == false`) repeated
/// features add up (term frequency); for a query the strongest occurrence
/// counts, and each word also asks for itself as part of a compound.
pub(crate) fn analyze<'f>(
    fields: &'f [Field],
    lex: &Lexicon,
    concepts: &ConceptIndex,
    cache: &WordCache,
    stems: &mut Stems,
    query: bool,
) -> Analysis<'f> {
    let sum = !query;
    let lang = detect_lang(fields.iter().flat_map(Field::words));
    let li = usize::from(lang == Lang::English);

    // One look-up per word: the shared cache, else a stopword, else analysed here.
    enum Seen<'c> {
        Known(&'c WordInfo),
        Stop,
        New,
    }
    let seen: Vec<Vec<Seen>> = fields
        .iter()
        .map(|f| {
            f.words()
                .map(|t| match cache.get(t) {
                    Some(i) => Seen::Known(i),
                    None if is_stopword(t) => Seen::Stop,
                    None => Seen::New,
                })
                .collect()
        })
        .collect();
    let mut local: HashMap<&str, WordInfo> = HashMap::default();
    for (f, sn) in fields.iter().zip(&seen) {
        for (t, k) in f.words().zip(sn) {
            if matches!(k, Seen::New) && !local.contains_key(t) {
                local.insert(t, lex.word(t, true));
            }
        }
    }
    let total: usize = fields.iter().map(|f| f.len() + 3).sum();
    let mut positions: Vec<Option<Pos>> = Vec::with_capacity(total);
    for (f, sn) in fields.iter().zip(&seen) {
        let first = positions.len();
        for (t, k) in f.words().zip(sn) {
            let info = match k {
                Seen::Known(i) => *i,
                Seen::Stop => continue,
                Seen::New => {
                    let i = &local[t];
                    if is_stopword(&i.canonical) {
                        continue;
                    }
                    i
                }
            };
            positions.push(Some(Pos {
                surface: t,
                info,
                field_w: f.weight,
                damp: info.generic,
            }));
        }
        if positions[first..].iter().flatten().all(|p| p.info.generic) {
            for p in positions[first..].iter_mut().flatten() {
                p.damp = false;
            }
        }
        positions.push(None);
        positions.push(None);
        positions.push(None);
    }

    // Features in order of first appearance (so ids and float sums are
    // reproducible), and (feature, surface) pairs.
    let mut acc: HashMap<FeatKey, u32> =
        HashMap::with_capacity_and_hasher(4 * positions.len(), Default::default());
    let mut feats: Vec<Feat> = Vec::with_capacity(2 * positions.len());
    let mut surf: Vec<Cow<'f, str>> = Vec::with_capacity(positions.len());
    let mut surf_ix: HashMap<&str, u32> =
        HashMap::with_capacity_and_hasher(positions.len(), Default::default());
    let mut add = |key: FeatKey, w: f32, si: u32, whole: bool| {
        let fi = *acc.entry(key).or_insert_with(|| {
            feats.push(Feat {
                key,
                weight: 0.0,
                surfaces: Surfs::default(),
            });
            feats.len() as u32 - 1
        });
        let f = &mut feats[fi as usize];
        if sum {
            f.weight += w;
        } else {
            f.weight = f.weight.max(w);
        }
        f.surfaces.push(si);
        f.surfaces.whole |= whole;
    };
    // Surface index of every position's word.
    let pos_surf: Vec<u32> = positions
        .iter()
        .map(|p| match p {
            Some(p) => match surf_ix.get(p.surface) {
                Some(&i) => i,
                None => {
                    let i = surf.len() as u32;
                    surf.push(Cow::Borrowed(p.surface));
                    surf_ix.insert(p.surface, i);
                    i
                }
            },
            None => u32::MAX,
        })
        .collect();

    // Stem ids per position: the word's, then its parts'.
    let mut idof = |cached: u32, stem: &str| {
        if cached != u32::MAX {
            cached
        } else {
            stems.id(stem)
        }
    };
    // Flat: word id per position, part ids of position i at
    // part_ids[part_at[i]..part_at[i + 1]].
    let mut word_ids: Vec<u32> = Vec::with_capacity(positions.len());
    let mut part_ids: Vec<u32> = Vec::new();
    let mut part_at: Vec<usize> = Vec::with_capacity(positions.len() + 1);
    for p in &positions {
        part_at.push(part_ids.len());
        match p {
            Some(p) => {
                word_ids.push(idof(p.info.ids[li], &p.info.stems[li]));
                for pt in &p.info.parts {
                    part_ids.push(idof(pt.ids[li], &pt.stems[li]));
                }
            }
            None => word_ids.push(u32::MAX),
        }
    }
    part_at.push(part_ids.len());
    let parts_of = |i: usize| &part_ids[part_at[i]..part_at[i + 1]];

    // Several-word concept terms, in any order within a small window. Each
    // place says whether it is a compound's modifier (`gruppe` in
    // `gruppeintervju`, an interview): a compound term's head is never a
    // modifier of the text (`ledergruppe` is not `gruppeintervjuer leder`),
    // its modifier may be (`ledelse av energibruken` is `energiledelse`).
    let mut at_list: Vec<(u32, usize, bool)> = Vec::with_capacity(positions.len() + part_ids.len());
    for (i, &w) in word_ids.iter().enumerate() {
        if w != u32::MAX {
            at_list.push((w, i, false));
            let parts = parts_of(i);
            for (k, &pt) in parts.iter().enumerate() {
                at_list.push((pt, i, k + 1 < parts.len()));
            }
        }
    }
    at_list.sort_unstable();
    at_list.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    let at = |stem: u32| -> &[(u32, usize, bool)] {
        let lo = at_list.partition_point(|x| x.0 < stem);
        let hi = at_list.partition_point(|x| x.0 <= stem);
        &at_list[lo..hi]
    };
    // Candidates first, then the longest phrases win their words: a word
    // used by `helse, miljø og sikkerhet` is not also `miljø` on its own.
    let mut cands: Vec<(std::cmp::Reverse<usize>, bool, u32, Vec<usize>)> = Vec::new();
    let mut hit: Vec<usize> = Vec::with_capacity(8);
    for group in at_list.chunk_by(|a, b| a.0 == b.0) {
        let s = group[0].0;
        let Some(vars) = concepts.multi.get(&s) else {
            continue;
        };
        for mt in vars {
            let span = mt.stems.len();
            for &(_, p0, _) in group {
                hit.clear();
                hit.push(p0);
                let mut head_is_modifier = false;
                let ok = mt.stems[1..].iter().all(|st| {
                    Some(at(*st))
                        .and_then(|ps| {
                            ps.iter().find(|&&(_, p, _)| {
                                if mt.head_first {
                                    // stems = [modifier, head]: head strictly before.
                                    p < p0 && p0 - p <= 2
                                } else {
                                    p.abs_diff(p0) <= span
                                }
                            })
                        })
                        .map(|&(_, p, m)| {
                            head_is_modifier |= mt.head_first && m;
                            hit.push(p)
                        })
                        .is_some()
                });
                if ok && !head_is_modifier {
                    let mut h = hit.clone();
                    h.sort_unstable();
                    h.dedup();
                    cands.push((std::cmp::Reverse(h.len()), mt.head_first, mt.concept, h));
                }
            }
        }
    }
    cands.sort();
    // Per position: the phrase that took it, and whether that phrase is long
    // enough (3+ words) to silence the word's own concepts.
    let mut taken: Vec<Option<Vec<usize>>> = vec![None; positions.len()];
    let mut consumed = vec![false; positions.len()];
    let mut silenced = vec![false; positions.len()];
    let cb = if query { CONCEPT_BOOST } else { 1.0 };
    for (_, _, concept, hit) in cands {
        if hit.len() > 1
            && hit
                .iter()
                .any(|&i| taken[i].as_ref().is_some_and(|h| *h != hit))
        {
            continue;
        }
        let fw = hit
            .iter()
            .filter_map(|&i| positions[i].as_ref().map(|p| p.field_w))
            .fold(0.0f32, f32::max);
        let si = if hit.len() == 1 {
            pos_surf[hit[0]]
        } else {
            let phrase = hit
                .iter()
                .filter_map(|&i| positions[i].as_ref().map(|p| p.surface))
                .collect::<Vec<_>>()
                .join(" ");
            let i = surf.len() as u32;
            surf.push(Cow::Owned(phrase));
            i
        };
        add(FeatKey::Concept(concept), fw * cb, si, true);
        if hit.len() > 1 {
            for &i in &hit {
                consumed[i] = true;
                silenced[i] = hit.len() >= 3;
                taken[i] = Some(hit.clone());
            }
        }
    }

    let mut len = 0.0f32;
    for (i, p) in positions.iter().enumerate() {
        let Some(p) = p else { continue };
        len += 1.0;
        let fwt = p.field_w * if p.info.repaired { 0.85 } else { 1.0 };
        let gen = if query && p.damp { GENERIC } else { 1.0 };
        let ww = fwt * gen * if consumed[i] { 0.5 } else { 1.0 };
        let sid = word_ids[i];
        let ps = pos_surf[i];
        add(FeatKey::Word(sid), ww, ps, true);
        if let Some(c) = &p.info.cognate {
            let cid = if p.info.cognate_id != u32::MAX {
                p.info.cognate_id
            } else {
                stems.id(c)
            };
            // Across languages only: an indexed entry files it under its own
            // language, a query asks for it under the other.
            let lang_bit = u32::from((li == 1) != query) << 31;
            add(FeatKey::Cognate(cid | lang_bit), ww * COGNATE, ps, true);
        }
        if query {
            add(FeatKey::Part(sid), ww * PART_OF_WORD, ps, true);
        }
        if silenced[i] {
            // The word's meaning is the phrase's; no concepts of its own.
        } else if let Some(cs) = concepts.single.get(&sid) {
            for &c in cs {
                add(FeatKey::Concept(c), fwt * gen * cb, ps, true);
            }
        }
        for (part, &pid) in p.info.parts.iter().zip(parts_of(i)) {
            let pgen = if query && part.generic { GENERIC } else { 1.0 };
            let pw = fwt * part.weight * pgen;
            if query {
                add(FeatKey::Word(pid), pw, ps, true);
                add(FeatKey::Part(pid), pw * PART_OF_PART, ps, true);
            } else {
                add(FeatKey::Part(pid), pw, ps, true);
            }
            if silenced[i] {
                continue;
            }
            if let Some(cs) = concepts.single.get(&pid) {
                // A modifier qualifies the compound (`familie|bedrift` is a
                // kind of firm, not about families): its concepts count less.
                let cw = if part.head { pw } else { pw * MODIFIER };
                for &c in cs {
                    add(FeatKey::Concept(c), cw * cb, ps, false);
                }
            }
        }
    }
    let mut title_surf = vec![false; surf.len()];
    if query {
        for &si in pos_surf.iter().take_while(|&&si| si != u32::MAX) {
            title_surf[si as usize] = true;
        }
    }
    Analysis {
        feats,
        surf,
        len,
        title_surf,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        Field::new(s, 1.0).words().map(str::to_string).collect()
    }

    #[test]
    fn the_numeral_tre_and_the_verb_lager_are_left_out() {
        assert_eq!(
            words("Vi har tre nye operatører"),
            ["vi", "har", "nye", "operatører"]
        );
        assert_eq!(words("Vi lager trapper"), ["vi", "trapper"]);
        assert_eq!(words("lager beslutningsstøtte"), ["beslutningsstøtte"]);
    }

    #[test]
    fn tre_as_wood_and_lager_as_a_warehouse_stay() {
        assert_eq!(
            words("bygg i tre og stål"),
            ["bygg", "i", "tre", "og", "stål"]
        );
        assert_eq!(words("tre"), ["tre"]);
        assert_eq!(
            words("ordre, lager, fakturering"),
            ["ordre", "lager", "fakturering"]
        );
        assert_eq!(
            words("ordre, lager og faktura"),
            ["ordre", "lager", "og", "faktura"]
        );
        assert_eq!(words("bundet i lager."), ["bundet", "i", "lager"]);
    }
}
