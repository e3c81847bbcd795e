//! Turning one entry into weighted features: stems, compound parts and concepts.

use std::collections::HashMap;

use crate::lexicon::{Lexicon, WordInfo};
use crate::text::{detect_lang, is_stopword, tokenize, Lang};
use crate::thesaurus::Thesaurus;
use crate::Doc;

/// A feature of a text: a stem, or a concept of the thesaurus.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FeatKey {
    /// Stem of a whole word.
    Word(String),
    /// Stem of a part of a compound or hyphenated word.
    Part(String),
    /// A thesaurus concept.
    Concept(u32),
}

/// One feature with its weight and the words of the text that carried it.
#[derive(Debug, Clone)]
pub(crate) struct Feat {
    pub key: FeatKey,
    pub weight: f32,
    pub surfaces: Vec<String>,
}

/// The features of one entry.
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    pub feats: Vec<Feat>,
    /// Number of content words (for length normalisation).
    pub len: f32,
}

/// A term of several stems.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MultiTerm {
    stems: Vec<String>,
    concept: u32,
    /// From a compound `modifier+head`: matches `head … modifier` only
    /// (`rapportering av bærekraft` for `bærekraftsrapportering`).
    head_first: bool,
}

/// Concept terms indexed by stem.
pub(crate) struct ConceptIndex {
    /// Stem → concepts having it as a one-word term.
    single: HashMap<String, Vec<u32>>,
    /// Lead stem → several-word terms having it.
    multi: HashMap<String, Vec<MultiTerm>>,
    /// Concept ids, by index.
    pub ids: Vec<String>,
}

impl ConceptIndex {
    /// Indexes every term of `thes` under its Norwegian and English stems; a
    /// one-word compound term is also indexed as its parts (so
    /// `bærekraftsrapportering` finds `rapportering av bærekraft`).
    pub fn new(thes: &Thesaurus, lex: &Lexicon) -> Self {
        let mut single: HashMap<String, Vec<u32>> = HashMap::new();
        let mut multi: HashMap<String, Vec<MultiTerm>> = HashMap::new();
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
                        }
                    }
                }
                variants.sort();
                variants.dedup();
                for (v, head_first) in variants {
                    if v.len() == 1 {
                        let e = single.entry(v[0].clone()).or_default();
                        if !e.contains(&ci) {
                            e.push(ci);
                        }
                    } else {
                        let m = MultiTerm {
                            stems: v,
                            concept: ci,
                            head_first,
                        };
                        let e = multi.entry(m.stems[0].clone()).or_default();
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

/// A query word matching part of an indexed compound (`rapportering` in
/// `bærekraftsrapportering`) counts this much of a whole-word match.
const PART_OF_WORD: f32 = 0.7;
/// Part against part (`måneds|rapportering` vs `bærekrafts|rapportering`).
const PART_OF_PART: f32 = 0.35;
/// Weight of a shared concept relative to a shared word, on the query side.
const CONCEPT_BOOST: f32 = 2.0;

/// Field weights: title, keywords, description.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldWeights {
    pub title: f32,
    pub keywords: f32,
    pub description: f32,
}

struct Pos<'a> {
    surface: String,
    info: &'a WordInfo,
    field_w: f32,
}

/// Cache of analysed words, shared by all entries of an index.
pub(crate) type WordCache = HashMap<String, WordInfo>;

/// Analyses one entry. For an indexed entry (`query == false`) repeated
/// features add up (term frequency); for a query the strongest occurrence
/// counts, and each word also asks for itself as part of a compound.
pub(crate) fn analyze(
    doc: &Doc,
    lex: &Lexicon,
    concepts: &ConceptIndex,
    cache: &WordCache,
    fw: FieldWeights,
    query: bool,
) -> Analysis {
    let sum = !query;
    // Tokenise fields, with a gap of positions between fields and keywords so
    // several-word terms do not match across them.
    let mut fields: Vec<(Vec<String>, f32)> = vec![(tokenize(&doc.title), fw.title)];
    for k in &doc.keywords {
        fields.push((tokenize(k), fw.keywords));
    }
    fields.push((tokenize(&doc.description), fw.description));
    let all: Vec<String> = fields.iter().flat_map(|(t, _)| t.iter().cloned()).collect();
    let lang = detect_lang(&all);
    let li = usize::from(lang == Lang::English);

    let mut local: HashMap<String, WordInfo> = HashMap::new();
    for (toks, _) in &fields {
        for t in toks {
            if !is_stopword(t) && !cache.contains_key(t) && !local.contains_key(t) {
                local.insert(t.clone(), lex.word(t, true));
            }
        }
    }
    let mut positions: Vec<Option<Pos>> = Vec::new();
    for (toks, w) in &fields {
        for t in toks {
            if is_stopword(t) {
                continue;
            }
            let info = cache.get(t).or_else(|| local.get(t)).expect("analysed");
            if is_stopword(&info.canonical) {
                continue;
            }
            positions.push(Some(Pos {
                surface: t.clone(),
                info,
                field_w: *w,
            }));
        }
        positions.push(None);
        positions.push(None);
        positions.push(None);
    }

    let mut acc: HashMap<FeatKey, Feat> = HashMap::new();
    let mut add = |key: FeatKey, w: f32, surface: &str| {
        let f = acc.entry(key.clone()).or_insert_with(|| Feat {
            key,
            weight: 0.0,
            surfaces: Vec::new(),
        });
        if sum {
            f.weight += w;
        } else {
            f.weight = f.weight.max(w);
        }
        if !f.surfaces.iter().any(|s| s == surface) {
            f.surfaces.push(surface.to_string());
        }
    };

    // Several-word concept terms, in any order within a small window.
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in positions.iter().enumerate() {
        if let Some(p) = p {
            at.entry(p.info.stems[li].as_str()).or_default().push(i);
            for part in &p.info.parts {
                at.entry(part.stems[li].as_str()).or_default().push(i);
            }
        }
    }
    // Candidates first, then the longest phrases win their words: a word
    // used by `helse, miljø og sikkerhet` is not also `miljø` on its own.
    let mut cands: Vec<(std::cmp::Reverse<usize>, bool, u32, Vec<usize>)> = Vec::new();
    let mut lead: Vec<&str> = at.keys().copied().collect();
    lead.sort_unstable();
    for s in lead {
        let Some(vars) = concepts.multi.get(s) else {
            continue;
        };
        for mt in vars {
            let span = mt.stems.len();
            for &p0 in &at[s] {
                let mut hit = vec![p0];
                let ok = mt.stems[1..].iter().all(|st| {
                    at.get(st.as_str())
                        .and_then(|ps| {
                            ps.iter().find(|&&p| {
                                if mt.head_first {
                                    // stems = [modifier, head]: head strictly before.
                                    p < p0 && p0 - p <= 2
                                } else {
                                    p.abs_diff(p0) <= span
                                }
                            })
                        })
                        .map(|&p| hit.push(p))
                        .is_some()
                });
                if ok {
                    hit.sort_unstable();
                    hit.dedup();
                    cands.push((std::cmp::Reverse(hit.len()), mt.head_first, mt.concept, hit));
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
        let surface = hit
            .iter()
            .filter_map(|&i| positions[i].as_ref().map(|p| p.surface.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        add(FeatKey::Concept(concept), fw * cb, &surface);
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
        let ww = fwt * if consumed[i] { 0.5 } else { 1.0 };
        let stem = &p.info.stems[li];
        add(FeatKey::Word(stem.clone()), ww, &p.surface);
        if query {
            add(FeatKey::Part(stem.clone()), ww * PART_OF_WORD, &p.surface);
        }
        if silenced[i] {
            // The word's meaning is the phrase's; no concepts of its own.
        } else if let Some(cs) = concepts.single.get(stem) {
            for &c in cs {
                add(FeatKey::Concept(c), fwt * cb, &p.surface);
            }
        }
        for part in &p.info.parts {
            let pw = fwt * part.weight;
            if query {
                add(FeatKey::Word(part.stems[li].clone()), pw, &p.surface);
                add(
                    FeatKey::Part(part.stems[li].clone()),
                    pw * PART_OF_PART,
                    &p.surface,
                );
            } else {
                add(FeatKey::Part(part.stems[li].clone()), pw, &p.surface);
            }
            if silenced[i] {
                continue;
            }
            if let Some(cs) = concepts.single.get(&part.stems[li]) {
                for &c in cs {
                    add(FeatKey::Concept(c), pw * cb, &p.surface);
                }
            }
        }
    }
    let mut feats: Vec<Feat> = acc.into_values().collect();
    feats.sort_by(|a, b| a.key.cmp(&b.key));
    Analysis { feats, len }
}
